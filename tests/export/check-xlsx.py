#!/usr/bin/env python3
# check-xlsx.py — the XLSX breakdown table, read back by openpyxl and by
# LibreOffice (XLSX → CSV), as the planners' spreadsheets will read it.
#
# Copyright 2026 The Anpai authors
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import os
import tempfile
from exportcheck import TOOL, FIXTURE, check, finish, import_debian, run, soffice_convert

openpyxl = import_debian('openpyxl', 'python3-openpyxl')


def rows_of(sheet):
    return [[("" if v is None else str(v)) for v in row] for row in sheet.iter_rows(values_only=True)]


def soffice_csv(path, outdir, profile):
    out = soffice_convert(path, outdir, profile, "csv:Text - txt - csv (StarCalc):44,34,76,1", "csv")
    if out is None:
        return None
    with open(out, encoding="utf-8") as f:
        return list(csv.reader(f))


with tempfile.TemporaryDirectory() as tmp:
    project = os.path.join(tmp, "annual.anpai")
    run(TOOL, "import", FIXTURE, "--into", project)

    # the whole plan, A4
    plan = os.path.join(tmp, "plan.xlsx")
    run(TOOL, "export", project, "--format", "xlsx", "--out", plan)
    check("the file is written, nothing left beside it",
          os.path.exists(plan) and not [f for f in os.listdir(tmp) if f.endswith(".part")])
    book = openpyxl.load_workbook(plan)
    check("one sheet for one plan", len(book.worksheets) == 1, book.sheetnames)
    sheet = book.worksheets[0]
    rows = rows_of(sheet)
    print("     sheet “%s”, %d rows" % (sheet.title, len(rows)))
    check("the title line has the plan's title and its 文号",
          "枫渡市2021年度政务公开工作要点" in rows[0][0] and "12号" in rows[0][0], rows[0][0])
    headings = rows[1]
    check("five headings, no role or status column", len(headings) == 5, headings)
    # in the C locale the headings are the English msgids
    check("headings are 序号 … 配合单位",
          headings[0] in ("No.", "序号") and headings[3] in ("Lead Unit", "牵头单位"), headings)
    merged = [str(r) for r in sheet.merged_cells.ranges]
    section = next((i for i, r in enumerate(rows) if r[0].startswith("一、")), None)
    check("a section row 一、推进决策公开", section is not None and "推进决策公开" in rows[section][0])
    if section is not None:
        check("the section row is merged across all columns",
              "A%d:E%d" % (section + 1, section + 1) in merged, merged)
        check("the section row is bold", sheet.cell(section + 1, 1).font.b)
    finance = next((r for r in rows if "加强财政信息公开" in r[1]), None)
    check("a task: 加强财政信息公开 with its text", finance is not None and "预决算信息" in finance[1], finance)
    if finance is not None:
        check("its 序号 （三）", finance[0] == "（三）", finance[0])
        check("its time requirement as written", finance[2] == "今年6月30日前", finance[2])
        check("its lead unit", finance[3] == "市财政局", finance[3])
        check("its supporting units, in order", finance[4] == "各有关部门、县级人民政府", finance[4])
    task_one = next((r for r in rows if "完善重大决策预公开制度" in r[1]), None)
    check("co-responsible then supporting units in one cell",
          task_one is not None and task_one[4].startswith("市司法局"), task_one)
    check("Chinese text intact (full-width punctuation)",
          any("对涉及群众切身利益的重大决策，决策前向社会公开征求意见" in r[1] for r in rows))
    check("print titles repeat the heading row", sheet.print_title_rows == "$2:$2", sheet.print_title_rows)
    check("landscape", sheet.page_setup.orientation == "landscape", sheet.page_setup.orientation)
    check("A4 (paper code 9)", str(sheet.page_setup.paperSize) == "9", sheet.page_setup.paperSize)
    widths = {c: sheet.column_dimensions[c].width for c in "ABCDE"}
    check("column widths set, the time column wide enough for 今年6月30日前",
          all(w and w > 5 for w in widths.values()) and widths["C"] >= 14, widths)
    check("cells wrap and have borders",
          sheet.cell(section + 2, 2).alignment.wrap_text and sheet.cell(section + 2, 2).border.left.style == "thin")

    # LibreOffice reads the same cells
    table = soffice_csv(plan, os.path.join(tmp, "csv"), tmp)
    if table is not None:
        flat = "\n".join(",".join(r) for r in table)
        check("LibreOffice: the task's text", "全面公开市级部门预决算信息" in flat)
        check("LibreOffice: the lead unit 市公共资源交易中心", "市公共资源交易中心" in flat)
        check("LibreOffice: the section 三、加强平台建设", "三、加强平台建设" in flat)

    # one sheet per unit, A3, with status
    units = os.path.join(tmp, "units.xlsx")
    run(TOOL, "export", project, "--format", "xlsx", "--per-unit", "--with-status",
        "--paper", "A3", "--out", units)
    book = openpyxl.load_workbook(units)
    names = book.sheetnames
    print("     sheets: " + "、".join(names))
    check("several sheets, one per unit", len(names) >= 5, names)
    check("sheet names unique, ≤ 31 characters, none of []:*?/\\",
          len(set(n.lower() for n in names)) == len(names)
          and all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names), names)
    check("a sheet named after the unit 市财政局", "市财政局" in names, names)
    if "市财政局" in names:
        sheet = book["市财政局"]
        rows = rows_of(sheet)
        check("its list: eight columns with role, status and progress", len(rows[1]) == 8, rows[1])
        tasks = [r for r in rows[2:] if r[1]]
        check("its list holds its task and no other",
              len(tasks) == 1 and "加强财政信息公开" in tasks[0][1], tasks)
        check("its role is lead", tasks and tasks[0][5] in ("Lead", "牵头"), tasks)
        check("A3 (paper code 8), landscape",
              str(sheet.page_setup.paperSize) == "8" and sheet.page_setup.orientation == "landscape")
        check("the section above the task is kept and merged",
              any(r[0].startswith("二、") for r in rows) and "A3:H3" in [str(m) for m in sheet.merged_cells.ranges],
              [str(m) for m in sheet.merged_cells.ranges])

finish()

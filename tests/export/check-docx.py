#!/usr/bin/env python3
# check-docx.py — the DOCX breakdown table, read back by python-docx and
# printed by LibreOffice (DOCX → PDF → pdftotext), as Word users get it.
#
# Copyright 2026 The Anpai authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import tempfile
from exportcheck import TOOL, FIXTURE, check, finish, import_debian, run, soffice_convert

docx = import_debian('docx', 'python3-docx')
from docx.enum.section import WD_ORIENT  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Mm  # noqa: E402


def row_texts(row):
    # one entry per grid cell: python-docx repeats a spanning cell
    return [cell.text for cell in row.cells]


def pdf_text(path, outdir, profile):
    if shutil.which("pdftotext") is None:
        check("pdftotext is installed", False, "missing")
        return None
    pdf = soffice_convert(path, outdir, profile, "pdf", "pdf")
    if pdf is None:
        return None
    return subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout


def close(a, b):
    return abs(a - b) < Mm(2)


with tempfile.TemporaryDirectory() as tmp:
    project = os.path.join(tmp, "annual.anpai")
    run(TOOL, "import", FIXTURE, "--into", project)

    plan = os.path.join(tmp, "plan.docx")
    run(TOOL, "export", project, "--format", "docx", "--out", plan)
    check("the file is written, nothing left beside it",
          os.path.exists(plan) and not [f for f in os.listdir(tmp) if f.endswith(".part")])
    document = docx.Document(plan)
    paragraphs = [p.text for p in document.paragraphs if p.text]
    check("a title line with the plan's title", paragraphs and "枫渡市2021年度政务公开工作要点" in paragraphs[0],
          paragraphs[:2])
    check("and its 文号", any("枫政办〔2021〕12号" in p for p in paragraphs), paragraphs[:2])
    check("one table", len(document.tables) == 1, len(document.tables))
    table = document.tables[0]
    headings = row_texts(table.rows[0])
    print("     %d rows, headings: %s" % (len(table.rows), " | ".join(headings)))
    check("five headings", len(headings) == 5, headings)
    check("headings are 序号 … 配合单位",
          headings[0] in ("No.", "序号") and headings[4] in ("Supporting Units", "配合单位"), headings)
    first_tr = table.rows[0]._tr
    check("the heading row repeats on every page (w:tblHeader)",
          first_tr.trPr is not None and first_tr.trPr.find(qn("w:tblHeader")) is not None)
    check("the layout is fixed, with a grid of five widths",
          len(table._tbl.tblGrid.findall(qn("w:gridCol"))) == 5)
    time_width = int(table._tbl.tblGrid.findall(qn("w:gridCol"))[2].get(qn("w:w")))
    check("the time column is wide enough for 今年6月30日前 (≥ 7 characters)", time_width >= 7 * 210, time_width)
    check("the table has borders",
          table._tbl.tblPr.find(qn("w:tblBorders")) is not None)

    rows = [row_texts(r) for r in table.rows]
    section = next((i for i, r in enumerate(rows) if r[0].startswith("一、")), None)
    check("a section row 一、推进决策公开", section is not None and "推进决策公开" in rows[section][0])
    if section is not None:
        tcs = table.rows[section]._tr.findall(qn("w:tc"))
        span = tcs[0].tcPr.find(qn("w:gridSpan")) if tcs and tcs[0].tcPr is not None else None
        check("the section row is one cell spanning the five columns",
              len(tcs) == 1 and span is not None and span.get(qn("w:val")) == "5")
        check("the section row is bold",
              all(run_.bold for run_ in table.rows[section].cells[0].paragraphs[0].runs))
    finance = next((r for r in rows if "加强财政信息公开" in r[1]), None)
    check("a task: 加强财政信息公开, then its text", finance is not None and
          finance[1].startswith("加强财政信息公开\n") and "预决算信息" in finance[1], finance)
    if finance is not None:
        check("its 序号, time, lead and supporting units",
              finance[0] == "（三）" and finance[2] == "今年6月30日前" and finance[3] == "市财政局"
              and finance[4] == "各有关部门、县级人民政府", finance)
    check("Chinese text intact (full-width punctuation)",
          any("对涉及群众切身利益的重大决策，决策前向社会公开征求意见" in r[1] for r in rows))

    section_setup = document.sections[-1]
    check("a landscape A4 page",
          section_setup.orientation == WD_ORIENT.LANDSCAPE and close(section_setup.page_width, Mm(297))
          and close(section_setup.page_height, Mm(210)),
          (section_setup.orientation, section_setup.page_width, section_setup.page_height))

    text = pdf_text(plan, os.path.join(tmp, "pdf"), tmp)
    if text is not None:
        flat = "".join(text.split())
        check("LibreOffice prints a task's title", "推进公共资源配置信息公开" in flat)
        check("LibreOffice prints the lead unit 市公共资源交易中心", "市公共资源交易中心" in flat)

    # per unit, A3, with status: one table after another
    units = os.path.join(tmp, "units.docx")
    run(TOOL, "export", project, "--format", "docx", "--per-unit", "--with-status",
        "--paper", "A3", "--out", units)
    document = docx.Document(units)
    print("     per unit: %d tables" % len(document.tables))
    check("several tables, one per unit", len(document.tables) >= 5, len(document.tables))
    breaks = document.element.body.findall(".//" + qn("w:pageBreakBefore"))
    check("each after the first on a new page", len(breaks) == len(document.tables) - 1, len(breaks))
    section_setup = document.sections[-1]
    check("a landscape A3 page",
          section_setup.orientation == WD_ORIENT.LANDSCAPE and close(section_setup.page_width, Mm(420))
          and close(section_setup.page_height, Mm(297)))
    finance = next((t for t in document.tables
                    if any("加强财政信息公开" in c.text for c in t.rows[-1].cells)
                    and len(t.rows) == 3), None)
    check("市财政局's list: a section and its one task", finance is not None)
    if finance is not None:
        headings = row_texts(finance.rows[0])
        check("with role, status and progress columns", len(headings) == 8, headings)
        task = row_texts(finance.rows[2])
        check("its role is lead, progress 0%", task[5] in ("Lead", "牵头") and task[7] == "0%", task)
        span = finance.rows[1]._tr.findall(qn("w:tc"))[0].tcPr.find(qn("w:gridSpan"))
        check("its section spans the eight columns", span is not None and span.get(qn("w:val")) == "8")

finish()

#!/usr/bin/env python3
# check-csv.py — the CSV export read back by Python's csv module
#
# Copyright 2026 The Anpai authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A project is made from the annual plan fixture (tests/fixtures/plans/
# annual.txt), exported with anpai-tool and read as Excel and other programs
# would: RFC 4180 records, UTF-8 with a BOM or GB18030. The tests run in the
# C locale, so the headings are the untranslated ones.

import csv
import io
import json
import os
import subprocess
import sys
import tempfile

TOOL = os.environ['ANPAI_TOOL']
FIXTURE = os.path.join(os.environ['G_TEST_SRCDIR'], 'fixtures', 'plans', 'annual.txt')
HEADINGS = ['No.', 'Key Task', 'Time Requirement', 'Lead Unit', 'Supporting Units']


def run(*args, ok=True):
    result = subprocess.run([TOOL, *args], capture_output=True, text=True)
    if ok:
        assert result.returncode == 0, f'anpai-tool {" ".join(args)} failed: {result.stderr}'
    return result


def export(project, out, *args):
    run('export', project, '--format', 'csv', '--out', out, *args)
    with open(out, 'rb') as f:
        return f.read()


def records(data, encoding='utf-8-sig'):
    return list(csv.reader(io.StringIO(data.decode(encoding), newline=''), strict=True))


def check(what):
    print(f'check: {what}')


def task_row(rows, label):
    found = [r for r in rows if r and r[0] == label]
    assert len(found) == 1, f'one row labelled {label}, got {found}'
    return found[0]


def main():
    with tempfile.TemporaryDirectory(prefix='anpai-csv-') as tmp:
        project = os.path.join(tmp, 'p.anpai')
        run('import', FIXTURE, '--into', project)
        dump = json.loads(run('dump', project).stdout)
        tasks = [n for n in dump['plans'][0]['nodes'] if n['kind'] == 'task']
        sections = [n for n in dump['plans'][0]['nodes'] if n['kind'] == 'section']
        out = os.path.join(tmp, 'out.csv')

        check('UTF-8 with a BOM, CRLF line ends')
        data = export(project, out)
        assert data.startswith(b'\xef\xbb\xbf'), 'the UTF-8 file starts with a BOM'
        assert data.endswith(b'\r\n'), 'the last record ends with CRLF'
        assert b'\n' not in data.replace(b'\r\n', b''), 'no line ends with a bare LF'

        check('headings, then every section and task in outline order')
        rows = records(data)
        assert rows[0] == HEADINGS, f'headings: {rows[0]}'
        assert all(len(r) == len(HEADINGS) for r in rows), 'every record has every column'
        assert len(rows) == 1 + len(tasks) + len(sections), \
            f'{len(rows) - 1} rows for {len(tasks)} tasks and {len(sections)} sections'
        assert [r[0] for r in rows[1:4]] == ['一、', '（一）', '（二）'], 'outline order'

        check('a section row: its label and title, the other cells empty')
        section = task_row(rows, '二、')
        assert section == ['二、', '深化重点领域信息公开', '', '', ''], f'section row: {section}'

        check('a task: title and body, time requirement, lead and other units')
        row = task_row(rows, '（三）')
        assert row[1] == '加强财政信息公开 今年6月30日前，全面公开市级部门预决算信息。', f'key task: {row[1]}'
        assert row[2] == '今年6月30日前', f'time requirement: {row[2]}'
        assert row[3] == '市财政局', f'lead: {row[3]}'
        assert row[4] == '各有关部门、县级人民政府', f'other units: {row[4]}'
        row = task_row(rows, '（一）')
        assert row[3] == '市政府办公室' and row[4] == '市司法局、各有关部门、县级人民政府', f'units: {row}'
        assert task_row(rows, '（八）')[3:5] == ['', ''], 'a task without units has empty unit cells'

        check('GB18030: no BOM, the same records')
        data18030 = export(project, out, '--gb18030')
        assert not data18030.startswith(b'\xef\xbb\xbf'), 'no UTF-8 BOM in GB18030'
        try:
            data18030.decode('utf-8')
            assert False, 'the GB18030 file is not UTF-8'
        except UnicodeDecodeError:
            pass
        assert records(data18030, 'gb18030') == rows, 'GB18030 reads as the UTF-8 file does'

        check('--status: the filter and the status columns')
        rows = records(export(project, out, '--status', 'done'))
        assert rows == [HEADINGS], f'nothing is done in a new import: {rows}'
        rows = records(export(project, out, '--status', 'not-started', '--with-status'))
        assert rows[0] == HEADINGS + ['Status', 'Progress'], f'headings: {rows[0]}'
        assert len(rows) == 1 + len(tasks) + len(sections), 'every task is not started'
        assert all(r[5:] == ['Not started', '0%'] for r in rows[1:] if r[0].startswith('（')), \
            f'status and progress: {rows}'

        check('--status on a project with tasks in every status (anpai-tool sample)')
        sample = os.path.join(tmp, 'sample.anpai')
        run('sample', sample)
        done = [n for p in json.loads(run('dump', sample).stdout)['plans'] for n in p['nodes']
                if n['kind'] == 'task' and n['status'] == 'done']
        assert done, 'the sample has tasks done'
        rows = records(export(sample, out, '--status', 'done', '--with-status'))
        task_rows = [r for r in rows if len(r) == 7 and r[0] != 'No.' and r[2:] != [''] * 5]
        assert len(task_rows) == len(done), f'{len(task_rows)} rows for {len(done)} tasks done'
        assert all(r[5] == 'Done' for r in task_rows), f'only tasks done: {task_rows}'

        check("--unit: a unit's list with its role in each task")
        rows = records(export(project, out, '--unit', '市司法局'))
        assert rows[0] == HEADINGS[:5] + ['Role'], f'headings: {rows[0]}'
        labels = [r[0] for r in rows[1:] if r[0].startswith('（')]
        assert labels == ['（一）', '（六）'], f'市司法局 is in （一） and （六）: {labels}'
        assert task_row(rows, '（一）')[5] == 'Co-responsible', 'co-responsible in （一）'
        assert task_row(rows, '一、')[5] == '', 'a section has no role'
        rows = records(export(project, out, '--unit', '市财政局'))
        assert task_row(rows, '（三）')[5] == 'Lead', 'lead in （三）'

        check('a second plan: ASCII comma and quotes, a supporting unit, titled tables')
        with open(FIXTURE, encoding='utf-8') as f:
            text = f.read()
        text = text.replace('2021', '2022')
        text = text.replace('按月出版政府公报，做到应登尽登。', '按月出版"政府公报", 做到应登尽登。')
        text = text.replace('责任单位：市政府办公室、市数据局。', '责任单位：市政府办公室、市数据局。\n配合单位：市财政局。')
        variant = os.path.join(tmp, 'annual-2022.txt')
        with open(variant, 'w', encoding='utf-8') as f:
            f.write(text)
        run('import', variant, '--into', project, '--year', '2022')
        data = export(project, out)
        assert '"用好政府公报 按月出版""政府公报"", 做到应登尽登。"'.encode() in data, \
            'a field with a comma and quotes is quoted, its quotes doubled'
        rows = records(data)
        titles = [r for r in rows if len(r) == 1]
        assert titles == [['枫渡市2021年度政务公开工作要点'], ['枫渡市2022年度政务公开工作要点']], \
            f'each table starts with its title: {titles}'
        second = rows[rows.index(titles[1]) + 1:]
        assert second[0] == HEADINGS, 'then its headings'
        row = task_row(second, '（八）')
        assert row[1] == '用好政府公报 按月出版"政府公报", 做到应登尽登。', f'read back: {row[1]}'
        row = task_row(second, '（七）')
        assert row[4] == '市数据局、市财政局', f'co-responsible, then supporting: {row[4]}'
        rows = records(export(project, out, '--unit', '市财政局'))
        assert rows[0] == ['枫渡市2021年度政务公开工作要点 — 市财政局'], f"the unit's list is titled: {rows[0]}"
        assert task_row(rows[rows.index(['枫渡市2022年度政务公开工作要点 — 市财政局']):], '（七）')[5] == 'Supporting', \
            'supporting in （七） of 2022'

        check('--per-unit: one titled list per unit')
        rows = records(export(project, out, '--per-unit', '--plan', '1'))
        titles = [r[0] for r in rows if len(r) == 1]
        assert '枫渡市2021年度政务公开工作要点 — 市政府办公室' in titles, f'titles: {titles}'
        assert all(r == HEADINGS + ['Role'] for r in rows if r and r[0] == 'No.'), 'each list has the role column'

        check('errors: exit status 1 and one line on stderr')
        for args in (['--format', 'tsv', '--out', out], ['--format', 'csv', '--unit', '没有这个单位', '--out', out]):
            result = run('export', project, *args, ok=False)
            assert result.returncode == 1, f'{args}: exit status {result.returncode}'
            lines = result.stderr.splitlines()
            assert len(lines) == 1 and lines[0].startswith('anpai-tool: '), f'{args}: stderr {result.stderr!r}'
        assert not [f for f in os.listdir(tmp) if f.endswith('.part')], 'no temporary file left behind'

    print('check-csv: all passed')
    return 0


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python3
# check-ics.py — the iCalendar export read back by python3-icalendar
#
# Copyright 2026 The Anpai authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A project is made from the annual plan fixture (tests/fixtures/plans/
# annual.txt), exported with anpai-tool and read by icalendar, the reader
# behind many Python calendar tools; the physical lines are checked by hand
# since a reader that unfolds hides a bad fold.

import datetime
import json
import os
import subprocess
import sys
import tempfile

from exportcheck import TOOL, FIXTURE, import_debian

icalendar = import_debian('icalendar', 'python3-icalendar')


def run(*args):
    result = subprocess.run([TOOL, *args], capture_output=True, text=True)
    assert result.returncode == 0, f'anpai-tool {" ".join(args)} failed: {result.stderr}'
    return result


def export(project, out, *args):
    run('export', project, '--format', 'ics', '--out', out, *args)
    with open(out, 'rb') as f:
        return f.read()


def check(what):
    print(f'check: {what}')


def check_lines(data):
    assert data.endswith(b'\r\n'), 'the file ends with CRLF'
    lines = data.split(b'\r\n')[:-1]
    for n, line in enumerate(lines, 1):
        assert b'\n' not in line and b'\r' not in line, f'line {n} ends with CRLF: {line!r}'
        assert len(line) <= 75, f'line {n} has {len(line)} octets: {line!r}'
        try:
            line.decode('utf-8')
        except UnicodeDecodeError:
            assert False, f'line {n} is folded inside a UTF-8 character: {line!r}'
    return lines


def todos_by_label(calendar):
    todos = {}
    for todo in calendar.walk('VTODO'):
        label = str(todo['SUMMARY']).split(' ', 1)[0]
        todos[label] = todo
    return todos


def categories(todo):
    values = todo.get('CATEGORIES')
    values = values if isinstance(values, list) else [values]
    return [str(c) for v in values if v is not None for c in v.cats]


def iso(value):
    return datetime.date.fromisoformat(value)


def main():
    with tempfile.TemporaryDirectory(prefix='anpai-ics-') as tmp:
        project = os.path.join(tmp, 'p.anpai')
        run('import', FIXTURE, '--into', project)
        plan = json.loads(run('dump', project).stdout)['plans'][0]
        tasks = {n['label']: n for n in plan['nodes'] if n['kind'] == 'task'}
        out = os.path.join(tmp, 'out.ics')

        data = export(project, out)
        check('every physical line ends with CRLF, has at most 75 octets, and is whole UTF-8')
        lines = check_lines(data)
        assert any(line.startswith(b' ') for line in lines), 'long lines are folded'

        calendar = icalendar.Calendar.from_ical(data)
        check('the calendar: PRODID, VERSION, CALSCALE, its name')
        assert calendar.name == 'VCALENDAR', f'one VCALENDAR: {calendar.name}'
        assert str(calendar['PRODID']) == '-//Anpai//Anpai//ZH', calendar['PRODID']
        assert str(calendar['VERSION']) == '2.0', calendar['VERSION']
        assert str(calendar['CALSCALE']) == 'GREGORIAN', calendar['CALSCALE']
        assert str(calendar['X-WR-CALNAME']) == plan['title'], calendar['X-WR-CALNAME']

        check('one VTODO per task, none for sections')
        todos = list(calendar.walk('VTODO'))
        assert len(todos) == len(tasks), f'{len(todos)} VTODOs for {len(tasks)} tasks'
        assert not list(calendar.walk('VEVENT')), 'no VEVENT'
        by_label = todos_by_label(calendar)
        assert set(by_label) == set(tasks), f'summaries: {sorted(by_label)}'

        check('UIDs: one per task, the same in a second export')
        uids = [str(t['UID']) for t in todos]
        assert len(set(uids)) == len(uids), f'distinct UIDs: {uids}'
        expected = {f'anpai-node-{n["id"]}@{plan["id"]}' for n in tasks.values()}
        assert set(uids) == expected, f'UIDs: {uids}'
        again = icalendar.Calendar.from_ical(export(project, os.path.join(tmp, 'again.ics')))
        assert [str(t['UID']) for t in again.walk('VTODO')] == uids, 'UIDs stable across exports'

        check('Chinese text intact after unfolding')
        todo = by_label['（一）']
        assert str(todo['SUMMARY']) == '（一） 完善重大决策预公开制度', f'summary: {todo["SUMMARY"]}'
        description = str(todo['DESCRIPTION'])
        assert tasks['（一）']['text'] in description, f'body in description: {description!r}'
        assert '市司法局、各有关部门、县级人民政府' in description, f'units in description: {description!r}'

        check('a deadline: DUE is its date, a DATE value, with no DTSTART')
        todo = by_label['（三）']
        assert tasks['（三）']['time']['kind'] == 'deadline'
        due = todo['DUE'].dt
        assert due == iso(tasks['（三）']['time']['end']) == datetime.date(2021, 6, 30), f'DUE {due!r}'
        assert not isinstance(due, datetime.datetime), 'DUE is a DATE'
        assert 'DTSTART' not in todo, 'a deadline has no start'
        assert '今年6月30日前' in str(todo['DESCRIPTION']), 'the time requirement in the description'

        check('a window and an ongoing task: DTSTART and DUE are the period')
        for label in ('（一）', '（七）'):
            todo, time = by_label[label], tasks[label]['time']
            assert todo['DTSTART'].dt == iso(time['start']), f'{label} DTSTART {todo["DTSTART"].dt}'
            assert todo['DUE'].dt == iso(time['end']), f'{label} DUE {todo["DUE"].dt}'

        check("a recurring task: the plan's RRULE within the period, from its first occurrence")
        todo, time = by_label['（四）'], tasks['（四）']['time']
        assert time['kind'] == 'recurring'
        rule = todo['RRULE']
        stored = icalendar.vRecur.from_ical(time['rrule'])
        for key, value in stored.items():
            assert rule[key] == value, f'RRULE {key}: {rule[key]} for {value}'
        assert rule['UNTIL'] == [iso(time['end'])], f'UNTIL {rule.get("UNTIL")}'
        # 每季度 is the last day of March, June, September, December
        assert todo['DTSTART'].dt == datetime.date(2021, 3, 31), f'DTSTART {todo["DTSTART"].dt}'
        assert 'DUE' not in todo, 'each occurrence is due on its day'

        check('CATEGORIES is the lead unit; STATUS and PERCENT-COMPLETE')
        for label, task in tasks.items():
            todo = by_label[label]
            wanted = [task['lead']] if task['lead'] else []
            assert categories(todo) == wanted, f'{label} categories {categories(todo)} for {wanted}'
            assert str(todo['STATUS']) == 'NEEDS-ACTION', f'{label} status {todo["STATUS"]}'
            assert int(todo['PERCENT-COMPLETE']) == 0, f'{label} percent {todo["PERCENT-COMPLETE"]}'

        check('tasks without a date stay to-dos without DUE')
        with open(FIXTURE, encoding='utf-8') as f:
            text = f.read()
        # without its year the plan has no period, so no task has a date
        for year in ('2021年度', '2021年3月5日', '【2021】', '2021-'):
            text = text.replace(year, '')
        text = text.replace('2021年是', '今年是')
        undated = os.path.join(tmp, 'undated.txt')
        with open(undated, 'w', encoding='utf-8') as f:
            f.write(text)
        undated_project = os.path.join(tmp, 'undated.anpai')
        run('import', undated, '--into', undated_project)
        undated_plan = json.loads(run('dump', undated_project).stdout)['plans'][0]
        assert undated_plan['period']['start'] is None, 'the plan has no period'
        data = export(undated_project, out)
        check_lines(data)
        todos = list(icalendar.Calendar.from_ical(data).walk('VTODO'))
        assert len(todos) == len([n for n in undated_plan['nodes'] if n['kind'] == 'task']), \
            'every task is a to-do'
        assert all('DUE' not in t and 'DTSTART' not in t for t in todos), 'none has a date'

        check('the sample project: statuses, progress, supporting units')
        sample = os.path.join(tmp, 'sample.anpai')
        run('sample', sample)
        nodes = {f'anpai-node-{n["id"]}@{p["id"]}': n
                 for p in json.loads(run('dump', sample).stdout)['plans'] for n in p['nodes']
                 if n['kind'] == 'task'}
        data = export(sample, out)
        check_lines(data)
        statuses = {'not-started': 'NEEDS-ACTION', 'in-progress': 'IN-PROCESS', 'done': 'COMPLETED',
                    'suspended': 'NEEDS-ACTION', 'cancelled': 'CANCELLED'}
        todos = list(icalendar.Calendar.from_ical(data).walk('VTODO'))
        assert len(todos) == len(nodes), f'{len(todos)} VTODOs for {len(nodes)} tasks'
        for todo in todos:
            node = nodes[str(todo['UID'])]
            assert str(todo['STATUS']) == statuses[node['status']], f'{node["label"]} {todo["STATUS"]}'
            progress = 100 if node['status'] == 'done' else node['progress']
            assert int(todo['PERCENT-COMPLETE']) == progress, f'{node["label"]} {todo["PERCENT-COMPLETE"]}'
            for unit in node['support']:
                assert unit in str(todo['DESCRIPTION']), f'{node["label"]}: {unit} in the description'

    print('check-ics: all passed')
    return 0


if __name__ == '__main__':
    sys.exit(main())

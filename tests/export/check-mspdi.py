#!/usr/bin/env python3
# The breakdown table as MS Project XML (MSPDI), read back with xmllint and
# xml.etree: tasks, outline, dates, summaries, resources, assignments and
# the roles field; elements in the order of Microsoft's schema. Where GNOME
# Planner is installed, its own import stylesheet is run on the file too.
#
# Copyright 2026 The Anpai authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from exportcheck import TOOL, FIXTURE, check, finish, run, chinese

PLANNER_XSL = '/usr/share/planner/stylesheets/msp2planner.xsl'
NS = {'p': 'http://schemas.microsoft.com/project'}
TEXT1 = '188743731'

# the schema's order (mspdi_pj12.xsd) of the elements written
PROJECT_ORDER = ['SaveVersion', 'Name', 'Title', 'ScheduleFromStart', 'StartDate', 'FinishDate',
                 'CalendarUID', 'DefaultStartTime', 'DefaultFinishTime', 'MinutesPerDay',
                 'MinutesPerWeek', 'DaysPerMonth', 'ExtendedAttributes', 'Calendars', 'Tasks',
                 'Resources', 'Assignments']
TASK_ORDER = ['UID', 'ID', 'Name', 'Type', 'IsNull', 'CreateDate', 'Contact', 'WBS', 'WBSLevel',
              'OutlineNumber', 'OutlineLevel', 'Priority', 'Start', 'Finish', 'Duration',
              'DurationFormat', 'Work', 'Stop', 'Resume', 'ResumeValid', 'EffortDriven', 'Recurring',
              'OverAllocated', 'Estimated', 'Milestone', 'Summary', 'Critical', 'PercentComplete',
              'ConstraintType', 'CalendarUID', 'ConstraintDate', 'Deadline', 'Notes',
              'ExtendedAttribute']


def local(element):
    return element.tag.split('}')[-1]


def in_order(element, order):
    names = [local(child) for child in element]
    unknown = [n for n in names if n not in order]
    positions = [order.index(n) for n in names if n in order]
    return unknown == [] and positions == sorted(positions), ' '.join(names)


def text(element, name):
    found = element.find('p:' + name, NS)
    return found.text if found is not None else None



def long_plan(path):
    """12 tasks in one section (outline numbers 1.01 … 1.12), each with a
    lead, a co-responsible and a supporting unit."""
    units = ['市政府办公室', '市财政局', '市司法局', '市数据局', '市发改委']
    lines = ['枫渡市2022年度政务公开工作要点', '一、重点工作']
    for n in range(1, 13):
        lines.append('（%s）推进第%d项任务。今年%d月底前完成。' % (chinese(n), n, n))
        lines.append('牵头单位：%s；责任单位：%s；配合单位：%s。'
                     % (units[n % 5], units[(n + 1) % 5], units[(n + 2) % 5]))
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')


def export(project, path):
    run(TOOL, 'export', project, '--format', 'mspdi', '--out', path)
    result = subprocess.run(['xmllint', '--noout', path], capture_output=True, text=True)
    check('xmllint reads %s' % os.path.basename(path), result.returncode == 0, result.stderr)
    root = ET.parse(path).getroot()
    check('the root is <Project> in the MSPDI namespace', root.tag == '{%s}Project' % NS['p'], root.tag)
    ok, names = in_order(root, PROJECT_ORDER)
    check('the project elements in schema order', ok, names)
    bad = [text(t, 'UID') + ': ' + in_order(t, TASK_ORDER)[1]
           for t in root.findall('p:Tasks/p:Task', NS) if not in_order(t, TASK_ORDER)[0]]
    check('every task’s elements in schema order', bad == [], '; '.join(bad))
    return root


def planner_outline(root):
    """Planner's stylesheet takes as children of a task those one level down
    whose OutlineNumber starts with its own: that must be its children."""
    tasks = root.findall('p:Tasks/p:Task', NS)
    wrong = []
    for i, task in enumerate(tasks):
        level, number = int(text(task, 'OutlineLevel')), text(task, 'OutlineNumber')
        matched = [text(t, 'UID') for t in tasks
                   if int(text(t, 'OutlineLevel')) == level + 1 and text(t, 'OutlineNumber').startswith(number)]
        children = []
        for t in tasks[i + 1:]:
            if int(text(t, 'OutlineLevel')) <= level:
                break
            if int(text(t, 'OutlineLevel')) == level + 1:
                children.append(text(t, 'UID'))
        if matched != children:
            wrong.append(number)
    return wrong


def main():
    if shutil.which('xmllint') is None:
        sys.exit('FAIL xmllint is missing (libxml2-utils)')

    with tempfile.TemporaryDirectory() as tmp:
        project = os.path.join(tmp, 'p.anpai')
        path = os.path.join(tmp, 'annual.xml')
        run(TOOL, 'import', FIXTURE, '--into', project)
        dump = json.loads(run(TOOL, 'dump', project))
        root = export(project, path)

        check('Name and Title are the plan’s',
              text(root, 'Name') == text(root, 'Title') == '枫渡市2021年度政务公开工作要点', text(root, 'Title'))
        check('StartDate and FinishDate are the plan period',
              text(root, 'StartDate') == '2021-01-01T08:00:00' and text(root, 'FinishDate') == '2021-12-31T17:00:00',
              '%s %s' % (text(root, 'StartDate'), text(root, 'FinishDate')))
        calendar = root.find('p:Calendars/p:Calendar', NS)
        check('a standard calendar, UID 1', calendar is not None and text(calendar, 'UID') == '1'
              and text(root, 'CalendarUID') == '1')
        check('its week has five working days',
              [text(d, 'DayWorking') for d in calendar.findall('p:WeekDays/p:WeekDay', NS)] == list('0111110'))

        tasks = root.findall('p:Tasks/p:Task', NS)
        by_name = {text(t, 'Name'): t for t in tasks}
        check('one task per section and task: 3 + 7', len(tasks) == 10, str(len(tasks)))
        check('UIDs and IDs 1 … n', [text(t, 'UID') for t in tasks] == [str(i) for i in range(1, 11)]
              and [text(t, 'ID') for t in tasks] == [str(i) for i in range(1, 11)])
        sections = [t for t in tasks if text(t, 'Summary') == '1']
        check('the three sections are summaries at level 1',
              [text(t, 'Name') for t in sections] == ['一、推进决策公开', '二、深化重点领域信息公开', '三、加强平台建设']
              and all(text(t, 'OutlineLevel') == '1' for t in sections))
        check('the tasks are at level 2, not summaries',
              all(text(t, 'OutlineLevel') == '2' and text(t, 'Summary') == '0' for t in tasks if t not in sections))
        check('outline numbers and WBS', [text(t, 'OutlineNumber') for t in tasks]
              == ['1', '1.1', '1.2', '2', '2.1', '2.2', '2.3', '3', '3.1', '3.2']
              and all(text(t, 'WBS') == text(t, 'OutlineNumber') for t in tasks))

        first = by_name.get('（一）完善重大决策预公开制度')
        check('a task is named “label title”', first is not None, ' '.join(by_name))
        check('a task without a date spans the plan period',
              text(first, 'Start') == '2021-01-01T08:00:00' and text(first, 'Finish') == '2021-12-31T17:00:00')
        deadline = by_name['（三）加强财政信息公开']
        check('a deadline (今年6月30日前) is a milestone that ends 2021-06-30',
              text(deadline, 'Milestone') == '1' and text(deadline, 'Finish').startswith('2021-06-30T'),
              '%s %s' % (text(deadline, 'Milestone'), text(deadline, 'Finish')))
        check('年底前 ends 2021-12-31', text(by_name['（六）做好政策法规公开'], 'Finish').startswith('2021-12-31T'))
        check('other tasks are no milestones', text(first, 'Milestone') == '0')
        check('the section spans its tasks',
              text(by_name['二、深化重点领域信息公开'], 'Start') == '2021-01-01T08:00:00'
              and text(by_name['二、深化重点领域信息公开'], 'Finish') == '2021-12-31T17:00:00')
        check('PercentComplete', all(text(t, 'PercentComplete') == '0' for t in tasks))
        check('Contact is the lead unit', text(first, 'Contact') == '市政府办公室')
        check('Notes hold the body and the time requirement',
              '全面公开市级部门预决算信息' in text(deadline, 'Notes') and
              'Time requirement: 今年6月30日前' in text(deadline, 'Notes'), text(deadline, 'Notes'))

        definition = root.find('p:ExtendedAttributes/p:ExtendedAttribute', NS)
        check('the roles field is defined as Text1',
              definition is not None and text(definition, 'FieldID') == TEXT1
              and text(definition, 'FieldName') == 'Text1')
        roles = first.find('p:ExtendedAttribute', NS)
        check('a task’s roles in Text1', roles is not None and text(roles, 'FieldID') == TEXT1 and
              text(roles, 'Value') == 'Lead: 市政府办公室; Co-responsible: 市司法局、各有关部门、县级人民政府',
              text(roles, 'Value') if roles is not None else 'none')

        resources = {text(r, 'UID'): text(r, 'Name') for r in root.findall('p:Resources/p:Resource', NS)}
        check('a resource for every unit', sorted(resources.values()) == sorted(u['name'] for u in dump['units']),
              ' '.join(resources.values()))
        check('resources have IDs above 0 (Planner skips the others)',
              all(int(text(r, 'ID')) > 0 for r in root.findall('p:Resources/p:Resource', NS)))
        assigned = {}
        for a in root.findall('p:Assignments/p:Assignment', NS):
            assigned.setdefault(text(a, 'TaskUID'), []).append(resources.get(text(a, 'ResourceUID')))
            if text(a, 'Units') != '1':
                check('assignment units are 1', False, text(a, 'Units'))
        check('the lead and the other units are assigned',
              assigned.get(text(first, 'UID')) == ['市政府办公室', '市司法局', '各有关部门', '县级人民政府'],
              str(assigned.get(text(first, 'UID'))))
        check('sections have no assignments', all(text(t, 'UID') not in assigned for t in sections))
        check('a task without units has none', text(by_name['（八）用好政府公报'], 'UID') not in assigned)

        # supporting units, and ten siblings or more
        long_txt = os.path.join(tmp, 'long.txt')
        long_project = os.path.join(tmp, 'long.anpai')
        long_path = os.path.join(tmp, 'long.xml')
        long_plan(long_txt)
        run(TOOL, 'import', long_txt, '--into', long_project)
        long_root = export(long_project, long_path)
        tasks = long_root.findall('p:Tasks/p:Task', NS)
        resources = {text(r, 'UID'): text(r, 'Name') for r in long_root.findall('p:Resources/p:Resource', NS)}
        task = tasks[1]
        units = [resources[text(a, 'ResourceUID')] for a in long_root.findall('p:Assignments/p:Assignment', NS)
                 if text(a, 'TaskUID') == text(task, 'UID')]
        check('lead, co-responsible and supporting units are assigned',
              units == ['市财政局', '市司法局', '市数据局'], str(units))
        check('the roles text names the supporting unit',
              text(task.find('p:ExtendedAttribute', NS), 'Value')
              == 'Lead: 市财政局; Co-responsible: 市司法局; Supporting: 市数据局')
        check('siblings’ numbers have one width', text(tasks[1], 'OutlineNumber') == '1.01'
              and text(tasks[12], 'OutlineNumber') == '1.12')
        wrong = planner_outline(long_root)
        check('Planner’s outline rule finds each task’s children', wrong == [], ' '.join(wrong))
        check('a deadline 今年12月底前 ends 2022-12-31',
              text(tasks[12], 'Finish') == '2022-12-31T17:00:00', text(tasks[12], 'Finish'))

        # two plans: each a summary above its rows
        both = os.path.join(tmp, 'both.anpai')
        both_path = os.path.join(tmp, 'both.xml')
        run(TOOL, 'import', FIXTURE, long_txt, '--into', both)
        both_root = export(both, both_path)
        tasks = both_root.findall('p:Tasks/p:Task', NS)
        top = [text(t, 'Name') for t in tasks if text(t, 'OutlineLevel') == '1']
        check('two plans: one summary task each at level 1',
              top == ['枫渡市2021年度政务公开工作要点', '枫渡市2022年度政务公开工作要点'], str(top))
        check('two plans: 1 + 10 + 1 + 13 tasks', len(tasks) == 25, str(len(tasks)))
        check('two plans: the project spans both', text(both_root, 'StartDate') == '2021-01-01T08:00:00'
              and text(both_root, 'FinishDate') == '2022-12-31T17:00:00')
        check('two plans: Planner’s outline rule holds', planner_outline(both_root) == [])

        if os.path.exists(PLANNER_XSL) and shutil.which('xsltproc'):
            planner = ET.fromstring(run('xsltproc', PLANNER_XSL, both_path))
            check('Planner’s import stylesheet: every task once',
                  len(planner.findall('.//task')) == len(tasks), str(len(planner.findall('.//task'))))
            check('Planner’s import stylesheet: every resource',
                  len(planner.findall('.//resource')) == len(both_root.findall('p:Resources/p:Resource', NS)))
            check('Planner’s import stylesheet: every assignment',
                  len(planner.findall('.//allocation')) == len(both_root.findall('p:Assignments/p:Assignment', NS)))
            check('Planner’s import stylesheet: a milestone',
                  any(t.get('type') == 'milestone' for t in planner.findall('.//task')))
        else:
            print('skip GNOME Planner’s import stylesheet is not installed (%s)' % PLANNER_XSL)

    finish()


main()

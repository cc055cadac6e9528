#!/usr/bin/env python3
# The breakdown table as a PDF, read back with poppler: page size, the CJK
# font embedded, the text on the right pages, the header row on every page,
# rows kept whole and the "Page N of M" footer.
#
# Copyright 2026 The Anpai authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sys
import tempfile
from exportcheck import TOOL, FIXTURE, check, finish, run, chinese, info, page_text, flat



def long_plan(path):
    """40 tasks in 5 sections; task 20 is taller than a page. Each body
    ends with 第N项完毕, to tell where a row ends."""
    units = ['市政府办公室', '市财政局', '市司法局', '市数据局', '市发改委', '市教育局']
    lines = ['枫渡市2022年度政务公开工作要点', '为做好全市政务公开工作，现制定工作要点如下：']
    n = 0
    for s in range(1, 6):
        lines.append('%s、第%s方面重点工作' % (chinese(s), chinese(s)))
        for _ in range(8):
            n += 1
            body = '按照统一部署，细化工作措施，明确责任分工，加强督促检查，确保各项任务落到实处。' * (1 + n % 4)
            if n == 20:
                body = '持续深化政务公开标准化规范化建设，' * 150
            lines.append('（%s）推进第%d项任务。%s今年%d月底前完成，第%d项完毕。'
                         % (chinese(n), n, body, 1 + n % 12, n))
            lines.append('牵头单位：%s；责任单位：%s；配合单位：%s。'
                         % (units[n % 6], units[(n + 1) % 6], units[(n + 2) % 6]))
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')


def main():
    for reader in ('pdfinfo', 'pdffonts', 'pdftotext'):
        if shutil.which(reader) is None:
            sys.exit('FAIL %s is missing (poppler-utils)' % reader)

    with tempfile.TemporaryDirectory() as tmp:
        project = os.path.join(tmp, 'p.anpai')
        pdf = os.path.join(tmp, 'annual.pdf')
        run(TOOL, 'import', FIXTURE, '--into', project)
        run(TOOL, 'export', project, '--format', 'pdf-table', '--out', pdf)

        pages, width, height = info(pdf)
        check('A4 landscape is 842 x 595 pts', round(width) == 842 and round(height) == 595,
              '%s x %s' % (width, height))
        check('the annual plan fits one page', pages == 1, str(pages))

        fonts = run('pdffonts', pdf).splitlines()[2:]
        cjk = [line for line in fonts if 'CJK' in line.split()[0]]
        check('a CJK font is embedded', any(line.split()[-5] == 'yes' for line in cjk), '\n'.join(fonts))
        check('the Simplified Chinese face, not the Japanese one',
              cjk != [] and all('CJKsc' in line.split()[0] for line in cjk), '\n'.join(cjk))

        text = page_text(pdf, 1)
        for expected, what in (('枫渡市2021年度政务公开工作要点', 'the title'),
                               ('枫政办〔2021〕12号', 'the 文号'),
                               ('No.', 'the 序号 heading'),
                               ('Key Task', 'the 重点任务 heading'),
                               ('Lead Unit', 'the 牵头单位 heading'),
                               ('一、推进决策公开', 'a section'),
                               ('完善重大决策预公开制度', 'a task title'),
                               ('今年6月30日前', 'a time requirement'),
                               ('市公共资源交易中心', 'a lead unit'),
                               ('市发改委', 'a supporting unit'),
                               ('Page 1 of 1', 'the footer')):
            check('%s on page 1 (%s)' % (what, expected), expected in text)
        check('text paragraphs are not rows', '本要点所列工作' not in text)

        # a long plan on A4, with the status columns
        long_txt = os.path.join(tmp, 'long.txt')
        long_project = os.path.join(tmp, 'long.anpai')
        long_pdf = os.path.join(tmp, 'long.pdf')
        long_plan(long_txt)
        run(TOOL, 'import', long_txt, '--into', long_project)
        run(TOOL, 'export', long_project, '--format', 'pdf-table', '--paper', 'A4',
            '--with-status', '--out', long_pdf)
        pages, width, height = info(long_pdf)
        check('the long plan takes several pages', pages >= 3, str(pages))
        where = {}
        ends = {}
        for page in range(1, pages + 1):
            text = page_text(long_pdf, page)
            check('page %d: the header row' % page,
                  'Key Task' in text and 'Lead Unit' in text and 'Status' in text)
            check('page %d: the footer “Page %d of %d”' % (page, page, pages),
                  'Page %d of %d' % (page, pages) in text)
            check('page %d: the title only on the first page' % page,
                  ('枫渡市2022年度政务公开工作要点' in text) == (page == 1))
            raw = flat(long_pdf, page)
            for n in range(1, 41):
                if '推进第%d项任务' % n in raw:
                    where.setdefault(n, page)
                if '第%d项完毕' % n in raw:
                    ends[n] = page
        check('every task is there', sorted(where) == list(range(1, 41)) and sorted(ends) == list(range(1, 41)),
              'starts %s, ends %s' % (sorted(where), sorted(ends)))
        split = [n for n in where if n != 20 and ends.get(n) != where[n]]
        check('no row is split across pages', split == [], 'split: %s' % split)
        check('the row taller than a page goes on over pages',
              20 in where and ends.get(20, 0) > where[20], '%s → %s' % (where.get(20), ends.get(20)))
        check('the long row starts on the page the row before it ends on',
              where.get(20) == ends.get(19), '%s, %s' % (ends.get(19), where.get(20)))
        sections = {}
        for page in range(1, pages + 1):
            raw = flat(long_pdf, page)
            for s in range(1, 6):
                heading = '%s、第%s方面重点工作' % (chinese(s), chinese(s))
                if heading in raw:
                    sections[s] = page
        check('a section heading is on the page of its first task',
              all(sections.get(s) == where.get(8 * (s - 1) + 1) for s in range(1, 6)),
              'sections %s' % sections)
        check('the status and progress columns', 'Notstarted' in flat(long_pdf, 1) and '0%' in flat(long_pdf, 1))

        # A3, and each plan on a page of its own
        both = os.path.join(tmp, 'both.anpai')
        both_pdf = os.path.join(tmp, 'both.pdf')
        run(TOOL, 'import', FIXTURE, long_txt, '--into', both)
        run(TOOL, 'export', both, '--format', 'pdf-table', '--paper', 'A3', '--out', both_pdf)
        pages, width, height = info(both_pdf)
        check('A3 landscape is 1191 x 842 pts', round(width) == 1191 and round(height) == 842,
              '%s x %s' % (width, height))
        first, second = page_text(both_pdf, 1), page_text(both_pdf, 2)
        check('the first plan on page 1', '枫渡市2021年度政务公开工作要点' in first
              and '枫渡市2022年度政务公开工作要点' not in first)
        check('the second plan starts on page 2 with its title',
              '枫渡市2022年度政务公开工作要点' in second and '推进第1项任务' in second)
        check('A3 numbers the pages of both plans', 'Page 2 of %d' % pages in second)

    finish()


main()

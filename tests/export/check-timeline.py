#!/usr/bin/env python3
# The timeline (Gantt chart) as a PDF and a PNG, read back: landscape
# pages, the CJK font embedded, the title, a task, a lead unit and the
# scale on every page; the PNG's size and that something is drawn on it.
#
# Copyright 2026 The Anpai authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from exportcheck import TOOL, FIXTURE, check, finish, run, info, flat



def read_png(path):
    """Width, height and the rows of an 8-bit RGB or RGBA PNG, unfiltered."""
    with open(path, 'rb') as f:
        data = f.read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        sys.exit('FAIL %s is not a PNG' % path)
    pos, idat = 8, b''
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            width, height, depth, color = struct.unpack('>IIBB', body[:10])
        elif kind == b'IDAT':
            idat += body
        pos += 12 + length
    if depth != 8 or color not in (2, 6):
        sys.exit('FAIL unexpected PNG format: depth %d, colour type %d' % (depth, color))
    bpp = 4 if color == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def main():
    for reader in ('pdfinfo', 'pdffonts', 'pdftotext'):
        if shutil.which(reader) is None:
            sys.exit('FAIL %s is missing (poppler-utils)' % reader)

    with tempfile.TemporaryDirectory() as tmp:
        project = os.path.join(tmp, 'p.anpai')
        run(TOOL, 'import', FIXTURE, '--into', project)

        for paper, size in (('A4', (842, 595)), ('A3', (1191, 842))):
            pdf = os.path.join(tmp, 'timeline-%s.pdf' % paper)
            run(TOOL, 'export', project, '--format', 'pdf-timeline', '--paper', paper, '--out', pdf)
            pages, width, height = info(pdf)
            check('%s landscape' % paper, (round(width), round(height)) == size, '%s x %s' % (width, height))
            check('%s: the annual plan on one page' % paper, pages == 1, str(pages))
            fonts = run('pdffonts', pdf).splitlines()[2:]
            cjk = [line for line in fonts if 'CJK' in line.split()[0]]
            check('%s: a CJK font embedded, the SC face' % paper,
                  cjk != [] and all(line.split()[-5] == 'yes' and 'CJKsc' in line.split()[0] for line in cjk),
                  '\n'.join(fonts))
            text = flat(pdf, 1)
            for expected, what in (('枫渡市2021年度政务公开工作要点', 'the title'),
                                   ('枫政办〔2021〕12号', 'the 文号'),
                                   ('完善重大决策预公开制度', 'a task title'),
                                   ('市公共资源交易中心', 'a lead unit'),
                                   ('LeadUnit', 'the 牵头单位 heading'),
                                   ('2021Q1', 'a quarter of the scale'),
                                   ('Jan', 'a month of the scale'),
                                   ('Page1of1', 'the footer')):
                check('%s: %s (%s)' % (paper, what, expected), expected in text)

        # a plan of many pages: the scale and the headings on every page
        with open(FIXTURE, encoding='utf-8') as f:
            lines = f.read().splitlines()
        long_text = os.path.join(tmp, 'long.txt')
        with open(long_text, 'w', encoding='utf-8') as f:
            f.write('\n'.join(lines[:3]) + '\n')
            for n in range(1, 121):
                f.write('%d. 推进第%d项任务，今年%d月底前完成。牵头单位：市财政局。\n' % (n, n, 1 + n % 12))
        long_project = os.path.join(tmp, 'long.anpai')
        run(TOOL, 'import', long_text, '--into', long_project)
        pdf = os.path.join(tmp, 'long.pdf')
        run(TOOL, 'export', long_project, '--format', 'pdf-timeline', '--paper', 'A4', '--out', pdf)
        a4_pages = info(pdf)[0]
        check('120 tasks take several A4 pages', a4_pages >= 4, str(a4_pages))
        for page in range(1, a4_pages + 1):
            text = flat(pdf, page)
            check('page %d: headings, scale, a task and the footer' % page,
                  'KeyTask' in text and 'Jan' in text and 'Dec' in text and '推进第' in text
                  and 'Page%dof%d' % (page, a4_pages) in text, text[:200])
        run(TOOL, 'export', long_project, '--format', 'pdf-timeline', '--paper', 'A3', '--out', pdf)
        check('A3 takes fewer pages than A4', info(pdf)[0] < a4_pages, str(info(pdf)[0]))
        run(TOOL, 'export', long_project, '--format', 'pdf-timeline', '--group-by', 'unit',
            '--unit', '市财政局', '--from', '2021-01-01', '--to', '2021-06-30', '--out', pdf)
        check('by unit, half a year', 'Jun' in flat(pdf, 1) and 'Jul' not in flat(pdf, 1))

        png = os.path.join(tmp, 'timeline.png')
        run(TOOL, 'export', project, '--format', 'png-timeline', '--out', png)
        width, height, bpp, rows = read_png(png)
        # at the month zoom: 4 pt a day, labels 360 pt, margins 2 × 28, 2 px a point
        check('PNG width for a year at the month zoom', width == 2 * (365 * 4 + 360 + 56), str(width))
        check('PNG taller than its rows', 200 < height < 4000, str(height))
        ink = sum(1 for row in rows[::4] for i in range(0, len(row), bpp * 4) if row[i:i + 3] != b'\xff\xff\xff')
        check('PNG is not blank', ink > 1000, str(ink))

        run(TOOL, 'export', project, '--format', 'png-timeline', '--width', '1600', '--out', png)
        check('PNG as wide as asked', read_png(png)[0] == 1600, str(read_png(png)[0]))
        run(TOOL, 'export', project, '--format', 'png-timeline', '--zoom', 'week', '--out', png)
        check('PNG at the week zoom is wider', read_png(png)[0] > width, str(read_png(png)[0]))

        # two pages side by side: the first half of the year, then the second
        run(TOOL, 'export', project, '--format', 'pdf-timeline', '--pages-across', '2', '--out', pdf)
        check('two pages across', info(pdf)[0] == 2, str(info(pdf)[0]))
        first, second = flat(pdf, 1), flat(pdf, 2)
        check('page 1 from January, page 2 to December',
              'Jan' in first and 'Dec' not in first and 'Dec' in second and 'Jan' not in second)
        check('both pages have the tasks', '完善重大决策预公开制度' in first and '完善重大决策预公开制度' in second)

        # --status keeps the tasks in that status, and the sections above them
        run(TOOL, 'export', project, '--format', 'pdf-timeline', '--status', 'done', '--out', pdf)
        check('no task is done: none on the chart', '完善重大决策预公开制度' not in flat(pdf, 1))
        run(TOOL, 'export', project, '--format', 'pdf-timeline', '--status', 'not-started', '--out', pdf)
        check('the tasks not started are', '完善重大决策预公开制度' in flat(pdf, 1))

        for bad in (('--zoom', 'day'), ('--pages-across', '0'), ('--color-by', 'lane'), ('--width', '-5')):
            result = subprocess.run([TOOL, 'export', project, '--format', 'png-timeline'] + list(bad)
                                    + ['--out', png], capture_output=True, text=True)
            check('a bad %s is a user error' % bad[0],
                  result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1, result.stderr)

        result = subprocess.run([TOOL, 'export', project, '--format', 'pdf-timeline', '--group-by', 'lane',
                                 '--out', pdf], capture_output=True, text=True)
        check('a bad --group-by is a user error', result.returncode == 1 and 'lane' in result.stderr,
              result.stderr)

    finish()


main()

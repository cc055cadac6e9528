# exportcheck.py — what the check-*.py scripts share: the tool, the
# fixture, checks that count their failures, and reading PDFs back.
#
# Copyright 2026 The Anpai authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys

TOOL = os.environ['ANPAI_TOOL']
FIXTURE = os.path.join(os.environ['G_TEST_SRCDIR'], 'fixtures', 'plans', 'annual.txt')
failures = 0

DIGITS = '零一二三四五六七八九'


def check(what, ok, detail=''):
    global failures
    print(('ok   ' if ok else 'FAIL ') + what + ('' if ok or not detail else ': ' + str(detail)))
    if not ok:
        failures += 1


def finish():
    """Exits with the checks' verdict."""
    print('%d check(s) failed' % failures if failures else 'all passed')
    sys.exit(1 if failures else 0)


def run(*args):
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit('FAIL %s: %s' % (' '.join(args), (result.stdout + result.stderr).strip()))
    return result.stdout


def chinese(n):
    """1 … 99 in Chinese numerals, as plans number their sections."""
    if n < 10:
        return DIGITS[n]
    return (DIGITS[n // 10] if n >= 20 else '') + '十' + (DIGITS[n % 10] if n % 10 else '')


def info(pdf):
    """A PDF's page count and its first page's size in points."""
    text = run('pdfinfo', pdf)
    pages = int(re.search(r'^Pages:\s+(\d+)', text, re.M).group(1))
    size = re.search(r'^Page size:\s+([\d.]+) x ([\d.]+) pts', text, re.M)
    return pages, float(size.group(1)), float(size.group(2))


def page_text(pdf, page, layout=True):
    args = ['pdftotext', '-f', str(page), '-l', str(page)] + (['-layout'] if layout else []) + [pdf, '-']
    return run(*args)


def flat(pdf, page):
    """The page's text in reading order without any white space: a cell's
    wrapped lines join up again."""
    return re.sub(r'\s+', '', page_text(pdf, page, layout=False))

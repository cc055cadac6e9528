# exportcheck.py — what the check-*.py scripts share: the tool, the
# fixture, checks that count their failures, and reading PDFs back.
#
# Copyright 2026 The Anpai authors
# SPDX-License-Identifier: GPL-3.0-or-later

import importlib
import os
import re
import shutil
import subprocess
import sys

TOOL = os.environ['ANPAI_TOOL']
FIXTURE = os.path.join(os.environ['G_TEST_SRCDIR'], 'fixtures', 'plans', 'annual.txt')
failures = 0

DIGITS = '零一二三四五六七八九'


def import_debian(module, package):
    """Imports @module, which comes from Debian's @package. meson runs the
    first python3 on PATH (a pyenv one, say), which may not have it: the
    script then runs again under /usr/bin/python3, which does."""
    try:
        return importlib.import_module(module)
    except ImportError:
        if os.path.exists('/usr/bin/python3') and sys.executable != '/usr/bin/python3' \
                and not os.environ.get('ANPAI_CHECK_REEXEC'):
            os.environ['ANPAI_CHECK_REEXEC'] = '1'
            os.execv('/usr/bin/python3', ['/usr/bin/python3'] + sys.argv)
        print('FAIL: %s is missing (build-aux/deps.sh installs it)' % package)
        sys.exit(1)


def soffice_convert(path, outdir, profile, to, extension):
    """@path converted by LibreOffice (--convert-to @to) into @outdir, with
    a profile of its own: the output's path, or None after a failed check."""
    soffice = shutil.which('soffice')
    if soffice is None:
        check('LibreOffice is installed', False, 'no soffice')
        return None
    env = dict(os.environ, HOME=profile)
    subprocess.run([soffice, '--headless', '--norestore',
                    '-env:UserInstallation=file://' + profile + '/lo',
                    '--convert-to', to, '--outdir', outdir, path],
                   capture_output=True, text=True, env=env, timeout=240)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(path))[0] + '.' + extension)
    if not os.path.exists(out):
        check('LibreOffice converts %s to %s' % (os.path.basename(path), extension), False, out)
        return None
    return out


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

#!/bin/sh
# build-aux/test.sh — install what is missing, build Anpai and run every test.
#
# 1. the full build in _build: every suite (core, data, ui) under Xvfb;
# 2. a second build in _build-sanitize with AddressSanitizer and
#    UndefinedBehaviorSanitizer: the suites that need no display.
# Exits non-zero on any failure.
set -eu

cd "$(dirname "$0")/.."
. build-aux/deps.sh

# shellcheck disable=SC2086
install_packages $BUILD_PACKAGES $RUN_PACKAGES $TEST_PACKAGES

if [ ! -f _build/build.ninja ]; then
  meson setup _build --prefix="$PWD/_build/root"
fi
meson compile -C _build

echo "== Tests (all suites, under Xvfb)"
xvfb-run -a -s "-screen 0 1280x800x24" \
  meson test -C _build --print-errorlogs --num-processes 2

if [ ! -f _build-sanitize/build.ninja ]; then
  meson setup _build-sanitize -Dgui=false -Db_sanitize=address,undefined -Dbuildtype=debug
fi
meson compile -C _build-sanitize

echo "== Tests (core and data, AddressSanitizer + UndefinedBehaviorSanitizer)"
  meson test -C _build-sanitize --print-errorlogs --num-processes 2 --suite core --suite data

echo "All tests passed."

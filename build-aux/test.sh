#!/bin/sh
# build-aux/test.sh — install what is missing, build Anpai and run every test.
#
# 1. the full build in _build: every suite (core, data, ui) under Xvfb;
# 2. a second build in _build-sanitize with AddressSanitizer and
#    UndefinedBehaviorSanitizer: the suites that need no display;
# 3. the libFuzzer targets (clang, ASan + UBSan) in _build-fuzz, each run for
#    a bounded time (ANPAI_FUZZ_SECONDS, 60 by default) from a corpus made of
#    the project's own fixtures.
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

if [ ! -f _build-fuzz/build.ninja ]; then
  CC=clang meson setup _build-fuzz -Dgui=false -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
fi
meson compile -C _build-fuzz

fuzz_seconds="${ANPAI_FUZZ_SECONDS:-60}"
for target in fuzz-import fuzz-time-spec; do
  corpus="_build-fuzz/corpus-$target"
  mkdir -p "$corpus"
  case "$target" in
    fuzz-import) cp tests/fixtures/import/* tests/fixtures/plans/*.txt "$corpus/" ;;
    fuzz-time-spec) printf '%s' '2023年年底前' > "$corpus/deadline"
                    printf '%s' '每年第一季度' > "$corpus/quarterly"
                    printf '%s' '整个期间内' > "$corpus/ongoing"
                    printf '%s' '2023年6月—2024年12月' > "$corpus/window" ;;
  esac
  echo "== Fuzzing $target for ${fuzz_seconds}s"
  # a crash, a leak, a sanitizer report or a hang over 10 s fails the run
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
  LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp" \
    "_build-fuzz/tests/fuzz/$target" -max_total_time="$fuzz_seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=262144 -print_final_stats=1 \
      -artifact_prefix="_build-fuzz/$target-" "$corpus" 2>"_build-fuzz/$target.log" ||
    { tail -n 60 "_build-fuzz/$target.log"; echo "$target failed" >&2; exit 1; }
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)' "_build-fuzz/$target.log" || true
done

echo "All tests passed."

#!/bin/sh
# build-aux/run.sh — install what is missing, build Anpai and start it.
#
# The first start opens a ready sample project (created in the user data
# folder); later starts reopen the last project. Arguments are passed on to
# anpai, e.g.  build-aux/run.sh ~/文档/工作安排.anpai
set -eu

cd "$(dirname "$0")/.."
. build-aux/deps.sh

# shellcheck disable=SC2086
install_packages $BUILD_PACKAGES $RUN_PACKAGES

prefix="$PWD/_build/root"
if [ ! -f _build/build.ninja ]; then
  meson setup _build --prefix="$prefix"
else
  meson configure _build -Dprefix="$prefix" -Dgui=true >/dev/null
fi
meson compile -C _build
meson install -C _build --quiet

# Run the installed copy, so translations, help, icons and the schema are
# all found.
export XDG_DATA_DIRS="$prefix/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export GSETTINGS_SCHEMA_DIR="$prefix/share/glib-2.0/schemas"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "Anpai is built in $prefix, but there is no display to show it on." >&2
  echo "Run this from a desktop session (or set DISPLAY)." >&2
  exit 1
fi
exec "$prefix/bin/anpai" "$@"

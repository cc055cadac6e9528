#!/bin/sh
# Copyright The Anpai authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-mime.sh MIME_XML
#
# Installs MIME_XML into a throw-away shared-mime-info tree and checks that
# GIO sees an SQLite file with PRAGMA application_id = 0x414E5041 as an Anpai
# project, by its *.anpai glob and by its magic alone (renamed to .db), and
# that a plain SQLite database is not taken for one.
# Exit 77 (skip) when a needed tool is missing.

set -eu

if [ $# -ne 1 ]; then
  echo "usage: $0 MIME_XML" >&2
  exit 2
fi
mime_xml=$1

for tool in update-mime-database gio sqlite3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found"
    exit 77
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/anpai-mime.XXXXXX")
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

mkdir -p "$tmp/data/mime/packages" "$tmp/home" "$tmp/files"
cp "$mime_xml" "$tmp/data/mime/packages/io.github.anpai.Anpai.xml"
# Only the package is ours; the freedesktop base types come from the
# system tree further down XDG_DATA_DIRS.
XDG_DATA_HOME="$tmp/home" XDG_DATA_DIRS="$tmp/data:/usr/local/share:/usr/share" \
  update-mime-database "$tmp/data/mime"

# 0x414E5041 ("ANPA") = ANPAI_APPLICATION_ID in src/core/anpai-schema.h.
sqlite3 "$tmp/files/project.db" \
  "PRAGMA application_id = $((0x414E5041)); CREATE TABLE t (a);"
cp "$tmp/files/project.db" "$tmp/files/project.anpai"
sqlite3 "$tmp/files/plain.db" "CREATE TABLE t (a);"

content_type() {
  # Keep the user's own MIME database (XDG_DATA_HOME) out of the way, and
  # gvfs too: a plain local lookup needs no session bus.
  GIO_USE_VFS=local XDG_DATA_HOME="$tmp/home" \
    XDG_DATA_DIRS="$tmp/data:/usr/local/share:/usr/share" \
    gio info -a standard::content-type "$1" |
    sed -n 's/^ *standard::content-type: *//p'
}

status=0
expect() {
  got=$(content_type "$tmp/files/$1")
  if [ "$got" = "$2" ]; then
    echo "ok: $1 is $got"
  else
    echo "FAIL: $1 is '$got', expected '$2'" >&2
    status=1
  fi
}

expect project.anpai application/x-anpai-project
expect project.db application/x-anpai-project
expect plain.db application/vnd.sqlite3

exit $status

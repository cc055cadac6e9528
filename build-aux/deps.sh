# build-aux/deps.sh — the Debian 12 packages Anpai needs, installed when missing
# Sourced by run.sh and test.sh.

BUILD_PACKAGES="meson ninja-build pkg-config gcc libc6-dev
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libsqlite3-dev libxml2-dev libzip-dev libxlsxwriter-dev libical-dev libpango1.0-dev libcairo2-dev gettext itstool yelp-tools libxml2-utils desktop-file-utils
  appstream shared-mime-info hicolor-icon-theme"

RUN_PACKAGES="fonts-noto-cjk dconf-gsettings-backend adwaita-icon-theme yelp"

TEST_PACKAGES="xvfb xauth dbus libjson-glib-dev appstream-util sqlite3 poppler-utils
  libglib2.0-bin clang libclang-rt-14-dev
  python3-openpyxl python3-docx python3-icalendar libreoffice-calc-nogui libreoffice-writer-nogui"

# Installs the packages of "$@" that are not installed yet; apt-get update
# runs only when something is missing, so a second run is quick.
install_packages () {
  missing=""
  for pkg in "$@"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "installed" ] || missing="$missing $pkg"
  done
  [ -z "$missing" ] && return 0

  echo "Installing:$missing"
  if [ "$(id -u)" -eq 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "These packages are missing and this is not root (and there is no sudo):$missing" >&2
    exit 1
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the app, the tests and the screenshots need, but only
# those missing, and only when running as root. Without root it names what is missing.
set -euo pipefail

packages=(
  python3-venv libgl1 libegl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1
  libxcb-sync1 libxcb-shm0 libxcb-glx0 xvfb xauth fonts-wqy-microhei dbus dbus-x11
  gnome-keyring poppler-utils qpdf postgresql sqlite3 sqlcipher xdotool
)

command -v dpkg-query >/dev/null 2>&1 || exit 0   # not a Debian-family system: nothing to do

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Missing system packages (run 'sudo make $1' or install them): ${missing[*]}" >&2
fi

#!/usr/bin/env bash
# Installs every Debian package the kiosk, the sync tools, the central server and the test suite
# need. Safe to run again: apt-get skips what is already installed. Needs root (or sudo).
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git ca-certificates
  # UI: Dear ImGui 1.86 (+stb, which libimgui.a does not contain), GLFW 3.3 X11 build, OpenGL
  libimgui-dev libstb-dev libglfw3-dev libgl-dev libfreetype-dev
  # text: shaping, bidi, fonts, ISO names
  libharfbuzz-dev libfribidi-dev fonts-noto-core fonts-noto-ui-core fonts-dejavu-core iso-codes
  libicu-dev
  # storage, network, crypto, QR
  libsqlite3-dev sqlite3 libcurl4-openssl-dev libsodium-dev libqrencode-dev zlib1g-dev
  libcpp-httplib-dev libpqxx-dev nlohmann-json3-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  xvfb xauth xdotool libharfbuzz-bin libfribidi-bin
  zbar-tools  # zbarimg: the QR code test decodes what the kiosk draws
  gettext  # msgfmt --check on the translation files
  postgresql-15
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"

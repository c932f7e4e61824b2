#!/usr/bin/env bash
# Installs what VfeTps.Stream needs on a Debian 12 machine and restores the solution.
# Idempotent: installs only what is missing, and fails with a message that says what to do.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*"; }
fail() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# Debian packages the project uses (kept in one list; each later stage adds its own).
APT_PACKAGES=(
  ca-certificates
  fonts-dejavu-core  # text in PNG plots and contact sheets (SkiaSharp finds it without fontconfig)
  libgtk-3-0         # OpenCvSharp's official Linux runtime links against it
  ffmpeg             # pulls RTSP/HTTP camera streams (OpenCvSharp's FFmpeg reads files only)
  # A real RTSP server for the stream tests (GStreamer's, driven from Python).
  python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-plugins-bad gstreamer1.0-libav
  chromium           # the browser the UI tests drive through Playwright (Playwright's own download cannot work here)
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep "install ok installed" >/dev/null || missing+=("$pkg")
done
if ((${#missing[@]})); then
  command -v apt-get >/dev/null || fail "apt-get not found; install these packages by hand: ${missing[*]}"
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  say "installing ${missing[*]}"
  ${SUDO:-} apt-get update -qq || fail "apt-get update failed (is the Debian mirror reachable?)"
  DEBIAN_FRONTEND=noninteractive ${SUDO:-} apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]} failed"
else
  say "Debian packages present"
fi

command -v dotnet >/dev/null || fail "the .NET SDK is not on PATH; install .NET SDK 10.0 (see global.json)"
# No `grep -q` or early `exit` after a pipe: under pipefail, a reader that stops early kills the
# writer with SIGPIPE (status 141), and `set -e` would end this script without a word.
dotnet --list-sdks | grep '^10\.' >/dev/null || fail "no .NET 10 SDK found (dotnet --list-sdks); install .NET SDK 10.0"

# libstdc++ check: TorchSharp's native library is patched at build time (build/TorchSharpNative.targets)
# to load with Debian 12's libstdc++ (GLIBCXX_3.4.30); anything older cannot work.
libstdcxx=$(ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ && !found {print $NF; found = 1}')
if [ -n "$libstdcxx" ] && ! grep -aq 'GLIBCXX_3\.4\.30' "$libstdcxx"; then
  fail "$libstdcxx predates GLIBCXX_3.4.30 (GCC 12); TorchSharp 0.107 cannot load on this system"
fi

# The demo's real camera: OpenCV's pedestrian sample video, from Debian's opencv-doc package
# (downloaded as a .deb and unpacked here, not installed: only this one file is needed).
VTEST=data/demo/vtest.avi
if [ ! -s "$VTEST" ]; then
  say "extracting vtest.avi from Debian's opencv-doc"
  scratch=$(mktemp -d)
  (cd "$scratch" && apt-get download opencv-doc >/dev/null 2>&1) || fail "apt-get download opencv-doc failed (is the Debian mirror reachable?)"
  dpkg -x "$scratch"/opencv-doc_*.deb "$scratch/x" || fail "could not unpack opencv-doc"
  mkdir -p "$(dirname "$VTEST")"
  cp "$scratch/x/usr/share/doc/opencv-doc/examples/data/vtest.avi" "$VTEST.partial" && mv "$VTEST.partial" "$VTEST"
  rm -rf "$scratch"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
say "restoring NuGet packages"
dotnet restore VfeTps.Stream.sln --verbosity quiet || fail "dotnet restore failed (is NuGet reachable?)"
say "ready"

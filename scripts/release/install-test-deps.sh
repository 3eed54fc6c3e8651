#!/bin/sh
# Debian packages the release test (npm run test:release) needs, installed when missing (CI machines are
# fresh): qemu-user-static and the arm64 C/C++ runtime (the *-arm64-cross packages, in /usr/aarch64-linux-gnu)
# run the linux/arm64 executable; python3-macholib (for Debian's /usr/bin/python3) is the Mach-O reader of
# the independent darwin signature check. Not wine: Debian 12's wine 8.0 cannot run any Node >= 24 for
# windows (V8 stops at start with "Fatal process out of memory: SegmentedTable::InitializeTable", also for
# a plain node.exe), so the windows archives are checked structurally.
set -e
missing=""
command -v qemu-aarch64-static >/dev/null 2>&1 || missing="$missing qemu-user-static"
[ -e /usr/aarch64-linux-gnu/lib/libatomic.so.1 ] && [ -e /usr/aarch64-linux-gnu/lib/libstdc++.so.6 ] ||
  missing="$missing libc6-arm64-cross libstdc++6-arm64-cross libgcc-s1-arm64-cross libatomic1-arm64-cross"
/usr/bin/python3 -c 'import macholib' >/dev/null 2>&1 || missing="$missing python3-macholib"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "error: the release test needs the Debian packages:$missing; install them with: sudo apt-get install$missing" >&2
  exit 1
fi
echo "installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null

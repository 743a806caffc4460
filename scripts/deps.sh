#!/usr/bin/env bash
# Install, from Debian's packages, whatever gstub's build and tests need and
# this machine lacks. Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(
	build-essential autoconf automake libtool pkg-config
	clang
	libunicorn-dev libexpat1-dev
	dejagnu expect gdb-multiarch iproute2
	qemu-user gdbserver
	gcc-aarch64-linux-gnu libc6-dev-arm64-cross
	gcc-arm-linux-gnueabihf libc6-dev-armhf-cross
	gcc-arm-none-eabi qemu-system-arm
)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
	echo "deps: everything needed is installed"
	exit 0
fi

echo "deps: installing ${missing[*]}"
sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"

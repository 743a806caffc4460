#!/bin/sh
# The engine is freestanding: stub/*.c must compile with -ffreestanding
# -nostdlib and call nothing but memcpy/memmove/memset/memcmp and the
# target-description functions (xml/, freestanding too). TAP output.
: "${CC:=cc}"
: "${top_srcdir:=$(dirname "$0")/../..}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
n=0
fail=0
for src in "$top_srcdir"/stub/*.c; do
	n=$((n + 1))
	obj="$tmp/$(basename "$src" .c).o"
	if $CC -std=c11 -ffreestanding -nostdlib -fno-stack-protector -O2 \
		-Wall -Wextra -I"$top_srcdir/include" -c "$src" -o "$obj" \
		2>"$tmp/err"; then
		echo "ok $n - $(basename "$src") compiles freestanding"
	else
		echo "not ok $n - $(basename "$src") compiles freestanding"
		sed 's/^/# /' "$tmp/err"
		fail=1
	fi
done
# Symbols the engine's objects need from outside the engine itself.
defined=$(nm -g --defined-only "$tmp"/*.o 2>/dev/null | awk 'NF==3{print $3}' | sort -u)
needed=$(nm -u "$tmp"/*.o 2>/dev/null | awk 'NF==2{print $2}' | sort -u)
bad=""
for s in $needed; do
	case " $(echo $defined) " in *" $s "*) continue ;; esac
	case $s in
	memcpy|memmove|memset|memcmp|gstub_tdesc_*) ;;
	*) bad="$bad $s" ;;
	esac
done
n=$((n + 1))
if [ -z "$bad" ]; then
	echo "ok $n - only mem* and gstub_tdesc_* are needed from outside"
else
	echo "not ok $n - the engine needs:$bad"
	fail=1
fi
echo "1..$n"
exit $fail

#!/bin/sh
# gstub-tdesc --check / --load on the loader's corpus: good descriptions
# print OK (exit 0), bad ones print the expected "FILE:LINE:COLUMN: message"
# on stderr (exit 1); and, when gdb-multiarch is there, gdb reads the same
# folder of xi:included files to the same register map as --load --layout.
#
# usage: tdesc-check.sh [GSTUB_TDESC [CORPUS [GDB]]]    (TAP)
set -u
here=$(cd "$(dirname "$0")" && pwd)
tool=${1:-./tools/gstub-tdesc}
corpus=${2:-$here/../tests/tdesc-corpus}
gdb=${3:-gdb-multiarch}
[ -x "$tool" ] || { echo "Bail out! $tool is not executable"; exit 1; }
[ -f "$corpus/bad.list" ] || { echo "Bail out! no $corpus/bad.list"; exit 1; }

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0 fail=0
pass() { n=$((n + 1)); echo "ok $n - $1"; }
flunk() { n=$((n + 1)); fail=$((fail + 1)); echo "not ok $n - $1"; }

for f in "$corpus"/good/*.xml "$corpus"/good/*/target.xml; do
	rel=${f#"$corpus"/}
	"$tool" --check "$f" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -eq 0 ] && [ "$(cat "$tmp/out")" = OK ] && [ ! -s "$tmp/err" ]; then
		pass "--check $rel: OK"
	else
		flunk "--check $rel: exit $rc, $(head -c 200 "$tmp/err")"
	fi
	if "$tool" --load "$f" --layout >"$tmp/out" 2>"$tmp/err" &&
	   grep -q '^# number name offset size type feature' "$tmp/out"; then
		pass "--load $rel --layout"
	else
		flunk "--load $rel --layout: $(head -c 200 "$tmp/err")"
	fi
done

tab=$(printf '\t')
while IFS="$tab" read -r top loc key; do
	case $top in '#'*|'') continue ;; esac
	"$tool" --check "$corpus/$top" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	line=$(cat "$tmp/err")
	lines=$(wc -l <"$tmp/err")
	case $line in
	"$corpus/$loc: "*"$key"*)
		if [ $rc -eq 1 ] && [ "$lines" -eq 1 ] && [ ! -s "$tmp/out" ]; then
			pass "--check $top: exit 1 at $loc"
		else
			flunk "--check $top: exit $rc, $lines lines"
		fi ;;
	*) flunk "--check $top: got '$line'" ;;
	esac
done <"$corpus/bad.list"

# usage errors are exit 2, not 1
for args in "--check" "--load" "--check $corpus/good/toy32.xml --layout"; do
	# shellcheck disable=SC2086
	"$tool" $args >/dev/null 2>&1
	rc=$?
	if [ $rc -eq 2 ]; then pass "'$args' is a usage error"
	else flunk "'$args' exits $rc, not 2"; fi
done

# gdb reads a folder of xi:included feature files, listed in reverse
# order, to the same remote register map as --load --layout.
if command -v "$gdb" >/dev/null 2>&1; then
	for cfg in "aarch64 --sve-vl=256 --pauth --tls" "arm --vfp=v3 --neon --tls" "x86-64"; do
		mkdir -p "$tmp/d" && rm -f "$tmp/d"/*
		# shellcheck disable=SC2086
		"$tool" $cfg --xml | awk -v dir="$tmp/d" '
			/^  <feature / { nf++; file = dir "/f" nf ".xml"; infeat = 1 }
			infeat { print > file; if (/^  <\/feature>/) { infeat = 0; close(file) }; next }
			/^<\/target>/ { for (i = nf; i >= 1; i--)
				printf "  <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"f%d.xml\"/>\n", i
			}
			{ print }' >"$tmp/d/target.xml"
		"$tool" --load "$tmp/d/target.xml" --layout >"$tmp/l" 2>"$tmp/err" ||
			{ flunk "$cfg: split folder does not load: $(cat "$tmp/err")"; continue; }
		grep -v '^#' "$tmp/l" | awk '{ print $1, $2, $3, $4 }' >"$tmp/want"
		"$gdb" -batch -nx -ex "set tdesc filename $tmp/d/target.xml" \
			-ex 'maint print remote-registers' >"$tmp/out" 2>"$tmp/err" </dev/null
		awk 'NR > 1 && NF >= 8 { print $7, $1, $8, $5 }' "$tmp/out" |
			sort -n >"$tmp/got"
		if [ -s "$tmp/err" ]; then
			flunk "$cfg: gdb complained: $(head -c 200 "$tmp/err")"
		elif cmp -s "$tmp/want" "$tmp/got"; then
			pass "$cfg: gdb reads the reversed feature files to the same map"
		else
			flunk "$cfg: gdb's map differs"
			diff "$tmp/want" "$tmp/got" | head -5 | sed 's/^/# /'
		fi
	done
	# and the good corpus, where gdb knows the architecture
	for f in "$corpus"/good/*.xml "$corpus"/good/*/target.xml; do
		rel=${f#"$corpus"/}
		"$gdb" -batch -nx -ex "set tdesc filename $f" \
			-ex 'maint print remote-registers' >"$tmp/out" 2>"$tmp/err" </dev/null
		if grep -q 'unknown architecture' "$tmp/err"; then
			echo "# $rel: gdb does not know its architecture"
			continue
		fi
		"$tool" --load "$f" --layout | grep -v '^#' |
			awk '{ print $1, $2, $3, $4 }' >"$tmp/want"
		awk 'NR > 1 && NF >= 8 { print $7, $1, $8, $5 }' "$tmp/out" |
			sort -n >"$tmp/got"
		if [ ! -s "$tmp/err" ] && cmp -s "$tmp/want" "$tmp/got"; then
			pass "$rel: gdb computes the same register map"
		else
			flunk "$rel: gdb's map differs: $(head -c 200 "$tmp/err")"
			diff "$tmp/want" "$tmp/got" | head -5 | sed 's/^/# /'
		fi
	done
else
	n=$((n + 1))
	echo "ok $n # SKIP $gdb not found: no comparison with gdb"
fi

echo "1..$n"
[ $fail -eq 0 ]

# Shared by tests/unit/tdesc-gdb-*.sh (sourced, not run): TAP output, and
# the comparison of a description's register map, as gstub-tdesc --layout
# prints it, with what gdb made of the XML (`maint print remote-registers`).
#
# The caller sets: tool (gstub-tdesc), GDB, tmp (a scratch folder).


. "$(dirname "$0")/tap.sh"

# How gdb's `maint print` names the description's predefined types
# ("int:SIZE" for int, whose C name depends on its size and on the
# architecture), each with the names accepted, separated by '|'. Types the
# XML declares itself keep their id.
gdb_type_names='
code_ptr *1
data_ptr *1
int:4 int|long|uint32_t
int:8 long|int64_t
int8 int8_t
int16 int16_t
int32 int32_t
int64 int64_t
uint8 uint8_t
uint16 uint16_t
uint32 uint32_t
uint64 uint64_t
uint128 uint128_t
ieee_single float|_ieee_single
ieee_double _ieee_double|double
i387_ext _i387_ext
'

# Split gdb's output ($1) into one file per "@@ TAG" section ($tmp/sec.TAG).
split_sections() {
	awk -v dir="$tmp" '
		/^@@ / { f = dir "/sec." $2; printf "" > f; next }
		f { print >> f }' "$1"
}

# check_map LAYOUT SECTION LABEL: gdb's remote map equals --layout's
# (number, name, g offset, size) and gdb's types are the description's.
check_map() {
	grep -v '^#' "$1" | awk '{ print $1, $2, $3, $4 }' >"$tmp/want"
	# rows with a remote number: name nr rel offset size type rmt-nr g-offset
	awk 'NF >= 8 && $7 ~ /^[0-9]+$/ { print $7, $1, $8, $5 }' "$2" |
		sort -n >"$tmp/got"
	if ! cmp -s "$tmp/want" "$tmp/got"; then
		ok 1 "$3: gdb's remote register map (numbers, names, offsets, sizes)"
		diff "$tmp/want" "$tmp/got" | head -5 | sed 's/^/#   /'
		return
	fi
	bad=$(awk -v table="$gdb_type_names" '
		BEGIN {
			n = split(table, rows, "\n")
			for (i = 1; i <= n; i++)
				if (split(rows[i], f, " ") == 2)
					map[f[1]] = f[2]
		}
		FNR == NR { if ($1 !~ /^#/) want[$2] = $5 ":" $4; next }
		NF >= 8 && ($1 in want) {
			split(want[$1], w, ":")
			key = (w[1] == "int") ? "int:" w[2] : w[1]
			accept = (key in map) ? map[key] : w[1]
			k = split(accept, names, "|")
			for (i = 1; i <= k; i++)
				if (names[i] == $6)
					break
			if (i > k)
				printf "%s:%s/%s ", $1, $6, w[1]
		}
	' "$1" "$2")
	[ -z "$bad" ]
	ok $? "$3: gdb maps $(wc -l <"$tmp/want") registers as we do, with our types${bad:+ (differ: $bad)}"
}

#!/bin/sh
# Summarise a `make check` run: the TAP results of the C tests (one
# `:test-result:` line per check in each *.trs file) and DejaGnu's gstub.sum.
#
#   tests/summary.sh [BUILDDIR]        (default: the current folder)
#
# Prints one line per tier and then, last, exactly
#   N passed, N failed            or   N passed, N failed, N skipped
# Counted as passed: PASS, XFAIL, KFAIL (expected failures). Failed: FAIL,
# XPASS, KPASS, ERROR, UNRESOLVED. Skipped: SKIP, UNSUPPORTED, UNTESTED.
# Exits 1 when anything failed or when no results were found at all.

dir=${1:-.}
if [ ! -d "$dir" ]; then
	echo "summary.sh: no such folder: $dir" >&2
	exit 2
fi

{
	# TAP: tier = the folder of the test, relative to the build folder.
	find "$dir" -name '*.trs' -type f 2>/dev/null | sort | while read -r trs; do
		rel=${trs#"$dir"/}
		tier=$(dirname "$rel")
		awk -v tier="$tier" '/^:test-result:/ { print tier, $2 }' "$trs"
	done

	# DejaGnu: tier = the gstub.<area> folder of the running .exp file.
	find "$dir" -maxdepth 2 -name '*.sum' -type f 2>/dev/null | sort | while read -r sum; do
		awk '
			/^Running .*\.exp \.\.\.$/ {
				n = split($2, p, "/")
				tier = (n >= 2) ? p[n - 1] : "dejagnu"
				next
			}
			/^ERROR: tcl error sourcing/ { print tier, "ERROR"; skip = 2; next }
			/^ERROR:/ { if (skip > 0) { skip--; next } print tier, "ERROR"; next }
			/^(PASS|FAIL|XPASS|XFAIL|KPASS|KFAIL|UNSUPPORTED|UNRESOLVED|UNTESTED):/ {
				r = $1; sub(/:$/, "", r)
				print (tier == "" ? "dejagnu" : tier), r
			}
		' "$sum"
	done
} | awk '
	{
		tier = $1; r = $2
		if (!(tier in seen)) { seen[tier] = 1; order[++ntiers] = tier }
		if (r == "PASS" || r == "XFAIL" || r == "KFAIL") { pass[tier]++; P++ }
		else if (r == "SKIP" || r == "UNSUPPORTED" || r == "UNTESTED") { skip[tier]++; S++ }
		else { fail[tier]++; F++ }
	}
	END {
		if (ntiers == 0) {
			print "no test results found"
			print "0 passed, 0 failed"
			exit 1
		}
		printf "%-24s %8s %8s %8s\n", "tier", "passed", "failed", "skipped"
		for (i = 1; i <= ntiers; i++) {
			t = order[i]
			printf "%-24s %8d %8d %8d\n", t, pass[t], fail[t], skip[t]
		}
		line = sprintf("%d passed, %d failed", P, F)
		if (S > 0)
			line = line sprintf(", %d skipped", S)
		print line
		exit (F > 0) ? 1 : 0
	}
'

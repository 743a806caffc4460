# TAP for gstub's shell tests (sourced, not run): `ok STATUS "what"` prints
# one TAP line from a command's exit status; the caller ends with
# `echo "1..$n"; exit $failed`.
n=0
failed=0

ok() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=1
	fi
}

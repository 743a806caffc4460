#!/bin/sh
# gstub must be warning-free under clang as well as gcc (the build itself
# uses the configured compiler). Every C file of the library, the tools and
# gstub-run is compiled with clang and the project's warnings as errors.
# Prints TAP; skips without clang.
. "$(dirname "$0")/../unit/tap.sh"
top=${top_srcdir:-$(dirname "$0")/../..}
CLANG=${CLANG:-$(command -v clang || true)}
if [ -z "$CLANG" ]; then
	echo "1..0 # SKIP clang not found"
	exit 0
fi
flags="-std=gnu11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror -fsyntax-only"
inc="-I$top/include -I."
for src in "$top"/stub/*.c "$top"/xml/*.c "$top"/transport/*.c "$top"/tools/*.c \
	"$top"/targets/unicorn/*.c "$top"/examples/embed.c; do
	[ -f "$src" ] || continue
	case $src in
	*/xml/tdesc-load*.c) [ -f /usr/include/expat.h ] || continue ;;
	*/targets/unicorn/*) [ -f /usr/include/unicorn/unicorn.h ] || continue ;;
	esac
	out=$("$CLANG" $flags $inc -DHAVE_CONFIG_H "$src" 2>&1)
	ok $? "clang -Werror: ${src#"$top"/}"
	[ -z "$out" ] || printf '%s\n' "$out" | sed 's/^/#   /'
done
echo "1..$n"
exit $failed

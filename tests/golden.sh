#!/bin/sh
# golden.sh: --dump of fixed inputs equals the expected output kept under
# tests/golden (checked by hand once).  Each case is NAME.args (inputs,
# relative to the source directory; @shared/ means ../shared) and NAME.jsonl.
# UPDATE=1 rewrites the expected files.
. "$PB_SRCDIR/tests/lib.sh"
G="$PB_SRCDIR/tests/golden"
for args in "$G"/*.args; do
	name=$(basename "$args" .args)
	set --
	missing=""
	while read -r a; do
		[ -n "$a" ] || continue
		case "$a" in
		@shared/*) p="$SHARED/${a#@shared/}" ;;
		*) p="$PB_SRCDIR/$a" ;;
		esac
		[ -e "$p" ] || missing="$p"
		set -- "$@" "$p"
	done <"$args"
	if [ -n "$missing" ]; then
		echo "skip - $name: $missing not present"
		continue
	fi
	"$PB_BIN" --dump "$@" >"$TMP/$name.jsonl" 2>/dev/null
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$TMP/$name.jsonl" "$G/$name.jsonl"
		ok "$name updated"
	elif cmp -s "$TMP/$name.jsonl" "$G/$name.jsonl"; then
		ok "$name"
	else
		bad "$name differs from tests/golden/$name.jsonl"
		diff "$G/$name.jsonl" "$TMP/$name.jsonl" | head -20
	fi
done
finish

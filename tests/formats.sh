#!/bin/sh
# formats.sh: --check over the format fixtures (tests/fixtures/formats)
# names each file's format, its papers, the days taken from file paths, the
# problems at their lines, and the files that are not digests, exactly as
# kept in tests/fixtures/formats.check (checked by hand once; UPDATE=1
# rewrites it).
. "$PB_SRCDIR/tests/lib.sh"
F="$PB_SRCDIR/tests/fixtures/formats"
WANT="$PB_SRCDIR/tests/fixtures/formats.check"
(cd "$PB_SRCDIR" && "$PB_BIN" --check tests/fixtures/formats) >"$TMP/check" 2>&1
rc=$?
expect "--check on the fixtures exits 0" [ $rc = 0 ]
if [ "${UPDATE:-}" = 1 ]; then
	cp "$TMP/check" "$WANT"
	ok "formats.check updated"
elif cmp -s "$TMP/check" "$WANT"; then
	ok "--check output as in tests/fixtures/formats.check"
else
	bad "--check output differs from tests/fixtures/formats.check"
	diff "$WANT" "$TMP/check" | head -20
fi
expect "the fallback is named generic" grep -q '2026-07-21.md: generic, 2 papers$' "$TMP/check"
expect "a README that only cites a paper by a badge is not a digest" \
	grep -q 'not-digests/README.md: note: skipped: not a digest in any known format$' "$TMP/check"
expect "--check says when days come from the path" \
	grep -q '2025-06-22_AI_enhanced_Chinese.jsonl: note: 2 papers dated 2025-06-22 from the file path$' "$TMP/check"
[ -d "$F" ] || bad "fixtures present"
finish

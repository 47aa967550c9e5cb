#!/bin/sh
# equiv.sh: `paperboy --dump` (and --check, --export) through the library
# store is byte-identical to `--no-store` on the seeds, the realdata, the
# format fixtures (tests/fixtures/formats) and the wild samples, on the
# first run (the store is built) and the next (read back from it, on two
# threads and on one).  The reader's light library read from the store's
# papers (storeread --light) is the one a light parse gives, and every day
# read alone spells its papers' categories as it does (storeread --views).
. "$PB_SRCDIR/tests/lib.sh"
PAPERBOY_CACHE=$TMP/cache; export PAPERBOY_CACHE
storeread=$PB_BUILDDIR/tests/store/storeread
n=0
for d in seeds realdata formats wild; do
	case $d in
	formats) dir=$PB_SRCDIR/tests/fixtures/formats ;;
	*) dir=$SHARED/$d ;;
	esac
	if [ ! -d "$dir" ]; then
		echo "# SKIP $d: $dir not present"
		continue
	fi
	n=$((n + 1))
	"$PB_BIN" --no-store --dump "$dir" >"$TMP/want" 2>"$TMP/want.err"
	"$PB_BIN" --no-store --check "$dir" >"$TMP/wantc" 2>&1
	"$PB_BIN" --no-store --export=bibtex "$dir" >"$TMP/wantb" 2>/dev/null
	for run in built "read back"; do
		"$PB_BIN" --dump "$dir" >"$TMP/got" 2>"$TMP/got.err"
		cmp -s "$TMP/want" "$TMP/got" && cmp -s "$TMP/want.err" "$TMP/got.err" &&
			ok "$d, $run: --dump identical ($(wc -l <"$TMP/got" | tr -d ' ') papers)" ||
			bad "$d, $run: --dump identical"
	done
	# read back on one thread (store/replay.c reads and merges on two)
	PAPERBOY_THREADS=1 "$PB_BIN" --dump "$dir" >"$TMP/got" 2>"$TMP/got.err"
	cmp -s "$TMP/want" "$TMP/got" && cmp -s "$TMP/want.err" "$TMP/got.err" &&
		ok "$d, read back on one thread: --dump identical" ||
		bad "$d, read back on one thread: --dump identical"
	# the store each set of paths has is the one written last
	db=$(ls -t "$PAPERBOY_CACHE"/paths-*.db | head -n 1)
	"$storeread" --light-parse "$dir" >"$TMP/wantl" 2>/dev/null
	"$storeread" --light "$db" >"$TMP/gotl" 2>"$TMP/gotl.err"
	[ -f "$db" ] && [ -s "$TMP/wantl" ] && cmp -s "$TMP/wantl" "$TMP/gotl" &&
		ok "$d: the light library from the store's papers is a light parse's ($(grep -vc '^day ' "$TMP/gotl") papers)" ||
		{ bad "$d: the light library from the store's papers is a light parse's"; diff "$TMP/wantl" "$TMP/gotl" | head -n 5; cat "$TMP/gotl.err"; }
	# a day read alone (the first screen, light; a day or a paper in full) spells as the whole library
	"$storeread" --views "$db" >"$TMP/views" 2>&1 &&
		ok "$d: $(tail -n 1 "$TMP/views" | sed 's/^storeread: //')" ||
		{ bad "$d: every day read alone spells categories as the whole library"; head -n 10 "$TMP/views"; }
	"$PB_BIN" --check "$dir" >"$TMP/gotc" 2>&1
	cmp -s "$TMP/wantc" "$TMP/gotc" && ok "$d: --check identical" || bad "$d: --check identical"
	"$PB_BIN" --export=bibtex "$dir" >"$TMP/gotb" 2>/dev/null
	cmp -s "$TMP/wantb" "$TMP/gotb" && ok "$d: --export=bibtex identical" || bad "$d: --export=bibtex identical"
done
[ $n -gt 0 ] || skip_all "none of ../shared/seeds, ../shared/realdata, tests/fixtures/formats, ../shared/wild is present"
# the library (no PATH) is stored in library.db
PAPERBOY_LIBRARY=$SHARED/seeds "$PB_BIN" --dump >/dev/null 2>&1
[ -f "$PAPERBOY_CACHE/library.db" ] && ok "the library's store is library.db" || bad "the library's store is library.db"
finish

#!/bin/sh
# crash.sh: kill -9 at random moments of a store update, 50 times; every
# next start opens the store (or builds it again) and gives the same
# --dump as parsing.  Then two readers and a --dump start at once on one
# store that needs updating: all three work.
. "$PB_SRCDIR/tests/lib.sh"
real=$SHARED/realdata
[ -d "$real/l-yohai-daily_papers_ko" ] || skip_all "../shared/realdata not present"
PAPERBOY_CACHE=$TMP/cache; export PAPERBOY_CACHE
PAPERBOY_THREADS=1; export PAPERBOY_THREADS	# one thread: the kills land at more places
lib=$TMP/lib
ko=$real/l-yohai-daily_papers_ko/paper_logs/2024
mkdir -p "$lib/a" "$lib/b"
cp "$ko"/01/* "$lib/a/"
cp "$real"/timlrx-daily-ai-papers/archive/2024/10/0* "$lib/b/"

# rnd N: a random integer in [0, N)
rnd() { od -An -N4 -tu4 /dev/urandom | awk -v n="$1" '{ print $1 % n }'; }

# timed: how long a --check of $lib takes (an update of its store), in ms, at least 20
timed() {
	t0=$(date +%s%N)
	"$PB_BIN" --check "$lib" >/dev/null 2>&1
	t1=$(date +%s%N)
	t=$(( (t1 - t0) / 1000000 ))
	[ "$t" -gt 20 ] && echo "$t" || echo 20
}

# A first build, then a changed file, to learn how long each takes: the
# kills aim at the span of the update they interrupt (a first build takes
# several times longer than the others, which would end before most kills).
build_span=$(timed)
f=$(ls "$lib/a" | head -n 1)
printf '\n### [Timed](https://arxiv.org/abs/2401.99999)\n\n- x\n' >>"$lib/a/$f"
update_span=$(timed)
echo "# a first build takes about $build_span ms, an update $update_span ms; kills land within them"

kills=0 runs=0 badruns=0
while [ $runs -lt 50 ]; do
	runs=$((runs + 1))
	# change the library: a month of Korean digests comes or goes, a file changes
	span=$update_span
	case $((runs % 4)) in
	0) rm -rf "$lib/c" ;;
	1) mkdir -p "$lib/c" && cp "$ko"/02/* "$lib/c/" ;;
	2) f=$(ls "$lib/a" | head -n 1); printf '\n### [Added %s](https://arxiv.org/abs/2401.%05d)\n\n- x\n' "$runs" "$runs" >>"$lib/a/$f" ;;
	3) rm -f "$PAPERBOY_CACHE"/*.db; span=$build_span ;;	# kill a first build too
	esac
	"$PB_BIN" --check "$lib" >/dev/null 2>&1 &
	pid=$!
	ms=$(rnd "$span")
	sleep "$(awk -v m="$ms" 'BEGIN { printf "%.3f", m / 1000 }')"
	kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
	wait "$pid" 2>/dev/null
	"$PB_BIN" --no-store --dump "$lib" >"$TMP/want" 2>/dev/null
	if ! "$PB_BIN" --dump "$lib" >"$TMP/got" 2>"$TMP/err" || ! cmp -s "$TMP/want" "$TMP/got"; then
		badruns=$((badruns + 1))
		echo "# run $runs (killed after $ms ms): the next --dump differs"; head -n 3 "$TMP/err"
	fi
done
[ $badruns = 0 ] && ok "50 updates killed at random moments ($kills killed in flight): every next --dump is the parsed one" ||
	bad "$badruns of 50 killed updates left a store that gives another --dump"
[ $kills -ge 10 ] && ok "at least 10 kills landed during an update ($kills)" || bad "too few kills landed during an update ($kills)"

# Two readers and --dump runs at once on one store, while the library changes.
reader=$PB_BUILDDIR/tests/store/storeread
db=$(ls "$PAPERBOY_CACHE"/paths-*.db)
if [ -x "$reader" ] && [ -n "$db" ]; then
	"$reader" "$db" 100 >"$TMP/r1.out" 2>&1 &
	p1=$!
	"$reader" "$db" 100 >"$TMP/r2.out" 2>&1 &
	p2=$!
	dumps=0
	for m in 03 04 05; do
		mkdir -p "$lib/$m" && cp "$ko/$m"/* "$lib/$m/"
		"$PB_BIN" --dump "$lib" >"$TMP/got" 2>"$TMP/err" && [ ! -s "$TMP/err" ] && dumps=$((dumps + 1))
	done
	wait $p1; r1=$?
	wait $p2; r2=$?
	[ $r1 = 0 ] && [ $r2 = 0 ] && ok "two readers of the store while it is updated: $(cat "$TMP/r1.out"), $(cat "$TMP/r2.out")" ||
		{ bad "two readers of the store while it is updated"; cat "$TMP/r1.out" "$TMP/r2.out"; }
	[ $dumps = 3 ] && ok "three --dump runs updating the store beside them, no message" || bad "--dump beside two readers ($dumps of 3 clean)"
	"$PB_BIN" --no-store --dump "$lib" >"$TMP/want" 2>/dev/null
	cmp -s "$TMP/want" "$TMP/got" && ok "the last of them is the parsed --dump" || bad "the last --dump is the parsed one"
else
	bad "tests/store/storeread is not built"
fi
finish

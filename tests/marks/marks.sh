#!/bin/sh
# marks.sh: the state file survives kill -9 at any moment, and two readers
# saving at once lose no marks.
#
#  1. statehammer grow saves k:000001, k:000002, ... over and over (the
#     file grows by one record a save); it is killed with SIGKILL after a
#     random few milliseconds, 200 times.  After each kill the file must
#     load without a message, be byte for byte what a save writes, and
#     hold exactly k:000001..k:N (one complete version), N never going
#     down; no file is ever set aside.
#  2. two statehammer star processes each star their own 500 keys,
#     saving after every mark, at the same time: the file ends with 1000.
. "$PB_SRCDIR/tests/lib.sh"
H="$PB_BUILDDIR/tests/marks/statehammer"
[ -x "$H" ] || skip_all "statehammer not built"
ITER=${PB_STATE_KILLS:-200}
S="$TMP/kill/state"

# random sleeps of 0 to 40 ms
awk -v n="$ITER" 'BEGIN { srand(); for (i = 0; i < n; i++) printf "0.%03d\n", int(rand() * 40) }' >"$TMP/sleeps"
"$H" grow "$S" 1 || bad "the first save works"
prev=1
kfails=0
killed=0
while read -r delay; do
	"$H" grow "$S" 1000000 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
	wait "$pid" 2>/dev/null
	n=$("$H" check "$S" 2>"$TMP/err")
	if [ $? != 0 ] || [ -z "$n" ] || [ "$n" -lt "$prev" ]; then
		kfails=$((kfails + 1))
		echo "after a kill: $(cat "$TMP/err") (n=$n, before $prev)"
		cp "$S" "$TMP/damaged" 2>/dev/null
		break
	fi
	prev=$n
done <"$TMP/sleeps"
expect "state intact after each of $ITER kill -9 ($killed hit a running saver, $prev records at the end)" [ "$kfails" = 0 ]
expect "the kills interrupted the saver" [ "$killed" -gt 0 ]
expect "no state file was ever set aside" [ -z "$(ls "$TMP/kill" | grep broken)" ]
"$H" grow "$S" $((prev + 1)) && n=$("$H" check "$S")
expect "a save after the kills works and grows the file" [ "$n" = $((prev + 1)) ]
expect "temporary files of killed savers are cleaned at the next save" [ -z "$(ls "$TMP/kill" | grep tmp)" ]

# two writers at once
W="$TMP/two/state"
"$H" star "$W" a 500 >"$TMP/a.err" 2>&1 &
pa=$!
"$H" star "$W" b 500 >"$TMP/b.err" 2>&1 &
pb=$!
wait "$pa"; ra=$?
wait "$pb"; rb=$?
expect "both writers succeed" [ "$ra" = 0 ] && [ "$rb" = 0 ]
expect "the file holds all 1000 stars" [ "$("$H" count "$W")" = 1000 ]
expect "each writer's keys are all there" [ "$(grep -c '^a-[0-9]*	starred=1@' "$W")" = 500 ] && [ "$(grep -c '^b-[0-9]*	starred=1@' "$W")" = 500 ]
finish

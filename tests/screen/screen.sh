#!/bin/sh
# screen.sh: run the real reader in tmux and compare its screens with golden files.
#
#   PB_BIN     the paperboy binary (set by make check)
#   PB_SRCDIR  the source directory (set by make check)
#   UPDATE=1   write the golden screens instead of comparing (inspect them!)
#   PB_SCREEN_TIMEOUT  seconds to wait for a screen (default 10)
#
# Every comparison polls the pane until it matches the golden screen or the
# timeout passes, so the test does not depend on timing.  Exits 77 (skip)
# when tmux is missing.
set -u

SRC=${PB_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=${PB_BIN:-$SRC/paperboy}
if [ ! -x "$BIN" ]; then
	echo "screen.sh: paperboy binary not found: $BIN (set PB_BIN)"
	exit 99
fi
FIX=$SRC/tests/screen/fixtures
GOLD=$SRC/tests/screen/golden
UPDATE=${UPDATE:-0}
SOCK=pbtest$$
. "$SRC/tests/tmux.sh"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/pbscreen.XXXXXX")
FAILS=0
NTESTS=0

LANG=C.UTF-8
LC_ALL=C.UTF-8
export LANG LC_ALL
unset LANGUAGE TMUX NO_COLOR STY SSH_CONNECTION SSH_TTY PAPERBOY_OPEN \
	PAPERBOY_OSC8 PAPERBOY_TEXT_BROWSERS PAPERBOY_OSC52_LOG
# never the user's marks or settings; each start begins with no marks, and
# a paper is read as soon as it is shown (the default waits a second, which
# would make screens depend on timing; tests/unit/test_layout covers it)
PAPERBOY_STATE=$TMP/state/state
PAPERBOY_CONFIG=$TMP/config
# the library store: this run's own, kept between starts (the first start
# on an input builds it, the later ones find it up to date)
PAPERBOY_CACHE=$TMP/cache
export PAPERBOY_STATE PAPERBOY_CONFIG PAPERBOY_CACHE
printf 'mark-read = open\n' >"$PAPERBOY_CONFIG"
# Enter on a link starts $BROWSER: true succeeds without doing anything
BROWSER=true
export BROWSER

cleanup() {
	tmux_cleanup
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# A control session keeps the server up and gives the untouched pane title.
tmux_server
BASE_TITLE=$(T display -p -t ctl '#{pane_title}')

fail() {
	echo "FAIL: $*"
	FAILS=$((FAILS + 1))
}

# start W H ARG...: run paperboy ARG... in a fresh W x H window pb:main.
start() {
	W=$1
	H=$2
	shift 2
	T kill-session -t pb >/dev/null 2>&1
	rm -f "$TMP/exit"
	[ "${KEEP_STATE:-0}" = 1 ] || rm -rf "$TMP/state"
	# the tmux server's environment is the one it started with: pass what tests change
	cmd="env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=$TERMNAME PAPERBOY_LIBRARY=/nonexistent"
	cmd="$cmd PAPERBOY_STATE='$PAPERBOY_STATE' PAPERBOY_CACHE='$PAPERBOY_CACHE' BROWSER='$BROWSER' '$BIN'"
	for a in "$@"; do
		cmd="$cmd '$a'"
	done
	# the exit status goes to a file when the reader ends
	cmd="$cmd; echo \$? >'$TMP/exit.new'; mv '$TMP/exit.new' '$TMP/exit'"
	mkdir -p "$TMP/work"
	T new-session -d -s pb -n main -x "$W" -y "$H" -c "$TMP/work" "$cmd"
	[ "${NOWAIT:-0}" = 1 ] || loaded
}

# loaded: wait (at most TIMEOUT s) until the reader has painted and read
# its library: keys sent before would act on the empty one.
loaded() {
	i=0
	while [ "$i" -lt $((TIMEOUT * 20)) ]; do
		s=$(pane_capture pb:main)
		if [ -n "$(printf '%s' "$s" | tr -d ' \n')" ] && ! printf '%s' "$s" | grep -q 'reading the library'; then
			return 0
		fi
		[ -n "$(exit_status)" ] && return 0
		sleep 0.05
		i=$((i + 1))
	done
}

# keys KEY...: send keys to the reader.
keys() {
	T send-keys -t pb:main "$@"
}

# resize W H: resize the window (the reader gets SIGWINCH).
resize() {
	W=$1
	H=$2
	T resize-window -t pb:main -x "$W" -y "$H"
}

capture() {
	pane_capture pb:main >"$1"
}

# check_widths FILE: every row but the status line fills exactly W cells
# (the right border is in the last column on every row).
check_widths() {
	name=$1
	file=$2
	[ "$W" -ge 2 ] && [ "$H" -ge 3 ] || return 0
	n=0
	while IFS= read -r line; do
		n=$((n + 1))
		[ "$n" -lt "$H" ] || break
		cells=$(printf '%s\n' "$line" | wc -L)
		if [ "$cells" -ne "$W" ]; then
			fail "$name: row $n is $cells cells wide, not $W (a border moved)"
			return
		fi
	done <"$file"
}

# screen NAME: wait for the pane to show golden/NAME.txt (or record it).
screen() {
	name=$1
	gold=$GOLD/$name.txt
	cur=$TMP/$name.txt
	NTESTS=$((NTESTS + 1))
	if [ "$UPDATE" = 1 ]; then
		# wait until the screen has been stable for half a second
		sleep 0.3
		capture "$cur.prev"
		stable=0
		i=0
		while [ "$stable" -lt 5 ] && [ "$i" -lt $((TIMEOUT * 10)) ]; do
			sleep 0.1
			capture "$cur"
			if cmp -s "$cur" "$cur.prev"; then
				stable=$((stable + 1))
			else
				stable=0
				cp "$cur" "$cur.prev"
			fi
			i=$((i + 1))
		done
		cp "$cur" "$gold"
		echo "updated $gold"
	else
		if [ ! -f "$gold" ]; then
			fail "$name: no golden screen $gold (run with UPDATE=1)"
			return
		fi
		i=0
		while :; do
			capture "$cur"
			cmp -s "$cur" "$gold" && break
			i=$((i + 1))
			if [ "$i" -ge $((TIMEOUT * 20)) ]; then
				fail "$name: screen differs from $gold after ${TIMEOUT}s"
				diff -u "$gold" "$cur"
				return
			fi
			sleep 0.05
		done
		echo "ok: $name"
	fi
	check_widths "$name" "$cur"
}

# exit_status: the reader's exit status once it has ended, else empty.
exit_status() {
	cat "$TMP/exit" 2>/dev/null
}

# alive NAME: the reader is still running.
alive() {
	st=$(exit_status)
	if [ -n "$st" ]; then
		fail "$1: paperboy ended with status $st"
		return 1
	fi
	return 0
}

# quits NAME: Q ends the reader with status 0 (from anywhere).
quits() {
	keys Q
	i=0
	while [ -z "$(exit_status)" ]; do
		i=$((i + 1))
		if [ "$i" -ge $((TIMEOUT * 20)) ]; then
			fail "$1: Q did not quit"
			return
		fi
		sleep 0.05
	done
	st=$(exit_status)
	[ "$st" = 0 ] || fail "$1: exit status $st"
}

EN=$FIX/en
KO=$FIX/ko-2025-05-06.md

# ---- the English digest at three sizes ----------------------------------
start 80 24 "$EN"
screen en-80x24
quits en-80x24
start 120 40 "$EN"
screen en-120x40
# z: the focused pane (Papers) fills the screen, titles whole; z again: back
keys z
screen en-120x40-zoom
keys z
screen en-120x40-unzoomed
start 200 60 "$EN"
screen en-200x60

# ---- Korean summaries: --lang=ko, scrolling, the language toggle ---------
start 100 30 --lang=ko "$EN" "$KO"
screen ko-start
keys l j j j j j
screen ko-scrolled
keys t
screen ko-toggle-en
keys h j j
screen ko-only
keys l G
screen ko-only-end

# ---- publishers: named from the path; t changes language, and it stays ---
mkdir -p "$TMP/pub/gabrielchua-daily-ai-papers/archive/2025/05" \
	"$TMP/pub/l-yohai-daily_papers_ko/paper_logs/2025/05"
cp "$EN/2025-05-06.md" "$TMP/pub/gabrielchua-daily-ai-papers/archive/2025/05/06.md"
cp "$KO" "$TMP/pub/l-yohai-daily_papers_ko/paper_logs/2025/05/06.md"
start 100 30 --lang=ko "$TMP/pub"
screen pub-ko
keys t
screen pub-en
keys j
screen pub-en-next
quits pub

# ---- Hangul, CJK, emoji ZWJ sequences and combining marks ----------------
start 80 24 "$FIX/mixed.md"
screen mixed-80x24
keys j
screen mixed-80x24-second
start 100 30 "$FIX/mixed.md"
screen mixed-100x30
keys j l
screen mixed-100x30-summary
keys G
screen mixed-100x30-end

# ---- navigation through every pane ---------------------------------------
start 100 30 "$EN"
screen nav-start
keys h h j
screen nav-days
keys Enter j j
screen nav-cats
keys k k Enter j
screen nav-papers
keys Enter C-d
screen nav-summary
keys Enter j Enter
screen nav-links
keys Tab g
screen nav-cycle
keys BTab BTab BTab G PPage
screen nav-back
keys '?'
screen nav-help
keys Escape
screen nav-back
keys C-l
screen nav-back
quits nav

# ---- browsing reads nothing: only the paper looked at is read -------------
# four moves in Categories and two in Days leave every count unread; the
# focus on Papers then reads the selected paper (mark-read = open here)
start 100 30 "$EN"
keys h j j k j h j k
screen browse-nothing-read
keys l l
screen browse-then-look
quits browse

# ---- reading keys: A marks the day read; J in the summary; [ wraps back ---
start 100 30 "$EN"
keys A
screen read-day-A
keys l J
screen read-summary-J
keys h h
keys '['
screen read-prev-unread
quits read

# ---- triage: stars, the Starred view, search, filters, marks kept --------
start 100 30 "$EN" "$KO"
keys s j j s
screen triage-stars
keys S
screen triage-starred
keys S / V O I
screen triage-search
keys L A
screen triage-search-more
keys Enter
screen triage-search-done
# the matches are drawn in the match colour (black on yellow by default) in
# Papers and in Summary (several lines), and nothing else is
T capture-pane -e -p -t pb:main >"$TMP/hl.txt"
hl=$(grep -c "$(printf '\033')\[43mVoila" "$TMP/hl.txt")
[ "$hl" -ge 3 ] || fail "triage: search matches highlighted on $hl lines, not 3 or more"
grep "$(printf '\033')\[43m" "$TMP/hl.txt" | sed "s/$(printf '\033')\[43mVoila//g" |
	grep -q "$(printf '\033')\[43m" && fail "triage: something other than 'Voila' is highlighted"
NTESTS=$((NTESTS + 1))
keys / g r o k k i n g
screen triage-search-day2
keys Escape
screen triage-search-back
keys f
screen triage-unread
keys f v 4 0 Enter
screen triage-votes
# E b writes the list as BibTeX into the current directory (Enter takes the generated name)
keys E b Enter
i=0
while [ -z "$(ls "$TMP/work"/paperboy-*.bib 2>/dev/null)" ] && [ "$i" -lt $((TIMEOUT * 20)) ]; do
	sleep 0.05
	i=$((i + 1))
done
bib=$(ls "$TMP/work"/paperboy-*.bib 2>/dev/null)
if [ -z "$bib" ]; then
	fail "triage: E b wrote no paperboy-*.bib"
elif ! grep -q 'eprint = {2505.02707}' "$bib" || [ "$(grep -c '^@misc' "$bib")" != 1 ]; then
	fail "triage: the export is not the one-paper list: $(head -c 300 "$bib")"
fi
i=0
until capture "$TMP/export.txt" && grep -q "exported 1 paper to pa" "$TMP/export.txt"; do
	i=$((i + 1))
	if [ "$i" -ge $((TIMEOUT * 20)) ]; then
		fail "triage: the status line does not name the export: $(tail -n 1 "$TMP/export.txt")"
		break
	fi
	sleep 0.05
done
quits triage
# a new reader finds the marks in the state file
KEEP_STATE=1 start 100 30 "$EN" "$KO"
screen triage-restart
quits triage-restart

# two readers at once on one state file lose no marks: each stars and
# unstars papers of its own, in turns, then both quit
rm -rf "$TMP/state"
for r in a b; do
	T new-session -d -s "two$r" -x 100 -y 30 "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=$TERMNAME \
		PAPERBOY_LIBRARY=/nonexistent '$BIN' '$EN' '$KO'; echo \$? >'$TMP/two$r.exit'"
done
sleep 0.5
T send-keys -t twoa s j s		# a: Voila, RM-R1
T send-keys -t twob j j j s		# b: TEMPURA (the fourth as published)
T send-keys -t twoa j j j s s s		# a: toggles Ming-Lite-Uni on, off, on
T send-keys -t twob G s			# b: the last paper of the day
sleep 0.5
T send-keys -t twoa q
T send-keys -t twob q
i=0
while { [ ! -s "$TMP/twoa.exit" ] || [ ! -s "$TMP/twob.exit" ]; } && [ "$i" -lt $((TIMEOUT * 20)) ]; do
	sleep 0.05
	i=$((i + 1))
done
stars=$(env PAPERBOY_LIBRARY=/nonexistent "$BIN" --dump --starred "$EN" "$KO" 2>/dev/null |
	sed -n 's/.*"title":"\([^"]*\)".*/\1/p' | cut -c1-12 | sort | tr '\n' '|')
[ "$stars" = "Ming-Lite-Un|Practical Ef|RM-R1: Rewar|TEMPURA: Tem|Voila: Voice|" ] ||
	fail "two readers: starred papers are '$stars'"
NTESTS=$((NTESTS + 1))

# ---- resizes down to 1x1 and back, and a storm of them --------------------
start 80 24 "$EN"
screen en-80x24
resize 1 1
screen tiny-1x1
alive tiny-1x1
resize 2 2
screen tiny-2x2
resize 30 8
screen small-30x8
keys Tab
screen small-30x8-summary
keys BTab
for s in 1x1 200x60 3x2 80x24 1x40 150x5 40x12 7x3 120x40 1x1 99x30 60x1 13x13 2x50; do
	resize "${s%x*}" "${s#*x}"
done
alive storm
for s in 1x1 200x60 3x2 80x24 1x40 150x5 40x12 7x3 120x40 1x1; do
	resize "${s%x*}" "${s#*x}"
	keys C-l
done
resize 80 24
screen en-80x24-storm
alive storm
resize 120 40
screen en-120x40-storm
resize 200 60
screen en-200x60-storm

# ---- hostile digest: escape sequences never reach the terminal -----------
start 100 30 "$FIX/hostile.md"
screen hostile-1
keys j
screen hostile-2
keys j
screen hostile-3
keys j
screen hostile-4
keys l G
screen hostile-4-end
alive hostile
title=$(T display -p -t pb:main '#{pane_title}')
[ "$title" = "$BASE_TITLE" ] || fail "hostile: pane title changed to '$title'"
wname=$(T display -p -t pb:main '#{window_name}')
[ "$wname" = main ] || fail "hostile: window renamed to '$wname'"
bufs=$(T list-buffers 2>/dev/null)
[ -z "$bufs" ] || fail "hostile: tmux buffer (clipboard) set: $bufs"
quits hostile
# control: the first paper's row written raw does change the title and the
# clipboard, so the checks above can fail
T new-window -d -t ctl -n raw "sed -n 5p '$FIX/hostile.md'; sleep 86400"
i=0
while [ -z "$(T list-buffers 2>/dev/null)" ] && [ "$i" -lt $((TIMEOUT * 20)) ]; do
	sleep 0.05
	i=$((i + 1))
done
[ -n "$(T list-buffers 2>/dev/null)" ] || fail "control: raw OSC 52 did not reach the tmux buffers"
case $(T display -p -t ctl:raw '#{pane_title}') in
*PWNED*) ;;
*) fail "control: raw OSC 2 did not change the pane title" ;;
esac

# ---- SIGPIPE does not end the reader ----------------------------------------
start 80 24 "$EN"
screen en-80x24
pp=$(T display -p -t pb:main '#{pane_pid}')
pid=$(ps -o pid= --ppid "$pp" 2>/dev/null | head -n 1 | tr -d ' ')
if [ -n "$pid" ] && kill -PIPE "$pid" 2>/dev/null; then
	sleep 0.3
	NTESTS=$((NTESTS + 1))
	alive sigpipe && echo "ok: sigpipe"
	keys C-l
	screen en-80x24-sigpipe
	quits sigpipe
else
	fail "sigpipe: cannot find the reader's process under pane $pp"
fi

# ---- bracketed paste: into the prompt, never a command ---------------------
# shows NAME TEXT: wait for the pane to show TEXT (a fixed string).
shows() {
	i=0
	until capture "$TMP/$1.txt" && grep -qF -- "$2" "$TMP/$1.txt"; do
		i=$((i + 1))
		if [ "$i" -ge $((TIMEOUT * 20)) ]; then
			fail "$1: the screen never showed '$2'; it shows: $(tail -n 1 "$TMP/$1.txt")"
			return 1
		fi
		sleep 0.05
	done
	NTESTS=$((NTESTS + 1))
	echo "ok: $1"
}
# ended_with NAME STATUS: wait for the reader to end with STATUS.
ended_with() {
	i=0
	while [ -z "$(exit_status)" ] && [ "$i" -lt $((TIMEOUT * 20)) ]; do
		sleep 0.05
		i=$((i + 1))
	done
	NTESTS=$((NTESTS + 1))
	[ "$(exit_status)" = "$2" ] || fail "$1: exit status '$(exit_status)', not $2"
}
BROWSER="touch $TMP/browser-ran"
ls "$TMP/work" >"$TMP/work-before"
start 100 30 "$EN"
shows paste-start "paper 1/"
printf 'Voila voice\nsuoEm' >"$TMP/paste.txt"
T load-buffer -b pbpaste "$TMP/paste.txt"
T paste-buffer -p -d -b pbpaste -t pb:main
shows paste-no-prompt "paste ignored"
T load-buffer -b pbpaste "$TMP/paste.txt"
keys /
shows paste-prompt-open "/_"
T paste-buffer -p -d -b pbpaste -t pb:main
shows paste-into-prompt "/Voila voice suoEm_"
keys Escape
# a megabyte: read in large pieces and cut to the prompt's 256 bytes
awk 'BEGIN { for (i = 0; i < 16384; i++) printf "voila %058d\n", i }' >"$TMP/paste-1mb.txt"
T load-buffer -b pbbig "$TMP/paste-1mb.txt"
keys /
shows paste-big-open "/_"
T paste-buffer -p -d -b pbbig -t pb:main
shows paste-1mb "/voila 0000000000000000000000000000000000000000000000000000000000 voila 00"
alive paste-1mb
keys Escape
shows paste-after "search cancelled"
quits paste
NTESTS=$((NTESTS + 1))
[ ! -e "$TMP/browser-ran" ] || fail "paste: a browser was started"
ls "$TMP/work" | cmp -s - "$TMP/work-before" || fail "paste: an export file was written: $(ls "$TMP/work")"
! grep -q "starred=1" "$PAPERBOY_STATE" 2>/dev/null || fail "paste: a paper was starred"
BROWSER=true

# ---- q goes back one level, quits at the top; Esc never quits -------------
start 100 30 "$EN"
keys Enter z
shows back-zoomed "Summary zoomed"
keys q
shows back-unzoomed "Summary back in place"
keys q Escape
shows back-top "at the top: q or Q quits"
alive back-top
keys q
ended_with back-quit 0

# ---- an empty library: how to get papers ---------------------------------
mkdir -p "$TMP/emptylib"
for size in 80x24 120x40; do
	start "${size%x*}" "${size#*x}" "$TMP/emptylib"
	screen "empty-$size"
	quits "empty-$size"
done

# ---- a long author list: the first 10, "+N more", a shows them all ---------
authors=$(awk 'BEGIN { for (i = 1; i <= 25; i++) { if (i > 1) printf ","; printf "\"Writer%d\"", i } }')
printf '[{"title":"Many writers","id":"2505.09999","date":"2025-05-06","authors":[%s],"summary":"Text."}]\n' \
	"$authors" >"$TMP/authors.json"
start 100 30 "$TMP/authors.json"
keys Enter z	# the summary zoomed: the authors line in full width
shows authors-collapsed "+15 more (a: all)"
keys a
shows authors-all "Writer25"
quits authors

# ---- a failed save: kept on the status line, retried; q asks; exit status 1 --
mkdir "$TMP/sd"
PAPERBOY_STATE=$TMP/sd/state
start 100 30 "$EN"
shows save-start "paper 1/"
mv "$TMP/sd" "$TMP/sd.real"
: >"$TMP/sd"	# a file where the directory was: every save fails
keys s
shows save-failed "MARKS NOT SAVED: cannot"
keys j
shows save-error-stays "MARKS NOT SAVED"
keys q
shows save-q-asks "marks not saved: q again quits without them"
alive save-q-asks
keys k
shows save-other-key-stays "MARKS NOT SAVED"
alive save-other-key-stays
rm "$TMP/sd"
mv "$TMP/sd.real" "$TMP/sd"	# room again: the next retry saves what was pending
shows save-retried "marks saved"
NTESTS=$((NTESTS + 1))
grep -q "starred=1" "$TMP/sd/state" || fail "save-retried: the star is not in the state file"
mv "$TMP/sd" "$TMP/sd.real"
: >"$TMP/sd"
keys s
shows save-failed-again "MARKS NOT SAVED"
keys q
shows save-q-asks-again "q again quits"
keys q
ended_with save-quit-unsaved 1
rm -f "$TMP/sd"
PAPERBOY_STATE=$TMP/state/state

# ---- ! lists every settings and loading problem (issue 13 item 4) ---------
# 30 bad settings lines and an input cut short: the status line counts them
# and names !, which shows them all as --check prints them, scrollable
{
	# a trailing comment is no problem (item 4)
	printf 'mark-read = open   # read when shown\nbind x frobnicate\n'
	for i in $(seq 1 40); do
		printf 'setting%d = x\n' "$i"
	done
} >"$PAPERBOY_CONFIG"
mkdir -p "$TMP/work"
printf '[{"title":"x"' >"$TMP/work/cut.json"
for size in 80x24 120x40; do
	start "${size%x*}" "${size#*x}" "$EN" cut.json
	shows "problems-status-$size" "42 problems (! lists them): "
	keys '!'
	shows "problems-open-$size" "config:3: unknown setting 'setting1'"
	check_widths "problems-open-$size" "$TMP/problems-open-$size.txt"
	grep -q 'setting40' "$TMP/problems-open-$size.txt" &&
		fail "problems-open-$size: the last line is on the first page"
	keys G
	shows "problems-end-$size" "cut.json:1: warning: invalid JSON: the input ends inside a value"
	shows "problems-end-$size" "config:42: unknown setting 'setting40'"
	shows "problems-end-$size" "config:2: unknown command 'frobnicate'"
	check_widths "problems-end-$size" "$TMP/problems-end-$size.txt"
	keys q
	i=0
	while capture "$TMP/problems-closed-$size.txt" && grep -q '\[Problems\]' "$TMP/problems-closed-$size.txt"; do
		i=$((i + 1))
		if [ "$i" -ge $((TIMEOUT * 20)) ]; then
			fail "problems-closed-$size: q did not close the Problems page"
			break
		fi
		sleep 0.05
	done
	shows "problems-closed-$size" "paper 1/"
	alive "problems-closed-$size"
	if [ "$size" = 120x40 ]; then	# reload counts them all again, and names the key
		keys r
		shows "problems-reload-$size" "42 problems (! lists them)"
	fi
	quits "problems-$size"
done
printf 'mark-read = open\n' >"$PAPERBOY_CONFIG"
rm -f "$TMP/work/cut.json"
# no problems: ! says so
start 80 24 "$EN"
keys '!'
shows problems-none "no problems with the settings or the inputs"
quits problems-none

# ---- the help at 80x24, 100x30, 120x40: every bind name whole (item 8) ----
# page through the help (Space: 10 lines on) collecting every screen; each
# command's [bind name] of the table must appear whole
names=$(sed -n 's/.*X([A-Z_]*, "\([a-z-]*\)".*/\1/p' "$SRC/include/ui/cmd.h")
for size in 80x24 100x30 120x40; do
	start "${size%x*}" "${size#*x}" "$EN"
	keys '?'
	shows "help-names-$size" "[down]"
	cp "$TMP/help-names-$size.txt" "$TMP/help-all.txt"
	hp_n=0
	while [ "$hp_n" -lt 12 ]; do
		hp_n=$((hp_n + 1))
		cp "$TMP/help-names-$size.txt" "$TMP/help-prev.txt"
		keys Space
		hp_i=0
		while capture "$TMP/help-names-$size.txt" && cmp -s "$TMP/help-names-$size.txt" "$TMP/help-prev.txt"; do
			hp_i=$((hp_i + 1))
			[ "$hp_i" -lt 20 ] || break	# the end: Space changes nothing
			sleep 0.05
		done
		[ "$hp_i" -lt 20 ] || break
		check_widths "help-names-$size" "$TMP/help-names-$size.txt"
		cat "$TMP/help-names-$size.txt" >>"$TMP/help-all.txt"
	done
	for c in $names; do
		grep -qF "[$c]" "$TMP/help-all.txt" || fail "help-names-$size: [$c] is not whole on any page"
	done
	NTESTS=$((NTESTS + 1))
	quits "help-names-$size"
done

# ---- E asks for the file name, the generated one typed in (issue 13) -----
for size in 80x24 120x40; do
	rm -f "$TMP/work"/paperboy-* "$TMP/work/mine.md"
	start "${size%x*}" "${size#*x}" "$EN"
	keys E m
	shows "export-name-$size" "export to: paperboy-"
	grep -q 'export to: paperboy-[0-9]\{8\}-[0-9]\{6\}\.md_' "$TMP/export-name-$size.txt" ||
		fail "export-name-$size: no generated name in the prompt: $(tail -n 1 "$TMP/export-name-$size.txt")"
	check_widths "export-name-$size" "$TMP/export-name-$size.txt"
	# Esc: nothing is written
	keys Escape
	shows "export-esc-$size" "export cancelled"
	NTESTS=$((NTESTS + 1))
	[ -z "$(ls "$TMP/work" | grep '^paperboy-')" ] || fail "export-esc-$size: Esc wrote $(ls "$TMP/work")"
	# edited: Ctrl-U empties the name, another is typed, Enter writes it
	keys E m C-u m i n e x BSpace . m d
	shows "export-typed-$size" "export to: mine.md_"
	keys Enter
	shows "export-written-$size" "exported 6 papers to mine.md"
	NTESTS=$((NTESTS + 1))
	grep -q 'Voila' "$TMP/work/mine.md" 2>/dev/null || fail "export-written-$size: mine.md is not the list"
	quits "export-$size"
done
rm -f "$TMP/work/mine.md"

# ---- } { move between days from any pane; D goes to a typed day --------
for size in 80x24 120x40; do
	start "${size%x*}" "${size#*x}" "$EN"
	keys Enter	# the Summary pane has the focus
	shows "days-summary-$size" "[Summary"
	keys '}'
	shows "days-next-$size" "paper 1/2 | 2025-05-05"
	grep -q '\[Summary' "$TMP/days-next-$size.txt" || fail "days-next-$size: the focus left the Summary"
	check_widths "days-next-$size" "$TMP/days-next-$size.txt"
	keys '}'
	shows "days-oldest-$size" "the oldest day"
	keys '{'
	shows "days-prev-$size" "paper 1/6 | 2025-05-06"
	keys D 2 0 2 5 - 0 5 - 0 5
	shows "days-prompt-$size" "go to day: 2025-05-05_"
	keys Enter
	shows "days-go-$size" "paper 1/2 | 2025-05-05"
	keys D 2 0 2 5 - 0 5 Enter	# a prefix: the newest day it starts
	shows "days-prefix-$size" "paper 1/6 | 2025-05-06"
	keys D 2 0 2 5 - 0 4 - 0 1 Enter
	shows "days-nearest-$size" "no day 2025-04-01: the nearest is 2025-05-05"
	keys D x y z Enter
	shows "days-none-$size" "no day matches 'xyz'"
	check_widths "days-none-$size" "$TMP/days-none-$size.txt"
	quits "days-$size"
done

# ---- views and filters name what they hide (issue 13 item 10) -----------
for size in 80x24 120x40; do
	start "${size%x*}" "${size#*x}" "$EN"
	# two starred, the second unread again; the Starred view, unread only
	keys s j s u S f
	shows "hidden-starred-$size" "1 of 2 starred shown (1 read hidden: f twice shows all)"
	check_widths "hidden-starred-$size" "$TMP/hidden-starred-$size.txt"
	keys f f S v 1 0 0 0 Enter	# all again, the days, at least 1000 votes
	shows "hidden-votes-$size" "0 of 6 shown (6 under 1000 votes hidden: v 0 shows all)"
	shows "hidden-votes-pane-$size" "(all 6 hidden by the filters)"
	check_widths "hidden-votes-$size" "$TMP/hidden-votes-$size.txt"
	quits "hidden-$size"
done

# ---- line-graphics = ascii: no box drawing characters (issue 13) ---------
printf 'mark-read = open\nline-graphics = ascii\n' >"$PAPERBOY_CONFIG"
for size in 80x24 120x40; do
	start "${size%x*}" "${size#*x}" "$EN"
	screen "ascii-$size"
	keys '?'	# the help box too
	shows "ascii-help-$size" "[Help]"
	for f in "$TMP/ascii-$size.txt" "$TMP/ascii-help-$size.txt"; do
		# U+2500 to U+257F (box drawing) are E2 94 xx and E2 95 xx in UTF-8
		LC_ALL=C grep -q "$(printf '\342\224')\|$(printf '\342\225')" "$f" &&
			fail "ascii-$size: box drawing characters in $(basename "$f")"
	done
	check_widths "ascii-help-$size" "$TMP/ascii-help-$size.txt"
	quits "ascii-$size"
done
printf 'mark-read = open\n' >"$PAPERBOY_CONFIG"

# ---- a day label without a year sorts as its date (issue 13 item 14) -----
# "May 9" from an HF page, between files of 2025-05-06 and 2025-05-12,
# is 2025-05-09 and stands between them in Days
for size in 80x24 120x40; do
	start "${size%x*}" "${size#*x}" "$FIX/yearless"
	screen "yearless-$size"
	NTESTS=$((NTESTS + 1))
	days=$(grep -o '20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]  *[0-9]*/[0-9]*' "$TMP/yearless-$size.txt" | awk '{ printf "%s ", $1 }')
	[ "$days" = "2025-05-12 2025-05-09 2025-05-06 " ] ||
		fail "yearless-$size: Days are in the order '$days'"
	keys '}'	# the second day: the label's paper
	shows "yearless-label-$size" "paper 1/1 | 2025-05-09"
	grep -q 'Yearless Label Paper' "$TMP/yearless-label-$size.txt" ||
		fail "yearless-label-$size: 2025-05-09 does not hold the HF page's paper"
	quits "yearless-$size"
done

# ---- the library in the background: progress, usable meanwhile, warm start --
# A library of 3,300 days of eight papers: its first start builds the store with
# its progress on the status line while keys work; the next start paints
# the newest day from the store at once; a day added later is found.
BIG=$TMP/big
mkdir -p "$BIG"
awk -v dir="$BIG" 'BEGIN {
	for (y = 2014; y <= 2024; y++) for (m = 1; m <= 12; m++) for (d = 1; d <= 25; d++) {
		f = sprintf("%s/%04d-%02d-%02d.md", dir, y, m, d)
		printf "## Papers for %04d-%02d-%02d\n\n| Category | Title | Authors | Summary |\n|---|---|---|---|\n", y, m, d >f
		# eight papers a day: a first build takes long enough to watch its progress
		for (k = 0; k < 8; k++)
			printf "| Machine Learning | Paper %sof %04d-%02d-%02d (Read more on [arXiv](https://arxiv.org/abs/%02d%02d.%05d)) | Ada Lovelace | The day %04d-%02d-%02d. |\n", k ? k " " : "", y, m, d, y % 100, m, d * 10 + k, y, m, d >f
		close(f)
	} }'
for size in 80x24 120x40; do
	rm -rf "$PAPERBOY_CACHE"
	NOWAIT=1 start "${size%x*}" "${size#*x}" "$BIG"
	shows "load-progress-$size" " of 3300 files"
	# the very screen that showed the progress (a later capture may find the load done)
	cp "$TMP/load-progress-$size.txt" "$TMP/load-first-$size.txt"
	NTESTS=$((NTESTS + 1))
	grep -q "Reading the library" "$TMP/load-first-$size.txt" ||
		fail "load-first-$size: the empty screen does not say the library is being read"
	check_widths "load-first-$size" "$TMP/load-first-$size.txt"
	keys '?'
	shows "load-usable-$size" "Help"
	keys q
	shows "load-done-$size" "paper 1/8 | 2024-12-25"
	alive "load-done-$size"
	keys Q
	ended_with "load-quit-$size" 0
	# warm: the newest day is on the first screen, with no empty one before
	# it, the selected paper's summary (read in full from the store), and
	# the other days with their counts (a window on the store: every day)
	NOWAIT=1 start "${size%x*}" "${size#*x}" "$BIG"
	i=0
	while capture "$TMP/warm.txt" && [ -z "$(tr -d ' \n' <"$TMP/warm.txt")" ] && [ "$i" -lt $((TIMEOUT * 100)) ]; do
		sleep 0.01
		i=$((i + 1))
	done
	NTESTS=$((NTESTS + 1))
	grep -q "Paper of 2024-12-25" "$TMP/warm.txt" && grep -q "The day 2024-12-25\." "$TMP/warm.txt" &&
	    grep -q "2024-12-24 *8/8" "$TMP/warm.txt" && ! grep -q "Reading the library" "$TMP/warm.txt" ||
		fail "load-warm-$size: the first screen is not the newest day among every day: $(cat "$TMP/warm.txt")"
	loaded
	shows "load-warm-done-$size" "paper 1/8 | 2024-12-25"
	keys '}'
	shows "load-warm-moved-$size" "paper 1/8 | 2024-12-24"
	# a new day while the reader runs: r finds it, the selection stays
	awk 'BEGIN { printf "## Papers for 2025-01-02\n\n| Category | Title | Authors | Summary |\n|---|---|---|---|\n| Machine Learning | A newer paper (Read more on [arXiv](https://arxiv.org/abs/2501.00001)) | Ada Lovelace | New. |\n" }' >"$BIG/2025-01-02.md"
	keys r
	shows "load-reload-$size" "reloaded 26401 papers from 3301 files"
	capture "$TMP/load-reload-$size.txt"
	NTESTS=$((NTESTS + 1))
	grep -q "2025-01-02" "$TMP/load-reload-$size.txt" && grep -q "paper 1/8 | 2024-12-24" "$TMP/load-reload-$size.txt" ||
		fail "load-reload-$size: the new day is not listed or the selection moved: $(cat "$TMP/load-reload-$size.txt")"
	check_widths "load-reload-$size" "$TMP/load-reload-$size.txt"
	keys Q
	ended_with "load-reload-quit-$size" 0
	# a new day file while the reader was closed: the next start shows it,
	# with its summary, once the store has it (the store's newest day as
	# soon as the update ends, then the window on it: no whole library read)
	awk 'BEGIN { printf "## Papers for 2025-01-03\n\n| Category | Title | Authors | Summary |\n|---|---|---|---|\n| Machine Learning | A paper of the new day (Read more on [arXiv](https://arxiv.org/abs/2501.00003)) | Ada Lovelace | 새로운 날. |\n" }' >"$BIG/2025-01-03.md"
	NOWAIT=1 start "${size%x*}" "${size#*x}" "$BIG"
	i=0
	while capture "$TMP/newday-$size.txt" && ! grep -q "paper 1/1 | 2025-01-03" "$TMP/newday-$size.txt" &&
	    [ "$i" -lt $((TIMEOUT * 100)) ]; do
		sleep 0.01
		i=$((i + 1))
	done
	NTESTS=$((NTESTS + 1))
	grep -q "A paper of the new day" "$TMP/newday-$size.txt" && grep -q "새로운 날\." "$TMP/newday-$size.txt" ||
		fail "load-newday-$size: the new day is not shown with its summary: $(cat "$TMP/newday-$size.txt")"
	check_widths "load-newday-$size" "$TMP/newday-$size.txt"
	loaded
	shows "load-newday-done-$size" "paper 1/1 | 2025-01-03"
	keys Q
	ended_with "load-newday-quit-$size" 0
	rm -f "$BIG/2025-01-02.md" "$BIG/2025-01-03.md"
done
# Q during a first build: the reader leaves at once, and the store is fine after
rm -rf "$PAPERBOY_CACHE"
NOWAIT=1 start 100 30 "$BIG"
shows load-cancel-progress " of 3300 files"
keys Q
ended_with load-cancel 0
start 100 30 "$BIG"
shows load-after-cancel "paper 1/8 | 2024-12-25"
keys Q
ended_with load-after-cancel-quit 0

# ---- tagging: x tags, ; acts on the tagged papers, X untags -------------
# (neomutt's tag and tag-prefix; a tagged row shows "+" after the marker)
# waitfile NAME FILE LINES: wait until FILE has LINES lines.
waitfile() {
	i=0
	while [ "$(cat "$2" 2>/dev/null | wc -l)" -lt "$3" ] && [ "$i" -lt $((TIMEOUT * 20)) ]; do
		sleep 0.05
		i=$((i + 1))
	done
	sleep 0.2	# no more than LINES
	NTESTS=$((NTESTS + 1))
	[ "$(cat "$2" 2>/dev/null | wc -l)" -eq "$3" ] || fail "$1: $2 has not $3 lines: $(cat "$2" 2>/dev/null)"
}
printf '#!/bin/sh\necho "$1" >>"%s/opened"\n' "$TMP" >"$TMP/browser.sh"
chmod +x "$TMP/browser.sh"
BROWSER=$TMP/browser.sh
rm -f "$TMP/opened" "$TMP/work"/paperboy-*
start 80 24 "$EN"
keys x x
screen tags-80x24
keys '\;'
screen tags-80x24-prefix
keys s
screen tags-80x24-starred
keys '\;' o
waitfile tags-open "$TMP/opened" 2
grep -q 'arxiv.org/abs/2505.02387' "$TMP/opened" || fail "tags-open: RM-R1 (the second as published) not opened: $(cat "$TMP/opened")"
keys E
shows tags-export-asks "export the 2 tagged"
keys m
shows tags-export-name "export to: paperboy-tagged-"
keys Enter
shows tags-exported "exported 2 tagged papers"
md=$(ls "$TMP/work"/paperboy-tagged-*.md 2>/dev/null)
NTESTS=$((NTESTS + 1))
[ -n "$md" ] && [ "$(grep -c 'arxiv.org/abs' "$md")" -ge 2 ] && ! grep -q 'SuperEdit' "$md" ||
	fail "tags-exported: the export is not the 2 tagged papers: $(head -c 300 "$md" 2>/dev/null)"
keys X
shows tags-cleared "untagged 2 papers"
quits tags
NTESTS=$((NTESTS + 1))
[ "$(grep -c 'starred=1' "$PAPERBOY_STATE")" = 2 ] || fail "tags: ; s did not save 2 stars"
# 120x40 with Hangul: tags across days, ; u reads them, more than 5 pages ask first
rm -f "$TMP/opened"
start 120 40 "$EN" "$KO"
keys x j x
screen tags-120x40
keys '\;' u
screen tags-120x40-read
keys h h j l l x x		# both papers of 2025-05-05
keys h h k l l j j j x x x	# three more of 2025-05-06, as published: 7 tagged
keys '\;' o
shows tags-open-asks "open 7 arXiv pages? (y/n)"
keys n
shows tags-open-no "nothing opened"
NTESTS=$((NTESTS + 1))
[ ! -e "$TMP/opened" ] || fail "tags-open-no: pages were opened: $(cat "$TMP/opened")"
keys '\;' o y
waitfile tags-open-yes "$TMP/opened" 7
quits tags-120x40
BROWSER=true

# ---- search results as one list: L after a search, q goes back -----------
# every match of every day, newest first, each row with its day (neomutt's limit)
start 80 24 "$EN"
keys h h j l l			# the user is on 2025-05-05
keys / r e a s o n i n g Enter
keys L
screen results-80x24
keys k k k			# from the match the user was on up to the newest result
screen results-80x24-walk
keys O				# best match first: the store's index ranks them
shows results-order-best "', best match first"
screen results-80x24-best
keys O
shows results-order-newest "', newest first"
keys q
shows results-back "back from the search results"
screen results-80x24-back
quits results
# 120x40 with the Korean summaries shown: walk into a summary, q twice goes back
start 120 40 --lang=ko "$EN" "$KO"
keys / r e a s o n i n g Enter L
screen results-120x40
keys O
shows results-120x40-order-best "', best match first"
screen results-120x40-best
keys O
shows results-120x40-order-newest "', newest first"
keys j Enter
screen results-120x40-summary
keys q q
shows results-120x40-back "back from the search results"
screen results-120x40-back
quits results-120x40

# ---- issue 13, every point at 80x24 and 120x40, with Hangul on screen ------
# seen NAME TEXT: the pane shows TEXT, and every border is in place.
seen() {
	shows "$1" "$2" && check_widths "$1" "$TMP/$1.txt"
}
# hangul NAME: the last capture of NAME has Hangul syllables on screen.
hangul() {
	NTESTS=$((NTESTS + 1))
	# U+AC00 to U+D7A3 begin with the bytes EA to ED in UTF-8
	LC_ALL=C grep -q "$(printf '\352')\|$(printf '\353')\|$(printf '\354')\|$(printf '\355')" "$TMP/$1.txt" ||
		fail "$1: no Hangul on screen"
}
# lacks NAME REGEX: the last capture of NAME has no line matching REGEX.
lacks() {
	NTESTS=$((NTESTS + 1))
	! grep -qE -- "$2" "$TMP/$1.txt" || fail "$1: the screen shows '$(grep -E -- "$2" "$TMP/$1.txt" | head -n 1)'"
}
# the Korean digest with "강화학습" written without its space (item 15)
mkdir -p "$TMP/kosp"
sed 's/강화 학습/강화학습/' "$KO" >"$TMP/kosp/ko-2025-05-06.md"
# Multimodal beside Multi-Modal on one day (item 5)
mkdir -p "$TMP/cats"
sed 's/^| Computer Vision | SuperEdit/| Multimodal | SuperEdit/' "$EN/2025-05-06.md" >"$TMP/cats/2025-05-06.md"
# 100 papers of 2025-05-06 and one of 2025-05-05 (item 8)
awk 'BEGIN { printf "["; for (i = 1; i <= 101; i++) printf "%s{\"title\":\"Paper %d\",\"id\":\"2505.%05d\",\"date\":\"2025-05-0%d\",\"summary\":\"Text.\"}", (i > 1 ? "," : ""), i, i, (i > 100 ? 5 : 6); print "]" }' >"$TMP/hundred.json"
for size in 80x24 120x40; do
	w=${size%x*}
	h=${size#*x}
	# item 1: four moves in Categories and two in Days read nothing; the
	# Papers focus reads the paper looked at (the counts say so)
	start "$w" "$h" "$EN" "$KO"
	keys h j j k j h j k
	screen "i13-browse-$size"
	keys l l
	screen "i13-browse-look-$size"
	# item 2: z zooms the Papers pane, titles whole (the Korean one too)
	keys z
	seen "i13-zoom-$size" "Papers zoomed (z: back)"
	hangul "i13-zoom-$size"
	lacks "i13-zoom-$size" "Days|Categories"
	# a title cut in the pane is whole (80x24), or all of it (120x40)
	whole='Practical Efficiency of Muon for Pretraining'
	[ "$size" = 120x40 ] && whole='Ming-Lite-Uni: Advancements in Unified Architecture for Natural Multimodal Interaction'
	NTESTS=$((NTESTS + 1))
	grep -qF "$whole" "$TMP/i13-zoom-$size.txt" || fail "i13-zoom-$size: '$whole' is cut"
	keys z
	seen "i13-unzoom-$size" "Papers back in place"
	# the Add list: q, Backspace and Esc go back one level, Q quits from the help
	keys Enter z
	seen "i13-back-zoomed-$size" "Summary zoomed (z: back)"
	keys q
	seen "i13-back-unzoomed-$size" "Summary back in place"
	keys BSpace
	seen "i13-back-bspace-$size" "[Papers]"
	keys Escape
	seen "i13-back-top-$size" "at the top: q or Q quits"
	alive "i13-back-top-$size"
	keys '?'
	seen "i13-back-help-$size" "[Help]"
	keys Q
	ended_with "i13-back-Q-$size" 0

	# item 3 and item 13: t switches language, it stays from paper to paper,
	# the pane names the publisher, the status line says it once
	start "$w" "$h" "$TMP/pub"
	keys t
	seen "i13-lang-ko-$size" "language 2 of 2"
	shows "i13-lang-ko-$size" "Summary ko from l-yohai"
	hangul "i13-lang-ko-$size"
	lacks "i13-lang-ko-$size" "summary:|ko-digest|ko ko"
	keys j
	seen "i13-lang-stays-$size" "paper 2/7"
	shows "i13-lang-stays-$size" "Summary ko from l-yohai"
	hangul "i13-lang-stays-$size"
	keys t
	seen "i13-lang-en-$size" "Summary en from gabrielch"
	keys T
	seen "i13-version-$size" "no other version in this language"
	quits "i13-lang-$size"

	# item 15 and item 3: "강화 학습" finds "강화학습"; the Korean summary the
	# match is in is the one shown, the match highlighted; item 13: no match said once
	start "$w" "$h" "$EN" "$TMP/kosp"
	keys / 강화 Space 학습 Enter
	seen "i13-ko-search-$size" "/강화 학습: match 1 of 1"
	shows "i13-ko-search-$size" "Summary ko from"
	hangul "i13-ko-search-$size"
	# the match is further down the summary: scroll until it is in view
	keys l
	n=0
	until T capture-pane -e -p -t pb:main >"$TMP/i13-hl.txt" &&
		grep -q "$(printf '\033')\[43m강화학습" "$TMP/i13-hl.txt"; do
		n=$((n + 1))
		[ "$n" -le 6 ] || break
		keys C-d
		sleep 0.2
	done
	NTESTS=$((NTESTS + 1))
	[ "$n" -le 6 ] || fail "i13-ko-search-$size: the match is not highlighted in the summary"
	keys / z z z z Enter
	seen "i13-no-match-$size" "/zzzz: no match"
	lacks "i13-no-match-$size" "every day"
	quits "i13-ko-search-$size"

	# item 5: Multimodal and Multi-Modal are one category; C reads it, 0/3
	start "$w" "$h" "$TMP/cats"
	seen "i13-cats-$size" "paper 1/6"
	shows "i13-cats-$size" "Multi-Mod"
	lacks "i13-cats-$size" "Multimodal +[0-9]+/"
	NTESTS=$((NTESTS + 1))
	grep -qE "Multi-Mod[^ ]* +3/3" "$TMP/i13-cats-$size.txt" ||
		fail "i13-cats-$size: no one Multi-Modal row of 3 papers"
	keys h j j C
	seen "i13-cat-read-$size" "marked 3 papers of Multi-Modal"
	NTESTS=$((NTESTS + 1))
	grep -qE "Multi-Mod[^ ]* +0/3" "$TMP/i13-cat-read-$size.txt" ||
		fail "i13-cat-read-$size: the read category does not show 0/3"
	quits "i13-cats-$size"

	# item 7 and item 11: fixed link numbers, the thumbnail last; y says what it sent
	start "$w" "$h" "$EN" "$KO"
	keys Enter Enter G
	seen "i13-links-$size" "4 thumbnail"
	shows "i13-links-$size" "3 huggingface"
	keys J J J G	# Ming-Lite-Uni: no thumbnail, the same numbers
	seen "i13-links-other-$size" "paper 4/7"
	shows "i13-links-other-$size" "3 huggingface"
	lacks "i13-links-other-$size" "thumbnail"
	T delete-buffer >/dev/null 2>&1
	keys y
	seen "i13-copy-$size" "sent to the terminal's clipboard (OSC 52)"
	NTESTS=$((NTESTS + 1))
	T show-buffer 2>/dev/null | grep -q 'huggingface.co' ||
		fail "i13-copy-$size: the tmux clipboard does not hold the link: $(T show-buffer 2>/dev/null)"
	quits "i13-links-$size"

	# the Add list: A reads the day, J and K in the summary, Space at the end of
	# a summary goes to the next unread (on the next day)
	start "$w" "$h" "$EN" "$KO"
	keys A
	seen "i13-day-read-$size" "marked 7 papers of 2025-05-06 read"
	keys l J
	seen "i13-J-$size" "paper 2/7"
	shows "i13-J-$size" "[Summary"
	keys K
	seen "i13-K-$size" "paper 1/7"
	keys J	# RM-R1: its summary fits the pane, Space is at its end
	seen "i13-J-again-$size" "paper 2/7"
	keys Space
	seen "i13-space-$size" "paper 1/2 | 2025-05-05"
	quits "i13-read-$size"

	# item 9: a long author list collapsed, a shows it all
	start "$w" "$h" "$TMP/authors.json"
	keys Enter z
	seen "i13-authors-$size" "+15 more (a: all)"
	keys a
	seen "i13-authors-all-$size" "Writer25"
	quits "i13-authors-$size"

	# item 8: a day of 100 papers beside a day of one: the dates stay whole
	# (where "100/100" does not fit too, the unread count alone)
	start "$w" "$h" "$TMP/hundred.json"
	seen "i13-dates-$size" "paper 1/100"
	NTESTS=$((NTESTS + 1))
	grep -qE '[│║]> 2025-05-06 +100(/100)? *[│║]' "$TMP/i13-dates-$size.txt" &&
		grep -qE '[│║]  2025-05-05 +1/1 *[│║]' "$TMP/i13-dates-$size.txt" ||
		fail "i13-dates-$size: a date or its count is cut: $(grep '2025-05-0' "$TMP/i13-dates-$size.txt" | head -n 2)"
	quits "i13-dates-$size"

	# item 12: a missing path exits 1 with one line (the empty library: empty-$size above)
	# (a pty may drop what a process writes just before it ends: the
	# message is read from a direct run)
	start "$w" "$h" "$TMP/nonexistent"
	ended_with "i13-missing-$size" 1
	NTESTS=$((NTESTS + 1))
	msg=$(PAPERBOY_LIBRARY=/nonexistent "$BIN" "$TMP/nonexistent" 2>&1 </dev/null)
	[ "$msg" = "paperboy: $TMP/nonexistent: No such file or directory" ] ||
		fail "i13-missing-$size: the message is '$msg'"
done

# ---- a frame reaches the terminal in one write ---------------------------
# ncurses flushes at every cursor jump until a screen has been left and
# resumed once (ui/term.c): a frame of the five panes then went out in
# about 200 write() calls, torn across packets over ssh.  Counted with
# strace: the first screen and three moves, then Q.
STRACE=$(command -v strace 2>/dev/null)
if [ -n "$STRACE" ] && "$STRACE" -o /dev/null true 2>/dev/null; then
	REAL_BIN=$BIN
	BIN=$STRACE
	# LeakSanitizer cannot run under ptrace: the sanitizer build's leak check is off here
	start 120 40 -f -E "ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
		-e trace=write -o "$TMP/writes" "$REAL_BIN" "$EN"
	BIN=$REAL_BIN
	for k in 1 2 3; do
		before=$(pane_capture pb:main)
		keys j
		i=0
		while [ "$(pane_capture pb:main)" = "$before" ] && [ "$i" -lt $((TIMEOUT * 20)) ]; do
			sleep 0.05
			i=$((i + 1))
		done
	done
	quits "writes"
	NTESTS=$((NTESTS + 1))
	nw=$(grep -c 'write(1,' "$TMP/writes")
	# four frames and the terminal's set-up: about 20 (200 a frame before)
	if [ "$nw" -gt 0 ] && [ "$nw" -le 40 ]; then
		echo "ok: writes ($nw write calls for four frames)"
	else
		fail "writes: $nw write calls for four frames, more than 40 (or none seen)"
	fi
else
	echo "screen.sh: note: skipping the write count (strace missing or not allowed)"
fi

# ---- optional: the realdata at 80x24 and 120x40 (issue 13), if present ---
# dates whole with their counts (or the unread count alone); T the other
# publisher's version, t the Korean summary; a Korean search as a list
REAL=$SRC/../shared/realdata
if [ -d "$REAL" ] && [ "$UPDATE" != 1 ]; then
	for size in 80x24 120x40; do
		start "${size%x*}" "${size#*x}" "$REAL"
		seen "real-$size" "paper 1/"
		NTESTS=$((NTESTS + 1))
		[ "$(grep -cE '^[│║][> ] 20[0-9]{2}-[0-9]{2}-[0-9]{2} +[0-9]+(/[0-9]+)? *[│║]' "$TMP/real-$size.txt")" -ge 5 ] ||
			fail "real-$size: the Days rows are not whole dates with their counts"
		keys D 2 0 2 4 - 1 2 - 3 1 Enter
		seen "real-day-$size" "| 2024-12-31"
		keys T
		seen "real-version-$size" "Summary en from timlrx"
		keys t
		seen "real-ko-$size" "Summary ko from l-yohai"
		hangul "real-ko-$size"
		keys / 강화 Space 학습 Enter L
		seen "real-results-$size" "results for '강화 학습'"
		quits "real-$size"
	done
else
	echo "screen.sh: note: skipping the realdata screens ($REAL not found or UPDATE=1)"
fi

# ---- optional: the shared seeds, if present (not part of the tree) --------
SEEDS=$SRC/../shared/seeds
if [ -d "$SEEDS" ] && [ "$UPDATE" != 1 ]; then
	for size in 80x24 120x40 200x60; do
		start "${size%x*}" "${size#*x}" "$SEEDS"
		i=0
		while ! T capture-pane -p -t pb:main | grep -q 'paper 1/'; do
			i=$((i + 1))
			[ "$i" -lt $((TIMEOUT * 20)) ] || break
			sleep 0.05
		done
		capture "$TMP/seeds.txt"
		if grep -q 'paper 1/' "$TMP/seeds.txt" && alive "seeds-$size"; then
			NTESTS=$((NTESTS + 1))
			check_widths "seeds-$size" "$TMP/seeds.txt"
			echo "ok: seeds-$size"
		else
			fail "seeds-$size: no reader screen"
		fi
	done
else
	echo "screen.sh: note: skipping the seed screens ($SEEDS not found or UPDATE=1)"
fi

if [ "$FAILS" -gt 0 ]; then
	echo "screen.sh: $FAILS of $NTESTS checks failed"
	exit 1
fi
echo "screen.sh: all $NTESTS screens ok"
exit 0

#!/bin/sh
# links.sh: opening and copying links in the real reader, driven in tmux.
#
# A fake browser records its arguments (NUL-separated, one file per call):
# every URL must arrive as exactly one argument, no shell may run, hostile
# links never reach it, SSH mode copies with OSC 52 instead (checked in the
# PAPERBOY_OSC52_LOG testing aid and in tmux's paste buffer), a text-mode
# browser gets the terminal and the reader is redrawn after it, failures
# show on the status line, and launchers are reaped (no zombies).
. "$PB_SRCDIR/tests/lib.sh"
set -u

FIX=$PB_SRCDIR/tests/links/hostile-links.md
MARK=/tmp/paperboy-links-pwned
SOCK=pblinks$$
. "$PB_SRCDIR/tests/tmux.sh"
BIN=$TMP/bin
CALLS=$TMP/calls
mkdir -p "$BIN" "$CALLS"
rm -f "$MARK"
unset TMUX STY SSH_CONNECTION SSH_TTY BROWSER PAPERBOY_OPEN PAPERBOY_OSC8 \
	PAPERBOY_TEXT_BROWSERS PAPERBOY_OSC52_LOG LANGUAGE

# the fake GUI browser: one file per call, arguments NUL-separated; it also
# scribbles on stdout, stderr and /dev/tty, which must not reach the screen
cat >"$BIN/fakebrowser" <<EOF
#!/bin/sh
n=\$(ls '$CALLS' | wc -l)
printf '%s\\0' "\$@" >'$CALLS/call.'\$n
echo GARBAGE-OUT
echo GARBAGE-ERR >&2
(echo GARBAGE-TTY >/dev/tty) 2>/dev/null
exit 0
EOF
# a launcher that stays a while (reaped later by the reader)
cat >"$BIN/slowbrowser" <<EOF
#!/bin/sh
sleep 2
exit 0
EOF
# a text-mode browser: draws on the terminal and reads a line from it
cat >"$BIN/w3m" <<EOF
#!/bin/sh
clear
printf 'FAKE-W3M %s\\n' "\$1"
read answer
printf '%s\\n' "\$answer" >'$TMP/w3m-answer'
EOF
chmod +x "$BIN/fakebrowser" "$BIN/slowbrowser" "$BIN/w3m"

cleanup() {
	tmux_cleanup
	rm -rf "$TMP"
}
trap cleanup EXIT
tmux_server

# start ENV...: run the reader on the fixture in a fresh 160x30 window,
# with the given extra environment (NAME=VALUE words); the pane's process
# is paperboy itself
start() {
	T kill-session -t pb >/dev/null 2>&1
	T delete-buffer >/dev/null 2>&1
	cmd="exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=$TERMNAME PAPERBOY_LIBRARY=/nonexistent"
	for a in "$@"; do
		cmd="$cmd '$a'"
	done
	cmd="$cmd '$PB_BIN' '$FIX'"
	T new-session -d -s pb -x 160 -y 30 "$cmd"
	T set -t pb remain-on-exit on
	wait_for "paper 1/8"
}
keys() { T send-keys -t pb "$@"; }
capture() { pane_capture pb; }
# wait_for TEXT: poll the pane until it shows TEXT (fixed string); 1 on timeout
wait_for() { pane_wait pb "$1"; }
# status_has DESC TEXT: the status line (last row) shows TEXT
status_has() {
	if wait_for "$2" && capture | tail -n 1 | grep -qF -- "$2"; then
		ok "$1"
	else
		bad "$1 (status line: $(capture | tail -n 1))"
	fi
}
ncalls() { ls "$CALLS" | wc -l | tr -d ' '; }
# call_is N DESC ARG...: call N had exactly the arguments ARG...
call_is() {
	n=$1 d=$2
	shift 2
	: >"$TMP/want"
	for a in "$@"; do
		printf '%s\0' "$a" >>"$TMP/want"
	done
	if cmp -s "$TMP/want" "$CALLS/call.$n"; then
		ok "$d"
	else
		bad "$d (got: $(tr '\0' '|' <"$CALLS/call.$n" 2>/dev/null))"
	fi
}
# wait_calls N: wait until the fake browser was called N times
wait_calls() {
	i=0
	while [ "$(ncalls)" -lt "$1" ] && [ "$i" -lt $((TIMEOUT * 20)) ]; do
		sleep 0.05
		i=$((i + 1))
	done
}

# ---- local: $BROWSER with extra arguments and %s -------------------------
# papers as published (the fixture lists them by title): Arxiv, Dollar, File,
# Quote, Script, Semi, Space, Tick
start "BROWSER=nosuch-paperboy-browser:$BIN/fakebrowser --new-tab %s"
keys o
status_has "o opens the arXiv page (after skipping a missing browser)" "opened: https://arxiv.org/abs/2505.01234"
wait_calls 1
call_is 0 "the URL is exactly one argument after the extra ones" --new-tab https://arxiv.org/abs/2505.01234
capture >"$TMP/screen.txt"
if grep -q GARBAGE "$TMP/screen.txt"; then
	bad "a GUI browser's output does not reach the screen"
	cat "$TMP/screen.txt"
else
	ok "a GUI browser's output does not reach the screen"
fi
keys l l
wait_for "[Links]"
keys 3
status_has "3 in the Links pane opens the derived Hugging Face page" "opened: https://huggingface.co/papers/2505.01234"
wait_calls 2
call_is 1 "derived link as one argument" --new-tab https://huggingface.co/papers/2505.01234
keys 2
wait_calls 3
call_is 2 "derived PDF link" --new-tab https://arxiv.org/pdf/2505.01234
keys 9
status_has "a number beyond the links is refused" "no link 9 (this paper has 3)"
# Dollar Paper: $( ) and ${IFS} stay literal in one argument
keys h h j l l Enter
wait_calls 4
call_is 3 "command substitution stays literal" --new-tab 'https://example.org/x$(touch$%7BIFS%7D/tmp/paperboy-links-pwned)'
# File Paper: its file: link was dropped at ingest, nothing to open
keys h h j l l Enter
status_has "a file: link never reaches the Links pane" "no link to open"
keys o
status_has "no arXiv page for a paper without an id" "no arXiv page for this paper"
# Quote Paper (percent-encoded at ingest) and Semi Paper (; and & literal)
keys h h j l l 1
wait_calls 5
call_is 4 "a quote arrives percent-encoded, in one argument" --new-tab 'https://example.org/it%27s;here'
keys h h j j l l Enter
wait_calls 6
call_is 5 "semicolons and ampersands stay in one argument" --new-tab 'https://example.org/a;b&c=1;rm'
# Tick Paper: backtick percent-encoded
keys h h j j l l Enter
wait_calls 7
call_is 6 "a backtick arrives percent-encoded" --new-tab 'https://example.org/%60touch'
sleep 0.3
expect "exactly seven browser calls" [ "$(ncalls)" = 7 ]
expect "no javascript: or file: URL reached the browser" sh -c "! cat '$CALLS'/* | tr '\\0' '\\n' | grep -qE '^(javascript|file|data):'"
expect "no injected command ran (no marker file)" [ ! -e "$MARK" ]
expect "the screen is intact (status line and borders)" sh -c "tmux -L $SOCK capture-pane -p -t pb | head -n 1 | grep -q '^┌ Days'"

# ---- failures go to the status line --------------------------------------
start "BROWSER=nosuch-paperboy-browser"
keys o
status_has "a missing browser is reported" 'cannot start browser "nosuch-paperboy-browser": No such file or directory (y copies the link)'
start "BROWSER=false"
keys o
status_has "a launcher's non-zero exit is reported" 'browser "false" exited with status 1 (y copies the link)'
start "BROWSER= : "
keys o
status_has "an empty \$BROWSER list is reported" 'no browser in $BROWSER'

# ---- a launcher that stays is reaped without a key -----------------------
start "BROWSER=$BIN/slowbrowser"
pid=$(T display -p -t pb '#{pane_pid}')
keys o
status_has "a slow launcher counts as started" "opened: https://arxiv.org/abs/2505.01234"
sleep 2.5
z=$(ps -o stat= --ppid "$pid" 2>/dev/null | grep -c Z)
expect "no zombie children after the launcher ended" [ "$z" = 0 ]
expect "the launcher itself is gone" [ -z "$(ps -o pid= --ppid "$pid" 2>/dev/null)" ]

# ---- SSH: o copies with OSC 52 instead of starting the browser -----------
: >"$TMP/osc52.log"
rm -f "$CALLS"/*
start "BROWSER=$BIN/fakebrowser" "SSH_CONNECTION=192.0.2.1 50000 192.0.2.2 22" "PAPERBOY_OSC52_LOG=$TMP/osc52.log"
keys o
status_has "over SSH o copies and shows the URL" "sent to the terminal's clipboard (OSC 52), over SSH no browser is started: https://arxiv.org/abs/2505.01234"
sleep 0.3
expect "over SSH the browser is not started" [ "$(ncalls)" = 0 ]
printf '\033]52;c;%s\a' "$(printf '%s' https://arxiv.org/abs/2505.01234 | base64 | tr -d '\n')" >"$TMP/osc52.want"
expect "the OSC 52 bytes are exact (plain, inside tmux)" cmp -s "$TMP/osc52.want" "$TMP/osc52.log"
i=0
while [ "$(T show-buffer 2>/dev/null)" != https://arxiv.org/abs/2505.01234 ] && [ "$i" -lt $((TIMEOUT * 20)) ]; do
	sleep 0.05
	i=$((i + 1))
done
expect "the sequence reached the terminal (tmux set-clipboard buffer)" [ "$(T show-buffer 2>/dev/null)" = https://arxiv.org/abs/2505.01234 ]
keys l l j y
status_has "y in the Links pane copies the selected link" "sent to the terminal's clipboard (OSC 52): https://arxiv.org/pdf/2505.01234"
expect "y over SSH does not start the browser either" [ "$(ncalls)" = 0 ]
expect "the screen is intact after OSC 52" sh -c "tmux -L $SOCK capture-pane -p -t pb | head -n 1 | grep -q '^┌ Days'"

# ---- y copies locally too; PAPERBOY_OPEN=copy ----------------------------
: >"$TMP/osc52.log"
start "BROWSER=$BIN/fakebrowser" "PAPERBOY_OSC52_LOG=$TMP/osc52.log"
keys y
status_has "y copies the arXiv page outside the Links pane" "sent to the terminal's clipboard (OSC 52): https://arxiv.org/abs/2505.01234"
expect "y never starts the browser" [ "$(ncalls)" = 0 ]
start "BROWSER=$BIN/fakebrowser" "PAPERBOY_OPEN=copy"
keys o
status_has "PAPERBOY_OPEN=copy makes o copy" "sent to the terminal's clipboard (OSC 52): https://arxiv.org/abs/2505.01234"
expect "PAPERBOY_OPEN=copy starts no browser" [ "$(ncalls)" = 0 ]

# ---- a local clipboard tool (a fake xclip on PATH, DISPLAY set) ---------
mkdir -p "$TMP/clipbin"
cat >"$TMP/clipbin/xclip" <<EOF
#!/bin/sh
printf '%s\\n' "\$*" >'$TMP/xclip.args'
cat >'$TMP/xclip.in'
EOF
chmod +x "$TMP/clipbin/xclip"
: >"$TMP/osc52.log"
start "BROWSER=$BIN/fakebrowser" "PAPERBOY_OSC52_LOG=$TMP/osc52.log" "DISPLAY=:99" "PATH=$TMP/clipbin:$PATH"
keys y
status_has "y copies with a local xclip and says so" "copied with xclip: https://arxiv.org/abs/2505.01234"
expect "xclip got the URL on its standard input" [ "$(cat "$TMP/xclip.in")" = https://arxiv.org/abs/2505.01234 ]
expect "xclip was asked for the clipboard selection" [ "$(cat "$TMP/xclip.args")" = "-selection clipboard" ]
expect "no OSC 52 when xclip copied" [ ! -s "$TMP/osc52.log" ]
rm -f "$TMP/xclip.in"
start "BROWSER=$BIN/fakebrowser" "PAPERBOY_OSC52_LOG=$TMP/osc52.log" "DISPLAY=:99" "PATH=$TMP/clipbin:$PATH" \
	"SSH_CONNECTION=192.0.2.1 50000 192.0.2.2 22"
keys y
status_has "over SSH the local xclip is not used" "sent to the terminal's clipboard (OSC 52): https://arxiv.org/abs/2505.01234"
expect "over SSH xclip is not run" [ ! -e "$TMP/xclip.in" ]

# ---- a text-mode browser gets the terminal; the reader is redrawn --------
start "BROWSER=$BIN/w3m"
keys o
if wait_for "FAKE-W3M https://arxiv.org/abs/2505.01234"; then
	ok "the text-mode browser draws on the terminal"
else
	bad "the text-mode browser did not show (screen: $(capture | head -n 3))"
fi
keys hello Enter
status_has "after it the reader is back" "opened: https://arxiv.org/abs/2505.01234"
expect "the text-mode browser read from the terminal" grep -qx hello "$TMP/w3m-answer"
expect "the screen is fully redrawn (no browser text left)" sh -c "! tmux -L $SOCK capture-pane -p -t pb | grep -q FAKE-W3M"
expect "the redrawn screen has its borders" sh -c "tmux -L $SOCK capture-pane -p -t pb | head -n 1 | grep -q '^┌ Days'"
keys q
sleep 0.3
finish

# tmux.sh: the shared harness of the tests that drive the real reader in tmux (sourced).
#
# Before sourcing, set SOCK (a private socket name) and TMP (a scratch
# directory the caller removes).  Sourcing it:
#   - skips the test (exit 77) when tmux or a usable terminfo entry is
#     missing, and sets TERMNAME to the entry found;
#   - defines T (tmux on the private socket), tmux_server (starts the
#     server with a control session), tmux_cleanup, pane_capture and
#     pane_wait (poll a pane for a fixed string, bounded by TIMEOUT).
# The control session keeps the server up between readers.

TIMEOUT=${PB_SCREEN_TIMEOUT:-10}

if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: tmux is not installed (apt-get install tmux)"
	exit 77
fi
TERMNAME=
for t in tmux-256color screen-256color screen; do
	if infocmp "$t" >/dev/null 2>&1; then
		TERMNAME=$t
		break
	fi
done
if [ -z "$TERMNAME" ]; then
	echo "SKIP: no tmux-256color or screen terminfo entry"
	exit 77
fi

# T ARG...: tmux on the private socket, with no configuration file.
T() {
	tmux -u -L "$SOCK" -f /dev/null "$@"
}

# tmux_server: start the server with a 40x10 control session "ctl".
tmux_server() {
	T new-session -d -s ctl -x 40 -y 10 'sleep 86400' \; \
		set -g default-terminal "$TERMNAME" \; \
		set -g status off \; \
		set -g remain-on-exit on \; \
		set -g set-clipboard on \; \
		set -g allow-rename on \; \
		set -g automatic-rename off \; \
		set -g escape-time 10 || { echo "cannot start tmux"; exit 99; }
}

# tmux_cleanup: stop the server and remove its socket.
tmux_cleanup() {
	T kill-server >/dev/null 2>&1
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"
}

# pane_capture TARGET: print what the pane shows.
pane_capture() {
	T capture-pane -p -t "$1" 2>/dev/null
}

# pane_wait TARGET TEXT: poll the pane until it shows TEXT; 1 after TIMEOUT s.
pane_wait() {
	i=0
	while ! pane_capture "$1" | grep -qF -- "$2"; do
		i=$((i + 1))
		[ "$i" -lt $((TIMEOUT * 20)) ] || return 1
		sleep 0.05
	done
	return 0
}

#!/bin/sh
# reader.sh: R and fetch-on-start in the real reader, driven in tmux against
# the fixture server on 127.0.0.1: the status line shows the fetch, keys
# work while it runs, the new day appears and the selection stays, F lists
# the failures.  The server holds its answers until the test releases them,
# so "during the fetch" does not depend on timing.
. "$PB_SRCDIR/tests/lib.sh"
FIX="$PB_SRCDIR/tests/fetch/fixtures"
. "$PB_SRCDIR/tests/fetch/servers.sh"
SOCK=pbfetch$$
. "$PB_SRCDIR/tests/tmux.sh"
trap 'tmux_cleanup; stop_servers; rm -rf "$TMP"' EXIT

RELEASE="$TMP/release"
start http --release "$RELEASE"
U="http://127.0.0.1:$port"
LANG=C.UTF-8; LC_ALL=C.UTF-8; export LANG LC_ALL
tmux_server

# reader NAME CONFIG-LINE...: start the reader on library $TMP/NAME (100x30),
# with only the sources the lines give (and the variables of $READER_ENV)
READER_ENV=
reader() {
	name=$1; shift
	printf '%s\n' "mark-read = open" "source hf-daily off" "$@" >"$TMP/$name.config"
	T kill-session -t pb >/dev/null 2>&1
	T new-session -d -s pb -x 100 -y 30 "env TERM=$TERMNAME $READER_ENV PAPERBOY_TODAY=2025-05-08 \
PAPERBOY_FETCH_BACKOFF_MS=10 no_proxy='*' PAPERBOY_LIBRARY='$TMP/$name' \
PAPERBOY_CONFIG='$TMP/$name.config' PAPERBOY_STATE='$TMP/$name.state' '$PB_BIN'; \
echo \$? >'$TMP/$name.exit'; sleep 60"
}
shows() { pane_wait pb "$1"; }
keys() { T send-keys -t pb "$@"; }
# now_shows TEXT...: one capture holds every TEXT
now_shows() {
	pane_capture pb >"$TMP/screen"
	for t in "$@"; do grep -qF -- "$t" "$TMP/screen" || { show; return 1; }; done
}
# gone TEXT: poll until the pane no longer shows TEXT (at most TIMEOUT s)
gone() {
	i=0
	while pane_capture pb | grep -qF -- "$1"; do
		i=$((i + 1))
		[ "$i" -lt $((TIMEOUT * 20)) ] || return 1
		sleep 0.05
	done
}
show() { pane_capture pb | sed 's/^/#   /'; }
# see DESCRIPTION TEXT: the pane comes to show TEXT
see() { if shows "$2"; then ok "$1"; else bad "$1"; show; fi; }

# ---- R: a library with the Korean digest of 2025-05-07; R brings 2025-05-08 ----
mkdir -p "$TMP/lib/ko-digest/2025/05"
cp "$FIX/ko-2025-05-07.md" "$TMP/lib/ko-digest/2025/05/07.md"
reader lib "source en-table $U/hold/table/{yyyy}/{mm}/{dd}.md" "source broken $U/fault/503/{date}"
see "the reader starts on the library" "Authors: Mira Okafor"
keys j
see "j selects the second paper" "Authors: Hao Lin"
keys R
see "R: the status line shows the fetch" "| fetching"
keys k
see "keys work during the fetch: k moves back" "Authors: Mira Okafor"
expect "... in one screen: moved and still fetching" now_shows "Authors: Mira Okafor" "| fetching"
expect "... and the new day is not there yet" sh -c '! grep -qF 2025-05-08 "$1"' - "$TMP/screen"
keys j
see "j again during the fetch" "Authors: Hao Lin"
touch "$RELEASE"
see "the end of the fetch on the status line" "fetch: 7 of 14 failed (F shows why), 2 new papers"
see "the new day appears" "2025-05-08"
expect "the selection is kept" now_shows "Authors: Hao Lin" "2025-05-07"
keys F
see "F shows the failures" "broken: 7 days from 2025-05-02 to 2025-05-08: HTTP 503 after 4 tries"
expect "... and the days fetched" now_shows "en-table 2025-05-08: 2 new, 0 updated"
keys q
expect "q closes the report" gone "HTTP 503 after 4 tries"
keys q
i=0
while [ ! -s "$TMP/lib.exit" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
expect "the reader quits with status 0" [ "$(cat "$TMP/lib.exit" 2>/dev/null)" = 0 ]
expect "the fetched file is in the library" cmp -s "$TMP/lib/en-table/2025/05/08.md" "$FIX/table-2025-05-08.md"

# ---- fetch-on-start: an empty library (the samples show), filled at start ----
reader start "fetch-on-start = yes" "source en-table $U/table/{yyyy}/{mm}/{dd}.md"
see "fetch-on-start fetches without a key" "fetch: 2 new papers"
see "the fetched day replaces the samples" "Mosaic Tokens"
expect "... the samples are gone" now_shows "2025-05-08" && \
	expect "... only the fetched day" sh -c '! grep -qF 2025-05-06 "$1"' - "$TMP/screen"
keys q

# ---- without libcurl (loaded by the first fetch: fetch/curlso.h), R says why ----
# a directory whose libcurl is not a library comes first in the search
soname=$(sed -n 's/^#define CURLSO_NAME "\(.*\)"$/\1/p' "$PB_BUILDDIR/config.h")
mkdir -p "$TMP/nocurl" "$TMP/nocurl-lib/ko-digest/2025/05"
echo "not a library" >"$TMP/nocurl/$soname"
cp "$FIX/ko-2025-05-07.md" "$TMP/nocurl-lib/ko-digest/2025/05/07.md"
READER_ENV="LD_LIBRARY_PATH='$TMP/nocurl'"
reader nocurl-lib "source en-table $U/table/{yyyy}/{mm}/{dd}.md"
READER_ENV=
see "without libcurl: the reader starts" "Authors: Mira Okafor"
keys R
see "without libcurl: R ends with the reason on the status line" "fetch failed: cannot load libcurl: "
keys F
see "... and F shows it" "fetch failed: cannot load libcurl: $TMP/nocurl/$soname"
keys q q

finish

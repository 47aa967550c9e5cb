#!/bin/sh
# fetch.sh: paperboy fetch against fixture servers on 127.0.0.1 (tests/fetch/server.py),
# started and stopped here: every source, every fault, HTTPS with a CA made
# here, the fetch history, and kill -9 in the middle of a fetch.
# No address but 127.0.0.1 is ever contacted: every source points there,
# proxies are off, and redirects elsewhere are refused before connecting.
. "$PB_SRCDIR/tests/lib.sh"
FIX="$PB_SRCDIR/tests/fetch/fixtures"
. "$PB_SRCDIR/tests/fetch/servers.sh"
trap 'stop_servers; rm -rf "$TMP"' EXIT

PAPERBOY_TODAY=2025-05-08; export PAPERBOY_TODAY
# short waits so the whole test stays fast (defaults: 10, 30, 120 s, 1000 ms)
PAPERBOY_FETCH_CONNECT_TIMEOUT=2; PAPERBOY_FETCH_STALL_TIME=2; PAPERBOY_FETCH_MAX_TIME=10
PAPERBOY_FETCH_BACKOFF_MS=50
export PAPERBOY_FETCH_CONNECT_TIMEOUT PAPERBOY_FETCH_STALL_TIME PAPERBOY_FETCH_MAX_TIME PAPERBOY_FETCH_BACKOFF_MS

LOG="$TMP/requests.log"
: >"$LOG"
start http --log "$LOG"
P=$port
U="http://127.0.0.1:$P"
CONF="$TMP/config"
{
	echo "source hf-daily $U/api/daily_papers?date={date}"
	echo "source hf-page $U/papers/date/{date}"
	echo "source hf-markup $U/markup/{date}"
	echo "source ko-digest $U/ko/{yyyy}/{mm}/{dd}.md"
	echo "source en-table $U/table/{yyyy}/{mm}/{dd}.md"
	echo "source arxiv-cs.CL $U/atom/cs.CL"
	for f in 404 429 500 503 stall truncated big bigchunked ctype html empty \
	    redir-file redir-http redir-loop redir-ok gzip deflate etag lastmod; do
		echo "source f-$f $U/fault/$f/{date}"
		echo "source f-$f off"
	done
	echo "source slow $U/slow/{date}"
	echo "source slow off"
} >"$CONF"
PAPERBOY_CONFIG="$CONF"; export PAPERBOY_CONFIG

# pb LIB ARGS...: paperboy fetch into library LIB; output in $TMP/out, status in $rc
pb() {
	lib=$1; shift
	PAPERBOY_LIBRARY="$TMP/$lib" "$PB_BIN" fetch "$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
}
# has TEXT: the last output holds TEXT
has() { grep -qF -- "$1" "$TMP/out"; }
# requests PATH-PREFIX: how many requests the server saw for paths starting so
requests() { grep -c "\"path\": \"$1" "$LOG"; }
# same FILE FIXTURE: the file has exactly the fixture's bytes
same() { cmp -s "$1" "$FIX/$2"; }
# check DESCRIPTION 'SHELL CONDITION': pass when the condition (a && list, say) holds
check() { d=$1; shift; if eval "$1"; then ok "$d"; else bad "$d"; show; fi; }
# show: the last fetch's output, for a failed check
show() { sed 's/^/#   /' "$TMP/out" "$TMP/err"; }

# ---- every source ----
pb lib --since 2025-05-07 hf-daily hf-page hf-markup ko-digest en-table arxiv-cs.CL
expect "fetch of every source exits 0" [ "$rc" = 0 ]
expect "hf-daily days written as fetched" same "$TMP/lib/hf-daily/2025/05/07.json" hf-daily-2025-05-07.json
expect "hf-daily second day" same "$TMP/lib/hf-daily/2025/05/08.json" hf-daily-2025-05-08.json
expect "hf-page day as .html" same "$TMP/lib/hf-page/2025/05/07.html" hf-page-2025-05-07.html
expect "markup-only page" same "$TMP/lib/hf-markup/2025/05/07.html" hf-markup-2025-05-07.html
expect "ko digest as .md" same "$TMP/lib/ko-digest/2025/05/07.md" ko-2025-05-07.md
expect "English table digest" same "$TMP/lib/en-table/2025/05/08.md" table-2025-05-08.md
expect "undated feed as latest.xml" same "$TMP/lib/arxiv-cs.CL/latest.xml" arxiv-cs.CL.atom
expect "a 404 day is no file" [ ! -e "$TMP/lib/ko-digest/2025/05/08.md" ]
expect "one plain line per source and day, then a total" [ "$(wc -l <"$TMP/out")" = 12 ]
expect "404 reported as nothing published" has "ko-digest 2025-05-08: nothing published (HTTP 404)"
expect "new papers reported" has "hf-daily 2025-05-07: 3 new, 0 updated (3 papers in hf-daily/2025/05/07.json)"
expect "the total" has "17 new papers, 0 updated; 11 checked"
expect "user agent names paperboy" grep -q '"user-agent": "paperboy/' "$LOG"
expect "gzip and deflate offered" grep -q '"accept-encoding": "gzip, deflate"' "$LOG"
PAPERBOY_LIBRARY="$TMP/lib" "$PB_BIN" --check "$TMP/lib" >"$TMP/check"
expect "the library reads: hf-html format" grep -q "hf-page/2025/05/07.html: hf-html, 3 papers" "$TMP/check"
expect "the library reads: markup" grep -q "hf-markup/2025/05/07.html: hf-html, 3 papers" "$TMP/check"
expect "the library reads without problems" grep -q ", 0 problems$" "$TMP/check"
expect "hidden history is not read as a digest" sh -c '! grep -q paperboy-fetch "$1"' - "$TMP/check"
PAPERBOY_LIBRARY="$TMP/lib" "$PB_BIN" --dump >"$TMP/dump"
expect "the reader's default library is the fetched one" grep -q '"id":"2505.90001".*"votes":57' "$TMP/dump"

# ---- a second run: nothing new, nothing rewritten ----
before=$(stat -c '%i %Y' "$TMP/lib/hf-daily/2025/05/07.json")
pb lib --since 2025-05-07 hf-daily arxiv-cs.CL
expect "second run exits 0" [ "$rc" = 0 ]
expect "second run: unchanged" has "hf-daily 2025-05-07: unchanged"
expect "unchanged file not rewritten" [ "$(stat -c '%i %Y' "$TMP/lib/hf-daily/2025/05/07.json")" = "$before" ]

# ---- default range: since the last complete fetch, at most 7 days ----
: >"$LOG"
pb deflib hf-daily
expect "default range: the last 7 days" [ "$(requests /api/daily_papers)" = 7 ]
expect "empty day recorded as checked" grep -q "^checked	hf-daily	2025-05-02$" "$TMP/deflib/.paperboy-fetch"
expect "empty day is no file" [ ! -e "$TMP/deflib/hf-daily/2025/05/02.json" ]
: >"$LOG"
pb deflib hf-daily
expect "after a complete fetch: yesterday and today again" [ "$(requests /api/daily_papers)" = 2 ]
sed -i '/^complete/d' "$TMP/deflib/.paperboy-fetch"
: >"$LOG"
pb deflib hf-daily
expect "checked empty days are not asked again" [ "$(requests /api/daily_papers)" = 2 ]
: >"$LOG"
PAPERBOY_TODAY=2025-05-11 pb deflib hf-daily
expect "a later day: from the last complete fetch on" [ "$(requests /api/daily_papers)" = 4 ]
: >"$LOG"
pb deflib --days 3 --until 2025-05-05 hf-daily
check "--days N --until D asks exactly those days" '[ "$(requests /api/daily_papers)" = 3 ] && grep -q '\''date=2025-05-03"'\'' "$LOG"'

# ---- the faults (each day 2025-05-07; the fixture has 3 papers then) ----
fault() {	# fault NAME: fetch f-NAME for one day into its own library
	pb "f-$1" --days 1 --until 2025-05-07 "f-$1"
}
gotfile() { same "$TMP/f-$1/f-$1/2025/05/07.json" hf-daily-2025-05-07.json; }
nofile() { [ ! -e "$TMP/f-$1/f-$1" ]; }

fault 404
check "404: final, not an error" '[ "$rc" = 0 ] && has "nothing published (HTTP 404)"'
check "404: asked once" '[ "$(requests /fault/404/)" = 1 ] && nofile 404'
fault 429
check "429 then 200: written" '[ "$rc" = 0 ] && gotfile 429'
expect "429: Retry-After honoured" python3 - "$LOG" <<'EOF'
import json, sys
t = [json.loads(l)["time"] for l in open(sys.argv[1]) if '"/fault/429/' in l]
sys.exit(0 if len(t) == 2 and t[1] - t[0] >= 0.95 else 1)
EOF
fault 500
check "500 then 200: written" '[ "$rc" = 0 ] && gotfile 500 && [ "$(requests /fault/500/)" = 2 ]'
fault 503
check "503 always: fails after 4 tries" '[ "$rc" = 1 ] && has "f-503 2025-05-07: HTTP 503 after 4 tries"'
check "503: exactly 4 requests, no file" '[ "$(requests /fault/503/)" = 4 ] && nofile 503'
fault stall
check "a stalled transfer is abandoned" '[ "$rc" = 1 ] && has "stalled" && nofile stall'
fault truncated
check "a truncated body is refused" '[ "$rc" = 1 ] && has "cut short" && nofile truncated'
fault big
check "a body over 32 MB is refused" '[ "$rc" = 1 ] && has "larger than 32 MB" && nofile big'
fault bigchunked
check "a chunked body over 32 MB is refused" '[ "$rc" = 1 ] && has "larger than 32 MB" && nofile bigchunked'
fault ctype
check "a wrong content type is refused" '[ "$rc" = 1 ] && has '\''unexpected content type "image/png"'\'' && nofile ctype'
fault html
check "an error page is refused" '[ "$rc" = 1 ] && has "unreadable answer" && nofile html'
fault empty
check "an empty answer is refused" '[ "$rc" = 1 ] && has "empty answer" && nofile empty'
fault redir-file
check "a redirect to file: is refused" '[ "$rc" = 1 ] && has '\''refused a redirect'\'' && has '\''"file:///etc/passwd"'\'' && nofile redir-file'
fault redir-http
check "a redirect to plain http elsewhere is refused" '[ "$rc" = 1 ] && has "plain http" && nofile redir-http'
fault redir-loop
check "a redirect loop stops after 5" '[ "$rc" = 1 ] && has "more than 5 redirects" && [ "$(requests /fault/redir-loop/)" = 6 ]'
fault redir-ok
check "a redirect on the same host is followed" '[ "$rc" = 0 ] && gotfile redir-ok'
fault gzip
check "gzip answer decoded" '[ "$rc" = 0 ] && gotfile gzip'
fault deflate
check "deflate answer decoded" '[ "$rc" = 0 ] && gotfile deflate'

# ETag and Last-Modified: the second run is conditional and writes nothing
for v in etag lastmod; do
	fault $v
	first=$(stat -c '%i %Y' "$TMP/f-$v/f-$v/2025/05/07.json" 2>/dev/null)
	: >"$LOG"
	fault $v
	expect "$v: second run sends a conditional request" \
		grep -q '"if-none-match": "\\"v1-2025-05-07\\""\|"if-modified-since": "Wed, 07 May 2025' "$LOG"
	check "$v: 304 writes nothing" '[ "$rc" = 0 ] && has "unchanged" &&
		[ "$(stat -c "%i %Y" "$TMP/f-$v/f-$v/2025/05/07.json")" = "$first" ]'
done
rm "$TMP/f-etag/f-etag/2025/05/07.json"
: >"$LOG"
fault etag
check "a deleted file is fetched again unconditionally" 'gotfile etag && ! grep -q '\''"if-none-match"'\'' "$LOG"'

# a failure or an empty answer never replaces a good earlier file
cp -r "$TMP/lib" "$TMP/keep"
sed "s|^source hf-daily .*|source hf-daily $U/fault/truncated/{date}|" "$CONF" >"$TMP/config.bad"
PAPERBOY_CONFIG="$TMP/config.bad" pb keep --since 2025-05-07 hf-daily
check "a failed day keeps the earlier file" '[ "$rc" = 1 ] && same "$TMP/keep/hf-daily/2025/05/07.json" hf-daily-2025-05-07.json'
sed "s|^source hf-daily .*|source hf-daily $U/api/daily_papers?date=2025-05-01\&day={date}|" "$CONF" >"$TMP/config.empty"
PAPERBOY_CONFIG="$TMP/config.empty" pb keep --since 2025-05-07 hf-daily
check "an empty day keeps the earlier file" '[ "$rc" = 0 ] && has "no papers" && same "$TMP/keep/hf-daily/2025/05/07.json" hf-daily-2025-05-07.json'

# ---- offline: one line per source, exit 1, nothing lost ----
refused=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
start hole --blackhole
hole=$port
sed -e "s|^source hf-daily .*|source hf-daily http://127.0.0.1:$refused/api?date={date}|" \
    -e "s|^source hf-page .*|source hf-page http://127.0.0.1:$hole/papers/{date}|" "$CONF" >"$TMP/config.off"
cp -r "$TMP/lib" "$TMP/off"
(cd "$TMP/off" && find . -type f ! -name '.paperboy-fetch*' -exec md5sum {} + | sort) >"$TMP/off.before"
PAPERBOY_CONFIG="$TMP/config.off" pb off hf-daily hf-page
expect "offline: exit 1" [ "$rc" = 1 ]
expect "offline: one line per source, then the total" [ "$(wc -l <"$TMP/out")" = 3 ]
expect "offline: refused connection named" grep -q "^hf-daily: 2 days from 2025-05-07 to 2025-05-08: failed to connect" "$TMP/out"
check "offline: an unreachable host names the timeout" 'grep -q "^hf-page: 2 days from 2025-05-07 to 2025-05-08: cannot connect to 127.0.0.1:$hole within 2 s\$" "$TMP/out"'
(cd "$TMP/off" && find . -type f ! -name '.paperboy-fetch*' -exec md5sum {} + | sort) >"$TMP/off.after"
expect "offline: nothing lost" cmp -s "$TMP/off.before" "$TMP/off.after"

# ---- libcurl is loaded by the first fetch, not at start (fetch/curlso.h) ----
# a directory whose libcurl is not a library comes first in the search
soname=$(sed -n 's/^#define CURLSO_NAME "\(.*\)"$/\1/p' "$PB_BUILDDIR/config.h")
mkdir -p "$TMP/nocurl"
echo "not a library" >"$TMP/nocurl/$soname"
LD_LIBRARY_PATH="$TMP/nocurl" PAPERBOY_LIBRARY="$TMP/nocurl-lib" "$PB_BIN" --dump "$PB_SRCDIR/assets/samples" \
    >"$TMP/out" 2>"$TMP/err"
rc=$?
check "without libcurl: reading the settings and the library works" '[ "$rc" = 0 ] && [ -s "$TMP/out" ] && ! grep -q libcurl "$TMP/err"'
LD_LIBRARY_PATH="$TMP/nocurl" PAPERBOY_LIBRARY="$TMP/nocurl-lib" "$PB_BIN" fetch --days 1 hf-daily >"$TMP/out" 2>"$TMP/err"
rc=$?
check "without libcurl: a fetch fails with the reason" '[ "$rc" = 1 ] && grep -q "cannot load libcurl: .*$soname" "$TMP/out" "$TMP/err"'
check "without libcurl: nothing written" '[ -z "$(find "$TMP/nocurl-lib" -type f ! -name ".paperboy-fetch*" 2>/dev/null)" ]'

# ---- HTTPS with a CA made here ----
if command -v openssl >/dev/null 2>&1; then
	(
		cd "$TMP" || exit 1
		openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 \
		    -subj "/CN=paperboy test CA" 2>/dev/null &&
		openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr \
		    -subj "/CN=127.0.0.1" 2>/dev/null &&
		printf 'subjectAltName=IP:127.0.0.1\n' >san.ext &&
		openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial \
		    -out server.pem -days 2 -extfile san.ext 2>/dev/null
	)
	start https --tls "$TMP/server.pem" "$TMP/server.key" --log "$LOG"
	T=$port
	echo "source tls https://127.0.0.1:$T/api/daily_papers?date={date}" >"$TMP/config.tls"
	PAPERBOY_CONFIG="$TMP/config.tls" pb tls1 --days 1 --until 2025-05-07 tls
	check "https: refused without the CA" '[ "$rc" = 1 ] && has "certificate not trusted" && [ ! -e "$TMP/tls1/tls" ]'
	{ cat "$TMP/config.tls"; echo "ca-file = $TMP/ca.pem"; } >"$TMP/config.ca"
	PAPERBOY_CONFIG="$TMP/config.ca" pb tls2 --days 1 --until 2025-05-07 tls
	check "https: accepted with ca-file" '[ "$rc" = 0 ] && same "$TMP/tls2/tls/2025/05/07.json" hf-daily-2025-05-07.json'
	PAPERBOY_CA_FILE="$TMP/ca.pem" PAPERBOY_CONFIG="$TMP/config.tls" pb tls3 --days 1 --until 2025-05-07 tls
	expect "https: accepted with PAPERBOY_CA_FILE" [ "$rc" = 0 ]
	PAPERBOY_CA_FILE="$TMP/no-such.pem" PAPERBOY_CONFIG="$TMP/config.ca" pb tls4 --days 1 --until 2025-05-07 tls
	check "https: PAPERBOY_CA_FILE overrides ca-file" '[ "$rc" = 1 ] && grep -q "cannot read the CA file" "$TMP/out"'
else
	echo "SKIP: https checks (no openssl)"
fi

# ---- kill -9 during a fetch leaves only complete files ----
pb kill --days 5 --until 2025-05-01 slow
cp -r "$TMP/kill" "$TMP/kill.before"
n=0
while [ $n -lt 6 ]; do
	PAPERBOY_LIBRARY="$TMP/kill" "$PB_BIN" fetch --days 60 slow >/dev/null 2>&1 &
	victim=$!
	sleep "0.$((n * 15 + 10))"
	kill -9 "$victim" 2>/dev/null
	wait "$victim" 2>/dev/null
	n=$((n + 1))
done
bad=0
for f in $(cd "$TMP/kill" && find . -type f ! -name '.*'); do
	cmp -s "$TMP/kill/$f" "$FIX/hf-daily-2025-05-07.json" || { echo "incomplete: $f"; bad=1; }
done
expect "kill -9: every visible file is complete" [ "$bad" = 0 ]
expect "kill -9: earlier files kept" cmp -s "$TMP/kill.before/slow/2025/05/01.json" "$TMP/kill/slow/2025/05/01.json"
pb kill --days 60 slow
check "after kill -9 a fetch completes" '[ "$rc" = 0 ] && [ "$(find "$TMP/kill/slow" -name '\''*.json'\'' | wc -l)" = 60 ]'
expect "after kill -9 no temporary file is left" [ -z "$(find "$TMP/kill" -name '*.tmp-*')" ]

# ---- one fetch of a library at a time ----
: >"$LOG"
PAPERBOY_LIBRARY="$TMP/lock" "$PB_BIN" fetch --days 1 --until 2025-05-07 f-stall >/dev/null 2>&1 &
first=$!
i=0
while [ "$(requests /fault/stall/)" = 0 ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
pb lock --days 1 hf-daily
check "a second fetch of the library is refused" '[ "$rc" = 1 ] && has "another fetch of this library is running"'
wait "$first"

# ---- the terminal: one progress line, then the summary ----
if command -v script >/dev/null 2>&1; then
	PAPERBOY_LIBRARY="$TMP/tty" script -qec "$PB_BIN fetch --days 2 hf-daily" /dev/null >"$TMP/out" 2>&1
	expect "terminal: progress line rewritten in place" grep -q "$(printf '\r')fetching [0-9]*/2, " "$TMP/out"
	check "terminal: summary of the news" 'has "hf-daily 2025-05-08: 2 new" && has "5 new papers, 0 updated; 2 checked"'
fi

# ---- usage and settings ----
pb u --days 2 --since 2025-05-01
expect "--days with --since is a usage error" [ "$rc" = 2 ]
pb u --since 2025-02-30
expect "a bad day is a usage error" [ "$rc" = 2 ]
pb u no-such-source
check "an unknown source is a usage error" '[ "$rc" = 2 ] && grep -q "unknown source '\''no-such-source'\''" "$TMP/err"'
{ echo "source ../up $U/x/{date}"; echo "source plain http://example.com/{date}"; cat "$CONF"; } >"$TMP/config.lines"
PAPERBOY_CONFIG="$TMP/config.lines" pb lines --days 1 hf-daily
check "bad source lines reported with FILE:LINE" 'grep -q "config.lines:1: bad source name '\''../up'\''" "$TMP/err" && grep -q "config.lines:2: URL template .*https" "$TMP/err"'
check "the other lines still apply" '[ "$rc" = 0 ] && [ -e "$TMP/lines/hf-daily/2025/05/08.json" ]'

finish

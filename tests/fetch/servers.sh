# servers.sh: start and stop the fixture servers of tests/fetch (sourced after tests/lib.sh).
#
# start NAME ARG...: run server.py with ARG..., wait (at most 10 s) until it
# listens, and set $port; stop_servers: stop every one started.  Also makes
# sure nothing but 127.0.0.1 is reached: proxies are off for every request.
pids=""
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy PAPERBOY_CA_FILE
no_proxy='*'; NO_PROXY='*'; export no_proxy NO_PROXY
command -v python3 >/dev/null 2>&1 || skip_all "python3 is needed for the fixture server"

start() {
	name=$1; shift
	python3 "$PB_SRCDIR/tests/fetch/server.py" --port-file "$TMP/$name.port" "$@" \
	    >"$TMP/$name.server" 2>&1 &
	pids="$pids $!"
	i=0
	while [ ! -s "$TMP/$name.port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	[ -s "$TMP/$name.port" ] || { echo "FAIL - the $name server did not start"; cat "$TMP/$name.server"; exit 1; }
	port=$(cat "$TMP/$name.port")
}

stop_servers() {
	for p in $pids; do kill "$p" 2>/dev/null; done
	wait 2>/dev/null
}

#!/bin/sh
# store.sh: the library store gives what parsing gives, and stays right
# through incremental updates, damage and a read-only cache.
#
# Every comparison is `paperboy --dump` (and --check) through the store
# against `paperboy --no-store` on the same inputs, byte for byte.
. "$PB_SRCDIR/tests/lib.sh"
PAPERBOY_CACHE=$TMP/cache; export PAPERBOY_CACHE
lib=$TMP/lib
mkdir -p "$lib"
storeread=$PB_BUILDDIR/tests/store/storeread
# the schema a complete store has (user_version)
schema=$(sed -n 's/^#define STORE_SCHEMA \([0-9]*\).*/\1/p' "$PB_SRCDIR/include/store/intern.h")

# same DESC: --dump and --check through the store equal --no-store's on
# $lib, and so does the reader's light library (tests/store/storeread.c)
same() {
	"$PB_BIN" --no-store --dump "$lib" >"$TMP/want" 2>"$TMP/want.err"
	"$PB_BIN" --dump "$lib" >"$TMP/got" 2>"$TMP/got.err"
	"$PB_BIN" --no-store --check "$lib" >"$TMP/wantc" 2>&1
	"$PB_BIN" --check "$lib" >"$TMP/gotc" 2>&1
	"$storeread" --light-parse "$lib" >"$TMP/wantl" 2>/dev/null
	ldb=$(ls -t "$PAPERBOY_CACHE"/paths-*.db | head -n 1)
	"$storeread" --light "$ldb" >"$TMP/gotl" 2>&1
	if [ -f "$ldb" ] && cmp -s "$TMP/want" "$TMP/got" && cmp -s "$TMP/want.err" "$TMP/got.err" &&
	    cmp -s "$TMP/wantc" "$TMP/gotc" && cmp -s "$TMP/wantl" "$TMP/gotl"; then
		ok "$1 ($(wc -l <"$TMP/got" | tr -d ' ') papers)"
	else
		bad "$1"
		diff "$TMP/want" "$TMP/got" | cut -c1-160 | head -n 4
		diff "$TMP/want.err" "$TMP/got.err" | head -n 4
		diff "$TMP/wantc" "$TMP/gotc" | head -n 4
		diff "$TMP/wantl" "$TMP/gotl" | cut -c1-160 | head -n 4
	fi
}

# day FILE DATE ROWS...: a table digest of DATE with one row per "ID TITLE VOTES"
day() {
	f=$1 d=$2
	shift 2
	{
		printf '## Papers for %s\n\n| Title | Authors | Summary |\n|---|---|---|\n' "$d"
		for r in "$@"; do
			id=${r%% *}
			printf '| %s (Read more on [arXiv](https://arxiv.org/abs/%s)) | Ann Lee, Bo Kim | About %s, trained with diffusion. |\n' \
				"${r#* }" "$id" "${r#* }"
		done
	} >"$lib/$f"
}

day 2024-01-01.md 2024-01-01 "2401.00001 Alpha" "2401.00002 Beta"
day 2024-01-02.md 2024-01-02 "2401.00003 Gamma" "2401.00002 Beta again"
same "first build"
same "second run, nothing changed"

day 2024-01-03.md 2024-01-03 "2401.00004 Delta" "2401.00001 Alpha"
same "a new day file"

day 2024-01-02.md 2024-01-02 "2401.00003 Gamma renamed" "2401.00005 Epsilon"
same "a changed file"

touch "$lib/2024-01-01.md"
same "a touched file (same content)"

rm "$lib/2024-01-03.md"
same "a deleted file"

mv "$lib/2024-01-01.md" "$lib/2024-01-09.md"
same "a renamed file (read in another order)"

# Gamma moves from 2024-01-02 to a new day
day 2024-01-02.md 2024-01-02 "2401.00005 Epsilon"
day 2024-01-05.md 2024-01-05 "2401.00003 Gamma moved"
same "a paper that moves to another day"

if [ -d "$SHARED/seeds" ]; then
	cp "$SHARED"/seeds/* "$lib/"
	same "the seeds added (labels without a year, undated abstracts)"
	rm "$lib"/00[0-2]*
	same "some seeds removed"
fi
if [ -d "$SHARED/realdata/l-yohai-daily_papers_ko" ]; then
	mkdir -p "$lib/ko"
	cp -r "$SHARED"/realdata/l-yohai-daily_papers_ko/paper_logs/2024/0[12] "$lib/ko/"
	same "Korean digests added"
	rm -r "$lib/ko/01"
	same "a month of Korean digests removed"
fi

# a damaged store is rebuilt with one line
db=$(ls "$PAPERBOY_CACHE"/paths-*.db)
printf 'garbage garbage garbage garbage garbage garbage garbage garbage' | dd of="$db" bs=1 seek=0 conv=notrunc 2>/dev/null
"$PB_BIN" --dump "$lib" >"$TMP/got" 2>"$TMP/got.err"
if cmp -s "$TMP/want" "$TMP/got" && [ "$(grep -c 'building it again' "$TMP/got.err")" = 1 ]; then
	ok "a damaged store is rebuilt with a one-line note"
else
	bad "a damaged store is rebuilt with a one-line note"; head -n 3 "$TMP/got.err"
fi
same "after the rebuild"

# a foreign SQLite file and an old schema are rebuilt too
if command -v sqlite3 >/dev/null; then
	rm -f "$db"*
	sqlite3 "$db" 'CREATE TABLE x(y); INSERT INTO x VALUES (1);'
	"$PB_BIN" --dump "$lib" >"$TMP/got" 2>"$TMP/got.err"
	grep -q 'not a paperboy store: building it again' "$TMP/got.err" && cmp -s "$TMP/want" "$TMP/got" &&
		ok "a foreign database is rebuilt" || bad "a foreign database is rebuilt"
	sqlite3 "$db" 'PRAGMA user_version = 999'
	"$PB_BIN" --dump "$lib" >"$TMP/got" 2>"$TMP/got.err"
	grep -q 'another version: building it again' "$TMP/got.err" && cmp -s "$TMP/want" "$TMP/got" &&
		ok "a store of another version is rebuilt" || bad "a store of another version is rebuilt"
fi

# a store another process keeps locked: parse instead, with a message
if command -v sqlite3 >/dev/null; then
	"$PB_BIN" --dump "$lib" >/dev/null 2>&1	# a sound store again
	# hold the write lock until $TMP/unlock appears (at most 60 s)
	# (.timeout: wait for the lock rather than give up when the store is busy)
	{ echo ".timeout 20000"; echo "BEGIN EXCLUSIVE;"; echo "SELECT count(*) FROM files;"; i=0
	  while [ ! -f "$TMP/unlock" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
	  echo "COMMIT;"; } | sqlite3 "$db" >/dev/null 2>&1 &
	lockpid=$!
	i=0	# until a writer is refused (at most 30 s)
	while sqlite3 "$db" ".timeout 0" "BEGIN IMMEDIATE;" "ROLLBACK;" >/dev/null 2>&1 && [ $i -lt 300 ]; do
		sleep 0.1; i=$((i + 1))
	done
	# the checks below mean something only while the lock is held
	sqlite3 "$db" ".timeout 0" "BEGIN IMMEDIATE;" "ROLLBACK;" >/dev/null 2>&1 &&
		bad "the test could not take the store's write lock in 30 s"
	PAPERBOY_STORE_TIMEOUT=300 "$PB_BIN" --dump "$lib" >"$TMP/got" 2>"$TMP/got.err"
	cmp -s "$TMP/want" "$TMP/got" && [ ! -s "$TMP/got.err" ] &&
		ok "an up-to-date store is read while another process holds its write lock" ||
		{ bad "an up-to-date store is read while another process holds its write lock"; cat "$TMP/got.err"; }
	echo "# a new file" >"$lib/zz-new.txt"
	"$PB_BIN" --no-store --dump "$lib" >"$TMP/want" 2>/dev/null
	PAPERBOY_STORE_TIMEOUT=300 "$PB_BIN" --dump "$lib" >"$TMP/got" 2>"$TMP/got.err"
	rc=$?
	: >"$TMP/unlock"
	wait $lockpid
	if [ $rc = 0 ] && cmp -s "$TMP/want" "$TMP/got" && grep -q 'busy.*reading the files instead' "$TMP/got.err" &&
	    [ "$(wc -l <"$TMP/got.err")" = 1 ]; then
		ok "a locked store: parsed, one line"
	else
		bad "a locked store: parsed, one line"; cat "$TMP/got.err"
	fi
	rm -f "$lib/zz-new.txt"
	same "after the lock is gone"
fi

# a read-only cache directory: parse instead, with a message
if [ "$(id -u)" != 0 ]; then
	mkdir "$TMP/ro" && chmod 500 "$TMP/ro"
	PAPERBOY_CACHE=$TMP/ro/sub "$PB_BIN" --dump "$lib" >"$TMP/got" 2>"$TMP/got.err"
	rc=$?
else
	# root writes anywhere: a cache path under a regular file cannot be created
	: >"$TMP/notadir"
	PAPERBOY_CACHE=$TMP/notadir/sub "$PB_BIN" --dump "$lib" >"$TMP/got" 2>"$TMP/got.err"
	rc=$?
fi
if [ $rc = 0 ] && cmp -s "$TMP/want" "$TMP/got" && grep -q 'reading the files instead' "$TMP/got.err" &&
    [ "$(wc -l <"$TMP/got.err")" = 1 ]; then
	ok "an unusable cache directory: parsed, one line"
else
	bad "an unusable cache directory: parsed, one line"; cat "$TMP/got.err"
fi

# a first build whose --dump is cut short (| head) writes the store all the
# same (it goes on after the library is printed), then ends as SIGPIPE ends it
big=$TMP/big
mkdir -p "$big"
i=0
while [ $i -lt 30 ]; do
	{
		printf '## Papers for 2023-02-%02d\n\n| Title | Authors | Summary |\n|---|---|---|\n' $((i % 28 + 1))
		j=0
		while [ $j -lt 40 ]; do
			printf '| Paper %d-%d on long contexts (Read more on [arXiv](https://arxiv.org/abs/2302.%05d)) | Ann Lee, Bo Kim | A summary of paper %d-%d, long enough to fill a pipe. |\n' \
				$i $j $((i * 40 + j)) $i $j
			j=$((j + 1))
		done
	} >"$big/d$i.md"
	i=$((i + 1))
done
{ PAPERBOY_CACHE=$TMP/pipe "$PB_BIN" --dump "$big" 2>"$TMP/pipe.err"; echo $? >"$TMP/pipe.rc"; } | head -c 100 >/dev/null
pdb=$(ls "$TMP"/pipe/paths-*.db 2>/dev/null | head -n 1)
if [ "$(cat "$TMP/pipe.rc")" = 141 ] && [ ! -s "$TMP/pipe.err" ] && [ -n "$pdb" ] &&
    [ "$(sqlite3 "$pdb" 'PRAGMA user_version')" = "$schema" ] && [ "$(sqlite3 "$pdb" 'SELECT count(*) FROM papers')" = 1200 ]; then
	ok "a first build's --dump cut short by | head: the store is written, then SIGPIPE"
else
	bad "a first build's --dump cut short by | head: the store is written, then SIGPIPE"
	echo "status $(cat "$TMP/pipe.rc"), store ${pdb:-none}"; cat "$TMP/pipe.err"
fi

# Ctrl-C while a first build's --dump waits on its reader (| less, which
# stays) writes the store all the same, then ends as SIGINT ends it.  The
# reader is a fifo read 100 bytes at a time; the job is started with
# SIGINT at its default (a background job's is ignored).
mkfifo "$TMP/fifo"
PAPERBOY_CACHE=$TMP/int env --default-signal=INT "$PB_BIN" --dump "$big" >"$TMP/fifo" 2>"$TMP/int.err" &
pid=$!
exec 3<"$TMP/fifo"
head -c 100 <&3 >/dev/null
kill -INT "$pid"
wait "$pid"
st=$?
exec 3<&-
idb=$(ls "$TMP"/int/paths-*.db 2>/dev/null | head -n 1)
if [ "$st" = 130 ] && [ ! -s "$TMP/int.err" ] && [ -n "$idb" ] &&
    [ "$(sqlite3 "$idb" 'PRAGMA user_version')" = "$schema" ] && [ "$(sqlite3 "$idb" 'SELECT count(*) FROM papers')" = 1200 ]; then
	ok "Ctrl-C during a first build's --dump: the store is written, then SIGINT"
else
	bad "Ctrl-C during a first build's --dump: the store is written, then SIGINT"
	echo "status $st, store ${idb:-none}"; cat "$TMP/int.err"
fi
finish

#!/bin/sh
# threads.sh: files are parsed on worker threads and merged in input order,
# so the thread count must never change a byte of --dump or --check output
# (papers, their merged fields, the file list and every message in order).
# Inputs: the samples, a directory with a dangling link and an unrecognised
# file between digests, and ../shared/realdata when present.
. "$PB_SRCDIR/tests/lib.sh"
S="$PB_SRCDIR/assets/samples"

# A directory whose problems sit between good files.
mkdir "$TMP/mixed" "$TMP/mixed/b"
cp "$S"/* "$TMP/mixed/"
cp "$S/2025-05-08-ko.md" "$TMP/mixed/b/copy-ko.md"
printf 'just notes\n' >"$TMP/mixed/b/notes.txt"
ln -s "$TMP/nowhere" "$TMP/mixed/b/dangling.md"
printf '## Papers for 2025-01-02\n\n| Title | Authors | Summary | Link |\n|---|---|---|---|\n| Bad | A | S | javascript:alert(1) |\n' >"$TMP/mixed/b/bad.md"

# same_output WHAT ARGS...: --dump (stdout and stderr) and --check agree for 1, 2 and 7 threads.
same_output() {
	what=$1
	shift
	for t in 1 2 7; do
		PAPERBOY_THREADS=$t "$PB_BIN" --dump "$@" >"$TMP/dump.$t" 2>"$TMP/err.$t"
		echo "exit $?" >>"$TMP/err.$t"
		PAPERBOY_THREADS=$t "$PB_BIN" --check "$@" >"$TMP/check.$t" 2>&1
		echo "exit $?" >>"$TMP/check.$t"
	done
	expect "$what: --dump gives papers" [ -s "$TMP/dump.1" ]
	for t in 2 7; do
		expect "$what: --dump with $t threads equals 1 thread" cmp -s "$TMP/dump.1" "$TMP/dump.$t"
		expect "$what: messages with $t threads equal 1 thread" cmp -s "$TMP/err.1" "$TMP/err.$t"
		expect "$what: --check with $t threads equals 1 thread" cmp -s "$TMP/check.1" "$TMP/check.$t"
	done
}

same_output samples "$S"
same_output "mixed directory" "$TMP/mixed" "$S/abstracts.txt"
expect "mixed: the dangling link is noted in place" \
	grep -q "dangling.md: note: skipped: a symbolic link that leads nowhere" "$TMP/check.7"
expect "mixed: a dangling link inside a directory does not fail --check" grep -qx "exit 0" "$TMP/check.7"
expect "mixed: the bad link is warned with its line" grep -q "bad.md:5: warning: dropped link" "$TMP/check.7"
expect "mixed: the unrecognised file is noted" grep -q "notes.txt: note: skipped" "$TMP/check.7"
if [ -d "$PB_SRCDIR/../shared/realdata" ]; then
	same_output realdata "$PB_SRCDIR/../shared/realdata"
else
	echo "SKIP part: ../shared/realdata is absent"
fi
finish

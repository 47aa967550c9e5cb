#!/bin/sh
# files.sh: paths that are not regular files (FIFOs, directories, devices,
# symbolic links), unreadable and oversized files, as the state file, the
# settings file and --output; and messages about them never carry a raw
# control character.  Every run has a time bound, so a hang fails instead
# of blocking the suite.  Device nodes need root (mknod): those checks are
# skipped, visibly, otherwise; the permission check runs as another user
# (setpriv) when the suite runs as root.
. "$PB_SRCDIR/tests/lib.sh"
S="$PB_SRCDIR/assets/samples"
NPAPERS=11	# papers in the samples

# run ENV... -- ARGS: paperboy with a 20 s bound, stdout in $TMP/out, stderr in $TMP/err, status in $rc
run() {
	timeout 20 env "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
	rc=$?
}
pb() { run PAPERBOY_STATE="$STATE" "$PB_BIN" "$@"; }
broken_files() { find "$TMP" -name '*.broken-*' | wc -l; }
no_controls() { ! LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$1"; }

# ---- the state path ------------------------------------------------------
# a link to /dev/null turns saving off: read nothing, say nothing, rename nothing
ln -s /dev/null "$TMP/null-link"
STATE="$TMP/null-link"
pb --dump "$S"
expect "state linked to /dev/null: --dump exits 0" [ "$rc" = 0 ]
expect "state linked to /dev/null: no message" [ ! -s "$TMP/err" ]
expect "state linked to /dev/null: the link is still a link to /dev/null" \
	ev '[ -L "$TMP/null-link" ] && [ "$(readlink "$TMP/null-link")" = /dev/null ]'
expect "state linked to /dev/null: nothing set aside" [ "$(broken_files)" = 0 ]
expect "/dev/null is still a character device" [ -c /dev/null ]

# a FIFO never hangs and is never replaced
mkfifo "$TMP/fifo"
STATE="$TMP/fifo"
pb --dump "$S"
expect "state is a FIFO: --dump does not hang (exit $rc)" [ "$rc" = 0 ]
expect "state is a FIFO: the papers are still dumped" [ "$(wc -l <"$TMP/out")" = $NPAPERS ]
expect "state is a FIFO: refused with a message" \
	grep -q "'$TMP/fifo' is a FIFO, not a regular file; marks are not saved" "$TMP/err"
expect "state is a FIFO: it stays a FIFO" [ -p "$TMP/fifo" ]
expect "state is a FIFO: no lock file is made" [ ! -e "$TMP/fifo.lock" ]

# a directory is refused, never renamed
mkdir "$TMP/sdir"
STATE="$TMP/sdir"
pb --dump "$S"
expect "state is a directory: --dump exits 0" [ "$rc" = 0 ]
expect "state is a directory: refused with a message" grep -q "is a directory, not a regular file" "$TMP/err"
expect "state is a directory: still there" [ -d "$TMP/sdir" ]
expect "state is a directory: nothing set aside" [ "$(broken_files)" = 0 ]

# a link to a state file: read through the link
mkdir "$TMP/real"
cp "$PB_SRCDIR/tests/fixtures/state-starred" "$TMP/real/state"
ln -s real/state "$TMP/state-link"
STATE="$TMP/state-link"
pb --export=bibtex --starred "$S"
expect "state is a link: the starred papers are read through it" [ "$(grep -c '^@misc{' "$TMP/out")" = 2 ]
expect "state is a link: it stays a link" [ -L "$TMP/state-link" ]

# too large: left alone, not set aside
truncate -s 300M "$TMP/huge-state"
STATE="$TMP/huge-state"
pb --dump "$S"
expect "state over 256 MB: --dump exits 0" [ "$rc" = 0 ]
expect "state over 256 MB: reported" grep -q "is larger than .* bytes; marks are not saved" "$TMP/err"
expect "state over 256 MB: not set aside" ev '[ "$(broken_files)" = 0 ] && [ -f "$TMP/huge-state" ]'
rm -f "$TMP/huge-state"

# unreadable (permissions): reported, not set aside
mkdir "$TMP/perm"
printf 'paperboy-state 1\n' >"$TMP/perm/state"
chmod 000 "$TMP/perm/state"
if [ "$(id -u)" != 0 ]; then
	STATE="$TMP/perm/state"
	pb --dump "$S"
	perm_ran=1
elif command -v setpriv >/dev/null 2>&1; then
	# root reads anything: run as nobody, with the directory writable so
	# that setting aside would be possible
	chmod 755 "$TMP"
	chown 65534 "$TMP/perm"
	run PAPERBOY_STATE="$TMP/perm/state" setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$PB_BIN" --dump "$S"
	perm_ran=1
else
	echo "SKIP: unreadable state file: running as root and setpriv is missing"
	perm_ran=0
fi
if [ "$perm_ran" = 1 ]; then
	expect "unreadable state: --dump exits 0" [ "$rc" = 0 ]
	expect "unreadable state: reported" grep -q "cannot read '$TMP/perm/state': Permission denied; marks are not saved" "$TMP/err"
	expect "unreadable state: not set aside" ev '[ "$(broken_files)" = 0 ] && [ -f "$TMP/perm/state" ]'
fi

# device nodes (root only): the null device under another name, and /dev/zero's twin
if [ "$(id -u)" = 0 ] && mknod "$TMP/devnull" c 1 3 2>/dev/null && mknod "$TMP/devzero" c 1 5 2>/dev/null; then
	STATE="$TMP/devnull"
	pb --dump "$S"
	expect "state is a null device node: --dump exits 0 without a message" ev '[ "$rc" = 0 ] && [ ! -s "$TMP/err" ]'
	expect "state is a null device node: still a device" [ -c "$TMP/devnull" ]
	STATE="$TMP/devzero"
	pb --dump "$S"
	expect "state is /dev/zero's twin: --dump exits 0 at once" [ "$rc" = 0 ]
	expect "state is /dev/zero's twin: refused" grep -q "is a character device, not a regular file" "$TMP/err"
	expect "state is /dev/zero's twin: still a device" [ -c "$TMP/devzero" ]
	expect "device nodes: nothing set aside" [ "$(broken_files)" = 0 ]
	STATE="$TMP/none/state"
	run PAPERBOY_STATE="$STATE" PAPERBOY_CONFIG="$TMP/devzero" "$PB_BIN" --dump "$S"
	expect "settings are /dev/zero's twin: --dump exits 0 at once" [ "$rc" = 0 ]
	expect "settings are /dev/zero's twin: refused" grep -q "is a character device, not a regular file; settings file ignored" "$TMP/err"
else
	echo "SKIP: device nodes as the state and settings path need root (mknod)"
fi

# ---- the settings path ---------------------------------------------------
STATE="$TMP/none/state"
run PAPERBOY_STATE="$STATE" PAPERBOY_CONFIG="$TMP/fifo" "$PB_BIN" --dump "$S"
expect "settings are a FIFO: --dump does not hang (exit $rc)" [ "$rc" = 0 ]
expect "settings are a FIFO: refused" grep -q "is a FIFO, not a regular file; settings file ignored" "$TMP/err"
run PAPERBOY_STATE="$STATE" PAPERBOY_CONFIG="$TMP/null-link" "$PB_BIN" --dump "$S"
expect "settings linked to /dev/null: no message" ev '[ "$rc" = 0 ] && [ ! -s "$TMP/err" ]'

# ---- --output ------------------------------------------------------------
# a link to /dev/null: written into, never replaced
pb --dump --output="$TMP/null-link" "$S"
expect "--output to a link to /dev/null: exit 0" [ "$rc" = 0 ]
expect "--output to a link to /dev/null: the link stays" [ -L "$TMP/null-link" ]
expect "/dev/null is still a character device" [ -c /dev/null ]
if [ -c "$TMP/devnull" ]; then
	pb --dump --output="$TMP/devnull" "$S"
	expect "--output to a null device node: exit 0, still a device" ev '[ "$rc" = 0 ] && [ -c "$TMP/devnull" ]'
fi
# /dev/stdout: the standard output, whatever it is
STATE="$TMP/none/state"
timeout 20 env PAPERBOY_STATE="$STATE" "$PB_BIN" --dump --output=/dev/stdout "$S" >"$TMP/out" 2>"$TMP/err"
expect "--output=/dev/stdout into a file: the dump arrives" [ "$(wc -l <"$TMP/out")" = $NPAPERS ]
n=$(timeout 20 env PAPERBOY_STATE="$STATE" "$PB_BIN" --export=bibtex --output=/dev/stdout "$S" 2>"$TMP/err" | grep -c '^@misc{')
expect "--output=/dev/stdout into a pipe: the export arrives" [ "$n" = $NPAPERS ]
# a FIFO: written in place
timeout 20 cat "$TMP/fifo" >"$TMP/from-fifo" &
reader=$!
pb --dump --output="$TMP/fifo" "$S"
wait "$reader"
expect "--output to a FIFO: exit 0" [ "$rc" = 0 ]
expect "--output to a FIFO: the reader got the dump" [ "$(wc -l <"$TMP/from-fifo")" = $NPAPERS ]
expect "--output to a FIFO: it stays a FIFO" [ -p "$TMP/fifo" ]
# a link to a regular file: the target is replaced, the link stays
printf 'old\n' >"$TMP/real/out.jsonl"
ln -s real/out.jsonl "$TMP/out-link"
pb --dump --output="$TMP/out-link" "$S"
expect "--output to a link: exit 0" [ "$rc" = 0 ]
expect "--output to a link: the link stays" [ -L "$TMP/out-link" ]
expect "--output to a link: its target has the dump" [ "$(wc -l <"$TMP/real/out.jsonl")" = $NPAPERS ]
# a directory: an error, left alone
pb --dump --output="$TMP/sdir" "$S"
expect "--output to a directory: exit 1" [ "$rc" = 1 ]
expect "--output to a directory: one message" grep -q "is a directory, not a regular file; it is not replaced" "$TMP/err"
expect "--output to a directory: still there" [ -d "$TMP/sdir" ]

# ---- inside a library: a dangling link, a FIFO, a device --------------------
mkdir "$TMP/lib"
cp "$S/abstracts.txt" "$TMP/lib/"
ln -s nowhere "$TMP/lib/dangling.md"
mkfifo "$TMP/lib/pipe.md"
[ -c "$TMP/devzero" ] && ln "$TMP/devzero" "$TMP/lib/zero.md" 2>/dev/null
run PAPERBOY_STATE="$STATE" "$PB_BIN" --check "$TMP/lib"
expect "a library with a dangling link and a FIFO: --check exits 0 (exit $rc)" [ "$rc" = 0 ]
expect "the dangling link is noted" grep -q "dangling.md: note: skipped: a symbolic link that leads nowhere" "$TMP/out"
expect "the FIFO is noted" grep -q "pipe.md: note: skipped: a FIFO, not a regular file" "$TMP/out"
expect "the rest is read" grep -q "abstracts.txt: abstract, 2 papers" "$TMP/out"
if [ -c "$TMP/lib/zero.md" ]; then
	expect "a device in a library is noted" grep -q "zero.md: note: skipped: a character device, not a regular file" "$TMP/out"
fi
run PAPERBOY_STATE="$STATE" "$PB_BIN" --check "$TMP/lib/pipe.md"
expect "a FIFO named on the command line: exit 1 at once (exit $rc)" [ "$rc" = 1 ]
expect "a FIFO named on the command line: said so" grep -q "pipe.md: error: a FIFO, not a regular file" "$TMP/out"

# ---- file sizes: huge files are skipped, the rest still loads -------------
mkdir "$TMP/big"
cp "$S/abstracts.txt" "$TMP/big/"
truncate -s 40G "$TMP/big/huge.md"	# sparse: no disk used
run PAPERBOY_STATE="$STATE" "$PB_BIN" --check "$TMP/big"
expect "a 40 GB file in a library: --check exits 0 (exit $rc)" [ "$rc" = 0 ]
expect "a 40 GB file in a library: warned with the limit" \
	grep -q "huge.md: warning: skipped: 40 GB, over max-file-size (64 MB)" "$TMP/out"
expect "a 40 GB file in a library: the other file still loads" grep -q "abstracts.txt: abstract, 2 papers" "$TMP/out"
run PAPERBOY_STATE="$STATE" "$PB_BIN" --dump "$TMP/big"
expect "a 40 GB file in a library: --dump exits 0 with the other papers" ev '[ "$rc" = 0 ] && [ "$(wc -l <"$TMP/out")" = 2 ]'
run PAPERBOY_STATE="$STATE" "$PB_BIN" --check "$TMP/big/huge.md"
expect "a 40 GB file named on the command line: exit 1" [ "$rc" = 1 ]
expect "a 40 GB file named on the command line: said so" grep -q "huge.md: error: 40 GB, over max-file-size (64 MB)" "$TMP/out"
# the limit is a setting
printf 'max-file-size = 1K\n' >"$TMP/small-limit"
cat "$S/2025-05-07-digest.md" "$S/2025-05-07-digest.md" | head -c 3000 >"$TMP/big/digest.md"
run PAPERBOY_STATE="$STATE" PAPERBOY_CONFIG="$TMP/small-limit" "$PB_BIN" --check "$TMP/big"
expect "max-file-size = 1K skips a 3 KB digest" grep -q "digest.md: warning: skipped: 3 KB, over max-file-size (1 KB)" "$TMP/out"
printf 'max-file-size = lots\n' >"$TMP/bad-limit"
run PAPERBOY_STATE="$STATE" PAPERBOY_CONFIG="$TMP/bad-limit" "$PB_BIN" --check "$S/abstracts.txt"
expect "a bad max-file-size is reported with its line" grep -q "bad-limit:1: bad value 'lots' for 'max-file-size'" "$TMP/err"
rm -rf "$TMP/big"

# ---- messages with control characters -----------------------------------
E=$(printf '\033')
B=$(printf '\007')
STATE="$TMP/none/state"
pb "--bo${E}]0;pwned${B}gus"
expect "unknown option with ESC: exit 2" [ "$rc" = 2 ]
expect "unknown option with ESC: no control character on stderr" no_controls "$TMP/err"
expect "unknown option with ESC: still named" grep -q "unknown option '--bo\]0;pwnedgus'" "$TMP/err"
pb "--lang=${E}[2Jfr"
expect "--lang with ESC: exit 2, no control character" ev '[ "$rc" = 2 ] && no_controls "$TMP/err"'
pb "--export=${E}[31mbib"
expect "--export with ESC: exit 2, no control character" ev '[ "$rc" = 2 ] && no_controls "$TMP/err"'
pb --dump "--output=$TMP/nowhere/${E}[31mx" "$S"
expect "--output with ESC: exit 1, no control character" ev '[ "$rc" = 1 ] && no_controls "$TMP/err" && [ -s "$TMP/err" ]'
mkdir "$TMP/e${E}]0;t${B}dir"
run PAPERBOY_STATE="$STATE" PAPERBOY_CONFIG="$TMP/e${E}]0;t${B}dir" "$PB_BIN" --dump "$S"
expect "PAPERBOY_CONFIG with ESC: reported without a control character" ev '[ -s "$TMP/err" ] && no_controls "$TMP/err"'
run PAPERBOY_STATE="$TMP/e${E}]0;t${B}dir" "$PB_BIN" --dump "$S"
expect "PAPERBOY_STATE with ESC: reported without a control character" ev '[ -s "$TMP/err" ] && no_controls "$TMP/err"'
run PAPERBOY_STATE="$STATE" "$PB_BIN" --check "$TMP/e${E}]0;t${B}dir/missing${E}[1m"
expect "a file name with ESC on the command line: no control character in --check" ev '[ "$rc" = 1 ] && no_controls "$TMP/out"'

finish

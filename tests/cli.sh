#!/bin/sh
# cli.sh: options, exit statuses, messages and the default library.
. "$PB_SRCDIR/tests/lib.sh"
S="$PB_SRCDIR/assets/samples"

"$PB_BIN" --help >"$TMP/out" 2>&1; expect "--help exits 0" [ $? = 0 ]
expect "--help names --dump and --check" grep -q -- '--check' "$TMP/out"
expect "--help names the link keys" sh -c "grep -q '1-9 .*open link N' '$TMP/out' && grep -q '^  o  *open the paper.s arXiv page' '$TMP/out' && grep -q '^  y  .*copy the link' '$TMP/out'"
# the key list is the key table: every command is there with its bind name
for c in toggle-read next-unread star starred search search-next search-previous filter \
    min-votes order export reload quit; do
	expect "--help lists the command $c" grep -q "\\[$c\\]\$" "$TMP/out"
done
# the man page's KEYS section documents every key of the command table (which
# --help's key list prints): each key is a bold word there, "1-9" as 1 and 9
sed -n '/^\.SH KEYS/,/^\.SH LINKS/p' "$PB_SRCDIR/assets/paperboy.1" | awk '
	# the bold words of .B and .BR lines (.BR: every other argument)
	/^\.BR? / {
		br = $1 == ".BR"; line = substr($0, length($1) + 2); n = 0
		while (sub(/^ +/, "", line) >= 0 && line != "") {
			if (substr(line, 1, 1) == "\"") {
				line = substr(line, 2); q = index(line, "\"")
				if (q == 0) q = length(line) + 1
				w = substr(line, 1, q - 1); line = substr(line, q + 1)
			} else {
				sp = index(line, " ")
				if (sp == 0) sp = length(line) + 1
				w = substr(line, 1, sp - 1); line = substr(line, sp + 1)
			}
			if (!br || n++ % 2 == 0) { gsub(/\\-/, "-", w); print w }
		}
	}' >"$TMP/mankeys"
sed -n '/^Keys in the reader/,$p' "$TMP/out" | awk 'NR > 1 {
	# "  KEY, KEY  help [name]": the keys are the words up to the first without a comma
	keys = ""
	for (i = 1; i <= NF; i++) { k = $i; last = k !~ /,$/; sub(/,$/, "", k); keys = keys " " k; if (last) break }
	print $NF keys }' >"$TMP/helpkeys"
expect "--help lists the key table" [ "$(wc -l <"$TMP/helpkeys")" -ge 30 ]
while read -r name keys; do
	missing=
	for k in $keys; do
		case $k in
		?-?) set -- "${k%-?}" "${k#?-}" ;;	# a run of keys: its ends
		*) set -- "$k" ;;
		esac
		for one in "$@"; do
			grep -qxF -- "$one" "$TMP/mankeys" || missing="$missing $one"
		done
	done
	expect "the man page's KEYS section names the keys of $name:$missing" [ -z "$missing" ]
done <"$TMP/helpkeys"
"$PB_BIN" --version >"$TMP/out" 2>&1; expect "--version exits 0" [ $? = 0 ]
expect "--version prints the version" grep -q '^paperboy [0-9]' "$TMP/out"
# libcurl is loaded when the first fetch needs it (fetch/curlso.h), libxml2
# when a file first needs it (ingest/xmlso.h), not linked: neither the
# binary nor a library it needs names them (tests/fetch/fetch.sh checks
# that only a fetch loads libcurl, test_xmlso that only HTML or XML loads
# libxml2)
if command -v ldd >/dev/null 2>&1; then
	ldd "$PB_BIN" >"$TMP/ldd" 2>&1
	expect "the binary does not link libcurl" sh -c "grep -q 'libc\.so' '$TMP/ldd' && ! grep -q 'libcurl' '$TMP/ldd'"
	expect "the binary does not link libxml2 (nor ICU)" sh -c "grep -q 'libc\.so' '$TMP/ldd' && ! grep -q 'libxml2\|libicu' '$TMP/ldd'"
fi
"$PB_BIN" --bogus >"$TMP/out" 2>"$TMP/err"; expect "unknown option exits 2" [ $? = 2 ]
expect "usage error is one line" [ "$(wc -l <"$TMP/err")" = 1 ]
expect "usage error names the option" grep -q "unknown option '--bogus'" "$TMP/err"
# every message goes through the one formatter, which cleans what it quotes
"$PB_BIN" "$(printf -- '--bo\033[2J\ngus')" >"$TMP/out" 2>"$TMP/err"; expect "a usage error with controls exits 2" [ $? = 2 ]
expect "a usage error quotes the option cleaned, on one line" \
    sh -c "[ \"\$(wc -l <'$TMP/err')\" = 1 ] && grep -q \"unknown option '--bo\\[2J gus'\" '$TMP/err' && ! grep -q \"\$(printf '\\033')\" '$TMP/err'"
"$PB_BIN" --lang=french --dump "$S" >/dev/null 2>"$TMP/err"; expect "bad --lang exits 2" [ $? = 2 ]
"$PB_BIN" --lang=en,,ko --dump "$S" >/dev/null 2>"$TMP/err"; expect "empty --lang item exits 2" [ $? = 2 ]
"$PB_BIN" --lang=zh,ko,en --export=markdown "$S" >"$TMP/list" 2>"$TMP/err"; expect "--lang takes a list" [ $? = 0 ]
"$PB_BIN" --lang=ko --export=markdown "$S" >"$TMP/ko" 2>/dev/null
"$PB_BIN" --lang=en --export=markdown "$S" >"$TMP/en" 2>/dev/null
expect "--lang zh,ko,en: Korean summaries where there is no Chinese one" cmp -s "$TMP/list" "$TMP/ko"
if cmp -s "$TMP/ko" "$TMP/en"; then bad "--lang ko and en pick different summaries"; else ok "--lang ko and en pick different summaries"; fi

"$PB_BIN" --check "$S" >"$TMP/out" 2>&1; expect "--check on the samples exits 0" [ $? = 0 ]
expect "--check names each format" grep -q 'ko-digest, 2 papers' "$TMP/out"
expect "--check counts json" grep -q '2025-05-08.json: json, 3 papers' "$TMP/out"
"$PB_BIN" --check "$TMP/missing.md" >"$TMP/out" 2>&1; expect "--check on a missing file exits 1" [ $? = 1 ]
expect "missing file message" grep -q "missing.md: error: cannot open: No such file" "$TMP/out"
printf 'just some notes\nnothing to see\n' >"$TMP/notes.txt"
"$PB_BIN" --check "$TMP/notes.txt" >"$TMP/out" 2>&1; expect "--check on an unrecognised file exits 1" [ $? = 1 ]
mkdir "$TMP/dir"; cp "$TMP/notes.txt" "$TMP/dir/README"; cp "$S/abstracts.txt" "$TMP/dir/"
"$PB_BIN" --check "$TMP/dir" >"$TMP/out" 2>&1; expect "an unrecognised file inside a directory is skipped, exit 0" [ $? = 0 ]
expect "the skipped file is noted" grep -q 'README: note: skipped' "$TMP/out"

# bad rows are warned with FILE:LINE and the rest still loads
cat >"$TMP/bad.md" <<'MD'
## Papers for 2025-01-02

| Title | Authors | Summary |
|-------|---------|---------|
| Good One (Read more on [arXiv](https://arxiv.org/abs/2501.00001)) | A B | Fine. |
| | | |
| Bad Link [x](javascript:alert(1)) | C D | Text. |
| Good Two (Read more on [arXiv](https://arxiv.org/abs/2501.00002)) | E F | Fine too. |
MD
"$PB_BIN" --check "$TMP/bad.md" >"$TMP/out" 2>&1; expect "--check with warnings exits 0" [ $? = 0 ]
expect "empty row warned at line 6" grep -q 'bad.md:6: warning: table row without title or summary' "$TMP/out"
"$PB_BIN" --dump "$TMP/bad.md" >"$TMP/dump" 2>"$TMP/err"
expect "--dump still loads the good rows" [ "$(wc -l <"$TMP/dump")" = 3 ]
expect "--dump reports the same problem on stderr" grep -q 'bad.md:6: warning' "$TMP/err"
expect "javascript: links never reach the dump" sh -c "! grep -q javascript '$TMP/dump'"

# default library: $PAPERBOY_LIBRARY, else the samples
mkdir "$TMP/lib"; cp "$S/2025-05-08.json" "$TMP/lib/"
PAPERBOY_LIBRARY="$TMP/lib" "$PB_BIN" --dump >"$TMP/dump" 2>/dev/null
expect "\$PAPERBOY_LIBRARY is read when no PATH is given" [ "$(wc -l <"$TMP/dump")" = 3 ]

# output is valid UTF-8 without control characters
printf '## Papers for 2025-01-03\n\n| Title | Authors | Summary |\n|---|---|---|\n| Evil \033]52;c;aGk=\007 \302\233title\342\200\256 | X Y | bad \377 bytes \001 here |\n' >"$TMP/evil.md"
"$PB_BIN" --dump "$TMP/evil.md" >"$TMP/dump" 2>/dev/null
expect "dump has no control bytes" sh -c "! LC_ALL=C grep -q \"\$(printf '[\\001-\\010\\013-\\037\\177]')\" '$TMP/dump'"
if command -v python3 >/dev/null; then
	expect "dump is valid UTF-8 without C1 or bidi overrides" python3 -c "
import sys, json
t = open(sys.argv[1], 'rb').read().decode('utf-8')
assert not any(0x80 <= ord(c) <= 0x9f or ord(c) in (0x202e, 0x202a, 0x2066) for c in t), 'bad char'
p = json.loads(t)
assert '\ufffd' in p['summaries'][0]['text'], p
" "$TMP/dump"
fi
# state, export and config
cp "$PB_SRCDIR/tests/fixtures/state-starred" "$TMP/state-starred"
ST="$TMP/state-starred"
PAPERBOY_STATE="$ST" "$PB_BIN" --export=bibtex --starred "$S" >"$TMP/out.bib" 2>"$TMP/err"
expect "--export=bibtex --starred exits 0" [ $? = 0 ]
expect "--export=bibtex --starred: the two starred papers" [ "$(grep -c '^@misc{' "$TMP/out.bib")" = 2 ]
expect "bibtex entry with the arXiv id" grep -q '^@misc{arXiv:2505.05301,$' "$TMP/out.bib"
expect "eprint only for the paper with an id" [ "$(grep -c '^  eprint = {2505.05301},$' "$TMP/out.bib")" = 1 ] && [ "$(grep -c eprint "$TMP/out.bib")" = 1 ]
expect "archivePrefix arXiv" grep -q '^  archivePrefix = {arXiv},$' "$TMP/out.bib"
# its day, the HF page's "May 9", took the samples' year
expect "the id-less paper (no author) gets a title-word key with its day's year" grep -q '^@misc{2025sparrow-[0-9a-f]\{6\},$' "$TMP/out.bib"
expect "--export writes nothing on stderr" [ ! -s "$TMP/err" ]
expect "--export leaves the state file alone" cmp -s "$ST" "$PB_SRCDIR/tests/fixtures/state-starred"
PAPERBOY_STATE="$ST" "$PB_BIN" --export markdown --starred "$S" >"$TMP/out.md"
expect "--export markdown: one line per starred paper" [ "$(grep -c '^- ' "$TMP/out.md")" = 2 ]
PAPERBOY_STATE="$ST" "$PB_BIN" --export=jsonl --unread "$S" >"$TMP/out.jsonl"
expect "--unread drops the two read papers" [ "$(wc -l <"$TMP/out.jsonl")" = 9 ]
PAPERBOY_STATE="$ST" "$PB_BIN" --dump "$S" >"$TMP/dump"
expect "--dump has read and starred from the state" grep -q '"key":"arxiv:2505.05301","read":true,"starred":true,' "$TMP/dump"
expect "--dump: unstarred is false" grep -q '"key":"arxiv:2505.05233","read":false,"starred":false,' "$TMP/dump"
mkdir "$TMP/outdir"
PAPERBOY_STATE="$ST" "$PB_BIN" --export=bibtex --starred --output="$TMP/outdir/starred.bib" "$S"
expect "--output writes the file" cmp -s "$TMP/outdir/starred.bib" "$TMP/out.bib"
expect "--output leaves no temporary file" [ "$(ls "$TMP/outdir")" = starred.bib ]
"$PB_BIN" --export=bibtex --output="$TMP/nodir/x.bib" "$S" 2>"$TMP/err"
expect "--output into a missing directory exits 1" [ $? = 1 ]
expect "and says why" grep -q "cannot create a temporary file for '$TMP/nodir/x.bib'" "$TMP/err"
"$PB_BIN" --export=foo "$S" >"$TMP/out" 2>"$TMP/err"; expect "--export=foo exits 2" [ $? = 2 ]
expect "--export=foo: one line" [ "$(wc -l <"$TMP/err")" = 1 ]
expect "--export=foo names the format" grep -q "^paperboy: unknown export format 'foo' (use bibtex, markdown or jsonl)" "$TMP/err"
expect "--export=foo prints nothing on stdout" [ ! -s "$TMP/out" ]
"$PB_BIN" --starred "$S" >/dev/null 2>"$TMP/err"; expect "--starred without --dump or --export exits 2" [ $? = 2 ]
printf 'garbage\n' >"$TMP/broken-state"
PAPERBOY_STATE="$TMP/broken-state" "$PB_BIN" --dump "$S" >"$TMP/dump" 2>"$TMP/err"
expect "a broken state file does not stop --dump" [ "$(wc -l <"$TMP/dump")" = 11 ]
expect "a broken state file is reported and set aside" grep -q "broken-state: not a paperboy state file: first line 'garbage'; set aside as '$TMP/broken-state.broken-" "$TMP/err"
printf 'mouse = yes\nlink-mode = sometimes\nlibrary = %s\n' "$TMP/lib" >"$TMP/config"
PAPERBOY_CONFIG="$TMP/config" "$PB_BIN" --dump >"$TMP/dump" 2>"$TMP/err"
expect "a config error is reported as FILE:LINE" grep -q "^$TMP/config:2: bad value 'sometimes' for 'link-mode' (use open, copy or auto)\$" "$TMP/err"
expect "the config's library is read when no PATH is given" [ "$(wc -l <"$TMP/dump")" = 3 ]
# the settings example of the README loads without a problem (extracted from it)
sed -n '/^Settings$/,/^Layout of the source$/p' "$PB_SRCDIR/README" |
	awk '/^    / { print substr($0, 5); seen = 1; next } seen { exit }' >"$TMP/readme-config"
expect "the README's settings example is found" grep -q '^library = ~/papers/digests *#' "$TMP/readme-config"
HOME="$TMP" PAPERBOY_CONFIG="$TMP/readme-config" "$PB_BIN" --check "$S" >"$TMP/out" 2>"$TMP/err"
expect "the README's settings example: --check exits 0" [ $? = 0 ]
expect "the README's settings example has no problem" [ ! -s "$TMP/err" ]
# a bind to an unknown command is reported as FILE:LINE by --check (and every mode)
printf 'bind x frobnicate\nbind J next-unread # a comment\n' >"$TMP/binds"
PAPERBOY_CONFIG="$TMP/binds" "$PB_BIN" --check "$S" >"$TMP/out" 2>"$TMP/err"
expect "--check with an unknown bind command exits 0" [ $? = 0 ]
expect "--check reports the unknown bind command with its line" \
	grep -q "^$TMP/binds:1: unknown command 'frobnicate'" "$TMP/err"
expect "--check says nothing about the good bind" [ "$(wc -l <"$TMP/err")" = 1 ]
# a missing PATH: one line and exit 1, not an empty reader
"$PB_BIN" "$TMP/nonexistent" >"$TMP/out" 2>"$TMP/err" </dev/null
expect "paperboy MISSING exits 1" [ $? = 1 ]
expect "paperboy MISSING says why in one line" [ "$(cat "$TMP/err")" = "paperboy: $TMP/nonexistent: No such file or directory" ]
expect "paperboy MISSING prints nothing on stdout" [ ! -s "$TMP/out" ]
# -q: --dump and --export print no warnings, errors still
printf '## Papers for 2025-01-03\n\n| Title | Authors | Summary |\n|---|---|---|\n| Good title | A B | fine |\n| | | |\n' >"$TMP/warn.md"
"$PB_BIN" --dump "$TMP/warn.md" >"$TMP/dump" 2>"$TMP/err"
expect "the fixture warns without -q" grep -q 'warn.md:[0-9]*: warning: ' "$TMP/err"
"$PB_BIN" --dump -q "$TMP/warn.md" >"$TMP/dump-q" 2>"$TMP/err"
expect "--dump -q exits 0" [ $? = 0 ]
expect "--dump -q prints no warning" [ ! -s "$TMP/err" ]
expect "--dump -q prints the same papers" cmp -s "$TMP/dump" "$TMP/dump-q"
"$PB_BIN" --export=markdown --quiet "$TMP/warn.md" >/dev/null 2>"$TMP/err"
expect "--export --quiet prints no warning" [ ! -s "$TMP/err" ]
"$PB_BIN" --dump -q "$TMP/warn.md" "$TMP/nonexistent" >/dev/null 2>"$TMP/err"
expect "--dump -q with a missing file exits 1" [ $? = 1 ]
expect "--dump -q still prints the error" grep -q 'nonexistent: error: cannot open: No such file' "$TMP/err"
"$PB_BIN" -q "$S" >/dev/null 2>"$TMP/err" </dev/null
expect "-q without --dump or --export exits 2" [ $? = 2 ]
finish

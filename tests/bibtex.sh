#!/bin/sh
# bibtex.sh: the BibTeX export read back by the real bibtex (Debian's
# texlive-binaries), with a small style that prints every field as bibtex
# parsed it.  Hostile titles and names (an injected "}, author = ...", stray
# braces, " AND " inside one name) must not add, drop or move a field, and
# an untitled abstract must not give an empty entry.  Skipped, visibly,
# when bibtex is not installed.
. "$PB_SRCDIR/tests/lib.sh"
command -v bibtex >/dev/null 2>&1 || skip_all "bibtex not found (apt-get install texlive-binaries)"

cat >"$TMP/hostile.md" <<'MD'
## Papers for 2025-05-06

| Title | Authors | Summary |
|-------|---------|---------|
| [Evil}, author = "Mallory Evil", url = "https://evil.example/", x = {](https://arxiv.org/abs/2505.00001) | Ada Lovelace, Alan Turing | One. |
| [Stray { brace in the title](https://arxiv.org/abs/2505.00002) | Bob {Stray, Carol Smith | Two. |
| [Stray } brace in the title}}](https://arxiv.org/abs/2505.00003) | Dan } Closer | Three. |
| [Upper case AND in a name](https://arxiv.org/abs/2505.00004) | Tom AND Jerry, Ann Other | Four. |
| [Backslash \ percent % hash # tilde ~ at @misc{x,](https://arxiv.org/abs/2505.00005) | Eve Five | Five. |
MD
# a string in a table is a list (" and " splits it); one name of a JSON list is one name
cat >"$TMP/six.json" <<'JSON'
[{"title": "Six", "authors": ["Eve and Others"], "link": "https://arxiv.org/abs/2505.00006",
  "date": "2025-05-06", "summary": "Six."}]
JSON
printf 'Abstract: We propose a {method} that } works, author = "Mallory", on every benchmark we tried and more.\n' \
	>"$TMP/abstract.txt"

"$PB_BIN" --export=bibtex "$TMP/hostile.md" "$TMP/six.json" "$TMP/abstract.txt" >"$TMP/t.bib" 2>"$TMP/err"
expect "the export exits 0" [ $? = 0 ]
expect "seven entries" [ "$(grep -c '^@misc{' "$TMP/t.bib")" = 7 ]

# a style that writes each entry's fields one per line, as bibtex read them
cat >"$TMP/t.bst" <<'BST'
ENTRY { title author year url eprint note } {} {}
FUNCTION {field}
{ duplicate$ missing$ { pop$ "" } 'skip$ if$
  swap$ " " * swap$ * write$ newline$
}
FUNCTION {misc}
{ "KEY" cite$ field
  "TITLE" title field
  "AUTHOR" author field
  "NAMES" author missing$ { "0" } { author num.names$ int.to.str$ } if$ field
  "YEAR" year field
  "URL" url field
  "EPRINT" eprint field
  "NOTE" note field
}
FUNCTION {default.type} { misc }
READ
ITERATE {call.type$}
BST
printf '\\citation{*}\n\\bibdata{t}\n\\bibstyle{t}\n' >"$TMP/t.aux"
(cd "$TMP" && BIBINPUTS=. BSTINPUTS=. bibtex -terse t >bibtex.out 2>&1)
brc=$?
expect "bibtex exits 0 (no warning, no error)" [ "$brc" = 0 ]
expect "bibtex reports no error" ev '! grep -qi "error\|warning--" "$TMP/t.blg"'
# bibtex wraps long output lines: join the continuations
sed -e ':a' -e 'N' -e '$!ba' -e 's/\n  / /g' "$TMP/t.bbl" >"$TMP/fields"

# field VALUE-LINE: the line is in the parsed output
has() { grep -qxF -- "$1" "$TMP/fields"; }
for i in 1 2 3 4 5 6; do
	expect "entry $i: bibtex reads its year" has "YEAR 2025"
	expect "entry $i: bibtex reads its own url" has "URL https://arxiv.org/abs/2505.0000$i"
	expect "entry $i: bibtex reads its eprint" has "EPRINT 2505.0000$i"
done
expect "no injected author" ev '! grep -q "^AUTHOR.*Mallory" "$TMP/fields"'
expect "no injected url" ev '! grep -q "^URL .*evil" "$TMP/fields"'
expect "six urls and six years (the abstract has neither)" ev '[ "$(grep -c "^URL http" "$TMP/fields")" = 6 ] && [ "$(grep -c "^YEAR 2025" "$TMP/fields")" = 6 ]'
expect "the injected text stays in the title" ev 'grep -q "^TITLE Evil.*Mallory Evil" "$TMP/fields"'
expect "the real authors of entry 1 survive" has "AUTHOR Ada Lovelace and Alan Turing"
expect "a stray brace in a name keeps both names" ev 'grep -q "^AUTHOR Bob .*Stray and Carol Smith$" "$TMP/fields"'
expect "an upper-case AND inside a name is one name" has "AUTHOR {Tom AND Jerry} and Ann Other"
expect "names counted: Tom AND Jerry, Ann Other" ev 'grep -A1 "^AUTHOR {Tom AND Jerry}" "$TMP/fields" | grep -qx "NAMES 2"'
expect "\"Eve and Others\" stays one name" has "AUTHOR {Eve and Others}"
# the untitled abstract: its text is the title
expect "the untitled abstract has a title from its text" ev 'grep -q "^TITLE We propose a .*method.* works, author = \"Mallory\"" "$TMP/fields"'
expect "the untitled abstract is noted" has "NOTE untitled abstract"
expect "no entry has an empty title" ev '! grep -qx "TITLE " "$TMP/fields"'

finish

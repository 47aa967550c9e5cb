#!/bin/sh
# equiv.sh: line ends, a byte order mark and Unicode normalisation do not
# change what is read.  For every sample input, CRLF, BOM, BOM+CRLF and NFD
# copies must give byte-identical `paperboy --dump` output to the original.
#
# Inputs: $PB_SRCDIR/assets/samples/*, else $PB_SRCDIR/../shared/seeds/*.
# The copies keep the original's base name in their own directories and
# paperboy runs inside each directory, so a dump that mentions the file name
# still compares equal.
# Exit 0 pass, 1 fail, 77 skip (automake).
set -u

: "${PB_BIN:?PB_BIN must name the built paperboy}"
: "${PB_SRCDIR:?PB_SRCDIR must name the source directory}"
case $PB_BIN in /*) ;; *) PB_BIN=$(pwd)/$PB_BIN ;; esac

inputs=
for f in "$PB_SRCDIR"/assets/samples/*; do
	[ -f "$f" ] && inputs="$inputs assets"
	break
done
if [ -n "$inputs" ]; then
	dir=$PB_SRCDIR/assets/samples
elif [ -d "$PB_SRCDIR/../shared/seeds" ]; then
	dir=$PB_SRCDIR/../shared/seeds
	echo "equiv: assets/samples is empty; using ../shared/seeds"
else
	echo "SKIP: no inputs (assets/samples is empty and ../shared/seeds is absent)"
	exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pb-equiv.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
mkdir "$tmp/orig" "$tmp/crlf" "$tmp/bom" "$tmp/bomcrlf" "$tmp/nfd"

have_nfd=no
if command -v python3 >/dev/null 2>&1 && python3 -c 'import unicodedata' 2>/dev/null; then
	have_nfd=yes
else
	echo "equiv: SKIP part: python3 with unicodedata not found, no NFD copies"
fi

# to_crlf IN OUT: LF -> CR LF (existing CR LF kept as is).
to_crlf() { sed 's/\r$//; s/$/\r/' "$1" >"$2"; }
# to_nfd IN OUT: decompose (invalid UTF-8 passes through unchanged).
to_nfd() {
	python3 - "$1" "$2" <<'PY'
import sys, unicodedata
data = open(sys.argv[1], "rb").read()
text = data.decode("utf-8", "surrogateescape")
out = unicodedata.normalize("NFD", text)
open(sys.argv[2], "wb").write(out.encode("utf-8", "surrogateescape"))
PY
}

fail=0 n=0
for f in "$dir"/*; do
	[ -f "$f" ] || continue
	name=${f##*/}
	cp "$f" "$tmp/orig/$name"
	if ! (cd "$tmp/orig" && "$PB_BIN" --dump "$name") >"$tmp/orig.out" 2>"$tmp/orig.err"; then
		echo "FAIL $name: paperboy --dump on the original exited non-zero:"
		sed 's/^/  /' "$tmp/orig.err" | head -n 5
		fail=1
		continue
	fi
	papers=$(wc -l <"$tmp/orig.out" | tr -d ' ')
	if [ "$papers" -eq 0 ]; then
		echo "FAIL $name: the original gives no papers, nothing to compare"
		fail=1
	fi
	# Strip an existing BOM for the BOM copies so there is exactly one.
	sed '1s/^\xef\xbb\xbf//' "$f" >"$tmp/nobom"
	to_crlf "$f" "$tmp/crlf/$name"
	{ printf '\357\273\277'; cat "$tmp/nobom"; } >"$tmp/bom/$name"
	{ printf '\357\273\277'; to_crlf "$tmp/nobom" /dev/stdout; } >"$tmp/bomcrlf/$name"
	variants="crlf bom bomcrlf"
	if [ $have_nfd = yes ]; then
		to_nfd "$f" "$tmp/nfd/$name" && variants="$variants nfd"
	fi
	for v in $variants; do
		n=$((n + 1))
		if cmp -s "$f" "$tmp/$v/$name"; then
			what="(copy identical to the original)"
		else
			what=""
		fi
		if ! (cd "$tmp/$v" && "$PB_BIN" --dump "$name") >"$tmp/$v.out" 2>"$tmp/$v.err"; then
			echo "FAIL $name [$v]: paperboy --dump exited non-zero:"
			sed 's/^/  /' "$tmp/$v.err" | head -n 5
			fail=1
		elif cmp -s "$tmp/orig.out" "$tmp/$v.out"; then
			echo "ok   $name [$v]: same dump, $papers papers $what"
		else
			echo "FAIL $name [$v]: dump differs from the original's:"
			diff "$tmp/orig.out" "$tmp/$v.out" | cut -c1-200 | head -n 6 | sed 's/^/  /'
			fail=1
		fi
	done
done
if [ $n -eq 0 ]; then
	echo "SKIP: no input files in $dir"
	exit 77
fi
echo "equiv: $n comparisons from $dir, $([ $fail -eq 0 ] && echo all equal || echo FAILURES)"
exit $fail

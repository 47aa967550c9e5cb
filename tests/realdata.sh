#!/bin/sh
# realdata.sh: paperboy --check reads every real digest in ../shared/realdata
# without loss.
#
# Asserts: exit status 0; every .md/.json/.xml file (README files aside) is
# listed by --check as "PATH: FORMAT, N papers" with a recognised format and
# N > 0, unless the file really has no entries; and, per file, papers read +
# warnings for that file >= the entries counted here independently:
#   - table data rows: lines starting with "|" after a "|---" separator row,
#     up to a blank line or a heading (continuation lines start with two
#     spaces and are not rows);
#   - "### " entries;
#   - JSON: elements of the top-level array (python3, when present);
#   - Atom: "<entry" elements.
# Exit 0 pass, 1 fail, 77 skip when ../shared/realdata is absent.
set -u

: "${PB_BIN:?PB_BIN must name the built paperboy}"
: "${PB_SRCDIR:?PB_SRCDIR must name the source directory}"
real=$PB_SRCDIR/../shared/realdata
if [ ! -d "$real" ]; then
	echo "SKIP: ../shared/realdata not present"
	exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pb-real.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

"$PB_BIN" --check "$real" >"$tmp/check.out" 2>"$tmp/check.err"
rc=$?
fail=0
if [ $rc -ne 0 ]; then
	echo "FAIL: paperboy --check $real exited with status $rc"
	head -n 5 "$tmp/check.err"
	fail=1
fi

find "$real" -name '.*' ! -path "$real" -prune -o -type f \
	\( -name '*.md' -o -name '*.json' -o -name '*.xml' \) ! -name 'README*' -print |
	sort >"$tmp/files"
nfiles=$(wc -l <"$tmp/files" | tr -d ' ')

# Independent entry counts: "PATH COUNT" per file.
tr '\n' '\0' <"$tmp/files" | xargs -0 awk '
	FNR == 1 { if (f != "") print f, n; f = FILENAME; n = 0; intable = 0 }
	f ~ /\.json$/ { next }
	f ~ /\.xml$/ { n += gsub(/<entry[ >]/, "&"); next }
	{ sub(/\r$/, "") }
	/^### / { n++; intable = 0; next }
	/^#/ || /^[ \t]*$/ { intable = 0; next }
	intable && /^\|/ { n++; next }
	intable && /^  / { next }
	intable { intable = 0 }
	/^\|/ && /-/ && /^[|: -]+$/ { intable = 1 }
	END { if (f != "") print f, n }
' >"$tmp/counts"
# JSON: the length of the top-level array.
if command -v python3 >/dev/null 2>&1; then
	grep '\.json$' "$tmp/files" | python3 -c '
import json, sys
for path in sys.stdin.read().splitlines():
    try:
        data = json.load(open(path, encoding="utf-8"))
        n = len(data) if isinstance(data, list) else 1
    except Exception:
        n = 0
    print(path, n)
' >"$tmp/jcounts"
else
	echo "note: python3 not found, JSON entries not counted"
	: >"$tmp/jcounts"
fi

# Join: the --check lines first, then the counts, then the file list.
awk -v fmts="table ko-digest abstract hf-page json atom" '
	BEGIN { split(fmts, a, " "); for (i in a) okfmt[a[i]] = 1 }
	FILENAME == ARGV[1] {
		if (match($0, /: [A-Za-z0-9_-]+, [0-9]+ papers?$/)) {
			p = substr($0, 1, RSTART - 1)
			split(substr($0, RSTART + 2), w, /[, ]+/)
			fmt[p] = w[1]; papers[p] = w[2] + 0; listed[p] = 1
		} else if (match($0, /:[0-9]+: warning: /)) {
			warns[substr($0, 1, RSTART - 1)]++
		}
		next
	}
	FILENAME == ARGV[2] || FILENAME == ARGV[3] {
		p = $0; sub(/ [0-9]+$/, "", p); cnt[p] = $NF; next
	}
	{
		p = $0; c = cnt[p] + 0
		total++; entries += c
		if (!listed[p]) {
			print "FAIL " p ": not listed by --check"; bad++; next
		}
		if (!okfmt[fmt[p]]) {
			print "FAIL " p ": format \"" fmt[p] "\" not recognised"; bad++; next
		}
		if (papers[p] == 0 && c > 0) {
			print "FAIL " p ": 0 papers but " c " entries"; bad++; next
		}
		if (papers[p] == 0) { empty++; next }
		if (papers[p] + warns[p] < c) {
			print "FAIL " p ": " c " entries but " papers[p] " papers and " \
			    warns[p] + 0 " warnings"; bad++; next
		}
		read += papers[p]; nw += warns[p]
	}
	END {
		printf "realdata: %d files, %d entries counted, %d papers read, %d warnings, " \
		    "%d header-only files, %d failures\n", total, entries, read, nw, empty, bad
		exit bad > 0
	}
' "$tmp/check.out" "$tmp/counts" "$tmp/jcounts" "$tmp/files" || fail=1

echo "realdata: checked $nfiles files under $real"
exit $fail

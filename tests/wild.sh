#!/bin/sh
# wild.sh: the digests of other publishers in ../shared/wild (see its README).
#
# For every sample directory: every digest file is recognised (the files
# that are not digests are listed below, each with the reason); papers are
# read (at least the count given); every paper's days come from its file's
# content or path (a Hugging Face API element's day is its
# paper.submittedOnDailyAt, else the path's); titles carry no markup;
# authors are one name each; every summary has a language, and the
# languages each publisher writes in are found.  Skips visibly without
# ../shared/wild or python3.
. "$PB_SRCDIR/tests/lib.sh"
WILD="$SHARED/wild"
[ -d "$WILD" ] || skip_all "../shared/wild not present"
command -v python3 >/dev/null || skip_all "python3 not installed"
"$PB_BIN" --check "$WILD" >"$TMP/check.out" 2>&1
python3 - "$PB_BIN" "$WILD" "$TMP/check.out" >"$TMP/results" <<'PY' || echo "python3 exited with an error"
import json, os, re, subprocess, sys

pb, wild, check = sys.argv[1], sys.argv[2], sys.argv[3]
bad = 0
def ok(cond, what):
    global bad
    print(("ok - " if cond else "FAIL - ") + what)
    bad += not cond

# Files that are not digests, and why (paths relative to the wild folder).
not_digests = {
    "README.md": "the folder's own README",
    "deep-diver+hf-daily-paper-newsletter/papers.json": "a saved error page",
    "melon0104+arxiv-papers/index.md": "an index linking to the per-paper files",
    "Canyon-netizen+daily-paper-reader/docs/201706/12/README.md": "a day index linking to the paper files",
    "Canyon-netizen+daily-paper-reader/docs/20260205-20260306/README.md": "a day index linking to the paper files",
}
for d in ("2026/07/2026-07-14", "2026/07/2026-07-27", "2026/08/2026-08-07"):
    not_digests["vollero+hf-daily-paper-summaries/summaries/%s/relationships.md" % d] = "a relationship graph"
for f in ("2025-06-08", "2025-10-18", "2025-11-30", "2026-04-11", "2026-08-22"):
    not_digests["jeongiin+hf-daily-paper-korean-autoflow/paper_metadata_download/%s.json" % f] = "a bare 1 (an empty day)"
# Digests that hold no paper: empty days, and arrays of Python-repr strings.
empty_ok = re.compile(r"hf-daily-paper-ko-gpt/2026-0[2-8]-\d\d_paper_ko\.json$|(?i:paper_metadata_download)/(2024-12-13|2024-12-16-ex|2025-01-27|2025-03-12|2025-04-25|2025-07-22|2025-09-04|2026-01-13|2026-02-26|2026-05-25|2026-07-08)\.json$")

# Per directory: the formats expected and the least number of papers (records) read.
expect = {
    "2404589803+hf-daily-paper-newsletter-chinese": ({"json", "headings", "generic"}, 536, {"en", "zh"}),
    "AtharvaDomale+Daily-HuggingFace-AI-Papers": ({"json"}, 3381, {"en"}),
    "Canyon-netizen+daily-paper-reader": ({"daily-paper-reader"}, 66, {"en", "zh"}),
    "Vincentqyw+cv-arxiv-daily": ({"cv-arxiv-daily"}, 29614, set()),
    "deep-diver+hf-daily-paper-newsletter": ({"yaml"}, 35, {"en"}),
    "dw-dengwei+daily-arXiv-ai-enhanced": ({"daily-arxiv-ai"}, 2186, {"en", "zh"}),
    "hiwei93+hf-daily-papers-newsletter": ({"headings"}, 96, {"zh"}),
    "jeongiin+hf-daily-paper-korean-autoflow": ({"json"}, 77, {"en", "ko"}),
    "melon0104+arxiv-papers": ({"front-matter", "headings"}, 37, {"ja"}),
    "quxnb+hepml-digest": ({"atom"}, 576, {"en", "zh"}),
    "vollero+hf-daily-paper-summaries": ({"generic", "headings"}, 557, {"en"}),
}

lines = open(check, encoding="utf-8").read().splitlines()
fmt, count = {}, {}
for l in lines:
    m = re.match(r"^(.*): ([a-z-]+), (\d+) papers?$", l)
    if m and m.group(1).startswith(wild + "/"):
        rel = m.group(1)[len(wild) + 1:]
        fmt[rel], count[rel] = m.group(2), int(m.group(3))
files = []
for root, dirs, names in os.walk(wild):
    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
    files += [os.path.relpath(os.path.join(root, n), wild) for n in sorted(names) if not n.startswith(".")]

for d, (formats, least, langs) in sorted(expect.items()):
    mine = [f for f in files if f.startswith(d + "/")]
    digests = [f for f in mine if f not in not_digests]
    seen = [f for f in digests if f in fmt]
    missed = [f for f in digests if f not in fmt]
    ok(not missed, "%s: %d of %d digest files recognised%s" % (d, len(seen), len(digests),
        "" if not missed else " (not: %s)" % ", ".join(missed[:3])))
    ok(all(f not in fmt for f in mine if f in not_digests), "%s: the files that are no digests are skipped" % d)
    ok(set(fmt[f] for f in seen) <= formats, "%s: read as %s" % (d, ", ".join(sorted(set(fmt[f] for f in seen)))))
    empty = [f for f in seen if count[f] == 0 and not empty_ok.search(f)]
    ok(not empty, "%s: every digest gives papers%s" % (d, "" if not empty else " (not: %s)" % empty[0]))
    n = sum(count[f] for f in seen)
    ok(n >= least, "%s: %d papers read (at least %d)" % (d, n, least))

# Per file: days from the content or the path; titles, authors, languages.
def path_day(rel):
    parts = rel.split("/")
    for comp in reversed(parts[-3:]):
        ds = re.findall(r"(?<!\d)(\d{4})[-_.]?(\d\d)[-_.]?(\d\d)(?!\d)", comp)
        ds = [x for x in ds if 1990 <= int(x[0]) <= 2099 and 1 <= int(x[1]) <= 12 and 1 <= int(x[2]) <= 31]
        if len(ds) == 1:
            return "%s-%s-%s" % ds[0]
        if len(ds) > 1:
            return None
    if len(parts) >= 3 and re.fullmatch(r"\d{6}", parts[-3]) and re.fullmatch(r"\d\d", parts[-2]):
        return "%s-%s-%s" % (parts[-3][:4], parts[-3][4:], parts[-2])
    return None

def api_days(path):
    """id -> expected day for Hugging Face API elements (submittedOnDailyAt, else the path's)."""
    try:
        data = json.load(open(path, encoding="utf-8"))
    except Exception:
        return {}
    out = {}
    for e in data if isinstance(data, list) else []:
        if isinstance(e, dict) and isinstance(e.get("paper"), dict) and e["paper"].get("id"):
            d = e["paper"].get("submittedOnDailyAt")
            out[e["paper"]["id"]] = d[:10] if d else None
    return out

markup = re.compile(r"\*\*|\]\(|</?[a-z]+[ >]|^#|^\d+\] \[|^\[\d+\]|`")
wrong_days, bad_titles, bad_authors, no_lang, nfiles = [], [], [], [], 0
langs_seen = {}
for rel in sorted(fmt):
    path = os.path.join(wild, rel)
    out = subprocess.run([pb, "--dump", path], capture_output=True, text=True).stdout
    content = open(path, encoding="utf-8", errors="replace").read()
    # feeds write their dates as "Fri, 21 Aug 2026"
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    content += " ".join("%s-%02d-%02d" % (y, months.index(m) + 1, int(dd))
        for dd, m, y in re.findall(r"\b(\d{1,2}) (%s) (\d{4})\b" % "|".join(months), content))
    pd, api = path_day(rel), (api_days(path) if rel.endswith(".json") else {})
    d = rel.split("/")[0]
    nfiles += 1
    for line in out.splitlines():
        p = json.loads(line)
        for day in p["days"]:
            if p["id"] in api:
                want = api[p["id"]] or pd
                good = day == want
            else:
                good = day == pd or day in content or day.replace("-", "") in content
            if not good:
                wrong_days.append("%s: %s %s" % (rel, p["id"] or p["title"], day))
        if p["title"] and markup.search(p["title"]):
            bad_titles.append("%s: %s" % (rel, p["title"][:60]))
        for a in p["authors"]:
            if re.search(r", | and |\bet\.? ?al\b", a):
                bad_authors.append("%s: %s" % (rel, a))
        for s in p["summaries"]:
            if not re.fullmatch(r"en|ko|zh|ja|und-[A-Z][a-z]{3}", s["lang"] or ""):
                no_lang.append(rel)
            langs_seen.setdefault(d, set()).add(s["lang"])
ok(nfiles == len(fmt), "every recognised file dumped (%d)" % nfiles)
ok(not wrong_days, "every day from the content or the path%s" % ("" if not wrong_days else ": " + "; ".join(wrong_days[:3]) + " (%d)" % len(wrong_days)))
ok(not bad_titles, "titles without markup%s" % ("" if not bad_titles else ": " + "; ".join(bad_titles[:3])))
ok(not bad_authors, "authors one name each%s" % ("" if not bad_authors else ": " + "; ".join(bad_authors[:3])))
ok(not no_lang, "every summary has a language")
for d, (formats, least, langs) in sorted(expect.items()):
    ok(langs <= langs_seen.get(d, set()), "%s: summaries in %s (found %s)" % (d, ", ".join(sorted(langs)) or "-",
        ", ".join(sorted(langs_seen.get(d, set()))) or "none"))
sys.exit(0)
PY
while IFS= read -r l; do
	case $l in
	"ok - "*) ok "${l#ok - }" ;;
	"FAIL - "*) bad "${l#FAIL - }" ;;
	esac
done <"$TMP/results"
[ "$checks" -gt 0 ] || bad "the checks ran"
finish

#!/bin/sh
# seeds.sh: the merged library of the five seeds matches the issue's figures.
. "$PB_SRCDIR/tests/lib.sh"
[ -d "$SHARED/seeds" ] || skip_all "../shared/seeds not present"
command -v python3 >/dev/null || skip_all "python3 not installed"
"$PB_BIN" --dump "$SHARED/seeds" >"$TMP/dump.jsonl" 2>"$TMP/err" || bad "--dump exits 0"
python3 - "$TMP/dump.jsonl" <<'PY' || fails=$((fails + 1))
import json, sys
ps = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
bad = 0
def check(cond, what):
    global bad
    print(("ok - " if cond else "FAIL - ") + what)
    bad += not cond
check(len(ps) == 107, "107 papers (got %d)" % len(ps))
ids = [p for p in ps if p["id"]]
check(len(ids) == 23, "23 with an arXiv id (got %d)" % len(ids))
check(all("2025-05-06" in p["days"] for p in ids), "all id papers on 2025-05-06")
untitled = [p for p in ps if p["title"] is None]
check(len(untitled) == 7, "7 untitled abstracts (got %d)" % len(untitled))
check(all(p["days"] == [] for p in untitled), "untitled abstracts are undated (no day)")
# the HF page's "May 9" takes the year of the seeds' dated day (2025)
hf = [p for p in ps if "2025-05-09" in p["days"]]
check(len(hf) == 78, "78 papers from the HF page (got %d)" % len(hf))
merged = [p for p in hf if p["id"]]
check(len(merged) == 1 and merged[0]["id"] == "2505.01456", "the HF page's Unlearning paper joins 2505.01456")
v = [p for p in ps if p["id"] == "2505.02707"]
check(len(v) == 1, "Voila present once")
v = v[0]
check(v["votes"] == 56, "Voila votes 56")
check(v["authors"] == ["Yu Shu", "Guangyi Liu", "Zhiting Hu", "Yemin Shi", "Jaward Sesay", "Jingwen Li", "Siwei Dong"], "Voila authors are the Korean digest's full names")
langs = sorted(set(s["lang"] for s in v["summaries"]))
check(langs == ["en", "ko"], "Voila has English and Korean summaries")
check("Multi-Modal" in v["categories"] and "Text-to-Speech" in v["categories"], "Voila categories include Multi-Modal and Text-to-Speech")
urls = [l["url"] for l in v["links"]]
for u in ["https://arxiv.org/abs/2505.02707", "https://huggingface.co/papers/2505.02707", "https://github.com/maitrix-org/Voila"]:
    check(u in urls, "Voila links include " + u)
kinds = {l["url"]: l["kind"] for l in v["links"]}
check(kinds.get("https://arxiv.org/abs/2505.02707") == "arxiv" and kinds.get("https://github.com/maitrix-org/Voila") == "github", "Voila links classified")
ko = [s for s in v["summaries"] if s["lang"] == "ko"][0]
check([b.get("label") for b in ko["blocks"]] == ["What's New", "Technical Details", "Performance Highlights"], "Korean labelled sections kept as structure")
en_b = [s for s in v["summaries"] if s["lang"] == "en" and len(s["blocks"]) > 1]
check(len(en_b) == 1 and len(en_b[0]["blocks"]) == 5 and all(b["kind"] == "bullet" for b in en_b[0]["blocks"]), "run-together bullets split into 5 bullets")
days = [p["days"][0] if p["days"] else "undated" for p in ps]
order = {"2025-05-09": 0, "2025-05-06": 1, "undated": 2}
check(all(order[a] <= order[b] for a, b in zip(days, days[1:])), "dump ordered by day: newest first, undated last")
d0 = [p for p in ps if p["days"] and p["days"][0] == "2025-05-06"]
vs = [p["votes"] if p["votes"] is not None else -1 for p in d0]
check(vs == sorted(vs, reverse=True), "within a day, votes highest first")
sys.exit(1 if bad else 0)
PY
grep -q '001_03de797d6583e2b0.txt:12: warning: dropped link' "$TMP/err" && ok "malformed [Link]([data]) is warned with its line" || bad "malformed link warning"
finish

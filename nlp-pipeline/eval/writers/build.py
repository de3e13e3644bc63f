#!/usr/bin/env python3
"""Build SPLIT.jsonl from SPLIT-source.txt (hand-written sentences and hand-chosen labels).

Usage: python3 nlp-pipeline/eval/writers/build.py SPLIT   (run in the folder holding SPLIT-source.txt)
"""
import json, sys
SPLIT = sys.argv[1]

from evalset import competitors

CODES = {"pr": "price", "fit": "product_fit", "ease": "ease_of_use", "int": "integration",
         "impl": "implementation", "sup": "support", "sec": "security_compliance",
         "rep": "reputation_trust", "sales": "sales_experience", "roi": "roi_value",
         "perf": "performance_reliability", "ct": "contract_terms", "tb": "timing_budget"}
SENT = {"p": "positive", "n": "negative", "u": "neutral"}

# Every name a writer may put in the competitor column, lower case, to its canonical name.
alias = {name.lower(): canonical for canonical, names in competitors().items() for name in names}

out, industry, outcome, n = [], None, None, 0
for raw in open(f"{SPLIT}-source.txt", encoding="utf-8"):
    line = raw.rstrip("\n")
    if not line.strip() or line.startswith("# "):
        continue
    if line.startswith("## "):
        industry, outcome = [x.strip() for x in line[3:].split("|")]
        continue
    parts = [p.strip() for p in line.split("|")]
    if len(parts) != 4:
        sys.exit(f"bad line: {line}")
    text, comps, crits, s = parts
    comps = [alias[c.strip().lower()] for c in comps.split(";") if c.strip()]
    crits = [CODES[c.strip()] for c in crits.split(",") if c.strip()]
    n += 1
    out.append({"id": f"{SPLIT}-{n:03d}", "text": text, "competitors": comps,
                "criteria": crits, "sentiment": SENT[s], "outcome": outcome, "industry": industry})
with open(f"{SPLIT}.jsonl", "w", encoding="utf-8") as f:
    for r in out:
        f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
print(len(out), "records")

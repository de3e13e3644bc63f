#!/usr/bin/env python3
"""Mechanical checks for one eval split written from BRIEF.md (stdlib only).

Usage: python3 nlp-pipeline/eval/writers/check.py FILE.jsonl [competitors.txt] [used-industries.txt]
       python3 nlp-pipeline/eval/writers/check.py --list-industries   (the industries the eval files already use)
Without a used-industries file, the industries of the eval folder's files (other than FILE's own) count as used.
The ids must be <file name without .jsonl>-001, -002, ...
Exit status 1 if any ERROR; WARNINGs (listed vendor names in a text without a label) never fail.
"""
import json, re, sys
from collections import Counter

import os

from evalset import CRITERIA, EVAL, competitors, industries as industries_of


def industries(skip=None):
    """The industries of the eval folder's *.jsonl files, lower case, leaving out the file named skip."""
    return {industry for path in EVAL.glob("*.jsonl") if path.name != skip for industry in industries_of(path)}


if sys.argv[1:] == ["--list-industries"]:
    print("\n".join(sorted(industries())))
    sys.exit(0)
DATA = sys.argv[1]
COMP = sys.argv[2] if len(sys.argv) > 2 else str(EVAL / "competitors.txt")
USED = sys.argv[3] if len(sys.argv) > 3 else None
PREFIX = os.path.basename(DATA)[:-len(".jsonl")]
FIELDS = ["id", "text", "competitors", "criteria", "sentiment", "outcome", "industry"]
SENTIMENTS = {"positive", "neutral", "negative"}
OUTCOMES = {"won", "lost", "no_decision"}
INTERVIEW_SIZE = (7, 10)

errors, warnings = [], []
def err(where, msg): errors.append(f"ERROR {where}: {msg}")
def warn(where, msg): warnings.append(f"WARNING {where}: {msg}")

# competitor list: canonical -> [names incl. canonical]
names = competitors(COMP)

def pattern(name):
    # case-insensitive, whole word, optional possessive or plural
    return re.compile(r"(?<![\w])" + re.escape(name) + r"(?:'s|\u2019s|s|es)?(?!\w)", re.I)
PATS = {c: [(n, pattern(n)) for n in ns] for c, ns in names.items()}

def mentions(text):
    """canonical -> (first position, matched strings) for every listed name/alias in text."""
    found = {}
    for c, pats in PATS.items():
        hits = [(m.start(), m.group(0)) for _, p in pats for m in p.finditer(text)]
        if hits:
            found[c] = (min(h[0] for h in hits), sorted({h[1] for h in hits}))
    return found

used = ({l.strip().lower() for l in open(USED, encoding="utf-8") if l.strip() and not l.startswith("#")} if USED
        else industries(skip=os.path.basename(DATA)))

records = []
with open(DATA, encoding="utf-8") as f:
    for ln, raw in enumerate(f, 1):
        where = f"line {ln}"
        if not raw.strip():
            err(where, "blank line"); continue
        try:
            pairs = json.loads(raw, object_pairs_hook=lambda p: p)
        except json.JSONDecodeError as e:
            err(where, f"invalid JSON: {e}"); continue
        if not isinstance(pairs, list):
            err(where, "not a JSON object"); continue
        keys = [k for k, _ in pairs]
        if keys != FIELDS:
            err(where, f"fields {keys} != {FIELDS}"); continue
        r = dict(pairs)
        where = f"line {ln} ({r.get('id')})"
        records.append((ln, r))
        if r["id"] != f"{PREFIX}-{ln:03d}":
            err(where, f"id should be {PREFIX}-{ln:03d}")
        if not isinstance(r["text"], str) or not r["text"].strip():
            err(where, "empty text"); continue
        comps, crits = r["competitors"], r["criteria"]
        if not isinstance(comps, list) or not all(isinstance(c, str) for c in comps):
            err(where, "competitors must be a list of strings"); comps = []
        if not isinstance(crits, list) or not all(isinstance(c, str) for c in crits):
            err(where, "criteria must be a list of strings"); crits = []
        if len(set(comps)) != len(comps):
            err(where, f"duplicate competitor labels {comps}")
        if len(set(crits)) != len(crits):
            err(where, f"duplicate criteria {crits}")
        found = mentions(r["text"])
        for c in comps:
            if c not in names:
                err(where, f"competitor {c!r} is not a canonical name in competitors.txt")
            elif c not in found:
                err(where, f"competitor {c!r} labelled but neither name nor alias is in the text")
        known = [c for c in comps if c in found]
        if known != sorted(known, key=lambda c: found[c][0]):
            err(where, f"competitors {comps} not in order of first mention")
        for c, (_, hits) in found.items():
            if c not in comps:
                warn(where, f"{'/'.join(hits)} in text but {c} not labelled: {r['text']}")
        for c in crits:
            if c not in CRITERIA:
                err(where, f"invalid criterion {c!r}")
        if r["sentiment"] not in SENTIMENTS:
            err(where, f"invalid sentiment {r['sentiment']!r}")
        if r["outcome"] not in OUTCOMES:
            err(where, f"invalid outcome {r['outcome']!r}")
        ind = r["industry"]
        if not isinstance(ind, str) or not ind.strip():
            err(where, "empty industry"); continue
        if ind.strip().lower() in used:
            err(where, f"industry {ind!r} is in used-industries.txt")

ids = [r["id"] for _, r in records]
for i, c in Counter(ids).items():
    if c > 1:
        err(i, "duplicate id")

# interviews = maximal runs of consecutive records with the same industry
interviews = []
for ln, r in records:
    if interviews and interviews[-1]["industry"] == r["industry"]:
        interviews[-1]["recs"].append(r)
    else:
        interviews.append({"industry": r["industry"], "recs": [r]})
seen = Counter(iv["industry"] for iv in interviews)
for ind, c in seen.items():
    if c > 1:
        err(ind, f"industry used for {c} separate interviews")
for iv in interviews:
    outs = {r["outcome"] for r in iv["recs"]}
    span = f"{iv['recs'][0]['id']}..{iv['recs'][-1]['id']}"
    if len(outs) != 1:
        err(span, f"interview has several outcomes {sorted(outs)}")
    if not INTERVIEW_SIZE[0] <= len(iv["recs"]) <= INTERVIEW_SIZE[1]:
        err(span, f"interview has {len(iv['recs'])} sentences, expected {INTERVIEW_SIZE[0]}-{INTERVIEW_SIZE[1]}")

crit_count = Counter(c for _, r in records for c in r["criteria"])
MIN_PER_CRITERION = round(len(records) * 0.045)  # 22 of 480, 18 of 400, 14 of 320
for c in sorted(CRITERIA):
    if crit_count[c] < MIN_PER_CRITERION:
        err(c, f"only {crit_count[c]} sentences, need {MIN_PER_CRITERION}")
comp_count = Counter(c for _, r in records for c in r["competitors"])
for c in names:
    if comp_count[c] == 0:
        warn(c, "listed competitor never labelled")

for w in warnings:
    print(w)
for e in errors:
    print(e)
print(f"\n{len(records)} records, {len(interviews)} interviews, {len(errors)} errors, {len(warnings)} warnings")
print("outcomes (interviews):", dict(Counter(iv["recs"][0]["outcome"] for iv in interviews)))
print("sentiment:", dict(Counter(r["sentiment"] for _, r in records)))
print("criteria:", dict(sorted(crit_count.items())))
print("sentences with no criterion:", sum(1 for _, r in records if not r["criteria"]))
print("sentences naming a competitor:", sum(1 for _, r in records if r["competitors"]))
print("competitor labels:", dict(sorted(comp_count.items())))
sys.exit(1 if errors else 0)

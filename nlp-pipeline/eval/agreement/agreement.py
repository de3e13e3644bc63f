#!/usr/bin/env python3
"""Agreement of two label files of the same sentences (eval README, "Second annotator"): criteria and competitors as
micro-F1 (one file taken as the reference; F1 is symmetric), sentiment as the share of sentences with the same label.
Usage: agreement.py FIRST.jsonl SECOND.jsonl"""
import json
import sys


def read(path):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def micro_f1(first, second, field):
    both = sum(len(set(a[field]) & set(b[field])) for a, b in zip(first, second))
    total = sum(len(a[field]) + len(b[field]) for a, b in zip(first, second))
    return 2 * both / total if total else 1.0


first, second = read(sys.argv[1]), read(sys.argv[2])
if [a["id"] for a in first] != [b["id"] for b in second]:
    sys.exit("the two files do not hold the same sentences in the same order")
print("criteria micro-F1 %.3f, competitors micro-F1 %.3f, sentiment agreement %.3f (%d sentences)" % (
    micro_f1(first, second, "criteria"), micro_f1(first, second, "competitors"),
    sum(a["sentiment"] == b["sentiment"] for a, b in zip(first, second)) / len(first), len(first)))
for criterion in sorted({c for item in first + second for c in item["criteria"]}):
    a = sum(criterion in item["criteria"] for item in first)
    b = sum(criterion in item["criteria"] for item in second)
    both = sum(criterion in x["criteria"] and criterion in y["criteria"] for x, y in zip(first, second))
    print("  %-24s F1 %.2f (first %d, second %d, both %d)" % (criterion, 2 * both / (a + b), a, b, both))

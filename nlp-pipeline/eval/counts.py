#!/usr/bin/env python3
"""Prints the "Counts" section of README.md: what each labelled file holds, one row per file.

Usage: python3 nlp-pipeline/eval/counts.py   (standard library only; reads the *.jsonl files beside it)
       python3 nlp-pipeline/eval/counts.py --training   (the training files' paths, in writing order, one a line)
"""
import sys
from collections import Counter
from pathlib import Path

from writers.evalset import CRITERIA, records

HERE = Path(__file__).parent
# In the order they were written.
FILES = ["dev", "test", "holdout", "holdout2", "holdout3", "train5", "holdout4", "train6", "holdout5",
         "train7", "train8", "train9", "train10", "train11", "train12", "train13",
         "train14", "train15", "train16", "train17", "train18", "train19", "train20", "train21", "holdout6",
         "train22", "train23", "train24", "train25", "train26", "train27", "train28", "holdout7",
         "train29", "train30", "train31", "train32", "train33", "train34", "train35", "holdout8",
         "train36", "train37", "train38", "train39", "train40", "train41", "train42", "holdout9",
         "train43", "train44", "train45", "train46", "train47", "train48", "train49", "train50",
         "train51", "train52", "train53", "train54", "train55", "holdout10", "holdout11",
         "holdout12", "train56", "train57", "train58", "train59", "train60",
         "train61", "train62", "train63", "train64", "train65", "train66", "train67",
         "train68", "train69", "train70", "train71", "train72", "train73", "train74", "train75",
         "train76", "train77", "train78", "train79", "train80", "train81", "train82", "train83"]
# Not training data: the blind splits not yet trained on (README table).
BLIND = {"holdout9", "holdout10", "holdout11", "holdout12"}
NOT_USED = set()


def read(name):
    return records(HERE / f"{name}.jsonl")


def share(count, total):
    return f"{count} ({round(100 * count / total)}%)"


def table(header, rows):
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")
    print()


def main():
    data = {name: read(name) for name in FILES}
    label = {name: f"{name} (blind)" if name in BLIND else f"{name} (not used yet)" if name in NOT_USED else name
             for name in FILES}

    print("### Overview\n")
    table(["File", "Sentences", "With a competitor", "With two or more", "With no criterion",
           "With two or more criteria"],
          [[label[n], len(rs), share(sum(1 for r in rs if r["competitors"]), len(rs)),
            sum(1 for r in rs if len(r["competitors"]) > 1), sum(1 for r in rs if not r["criteria"]),
            sum(1 for r in rs if len(r["criteria"]) > 1)] for n, rs in data.items()])

    print("### Sentiment and outcome\n")
    rows = []
    for n, rs in data.items():
        sentiment, outcome = Counter(r["sentiment"] for r in rs), Counter(r["outcome"] for r in rs)
        rows.append([label[n]] + [share(sentiment[s], len(rs)) for s in ("negative", "neutral", "positive")]
                    + [share(outcome[o], len(rs)) for o in ("lost", "won", "no_decision")])
    table(["File", "negative", "neutral", "positive", "lost", "won", "no_decision"], rows)

    print("### Criteria (sentences carrying the label)\n")
    rows = []
    for n, rs in data.items():
        counts = Counter(c for r in rs for c in r["criteria"])
        rows.append([label[n]] + [counts[c] for c in CRITERIA])
    table(["File"] + CRITERIA, rows)

    print("### Competitors (sentences mentioning each)\n")
    training = Counter(c for n, rs in data.items() if n not in BLIND | NOT_USED for r in rs for c in r["competitors"])
    blind = {n: Counter(c for r in data[n] for c in r["competitors"]) for n in FILES if n in BLIND}
    names = sorted(training.keys() | {c for counts in blind.values() for c in counts},
                   key=lambda c: (-training[c], c))
    table(["Competitor", "training files"] + [label[n] for n in blind],
          [[c, training[c]] + [blind[n][c] for n in blind] for c in names])


if __name__ == "__main__":
    if sys.argv[1:] == ["--training"]:
        print("\n".join(str(HERE / f"{name}.jsonl") for name in FILES if name not in BLIND | NOT_USED))
    else:
        main()

#!/usr/bin/env python3
"""Lists training interviews whose industry matches or nearly matches an industry of a blind split (stdlib only).

Usage: python3 nlp-pipeline/eval/writers/overlap.py BLIND.jsonl TRAINING.jsonl...
Writers working at the same time cannot see each other's industries, so a training file can share one with a blind
split written beside it; such interviews are removed (trim.py) before any training. "Nearly" means every content
word of the shorter industry name appears in the other ("hot tub servicing" and "hot tub retail"); read the list
and decide, since it also catches unrelated pairs ("translation memory software" and "memory clinic").
"""
import re, sys
from pathlib import Path

from evalset import industries

# Words that name a kind of business rather than its trade, so they do not make two industries alike.
GENERIC = {"and", "of", "the", "a", "an", "for", "in", "services", "service", "company", "firm", "group", "chain",
           "operator", "operators", "maker", "makers", "manufacturing", "manufacturer", "provider", "providers",
           "business", "shop", "shops", "agency", "co-op", "cooperative", "network", "centre", "center", "clinic",
           "clinics", "studio", "studios", "retail", "wholesale", "distributor", "distribution"}


def words(industry):
    return set(re.findall(r"[a-z]+", industry)) - GENERIC


def main(blind_path, training_paths):
    blind = {industry: words(industry) for industry in industries(blind_path)}
    for path in training_paths:
        for industry in sorted(industries(path)):
            own = words(industry)
            for other, theirs in blind.items():
                shared = own & theirs
                if industry == other or (shared and len(shared) >= min(len(own), len(theirs))):
                    print(f"{Path(path).stem}: {industry!r} ~ {Path(blind_path).stem}: {other!r}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])

"""Reads the eval folder's files one way for the writers' scripts and counts.py (standard library only)."""
import json
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent
# The thirteen criterion ids, in API.md's order.
CRITERIA = ["price", "product_fit", "ease_of_use", "integration", "implementation", "support",
            "security_compliance", "reputation_trust", "sales_experience", "roi_value",
            "performance_reliability", "contract_terms", "timing_budget"]


def competitors(path=EVAL / "competitors.txt"):
    """Each canonical name, in the list's order, with the names it goes by: itself first, then its aliases."""
    names = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            canonical, _, aliases = line.partition(":")
            canonical = canonical.strip()
            names[canonical] = [canonical] + [alias.strip() for alias in aliases.split(",") if alias.strip()]
    return names


def records(path):
    """The labelled sentences of one *.jsonl file."""
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def industries(path):
    """The industries one *.jsonl file uses, lower case."""
    return {record["industry"].strip().lower() for record in records(path)}

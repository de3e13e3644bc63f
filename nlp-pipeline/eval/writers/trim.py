#!/usr/bin/env python3
"""Removes whole interviews from a writer's source file, rebuilds its JSONL and says so in its notes (stdlib only).

Usage: python3 nlp-pipeline/eval/writers/trim.py WORK/SPLIT BLIND 'industry' ['industry'...]
WORK/SPLIT holds SPLIT-source.txt, SPLIT-notes.md and SPLIT.jsonl (BRIEF.md); BLIND names the blind split the
industries clash with (overlap.py). The source before the first trim is kept as SPLIT-source.txt.orig.
"""
import datetime, subprocess, sys
from pathlib import Path


def main(folder, blind, drops):
    folder = Path(folder)
    split = folder.name
    source = folder / f"{split}-source.txt"
    lines = source.read_text(encoding="utf-8").split("\n")
    original = folder / f"{split}-source.txt.orig"
    if not original.exists():
        original.write_text("\n".join(lines), encoding="utf-8")
    kept, dropped, sentences, skipping = [], [], 0, False
    for line in lines:
        if line.startswith("## "):
            industry = line[3:].rsplit("|", 1)[0].strip().lower()
            skipping = industry in drops
            if skipping:
                dropped.append(industry)
        if skipping:
            sentences += 1 if line.strip() and not line.startswith("#") else 0
        else:
            kept.append(line)
    missing = drops - set(dropped)
    if missing:
        sys.exit(f"no interview in {source} has the industry {', '.join(sorted(missing))}")
    source.write_text("\n".join(kept), encoding="utf-8")
    subprocess.run([sys.executable, str(Path(__file__).parent / "build.py"), split], cwd=folder, check=True)
    with open(folder / f"{split}-notes.md", "a", encoding="utf-8") as notes:
        notes.write(f"\n## Trimmed by the lead ({datetime.date.today()})\n\nThe lead removed {len(dropped)} interview(s), "
                    f"{sentences} sentences, whose industry matched or nearly matched an industry of the blind split "
                    f"{blind}, before any training: {', '.join(sorted(dropped))}. The check figures above are from "
                    f"before the trim.\n")
    print(f"{split}: removed {len(dropped)} interview(s), {sentences} sentences")


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], {industry.lower() for industry in sys.argv[3:]})

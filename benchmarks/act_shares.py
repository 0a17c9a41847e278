#!/usr/bin/env python3
"""The acts of the statements found in a corpus: how many statements, the share with a target,
and each act's share and its own share with a target (issue 13 asks for these on news-5k).

    python benchmarks/act_shares.py                          # ../shared/corpus/news-5k.jsonl.gz
    python benchmarks/act_shares.py --input FILE.jsonl[.gz]

Runs the installed ``standpoints`` (one thread) and prints a Markdown table; with ``--plover``
also the PLOVER categories (none: PLOVER codes no event, as for a comment). Not a test:
benchmarks/README.md holds the figures. No target is expected for many SAY statements; a
target-less ACCUSE or URGE usually means a missed target.
"""

from __future__ import annotations

import argparse
import os
from collections import Counter
from pathlib import Path

import standpoints

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STANDPOINTS_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "news-5k.jsonl.gz"


def count(path: Path) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Statements per act, those with a target per act, and statements per PLOVER category."""
    acts: Counter[str] = Counter()
    targeted: Counter[str] = Counter()
    plover: Counter[str] = Counter()
    for doc in standpoints.Analyzer().read_jsonl(str(path), workers=1):
        if not isinstance(doc, standpoints.Document):
            continue
        for s in doc.statements:
            acts[s.act] += 1
            targeted[s.act] += s.target is not None
            plover[getattr(s, "plover", None) or "none"] += 1
    return acts, targeted, plover


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", type=Path, default=CORPUS)
    ap.add_argument("--plover", action="store_true", help="also the PLOVER categories")
    args = ap.parse_args()
    acts, targeted, plover = count(args.input)
    n = sum(acts.values())
    t = sum(targeted.values())
    print(f"{n} statements, {t} with a target ({t / n:.1%})\n")
    print("| act | statements | share | with a target |")
    print("|---|---|---|---|")
    for act, k in acts.most_common():
        print(f"| {act} | {k} | {k / n:.1%} | {targeted[act] / k:.0%} |")
    if args.plover:
        print("\n| PLOVER | statements | share |")
        print("|---|---|---|")
        for cat, k in plover.most_common():
            print(f"| {cat} | {k} | {k / n:.1%} |")


if __name__ == "__main__":
    main()

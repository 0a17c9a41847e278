#!/usr/bin/env python3
"""The Python layers against the analysis they come from, in one run.

    python benchmarks/python_layers.py [--corpus ../shared/corpus/news-5k.jsonl.gz] [--runs 5]

1. The example article (examples/): the analysis (`Analyzer.read`), then `doc.mentions` three ways:
   **before** (the layer rebuilt from the record on every access, as the package did until the
   layers were cached: `doc._build_mentions()` is that code), the **first** access (the record
   parsed from the core's JSON, then the layer built) and **after** (a later access: the cached
   layer, copied into a new list).
2. A corpus (news-5k): the analysis alone (`Analyzer.read_jsonl`, counting Documents) against
   `Corpus(path).to_frames()` (the same analysis, then the four DataFrames), and the frames alone
   from the Documents already analysed (`standpoints.frames(docs)`).

Times are CPU time of the process, best of N; the ratios are what to compare across machines.
Not a test: it prints figures (see benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import standpoints

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "000_b8f9c3329b9111b1.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "news-5k.jsonl.gz"


def best(fn, runs: int, inner: int = 1) -> float:
    """Best CPU seconds per call of fn over `runs` rounds of `inner` calls."""
    out = float("inf")
    for _ in range(runs):
        t = time.process_time()
        for _ in range(inner):
            fn()
        out = min(out, (time.process_time() - t) / inner)
    return out


def layers(runs: int) -> None:
    a = standpoints.Analyzer()
    analysis = best(lambda: a.read(EXAMPLE), runs, 200)
    doc = a.read(EXAMPLE)
    n = len(doc.mentions)
    before = best(doc._build_mentions, runs, 2000)

    def first() -> object:
        return standpoints.Document(doc._core).mentions  # a fresh Document: no record, no layer yet

    first_access = best(first, runs, 500)
    after = best(lambda: doc.mentions, runs, 20000)
    print(f"example article: {len(doc.text):,} characters, {n} mentions")
    print(f"  analysis (Analyzer.read)            {analysis * 1e6:8.1f} us")
    print(f"  doc.mentions before (rebuilt)       {before * 1e6:8.1f} us  {before / analysis:6.1%} of the analysis")
    print(f"  doc.mentions first access           {first_access * 1e6:8.1f} us  "
          f"{first_access / analysis:6.1%} (record parsed + layer built)")
    print(f"  doc.mentions after (cached)         {after * 1e6:8.1f} us  {after / analysis:6.1%}")


def corpus(path: Path, runs: int, workers: int) -> None:
    if not path.exists():
        print(f"corpus: {path} is absent, skipped")
        return
    a = standpoints.Analyzer()
    analysis = best(lambda: sum(1 for _ in a.read_jsonl(path, workers=workers)), runs)
    to_frames = best(lambda: standpoints.Corpus(path, analyzer=a, workers=workers, progress=False).to_frames(), runs)
    docs = list(a.read_jsonl(path))
    frames_only = best(lambda: standpoints.frames(docs), runs)
    rows = {k: len(v) for k, v in standpoints.frames(docs).items()}
    print(f"corpus {path.name}: {rows}, workers={workers}")
    print(f"  analysis (read_jsonl)               {analysis:8.3f} s")
    print(f"  Corpus.to_frames (analysis+frames)  {to_frames:8.3f} s  {to_frames / analysis:5.2f}x the analysis")
    print(f"  frames from analysed Documents      {frames_only:8.3f} s  {frames_only / analysis:6.1%} of the analysis")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    layers(args.runs)
    corpus(args.corpus, args.runs, args.workers)


if __name__ == "__main__":
    main()

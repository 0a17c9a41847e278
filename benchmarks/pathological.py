#!/usr/bin/env python3
"""Linear time on pathological shapes: one huge paragraph against the same text in lines.

    python benchmarks/pathological.py                  # 5,000 .. 40,000 repetitions, both shapes
    python benchmarks/pathological.py --sizes 40000    # one size
    python benchmarks/pathological.py --stage geo      # the pipeline up to geocoding only

Each shape is a phrase repeated N times: `'Russia warned Ukraine ' * N` (one sentence with N
triggers, N names before and after each) and `'He said. ' * N` (N sentences, N pronoun sources).
The same repetitions with a line break after each one make N paragraphs of one repetition.
A stage that is linear in the input takes about the same time for both, and the time grows in
proportion to N; a quadratic one shows as a ratio that grows with N.

Run it with the Python of the environment where `standpoints` is installed (pip install .).
Not a test: nothing here asserts (tests/test_linear_time.py checks a small size). Times are the
CPU time of the process, best of --runs, one thread.
"""

from __future__ import annotations

import argparse
import functools
import time

import standpoints

SHAPES = {"warned": "Russia warned Ukraine", "said": "He said."}


def best_cpu(runs: int, fn) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="5000,10000,20000,40000", help="comma-separated repetition counts")
    ap.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated: " + ", ".join(SHAPES))
    ap.add_argument("--stage", default="all", help="how far the pipeline runs (default all)")
    ap.add_argument("--runs", type=int, default=3, help="best of N runs (default 3)")
    args = ap.parse_args()
    analyzer = standpoints.Analyzer(stage=args.stage)
    print(f"stage {args.stage}, best of {args.runs} runs, CPU seconds")
    print(f"{'shape':8} {'N':>7} {'MB':>6} {'one paragraph':>14} {'lines':>8} {'ratio':>6} {'statements':>10}")
    for shape in args.shapes.split(","):
        unit = SHAPES[shape]
        for n in (int(s) for s in args.sizes.split(",")):
            one = " ".join([unit] * n)
            lines = "\n".join([unit] * n)
            t_one = best_cpu(args.runs, functools.partial(analyzer.parse, one))
            t_lines = best_cpu(args.runs, functools.partial(analyzer.parse, lines))
            statements = len(analyzer.parse(one).statements)
            print(f"{shape:8} {n:7d} {len(one.encode()) / 1e6:6.2f} {t_one:14.3f} {t_lines:8.3f} "
                  f"{t_one / max(t_lines, 1e-9):6.2f} {statements:10d}", flush=True)


if __name__ == "__main__":
    main()

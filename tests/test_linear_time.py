"""Linear time on pathological shapes: one huge paragraph costs no more than the same text in lines.

A ratio measured in the same test (best of a few runs each), not an absolute time: a stage that
reads a sentence or paragraph again for each trigger or pronoun in it shows here as a ratio that
grows with the size (it was 10x and 28x at this size). The big sizes are in
benchmarks/pathological.py.
"""

from __future__ import annotations

import time

import pytest
import standpoints

REPETITIONS = 4000
SHAPES = {"a trigger with names around it": "Russia warned Ukraine", "a pronoun source": "He said."}


def best_cpu(fn, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


@pytest.fixture(scope="module")
def analyzer() -> standpoints.Analyzer:
    return standpoints.Analyzer()


@pytest.mark.parametrize("unit", SHAPES.values(), ids=SHAPES.keys())
def test_one_paragraph_costs_about_what_the_same_lines_cost(analyzer, unit):
    one_paragraph = " ".join([unit] * REPETITIONS)
    in_lines = "\n".join([unit] * REPETITIONS)
    analyzer.parse(one_paragraph)  # warm up (allocations, caches)
    t_one = best_cpu(lambda: analyzer.parse(one_paragraph))
    t_lines = best_cpu(lambda: analyzer.parse(in_lines))
    assert t_one <= 3 * max(t_lines, 1e-4), f"one paragraph {t_one:.4f} s, in lines {t_lines:.4f} s"


def test_the_shapes_still_give_statements(analyzer):
    # The shape is read, not skipped: the one paragraph repeats one statement, which is kept once.
    doc = analyzer.parse(" ".join(["Russia warned Ukraine"] * 50))
    assert [(s.source.text, s.act, s.target.text if s.target else None) for s in doc.statements] == [
        ("Russia", "WARN", "Ukraine")]

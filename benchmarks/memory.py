#!/usr/bin/env python3
"""Peak memory of ``standpoints extract`` on the three hostile shapes of issue 11 (item 8).

    python benchmarks/memory.py                 # the three shapes, one run each
    python benchmarks/memory.py --shapes tiny   # one of them
    python benchmarks/memory.py --json-out /tmp/mem.json

Each shape is written once to a temporary folder (deterministic: built from the news-5k corpus in
``../shared``), then ``python -m standpoints extract FILE -o OUT`` runs in a child process and its
peak resident set size is read from ``getrusage(RUSAGE_CHILDREN)`` (one child per run, so the
figure is that child's peak). The bound the project keeps: peak RSS <= 6 x the largest document
+ the knowledge base, where "the knowledge base" is the peak RSS of the same command on a tiny
article (the interpreter, the extension and the loaded knowledge).

Not a test: it prints a table (benchmarks/README.md holds the figures).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STANDPOINTS_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "news-5k.jsonl.gz"
MB = 10**6


def news_paragraphs() -> list[str]:
    """The paragraphs of news-5k, in corpus order (real news text: a name every few words)."""
    out: list[str] = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            paras = rec.get("paragraphs") or (rec.get("text") or "").split("\n")
            out.extend(p for p in paras if p.strip())
    return out


def repeat_to(paragraphs: list[str], size: int) -> list[str]:
    """Paragraphs taken in a cycle until their UTF-8 size reaches `size` bytes."""
    out, total, i = [], 0, 0
    while total < size:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        total += len(p.encode("utf-8")) + 1
        i += 1
    return out


def make_tiny(folder: Path) -> Path:
    """1,000,000 tiny paragraphs in one article file (11 MB)."""
    p = folder / "tiny.txt"
    with open(p, "w", encoding="utf-8") as f:
        f.write("Tiny paragraphs\n20220203\nhttps://example.com/tiny\n")
        f.write("Talks end.\n" * 1_000_000)
    return p


def make_dense(folder: Path, paragraphs: list[str]) -> Path:
    """One JSON Lines record of 98 MB of news text, one paragraph per news paragraph."""
    p = folder / "dense.jsonl"
    body = repeat_to(paragraphs, 98 * MB)
    with open(p, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "dense", "title": "Dense", "date": "2022-02-03", "paragraphs": body},
                           ensure_ascii=False))
        f.write("\n")
    return p


def make_one_line(folder: Path, paragraphs: list[str]) -> Path:
    """An article file whose body is one 100 MB line of news text (no line break in it)."""
    p = folder / "one-line.txt"
    body = repeat_to(paragraphs, 100 * MB)
    with open(p, "w", encoding="utf-8") as f:
        f.write("One line\n20220203\nhttps://example.com/one\n")
        f.write(" ".join(body))
        f.write("\n")
    return p


def make_base(folder: Path) -> Path:
    p = folder / "base.txt"
    p.write_text("Base\n20220203\nhttps://example.com/base\nRussia warned Ukraine.\n", encoding="utf-8")
    return p


def largest_document(path: Path) -> int:
    """Bytes of the largest document's text in the file (what the bound is relative to)."""
    if path.suffix == ".jsonl":
        best = 0
        with open(path, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                text = rec.get("text") or "\n".join(rec.get("paragraphs") or [])
                best = max(best, len(text.encode("utf-8")))
        return best
    return path.stat().st_size


def peak_rss(path: Path, out: Path, workers: int) -> tuple[int, float, int]:
    """Peak RSS (bytes), wall seconds and exit code of one `standpoints extract` child."""
    cmd = [sys.executable, "-m", "standpoints", "extract", str(path), "-o", str(out), "--workers", str(workers)]
    t0 = time.perf_counter()
    # One fresh intermediate process per run: RUSAGE_CHILDREN of *it* is the child's peak alone.
    probe = ("import resource,subprocess,sys; r=subprocess.run(sys.argv[1:]).returncode; "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r)")
    res = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, check=True)
    kb, rc = res.stdout.split()
    return int(kb) * 1024, time.perf_counter() - t0, int(rc)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shapes", nargs="+", default=["tiny", "dense", "one-line"],
                    choices=["tiny", "dense", "one-line"])
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--keep", metavar="DIR", help="write the shapes here and keep them (default: a temporary folder)")
    ap.add_argument("--json-out", metavar="FILE")
    args = ap.parse_args(argv)
    if not CORPUS.exists() and set(args.shapes) - {"tiny"}:
        sys.exit(f"{CORPUS} is missing: the dense and one-line shapes are built from news-5k")
    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="standpoints-mem-"))
    tmp.mkdir(parents=True, exist_ok=True)
    paragraphs = news_paragraphs() if set(args.shapes) - {"tiny"} else []
    makers = {"tiny": lambda: make_tiny(tmp), "dense": lambda: make_dense(tmp, paragraphs),
              "one-line": lambda: make_one_line(tmp, paragraphs)}
    out = tmp / "out.jsonl"
    base_rss, _, _ = peak_rss(make_base(tmp), out, args.workers)
    print(f"knowledge base (the same command on a one-sentence article): peak RSS {base_rss / MB:.0f} MB")
    rows = []
    print(f"{'shape':<10} {'input MB':>9} {'largest doc MB':>15} {'peak RSS MB':>12} {'x doc':>6} "
          f"{'bound MB':>9} {'wall s':>7} {'exit':>5}")
    for shape in args.shapes:
        path = (tmp / {"tiny": "tiny.txt", "dense": "dense.jsonl", "one-line": "one-line.txt"}[shape])
        if not path.exists():
            path = makers[shape]()
        doc = largest_document(path)
        rss, wall, rc = peak_rss(path, out, args.workers)
        bound = 6 * doc + base_rss
        row = {"shape": shape, "input_bytes": path.stat().st_size, "largest_doc_bytes": doc, "peak_rss": rss,
               "times_doc": (rss - base_rss) / doc, "bound": bound, "within": rss <= bound, "wall_s": wall,
               "exit": rc, "output_bytes": out.stat().st_size if out.exists() else 0}
        rows.append(row)
        print(f"{shape:<10} {row['input_bytes'] / MB:>9.1f} {doc / MB:>15.1f} {rss / MB:>12.0f} "
              f"{row['times_doc']:>6.2f} {bound / MB:>9.0f} {wall:>7.1f} {rc:>5}"
              f"{'' if row['within'] else '  OVER THE BOUND'}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({"base_rss": base_rss, "rows": rows}, indent=1))
    if not args.keep:
        for p in tmp.iterdir():
            p.unlink()
        tmp.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())

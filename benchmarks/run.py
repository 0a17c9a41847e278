#!/usr/bin/env python3
"""Benchmarks for standpoints: the C++ core alone, the Python API, and peers in the same run.

    python benchmarks/run.py                    # core + Python API, stages segment, entities, geo, all
    python benchmarks/run.py --peers            # + spaCy en_core_web_sm and geotext, side by side
    python benchmarks/run.py --dev              # + `standpoints extract` on ../shared/dev, scored
    python benchmarks/run.py --peers --dev --memory   # everything (memory: the CLI over news-5k)

Run it with the Python of the environment where `standpoints` is installed (pip install .).
Not a test: nothing here asserts; it prints figures and ratios (see benchmarks/README.md).
All throughput figures are one thread, best of N runs by CPU time of the process (wall time is
in --json-out); MB = 10^6 bytes of the documents' UTF-8 `text`
(title + paragraphs), unless marked "JSON" (bytes of the JSON lines as read).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STANDPOINTS_SHARED", ROOT.parent / "shared"))
if not SHARED.exists():
    SHARED = Path("/work/shared")
CORPUS = SHARED / "corpus" / "news-5k.jsonl.gz"
DEV = SHARED / "dev"
SCORER = SHARED / "eval" / "score.py"
BUILD = ROOT / "build" / "bench-core"
DATA = ROOT / "python" / "standpoints" / "data"
STAGES = ["segment", "entities", "geo", "all"]

# spaCy's labels as ours (ANNOTATION.md). FAC -> ORG: the facilities news names most are seats of
# government standing for it ("the Kremlin", "the White House", "the Pentagon"), which are ORG here.
# DATE, MONEY, CARDINAL, PRODUCT, WORK_OF_ART, LANGUAGE, ... are dropped (not scored).
SPACY_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP",
                "LAW": "LAW", "EVENT": "EVENT", "FAC": "ORG"}
SPACY_OFFICIAL_ENTS_F = 0.8433  # en_core_web_sm 3.8.0 release notes / official meta.json


def say(msg: str = "") -> None:
    print(msg, flush=True)


def best_of(runs: int, fn) -> tuple[float, float]:
    """Best (minimum) CPU time of the process and best wall time of `runs` calls, in seconds.
    The figures use CPU time, as the C++ runner does: the machine may be shared with other jobs."""
    cpu = wall = float("inf")
    for _ in range(runs):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        wall = min(wall, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    return cpu, wall


# --------------------------------------------------------------------------- corpus
def plain_corpus(tmp: Path) -> Path:
    """news-5k.jsonl.gz decompressed once (the C++ runner takes plain JSON Lines)."""
    out = tmp / "news-5k.jsonl"
    if not out.exists():
        with gzip.open(CORPUS, "rb") as src, open(out, "wb") as dst:
            shutil.copyfileobj(src, dst)
    return out


def corpus_lines(path: Path) -> list[bytes]:
    with open(path, "rb") as f:
        return [line.rstrip(b"\n") for line in f if line.strip()]


# --------------------------------------------------------------------------- C++ core
def build_core() -> Path:
    exe = BUILD / "standpoints_bench"
    cfg = ["cmake", "-S", str(ROOT), "-B", str(BUILD), "-DSTANDPOINTS_BENCHMARKS=ON", "-DSTANDPOINTS_PYTHON=OFF",
           "-DCMAKE_BUILD_TYPE=Release", f"-DPython_EXECUTABLE={sys.executable}"]
    say(f"$ {' '.join(cfg)}")
    subprocess.run(cfg, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", str(BUILD), "--target", "standpoints_bench", "-j", str(os.cpu_count() or 1)],
                   check=True, stdout=subprocess.DEVNULL)
    return exe


def run_core(exe: Path, corpus: Path, stage: str, runs: int) -> dict:
    cmd = [str(exe), "--data", str(DATA), "--input", str(corpus), "--stage", stage, "--runs", str(runs), "--json"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


# --------------------------------------------------------------------------- Python API
def run_python(lines: list[bytes], stage: str, runs: int, batch: int = 64) -> dict:
    """The same records through the binding: Analyzer(stage)._core.analyze_many, batches, workers=1."""
    import standpoints

    t0 = time.perf_counter()
    analyzer = standpoints.Analyzer(stage=stage)
    load_ms = (time.perf_counter() - t0) * 1e3
    core = analyzer._core
    n_docs = 0

    def once():
        nonlocal n_docs
        n_docs = 0
        for i in range(0, len(lines), batch):
            res = core.analyze_many([("json", raw) for raw in lines[i:i + batch]], 1)
            n_docs += sum(1 for r in res if not isinstance(r, tuple))

    secs, wall = best_of(runs, once)
    return {"stage": stage, "seconds": secs, "wall_seconds": wall, "docs": n_docs, "docs_s": n_docs / secs,
            "analyzer_load_ms": load_ms}


def run_python_public(corpus: Path, stage: str, runs: int) -> dict:
    """The public iterator: Analyzer(stage).read_jsonl(path) -> Document objects (file reading included)."""
    import standpoints

    analyzer = standpoints.Analyzer(stage=stage)
    n = 0

    def once():
        nonlocal n
        n = sum(1 for d in analyzer.read_jsonl(corpus) if isinstance(d, standpoints.Document))

    secs, wall = best_of(runs, once)
    return {"stage": stage, "seconds": secs, "wall_seconds": wall, "docs": n, "docs_s": n / secs}


# --------------------------------------------------------------------------- memory
def run_memory() -> dict:
    """The command line over the whole corpus (stage all, one worker): wall time and peak RSS."""
    cmd = [sys.executable, "-m", "standpoints", "extract", str(CORPUS), "--format", "jsonl", "-o", os.devnull,
           "--workers", "1", "--progress", "never"]
    say(f"$ {' '.join(cmd)}")
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    _, status, ru = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - t0
    summary = proc.stderr.read().strip().splitlines()[-1:] if proc.stderr else []
    out = {"seconds": secs, "peak_rss_mb": ru.ru_maxrss / 1024, "exit": os.waitstatus_to_exitcode(status),
           "summary": summary[0] if summary else ""}
    say(f"standpoints extract news-5k (stage all, 1 worker, JSON written to /dev/null): {secs:.1f} s, "
        f"{5000 / secs:.0f} docs/s, peak RSS {out['peak_rss_mb']:.1f} MB (target 200 MB); {out['summary']}")
    return out


# --------------------------------------------------------------------------- dev set
def extract_dev(out: Path) -> None:
    cmd = [sys.executable, "-m", "standpoints", "extract", str(DEV / "articles"), "--format", "jsonl", "-o", str(out)]
    say(f"$ {' '.join(cmd)}")
    subprocess.run(cmd, check=False)


def score(system: Path) -> dict:
    gold = DEV / "gold" / "dev.jsonl"
    res = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--system", str(system), "--json"],
                         check=True, capture_output=True, text=True)
    return json.loads(res.stdout)


def run_dev(tmp: Path) -> dict:
    out = tmp / "dev.jsonl"
    extract_dev(out)
    say(f"$ python {SCORER} --gold {DEV / 'gold' / 'dev.jsonl'} --system {out}")
    subprocess.run([sys.executable, str(SCORER), "--gold", str(DEV / "gold" / "dev.jsonl"), "--system", str(out)])
    return score(out)


# --------------------------------------------------------------------------- report helpers
def table(rows: list[list], header: list[str]) -> str:
    cols = list(zip(*([header] + [[str(c) for c in r] for r in rows])))
    widths = [max(len(c) for c in col) for col in cols]
    fmt = lambda r: "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    return "\n".join([fmt(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [fmt(r) for r in rows])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stages", default=",".join(STAGES), help="comma-separated: read,segment,entities,geo,all")
    ap.add_argument("--runs", type=int, default=3, help="best of N runs (default 3)")
    ap.add_argument("--no-build", action="store_true", help="use build/bench-core as it is")
    ap.add_argument("--public", action="store_true", help="also time the public Analyzer.read_jsonl iterator")
    ap.add_argument("--peers", action="store_true", help="spaCy en_core_web_sm and geotext in the same run")
    ap.add_argument("--sample", type=int, default=200, help="documents of news-5k for spaCy (default 200)")
    ap.add_argument("--dev", action="store_true", help="standpoints extract on ../shared/dev, scored")
    ap.add_argument("--memory", action="store_true",
                    help="peak RSS of `python -m standpoints extract` over the whole corpus (stage all)")
    ap.add_argument("--json-out", metavar="FILE", help="write every figure as JSON here")
    args = ap.parse_args(argv)
    stages = [s for s in args.stages.split(",") if s]
    results: dict = {"date": time.strftime("%Y-%m-%d"), "machine": f"{platform.machine()}, {os.cpu_count()} cores",
                     "python": platform.python_version()}
    say(f"standpoints benchmarks, {results['date']}, {results['machine']}, Python {results['python']}")
    if not CORPUS.exists():
        say(f"no corpus at {CORPUS}: nothing to measure")
        return 1

    with tempfile.TemporaryDirectory(prefix="standpoints-bench-") as tmpdir:
        tmp = Path(tmpdir)
        corpus = plain_corpus(tmp)
        lines = corpus_lines(corpus)
        exe = BUILD / "standpoints_bench" if args.no_build else build_core()

        # ---- core vs Python, per stage
        core_rows, rows = {}, []
        for stage in stages:
            c = run_core(exe, corpus, stage, args.runs)
            core_rows[stage] = c
            py_stage = "segment" if stage == "read" else stage
            p = run_python(lines, py_stage, args.runs) if stage != "read" else None
            row = [stage, f"{c['text_mb_s']:.1f}", f"{c['json_mb_s']:.1f}", f"{c['docs_s']:.0f}"]
            if p:
                py_mb_s = c["text_bytes"] / 1e6 / p["seconds"]
                loss = 1 - p["docs_s"] / c["docs_s"]
                row += [f"{py_mb_s:.1f}", f"{p['docs_s']:.0f}", f"{p['docs_s'] / c['docs_s']:.2f} ({loss:.0%} loss)"]
                c["python"] = p | {"text_mb_s": py_mb_s, "ratio_python_cpp": p["docs_s"] / c["docs_s"]}
                if args.public:
                    q = run_python_public(corpus, py_stage, args.runs)
                    c["python_public"] = q
                    row += [f"{q['docs_s']:.0f} ({q['docs_s'] / c['docs_s']:.2f})"]
            else:
                row += ["-", "-", "-"] + (["-"] if args.public else [])
            rows.append(row)
            say(f"  {stage}: C++ {c['text_mb_s']:.1f} MB/s, {c['docs_s']:.0f} docs/s"
                + (f"; Python {c['python']['docs_s']:.0f} docs/s" if p else ""))
        results["core"] = core_rows
        header = ["stage", "C++ MB/s", "C++ MB/s JSON", "C++ docs/s", "Python MB/s", "Python docs/s",
                  "Python/C++"] + (["read_jsonl docs/s (/C++)"] if args.public else [])
        say()
        say(f"news-5k: {len(lines)} records, {next(iter(core_rows.values()))['text_bytes'] / 1e6:.1f} MB of text, "
            f"one thread, best of {args.runs} by CPU time")
        say(table(rows, header))
        first = next(iter(core_rows.values()))
        peak = max(c["peak_rss_mb"] for c in core_rows.values())
        say(f"knowledge load (C++): first {first['kb_load_first_ms']:.1f} ms, best {first['kb_load_best_ms']:.1f} ms "
            f"(target 150 ms); actors.tsv {first['actors_load_ms']:.1f} ms; "
            f"places.tsv (gazetteer) {first['gazetteer_load_ms']:.1f} ms (target 100 ms)")
        say(f"peak RSS of the C++ runner: {peak:.1f} MB, of which {first['input_mb']:.1f} MB is the corpus held in "
            f"memory (target 200 MB)")

        if args.memory:
            results["memory"] = run_memory()
        if args.dev:
            results["dev"] = run_dev(tmp)

    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

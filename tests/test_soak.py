"""The soak test (issue 11): news-5k with 100 corrupted records mixed in, through the command line.
Every input gives exactly one line, the corrupted ones an error record each, and the good records
come out byte for byte as they do in a clean run."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys


def corrupt(line: bytes, kind: int, n: int) -> bytes:
    """One corrupted record of four kinds: bad UTF-8, wrong types, a truncated line, NULs."""
    mid = len(line) // 2
    if kind == 0:
        return line[:mid] + b"\xff\xfe" + line[mid:]
    if kind == 1:
        bad = [{"id": f"bad{n}", "text": 5}, {"id": f"bad{n}", "paragraphs": [1, None, "x"]},
               {"id": f"bad{n}", "title": {"a": 1}, "text": "Russia warned NATO."}, ["not", "an", "object"],
               {"id": f"bad{n}", "text": ["a list"]}]
        return json.dumps(bad[n % len(bad)]).encode()
    if kind == 2:
        return line[:mid].rstrip()
    if n % 2:
        return line[:mid] + b"\x00" + line[mid:]
    rec = json.loads(line)
    rec["paragraphs"] = ["A paragraph with a NUL \x00 inside."] + (rec.get("paragraphs") or [])
    return json.dumps(rec).encode()


def run(path, out) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "standpoints", "extract", str(path), "-o", str(out),
                           "--workers", "2"], capture_output=True, timeout=600)


def test_news_5k_with_100_corrupted_records(news_5k, tmp_path):
    with gzip.open(news_5k, "rb") as f:
        good = [x.rstrip(b"\n") for x in f if x.strip()]
    assert len(good) == 5000
    mixed: list[bytes] = []
    bad_at: set[int] = set()
    for i, line in enumerate(good):
        mixed.append(line)
        if i % 50 == 25:
            n = len(bad_at)
            bad_at.add(len(mixed))
            mixed.append(corrupt(line, n % 4, n))
    assert len(bad_at) == 100
    clean_in, mixed_in = tmp_path / "clean.jsonl", tmp_path / "mixed.jsonl"
    clean_in.write_bytes(b"\n".join(good) + b"\n")
    mixed_in.write_bytes(b"\n".join(mixed) + b"\n")

    clean = run(clean_in, tmp_path / "clean.out")
    assert clean.returncode == 0, clean.stderr[-2000:]
    r = run(mixed_in, tmp_path / "mixed.out")
    assert r.returncode == 1, r.stderr[-2000:]
    assert b"Traceback" not in r.stderr
    out = (tmp_path / "mixed.out").read_bytes().split(b"\n")
    assert out[-1] == b"" and len(out) - 1 == 5100
    out = out[:-1]
    errors = [i for i, x in enumerate(out) if json.loads(x).keys() == {"error", "path", "line"} or
              "error" in json.loads(x)]
    assert set(errors) == bad_at
    for i in errors:
        assert json.loads(out[i])["line"] == i + 1
    kept = [x for i, x in enumerate(out) if i not in bad_at]
    assert kept == (tmp_path / "clean.out").read_bytes().split(b"\n")[:-1]
    assert "5100 documents, 5000 ok, 100 failed" in r.stderr.decode()

#!/usr/bin/env python3
"""Seed corpus and dictionary for the libFuzzer targets in cpp/fuzz/ (not committed: made anew).

    python tools/fuzz_corpus.py OUT_DIR [--shared ../shared] [--records 300]

Writes OUT_DIR/seeds/ (one file per seed) and OUT_DIR/standpoints.dict:

- seeds: the bundled example and the dev articles (article files as they are), news-5k records
  (every 5,000/N-th line, as the JSON Lines record and as an article file), each cut to 16 KB so
  that one execution stays fast; the first byte of a seed is the selector byte the targets read
  (fuzz_reader: which reader; fuzz_pipeline: article or JSON Lines record);
- dictionary: the tokens a mutation should insert whole: JSON syntax and the record's keys, the
  article format's date and URL shapes, a BOM and invalid UTF-8 sequences, quotation marks, and
  words of the knowledge base (trigger words from acts.tsv, cues from name_cues.tsv, the first
  actor names of actors.tsv), read from python/standpoints/data so they follow the data.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "python" / "standpoints" / "data"
MAX_SEED = 16 * 1024

FIXED_TOKENS = [
    '{', '}', '[', ']', ':', ',', '"', '\\"', '\\n', '\\u0000', '\\ud800', '\\udc00', '\\u00e9', 'null', 'true',
    '1e400', '-0', '"id"', '"title"', '"date"', '"url"', '"text"', '"paragraphs"',
    '20220203', '2022-02-03', '2022-02-30T10:00:00Z', 'unknown', 'https://www.', 'http://', '\r\n', '\r',
    '\xef\xbb\xbf', '\xff', '\xc3', '\xe2\x80', '\xed\xa0\x80', '\xf4\x90\x80\x80', '\x00',
    '\xe2\x80\x9c', '\xe2\x80\x9d', '\xe2\x80\x99s', '\xc2\xa0', '\xe3\x80\x80', '. ', '." ', ', ', ' (', ') ',
    'Mr.', 'U.S.', "'s", 'According to', 'said', 'told', 'he', 'she', 'they', 'the', 'of', 'in', 'on',
    '\xc8\x98', '\xc6\x8f', '\xc4\xb0', '\xe2\x84\xaa',
]


def dict_entry(token: str | bytes) -> str:
    raw = token.encode("latin-1") if isinstance(token, str) else token
    body = "".join(chr(b) if 0x20 <= b < 0x7F and b not in (0x22, 0x5C) else f"\\x{b:02X}" for b in raw)
    return f'"{body}"'


def data_tokens() -> list[bytes]:
    out: list[bytes] = []
    for name, column, limit in (("acts.tsv", "forms", 400), ("name_cues.tsv", "cue", 200)):
        rows = [r for r in (DATA / name).read_text("utf-8").splitlines() if r and not r.startswith("#")]
        header = rows[0].split("\t")
        col = header.index(column) if column in header else 0
        for r in rows[1:limit]:
            parts = r.split("\t")
            if len(parts) > col:
                out.extend(f.encode() for f in parts[col].split("|") if f)
    rows = [r for r in (DATA / "actors.tsv").read_text("utf-8").splitlines() if r and not r.startswith("#")]
    header = rows[0].split("\t")
    name_col = header.index("name")
    out.extend(r.split("\t")[name_col].encode() for r in rows[1:300] if len(r.split("\t")) > name_col)
    return out


def seeds(shared: Path, n_records: int) -> list[bytes]:
    articles = [ROOT / "examples" / "000_b8f9c3329b9111b1.txt"] + sorted((shared / "dev" / "articles").glob("*.txt"))
    out = [p.read_bytes() for p in articles if p.is_file()]
    corpus = shared / "corpus" / "news-5k.jsonl.gz"
    if corpus.is_file():
        with gzip.open(corpus, "rb") as f:
            lines = [x.rstrip(b"\n") for x in f]
        step = max(1, len(lines) // n_records)
        for line in lines[::step][:n_records]:
            out.append(line)
            rec = json.loads(line)
            paras = rec.get("paragraphs") or (rec.get("text") or "").split("\n")
            article = "\n".join([rec.get("title") or "", (rec.get("date") or "").replace("-", ""),
                                 rec.get("url") or "", *paras])
            out.append(article.encode("utf-8"))
    return [s[:MAX_SEED] for s in out]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--records", type=int, default=300, help="news-5k records to take (default 300)")
    args = ap.parse_args(argv)
    seed_dir = args.out / "seeds"
    seed_dir.mkdir(parents=True, exist_ok=True)
    made = seeds(args.shared, args.records)
    for i, s in enumerate(made):
        # Selector byte first: JSON Lines records to the JSON readers, articles to the article reader.
        selector = b"\x02" if s.lstrip()[:1] == b"{" else b"\x00"
        (seed_dir / f"seed-{i:05}").write_bytes(selector + s)
    tokens: list[str | bytes] = [*FIXED_TOKENS, *data_tokens()]
    entries = sorted({dict_entry(t) for t in tokens if 0 < len(t) <= 64})
    (args.out / "standpoints.dict").write_text("\n".join(entries) + "\n", encoding="ascii")
    print(f"{len(made)} seeds in {seed_dir}, {len(entries)} dictionary tokens in {args.out / 'standpoints.dict'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

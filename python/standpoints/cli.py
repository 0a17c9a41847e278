"""The ``standpoints`` command line.

``standpoints extract PATH... [--format jsonl|json|csv|parquet] [-o FILE|DIR] [--fields F,...] [--workers N]``

Inputs: article files in the seed format (``*.txt``), JSON Lines (``*.jsonl``, ``*.jsonl.gz``),
folders (searched recursively for those), and ``-`` for standard input (JSON Lines when it starts
with ``{``, else one seed-format article). Every input document yields exactly one output line:
its record, or ``{"error": ..., "path": ..., "line": ...}``; the run goes on. Exit status: 0 when
every input succeeded, 1 when some failed, 2 for usage errors. A one-line summary goes to
standard error; a progress bar too when standard error is a terminal.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import IO

__all__ = ["main"]

# Inputs per call into the core: large enough to keep the workers busy, small enough to
# stream (and to notice Ctrl-C between batches).
BATCH = 64
BATCH_BYTES = 16 << 20


class Job:
    """One input document: where it came from and the core's input tuple (or a failure)."""

    __slots__ = ("path", "line", "item", "error", "size")

    def __init__(self, path: str, line: int | None, item: tuple | None, error: str | None = None, size: int = 0):
        self.path, self.line, self.item, self.error, self.size = path, line, item, error, size


def _is_jsonl(path: str) -> bool:
    return path.endswith(".jsonl") or path.endswith(".jsonl.gz") or path.endswith(".ndjson")


def _walk(folder: str) -> list[str]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for f in sorted(files):
            if f.endswith(".txt") or _is_jsonl(f):
                found.append(os.path.join(root, f))
    return found


def _jsonl_jobs(path: str, stream: Iterable[bytes]) -> Iterator[Job]:
    for n, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        yield Job(path, n, ("json", raw), size=len(raw))


def _jobs(paths: list[str], input_format: str, stdin: IO[bytes]) -> Iterator[Job]:
    for p in paths:
        if p == "-":
            data = stdin.read()
            head = data.lstrip()[:1]
            if head == b"{":
                import io

                yield from _jsonl_jobs("<stdin>", io.BytesIO(data))
            else:
                yield Job("<stdin>", None, ("bytes", data, input_format, "stdin"), size=len(data))
            continue
        if os.path.isdir(p):
            files = _walk(p)
            if not files:
                yield Job(p, None, None, "folder holds no *.txt, *.jsonl or *.jsonl.gz files")
            for f in files:
                yield from _file_jobs(f, input_format)
            continue
        yield from _file_jobs(p, input_format)


def _file_jobs(path: str, input_format: str) -> Iterator[Job]:
    if not os.path.exists(path):
        yield Job(path, None, None, "no such file or folder")
        return
    if _is_jsonl(path):
        opener = gzip.open if path.endswith(".gz") else open
        try:
            with opener(path, "rb") as f:
                yield from _jsonl_jobs(path, f)
        except (OSError, EOFError) as e:  # unreadable or truncated gzip
            yield Job(path, None, None, f"cannot read: {e}")
        return
    try:
        size = os.path.getsize(path)
    except OSError as e:
        yield Job(path, None, None, f"cannot read: {e}")
        return
    yield Job(path, None, ("file", path, input_format, None), size=size)


def _batches(jobs: Iterator[Job]) -> Iterator[list[Job]]:
    batch: list[Job] = []
    size = 0
    for j in jobs:
        batch.append(j)
        size += j.size
        if len(batch) >= BATCH or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _error_record(job: Job, message: str, line: int | None = None, offset: int | None = None) -> dict:
    rec: dict[str, str | int] = {"error": message, "path": job.path}
    line = job.line if job.line is not None else line
    if line is not None:
        rec["line"] = line
    if offset is not None:
        rec["byte_offset"] = offset
    return rec


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="standpoints", description="Who is in a news article, where, and which "
                                     "positions they take toward whom.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    ex = sub.add_parser("extract", help="analyse articles and write one JSON record per document",
                        description="Analyse articles; every input document yields exactly one output line.")
    ex.add_argument("paths", nargs="+", metavar="PATH",
                    help="article files (*.txt), JSON Lines (*.jsonl, *.jsonl.gz), folders, or - for standard input")
    ex.add_argument("--format", choices=["jsonl", "json", "csv", "parquet"], default="jsonl",
                    help="jsonl: one record per line (default); json: one JSON array; csv, parquet: the tables "
                    "documents, mentions, entities, statements and errors in the folder given by -o")
    ex.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output (a folder for "
                    "csv and parquet)")
    ex.add_argument("--fields", metavar="F,...", help="the record's fields to write (id,date,statements), or to "
                    "leave out (-text,-sentences); for csv and parquet: which tables, and text the documents' text")
    ex.add_argument("--workers", type=int, default=1, metavar="N", help="threads (-1: all cores; default 1)")
    ex.add_argument("--errors", choices=["strict", "replace"], default="strict",
                    help="invalid UTF-8: an error record (strict, default) or U+FFFD replacement (replace)")
    ex.add_argument("--input-format", choices=["article", "plain"], default="article",
                    help="how *.txt files are read: the seed article format (default) or plain text")
    ex.add_argument("--actors", action="append", default=[], metavar="FILE",
                    help="your own actor file (TSV, JSON or PETRARCH .txt); may be repeated")
    ex.add_argument("--stage", choices=["segment", "entities", "geo", "statements", "all"], default="all",
                    help="run the pipeline up to this stage (default: all)")
    ex.add_argument("--progress", choices=["auto", "always", "never"], default="auto",
                    help="progress bar on standard error (auto: when it is a terminal)")
    return parser


def _version() -> str:
    from . import __version__

    return __version__


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.workers == 0 or args.workers < -1:
        parser.error("--workers must be a positive number or -1")
    from .analyzer import Analyzer
    from .errors import KnowledgeError
    from .tables import TableSink, parse_fields, select_fields

    try:
        fields = parse_fields(args.fields)
    except ValueError as e:
        parser.error(str(e))
    tables = args.format in ("csv", "parquet")
    if tables and not args.output:
        parser.error(f"--format {args.format} writes a folder of tables: give it with -o DIR")

    try:
        analyzer = Analyzer(args.actors or None, errors=args.errors, stage=args.stage)
    except (KnowledgeError, OSError) as e:
        print(f"standpoints: {e}", file=sys.stderr)
        return 2

    out: IO[str]
    sink: TableSink | None = None
    if tables:
        try:
            sink = TableSink(args.output, args.format, fields)
        except (OSError, ImportError) as e:
            print(f"standpoints: cannot write {args.format} tables to {args.output}: {e}", file=sys.stderr)
            return 2
        out = open(os.devnull, "w", encoding="utf-8")
    elif args.output:
        try:
            out = open(args.output, "w", encoding="utf-8", newline="\n")
        except OSError as e:
            print(f"standpoints: cannot write {args.output}: {e}", file=sys.stderr)
            return 2
    else:
        out = sys.stdout
        # Records are UTF-8 JSON whatever the locale says (LANG=C, PYTHONIOENCODING=ascii).
        if hasattr(out, "reconfigure"):
            out.reconfigure(encoding="utf-8", newline="\n")
    show = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    bar = None
    if show:
        from tqdm import tqdm

        bar = tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True)
    ok = failed = 0
    t0 = time.perf_counter()
    first = True
    core = analyzer._core
    try:
        if args.format == "json":
            out.write("[")
        for batch in _batches(_jobs(args.paths, args.input_format, sys.stdin.buffer)):
            items = [j.item for j in batch if j.item is not None]
            results = iter(core.analyze_many(items, args.workers)) if items else iter(())
            for job in batch:
                if job.item is None:
                    error = _error_record(job, job.error or "failed")
                    line = json.dumps(error, ensure_ascii=False)
                    failed += 1
                else:
                    r = next(results)
                    if isinstance(r, tuple):
                        _, message, err_line, offset = r
                        error = _error_record(job, message, err_line, offset)
                        line = json.dumps(error, ensure_ascii=False)
                        failed += 1
                    else:
                        error = None
                        line = "" if sink is not None else select_fields(r.to_json(-1), fields)
                        ok += 1
                if sink is not None:  # tables: the record goes to the sink, not to `out`
                    sink.error(error) if error is not None else sink.document(r)
                    continue
                # Two writes, not one concatenation: a record can be gigabytes.
                if args.format == "json":
                    out.write("\n" if first else ",\n")
                    out.write(line)
                else:
                    out.write(line)
                    out.write("\n")
                first = False
            if bar is not None:
                bar.update(len(batch))
        if args.format == "json":
            out.write("\n]\n" if not first else "]\n")
        if sink is not None:
            sink.close()
        out.flush()
    except KeyboardInterrupt:
        print(f"\nstandpoints: interrupted after {ok + failed} documents", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): point stdout at /dev/null so that the interpreter's
        # final flush does not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    finally:
        if bar is not None:
            bar.close()
        if args.output or sink is not None:
            out.close()
    dt = time.perf_counter() - t0
    total = ok + failed
    print(f"standpoints: {total} documents, {ok} ok, {failed} failed, {dt:.2f} s", file=sys.stderr)
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

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
import contextlib
import gzip
import itertools
import json
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import IO, Any

__all__ = ["main", "write_records"]

INPUT_SUFFIXES = (".txt", ".jsonl", ".jsonl.gz", ".ndjson")


class Usage(Exception):
    """A usage error found after parsing the arguments (exit status 2)."""


class Tally:
    """What has been written so far (the summary line, also after Ctrl-C)."""

    __slots__ = ("ok", "failed")

    def __init__(self) -> None:
        self.ok = self.failed = 0


def _is_jsonl(path: str) -> bool:
    return path.endswith((".jsonl", ".jsonl.gz", ".ndjson"))


def _walk(folder: str) -> Iterator[str | Any]:
    """The input files under `folder`, sorted, recursively: regular files only (a FIFO or a device
    named *.txt would block the run or never end). A subfolder that cannot be listed yields a
    ReadError naming it, in its place."""
    from .errors import ReadError

    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        yield ReadError(f"cannot list the folder: {e.strerror or e}", folder)
        return
    # As os.walk goes: a folder's files first, then its subfolders, each in name order.
    subfolders = []
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):  # as os.walk: no loop through a link
                subfolders.append(entry.path)
            elif entry.name.endswith(INPUT_SUFFIXES) and entry.is_file():
                yield entry.path
        except OSError as e:
            yield ReadError(f"cannot read: {e.strerror or e}", entry.path)
    for sub in subfolders:
        yield from _walk(sub)


def _jsonl_items(path: str, stream: Iterable[bytes]) -> Iterator[Any]:
    # Records whose bytes the core frees once read: a huge line is not held while it is analysed.
    from .analyzer import _taken_lines

    yield from _taken_lines(enumerate(stream, 1), path)


def _stdin_items() -> Iterator[Any]:
    """Standard input: JSON Lines when it starts with ``{``, else one article. Read only when
    ``-`` is given, and line by line (a JSON Lines stream is never held whole)."""
    from .errors import ReadError

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None or stream.closed:
        yield ReadError("standard input is closed", "<stdin>")
        return
    try:
        lines = iter(stream)
        head: list[bytes] = []
        for raw in lines:  # blank lines before the first record or the article
            head.append(raw)
            if not raw.isspace():
                break
        if _first_byte(head) == b"{":
            del raw
            yield from _jsonl_items("<stdin>", itertools.chain(_drained(head), lines))
        else:
            yield b"".join(head) + stream.read()
    except OSError as e:
        yield ReadError(f"cannot read standard input: {e.strerror or e}", "<stdin>")


def _first_byte(head: list[bytes]) -> bytes:
    """The first byte that is no white space in the lines of `head` (all blank but the last), or
    b"" when there is none; without copying a line (the last may be a huge record)."""
    last = head[-1] if head else b""
    m = _SPACES.match(last)
    at = m.end() if m else 0
    return last[at:at + 1]


def _drained(head: list[bytes]) -> Iterator[bytes]:
    """The lines of `head`, each dropped from it as it is given: the first record of standard input
    is then held by the reader alone, not by this list as well while it is analysed."""
    while head:
        yield head.pop(0)


def _items(paths: list[str]) -> Iterator[Any]:
    """Every input document of the command line, in order: paths of article files, JsonLine
    records, the bytes of standard input, or a ReadError in the place of what cannot be read."""
    from .errors import ReadError

    for p in paths:
        if p == "-":
            yield from _stdin_items()
            continue
        if os.path.isdir(p):
            found = False
            for f in _walk(p):
                found = True
                yield from _file_items(f) if isinstance(f, str) else [f]
            if not found:
                yield ReadError("folder holds no *.txt, *.jsonl or *.jsonl.gz files", p)
            continue
        yield from _file_items(p)


def _file_items(path: str) -> Iterator[Any]:
    from .errors import ReadError

    if not os.path.lexists(path):
        yield ReadError("no such file or folder", path)
        return
    if not _is_jsonl(path):
        yield Path(path)
        return
    opener: Any = gzip.open if path.endswith(".gz") else open
    n = 0
    try:
        with opener(path, "rb") as f:
            for item in _jsonl_items(path, f):
                n = item.line
                yield item
    except (OSError, EOFError) as e:  # unreadable, or a truncated gzip stream
        yield ReadError(f"cannot read: {getattr(e, 'strerror', None) or e}", path, n + 1 if n else None)


_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACES = re.compile(rb"\s*")


def _error_line(e: Any) -> bytes:
    """The error record of a ReadError as one line of JSON (UTF-8). A path that is not UTF-8 was
    decoded as os.fsdecode does (surrogateescape); its lone surrogates are written as JSON escapes
    (``\\udcff``), so that the line is valid UTF-8 and json.loads gives back os.fsdecode's name."""
    text = json.dumps(_error_record(e), ensure_ascii=False)
    return _SURROGATE.sub(lambda m: "\\u%04x" % ord(m.group()), text).encode("utf-8")


class WholeRecords:
    """Ctrl-C while a record is written takes effect once it is written and counted, so that the
    output holds whole records only and the summary counts exactly those (installed as the
    SIGINT handler; outside a record, Ctrl-C interrupts at once)."""

    def __init__(self) -> None:
        self.writing = False
        self.pending = False

    def install(self) -> None:
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, self._on_sigint)

    def _on_sigint(self, signum: int, frame: Any) -> None:
        if self.writing:
            self.pending = True
        else:
            raise KeyboardInterrupt

    def __enter__(self) -> None:
        self.writing = True

    def __exit__(self, kind: Any, value: Any, tb: Any) -> None:
        self.writing = False
        if self.pending and kind is None:
            self.pending = False
            raise KeyboardInterrupt


def _error_record(e: Any) -> dict[str, Any]:
    rec: dict[str, Any] = {"error": e.reason, "path": e.path}
    if e.line is not None:
        rec["line"] = e.line
    if e.byte_offset is not None:
        rec["byte_offset"] = e.byte_offset
    return rec


def write_records(results: Iterable[Any], out: IO[bytes], fmt: str, tally: Tally,
                  whole: AbstractContextManager[Any] | None = None, fields: list[str] | None = None,
                  sink: Any = None) -> None:
    """Writes each result as it arrives: a Document's record or a ReadError's error record, one
    JSON line each (``jsonl``) or the elements of one JSON array (``json``), or, with a `sink`
    (``csv``/``parquet``: a :class:`standpoints.tables.TableSink`), rows of its tables. Each record
    is flushed whole (inside `whole`), so that a crash or a kill loses only the documents still in
    flight, and a huge record is streamed from the core in pieces, never held whole (unless
    `fields` picks some of its fields). `tally` counts them."""
    from .errors import ReadError

    whole = whole if whole is not None else contextlib.nullcontext()
    if sink is not None:
        for r in results:
            with whole:
                if isinstance(r, ReadError):
                    sink.error(_error_record(r))
                    tally.failed += 1
                else:
                    sink.document(r)
                    tally.ok += 1
        sink.close()
        return
    first = True
    if fmt == "json":
        out.write(b"[")
    for r in results:
        with whole:
            if fmt == "json":
                out.write(b"\n" if first else b",\n")
            if isinstance(r, ReadError):
                out.write(_error_line(r))
            elif fields is not None:
                from .tables import select_fields

                out.write(select_fields(r.to_json(), fields).encode("utf-8"))
            else:
                r.write_json(out)
            if fmt == "jsonl":
                out.write(b"\n")
            out.flush()
            if isinstance(r, ReadError):
                tally.failed += 1
            else:
                tally.ok += 1
            first = False
    if fmt == "json":
        out.write(b"]\n" if first else b"\n]\n")
        out.flush()


def _workers(text: str) -> int:
    from .analyzer import MAX_WORKERS

    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if n != -1 and not 1 <= n <= MAX_WORKERS:
        raise argparse.ArgumentTypeError(f"must be -1 (every core) or 1..{MAX_WORKERS}, not {text}")
    return n


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
    ex.add_argument("-o", "--output", metavar="FILE",
                    help="write here instead of standard output (a folder for csv and parquet; never an input, "
                    "nor inside a folder given)")
    ex.add_argument("--fields", metavar="F,...", help="the record's fields to write (id,date,statements), or to "
                    "leave out (-text,-sentences); for csv and parquet: which tables, and text the documents' text")
    ex.add_argument("--workers", type=_workers, default=1, metavar="N",
                    help="threads (-1: all cores; default 1)")
    ex.add_argument("--errors", choices=["strict", "replace"], default="strict",
                    help="invalid UTF-8: an error record (strict, default) or U+FFFD replacement (replace)")
    ex.add_argument("--input-format", choices=["article", "plain"], default="article",
                    help="how *.txt files are read: the seed article format (default) or plain text")
    ex.add_argument("--actors", action="append", default=[], metavar="FILE",
                    help="your own actor file (TSV, JSON or PETRARCH .txt); may be repeated")
    ex.add_argument("--acts", action="append", default=[], metavar="FILE",
                    help="your own act entries (trigger words, cues) in the acts.tsv shape; they add to or "
                         "override the built-in ones; may be repeated")
    ex.add_argument("--stage", choices=["segment", "entities", "geo", "statements", "all"], default="all",
                    help="run the pipeline up to this stage (default: all)")
    ex.add_argument("--progress", choices=["auto", "always", "never"], default="auto",
                    help="progress bar on standard error (auto: when it is a terminal)")
    return parser


def _version() -> str:
    from . import __version__

    return __version__


def _check_output(output: str, paths: list[str], folder: bool = False) -> None:
    """-o must not name an input, nor lie inside a folder that is scanned (the run would read
    its own output back, or empty its input before reading it). It names a file, or with
    `folder` (the table formats) a folder."""
    out = os.path.realpath(output)
    if os.path.isdir(out) and not folder:
        raise Usage(f"-o {output}: is a folder")
    for p in paths:
        if p == "-" or not os.path.exists(p):
            continue
        real = os.path.realpath(p)
        if os.path.isdir(real):
            if os.path.commonpath([out, real]) == real:
                raise Usage(f"-o {output} lies inside the input folder {p}: the run would read its own output")
        elif out == real or (os.path.exists(out) and os.path.samefile(out, real)):
            raise Usage(f"-o {output} is also an input: writing would empty it before it is read")


def _open_output(output: str | None) -> IO[bytes]:
    if output is None:
        sys.stdout.flush()
        return sys.stdout.buffer
    return open(output, "wb")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from .tables import TableSink, parse_fields

    tables = args.format in ("csv", "parquet")
    try:
        fields = parse_fields(args.fields)
        if tables and not args.output:
            raise Usage(f"--format {args.format} writes a folder of tables: give it with -o DIR")
        if args.output:
            _check_output(args.output, args.paths, folder=tables)
    except (Usage, ValueError) as e:
        parser.error(str(e))
    from .analyzer import Analyzer
    from .errors import KnowledgeError

    try:
        analyzer = Analyzer(args.actors or None, errors=args.errors, stage=args.stage, acts=args.acts or None)
    except (KnowledgeError, OSError) as e:
        print(f"standpoints: {e}", file=sys.stderr)
        return 2
    sink = None
    out: IO[bytes]
    try:
        if tables:
            sink = TableSink(args.output, args.format, fields)
            out = open(os.devnull, "wb")
        else:
            out = _open_output(args.output)
    except (OSError, ImportError) as e:
        print(f"standpoints: cannot write {args.output}: {getattr(e, 'strerror', None) or e}", file=sys.stderr)
        return 2
    tally = Tally()
    t0 = time.perf_counter()
    results = analyzer.analyze_many(_items(args.paths), workers=args.workers, format=args.input_format)
    show = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    if show:
        from tqdm import tqdm

        results = tqdm(results, unit="doc", file=sys.stderr, dynamic_ncols=True)
    where = args.output or "standard output"
    whole = WholeRecords()
    whole.install()
    try:
        write_records(results, out, args.format, tally, whole, fields, sink)
        if args.output:
            out.close()
    except KeyboardInterrupt:
        _finish_output(out)
        print(f"\nstandpoints: interrupted: {_summary(tally, t0)}", file=sys.stderr, flush=True)
        os._exit(130)  # the documents in flight are dropped, not waited for
    except BrokenPipeError:
        # The reader went away (`| head`): point stdout at /dev/null so that the interpreter's
        # final flush does not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as e:  # a full disk, a file system gone away
        print(f"standpoints: cannot write {where}: {e.strerror or e}; {_summary(tally, t0)} before that",
              file=sys.stderr, flush=True)
        os._exit(1)  # nothing more can be written: no final flush, no wait for the documents in flight
    print(f"standpoints: {_summary(tally, t0)}", file=sys.stderr)
    return 0 if tally.failed == 0 else 1


def _summary(tally: Tally, t0: float) -> str:
    total = tally.ok + tally.failed
    return f"{total} documents, {tally.ok} ok, {tally.failed} failed, {time.perf_counter() - t0:.2f} s"


def _finish_output(out: IO[bytes]) -> None:
    try:
        out.flush()
    except OSError:
        pass


if __name__ == "__main__":
    sys.exit(main())

"""The Analyzer: the knowledge base loaded once, the pipeline run on many documents.

One Analyzer is safe to share across threads: the core keeps no mutable state, and batch
calls release the GIL for the whole batch.
"""

from __future__ import annotations

import gzip
import logging
import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from . import _core
from .document import INPUT_FIELDS, Document
from .errors import ReadError

__all__ = ["Analyzer", "DATA_DIR", "default_analyzer"]

log = logging.getLogger("standpoints")

DATA_DIR = Path(__file__).resolve().parent / "data"

_STAGES = {"segment": 1, "entities": 2, "geo": 3, "statements": 4, "all": 4}


def _as_item(x: Any, format: str = "article") -> tuple:
    """What ``analyze_many`` accepts, as the core's input tuple.

    - ``os.PathLike`` (``pathlib.Path``): a file in the seed format (or plain text with format="plain");
    - ``str``: the text of an article (plain text: every non-empty line is a paragraph, no title);
    - ``bytes``: the raw contents of a seed-format file;
    - ``dict``: a JSON Lines record ``{"id", "title", "date", "url", "text" | "paragraphs"}``.
    """
    if isinstance(x, os.PathLike):
        return ("file", os.fspath(x), format, None)
    if isinstance(x, str):
        return ("fields", None, _text(x), None, None, "")
    if isinstance(x, (bytes, bytearray, memoryview)):
        return ("bytes", bytes(x), format, "")
    if isinstance(x, dict):
        text = x.get("text")
        if text is None and isinstance(x.get("paragraphs"), list):
            text = "\n".join(p for p in x["paragraphs"] if isinstance(p, str))
        title = x.get("title")
        return ("fields", None if title is None else _text(str(title)), _text(text or ""), _opt_str(x.get("date")),
                _opt_str(x.get("url")), _field(str(x.get("id") or "")))
    raise TypeError(f"cannot analyse a {type(x).__name__}: give a path, a str, bytes or a dict")


def _opt_str(v: Any) -> str | bytes | None:
    return None if v is None else _field(str(v))


def _text(s: str) -> str | bytes:
    """Text for the core. A ``str`` holding lone surrogates (from ``surrogateescape`` decoding, say)
    has no UTF-8 form: it goes as bytes with the surrogates encoded, so that the core reports invalid
    UTF-8 (or replaces it with ``errors="replace"``) instead of the conversion failing."""
    if s.isascii():
        return s
    try:
        return s.encode("utf-8")
    except UnicodeEncodeError:
        return s.encode("utf-8", "surrogatepass")


def _field(s: str) -> str | bytes:
    """A metadata field (date, URL, id) for the core; lone surrogates become "?"."""
    return s if s.isascii() else s.encode("utf-8", "replace")


def _result(r: Any, path: str = "", line: int | None = None, meta: dict | None = None) -> Document | ReadError:
    if isinstance(r, tuple):
        _, message, err_line, offset = r
        return ReadError(message, path, line if line is not None else err_line, offset)
    return Document(r, meta=meta)


def _meta(x: Any) -> dict | None:
    """The fields of an input dict that the core does not read (kept in Document.meta)."""
    if not isinstance(x, dict) or x.keys() <= INPUT_FIELDS:
        return None
    return {k: v for k, v in x.items() if k not in INPUT_FIELDS}


# Date lines that mean "no date" (the reader's placeholders): no warning for these.
_NO_DATE = {"", "unknown", "none", "null", "n/a", "-"}


def _check_date(given: Any, doc: Document | ReadError, where: str = "") -> None:
    """Logs a warning when a date was given but the document has none (it could not be read)."""
    if given is None or not isinstance(doc, Document) or doc.date is not None:
        return
    if str(given).strip().lower() in _NO_DATE:
        return
    log.warning("%sdate %r could not be read (YYYY-MM-DD or YYYYMMDD): the document's date is null",
                where, str(given)[:40])


def _looks_like_a_path(s: str) -> bool:
    """A str given as an article's text that is more likely a file name: one short line naming an
    existing file, or ending in an input file's extension."""
    if len(s) > 1024 or "\n" in s or not s.strip():
        return False
    t = s.strip()
    if " " not in t and t.lower().endswith((".txt", ".jsonl", ".jsonl.gz", ".ndjson", ".gz", ".json")):
        return True
    try:
        return os.path.isfile(t)
    except (OSError, ValueError):
        return False


class Analyzer:
    """Reads and analyses news articles.

    Parameters
    ----------
    actors:
        Your own actor files (a path or a list of paths): TSV in the ``actors.tsv`` shape,
        JSON, or PETRARCH/TABARI ``.txt`` dictionaries. Your entries win over the built-in ones.
    errors:
        ``"strict"`` (invalid UTF-8 is an error naming the byte offset) or ``"replace"``
        (invalid bytes become U+FFFD, as Python's ``errors="replace"``).
    stage:
        How far the pipeline runs: ``"segment"``, ``"entities"``, ``"geo"``, ``"statements"``
        or ``"all"`` (the default).
    """

    def __init__(self, actors: str | os.PathLike | Iterable[str | os.PathLike] | None = None, *,
                 errors: str = "strict", stage: str = "all"):
        if stage not in _STAGES:
            raise ValueError(f"stage must be one of {sorted(_STAGES)}, not {stage!r}")
        if actors is None:
            files: list[str] = []
        elif isinstance(actors, (str, os.PathLike)):
            files = [os.fspath(actors)]
        else:
            files = [os.fspath(a) for a in actors]
        for f in files:
            if not os.path.isfile(f):
                raise FileNotFoundError(2, "no such actor file", f)
        self._files = files
        self._added: list[dict] = []
        self.errors = errors
        self.stage = stage
        self._core = _core.Analyzer(str(DATA_DIR), files, errors, _STAGES[stage])

    def add_actor(self, name: str, *, actor: str = "", type: str = "PERSON", aliases: Iterable[str] = (),
                  country: str = "", start: str | None = None, end: str | None = None, id: str | None = None,
                  flags: Iterable[str] = ()) -> None:
        """Adds one actor of your own; it wins over the built-in knowledge base.

        ``actor`` is its code (``"RUSGOV"``, ``"NATO"``), valid from ``start`` to ``end``
        (``YYYY-MM-DD`` or ``YYYY``; None = open). Call it again with the same ``id`` to add
        another dated code (a second office). ``flags``: ``surname`` (the last name alone refers
        to the person once the full name was seen), ``seat``, ``media``, ``igo``, ``demonym``.
        The knowledge is rebuilt on each call (about a tenth of a second): add many actors
        at once with :meth:`add_actors`.
        """
        self.add_actors([{"name": name, "actor": actor, "type": type, "aliases": list(aliases),
                          "country": country, "from": start or "", "to": end or "", "id": id or "",
                          "flags": list(flags)}])

    def add_actors(self, actors: Iterable[dict]) -> None:
        """Adds several actors given as dicts with the keys of :meth:`add_actor`
        (``from``/``to`` for the dates), rebuilding the knowledge once."""
        import json

        added = self._added + [dict(a) for a in actors]
        core = _core.Analyzer(str(DATA_DIR), self._files, self.errors, _STAGES[self.stage], json.dumps(added))
        self._added, self._core = added, core

    # -- pickling and equality: an Analyzer is rebuilt from what it was built from
    def __reduce__(self):
        # The knowledge is re-read from the actor files (their paths: they must exist where the
        # Analyzer is unpickled, as on the workers of a cluster) and the actors added by hand.
        return (_rebuild_analyzer, (self._files, self._added, self.errors, self.stage))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Analyzer):
            return NotImplemented
        return (self._files, self._added, self.errors, self.stage) == (other._files, other._added, other.errors,
                                                                        other.stage)

    def __hash__(self) -> int:
        return hash((tuple(self._files), self.errors, self.stage, len(self._added)))

    def __repr__(self) -> str:
        extra = f", actors={self._files!r}" if self._files else ""
        added = f", {len(self._added)} added actors" if self._added else ""
        return f"Analyzer(errors={self.errors!r}, stage={self.stage!r}{extra}{added})"

    # -- one document
    def read(self, path: str | os.PathLike, *, format: str = "article", id: str | None = None) -> Document:
        """Reads one article file: the seed format (title, date, URL, paragraphs) or ``format="plain"``."""
        r = self._core.analyze_one(("file", os.fspath(path), format, id))
        return self._raise_or_doc(r, os.fspath(path))

    def parse(self, text: str, *, title: str | None = None, date: str | None = None, url: str | None = None,
              id: str | None = None) -> Document:
        """Analyses text in hand: every non-empty line of ``text`` is a paragraph."""
        if not isinstance(text, str):
            raise TypeError(f"parse() takes the text as a str, not {type(text).__name__}; "
                            "use analyze_many() for bytes")
        if title is not None and not isinstance(title, str):
            raise TypeError(f"title must be a str, not {type(title).__name__}")
        r = self._core.analyze_one(("fields", None if title is None else _text(title), _text(text),
                                    _opt_str(date), _opt_str(url), _field(id or "")))
        doc = self._raise_or_doc(r, "")
        _check_date(date, doc)
        return doc

    def read_jsonl(self, path: str | os.PathLike, *, workers: int = 1, batch_size: int = 64, meta: bool = False
                   ) -> Iterator[Document | ReadError]:
        """Iterates over a JSON Lines file (``.jsonl`` or ``.jsonl.gz``): one Document, or one
        ReadError naming the line, per non-empty line. Bad lines do not stop the iteration.

        ``meta=True`` keeps each record's fields beyond those the core reads in ``Document.meta``
        (each line is then parsed once more, in Python)."""
        path = os.fspath(path)
        for batch in _batches(_jsonl_lines(path), batch_size):
            results = self._core.analyze_many([("json", raw) for _, raw in batch], workers)
            for (line, raw), r in zip(batch, results):
                yield _result(r, path, line, _line_meta(raw) if meta else None)

    def read_lines(self, lines: Iterable[tuple[int, bytes]], *, path: str = "", workers: int = 1,
                   batch_size: int = 64, meta: bool = False) -> Iterator[Document | ReadError]:
        """As :meth:`read_jsonl`, over JSON Lines records already read: ``(line number, raw bytes)``
        pairs (a block of a file, say; ``path`` and the line number name a record in its ReadError).
        One Document or ReadError per pair, in order."""
        for batch in _batches(iter(lines), batch_size):
            results = self._core.analyze_many([("json", raw) for _, raw in batch], workers)
            for (line, raw), r in zip(batch, results):
                yield _result(r, path, line, _line_meta(raw) if meta else None)

    # -- many documents
    def analyze_many(self, items: Iterable[Any], *, workers: int = 1, batch_size: int = 64,
                     as_tuples: bool = False) -> Iterator[Any]:
        """Analyses many inputs on a thread pool with the GIL released, in input order.

        Yields exactly one result per input: a :class:`Document`, or a :class:`ReadError`
        instance (returned, not raised) for an input that could not be read. ``workers=-1``
        uses every core.

        Inputs: ``pathlib.Path`` (an article file), ``str`` (the text itself: a ``str`` that looks
        like a file name is analysed as text all the same, with a logged warning), ``bytes`` (an
        article file's contents) and ``dict`` (a JSON Lines record; fields other than ``id``,
        ``title``, ``date``, ``url``, ``text`` and ``paragraphs`` are kept in ``Document.meta``).
        With ``as_tuples=True`` every input is a pair ``(input, context)`` and every result a pair
        ``(result, context)``, as in spaCy's ``nlp.pipe``.
        """
        warned = False
        for batch in _batches(iter(items), batch_size):
            if as_tuples:
                pairs = [_pair(x) for x in batch]
                inputs, contexts = [p[0] for p in pairs], [p[1] for p in pairs]
            else:
                inputs, contexts = batch, []
            if not warned:
                suspect = next((x for x in inputs if isinstance(x, str) and _looks_like_a_path(x)), None)
                if suspect is not None:
                    warned = True
                    log.warning("analyze_many() got a str that looks like a file name (%r): a str is analysed as "
                                "the text itself; give pathlib.Path(...) to read the file", suspect[:80])
            tuples = [_as_item(x) for x in inputs]
            for i, (x, r) in enumerate(zip(inputs, self._core.analyze_many(tuples, workers))):
                res = _result(r, os.fspath(x) if isinstance(x, os.PathLike) else "", meta=_meta(x))
                if isinstance(x, dict):
                    _check_date(x.get("date"), res, f"record {x.get('id')!r}: " if x.get("id") else "")
                yield (res, contexts[i]) if as_tuples else res

    pipe = analyze_many  # spaCy's name for the same thing

    @staticmethod
    def _raise_or_doc(r: Any, path: str) -> Document:
        res = _result(r, path)
        if isinstance(res, ReadError):
            raise res
        return res


def _pair(x: Any) -> tuple[Any, Any]:
    if not isinstance(x, tuple) or len(x) != 2:
        raise TypeError(f"with as_tuples=True every input is a pair (input, context), not {type(x).__name__}")
    return x[0], x[1]


def _line_meta(raw: bytes) -> dict | None:
    import json

    try:
        record = json.loads(raw)
    except ValueError:
        return None  # the core reports the line as an error
    return _meta(record)


def _rebuild_analyzer(files: list[str], added: list[dict], errors: str, stage: str) -> Analyzer:
    a = Analyzer(files, errors=errors, stage=stage)
    if added:
        a.add_actors(added)
    return a


def _batches(it: Iterator[Any], size: int) -> Iterator[list]:
    batch: list = []
    for x in it:
        batch.append(x)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _jsonl_lines(path: str) -> Iterator[tuple[int, bytes]]:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        for n, raw in enumerate(f, 1):
            if raw and not raw.isspace():  # raw.strip() without copying the line
                yield n, raw


_default: Analyzer | None = None
_default_lock = threading.Lock()


def default_analyzer() -> Analyzer:
    """The shared Analyzer behind the module-level functions (built on first use)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Analyzer()
    return _default

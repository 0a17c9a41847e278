"""The Analyzer: the knowledge base loaded once, the pipeline run on many documents.

One Analyzer is safe to share across threads: the core keeps no mutable state, every analysis
releases the GIL, and :meth:`Analyzer.add_actor` swaps in new knowledge under a lock
(copy-on-write: analyses already running finish with the knowledge they started with).
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import _core
from ._pool import ordered_map
from .document import INPUT_FIELDS, Document
from .errors import ReadError

__all__ = ["Analyzer", "JsonLine", "DATA_DIR", "default_analyzer"]

DATA_DIR = Path(__file__).resolve().parent / "data"
log = logging.getLogger("standpoints")

_STAGES = {"segment": 1, "entities": 2, "geo": 3, "statements": 4, "all": 4}
MAX_WORKERS = 1024


@dataclass(frozen=True, slots=True)
class JsonLine:
    """One JSON Lines record as its raw bytes, for :meth:`Analyzer.analyze_many`: read by the
    core's JSON reader without building a dict. ``path`` and ``line`` name it in a ReadError."""

    data: bytes
    path: str = ""
    line: int | None = None


class _TakenLine:
    """A JSON Lines record read from a file by the library itself: the core takes its bytes out of
    ``box`` and frees them once it has read the record, so that a huge record is not held twice
    (as the line and as the document's text) while its document is analysed."""

    __slots__ = ("box", "path", "line", "size")

    def __init__(self, box: list[bytes], path: str, line: int):
        self.box, self.path, self.line, self.size = box, path, line, len(box[0])


def _taken_lines(lines: Iterable[tuple[int, bytes]], path: str) -> Iterator[_TakenLine]:
    """The non-empty lines as _TakenLine records; no reference to a line's bytes stays here."""
    for n, raw in lines:
        if raw and not raw.isspace():  # raw.strip() without copying the line
            box = [raw]
            del raw
            yield _TakenLine(box, path, n)


def _utf8(s: str) -> bytes:
    """A str as UTF-8 for the core. A str holding lone surrogates (a name or text decoded with
    ``surrogateescape``) gets its original bytes back, so the core reports invalid UTF-8 at the
    right place (or replaces it with ``errors="replace"``) instead of the conversion failing."""
    try:
        return s.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return s.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            return s.encode("utf-8", "surrogatepass")


def _dict_line(record: dict) -> bytes:
    """A dict as the JSON Lines record it stands for: the core's JSON reader then applies the same
    rules to it as the command line does to a line of a file (types, paragraphs, dates)."""
    try:
        return _utf8(json.dumps(record, ensure_ascii=False, allow_nan=False))
    except (TypeError, ValueError) as e:
        raise ReadError(f"the dict is no JSON Lines record: {e}") from None


def _size(x: Any) -> int:
    """Bytes an input will take (for the limit on what is in flight); 0 when unknown."""
    if isinstance(x, (str, bytes, bytearray)):
        return len(x)
    if isinstance(x, JsonLine):
        return len(x.data)
    if isinstance(x, _TakenLine):
        return x.size
    if isinstance(x, os.PathLike):
        try:
            return os.path.getsize(x)
        except OSError:
            return 0
    return 0


def _workers(workers: int) -> int:
    if isinstance(workers, bool) or not isinstance(workers, int):
        raise TypeError(f"workers must be an int, not {type(workers).__name__}")
    if workers == -1:
        return os.cpu_count() or 1
    if not 1 <= workers <= MAX_WORKERS:
        raise ValueError(f"workers must be -1 (every core) or 1..{MAX_WORKERS}, not {workers}")
    return workers


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


def _paths(given: str | os.PathLike | Iterable[str | os.PathLike] | None, kind: str) -> list[str]:
    """The paths of the user's knowledge files (one path or several), each checked to exist."""
    if given is None:
        files: list[str] = []
    elif isinstance(given, (str, os.PathLike)):
        files = [os.fspath(given)]
    else:
        files = [os.fspath(a) for a in given]
    for f in files:
        if not os.path.isfile(f):
            raise FileNotFoundError(2, f"no such {kind} file", f)
    return files


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
    acts:
        Your own act entries (a path or a list of paths): files in the ``acts.tsv`` shape (trigger
        words and phrases, content cues, with act, CAMEO code and PLOVER category; format in
        ``data/README.md``), read after the built-in ``acts.tsv``. A row with the ``phrase`` and
        ``pos`` of a built-in row replaces it; a form (the same words, the same ``pos``) of your
        file replaces the built-in one; other rows add to the lexicon. A bad row raises
        KnowledgeError naming file and line.
    """

    def __init__(self, actors: str | os.PathLike | Iterable[str | os.PathLike] | None = None, *,
                 errors: str = "strict", stage: str = "all",
                 acts: str | os.PathLike | Iterable[str | os.PathLike] | None = None):
        if stage not in _STAGES:
            raise ValueError(f"stage must be one of {sorted(_STAGES)}, not {stage!r}")
        files = _paths(actors, "actor")
        self._acts = _paths(acts, "act")
        self._files = files
        self._added: list[dict] = []
        self._lock = threading.Lock()
        self.errors = errors
        self.stage = stage
        self._core = self._build(self._added)

    def _build(self, added: list[dict]) -> Any:
        return _core.Analyzer(str(DATA_DIR), actor_files=[os.fsencode(f) for f in self._files], errors=self.errors,
                              stage=_STAGES[self.stage], extra_actors=json.dumps(added) if added else "",
                              act_files=[os.fsencode(f) for f in self._acts])

    def add_actor(self, name: str, *, actor: str = "", type: str = "PERSON", aliases: Iterable[str] = (),
                  country: str = "", start: str | None = None, end: str | None = None, id: str | None = None,
                  flags: Iterable[str] = ()) -> None:
        """Adds one actor of your own; it wins over the built-in knowledge base.

        ``actor`` is its code (``"RUSGOV"``, ``"NATO"``), valid from ``start`` to ``end``
        (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; None = open; a date that is not in the calendar
        is a KnowledgeError). Call it again with the same ``id`` to add another dated code (a
        second office). ``flags``: ``surname`` (the last name alone refers to the person once
        the full name was seen), ``family`` (the first word alone does, for a family name said
        first: "Kim" after "Kim Jong Un"), ``seat``, ``media``, ``igo``, ``demonym``.
        The knowledge is rebuilt on each call (about a tenth of a second): add many actors
        at once with :meth:`add_actors`. Thread-safe, see :meth:`add_actors`.
        """
        self.add_actors([{"name": name, "actor": actor, "type": type, "aliases": list(aliases),
                          "country": country, "from": start or "", "to": end or "", "id": id or "",
                          "flags": list(flags)}])

    def add_actors(self, actors: Iterable[dict]) -> None:
        """Adds several actors given as dicts with the keys of :meth:`add_actor`
        (``from``/``to`` for the dates), rebuilding the knowledge once.

        Thread-safe by copy-on-write under a lock: additions are serialised (each one builds the
        new knowledge from every actor added before it, so none is lost when threads add at
        once), and the new knowledge replaces the old in one step; analyses running meanwhile
        finish with the knowledge they started with.
        """
        new = [dict(a) for a in actors]
        with self._lock:
            added = self._added + new
            core = self._build(added)
            self._added, self._core = added, core

    # -- pickling and equality: an Analyzer is rebuilt from what it was built from
    def __reduce__(self):
        # The knowledge is re-read from the actor and act files (their paths: they must exist where
        # the Analyzer is unpickled, as on the workers of a cluster) and the actors added by hand.
        return (_rebuild_analyzer, (self._files, self._added, self.errors, self.stage, self._acts))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Analyzer):
            return NotImplemented
        return ((self._files, self._added, self.errors, self.stage, self._acts)
                == (other._files, other._added, other.errors, other.stage, other._acts))

    def __hash__(self) -> int:
        return hash((tuple(self._files), self.errors, self.stage, len(self._added), tuple(self._acts)))

    def __repr__(self) -> str:
        extra = f", actors={self._files!r}" if self._files else ""
        acts = f", acts={self._acts!r}" if self._acts else ""
        added = f", {len(self._added)} added actors" if self._added else ""
        return f"Analyzer(errors={self.errors!r}, stage={self.stage!r}{extra}{acts}{added})"

    # -- one document
    def read(self, path: str | os.PathLike, *, format: str = "article", id: str | None = None) -> Document:
        """Reads one article file: the seed format (title, date, URL, paragraphs) or ``format="plain"``."""
        try:
            return Document(self._core.analyze_file(os.fsencode(path), format=format,
                                                    id=_utf8(id) if id else b""))
        except ReadError as e:
            raise ReadError(e.reason, os.fsdecode(path), e.line, e.byte_offset) from None

    def parse(self, text: str, *, title: str | None = None, date: str | None = None, url: str | None = None,
              id: str | None = None, syntax: Any = None) -> Document:
        """Analyses text in hand: every non-empty line of ``text`` is a paragraph.

        ``syntax``: a spaCy ``Doc`` of ``text`` with a dependency parse; its tags and dependencies
        then stand in for the built-in syntax model (see :mod:`standpoints.spacy_interop`).
        A ``date`` that cannot be read gives ``date: null`` and a logged warning.
        """
        if syntax is not None:
            from .spacy_interop import analyze_spacy

            if syntax.text != text:
                raise ValueError("syntax must be a spaCy Doc of the same text")
            return analyze_spacy(syntax, self, title=title, date=date, url=url, id=id)
        if not isinstance(text, str):
            raise TypeError(f"parse() takes the text as a str, not {type(text).__name__}; "
                            "use analyze_many() for bytes")
        for name, v in (("title", title), ("date", date), ("url", url), ("id", id)):
            if v is not None and not isinstance(v, str):
                raise TypeError(f"{name} must be a str, not {type(v).__name__}")
        doc = Document(self._core.analyze_fields(_utf8(text), title=None if title is None else _utf8(title),
                                                 date=None if date is None else _utf8(date),
                                                 url=None if url is None else _utf8(url), id=_utf8(id or "")))
        _check_date(date, doc)
        return doc

    def read_jsonl(self, path: str | os.PathLike, *, workers: int = 1, batch_size: int | None = None,
                   meta: bool = False) -> Iterator[Document | ReadError]:
        """Iterates over a JSON Lines file (``.jsonl`` or ``.jsonl.gz``): one Document, or one
        ReadError naming the line, per non-empty line. Bad lines do not stop the iteration; a file
        that cannot be read (or a gzip stream cut short) ends it with one ReadError.

        ``meta=True`` keeps each record's fields beyond those the core reads in ``Document.meta``
        (each line is then parsed once more, in Python)."""
        path = os.fspath(path)
        lines = _jsonl_lines(os.fsdecode(path), take=not meta)
        return self.analyze_many(lines, workers=workers, batch_size=batch_size, _meta_from_lines=meta)

    def read_lines(self, lines: Iterable[tuple[int, bytes]], *, path: str = "", workers: int = 1,
                   batch_size: int | None = None, meta: bool = False) -> Iterator[Document | ReadError]:
        """As :meth:`read_jsonl`, over JSON Lines records already read: ``(line number, raw bytes)``
        pairs (a block of a file, say; ``path`` and the line number name a record in its ReadError).
        One Document or ReadError per pair, in order."""
        records = (JsonLine(raw, path, n) for n, raw in lines)
        return self.analyze_many(records, workers=workers, batch_size=batch_size, _meta_from_lines=meta)

    # -- many documents
    def analyze_many(self, items: Iterable[Any], *, workers: int = 1, batch_size: int | None = None,
                     format: str = "article", as_tuples: bool = False, _meta_from_lines: bool = False) -> Iterator[Any]:
        """Analyses many inputs on a thread pool with the GIL released, in input order.

        Items: ``os.PathLike`` (``pathlib.Path``: an article file, or plain text with
        ``format="plain"``), ``str`` (the text of an article, plain: no title line), ``bytes``
        (the raw contents of an article file), ``dict`` (a JSON Lines record
        ``{"id", "title", "date", "url", "text" | "paragraphs"}``, read by the same rules as a line
        of a ``.jsonl`` file), :class:`JsonLine` (a record's raw bytes), or a :class:`ReadError`
        (passed through in its place, for readers that found a problem upstream).

        Yields exactly one result per input, each as soon as it and every earlier one are done:
        a :class:`Document`, or a :class:`ReadError` instance (returned, not raised) for an input
        that could not be read, including an item of another type or a dict with fields of the
        wrong type. ``workers=-1`` uses every core. The analyses run on worker threads (also with
        ``workers=1``), so Ctrl-C (KeyboardInterrupt) interrupts the iteration at once, even in
        the middle of a huge document. At most ``batch_size`` inputs (default ``2 * workers``,
        and 16 MB of input) are read ahead of the results, so memory stays bounded by a few
        documents.

        A ``str`` that looks like a file name is analysed as text all the same, with a logged
        warning (give ``pathlib.Path(...)`` to read the file). A dict's fields other than ``id``,
        ``title``, ``date``, ``url``, ``text`` and ``paragraphs`` are kept in ``Document.meta``;
        a date that cannot be read gives ``date: null`` and a logged warning. With
        ``as_tuples=True`` every input is a pair ``(input, context)`` and every result a pair
        ``(result, context)``, as in spaCy's ``nlp.pipe``.
        """
        n = _workers(workers)
        if format not in ("article", "plain"):
            raise ValueError(f"format must be 'article' or 'plain', not {format!r}")
        core = self._core  # one knowledge for the whole run, whatever add_actor does meanwhile
        # Each input with its context, in input order: results come back in the same order, one
        # per input, so the oldest pending entry belongs to the next result.
        pending: deque[tuple[Any, Any]] = deque()

        def inputs() -> Iterator[Any]:
            warned = False
            for item in items:
                x, context = _pair(item) if as_tuples else (item, None)
                if not warned and isinstance(x, str) and _looks_like_a_path(x):
                    warned = True
                    log.warning("analyze_many() got a str that looks like a file name (%r): a str is analysed as "
                                "the text itself; give pathlib.Path(...) to read the file", x[:80])
                pending.append((x, context))
                yield x

        def one(x: Any) -> Document | ReadError:
            return _analyze_item(core, x, format)

        def results() -> Iterator[Any]:
            for res in ordered_map(one, inputs(), workers=n, size=_size, window=batch_size):
                x, context = pending.popleft()
                if isinstance(res, Document):
                    _keep_meta(res, x, _meta_from_lines)
                yield (res, context) if as_tuples else res

        return results()

    pipe = analyze_many  # spaCy's name for the same thing


def _analyze_item(core: Any, x: Any, format: str) -> Document | ReadError:
    """One input of analyze_many through the core's typed entry points."""
    path, line = "", None
    try:
        if isinstance(x, _TakenLine):
            path, line = x.path, x.line
            return Document(core.analyze_taken_json(x.box))
        if isinstance(x, JsonLine):
            path, line = x.path, x.line
            return Document(core.analyze_json(x.data))
        if isinstance(x, os.PathLike):
            path = os.fsdecode(x)
            return Document(core.analyze_file(os.fsencode(x), format=format))
        if isinstance(x, str):
            return Document(core.analyze_fields(_utf8(x)))
        if isinstance(x, (bytes, bytearray, memoryview)):
            return Document(core.analyze_bytes(bytes(x), format=format))
        if isinstance(x, dict):
            return Document(core.analyze_json(_dict_line(x)))
        if isinstance(x, ReadError):
            return x
        return ReadError(f"cannot analyse a {type(x).__name__}: give a path, a str, bytes, a dict or a JsonLine")
    except ReadError as e:
        return ReadError(e.reason, path or e.path, line if line is not None else e.line, e.byte_offset)


def _jsonl_lines(path: str, take: bool = False) -> Iterator[JsonLine | _TakenLine | ReadError]:
    """The non-empty lines of a JSON Lines file (gzip when the name ends with .gz); a file that
    cannot be read, or a gzip stream cut short, gives one ReadError where the reading stopped.
    With `take`, _TakenLine records (the core frees each line once read)."""
    opener: Callable[..., Any] = gzip.open if path.endswith(".gz") else open
    n = 0
    try:
        with opener(path, "rb") as f:
            if take:
                for item in _taken_lines(enumerate(f, 1), path):
                    n = item.line
                    yield item
                return
            for n, raw in enumerate(f, 1):
                if raw and not raw.isspace():  # raw.strip() without copying the line
                    yield JsonLine(raw, path, n)
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        yield ReadError(f"cannot read: {e}", path, n + 1 if n else None)


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


def _rebuild_analyzer(files: list[str], added: list[dict], errors: str, stage: str,
                      acts: list[str] | None = None) -> Analyzer:
    a = Analyzer(files, errors=errors, stage=stage, acts=acts)
    if added:
        a.add_actors(added)
    return a


def _keep_meta(doc: Document, x: Any, from_json_line: bool) -> None:
    """Keeps an input's fields that the core does not read in ``doc.meta``, and warns of a date it
    could not read."""
    if isinstance(x, dict):
        doc._meta = _meta(x) or {}
        _check_date(x.get("date"), doc, f"record {x.get('id')!r}: " if x.get("id") else "")
    elif from_json_line and isinstance(x, JsonLine):
        doc._meta = _line_meta(x.data) or {}


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

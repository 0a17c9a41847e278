"""standpoints: who is in a news article, where, and which positions they take toward whom.

Quick start::

    import standpoints
    doc = standpoints.read("examples/000_b8f9c3329b9111b1.txt")
    doc.mentions, doc.entities, doc.statements
    doc.to_dict()          # the SCHEMA.md record; offsets are str indices into doc.text

Module-level functions use one shared :class:`Analyzer`; make your own to add actors.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from .analyzer import DATA_DIR, Analyzer, JsonLine, default_analyzer
from .corpus import Corpus
from .document import Argument, Document, Entity, Geo, Mention, Paragraph, Sentence, Span, Statement
from .errors import KnowledgeError, ReadError, StandpointsError
from .tables import frames

__version__ = "0.1.0"

__all__ = ["Analyzer", "JsonLine", "Document", "Paragraph", "Sentence", "Mention", "Entity", "Statement", "Argument", "Span",
           "Geo", "ReadError", "KnowledgeError", "StandpointsError", "read", "parse", "read_jsonl", "analyze_many",
           "pipe", "Corpus", "frames", "DATA_DIR", "__version__"]


def read(path: str | os.PathLike, *, format: str = "article", id: str | None = None) -> Document:
    """Reads and analyses one article file (the seed format; ``format="plain"`` for plain text)."""
    return default_analyzer().read(path, format=format, id=id)


def parse(text: str, *, title: str | None = None, date: str | None = None, url: str | None = None,
          id: str | None = None) -> Document:
    """Analyses text in hand; each non-empty line is a paragraph. ``date``: ``YYYY-MM-DD`` or ``YYYYMMDD``."""
    return default_analyzer().parse(text, title=title, date=date, url=url, id=id)


def read_jsonl(path: str | os.PathLike, *, workers: int = 1) -> Iterator[Document | ReadError]:
    """Iterates over a JSON Lines file: one Document or one ReadError per non-empty line."""
    return default_analyzer().read_jsonl(path, workers=workers)


def analyze_many(items: Iterable[Any], *, workers: int = 1, batch_size: int | None = None,
                 format: str = "article", as_tuples: bool = False) -> Iterator[Any]:
    """Analyses many inputs (paths, texts, bytes, dicts or JsonLine records) on a thread pool; see
    :meth:`Analyzer.analyze_many`."""
    return default_analyzer().analyze_many(items, workers=workers, batch_size=batch_size, format=format,
                                           as_tuples=as_tuples)


pipe = analyze_many  # spaCy's name for the same thing

"""spaCy interop (optional: ``pip install "standpoints[spacy]"`` and a spaCy pipeline).

Two ways in:

- :func:`analyze_spacy`: a ``Doc`` you already parsed becomes a standpoints :class:`Document`
  whose syntax layer is spaCy's (tokens, tags and dependencies mapped onto standpoints' own tokens
  by character offsets), not the built-in model's. ``Analyzer.parse(text, syntax=doc)`` does the
  same.
- the pipeline component: ``nlp.add_pipe("standpoints")`` (after the parser) sets
  ``doc._.mentions``, ``doc._.entities`` and ``doc._.statements`` (the same objects as
  ``Document.mentions`` etc.) and ``doc._.standpoints`` (the whole :class:`Document`). Offsets in
  them index the spaCy ``Doc``'s text, so ``doc.char_span(m.start, m.end)`` is the mention's span.
  A pipeline without a parser gets the built-in syntax.

Component settings (``nlp.add_pipe("standpoints", config={...})``): ``actors`` (a path or list of
paths of your own actor files, as ``Analyzer(actors=...)``) and ``use_spacy_syntax`` (default true).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from . import _core
from .analyzer import Analyzer, _utf8, default_analyzer
from .document import Argument, Document, Mention, Span, Statement

__all__ = ["analyze_spacy", "spacy_arrays", "StandpointsComponent"]


def spacy_arrays(doc: Any) -> tuple[list[int], list[int], list[str], list[str], list[int], list[str]]:
    """Token starts and ends (str offsets into ``doc.text``), fine tags, coarse tags, head indices and
    relation labels of a parsed spaCy ``Doc``."""
    starts = [t.idx for t in doc]
    ends = [t.idx + len(t.text) for t in doc]
    return starts, ends, [t.tag_ for t in doc], [t.pos_ for t in doc], [t.head.i for t in doc], [t.dep_ for t in doc]


def has_parse(doc: Any) -> bool:
    return bool(doc.has_annotation("DEP"))


def analyze_spacy(doc: Any, analyzer: Analyzer | None = None, *, title: str | None = None, date: str | None = None,
                  url: str | None = None, id: str | None = None) -> Document:
    """Analyses the text of a parsed spaCy ``Doc`` with its syntax (see the module docstring).
    Offsets in the result index the :class:`Document`'s own text (lines stripped, empty lines
    dropped), which equals ``doc.text`` for text without blank lines or surrounding spaces."""
    if not has_parse(doc):
        raise ValueError("the spaCy Doc has no dependency parse: run a pipeline with a parser, "
                         "or use Analyzer.parse() for the built-in syntax")
    a = analyzer or default_analyzer()
    text = doc.text
    core = _core.analyze_with_syntax(a._core, None if title is None else _utf8(title), _utf8(text),
                                     None if date is None else _utf8(str(date)), None if url is None else _utf8(url),
                                     _utf8(id or ""), text, *spacy_arrays(doc))
    return Document(core)


def _char_map(ours: str, theirs: str) -> list[int]:
    """For each character index of ``ours``, the index of the same character in ``theirs`` (the texts
    hold the same non-space characters in the same order); spaces map to the next character."""
    out = [0] * (len(ours) + 1)
    j = 0
    pending: list[int] = []
    for i, c in enumerate(ours):
        if c.isspace():
            pending.append(i)
            continue
        while j < len(theirs) and theirs[j] != c and (theirs[j].isspace() or theirs[j] == "\ufeff"):
            j += 1
        for p in pending:
            out[p] = j
        pending.clear()
        out[i] = j
        j += 1
    for p in pending:
        out[p] = j
    out[len(ours)] = len(theirs)
    return out


class _Remap:
    def __init__(self, ours: str, theirs: str):
        self.text = theirs
        self.map = None if ours == theirs else _char_map(ours, theirs)

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.map is None:
            return start, end
        return self.map[start], self.map[end - 1] + 1 if end > start else self.map[start]

    def mention(self, m: Mention) -> Mention:
        s, e = self.span(m.start, m.end)
        return dataclasses.replace(m, start=s, end=e, text=self.text[s:e])

    def arg(self, a: Argument) -> Argument:
        s, e = self.span(a.start, a.end)
        return dataclasses.replace(a, start=s, end=e, text=self.text[s:e])

    def plain(self, x: Span) -> Span:
        s, e = self.span(x.start, x.end)
        return Span(s, e, self.text[s:e])

    def statement(self, st: Statement) -> Statement:
        return dataclasses.replace(st, source=self.arg(st.source), target=st.target and self.arg(st.target),
                                   trigger=self.plain(st.trigger), content=st.content and self.plain(st.content))


class StandpointsComponent:
    """The spaCy pipeline component (see the module docstring)."""

    def __init__(self, actors: Any = None, use_spacy_syntax: bool = True):
        self.analyzer = Analyzer(actors) if actors else default_analyzer()
        self.use_spacy_syntax = use_spacy_syntax

    def __call__(self, doc: Any) -> Any:
        if self.use_spacy_syntax and has_parse(doc):
            ours = analyze_spacy(doc, self.analyzer)
        else:
            ours = self.analyzer.parse(doc.text)
        remap = _Remap(ours.text, doc.text)
        doc._.standpoints = ours
        doc._.mentions = [remap.mention(m) for m in ours.mentions]
        doc._.entities = ours.entities
        doc._.statements = [remap.statement(s) for s in ours.statements]
        return doc


def _register() -> None:
    try:
        from spacy.language import Language
        from spacy.tokens import Doc
    except ImportError:  # spaCy is optional: the functions above need only a Doc-like object
        return
    for name in ("standpoints", "mentions", "entities", "statements"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if "standpoints" not in Language.factories:
        Language.factory("standpoints", default_config={"actors": None, "use_spacy_syntax": True},
                         func=make_component)


def make_component(nlp: Any, name: str, actors: Any, use_spacy_syntax: bool) -> StandpointsComponent:
    """spaCy factory of the ``standpoints`` component (registered by the package's entry point)."""
    return StandpointsComponent(actors, use_spacy_syntax)


_register()

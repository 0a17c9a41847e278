"""The Python face of an analysed document: spans with ``str`` offsets, readable reprs,
``to_dict()`` / ``to_json()`` (the record of docs/output.md), pandas views and notebook display.

Objects are built lazily from the core's record the first time a layer is asked for, so
reading and writing JSON in bulk never pays for Python objects it does not use.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["Document", "Paragraph", "Sentence", "Mention", "Entity", "Statement", "Argument", "Span", "Geo",
           "Mentions", "Entities", "Statements"]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    def __repr__(self) -> str:
        return f"Span({self.text!r}, {self.start}:{self.end})"


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int
    kind: str
    boilerplate: bool
    text: str

    def __repr__(self) -> str:
        flag = ", boilerplate" if self.boilerplate else ""
        return f"Paragraph({self.index}, {self.kind}{flag}, {self.start}:{self.end}, {_short(self.text)!r})"


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    text: str

    def __repr__(self) -> str:
        return f"Sentence({self.index}, {self.start}:{self.end}, {_short(self.text)!r})"


@dataclass(frozen=True, slots=True)
class Geo:
    name: str
    country: str
    feature: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    population: int | None = None
    admin1: str | None = None

    def __repr__(self) -> str:
        where = f", {self.lat:.3f}, {self.lon:.3f}" if self.lat is not None and self.lon is not None else ""
        return f"Geo({self.name!r}, {self.country}, {self.feature}{where})"


@dataclass(frozen=True, slots=True)
class Mention:
    index: int
    start: int
    end: int
    text: str
    type: str
    kind: str
    entity: int | None
    sentence: int | None
    actor: str | None
    geo: Geo | None = None
    role: str | None = None

    def __repr__(self) -> str:
        actor = f", {self.actor}" if self.actor else ""
        kind = "" if self.kind == "name" else f", {self.kind}"
        return f"Mention({self.text!r}, {self.type}{actor}{kind}, {self.start}:{self.end})"


@dataclass(frozen=True, slots=True)
class Entity:
    index: int
    id: str
    name: str
    type: str
    actor: str | None
    country: str | None
    mentions: tuple[int, ...]
    geo: Geo | None = None
    role: str | None = None

    def __repr__(self) -> str:
        actor = f", {self.actor}" if self.actor else ""
        return f"Entity({self.name!r}, {self.type}{actor}, {len(self.mentions)} mentions)"


@dataclass(frozen=True, slots=True)
class Argument:
    entity: int | None
    actor: str | None
    start: int
    end: int
    text: str

    def __repr__(self) -> str:
        return f"{self.text!r}({self.actor or '-'})"


@dataclass(frozen=True, slots=True)
class Statement:
    index: int
    source: Argument
    act: str
    cameo: str | None
    plover: str | None
    target: Argument | None
    trigger: Span
    content: Span | None
    quote: bool
    negated: bool
    sentence: int | None

    def __repr__(self) -> str:
        neg = "NOT " if self.negated else ""
        target = f" -> {self.target!r}" if self.target else ""
        q = ", quote" if self.quote else ""
        return f"Statement({self.source!r} {neg}{self.act}{target}, trigger={self.trigger.text!r}{q})"


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _geo(d: dict | None) -> Geo | None:
    if not d:
        return None
    return Geo(d["name"], d["country"], d["feature"], d.get("lat"), d.get("lon"), d.get("geonameid"),
               d.get("population"), d.get("admin1"))


def _span(d: dict) -> Span:
    return Span(d["start"], d["end"], d["text"])


def _arg(d: dict) -> Argument:
    return Argument(d.get("entity"), d.get("actor"), d["start"], d["end"], d["text"])


class Mentions(list):
    """A document's mentions: a list that renders as a table in a notebook."""

    def _repr_html_(self) -> str:
        from .display import mentions_html

        return mentions_html(self)


class Entities(list):
    """A document's entities: a list that renders as a table in a notebook."""

    def _repr_html_(self) -> str:
        from .display import entities_html

        return entities_html(self)


class Statements(list):
    """A document's statements: a list that renders as a table in a notebook."""

    def _repr_html_(self) -> str:
        from .display import statements_html

        return statements_html(self)


# The fields of an input record that the core reads; any other field of a dict given to
# analyze_many (an outlet, a language, a URL of your own) is kept in Document.meta.
INPUT_FIELDS = frozenset({"id", "title", "date", "url", "text", "paragraphs"})

_LAYERS = ("paragraphs", "sentences", "mentions", "entities", "statements")


class Document:
    """One analysed article.

    Offsets everywhere are Python ``str`` indices into :attr:`text`, end exclusive:
    ``doc.text[m.start:m.end] == m.text`` for every span.

    A Document comes from an :class:`Analyzer`, or is rebuilt from its record with
    :meth:`from_dict` / :meth:`from_json` (the output of ``standpoints extract``). Layers
    (``mentions``, ``entities``, ...) are built on first access and kept; each access returns
    a new list of the same (immutable) objects. Documents pickle through their record, and
    two Documents are equal when their records and :attr:`meta` are.
    """

    __slots__ = ("_core", "_record", "_layers", "_meta")

    def __init__(self, core: Any = None, *, record: dict | None = None, meta: dict | None = None):
        if core is None and record is None:
            raise TypeError("a Document comes from an Analyzer, or from a record: Document.from_dict(record)")
        self._core = core
        self._record = record
        self._layers: dict[str, list] = {}
        self._meta: dict = {} if meta is None else meta

    @classmethod
    def from_dict(cls, record: dict) -> Document:
        """A Document from its record (``to_dict()``, or one line of ``standpoints extract``).

        The record is copied. Raises ``ValueError`` for an error record or a dict that is no
        record (no ``text``)."""
        if not isinstance(record, dict):
            raise TypeError(f"from_dict() takes a dict, not {type(record).__name__}")
        if "error" in record and "text" not in record:
            raise ValueError(f"an error record, not a document: {record.get('error')!r}")
        if not isinstance(record.get("text"), str):
            raise ValueError("not a document record: it has no 'text'")
        rec = json.loads(json.dumps(record, ensure_ascii=False))
        meta = rec.pop("meta", None) or {}
        for key in ("id", "title", "date", "url", "source"):
            rec.setdefault(key, "" if key == "id" else None)
        for key in _LAYERS:
            rec.setdefault(key, [])
        return cls(record=rec, meta=meta)

    @classmethod
    def from_json(cls, text: str | bytes) -> Document:
        """A Document from its record as JSON text (one line of ``standpoints extract``)."""
        return cls.from_dict(json.loads(text))

    # -- metadata
    @property
    def id(self) -> str:
        return self._core.id if self._core is not None else self.record["id"]

    @property
    def title(self) -> str | None:
        return self._core.title if self._core is not None else self.record["title"]

    @property
    def date(self) -> str | None:
        return self._core.date if self._core is not None else self.record["date"]

    @property
    def url(self) -> str | None:
        return self._core.url if self._core is not None else self.record["url"]

    @property
    def source(self) -> str | None:
        return self._core.source if self._core is not None else self.record["source"]

    @property
    def text(self) -> str:
        return self.record["text"]

    @property
    def meta(self) -> dict:
        """Fields of the input record beyond those the core reads (``{"outlet": ...}``); empty
        for files and texts. Written into :meth:`to_dict` as ``"meta"`` when not empty."""
        return self._meta

    # -- layers
    @property
    def record(self) -> dict:
        """The record (docs/output.md) without ``meta``, built once, then cached: do not change
        it. Use :meth:`to_dict` for a copy."""
        if self._record is None:
            # The core writes the record as JSON text once; Python's C JSON parser turns it into
            # objects faster than converting a C++ JSON tree field by field.
            self._record = json.loads(self._core.to_json(-1))
        return self._record

    def _layer(self, name: str) -> list:
        # Built once; two threads racing here build equal lists and one wins, which is harmless.
        layer = self._layers.get(name)
        if layer is None:
            layer = self._layers[name] = getattr(self, "_build_" + name)()
        return layer

    def _build_paragraphs(self) -> list[Paragraph]:
        t = self.text
        return [Paragraph(i, p["start"], p["end"], p["kind"], p["boilerplate"], t[p["start"]:p["end"]])
                for i, p in enumerate(self.record["paragraphs"])]

    def _build_sentences(self) -> list[Sentence]:
        t = self.text
        return [Sentence(i, s["start"], s["end"], s["paragraph"], t[s["start"]:s["end"]])
                for i, s in enumerate(self.record["sentences"])]

    def _build_mentions(self) -> list[Mention]:
        return [Mention(i, m["start"], m["end"], m["text"], m["type"], m["kind"], m.get("entity"), m.get("sentence"),
                        m.get("actor"), _geo(m.get("geo")), m.get("role"))
                for i, m in enumerate(self.record["mentions"])]

    def _build_entities(self) -> list[Entity]:
        return [Entity(i, e["id"], e["name"], e["type"], e.get("actor"), e.get("country"), tuple(e["mentions"]),
                       _geo(e.get("geo")), e.get("role"))
                for i, e in enumerate(self.record["entities"])]

    def _build_statements(self) -> list[Statement]:
        return [Statement(i, _arg(s["source"]), s["act"], s.get("cameo"), s.get("plover"),
                          _arg(s["target"]) if s.get("target") else None, _span(s["trigger"]),
                          _span(s["content"]) if s.get("content") else None, s["quote"], s["negated"], s.get("sentence"))
                for i, s in enumerate(self.record["statements"])]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return list(self._layer("paragraphs"))

    @property
    def sentences(self) -> list[Sentence]:
        return list(self._layer("sentences"))

    @property
    def mentions(self) -> Mentions:
        return Mentions(self._layer("mentions"))

    @property
    def entities(self) -> Entities:
        return Entities(self._layer("entities"))

    @property
    def statements(self) -> Statements:
        return Statements(self._layer("statements"))

    @property
    def syntax(self):
        """The syntax layer (tags, dependencies, noun phrases) of the sentences that hold a parse:
        those the pipeline parsed, or all with a spaCy Doc; :func:`standpoints.syntax.parse` fills in
        the rest. The document keeps the parses its statement stage made (about one sentence in
        ten of news), and holds memory for those sentences only, not for every token: keeping them
        costs a few percent of the text's size."""
        from .syntax import layer

        return layer(self)

    @property
    def ents(self) -> Mentions:
        """Named mentions only, spaCy style."""
        return Mentions(m for m in self._layer("mentions") if m.kind == "name")

    # -- output
    def to_dict(self) -> dict:
        """The record (docs/output.md) as a new dict, with ``meta`` when the input had extra fields."""
        d = json.loads(self._core.to_json(-1)) if self._core is not None else json.loads(self._json_line())
        if self._meta:
            d["meta"] = json.loads(json.dumps(self._meta, ensure_ascii=False, default=str))
        return d

    def _json_line(self) -> str:
        if self._core is not None:
            return self._core.to_json(-1)
        return json.dumps(self.record, ensure_ascii=False)

    def to_json(self, indent: int | None = None) -> str:
        """The record as JSON (one line unless ``indent`` is given), ``meta`` included when not empty."""
        if indent is not None and (self._meta or self._core is None):
            return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
        if indent is not None:
            return self._core.to_json(indent)
        line = self._json_line()
        if self._meta:
            line = line[:-1] + ',"meta":' + json.dumps(self._meta, ensure_ascii=False, default=str) + "}"
        return line

    def write_json(self, file: Any) -> int:
        """Writes the record as one line of UTF-8 JSON (no newline) to a binary file, in pieces as
        the core writes it (a huge record is never held whole); returns the bytes written."""
        return self._core.write_json(file)

    def to_displacy(self, *, codes: bool = True) -> dict:
        """displaCy's manual format: ``displacy.render(doc.to_displacy(), style="ent", manual=True)``.

        Labels are the type and, with ``codes`` (the default), the actor code: ``"PERSON RUSGOV"``.
        displaCy colours labels it knows; pass ``options={"colors": standpoints.display.displacy_colors(doc)}``
        to colour these by type."""
        ents = []
        for m in self._layer("mentions"):
            if m.kind != "name":
                continue
            label = f"{m.type} {m.actor}" if codes and m.actor else m.type
            ents.append({"start": m.start, "end": m.end, "label": label})
        return {"text": self.text, "title": self.title, "ents": ents}

    # -- pandas views
    def mentions_frame(self):
        """One row per mention (pandas DataFrame); see :class:`standpoints.Corpus` for typed corpus tables."""
        import pandas as pd

        rows = []
        for m in self._layer("mentions"):
            g = m.geo
            rows.append({"doc": self.id, "start": m.start, "end": m.end, "text": m.text, "type": m.type, "kind": m.kind,
                         "actor": m.actor, "entity": m.entity, "sentence": m.sentence,
                         "country": g.country if g else None, "lat": g.lat if g else None, "lon": g.lon if g else None})
        return pd.DataFrame(rows, columns=["doc", "start", "end", "text", "type", "kind", "actor", "entity", "sentence",
                                           "country", "lat", "lon"])

    @property
    def positions(self):
        """One row per statement (pandas DataFrame): who takes which position toward whom.
        For many documents use :meth:`standpoints.Corpus.to_frames` (typed columns, entity ids)."""
        import pandas as pd

        rows = []
        for s in self._layer("statements"):
            rows.append({"doc": self.id, "date": self.date, "source": s.source.text, "source_actor": s.source.actor,
                         "act": s.act, "cameo": s.cameo, "plover": s.plover,
                         "target": s.target.text if s.target else None,
                         "target_actor": s.target.actor if s.target else None, "trigger": s.trigger.text,
                         "content": s.content.text if s.content else None, "quote": s.quote, "negated": s.negated,
                         "sentence": s.sentence, "start": s.trigger.start})
        return pd.DataFrame(rows, columns=["doc", "date", "source", "source_actor", "act", "cameo", "plover", "target",
                                           "target_actor", "trigger", "content", "quote", "negated", "sentence",
                                           "start"])

    def __iter__(self) -> Iterator[Sentence]:
        return iter(self._layer("sentences"))

    def __len__(self) -> int:
        return len(self.text)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return self is other or (self.record == other.record and self._meta == other._meta)

    def __hash__(self) -> int:
        return hash((self.id, len(self.text)))

    def __reduce__(self):
        # Pickled through the record: the unpickled Document has no core object but the same record.
        return (Document.from_json, (self.to_json(),))

    def __repr__(self) -> str:
        r = self.record
        return (f"Document({self.id!r}, {_short(self.title or '', 50)!r}, date={self.date}, "
                f"{len(r['paragraphs'])} paragraphs, {len(r['mentions'])} mentions, "
                f"{len(r['entities'])} entities, {len(r['statements'])} statements)")

    def _repr_html_(self) -> str:
        from .display import document_html

        return document_html(self)


def record_json(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)

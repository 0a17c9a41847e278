"""The Python face of an analysed document: spans with ``str`` offsets, readable reprs,
``to_dict()`` / ``to_json()`` (the SCHEMA.md record) and pandas views.

Objects are built lazily from the core's record the first time a layer is asked for, so
reading and writing JSON in bulk never pays for Python objects it does not use.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["Document", "Paragraph", "Sentence", "Mention", "Entity", "Statement", "Argument", "Span", "Geo"]


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


class Document:
    """One analysed article.

    Offsets everywhere are Python ``str`` indices into :attr:`text`, end exclusive:
    ``doc.text[m.start:m.end] == m.text`` for every span.
    """

    __slots__ = ("_core", "_record")

    def __init__(self, core: Any):
        self._core = core
        self._record: dict | None = None

    # -- metadata, straight from the core
    @property
    def id(self) -> str:
        return self._core.id

    @property
    def title(self) -> str | None:
        return self._core.title

    @property
    def date(self) -> str | None:
        return self._core.date

    @property
    def url(self) -> str | None:
        return self._core.url

    @property
    def source(self) -> str | None:
        return self._core.source

    @property
    def text(self) -> str:
        return self.record["text"]

    # -- layers
    @property
    def record(self) -> dict:
        """The SCHEMA.md record (built once, then cached). Use :meth:`to_dict` for a copy."""
        if self._record is None:
            # The core writes the record as JSON text once; Python's C JSON parser turns it into
            # objects faster than converting a C++ JSON tree field by field.
            self._record = json.loads(self._core.to_json(-1))
        return self._record

    @property
    def paragraphs(self) -> list[Paragraph]:
        t = self.text
        return [Paragraph(i, p["start"], p["end"], p["kind"], p["boilerplate"], t[p["start"]:p["end"]])
                for i, p in enumerate(self.record["paragraphs"])]

    @property
    def sentences(self) -> list[Sentence]:
        t = self.text
        return [Sentence(i, s["start"], s["end"], s["paragraph"], t[s["start"]:s["end"]])
                for i, s in enumerate(self.record["sentences"])]

    @property
    def mentions(self) -> list[Mention]:
        return [Mention(i, m["start"], m["end"], m["text"], m["type"], m["kind"], m.get("entity"), m.get("sentence"),
                        m.get("actor"), _geo(m.get("geo")), m.get("role"))
                for i, m in enumerate(self.record["mentions"])]

    @property
    def entities(self) -> list[Entity]:
        return [Entity(i, e["id"], e["name"], e["type"], e.get("actor"), e.get("country"), tuple(e["mentions"]),
                       _geo(e.get("geo")), e.get("role"))
                for i, e in enumerate(self.record["entities"])]

    @property
    def statements(self) -> list[Statement]:
        return [Statement(i, _arg(s["source"]), s["act"], s.get("cameo"),
                          _arg(s["target"]) if s.get("target") else None, _span(s["trigger"]),
                          _span(s["content"]) if s.get("content") else None, s["quote"], s["negated"], s.get("sentence"))
                for i, s in enumerate(self.record["statements"])]

    @property
    def ents(self) -> list[Mention]:
        """Named mentions only, spaCy style."""
        return [m for m in self.mentions if m.kind == "name"]

    # -- output
    def to_dict(self) -> dict:
        """The SCHEMA.md record as a new dict."""
        return json.loads(self._core.to_json(-1))

    def to_json(self, indent: int | None = None) -> str:
        """The SCHEMA.md record as JSON (one line unless ``indent`` is given)."""
        return self._core.to_json(-1 if indent is None else indent)

    def write_json(self, file: Any) -> int:
        """Writes the record as one line of UTF-8 JSON (no newline) to a binary file, in pieces as
        the core writes it (a huge record is never held whole); returns the bytes written."""
        return self._core.write_json(file)

    def to_displacy(self) -> dict:
        """displaCy's manual format: ``displacy.render(doc.to_displacy(), style="ent", manual=True)``."""
        return {"text": self.text, "title": self.title,
                "ents": [{"start": m.start, "end": m.end, "label": m.type} for m in self.ents]}

    # -- pandas views
    def mentions_frame(self):
        """One row per mention (pandas DataFrame)."""
        import pandas as pd

        rows = []
        for m in self.mentions:
            g = m.geo
            rows.append({"doc": self.id, "start": m.start, "end": m.end, "text": m.text, "type": m.type, "kind": m.kind,
                         "actor": m.actor, "entity": m.entity, "sentence": m.sentence,
                         "country": g.country if g else None, "lat": g.lat if g else None, "lon": g.lon if g else None})
        return pd.DataFrame(rows, columns=["doc", "start", "end", "text", "type", "kind", "actor", "entity", "sentence",
                                           "country", "lat", "lon"])

    @property
    def positions(self):
        """One row per statement (pandas DataFrame): who takes which position toward whom."""
        import pandas as pd

        rows = []
        for s in self.statements:
            rows.append({"doc": self.id, "date": self.date, "source": s.source.text, "source_actor": s.source.actor,
                         "act": s.act, "cameo": s.cameo, "target": s.target.text if s.target else None,
                         "target_actor": s.target.actor if s.target else None, "trigger": s.trigger.text,
                         "content": s.content.text if s.content else None, "quote": s.quote, "negated": s.negated,
                         "sentence": s.sentence, "start": s.trigger.start})
        return pd.DataFrame(rows, columns=["doc", "date", "source", "source_actor", "act", "cameo", "target",
                                           "target_actor", "trigger", "content", "quote", "negated", "sentence",
                                           "start"])

    def __iter__(self) -> Iterator[Sentence]:
        return iter(self.sentences)

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        r = self.record
        return (f"Document({self.id!r}, {_short(self.title or '', 50)!r}, date={self.date}, "
                f"{len(r['paragraphs'])} paragraphs, {len(r['mentions'])} mentions, "
                f"{len(r['entities'])} entities, {len(r['statements'])} statements)")

    def _repr_html_(self) -> str:
        import html

        t = self.text
        out, pos = [], 0
        for m in sorted(self.ents, key=lambda m: m.start):
            if m.start < pos:
                continue
            out.append(html.escape(t[pos:m.start]))
            tip = html.escape(f"{m.type} {m.actor or ''}".strip())
            out.append(f'<mark title="{tip}" style="background:#e8eefc;padding:0 2px">{html.escape(m.text)}'
                       f'<sub style="font-size:70%">{html.escape(m.type)}</sub></mark>')
            pos = m.end
        out.append(html.escape(t[pos:]))
        body = "".join(out).replace("\n", "<br>")
        return f"<div><b>{html.escape(self.title or self.id)}</b> <small>{self.date or ''} {self.source or ''}</small><p>{body}</p></div>"


def record_json(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)

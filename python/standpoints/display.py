"""Notebook display: HTML for a Document, for lists of mentions, entities and statements, and
for a Corpus. Plain HTML with inline styles and no script, so that it renders the same in
Jupyter, VS Code, a static nbconvert page and a browser.

A Document shows its title once, then the body with every name coloured by type and its actor
code written beside it, statement triggers underlined, publisher furniture (boilerplate) greyed,
and below it the statements as ``source -ACT-> target``, each linked to its trigger in the text.
Long articles are cut after :data:`MAX_CHARS` characters of body text, with a count of what is
left out; so are long lists (:data:`MAX_ROWS`).
"""

from __future__ import annotations

import bisect
import hashlib
import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .document import Document, Entity, Mention, Statement

__all__ = ["TYPE_COLORS", "MAX_CHARS", "MAX_ROWS", "document_html", "mentions_html", "entities_html",
           "statements_html", "displacy_colors", "corpus_html"]

# Background colours by mention type (light, so that black text stays readable).
TYPE_COLORS = {"PERSON": "#fbd8a6", "ORG": "#c6dcf7", "GPE": "#c9ecc4", "LOC": "#e2dbf5", "NORP": "#f6cfe0",
               "LAW": "#e4e4e4", "EVENT": "#fff0a8"}
OTHER_COLOR = "#eeeeee"
# How much of a document's body and how many rows of a list are shown.
MAX_CHARS = 6000
MAX_ROWS = 100

_CSS = ("font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:14px;line-height:1.55;"
        "max-width:60em")
_MARK = "padding:0 3px;border-radius:3px;line-height:1.9"
_CODE = "font:600 10px ui-monospace,monospace;margin-left:3px;padding:0 2px;border-radius:2px;background:#ffffffb0"
_TABLE = "border-collapse:collapse;font-size:13px"
_CELL = "padding:2px 8px;border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top"


def _e(x: Any) -> str:
    return html.escape("" if x is None else str(x))


def _color(type_: str) -> str:
    return TYPE_COLORS.get(type_, OTHER_COLOR)


def _uid(doc: Document) -> str:
    # Stable across runs (committed notebook outputs do not change), distinct between documents.
    return "sp" + hashlib.blake2b(f"{doc.id}\0{doc.title}\0{len(doc.text)}".encode(), digest_size=4).hexdigest()


def _mark(m: Mention, anchor: str) -> str:
    code = f'<span class="sp-code" style="{_CODE}">{_e(m.actor)}</span>' if m.actor else ""
    tip = " ".join(x for x in (m.type, m.actor, m.geo.name if m.geo else None) if x)
    return (f'<mark id="{anchor}" class="sp-mention sp-{_e(m.type)}" data-type="{_e(m.type)}" '
            f'data-actor="{_e(m.actor or "")}" title="{_e(tip)}" style="background:{_color(m.type)};{_MARK}">'
            f'{_e(m.text)}{code}</mark>')


def _legend(types: Iterable[str]) -> str:
    chips = "".join(f'<span style="background:{_color(t)};{_MARK};margin-right:6px">{_e(t)}</span>'
                    for t in sorted(set(types)))
    return f'<div class="sp-legend" style="font-size:12px;margin:4px 0 8px">{chips}</div>' if chips else ""


def _paragraph_html(doc: Document, start: int, end: int, marks: list[tuple[int, int, str, str]],
                    shown: set[str]) -> str:
    """The text of [start, end) with the marks (start, end, html, anchor) that fall inside; a mark
    overlapping one already placed is left out. The anchors placed go into ``shown``."""
    t, out, pos = doc.text, [], start
    for s, e, piece, anchor in marks[bisect.bisect_left(marks, (start,)):]:
        if s >= end:
            break
        if s < pos or e > end:
            continue
        out.append(_e(t[pos:s]))
        out.append(piece)
        shown.add(anchor)
        pos = e
    out.append(_e(t[pos:end]))
    return "".join(out)


def document_html(doc: Document) -> str:
    uid = _uid(doc)
    mentions = [m for m in doc._layer("mentions") if m.kind == "name"]
    statements = doc._layer("statements")
    marks = [(m.start, m.end, _mark(m, f"{uid}-m{m.index}"), f"{uid}-m{m.index}") for m in mentions]
    placed: set[str] = set()
    for s in statements:
        # Statements with the same trigger share its anchor.
        tr, anchor = s.trigger, f"{uid}-t{s.trigger.start}"
        if anchor in placed:
            continue
        placed.add(anchor)
        marks.append((tr.start, tr.end, f'<span id="{anchor}" class="sp-trigger" title="{_e(s.act)}" '
                                        f'style="text-decoration:underline 2px #c0392b;text-underline-offset:3px">'
                                        f'{_e(tr.text)}</span>', anchor))
    marks.sort(key=lambda x: (x[0], -x[1]))
    paras = doc._layer("paragraphs")
    anchors: set[str] = set()
    body, shown, hidden_paras, hidden_chars = [], 0, 0, 0
    for p in paras:
        if p.kind == "title":
            continue
        if shown >= MAX_CHARS:
            hidden_paras += 1
            hidden_chars += p.end - p.start
            continue
        inner = _paragraph_html(doc, p.start, p.end, marks, anchors)
        style = "margin:0 0 .6em"
        if p.boilerplate:
            style += ";color:#9a9a9a;font-size:12px"
            inner += ' <small class="sp-boilerplate-tag" style="color:#b0b0b0">[boilerplate]</small>'
        body.append(f'<p class="sp-paragraph{" sp-boilerplate" if p.boilerplate else ""}" style="{style}">{inner}</p>')
        shown += p.end - p.start
    if hidden_paras:
        body.append(f'<p class="sp-more" style="color:#777;font-style:italic">… {hidden_paras} more paragraph'
                    f'{"s" if hidden_paras != 1 else ""} ({hidden_chars:,} characters) not shown</p>')
    title = next((p for p in paras if p.kind == "title"), None)
    head = _paragraph_html(doc, title.start, title.end, marks, anchors) if title else _e(doc.id)
    meta = " · ".join(_e(x) for x in (doc.date, doc.source, doc.id) if x)
    counts = (f"{len(mentions)} names, {len(doc._layer('entities'))} entities, {len(statements)} statements")
    return (f'<div class="sp-document" id="{uid}" style="{_CSS}">'
            f'<div class="sp-title" style="font-size:17px;font-weight:600;margin-bottom:2px">{head}</div>'
            f'<div class="sp-meta" style="color:#666;font-size:12px">{meta} — {counts}</div>'
            f'{_legend(m.type for m in mentions)}'
            f'<div class="sp-body">{"".join(body)}</div>'
            f'{_statement_list(statements, uid, anchors)}</div>')


def _argument(a: Any) -> str:
    if a is None:
        return '<span style="color:#999">—</span>'
    code = f' <code style="font-size:11px">{_e(a.actor)}</code>' if a.actor else ""
    return f"<b>{_e(a.text)}</b>{code}"


def _statement_list(statements: Sequence[Statement], uid: str, anchors: set[str]) -> str:
    if not statements:
        return '<div class="sp-statements" style="color:#777;margin-top:6px">No statements.</div>'
    items = []
    for s in statements[:MAX_ROWS]:
        neg = "NOT " if s.negated else ""
        trig = _e(s.trigger.text)
        if f"{uid}-t{s.trigger.start}" in anchors:
            trig = f'<a class="sp-trigger-link" href="#{uid}-t{s.trigger.start}">{trig}</a>'
        flags = " <small>(quote)</small>" if s.quote else ""
        items.append(f'<li class="sp-statement">{_argument(s.source)} '
                     f'<span style="color:#c0392b;font-weight:600">-{neg}{_e(s.act)}-&gt;</span> '
                     f'{_argument(s.target)} <small style="color:#666">«{trig}»</small>{flags}</li>')
    more = (f'<li style="color:#777;list-style:none">… {len(statements) - MAX_ROWS} more</li>'
            if len(statements) > MAX_ROWS else "")
    return (f'<div class="sp-statements" style="margin-top:10px"><b>Statements</b>'
            f'<ol style="margin:4px 0;padding-left:1.6em">{"".join(items)}{more}</ol></div>')


def table_html(header: Sequence[str], rows: Iterable[Sequence[str]], total: int, cls: str) -> str:
    """A small HTML table of pre-escaped cells, with a count line when rows were left out."""
    head = "".join(f'<th style="{_CELL}">{_e(h)}</th>' for h in header)
    body = "".join("<tr>" + "".join(f'<td style="{_CELL}">{c}</td>' for c in row) + "</tr>" for row in rows)
    more = (f'<div style="color:#777;font-size:12px">… {total - MAX_ROWS} more rows</div>' if total > MAX_ROWS
            else "")
    return (f'<div class="{cls}"><div style="color:#666;font-size:12px">{total} rows</div><table style="{_TABLE}">'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}</div>")


def _type_chip(t: str) -> str:
    return f'<span style="background:{_color(t)};{_MARK}">{_e(t)}</span>'


def mentions_html(mentions: Sequence[Mention]) -> str:
    rows = [(str(m.index), _e(m.text), _type_chip(m.type), _e(m.kind), f"<code>{_e(m.actor or '')}</code>",
             _e("" if m.entity is None else m.entity), f"{m.start}:{m.end}",
             _e(f"{m.geo.name}, {m.geo.country}" if m.geo else "")) for m in mentions[:MAX_ROWS]]
    return table_html(["#", "text", "type", "kind", "actor", "entity", "span", "geo"], rows, len(mentions),
                      "sp-mentions")


def entities_html(entities: Sequence[Entity]) -> str:
    rows = [(str(e.index), _e(e.name), _type_chip(e.type), f"<code>{_e(e.actor or '')}</code>", _e(e.country or ""),
             _e(e.id), str(len(e.mentions)), _e(f"{e.geo.name}, {e.geo.country}" if e.geo else ""))
            for e in entities[:MAX_ROWS]]
    return table_html(["#", "name", "type", "actor", "country", "id", "mentions", "geo"], rows, len(entities),
                      "sp-entities")


def statements_html(statements: Sequence[Statement]) -> str:
    rows = []
    for s in statements[:MAX_ROWS]:
        content = s.content.text if s.content else ""
        content = content if len(content) <= 120 else content[:119] + "…"
        flags = ", ".join(f for f, on in (("quote", s.quote), ("negated", s.negated)) if on)
        rows.append((str(s.index), _argument(s.source), f"<b>{_e(s.act)}</b>", _argument(s.target),
                     _e(s.trigger.text), _e(content), _e(flags)))
    return table_html(["#", "source", "act", "target", "trigger", "content", ""], rows, len(statements),
                      "sp-statements-table")


def displacy_colors(doc: Document | None = None) -> dict[str, str]:
    """Colours for displaCy's ``options={"colors": ...}`` matching the labels of
    :meth:`Document.to_displacy` (type plus actor code) and the plain types."""
    colors = dict(TYPE_COLORS)
    if doc is not None:
        for m in doc._layer("mentions"):
            if m.actor:
                colors[f"{m.type} {m.actor}"] = _color(m.type)
    return colors


def corpus_html(corpus: Any) -> str:
    """Counts, the top dyads (source -> target, by statements) and the most frequent sources."""
    if corpus._frames is None:
        return f"<div class='sp-corpus'><b>Corpus</b> — {_e(repr(corpus))}: <code>to_frames()</code> runs it.</div>"
    f = corpus._frames
    docs, st = f["documents"], f["statements"]
    counts = (f"{len(docs):,} documents, {len(corpus._errors):,} errors, {len(f['mentions']):,} mentions, "
              f"{len(f['entities']):,} entities, {len(st):,} statements")
    dates = docs["date"].dropna()
    span = f" · {dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}" if len(dates) else ""
    parts = [f'<div class="sp-corpus" style="{_CSS}"><b>Corpus</b><div style="color:#555">{counts}{span}</div>']
    if len(st):
        from .corpus import count_positions

        c = count_positions(st, by=None).dropna(subset=["target"])
        top = (c.groupby(["source", "target"], sort=False)
               .agg(statements=("statements", "sum"), acts=("act", lambda a: ", ".join(sorted(set(a)))))
               .sort_values("statements", ascending=False).head(10).reset_index())
        rows = [(_e(r.source), _e(r.target), str(r.statements), _e(r.acts)) for r in top.itertuples()]
        parts.append("<div style='margin-top:6px'><b>Top dyads</b></div>")
        parts.append(table_html(["source", "target", "statements", "acts"], rows, len(rows), "sp-dyads"))
        src = st["source_name"].fillna(st["source_text"]).value_counts().head(10)
        sources = [(_e(k), str(v)) for k, v in src.items()]
        parts.append("<div style='margin-top:6px'><b>Top sources</b></div>")
        parts.append(table_html(["source", "statements"], sources, len(sources), "sp-sources"))
    parts.append("</div>")
    return "".join(parts)

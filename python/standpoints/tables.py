"""Corpus tables: a batch of analysed documents as four pandas DataFrames (``documents``,
``mentions``, ``entities``, ``statements``), with fixed dtypes and stable keys.

:func:`frames` is a plain function over a batch (Documents from an Analyzer, or records: dicts
from ``to_dict()`` or ``standpoints extract``), so that it runs unchanged on one partition of a
bigger job. Documents from an Analyzer go through the core's table writer (columns in Arrow's
layout, no Python object per value); records go through :func:`record_tables`, the plain-Python
reference that gives the same tables. The columns are listed in docs/tables.md and in
:data:`COLUMNS`.

dtypes: strings are Arrow-backed (``string[pyarrow]``), integers nullable ``Int64``, floats
``Float64``, flags ``boolean``, dates ``datetime64[ns]`` (midnight of the article's date).
Keys: ``doc_id`` in every frame (the document's id); ``(doc_id, mention)``,
``(doc_id, entity)`` and ``(doc_id, statement)`` identify a row; ``entity_id`` (the knowledge
base's id, or a slug of the name) is the same entity across documents.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = ["FRAMES", "COLUMNS", "frames", "arrow_tables", "record_tables", "to_pandas", "empty_frames", "errors_frame",
           "TableSink", "parse_fields", "select_fields"]

FRAMES = ("documents", "mentions", "entities", "statements")

_GEO = [("geo_name", "string"), ("geo_country", "string"), ("geo_feature", "string"), ("geo_admin1", "string"),
        ("lat", "float64"), ("lon", "float64"), ("geonameid", "int64"), ("population", "int64")]


def _argument_columns(p: str) -> list[tuple[str, str]]:
    return [(f"{p}_entity", "int64"), (f"{p}_entity_id", "string"), (f"{p}_name", "string"),
            (f"{p}_actor", "string"), (f"{p}_text", "string"), (f"{p}_start", "int64"), (f"{p}_end", "int64")]


# Every frame's columns and their kinds, in order ("date" columns hold datetime64[ns]). The
# documents frame adds the input records' extra fields (Document.meta) after these.
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "documents": [("doc_id", "string"), ("title", "string"), ("date", "date"), ("url", "string"),
                  ("source", "string"), ("text", "string"), ("n_paragraphs", "int64"), ("n_sentences", "int64"),
                  ("n_mentions", "int64"), ("n_entities", "int64"), ("n_statements", "int64")],
    "mentions": [("doc_id", "string"), ("mention", "int64"), ("start", "int64"), ("end", "int64"),
                 ("text", "string"), ("type", "string"), ("kind", "string"), ("sentence", "int64"),
                 ("paragraph", "int64"), ("entity", "int64"), ("entity_id", "string"), ("entity_name", "string"),
                 ("actor", "string"), ("role", "string"), *_GEO],
    "entities": [("doc_id", "string"), ("entity", "int64"), ("entity_id", "string"), ("name", "string"),
                 ("type", "string"), ("actor", "string"), ("country", "string"), ("role", "string"),
                 ("n_mentions", "int64"), ("first_start", "int64"), *_GEO],
    "statements": [("doc_id", "string"), ("date", "date"), ("statement", "int64"), ("sentence", "int64"),
                   ("paragraph", "int64"), ("act", "string"), ("cameo", "string"), ("plover", "string"),
                   *_argument_columns("source"),
                   *_argument_columns("target"), ("trigger", "string"), ("trigger_start", "int64"),
                   ("trigger_end", "int64"), ("content", "string"), ("content_start", "int64"),
                   ("content_end", "int64"), ("quote", "bool"), ("negated", "bool")],
}


def _arrow_type(kind: str) -> pa.DataType:
    import pyarrow as pa

    return {"string": pa.large_string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_(),
            "date": pa.large_string()}[kind]


def _schema(name: str, text: bool) -> pa.Schema:
    import pyarrow as pa

    return pa.schema([(c, _arrow_type(k)) for c, k in COLUMNS[name] if text or (name, c) != ("documents", "text")])


# -- the fast path: the core's table writer
def _core_array(kind: str, length: int, null_count: int, validity: bytes | None, values: bytes | None,
                offsets: bytes | None, data: bytes | None) -> pa.Array:
    import pyarrow as pa

    bitmap = pa.py_buffer(validity) if validity is not None else None
    if kind == "string":
        assert offsets is not None and data is not None
        return pa.Array.from_buffers(pa.large_string(), length, [bitmap, pa.py_buffer(offsets), pa.py_buffer(data)],
                                     null_count)
    assert values is not None
    return pa.Array.from_buffers(_arrow_type(kind), length, [bitmap, pa.py_buffer(values)], null_count)


def _core_tables(cores: list, text: bool, ids: Sequence[str] | None) -> dict[str, pa.Table]:
    import pyarrow as pa

    from . import _core

    out = {}
    for name, columns in _core.tables(cores, text, list(ids) if ids is not None else []):
        arrays = [_core_array(*c[1:]) for c in columns]
        out[name] = pa.Table.from_arrays(arrays, schema=_schema(name, text))
    return out


# -- the reference path: records (dicts) in plain Python
def record_tables(records: Sequence[dict], *, text: bool = True, ids: Sequence[str] | None = None
                  ) -> dict[str, pa.Table]:
    """The four tables of a batch of records (``to_dict()`` output), built in plain Python.

    Gives the same tables as the core's writer does for the Documents the records came from;
    slower, for records reloaded from JSON."""
    import pyarrow as pa

    cols: dict[str, dict[str, list]] = {name: {c: [] for c, _ in COLUMNS[name]} for name in FRAMES}
    d, m, e, s = (cols[n] for n in FRAMES)
    for i, r in enumerate(records):
        doc_id = ids[i] if ids is not None else r.get("id", "")
        sentence_par = [x["paragraph"] for x in r.get("sentences", [])]
        ents = r.get("entities", [])
        mentions = r.get("mentions", [])

        for c, v in (("doc_id", doc_id), ("title", r.get("title")), ("date", r.get("date")), ("url", r.get("url")),
                     ("source", r.get("source")), ("text", r.get("text")),
                     ("n_paragraphs", len(r.get("paragraphs", []))), ("n_sentences", len(sentence_par)),
                     ("n_mentions", len(mentions)), ("n_entities", len(ents)),
                     ("n_statements", len(r.get("statements", [])))):
            d[c].append(v)
        for k, x in enumerate(mentions):
            ent = _at(ents, x.get("entity"))
            for c, v in (("doc_id", doc_id), ("mention", k), ("start", x["start"]), ("end", x["end"]),
                         ("text", x["text"]), ("type", x["type"]), ("kind", x["kind"]),
                         ("sentence", x.get("sentence")), ("paragraph", _at(sentence_par, x.get("sentence"))),
                         ("entity", x.get("entity") if ent else None), ("entity_id", ent["id"] if ent else None),
                         ("entity_name", ent["name"] if ent else None), ("actor", x.get("actor")),
                         ("role", x.get("role"))):
                m[c].append(v)
            _geo_values(m, x.get("geo"))
        for k, x in enumerate(ents):
            starts = [mentions[j]["start"] for j in x.get("mentions", []) if 0 <= j < len(mentions)]
            for c, v in (("doc_id", doc_id), ("entity", k), ("entity_id", x["id"]), ("name", x["name"]),
                         ("type", x["type"]), ("actor", x.get("actor")), ("country", x.get("country")),
                         ("role", x.get("role")), ("n_mentions", len(x.get("mentions", []))),
                         ("first_start", min(starts) if starts else None)):
                e[c].append(v)
            _geo_values(e, x.get("geo"))
        for k, x in enumerate(r.get("statements", [])):
            for c, v in (("doc_id", doc_id), ("date", r.get("date")), ("statement", k),
                         ("sentence", x.get("sentence")), ("paragraph", _at(sentence_par, x.get("sentence"))),
                         ("act", x["act"]), ("cameo", x.get("cameo")), ("plover", x.get("plover"))):
                s[c].append(v)
            for p in ("source", "target"):
                a = x.get(p)
                ent = _at(ents, a.get("entity")) if a else None
                for c, v in (("entity", a.get("entity") if ent else None), ("entity_id", ent["id"] if ent else None),
                             ("name", ent["name"] if ent else None), ("actor", a.get("actor") if a else None),
                             ("text", a["text"] if a else None), ("start", a["start"] if a else None),
                             ("end", a["end"] if a else None)):
                    s[f"{p}_{c}"].append(v)
            tr, ct = x["trigger"], x.get("content")
            for c, v in (("trigger", tr["text"]), ("trigger_start", tr["start"]), ("trigger_end", tr["end"]),
                         ("content", ct["text"] if ct else None), ("content_start", ct["start"] if ct else None),
                         ("content_end", ct["end"] if ct else None), ("quote", x["quote"]),
                         ("negated", x["negated"])):
                s[c].append(v)
    out = {}
    for name in FRAMES:
        schema = _schema(name, text)
        out[name] = pa.Table.from_arrays([pa.array(cols[name][f.name], type=f.type) for f in schema], schema=schema)
    return out


def _at(items: list, k: Any) -> Any:
    """items[k] for a valid index k, else None (a record's index fields may be null)."""
    return items[k] if isinstance(k, int) and 0 <= k < len(items) else None


def _geo_values(cols: dict[str, list], g: dict | None) -> None:
    g = g or {}
    for c, k in (("geo_name", "name"), ("geo_country", "country"), ("geo_feature", "feature"),
                 ("geo_admin1", "admin1"), ("lat", "lat"), ("lon", "lon"), ("geonameid", "geonameid"),
                 ("population", "population")):
        cols[c].append(g.get(k) or None if k not in ("lat", "lon") else g.get(k))


# -- the batch
def arrow_tables(batch: Iterable[Any], *, text: bool = True, ids: Sequence[str] | None = None
                 ) -> dict[str, pa.Table]:
    """The four tables of a batch as pyarrow Tables (dates still ``YYYY-MM-DD`` strings, no
    meta columns): what :func:`frames` converts. ``batch``: Documents or records (dicts);
    ``ids`` replaces the documents' own ids (one per item)."""
    from .document import Document

    items = list(batch)
    for x in items:
        if not isinstance(x, (Document, dict)):
            raise TypeError(f"frames() takes Documents or records (dicts), not {type(x).__name__}")
    if ids is not None and len(ids) != len(items):
        raise ValueError(f"{len(ids)} ids for {len(items)} documents")
    if all(isinstance(x, Document) and x._core is not None for x in items):
        return _core_tables([x._core for x in items], text, ids)
    records = [x.record if isinstance(x, Document) else x for x in items]
    return record_tables(records, text=text, ids=ids)


def _meta_of(x: Any) -> dict:
    from .document import Document

    if isinstance(x, Document):
        return x.meta
    return x.get("meta") or {}


def meta_table(batch: Sequence[Any]) -> pa.Table | None:
    """The extra fields of the batch's inputs (Document.meta) as columns, or None when there are none.

    A field's values take the type pyarrow infers for them; fields holding mixed or nested values
    become strings (JSON for lists and dicts)."""
    import json

    import pyarrow as pa

    metas = [_meta_of(x) for x in batch]
    names: dict[str, None] = {}
    for md in metas:
        names.update(dict.fromkeys(md))
    if not names:
        return None
    arrays = []
    for n in names:
        values = [md.get(n) for md in metas]
        try:
            arr = pa.array(values)
            if pa.types.is_nested(arr.type) or pa.types.is_binary(arr.type):
                raise pa.ArrowInvalid("nested")
        except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):
            arr = pa.array([None if v is None else v if isinstance(v, str) else json.dumps(v, default=str)
                            for v in values], type=pa.large_string())
        if pa.types.is_null(arr.type) or pa.types.is_string(arr.type):
            arr = arr.cast(pa.large_string())
        arrays.append(arr)
    return pa.Table.from_arrays(arrays, names=list(names))


def finish(tables: dict[str, pa.Table], meta: pa.Table | None = None) -> dict[str, pa.Table]:
    """The tables of :func:`arrow_tables` as the frames hold them: dates converted to timestamps,
    meta columns added to documents (what :func:`to_pandas` converts; standpoints.dask writes
    them to Parquet as they are)."""
    import pyarrow.compute as pc

    out = {}
    for name in FRAMES:
        t = tables[name]
        if "date" in t.column_names:
            i = t.column_names.index("date")
            dates = pc.strptime(t.column(i), format="%Y-%m-%d", unit="ns", error_is_null=True)
            t = t.set_column(i, "date", dates)
        if name == "documents" and meta is not None:
            for col in meta.column_names:
                if col in t.column_names:
                    continue  # a meta field named like a column (an "n_mentions" of the input) is left out
                t = t.append_column(col, meta.column(col))
        out[name] = t
    return out


_PANDAS_TYPES: dict = {}


def pandas_types(t: pa.DataType) -> Any:
    """The frames' pandas dtype of an Arrow type, or None (a ``types_mapper`` for ``Table.to_pandas``)."""
    if not _PANDAS_TYPES:
        import pandas as pd
        import pyarrow as pa

        _PANDAS_TYPES.update({pa.large_string(): pd.StringDtype("pyarrow"), pa.string(): pd.StringDtype("pyarrow"),
                              pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype(),
                              pa.bool_(): pd.BooleanDtype()})
    return _PANDAS_TYPES.get(t)


def to_pandas(tables: dict[str, pa.Table], meta: pa.Table | None = None) -> dict[str, pd.DataFrame]:
    """The frames from the tables of :func:`arrow_tables` (dates converted, meta columns added to
    documents, pandas dtypes fixed)."""
    return {name: t.to_pandas(types_mapper=pandas_types) for name, t in finish(tables, meta).items()}


def require(*modules: str, extra: str = "pandas") -> None:
    """Raises an ImportError that names the extra to install when an optional module is missing."""
    import importlib

    for m in modules:
        try:
            importlib.import_module(m)
        except ImportError as e:
            raise ImportError(f"this needs {m}: pip install 'standpoints[{extra}]'") from e


def frames(batch: Iterable[Any], *, text: bool = True, ids: Sequence[str] | None = None
           ) -> dict[str, pd.DataFrame]:
    """The ``documents``, ``mentions``, ``entities`` and ``statements`` DataFrames of a batch of
    Documents or records (dicts); ``text=False`` leaves out the documents' text. Needs pandas
    and pyarrow (``pip install 'standpoints[pandas]'``)."""
    require("pandas", "pyarrow")
    items = list(batch)
    return to_pandas(arrow_tables(items, text=text, ids=ids), meta_table(items))


def errors_frame(errors: Iterable[Any]) -> pd.DataFrame:
    """The ``errors`` table: one row (``path``, ``line``, ``byte_offset``, ``error``) per input that
    could not be read, from ReadErrors or error records (dicts with those keys)."""
    import pandas as pd

    from .errors import ReadError

    rows = [{"path": e.path, "line": e.line, "byte_offset": e.byte_offset, "error": e.reason}
            if isinstance(e, ReadError) else e for e in errors]
    text = pd.StringDtype("pyarrow")
    return pd.DataFrame({"path": pd.array([r.get("path") for r in rows], dtype=text),
                         "line": pd.array([r.get("line") for r in rows], dtype="Int64"),
                         "byte_offset": pd.array([r.get("byte_offset") for r in rows], dtype="Int64"),
                         "error": pd.array([r.get("error") for r in rows], dtype=text)})


def empty_frames(*, text: bool = True) -> dict[str, pd.DataFrame]:
    """The four frames with no rows: their columns and dtypes (a Dask ``meta``, say)."""
    return frames([], text=text)


# -- the command line's table formats (standpoints extract --format csv|parquet)
RECORD_FIELDS = ("id", "title", "date", "url", "source", "text", "paragraphs", "sentences", "mentions", "entities",
                 "statements")


def parse_fields(spec: str | None) -> list[str] | None:
    """``--fields``: a comma-separated list of the record's fields to write (``id,date,statements``),
    or of fields to leave out, each with a leading ``-`` (``-text,-sentences``). None: all."""
    if spec is None:
        return None
    names = [n.strip() for n in spec.split(",") if n.strip()]
    drop = [n[1:] for n in names if n.startswith("-")]
    keep = [n for n in names if not n.startswith("-")]
    if drop and keep:
        raise ValueError("--fields takes either fields to keep or fields to leave out (-name), not both")
    unknown = [n for n in drop + keep if n not in RECORD_FIELDS]
    if unknown:
        raise ValueError(f"--fields: unknown field(s) {', '.join(unknown)}; the record has {', '.join(RECORD_FIELDS)}")
    return [f for f in RECORD_FIELDS if (f in keep if keep else f not in drop)]


def select_fields(line: str, fields: list[str] | None) -> str:
    """One JSON record line with only ``fields`` (error records pass unchanged)."""
    import json

    if fields is None:
        return line
    record = json.loads(line)
    if "error" in record:
        return line
    return json.dumps({k: v for k, v in record.items() if k in fields or k == "meta"}, ensure_ascii=False)


class TableSink:
    """Writes documents and error records as tables into a folder, a batch at a time.

    ``format="parquet"``: ``DIR/<table>/part-NNNNN.parquet`` (one Parquet dataset per table;
    ``pandas.read_parquet(DIR / "statements")``, DuckDB ``'DIR/statements/*.parquet'``);
    ``format="csv"``: ``DIR/<table>.csv``. Tables: documents, mentions, entities, statements
    (those that ``fields`` keeps; ``text`` decides the documents' text column) and errors (path,
    line, byte_offset, error: one row per input that could not be read)."""

    def __init__(self, folder: str | os.PathLike, format: str, fields: list[str] | None = None,
                 chunk_size: int = 2000):
        if format not in ("csv", "parquet"):
            raise ValueError(f"format must be 'csv' or 'parquet', not {format!r}")
        import pandas  # noqa: F401  (fail early, with the import error, when pandas or pyarrow is missing)
        import pyarrow  # noqa: F401

        self.folder = Path(folder)
        self.format = format
        self.text = fields is None or "text" in fields
        self.tables = [n for n in FRAMES if n == "documents" or fields is None or n in fields]
        self.chunk_size = chunk_size
        self._docs: list[Any] = []
        self._errors: list[dict] = []
        self._parts = 0
        self._started: set[str] = set()
        self.folder.mkdir(parents=True, exist_ok=True)
        for name in (*self.tables, "errors"):
            target = self.folder / (name if format == "parquet" else f"{name}.csv")
            if format == "parquet" and target.is_dir():
                for old in target.glob("part-*.parquet"):
                    old.unlink()
            elif target.is_file():
                target.unlink()

    def document(self, doc: Any) -> None:
        """Adds a Document (or the core's document object)."""
        from .document import Document

        self._docs.append(doc if isinstance(doc, Document) else Document(doc))
        if len(self._docs) >= self.chunk_size:
            self.flush()

    def error(self, record: dict) -> None:
        """Adds an error record ``{"error", "path", "line"?, "byte_offset"?}``."""
        self._errors.append(record)

    def flush(self) -> None:

        if self._docs:
            out = frames(self._docs, text=self.text)
            for name in self.tables:
                self._write(name, out[name])
            self._docs = []
        if self._errors:
            self._write("errors", errors_frame(self._errors))
            self._errors = []
        self._parts += 1

    def _write(self, name: str, df: Any) -> None:
        if self.format == "parquet":
            folder = self.folder / name
            folder.mkdir(exist_ok=True)
            df.to_parquet(folder / f"part-{self._parts:05d}.parquet", index=False)
        else:
            first = name not in self._started
            df.to_csv(self.folder / f"{name}.csv", mode="w" if first else "a", header=first, index=False,
                      date_format="%Y-%m-%d")
        self._started.add(name)

    def close(self) -> None:
        """Writes what is left; every table gets its file, empty ones included."""
        self.flush()
        empty = empty_frames(text=self.text)
        for name in self.tables:
            if name not in self._started:
                self._write(name, empty[name])
        if "errors" not in self._started:
            self._write("errors", errors_frame([]))

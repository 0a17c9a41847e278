"""A corpus: many articles analysed into four tables, and what is built from them (counts over
time, statement and co-mention networks, Gephi files, a two-mode table for discourse network
analysis).

``Corpus(items)`` takes a path (an article file, a JSON Lines file ``*.jsonl`` / ``*.jsonl.gz``,
or a folder searched for both), a list of paths, or an iterable of records (dicts) and Documents.
Nothing runs until the tables are asked for; then the articles are analysed on a thread pool
(``workers``) in batches, each batch turned into columns at once, so that memory holds the
tables and one batch of documents.

The table functions (:func:`count_positions`, :func:`statement_graph`, :func:`comention_graph`,
:func:`two_mode`) take the frames themselves, so that they work as well on frames read back from
Parquet or built per partition elsewhere.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .analyzer import DATA_DIR, Analyzer, default_analyzer
from .document import Document
from .errors import ReadError
from .tables import FRAMES

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

__all__ = ["Corpus", "count_positions", "statement_graph", "comention_graph", "two_mode", "act_signs"]

log = logging.getLogger("standpoints")

_PERIODS = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}
_ON = ("name", "entity_id", "actor")


def _is_jsonl(name: str) -> bool:
    return name.endswith((".jsonl", ".jsonl.gz", ".ndjson"))


def _walk(folder: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        found += [Path(root) / f for f in sorted(files) if f.endswith(".txt") or _is_jsonl(f)]
    return found


class Corpus:
    """Many articles, analysed lazily into tables.

    Parameters
    ----------
    items:
        A path (``str`` or ``pathlib.Path``: an article file, a JSON Lines file, a folder), or an
        iterable of paths, records (dicts with ``text`` or ``paragraphs``, as in JSON Lines) and
        already analysed Documents. A ``str`` is always a path here: give texts as
        ``{"text": ...}``. Fields of a record beyond ``id``, ``title``, ``date``, ``url``,
        ``text`` and ``paragraphs`` (an outlet, say) become columns of the documents frame.
    analyzer:
        The :class:`Analyzer` to use (your own actors); the shared default one otherwise.
    workers:
        Threads for the analysis (``-1``: every core).
    progress:
        A progress bar on standard error (tqdm): ``True``, ``False``, or ``None`` for one when
        standard error is a terminal or the code runs in a notebook.
    text:
        Keep the articles' text in the documents frame (``False`` saves memory).

    Every input gives one document or one error: :attr:`errors` lists the inputs that could not
    be read. A document without an id gets ``#<position>`` (its place among the inputs), and an id
    seen before gets ``<id>#<n>``, so that ``doc_id`` is a key (a warning is logged).
    """

    def __init__(self, items: Any, *, analyzer: Analyzer | None = None, workers: int = 1, batch_size: int = 64,
                 chunk_size: int = 2000, progress: bool | None = None, text: bool = True):
        if isinstance(items, (str, os.PathLike)):
            items = [items]
        self._items = items
        self.analyzer = analyzer
        self.workers = workers
        self.batch_size = batch_size
        self.chunk_size = chunk_size
        self.progress = progress
        self.text = text
        self._frames: dict[str, pd.DataFrame] | None = None
        self._errors: list[ReadError] = []

    @classmethod
    def from_frames(cls, frames: dict[str, pd.DataFrame]) -> Corpus:
        """A Corpus over tables already built (by :meth:`to_frames`, a Parquet reader, Dask)."""
        missing = [n for n in FRAMES if n not in frames]
        if missing:
            raise ValueError(f"frames lack {missing}")
        c = cls([])
        c._frames = dict(frames)
        return c

    @classmethod
    def from_parquet(cls, path: str | os.PathLike) -> Corpus:
        """A Corpus over the tables that :meth:`to_parquet` wrote into ``path``."""
        import pandas as pd

        return cls.from_frames({n: pd.read_parquet(Path(path) / n) for n in FRAMES})

    # -- the analysis
    def _analyzer(self) -> Analyzer:
        return self.analyzer if self.analyzer is not None else default_analyzer()

    def _units(self) -> Iterator[tuple[str, Any]]:
        """The inputs flattened: ("jsonl", path), ("one", input for analyze_many) or ("done", result)."""
        warned = False
        for x in self._items:
            if isinstance(x, (Document, ReadError)):
                yield "done", x
            elif isinstance(x, dict):
                yield "one", x
            elif isinstance(x, (str, os.PathLike)):
                p = Path(x)
                if p.is_dir():
                    files = _walk(p)
                    if not files:
                        yield "done", ReadError("folder holds no *.txt, *.jsonl or *.jsonl.gz files", str(p))
                    for f in files:
                        yield ("jsonl", f) if _is_jsonl(f.name) else ("one", f)
                elif p.is_file():
                    yield ("jsonl", p) if _is_jsonl(p.name) else ("one", p)
                else:
                    if isinstance(x, str) and not warned and (len(x) > 255 or any(c.isspace() for c in x)):
                        warned = True
                        log.warning("Corpus takes paths, and %r names no file: give texts as {'text': ...}", x[:60])
                    yield "done", ReadError("no such file or folder", str(p))
            else:
                raise TypeError(f"Corpus takes paths, records (dicts) and Documents, not {type(x).__name__}")

    def __iter__(self) -> Iterator[Document | ReadError]:
        """Analyses the inputs (anew on every iteration): one Document or ReadError per input."""
        a = self._analyzer()
        for kind, group in groupby(self._units(), key=lambda u: u[0]):
            if kind == "done":
                yield from (u[1] for u in group)
            elif kind == "jsonl":
                for _, path in group:
                    try:
                        yield from a.read_jsonl(path, workers=self.workers, batch_size=self.batch_size, meta=True)
                    except (OSError, EOFError) as e:  # unreadable or truncated gzip: one error, the run goes on
                        yield ReadError(f"cannot read: {e}", str(path))
            else:
                yield from a.analyze_many((u[1] for u in group), workers=self.workers, batch_size=self.batch_size)

    def _total(self) -> int | None:
        if not isinstance(self._items, Sequence):
            return None
        for x in self._items:
            if isinstance(x, (str, os.PathLike)) and (Path(x).is_dir() or _is_jsonl(str(x))):
                return None
        return len(self._items)

    def _bar(self):
        show = self.progress
        if show is None:
            show = sys.stderr.isatty() or "ipykernel" in sys.modules
        if not show:
            return None
        from tqdm import tqdm

        return tqdm(total=self._total(), unit="doc", file=sys.stderr, dynamic_ncols=True, desc="standpoints")

    def _run(self) -> None:
        from .tables import require

        require("pandas", "pyarrow")
        import pyarrow as pa

        from .tables import arrow_tables, meta_table, to_pandas

        parts: dict[str, list[pa.Table]] = {n: [] for n in FRAMES}
        metas: list[dict] = []
        errors: list[ReadError] = []
        unique = UniqueIds()
        chunk: list[Document] = []
        ids: list[str] = []

        def flush() -> None:
            if not chunk:
                return
            for n, t in arrow_tables(chunk, text=self.text, ids=ids).items():
                parts[n].append(t)
            metas.extend(d.meta for d in chunk)
            chunk.clear()
            ids.clear()

        bar = self._bar()
        try:
            for position, r in enumerate(self):
                if bar is not None:
                    bar.update(1)
                if isinstance(r, ReadError):
                    errors.append(r)
                    continue
                chunk.append(r)
                ids.append(unique(r.id, position))
                if len(chunk) >= self.chunk_size:
                    flush()
            flush()
        finally:
            if bar is not None:
                bar.close()
        unique.warn()
        if not parts["documents"]:
            from .tables import arrow_tables as empty

            for n, t in empty([], text=self.text).items():
                parts[n].append(t)
        tables = {n: pa.concat_tables(parts[n]) for n in FRAMES}
        self._frames = to_pandas(tables, meta_table(metas_as_records(metas)))
        self._errors = errors

    def to_frames(self) -> dict[str, pd.DataFrame]:
        """The ``documents``, ``mentions``, ``entities`` and ``statements`` DataFrames (docs/tables.md).

        The analysis runs on the first call; later calls return the same frames (copy before
        changing them)."""
        if self._frames is None:
            self._run()
        assert self._frames is not None
        return self._frames

    @property
    def errors(self) -> list[ReadError]:
        """The inputs that could not be read (after :meth:`to_frames`), one ReadError each."""
        self.to_frames()
        return list(self._errors)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.to_frames()[name]

    # -- files
    def to_parquet(self, path: str | os.PathLike) -> Path:
        """Writes each frame as a Parquet dataset in ``path`` (``path/documents/part-0.parquet``, ...),
        which ``pandas.read_parquet(path / "documents")`` and DuckDB
        (``SELECT * FROM 'path/documents/*.parquet'``) read back with the same columns."""
        out = Path(path)
        for name, df in self.to_frames().items():
            folder = out / name
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob("part-*.parquet"):
                old.unlink()
            df.to_parquet(folder / "part-0.parquet", index=False)
        return out

    # -- what is built from the tables
    def counts(self, by: str | None = "month", *, on: str = "name") -> pd.DataFrame:
        """Positions counted per period, source, act and target; see :func:`count_positions`."""
        return count_positions(self.to_frames()["statements"], by=by, on=on)

    def to_networkx(self, kind: str = "statements", **options: Any) -> nx.Graph:
        """A networkx graph: ``kind="statements"`` (:func:`statement_graph`: who takes positions
        toward whom, directed) or ``"comentions"`` (:func:`comention_graph`: who is named with
        whom, undirected); ``options`` go to that function."""
        from .tables import require

        require("networkx", extra="network")
        f = self.to_frames()
        if kind == "statements":
            return statement_graph(f["statements"], **options)
        if kind in ("comentions", "co-mentions", "mentions"):
            return comention_graph(f["mentions"], **options)
        raise ValueError(f"kind must be 'statements' or 'comentions', not {kind!r}")

    def to_graphml(self, path: str | os.PathLike, kind: str = "statements", **options: Any) -> Path:
        """Writes :meth:`to_networkx`'s graph as GraphML (Gephi, Cytoscape, igraph, networkx)."""
        import networkx as nx

        nx.write_graphml(self.to_networkx(kind, **options), path)
        return Path(path)

    def to_gexf(self, path: str | os.PathLike, kind: str = "statements", **options: Any) -> Path:
        """Writes :meth:`to_networkx`'s graph as GEXF (Gephi's own format)."""
        import networkx as nx

        nx.write_gexf(self.to_networkx(kind, **options), path)
        return Path(path)

    def two_mode(self, **options: Any) -> pd.DataFrame:
        """Actors by concepts with agreement, as in discourse network analysis; see :func:`two_mode`."""
        return two_mode(self.to_frames()["statements"], **options)

    def __repr__(self) -> str:
        if self._frames is None:
            n = self._total()
            return f"Corpus({'?' if n is None else n} inputs, not analysed yet)"
        f = self._frames
        return (f"Corpus({len(f['documents'])} documents, {len(self._errors)} errors, {len(f['mentions'])} mentions, "
                f"{len(f['entities'])} entities, {len(f['statements'])} statements)")

    def _repr_html_(self) -> str:
        from .display import corpus_html

        return corpus_html(self)


class UniqueIds:
    """Makes ``doc_id`` a key over a run: a document without an id gets ``#<position>`` (its place
    among the inputs, errors included), an id seen before gets ``<id>#<n>``. Corpus and
    standpoints.dask name documents through it, so both give the same ids."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}
        self.renamed = 0

    def __call__(self, doc_id: str | None, position: int) -> str:
        doc_id = doc_id or f"#{position}"
        if doc_id in self.seen:
            self.seen[doc_id] += 1
            doc_id = f"{doc_id}#{self.seen[doc_id]}"
            self.renamed += 1
        self.seen.setdefault(doc_id, 0)
        return doc_id

    def warn(self) -> None:
        if self.renamed:
            log.warning("%d documents had an id seen before; they were renamed <id>#<n> so that doc_id is a key",
                        self.renamed)


def metas_as_records(metas: list[dict]) -> list[dict]:
    """Document.meta dicts in the shape frames.meta_table reads (records with a "meta" key)."""
    return [{"meta": m} for m in metas]


# -- functions over the frames
def act_signs(path: str | os.PathLike | None = None) -> dict[str, int]:
    """Each act's sign (1 cooperative, -1 conflictual, 0 neither) from ``data/act_signs.tsv``
    (or your own file of the same shape)."""
    p = Path(path) if path is not None else DATA_DIR / "act_signs.tsv"
    signs = {}
    with open(p, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#") or line.startswith("act\t"):
                continue
            parts = line.rstrip("\n").split("\t")
            try:
                signs[parts[0]] = int(parts[1])
            except (IndexError, ValueError):
                raise ValueError(f"{p}:{n}: expected act<TAB>sign") from None
    return signs


def _keys(statements: pd.DataFrame, who: str, on: str) -> pd.Series:
    """The node key of a statement's source or target: the entity's canonical name (the words when
    there is no entity), its entity id, or its actor code."""
    if on == "name":
        return statements[f"{who}_name"].fillna(statements[f"{who}_text"])
    if on == "entity_id":
        return statements[f"{who}_entity_id"].fillna(statements[f"{who}_text"])
    if on == "actor":
        return statements[f"{who}_actor"]
    raise ValueError(f"on must be one of {_ON}, not {on!r}")


def _period(dates: pd.Series, by: str) -> pd.Series:
    if by not in _PERIODS:
        raise ValueError(f"by must be one of {sorted(_PERIODS)} or None, not {by!r}")
    return dates.dt.to_period(_PERIODS[by]).dt.start_time


def count_positions(statements: pd.DataFrame, *, by: str | None = "month", on: str = "name") -> pd.DataFrame:
    """Statements counted per ``period`` (``by``: ``"day"``, ``"week"``, ``"month"``, ``"quarter"``,
    ``"year"``, or None for no period), ``source``, ``act`` and ``target``, with the number of
    documents they come from. ``on``: ``"name"`` (canonical entity names), ``"entity_id"`` or
    ``"actor"`` (actor codes). A statement with no target counts under target ``<NA>``; negated
    statements count apart (``negated`` column). Sorted by period, then most statements first."""
    import pandas as pd

    df = pd.DataFrame({"source": _keys(statements, "source", on), "act": statements["act"],
                       "target": _keys(statements, "target", on), "negated": statements["negated"],
                       "doc_id": statements["doc_id"]})
    keys = ["source", "act", "target", "negated"]
    if by is not None:
        df.insert(0, "period", _period(statements["date"], by))
        keys = ["period", *keys]
    g = df.groupby(keys, dropna=False, sort=False)
    out = g.size().rename("statements").to_frame()
    out["documents"] = g["doc_id"].nunique()
    out = out.reset_index()
    out["statements"] = out["statements"].astype("Int64")
    out["documents"] = out["documents"].astype("Int64")
    order = (["period"] if by is not None else []) + ["statements"]
    return out.sort_values(order, ascending=[True] * (len(order) - 1) + [False], kind="stable",
                           ignore_index=True)


def _most_common(keys: pd.Series, values: pd.Series) -> dict:
    """For each key, its most frequent non-null value."""
    import pandas as pd

    df = pd.DataFrame({"k": keys, "v": values}).dropna()
    if df.empty:
        return {}
    top = df.groupby(["k", "v"], sort=False).size().reset_index(name="n")
    top = top.sort_values(["k", "n"], ascending=[True, False], kind="stable").drop_duplicates("k")
    return dict(zip(top["k"], top["v"]))


def _clean(attrs: dict) -> dict:
    # GraphML and GEXF take str, int, float and bool values, never None or pandas' NA.
    import pandas as pd

    out = {}
    for k, v in attrs.items():
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            continue
        out[k] = v.item() if hasattr(v, "item") else v
    return out


def statement_graph(statements: pd.DataFrame, *, on: str = "name", act: str | Iterable[str] | None = None,
                    signed: bool = False, signs: dict[str, int] | None = None) -> nx.DiGraph:
    """Who takes positions toward whom: a directed graph with a node per source or target
    (keyed ``on`` canonical ``"name"``, ``"entity_id"`` or ``"actor"`` code) and an edge per
    (source, target) pair of the statements that have a target.

    Edge attributes: ``statements`` (how many), one count per act (``ACCUSE``, ``WARN``, ...),
    ``positive`` and ``negative`` (cooperative and conflictual acts by :func:`act_signs`; negated
    statements count as neither) and ``weight``: the number of statements, or with
    ``signed=True`` positive minus negative. ``act`` keeps only that act (or those acts). Node
    attributes: ``label``, ``actor`` (the most frequent code), ``name`` (for ``on="entity_id"``),
    ``made`` and ``received`` (statements)."""
    import networkx as nx
    import pandas as pd

    s = statements[statements["target_text"].notna()]
    if act is not None:
        acts = [act] if isinstance(act, str) else list(act)
        s = s[s["act"].isin(acts)]
    src, tgt = _keys(s, "source", on), _keys(s, "target", on)
    ok = src.notna() & tgt.notna()
    s, src, tgt = s[ok], src[ok], tgt[ok]
    sign_of = signs if signs is not None else act_signs()
    sign = s["act"].map(lambda a: sign_of.get(a, 0)).astype("Int64").where(~s["negated"].astype(bool), 0)
    df = pd.DataFrame({"source": src, "target": tgt, "act": s["act"], "sign": sign})
    g = nx.DiGraph()
    for who, key in (("source", src), ("target", tgt)):
        names = _most_common(key, s[f"{who}_name"])
        actors = _most_common(key, s[f"{who}_actor"])
        for k, n in key.value_counts().items():
            attrs = g.nodes[k] if k in g else {}
            label = names.get(k, k) if on != "actor" else k
            g.add_node(k, **_clean({"label": attrs.get("label", label), "actor": attrs.get("actor", actors.get(k)),
                                    "name": names.get(k) if on == "entity_id" else None}))
            g.nodes[k]["made" if who == "source" else "received"] = int(n)
    for k in g.nodes:
        g.nodes[k].setdefault("made", 0)
        g.nodes[k].setdefault("received", 0)
    if df.empty:
        return g
    per_act = df.groupby(["source", "target", "act"], sort=False).size().unstack("act", fill_value=0)
    pos = df[df["sign"] > 0].groupby(["source", "target"]).size()
    neg = df[df["sign"] < 0].groupby(["source", "target"]).size()
    for (a, b), row in per_act.iterrows():
        n = int(row.sum())
        p, q = int(pos.get((a, b), 0)), int(neg.get((a, b), 0))
        attrs = {c: int(v) for c, v in row.items() if v}
        g.add_edge(a, b, statements=n, positive=p, negative=q, weight=(p - q) if signed else n, **attrs)
    return g


def comention_graph(mentions: pd.DataFrame, *, on: str = "name", within: str = "document",
                    types: Iterable[str] | None = None, min_weight: int = 1) -> nx.Graph:
    """Who is named with whom: an undirected graph with a node per entity (keyed ``on`` canonical
    ``"name"``, ``"entity_id"`` or ``"actor"`` code) and an edge between two that are named in
    the same document (``within="document"``) or sentence (``"sentence"``); ``weight`` counts
    those documents or sentences. Only names count (no pronouns); ``types`` keeps those mention
    types (``["PERSON", "ORG", "GPE"]``); edges lighter than ``min_weight`` are left out. Node
    attributes: ``label``, ``type``, ``actor``, ``documents`` (how many name it)."""
    import networkx as nx
    import pandas as pd

    m = mentions[(mentions["kind"] == "name") & mentions["entity"].notna()]
    if types is not None:
        m = m[m["type"].isin(list(types))]
    key = {"name": m["entity_name"], "entity_id": m["entity_id"], "actor": m["actor"]}.get(on)
    if key is None:
        raise ValueError(f"on must be one of {_ON}, not {on!r}")
    if within not in ("document", "sentence"):
        raise ValueError(f"within must be 'document' or 'sentence', not {within!r}")
    unit = ["doc_id"] if within == "document" else ["doc_id", "sentence"]
    df = pd.DataFrame({"key": key, **{u: m[u] for u in unit}}).dropna().drop_duplicates()
    g = nx.Graph()
    types_of, actors, names = (_most_common(key, m["type"]), _most_common(key, m["actor"]),
                               _most_common(key, m["entity_name"]))
    docs = pd.DataFrame({"key": key, "doc_id": m["doc_id"]}).dropna().drop_duplicates()["key"].value_counts()
    for k, n in docs.items():
        g.add_node(k, **_clean({"label": names.get(k, k) if on != "actor" else k, "type": types_of.get(k),
                                "actor": actors.get(k), "documents": int(n)}))
    pairs = df.merge(df, on=unit)
    pairs = pairs[pairs["key_x"] < pairs["key_y"]]
    weights = pairs.groupby(["key_x", "key_y"], sort=False).size()
    for (a, b), w in weights.items():
        if w >= min_weight:
            g.add_edge(a, b, weight=int(w))
    return g


def two_mode(statements: pd.DataFrame, *, on: str = "name", concept: str = "target", qualifier: str = "combine",
             signs: dict[str, int] | None = None) -> pd.DataFrame:
    """Actors (rows) by concepts (columns), as the two-mode (affiliation) networks of discourse
    network analysis: each statement is an actor's position on a concept with an agreement
    qualifier, positive for cooperative acts and negative for conflictual ones (:func:`act_signs`;
    negated statements and neutral acts are neither).

    ``concept``: ``"target"`` (whom the position is about), ``"act"``, or ``"act_target"``
    (``"ACCUSE Russia"``). ``qualifier``: ``"combine"`` (0 none, 1 only positive, 2 only negative,
    3 both, as DNA's "combine"), ``"subtract"`` (positive minus negative), or ``"count"`` (all
    statements). Statements without a target are left out unless ``concept="act"``."""
    import pandas as pd

    s = statements if concept == "act" else statements[statements["target_text"].notna()]
    actor = _keys(s, "source", on)
    if concept == "target":
        con = _keys(s, "target", on)
    elif concept == "act":
        con = s["act"]
    elif concept == "act_target":
        con = s["act"] + " " + _keys(s, "target", on)
    else:
        raise ValueError(f"concept must be 'target', 'act' or 'act_target', not {concept!r}")
    sign_of = signs if signs is not None else act_signs()
    sign = s["act"].map(lambda a: sign_of.get(a, 0)).astype("Int64").where(~s["negated"].astype(bool), 0)
    df = pd.DataFrame({"actor": actor, "concept": con, "pos": (sign > 0).astype(int), "neg": (sign < 0).astype(int)})
    df = df.dropna(subset=["actor", "concept"])
    g = df.groupby(["actor", "concept"])
    if qualifier == "count":
        values = g.size()
    elif qualifier == "subtract":
        values = g["pos"].sum() - g["neg"].sum()
    elif qualifier == "combine":
        values = (g["pos"].max() > 0).astype(int) + 2 * (g["neg"].max() > 0).astype(int)
    else:
        raise ValueError(f"qualifier must be 'combine', 'subtract' or 'count', not {qualifier!r}")
    table = values.unstack("concept", fill_value=0).astype("int64")
    table.index.name, table.columns.name = "actor", "concept"
    return table

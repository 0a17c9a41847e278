"""Corpus tables on a Dask cluster: the same four tables as :meth:`Corpus.to_frames`, built
partition by partition on many processes or machines.

    from distributed import Client, LocalCluster
    from standpoints import Analyzer
    import standpoints.dask as sd

    client = Client(LocalCluster(n_workers=2, threads_per_worker=1))  # or Client("tcp://scheduler:8786")
    frames = sd.read_jsonl("news/*.jsonl", analyzer=Analyzer(actors="my_actors.tsv"))
    sd.to_parquet(frames, "out")     # out/documents, out/mentions, ... : one Parquet dataset per table
    local = sd.compute(frames)       # or pandas frames, equal to Corpus(...).to_frames()

:func:`read_jsonl` and :func:`read_files` return a mapping (:class:`DaskTables`; ``dict(tables)``
for a dict) of Dask DataFrames keyed ``documents``,
``mentions``, ``entities``, ``statements`` (the columns and dtypes of docs/tables.md) and
``errors`` (``path``, ``line``, ``byte_offset``, ``error``: one row per input that could not be
read). Every input gives one ``documents`` row or one ``errors`` row; a bad record never fails a
partition. Needs ``pip install 'standpoints[dask]'`` (dask[dataframe] and distributed).

How the work is split
    A plain JSON Lines file is cut into blocks of ``blocksize`` bytes; a block holds the lines that
    start in it, so no line is cut. A compressed file (``.gz``, or any compression fsspec infers
    from the name) cannot be entered in the middle: it is one partition, decompressed as a stream
    (memory holds that partition's tables and 2,000 documents at a time, not the decompressed
    file). To spread one big
    ``.jsonl.gz`` over many workers, decompress it first, or split it (``zcat big.jsonl.gz | split
    -l 50000 --additional-suffix=.jsonl - part-``). Article files go ``files_per_partition`` to a
    partition.

Keys
    ``doc_id`` is unique over the whole run, as in :class:`Corpus` and with the same ids: the
    record's id; ``#<position>`` (the record's place among all inputs) when it has none; and
    ``<id>#<n>`` for an id seen before. To give them, :func:`read_jsonl` makes a first pass over
    the inputs when it is called (on the cluster, through the default scheduler: each block read
    once more and the ids picked from its lines, a few per cent of the analysis; the ids come back
    to the client, some 100 bytes a record) and counts the lines and ids of every block; so the
    line numbers in ``errors`` are the lines of the file, and each block's task depends on nothing
    and can run on any worker. A line that is not well-formed JSON has no id and takes no id from
    a later record; one that is well-formed but that the core rejects (a field of the wrong type)
    still holds its id, so a later record with the same id becomes ``<id>#1`` where a Corpus would
    leave it as it is: the only way the two can differ.
    ``(doc_id, mention)``, ``(doc_id, entity)`` and ``(doc_id, statement)`` are keys as in a
    Corpus.

The Analyzer
    Give your own (actor files, added actors, ``errors="replace"``); it travels to the workers by
    its pickling (the actor files' paths and the added actors, not the knowledge), and each worker
    process builds it once and keeps it for every later partition and run (a cache keyed by that
    configuration and the actor files' modification times). The actor files must exist at the
    same path on every worker. Without one, each process uses the default Analyzer.

Extra fields of the records (an ``outlet``) become columns of ``documents``, as in a Corpus; a
Dask DataFrame needs its columns before reading, so they are taken from the first ``sample``
records of the first file, or given with ``columns=``.

Each table is a view of the same partitions: compute them together (:func:`compute`,
:func:`to_parquet`, ``dask.compute(*frames.values())`` or ``dask.persist``) so that each partition
is analysed once; computing one table and then another analyses everything twice. :func:`to_parquet`
and :func:`compute` of the tables as read run one task per partition for all five tables (writing
Parquet straight from Arrow), which keeps the scheduler's share small; a dict with other frames
(a filtered table) goes through Dask's own ``to_parquet``.

Paths may be local, on a file system every worker sees (NFS), or any URL fsspec opens
(``s3://...`` with s3fs installed; ``storage_options`` go to fsspec); only local paths are tested.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .analyzer import Analyzer, default_analyzer
from .corpus import UniqueIds
from .document import INPUT_FIELDS, Document
from .errors import ReadError
from .tables import FRAMES, arrow_tables, errors_frame, finish, meta_table, pandas_types, require

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd
    import pyarrow as pa

__all__ = ["read_jsonl", "read_files", "to_parquet", "compute", "DaskTables", "TABLES"]

TABLES = (*FRAMES, "errors")

_JSONL = (".jsonl", ".jsonl.gz", ".ndjson")


def _require() -> None:
    require("dask.dataframe", "distributed", "pandas", "pyarrow", "fsspec", extra="dask")


# -- the inputs
def _expand(paths: Any, suffixes: tuple[str, ...], storage_options: dict | None) -> tuple[Any, list[str]]:
    """The file system and the files: each path a file, a glob (sorted matches) or a folder
    (the files with one of ``suffixes``, walked as Corpus walks folders)."""
    import fsspec

    items: list[str] = [os.fspath(p) for p in ([paths] if isinstance(paths, (str, os.PathLike)) else paths)]
    if not items:
        raise ValueError("no input paths given")
    fs, _ = fsspec.core.url_to_fs(items[0], **(storage_options or {}))
    files: list[str] = []
    for p in items:
        other, stripped = fsspec.core.url_to_fs(p, **(storage_options or {}))
        if type(other) is not type(fs):
            raise ValueError(f"all paths must be on one file system: {items[0]!r} and {p!r} are not")
        if any(c in p for c in "*?["):
            found = sorted(name for name, info in fs.glob(stripped, detail=True).items() if info["type"] != "directory")
            if not found:
                raise FileNotFoundError(2, "no file matches", p)
            files += found
        elif fs.isdir(stripped):
            found = _walk(fs, stripped, suffixes)
            if not found:
                raise FileNotFoundError(2, f"folder holds no {', '.join('*' + s for s in suffixes)} files", p)
            files += found
        else:
            files.append(stripped)  # a missing file gives an error row, as in a Corpus
    return fs, files


def _walk(fs: Any, folder: str, suffixes: tuple[str, ...]) -> list[str]:
    entries = sorted(fs.ls(folder, detail=True), key=lambda e: e["name"])
    files = [e["name"] for e in entries if e["type"] != "directory" and e["name"].endswith(suffixes)]
    for e in entries:
        if e["type"] == "directory":
            files += _walk(fs, e["name"], suffixes)
    return files


@dataclass(frozen=True)
class _Block:
    """The lines of ``path`` that start in bytes [start, end) (the whole file when end is None)."""

    path: str
    start: int
    end: int | None
    compression: str | None


def _blocks(fs: Any, files: list[str], blocksize: int | None) -> list[_Block]:
    from fsspec.utils import infer_compression

    out = []
    for path in files:
        compression = infer_compression(path)
        try:
            size = fs.size(path)
        except OSError:
            size = None  # cannot be read: one block, which gives the error row
        if compression is not None or blocksize is None or size is None or size <= blocksize:
            out.append(_Block(path, 0, None, compression))
            continue
        starts = list(range(0, size, blocksize))
        out += [_Block(path, s, e, None) for s, e in zip(starts, starts[1:] + [None])]
    return out


def _lines(fs: Any, block: _Block) -> Iterator[bytes]:
    """Every line of the block, empty ones included, in order."""
    with fs.open(block.path, "rb", compression=block.compression) as f:
        if block.start > 0:
            f.seek(block.start - 1)
            if f.read(1) != b"\n":
                f.readline()  # the end of a line that starts in the block before
        if block.end is None:
            yield from f
            return
        while f.tell() < block.end:
            raw = f.readline()
            if not raw:
                return
            yield raw


def _filled(raw: bytes) -> bool:
    return bool(raw) and not raw.isspace()  # as Analyzer.read_jsonl: whitespace-only lines are no input


# -- the first pass: lines and ids
_ID = re.compile(rb'\s*\{\s*"id"\s*:\s*"([^"\\\x00-\x1f]*)"\s*[,}]')


def _record_id(raw: bytes, strict: bool) -> str | None:
    """The id the core will read from a record, "" when it has none, None when the line is not a
    record the core can read (not JSON, or invalid UTF-8 with ``errors="strict"``)."""
    try:
        text = raw.decode("utf-8", "strict" if strict else "replace")
    except UnicodeDecodeError:
        return None
    m = _ID.match(raw)
    if m is not None and raw.rstrip().endswith(b"}"):  # the usual record: the id first, a plain string
        return m.group(1).decode("utf-8", "replace")
    try:
        record = json.loads(text)
    except ValueError:
        return None
    if not isinstance(record, dict):
        return None
    v = record.get("id")
    if isinstance(v, str):
        return v
    return str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else ""


@dataclass
class _Scan:
    lines: int  # lines that start in the block, empty ones included
    ids: list[str | None]  # per non-empty line, as _record_id
    failed: bool  # reading stopped with an error (one more input: its error row)


def _scan(fs: Any, block: _Block, strict: bool) -> _Scan:
    n, ids = 0, []
    try:
        for raw in _lines(fs, block):
            n += 1
            if _filled(raw):
                ids.append(_record_id(raw, strict))
    except (OSError, EOFError):
        return _Scan(n, ids, True)
    return _Scan(n, ids, False)


@dataclass(frozen=True)
class _Planned:
    """What a block's task needs of the first pass: the number of its first line in the file, the
    position (among all inputs) of its first non-empty line, and the doc_ids that differ from the
    rule every block applies alone (the record's id, else ``#<position>``): repeated ids."""

    first_line: int
    first_position: int
    renamed: dict[int, str]

    def doc_id(self, k: int, raw_id: str | None) -> str:
        """The doc_id of the block's k-th non-empty line, whose record states ``raw_id``."""
        return self.renamed.get(k) or raw_id or f"#{self.first_position + k}"


_SCAN_BYTES = 8 * 2**20  # input bytes a task of the first pass reads at least (a block is read in milliseconds)


def _scan_groups(fs: Any, blocks: list[_Block]) -> list[list[_Block]]:
    """Consecutive blocks in groups of at least _SCAN_BYTES: one task of the first pass each."""
    groups: list[list[_Block]] = [[]]
    size = 0
    for b in blocks:
        if size >= _SCAN_BYTES:
            groups.append([])
            size = 0
        groups[-1].append(b)
        try:
            size += (b.end if b.end is not None else fs.size(b.path)) - b.start
        except OSError:
            pass
    return groups


def _scan_many(fs: Any, blocks: list[_Block], strict: bool) -> list[_Scan]:
    return [_scan(fs, b, strict) for b in blocks]


def _plan(scans: Sequence[_Scan], paths: list[str]) -> list[_Planned]:
    """Per block, from the first pass over all blocks in order: lines, positions and the ids that
    UniqueIds renames (an unreadable line keeps its #<position>, which no document then takes)."""
    unique = UniqueIds()
    position = 0
    next_line: dict[str, int] = {}
    out = []
    for scan, path in zip(scans, paths):
        first = next_line.get(path, 1)
        next_line[path] = first + scan.lines
        renamed = {}
        for k, raw_id in enumerate(scan.ids):
            doc_id = unique(raw_id, position + k)
            if doc_id != (raw_id or f"#{position + k}"):
                renamed[k] = doc_id
        out.append(_Planned(first, position, renamed))
        position += len(scan.ids) + scan.failed
    return out


# -- the Analyzer of each worker process
_ANALYZERS: OrderedDict[bytes, Analyzer] = OrderedDict()
_ANALYZERS_LOCK = threading.Lock()
_KEEP = 4  # configurations kept per process
_built = 0  # Analyzers this process built for standpoints.dask (the tests check that it is one)


def _spec(analyzer: Analyzer | None) -> bytes | None:
    """What a task carries of the Analyzer: its pickle (configuration, not knowledge) and the actor
    files' sizes and modification times, so that a changed file is read again."""
    if analyzer is None:
        return None
    stamps = []
    for f in analyzer._files:
        st = os.stat(f)
        stamps.append((f, st.st_size, st.st_mtime_ns))
    return pickle.dumps((analyzer, stamps))


def _analyzer(spec: bytes | None) -> Analyzer:
    global _built
    if spec is None:
        return default_analyzer()
    with _ANALYZERS_LOCK:
        a = _ANALYZERS.get(spec)
        if a is None:
            a = pickle.loads(spec)[0]
            _built += 1
            _ANALYZERS[spec] = a
            while len(_ANALYZERS) > _KEEP:
                _ANALYZERS.popitem(last=False)
        else:
            _ANALYZERS.move_to_end(spec)
        return a


def _analyzers_built() -> int:
    """How many Analyzers this process has built (run on the workers with ``client.run``)."""
    return _built


# -- the extra fields of the records
def _sample_schema(fs: Any, block: _Block, sample: int) -> pa.Schema:
    """The columns that the extra fields of the first ``sample`` records make (their types as
    frames infers them)."""
    records: list[dict] = []
    try:
        for raw in _lines(fs, block):
            if len(records) >= sample:
                break
            if not _filled(raw):
                continue
            try:
                r = json.loads(raw)
            except ValueError:
                continue
            if isinstance(r, dict):
                records.append({"meta": {k: v for k, v in r.items() if k not in INPUT_FIELDS}})
    except (OSError, EOFError):
        pass
    return _schema_of(meta_table(records))


def _schema_of(table: pa.Table | None) -> pa.Schema:
    import pyarrow as pa

    return table.schema if table is not None else pa.schema([])


def _columns_schema(columns: Sequence[str] | Mapping[str, str], sampled: pa.Schema | None) -> pa.Schema:
    """``columns=``: names (typed as in the sample, else strings) or names with pyarrow type names."""
    import pyarrow as pa

    def arrow(t: str) -> pa.DataType:
        dt = pa.type_for_alias(t)
        return pa.large_string() if dt in (pa.string(), pa.utf8()) else dt

    if isinstance(columns, Mapping):
        return pa.schema([(n, arrow(t)) for n, t in columns.items()])
    known = {f.name: f.type for f in sampled} if sampled is not None else {}
    return pa.schema([(n, known.get(n, pa.large_string())) for n in columns])


def _conform(meta: pa.Table | None, schema: pa.Schema, n: int) -> pa.Table:
    """A partition's extra fields with exactly the columns and types of ``schema``: a missing field
    is null; a value that the column's type cannot hold is null."""
    import pyarrow as pa

    arrays = []
    for field in schema:
        if meta is None or field.name not in meta.column_names:
            arrays.append(pa.nulls(n, field.type))
            continue
        col = meta.column(field.name)
        try:
            arrays.append(col.cast(field.type))
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
            arrays.append(pa.array([_cast_one(v, field.type) for v in col.to_pylist()], type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def _cast_one(v: Any, t: pa.DataType) -> Any:
    import pyarrow as pa

    try:
        return pa.array([v]).cast(t)[0].as_py()
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return None


# -- one partition: its tables as Arrow (what Parquet gets) or pandas (what Dask DataFrames hold)
class _Part:
    """How one partition is made: ``fn(*args)`` gives its (tables, errors). A plain object, so
    that Dask passes it to a task as it is instead of walking through its arguments."""

    __slots__ = ("fn", "args")

    def __init__(self, fn: Any, args: tuple):
        self.fn, self.args = fn, args

    def __call__(self) -> tuple[dict[str, pa.Table], list[ReadError]]:
        return self.fn(*self.args)


_CHUNK = 2000  # documents turned into tables at once (Corpus's chunk_size)


class _Collector:
    """A partition's documents turned into Arrow tables ``chunk`` documents at a time, as Corpus
    does: memory holds the tables and one chunk of Documents, also for a whole .gz file."""

    def __init__(self, text: bool, schema: pa.Schema | None):
        self.text, self.chunk = text, _CHUNK
        self.schema = schema if schema is not None and len(schema) else None
        self.parts: dict[str, list[pa.Table]] = {n: [] for n in FRAMES}
        self.metas: list[pa.Table] = []
        self.docs: list[Document] = []
        self.ids: list[str] = []
        self.errors: list[ReadError] = []

    def add(self, doc: Document, doc_id: str) -> None:
        self.docs.append(doc)
        self.ids.append(doc_id)
        if len(self.docs) >= self.chunk:
            self.flush()

    def flush(self) -> None:
        if not self.docs and self.parts["documents"]:
            return
        for n, t in arrow_tables(self.docs, text=self.text, ids=self.ids).items():
            self.parts[n].append(t)
        if self.schema is not None:
            self.metas.append(_conform(meta_table(self.docs), self.schema, len(self.docs)))
        self.docs, self.ids = [], []

    def tables(self) -> tuple[dict[str, pa.Table], list[ReadError]]:
        """The partition's finished tables (dates, extra columns) and its errors."""
        import pyarrow as pa

        self.flush()
        tables = {n: pa.concat_tables(self.parts[n]) for n in FRAMES}
        meta = pa.concat_tables(self.metas) if self.schema is not None else None
        return finish(tables, meta), self.errors


def _block_part(spec: bytes | None, fs: Any, block: _Block, planned: _Planned, strict: bool, text: bool,
                schema: pa.Schema | None) -> tuple[dict[str, pa.Table], list[ReadError]]:
    """The tables of one block of a JSON Lines file."""
    analyzer = _analyzer(spec)
    out = _Collector(text, schema)
    lines = ((planned.first_line + k, raw) for k, raw in enumerate(_lines(fs, block)))
    k = 0  # the non-empty line's index in the block
    try:
        for batch in _batches((n, raw) for n, raw in lines if _filled(raw)):
            for (_, raw), r in zip(batch, _analyse(analyzer, batch, block.path, out.schema is not None)):
                if isinstance(r, ReadError):
                    out.errors.append(r)
                else:
                    out.add(r, planned.doc_id(k, _record_id(raw, strict)))
                k += 1
    except (OSError, EOFError) as e:  # unreadable or truncated: one error, the partition goes on (as Corpus)
        out.errors.append(ReadError(f"cannot read: {e}", block.path))
    return out.tables()


def _batches(lines: Iterator[tuple[int, bytes]], size: int = 64) -> Iterator[list[tuple[int, bytes]]]:
    batch = []
    for x in lines:
        batch.append(x)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _analyse(analyzer: Analyzer, batch: list[tuple[int, bytes]], path: str, meta: bool) -> list[Document | ReadError]:
    """The batch's Documents and ReadErrors. Should the binding raise on a record instead of
    returning its ReadError, the batch is analysed again a record at a time, and that record alone
    gives an error row: a partition never fails."""
    try:
        return list(analyzer.read_lines(batch, path=path, meta=meta))
    except Exception as e:
        if len(batch) > 1:
            return [r for one in batch for r in _analyse(analyzer, [one], path, meta)]
        return [ReadError(f"cannot analyse: {type(e).__name__}: {e}", path, batch[0][0])]


def _files_part(spec: bytes | None, fs: Any, paths: list[str], ids: list[str], format: str,
                text: bool) -> tuple[dict[str, pa.Table], list[ReadError]]:
    """The tables of a batch of article files."""
    analyzer = _analyzer(spec)
    local = "file" in (fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,))
    out = _Collector(text, None)
    for path, doc_id in zip(paths, ids):
        r = _read_file(analyzer, fs, local, path, format)
        if isinstance(r, ReadError):
            out.errors.append(r)
        else:
            out.add(r, doc_id)
    return out.tables()


def _read_file(analyzer: Analyzer, fs: Any, local: bool, path: str, format: str) -> Document | ReadError:
    """One article file: read by the core when local, else fetched through fsspec."""
    try:  # every failure is an error row, as in _analyse
        if local:
            return analyzer.read(path, format=format)
        data = fs.cat_file(path)
        if format == "plain":
            return analyzer.parse(data.decode("utf-8", analyzer.errors))
        r = next(iter(analyzer.analyze_many([data])))
    except ReadError as e:
        r = e
    except (OSError, UnicodeDecodeError) as e:
        return ReadError(f"cannot read: {e}", path)
    except Exception as e:
        return ReadError(f"cannot analyse: {type(e).__name__}: {e}", path)
    if isinstance(r, ReadError) and not r.path:
        return ReadError(r.reason, path, r.line, r.byte_offset)
    return r


def _id_from_path(path: str) -> str:
    """A document's id from its file name, as the core gives it (reader.cpp, id_from_path)."""
    name = re.split(r"[/\\]", path)[-1]
    for ext in (".jsonl.gz", ".txt.gz", ".jsonl", ".txt", ".json", ".gz"):
        if len(name) > len(ext) and name.endswith(ext):
            return name[: -len(ext)]
    dot = name.rfind(".")
    return name[:dot] if dot > 0 else name


def _frames_of(part: _Part) -> dict[str, pd.DataFrame]:
    """A partition as pandas DataFrames, ``errors`` included."""
    tables, errors = part()
    out = {name: t.to_pandas(types_mapper=pandas_types) for name, t in tables.items()}
    out["errors"] = errors_frame(errors)
    return out


_SCHEMAS: dict[tuple, dict[str, pa.Schema]] = {}


def _parquet_schemas(text: bool, schema: pa.Schema | None) -> dict[str, pa.Schema]:
    """The tables' Arrow schemas with the pandas metadata that gives the frames' dtypes back on
    reading (made once per process and table layout)."""
    import pyarrow as pa

    key = (text, None if schema is None else schema.to_string())
    if key not in _SCHEMAS:
        _SCHEMAS[key] = {n: pa.Schema.from_pandas(df, preserve_index=False) for n, df in _empty(text, schema).items()}
    return _SCHEMAS[key]


def _write_part(part: _Part, fs: Any, root: str, k: int, text: bool, schema: pa.Schema | None,
                compression: str) -> int:
    """Writes a partition's tables as ``root/<table>/part.<k>.parquet``, straight from Arrow;
    returns its documents."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    tables, errors = part()
    tables["errors"] = pa.Table.from_pandas(errors_frame(errors), preserve_index=False)
    schemas = _parquet_schemas(text, schema)
    for name, t in tables.items():
        with fs.open(f"{root}/{name}/part.{k}.parquet", "wb") as f:
            pq.write_table(t.cast(schemas[name]), f, compression=compression)
    return tables["documents"].num_rows


# -- the Dask DataFrames
class DaskTables(Mapping):
    """What :func:`read_jsonl` and :func:`read_files` return: a read-only mapping of the five table
    names to Dask DataFrames, made on first access. It also keeps how each partition is made, so
    that :func:`to_parquet` and :func:`compute` run one task per partition for all five tables
    (fewer tasks for the scheduler, no pandas step before Parquet). ``dict(tables)`` gives a dict
    to change (a filtered table, say); it is written through Dask's own ``to_parquet``."""

    def __init__(self, parts: list[_Part], token: str, text: bool, schema: pa.Schema | None):
        self.parts = parts
        self.token = token
        self.text = text
        self.schema = schema  # the records' extra fields (columns of documents)
        self.empty = _empty(text, schema)
        self._frames: dict[str, dd.DataFrame] | None = None

    def _pieces(self) -> list:
        """One delayed dict of pandas frames per partition (the keys compute() uses too)."""
        from dask import delayed

        return [delayed(_frames_of, pure=True)(part, dask_key_name=f"standpoints-part-{self.token}-{k}")
                for k, part in enumerate(self.parts)]

    def _made(self) -> dict[str, dd.DataFrame]:
        if self._frames is None:
            import dask.dataframe as dd

            pieces = self._pieces()
            self._frames = {name: dd.from_delayed([p[name] for p in pieces], meta=self.empty[name],
                                                  verify_meta=False) for name in TABLES}
        return self._frames

    def __getitem__(self, name: str) -> dd.DataFrame:
        if name not in TABLES:
            raise KeyError(name)
        return self._made()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(TABLES)

    def __len__(self) -> int:
        return len(TABLES)

    def __repr__(self) -> str:
        return f"<DaskTables {', '.join(TABLES)}: {len(self.parts)} partitions>"


def _empty(text: bool, schema: pa.Schema | None) -> dict[str, pd.DataFrame]:
    tables, _ = _Collector(text, schema).tables()
    out = {name: t.to_pandas(types_mapper=pandas_types) for name, t in tables.items()}
    out["errors"] = errors_frame([])
    return out


def _token(*parts: Any) -> str:
    from dask.base import tokenize

    return tokenize(*parts)


def _parse_size(blocksize: int | str | None) -> int | None:
    if blocksize is None or isinstance(blocksize, int):
        if isinstance(blocksize, int) and blocksize <= 0:
            raise ValueError("blocksize must be positive (or None: one partition per file)")
        return blocksize
    from dask.utils import parse_bytes

    return parse_bytes(blocksize)


def read_jsonl(paths: str | os.PathLike | Iterable[str | os.PathLike], *, analyzer: Analyzer | None = None,
               blocksize: int | str | None = "8MiB", text: bool = True,
               columns: Sequence[str] | Mapping[str, str] | None = None, sample: int = 1000,
               storage_options: dict | None = None) -> DaskTables:
    """JSON Lines files (``.jsonl``, ``.ndjson``, ``.jsonl.gz``) as Dask DataFrames of the corpus
    tables: ``documents``, ``mentions``, ``entities``, ``statements`` and ``errors``.

    ``paths``: a file, a glob (``"news/*.jsonl.gz"``), a folder (its JSON Lines files), or a list
    of these. ``blocksize``: bytes of a plain file per partition (``"8MiB"``; None: one partition
    per file); compressed files are one partition each. ``text=False`` leaves out the documents'
    text. ``columns``: the records' extra fields to keep as columns of ``documents`` (names, or
    names mapped to pyarrow type names such as ``"string"``, ``"int64"``, ``"double"``); by
    default those of the first ``sample`` records of the first file; ``[]`` keeps none (and saves
    parsing each record once more). Nothing is analysed until the frames are computed (the first
    pass over lines and ids runs at once, on the default scheduler); see the module's
    documentation for keys, partitions and the Analyzer.
    """
    _require()
    import dask
    from dask import delayed

    size = _parse_size(blocksize)
    fs, files = _expand(paths, _JSONL, storage_options)
    blocks = _blocks(fs, files, size)
    strict = (analyzer.errors if analyzer is not None else "strict") == "strict"
    wanted = columns is None or (not isinstance(columns, Mapping) and len(columns) > 0)
    sampled = _sample_schema(fs, blocks[0], sample) if wanted and sample > 0 else None
    if columns is None:
        schema = sampled if sampled is not None else _schema_of(None)
    else:
        schema = _columns_schema(columns, sampled)
    spec = _spec(analyzer)
    # The first pass runs now, on the cluster (the default scheduler), so that each block's task
    # carries its plan as a literal and depends on nothing: the scheduler then spreads the blocks
    # over the workers freely (a task that depends on one result is sent where that result is).
    groups = _scan_groups(fs, blocks)
    scans = [x for group in dask.compute(*[delayed(_scan_many, pure=True)(fs, g, strict) for g in groups])
             for x in group]
    plan = _plan(scans, [b.path for b in blocks])
    token = _token("jsonl", files, [(b.path, b.start, b.end) for b in blocks], spec, text, schema.to_string())
    parts = [_Part(_block_part, (spec, fs, b, plan[k], strict, text, schema)) for k, b in enumerate(blocks)]
    return DaskTables(parts, token, text, schema)


def read_files(paths: str | os.PathLike | Iterable[str | os.PathLike], *, analyzer: Analyzer | None = None,
               files_per_partition: int = 500, format: str = "article", text: bool = True,
               storage_options: dict | None = None) -> DaskTables:
    """Article files (the seed format: title, date, URL, paragraphs; or ``format="plain"``) as Dask
    DataFrames of the corpus tables, ``files_per_partition`` files to a partition.

    ``paths``: a file, a glob (``"articles/**/*.txt"``), a folder (its ``*.txt`` files, walked as
    Corpus walks it) or a list of these. A document's id is its file name without the extension,
    made unique as in a Corpus. See :func:`read_jsonl` for the rest.
    """
    _require()
    if format not in ("article", "plain"):
        raise ValueError(f"format must be 'article' or 'plain', not {format!r}")
    if files_per_partition < 1:
        raise ValueError("files_per_partition must be at least 1")
    fs, files = _expand(paths, (".txt",), storage_options)
    unique = UniqueIds()
    ids = [unique(_id_from_path(p), position) for position, p in enumerate(files)]
    spec = _spec(analyzer)
    token = _token("files", files, files_per_partition, format, spec, text)
    parts = [_Part(_files_part, (spec, fs, files[i:i + files_per_partition], ids[i:i + files_per_partition], format,
                                 text)) for i in range(0, len(files), files_per_partition)]
    return DaskTables(parts, token, text, None)


# -- results
def compute(frames: Mapping[str, dd.DataFrame], **kwargs: Any) -> dict[str, pd.DataFrame]:
    """The tables as pandas DataFrames, every partition analysed once (``kwargs`` go to
    ``dask.compute``: ``scheduler=...``). Rows in input order with a fresh index, equal to
    ``Corpus(...).to_frames()`` over the same inputs (plus ``errors``)."""
    import dask
    import pandas as pd

    if isinstance(frames, DaskTables):
        parts = dask.compute(*frames._pieces(), **kwargs)
        return {name: pd.concat([p[name] for p in parts], ignore_index=True) if parts else frames.empty[name]
                for name in frames}
    (out,) = dask.compute(dict(frames), **kwargs)
    return {name: df.reset_index(drop=True) for name, df in out.items()}


def to_parquet(frames: Mapping[str, dd.DataFrame], path: str | os.PathLike, *, compute: bool = True,
               compression: str = "snappy", storage_options: dict | None = None) -> Any:
    """Writes each table as a Parquet dataset ``path/<table>/part.<k>.parquet`` (one file per
    partition; earlier ``part.*.parquet`` files of those folders are removed first), every
    partition analysed once. The datasets read back with the frames' dtypes through
    ``pandas.read_parquet(path / "documents")``, :meth:`Corpus.from_parquet`,
    ``dask.dataframe.read_parquet`` or DuckDB (``'path/statements/*.parquet'``).

    The tables of :func:`read_jsonl` / :func:`read_files` (a :class:`DaskTables`) are written by
    one task per partition, straight from Arrow; a dict of Dask DataFrames (a filtered table, say)
    goes through ``dask.dataframe.to_parquet``. With ``compute=False``, returns the delayed writes (a
    list) for ``dask.compute``; else the path."""
    import dask
    import fsspec

    fs, root = fsspec.core.url_to_fs(os.fspath(path), **(storage_options or {}))
    root = root.rstrip("/")
    for name in frames:
        folder = f"{root}/{name}"
        if fs.isdir(folder):
            for old in fs.glob(f"{folder}/part.*.parquet"):
                fs.rm(old)
        fs.makedirs(folder, exist_ok=True)
    if isinstance(frames, DaskTables):
        from dask import delayed

        writes = [delayed(_write_part, pure=False)(part, fs, root, k, frames.text, frames.schema, compression,
                                                   dask_key_name=f"standpoints-parquet-{frames.token}-{k}")
                  for k, part in enumerate(frames.parts)]
    else:
        writes = [df.to_parquet(f"{fs.unstrip_protocol(root)}/{name}", write_index=False, compute=False,
                                compression=compression, storage_options=storage_options)
                  for name, df in frames.items()]
    if not compute:
        return writes
    dask.compute(*writes)
    return path

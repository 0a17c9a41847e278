"""standpoints.dask on a distributed.LocalCluster of two worker processes: the tables equal those
of a single-process Corpus over the same inputs, row for row, bad records included; each worker
builds its Analyzer (with the user's actor file and added actors) once."""

from __future__ import annotations

import gzip
import importlib
import json
import logging
import os

import pytest
import standpoints.dask as sd
from standpoints import Analyzer, Corpus
from standpoints.tables import FRAMES


def need(module: str):
    """The module, or a skip on a user's machine without the dask extra; CI installs it (the test
    extra), so there its absence fails."""
    try:
        return importlib.import_module(module)
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{module} is missing: CI installs standpoints[test], which includes dask", pytrace=False)
        pytest.skip(f"{module} is not installed (pip install 'standpoints[dask]')", allow_module_level=True)


pd = need("pandas")
need("pyarrow")
need("dask.dataframe")
distributed = need("distributed")

# Invented actors: no dictionary knows them, so their codes can only come from the user's file
# and from add_actor.
ACTORS = "id\ttype\tname\tactor\tcountry\tfrom\tto\taliases\tflags\n" \
         "velmora-ostrik\tPERSON\tVelmora Ostrik\tQRAGOV\tQRA\t\t\tOstrik\tsurname\n"
ARTICLE = ("Talks in Qarvania\n20230412\nhttps://example.com/qarvania\n"
           "Velmora Ostrik warned Dunmor Balsk on Tuesday that the border talks would fail.\n"
           "Balsk rejected the warning, and Ostrik said the offer stood.\n")


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  silence_logs=logging.ERROR) as cluster, distributed.Client(cluster) as c:
        yield c


def equal_to_corpus(dask_frames: dict, corpus: Corpus) -> dict:
    """Computes the Dask tables on the cluster and checks them against the Corpus's, errors included."""
    got = sd.compute(dask_frames)
    want = corpus.to_frames()
    for name in FRAMES:
        assert len(got[name]) == len(want[name]), name
        pd.testing.assert_frame_equal(got[name], want[name], check_exact=True, obj=name)
    rows = got["errors"][["path", "line", "error"]].astype(object).where(got["errors"][["path", "line", "error"]].notna(), None)
    assert list(rows.itertuples(index=False, name=None)) == [(e.path, e.line, e.reason) for e in corpus.errors]
    return got


@pytest.fixture(scope="module")
def messy(news_5k, tmp_path_factory):
    """250 news records in a plain file (cut into many blocks) and a gzip one, with the faults of
    real dumps: no id, an empty id, ids repeated within a block, across blocks and across files, a
    cut line, a wrong type, blank lines, and an extra field."""
    with gzip.open(news_5k, "rb") as f:
        records = [json.loads(next(f)) for _ in range(250)]
    for k, r in enumerate(records):
        r["outlet"] = f"outlet-{k % 7}"
    del records[3]["id"]
    records[5]["id"] = ""
    records[10]["id"] = records[2]["id"]
    records[120]["id"] = records[20]["id"]
    records[200]["id"] = records[20]["id"]
    records[230]["id"] = records[130]["id"]
    records[240]["id"] = "#7"  # looks like a position: still a key
    del records[210]["id"]
    lines = [json.dumps(r).encode() for r in records]
    lines.insert(40, lines[40][: len(lines[40]) // 2])  # cut short
    lines.insert(60, b"")
    lines.insert(61, b"   ")
    lines.insert(90, b'{"id": "bad-type", "text": ["Russia warned NATO."]}')
    folder = tmp_path_factory.mktemp("messy")
    plain, packed = folder / "a.jsonl", folder / "b.jsonl.gz"
    plain.write_bytes(b"\n".join(lines[:180]) + b"\n")
    with gzip.open(packed, "wb") as f:
        f.write(b"\n".join(lines[180:]) + b"\n")
    return [plain, packed]


def test_jsonl_on_two_processes_equals_one_process(client, messy):
    frames = sd.read_jsonl(messy, blocksize=64 * 1024)
    assert set(frames) == {*FRAMES, "errors"}
    n_parts = frames["documents"].npartitions
    assert n_parts >= 10, "the plain file is cut into blocks, the gzip one is one partition"
    got = equal_to_corpus(frames, Corpus(messy, progress=False))
    ids = got["documents"]["doc_id"]
    assert ids.is_unique
    assert len(got["documents"]) + len(got["errors"]) == 250 + 2  # every non-empty line: a document or an error
    assert got["documents"]["outlet"].notna().all()
    assert set(got["errors"]["line"]) == {41, 91}


def test_the_news_corpus_and_parquet(client, news_5k, tmp_path):
    with gzip.open(news_5k, "rb") as f:
        head = b"".join(next(f) for _ in range(300))
    src = tmp_path / "news-300.jsonl"
    src.write_bytes(head)
    frames = sd.read_jsonl(src, blocksize="200KiB", text=False)
    assert frames["documents"].npartitions >= 4
    out = sd.to_parquet(frames, tmp_path / "pq")
    want = Corpus(src, text=False, progress=False).to_frames()
    back = Corpus.from_parquet(out).to_frames()
    for name in FRAMES:
        pd.testing.assert_frame_equal(back[name], want[name], check_exact=True, obj=name)
    assert len(pd.read_parquet(tmp_path / "pq" / "errors")) == 0

    st = frames["statements"]
    warnings = {**frames, "statements": st[st["act"] == "WARN"]}  # other Dask DataFrames: written by Dask
    sd.to_parquet(warnings, tmp_path / "pq")
    want_warnings = want["statements"][want["statements"]["act"] == "WARN"].reset_index(drop=True)
    assert len(want_warnings) > 0
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "pq" / "statements"), want_warnings, check_exact=True)


def test_article_files_with_a_user_actor_file_and_added_actors(client, dev_articles, tmp_path):
    actors = tmp_path / "my_actors.tsv"
    actors.write_text(ACTORS, encoding="utf-8")
    (tmp_path / "qarvania.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "qarvania.txt").write_text(ARTICLE, encoding="utf-8")  # the same id: renamed
    (tmp_path / "broken.txt").write_bytes(b"T\n\xff\xfe\n")
    files = [*dev_articles, tmp_path / "qarvania.txt", tmp_path / "broken.txt", tmp_path / "sub" / "qarvania.txt"]
    analyzer = Analyzer(actors=actors)
    analyzer.add_actor("Dunmor Balsk", actor="QRAOPP", country="QRA", flags=["surname"])

    before = client.run(sd._analyzers_built)
    frames = sd.read_files(files, analyzer=analyzer, files_per_partition=3)
    assert frames["documents"].npartitions == 7
    got = equal_to_corpus(frames, Corpus(files, analyzer=analyzer, progress=False))
    after = client.run(sd._analyzers_built)
    assert all(after[w] - before.get(w, 0) <= 1 for w in after), "one Analyzer per worker process, not per partition"
    assert sum(after.values()) > sum(before.values())

    m = got["mentions"]
    assert {"QRAGOV", "QRAOPP"} <= set(m["actor"].dropna()), "the user's actors reached the workers"
    assert {"qarvania", "qarvania#1"} <= set(got["documents"]["doc_id"])
    assert list(got["errors"]["path"].str.rsplit("/", n=1).str[-1]) == ["broken.txt"]

    sd.compute(sd.read_files(files, analyzer=analyzer, files_per_partition=3))
    assert client.run(sd._analyzers_built) == after, "a later run reuses the workers' Analyzers"


def test_a_partition_is_built_in_chunks_with_the_same_rows(messy, monkeypatch):
    """A .gz file is one partition however big: its documents become tables a chunk at a time."""
    monkeypatch.setattr(sd, "_CHUNK", 7)
    got = sd.compute(sd.read_jsonl(messy[1]), scheduler="sync")
    want = Corpus(messy[1], progress=False).to_frames()
    for name in FRAMES:
        pd.testing.assert_frame_equal(got[name], want[name], check_exact=True, obj=name)


def test_extra_columns_given_and_values_that_do_not_fit(tmp_path):
    src = tmp_path / "x.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "text": "Russia warned NATO.", "pages": 3},
        {"id": "b", "text": "Iran denied the claim.", "pages": "three", "outlet": "Herald"},
    ]) + "\n", encoding="utf-8")
    got = sd.compute(sd.read_jsonl(src, columns={"pages": "int64", "outlet": "string"}), scheduler="sync")
    d = got["documents"].set_index("doc_id")
    assert d.loc["a", "pages"] == 3 and pd.isna(d.loc["b", "pages"]), "a value the column cannot hold is missing"
    assert d.loc["b", "outlet"] == "Herald" and pd.isna(d.loc["a", "outlet"])
    sampled = sd.read_jsonl(src, sample=1)["documents"]
    assert "pages" in sampled.columns and "outlet" not in sampled.columns, "columns come from the sample"
    assert "pages" not in sd.read_jsonl(src, columns=[])["documents"].columns


def test_no_input_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        sd.read_jsonl(str(tmp_path / "*.jsonl"))
    with pytest.raises(ValueError):
        sd.read_files([])


def test_a_record_that_cannot_be_read_is_an_error_row_not_a_failed_partition(tmp_path):
    src = tmp_path / "x.jsonl"
    src.write_bytes(b'{"id": "a", "text": "Russia warned NATO."}\n'
                    b'{"id": "b", "text": "caf\xe9 Iran denied the claim."}\n'  # invalid UTF-8
                    b'{"id": "c", "text": "China urged Japan to talk."}\n')
    got = sd.compute(sd.read_jsonl(src), scheduler="sync")
    assert list(got["documents"]["doc_id"]) == ["a", "c"]
    assert list(got["errors"]["line"]) == [2] and got["errors"]["path"].iloc[0] == str(src)


def test_a_glob_and_a_folder_read_the_files_a_list_names(messy):
    folder = messy[0].parent
    (folder / "notes.txt").write_text("not JSON Lines", encoding="utf-8")  # neither glob nor folder takes it

    def ids(paths):
        got = sd.compute(sd.read_jsonl(paths, columns=[], blocksize=None), scheduler="sync")
        return list(got["documents"]["doc_id"]), len(got["errors"])

    want = ids(messy)
    assert ids(str(folder / "*.jsonl*")) == want
    assert ids(folder) == want

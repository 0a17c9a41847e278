"""Corpus tables: standpoints.frames, Corpus.to_frames / to_parquet, and the CLI's csv and parquet
formats. Frames from the core's table writer are checked against the records they describe."""

from __future__ import annotations

import json

import pytest
import standpoints
from standpoints import Corpus, Document
from standpoints.tables import COLUMNS, FRAMES, record_tables

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

TEXTS = [
    {"id": "a", "title": "Russia warns NATO", "date": "2022-02-03", "url": "https://www.example.com/a",
     "paragraphs": ["Russia warned NATO on Monday against sending troops to Ukraine.",
                    "\u201cWe will respond,\u201d Kremlin spokesman Dmitry Peskov said in Moscow.",
                    "Zelenskyy \U0001f1fa\U0001f1e6 urged Germany to send weapons, and Berlin rejected the request."],
     "outlet": "Example Post"},
    {"id": "b", "title": "Talks in Geneva", "date": "20210610", "paragraphs": [
        "The United States accused Iran of violating the deal.", "Iran denied the claim."], "outlet": "Other Times",
     "pages": 3},
    {"id": "c", "text": "No names here at all.", "date": "not a date"},
]


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    out = list(standpoints.analyze_many(TEXTS))
    assert all(isinstance(d, Document) for d in out)
    return out


def test_frames_have_the_documented_columns_and_dtypes(docs):
    f = standpoints.frames(docs)
    assert set(f) == set(FRAMES)
    for name in FRAMES:
        expected = [c for c, _ in COLUMNS[name]]
        assert list(f[name].columns[:len(expected)]) == expected, name
        for col, kind in COLUMNS[name]:
            dtype = str(f[name][col].dtype)
            want = {"string": "string", "int64": "Int64", "float64": "Float64", "bool": "boolean",
                    "date": "datetime64[ns]"}[kind]
            assert dtype == want, (name, col, dtype)
            if kind == "string":
                assert f[name][col].dtype.storage == "pyarrow", (name, col)
    # input fields the core does not read are columns of the documents frame
    outlets = f["documents"]["outlet"]
    assert list(outlets[:2]) == ["Example Post", "Other Times"] and pd.isna(outlets.iloc[2])
    assert f["documents"]["pages"].iloc[1] == 3


def test_one_row_per_mention_entity_and_statement(docs):
    f = standpoints.frames(docs)
    for name, layer in (("mentions", "mentions"), ("entities", "entities"), ("statements", "statements")):
        assert len(f[name]) == sum(len(d.to_dict()[layer]) for d in docs), name
        counts = f[name].groupby("doc_id").size().reindex([d.id for d in docs], fill_value=0)
        assert list(counts) == [len(d.to_dict()[layer]) for d in docs]
    assert list(f["documents"]["n_statements"]) == [len(d.statements) for d in docs]


def test_offsets_in_frames_index_the_documents_text(docs):
    f = standpoints.frames(docs)
    text = dict(zip(f["documents"]["doc_id"], f["documents"]["text"]))
    for r in f["mentions"].itertuples():
        assert text[r.doc_id][r.start:r.end] == r.text
    for r in f["statements"].itertuples():
        assert text[r.doc_id][r.trigger_start:r.trigger_end] == r.trigger
        assert text[r.doc_id][r.source_start:r.source_end] == r.source_text


def test_statements_carry_the_entity_id_name_and_code_of_source_and_target(docs):
    f = standpoints.frames(docs)
    st, ents = f["statements"], f["entities"]
    assert len(st) >= 3
    by_key = ents.set_index(["doc_id", "entity"])
    for r in st.itertuples():
        e = by_key.loc[(r.doc_id, r.source_entity)]
        assert (r.source_entity_id, r.source_name) == (e.entity_id, e["name"])
        if pd.notna(r.target_entity):
            e = by_key.loc[(r.doc_id, r.target_entity)]
            assert (r.target_entity_id, r.target_name) == (e.entity_id, e["name"])
    rec = docs[0].to_dict()
    first = rec["statements"][0]
    row = st[(st.doc_id == "a") & (st.statement == 0)].iloc[0]
    assert row.source_actor == first["source"]["actor"] and row.act == first["act"]


def test_dates_are_datetimes_and_unreadable_dates_are_missing(docs):
    d = standpoints.frames(docs)["documents"].set_index("doc_id")["date"]
    assert d["a"] == pd.Timestamp("2022-02-03") and d["b"] == pd.Timestamp("2021-06-10")
    assert pd.isna(d["c"])


def test_the_reference_path_gives_the_same_frames(docs, dev_articles):
    """Frames from the core's table writer equal those built in Python from the records."""
    every = docs + [d for d in standpoints.analyze_many(dev_articles)]
    fast = standpoints.frames(every)
    slow = standpoints.frames([d.to_dict() for d in every])
    for name in FRAMES:
        pd.testing.assert_frame_equal(fast[name], slow[name], check_exact=True)


def test_record_tables_alone_and_text_false(docs):
    t = record_tables([d.to_dict() for d in docs], text=False)
    assert "text" not in t["documents"].column_names
    assert "text" not in standpoints.frames(docs, text=False)["documents"].columns


def test_empty_batch_gives_empty_typed_frames():
    f = standpoints.frames([])
    assert all(len(f[n]) == 0 for n in FRAMES)
    assert str(f["statements"]["date"].dtype) == "datetime64[ns]"


def test_frames_reject_what_is_no_document():
    with pytest.raises(TypeError):
        standpoints.frames(["just a string"])


def test_corpus_over_paths_folders_jsonl_and_records(tmp_path, write):
    write("in/one.txt", "A title\n20220203\nhttps://example.com/x\nRussia warned NATO.\n")
    write("in/sub/two.txt", "B title\n20220204\nunknown\nChina urged Japan to talk.\n")
    write("in/bad.txt", b"T\n\xff\n")
    write("in/lines.jsonl", "\n".join(json.dumps(r) for r in TEXTS[:2]) + "\n{broken\n")
    c = Corpus([tmp_path / "in", {"title": "No id", "text": "Iran rejected the offer.", "outlet": "X"},
                {"title": "No id either", "text": "Text."}], progress=False)
    f = c.to_frames()
    ids = list(f["documents"]["doc_id"])
    assert len(ids) == len(set(ids)), "doc_id is a key"
    assert {"one", "two", "a", "b"} <= set(ids)
    assert sum(i.startswith("#") for i in ids) == 2, "documents without an id get their position"
    assert len(c.errors) == 2
    assert {e.path.rsplit("/", 1)[-1] for e in c.errors} == {"bad.txt", "lines.jsonl"}
    assert [e.line for e in c.errors if e.path.endswith("lines.jsonl")] == [3]
    outlets = f["documents"].set_index("doc_id")["outlet"]
    assert outlets["a"] == "Example Post" and pd.isna(outlets["one"])


def test_corpus_renames_repeated_ids(caplog):
    c = Corpus([{"id": "x", "text": "One."}, {"id": "x", "text": "Two."}], progress=False)
    with caplog.at_level("WARNING", logger="standpoints"):
        ids = list(c.to_frames()["documents"]["doc_id"])
    assert ids == ["x", "x#1"] and "renamed" in caplog.text


def test_corpus_str_is_a_path_and_a_missing_one_is_an_error(caplog):
    c = Corpus(["this is a text, not a path"], progress=False)
    with caplog.at_level("WARNING", logger="standpoints"):
        assert len(c.to_frames()["documents"]) == 0
    assert len(c.errors) == 1 and "{'text'" in caplog.text


def test_corpus_iterates_documents_and_errors():
    items = [{"id": "1", "text": "Russia warned NATO."}, Document.from_dict({"id": "2", "text": "Reloaded."})]
    got = list(Corpus(items))
    assert [d.id for d in got] == ["1", "2"]


def test_parquet_round_trip(tmp_path, docs):
    c = Corpus(docs, progress=False)
    c.to_parquet(tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(FRAMES)
    back = Corpus.from_parquet(tmp_path / "out").to_frames()
    for name in FRAMES:
        pd.testing.assert_frame_equal(c.to_frames()[name], back[name])
        pd.testing.assert_frame_equal(c.to_frames()[name], pd.read_parquet(tmp_path / "out" / name))


def test_parquet_reads_in_duckdb(tmp_path, docs):
    duckdb = pytest.importorskip("duckdb")
    c = Corpus(docs, progress=False)
    c.to_parquet(tmp_path)
    n, acts = duckdb.sql(f"SELECT count(*), count(DISTINCT act) FROM '{tmp_path}/statements/*.parquet'").fetchall()[0]
    st = c.to_frames()["statements"]
    assert (n, acts) == (len(st), st["act"].nunique())


def test_cli_parquet_and_csv(cli, tmp_path, write):
    src = write("in.jsonl", "\n".join(json.dumps(r) for r in TEXTS) + "\n{bad\n")
    r = cli("extract", str(src), "--format", "parquet", "-o", str(tmp_path / "pq"))
    assert r.returncode == 1, r.stderr  # one input failed
    lines = cli("extract", str(src)).stdout.decode().splitlines()
    records = [json.loads(x) for x in lines]
    st = pd.read_parquet(tmp_path / "pq" / "statements")
    assert len(st) == sum(len(x.get("statements", [])) for x in records)
    errors = pd.read_parquet(tmp_path / "pq" / "errors")
    assert list(errors["line"]) == [4]
    docs = pd.read_parquet(tmp_path / "pq" / "documents")
    assert list(docs["doc_id"]) == ["a", "b", "c"] and "text" in docs.columns
    r = cli("extract", str(src), "--format", "csv", "-o", str(tmp_path / "csv"), "--fields=-text,-mentions")
    assert r.returncode == 1
    names = sorted(p.name for p in (tmp_path / "csv").iterdir())
    assert names == ["documents.csv", "entities.csv", "errors.csv", "statements.csv"]
    d = pd.read_csv(tmp_path / "csv" / "documents.csv")
    assert "text" not in d.columns and list(d["date"].fillna("")) == ["2022-02-03", "2021-06-10", ""]
    assert len(pd.read_csv(tmp_path / "csv" / "statements.csv")) == len(st)


def test_cli_fields_for_json_lines(cli, write):
    src = write("in.jsonl", json.dumps(TEXTS[0]) + "\n")
    out = json.loads(cli("extract", str(src), "--fields", "id,date,statements").stdout)
    assert list(out) == ["id", "date", "statements"]
    out = json.loads(cli("extract", str(src), "--fields=-text,-sentences").stdout)
    assert "text" not in out and "sentences" not in out and "mentions" in out


@pytest.mark.parametrize("args", [["--format", "csv"], ["--fields", "nonsense"], ["--fields", "id,-text"]])
def test_cli_table_usage_errors(cli, example, args):
    assert cli("extract", str(example), *args).returncode == 2


def test_corpus_progress_bar_knows_the_total(capsys):
    Corpus([{"text": "One."}, {"text": "Two."}, {"text": "Three."}], progress=True).to_frames()
    err = capsys.readouterr().err
    assert "3/3" in err


def test_displacy_labels_carry_codes():
    doc = standpoints.parse("Vladimir Putin warned NATO.", date="2022-02-03")
    labels = {doc.text[e["start"]:e["end"]]: e["label"] for e in doc.to_displacy()["ents"]}
    assert labels["Vladimir Putin"] == "PERSON RUSGOV" and labels["NATO"] == "ORG NATO"
    assert {e["label"] for e in doc.to_displacy(codes=False)["ents"]} <= {"PERSON", "ORG"}

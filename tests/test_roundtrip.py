"""Round trips (Document.from_dict / from_json, pickling of Document and Analyzer), context passing
in analyze_many, cached layers, and the warnings a user gets for likely mistakes."""

from __future__ import annotations

import json
import pickle

import pytest
import standpoints
from standpoints import Analyzer, Document, ReadError

ARTICLE = "A title\n20220203\nhttps://www.example.com/a\nRussia warned NATO on Monday. Talks went on.\n"


def test_from_json_rebuilds_cli_output(cli, write):
    path = write("a.txt", ARTICLE)
    line = cli("extract", str(path)).stdout.decode().strip()
    doc = Document.from_json(line)
    original = standpoints.read(path)
    assert doc == original
    assert doc.to_dict() == original.to_dict()
    assert (doc.id, doc.title, doc.date, doc.url, doc.source) == ("a", "A title", "2022-02-03",
                                                                   "https://www.example.com/a", "example.com")
    assert [repr(m) for m in doc.mentions] == [repr(m) for m in original.mentions]
    assert doc.statements == original.statements
    assert json.loads(doc.to_json()) == original.to_dict()


def test_from_dict_copies_and_rejects_what_is_no_record():
    rec = standpoints.parse("Russia warned NATO.").to_dict()
    doc = Document.from_dict(rec)
    rec["text"] = "changed"
    assert doc.text == "Russia warned NATO."
    with pytest.raises(ValueError):
        Document.from_dict({"error": "invalid UTF-8", "path": "x.txt"})
    with pytest.raises(ValueError):
        Document.from_dict({"id": "no text"})
    with pytest.raises(TypeError):
        Document.from_dict("not a dict")  # type: ignore[arg-type]


def test_document_pickles_to_an_equal_document(example):
    doc = standpoints.read(example)
    back = pickle.loads(pickle.dumps(doc))
    assert back == doc and back is not doc
    assert back.to_dict() == doc.to_dict()
    assert back.mentions == doc.mentions and back.entities == doc.entities


def test_analyzer_pickles_with_its_files_and_added_actors(tmp_path):
    f = tmp_path / "mine.tsv"
    f.write_text("id\ttype\tname\tactor\tcountry\tfrom\tto\taliases\tflags\n"
                 "zorblat-quenn\tPERSON\tZorblat Quenn\tFRAGOV\tFRA\t\t\t\tsurname\n", encoding="utf-8")
    a = Analyzer(actors=[f], errors="replace")
    a.add_actor("Marta Vlindqvist", actor="SWEGOV", country="SWE")
    b = pickle.loads(pickle.dumps(a))
    assert b == a and b is not a
    text = "Zorblat Quenn warned Marta Vlindqvist on Monday."
    assert b.parse(text).to_dict() == a.parse(text).to_dict()
    codes = {m.text: m.actor for m in b.parse(text).mentions}
    assert codes["Zorblat Quenn"] == "FRAGOV" and codes["Marta Vlindqvist"] == "SWEGOV"
    assert Analyzer() != a


def test_documents_and_analyzers_cross_processes(example):
    """What failed with MaybeEncodingError before: results sent back from worker processes."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        docs = pool.map(standpoints.read, [example])
        a = pool.apply(Analyzer)
    assert docs == [standpoints.read(example)]
    assert a == Analyzer()


def test_analyze_many_keeps_extra_record_fields_in_meta():
    rec = {"id": "x", "title": "T", "text": "Russia warned NATO.", "outlet": "Example Post", "rank": 3}
    doc = next(standpoints.analyze_many([rec]))
    assert doc.meta == {"outlet": "Example Post", "rank": 3}
    assert doc.to_dict()["meta"] == {"outlet": "Example Post", "rank": 3}
    assert Document.from_json(doc.to_json()) == doc
    assert next(standpoints.analyze_many(["Plain text."])).meta == {}
    assert "meta" not in standpoints.parse("Plain text.").to_dict()


def test_analyze_many_as_tuples_passes_context_through():
    items = [("Russia warned NATO.", {"row": 1}), ({"text": "Second."}, "two"), (b"", 3)]
    got = list(standpoints.analyze_many(items, as_tuples=True, batch_size=2))
    assert [c for _, c in got] == [{"row": 1}, "two", 3]
    assert isinstance(got[0][0], Document) and isinstance(got[2][0], ReadError)
    with pytest.raises(TypeError):
        list(standpoints.analyze_many(["not a pair"], as_tuples=True))


def test_pipe_exists_at_module_level():
    assert [d.text for d in standpoints.pipe(["One.", "Two."])] == ["One.", "Two."]


def test_a_str_that_looks_like_a_path_is_logged(caplog, example):
    with caplog.at_level("WARNING", logger="standpoints"):
        docs = list(standpoints.analyze_many([str(example)]))
    assert docs[0].text == str(example), "a str is still the text"
    assert "looks like a file name" in caplog.text and "pathlib.Path" in caplog.text
    caplog.clear()
    with caplog.at_level("WARNING", logger="standpoints"):
        list(standpoints.analyze_many(["Russia warned NATO. It is a text with words."]))
    assert caplog.text == ""


def test_a_date_that_cannot_be_read_is_logged(caplog):
    with caplog.at_level("WARNING", logger="standpoints"):
        doc = standpoints.parse("Text.", date="3rd of May")
    assert doc.date is None and "3rd of May" in caplog.text
    caplog.clear()
    with caplog.at_level("WARNING", logger="standpoints"):
        list(standpoints.analyze_many([{"id": "k", "text": "T.", "date": "2022-13-45"}]))
        standpoints.parse("Text.", date="unknown")
    assert "2022-13-45" in caplog.text and "unknown" not in caplog.text


def test_layers_are_built_once():
    doc = standpoints.parse("Russia warned NATO. Vladimir Putin said so in Moscow.", date="2022-02-03")
    first, again = doc.mentions, doc.mentions
    assert first == again and first is not again, "each access gives a new list"
    assert all(a is b for a, b in zip(first, again)), "of the same objects, built once"
    first.clear()
    assert doc.mentions, "changing the list changes nothing in the document"
    assert doc.statements[0] is doc.statements[0]

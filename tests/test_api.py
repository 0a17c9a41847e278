"""The Python API: read / parse / read_jsonl / analyze_many, Document views, to_dict / to_json, Analyzer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import standpoints
from standpoints import Analyzer, Document, ReadError

ARTICLE = "A title\n20220203\nhttps://www.example.com/a\nRussia warned NATO on Monday. Talks went on.\nMore text.\n"


def test_public_names():
    for name in ["read", "parse", "read_jsonl", "analyze_many", "Analyzer", "Document", "ReadError", "__version__"]:
        assert hasattr(standpoints, name), name


def test_document_views(write):
    doc = standpoints.read(write("a.txt", ARTICLE))
    assert isinstance(doc, Document)
    assert len(doc) == len(doc.text)
    assert [p.index for p in doc.paragraphs] == [0, 1, 2]
    assert [s.text for s in doc.sentences] == ["A title", "Russia warned NATO on Monday.", "Talks went on.",
                                               "More text."]
    assert [s.text for s in doc] == [s.text for s in doc.sentences]
    for layer in (doc.mentions, doc.entities, doc.statements, doc.ents):
        assert isinstance(layer, list)


def test_reprs(write):
    doc = standpoints.read(write("a.txt", ARTICLE))
    r = repr(doc)
    assert r.startswith("Document('a', 'A title'") and "2022-02-03" in r and "3 paragraphs" in r
    assert repr(doc.paragraphs[0]) == "Paragraph(0, title, 0:7, 'A title')"
    assert "Talks went on." in repr(doc.sentences[2])
    assert "boilerplate" in repr(standpoints.parse("Body text here.\nUSA TODAY", title="T").paragraphs[2])
    page = doc._repr_html_()
    assert page.count("A title") == 1, "the title is shown once"
    m = standpoints.Mention(0, 412, 426, "Vladimir Putin", "PERSON", "name", 0, 0, "RUSGOV")
    assert repr(m) == "Mention('Vladimir Putin', PERSON, RUSGOV, 412:426)"


def test_long_title_repr_is_short():
    doc = standpoints.parse("Body.", title="x" * 500)
    assert len(repr(doc)) < 200


def test_to_dict_and_to_json_hold_the_same_record(write):
    doc = standpoints.read(write("a.txt", ARTICLE))
    d = doc.to_dict()
    assert json.loads(doc.to_json()) == d
    assert json.loads(doc.to_json(indent=2)) == d
    assert "\n" not in doc.to_json() and "\n" in doc.to_json(indent=2)
    for key in ["id", "title", "date", "url", "source", "text", "paragraphs", "sentences", "mentions", "entities",
                "statements"]:
        assert key in d, key
    assert (d["id"], d["title"], d["date"], d["url"], d["source"]) == (
        "a", "A title", "2022-02-03", "https://www.example.com/a", "example.com")
    assert d["text"] == doc.text
    # to_dict gives a copy: changing it changes nothing in the document
    d["text"] = "changed"
    d["paragraphs"].clear()
    assert doc.to_dict()["text"] == doc.text and doc.to_dict()["paragraphs"]


def test_to_json_non_ascii_round_trips():
    doc = standpoints.parse("Зеленський 🇺🇦 e\u0301 \u202e \"quoted\" back\\slash\ttab", title="Київ")
    assert json.loads(doc.to_json()) == doc.to_dict()
    assert json.loads(doc.to_json())["text"] == doc.text


def test_displacy_shape():
    d = standpoints.parse("Russia warned NATO.").to_displacy()
    assert set(d) >= {"text", "ents"} and isinstance(d["ents"], list)


def test_positions_and_mentions_frames(example):
    pd = pytest.importorskip("pandas")
    doc = standpoints.read(example)
    pos = doc.positions
    assert isinstance(pos, pd.DataFrame) and len(pos) == len(doc.statements)
    assert {"source", "source_actor", "act", "target", "trigger"} <= set(pos.columns)
    men = doc.mentions_frame()
    assert len(men) == len(doc.mentions) and {"start", "end", "text", "type"} <= set(men.columns)


def test_read_jsonl_is_an_iterator(write):
    p = write("r.jsonl", "\n".join(json.dumps({"id": str(i), "text": "T."}) for i in range(200)) + "\n")
    it = standpoints.read_jsonl(p)
    assert iter(it) is it
    assert [d.id for d in it] == [str(i) for i in range(200)]


def test_read_jsonl_workers_same_output(write):
    p = write("r.jsonl", "\n".join(json.dumps({"id": str(i), "text": f"Doc {i}. Next."}) if i % 7 else "{bad"
                                   for i in range(150)) + "\n")
    one = [r.to_dict() if isinstance(r, Document) else str(r) for r in standpoints.read_jsonl(p)]
    two = [r.to_dict() if isinstance(r, Document) else str(r) for r in standpoints.read_jsonl(p, workers=2)]
    assert one == two and len(one) == 150


def mixed_inputs(write) -> list:
    good = write("good.txt", ARTICLE)
    bad = write("bad.txt", b"T\n\xff\n")
    return [good, "Plain text. Two sentences.", ARTICLE.encode(), {"id": "d", "title": "T", "text": "From a dict."},
            bad, Path(bad.parent / "missing.txt"), "", {"id": "p", "paragraphs": ["One.", "Two."]}, b""]


def test_analyze_many_keeps_order_and_gives_one_result_per_input(write):
    items = mixed_inputs(write)
    results = list(standpoints.analyze_many(items))
    assert len(results) == len(items)
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["Document", "Document", "Document", "Document", "ReadError", "ReadError", "ReadError",
                     "Document", "ReadError"]
    assert results[0].id == "good" and results[0].title == "A title"
    assert results[1].text == "Plain text. Two sentences." and results[1].title is None
    assert results[2].title == "A title" and results[2].date == "2022-02-03"
    assert results[3].id == "d" and results[3].text == "T\nFrom a dict."
    assert results[4].path.endswith("bad.txt") and results[4].byte_offset == 2
    assert results[5].path.endswith("missing.txt")
    assert results[7].text == "One.\nTwo."


def test_analyze_many_workers_give_the_same_output(write):
    items = mixed_inputs(write) * 30
    one = [r.to_dict() if isinstance(r, Document) else str(r) for r in standpoints.analyze_many(items, workers=1)]
    two = [r.to_dict() if isinstance(r, Document) else str(r) for r in standpoints.analyze_many(items, workers=2)]
    every = [r.to_dict() if isinstance(r, Document) else str(r)
             for r in standpoints.analyze_many(items, workers=-1, batch_size=7)]
    assert one == two == every
    assert len(one) == len(items)


def test_analyze_many_accepts_a_generator_and_is_lazy(write):
    seen = []

    def gen():
        for i in range(10):
            seen.append(i)
            yield f"Document {i}."

    it = standpoints.analyze_many(gen(), batch_size=2)
    first = next(it)
    assert first.text == "Document 0." and len(seen) < 10
    assert [d.text for d in it] == [f"Document {i}." for i in range(1, 10)]


def test_analyze_many_gives_a_readerror_for_what_it_cannot_read():
    """An item of another type is one ReadError in its place; the batch goes on (issue 11)."""
    results = list(standpoints.analyze_many(["One.", 3.5, "Two."]))
    assert [type(r).__name__ for r in results] == ["Document", "ReadError", "Document"]
    assert "float" in results[1].reason


def test_pipe_is_analyze_many():
    a = Analyzer()
    assert [d.text for d in a.pipe(["One.", "Two."])] == ["One.", "Two."]


def test_analyzer_errors_option(write):
    p = write("a.txt", b"T\nbad \xff here\n")
    with pytest.raises(ReadError):
        Analyzer(errors="strict").read(p)
    assert Analyzer(errors="replace").read(p).text == "T\nbad \ufffd here"


@pytest.mark.parametrize("kwargs", [{"errors": "ignore"}, {"errors": ""}, {"stage": "everything"}])
def test_analyzer_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        Analyzer(**kwargs)


def test_analyzer_stage_segment(write):
    doc = Analyzer(stage="segment").read(write("a.txt", ARTICLE))
    assert doc.sentences and doc.mentions == [] and doc.statements == []


def test_missing_actor_file_is_an_error(tmp_path):
    with pytest.raises((OSError, ValueError)) as info:
        Analyzer(actors=tmp_path / "no_such_actors.tsv")
    assert "no_such_actors.tsv" in str(info.value)


def test_read_bad_format_argument(write):
    with pytest.raises(ValueError):
        standpoints.read(write("a.txt", ARTICLE), format="html")


def test_parse_rejects_non_str():
    with pytest.raises(TypeError):
        standpoints.parse(b"bytes are not text")  # type: ignore[arg-type]


def test_analyzer_is_shared_safely_across_threads(write):
    from concurrent.futures import ThreadPoolExecutor

    a = Analyzer()
    texts = [f"Russia said {i}. NATO replied {i}." for i in range(64)]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda t: a.parse(t).to_dict(), texts))
    assert got == [a.parse(t).to_dict() for t in texts]

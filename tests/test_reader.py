"""The reader: the seed article format, JSON Lines records, plain text and parse()."""

from __future__ import annotations

import gzip
import json

import pytest
import standpoints
from standpoints import ReadError


def check_text(doc, title, paragraphs):
    """The SCHEMA.md rule: text is the title and paragraphs joined with one newline."""
    parts = ([title] if title is not None else []) + list(paragraphs)
    assert doc.text == "\n".join(parts)
    assert [p.text for p in doc.paragraphs] == parts
    kinds = ["title"] * (title is not None) + ["body"] * len(paragraphs)
    assert [p.kind for p in doc.paragraphs] == kinds


# -- the seed format

def test_seed_article_fields(write):
    p = write("000_abc.txt", "A Title\n20220203\nhttps://www.ndtv.com/world-news/x-1\nFirst para.\nSecond para.\n")
    doc = standpoints.read(p)
    assert doc.id == "000_abc"
    assert doc.title == "A Title"
    assert doc.date == "2022-02-03"
    assert doc.url == "https://www.ndtv.com/world-news/x-1"
    assert doc.source == "ndtv.com"
    check_text(doc, "A Title", ["First para.", "Second para."])


def test_bom_is_dropped(write):
    doc = standpoints.read(write("a.txt", "\ufeffTitle\n20220203\nhttps://a.org/\nBody."))
    assert doc.title == "Title"
    assert not doc.text.startswith("\ufeff")
    check_text(doc, "Title", ["Body."])


@pytest.mark.parametrize("eol", ["\r\n", "\r", "\n"])
def test_line_ends(write, eol):
    content = eol.join(["Title", "20220203", "https://a.org/", "One.", "Two."]) + eol
    doc = standpoints.read(write("a.txt", content))
    assert "\r" not in doc.text
    check_text(doc, "Title", ["One.", "Two."])
    assert doc.date == "2022-02-03"
    assert doc.url == "https://a.org/"


def test_surrounding_whitespace_including_unicode_spaces(write):
    content = ("  \u00a0Title\u2003 \n\t20220203  \n https://a.org/x \n"
               "\u3000First para.\u00a0\n\u2002 Second para.\t\n")
    doc = standpoints.read(write("a.txt", content))
    assert doc.date == "2022-02-03"
    assert doc.url == "https://a.org/x"
    check_text(doc, "Title", ["First para.", "Second para."])


def test_inner_whitespace_is_kept(write):
    doc = standpoints.read(write("a.txt", "T\n20220203\nhttps://a.org/\nTwo  spaces\u00a0and nbsp.\n"))
    check_text(doc, "T", ["Two  spaces\u00a0and nbsp."])


def test_empty_lines_are_dropped(write):
    content = "\n\nTitle\n\n20220203\n\nhttps://a.org/\n\n\nOne.\n   \n\t\nTwo.\n\n"
    doc = standpoints.read(write("a.txt", content))
    assert doc.date == "2022-02-03" and doc.url == "https://a.org/"
    check_text(doc, "Title", ["One.", "Two."])


@pytest.mark.parametrize("raw, expected", [
    ("20220203", "2022-02-03"),
    ("2022-02-03", "2022-02-03"),
    ("2022-02-03T10:15:00Z", "2022-02-03"),
    ("20240229", "2024-02-29"),    # leap year
    ("20220230", None),            # no 30 February
    ("20230229", None),            # not a leap year
    ("19001301", None),            # no month 13
    ("2022-00-10", None),
    ("unknown", None),
])
def test_date_line(write, raw, expected):
    doc = standpoints.read(write("a.txt", f"Title\n{raw}\nhttps://a.org/\nBody."))
    assert doc.date == expected
    # an invalid date line is still the date line: it never becomes a paragraph
    check_text(doc, "Title", ["Body."])


@pytest.mark.parametrize("raw, url, source", [
    ("https://www.ndtv.com/a/b?c=1", "https://www.ndtv.com/a/b?c=1", "ndtv.com"),
    ("http://edition.cnn.com/x", "http://edition.cnn.com/x", "edition.cnn.com"),
    ("https://www.theguardian.com", "https://www.theguardian.com", "theguardian.com"),
    ("https://WWW.Reuters.COM/world/", "https://WWW.Reuters.COM/world/", "reuters.com"),
    ("https://example.org:8080/p", "https://example.org:8080/p", "example.org"),
    ("unknown", None, None),
])
def test_url_line(write, raw, url, source):
    doc = standpoints.read(write("a.txt", f"Title\n20220203\n{raw}\nBody."))
    assert doc.url == url
    assert doc.source == source
    check_text(doc, "Title", ["Body."])


def test_missing_date_line(write):
    doc = standpoints.read(write("a.txt", "Title\nhttps://www.bbc.co.uk/news/1\nBody one.\nBody two."))
    assert doc.date is None
    assert doc.url == "https://www.bbc.co.uk/news/1"
    assert doc.source == "bbc.co.uk"
    check_text(doc, "Title", ["Body one.", "Body two."])


def test_missing_url_line(write):
    doc = standpoints.read(write("a.txt", "Title\n20220802\nBody one.\nBody two."))
    assert doc.date == "2022-08-02"
    assert doc.url is None and doc.source is None
    check_text(doc, "Title", ["Body one.", "Body two."])


def test_missing_date_and_url_lines(write):
    doc = standpoints.read(write("a.txt", "Title\nBody one.\nBody two."))
    assert doc.date is None and doc.url is None
    check_text(doc, "Title", ["Body one.", "Body two."])


def test_title_only(write):
    doc = standpoints.read(write("a.txt", "Just a title\n"))
    check_text(doc, "Just a title", [])


@pytest.mark.parametrize("name, expected", [
    ("000_b8f9c3329b9111b1.txt", "000_b8f9c3329b9111b1"),
    ("article.v2.txt", "article.v2"),
    ("noext", "noext"),
])
def test_id_from_file_name(write, name, expected):
    assert standpoints.read(write(name, "T\n20220203\nhttps://a.org/\nB.")).id == expected


def test_id_given_by_caller(write):
    assert standpoints.read(write("a.txt", "T\nB."), id="mine").id == "mine"


def test_read_accepts_str_and_pathlike(write):
    p = write("a.txt", "T\n20220203\nhttps://a.org/\nB.")
    assert standpoints.read(str(p)).to_dict() == standpoints.read(p).to_dict()


def test_non_ascii_text(write):
    body = ["Зеленський заявив, що Україна готова.", "北约秘书长说。", "مرحبا بالعالم", "Emoji 🇺🇦 e\u0301 ok."]
    doc = standpoints.read(write("a.txt", "Заголовок 🙂\n20220203\nhttps://a.org/\n" + "\n".join(body)))
    check_text(doc, "Заголовок 🙂", body)


def test_plain_text_format(write):
    p = write("p.txt", "First line\n20220203\nhttps://a.org/\n\nLast line.\n")
    doc = standpoints.read(p, format="plain")
    assert doc.title is None and doc.date is None and doc.url is None
    check_text(doc, None, ["First line", "20220203", "https://a.org/", "Last line."])


def test_unknown_format_is_rejected(write):
    with pytest.raises(ValueError):
        standpoints.read(write("a.txt", "T\nB."), format="xml")


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises((OSError, ReadError)) as info:
        standpoints.read(tmp_path / "nope.txt")
    assert "nope.txt" in str(info.value)


# -- parse()

def test_parse_plain_text():
    doc = standpoints.parse("  One para.  \n\n\r\nTwo para.\r\n")
    assert doc.title is None and doc.date is None and doc.url is None and doc.source is None
    check_text(doc, None, ["One para.", "Two para."])


def test_parse_with_metadata():
    doc = standpoints.parse("Body one.\nBody two.", title=" The title ", date="20220203",
                            url="https://www.reuters.com/world/x", id="r1")
    assert (doc.id, doc.title, doc.date, doc.url, doc.source) == (
        "r1", "The title", "2022-02-03", "https://www.reuters.com/world/x", "reuters.com")
    check_text(doc, "The title", ["Body one.", "Body two."])


@pytest.mark.parametrize("date, expected", [("2022-02-03", "2022-02-03"), ("20220203", "2022-02-03"),
                                            ("20220230", None), ("yesterday", None), (None, None)])
def test_parse_dates(date, expected):
    assert standpoints.parse("Body.", date=date).date == expected


@pytest.mark.parametrize("url, expected_url, source", [("unknown", None, None), ("not a url", None, None),
                                                       ("https://www.x.com/a", "https://www.x.com/a", "x.com")])
def test_parse_urls(url, expected_url, source):
    doc = standpoints.parse("Body.", url=url)
    assert (doc.url, doc.source) == (expected_url, source)


def test_parse_title_only():
    doc = standpoints.parse("", title="Headline")
    check_text(doc, "Headline", [])


def test_parse_empty_is_an_error():
    with pytest.raises(ReadError):
        standpoints.parse("")
    with pytest.raises(ReadError):
        standpoints.parse(" \n\t\n")


# -- JSON Lines

def test_jsonl_text_and_paragraphs_build_the_same_text(write):
    lines = [
        {"id": "a", "title": "T", "date": "20220203", "url": "https://www.x.com/a", "text": "P1\n\n  P2  \n"},
        {"id": "b", "title": "T", "date": "2022-02-03", "url": "https://www.x.com/a", "paragraphs": ["P1", " ", "P2 "]},
    ]
    p = write("r.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    a, b = list(standpoints.read_jsonl(p))
    for doc in (a, b):
        assert (doc.title, doc.date, doc.url, doc.source) == ("T", "2022-02-03", "https://www.x.com/a", "x.com")
        check_text(doc, "T", ["P1", "P2"])
    assert (a.id, b.id) == ("a", "b")


def test_jsonl_missing_fields(write):
    p = write("r.jsonl", json.dumps({"text": "Only text."}) + "\n" + json.dumps({"title": "Only title"}) + "\n")
    a, b = list(standpoints.read_jsonl(p))
    assert (a.title, a.date, a.url, a.source) == (None, None, None, None)
    check_text(a, None, ["Only text."])
    check_text(b, "Only title", [])


def test_jsonl_numbers_and_nulls(write):
    p = write("r.jsonl", json.dumps({"id": 17, "title": None, "date": 20220203, "url": None, "text": "B."}) + "\n")
    (doc,) = list(standpoints.read_jsonl(p))
    assert doc.id == "17"
    assert doc.date == "2022-02-03"
    assert doc.title is None and doc.url is None
    check_text(doc, None, ["B."])


def test_jsonl_bad_lines_become_errors_and_the_rest_is_read(write):
    content = "\n".join([
        json.dumps({"id": "1", "text": "One."}),
        "{not json",
        "",
        json.dumps([1, 2]),
        json.dumps({"id": "5", "text": 5}),
        json.dumps({"id": "6", "paragraphs": ["x", 3]}),
        json.dumps({"id": "7", "text": "Seven."}),
    ]) + "\n"
    results = list(standpoints.read_jsonl(write("r.jsonl", content)))
    assert len(results) == 6  # the blank line is no record
    assert [r.id for r in results if not isinstance(r, ReadError)] == ["1", "7"]
    errors = [r for r in results if isinstance(r, ReadError)]
    assert [e.line for e in errors] == [2, 4, 5, 6]
    for e in errors:
        assert e.path.endswith("r.jsonl")
        assert e.reason
        assert f"r.jsonl:{e.line}" in str(e)


def test_jsonl_gz(tmp_path):
    p = tmp_path / "r.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "g", "title": "T", "text": "Zipped."}) + "\n")
    (doc,) = list(standpoints.read_jsonl(p))
    assert doc.id == "g"
    check_text(doc, "T", ["Zipped."])


def test_jsonl_non_ascii_and_escapes(write):
    rec = {"id": "u", "title": "Київ 🙂", "text": "Line \u00e9\u0301 one.\nLine two \u202eRTL."}
    (doc,) = list(standpoints.read_jsonl(write("r.jsonl", json.dumps(rec, ensure_ascii=True) + "\n")))
    check_text(doc, "Київ 🙂", ["Line \u00e9\u0301 one.", "Line two \u202eRTL."])


def test_json_lines_read_from_a_file_are_freed_once_read(tmp_path):
    """read_jsonl hands each line to the core, which drops the line's bytes once it has the text (a
    huge record is not held twice while analysed): the documents are those of the same records
    given as JsonLine, and a bad line still gives its ReadError with its line number."""
    good = {"id": "a1", "title": "Talks in Ruritania", "date": "2022-02-03",
            "paragraphs": ["Officials in Ruritania said the plan was a mistake."]}
    path = tmp_path / "two.jsonl"
    path.write_bytes(json.dumps(good).encode() + b"\n{not json\n")
    a = standpoints.Analyzer()
    docs = list(a.read_jsonl(path))
    assert docs[0].to_json() == a.analyze_many([standpoints.JsonLine(json.dumps(good).encode())]).__next__().to_json()
    assert isinstance(docs[1], ReadError) and docs[1].line == 2
    box = [json.dumps(good).encode()]
    doc = a._core.analyze_taken_json(box)
    assert box == [] and doc.to_json() == docs[0]._core.to_json()
    box = [b"{not json"]
    with pytest.raises(ReadError):
        a._core.analyze_taken_json(box)
    assert box == []

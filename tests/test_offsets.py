"""The offset invariant: every span in the record is a slice of ``text`` (str indices, end exclusive)."""

from __future__ import annotations

import json

import pytest
import standpoints
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from standpoints import ReadError


def check_record(rec: dict) -> None:
    text = rec["text"]
    n = len(text)

    def span(d, what):
        assert isinstance(d["start"], int) and isinstance(d["end"], int), what
        assert 0 <= d["start"] <= d["end"] <= n, (what, d)
        if "text" in d:
            assert text[d["start"]:d["end"]] == d["text"], (what, d)

    paras = rec["paragraphs"]
    for p in paras:
        span(p, "paragraph")
        assert p["start"] < p["end"], "an empty paragraph"
        piece = text[p["start"]:p["end"]]
        assert piece == piece.strip() and "\n" not in piece
    # paragraphs tile the text with one newline between them
    assert "\n".join(text[p["start"]:p["end"]] for p in paras) == text
    prev_end = -1
    for s in rec["sentences"]:
        span(s, "sentence")
        assert s["start"] < s["end"] and s["start"] >= prev_end, "sentences overlap or go backwards"
        prev_end = s["end"]
        p = paras[s["paragraph"]]
        assert p["start"] <= s["start"] and s["end"] <= p["end"], "a sentence crosses its paragraph"
        piece = text[s["start"]:s["end"]]
        assert piece == piece.strip()
    for m in rec["mentions"]:
        span(m, "mention")
        if m.get("entity") is not None:
            assert 0 <= m["entity"] < len(rec["entities"])
        if m.get("sentence") is not None:
            assert 0 <= m["sentence"] < len(rec["sentences"])
    for ei, e in enumerate(rec["entities"]):
        for i in e["mentions"]:
            assert 0 <= i < len(rec["mentions"])
            assert rec["mentions"][i]["entity"] == ei, "an entity lists another entity's mention"
    # Both directions: every mention is listed by its entity, once; mentions in start order.
    for i, m in enumerate(rec["mentions"]):
        assert m.get("entity") is not None, "a mention without an entity"
        assert rec["entities"][m["entity"]]["mentions"].count(i) == 1, "a mention its entity does not list"
    starts = [m["start"] for m in rec["mentions"]]
    assert starts == sorted(starts), "mentions out of start order"
    for st_ in rec["statements"]:
        for key in ("source", "target", "trigger", "content"):
            if st_.get(key) is not None:
                span(st_[key], f"statement {key}")


def check_doc(doc) -> None:
    rec = doc.to_dict()
    check_record(rec)
    assert rec["text"] == doc.text
    check_record(json.loads(doc.to_json()))
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
    for m in doc.mentions:
        assert doc.text[m.start:m.end] == m.text


# Arbitrary Unicode (Hypothesis excludes lone surrogates by default), weighted toward the hard cases.
HARD = ("🇺🇦👍🏽👨‍👩‍👧 e\u0301 n\u0303 \u0915\u094d\u0937 北约秘书长说。 مرحبا بالعالم؟ \u05e9\u05dc\u05d5\u05dd "
        "\u202e\u200f\u200d\ufeff \u00a0\u2003\u3000 \u2028\u2029\u0085 U.S. Gen. \u201cq.\u201d ... \u2026 \r\n\r")
unicode_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
hard_text = st.text(alphabet=st.sampled_from(list(HARD) + list("Aa .?!\n")), max_size=300)
# Words the later stages react to (names, places, speech verbs), mixed with hard characters, so that
# mentions, entities and statements appear and their spans are checked too.
WORDS = ["Russia", "Russian", "NATO", "Vladimir Putin", "Putin", "the Kremlin", "Kyiv", "Ukraine", "U.S.", "Moscow",
         "Washington", "Biden", "said", "warned", "accused", "urged", "rejected", "denied", "that", "the", "of",
         "Maj. Gen. Igor Konashenkov", "Dmitry Peskov", "spokesman", "\u201cWe will act.\u201d", "Київ", "北约",
         "🇺🇦", "e\u0301", "\u202e", "\u200d", "Ро\u0301ссия", "'s", "\u2019s", "(OSCE)", "European Union", ",", ".",
         "?", "!", "\u2026", "-", "\u00a0", "\n", "  "]
word_text = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)
texts = st.one_of(unicode_text, hard_text, word_text)

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts)
def test_parse_never_crashes_and_offsets_hold(text):
    try:
        doc = standpoints.parse(text)
    except ReadError:
        # Only inputs with nothing to read, or holding NUL, may be refused.
        assert "\x00" in text or not text.strip(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002"
                                                  "\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029"
                                                  "\u202f\u205f\u3000\ufeff")
        return
    check_doc(doc)


@SETTINGS
@given(texts, texts)
def test_parse_with_title_offsets_hold(title, text):
    try:
        doc = standpoints.parse(text, title=title, date="20220203", url="https://www.example.com/a")
    except ReadError:
        return
    check_doc(doc)


@SETTINGS
@given(st.binary(max_size=400))
def test_reading_arbitrary_bytes_never_crashes(tmp_path_factory, data):
    p = tmp_path_factory.mktemp("bytes") / "a.txt"
    p.write_bytes(data)
    for errors in ("strict", "replace"):
        try:
            doc = _analyzers[errors].read(p)
        except ReadError as e:
            assert e.path == str(p)
            continue
        check_doc(doc)


_analyzers = {"strict": standpoints.Analyzer(errors="strict"), "replace": standpoints.Analyzer(errors="replace")}


def test_the_word_strategy_reaches_mentions():
    doc = standpoints.parse("Russian President Vladimir Putin warned NATO on Monday, the Kremlin said.")
    check_doc(doc)
    assert [m.text for m in doc.mentions if m.kind == "name"][:2] == ["Russian", "Vladimir Putin"]


def test_nul_is_an_error_not_a_crash():
    with pytest.raises(ReadError, match="NUL"):
        standpoints.parse("before\x00after")


def test_lone_surrogate_is_a_read_error_not_a_crash():
    with pytest.raises(ReadError):
        standpoints.parse("bad \ud800 text")
    doc = standpoints.Analyzer(errors="replace").parse("bad \ud800 text")
    assert "\ufffd" in doc.text
    check_doc(doc)


def test_offsets_on_the_example(example):
    check_doc(standpoints.read(example))


def test_offsets_on_the_dev_articles(dev_articles):
    for path in dev_articles:
        doc = standpoints.read(path)
        check_doc(doc)

"""The entity layer's invariant, both directions: every mention belongs to exactly one entity, which
lists it; every entity lists only its own mentions, each once; mentions are in start order. Checked on
every dev article and on the first 500 records of news-5k, where the statement stage adds pronoun and
nominal mentions ("he", "the ministry") after the resolver built the entities."""

from __future__ import annotations

import gzip
import itertools
import json

import pytest
import standpoints

NEWS_RECORDS = 500


def layer_errors(rec: dict) -> list[str]:
    mentions, entities = rec["mentions"], rec["entities"]
    errors = []
    listed_by: dict[int, list[int]] = {}
    for ei, e in enumerate(entities):
        if len(set(e["mentions"])) != len(e["mentions"]):
            errors.append(f"entity {ei} lists a mention twice")
        for mi in e["mentions"]:
            if not 0 <= mi < len(mentions):
                errors.append(f"entity {ei} lists mention {mi}, which does not exist")
                continue
            listed_by.setdefault(mi, []).append(ei)
            if mentions[mi]["entity"] != ei:
                errors.append(f"entity {ei} lists mention {mi} of entity {mentions[mi]['entity']}")
    for mi, m in enumerate(mentions):
        e = m.get("entity")
        if e is None or not 0 <= e < len(entities):
            errors.append(f"mention {mi} ({m['text']!r}, {m['kind']}) has no entity")
        elif listed_by.get(mi) != [e]:
            errors.append(f"mention {mi} ({m['text']!r}, {m['kind']}) is listed by {listed_by.get(mi, [])}, "
                          f"not by its entity {e}")
    starts = [m["start"] for m in mentions]
    if starts != sorted(starts):
        errors.append("mentions are not in start order")
    spans = [(m["start"], m["end"]) for m in mentions]
    if len(set(spans)) != len(spans):
        errors.append("a span is a mention twice")
    return errors


@pytest.fixture(scope="module")
def analyzer() -> standpoints.Analyzer:
    return standpoints.Analyzer()


def test_entity_layer_on_the_dev_articles(analyzer, dev_articles):
    pronouns_and_nominals = 0
    for path in dev_articles:
        rec = analyzer.read(path).to_dict()
        assert layer_errors(rec) == [], path.name
        pronouns_and_nominals += sum(m["kind"] != "name" for m in rec["mentions"])
    assert pronouns_and_nominals > 0, "no pronoun or nominal mention: the statement stage's part went untested"


def test_entity_layer_on_news(analyzer, news_5k):
    with gzip.open(news_5k, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in itertools.islice(f, NEWS_RECORDS)]
    checked = 0
    for doc in analyzer.analyze_many(records):
        assert not isinstance(doc, standpoints.ReadError), doc
        rec = doc.to_dict()
        assert layer_errors(rec) == [], rec["id"]
        checked += 1
    assert checked == NEWS_RECORDS


def test_a_pronoun_source_is_listed_by_its_entity(analyzer):
    doc = analyzer.parse("Moscow warned Kyiv on Monday. It said the talks had failed.").to_dict()
    assert layer_errors(doc) == []
    it = [i for i, m in enumerate(doc["mentions"]) if m["text"] == "It"]
    assert it, "the pronoun source is a mention"
    assert it[0] in doc["entities"][doc["mentions"][it[0]]["entity"]]["mentions"]

"""The contract in docs/: every record the library writes validates against docs/record.schema.json,
docs/codes.md is current, and the README and docs point nowhere outside the repository except in
the development notes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from itertools import islice
from pathlib import Path

import pytest
import standpoints

REPO = Path(__file__).resolve().parents[1]
SCHEMA = REPO / "docs" / "record.schema.json"

EDGE_CASES = [
    "Plain text without a title.",
    "Зеленський 🇺🇦 звернувся до НАТО. \u201cWe will fight,\u201d Zelenskyy said.",
    "A\u0301 combining mark. Russia warned NATO. " * 20,
    "\n\n  \n",
    "Kremlin spokesman Dmitry Peskov said Moscow rejected the offer from Washington and Brussels.",
]


@pytest.fixture(scope="module")
def validate():
    fastjsonschema = pytest.importorskip("fastjsonschema")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return fastjsonschema.compile(schema)


def test_schema_rejects_what_breaks_the_contract(validate):
    import fastjsonschema

    good = standpoints.parse("Russia warned NATO.", title="T", date="2022-02-03").to_dict()
    validate(good)
    for path, value in [(("mentions", 0, "start"), -1), (("statements", 0, "act"), "SHOUT"),
                        (("entities", 0, "country"), "Russia"), (("date",), "03/02/2022"),
                        (("paragraphs", 0, "kind"), "header")]:
        bad = json.loads(json.dumps(good))
        node = bad
        for k in path[:-1]:
            node = node[k]
        node[path[-1]] = value
        with pytest.raises(fastjsonschema.JsonSchemaException):
            validate(bad)
    with pytest.raises(fastjsonschema.JsonSchemaException):
        validate({**good, "unknown_field": 1})


def test_records_of_the_example_and_edge_cases_validate(validate, example):
    validate(standpoints.read(example).to_dict())
    for r in standpoints.analyze_many(EDGE_CASES + [{"id": "m", "text": "Russia warned NATO.", "outlet": "X"}]):
        if isinstance(r, standpoints.Document):
            validate(r.to_dict())
            assert all(r.text[m.start:m.end] == m.text for m in r.mentions)


def test_cli_records_and_error_records_validate(validate, cli, write, dev_articles):
    write("in/bad.txt", b"T\n\xff\n")
    write("in/empty.txt", "")
    folder = write("in/lines.jsonl", '{"id": "1", "text": "Fine."}\n{broken\n').parent
    out = cli("extract", str(folder), *map(str, dev_articles)).stdout.decode().splitlines()
    assert len(out) == 3 + 1 + len(dev_articles)
    kinds = []
    for line in out:
        record = json.loads(line)
        validate(record)
        kinds.append("error" in record)
    assert sum(kinds) == 3


def test_news_corpus_records_validate(validate, news_5k):
    # every 10th record: 500 records of real news, each checked in full
    for doc in islice(standpoints.read_jsonl(news_5k), 0, None, 10):
        validate(doc.to_dict())


def test_codes_doc_is_current(tmp_path):
    out = tmp_path / "codes.md"
    subprocess.run([sys.executable, str(REPO / "tools" / "build_codes_doc.py"), "--out", str(out)], check=True)
    assert out.read_text(encoding="utf-8") == (REPO / "docs" / "codes.md").read_text(encoding="utf-8"), \
        "docs/codes.md is stale: python tools/build_codes_doc.py"


def test_codes_doc_lists_the_codes_the_output_uses(example):
    text = (REPO / "docs" / "codes.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`([A-Z][A-Z0-9]+)`", text))
    for m in standpoints.read(example).mentions:
        if m.actor:
            root = next((m.actor[:n] for n in range(len(m.actor), 1, -1) if m.actor[:n] in listed), None)
            assert root is not None, m.actor


def test_nothing_points_outside_the_repository_but_the_development_notes():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    notes = readme.find("## Development notes")
    assert notes > 0, "README has a 'Development notes' section"
    assert "../shared" not in readme[:notes]
    # the development notes run to the next top-level section, or the end
    rest = readme[notes + 3:]
    after = rest.find("\n## ")
    assert after < 0 or "../shared" not in rest[after:]
    for doc in (REPO / "docs").rglob("*"):
        if doc.is_file() and doc.suffix in (".md", ".json"):
            assert "../shared" not in doc.read_text(encoding="utf-8"), doc.name


def test_docs_links_resolve():
    for page in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#\s]+)\)", page.read_text(encoding="utf-8")):
            if "://" in target:
                continue
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"

"""The built-in knowledge: US domestic bodies and office-holders with dated codes, agent words.

Through the public API, as a user would check it; names from the built-in data where the data must
answer, invented names where it must not."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import standpoints

DATA = Path(standpoints.__file__).parent / "data"
# The role codes documented in data/README.md (and the README's list of codes).
DOCUMENTED_ROLES = {"GOV", "MIL", "MED", "LEG", "OPP", "PTY", "BUS", "CVL", "JUD", "COP", "REB", "NGO",
                    "SPY", "EDU", "REL", "HLH", "LAB", "REF", "AGR", "CRM", "ELI"}


def actors(text: str, date: str | None = None, title: str = "A report") -> dict[str, set[str | None]]:
    doc = standpoints.parse(text, title=title, date=date)
    out: dict[str, set[str | None]] = {}
    for m in doc.mentions:
        if m.kind == "name":
            out.setdefault(m.text, set()).add(m.actor)
    return out


@pytest.mark.parametrize("date, code", [
    ("2020-06-01", "USA"),     # before the first term: the country only
    ("2024-06-01", "USALEG"),  # in office
    ("2029-06-01", "USA"),     # after the last term ends (2029-01-03)
])
def test_a_senator_before_during_and_after_the_term(date, code):
    found = actors("Senator John Fetterman said the bill would fail.", date=date)
    assert found["John Fetterman"] == {code}


def test_a_president_out_of_office_carries_the_country():
    assert actors("Barack Obama spoke in Chicago.", date="2018-05-01")["Barack Obama"] == {"USA"}
    assert actors("Barack Obama spoke in Chicago.", date="2012-05-01")["Barack Obama"] == {"USAGOV"}


def test_a_congress_story_shaped_like_a_wire_report():
    text = (
        "WASHINGTON (Reuters) - The U.S. House of Representatives on Tuesday passed a bill to fund the "
        "government through September, sending it to the Senate, where Democrats have vowed to block it.\n"
        '"This bill is a gift to special interests," Senate Democratic Leader Chuck Schumer said in a statement.\n'
        "A member of the House Judiciary Committee said the Justice Department had not answered the "
        "committee's questions.\n"
        "The Supreme Court declined to hear the case on Monday. The GOP-controlled House voted 217-212.\n"
        "Texas Gov. Greg Abbott said the state would sue. The Texas Legislature meets in January."
    )
    found = actors(text, date="2025-03-11", title="House passes stopgap spending bill")
    expected = {
        "House of Representatives": "USALEG", "House": "USALEG", "Senate": "USALEG",
        "Democrats": "USAPTY", "Democratic": "USAPTY", "GOP": "USAPTY",
        "Chuck Schumer": "USALEG", "House Judiciary Committee": "USALEG",
        "Justice Department": "USAGOV",  # a department of the executive, not the judiciary
        "Supreme Court": "USAJUD", "Greg Abbott": "USAGOV", "Texas Legislature": "USALEG",
    }
    for name, code in expected.items():
        assert found.get(name) == {code}, name


def test_ap_state_abbreviations_are_places_in_the_us():
    doc = standpoints.parse("The rally in Fresno, Calif., drew thousands.", title="A rally")
    calif = [m for m in doc.mentions if m.text == "Calif."]
    assert calif and calif[0].type == "GPE" and calif[0].actor == "USA"


@pytest.mark.parametrize("text, name", [
    ("State Sen. Jane Roe said the vote would be close.", "Jane Roe"),
    ("Police Chief Tom Smith said officers were at the scene.", "Tom Smith"),
    ("Sens. Jane Roe of Maine and Tom Smith of Ohio wrote to the agency.", "Jane Roe"),
])
def test_titles_from_the_agent_table_are_not_part_of_the_name(text, name):
    doc = standpoints.parse(text, title="A report")
    people = [m.text for m in doc.mentions if m.type == "PERSON"]
    assert name in people
    assert not any("Sen" in p or "Chief" in p or " of " in p for p in people)


def read_tsv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        rows = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_every_role_in_the_agent_table_is_documented():
    rows = read_tsv("agents.tsv")
    assert len(rows) > 1000
    roles = {r for row in rows for r in (row["role"] or "").split("|") if r}
    assert roles <= DOCUMENTED_ROLES
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for role in roles:
        assert f"`{role}`" in readme, role


def test_words_that_give_roles_live_in_one_table():
    role_kinds = {"title", "role", "org_head", "org_first", "org_cue", "org_tail"}
    assert not [r for r in read_tsv("name_cues.tsv") if r["kind"] in role_kinds]
    cues = {(r["phrase"], r["cue"]) for r in read_tsv("agents.tsv") if r["cue"]}
    assert ("spokesman", "role") in cues and ("Sen.", "title") in cues and ("Ministry", "org_head") in cues


def test_a_body_is_not_split_off_a_place_of_another_country():
    # "Georgia" alone is the country; the state party is one name, not Georgia (GEO) + a US party.
    found = actors("The Georgia Democratic Party asked an expert to review the voting machines.")
    assert found.get("Georgia Democratic Party") == {"USAPTY"}
    assert "Georgia" not in found

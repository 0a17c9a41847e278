"""Case and letter classes of every script, from the table tools/gen_unicode.py generates from
Python's unicodedata (issue 11, item 10)."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import standpoints

REPO = Path(__file__).resolve().parents[1]
TABLE = REPO / "cpp" / "src" / "unicode_data.cpp"


def test_the_committed_table_is_what_the_generator_makes():
    if not TABLE.exists():
        pytest.skip("not a source checkout")
    made_from = TABLE.read_text("utf-8").split("(Unicode ", 1)[1].split(")", 1)[0]
    if made_from != unicodedata.unidata_version:
        pytest.skip(f"this Python has Unicode {unicodedata.unidata_version}, the table {made_from}")
    r = subprocess.run([sys.executable, str(REPO / "tools" / "gen_unicode.py"), "--check"], capture_output=True,
                       text=True)
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("text, name", [
    ("Romanian President Ștefan Popescu warned Hungary on Monday.", "Ștefan Popescu"),
    ("Azerbaijani President Əli Quliyev warned Armenia on Monday.", "Əli Quliyev"),
    ("Foreign Minister Ǆemal Bašić warned Serbia on Monday.", "Ǆemal Bašić"),
])
def test_capitals_of_latin_extended_b_start_names(text, name):
    doc = standpoints.parse(text)
    people = [m.text for m in doc.mentions if m.type == "PERSON"]
    assert name in people


def test_all_caps_headline_with_extended_letters_is_folded():
    """The headline rule compares ALL CAPS text case-folded: Ș and Ə fold like any capital."""
    doc = standpoints.parse("body", title="ROMANIA AND AZERBAIJAN WARN HUNGARY")
    assert {m.text for m in doc.mentions} >= {"ROMANIA", "AZERBAIJAN", "HUNGARY"}


def test_letters_of_other_scripts_are_one_word():
    """Letters with combining marks (Devanagari) and joiners stay inside one token."""
    doc = standpoints.parse("नरेन्द्र मोदी said. ĞÜŞ said.")
    words = [s.text for s in doc.sentences]
    assert words[0].startswith("नरेन्द्र मोदी")

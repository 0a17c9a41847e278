"""Sentence splitting: each case is a paragraph and the sentences a reader would see in it."""

from __future__ import annotations

import pytest
import standpoints

CASES = [
    # abbreviations and initials
    ("The U.S. and Russia met on Monday. They talked for hours.",
     ["The U.S. and Russia met on Monday.", "They talked for hours."]),
    ("Gen. Smith spoke in Kyiv. Then he left.", ["Gen. Smith spoke in Kyiv.", "Then he left."]),
    ("The summit opens on Sept. 5 in Geneva. Both sides will attend.",
     ["The summit opens on Sept. 5 in Geneva.", "Both sides will attend."]),
    ("Maj. Gen. Igor Ivanov said the strike hit a depot. Officials denied it.",
     ["Maj. Gen. Igor Ivanov said the strike hit a depot.", "Officials denied it."]),
    ("J. R. R. Tolkien wrote novels. He died in 1973.", ["J. R. R. Tolkien wrote novels.", "He died in 1973."]),
    ("He quoted George W. Bush. It was odd.", ["He quoted George W. Bush.", "It was odd."]),
    ("Mr. Smith met Mrs. Jones and Ms. Lee. They had lunch.",
     ["Mr. Smith met Mrs. Jones and Ms. Lee.", "They had lunch."]),
    ("Dr. Brown and Prof. White agreed. Nobody else did.", ["Dr. Brown and Prof. White agreed.", "Nobody else did."]),
    ("He met Lt. Col. John Smith at the base. They spoke.",
     ["He met Lt. Col. John Smith at the base.", "They spoke."]),
    ("Sen. Jane Roe and Rep. John Doe voted no. The bill failed.",
     ["Sen. Jane Roe and Rep. John Doe voted no.", "The bill failed."]),
    ("The plane landed at 9 a.m. on Monday. Nobody was hurt.",
     ["The plane landed at 9 a.m. on Monday.", "Nobody was hurt."]),
    ("They arrived at 10 a.m. The meeting began at once.", ["They arrived at 10 a.m.", "The meeting began at once."]),
    ("The meeting is at 3 p.m. Tuesday in Vienna.", ["The meeting is at 3 p.m. Tuesday in Vienna."]),
    ("Russia invaded on Feb. 24 last year.", ["Russia invaded on Feb. 24 last year."]),
    ("It happened on Jan. 12, 2022. Peace did not follow.", ["It happened on Jan. 12, 2022.", "Peace did not follow."]),
    ("He works for Acme Inc. and lives in Paris.", ["He works for Acme Inc. and lives in Paris."]),
    ("St. Petersburg is large. Moscow is larger.", ["St. Petersburg is large.", "Moscow is larger."]),
    ("The U.N. Security Council met. Russia vetoed the text.",
     ["The U.N. Security Council met.", "Russia vetoed the text."]),
    ("The U.S.-led coalition struck at dawn. It worked.", ["The U.S.-led coalition struck at dawn.", "It worked."]),
    ("He met officials in Washington, D.C., on Monday.", ["He met officials in Washington, D.C., on Monday."]),
    # a sentence that ends in an abbreviation
    ("He moved to the U.S. The move was hard.", ["He moved to the U.S.", "The move was hard."]),
    ("He lives in the U.S. and works here.", ["He lives in the U.S. and works here."]),
    ("He arrived in the U.K. Officials met him.", ["He arrived in the U.K.", "Officials met him."]),
    ("He met officials in Washington, D.C. The talks went well.",
     ["He met officials in Washington, D.C.", "The talks went well."]),
    # decimals, money, numbers
    ("Growth was 3.5 percent. It cost $1.2 billion.", ["Growth was 3.5 percent.", "It cost $1.2 billion."]),
    ("Prices rose 2.5%. Markets fell 0.25 points.", ["Prices rose 2.5%.", "Markets fell 0.25 points."]),
    ("Version 2.0 was released. Users cheered.", ["Version 2.0 was released.", "Users cheered."]),
    ("The vote was 10-2. It passed!", ["The vote was 10-2.", "It passed!"]),
    ("The army lost 1,500 men in 2014. More died later.", ["The army lost 1,500 men in 2014.", "More died later."]),
    # quotations that close after the full stop
    ('He said, "We will go." Then he left.', ['He said, "We will go."', "Then he left."]),
    ("He said, \u201cWe will go.\u201d Then he left.", ["He said, \u201cWe will go.\u201d", "Then he left."]),
    ("She said it was \u2018over.\u2019 They left.", ["She said it was \u2018over.\u2019", "They left."]),
    ("'We will win,' he said. 'Soon.'", ["'We will win,' he said.", "'Soon.'"]),
    ("He said: \u201cEnough!\u201d Then there was silence.", ["He said: \u201cEnough!\u201d", "Then there was silence."]),
    ("Talks ended (for now). More are planned.", ["Talks ended (for now).", "More are planned."]),
    ("\u201cWe are ready.\u201d \u201cAre you?\u201d", ["\u201cWe are ready.\u201d", "\u201cAre you?\u201d"]),
    # ? and ! inside quotations followed by the speaker
    ('"Why?" he asked. She shrugged.', ['"Why?" he asked.', "She shrugged."]),
    ('"Stop!" he said. She did.', ['"Stop!" he said.', "She did."]),
    ("\u201cIs this war?\u201d asked the minister. Nobody answered.",
     ["\u201cIs this war?\u201d asked the minister.", "Nobody answered."]),
    ("\u201cNever!\u201d said Peskov. The talks stalled.", ["\u201cNever!\u201d said Peskov.", "The talks stalled."]),
    # ellipses
    ("He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
    ("The talks failed... and resumed later.", ["The talks failed... and resumed later."]),
    ("The talks failed\u2026 and resumed later.", ["The talks failed\u2026 and resumed later."]),
    ("He waited\u2026 Nothing happened.", ["He waited\u2026", "Nothing happened."]),
    # ? and ! and runs of them
    ("Is it true? He said no.", ["Is it true?", "He said no."]),
    ("Really?! Yes. Fine.", ["Really?!", "Yes.", "Fine."]),
    # headlines and fragments without a full stop
    ("Breaking news from Kyiv", ["Breaking news from Kyiv"]),
    ("Russia warns NATO over Ukraine: Putin", ["Russia warns NATO over Ukraine: Putin"]),
    # other scripts
    ("Президент сказал. Это правда.", ["Президент сказал.", "Это правда."]),
    ("他说了。我们走吧。", ["他说了。", "我们走吧。"]),
    ("هل هذا صحيح؟ نعم.", ["هل هذا صحيح؟", "نعم."]),
]


@pytest.mark.parametrize("paragraph, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_sentences(paragraph, expected):
    doc = standpoints.parse(paragraph)
    assert [s.text for s in doc.sentences] == expected


def test_enough_cases():
    assert len(CASES) >= 30


def test_sentences_never_cross_paragraphs():
    doc = standpoints.parse("A line without a stop\nNext line. Two sentences", title="Title without stop")
    assert [s.text for s in doc.sentences] == ["Title without stop", "A line without a stop", "Next line.",
                                               "Two sentences"]
    assert [s.paragraph for s in doc.sentences] == [0, 1, 2, 2]


def test_sentence_offsets_cover_the_text():
    doc = standpoints.parse("  First one.   Second one!  \nThird?")
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
        p = doc.paragraphs[s.paragraph]
        assert p.start <= s.start < s.end <= p.end
    starts = [s.start for s in doc.sentences]
    assert starts == sorted(starts)

"""Boilerplate: publisher furniture is flagged (ANNOTATION.md), content is not.

Each case is one paragraph placed in a small article after an ordinary first paragraph."""

from __future__ import annotations

import pytest
import standpoints

FURNITURE = [
    # syndication notices
    "This story has not been edited by NDTV staff and is auto-generated from a syndicated feed.",
    "(Except for the headline, this story has not been edited by NDTV staff and is published from a syndicated feed.)",
    # bylines and outlet names alone on a line
    "Jane Doe",
    "USA TODAY",
    "By Jane Doe, Associated Press",
    # captions and credits
    "A Ukrainian soldier stands guard near Kharkiv on March 1, 2022. (AP Photo/John Doe)",
    "Ukrainian servicemen walk in Kyiv. Photograph: Reuters",
    "Photograph: Sergei Supinsky/AFP/Getty Images",
    "Russian President Vladimir Putin at a meeting in Moscow on Feb. 3, 2022. Photo: Getty Images",
    # sharing, galleries
    "SHARE THIS ARTICLE",
    "Share this article",
    "Slideshow (7 Images)",
    "Gallery (12 photos)",
    # newsletter promotions, links
    "Sign up to First Edition, our free daily newsletter – every weekday morning at 7am BST",
    "Newsletter: sign up for our weekly briefing",
    "Follow us on Twitter",
    "Also read: Russia says talks will go on",
    "Read more: the war in maps",
    "Click here to subscribe",
    # credits
    "Contributing: John Smith, USA TODAY",
    "Reporting by Tom Balmforth; Editing by Peter Graff",
    "Additional reporting by Jane Roe in Kyiv",
    # copyright
    "Copyright 2022 The Associated Press. All rights reserved.",
    "© 2022 Guardian News & Media Limited",
]

CONTENT = [
    "Russian troops moved closer to the border on Monday, officials said.",
    "The Kremlin said it would respond.",
    "\u2018Loser\u2019 deal",                          # a short subhead
    "What comes next",
    "NATO expansion",
    "Putin's gamble",
    "Biden and Putin",
    "By the end of the day, Russia had withdrawn its proposal.",
    "Copies of the letter were shared with reporters, who said the photograph was old.",
    "Share prices in Moscow fell by 10 percent.",
    "Reports by the OSCE mission described shelling near Donetsk.",
]


def flags(paragraph: str) -> bool:
    doc = standpoints.parse("The first paragraph is an ordinary sentence about the talks.\n" + paragraph,
                            title="Talks on European security resume")
    assert [p.kind for p in doc.paragraphs] == ["title", "body", "body"]
    assert doc.paragraphs[1].boilerplate is False
    assert doc.paragraphs[0].boilerplate is False
    return doc.paragraphs[2].boilerplate


@pytest.mark.parametrize("paragraph", FURNITURE)
def test_furniture_is_boilerplate(paragraph):
    assert flags(paragraph) is True


@pytest.mark.parametrize("paragraph", CONTENT)
def test_content_is_not_boilerplate(paragraph):
    assert flags(paragraph) is False


def test_repeated_title_is_boilerplate():
    doc = standpoints.parse("Talks resume in Geneva\nThe talks resumed on Monday.", title="Talks resume in Geneva")
    assert [p.boilerplate for p in doc.paragraphs] == [False, True, False]


def test_boilerplate_stays_in_text_and_yields_no_mentions_or_statements():
    notice = "This story has not been edited by NDTV staff and is auto-generated from a syndicated feed."
    doc = standpoints.parse(f"Russia warned NATO on Monday.\nUSA TODAY\n{notice}", title="Russia warns NATO")
    assert notice in doc.text
    flagged = [p for p in doc.paragraphs if p.boilerplate]
    assert [p.text for p in flagged] == ["USA TODAY", notice]
    for p in flagged:
        assert not [m for m in doc.mentions if p.start <= m.start < p.end]
        assert not [s for s in doc.statements if p.start <= s.trigger.start < p.end]


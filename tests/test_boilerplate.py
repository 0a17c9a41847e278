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
    # photo captions: a credit at the end, in brackets or after a sentence, or at the start
    "A man walks past the parliament building in Vilnia, May 3, 2021. (Jane Roe/Reuters)",
    "A woman waves a flag in Vilnia, Molvania, May 3, 2021. REUTERS/Jane Roe",
    "Ministers shake hands in Vilnia, Molvania, July 8, 2018. Jane Roe/Pool via Reuters",
    "Officials inspect the site on Monday. (Photo: Jane Roe, AP)",
    "Protesters gather outside the ministry in Vilnia [Jane Roe/Anadolu] [-]",
    "The minister said talks would go on. | Jane Roe/AP Photo",
    "Jane Roe/AP Senator Tom Smith speaks to reporters in the Capitol on Monday.",
    "John Doe/AP/File Protesters march through Vilnia in March.",
    "Image copyright EPA Image caption Protesters in Vilnia",
    "Photo by Jane Roe on Unsplash",
    "FILE - In this March 5, 2019, file photo, a man walks past the ministry in Vilnia.",
    "A 2019 file photo shows the tanker in port at Vilnia.",
    "The minister speaks in Vilnia on Aug. 26. (Photo: Jane Roe, AP) Story Highlights The minister said",
    # video teasers and links
    "Play Video 1:27 Minister says talks will resume \u2013 video",
    "Minister says talks will resume Read more",
    "More: Minister says talks will resume",
    "SEE ALSO: Minister says talks will resume",
    "WATCH MORE",
    # reader call-outs, partnerships, transcripts, newsletters, editor's notes
    "Q&A Have you been affected by the floods? Share your story with us using our encrypted form.",
    "This story is being published as part of a content partnership with the Daily Planet.",
    "This is a rush transcript. Copy may not be in its final form.",
    "Get the best stories delivered to your inbox. By signing up, you agree to our Privacy Policy",
    "Editor\u2019s note: This story was updated on Tuesday.",
    # contributors, author bios and signatures (last in the article)
    "John Doe contributed reporting from Vilnia.",
    "Follow him on Twitter @johndoe",
    "Jane Roe is a columnist for the Daily Planet.",
    "Jane Roe, a former diplomat, is a senior fellow at the Institute for Imaginary Studies.",
    "John Doe is chief political correspondent at the Daily Planet.",
    "- Jane Roe",
    # scraped markup and bare links
    'poster="https://example.com/images/1.jpg"',
    "https://example.com/story/123",
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
    # section heads in capitals are no outlet names
    "TALKS STALL AGAIN",
    "WHAT COMES NEXT",
    # polls name outlets with slashes, but no photographer
    "An ABC/Washington Post poll released this week found that 55 percent of voters back the plan.",
    "A Reuters/Ipsos poll found that most voters back the plan.",
    "Most voters back the plan, according to a survey by Ipsos/Reuters.",
    # people described in the story are no author bios
    "Tom Smith is a former prosecutor who led the inquiry into the ministry.",
    "The minister is a former editor of the newspaper, officials said.",
    "Jane Roe is committed to publishing the report before the vote.",
    "Jane Roe is pushing fellow senators to reject the deal reached last week.",
    "The minister will leave for a trip packed with high-profile photo-ops, aides said.",
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


def test_an_author_bio_counts_only_first_or_last_in_the_article():
    bio = "Jane Roe is a columnist for the Daily Planet."
    body = ["Ministers met in Vilnia on Monday.", bio, "Talks resume on Tuesday.", "The ministers left.", "No date was set."]
    doc = standpoints.parse("\n".join(body), title="Talks on European security resume")
    assert [p.boilerplate for p in doc.paragraphs] == [False] * 6
    doc = standpoints.parse("\n".join(body[:1] + body[2:] + [bio]), title="Talks on European security resume")
    assert [p.boilerplate for p in doc.paragraphs] == [False] * 5 + [True]


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


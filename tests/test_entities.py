"""Entities: the knowledge base, matching, resolution and user actors (issue 3).

Sentences here are written for the tests; expected values come from what the
annotation guide (ANNOTATION.md) says a correct analysis holds.
"""

from __future__ import annotations

import threading

import pytest
from standpoints import Analyzer, KnowledgeError


def names(doc, kind="name"):
    return [(m.text, m.type) for m in doc.mentions if m.kind == kind]


def by_text(doc):
    return {m.text: m for m in doc.mentions}


@pytest.fixture(scope="module")
def nlp():
    return Analyzer()


# -- the built-in knowledge base -------------------------------------------------------------

def test_countries_aliases_and_demonyms(nlp):
    doc = nlp.parse("Britain and the U.S. told Russian diplomats that Ukrainians would decide.", date="2022-03-01")
    m = by_text(doc)
    assert (m["Britain"].type, m["Britain"].actor) == ("GPE", "GBR")
    assert (m["U.S."].type, m["U.S."].actor) == ("GPE", "USA")
    assert (m["Russian"].type, m["Russian"].actor) == ("NORP", "RUS")
    assert (m["Ukrainians"].type, m["Ukrainians"].actor) == ("NORP", "UKR")


def test_international_organisations_and_bodies(nlp):
    doc = nlp.parse("The North Atlantic Treaty Organization met the UN Security Council and the IAEA.")
    m = by_text(doc)
    assert m["North Atlantic Treaty Organization"].actor == "NATO"
    assert (m["UN Security Council"].type, m["UN Security Council"].actor) == ("ORG", "UN")
    assert m["IAEA"].actor == "IAEA"


def test_seats_of_government_are_org_with_gov_code(nlp):
    doc = nlp.parse("The Kremlin and the White House traded accusations.")
    m = by_text(doc)
    assert (m["Kremlin"].type, m["Kremlin"].actor) == ("ORG", "RUSGOV")
    assert (m["White House"].type, m["White House"].actor) == ("ORG", "USAGOV")


# -- matching edge cases ----------------------------------------------------------------------

def test_possessive_is_not_part_of_the_span(nlp):
    doc = nlp.parse("Russia's army and NATO’s allies moved.")
    texts = [m.text for m in doc.mentions]
    assert "Russia" in texts and "NATO" in texts
    assert not any("'s" in t or "’s" in t for t in texts)


def test_hyphenated_compound_keeps_both_names(nlp):
    doc = nlp.parse("The US-Russian talks resumed.")
    texts = [m.text for m in doc.mentions]
    assert "US" in texts and "Russian" in texts


def test_title_case_headline_only_real_names(nlp):
    doc = nlp.parse("", title="US NATO Offer Trust Building Measures To Russia Say Leaked Documents")
    assert [m.text for m in doc.mentions] == ["US", "NATO", "Russia"]


def test_all_caps_headline(nlp):
    doc = nlp.parse("", title="RUSSIA WARNS NATO OVER UKRAINE")
    assert [m.text for m in doc.mentions] == ["RUSSIA", "NATO", "UKRAINE"]


def test_sentence_initial_capital_is_not_a_name(nlp):
    doc = nlp.parse("Officials said nothing. Meanwhile the talks went on. Yesterday Russia agreed.")
    # "Officials" is a speaker (a nominal mention of its own), not a name.
    assert [m.text for m in doc.mentions if m.kind == "name"] == ["Russia"]


def test_longest_match_wins(nlp):
    doc = nlp.parse("He spoke at the UN General Assembly.")
    assert [m.text for m in doc.mentions] == ["UN General Assembly"]


def test_country_before_a_body_is_its_own_mention(nlp):
    doc = nlp.parse("The US State Department declined to comment.", date="2022-02-03")
    m = by_text(doc)
    assert m["US"].type == "GPE" and m["US"].actor == "USA"
    assert m["State Department"].type == "ORG" and m["State Department"].actor == "USAGOV"


def test_titles_and_ranks_are_not_in_the_span(nlp):
    doc = nlp.parse("Maj. Gen. Arkady Volkonsky inspected the troops with President Lena Varga.")
    texts = [m.text for m in doc.mentions]
    assert "Arkady Volkonsky" in texts and "Lena Varga" in texts
    assert by_text(doc)["Arkady Volkonsky"].type == "PERSON"


def test_cue_words_type_unknown_names(nlp):
    doc = nlp.parse("Delegates from the Ruritanian Workers Party signed the Zenda Accord "
                    "at the Strelsau Summit, hosted by the Ministry of Fisheries of Ruritania.")
    m = by_text(doc)
    assert m["Ruritanian Workers Party"].type == "ORG"
    assert m["Zenda Accord"].type == "LAW"
    assert m["Strelsau Summit"].type == "EVENT"
    assert m["Ministry of Fisheries of Ruritania"].type == "ORG"


def test_known_treaties_and_wars(nlp):
    doc = nlp.parse("The Intermediate-Range Nuclear Forces Treaty dates from the Cold War.")
    m = by_text(doc)
    assert m["Intermediate-Range Nuclear Forces Treaty"].type == "LAW"
    assert m["Cold War"].type == "EVENT"


# -- resolution -------------------------------------------------------------------------------

def test_surname_joins_the_full_name(nlp):
    doc = nlp.parse("Vladimir Putin spoke on Monday. Later Putin left.", date="2022-02-03")
    ms = [m for m in doc.mentions if m.type == "PERSON"]
    assert [m.text for m in ms] == ["Vladimir Putin", "Putin"]
    assert ms[0].entity == ms[1].entity
    assert ms[1].actor == "RUSGOV"


def test_surname_of_a_person_found_in_text(nlp):
    doc = nlp.parse("Colonel Marta Quillfeather briefed reporters. Quillfeather said more was coming.")
    ms = [m for m in doc.mentions if m.type == "PERSON"]
    assert [m.text for m in ms] == ["Marta Quillfeather", "Quillfeather"]
    assert ms[0].entity == ms[1].entity


def test_acronym_in_brackets_joins_the_full_name(nlp):
    doc = nlp.parse("The Council for Northern Fisheries Cooperation (CNFC) met. The CNFC later agreed.")
    ms = [m for m in doc.mentions if m.text in ("Council for Northern Fisheries Cooperation", "CNFC")]
    assert [m.text for m in ms] == ["Council for Northern Fisheries Cooperation", "CNFC", "CNFC"]
    assert len({m.entity for m in ms}) == 1
    assert all(m.type == "ORG" for m in ms)


def test_office_holder_code_follows_the_article_date(nlp):
    in_office = nlp.parse("Barack Obama spoke.", date="2014-11-12")
    out_of_office = nlp.parse("Barack Obama spoke.", date="2018-05-21")
    assert by_text(in_office)["Barack Obama"].actor == "USAGOV"
    assert by_text(out_of_office)["Barack Obama"].actor == "USA"


def test_capital_as_government_and_as_place(nlp):
    gov = nlp.parse("Moscow rejected the offer.")
    place = nlp.parse("The talks took place in Minsk, Belarus.")
    assert by_text(gov)["Moscow"].actor == "RUSGOV"
    assert by_text(place)["Minsk"].actor == "BLR"


def test_role_in_front_gives_the_code(nlp):
    doc = nlp.parse("Ruritanian Defense Ministry spokesman Oskar Hentzau said nothing.", date="2020-01-01")
    # Ruritania is not a country: no code; a real country gives one.
    doc = nlp.parse("Russian Defense Ministry spokesman Oskar Hentzau said nothing.", date="2020-01-01")
    m = by_text(doc)
    assert m["Defense Ministry"].actor == "RUSMIL"
    assert m["Oskar Hentzau"].actor == "RUSMIL"
    doc = nlp.parse("Ukrainian President Oskar Hentzau spoke.", date="2020-01-01")
    assert by_text(doc)["Oskar Hentzau"].actor == "UKRGOV"


def test_entities_group_mentions(nlp):
    doc = nlp.parse("Russia warned. Russia then agreed with NATO.")
    ents = {e.name: e for e in doc.entities}
    assert len(ents["Russia"].mentions) == 2
    assert ents["Russia"].actor == "RUS" and ents["Russia"].country == "RUS"
    for e in doc.entities:
        for i in e.mentions:
            assert doc.mentions[i].entity == e.index


def test_boilerplate_has_no_mentions(nlp):
    doc = nlp.parse("Russia spoke.\nReporting by Anna Petrova in Moscow; Editing by John Smith")
    assert [m.text for m in doc.mentions] == ["Russia"]


# -- user actors ------------------------------------------------------------------------------

def test_add_actor_wins_and_is_dated():
    a = Analyzer()
    a.add_actor("Jane Roe", actor="FRAGOV", country="FRA", start="2020", end="2023", flags=["surname"])
    doc = a.parse("Jane Roe met officials. Roe said no.", date="2021-05-01")
    ms = [m for m in doc.mentions if m.type == "PERSON"]
    assert [(m.text, m.actor) for m in ms] == [("Jane Roe", "FRAGOV"), ("Roe", "FRAGOV")]
    later = a.parse("Jane Roe met officials.", date="2024-05-01")
    assert by_text(later)["Jane Roe"].actor == "FRA"


def test_user_entry_overrides_builtin(tmp_path):
    f = tmp_path / "mine.tsv"
    f.write_text("id\ttype\tname\tactor\tcountry\tfrom\tto\taliases\tflags\n"
                 "my-nato\tORG\tNATO\tNATOMIL\t\t\t\t\tigo\n", encoding="utf-8")
    doc = Analyzer(actors=f).parse("NATO moved.")
    assert by_text(doc)["NATO"].actor == "NATOMIL"


def test_user_actors_json(tmp_path):
    f = tmp_path / "mine.json"
    f.write_text('[{"name": "Zenda Liberation Front", "type": "ORG", "actor": "RUSREB", "aliases": ["ZLF"]}]',
                 encoding="utf-8")
    doc = Analyzer(actors=f).parse("The ZLF attacked. The Zenda Liberation Front denied it.")
    m = by_text(doc)
    assert m["ZLF"].actor == "RUSREB" and m["Zenda Liberation Front"].actor == "RUSREB"
    assert m["ZLF"].entity == m["Zenda Liberation Front"].entity


def test_user_actors_petrarch_format(tmp_path):
    f = tmp_path / "mine.actors.txt"
    f.write_text("# my actors\n"
                 "OSKAR_HENTZAU_  # a test person\n"
                 "+HENTZAU_\n"
                 "\t[RUSGOV 150101-191231]\n"
                 "\t[RUSMIL >200101]\n", encoding="utf-8")
    a = Analyzer(actors=f)
    assert by_text(a.parse("Oskar Hentzau spoke.", date="2016-06-01"))["Oskar Hentzau"].actor == "RUSGOV"
    assert by_text(a.parse("Oskar Hentzau spoke.", date="2021-06-01"))["Oskar Hentzau"].actor == "RUSMIL"


@pytest.mark.parametrize("content, where", [
    ("id\ttype\tname\tactor\nx\tPLANET\tMars\tMRS\n", ":2"),
    ("id\ttype\tname\tactor\tcountry\tfrom\tto\nx\tPERSON\tAl\tUSAGOV\tUSA\t2020\t2010\n", ":2"),
    ("id\ttype\tname\tactor\nx\tPERSON\tAl\tusa gov\n", ":2"),
    ("id\tname\nx\tAl\n", ":1"),
])
def test_bad_actor_file_names_file_and_line(tmp_path, content, where):
    f = tmp_path / "bad.tsv"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeError) as e:
        Analyzer(actors=f)
    assert "bad.tsv" in str(e.value) and where in str(e.value)


def test_bad_petrarch_file(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_text("SOMEONE_\n\t[RUSGOV 15x101-191231]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as e:
        Analyzer(actors=f)
    assert "bad.txt:2" in str(e.value)


def test_missing_actor_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        Analyzer(actors=tmp_path / "nope.tsv")


# -- thread safety ----------------------------------------------------------------------------

def test_one_analyzer_shared_by_threads_gives_the_same_results(nlp):
    texts = [f"Vladimir Putin met officials from NATO in Minsk, Belarus, on day {i}. Putin said "
             f"the US State Department and the Kremlin disagreed. Item {i}." for i in range(40)]
    expected = [nlp.parse(t, date="2022-01-01").to_json() for t in texts]
    results: dict[int, str] = {}

    def work(lo, hi):
        for i in range(lo, hi):
            results[i] = nlp.parse(texts[i], date="2022-01-01").to_json()

    threads = [threading.Thread(target=work, args=(k * 10, k * 10 + 10)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [results[i] for i in range(40)] == expected
    batch = [d.to_json() for d in nlp.analyze_many([{"text": t, "date": "2022-01-01"} for t in texts], workers=4)]
    assert batch == expected


def test_offsets_of_mentions_are_exact_for_unicode(nlp):
    doc = nlp.parse("🙂 Ελλάδα and 日本 aside, Russia’s envoy met NATO in Kyiv — “Ukraine” said.")
    assert doc.mentions
    for m in doc.mentions:
        assert doc.text[m.start:m.end] == m.text


# -- audit of unseen US news: peoples, surnames that are towns, past offices ---------------------

def test_peoples_of_the_united_states_are_norp(nlp):
    doc = nlp.parse("Some 62,000 New Yorkers, many Latinos and African Americans signed; The New Yorker wrote.")
    m = by_text(doc)
    assert (m["New Yorkers"].type, m["New Yorkers"].actor) == ("NORP", "USA")
    assert m["Latinos"].type == "NORP" and m["African Americans"].type == "NORP"
    assert (m["The New Yorker"].type, m["The New Yorker"].actor) == ("ORG", "USAMED")


def test_a_people_that_opens_an_organisation_name_is_the_organisation(nlp):
    doc = nlp.parse("The Veltrano Jewish Agency and the Congressional Hispanic Caucus disagreed with Mormon voters.")
    assert ("Veltrano Jewish Agency", "ORG") in names(doc)
    assert ("Congressional Hispanic Caucus", "ORG") in names(doc)
    assert ("Mormon", "NORP") in names(doc)
    doc = nlp.parse("Leaders of the Basque Institute for Competitiveness met on Monday.")
    assert ("Basque Institute for Competitiveness", "ORG") in names(doc)
    # A place that ends the name gives its country.
    doc = nlp.parse("Jane Roe, president of the Sikh Community of Rome, said so.")
    assert (by_text(doc)["Sikh Community of Rome"].type, by_text(doc)["Sikh Community of Rome"].actor) == ("ORG", "ITANGO")


def test_a_presidents_surname_is_no_foreign_town(nlp):
    doc = nlp.parse("Both Bush presidents and Senator Rubio backed the plan.")
    assert not [m for m in doc.mentions if m.type == "GPE"]


def test_former_before_a_lower_case_word_and_a_court(nlp):
    doc = nlp.parse("Former state Supreme Court Chief Justice Oskar Hentzau won the runoff.", date="2017-09-27")
    assert by_text(doc)["Oskar Hentzau"].actor == "USA"


def test_a_country_or_nationality_after_a_given_name_is_a_surname(nlp):
    # "Mark" opens known people's names; "Hentzau" is no one's.
    doc = nlp.parse("Rep. Mark Jordan, R-Ohio, told CNN he would vote no. Jordan says he plans to vote against it.")
    assert [(m.text, m.type, m.actor) for m in doc.mentions if "Jordan" in m.text] == [
        ("Mark Jordan", "PERSON", "USALEG"), ("Jordan", "PERSON", "USALEG")]
    doc = nlp.parse("On Monday David French and Steve Israel spoke with Virginia Democrats.")
    assert ("David French", "PERSON") in names(doc) and ("Steve Israel", "PERSON") in names(doc)
    assert ("Virginia", "GPE") in names(doc) and ("Democrats", "NORP") in names(doc)
    # The country named as a place elsewhere in the document stays the country.
    doc = nlp.parse("King Abdullah of Jordan met Mark Jordan. Jordan said it would close its border.")
    assert [m.type for m in doc.mentions if m.text == "Jordan"] == ["GPE", "GPE"]


def test_an_unknown_acronym_first_in_a_sentence_before_a_role_noun(nlp):
    doc = nlp.parse("Ohio, Iowa and Texas officials met. VKHA spokesperson Oskar Hentzau said the group does not lobby.")
    assert ("VKHA", "ORG") in names(doc)
    assert by_text(doc)["Oskar Hentzau"].actor != "USAGOV"  # a group's spokesperson, not the government's


@pytest.fixture(scope="module")
def demmeltrups():
    # Two invented people of one surname: a legislator, and a president out of office by 2020.
    nlp = Analyzer()
    nlp.add_actors([
        {"id": "oskar-demmeltrup", "name": "Oskar Demmeltrup", "actor": "USALEG", "country": "USA",
         "from": "2011-01-03", "flags": ["surname"]},
        {"id": "ilse-demmeltrup", "name": "Ilse Demmeltrup", "actor": "USAGOV", "country": "USA",
         "from": "1993-01-20", "to": "2001-01-20", "flags": ["surname"]},
    ])
    return nlp


@pytest.mark.parametrize("text, date, code", [
    ("Sen. Demmeltrup said the bill would pass the U.S. Senate.", "2020-03-01", "USALEG"),
    ("President Demmeltrup signed the law in Washington.", "2020-03-01", "USA"),     # out of office: the country
    ("President Demmeltrup signed the law in Washington.", "1995-03-01", "USAGOV"),  # in office
    ("Mr. Demmeltrup said the bill would pass the U.S. Senate.", "2020-03-01", None),  # no office in the title
    ("Dr. Demmeltrup said the bill would pass the U.S. Senate.", "2020-03-01", None),
    ("Sen. Demmeltrup said the bill would pass.", "2020-03-01", None),  # the text names no United States
])
def test_a_title_and_a_surname_alone_name_the_one_known_holder_of_such_an_office(demmeltrups, text, date, code):
    doc = demmeltrups.parse(text, date=date)
    [m] = [m for m in doc.mentions if m.text == "Demmeltrup"]
    assert m.actor == code

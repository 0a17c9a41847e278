"""Codes from context (issue 12, item 1): people and bodies the knowledge base does not know take
their code from what the text says around them, and from the country the story is set in.

Every name here is invented, so that the dictionary cannot answer; the countries, parties and
bodies that give the context are real (the knowledge base must know them). Through the public API,
as a user would check it: the mention's actor code and its entity's."""

from __future__ import annotations

import pytest
import standpoints

# A US story: enough US names (coded by the knowledge base) for the story to be set in the US.
US_SETTING = ("WASHINGTON (Reuters) - The U.S. Senate and the House of Representatives met on Monday "
              "in Washington, and the White House said Congress would vote.\n")
DATE = "2024-05-14"


def codes(text: str, date: str = DATE, title: str = "A report") -> dict[str, set[str | None]]:
    """Each name's actor codes in the document (a name may occur more than once)."""
    doc = standpoints.parse(text, title=title, date=date)
    out: dict[str, set[str | None]] = {}
    for m in doc.mentions:
        if m.kind == "name":
            out.setdefault(m.text, set()).add(m.actor)
    return out


def code_of(text: str, name: str, **kw) -> str | None:
    found = codes(text, **kw)
    assert name in found, f"{name!r} was not found as a name in {sorted(found)}"
    (code,) = found[name]
    return code


# ------------------------------------------------------------------ appositions and pre-modifiers

@pytest.mark.parametrize("text, name, code", [
    # <Country>'s <office> <Name>
    ("Russia's deputy foreign minister Zorvan Tellaby said the plan was dead.", "Zorvan Tellaby", "RUSGOV"),
    ("Israel's ambassador, Dafna Orrelin, said the talks would go on.", "Dafna Orrelin", "ISRGOV"),
    # <Name>, <Country>'s deputy envoy to the UN
    ("Zorvan Tellaby, Russia's deputy envoy to the United Nations, said the plan was dead.",
     "Zorvan Tellaby", "RUSGOV"),
    # a nationality and a role or profession
    ("Zorvan Tellaby, a Russian diplomat, said the plan was dead.", "Zorvan Tellaby", "RUSGOV"),
    ("Zorvan Tellaby, a Russian analyst, said the plan was dead.", "Zorvan Tellaby", "RUS"),
    ("Israeli army spokesman Lt. Col. Zorvan Tellaby said the tunnel was destroyed.", "Zorvan Tellaby", "ISRMIL"),
    # a spokesman for a known body: the body's code (the Defense Ministry is the military's)
    ("Zorvan Tellaby, a spokesman for the Russian Defense Ministry, said the drills were over.",
     "Zorvan Tellaby", "RUSMIL"),
    # the head word decides; a more telling word overrides a generic one ("head of military intelligence")
    ("Vadym Orlenko, Ukraine's acting deputy head of military intelligence, said the strikes went on.",
     "Vadym Orlenko", "UKRMIL"),
    # a person who serves another person
    ("Tarn Weller, senior policy adviser to Joe Biden, said the list was final.", "Tarn Weller", "USAGOV"),
    # "former": the office is past, the country alone
    ("Zorvan Tellaby, who formerly served as U.S. ambassador to South Korea, said talks would fail.",
     "Zorvan Tellaby", "USA"),
    ("Former Russian ambassador Zorvan Tellaby said the plan was dead.", "Zorvan Tellaby", "RUS"),
    # "retired" is a modifier, not a role of its own
    ("Jo Coelbart, a retired Belgian diplomat, said the plan was dead.", "Jo Coelbart", "BEL"),
    ("Retired Belgian general Jo Coelbart said the plan was dead.", "Jo Coelbart", "BEL"),
    # a role phrase with a preposition inside, before the name and a comma
    ("The RT editor in chief, Margo Simmelwit, said the plan was dead.", "Margo Simmelwit", "RUSMED"),
    ("Chilean commander in chief Gen. Rolo Tavarescu said the plan was dead.", "Rolo Tavarescu", "CHLMIL"),
])
def test_appositions_and_pre_modifiers(text, name, code):
    assert code_of(text, name) == code


@pytest.mark.parametrize("sentence, name, code", [
    # "to" and a body with its owner: the body is served, not where one is sent
    ("Zhao Lintang, an adviser to China's State Council, said Beijing had shown restraint.", "Zhao Lintang", "CHNGOV"),
    # a place that only modifies a field ("U.S. affairs") gives way to the institution after "at"
    ("Zhao Lintang, a specialist in U.S. affairs at Renmin University in Beijing, said Beijing had shown restraint.",
     "Zhao Lintang", "CHN"),
    ("Marla Quennet, director of Japan studies at the Brookings Institution, said the visit mattered.",
     "Marla Quennet", "USANGO"),
    # a body or place alone after "to" is where one is sent
    ("Zorvan Tellaby, Russia's envoy to the United Nations, said the plan was dead.", "Zorvan Tellaby", "RUSGOV"),
])
def test_what_a_role_serves_in_a_us_story(sentence, name, code):
    # A US story: the story's country is no fallback that could give these codes by chance.
    assert code_of(US_SETTING + sentence, name) == code


@pytest.mark.parametrize("sentence, code", [
    ("Erin Mulvarey, an Obama aide, said the plan was dead.", "USAGOV"),
    ("Obama aide Erin Mulvarey said the plan was dead.", "USAGOV"),
    ("Erin Mulvarey, Obama's spokesman, said the plan was dead.", "USAGOV"),
    ("Erin Mulvarey, a former Obama aide, said the plan was dead.", "USA"),
])
def test_the_person_a_role_serves_gives_the_code(sentence, code):
    # The served person is known (in office at the date); later bare mentions ("Obama") count too.
    text = "Barack Obama spoke on Monday. " + sentence
    assert code_of(text, "Erin Mulvarey", date="2016-06-01") == code


def test_people_listed_in_appositions_take_nothing_from_each_other():
    text = "The musician Erin Mulvarey, the baseball player Tom Velkaris and the judge Ann Oakhurst met."
    found = codes(text)
    assert found["Erin Mulvarey"] == {None} and found["Tom Velkaris"] == {None}


def test_an_employer_gives_its_code_in_a_story_set_in_one_country():
    text = US_SETTING + (
        "Maria Quellberg, a spokeswoman for the Veltrano Institute, said the bill was flawed.\n"
        "Peter Darrowby, an analyst at Brixmoor Capital, said markets were calm.\n"
        "Corin Aldous, chief economist at Ridgeline Bank, said rates would fall.\n"
        "Mr. Hallorand of the Sierra Club said the rule was weak.\n"
        "Veltrano Institute spokesman Ivo Maskell said the institute would sue.")
    found = codes(text)
    assert found["Veltrano Institute"] == {"USANGO"}
    assert found["Maria Quellberg"] == {"USANGO"}
    assert found["Ivo Maskell"] == {"USANGO"}
    assert found["Brixmoor Capital"] == {"USABUS"}
    assert found["Peter Darrowby"] == {"USABUS"}
    assert found["Corin Aldous"] == {"USABUS"}
    assert found["Sierra Club"] == {"USANGO"}
    assert found["Hallorand"] == {"USANGO"}


def test_a_bank_named_with_its_country():
    text = "Corin Aldous, chief economist at Germany's Hesselfeld Bank, said rates would fall."
    assert code_of(text, "Corin Aldous") == "DEUBUS"


def test_a_body_based_in_a_place():
    text = "The Chicago-based Brixmoor Capital said profits fell."
    assert code_of(text, "Brixmoor Capital") == "USABUS"


# ------------------------------------------------------------------ titles and ranks

@pytest.mark.parametrize("title, code", [
    ("Sen.", "USALEG"), ("Rep.", "USALEG"), ("Gov.", "USAGOV"), ("Mayor", "USAGOV"), ("Judge", "USAJUD"),
    ("Justice", "USAJUD"), ("Gen.", "USAMIL"), ("Adm.", "USAMIL"), ("Police Chief", "USACOP"),
    ("Ambassador", "USAGOV"), ("Attorney General", "USAGOV"),
])
def test_titles_give_the_role_and_the_story_the_country(title, code):
    text = US_SETTING + f"{title} Harlan Voskuijl said the vote was a mistake."
    assert code_of(text, "Harlan Voskuijl") == code


def test_attorney_general_is_no_general():
    # Walking back from the name, the phrase "attorney general" wins over its last word.
    text = US_SETTING + "The state's attorney general Pell Okafor said the law was void."
    assert code_of(text, "Pell Okafor") == "USAGOV"


def test_a_country_before_a_title():
    assert code_of("Chilean Ambassador Renata Hollisbeck said the talks were over.", "Renata Hollisbeck") == "CHLGOV"


# ------------------------------------------------------------------ party labels

@pytest.mark.parametrize("sentence", [
    "Sen. Dovan Ashcombe (D-Calif.) said the bill would pass.",
    "Rep. Dovan Ashcombe, R-Texas, said the bill would pass.",
    "Dovan Ashcombe, R-Texas, said the bill would pass.",
    "Sen. Dovan Ashcombe (I-Vt.) said the bill would pass.",
    "Rep. Dovan Ashcombe (R-TX) said the bill would pass.",
    "Dovan Ashcombe, a Republican from Ohio, said the bill would pass.",
])
def test_party_state_labels_make_a_legislator(sentence):
    # No US setting: the label alone says the country and the office.
    assert code_of(sentence, "Dovan Ashcombe") == "USALEG"


def test_the_party_label_is_a_mention_of_the_party_and_the_state():
    doc = standpoints.parse("Sen. Dovan Ashcombe (D-Calif.) said the bill would pass.", date=DATE)
    names = {m.text: (m.type, m.actor) for m in doc.mentions if m.kind == "name"}
    assert names["D"] == ("NORP", "USAPTY")
    assert names["Calif."][0] == "GPE" and names["Calif."][1] == "USA"
    # The letter joins the party's entity, as "Democrats" would.
    d = next(m for m in doc.mentions if m.text == "D")
    assert doc.entities[d.entity].name == "Democrat"


def test_a_capital_letter_and_a_hyphen_alone_are_no_label():
    doc = standpoints.parse("The D-Day landings and the R-rated film were discussed.", date=DATE)
    assert not any(m.type == "NORP" and m.text in ("D", "R") for m in doc.mentions)


# ------------------------------------------------------------------ foreign bodies of a shared name

def test_a_foreign_senate_and_supreme_court():
    doc = standpoints.parse("The Chilean Senate rejected the plan. Israel's Supreme Court rejected it too.\n"
                            "The U.S. Senate said nothing.", date=DATE)
    senates = [m for m in doc.mentions if m.text == "Senate"]
    court = next(m for m in doc.mentions if m.text == "Supreme Court")
    assert [m.actor for m in senates] == ["CHLLEG", "USALEG"]
    assert senates[0].entity != senates[1].entity
    assert court.actor == "ISRJUD"


def test_the_senate_of_a_story_set_in_another_country():
    text = ("BRASILIA (Reuters) - Brazil's President spoke in Brasilia on Monday. Brazilian lawmakers in "
            "Brasilia and Sao Paulo backed Brazil's plan, and the Brazilian central bank agreed.\n"
            "The Senate approved the bill late on Tuesday, Brazil's government said.")
    assert code_of(text, "Senate") == "BRALEG"


def test_the_senate_of_a_us_story_stays_the_us_senate():
    assert code_of(US_SETTING + "The Senate approved the bill.", "Senate") == "USALEG"


# ------------------------------------------------------------------ later mentions and the story's country

def test_later_mentions_carry_the_code():
    text = US_SETTING + ("Sen. Dovan Ashcombe (D-Calif.) said the bill would pass.\n"
                         "Ashcombe said later that he had the votes. \"We will win,\" Ashcombe said.")
    doc = standpoints.parse(text, date=DATE)
    mentions = [m for m in doc.mentions if m.kind == "name" and "Ashcombe" in m.text]
    assert len(mentions) == 3
    assert {m.actor for m in mentions} == {"USALEG"}
    assert len({m.entity for m in mentions}) == 1
    # A statement of the later mention carries the code too.
    sources = {s.source.actor for s in doc.statements if s.source and "Ashcombe" in s.source.text}
    assert sources == {"USALEG"}


def test_every_mention_of_a_coded_person_carries_the_code():
    # Names, and the pronouns the statements stage resolves to the person ("He said ...").
    text = US_SETTING + ("Sen. Dovan Ashcombe (D-Calif.) said the bill would pass.\n"
                         "He said the vote would come on Friday.\nAshcombe told reporters the bill was good.")
    doc = standpoints.parse(text, date=DATE)
    person = next(m.entity for m in doc.mentions if m.text == "Dovan Ashcombe")
    mentions = [m for m in doc.mentions if m.entity == person]
    assert {m.actor for m in mentions} == {"USALEG"}
    assert doc.entities[person].actor == "USALEG"
    assert {m.kind for m in mentions} >= {"name"}


def test_a_family_name_first_joins_the_full_name():
    text = ("Pak Sol Ju met the envoy in Pyongyang on Monday.\n"
            "Chairman Pak said the talks had gone well.")
    doc = standpoints.parse(text, date=DATE)
    full = next(m for m in doc.mentions if m.text == "Pak Sol Ju")
    short = next(m for m in doc.mentions if m.text == "Pak")
    assert short.entity == full.entity


def test_an_unknown_person_takes_the_story_country():
    text = US_SETTING + "Jessa Morrowind said she would vote for the bill."
    assert code_of(text, "Jessa Morrowind") == "USA"


def test_no_story_country_in_a_story_between_countries():
    text = ("Russia and Ukraine traded blame on Monday. Russia said Ukraine attacked; Ukraine said Russia "
            "attacked. Moscow and Kyiv gave no details.\nJessa Morrowind said both were wrong.")
    assert code_of(text, "Jessa Morrowind") is None


def test_a_known_body_without_a_code_keeps_none():
    # International NGOs without a home country carry no code, in any story.
    text = US_SETTING + "Amnesty International said the law was unjust."
    assert code_of(text, "Amnesty International") is None


def test_intelligence_services_are_their_government():
    assert code_of("The FSB said the plot was foiled.", "FSB") == "RUSGOV"


# ------------------------------------------------------------------ a US domestic story

def test_a_congress_story_with_unknown_people():
    text = (
        "WASHINGTON (Reuters) - The U.S. Senate on Thursday narrowly approved a bill to expand border "
        "funding, sending it to the House of Representatives, where Democrats have vowed to fight it.\n"
        '"This is a good day for the country," said Senator Marla Quintrell, a Republican from Ohio, '
        "who wrote the bill.\n"
        '"We will not back down," said Representative Dovan Ashcombe, D-Calif., who leads the opposition '
        "in the House.\n"
        "Senate Majority Leader Harlan Voskuijl said the chamber would move on to spending next week.\n"
        "Jessa Morrowind, a spokeswoman for the Brookfield Policy Institute, a Washington think tank, "
        "said the bill would cost $12 billion.\n"
        "Attorney General Pell Okafor said the Justice Department would enforce the law. Gov. Renata "
        "Hollisbeck of Nevada said her state would sue.\n"
        "Corin Aldous, chief economist at Ridgeline Bank, said markets had expected the vote.\n"
        "Quintrell said she expected the House to pass the bill by Friday. The White House did not comment.")
    found = codes(text, title="U.S. Senate passes border funding bill")
    expected = {
        "Marla Quintrell": "USALEG", "Quintrell": "USALEG", "Dovan Ashcombe": "USALEG",
        "Harlan Voskuijl": "USALEG", "Brookfield Policy Institute": "USANGO", "Jessa Morrowind": "USANGO",
        "Pell Okafor": "USAGOV", "Renata Hollisbeck": "USAGOV", "Ridgeline Bank": "USABUS",
        "Corin Aldous": "USABUS", "Justice Department": "USAGOV", "House of Representatives": "USALEG",
    }
    for name, code in expected.items():
        assert found.get(name) == {code}, (name, found.get(name))
    doc = standpoints.parse(text, title="U.S. Senate passes border funding bill")
    sources = {(s.source.text, s.source.actor) for s in doc.statements if s.source}
    assert ("Jessa Morrowind", "USANGO") in sources
    assert ("Corin Aldous", "USABUS") in sources


# ------------------------------------------------------------------ dated Congress terms

@pytest.mark.parametrize("date, code", [
    ("2010-03-01", "USA"),     # before her first term in the House
    ("2020-03-01", "USALEG"),  # a senator
    ("2026-03-01", "USA"),     # after her Senate term
])
def test_a_member_of_congress_is_a_legislator_only_during_the_term(date, code):
    text = US_SETTING + 'Kyrsten Sinema said the bill would pass. "It is done," Sinema said.'
    doc = standpoints.parse(text, date=date)
    found = {m.text: m.actor for m in doc.mentions if "Sinema" in m.text}
    assert found == {"Kyrsten Sinema": code, "Sinema": code}


def test_a_title_does_not_put_a_known_person_back_in_office():
    # Out of office at the story's date by the knowledge base's terms, whatever the title.
    text = US_SETTING + "Former Sen. Kyrsten Sinema said the bill would pass."
    assert code_of(text, "Kyrsten Sinema", date="2026-03-01") == "USA"


# ------------------------------------------------------------------ names found by how they speak

def test_a_name_after_an_inverted_verb_of_saying_is_a_person():
    doc = standpoints.parse('"The plan is dead," says Harlan Voskuijl. Talks go on.', date=DATE)
    assert [(m.text, m.type) for m in doc.mentions if m.kind == "name"] == [("Harlan Voskuijl", "PERSON")]


def test_a_full_name_first_in_its_sentence_whose_surname_speaks_elsewhere():
    text = ('"There is no going back." Marvell Quorrin learned that in 1990 after he doubted the plan.\n'
            '"It was hard," Quorrin said.')
    doc = standpoints.parse(text, date=DATE)
    names = [(m.text, m.type) for m in doc.mentions if m.kind == "name"]
    assert ("Marvell Quorrin", "PERSON") in names and ("Quorrin", "PERSON") in names
    full = next(m for m in doc.mentions if m.text == "Marvell Quorrin")
    short = next(m for m in doc.mentions if m.text == "Quorrin")
    assert full.entity == short.entity


def test_two_capitalised_words_first_in_a_sentence_need_a_speaking_surname():
    # "Quorrin" alone does not speak here: no cue, no name.
    doc = standpoints.parse("Marvell Quorrin learned that in 1990.\nThe Quorrin plan failed.", date=DATE)
    assert not any(m.text == "Marvell Quorrin" for m in doc.mentions)


def test_a_surname_that_is_also_a_town_when_it_speaks_alone():
    # "Gutin" is also a place's name in the gazetteer; "Gutin says" makes it a person's surname.
    text = '"Few can match her," says Myra Gutin, a historian.\n"Something had to be done," Gutin says.'
    doc = standpoints.parse(text, date=DATE)
    names = {(m.text, m.type) for m in doc.mentions if m.kind == "name"}
    assert {("Myra Gutin", "PERSON"), ("Gutin", "PERSON")} <= names

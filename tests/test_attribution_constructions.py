"""Who speaks in constructions of attribution common in US news (issue 13), on sentences written
for these tests with invented names: a journalist speaking for themself, a quantity of people
("42% say"), "according to" an unnamed source, lexicon phrases ("went on to say", "did not respond
to requests for comment"), "a reporter asked".
"""
import pytest

ACTORS = """id\ttype\tname\tactor\tcountry\tfrom\tto\taliases\tflags
ruritania\tGPE\tRuritania\tRUR\tRUR\t\t\t\t
borduria\tGPE\tBorduria\tBOR\tBOR\t\t\t\t
karl-brenner\tPERSON\tKarl Brenner\tRURGOV\tRUR\t\t\tBrenner\tsurname
lena-vorst\tPERSON\tLena Vorst\tRURMED\tRUR\t\t\tVorst\tsurname
herald\tORG\tRuritanian Herald\tRURMED\tRUR\t\t\t\t
"""


@pytest.fixture(scope="module")
def nlp(invented_analyzer):
    return invented_analyzer(ACTORS)


def statements(doc):
    for s in doc.statements:
        for part in (s.source, s.target, s.trigger, s.content):
            if part is not None:
                assert doc.text[part.start:part.end] == part.text
    return doc.statements


def test_a_journalist_speaks_for_themself_a_medium_reports(nlp):
    doc = nlp.parse('"The budget is a mistake," Lena Vorst said.\nThe Ruritanian Herald reported that the talks failed.')
    [s] = statements(doc)
    assert (s.source.text, s.source.actor, s.act, s.trigger.text) == ("Lena Vorst", "RURMED", "SAY", "said")


def test_went_on_to_say_is_one_statement(nlp):
    [s] = statements(nlp.parse("Karl Brenner went on to say that the talks with Borduria had failed."))
    assert (s.source.text, s.act, s.trigger.text) == ("Karl Brenner", "SAY", "went on to say")


def test_no_response_to_requests_for_comment_is_a_declined_comment(nlp):
    [s] = statements(nlp.parse("Karl Brenner did not respond to requests for comment on Tuesday."))
    assert (s.source.text, s.act, s.cameo) == ("Karl Brenner", "SAY", "011")
    assert s.trigger.text.startswith("did not respond to requests")


def test_complaint_is_a_noun_of_accusing(nlp):
    [s] = statements(nlp.parse("The talks ended after Ruritania's complaint about Borduria."))
    assert (s.source.text, s.act, s.target.text, s.trigger.text) == ("Ruritania", "ACCUSE", "Borduria", "complaint")


@pytest.mark.parametrize("text, source", [
    ("On the budget, 42% say the plan of Karl Brenner will fail.", "42%"),
    ("Many in the crowd said the plan of Karl Brenner would fail.", "Many"),
    ("About 60 percent said they would vote for Karl Brenner.", "About 60 percent"),
])
def test_a_quantity_of_people_speaks_for_itself(nlp, text, source):
    says = [s for s in statements(nlp.parse(text)) if s.act == "SAY"]
    assert [(s.source.text, s.source.actor) for s in says] == [(source, None)]


def test_according_to_an_unnamed_source(nlp):
    [s] = statements(nlp.parse("The plan would cost $2 billion, according to a person familiar with the talks."))
    assert (s.source.actor, s.act, s.trigger.text) == (None, "SAY", "according to")
    assert s.source.text.startswith("a person")


def test_according_to_a_medium_is_no_statement(nlp):
    assert statements(nlp.parse("The plan failed, according to the Ruritanian Herald.")) == []


def test_according_to_opening_a_sentence_ends_at_its_comma(nlp):
    # the names after the comma are the clause's subject, not more sources of "according to"
    doc = nlp.parse("According to the Ruritanian Herald, Karl Brenner and Borduria's envoy met twice in May.")
    assert [(s.source.text, s.trigger.text) for s in statements(doc)] == []


def test_a_reporter_asks(nlp):
    [s] = statements(nlp.parse("A reporter asked Karl Brenner how big the wall would be."))
    assert (s.source.text, s.source.actor, s.trigger.text, s.target.text) == ("reporter", None, "asked", "Karl Brenner")


def test_according_to_a_poll_of_a_place_is_the_poll(nlp):
    [s] = statements(nlp.parse("According to a recent poll of Ruritania voters, Karl Brenner leads."))
    assert (s.source.actor, s.trigger.text) == (None, "According to")
    assert s.source.text == "a recent poll"


@pytest.mark.parametrize("text, trigger", [
    ("Karl Brenner stated: the talks have failed.", "stated"),
    ("Karl Brenner responded that the talks had failed.", "responded that"),
    ("Karl Brenner recalled that the talks had failed before.", "recalled that"),
    # retorts
    ('Karl Brenner shot back, "The talks have failed."', "shot back"),
    ('"The talks have failed," Karl Brenner fired back.', "fired back"),
    ("Karl Brenner fired back that the talks had failed.", "fired back that"),
])
def test_say_verbs_of_us_news(nlp, text, trigger):
    [s] = statements(nlp.parse(text))
    assert (s.source.text, s.act, s.trigger.text) == ("Karl Brenner", "SAY", trigger)


def test_the_writer_of_a_column_speaks(nlp):
    [s] = statements(nlp.parse("I told Karl Brenner that the talks had failed."))
    assert (s.source.text, s.source.actor, s.act, s.target.text) == ("I", None, "SAY", "Karl Brenner")


@pytest.mark.parametrize("text, act", [
    ("Economists agree that the plan of Karl Brenner will fail.", "SUPPORT"),
    ("Critics described the plan of Karl Brenner as a failure.", "SAY"),
    ("Critics accused Karl Brenner of lying.", "ACCUSE"),
    ("Lawyers denied that Karl Brenner had lied.", "DENY"),
])
def test_unnamed_people_speak_for_themselves(nlp, text, act):
    found = [(s.source.actor, s.act) for s in statements(nlp.parse(text)) if s.source.text == text.split()[0]]
    assert found == [(None, act)]


def test_a_progressive_phrase_is_no_passive(nlp):
    [s] = statements(nlp.parse("Karl Brenner is calling for Borduria to withdraw its troops."))
    assert (s.source.text, s.act, s.target.text, s.trigger.text) == ("Karl Brenner", "URGE", "Borduria", "calling for")


def test_troops_firing_back_say_nothing(nlp):
    assert statements(nlp.parse("Ruritanian troops fired back at the gunmen from Borduria.")) == []


@pytest.mark.parametrize("text, source, content", [
    ('Said Karl Brenner, "The talks have failed."', "Karl Brenner", "The talks have failed."),
    ('Says Karl Brenner, a former envoy to Borduria: "The talks have failed."', "Karl Brenner", "The talks have failed."),
])
def test_a_verb_of_saying_before_its_speaker_opens_the_sentence(nlp, text, source, content):
    [s] = statements(nlp.parse(text))
    assert (s.source.text, s.source.actor, s.act, s.content.text) == (source, "RURGOV", "SAY", content)


def test_a_supposition_opened_by_say_has_no_speaker_in_front(nlp):
    found = [(s.source.text, s.act) for s in statements(nlp.parse("Say Borduria demanded that the talks end."))]
    assert found == [("Borduria", "DEMAND")]


def test_a_verb_of_saying_first_in_a_sentence_is_no_part_of_a_name(nlp):
    doc = nlp.parse('Said Ilse Marwen, "The talks have failed."')
    assert [m.text for m in doc.mentions if m.type == "PERSON"] == ["Ilse Marwen"]
    [s] = statements(doc)
    assert (s.source.text, s.trigger.text) == ("Ilse Marwen", "Said")


@pytest.mark.parametrize("text, source, trigger", [
    ("Some say the talks with Borduria have failed.", "Some", "say"),
    ("Several said the talks with Borduria had failed.", "Several", "said"),
    ("Another told reporters that the talks with Borduria had failed.", "Another", "told"),
])
def test_a_quantifier_of_people_speaks_for_itself(nlp, text, source, trigger):
    [s] = statements(nlp.parse(text))
    assert (s.source.text, s.source.actor, s.act, s.trigger.text) == (source, None, "SAY", trigger)


@pytest.mark.parametrize("text", [
    "Some comments about Borduria were rude.",
    "All said and done, the talks with Borduria failed.",
])
def test_a_quantifier_before_a_noun_or_an_idiom_says_nothing(nlp, text):
    assert statements(nlp.parse(text)) == []


@pytest.mark.parametrize("text, trigger", [
    ("In Ruritania, they write, the talks with Borduria have failed.", "write"),
    ("Critics describe the talks with Borduria as a failure.", "describe"),
    ("Lawyers note that the talks with Borduria have failed.", "note"),
])
def test_plural_present_forms_of_saying(nlp, text, trigger):
    found = [(s.act, s.trigger.text) for s in statements(nlp.parse(text))]
    assert ("SAY", trigger) in found


@pytest.mark.parametrize("text, source", [
    ("Wages fell last year, according to the Bureau of Wage Statistics.", "the Bureau of Wage Statistics"),
    ("Wages fell last year, according to Zendrapoll, a survey firm.", "Zendrapoll"),
])
def test_according_to_a_name_of_no_entry_speaks_for_itself(nlp, text, source):
    [s] = statements(nlp.parse(text))
    assert (s.source.text, s.source.actor, s.act, s.trigger.text) == (source, None, "SAY", "according to")


def test_according_to_a_day_s_report_has_no_speaker(nlp):
    assert statements(nlp.parse("The vote was delayed, according to Monday's report.")) == []


def test_a_floating_quantifier_is_no_determiner_of_the_verb(nlp):
    found = [(s.source.text, s.act, s.trigger.text)
             for s in statements(nlp.parse("Karl Brenner and Lena Vorst all suggested that the talks had failed."))]
    assert found == [("Karl Brenner", "SAY", "suggested"), ("Lena Vorst", "SAY", "suggested")]


@pytest.mark.parametrize("second", ["He’s claiming that the talks have failed.", "He's predicting that the talks will fail."])
def test_a_contracted_is_before_a_participle_is_no_possessive(nlp, second):
    [s] = statements(nlp.parse("Karl Brenner spoke in Ruritania on Monday.\n" + second))
    assert (s.source.text, s.source.actor, s.act) == ("He", "RURGOV", "SAY")


def test_a_possessive_pronoun_speaks_through_a_noun_before_a_that_clause(nlp):
    doc = nlp.parse("Karl Brenner spoke in Borduria on Monday. His claim that the border was closed surprised many.")
    [s] = [s for s in statements(doc) if s.trigger.text == "claim"]
    assert (s.source.text, s.source.actor, s.act) == ("His", "RURGOV", "SAY")


def test_a_possessive_pronoun_before_a_noun_without_what_was_said_is_no_source(nlp):
    doc = nlp.parse("Karl Brenner spoke in Borduria on Monday. His proposals were discussed for hours.")
    assert [s.trigger.text for s in statements(doc)] == []


def test_a_noun_before_a_quotation_is_what_the_quotation_calls_it(nlp):
    doc = nlp.parse('Lena Vorst called Karl Brenner\'s statement "absurd" on Monday.')
    assert "statement" not in [s.trigger.text for s in statements(doc)]


@pytest.mark.parametrize("text", [
    "Karl Brenner took to the radio on Monday to say that the talks with Borduria had failed.",
    "Karl Brenner went on to explain that the talks with Borduria had failed.",
])
def test_an_infinitive_of_saying_speaks_for_the_subject_of_its_verb(nlp, text):
    says = [s for s in statements(nlp.parse(text)) if s.trigger.text in ("say", "explain")]
    assert [(s.source.text, s.source.actor) for s in says] == [("Karl Brenner", "RURGOV")]


@pytest.mark.parametrize("text, verb", [
    ("Borduria urged Karl Brenner to explain the plan.", "explain"),
    ("It is hard to say whether Karl Brenner will win.", "say"),
    ("Karl Brenner had to explain the plan to Borduria.", "explain"),
])
def test_an_infinitive_of_saying_after_a_trigger_an_adjective_or_an_obligation_is_none(nlp, text, verb):
    assert verb not in [s.trigger.text for s in statements(nlp.parse(text))]


def test_according_to_a_poll_of_a_medium_is_the_poll(nlp):
    [s] = statements(nlp.parse("Karl Brenner leads by six points, according to a Ruritanian Herald poll released on Monday."))
    assert (s.source.text, s.source.actor, s.act, s.trigger.text) == ("poll", None, "SAY", "according to")


def test_according_to_a_report_of_a_medium_is_no_statement(nlp):
    assert statements(nlp.parse("Karl Brenner leads by six points, according to a Ruritanian Herald report.")) == []


@pytest.mark.parametrize("text, source", [
    ('"The border will close," warned Karl Brenner.', "Karl Brenner"),
    ("Karl Brenner spoke on Monday, and human rights groups warned that the border would close.", "human rights groups"),
])
def test_warn_introduces_quotations_and_speakers_of_no_name(nlp, text, source):
    warns = [s for s in statements(nlp.parse(text)) if s.trigger.text == "warned"]
    assert [s.source.text for s in warns] == [source]


def test_people_of_no_name_who_suggest_are_not_a_later_he(nlp):
    doc = nlp.parse('Karl Brenner spoke in Borduria on Monday.\nSome analysts have suggested that the talks failed. '
                    '"It was a mistake," he said.')
    by_trigger = {s.trigger.text: s for s in statements(doc)}
    assert by_trigger["suggested"].source.actor is None
    assert (by_trigger["said"].source.text, by_trigger["said"].source.actor) == ("he", "RURGOV")


@pytest.mark.parametrize("noun, act", [("claim", "SAY"), ("contention", "SAY"), ("emphasis", "SAY"), ("promise", "OFFER")])
def test_a_noun_of_saying_before_a_that_clause_speaks_for_its_possessor(nlp, noun, act):
    doc = nlp.parse(f"Karl Brenner's {noun} that the border would open surprised many.")
    [s] = [s for s in statements(doc) if s.trigger.text == noun]
    assert (s.source.text, s.source.actor) == ("Karl Brenner", "RURGOV")
    assert s.act == act


def test_a_participle_after_in_shares_the_subject_of_its_clause(nlp):
    doc = nlp.parse("Karl Brenner erred in saying that the talks with Borduria had failed.")
    [s] = [s for s in statements(doc) if s.trigger.text == "saying"]
    assert (s.source.text, s.source.actor) == ("Karl Brenner", "RURGOV")


def test_a_noun_of_saying_before_about_speaks_for_its_possessor(nlp):
    doc = nlp.parse("Analysts doubted Karl Brenner's claims about the border with Borduria.")
    [s] = [s for s in statements(doc) if s.trigger.text == "claims"]
    assert (s.source.text, s.source.actor, s.act) == ("Karl Brenner", "RURGOV", "SAY")


@pytest.mark.parametrize("noun", ["writer", "blogger", "author", "historian", "pollster", "activist"])
def test_a_name_the_knowledge_base_lacks_before_a_role_noun_speaks(nlp, noun):
    # "Vann Quarrey" is in no dictionary: ", a writer for ..." is what makes it a person who speaks.
    doc = nlp.parse(f"Vann Quarrey, a {noun} for the Ruritanian Herald, said the talks with Borduria had failed.")
    assert [(s.source.text, s.act, s.trigger.text) for s in statements(doc)] == [("Vann Quarrey", "SAY", "said")]


@pytest.mark.parametrize("name", ["Oskar Demmeltrup II", "Oskar R. Demmeltrup III", "Oskar Demmeltrup IV"])
def test_a_generational_numeral_stays_in_the_name_of_a_speaker(nlp, name):
    # A name in no dictionary: "II" is no acronym inside it, and the whole name speaks, not the
    # role noun after it.
    doc = nlp.parse(f"{name}, a writer for the Ruritanian Herald, said the talks with Borduria had failed.")
    assert [(s.source.text, s.act) for s in statements(doc)] == [(name, "SAY")]
    assert name in [m.text for m in doc.mentions if m.type == "PERSON"]


def test_a_long_relative_clause_between_the_speaker_and_the_verb(nlp):
    # The clause holds another person and outruns the parse's look-behind: the speaker is the
    # name before ", who".
    doc = nlp.parse("Dr. Vann Quarrey, who as a navy captain was the physician in the administration of former "
                    "President Karl Brenner and later retired from the service as a rear admiral, said that in "
                    "1998 the president was healthy.")
    assert [(s.source.text, s.act, s.trigger.text) for s in statements(doc)] == [("Vann Quarrey", "SAY", "said")]


@pytest.mark.parametrize("text, trigger", [
    ("Karl Brenner charges that Borduria donated millions of dollars to the campaign.", "charges"),
    ("Karl Brenner is charging that Borduria donated millions of dollars to the campaign.", "charging"),
])
def test_charges_that_is_an_accusation(nlp, text, trigger):
    [s] = statements(nlp.parse(text))
    assert (s.source.text, s.act, s.trigger.text) == ("Karl Brenner", "ACCUSE", trigger)


def test_charges_as_a_noun_is_no_statement(nlp):
    assert statements(nlp.parse("The charges that were filed against Karl Brenner were dropped.")) == []


@pytest.mark.parametrize("text, source", [
    ("Several former Ruritanian Herald journalists have complained that the talks with Borduria failed.",
     "journalists"),
    ("A Ruritanian Herald reporter said the talks with Borduria had failed.", "reporter"),
    ("A reporter for the Ruritanian Herald said the talks with Borduria had failed.", "reporter"),
])
def test_people_of_a_medium_speak_for_themselves(nlp, text, source):
    # The medium only qualifies the people who speak: they are the source (without a code, as "a
    # reporter" is), not the medium, which reports and takes no position.
    [s] = statements(nlp.parse(text))
    assert (s.source.text, s.source.actor) == (source, None)


def test_a_named_person_of_a_medium_speaks(nlp):
    [s] = statements(nlp.parse("Anna Quarrey of the Ruritanian Herald said the talks with Borduria had failed."))
    assert (s.source.text, s.source.actor, s.act, s.trigger.text) == ("Anna Quarrey", "RURMED", "SAY", "said")


def test_the_person_in_apposition_to_a_role_noun_speaks(nlp):
    # "pollster" is a role noun of agents.tsv, not a nominal of acts.tsv: the name after it speaks,
    # not the one whose pollster they are.
    [s] = statements(nlp.parse("Karl Brenner's pollster, Vann Quarrey, said the talks with Borduria had failed."))
    assert (s.source.text, s.act, s.trigger.text) == ("Vann Quarrey", "SAY", "said")


@pytest.mark.parametrize("text, source, act, target", [
    # a participle right after a noun and before "by" + a name: a passive without its be-form
    ("The plan proposed by Karl Brenner was debated for hours.", "Karl Brenner", "OFFER", None),
    ("Borduria's fleet threatened by Ruritania returned to port.", "Ruritania", "WARN", "Borduria"),
])
def test_a_reduced_passive_is_the_agents_act(nlp, text, source, act, target):
    found = [(s.source.text, s.act, s.target.text if s.target else None) for s in statements(nlp.parse(text))]
    assert (source, act, target) in found, found


@pytest.mark.parametrize("text, source, act, target", [
    # adverbs joined by "and", with a degree word, between the be-form and the participle
    ("Borduria was repeatedly and very publicly warned by Ruritania against the blockade.",
     "Ruritania", "WARN", "Borduria"),
    ("Borduria was privately and repeatedly accused by Karl Brenner of lying.", "Karl Brenner", "ACCUSE", "Borduria"),
    # the same chain before an active verb
    ("Karl Brenner immediately and very sharply accused Borduria of lying.", "Karl Brenner", "ACCUSE", "Borduria"),
])
def test_a_chain_of_adverbs_keeps_the_passive_and_its_subject(nlp, text, source, act, target):
    found = [(s.source.text, s.act, s.target.text if s.target else None) for s in statements(nlp.parse(text))]
    assert found == [(source, act, target)], found


@pytest.mark.parametrize("text", [
    # a participle right before "of"/"with" that its verb takes after the object: no object, so
    # passive; no agent, so no one spoke
    "Karl Brenner has defended officials accused of taking bribes from Borduria.",
    "Ruritanian officials charged with espionage were released by Borduria.",
    "Borduria accused of shelling Ruritanian town",
])
def test_an_agentless_reduced_passive_is_no_statement(nlp, text):
    found = [(s.source.text, s.act) for s in statements(nlp.parse(text))]
    assert not [f for f in found if f[1] == "ACCUSE"], found


@pytest.mark.parametrize("text, source", [
    # an object relative: the object went before the subject, the verb is active
    ("Karl Brenner criticised Borduria, which Ruritania has accused of shelling the town.", "Ruritania"),
    ("Karl Brenner praised the Bordurians, whom he accused of lying only last year.", "he"),
])
def test_an_object_relative_keeps_its_subject(nlp, text, source):
    found = [(s.source.text, s.act) for s in statements(nlp.parse(text))]
    assert (source, "ACCUSE") in found, found


@pytest.mark.parametrize("text, found_act", [
    ("Karl Brenner wants to visit Borduria next year.", False),
    ("Karl Brenner wants to make Ruritania great again.", False),
    ("Karl Brenner wants Borduria to withdraw its troops.", True),
])
def test_wants_urges_only_someone_named_before_the_infinitive(nlp, text, found_act):
    found = [(s.source.text, s.act, s.target.text if s.target else None) for s in statements(nlp.parse(text))]
    assert (("Karl Brenner", "URGE", "Borduria") in found) == found_act, found


def test_by_and_a_means_is_no_agent(nlp):
    # "apologized by phone": the subject acts; "phone" is how
    found = statements(nlp.parse("Karl Brenner apologized by phone to the Bordurian envoy."))
    assert [s.source.text for s in found] == ["Karl Brenner"], [(s.source.text, s.act) for s in found]


@pytest.mark.parametrize("text, source, actor", [
    ('"The talks failed," said Ruritania\'s envoy Oskar Lindqvist.', "Oskar Lindqvist", "RURGOV"),
    ('"The talks failed," said Borduria spokesman Anna Halvorsen.', "Anna Halvorsen", "BORGOV"),
    ('"The talks failed," said Borduria University professor Anna Halvorsen.', "Anna Halvorsen", "BOREDU"),
])
def test_a_person_named_after_a_body_or_place_speaks_for_it(nlp, text, source, actor):
    # 'said <body or place> <role words> <person>': the person speaks, with the code the
    # body gives, not the body or place before the name.
    [s] = statements(nlp.parse(text))
    assert (s.source.text, s.source.actor, s.act) == (source, actor, "SAY")


def test_a_journalist_named_after_a_medium_is_no_target(nlp):
    # "told the Herald's X": an interview addresses a medium, not a party to the dispute.
    [s] = statements(nlp.parse('Karl Brenner told the Ruritanian Herald\'s Lena Moor that the talks had failed.'))
    assert (s.source.text, s.act, s.target) == ("Karl Brenner", "SAY", None)

"""Statements (positions) through the public API, on sentences written for these tests.

The entity stage supplies the mentions; a small user actors file (written to tmp_path) makes the
names used here known whatever the built-in knowledge base holds.
"""
import pytest

ACTORS = """id\ttype\tname\tactor\tcountry\tfrom\tto\taliases\tflags
ruritania\tGPE\tRuritania\tRUR\tRUR\t\t\t\t
borduria\tGPE\tBorduria\tBOR\tBOR\t\t\t\t
bor-norp\tNORP\tBordurian\tBOR\tBOR\t\t\tBordurians\tdemonym
prayat-wongsiri\tPERSON\tPrayat Wongsiri\tBORMIL\tBOR\t\t\t\t
pak-sun-hi\tPERSON\tPak Sun-hi\tBORGOV\tBOR\t\t\t\tfamily
karl-brenner\tPERSON\tKarl Brenner\tRURGOV\tRUR\t\t\tBrenner\tsurname
olga-varn\tPERSON\tOlga Varn\tRURGOV\tRUR\t\t\tVarn\tsurname
syldavia\tGPE\tSyldavia\tSYL\tSYL\t\t\t\t
carpania\tGPE\tCarpania\tCRP\tCRP\t\t\t\t
herald\tORG\tRuritanian Herald\tRURMED\tRUR\t\t\t\t
"""

@pytest.fixture(scope="module")
def nlp(invented_analyzer):
    return invented_analyzer(ACTORS)


def check_offsets(doc):
    for s in doc.statements:
        for part in (s.source, s.target, s.trigger, s.content):
            if part is not None:
                assert doc.text[part.start:part.end] == part.text


def one(doc):
    check_offsets(doc)
    assert len(doc.statements) == 1, doc.statements
    return doc.statements[0]


def test_active_clause_with_object_and_that_clause(nlp):
    s = one(nlp.parse("Ruritania warned Borduria that it would respond to any attack."))
    assert (s.source.text, s.act, s.target.text) == ("Ruritania", "WARN", "Borduria")
    assert s.trigger.text == "warned"
    assert s.content.text == "that it would respond to any attack"
    assert s.cameo == "130" and not s.quote and not s.negated


def test_urge_to_and_accuse_of(nlp):
    doc = nlp.parse("Ruritania urged Borduria to withdraw its troops.\nBorduria accused Ruritania of lying.")
    check_offsets(doc)
    acts = [(s.source.actor[:3], s.act, s.target.actor[:3], s.content.text) for s in doc.statements]
    assert acts == [("RUR", "URGE", "BOR", "to withdraw its troops"), ("BOR", "ACCUSE", "RUR", "of lying")]


def test_possessive_noun_trigger(nlp):
    s = one(nlp.parse("The paper repeats Ruritania's warning that Borduria is in breach of the treaty."))
    assert (s.source.text, s.act, s.target.text, s.trigger.text) == ("Ruritania", "WARN", "Borduria", "warning")


def test_passive_with_agent_and_without(nlp):
    doc = nlp.parse("Borduria was urged by Ruritania to withdraw.\nBorduria is urged to negotiate.")
    s = one(doc)
    assert (s.source.text, s.act, s.target.text) == ("Ruritania", "URGE", "Borduria")


def test_quotations(nlp):
    doc = nlp.parse('"The talks were useful," Karl Brenner said.\n'
                    "Brenner said: \u201cWe are ready to talk to Borduria.\u201d\n"
                    "\u201cThe door stays open,\u201d said Brenner, who leads the delegation.\n"
                    "\u201cIt is a matter for the two of us alone, and nobody else.\u201d")
    check_offsets(doc)
    got = [(doc.sentences[s.sentence].paragraph, s.source.actor, s.act, s.quote, s.content.text)
           for s in doc.statements]
    assert got == [
        (0, "RURGOV", "SAY", True, "The talks were useful"),
        (1, "RURGOV", "OFFER", True, "We are ready to talk to Borduria."),
        (2, "RURGOV", "SAY", True, "The door stays open"),
        (3, "RURGOV", "SAY", True, "It is a matter for the two of us alone, and nobody else."),
    ]


def test_coordinated_sources_and_targets(nlp):
    doc = nlp.parse("Ruritania and Borduria called on the world to help.\n"
                    "Karl Brenner urged Borduria and Ruritania's neighbours to talk.")
    check_offsets(doc)
    assert [(s.source.actor[:3], s.act) for s in doc.statements][:2] == [("RUR", "URGE"), ("BOR", "URGE")]


def test_negation_and_refusal(nlp):
    doc = nlp.parse("Ruritania did not threaten Borduria.\nBrenner refused to confirm the text.")
    check_offsets(doc)
    warn, refuse = doc.statements
    assert warn.act == "WARN" and warn.negated and warn.target.text == "Borduria"
    assert refuse.act == "REJECT" and refuse.target is None and refuse.trigger.text == "refused"


def test_pronoun_source_is_resolved(nlp):
    doc = nlp.parse("Karl Brenner met reporters on Monday.\nHe said the talks had failed.")
    s = one(doc)
    assert s.source.text == "He" and s.source.actor == "RURGOV"
    assert doc.entities[s.source.entity].name == "Karl Brenner"


def test_no_statements_for_material_acts_and_media(nlp):
    doc = nlp.parse("Ruritania deployed troops near Borduria.\nTass reported that the talks had failed.")
    assert doc.statements == []


def test_positions_table(nlp):
    pd = pytest.importorskip("pandas")
    doc = nlp.parse("Ruritania warned Borduria that it would respond.")
    frame = doc.positions
    assert isinstance(frame, pd.DataFrame)
    assert list(frame[["source_actor", "act", "target_actor"]].itertuples(index=False, name=None)) == [
        ("RUR", "WARN", "BOR")]


def test_according_to_a_medium_lends_no_source_to_the_clause(nlp):
    # The medium is no source, and the name after its comma is the subject of
    # the clause, not a second name in a list with the medium.
    s = one(nlp.parse("According to the Ruritanian Herald, Borduria warned Ruritania."))
    assert (s.source.text, s.act, s.target.text, s.trigger.text) == ("Borduria", "WARN", "Ruritania", "warned")


def test_apposition_after_an_inverted_source_is_no_second_source(nlp):
    s = one(nlp.parse('"We will talk," said Karl Brenner, a former Borduria envoy.'))
    # "We will talk": the speaker's intent to negotiate, an offer (PLOVER: AGREE).
    assert (s.source.text, s.act, s.quote, s.content.text) == ("Karl Brenner", "OFFER", True, "We will talk")


def test_lists_of_targets_with_and_without_the_serial_comma(nlp):
    for text in ("Ruritania urged Borduria, Syldavia and Carpania to talk.",
                 "Ruritania urged Borduria, Syldavia, and Carpania to talk."):
        doc = nlp.parse(text)
        check_offsets(doc)
        assert [(s.act, s.target.text) for s in doc.statements] == [
            ("URGE", "Borduria"), ("URGE", "Syldavia"), ("URGE", "Carpania")], text
    # ", and" with no list before it starts a new clause
    doc = nlp.parse("Ruritania urged Borduria, and Syldavia said no.")
    assert [(s.source.text, s.act, s.target.text if s.target else None) for s in doc.statements] == [
        ("Ruritania", "URGE", "Borduria"), ("Syldavia", "SAY", None)]


def test_doubled_apostrophes_and_backticks_as_quotation_marks(nlp):
    # Some wires write a double quotation mark as two apostrophes or as backticks and apostrophes.
    for text in ("''The talks were useful,'' Karl Brenner said.",
                 "``The talks were useful,'' Karl Brenner said.",
                 "\u201cThe talks were useful\u201d \u2014 Karl Brenner said."):
        s = one(nlp.parse(text))
        assert (s.source.text, s.act, s.quote, s.content.text) == (
            "Karl Brenner", "SAY", True, "The talks were useful"), text


def test_list_of_sources_in_dashes_and_they_after_it(nlp):
    # The names between dashes are the subject; "in a joint statement" stands between it and the verb.
    doc = nlp.parse("Three nations - Ruritania, Syldavia and Carpania - in a joint statement warned that the plan "
                    "would fail.\n"
                    "\"The plan would harm our relations with Borduria,\" they warned.")
    check_offsets(doc)
    first = [(s.source.text, s.act) for s in doc.statements if doc.sentences[s.sentence].paragraph == 0]
    assert first == [("Ruritania", "WARN"), ("Syldavia", "WARN"), ("Carpania", "WARN")]
    # "they" stands for the whole list; the target is named in the quotation before the verb.
    second = [(s.source.text, s.source.actor, s.act, s.target.actor if s.target else None, s.quote)
              for s in doc.statements if doc.sentences[s.sentence].paragraph == 1]
    assert second == [("they", "RUR", "WARN", "BOR", True), ("they", "SYL", "WARN", "BOR", True),
                      ("they", "CRP", "WARN", "BOR", True)]


def test_phrase_between_subject_and_verb_is_no_subject(nlp):
    s = one(nlp.parse("Karl Brenner in a televised address warned Borduria."))
    assert (s.source.text, s.act, s.target.text) == ("Karl Brenner", "WARN", "Borduria")


def test_participle_after_a_released_statement_speaks_for_its_authors(nlp):
    doc = nlp.parse("The leaders of Ruritania and Syldavia have released a joint statement strongly condemning "
                    "the attack by Borduria.")
    check_offsets(doc)
    assert [(s.source.actor, s.act, s.trigger.text) for s in doc.statements] == [
        ("RUR", "ACCUSE", "condemning"), ("SYL", "ACCUSE", "condemning")]


def test_headline_lists_names_with_commas_alone(nlp):
    doc = nlp.parse("Syldavia and Carpania met on Monday.", title="Ruritania, Syldavia call on Borduria to drop plans")
    check_offsets(doc)
    assert [(s.source.text, s.act, s.target.text) for s in doc.statements] == [
        ("Ruritania", "URGE", "Borduria"), ("Syldavia", "URGE", "Borduria")]
    # In a body sentence a comma without "and" starts no list.
    doc = nlp.parse("In Ruritania, Syldavia called on Borduria to talk.")
    assert [(s.source.text, s.act) for s in doc.statements] == [("Syldavia", "URGE")]


def test_each_other_gives_each_source_the_others_as_target(nlp):
    for text in ("Ruritania and Borduria each accused the other of breaking the truce brokered by Syldavia.",
                 "Ruritania and Borduria accused each other of breaking the truce brokered by Syldavia."):
        doc = nlp.parse(text)
        check_offsets(doc)
        assert [(s.source.actor, s.act, s.target.actor) for s in doc.statements] == [
            ("RUR", "ACCUSE", "BOR"), ("BOR", "ACCUSE", "RUR")], text


def test_the_leaders_of_a_list_with_determiners(nlp):
    doc = nlp.parse("The leaders of Ruritania, the Syldavia, Carpania and Borduria have released a joint statement "
                    "condemning the attack.")
    check_offsets(doc)
    assert [(s.source.actor, s.act) for s in doc.statements] == [
        ("RUR", "ACCUSE"), ("SYL", "ACCUSE"), ("CRP", "ACCUSE"), ("BOR", "ACCUSE")]


def test_participle_after_a_preposition_of_time_takes_the_clause_subject(nlp):
    s = one(nlp.parse("Karl Brenner walked out of the talks after denying Ruritania is causing the crisis."))
    assert (s.source.text, s.act, s.trigger.text) == ("Karl Brenner", "DENY", "denying")
    # "accused X of insisting": X insists, and the subject does not deny or say it.
    doc = nlp.parse("Karl Brenner accused Borduria of insisting on new demands.")
    assert [(s.source.text, s.act, s.trigger.text) for s in doc.statements] == [("Karl Brenner", "ACCUSE", "accused")]


def test_target_is_never_taken_from_the_sentence_before(nlp):
    # Issue 13: "... warned Russia on Monday. Roe also accused the Acme Peace Institute of bias." gave
    # Russia as the target of the accusation. Each statement's target comes from its own sentence.
    doc = nlp.parse(
        "Karl Brenner warned Borduria on Monday. Brenner also accused the Zembla Peace Institute of bias."
    )
    check_offsets(doc)
    by_act = {s.act: s for s in doc.statements}
    assert by_act["WARN"].target.text == "Borduria"
    accusation = by_act["ACCUSE"]
    assert accusation.source.text == "Brenner"
    assert accusation.target is None or accusation.target.text == "Zembla Peace Institute"


def test_speakers_without_a_code_give_statements_with_actor_null(nlp):
    # Issue 12 item 3: nothing is dropped for want of a code; the source's span and entity are given.
    doc = nlp.parse(
        "Marta Vellquist, a farmer near the river, said the flood had ruined her crops.\n"
        "She also accused the water board of neglect.\n"
        "Officials said the bridge would reopen next week."
    )
    check_offsets(doc)
    record = doc.to_dict()
    rows = [(s["source"]["text"], s["source"]["actor"], s["act"]) for s in record["statements"]]
    assert rows == [("Marta Vellquist", None, "SAY"), ("She", None, "ACCUSE"), ("Officials", None, "SAY")]
    farmer, pronoun = record["statements"][0]["source"], record["statements"][1]["source"]
    # The pronoun is resolved to the farmer: one entity, which lists both mentions.
    assert farmer["entity"] is not None and pronoun["entity"] == farmer["entity"]
    entity = record["entities"][farmer["entity"]]
    spans = {(record["mentions"][i]["start"], record["mentions"][i]["end"]) for i in entity["mentions"]}
    assert {(farmer["start"], farmer["end"]), (pronoun["start"], pronoun["end"])} <= spans


def test_party_label_in_parentheses_is_no_source(nlp):
    # "Sen. X (D-Calif.) said": the parenthesis is an aside on the name before it, not the speaker.
    s = one(nlp.parse("Sen. Maria Quellbrook (D-Calif.) said the bill would fail."))
    assert s.source.text == "Maria Quellbrook"
    assert s.source.actor == "USALEG"


def test_family_name_first_alone_is_the_person_named_before(nlp):
    # "Wang Shouwen ... Wang said": a name whose family name comes first is taken up by its first word.
    doc = nlp.parse(
        "Ruritania and Borduria talk\n"
        "Tsao Minghui, Ruritania's deputy trade minister, accused Borduria of bad faith.\n"
        "Speaking later, Tsao said that the talks would go on."
    )
    check_offsets(doc)
    said = [s for s in doc.statements if s.trigger.text == "said"]
    assert len(said) == 1 and said[0].source.text == "Tsao"
    assert said[0].source.actor is not None and said[0].source.actor.startswith("RUR")


def test_a_known_person_called_by_the_first_word_of_the_name(nlp):
    # "Gen. Prayuth Chan-ocha ... Prayuth said": a known person of the document, by the given name
    doc = nlp.parse("Borduria\nArmy chief Gen. Prayat Wongsiri declared a curfew in the capital.\n"
                    "\"We cannot keep having conflict,\" Prayat said.")
    check_offsets(doc)
    [s] = [s for s in doc.statements if s.trigger.text == "said"]
    assert (s.source.text, s.source.actor) == ("Prayat", "BORMIL")


@pytest.mark.parametrize("noun", ["premier", "general", "governor", "senator"])
def test_a_role_noun_speaks_for_the_person_named_before(nlp, noun):
    # "Gov. Andrew Cuomo spoke on Monday. The governor said ...": the person, with the code
    doc = nlp.parse(f"The talks\nKarl Brenner visited Borduria on Monday.\nThe {noun} said the talks had failed.")
    check_offsets(doc)
    [s] = [s for s in doc.statements if s.trigger.text == "said"]
    assert (s.source.text, s.source.actor) == (noun, "RURGOV")


def test_a_family_name_said_first_stands_alone_for_the_person(nlp):
    # actors.tsv flag family: "Kim" after "Kim Jong Un", anywhere in the text (not only before "said")
    doc = nlp.parse("Talks\nBordurian leader Pak Sun-hi visited Ruritania.\nThe hosts gave Pak a warm welcome.")
    check_offsets(doc)
    [m] = [m for m in doc.mentions if m.text == "Pak"]
    assert (m.type, m.actor) == ("PERSON", "BORGOV")


def test_headline_colon_is_about_the_name_that_opens_it(nlp):
    # "NATO: Russia moving troops into Ukraine": the source says something about Borduria.
    doc = nlp.parse("Ruritania: Borduria moving troops to the border\nThe rest of the story.")
    check_offsets(doc)
    s = one(doc)
    assert (s.source.text, s.act, s.target.text) == ("Ruritania", "SAY", "Borduria")


@pytest.mark.parametrize("line", [
    "Karl Brenner: 1,769.",                                 # a tally
    "Ruritania: @RuritaniaGov",                             # a handle
    "Syldavia: Anna Vosk, Karl Brenner, Ilse Marrow and Tsao Minghui",  # a roster
])
def test_a_name_colon_before_a_figure_a_handle_or_a_roster_says_nothing(nlp, line):
    doc = nlp.parse("The results\n" + line + "\nThe rest of the story.")
    assert doc.statements == [], [(s.source.text, s.act) for s in doc.statements]


@pytest.mark.parametrize("text, source, root", [
    # the place after "in" is where the speaker is: the name before it speaks
    ("A spokesman for the Bordurian Embassy in Ruritania said the talks had failed.", "Bordurian", "BOR"),
    ("Karl Brenner in Borduria said the talks had failed.", "Karl Brenner", "RUR"),
    # no one named before "in": the place stands for its people
    ("Officials in Borduria said the talks had failed.", "Borduria", "BOR"),
])
def test_a_place_after_in_is_where_the_speaker_is(nlp, text, source, root):
    doc = nlp.parse("The talks\n" + text)
    check_offsets(doc)
    s = one(doc)
    assert (s.source.text, (s.source.actor or "")[:3]) == (source, root)


def test_she_after_a_reporter_is_the_reporter_not_a_name_in_her_report(nlp):
    # "Herald's Jane Roe, reporting from X, tells ... that Brenner ...", then "she says": not Brenner.
    doc = nlp.parse(
        "The border\n"
        "The Ruritanian Herald's Ilse Marrow, reporting from the capital, says that Karl Brenner has lost support.\n"
        "If the vote fails, she says, \"the government will not survive the winter.\""
    )
    check_offsets(doc)
    # A reporter speaks for herself (with her medium's code, or none), never for the man she reports on.
    assert all(s.source.actor != "RURGOV" for s in doc.statements), [
        (s.source.text, s.source.actor) for s in doc.statements]
    she = [s for s in doc.statements if s.source.text == "she"]
    marrow = [s for s in doc.statements if s.source.text == "Ilse Marrow"]
    assert len(she) == 1 and she[0].source.actor in (None, *(s.source.actor for s in marrow))


def test_object_of_common_nouns_is_the_target_not_a_name_after_it(nlp):
    # "accused the west of pressing Ukraine": aimed at "the west" (no code), not at Ukraine.
    doc = nlp.parse("Ruritania accused the west of arming Borduria.\n"
                    "Syldavia rejected the claim of the council that Carpania had cheated.\n"
                    "Ruritania accused Syldavia of arming Borduria.")
    check_offsets(doc)
    got = [(s.source.text, s.act, s.target.text if s.target else None) for s in doc.statements]
    assert got == [("Ruritania", "ACCUSE", None), ("Syldavia", "REJECT", None),
                   ("Ruritania", "ACCUSE", "Syldavia")]


def test_a_report_speaks_for_whoever_published_it(nlp):
    # "X published a report that concluded ...", later "the report says": X's statements, not the
    # most frequent speaker's.
    doc = nlp.parse(
        "Borduria accused Syldavia of lying.\n"
        "Syldavia denied it. Borduria said it would respond.\n"
        "On Monday Ruritania published a report that concluded Carpania was behind the blast.\n"
        "The report says the blast was planned for weeks."
    )
    check_offsets(doc)
    last = [(doc.sentences[s.sentence].paragraph, s.source.text, (s.source.actor or "")[:3]) for s in doc.statements
            if doc.sentences[s.sentence].paragraph >= 2]
    assert last == [(2, "report", "RUR"), (3, "report", "RUR")]


def test_the_north_after_a_country_named_north_something(nlp):
    # "the North" stands for the one country of the story whose name starts so (here North Korea).
    doc = nlp.parse("Talks in Seoul\n"
                    "North Korea fired a missile on Monday.\n"
                    "South Korea urged the North to return to talks. The North's statement rejected that.")
    check_offsets(doc)
    urge = [s for s in doc.statements if s.act == "URGE"]
    assert len(urge) == 1 and urge[0].target.text == "North" and urge[0].target.actor == "PRK"
    norths = [m for m in doc.mentions if m.text == "North"]
    assert len(norths) == 2 and all(m.actor == "PRK" for m in norths)


def test_an_addressed_body_of_the_sources_own_country_is_its_target(nlp):
    # "U.S. senators urged the Trump administration to ...": aimed at the administration, though
    # both are American; a country named in the content is no such target.
    doc = nlp.parse("Ruritania's parliament urged Karl Brenner to keep up the pressure on Borduria.\n"
                    "Karl Brenner said Ruritania would keep up the pressure.")
    check_offsets(doc)
    got = [(s.act, s.target.text if s.target else None) for s in doc.statements]
    assert got[0] == ("URGE", "Karl Brenner")
    assert got[1] == ("SAY", None)


def test_coordinated_verb_without_object_keeps_the_target_before(nlp):
    # "X offered guarantees to Y and pledged to suspend drills with Z": both are aimed at Y.
    doc = nlp.parse("Ruritania offered security guarantees to Borduria and pledged to suspend the drills with Syldavia.")
    check_offsets(doc)
    got = {(s.source.text, s.act, s.target.text if s.target else None) for s in doc.statements}
    assert got == {("Ruritania", "OFFER", "Borduria")}


def test_a_phrase_after_an_article_is_a_noun_trigger(nlp):
    # "repeated a call for Israel to drop ...": the call is Brenner's, aimed at Borduria.
    s = one(nlp.parse("Karl Brenner repeated a call for Borduria to drop its plans."))
    assert (s.source.text, s.act, s.target.text) == ("Karl Brenner", "URGE", "Borduria")


def test_a_that_only_verb_before_a_quotation(nlp):
    # 'Karl Brenner states, "..."': a quotation after the comma is what is stated.
    s = one(nlp.parse('On the talks, Karl Brenner states, "The door stays open for everyone."'))
    assert (s.source.text, s.trigger.text, s.quote) == ("Karl Brenner", "states", True)
    assert s.content.text.startswith("The door stays open")


def test_person_in_apposition_to_a_role_is_the_speaker(nlp):
    # "The Ruritanian foreign minister, Karl Brenner, confirmed ...": Brenner speaks, and "he" is Brenner.
    doc = nlp.parse("Ruritania's foreign minister, Karl Brenner, confirmed that the embassy would close.\n"
                    "Asked when, he said: \u201cSoon.\u201d")
    check_offsets(doc)
    got = [(s.source.text, s.source.actor) for s in doc.statements]
    assert got == [("Karl Brenner", "RURGOV"), ("he", "RURGOV")]


def test_inverted_source_is_the_name_not_the_label_before_it(nlp):
    # '"...," said Republican Senator X': the name after a party or nationality label.
    doc = nlp.parse('"We will talk," said Republican Senator Maria Quellbrook.')
    s = one(doc)
    assert s.source.text == "Maria Quellbrook"


def test_according_to_a_nationality_before_an_unlisted_noun_speaks_without_a_code(nlp):
    # "according to the top British medical journal", "according to Republican lawmakers": the
    # journal or the lawmakers speak, not a country; "according to Republican officials" is American.
    doc = nlp.parse("Borduria is losing the war, according to Republican lawmakers.\n"
                    "Borduria is losing the war, according to Republican officials.")
    check_offsets(doc)
    got = [(doc.sentences[s.sentence].paragraph, s.source.text, s.source.actor) for s in doc.statements]
    assert got[0] == (0, "lawmakers", None)
    assert got[1][0] == 1 and got[1][2] is not None and got[1][2].startswith("USA")


def test_two_people_of_one_country_in_a_paragraph_give_two_statements(nlp):
    # One statement per (paragraph, source, act, target): a person is a source of their own even
    # where two share a country's code; the same person saying more stays one statement.
    doc = nlp.parse("Karl Brenner said the talks had failed. Olga Varn said the talks would resume. "
                    "Brenner added that the talks were over.")
    check_offsets(doc)
    says = [(s.source.text, s.act) for s in doc.statements if s.act == "SAY"]
    assert says == [("Karl Brenner", "SAY"), ("Olga Varn", "SAY")]
    # Countries and their bodies stay one source: a ministry and its country are one actor.
    doc = nlp.parse("Ruritania said the talks had failed. Ruritania also said the talks were over.")
    assert [(s.source.text, s.act) for s in doc.statements] == [("Ruritania", "SAY")]


def test_a_document_speaks_for_its_most_frequent_source_thousands_of_statements_later(nlp):
    # Past 4,096 statements the stage forgets the sources no rule can reach any more; the most
    # frequent one (counted before any goes) stays what "the report" stands for.
    paras = (["Ruritania said the talks had failed."] * 3000 + ["Borduria said the talks had failed."] * 1500
             + ["The report says the talks had failed."])
    doc = nlp.parse("\n".join(paras))
    check_offsets(doc)
    assert len(doc.statements) == 4501
    last = doc.statements[-1]
    assert (last.source.text, last.source.actor) == ("report", "RUR")

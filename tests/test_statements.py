"""Statements (positions) through the public API, on sentences written for these tests.

The entity stage supplies the mentions; a small user actors file (written to tmp_path) makes the
names used here known whatever the built-in knowledge base holds.
"""
import pytest
import standpoints

ACTORS = """id\ttype\tname\tactor\tcountry\tfrom\tto\taliases\tflags
ruritania\tGPE\tRuritania\tRUR\tRUR\t\t\t\t
borduria\tGPE\tBorduria\tBOR\tBOR\t\t\t\t
karl-brenner\tPERSON\tKarl Brenner\tRURGOV\tRUR\t\t\tBrenner\tsurname
syldavia\tGPE\tSyldavia\tSYL\tSYL\t\t\t\t
carpania\tGPE\tCarpania\tCRP\tCRP\t\t\t\t
herald\tORG\tRuritanian Herald\tRURMED\tRUR\t\t\t\t
"""

@pytest.fixture(scope="module")
def nlp(tmp_path_factory):
    path = tmp_path_factory.mktemp("actors") / "actors.tsv"
    path.write_text(ACTORS, encoding="utf-8")
    return standpoints.Analyzer(actors=str(path))


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

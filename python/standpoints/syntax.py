"""The syntactic layer of a document: part-of-speech tags, dependency trees and noun phrases.

The pipeline parses only the sentences its statement stage asks for; :func:`parse` fills in the
others with the built-in model (an averaged-perceptron tagger and a greedy transition parser
trained on spaCy en_core_web_sm's parses of news text), and a spaCy ``Doc`` can stand in for it
(:func:`standpoints.spacy_interop.analyze_spacy`). Tags are the Penn Treebank's (``NN``,
``VBD``); relations are ClearNLP's as spaCy's English models give them (``nsubj``,
``nsubjpass``, ``dobj``, ``ccomp``, ``agent`` ...), a few rare ones merged (see ``document.hpp``).

    doc = standpoints.parse("Officials in Ruritania said the plan was a mistake.")
    syn = standpoints.syntax.parse(doc)
    said = next(t for t in syn.tokens if t.text == "said")
    syn.subject(said.index)       # the token "Officials"
"""

from __future__ import annotations

from dataclasses import dataclass

from . import _core
from .document import Document

__all__ = ["SyntaxToken", "NounPhrase", "Syntax", "parse", "layer"]


@dataclass(frozen=True, slots=True)
class SyntaxToken:
    index: int
    start: int
    end: int
    text: str
    sentence: int
    tag: str | None   # None where the sentence is not parsed
    head: int | None  # token index of the head; None for a root or an unparsed token
    dep: str | None   # relation to the head ("ROOT" for a root)

    def __repr__(self) -> str:
        head = "" if self.head is None else f"->{self.head}"
        return f"SyntaxToken({self.text!r}, {self.tag}, {self.dep}{head})"


@dataclass(frozen=True, slots=True)
class NounPhrase:
    start: int  # str offsets into the document's text
    end: int
    text: str
    first_token: int
    last_token: int  # end exclusive
    head: int        # token index of the head noun or pronoun

    def __repr__(self) -> str:
        return f"NounPhrase({self.text!r}, {self.start}:{self.end})"


class Syntax:
    """The layer: one :class:`SyntaxToken` per token of the document, the noun phrases, and which
    sentences are parsed. Token indices are positions in :attr:`tokens`."""

    __slots__ = ("tokens", "noun_phrases", "parsed", "_doc")

    def __init__(self, doc: Document, raw: dict):
        text = doc.text
        self._doc = doc
        self.parsed: list[bool] = list(raw["parsed"])
        self.tokens: list[SyntaxToken] = [
            SyntaxToken(i, s, e, text[s:e], sent, tag or None, None if head < 0 else head, dep or None)
            for i, ((s, e), sent, tag, head, dep) in enumerate(
                zip(raw["tokens"], raw["sentence"], raw["tags"], raw["heads"], raw["deps"]))]
        self.noun_phrases: list[NounPhrase] = []
        for first, last, head in raw["noun_phrases"]:
            s, e = self.tokens[first].start, self.tokens[last - 1].end
            self.noun_phrases.append(NounPhrase(s, e, text[s:e], first, last, head))

    def children(self, i: int) -> list[SyntaxToken]:
        """The dependents of token ``i``, in text order."""
        return [t for t in self.tokens if t.head == i]

    def arguments(self, i: int) -> dict:
        """What the statement stage reads of a verb or noun: ``subject`` (its own, or the one it shares
        as a conjunct, participle or relative clause), ``own_subject``, ``passive``, ``inverted``,
        ``agent``, ``object``, ``dative``, ``complement``, ``governor`` (token indices or None),
        ``attachment`` (``main``, ``complement``, ``adverbial``, ``relative``, ``clausal``,
        ``conjunct``, ``parenthetical``, ``other``) and ``negated``."""
        return _core.predicate_args(self._doc._core, i)

    def subject(self, i: int) -> SyntaxToken | None:
        """The subject of token ``i`` (see :meth:`arguments`), or None."""
        s = self.arguments(i)["subject"]
        return None if s is None else self.tokens[s]

    def __repr__(self) -> str:
        return (f"Syntax({len(self.tokens)} tokens, {sum(self.parsed)} of {len(self.parsed)} sentences parsed, "
                f"{len(self.noun_phrases)} noun phrases)")


def layer(doc: Document) -> Syntax:
    """The syntax the document holds (the sentences the pipeline parsed, or all of them when the
    syntax came from spaCy)."""
    return Syntax(doc, _core.syntax_layer(doc._core))


def parse(doc: Document, sentences: list[int] | None = None, *, analyzer=None) -> Syntax:
    """The layer with every sentence (or the given sentence indices) parsed by the built-in model;
    sentences that already hold a parse (from spaCy) keep it. ``doc`` itself is not changed."""
    from .analyzer import default_analyzer

    a = analyzer or default_analyzer()
    parsed = Document(_core.parse_syntax(a._core, doc._core, sentences))
    return layer(parsed)

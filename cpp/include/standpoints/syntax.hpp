// The syntax stage: part-of-speech tags, dependency trees and noun phrases
// over the project's own tokens (Document::syntax, declared in document.hpp).
//
// Two sources fill the layer:
//  - the built-in model (SyntaxModel, data/syntax.bin): an averaged-perceptron
//    tagger and a greedy arc-eager transition parser with hashed features,
//    trained on spaCy en_core_web_sm's parses of news text (tools/train_syntax.py);
//    run only on the sentences a caller asks for (parse_sentences);
//  - a foreign parse (a spaCy Doc's tokens, tags and dependencies), projected
//    onto our tokens by character offsets (project_syntax).
// Readers (the statement stage) ask the layer through the queries at the end
// of this header, whichever source filled it.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "standpoints/document.hpp"

namespace standpoints {

// Names: "NN", "VBD", "PRP$"; "nsubj", "ROOT". Empty for None.
std::string_view tag_name(PosTag tag) noexcept;
std::string_view dep_name(Dep dep) noexcept;
// Parses a Penn tag or a ClearNLP / Universal Dependencies label; None when unknown.
PosTag tag_from_name(std::string_view name) noexcept;
Dep dep_from_name(std::string_view name) noexcept;

// Tag classes.
bool is_verb(PosTag t) noexcept;          // VB, VBD, VBG, VBN, VBP, VBZ (MD excluded)
bool is_noun(PosTag t) noexcept;          // NN, NNS, NNP, NNPS
bool is_nominal_head(PosTag t) noexcept;  // a noun, pronoun (PRP, WP), number or EX
bool is_punctuation(PosTag t) noexcept;

namespace syntax {
struct ModelData;  // the weight tables (cpp/src/syntax/model.hpp)
struct Scratch;    // a parse's working arrays (cpp/src/syntax/parse.cpp)
}  // namespace syntax

// The trained tagger and parser: immutable after load, shared by threads.
class SyntaxModel {
 public:
  SyntaxModel();
  ~SyntaxModel();
  SyntaxModel(SyntaxModel&&) noexcept;
  SyntaxModel& operator=(SyntaxModel&&) noexcept;

  // Reads data/syntax.bin; throws KnowledgeError on a missing or damaged file.
  static SyntaxModel load(const std::string& path);
  bool empty() const noexcept { return data_ == nullptr; }
  std::size_t bytes() const noexcept;  // size of the weight tables in memory
  std::string provenance() const;      // what the trainer wrote: data, settings
  const syntax::ModelData& data() const noexcept { return *data_; }
  explicit SyntaxModel(std::unique_ptr<syntax::ModelData> data);

 private:
  std::unique_ptr<syntax::ModelData> data_;
};

// Tags and parses the given sentences (indices into doc.sentences) that hold
// no parse yet, then finds their noun phrases. Cost is linear in the
// sentences' tokens; other sentences are untouched.
void parse_sentences(Document& doc, const SyntaxModel& model, std::span<const std::uint32_t> sentences);
// The tag of token t: the layer's when its sentence is tagged, else the
// tagger's over a few words around it (nothing is written). For callers that
// need one word's part of speech ("states": a noun or a verb?) cheaply.
PosTag tag_in_context(const Document& doc, const SyntaxModel& model, std::uint32_t t);
// Working arrays a caller that parses sentence after sentence keeps for the
// parses (one per document or thread, never used by two at once): a parse
// then allocates nothing once they have grown. Made on first use.
class ParseBuffers {
 public:
  ParseBuffers();
  ~ParseBuffers();
  ParseBuffers(const ParseBuffers&) = delete;
  ParseBuffers& operator=(const ParseBuffers&) = delete;
  syntax::Scratch& scratch();

 private:
  std::unique_ptr<syntax::Scratch> scratch_;
};

// Tags and parses the words of sentence s before token `end` alone, as if
// they were the sentence (the statement stage's way of reading a trigger's
// subject: the words up to a few past the trigger). The rest of the sentence
// stays untagged and Syntax::parsed[s] is 2; parse_sentences() later parses
// such a sentence whole. A longer prefix replaces a shorter one. With `from`
// past the sentence's start, the words before `from` are left out of the
// parse (no arcs; only the three right before it are tagged, the tagger's
// context): the statement stage's window before a trigger (its subject lies
// near it).
// `buffers`, when given, are used instead of arrays of the call's own.
void parse_prefix(Document& doc, const SyntaxModel& model, std::uint32_t s, std::uint32_t end, std::uint32_t from = 0,
                  ParseBuffers* buffers = nullptr);
// The first token of sentence s that its parse gives an arc (its end when
// unparsed): where a windowed parse_prefix began.
std::uint32_t parsed_from(const Document& doc, std::uint32_t s);
// The first token of sentence s that its parse does not reach (its first
// token when unparsed, its end when parsed whole).
std::uint32_t parsed_end(const Document& doc, std::uint32_t s);
// Every sentence (tests, benchmarks, users who want the whole layer).
void parse_all(Document& doc, const SyntaxModel& model);
// Tags only (no tree) the given sentences: for callers that need parts of
// speech without dependencies. A tagged sentence is not marked parsed.
void tag_sentences(Document& doc, const SyntaxModel& model, std::span<const std::uint32_t> sentences);

// One token of a foreign analysis (a spaCy Doc): byte offsets into
// ForeignParse::text, the head as an index into ForeignParse::tokens (itself
// for a root), Penn tag (else the coarse part of speech) and label names.
struct ForeignToken {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::string tag;
  std::string pos;  // coarse (UPOS), used when the tag is unknown
  std::int32_t head = -1;
  std::string dep;
};

struct ForeignParse {
  std::string text;  // the text the tokens index; equal to doc.text up to whitespace
  std::vector<ForeignToken> tokens;
};

// What a projection had to repair, per document.
struct ProjectionReport {
  std::size_t merged = 0;     // our tokens made of several foreign ones ("do" + "n't")
  std::size_t split = 0;      // foreign tokens split into several of ours
  std::size_t unmatched = 0;  // our tokens no foreign token covers
  // Per sentence: 1 where a head crossed the sentence, a second root or a
  // cycle was repaired (such sentences are left out of training data).
  std::vector<std::uint8_t> repaired;
};

// Replaces doc.syntax with the foreign analysis mapped onto doc.tokens: the
// texts are aligned character by character ignoring whitespace (the reader
// strips lines and drops empty ones), groups of overlapping tokens take the
// tag, head and label of the group's syntactic head, and each sentence gets one
// root. Throws std::invalid_argument when the texts differ in more than
// whitespace.
ProjectionReport project_syntax(Document& doc, const ForeignParse& parse);

// Recomputes the noun phrases of the parsed sentences (after a projection or
// an edit of the layer).
void find_noun_phrases(Document& doc);

// --- Queries (all token indices are Document::tokens indices, -1 = none).

// How a predicate hangs on its governor.
enum class Attachment : std::uint8_t {
  Main,           // root of its sentence
  Complement,     // ccomp/xcomp: "said [it would leave]"
  Adverbial,      // advcl: "..., saying that ..."
  Relative,       // relcl: "X, who has denied ..."
  Clausal,        // acl: "X, accused by Y of ..."
  Conjunct,       // conj: "said ... and added"
  Parenthetical,  // parataxis: "the move, he said, was ..."
  Other,
};

// What the statement stage needs of a verb or a noun: its own arguments and,
// where it has no subject of its own, the one it shares.
struct PredicateArgs {
  std::int32_t subject = -1;     // nsubj, nsubjpass or csubj child, else the shared subject below
  bool own_subject = false;      // the subject is the predicate's own child
  bool passive = false;          // nsubjpass or auxpass child
  bool inverted = false;         // the subject follows the predicate ('"...," said X')
  std::int32_t agent = -1;       // the noun of the passive "by X"
  std::int32_t object = -1;      // dobj
  std::int32_t dative = -1;      // "told him"
  std::int32_t complement = -1;  // ccomp or xcomp child (the clause's head)
  std::int32_t governor = -1;    // the head the predicate attaches to
  Attachment attachment = Attachment::Main;
  bool negated = false;  // neg child ("did not say")
};

// The arguments of token `t`; a predicate without its own subject takes the
// subject of its governor when it is a conjunct, adverbial clause (participle)
// or open complement, and the noun it modifies when it is a relative or
// clausal modifier. Needs t's sentence parsed (else all -1).
PredicateArgs predicate_args(const Document& doc, std::uint32_t t);

// The first child of `t` with relation `dep` (-1 if none); children of a
// token are found by scanning its sentence.
std::int32_t child(const Document& doc, std::uint32_t t, Dep dep);
// The object of the preposition child of `t` spelled `prep` (lower case):
// prep_object(doc, appealed, "to") -> "Russia".
std::int32_t prep_object(const Document& doc, std::uint32_t t, std::string_view prep);
// The noun phrase headed by `t` (or containing it), else the token alone.
NounPhrase noun_phrase(const Document& doc, std::uint32_t t);

}  // namespace standpoints

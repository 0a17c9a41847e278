// The analysed document: every stage of the pipeline reads the layers that
// earlier stages wrote and adds its own. All offsets are UTF-8 byte offsets
// into `text`, end exclusive; the writers turn them into code point indices.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace standpoints {

struct Span {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  bool empty() const noexcept { return end <= start; }
};

struct Paragraph {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  bool title = false;        // kind "title" (else "body")
  bool boilerplate = false;  // publisher furniture: no mentions, no statements
};

struct Sentence {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::uint32_t paragraph = 0;
  std::uint32_t first_token = 0;  // tokens [first_token, last_token)
  std::uint32_t last_token = 0;
};

enum class TokenKind : std::uint8_t { Word, Number, Punct, Quote };

// Case shape of a word token, for name finding.
enum class Shape : std::uint8_t { Lower, Capitalized, AllCaps, Mixed, Other };

struct Token {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::Word;
  Shape shape = Shape::Other;
  bool space_before = true;  // whitespace (or a line start) precedes the token
  std::uint32_t sentence = 0;
};

struct Geo {
  std::string name;
  std::string country;  // ISO 3166-1 alpha-3
  std::string feature;  // country, admin1, region, city, place
  double lat = 0;
  double lon = 0;
  bool has_point = false;
  std::int64_t geonameid = 0;   // 0 = unknown
  std::int64_t population = 0;  // 0 = unknown
  std::string admin1;
};

enum class MentionKind : std::uint8_t { Name, Nominal, Pronoun };

struct Mention {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::string type;  // PERSON, ORG, GPE, LOC, NORP, LAW, EVENT
  MentionKind kind = MentionKind::Name;
  std::int32_t entity = -1;
  std::int32_t sentence = -1;
  std::string actor;  // empty = none
  // Shared, immutable: every "Russia" of a document points at one Geo, so a
  // huge article's mentions stay small.
  std::shared_ptr<const Geo> geo;
  std::int32_t kb = -1;           // knowledge-base entry (internal), -1 = found in text only
  std::string role;               // role word that cued the mention ("spokesman"), if any
  std::uint32_t first_token = 0;  // tokens [first_token, last_token) (internal)
  std::uint32_t last_token = 0;
};

struct Entity {
  std::string id;
  std::string name;
  std::string type;
  std::string actor;
  std::string country;
  std::vector<std::int32_t> mentions;
  std::shared_ptr<const Geo> geo;
  std::string role;
};

// Source or target of a statement: the mention that names the actor (or the
// words standing for it), with the resolved entity and actor code.
struct Argument {
  std::int32_t entity = -1;
  std::string actor;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};

struct Statement {
  Argument source;
  std::optional<Argument> target;
  std::string act;     // SAY, OFFER, DEMAND, URGE, WARN, ACCUSE, REJECT, DENY, SUPPORT
  std::string cameo;   // empty = null
  std::string plover;  // PLOVER's event category (AGREE, THREATEN, ...); empty = null (PLOVER codes no comments)
  Span trigger;
  std::optional<Span> content;
  bool quote = false;
  bool negated = false;
  std::int32_t sentence = -1;
};

// --- The syntactic layer (written only by the syntax stage, cpp/src/syntax/).
//
// Penn Treebank part-of-speech tags, as spaCy's English models give them
// (None: the token's sentence was not parsed).
enum class PosTag : std::uint8_t {
  None,
  Dollar,      // $
  CloseQuote,  // ''
  Comma,       // ,
  LRB,         // -LRB-
  RRB,         // -RRB-
  Period,      // .
  Colon,       // :
  ADD,
  AFX,
  CC,
  CD,
  DT,
  EX,
  FW,
  HYPH,
  IN,
  JJ,
  JJR,
  JJS,
  LS,
  MD,
  NFP,
  NN,
  NNP,
  NNPS,
  NNS,
  PDT,
  POS,
  PRP,
  PRPS,  // PRP$
  RB,
  RBR,
  RBS,
  RP,
  SYM,
  TO,
  UH,
  VB,
  VBD,
  VBG,
  VBN,
  VBP,
  VBZ,
  WDT,
  WP,
  WPS,  // WP$
  WRB,
  XX,
  OpenQuote,  // ``
  Count
};

// Dependency relations (ClearNLP's labels as spaCy's English models use them,
// a few rare ones merged: csubjpass -> csubj, predet -> det, preconj -> cc,
// quantmod -> advmod, intj/meta/nmod -> dep).
enum class Dep : std::uint8_t {
  None,
  Root,
  Nsubj,
  Nsubjpass,
  Csubj,
  Dobj,
  Dative,  // "told him"
  Attr,    // "was a mistake"
  Oprd,    // "called it a mistake"
  Ccomp,   // clausal complement: "said [that] ..."
  Xcomp,   // open complement: "urged X to ..."
  Acomp,
  Agent,  // "by" of a passive; its pobj is the agent
  Prep,
  Pobj,
  Pcomp,
  Advcl,  // adverbial clause, participles: "..., saying ..."
  Relcl,  // relative clause: "who has denied ..."
  Acl,    // clause modifying a noun: "accused by X of ..."
  Conj,
  Cc,
  Appos,
  Poss,
  Case,  // possessive 's
  Compound,
  Det,
  Amod,
  Nummod,
  Npadvmod,
  Advmod,
  Neg,
  Aux,
  Auxpass,
  Mark,
  Prt,
  Expl,
  Punct,
  Parataxis,
  Dep,
  Count
};

// One token's syntax: tag, head (a token index in the same sentence; -1 for
// the sentence root) and the relation to the head.
struct TokenSyntax {
  PosTag tag = PosTag::None;
  Dep dep = Dep::None;
  std::int32_t head = -1;
};

// A base noun phrase: tokens [first_token, last_token) ending at or around
// its head noun or pronoun, with the head's left dependents ("the company",
// "Russia's deputy envoy", "officials", "he"); right modifiers (prepositional
// phrases, relative clauses) are not part of it.
struct NounPhrase {
  std::uint32_t first_token = 0;
  std::uint32_t last_token = 0;
  std::uint32_t head = 0;
};

// The layer: filled sentence by sentence, for the sentences that were asked
// for (parse_sentences in syntax.hpp) or all of them (a foreign parse such as
// a spaCy Doc). `tokens` is empty until a sentence is parsed, then parallel to
// Document::tokens; `parsed[s]` says whether sentence s holds a parse.
// `noun_phrases` is sorted by first token.
struct Syntax {
  std::vector<TokenSyntax> tokens;
  std::vector<std::uint8_t> parsed;
  std::vector<NounPhrase> noun_phrases;
  bool is_parsed(std::uint32_t sentence) const noexcept { return sentence < parsed.size() && parsed[sentence]; }
};

struct Document {
  std::string id;
  std::optional<std::string> title;  // null for plain text (no title line)
  std::optional<std::string> date;   // ISO 8601 YYYY-MM-DD
  std::optional<std::string> url;
  std::optional<std::string> source;  // URL host without "www."
  std::string text;                   // UTF-8
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  Syntax syntax;  // written by the syntax stage only (syntax.hpp)
  std::vector<Mention> mentions;
  std::vector<Entity> entities;
  std::vector<Statement> statements;
};

}  // namespace standpoints

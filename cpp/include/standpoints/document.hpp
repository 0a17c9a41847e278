// The analysed document: every stage of the pipeline reads the layers that
// earlier stages wrote and adds its own. All offsets are UTF-8 byte offsets
// into `text`, end exclusive; the writers turn them into code point indices.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "standpoints/small_string.hpp"

namespace standpoints {

struct Span {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  bool empty() const noexcept { return end <= start; }
};

// A paragraph: text [start, end()). Kept in 8 bytes, its length and flags in
// one word, as a huge document may have a paragraph every 11 bytes of text (a
// million lines "Talks end."): a paragraph is at most kMaxLength bytes long
// (1 GiB - 1; the reader refuses a longer one, ReadOptions::max_paragraph_bytes).
struct Paragraph {
  static constexpr std::uint32_t kLengthBits = 30;
  static constexpr std::uint32_t kMaxLength = (std::uint32_t{1} << kLengthBits) - 1;

  std::uint32_t start = 0;
  std::uint32_t length : kLengthBits = 0;
  bool title : 1 = false;        // kind "title" (else "body")
  bool boilerplate : 1 = false;  // publisher furniture: no mentions, no statements

  std::uint32_t end() const noexcept { return start + length; }
};
static_assert(sizeof(Paragraph) == 8);

// A sentence: tokens [first_token, last_token) of one paragraph, never none.
// Its text runs from its first token's start to its last token's end
// (Document::span_of): kept in 12 bytes, as a huge document has a sentence
// every 11 bytes of text or so (a million paragraphs "Talks end.").
struct Sentence {
  std::uint32_t paragraph = 0;
  std::uint32_t first_token = 0;
  std::uint32_t last_token = 0;
};
static_assert(sizeof(Sentence) == 12);

enum class TokenKind : std::uint8_t { Word, Number, Punct, Quote };

// Case shape of a word token, for name finding.
enum class Shape : std::uint8_t { Lower, Capitalized, AllCaps, Mixed, Other };

// A huge document has a token every 4-5 bytes of text, so a token is kept in
// 8 bytes: its start, and its length, kind, shape and spacing in one word.
// A token is at most kMaxLength bytes long (the tokenizer cuts a longer run
// of letters at character boundaries). Its sentence is not stored (4 bytes a
// token): Document::sentence_of() finds it among the sentences.
struct Token {
  static constexpr std::uint32_t kLengthBits = 26;
  static constexpr std::uint32_t kMaxLength = (std::uint32_t{1} << kLengthBits) - 1;

  std::uint32_t start = 0;
  TokenKind kind : 2 = TokenKind::Word;
  Shape shape : 3 = Shape::Other;
  bool space_before : 1 = true;  // whitespace (or a line start) precedes the token
  std::uint32_t length : kLengthBits = 0;

  std::uint32_t end() const noexcept { return start + length; }
};
static_assert(sizeof(Token) == 8);

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

// A shared, immutable Geo in 8 bytes (std::shared_ptr takes 16): a pointer
// to one block that holds the Geo and the count of its owners. Reads as the
// shared_ptr it replaces: `if (m.geo)`, `m.geo->country`, `*m.geo`, `get()`;
// made by make_geo().
class GeoRef {
 public:
  GeoRef() noexcept = default;
  GeoRef(std::nullptr_t) noexcept {}  // NOLINT: implicit, as a shared_ptr from nullptr
  GeoRef(const GeoRef& o) noexcept : block_(o.block_) {
    if (block_) block_->owners.fetch_add(1, std::memory_order_relaxed);
  }
  GeoRef(GeoRef&& o) noexcept : block_(o.block_) { o.block_ = nullptr; }
  GeoRef& operator=(const GeoRef& o) noexcept {
    GeoRef copy(o);
    std::swap(block_, copy.block_);
    return *this;
  }
  GeoRef& operator=(GeoRef&& o) noexcept {
    GeoRef moved(std::move(o));
    std::swap(block_, moved.block_);
    return *this;
  }
  ~GeoRef() {
    if (block_ && block_->owners.fetch_sub(1, std::memory_order_acq_rel) == 1) delete block_;
  }

  const Geo* get() const noexcept { return block_ ? &block_->geo : nullptr; }
  const Geo& operator*() const noexcept { return block_->geo; }
  const Geo* operator->() const noexcept { return &block_->geo; }
  explicit operator bool() const noexcept { return block_ != nullptr; }
  friend bool operator==(const GeoRef& a, const GeoRef& b) noexcept { return a.block_ == b.block_; }
  friend bool operator==(const GeoRef& a, std::nullptr_t) noexcept { return a.block_ == nullptr; }

  friend GeoRef make_geo(Geo geo);

 private:
  struct Block {
    explicit Block(Geo g) : geo(std::move(g)) {}
    std::atomic<std::uint32_t> owners{1};
    const Geo geo;
  };
  Block* block_ = nullptr;
};

// A new shared Geo (one block; copies of the GeoRef share it).
inline GeoRef make_geo(Geo geo) {
  GeoRef r;
  r.block_ = new GeoRef::Block(std::move(geo));
  return r;
}

enum class MentionKind : std::uint8_t { Name, Nominal, Pronoun };

// A huge document has a mention every 70 bytes or so of news text, so a
// mention is kept in 64 bytes: type, actor and role are SmallStrings (inside
// the object up to 7 bytes, which every type, role and nearly every code is),
// not std::strings of 32 bytes each.
struct Mention {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  SmallString<8> type;   // PERSON, ORG, GPE, LOC, NORP, LAW, EVENT
  SmallString<8> actor;  // empty = none
  // Shared, immutable: every "Russia" of a document points at one Geo, so a
  // huge article's mentions stay small.
  GeoRef geo;
  SmallString<8> role;  // role code that the word cueing the mention gives ("spokesman": GOV), if any
  MentionKind kind = MentionKind::Name;
  std::int32_t entity = -1;
  std::int32_t sentence = -1;
  std::int32_t kb = -1;           // knowledge-base entry (internal), -1 = found in text only
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
  GeoRef geo;
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

// The syntax of a document's tokens, indexed as Document::tokens, stored
// sparsely: the statement stage parses about one sentence in ten, so a
// huge document would otherwise hold 8 bytes a token (1.5x news text) for
// tokens that are never parsed. Tokens come in blocks of kBlock; a block is
// allocated when one of its tokens is written (through the non-const
// operator[]), and reading a token of a block never written gives the
// empty TokenSyntax (no tag, no head). References to elements stay valid
// while the layer lives (blocks never move), as in a vector that does not
// grow.
class SyntaxTokens {
 public:
  static constexpr std::uint32_t kBlockBits = 4;
  static constexpr std::uint32_t kBlock = std::uint32_t{1} << kBlockBits;

  SyntaxTokens() = default;
  SyntaxTokens(const SyntaxTokens& other);
  SyntaxTokens& operator=(const SyntaxTokens& other);
  // A moved-from layer is empty.
  SyntaxTokens(SyntaxTokens&& other) noexcept
      : size_(std::exchange(other.size_, 0)),
        blocks_(std::move(other.blocks_)),
        pools_(std::move(other.pools_)),
        pool_left_(std::exchange(other.pool_left_, 0)) {
    other.blocks_.clear();
    other.pools_.clear();
  }
  SyntaxTokens& operator=(SyntaxTokens&& other) noexcept {
    if (this != &other) {
      size_ = std::exchange(other.size_, 0);
      blocks_ = std::move(other.blocks_);
      pools_ = std::move(other.pools_);
      pool_left_ = std::exchange(other.pool_left_, 0);
      other.blocks_.clear();
      other.pools_.clear();
    }
    return *this;
  }

  // Tokens the layer covers: 0 until a sentence is parsed, then the document's.
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  const TokenSyntax& operator[](std::size_t t) const noexcept {
    const TokenSyntax* b = blocks_[t >> kBlockBits];
    return b ? b[t & (kBlock - 1)] : kNone;
  }
  TokenSyntax& operator[](std::size_t t) {
    TokenSyntax*& b = blocks_[t >> kBlockBits];
    if (!b) [[unlikely]]
      b = new_block();
    return b[t & (kBlock - 1)];
  }
  // n tokens holding `value` (the empty TokenSyntax: no memory beyond the index).
  void assign(std::size_t n, const TokenSyntax& value);
  // n tokens; those added hold nothing.
  void resize(std::size_t n);
  void clear() noexcept;
  // Heap bytes the layer holds (its index and blocks).
  std::size_t bytes() const noexcept;

 private:
  static constexpr TokenSyntax kNone{};
  TokenSyntax* new_block();

  std::size_t size_ = 0;
  std::vector<TokenSyntax*> blocks_;  // one per kBlock tokens; nullptr: none written
  // Blocks are carved from these, never moved; each twice the size of the one before.
  std::vector<std::unique_ptr<TokenSyntax[]>> pools_;
  std::size_t pool_left_ = 0;  // blocks not yet used in the last pool
};

// The layer: filled sentence by sentence, for the sentences that were asked
// for (parse_sentences in syntax.hpp) or all of them (a foreign parse such as
// a spaCy Doc). `tokens` is empty until a sentence is parsed, then parallel to
// Document::tokens; `parsed[s]` says whether sentence s holds a parse.
// `noun_phrases` is sorted by first token. `parsed[s]` is 1 for a whole
// sentence, 2 for a prefix (its words up to some token; the rest untagged).
struct Syntax {
  SyntaxTokens tokens;
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

  // Where sentence s's text is: its first token's start to its last token's end.
  Span span_of(const Sentence& s) const noexcept {
    return Span{tokens[s.first_token].start, tokens[s.last_token - 1].end()};
  }

  // The sentence that holds token t (a binary search over `sentences`; every
  // token of a paragraph belongs to one). t must be a token of the document.
  std::uint32_t sentence_of(std::size_t t) const noexcept {
    std::size_t lo = 0, hi = sentences.size();
    while (hi - lo > 1) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (sentences[mid].first_token <= t)
        lo = mid;
      else
        hi = mid;
    }
    return static_cast<std::uint32_t>(lo);
  }
};

// sentence_of() for a caller whose questions move through the text a token
// or a few at a time (a scan, a walk back): the sentence of the last answer
// and its neighbours answer without a search. Not thread-safe: one per
// scan, as a document is analysed by one thread.
class SentenceCursor {
 public:
  explicit SentenceCursor(const Document& doc) : doc_(&doc) {}
  std::uint32_t operator()(std::size_t t) const noexcept {
    const auto& ss = doc_->sentences;
    if (last_ < ss.size()) {
      const Sentence& s = ss[last_];
      if (t >= s.first_token && t < s.last_token) return last_;
      if (t >= s.last_token && last_ + 1 < ss.size() && t < ss[last_ + 1].last_token) return ++last_;
      if (t < s.first_token && last_ > 0 && t >= ss[last_ - 1].first_token) return --last_;
    }
    last_ = doc_->sentence_of(t);
    return last_;
  }

 private:
  const Document* doc_;
  mutable std::uint32_t last_ = 0;
};

}  // namespace standpoints

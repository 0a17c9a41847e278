// The statement stage's read-only view of a document, built once: the text
// lower-cased, per-token flags from the lexicon, the mention covering each
// token, quotation regions, and the tokens where a trigger may start. Every
// other part of the stage reads the document through it.
//
// A syntactic layer (part of speech, head, dependency label per token) can
// join the view as one more per-token array; the constructions would read a
// trigger's subject and object from it where they now scan noun phrases.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "standpoints/document.hpp"
#include "statements/lexicon.hpp"
#include "statements/words.hpp"

// The per-token look-ups must be inlined into the stage's loops; GCC and
// Clang otherwise keep some of them as calls.
#if defined(__GNUC__)
#define STANDPOINTS_ALWAYS_INLINE [[gnu::always_inline]]
#define STANDPOINTS_NOINLINE [[gnu::noinline]]
#else
#define STANDPOINTS_ALWAYS_INLINE
#define STANDPOINTS_NOINLINE
#endif

namespace standpoints::statements {

// A quotation: the tokens strictly between its marks.
struct QuoteRegion {
  std::uint32_t open = 0;   // token of the opening mark
  std::uint32_t close = 0;  // token of the closing mark, or one past the paragraph's last token
  bool closed = false;
  bool double_mark = false;  // of the double-quote family ('"', '“', "''"), not single curly quotes
};

// A token where a trigger may start: outside names and quotations, and some
// lexicon form that can be a trigger starts with its word.
struct TriggerCandidate {
  std::uint32_t token = 0;
  std::uint32_t forms = 0;  // the lexicon forms starting with the token (looked up once): ActLexicon::forms_id
};

class TokenView {
 public:
  TokenView(const Document& doc, const ActLexicon& lexicon);
  TokenView(const TokenView&) = delete;
  TokenView& operator=(const TokenView&) = delete;

  const Document& doc;
  const ActLexicon& lex;

  // ---- tokens
  const Token& tok(std::uint32_t t) const { return doc.tokens[t]; }
  std::uint32_t size() const { return static_cast<std::uint32_t>(doc.tokens.size()); }
  std::string_view text(std::uint32_t t) const {
    return std::string_view(doc.text).substr(doc.tokens[t].start, doc.tokens[t].end() - doc.tokens[t].start);
  }
  // Lower-cased token text: a view of the lower-cased document (of the text
  // itself in a huge document, where the token is in lower case already), or
  // (rare) of its respelling with straight apostrophes or of its lower-cased
  // copy in the pool of a huge document.
  STANDPOINTS_ALWAYS_INLINE Word low(std::size_t t) const {
    if (flags_[t] & (kRespelled | kPooled)) [[unlikely]]
      return set_apart_text(t);
    const Token& tk = doc.tokens[t];
    return std::string_view(lowered_base_ + tk.start, tk.end() - tk.start);
  }
  std::uint32_t paragraph_of(std::uint32_t t) const { return doc.sentences[sentence_of_(t)].paragraph; }
  // Tokens [first, last) of paragraph p (its sentences'; {0, 0} without
  // any), found from sentence s on, which becomes the first sentence after
  // the paragraph's: a caller walks the paragraphs in order (an entry per
  // paragraph kept here would cost 8 bytes a paragraph, 8 MB for a million tiny ones).
  std::pair<std::uint32_t, std::uint32_t> tokens_from(std::uint32_t p, std::size_t& s) const;
  // The first token that starts at or after a byte offset.
  std::uint32_t first_token_at(std::uint32_t byte) const;

  // ---- the lexicon at each token
  // Lexicon forms starting with token t, longest first (nullptr: none). The
  // filter bit kept at set-up turns most words away without a look-up.
  STANDPOINTS_ALWAYS_INLINE const std::vector<ActForm>* forms_at(std::size_t t) const {
    if (!(flags_[t] & kMayBeFirst)) return nullptr;
    if (flags_[t] & (kRespelled | kPooled)) [[unlikely]]
      return lex.first_word(set_apart_text(t)).forms;
    const Token& tk = doc.tokens[t];
    const std::string_view w(lowered_base_ + tk.start, tk.end() - tk.start);
    return lex.first_word(w, StringHash::of_padded(w.data(), w.size())).forms;
  }
  // Whether a cue, verb or phrase form may start at token t (false is certain).
  bool may_start_cue(std::size_t t) const { return (flags_[t] & kMayStartCue) != 0; }
  // Whether the words of form f after its first are the tokens after i (the
  // caller has checked that they fit). Most multi-word forms fail on the
  // second word's length.
  STANDPOINTS_ALWAYS_INLINE bool rest_matches(const ActForm& f, std::size_t i) const {
    if (f.size < 2) return true;
    if (low(i + 1).size() != f.second_size) return false;
    for (std::size_t w = 1; w < f.size; ++w)
      if (low(i + w) != f.words[w]) return false;
    return true;
  }
  // The nominal or pronoun entry of the one-word forms at token t, or nullptr.
  const ActEntry* referent_entry(std::size_t t) const;
  // Whether some verb form of the lexicon starts at token t.
  bool starts_verb_form(std::size_t t) const;
  // Whether some light verb ("gave a warning") is the one-word form at token t.
  bool is_light_verb(std::size_t t) const;

  // ---- mentions and quotations
  // The first mention (in start order) covering token t, or -1.
  std::int32_t mention_at(std::size_t t) const {
    if (!(flags_[t] & kInMention)) return -1;
    return covering_mention(t);
  }
  const Mention& mention(std::int32_t m) const { return doc.mentions[static_cast<std::size_t>(m)]; }
  // The quotation region holding token t (its marks excluded), or -1.
  std::int32_t quote_at(std::size_t t) const {
    if (!(flags_[t] & kInQuote)) return -1;
    return region_holding(t);
  }
  // Whether token t is a quotation mark that opens or closes a region.
  bool is_mark(std::size_t t) const { return (flags_[t] & kMark) != 0; }
  const QuoteRegion& region(std::int32_t r) const { return regions_[static_cast<std::size_t>(r)]; }
  // The quotation whose closing mark ends at token q ('"...," he said': the
  // '"' before "he"), or -1. A mark may be two tokens ("''", "``").
  std::int32_t closed_at(std::uint32_t q) const {
    if (!is_mark(q) || q == 0) return -1;
    if (const std::int32_t r = quote_at(q - 1); r >= 0) return r;
    if (q >= 2 && is_mark(q - 1)) {
      const std::int32_t r = quote_at(q - 2);
      if (r >= 0 && region(r).close == q - 1) return r;
    }
    return -1;
  }
  // The quotation whose opening mark starts at token k, or -1.
  std::int32_t opened_at(std::uint32_t k) const {
    if (!is_mark(k) || k + 1 >= size()) return -1;
    if (const std::int32_t r = quote_at(k + 1); r >= 0) return r;
    if (k + 2 < size() && is_mark(k + 1)) {
      const std::int32_t r = quote_at(k + 2);
      if (r >= 0 && region(r).open == k + 1) return r;
    }
    return -1;
  }
  // The first kQuotesPerParagraph quotations of a paragraph.
  static constexpr std::size_t kQuotesPerParagraph = 16;
  // Quotation regions [first, last) of a paragraph, at most kQuotesPerParagraph.
  std::pair<std::int32_t, std::int32_t> paragraph_quotes(std::uint32_t p) const;
  // The words of a quotation, without a comma or colon before its closing
  // mark ('"...," he said'); none when it is empty.
  std::optional<Span> quotation_span(std::int32_t r) const;
  // Whether a quotation mark opens a region of the double-quote family.
  static bool opens_double_quote(std::string_view mark);

  // ---- word shapes around names
  // Tokens of a possessive ending at k: "'s" as one token (1), or apostrophe + "s" (2), else 0.
  int possessive_length(std::uint32_t k) const;
  bool is_possessive_s(std::uint32_t k) const;
  // "US-made": a name glued to a hyphen is a modifier.
  bool is_hyphen_glued(const Mention& m) const;
  // A name after a preposition of place ("over Syria", "in eastern Ukraine") is where, not whom.
  bool after_place_preposition(std::uint32_t k) const;

  // ---- trigger candidates
  // The tokens of a sentence where a trigger may start, in order: the only
  // places the stage looks for one (a syntax stage parses only sentences
  // that have some).
  std::span<const TriggerCandidate> trigger_candidates(const Sentence& s) const;
  // The lexicon forms starting with a candidate's token, longest first.
  const std::vector<ActForm>* forms_of(const TriggerCandidate& c) const { return lex.forms_of(c.forms); }
  // All of them, in order (the stage walks them sentence by sentence).
  std::span<const TriggerCandidate> trigger_candidates() const { return candidates_; }
  std::size_t trigger_candidate_count() const noexcept { return candidates_.size(); }
  // The first semicolon token in [from, to), or `to`.
  std::uint32_t first_semicolon(std::uint32_t from, std::uint32_t to) const;

 private:
  static constexpr std::uint8_t kTrigger = 1;    // some form starting with the token can be a trigger
  static constexpr std::uint8_t kRespelled = 2;  // the lower-cased text is in `respelled_`
  // The lexicon's filter bits (ActLexicon::prefilter), shifted: when clear,
  // no form (kMayBeFirst), no cue, verb or phrase form (kMayStartCue) starts
  // with the token; when set, one may.
  static constexpr std::uint8_t kMayBeFirst = ActLexicon::kMayBeFirst << 1;
  static constexpr std::uint8_t kMayStartCue = ActLexicon::kMayStartCue << 1;
  // Where the token lies: in a mention, in a quotation, or it is a quotation
  // mark that opens or closes a region. One byte a token in all: a huge
  // document has a token every 4-5 bytes of text, so the mention and region
  // of a flagged token are looked up (covering_mention, region_holding), not
  // kept in two int32 arrays (8 bytes a token).
  static constexpr std::uint8_t kInMention = 16;
  static constexpr std::uint8_t kInQuote = 32;
  static constexpr std::uint8_t kMark = 64;
  // A huge document's token whose lower-cased text is in `lowered_`, the
  // pool (compact(): one with a capital letter, or near the text's end).
  static constexpr std::uint8_t kPooled = 128;
  // From this size of text on, the document is not copied lower-cased (a
  // copy as large as the text, which the bound on a huge document's memory
  // cannot afford): the words in lower case are read from the text itself,
  // the others from a pool of their lower-cased copies (a fifth or so of the
  // text). Below it, one copy is cheaper to make and to read.
  // (STANDPOINTS_COMPACT_FROM=0 at build time makes every view compact: a
  // check that both give the same output.)
#ifdef STANDPOINTS_COMPACT_FROM
  static constexpr std::size_t kCompactFrom = STANDPOINTS_COMPACT_FROM;
#else
  static constexpr std::size_t kCompactFrom = std::size_t{1} << 20;
#endif
  static constexpr std::uint32_t kPoolBlockBits = 6;
  // Tokens a block of covered_from_ spans.
  static constexpr std::uint32_t kBlockBits = 4;

  STANDPOINTS_NOINLINE std::string_view respelled_text(std::size_t t) const;
  // The text of a respelled or pooled token.
  STANDPOINTS_NOINLINE std::string_view set_apart_text(std::size_t t) const;
  bool compact() const noexcept { return lowered_base_ == doc.text.data(); }
  void lower_text();
  // Token i's lower-cased text in a compact view: from the text, or copied
  // into the pool (and flagged kPooled).
  std::string_view pool_lowered(std::size_t i, std::uint8_t& flag);
  std::size_t pool_room(std::size_t i, std::size_t more) const;
  template <bool kCompact>
  void scan_tokens(std::vector<std::uint32_t>& quote_tokens);
  ActLexicon::FirstWord respell(std::size_t i, std::string_view w);
  void map_mentions();
  STANDPOINTS_NOINLINE std::int32_t covering_mention(std::size_t t) const;
  STANDPOINTS_NOINLINE std::int32_t region_holding(std::size_t t) const;
  static int quote_kind(std::string_view q, bool& opening, bool& closing);
  int doubled_mark(std::uint32_t i, std::uint32_t last) const;
  // Quotation regions of a paragraph's tokens [first, last).
  void find_quotes(std::pair<std::uint32_t, std::uint32_t> tokens, const std::vector<std::uint32_t>& quote_tokens);
  void add_region(std::uint32_t open, std::uint32_t close, bool closed, bool double_mark);

  // The document lower-cased (same byte offsets), and eight NUL bytes; in a
  // compact view (a huge document), the pool: the lower-cased texts of the
  // kPooled tokens, in token order, one after the other, and eight NUL bytes.
  std::string lowered_;
  // Where low() reads a token at its offsets: lowered_, or the text itself in
  // a compact view.
  const char* lowered_base_ = nullptr;
  // Compact view: pool_from_[b], the pool offset of the first kPooled token at
  // or after token b << kPoolBlockBits.
  std::vector<std::uint32_t> pool_from_;
  // Respelled texts, one after the other (a huge document may have hundreds
  // of thousands: not a string each), and where each token's is, by token.
  struct Respelled {
    std::uint32_t token = 0, at = 0, size = 0;
  };
  std::string respelled_;
  std::vector<Respelled> respelled_of_;
  // The flags of each token (kTrigger ... kMark), and zeros up to a whole
  // block of kBlockBits after the last (covering_mention reads a block at once).
  std::unique_ptr<std::uint8_t[]> flags_;
  // For each token a mention covers (flagged kInMention), in token order, the
  // first mention (in start order) covering it; covered_from_[b]: the entry
  // of the first of them at or after token b << kBlockBits. A token's entry
  // is found by counting the flagged tokens before it in its block, so that
  // the entries need not name their tokens (4 bytes a covered token, not 8).
  std::vector<std::int32_t> covered_;
  std::vector<std::uint32_t> covered_from_;
  std::vector<TriggerCandidate> candidates_;
  std::vector<std::uint32_t> semicolons_;
  SentenceCursor sentence_of_{doc};  // paragraph_of() walks back token by token (Referents::recent)
  std::vector<QuoteRegion> regions_;
  // Regions come in paragraph order. For each paragraph that has some (few
  // do: not an entry for each paragraph), the paragraph and its first region;
  // its last is before the next entry's first.
  std::vector<std::pair<std::uint32_t, std::int32_t>> quoted_paragraphs_;
};

}  // namespace standpoints::statements

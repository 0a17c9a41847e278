#include "statements/token_view.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include "growth.hpp"
#include "standpoints/utf8.hpp"

namespace standpoints::statements {

namespace {

constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";

}  // namespace

TokenView::TokenView(const Document& d, const ActLexicon& l) : doc(d), lex(l) {
  const std::size_t n = doc.tokens.size();
  const std::size_t flag_bytes = ((n >> kBlockBits) + 1) << kBlockBits;
  flags_.reset(new std::uint8_t[flag_bytes]);
  std::memset(flags_.get(), 0, flag_bytes);
  lower_text();
  std::vector<std::uint32_t> quote_tokens;  // for find_quotes
  if (compact()) {
    scan_tokens<true>(quote_tokens);
    // The pool is kept while the stage runs: room beyond a quarter of it is given back.
    if (lowered_.capacity() - lowered_.size() > lowered_.size() / 4) lowered_.shrink_to_fit();
  } else {
    scan_tokens<false>(quote_tokens);
  }
  map_mentions();
  std::size_t s = 0;  // the first sentence of paragraph p or a later one
  for (std::uint32_t p = 0; p < doc.paragraphs.size(); ++p) {
    const auto first = static_cast<std::int32_t>(regions_.size());
    find_quotes(tokens_from(p, s), quote_tokens);
    if (regions_.size() > static_cast<std::size_t>(first)) quoted_paragraphs_.emplace_back(p, first);
  }
  // Names and quotations hold no trigger.
  std::erase_if(candidates_,
                [&](const TriggerCandidate& c) { return (flags_[c.token] & (kInQuote | kMark | kInMention)) != 0; });
  // The room reserved for them (one a 16 tokens) is more than those left
  // fill (15.0 of 18.6 MB on a 98 MB news record): kept, it would last the
  // whole stage.
  give_back_unused(candidates_);
}

void TokenView::lower_text() {
  if (doc.text.size() >= kCompactFrom) {
    // The pool, filled by scan_tokens (pool_lowered), always ends in eight NUL bytes.
    lowered_.reserve(doc.text.size() / 8 + 8);
    lowered_.assign(8, '\0');
    pool_from_.reserve((doc.tokens.size() >> kPoolBlockBits) + 1);
    lowered_base_ = doc.text.data();
    return;
  }
  // The document lower-cased in place of a copy: every mapping keeps the byte
  // length of the code point (those that would not stay as written), so
  // token offsets hold.
  lowered_.reserve(doc.text.size() + 8);
  lowered_.resize(doc.text.size());
  utf8::to_lower_same_length(doc.text, lowered_.data());
  // Eight NUL bytes after the text: every token's hash reads its last bytes
  // in one load (StringHash::of_padded); token offsets are unchanged.
  lowered_.append(8, '\0');
  lowered_base_ = lowered_.data();
}

// The pool's new capacity when token i's `more` bytes do not fit: what the
// pool holds, scaled to all tokens at the rate so far, and an eighth more;
// at least half as much again. A pool grown by half each time lived twice
// for a moment at the last growth and the shrinking copy (10.5 MB for 5 MB
// of words on a million tiny paragraphs); this one grows once or twice and
// keeps little room to give back.
std::size_t TokenView::pool_room(std::size_t i, std::size_t more) const {
  const std::size_t tokens = doc.tokens.size();
  const double rate = static_cast<double>(lowered_.size()) / static_cast<double>(i + 1);
  const auto projected = static_cast<std::size_t>(rate * static_cast<double>(tokens) * 1.125);
  return std::max(lowered_.capacity() + lowered_.capacity() / 2, projected) + more;
}

std::string_view TokenView::pool_lowered(std::size_t i, std::uint8_t& flag) {
  if ((i & ((std::size_t{1} << kPoolBlockBits) - 1)) == 0)
    pool_from_.push_back(static_cast<std::uint32_t>(lowered_.size() - 8));
  const Token& tk = doc.tokens[i];
  const std::string_view w(doc.text.data() + tk.start, tk.end() - tk.start);
  // A token read from the text needs eight readable bytes after it (StringHash::of_padded).
  bool pooled = tk.end() + 8 > doc.text.size();
  for (std::size_t k = 0; k < w.size() && !pooled; ++k)
    pooled = (w[k] >= 'A' && w[k] <= 'Z') || static_cast<unsigned char>(w[k]) >= 0x80;
  if (!pooled) return w;
  const std::size_t at = lowered_.size() - 8;
  if (lowered_.size() + w.size() > lowered_.capacity()) lowered_.reserve(pool_room(i, w.size()));
  lowered_.resize(at + w.size() + 8);
  char* const out = lowered_.data() + at;
  utf8::to_lower_same_length(w, out);
  if (tk.end() + 8 <= doc.text.size() && std::memcmp(out, w.data(), w.size()) == 0) {
    // Not a capital letter after all (a letter of another script in lower case).
    std::fill_n(out, 8, '\0');
    lowered_.resize(at + 8);
    return w;
  }
  flag = kPooled;
  return std::string_view(out, w.size());
}

std::string_view TokenView::set_apart_text(std::size_t t) const {
  if (flags_[t] & kRespelled) return respelled_text(t);
  // The pool holds the kPooled tokens one after the other: this one follows
  // those before it in its block.
  const std::size_t first = t >> kPoolBlockBits << kPoolBlockBits;
  std::size_t at = pool_from_[t >> kPoolBlockBits];
  for (std::size_t u = first; u < t; ++u)
    if (flags_[u] & kPooled) at += doc.tokens[u].end() - doc.tokens[u].start;
  return std::string_view(lowered_.data() + at, doc.tokens[t].end() - doc.tokens[t].start);
}

// One pass over the tokens: each token's lexicon filter bits, the trigger
// candidates, the quotation marks and semicolons, and respellings of words
// with curly apostrophes ("didn’t" -> "didn't"); in a compact view, the pool.
template <bool kCompact>
void TokenView::scan_tokens(std::vector<std::uint32_t>& quote_tokens) {
  const std::size_t n = doc.tokens.size();
  const std::string_view lt(doc.text);
  // Curly apostrophes are found once in the whole text; `curly` is the first
  // one at or after the token (npos: none), so tokens without one cost a compare.
  std::size_t curly = lt.find(kCurlyApostrophe);
  // Rough sizes (a few percent of the tokens), to spare most regrowth.
  quote_tokens.reserve(n / 32 + 8);
  candidates_.reserve(n / 16 + 8);
  // Local copies of the pointers: the pushes in the loop would otherwise make
  // the compiler reload them for every token.
  const char* const text = lowered_base_;
  const Token* const tokens = doc.tokens.data();
  std::uint8_t* const flags = flags_.get();
  for (std::size_t i = 0; i < n; ++i) {
    const Token& tk = tokens[i];
    std::uint8_t pooled = 0;
    const std::string_view w =
        kCompact ? pool_lowered(i, pooled) : std::string_view(text + tk.start, tk.end() - tk.start);
    if (tk.kind != TokenKind::Word) [[unlikely]] {
      if (tk.kind == TokenKind::Quote)
        quote_tokens.push_back(static_cast<std::uint32_t>(i));
      else if (w.size() == 1 && w[0] == ';')
        semicolons_.push_back(static_cast<std::uint32_t>(i));
    }
    if (curly < tk.end()) [[unlikely]] {
      while (curly < tk.start) curly = lt.find(kCurlyApostrophe, curly + 1);
      if (curly != std::string_view::npos && curly + kCurlyApostrophe.size() <= tk.end() && w.size() >= 3) {
        if (const ActLexicon::FirstWord first = respell(i, w); first.may_trigger)
          candidates_.push_back({static_cast<std::uint32_t>(i), lex.forms_id(first.forms)});
        flags[i] |= pooled;  // the pool's offsets count it
        continue;
      }
    }
    const std::uint64_t h = StringHash::of_padded(w.data(), w.size());
    const unsigned pf = lex.prefilter(h);
    std::uint8_t f = static_cast<std::uint8_t>((pf & (ActLexicon::kMayBeFirst | ActLexicon::kMayStartCue)) << 1);
    if (pf & ActLexicon::kMayStartTrigger) [[unlikely]] {
      if (const ActLexicon::FirstWord first = lex.first_word(w, h); first.may_trigger) {
        f |= kTrigger;
        candidates_.push_back({static_cast<std::uint32_t>(i), lex.forms_id(first.forms)});
      }
    }
    flags[i] = static_cast<std::uint8_t>(f | pooled);
  }
}

// Token i with its curly apostrophes straightened; returns the lexicon forms
// starting with the respelled word.
ActLexicon::FirstWord TokenView::respell(std::size_t i, std::string_view w) {
  const std::size_t at = respelled_.size();
  respelled_.append(w);
  for (std::size_t p = at; (p = respelled_.find(kCurlyApostrophe, p)) != std::string::npos;)
    respelled_.replace(p, 3, "'");
  const std::string_view text(respelled_.data() + at, respelled_.size() - at);
  respelled_of_.push_back(
      {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(text.size())});
  const ActLexicon::FirstWord f = lex.first_word(text);
  // All filter bits set: the look-ups of a respelled token go to its own string.
  flags_[i] = static_cast<std::uint8_t>(kRespelled | kMayBeFirst | kMayStartCue | (f.may_trigger ? kTrigger : 0));
  return f;
}

std::string_view TokenView::respelled_text(std::size_t t) const {
  const auto it = std::lower_bound(respelled_of_.begin(), respelled_of_.end(), t,
                                   [](const Respelled& r, std::size_t token) { return r.token < token; });
  return std::string_view(respelled_.data() + it->at, it->size);
}

std::pair<std::uint32_t, std::uint32_t> TokenView::tokens_from(std::uint32_t p, std::size_t& s) const {
  const auto& ss = doc.sentences;
  while (s < ss.size() && ss[s].paragraph < p) ++s;
  if (s >= ss.size() || ss[s].paragraph != p) return {0, 0};
  std::pair<std::uint32_t, std::uint32_t> range{ss[s].first_token, ss[s].last_token};
  for (; s < ss.size() && ss[s].paragraph == p; ++s) {
    range.first = std::min(range.first, ss[s].first_token);
    range.second = std::max(range.second, ss[s].last_token);
  }
  return range;
}

std::pair<std::int32_t, std::int32_t> TokenView::paragraph_quotes(std::uint32_t p) const {
  const auto it = std::lower_bound(quoted_paragraphs_.begin(), quoted_paragraphs_.end(), p,
                                   [](const auto& e, std::uint32_t q) { return e.first < q; });
  if (it == quoted_paragraphs_.end() || it->first != p) return {0, 0};
  const std::int32_t first = it->second;
  const std::int32_t last =
      it + 1 != quoted_paragraphs_.end() ? (it + 1)->second : static_cast<std::int32_t>(regions_.size());
  return {first, std::min<std::int32_t>(last, first + static_cast<std::int32_t>(kQuotesPerParagraph))};
}

// covered_: the first mention (in start order) that covers each token, for
// the tokens some mention covers.
void TokenView::map_mentions() {
  std::size_t t = 0;
  const Token* const tokens = doc.tokens.data();
  const std::size_t n = doc.tokens.size();
  // covered_from_[b] for the blocks before `block` are known.
  covered_from_.resize((n >> kBlockBits) + 1);
  std::size_t block = 0;
  // A token some earlier mention covers lies before every token a later one
  // covers first (mentions in start order; each covers the tokens from its
  // start to its end): the tokens are met in order, and a token is new when
  // it lies after the last one kept.
  const auto mark_tokens = [&](std::size_t oi) {
    const Mention& m = doc.mentions[oi];
    // The first token ending after the mention's start (token ends increase,
    // mention starts do not decrease: one walk for all). The mention's own
    // first token is tried first: it is that token when the one before it
    // ends by the start, which spares the walk over the tokens between names.
    if (const std::size_t f = m.first_token;
        f > t && f < n && tokens[f].end() > m.start && tokens[f - 1].end() <= m.start)
      t = f;
    while (t < n && tokens[t].end() <= m.start) ++t;
    for (std::size_t k = t; k < n && tokens[k].start < m.end; ++k)
      if (!(flags_[k] & kInMention) && tokens[k].start >= m.start) {
        flags_[k] |= kInMention;
        while (block <= (k >> kBlockBits)) covered_from_[block++] = static_cast<std::uint32_t>(covered_.size());
        grow_by_half(covered_);
        covered_.push_back(static_cast<std::int32_t>(oi));
      }
  };
  // Mentions usually come in text order already: then no order is built.
  const auto by_start = [](const Mention& a, const Mention& b) { return a.start < b.start; };
  if (std::is_sorted(doc.mentions.begin(), doc.mentions.end(), by_start)) {
    for (std::size_t oi = 0; oi < doc.mentions.size(); ++oi) mark_tokens(oi);
  } else {
    std::vector<std::size_t> order(doc.mentions.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return doc.mentions[a].start < doc.mentions[b].start; });
    for (std::size_t oi : order) mark_tokens(oi);
  }
  give_back_unused(covered_);
  while (block < covered_from_.size()) covered_from_[block++] = static_cast<std::uint32_t>(covered_.size());
}

std::int32_t TokenView::covering_mention(std::size_t t) const {
  // The token is flagged kInMention: its entry follows those of the flagged
  // tokens before it in its block.
  static_assert(kBlockBits == 4 && kInMention == 16);
  const std::size_t first = t >> kBlockBits << kBlockBits;
  std::size_t c = covered_from_[t >> kBlockBits];
  if constexpr (std::endian::native == std::endian::little) {
    // The block's 16 flag bytes as two words, the kInMention bit of each
    // byte moved to its lowest bit, those before t kept and added up (a
    // multiply sums the bytes into the top one).
    std::uint64_t w[2];
    std::memcpy(w, flags_.get() + first, sizeof w);
    const std::size_t before = t - first;
    constexpr std::uint64_t kOnes = 0x0101010101010101ull;
    const auto count = [&](std::uint64_t word, std::size_t bytes) -> std::size_t {
      if (bytes == 0) return 0;
      const std::uint64_t bits = (word >> 4) & kOnes & (~std::uint64_t{0} >> (64 - 8 * bytes));
      return static_cast<std::size_t>((bits * kOnes) >> 56);
    };
    c += count(w[0], std::min<std::size_t>(before, 8)) + count(w[1], before > 8 ? before - 8 : 0);
  } else {
    for (std::size_t u = first; u < t; ++u) c += (flags_[u] & kInMention) != 0;
  }
  return covered_[c];
}

std::int32_t TokenView::region_holding(std::size_t t) const {
  // Regions do not overlap and come in token order; the token is flagged
  // kInQuote: the last region opening before it holds it.
  const auto it =
      std::partition_point(regions_.begin(), regions_.end(), [&](const QuoteRegion& q) { return q.open < t; });
  return static_cast<std::int32_t>(it - regions_.begin()) - 1;
}

// 2: double-quote family, 1: single curly, 0: no quotation mark.
int TokenView::quote_kind(std::string_view q, bool& opening, bool& closing) {
  opening = closing = false;
  if (q == "\"") {
    opening = closing = true;
    return 2;
  }
  if (q == "\xE2\x80\x9C" || q == "\xE2\x80\x9E" || q == "\xC2\xAB") {
    opening = true;
    return 2;
  }
  if (q == "\xE2\x80\x9D" || q == "\xC2\xBB") {
    closing = true;
    return 2;
  }
  if (q == "\xE2\x80\x98") {
    opening = true;
    return 1;
  }
  if (q == kCurlyApostrophe) {
    closing = true;
    return 1;
  }
  return 0;
}

bool TokenView::opens_double_quote(std::string_view mark) {
  bool opening, closing;
  return quote_kind(mark, opening, closing) == 2 && opening;
}

// Two straight apostrophes or two backticks written as one double
// quotation mark ("''Yes,'' he said", "``Yes''"): the tokenizer splits
// them, and tokens i and i + 1 are such a pair. 3: a pair that opens or
// closes (two apostrophes), 4: one that only opens (two backticks), else 0.
int TokenView::doubled_mark(std::uint32_t i, std::uint32_t last) const {
  if (i + 1 >= last || tok(i + 1).space_before || tok(i + 1).kind != TokenKind::Quote) return 0;
  const std::string_view a = text(i), b = text(i + 1);
  if (a == "'" && b == "'") return 3;
  if (a == "`" && b == "`") return 4;
  return 0;
}

// Quotation regions of a paragraph; `quote_tokens`: the document's quote
// tokens in order (only they can open or close a region).
void TokenView::find_quotes(std::pair<std::uint32_t, std::uint32_t> tokens,
                            const std::vector<std::uint32_t>& quote_tokens) {
  auto [first, last] = tokens;
  if (first >= last) return;
  std::int32_t open = -1;
  int open_kind = 0;
  for (auto it = std::lower_bound(quote_tokens.begin(), quote_tokens.end(), first);
       it != quote_tokens.end() && *it < last; ++it) {
    const std::uint32_t i = *it;
    bool opening, closing;
    int kind = quote_kind(text(i), opening, closing);
    if (const int doubled = doubled_mark(i, last)) {
      // A doubled mark opens before a word and closes after one.
      const bool word_after = i + 2 < last && !tok(i + 2).space_before && tok(i + 2).kind != TokenKind::Quote;
      const bool glued_before = i > first && !tok(i).space_before;
      kind = 2;
      opening = doubled == 4 || (word_after && !glued_before);
      closing = doubled == 3 && !opening;
      if (open < 0 && opening) {
        open = static_cast<std::int32_t>(i + 1);
        open_kind = kind;
        flags_[i] |= kMark;
      } else if (open >= 0 && closing && open_kind == 2) {
        add_region(static_cast<std::uint32_t>(open), i, true, true);
        flags_[i + 1] |= kMark;
        open = -1;
      }
      ++it;  // the pair's second token
      if (it == quote_tokens.end()) break;
      continue;
    }
    if (kind == 0) continue;
    if (kind == 1) {
      // A curly apostrophe inside or after a word ("Iran’s", "allies’ ") is no quotation mark.
      const bool glued_right = i + 1 < last && !tok(i + 1).space_before && tok(i + 1).kind == TokenKind::Word;
      if (closing && glued_right) continue;
      if (opening && !glued_right) continue;
      if (closing && open < 0) continue;
    }
    if (open < 0) {
      if (!opening) continue;
      open = static_cast<std::int32_t>(i);
      open_kind = kind;
    } else if (closing && kind == open_kind) {
      add_region(static_cast<std::uint32_t>(open), i, true, kind == 2);
      open = -1;
    }
  }
  if (open >= 0 && open_kind == 2) add_region(static_cast<std::uint32_t>(open), last, false, true);
}

void TokenView::add_region(std::uint32_t open, std::uint32_t close, bool closed, bool double_mark) {
  regions_.push_back({open, close, closed, double_mark});
  flags_[open] |= kMark;
  if (closed) flags_[close] |= kMark;
  for (std::uint32_t k = open + 1; k < close; ++k) flags_[k] |= kInQuote;
}

std::optional<Span> TokenView::quotation_span(std::int32_t r) const {
  const QuoteRegion& q = region(r);
  std::uint32_t e = q.close;
  while (e > q.open + 1 && (low(e - 1) == "," || low(e - 1) == ":" || is_dash(low(e - 1)))) --e;
  if (q.open + 1 >= e) return std::nullopt;
  return Span{tok(q.open + 1).start, tok(e - 1).end()};
}

std::uint32_t TokenView::first_token_at(std::uint32_t byte) const {
  auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), byte,
                             [](const Token& t, std::uint32_t b) { return t.start < b; });
  return static_cast<std::uint32_t>(it - doc.tokens.begin());
}

std::uint32_t TokenView::first_semicolon(std::uint32_t from, std::uint32_t to) const {
  auto it = std::lower_bound(semicolons_.begin(), semicolons_.end(), from);
  return it != semicolons_.end() && *it < to ? *it : to;
}

const ActEntry* TokenView::referent_entry(std::size_t t) const {
  const auto* forms = forms_at(t);
  if (!forms) return nullptr;
  for (const auto& f : *forms)
    if ((f.pos == Pos::Nominal || f.pos == Pos::Pronoun) && f.size == 1) return &lex.entry_of(f);
  return nullptr;
}

bool TokenView::starts_verb_form(std::size_t t) const {
  const auto* forms = forms_at(t);
  if (!forms) return false;
  for (const auto& f : *forms)
    if (f.pos == Pos::Verb) return true;
  return false;
}

bool TokenView::is_light_verb(std::size_t t) const {
  const auto* forms = forms_at(t);
  if (!forms) return false;
  for (const auto& f : *forms)
    if (f.pos == Pos::Light && f.size == 1) return true;
  return false;
}

int TokenView::possessive_length(std::uint32_t k) const {
  if (low(k) == "'s" && !tok(k).space_before) return 1;
  return is_possessive_s(k) ? 2 : 0;
}

bool TokenView::is_possessive_s(std::uint32_t k) const {
  if (low(k) == "'s" && !tok(k).space_before) return true;
  // "s" right after an apostrophe glued to a word: Russia ’ s
  return low(k) == "s" && k >= 2 && !tok(k).space_before && tok(k - 1).kind == TokenKind::Quote &&
         !tok(k - 1).space_before && !is_mark(k - 1);
}

bool TokenView::is_hyphen_glued(const Mention& m) const {
  const std::string_view t(doc.text);
  return (m.end < t.size() && t[m.end] == '-') || (m.start > 0 && t[m.start - 1] == '-');
}

bool TokenView::after_place_preposition(std::uint32_t k) const {
  std::int64_t j = static_cast<std::int64_t>(k) - 1;
  const auto at = [&](std::int64_t x) { return static_cast<std::size_t>(x); };
  while (j >= 0 && (in(kDeterminers, low(at(j))) ||
                    (tok(static_cast<std::uint32_t>(j)).shape == Shape::Lower && in(kDirections, low(at(j))))))
    --j;
  return j >= 0 && in(kPlacePrepositions, low(at(j)));
}

std::span<const TriggerCandidate> TokenView::trigger_candidates(const Sentence& s) const {
  const auto by_token = [](const TriggerCandidate& c, std::uint32_t t) { return c.token < t; };
  const auto first = std::lower_bound(candidates_.begin(), candidates_.end(), s.first_token, by_token);
  const auto last = std::lower_bound(first, candidates_.end(), s.last_token, by_token);
  return {first, last};
}

}  // namespace standpoints::statements

#include "standpoints/segmenter.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "growth.hpp"
#include "standpoints/reader.hpp"
#include "standpoints/tsv.hpp"
#include "standpoints/utf8.hpp"

namespace standpoints {

namespace {

bool is_quote(char32_t c) {
  switch (c) {
    case '"':
    case '\'':
    case '`':  // "``" opens a quotation in some wire copy
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x00AB:
    case 0x00BB:
    case 0x2039:
    case 0x203A:
    case 0x300C:
    case 0x300D:
      return true;
    default:
      return false;
  }
}

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

bool is_opening_quote(char32_t c) { return c == 0x201C || c == 0x2018 || c == 0x00AB || c == 0x201E; }

// Sentence-final marks of scripts written without spaces between sentences
// (CJK ideographic and full-width stops): they end a sentence even when the
// next one follows without a space.
bool is_unspaced_stop(char32_t c) { return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF61; }

// Other scripts' full stops and question marks: Arabic question mark and full
// stop, Devanagari danda, Armenian full stop, Ethiopic full stop.
bool is_script_stop(char32_t c) { return c == 0x061F || c == 0x06D4 || c == 0x0964 || c == 0x0589 || c == 0x1362; }

inline bool ascii_word(unsigned char b) {
  return b < 0x80 && (utf8::detail::kAsciiClass.v[b] & utf8::detail::kAsciiWord);
}

// The case shape of text[start, end) in one pass; ASCII without decoding.
Shape shape_of(std::string_view text, std::size_t start, std::size_t end) {
  bool first_upper = false, any_lower = false, any_letter = false;
  std::size_t uppers = 0;
  for (std::size_t i = start; i < end;) {
    const auto b = static_cast<unsigned char>(text[i]);
    bool up, low;
    if (b < 0x80) {
      up = b >= 'A' && b <= 'Z';
      low = b >= 'a' && b <= 'z';
      ++i;
    } else {
      const char32_t c = utf8::decode(text, i);
      up = utf8::is_upper(c);
      low = utf8::is_lower(c);
    }
    if ((up || low) && !any_letter) {
      first_upper = up;
      any_letter = true;
    }
    uppers += up ? 1 : 0;
    any_lower |= low;
  }
  if (!any_letter) {
    // Scripts without case (CJK, Arabic) count as neither.
    return Shape::Other;
  }
  if (!first_upper) return Shape::Lower;
  if (any_lower) return Shape::Capitalized;
  // "I", "A": one capital letter is a capitalised word, not an acronym.
  return uppers >= 2 ? Shape::AllCaps : Shape::Capitalized;
}

struct Tokenizer {
  // A view, not a reference to the string: one load less for every byte read.
  std::string_view text;
  const SegmenterRules& rules;
  std::vector<Token>& out;
  // With segment(): the tokens that may end a sentence (may_end_sentence),
  // so that the sentence splitter visits them alone, not every token.
  std::vector<std::uint32_t>* stops = nullptr;
  // With count_layers(): the tokens are only counted. `out` is then a small buffer,
  // emptied into `counted` whenever it is full, and the stops are counted
  // (with the ordinal of the last one) instead of kept.
  struct Counts {
    std::size_t tokens = 0;  // tokens emptied out of the buffer so far
    std::size_t stops = 0;
    std::size_t last_stop = 0;  // ordinal of the last stop among all the tokens
  };
  Counts* counted = nullptr;

  char32_t peek(std::size_t pos) const {
    if (pos >= text.size()) return 0;
    return utf8::decode(text, pos);
  }
  std::size_t next(std::size_t pos) const {
    utf8::decode(text, pos);
    return pos;
  }

  // Scans letters and digits (and apostrophes inside words, except a
  // possessive 's, which becomes a token of its own).
  std::size_t scan_word(std::size_t pos, std::size_t end) const {
    while (pos < end) {
      if (ascii_word(static_cast<unsigned char>(text[pos]))) {
        ++pos;
        continue;
      }
      std::size_t p = pos;
      const char32_t c = utf8::decode(text, p);
      if (utf8::is_word_char(c)) {
        pos = p;
        continue;
      }
      if (is_apostrophe(c) && p < end) {
        std::size_t q = p;
        const char32_t d = utf8::decode(text, q);
        if (!utf8::is_word_char(d)) break;
        // Possessive: 's / ’s followed by a non-word character.
        if ((d == 's' || d == 'S') && (q >= end || !utf8::is_word_char(peek(q)))) break;
        pos = p;
        continue;
      }
      break;
    }
    return pos;
  }

  [[gnu::always_inline]] void push(std::size_t start, std::size_t end, TokenKind kind, bool space_before) {
    push(start, end, kind, space_before, kind == TokenKind::Word ? shape_of(text, start, end) : Shape::Other);
    if (kind == TokenKind::Punct) {
      const auto b0 = static_cast<unsigned char>(text[start]);
      if (b0 >= 0x80 || b0 == '.' || b0 == '!' || b0 == '?') note_stop();
    }
  }
  // Inlined, as push_one() and ascii_run(): as calls, their entries and exits
  // cost more than their bodies (one call per token).
  [[gnu::always_inline]] void push(std::size_t start, std::size_t end, TokenKind kind, bool space_before, Shape shape) {
    if (end - start > Token::kMaxLength) [[unlikely]]
      push_long(start, end, kind, space_before, shape);
    else
      push_one(start, end, kind, space_before, shape);
  }
  // A run longer than a token holds (Token::kMaxLength, 64 MiB: only in
  // hostile input) becomes several tokens, cut where a character starts.
  [[gnu::noinline, gnu::cold]] void push_long(std::size_t start, std::size_t end, TokenKind kind, bool space_before,
                                              Shape shape) {
    while (end - start > Token::kMaxLength) {
      std::size_t cut = start + Token::kMaxLength;
      while (cut > start && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      push_one(start, cut, kind, space_before, shape);
      start = cut;
      space_before = false;
    }
    push_one(start, end, kind, space_before, shape);
  }
  [[gnu::always_inline]] void push_one(std::size_t start, std::size_t end, TokenKind kind, bool space_before,
                                       Shape shape) {
    // The test for room made here, so that most tokens make no call: the
    // compiler does not inline grow_by_half(), which as a call per token cost
    // 18 M instructions per 1,000 news articles.
    if (out.size() == out.capacity()) [[unlikely]]
      make_room();
    // Initialised whole, so that the bit-fields are written in one store.
    out.push_back(Token{.start = static_cast<std::uint32_t>(start),
                        .kind = kind,
                        .shape = shape,
                        .space_before = space_before,
                        .length = static_cast<std::uint32_t>(end - start) & Token::kMaxLength});
  }
  // Notes the last token pushed as one that may end a sentence: full stops,
  // question and exclamation marks, punctuation of other scripts, and words
  // ending in a full stop ("U.S.", "Sept."), the only tokens that segment()
  // tests as the end of a sentence. (Noted in the rarer branches of the scan
  // that make them, not tested in push() for every token.)
  void note_stop() {
    if (stops)
      stops->push_back(static_cast<std::uint32_t>(out.size() - 1));
    else if (counted) [[unlikely]]
      count_stop();
  }
  [[gnu::noinline]] void make_room() {
    if (counted) {
      counted->tokens += out.size();
      out.clear();
    } else {
      grow_by_half(out);
    }
  }
  [[gnu::noinline, gnu::cold]] void count_stop() {
    ++counted->stops;
    counted->last_stop = counted->tokens + out.size() - 1;
  }

  // The ASCII letters and digits from `pos` (before `end`; text[pos] is an
  // ASCII letter), with the shape that shape_of gives them; eight bytes at a
  // time where the text allows.
  struct AsciiRun {
    std::size_t end;
    Shape shape;
  };
  static constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  // High bit of each byte set where the (7-bit) byte is in [lo, hi].
  static std::uint64_t in_range(std::uint64_t w7, unsigned lo, unsigned hi) {
    return (w7 + kOnes * (0x80 - lo)) & ~(w7 + kOnes * (0x7F - hi)) & kHighs;
  }

  [[gnu::always_inline]] AsciiRun ascii_run(std::size_t pos, std::size_t end) const {
    // A word with a lower-case first letter is Shape::Lower whatever follows:
    // only its end is sought (three words in four; 8 M instructions per
    // 1,000 news articles less than counting their letters' cases).
    if (!(text[pos] >= 'A' && text[pos] <= 'Z')) return {ascii_word_end(pos, end), Shape::Lower};
    std::size_t uppers = 0;
    bool any_lower = false;
    const int first = 1;  // an upper-case first letter
#if defined(__SSE2__)
    // Sixteen bytes at a time, as in ascii_word_end(). Only whether a word
    // has two capitals or more matters (shape()): each block adds at most two.
    while (end - pos >= 16) {
      const AsciiMasks16 m = ascii_masks16(text.data() + pos);
      const unsigned n = static_cast<unsigned>(std::countr_zero(~m.word));  // 16 when all sixteen are
      const unsigned keep = (1u << n) - 1;
      const unsigned up = m.upper & keep;
      uppers += (up != 0) + ((up & (up - 1)) != 0);
      any_lower |= (m.lower & keep) != 0;
      pos += n;
      if (n < 16) return {pos, shape(first, any_lower, uppers)};
    }
#endif
    if constexpr (std::endian::native == std::endian::little) {
      constexpr std::uint64_t ones = kOnes, highs = kHighs;
      while (end - pos >= 8) {
        std::uint64_t w;
        std::memcpy(&w, text.data() + pos, 8);
        const std::uint64_t w7 = w & ~highs;
        // Letters fold to 'a'..'z' with bit 5 set; bit 5 set in a letter means lower case.
        const std::uint64_t letter = in_range(w7 | (ones * 0x20), 'a', 'z');
        const std::uint64_t lower_bit = (w7 & (ones * 0x20)) << 2;
        std::uint64_t up = letter & ~lower_bit, low = letter & lower_bit;
        const std::uint64_t word = (letter | in_range(w7, '0', '9')) & ~(w & highs);
        const std::uint64_t stop = ~word & highs;
        const unsigned n = stop ? static_cast<unsigned>(std::countr_zero(stop)) / 8 : 8;
        if (n < 8) {
          const std::uint64_t keep = (std::uint64_t{1} << (8 * n)) - 1;
          up &= keep;
          low &= keep;
        }
        uppers += static_cast<std::size_t>(((up >> 7) * ones) >> 56);  // one bit per byte: sum the bytes
        any_lower |= low != 0;
        pos += n;
        if (n < 8) return {pos, shape(first, any_lower, uppers)};
      }
    }
    for (; pos < end; ++pos) {
      const auto b = static_cast<unsigned char>(text[pos]);
      if (!ascii_word(b)) break;
      const bool up = b >= 'A' && b <= 'Z', low = b >= 'a' && b <= 'z';
      uppers += up ? 1 : 0;
      any_lower |= low;
    }
    return {pos, shape(first, any_lower, uppers)};
  }
#if defined(__SSE2__)
  // One bit for each of the sixteen bytes at p: ASCII letters and digits,
  // capitals, lower-case letters. Each range test is a signed comparison
  // after a shift of the range to the bottom of the signed bytes (bytes >=
  // 0x80 fall outside them all).
  struct AsciiMasks16 {
    unsigned word, upper, lower;
  };
  static __m128i below(__m128i x, char lo, int n) {
    return _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(0x80 - lo))),
                          _mm_set1_epi8(static_cast<char>(0x80 + n)));
  }
  static AsciiMasks16 ascii_masks16(const char* p) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i letter = below(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 26);  // 'A'..'Z' fold to 'a'..'z'
    const __m128i upper = below(x, 'A', 26);
    const __m128i digit = below(x, '0', 10);
    return {static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit))),
            static_cast<unsigned>(_mm_movemask_epi8(upper)),
            static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(upper, letter)))};
  }
#endif
  // The end of the ASCII letters and digits from `pos` (before `end`).
  [[gnu::always_inline]] std::size_t ascii_word_end(std::size_t pos, std::size_t end) const {
#if defined(__SSE2__)
    // Sixteen bytes at a time where the text allows (SSE2 is part of x86-64):
    // a word's end in about a dozen instructions, where the eight-byte scan
    // below takes about twenty for a word of any length up to eight.
    while (end - pos >= 16) {
      const unsigned word = ascii_word_mask16(text.data() + pos);
      if (word != 0xFFFF) return pos + static_cast<unsigned>(std::countr_zero(~word));
      pos += 16;
    }
#endif
    if constexpr (std::endian::native == std::endian::little) {
      while (end - pos >= 8) {
        std::uint64_t w;
        std::memcpy(&w, text.data() + pos, 8);
        const std::uint64_t w7 = w & ~kHighs;
        const std::uint64_t word = (in_range(w7 | (kOnes * 0x20), 'a', 'z') | in_range(w7, '0', '9')) & ~(w & kHighs);
        const std::uint64_t stop = ~word & kHighs;
        if (stop) return pos + static_cast<unsigned>(std::countr_zero(stop)) / 8;
        pos += 8;
      }
    }
    while (pos < end && ascii_word(static_cast<unsigned char>(text[pos]))) ++pos;
    return pos;
  }
#if defined(__SSE2__)
  // One bit for each of the sixteen bytes at p that is an ASCII letter or
  // digit. Each range test is a signed comparison after a shift of the range
  // to the bottom of the signed bytes (bytes >= 0x80 fall outside both).
  static unsigned ascii_word_mask16(const char* p) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i folded = _mm_or_si128(x, _mm_set1_epi8(0x20));  // 'A'..'Z' -> 'a'..'z'
    const __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(folded, _mm_set1_epi8(static_cast<char>(0x80 - 'a'))),
                                          _mm_set1_epi8(static_cast<char>(0x80 + 26)));
    const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(0x80 - '0'))),
                                         _mm_set1_epi8(static_cast<char>(0x80 + 10)));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
  }
#endif
  static Shape shape(int first, bool any_lower, std::size_t uppers) {
    if (first == 0) return Shape::Lower;
    if (any_lower) return Shape::Capitalized;
    return uppers >= 2 ? Shape::AllCaps : Shape::Capitalized;
  }

  // A word starting at `start` with code point c (a letter, or a digit of
  // a word that is no number); pushes it and returns its end. Inlined into
  // run(), with ascii_run() inside it: as a call it cost 22 M instructions
  // more on 1,000 news articles.
  [[gnu::always_inline]] std::size_t word(std::size_t start, std::size_t end, char32_t c, bool space) {
    return word(start, end, c, space, c < 0x80 ? ascii_run(start, end) : AsciiRun{start, Shape::Other});
  }
  // The same after the ASCII letters and digits from `start` (`run`).
  [[gnu::always_inline]] std::size_t word(std::size_t start, std::size_t end, char32_t c, bool space, AsciiRun run) {
    // An ASCII word ends at a byte that is no ASCII letter or digit; if
    // that byte may continue the word (non-ASCII, an apostrophe), the
    // general scan goes on from there and the shape is computed after.
    bool shape_known = run.end > start;
    std::size_t pos = run.end;
    if (pos < end && (static_cast<unsigned char>(text[pos]) >= 0x80 || text[pos] == '\'')) {
      pos = scan_word(pos, end);
      shape_known = false;
    }
    // A full stop that belongs to the word: initials and initialisms
    // ("J.", "U.S.", "a.m.") and listed abbreviations ("Gen.", "Sept.").
    if (pos < end && text[pos] == '.') {
      const std::string_view w(text.data() + start, pos - start);
      const bool single_letter = next(start) == pos && utf8::is_word_char(c) && !is_digit(c);
      if (single_letter) {
        pos += 1;
        // Continue an initialism: "U.S.", "U.K.", "J.R.R."
        while (pos + 1 < end) {
          std::size_t q = pos;
          const char32_t d = utf8::decode(text, q);
          if (!utf8::is_word_char(d) || is_digit(d) || q >= end || text[q] != '.') break;
          // Only single letters continue the initialism.
          pos = q + 1;
          shape_known = false;
        }
      } else if (rules.find(w)) {
        pos += 1;
      }
    }
    // A full stop added to the word does not change its shape.
    push(start, pos, TokenKind::Word, space, shape_known ? run.shape : shape_of(text, start, pos));
    if (text[pos - 1] == '.') note_stop();
    return pos;
  }

  void run(std::size_t pos, std::size_t end) {
    bool space = true;
    while (pos < end) {
      if (text[pos] == ' ') {
        space = true;
        ++pos;
        continue;
      }
      std::size_t p = pos;
      const char32_t c = utf8::decode(text, p);
      // Most tokens are ASCII words: straight to them, past the other tests.
      if (c < 0x80 && (utf8::detail::kAsciiClass.v[c] & utf8::detail::kAsciiWord) && !is_digit(c)) {
        const AsciiRun r = ascii_run(pos, end);
        if (r.end < end && text[r.end] == ' ') {
          // Most words end at a space, which nothing of the word passes (no
          // apostrophe, no full stop): pushed as they are, and the space
          // taken with them (20 M instructions per 1,000 news articles).
          push(pos, r.end, TokenKind::Word, space, r.shape);
          pos = r.end + 1;
          space = true;
          continue;
        }
        if (r.end < end && text[r.end] == ',') {
          // And a comma after a word is a token of its own, as the general
          // path would make it (3 M instructions per 1,000 news articles).
          push(pos, r.end, TokenKind::Word, space, r.shape);
          push(r.end, r.end + 1, TokenKind::Punct, false, Shape::Other);
          pos = r.end + 1;
          space = false;
          continue;
        }
        pos = word(pos, end, c, space, r);
        space = false;
        continue;
      }
      if (utf8::is_space(c)) {
        space = true;
        pos = p;
        continue;
      }
      const std::size_t start = pos;
      if (is_digit(c)) {
        // Numbers: 3.5, 100,000, 1987; letters attached make "10th", "F-16" stays split.
        pos = p;
        while (pos < end) {
          if (ascii_word(static_cast<unsigned char>(text[pos]))) {  // digits and letters
            ++pos;
            continue;
          }
          const char32_t d = peek(pos);
          if (is_digit(d) || (utf8::is_word_char(d))) {
            pos = next(pos);
            continue;
          }
          if ((d == '.' || d == ',') && pos + 1 < end && is_digit(peek(pos + 1))) {
            pos += 2;
            continue;
          }
          break;
        }
        push(start, pos, TokenKind::Number, space);
      } else if (utf8::is_word_char(c)) {
        pos = word(start, end, c, space);
      } else if (is_apostrophe(c) && p < end && (text[p] == 's' || text[p] == 'S') &&
                 (p + 1 >= end || !utf8::is_word_char(peek(p + 1))) && !space) {
        // The possessive "'s" is one token: "Russia's" -> "Russia", "'s".
        pos = p + 1;
        push(start, pos, TokenKind::Punct, space);
      } else if (is_quote(c)) {
        pos = p;
        push(start, pos, TokenKind::Quote, space);
      } else if (c == '.' || c == '-') {
        // Runs: "..." is one ellipsis, "--" one dash.
        pos = p;
        while (pos < end && text[pos] == static_cast<char>(c)) ++pos;
        push(start, pos, TokenKind::Punct, space);
      } else {
        pos = p;
        push(start, pos, TokenKind::Punct, space);
      }
      space = false;
    }
  }
};

enum class Terminal { None, Hard, Soft };

// Words that open a sentence often enough to decide an ambiguous full stop
// after an abbreviation ("... in the U.S. The ...").
constexpr std::array<std::string_view, 48> kStarters = {
    "The",     "A",         "An",    "He",      "She",   "It",    "They",  "We",     "I",     "You",
    "But",     "And",       "In",    "This",    "That",  "These", "Those", "His",    "Her",   "Their",
    "Its",     "Our",       "There", "What",    "When",  "While", "After", "Before", "As",    "At",
    "On",      "For",       "If",    "Some",    "Many",  "Most",  "Yet",   "So",     "Still", "Meanwhile",
    "However", "Officials", "Asked", "Earlier", "Later", "Last",  "Now",   "Under"};

}  // namespace

bool is_sentence_starter(std::string_view word) {
  for (auto s : kStarters)
    if (s == word) return true;
  return false;
}

const AbbreviationKind* SegmenterRules::find(std::string_view word) const {
  if (word.size() > longest_) return nullptr;
  auto it = abbreviations_.find(word);
  return it == abbreviations_.end() ? nullptr : &it->second;
}

SegmenterRules SegmenterRules::load(const std::string& path) {
  SegmenterRules rules;
  tsv::read_file(path, {"abbreviation", "kind"}, [&](const tsv::Row& row) {
    const auto kind = row.get("kind");
    AbbreviationKind k;
    if (kind == "title")
      k = AbbreviationKind::Title;
    else if (kind == "month")
      k = AbbreviationKind::Month;
    else if (kind == "other")
      k = AbbreviationKind::Other;
    else
      row.fail("unknown abbreviation kind \"" + std::string(kind) + "\" (title, month or other)");
    rules.add(std::string(row.get("abbreviation")), k);
  });
  return rules;
}

namespace {

// From this size of text on, segment() counts the tokens before it stores
// them, so that the layers are allocated once at their size: grown by half
// and then trimmed, two copies of them live for a moment (a million tiny
// paragraphs, 3 tokens and a sentence every 11 bytes: the segmenter's peak
// 8.9x the text, not the layers' 6.1x; a 98 MB news record: 4.3x, not
// 2.9x). The count is a second pass of the tokenizer: 3% more instructions
// for the whole analysis of the news record, 9% for the tiny paragraphs.
// Below it, a guess of a token every 5 bytes costs nothing.
constexpr std::size_t kCountFrom = std::size_t{1} << 20;

struct LayerSizes {
  std::size_t tokens = 0;
  std::size_t sentences = 0;  // at most: a sentence ends at a stop with a token after it, or at its paragraph's end
};

LayerSizes count_layers(const Document& doc, const SegmenterRules& rules) {
  std::vector<Token> buffer;
  buffer.reserve(4096);
  Tokenizer::Counts counts;
  Tokenizer tokenizer{doc.text, rules, buffer, nullptr, &counts};
  LayerSizes sizes;
  for (const Paragraph& para : doc.paragraphs) {
    const std::size_t first = counts.tokens + buffer.size(), first_stop = counts.stops;
    tokenizer.run(para.start, para.end());
    const std::size_t last = counts.tokens + buffer.size();
    if (last == first) continue;
    const std::size_t stops = counts.stops - first_stop;
    sizes.sentences += 1 + stops - (stops > 0 && counts.last_stop == last - 1 ? 1 : 0);
  }
  sizes.tokens = counts.tokens + buffer.size();
  return sizes;
}

}  // namespace

void segment(Document& doc, const SegmenterRules& rules) {
  doc.tokens.clear();
  doc.sentences.clear();
  if (doc.text.size() >= kCountFrom) {
    const LayerSizes sizes = count_layers(doc, rules);
    doc.tokens.reserve(sizes.tokens);
    doc.sentences.reserve(sizes.sentences);
  } else {
    doc.tokens.reserve(doc.text.size() / 5 + 16);
  }
  std::vector<std::uint32_t> stops;  // a paragraph's tokens that may end a sentence
  Tokenizer tokenizer{doc.text, rules, doc.tokens, &stops};
  const std::string_view text = doc.text;
  for (std::uint32_t pi = 0; pi < doc.paragraphs.size(); ++pi) {
    const auto& para = doc.paragraphs[pi];
    const std::size_t first = doc.tokens.size();
    stops.clear();
    tokenizer.run(para.start, para.end());
    const std::size_t last = doc.tokens.size();
    std::size_t sent_start = first;
    auto close = [&](std::size_t end_tok) {
      if (end_tok <= sent_start) return;
      Sentence s;
      s.paragraph = pi;
      s.first_token = static_cast<std::uint32_t>(sent_start);
      s.last_token = static_cast<std::uint32_t>(end_tok);
      grow_by_half(doc.sentences);
      doc.sentences.push_back(s);
      sent_start = end_tok;
    };
    std::size_t resume = first;  // the first token after the last sentence closed
    for (const std::size_t i : stops) {
      if (i < resume) continue;
      const Token& t = doc.tokens[i];
      const std::string_view tok(text.data() + t.start, t.end() - t.start);
      Terminal term = Terminal::None;
      bool unspaced = false;
      if (t.kind == TokenKind::Punct) {
        // Only ".", "!", "?" (and runs of them) end sentences among ASCII punctuation.
        const char b0 = text[t.start];
        if (static_cast<unsigned char>(b0) < 0x80 && b0 != '.' && b0 != '!' && b0 != '?') continue;
        std::size_t q = 0;
        const char32_t c = utf8::decode(tok, q);
        if (tok == "." || tok == "!" || tok == "?" || tok == "?!")
          term = Terminal::Hard;
        else if (tok == "..." || tok == "\xE2\x80\xA6")
          term = Terminal::Soft;
        else if (q == tok.size() && is_unspaced_stop(c))
          term = Terminal::Hard, unspaced = true;
        else if (q == tok.size() && is_script_stop(c))
          term = Terminal::Hard;
      } else if (t.kind == TokenKind::Word && tok.size() > 1 && tok.back() == '.') {
        const auto* kind = rules.find(tok.substr(0, tok.size() - 1));
        if (kind && *kind == AbbreviationKind::Title)
          term = Terminal::None;
        else if (tok.size() == 2)
          term = Terminal::None;  // an initial: "J."
        else
          term = Terminal::Soft;  // "U.S.", "Sept.", "Inc."
      }
      if (term == Terminal::None) continue;
      // Closing quotes and brackets right after the stop belong to this sentence.
      std::size_t end_tok = i + 1;
      while (end_tok < last && !doc.tokens[end_tok].space_before) {
        const Token& n = doc.tokens[end_tok];
        const std::string_view nt = text.substr(n.start, n.end() - n.start);
        if (n.kind == TokenKind::Quote || nt == ")" || nt == "]") {
          ++end_tok;
          continue;
        }
        std::size_t q = 0;
        const char32_t nc = utf8::decode(nt, q);
        if (n.kind == TokenKind::Punct &&
            (nt == "." || nt == "!" || nt == "?" || (q == nt.size() && (is_unspaced_stop(nc) || is_script_stop(nc))))) {
          ++end_tok;
          continue;
        }
        break;
      }
      if (end_tok >= last) break;  // the paragraph closes the sentence anyway
      const Token& n = doc.tokens[end_tok];
      const std::string_view nt = text.substr(n.start, n.end() - n.start);
      bool split;
      if (unspaced)
        split = true;  // "他说了。我们走吧。"
      else if (!n.space_before)
        split = false;  // "3.5", "U.S.-led", "end.Next" glued text
      else if (n.kind == TokenKind::Word) {
        if (n.shape == Shape::Lower)
          split = false;
        else if (term == Terminal::Hard)
          split = true;
        else if (tok.back() == '.' && t.kind == TokenKind::Word)
          split = is_sentence_starter(nt);
        else
          split = n.shape == Shape::Capitalized || n.shape == Shape::AllCaps || n.shape == Shape::Other;
      } else if (n.kind == TokenKind::Number) {
        split = term == Terminal::Hard;
      } else if (n.kind == TokenKind::Quote) {
        std::size_t q = 0;
        split = term == Terminal::Hard || is_opening_quote(utf8::decode(nt, q));
      } else {
        split = term == Terminal::Hard && (nt == "(" || nt == "[" || nt == "-" || nt == "\xE2\x80\x94");
      }
      if (split) {
        close(end_tok);
        resume = end_tok;
      }
    }
    close(last);
  }
  give_back_unused(doc.tokens);
  give_back_unused(doc.sentences);
}

}  // namespace standpoints

namespace standpoints {

void tokenize(const std::string& text, std::size_t start, std::size_t end, const SegmenterRules& rules,
              std::vector<Token>& out) {
  Tokenizer tokenizer{text, rules, out};
  tokenizer.run(start, end);
}

}  // namespace standpoints

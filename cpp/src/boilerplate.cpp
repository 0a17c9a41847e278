#include "standpoints/boilerplate.hpp"

#include <algorithm>
#include <cstring>

#include "standpoints/entities.hpp"
#include "standpoints/tsv.hpp"
#include "standpoints/utf8.hpp"

namespace standpoints {

namespace {

bool has_prefix(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

constexpr auto kFold = [] {
  std::array<unsigned char, 256> t{};
  for (unsigned c = 0; c < 256; ++c) t[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return t;
}();

constexpr std::size_t kShiftTable = std::size_t{1} << 15;
inline std::size_t block_hash(unsigned b0, unsigned b1, unsigned b2) {
  return ((b0 << 10) ^ (b1 << 5) ^ b2) & (kShiftTable - 1);
}

// Tokens of paragraph `pi` (tokens are in text order; paragraphs too).
struct TokenRange {
  std::size_t first, last;
};

// "Slideshow (7 Images)", "Gallery (12 photos)".
bool is_gallery_notice(std::string_view lower) {
  for (std::string_view word : {"slideshow", "gallery", "photos", "images"}) {
    if (has_prefix(lower, word) && lower.find('(') != std::string_view::npos &&
        lower.find(')') != std::string_view::npos && lower.size() < 40)
      return true;
  }
  return false;
}

// The tokens of one paragraph and the knowledge the shape rules ask about.
struct ParagraphView {
  const Document& doc;
  TokenRange r;
  const BoilerplatePatterns& patterns;
  const ActorTable* outlets;

  std::string_view text(std::size_t i) const { return token_text(doc, doc.tokens[i]); }
  bool is(std::size_t i, std::string_view s) const { return i >= r.first && i < r.last && text(i) == s; }
  bool word(std::size_t i) const { return doc.tokens[i].kind == TokenKind::Word; }
  bool capital(std::size_t i) const {
    const Token& t = doc.tokens[i];
    return t.kind == TokenKind::Word && t.shape != Shape::Lower;
  }

  // Is tokens [a, b) an outlet of the knowledge base (as written or folded)?
  bool outlet(std::size_t a, std::size_t b) const {
    if (!outlets) return false;
    for (const bool folded : {false, true}) {
      std::uint32_t entry = 0;
      if (outlets->match(doc, a, b, folded, &entry) == b - a && (outlets->entry(entry).flags & kMedia)) return true;
    }
    return false;
  }
  // Is tokens [a, b) a credit word of boilerplate.tsv or an outlet?
  bool credit(std::size_t a, std::size_t b) const {
    // Credits are capitalised names ("Getty Images", "AP", "Pool") ending in a word.
    if (!capital(a) || doc.tokens[b - 1].kind != TokenKind::Word) return false;
    std::string key;
    for (std::size_t i = a; i < b; ++i) {
      if (i > a && doc.tokens[i].space_before) key.push_back(' ');
      key += utf8::to_lower(text(i));
    }
    return patterns.is_credit(key) || outlet(a, b);
  }
  // The longest credit ending at `end` / starting at `start`: its tokens, or 0.
  std::size_t credit_ending(std::size_t end) const {
    for (std::size_t n = std::min(std::max<std::size_t>(patterns.credit_tokens(), 4), end - r.first); n >= 1; --n)
      if (credit(end - n, end)) return n;
    return 0;
  }
  std::size_t credit_starting(std::size_t start) const {
    for (std::size_t n = std::min(std::max<std::size_t>(patterns.credit_tokens(), 4), r.last - start); n >= 1; --n)
      if (credit(start, start + n)) return n;
    return 0;
  }
  // A photographer's name: capitalised words (and glued hyphens), at most five tokens.
  std::size_t name_ending(std::size_t end) const {
    std::size_t n = 0;
    while (n < 5 && end - n > r.first) {
      const std::size_t i = end - n - 1;
      const bool glued_hyphen = is(i, "-") && !doc.tokens[i].space_before && i + 1 < r.last &&
                                !doc.tokens[i + 1].space_before && i > r.first && capital(i - 1);
      if (!capital(i) && !glued_hyphen) break;
      ++n;
    }
    return n;
  }
  std::size_t name_starting(std::size_t start) const {
    std::size_t n = 0;
    while (n < 5 && start + n < r.last) {
      const std::size_t i = start + n;
      const bool glued_hyphen = is(i, "-") && !doc.tokens[i].space_before && i + 1 < r.last &&
                                !doc.tokens[i + 1].space_before && capital(i + 1);
      if (!capital(i) && !glued_hyphen) break;
      ++n;
    }
    return n;
  }
  std::size_t words(std::size_t a, std::size_t b) const {
    std::size_t n = 0;
    for (std::size_t i = a; i < b; ++i) n += word(i) ? 1 : 0;
    return n;
  }
};

// A photo credit at the end of the paragraph, read backwards: a photographer
// and an agency joined by "/" or "via" ("... 2018. (Leah Millis/Reuters)",
// "... 2017. REUTERS/Kevin Lamarque", "Andrew Harnik/Pool via Reuters",
// "[Mustafa Hassona/Anadolu] [-]", "| Mark Schiefelbein/AP Photo"), or by a
// comma inside a photo note ("(Photo: Jacquelyn Martin, AP)"). Before the
// credit comes the paragraph's start, a bracket, a bar or the end of a sentence.
bool credit_at_end(const ParagraphView& v) {
  std::size_t e = v.r.last;
  for (int k = 0; k < 4 && e > v.r.first; ++k) {  // closing brackets, "[-]", a full stop
    const std::string_view t = v.text(e - 1);
    if (t != ")" && t != "]" && t != "[" && t != "-" && t != ".") break;
    --e;
  }
  std::size_t credits = 0, separators = 0, shortest_name = 99;
  bool comma = false;
  while (e > v.r.first) {
    if (const std::size_t n = v.credit_ending(e)) {
      ++credits;
      e -= n;
    } else if (const std::size_t n = v.name_ending(e)) {
      shortest_name = std::min(shortest_name, v.words(e - n, e));
      e -= n;
    } else {
      return false;
    }
    if (e == v.r.first) break;
    const std::string_view sep = v.text(e - 1);
    if (sep != "/" && sep != "," && sep != "via") break;
    comma |= sep == ",";
    ++separators;
    --e;
  }
  if (!credits || !separators) return false;
  const std::string_view before = e == v.r.first ? std::string_view("") : v.text(e - 1);
  const bool bracket = before == "(" || before == "[" || before == ":";
  if (comma && !bracket && e != v.r.first) return false;
  if (shortest_name < 2 && !bracket) return false;  // "Ipsos/Reuters" is a poll, "Jim Young/Reuters" a photographer
  if (e == v.r.first || bracket) return true;
  if (before == "by") return e >= v.r.first + 2 && utf8::to_lower(v.text(e - 2)).starts_with("photo");
  return before == "." || before == "|" || before == "?" || before == "!" || before == "\xE2\x80\x94" ||
         before == "\xE2\x80\x93" || before == "\"" || before == "\xE2\x80\x9D";
}

// A photo credit opening the paragraph, before the caption: a photographer of
// two words or more, then agencies after slashes ("Susan Walsh/AP Republican
// Sen. ...", "Evan Vucci/AP/File Rep. ..."). Polls name no photographer first
// ("ABC/Washington Post poll", "Quinnipiac/WSJ poll").
bool credit_at_start(const ParagraphView& v) {
  std::size_t i = v.r.first;
  const std::size_t name = v.name_starting(i);
  if (v.words(i, i + name) < 2) return false;
  for (std::size_t k = i; k < i + name; ++k) {  // "An NBC/Wall Street Journal poll" names no photographer
    const std::string_view w = v.text(k);
    if (w == "A" || w == "An" || w == "The" || v.credit(k, k + 1)) return false;
  }
  i += name;
  bool last_is_credit = false;
  while (v.is(i, "/")) {
    ++i;
    if (const std::size_t n = v.credit_starting(i)) {
      i += n;
      last_is_credit = true;
    } else if (const std::size_t n = v.name_starting(i)) {
      i += n;
      last_is_credit = false;
    } else {
      return false;
    }
  }
  return last_is_credit && (i == v.r.last || v.capital(i));
}

// An author's bio, first or last in the article: "Jane Roe is a columnist for
// ...", "Jane Roe, a former diplomat, is a senior fellow at ...", "John Doe is
// the author of ...". The nouns come from boilerplate.tsv (kind bio).
bool is_author_bio(const ParagraphView& v) {
  std::size_t i = v.r.first;
  const std::size_t name = v.name_starting(i);
  if (v.words(i, i + name) < 2) return false;
  i += name;
  if (v.is(i, ",")) {  // an apposition: ", a former diplomat,"
    std::size_t j = i + 1;
    while (j < v.r.last && j < i + 20 && !v.is(j, ",")) ++j;
    if (!v.is(j, ",")) return false;
    i = j + 1;
  }
  if (!v.is(i, "is")) return false;
  ++i;
  // "Jane Roe is pushing fellow senators to ...": a verb, no bio.
  if (i < v.r.last && v.word(i) && v.text(i).size() > 4 && v.text(i).ends_with("ing")) return false;
  // The noun comes before any preposition or comma: "is a senior fellow at",
  // "is chief political correspondent at", not "is committed to ... the editor".
  for (std::size_t j = i; j < v.r.last && j < i + 7; ++j) {
    const std::string_view w = v.text(j);
    if (v.word(j) && v.patterns.is_bio_noun(utf8::to_lower(w))) return true;
    if ((w == "-" && !v.doc.tokens[j].space_before) || w == "'s" || w == "\xE2\x80\x99s") continue;  // "award-winning"
    if (!v.word(j) || w == "to" || w == "of" || w == "for" || w == "at" || w == "in" || w == "on" || w == "with" ||
        w == "by" || w == "from" || w == "who" || w == "that")
      return false;
  }
  return false;
}

// A signature at the end: "- Jane Roe", "— Jane Roe".
bool is_signature(const ParagraphView& v) {
  const std::string_view dash = v.text(v.r.first);
  if (dash != "-" && dash != "\xE2\x80\x94" && dash != "\xE2\x80\x93") return false;
  const std::size_t name = v.name_starting(v.r.first + 1);
  const std::size_t words = v.words(v.r.first + 1, v.r.first + 1 + name);
  return v.r.first + 1 + name == v.r.last && words >= 2 && words <= 4;
}

// Markup or a bare link left by a scraper: one "word" holding "://", "=\"" or <tags>.
bool is_markup(std::string_view text) {
  if (text.find(' ') != std::string_view::npos) return false;
  return text.find("://") != std::string_view::npos || text.find("=\"") != std::string_view::npos ||
         (text.size() > 2 && text.front() == '<' && text.back() == '>');
}

// A byline or an outlet name alone on a line: "Oren Dorell", "USA TODAY",
// "By Jane Doe, Associated Press". Only a handful of capitalised words with no
// sentence punctuation: content paragraphs are sentences.
bool is_byline_shape(const Document& doc, TokenRange r, std::size_t body_index, const ParagraphView& v) {
  const std::size_t n = r.last - r.first;
  if (n == 0 || n > 12) return false;
  // "By Jane Doe, Associated Press": a credit line anywhere in the article.
  const Token& head = doc.tokens[r.first];
  const bool by = n >= 3 && head.kind == TokenKind::Word &&
                  std::string_view(doc.text.data() + head.start, head.end() - head.start) == "By";
  if (!by && n > 8) return false;
  std::size_t words = 0, caps = 0, allcaps = 0;
  for (std::size_t i = r.first; i < r.last; ++i) {
    const Token& t = doc.tokens[i];
    const std::string_view s(doc.text.data() + t.start, t.end() - t.start);
    if (t.kind == TokenKind::Word) {
      if (by && i == r.first) continue;
      ++words;
      if (t.shape == Shape::Capitalized)
        ++caps;
      else if (t.shape == Shape::AllCaps)
        ++allcaps;
      else if (!(s == "and" || s == "of" || s == "de" || s == "van" || s == "von" || s == "al"))
        return false;
    } else if (t.kind == TokenKind::Punct) {
      if (!(s == "," || s == "-" || s == "|" || s == "/" || s == ".")) return false;
    } else {
      return false;
    }
  }
  if (words == 0 || words > (by ? 8 : 6)) return false;
  if (by) return caps + allcaps >= 2 && caps + allcaps + 2 >= words;
  // "USA TODAY", "WASHINGTON POST": an outlet; other lines in capitals are
  // section heads ("MILITARY DANGER REMAINS").
  if (allcaps == words) return v.outlet(r.first, r.last) || v.credit(r.first, r.last);
  // Capitalised names only near the top of the article ("Oren Dorell").
  return body_index <= 3 && words >= 2 && words <= 4 && caps + allcaps == words;
}

}  // namespace

namespace {

// Tokens in a pattern as the segmenter cuts them: runs of letters and digits,
// and every other character but a space ("epa-efe" has three).
std::size_t count_tokens(std::string_view p) {
  std::size_t n = 0;
  bool in_word = false;
  for (const char c : p) {
    const auto u = static_cast<unsigned char>(c);
    const bool word = u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    if (word) {
      n += in_word ? 0 : 1;
    } else if (c != ' ') {
      ++n;
    }
    in_word = word;
  }
  return n;
}

}  // namespace

void BoilerplatePatterns::add(Kind kind, std::string lowercase_pattern) {
  switch (kind) {
    case Kind::Suffix:
      if (lowercase_pattern.empty()) return;
      tail_bytes_ = std::max(tail_bytes_, lowercase_pattern.size());
      suffix_ends_[static_cast<unsigned char>(lowercase_pattern.back())] = true;
      suffixes_.push_back(std::move(lowercase_pattern));
      return;
    case Kind::Credit:
      credit_tokens_ = std::max(credit_tokens_, count_tokens(lowercase_pattern));
      credits_.insert(std::move(lowercase_pattern));
      return;
    case Kind::Bio:
      bio_nouns_.insert(std::move(lowercase_pattern));
      return;
    default:
      break;
  }
  const auto index = static_cast<std::uint32_t>(patterns_.size());
  const std::string& p = patterns_.emplace_back(kind, std::move(lowercase_pattern)).second;
  if (kind != Kind::Contains && !p.empty()) {
    by_first_byte_[static_cast<unsigned char>(p[0])].push_back(index);
    head_bytes_ = std::max(head_bytes_, p.size());
  } else if (kind == Kind::Contains && p.size() >= 2) {
    contains_.push_back(index);
    // Rebuild the shift table over the shortest length (at most 255), for
    // blocks of three bytes (hashed; a collision only shortens a shift).
    min_contains_ = 255;
    for (const auto k : contains_) min_contains_ = std::min(min_contains_, patterns_[k].second.size());
    const std::size_t m = min_contains_;
    const auto none = static_cast<std::uint8_t>(m >= 3 ? m - 2 : 1);
    shift_.assign(kShiftTable, none);
    // Text that is not lower-cased is looked up with ASCII folded; a block
    // with a non-ASCII byte may lower to any other such block, so it shifts
    // by the least shift of those in the patterns.
    non_ascii_shift_ = none;
    for (const auto k : contains_) {
      const std::string& q = patterns_[k].second;
      for (std::size_t j = 2; j < m; ++j) {
        const auto b0 = static_cast<unsigned char>(q[j - 2]), b1 = static_cast<unsigned char>(q[j - 1]),
                   b2 = static_cast<unsigned char>(q[j]);
        const auto sh = static_cast<std::uint8_t>(m - 1 - j);
        auto& slot = shift_[block_hash(b0, b1, b2)];
        slot = std::min(slot, sh);
        if ((b0 | b1 | b2) & 0x80) non_ascii_shift_ = std::min(non_ascii_shift_, sh);
      }
    }
  } else {
    always_.push_back(index);
  }
}

namespace {

bool matches_one(BoilerplatePatterns::Kind kind, std::string_view lower, std::string_view p) {
  switch (kind) {
    case BoilerplatePatterns::Kind::Prefix:
      return has_prefix(lower, p);
    case BoilerplatePatterns::Kind::Exact:
      return lower == p;
    case BoilerplatePatterns::Kind::Contains:
      return lower.find(p) != std::string_view::npos;
    default:
      return false;
  }
}

}  // namespace

bool BoilerplatePatterns::matches(std::string_view lower) const { return matches(lower, lower); }

bool BoilerplatePatterns::matches_suffix(std::string_view tail) const {
  for (const auto& p : suffixes_)
    if (tail.size() >= p.size() && tail.substr(tail.size() - p.size()) == p) return true;
  return false;
}

bool BoilerplatePatterns::matches(std::string_view head, std::string_view paragraph) const {
  if (!always_.empty()) {
    const std::string lower = utf8::to_lower(paragraph);
    for (const auto i : always_)
      if (matches_one(patterns_[i].first, lower, patterns_[i].second)) return true;
  }
  if (paragraph.empty()) return false;
  // to_lower keeps the length of valid UTF-8, so the head decides prefix and
  // exact patterns.
  for (const auto i : by_first_byte_[static_cast<unsigned char>(head[0])]) {
    const std::string& p = patterns_[i].second;
    if (patterns_[i].first == Kind::Exact ? paragraph.size() == p.size() && head.substr(0, p.size()) == p
                                          : has_prefix(head, p))
      return true;
  }
  return !contains_.empty() && contains_any(paragraph);
}

namespace {

// True when `pattern` (lower-cased) is what utf8::to_lower gives for the
// bytes of `text` at `start`.
bool lower_equals_at(std::string_view text, std::size_t start, const std::string& pattern) {
  if (text.size() - start < pattern.size()) return false;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + start;
  std::size_t k = 0;
  for (; k < pattern.size(); ++k) {
    if (s[k] >= 0x80) break;
    if (kFold[s[k]] != static_cast<unsigned char>(pattern[k])) return false;
  }
  if (k == pattern.size()) return true;
  // Non-ASCII: lower the code points around the window and compare.
  std::size_t from = start;
  while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
  std::size_t to = start + pattern.size();
  while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
  const std::string lower = utf8::to_lower(text.substr(from, to - from));
  return lower.size() == to - from && std::string_view(lower).substr(start - from, pattern.size()) == pattern;
}

}  // namespace

bool BoilerplatePatterns::contains_any(std::string_view text) const {
  // A window of the shortest pattern's length slides by the shift of its
  // last three bytes (ASCII folded to lower case); where that is 0, some
  // pattern may start at the window.
  const std::size_t m = min_contains_, n = text.size();
  if (m < 3) {
    const std::string lower = utf8::to_lower(text);
    for (const auto k : contains_)
      if (lower.find(patterns_[k].second) != std::string::npos) return true;
    return false;
  }
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t pos = m - 1; pos < n;) {
    const unsigned char b0 = s[pos - 2], b1 = s[pos - 1], b2 = s[pos];
    const std::uint8_t shift =
        (b0 | b1 | b2) & 0x80 ? non_ascii_shift_ : shift_[block_hash(kFold[b0], kFold[b1], kFold[b2])];
    if (shift) {
      pos += shift;
      continue;
    }
    const std::size_t start = pos + 1 - m;
    for (const auto k : contains_)
      if (lower_equals_at(text, start, patterns_[k].second)) return true;
    ++pos;
  }
  return false;
}

BoilerplatePatterns BoilerplatePatterns::load(const std::string& path) {
  BoilerplatePatterns patterns;
  tsv::read_file(path, {"kind", "pattern"}, [&](const tsv::Row& row) {
    const auto kind = row.get("kind");
    Kind k;
    if (kind == "prefix")
      k = Kind::Prefix;
    else if (kind == "exact")
      k = Kind::Exact;
    else if (kind == "contains")
      k = Kind::Contains;
    else if (kind == "suffix")
      k = Kind::Suffix;
    else if (kind == "credit")
      k = Kind::Credit;
    else if (kind == "bio")
      k = Kind::Bio;
    else
      row.fail("unknown boilerplate kind \"" + std::string(kind) +
               "\" (prefix, exact, contains, suffix, credit or bio)");
    // Patterns keep their inner spaces ("(c) "); only the line end is trimmed.
    std::string_view p = row.get("pattern");
    if (p.empty()) row.fail("empty pattern");
    patterns.add(k, utf8::to_lower(p));
  });
  return patterns;
}

namespace {

// Cheap tests before the shape rules that look words up: a credit needs a
// slash (or "via", or a comma in a photo note) among the last tokens, a
// credit at the start a slash among the first ones.
bool may_end_in_credit(const ParagraphView& v) {
  // A photo note with a comma ends in a closing bracket: "(Photo: Jane Roe, AP)".
  const std::string_view end = v.text(v.r.last - 1);
  const bool bracketed = end == ")" || end == "]";
  bool comma = false, note = false;
  for (std::size_t i = v.r.last; i > v.r.first && i + 14 > v.r.last; --i) {
    const Token& t = v.doc.tokens[i - 1];
    if (t.kind == TokenKind::Word) {
      if (t.end() - t.start == 3 && v.text(i - 1) == "via") return true;
      continue;
    }
    const std::string_view p = v.text(i - 1);
    if (p == "/") return true;
    comma |= p == ",";
    note |= p == "(" || p == "[" || p == ":";
  }
  return bracketed && comma && note;
}

bool may_start_with_credit(const ParagraphView& v) {
  for (std::size_t i = v.r.first; i < v.r.last && i < v.r.first + 8; ++i)
    if (v.text(i) == "/") return true;
  return false;
}

bool has_is_early(const ParagraphView& v) {
  for (std::size_t i = v.r.first; i < v.r.last && i < v.r.first + 25; ++i)
    if (v.text(i) == "is") return true;
  return false;
}

}  // namespace

void flag_boilerplate(Document& doc, const BoilerplatePatterns& patterns, const ActorTable* outlets) {
  std::string_view title;
  std::size_t body_count = 0;
  for (const auto& p : doc.paragraphs) {
    if (p.title) title = std::string_view(doc.text).substr(p.start, p.end() - p.start);
    body_count += p.title ? 0 : 1;
  }
  std::size_t tok = 0, body_index = 0;
  std::string lower, tail;
  for (auto& para : doc.paragraphs) {
    // Tokens are in text order: find the paragraph's by binary search.
    const auto from = doc.tokens.begin() + static_cast<std::ptrdiff_t>(tok);
    const auto first =
        std::partition_point(from, doc.tokens.end(), [&](const Token& t) { return t.start < para.start; });
    const auto last =
        std::partition_point(first, doc.tokens.end(), [&](const Token& t) { return t.end() <= para.end(); });
    TokenRange range{static_cast<std::size_t>(first - doc.tokens.begin()),
                     static_cast<std::size_t>(last - doc.tokens.begin())};
    tok = range.last;
    if (para.title) continue;
    ++body_index;
    const std::string_view text = std::string_view(doc.text).substr(para.start, para.end() - para.start);
    if (text.size() > 600 || range.first == range.last) continue;  // furniture is short
    // Lower-case only the head (at least 40 bytes: the gallery notice) and the tail.
    std::size_t head = std::min(text.size(), std::max<std::size_t>(patterns.head_bytes(), 40));
    while (head < text.size() && (static_cast<unsigned char>(text[head]) & 0xC0) == 0x80) ++head;
    utf8::to_lower(text.substr(0, head), lower);
    bool suffix = false;
    if (patterns.may_end_suffix(static_cast<unsigned char>(text.back()))) {
      std::size_t tail_start = text.size() - std::min(text.size(), patterns.tail_bytes());
      while (tail_start > 0 && (static_cast<unsigned char>(text[tail_start]) & 0xC0) == 0x80) --tail_start;
      utf8::to_lower(text.substr(tail_start), tail);
      suffix = patterns.matches_suffix(tail);
    }
    const ParagraphView view{doc, range, patterns, outlets};
    // Bios open opinion pieces or close them; signatures close articles.
    const bool at_end = body_index + 2 > body_count;
    const bool first_or_last = body_index == 1 || at_end;
    para.boilerplate = patterns.matches(lower, text) || suffix || (text.size() < 40 && is_gallery_notice(lower)) ||
                       (!title.empty() && text == title) ||  // the title repeated as a line
                       is_byline_shape(doc, range, body_index, view) || is_markup(text) ||
                       (may_end_in_credit(view) && credit_at_end(view)) ||
                       (may_start_with_credit(view) && credit_at_start(view)) ||
                       (first_or_last && has_is_early(view) && is_author_bio(view)) || (at_end && is_signature(view));
  }
}

}  // namespace standpoints

#include "standpoints/boilerplate.hpp"

#include <algorithm>
#include <cstring>

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

// A byline or an outlet name alone on a line: "Oren Dorell", "USA TODAY",
// "By Jane Doe, Associated Press". Only a handful of capitalised words with no
// sentence punctuation: content paragraphs are sentences.
bool is_byline_shape(const Document& doc, TokenRange r, std::size_t body_index) {
  const std::size_t n = r.last - r.first;
  if (n == 0 || n > 12) return false;
  // "By Jane Doe, Associated Press": a credit line anywhere in the article.
  const Token& head = doc.tokens[r.first];
  const bool by = n >= 3 && head.kind == TokenKind::Word &&
                  std::string_view(doc.text.data() + head.start, head.end - head.start) == "By";
  if (!by && n > 8) return false;
  std::size_t words = 0, caps = 0, allcaps = 0;
  for (std::size_t i = r.first; i < r.last; ++i) {
    const Token& t = doc.tokens[i];
    const std::string_view s(doc.text.data() + t.start, t.end - t.start);
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
  if (allcaps == words) return true;  // "USA TODAY", "WASHINGTON POST"
  // Capitalised names only near the top of the article ("Oren Dorell").
  return body_index <= 3 && words >= 2 && words <= 4 && caps + allcaps == words;
}

}  // namespace

void BoilerplatePatterns::add(Kind kind, std::string lowercase_pattern) {
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
  }
  return false;
}

}  // namespace

bool BoilerplatePatterns::matches(std::string_view lower) const { return matches(lower, lower); }

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
    else
      row.fail("unknown boilerplate kind \"" + std::string(kind) + "\" (prefix, exact or contains)");
    // Patterns keep their inner spaces ("(c) "); only the line end is trimmed.
    std::string_view p = row.get("pattern");
    if (p.empty()) row.fail("empty pattern");
    patterns.add(k, utf8::to_lower(p));
  });
  return patterns;
}

void flag_boilerplate(Document& doc, const BoilerplatePatterns& patterns) {
  std::string_view title;
  for (const auto& p : doc.paragraphs)
    if (p.title) title = std::string_view(doc.text).substr(p.start, p.end - p.start);
  std::size_t tok = 0, body_index = 0;
  std::string lower;
  for (auto& para : doc.paragraphs) {
    // Tokens are in text order: find the paragraph's by binary search.
    const auto from = doc.tokens.begin() + static_cast<std::ptrdiff_t>(tok);
    const auto first =
        std::partition_point(from, doc.tokens.end(), [&](const Token& t) { return t.start < para.start; });
    const auto last = std::partition_point(first, doc.tokens.end(), [&](const Token& t) { return t.end <= para.end; });
    TokenRange range{static_cast<std::size_t>(first - doc.tokens.begin()),
                     static_cast<std::size_t>(last - doc.tokens.begin())};
    tok = range.last;
    if (para.title) continue;
    ++body_index;
    const std::string_view text = std::string_view(doc.text).substr(para.start, para.end - para.start);
    if (text.size() > 600) continue;  // furniture is short; skip the work on long paragraphs
    // Lower-case only the head (at least 40 bytes: the gallery notice).
    std::size_t head = std::min(text.size(), std::max<std::size_t>(patterns.head_bytes(), 40));
    while (head < text.size() && (static_cast<unsigned char>(text[head]) & 0xC0) == 0x80) ++head;
    utf8::to_lower(text.substr(0, head), lower);
    para.boilerplate = patterns.matches(lower, text) || (text.size() < 40 && is_gallery_notice(lower)) ||
                       (!title.empty() && text == title) ||  // the title repeated as a line
                       is_byline_shape(doc, range, body_index);
  }
}

}  // namespace standpoints

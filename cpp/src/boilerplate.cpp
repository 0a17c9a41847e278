#include "standpoints/boilerplate.hpp"

#include <algorithm>
#include <cstring>

#include "standpoints/tsv.hpp"
#include "standpoints/utf8.hpp"

namespace standpoints {

namespace {

bool has_prefix(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

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
      if (t.shape == Shape::Capitalized) ++caps;
      else if (t.shape == Shape::AllCaps) ++allcaps;
      else if (!(s == "and" || s == "of" || s == "de" || s == "van" || s == "von" || s == "al")) return false;
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
  } else if (kind == Kind::Contains && p.size() >= 2) {
    contains_.push_back(index);
    // Rebuild the shift table over the shortest length (at most 255).
    min_contains_ = 255;
    for (const auto k : contains_) min_contains_ = std::min(min_contains_, patterns_[k].second.size());
    const std::size_t m = min_contains_;
    shift_.assign(65536, static_cast<std::uint8_t>(m - 1));
    for (const auto k : contains_) {
      const std::string& q = patterns_[k].second;
      for (std::size_t j = 1; j < m; ++j) {
        const unsigned pair = static_cast<unsigned char>(q[j - 1]) << 8 | static_cast<unsigned char>(q[j]);
        shift_[pair] = std::min(shift_[pair], static_cast<std::uint8_t>(m - 1 - j));
      }
    }
  } else {
    always_.push_back(index);
  }
}

namespace {

bool matches_one(BoilerplatePatterns::Kind kind, std::string_view lower, std::string_view p) {
  switch (kind) {
    case BoilerplatePatterns::Kind::Prefix: return has_prefix(lower, p);
    case BoilerplatePatterns::Kind::Exact: return lower == p;
    case BoilerplatePatterns::Kind::Contains: return lower.find(p) != std::string_view::npos;
  }
  return false;
}

}  // namespace

bool BoilerplatePatterns::matches(std::string_view lower) const {
  for (const auto i : always_)
    if (matches_one(patterns_[i].first, lower, patterns_[i].second)) return true;
  if (lower.empty()) return false;
  for (const auto i : by_first_byte_[static_cast<unsigned char>(lower[0])])
    if (matches_one(patterns_[i].first, lower, patterns_[i].second)) return true;
  if (contains_.empty()) return false;
  // Contains patterns: a window of the shortest pattern's length slides by
  // the shift of its last two bytes; where that is 0, some pattern may start
  // at the window.
  const std::size_t m = min_contains_, n = lower.size();
  const auto* s = reinterpret_cast<const unsigned char*>(lower.data());
  for (std::size_t pos = m - 1; pos < n;) {
    const std::uint8_t shift = shift_[static_cast<unsigned>(s[pos - 1]) << 8 | s[pos]];
    if (shift) {
      pos += shift;
      continue;
    }
    const std::size_t start = pos + 1 - m;
    for (const auto k : contains_) {
      const std::string& p = patterns_[k].second;
      if (n - start >= p.size() && static_cast<unsigned char>(p[0]) == s[start] &&
          std::memcmp(s + start, p.data(), p.size()) == 0)
        return true;
    }
    ++pos;
  }
  return false;
}

BoilerplatePatterns BoilerplatePatterns::load(const std::string& path) {
  BoilerplatePatterns patterns;
  tsv::read_file(path, {"kind", "pattern"}, [&](const tsv::Row& row) {
    const auto kind = row.get("kind");
    Kind k;
    if (kind == "prefix") k = Kind::Prefix;
    else if (kind == "exact") k = Kind::Exact;
    else if (kind == "contains") k = Kind::Contains;
    else row.fail("unknown boilerplate kind \"" + std::string(kind) + "\" (prefix, exact or contains)");
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
    TokenRange range{tok, tok};
    while (range.first < doc.tokens.size() && doc.tokens[range.first].start < para.start) ++range.first;
    range.last = range.first;
    while (range.last < doc.tokens.size() && doc.tokens[range.last].end <= para.end) ++range.last;
    tok = range.last;
    if (para.title) continue;
    ++body_index;
    const std::string_view text = std::string_view(doc.text).substr(para.start, para.end - para.start);
    if (text.size() > 600) continue;  // furniture is short; skip the work on long paragraphs
    utf8::to_lower(text, lower);
    para.boilerplate = patterns.matches(lower) || is_gallery_notice(lower) ||
                       (!title.empty() && text == title) ||  // the title repeated as a line
                       is_byline_shape(doc, range, body_index);
  }
}

}  // namespace standpoints

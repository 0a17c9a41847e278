#include "features.hpp"

#include <algorithm>

namespace standpoints::syntax {

namespace {

std::uint64_t hash_bytes(std::uint64_t h, unsigned char c) noexcept { return (h ^ c) * 0x100000001B3ULL; }

std::uint32_t length_class(std::size_t n) noexcept { return n <= 1 ? 0 : n <= 3 ? 1 : n <= 6 ? 2 : 3; }

// Per byte: its spelling in `form` (digits folded to 0), in `lower` and the
// suffix (ASCII lower case as well), and the flags of the shape: one table
// look-up each instead of comparisons.
struct ByteMaps {
  unsigned char form[256];
  unsigned char lower[256];
  std::uint8_t flags[256];  // kHyphen, kDigit, kPeriod: bits 5-7 of WordInfo::shape, shifted; kCapital
};
constexpr std::uint8_t kHyphen = 1, kDigit = 2, kPeriod = 4, kShapeFlags = 7, kCapital = 8;
constexpr ByteMaps make_byte_maps() {
  ByteMaps m{};
  for (unsigned c = 0; c < 256; ++c) {
    const bool digit = c >= '0' && c <= '9';
    m.form[c] = static_cast<unsigned char>(digit ? '0' : c);
    m.lower[c] = static_cast<unsigned char>(digit ? '0' : c >= 'A' && c <= 'Z' ? c + 32 : c);
    m.flags[c] = static_cast<std::uint8_t>((c == '-' ? kHyphen : 0) | (digit ? kDigit : 0) | (c == '.' ? kPeriod : 0) |
                                           (c >= 'A' && c <= 'Z' ? kCapital : 0));
  }
  return m;
}
constexpr ByteMaps kByteMaps = make_byte_maps();

}  // namespace

void word_infos(std::string_view text, const Token* tokens, std::size_t n, WordInfo* out) {
  for (std::size_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    const std::string_view s = text.substr(t.start, t.end() - t.start);
    constexpr std::uint64_t kSeed = 0xCBF29CE484222325ULL;
    std::uint64_t lower = kSeed;
    std::uint32_t flags = 0;
    for (const char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      flags |= kByteMaps.flags[c];
      lower = hash_bytes(lower, kByteMaps.lower[c]);
    }
    WordInfo& w = out[i];
    w.lower = mix(lower);
    // The exact spelling differs from the lower-case one only in ASCII
    // capitals: hashed apart only for a word that has one.
    if (flags & kCapital) {
      std::uint64_t form = kSeed;
      for (const char ch : s) form = hash_bytes(form, kByteMaps.form[static_cast<unsigned char>(ch)]);
      w.form = mix(form);
    } else {
      w.form = w.lower;
    }
    std::uint64_t suffix = 0x5355ULL;
    for (std::size_t k = s.size() > 3 ? s.size() - 3 : 0; k < s.size(); ++k)
      suffix = hash_bytes(suffix, kByteMaps.lower[static_cast<unsigned char>(s[k])]);
    auto c0 = s.empty() ? 0u : static_cast<unsigned char>(s[0]);
    if (c0 >= 'A' && c0 <= 'Z') c0 += 32;
    const bool space_after = i + 1 >= n || tokens[i + 1].space_before;
    w.suffix = mix(suffix);
    w.prefix = c0;
    w.shape = static_cast<std::uint32_t>(t.kind) | static_cast<std::uint32_t>(t.shape) << 2 |
              (flags & kShapeFlags) << 5 | static_cast<std::uint32_t>(t.space_before) << 8 |
              static_cast<std::uint32_t>(space_after) << 9 | length_class(s.size()) << 10;
  }
}

// --- Parse state

void ParseState::reset(std::int32_t words, const WordInfo* w, const PosTag* t) {
  n = words;
  b0 = 0;
  stack.clear();
  const auto size = static_cast<std::size_t>(words) + 1;
  // Index -1 first (+ 1 below), then the words and the root.
  heads_.assign(size + 1, -1);
  labels_.assign(size + 1, 0);
  labels_.front() = labels_.back() = kNoLabel;
  left1_.assign(size + 1, -1);
  right1_.assign(size + 1, -1);
  n_left_.assign(size + 1, 1);
  n_left_.front() = 0;
  left_labels_.assign(size + 1, 0);
  left_labels_.front() = ~std::uint64_t{0};
  heads = heads_.data() + 1;
  labels = labels_.data() + 1;
  left1 = left1_.data() + 1;
  right1 = right1_.data() + 1;
  n_left = n_left_.data() + 1;
  left_labels = left_labels_.data() + 1;
  word_codes.resize(size + 1);
  tag_codes.resize(size + 1);
  word_codes[0] = detail::kNoWord;
  tag_codes[0] = 0;
  for (std::size_t i = 0; i + 1 < size; ++i) {
    word_codes[i + 1] = w[i].lower;
    tag_codes[i + 1] = static_cast<std::uint64_t>(t[i]) + 1;
  }
  word_codes[size] = detail::kRootWord;
  tag_codes[size] = detail::kRootTag;
}

bool ParseState::valid(Move m) const noexcept {
  switch (m) {
    case Shift:
      return b0 < n;
    case Reduce:
      return !stack.empty() && heads[stack.back()] >= 0;
    case Left:
      return !stack.empty() && heads[stack.back()] < 0 && b0 < n;
    case Right:
      return !stack.empty() && b0 < n;
    default:
      return false;
  }
}

int move_cost(const ParseState& st, Move m, const std::int32_t* gold) noexcept {
  const std::int32_t s0 = st.s0(), b0 = st.b0, n = st.n;
  int cost = 0;
  switch (m) {
    case Shift:
      for (const std::int32_t k : st.stack) {
        if (st.heads[k] < 0 && gold[k] == b0) ++cost;
        if (gold[b0] == k) ++cost;
      }
      break;
    case Reduce:
      for (std::int32_t k = b0; k < n; ++k) cost += gold[k] == s0;
      break;
    case Left:
      if (gold[s0] != b0 && gold[s0] > b0) ++cost;
      for (std::int32_t k = b0; k < n; ++k) cost += gold[k] == s0;
      break;
    case Right: {
      const std::int32_t g = gold[b0];
      bool reachable = g > b0;
      if (!reachable && g != s0)
        for (const std::int32_t k : st.stack) reachable |= k == g;
      if (g != s0 && reachable) ++cost;
      for (const std::int32_t k : st.stack) cost += st.heads[k] < 0 && gold[k] == b0;
      break;
    }
    default:
      break;
  }
  return cost;
}

}  // namespace standpoints::syntax

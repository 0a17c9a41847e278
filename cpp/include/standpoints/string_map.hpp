// Hash maps and sets keyed by std::string that can be searched with a
// std::string_view without building a temporary string (heterogeneous
// lookup): the matchers look up token text straight from the document.
// Boost's open-addressing tables load the knowledge base about twice as fast
// as std::unordered_map and look up with fewer cache misses.
#pragma once

#include <array>
#include <boost/unordered/unordered_flat_map.hpp>
#include <boost/unordered/unordered_flat_set.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace standpoints {

// A word hash read eight bytes at a time, inline: the keys are short words
// and phrases, where a call into the library's general string hash (or a
// byte-at-a-time FNV-1a) costs more than the hashing itself. The Boost
// tables mix the result further (it does not declare itself avalanching).
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    constexpr std::uint64_t k = 0x9E3779B97F4A7C15ull;
    const char* p = s.data();
    std::size_t n = s.size();
    std::uint64_t h = k ^ n;
    while (n >= 8) {
      std::uint64_t w;
      __builtin_memcpy(&w, p, 8);
      h = (h ^ w) * k;
      h ^= h >> 32;
      p += 8;
      n -= 8;
    }
    // The last 1-7 bytes: two overlapping 4-byte reads, or three single bytes.
    std::uint64_t w = 0;
    if (n >= 4) {
      std::uint32_t lo, hi;
      __builtin_memcpy(&lo, p, 4);
      __builtin_memcpy(&hi, p + n - 4, 4);
      w = (static_cast<std::uint64_t>(hi) << 32) | lo;
    } else if (n > 0) {
      w = static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) << 16 |
          static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 | static_cast<unsigned char>(p[n - 1]);
    }
    h = (h ^ w) * k;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
};

template <class V>
using StringMap = boost::unordered_flat_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = boost::unordered_flat_set<std::string, StringHash, std::equal_to<>>;

// A 1024-bit filter (one hash of the first and last byte and the length)
// in front of a small word table: most words of a text are in no cue list,
// and the filter says so without hashing the whole word. `fold` makes it
// ASCII case-blind, for tables of lower-cased words.
template <bool fold>
class WordFilter {
 public:
  void add(std::string_view w) noexcept {
    const std::size_t b = bit(w);
    bits_[b >> 6] |= std::uint64_t{1} << (b & 63);
  }
  bool may_contain(std::string_view w) const noexcept {
    const std::size_t b = bit(w);
    return (bits_[b >> 6] >> (b & 63)) & 1;
  }

 private:
  static unsigned byte(char c) noexcept {
    const auto u = static_cast<unsigned char>(c);
    return fold && u >= 'A' && u <= 'Z' ? u + 32 : u;
  }
  static std::size_t bit(std::string_view w) noexcept {
    if (w.empty()) return 0;
    return (byte(w.front()) * 31u + byte(w.back()) * 7u + w.size() * 131u) & 1023u;
  }
  std::array<std::uint64_t, 16> bits_{};
};

}  // namespace standpoints

// Hash maps and sets keyed by std::string that can be searched with a
// std::string_view without building a temporary string (heterogeneous
// lookup): the matchers look up token text straight from the document.
// Boost's open-addressing tables load the knowledge base about twice as fast
// as std::unordered_map and look up with fewer cache misses.
#pragma once

#include <array>
#include <bit>
#include <boost/unordered/unordered_flat_map.hpp>
#include <boost/unordered/unordered_flat_set.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace standpoints {

// The word hash of every table in the library: the text read eight bytes at
// a time, inline (the keys are short words and phrases, where a call into the
// library's general string hash, or a byte-at-a-time FNV-1a, costs more than
// the hashing itself). The last 0 to 7 bytes count as one little-endian word
// with zero bytes above them, so that a caller whose text has eight readable
// bytes after each word (a padded buffer) gets the same value from one load
// and a mask: of_padded(). The Boost tables mix the result further (it does
// not declare itself avalanching); the top bits are well mixed for filters.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    std::uint64_t h;
    const char* p = s.data();
    const std::size_t n = full_words(h, p, s.size());
    return finish(h, tail(p, n));
  }
  // The same value for a word with eight readable bytes after its start
  // (bytes past its end are ignored): the tail is one load and a mask.
  static std::size_t of_padded(const char* p, std::size_t size) noexcept {
    std::uint64_t h;
    const std::size_t n = full_words(h, p, size);
    std::uint64_t w;
    __builtin_memcpy(&w, p, 8);
    return finish(h, w & kTailMask[n]);
  }

 private:
  static constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  static constexpr std::uint64_t kTailMask[8] = {0,          0xFF,         0xFFFF,         0xFFFFFF,
                                                 0xFFFFFFFF, 0xFFFFFFFFFF, 0xFFFFFFFFFFFF, 0xFFFFFFFFFFFFFF};
  // Hashes the whole eight-byte words; returns the number of bytes left (0-7).
  static std::size_t full_words(std::uint64_t& h, const char*& p, std::size_t n) noexcept {
    h = kMul ^ n;
    while (n >= 8) {
      std::uint64_t w;
      __builtin_memcpy(&w, p, 8);
      h = (h ^ w) * kMul;
      h ^= h >> 32;
      p += 8;
      n -= 8;
    }
    return n;
  }
  // The last 1-7 bytes as a little-endian integer: two overlapping 4-byte
  // reads, or three single bytes.
  static std::uint64_t tail(const char* p, std::size_t n) noexcept {
    if (n >= 4) {
      std::uint32_t lo, hi;
      __builtin_memcpy(&lo, p, 4);
      __builtin_memcpy(&hi, p + n - 4, 4);
      return lo | ((std::uint64_t{hi} >> (8 * (8 - n))) << 32);
    }
    if (n == 0) return 0;
    const auto byte = [&](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i); };
    return byte(0) | byte(n / 2) | byte(n - 1);
  }
  static std::size_t finish(std::uint64_t h, std::uint64_t w) noexcept {
    h = (h ^ w) * kMul;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
};

// The key equality of every table: the keys are short words and phrases, so
// up to 16 bytes are compared by two overlapping loads from each side
// (std::equal_to<> makes a call to the comparison and from it one to memcmp,
// about 35 instructions a probe; the finder and resolver probe ~300,000 times
// per 1,000 news articles).
struct StringEqual {
  using is_transparent = void;
  [[gnu::always_inline]] bool operator()(std::string_view a, std::string_view b) const noexcept {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    const char *p = a.data(), *q = b.data();
    if (n >= 8) {
      if (n > 16) return __builtin_memcmp(p, q, n) == 0;
      return load<std::uint64_t>(p) == load<std::uint64_t>(q) &&
             load<std::uint64_t>(p + n - 8) == load<std::uint64_t>(q + n - 8);
    }
    if (n >= 4)
      return load<std::uint32_t>(p) == load<std::uint32_t>(q) &&
             load<std::uint32_t>(p + n - 4) == load<std::uint32_t>(q + n - 4);
    return n == 0 || (p[0] == q[0] && p[n / 2] == q[n / 2] && p[n - 1] == q[n - 1]);
  }

 private:
  template <class W>
  static W load(const char* p) noexcept {
    W w;
    __builtin_memcpy(&w, p, sizeof w);
    return w;
  }
};

template <class V>
using StringMap = boost::unordered_flat_map<std::string, V, StringHash, StringEqual>;
using StringSet = boost::unordered_flat_set<std::string, StringHash, StringEqual>;

// A 1024-bit filter (one hash of the first and last byte and the length)
// in front of a small word table: most words of a text are in no cue list,
// and the filter says so without hashing the whole word. `fold` makes it
// ASCII case-blind, for tables of lower-cased words.
template <bool fold, std::size_t kBits = 1024>
class WordFilter {
  static_assert(kBits >= 64 && (kBits & (kBits - 1)) == 0, "a power of two of 64 bits or more");

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
    // First byte, last byte and length in one integer, spread by a multiply
    // (the top bits of the product mix all three).
    const std::uint32_t key = byte(w.front()) | byte(w.back()) << 8 | static_cast<std::uint32_t>(w.size()) << 16;
    return (key * 0x9E3779B1u) >> (32 - std::countr_zero(kBits));
  }
  std::array<std::uint64_t, kBits / 64> bits_{};
};

}  // namespace standpoints

#include "standpoints/utf8.hpp"

#include "unicode_data.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace standpoints::utf8 {

namespace {

// Length of the valid sequence starting at `i`, or 0 when it is invalid.
std::size_t valid_sequence_length(std::string_view s, std::size_t i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  const std::size_t n = s.size();
  auto cont = [&](std::size_t k) { return k < n && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b0 == 0xE0 && b1 < 0xA0) return 0;  // overlong
    if (b0 == 0xED && b1 > 0x9F) return 0;  // surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b0 == 0xF0 && b1 < 0x90) return 0;  // overlong
    if (b0 == 0xF4 && b1 > 0x8F) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

// Length of the maximal invalid subpart at `i` (what Python replaces with
// one U+FFFD): the lead byte plus the continuation bytes that could still
// have been part of a valid sequence.
std::size_t invalid_subpart_length(std::string_view s, std::size_t i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF)
    need = 1;
  else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 1;
  }
  std::size_t len = 1;
  for (std::size_t k = 0; k < need && i + len < s.size(); ++k) {
    const auto b = static_cast<unsigned char>(s[i + len]);
    if (k == 0 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) break;
    ++len;
  }
  return len;
}

}  // namespace

char32_t detail::decode_multibyte(std::string_view s, std::size_t& pos) noexcept {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  const std::size_t len = valid_sequence_length(s, pos);
  if (len == 0) {
    ++pos;
    return 0xFFFD;
  }
  char32_t cp = b0 & (0xFF >> (len + 1));
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[pos + k]) & 0x3F);
  pos += len;
  return cp;
}

std::size_t encode(char32_t cp, char* out) noexcept {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

void encode(char32_t cp, std::string& out) {
  char buf[4];
  out.append(buf, encode(cp, buf));
}

std::optional<std::size_t> first_invalid(std::string_view s) noexcept {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    // Fast path over ASCII, 32 then eight bytes at a time.
    while (i + 32 <= n) {
      std::uint64_t w[4];
      __builtin_memcpy(w, s.data() + i, 32);
      if ((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ULL) break;
      i += 32;
    }
    while (i + 8 <= n) {
      std::uint64_t w;
      __builtin_memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = valid_sequence_length(s, i);
    if (len == 0) return i;
    i += len;
  }
  return std::nullopt;
}

std::string replace_invalid(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t len = valid_sequence_length(s, i);
    if (len) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      encode(0xFFFD, out);
      i += invalid_subpart_length(s, i);
    }
  }
  return out;
}

std::string escape_invalid(std::string_view s) {
  if (!first_invalid(s)) return std::string(s);
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() + 16);
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t len = valid_sequence_length(s, i)) {
      out.append(s.substr(i, len));
      i += len;
      continue;
    }
    const auto b = static_cast<unsigned char>(s[i++]);
    out.append("\\x");
    out.push_back(hex[b >> 4]);
    out.push_back(hex[b & 15]);
  }
  return out;
}

bool detail::is_space_non_ascii(char32_t c) noexcept {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

std::string_view strip(std::string_view s) noexcept {
  // Leading: decode forward.
  std::size_t b = 0;
  while (b < s.size()) {
    std::size_t p = b;
    if (!is_space(decode(s, p))) break;
    b = p;
  }
  // Trailing: step back over continuation bytes to each code point start.
  std::size_t e = s.size();
  while (e > b) {
    std::size_t start = e - 1;
    while (start > b && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    std::size_t p = start;
    if (!is_space(decode(s, p)) || p != e) break;
    e = start;
  }
  return s.substr(b, e - b);
}

// Case classes and mapping: ASCII by arithmetic, everything else from the
// table generated from Python's unicodedata (unicode_data.cpp).
bool is_upper(char32_t c) noexcept {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return detail::unicode_record(c).props & detail::kUnicodeUpper;
}

bool is_lower(char32_t c) noexcept {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return detail::unicode_record(c).props & detail::kUnicodeLower;
}

char32_t to_lower(char32_t c) noexcept {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  return static_cast<char32_t>(static_cast<std::int32_t>(c) + detail::unicode_record(c).lower_delta);
}

std::string to_lower(std::string_view s) {
  std::string out;
  to_lower(s, out);
  return out;
}

void to_lower(std::string_view s, std::string& out) {
  // Written in place into a buffer of the input's size; should a mapping
  // ever change a length, code point by code point.
  out.resize(s.size());
  if (to_lower_same_length(s, out.data())) return;
  out.clear();
  for (std::size_t i = 0; i < s.size();) encode(to_lower(decode(s, i)), out);
}

namespace {

// Four ASCII bytes lower-cased at once: 0x20 added to the bytes in 'A'..'Z'.
std::uint32_t lower_ascii4(std::uint32_t w) noexcept {
  constexpr std::uint32_t ones = 0x01010101u, highs = 0x80808080u;
  const std::uint32_t ge_a = w + ones * (0x80 - 'A');  // high bit set where byte >= 'A'
  const std::uint32_t gt_z = w + ones * (0x7F - 'Z');  // high bit set where byte > 'Z'
  return w | (((ge_a & ~gt_z) & highs) >> 2);
}

}  // namespace

bool to_lower_same_length(std::string_view s, char* o) noexcept {
  const std::size_t n = s.size();
  const char* in = s.data();
  // An ASCII word of four to seven bytes (most of the callers' words: the
  // finder's and resolver's look-ups) in two overlapping pieces of four,
  // not byte by byte.
  if (n >= 4 && n < 8) {
    std::uint32_t lo, hi;
    __builtin_memcpy(&lo, in, 4);
    __builtin_memcpy(&hi, in + n - 4, 4);
    if (!((lo | hi) & 0x80808080u)) {
      lo = lower_ascii4(lo);
      hi = lower_ascii4(hi);
      __builtin_memcpy(o, &lo, 4);
      __builtin_memcpy(o + n - 4, &hi, 4);
      return true;
    }
  }
  bool same = true;
  std::size_t i = 0;
  while (i < n) {
#if defined(__SSE2__)
    // Sixteen ASCII bytes at a time (SSE2 is part of x86-64): set bit 5 of each byte in 'A'..'Z'.
    // A block with non-ASCII bytes is stored lower-cased all the same (bytes
    // >= 0x80 compare below 'A' as signed, so they pass through), and the
    // loop goes on at its first non-ASCII byte, which the code below decodes;
    // the bytes stored after it are written again from there. A text with a
    // curly quotation mark every sentence then stays on this path.
    if (i + 16 <= n) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i));
      const __m128i upper =
          _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(x, _mm_set1_epi8('Z' + 1)));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o + i), _mm_or_si128(x, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
      const int high = _mm_movemask_epi8(x);
      if (high == 0) {
        i += 16;
        continue;
      }
      i += static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(high)));
    }
#endif
    // Eight ASCII bytes at a time: add 0x20 to the bytes in 'A'..'Z'.
    if (i + 8 <= n) {
      std::uint64_t w;
      __builtin_memcpy(&w, in + i, 8);
      constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
      if (!(w & highs)) {
        const std::uint64_t ge_a = w + ones * (0x80 - 'A');  // high bit set where byte >= 'A'
        const std::uint64_t gt_z = w + ones * (0x7F - 'Z');  // high bit set where byte > 'Z'
        w |= ((ge_a & ~gt_z) & highs) >> 2;
        __builtin_memcpy(o + i, &w, 8);
        i += 8;
        continue;
      }
    }
    // The last bytes of a text of eight or more, when ASCII: its last eight
    // bytes in one go (those already written are written again the same).
    if (i + 8 > n && n >= 8) {
      std::uint64_t w;
      __builtin_memcpy(&w, in + n - 8, 8);
      constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
      if (!(w & highs)) {
        const std::uint64_t ge_a = w + ones * (0x80 - 'A');
        const std::uint64_t gt_z = w + ones * (0x7F - 'Z');
        w |= ((ge_a & ~gt_z) & highs) >> 2;
        __builtin_memcpy(o + n - 8, &w, 8);
        break;
      }
    }
    // A short word (most of the callers' words are): ASCII bytes in a tight loop.
    auto b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {
      do {
        o[i] = static_cast<char>(b | (static_cast<unsigned>(b - 'A') < 26u ? 0x20 : 0));
        if (++i == n) break;
        b = static_cast<unsigned char>(in[i]);
      } while (b < 0x80);
      continue;
    }
    // U+2000..U+20FF (quotation marks, dashes, ellipses: a few in every news
    // paragraph) have no case: copied without decoding (tools/gen_unicode.py
    // checks that this stays true of the Unicode version it reads).
    if (b == 0xE2 && i + 2 < n && (static_cast<unsigned char>(in[i + 1]) & 0xFC) == 0x80 &&
        (static_cast<unsigned char>(in[i + 2]) & 0xC0) == 0x80) {
      o[i] = in[i];
      o[i + 1] = in[i + 1];
      o[i + 2] = in[i + 2];
      i += 3;
      continue;
    }
    const std::size_t at = i;
    const char32_t c = decode(s, i);  // advances i past the code point
    if (i == at) ++i;                 // (never stall on a byte decode does not take)
    char enc[4];
    const std::size_t len = encode(to_lower(c), enc);
    if (len == i - at) {
      for (std::size_t k = 0; k < len; ++k) o[at + k] = enc[k];
    } else {
      for (std::size_t k = at; k < i; ++k) o[k] = in[k];  // kept as written
      same = false;
    }
  }
  return same;
}

bool detail::is_word_char_non_ascii(char32_t c) noexcept {
  return detail::unicode_record(c).props & detail::kUnicodeWord;
}

OffsetMap::OffsetMap(std::string_view text) : text_(text) {
  checkpoints_.reserve(text.size() / 64 + 2);
  std::uint32_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((i & 63) == 0) checkpoints_.push_back(count);
    const auto b = static_cast<unsigned char>(text[i]);
    if ((b & 0xC0) != 0x80) ++count;
    if (b >= 0x80) ascii_ = false;
  }
  checkpoints_.push_back(count);
}

std::size_t OffsetMap::to_codepoints(std::size_t byte_offset) const noexcept {
  if (ascii_) return byte_offset;
  if (byte_offset >= text_.size()) return checkpoints_.back();
  const std::size_t block = byte_offset >> 6;
  std::size_t count = checkpoints_[block];
  for (std::size_t i = block << 6; i < byte_offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++count;
  return count;
}

}  // namespace standpoints::utf8

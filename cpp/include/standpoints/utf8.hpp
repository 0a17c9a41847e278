// UTF-8 helpers: validation, decoding, whitespace and case classes, and the
// byte -> code point offset map used once at the boundary to Python.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace standpoints::utf8 {

namespace detail {
char32_t decode_multibyte(std::string_view s, std::size_t& pos) noexcept;
bool is_space_non_ascii(char32_t cp) noexcept;
bool is_word_char_non_ascii(char32_t cp) noexcept;

// ASCII classes: bit 0 space (Python's isspace), bit 1 word character (letter or digit).
inline constexpr unsigned char kAsciiSpace = 1, kAsciiWord = 2;
inline constexpr auto kAsciiClass = [] {
  struct Table {
    unsigned char v[128] = {};
  } t;
  for (int c = 0x09; c <= 0x0D; ++c) t.v[c] = kAsciiSpace;
  for (int c = 0x1C; c <= 0x20; ++c) t.v[c] = kAsciiSpace;
  for (int c = '0'; c <= '9'; ++c) t.v[c] = kAsciiWord;
  for (int c = 'A'; c <= 'Z'; ++c) t.v[c] = kAsciiWord;
  for (int c = 'a'; c <= 'z'; ++c) t.v[c] = kAsciiWord;
  return t;
}();
}  // namespace detail

// Decodes one code point at `pos` (which must be a valid sequence start in
// validated text) and advances `pos`. Returns U+FFFD on malformed input.
inline char32_t decode(std::string_view s, std::size_t& pos) noexcept {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  return detail::decode_multibyte(s, pos);
}

// Appends the UTF-8 encoding of `cp`.
void encode(char32_t cp, std::string& out);
// The same into out[0, 4): returns the number of bytes written.
std::size_t encode(char32_t cp, char* out) noexcept;

// Byte offset of the first invalid sequence, or nullopt when `s` is valid
// UTF-8 (overlongs, surrogates and values above U+10FFFF are invalid).
std::optional<std::size_t> first_invalid(std::string_view s) noexcept;

// Copy of `s` with each invalid sequence replaced by U+FFFD (as Python's
// errors="replace" does: one replacement per maximal invalid subpart).
std::string replace_invalid(std::string_view s);

// Copy of `s` with each byte that is not part of a valid sequence written as
// the four characters "\xNN" (as Python's errors="backslashreplace"): a
// message quoting raw input stays valid UTF-8 whatever the input held.
std::string escape_invalid(std::string_view s);

// Python's str.isspace() for one code point.
inline bool is_space(char32_t cp) noexcept {
  if (cp < 0x80) return detail::kAsciiClass.v[cp] & detail::kAsciiSpace;
  return detail::is_space_non_ascii(cp);
}

// Strips Python-whitespace from both ends (the reader's "stripped line").
std::string_view strip(std::string_view s) noexcept;

// True for code points that belong inside words: letters, marks and numbers
// of every script (general categories L*, M*, N*), private use, and the
// zero-width (non-)joiner; from the complete table that tools/gen_unicode.py
// generates from Python's unicodedata.
inline bool is_word_char(char32_t cp) noexcept {
  if (cp < 0x80) return detail::kAsciiClass.v[cp] & detail::kAsciiWord;
  return detail::is_word_char_non_ascii(cp);
}

bool is_upper(char32_t cp) noexcept;  // capital and title-case letters of every script (Lu, Lt)
bool is_lower(char32_t cp) noexcept;  // lower-case letters (Ll)

// The simple lower-case mapping of every script (from the same table); a code
// point whose lower case is more than one code point (U+0130) is unchanged.
char32_t to_lower(char32_t cp) noexcept;
std::string to_lower(std::string_view s);
// The same into `out` (replacing its content), reusing its buffer.
void to_lower(std::string_view s, std::string& out);
// Lower-cases `s` into out[0, s.size()), byte offsets unchanged: a code point
// whose lower case would change its UTF-8 length (U+023A, the Kelvin sign) is
// kept as written, and the result is then false. ASCII is
// folded 16 (SSE2) or 8 bytes at a time.
bool to_lower_same_length(std::string_view s, char* out) noexcept;

// Maps byte offsets in a UTF-8 text to code point offsets (Python str
// indices). Keeps one checkpoint per 64 bytes, so memory is 1/16 of the text
// and each lookup scans at most 63 bytes.
class OffsetMap {
 public:
  explicit OffsetMap(std::string_view text);
  std::size_t to_codepoints(std::size_t byte_offset) const noexcept;
  bool ascii() const noexcept { return ascii_; }

 private:
  std::string_view text_;
  std::vector<std::uint32_t> checkpoints_;
  bool ascii_ = true;
};

}  // namespace standpoints::utf8

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

// Decodes one code point at `pos` (which must be a valid sequence start in
// validated text) and advances `pos`. Returns U+FFFD on malformed input.
char32_t decode(std::string_view s, std::size_t& pos) noexcept;

// Appends the UTF-8 encoding of `cp`.
void encode(char32_t cp, std::string& out);

// Byte offset of the first invalid sequence, or nullopt when `s` is valid
// UTF-8 (overlongs, surrogates and values above U+10FFFF are invalid).
std::optional<std::size_t> first_invalid(std::string_view s) noexcept;

// Copy of `s` with each invalid sequence replaced by U+FFFD (as Python's
// errors="replace" does: one replacement per maximal invalid subpart).
std::string replace_invalid(std::string_view s);

// Python's str.isspace() for one code point.
bool is_space(char32_t cp) noexcept;

// Strips Python-whitespace from both ends (the reader's "stripped line").
std::string_view strip(std::string_view s) noexcept;

// True for code points that belong inside words (letters, digits, marks,
// and any non-ASCII code point that is not punctuation, space or a symbol we
// know). Deliberately coarse: scripts without case still form words.
bool is_word_char(char32_t cp) noexcept;

bool is_upper(char32_t cp) noexcept;   // Latin/Greek/Cyrillic capitals
bool is_lower(char32_t cp) noexcept;

// Lower-cases ASCII and the Latin-1/Latin Extended-A/Greek/Cyrillic ranges
// with a table; other code points pass through unchanged.
char32_t to_lower(char32_t cp) noexcept;
std::string to_lower(std::string_view s);

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

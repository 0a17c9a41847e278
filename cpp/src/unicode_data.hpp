// Case and letter classes of every code point, from the table that
// tools/gen_unicode.py generates from Python's unicodedata (unicode_data.cpp).
// Private to the core: utf8.hpp is the interface.
#pragma once

#include <cstdint>

namespace standpoints::utf8::detail {

struct UnicodeRecord {
  std::uint8_t props;        // kUnicodeUpper | kUnicodeLower | kUnicodeWord
  std::int32_t lower_delta;  // simple lower-case mapping: cp + lower_delta
};

inline constexpr std::uint8_t kUnicodeUpper = 1, kUnicodeLower = 2, kUnicodeWord = 4;
inline constexpr unsigned kUnicodeBlockBits = 7;  // 128 code points a block

extern const char* const kUnicodeVersion;
extern const UnicodeRecord kUnicodeRecords[];
extern const std::uint16_t kUnicodeStage1[];
extern const std::uint8_t kUnicodeStage2[];

inline const UnicodeRecord& unicode_record(char32_t cp) noexcept {
  if (cp > 0x10FFFF) return kUnicodeRecords[0];
  const unsigned block = kUnicodeStage1[cp >> kUnicodeBlockBits];
  return kUnicodeRecords[kUnicodeStage2[(block << kUnicodeBlockBits) | (cp & ((1u << kUnicodeBlockBits) - 1))]];
}

}  // namespace standpoints::utf8::detail

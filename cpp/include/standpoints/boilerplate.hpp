// Boilerplate: flags publisher furniture paragraphs (SCHEMA.md, ANNOTATION.md)
// by a pattern list (boilerplate.tsv) and a few general shape rules.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "standpoints/document.hpp"
#include "standpoints/string_map.hpp"

namespace standpoints {

class ActorTable;

class BoilerplatePatterns {
 public:
  // Prefix, Exact, Contains and Suffix compare text; Credit and Bio are words
  // the shape rules look for (a photo agency in a credit, a noun of an author
  // bio).
  enum class Kind { Prefix, Exact, Contains, Suffix, Credit, Bio };
  static BoilerplatePatterns load(const std::string& path);  // throws KnowledgeError
  void add(Kind kind, std::string lowercase_pattern);
  // True when the lower-cased paragraph matches one pattern.
  bool matches(std::string_view lowercase_paragraph) const;
  // The same without lower-casing the whole paragraph: `lowercase_head` is
  // utf8::to_lower of the paragraph's first head_bytes() bytes or more (up to
  // a code point boundary, or all of it); contains patterns are matched on
  // `paragraph` itself, folding case as they go. `paragraph` is valid UTF-8.
  bool matches(std::string_view lowercase_head, std::string_view paragraph) const;
  std::size_t head_bytes() const noexcept { return head_bytes_; }
  // True when the lower-cased end of a paragraph matches a suffix pattern;
  // `lowercase_tail` holds at least its last tail_bytes() bytes.
  bool matches_suffix(std::string_view lowercase_tail) const;
  std::size_t tail_bytes() const noexcept { return tail_bytes_; }
  // True when some suffix pattern ends with this byte (ASCII folded): most
  // paragraphs end with none, and need no lower-cased tail.
  bool may_end_suffix(unsigned char last) const noexcept {
    return suffix_ends_[last >= 'A' && last <= 'Z' ? last + 32 : last];
  }
  // A photo agency or credit word ("getty images", "pool"), lower-cased.
  bool is_credit(std::string_view lowercase_phrase) const { return credits_.contains(lowercase_phrase); }
  std::size_t credit_tokens() const noexcept { return credit_tokens_; }
  // A noun of an author's bio ("columnist", "fellow"), lower-cased.
  bool is_bio_noun(std::string_view lowercase_word) const { return bio_nouns_.contains(lowercase_word); }

 private:
  bool contains_any(std::string_view paragraph) const;

  std::vector<std::pair<Kind, std::string>> patterns_;
  // Indexes into patterns_, built by add(): prefix and exact patterns by
  // their first byte; contains patterns of two bytes or more searched
  // together (Wu-Manber: a shift per block of three bytes, over the shortest
  // pattern's length `min_contains_`); the rest always tried.
  std::array<std::vector<std::uint32_t>, 256> by_first_byte_;
  std::vector<std::uint32_t> contains_;
  std::size_t min_contains_ = 0;
  std::vector<std::uint8_t> shift_;  // by a hash of three bytes
  std::uint8_t non_ascii_shift_ = 1;
  std::vector<std::uint32_t> always_;
  std::size_t head_bytes_ = 0;  // the longest prefix or exact pattern
  std::vector<std::string> suffixes_;
  std::array<bool, 256> suffix_ends_{};
  std::size_t tail_bytes_ = 0;  // the longest suffix pattern
  StringSet credits_;
  std::size_t credit_tokens_ = 0;  // words in the longest credit (counted by spaces and hyphens)
  StringSet bio_nouns_;
};

// Sets Paragraph::boilerplate on body paragraphs. Needs tokens (segment first).
// With `outlets`, its media entries also count as photo agencies and as the
// outlet names that stand alone in capitals ("USA TODAY").
void flag_boilerplate(Document& doc, const BoilerplatePatterns& patterns, const ActorTable* outlets = nullptr);

}  // namespace standpoints

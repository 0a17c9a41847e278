// Boilerplate: flags publisher furniture paragraphs (SCHEMA.md, ANNOTATION.md)
// by a pattern list (boilerplate.tsv) and a few general shape rules.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "standpoints/document.hpp"

namespace standpoints {

class BoilerplatePatterns {
 public:
  enum class Kind { Prefix, Exact, Contains };
  static BoilerplatePatterns load(const std::string& path);  // throws KnowledgeError
  void add(Kind kind, std::string lowercase_pattern);
  // True when the lower-cased paragraph matches one pattern.
  bool matches(std::string_view lowercase_paragraph) const;

 private:
  std::vector<std::pair<Kind, std::string>> patterns_;
  // Indexes into patterns_, built by add(): prefix and exact patterns by
  // their first byte; contains patterns of two bytes or more searched
  // together (Wu-Manber: a shift per pair of bytes, over the shortest
  // pattern's length `min_contains_`); the rest always tried.
  std::array<std::vector<std::uint32_t>, 256> by_first_byte_;
  std::vector<std::uint32_t> contains_;
  std::size_t min_contains_ = 0;
  std::vector<std::uint8_t> shift_;  // 65536 entries, indexed by two bytes
  std::vector<std::uint32_t> always_;
};

// Sets Paragraph::boilerplate on body paragraphs. Needs tokens (segment first).
void flag_boilerplate(Document& doc, const BoilerplatePatterns& patterns);

}  // namespace standpoints

// Boilerplate: flags publisher furniture paragraphs (SCHEMA.md, ANNOTATION.md)
// by a pattern list (boilerplate.tsv) and a few general shape rules.
#pragma once

#include <string>
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
};

// Sets Paragraph::boilerplate on body paragraphs. Needs tokens (segment first).
void flag_boilerplate(Document& doc, const BoilerplatePatterns& patterns);

}  // namespace standpoints

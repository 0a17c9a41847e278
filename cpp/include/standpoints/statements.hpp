// Statements (positions): who says, offers, demands, urges, warns, accuses,
// rejects, denies or supports what, toward whom (SCHEMA.md "statements").
#pragma once

#include <string>

#include "standpoints/document.hpp"

namespace standpoints {

struct Knowledge;

// The act lexicon (acts.tsv): trigger words and phrases with act and CAMEO code.
class ActLexicon {
 public:
  static ActLexicon load(const std::string& path);  // throws KnowledgeError
};

// Adds doc.statements. Runs after entities are resolved.
void extract_statements(Document& doc, const Knowledge& knowledge);

}  // namespace standpoints

// Entity finding: candidate name spans from the knowledge-base matcher and
// the capitalised-span finder, with types (SCHEMA.md "mentions").
#pragma once

#include <string>
#include <vector>

#include "standpoints/document.hpp"

namespace standpoints {

struct Knowledge;

// The actors of the knowledge base (actors.tsv, plus the user's own files).
class ActorTable {
 public:
  static ActorTable load(const std::vector<std::string>& paths);  // throws KnowledgeError
};

// Adds name mentions (doc.mentions) in non-boilerplate paragraphs.
void find_mentions(Document& doc, const Knowledge& knowledge);

}  // namespace standpoints

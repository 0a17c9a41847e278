// Geocoding: `geo` for GPE and LOC mentions and entities from the gazetteer
// (places.tsv), with "City, Country" patterns and the document's countries
// as context; no geo rather than a wrong one.
#pragma once

#include <string>

#include "standpoints/document.hpp"

namespace standpoints {

struct Knowledge;

class Gazetteer {
 public:
  static Gazetteer load(const std::string& path);  // throws KnowledgeError
  bool empty() const noexcept { return true; }
};

// Adds geo to GPE/LOC mentions and their entities. Runs after the resolver.
void geocode(Document& doc, const Knowledge& knowledge);

}  // namespace standpoints

// Geocoding: `geo` for GPE and LOC mentions and entities from the gazetteer
// (places.tsv), with "City, Country" patterns and the document's countries
// as context; no geo rather than a wrong one.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "standpoints/document.hpp"

namespace standpoints {

struct Knowledge;

// One gazetteer row (places.tsv).
struct Place {
  std::string name;     // preferred English name
  std::string feature;  // country, admin1, region, city, place
  std::string country;  // ISO 3166-1 alpha-3
  std::string admin1;   // first-level division name, "" when unknown (or for admin1 rows themselves)
  double lat = 0;
  double lon = 0;
  std::int64_t geonameid = 0;   // 0 for hand-added rows
  std::int64_t population = 0;  // 0 when unknown
};

// The immutable gazetteer. Copies share the same tables (cheap, thread-safe to read).
class Gazetteer {
 public:
  // places.tsv and place_words.tsv (none when the path is empty); throws KnowledgeError (file, line).
  static Gazetteer load(const std::string& path, const std::string& place_words_path = "");

  bool empty() const noexcept;
  std::size_t size() const noexcept;

  // Candidates for an exact (case-sensitive) surface form, best first: countries, then
  // divisions and regions, then cities by population. Empty span when unknown.
  std::span<const std::uint32_t> lookup(std::string_view name) const;
  const Place& place(std::uint32_t index) const;
  // The country row of an ISO3 code, or nullptr.
  const Place* country(std::string_view iso3) const;
  // A name that is a gazetteer place and whose best candidate dominates the others (a country,
  // a division or region, or a city far bigger than any namesake) and is no common English word:
  // safe to turn into a GPE mention when capitalised in body text.
  bool is_unambiguous_place(std::string_view name) const;
  // The same for candidates already looked up (`cands` = lookup(name)).
  bool is_unambiguous_place(std::string_view name, std::span<const std::uint32_t> cands) const;

  // place_words.tsv: formal styles before country names ("Kingdom of "), and
  // the words after a place name that make it a division (" province", " Province").
  std::span<const std::string> country_prefixes() const noexcept;
  std::span<const std::string> area_words() const noexcept;

  struct Tables;  // implementation detail

 private:
  std::shared_ptr<const Tables> t_;
};

// Adds geo to GPE/LOC name mentions and their entities. Runs after the resolver.
void geocode(Document& doc, const Knowledge& knowledge);
// Same with the gazetteer given directly (tests, tools).
void geocode(Document& doc, const Gazetteer& gazetteer);

}  // namespace standpoints

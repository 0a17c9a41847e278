#include "standpoints/geocoder.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <vector>

#include "standpoints/knowledge.hpp"
#include "standpoints/string_map.hpp"
#include "standpoints/tsv.hpp"
#include "standpoints/utf8.hpp"

namespace standpoints {

// Literals compared with std::string members as views ("GPE"sv): GCC 12's
// std::string == const char* calls strlen and memcmp out of line; a view
// compares its length first and the bytes inline (13 M instructions per 1,000
// news articles in the finder and the geocoder).
using namespace std::string_view_literals;

// ---------------------------------------------------------------------------------------------
// Tables

struct Gazetteer::Tables {
  std::string text;  // the file; the index keys are views into it
  std::vector<Place> places;
  std::vector<float> prior;             // ranking score of each place, see place_prior()
  std::vector<std::uint32_t> postings;  // candidates of key k: [offsets[k], offsets[k+1])
  std::vector<std::uint32_t> offsets;
  // Surface form -> key id: open addressing (linear probing) over `slots`.
  // Each slot holds the key id + 1 (0 = empty) in its low half and the high
  // half of the key's hash in its upper half, so that a probe rejects other
  // keys without reading them (two cache misses saved per probe).
  std::vector<std::string_view> keys;
  std::vector<std::uint64_t> slots;
  std::uint64_t mask = 0;
  // ISO3 -> place index + 1 (0: none), one slot per three capital letters:
  // the geocoder asks for the country of nearly every mention's actor code,
  // and an array index costs a tenth of a hash look-up. Codes of other bytes
  // (valid but unused in the built-in data) go to `other_countries`.
  std::vector<std::uint32_t> countries = std::vector<std::uint32_t>(26 * 26 * 26, 0);
  boost::unordered_flat_map<std::string_view, std::uint32_t, StringHash> other_countries;
  // place_words.tsv
  StringSet common_words;                     // city names that are common words ("March", "Nice")
  std::vector<std::string> country_prefixes;  // "Kingdom of ", in file order
  std::vector<std::string> area_words;        // " province", " Province", ...
};

namespace {

// The slot of a code of three capital letters in Tables::countries, or -1.
std::int32_t country_slot(std::string_view code) noexcept {
  if (code.size() != 3) return -1;
  // Each letter's place after 'A' (unsigned: a byte below 'A' wraps to a
  // large number), without a loop: the geocoder asks ~90,000 times per
  // 1,000 news articles.
  const unsigned a = static_cast<unsigned char>(code[0]) - 'A', b = static_cast<unsigned char>(code[1]) - 'A',
                 c = static_cast<unsigned char>(code[2]) - 'A';
  if (a >= 26 || b >= 26 || c >= 26) return -1;
  return static_cast<std::int32_t>((a * 26 + b) * 26 + c);
}

std::uint64_t hash_name(std::string_view s) noexcept {
  // The word hash of the string tables, mixed once more: the low bits pick
  // the slot and the high half is the slot's tag.
  std::uint64_t h = StringHash{}(s);
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 29);
}

constexpr std::uint64_t slot_tag(std::uint64_t hash) noexcept { return hash & 0xFFFFFFFF00000000ull; }

enum Feature : std::uint8_t { Country, Admin1, Region, City, PlaceF, Unknown };

Feature feature_of(std::string_view f) {
  if (f == "country") return Country;
  if (f == "admin1") return Admin1;
  if (f == "region") return Region;
  if (f == "city") return City;
  if (f == "place") return PlaceF;
  return Unknown;
}

// Log10-scale ranking score: countries first, then divisions and regions (taken as large),
// then cities and places by population.
float place_prior(const Place& p) {
  switch (feature_of(p.feature)) {
    case Country:
      return 20.0f + static_cast<float>(std::log10(static_cast<double>(p.population) + 1.0)) * 0.01f;
    case Admin1:
    case Region:
      return 6.3f;
    default:
      return static_cast<float>(std::log10(std::max<double>(static_cast<double>(p.population), 1000.0)));
  }
}

template <class T>
bool parse_number(std::string_view s, T& out) {
  s = utf8::strip(s);
  if (s.empty()) {
    out = 0;
    return true;
  }
  if (s.front() == '+') s.remove_prefix(1);
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

bool is_area(const Place& p) {
  const Feature f = feature_of(p.feature);
  return f == Admin1 || f == Region;
}
bool is_country(const Place& p) { return p.feature == "country"sv; }

}  // namespace

// ---------------------------------------------------------------------------------------------
// Loading

namespace {

void load_place_words(Gazetteer::Tables& t, const std::string& path) {
  tsv::read_file(path, {"word", "kind"}, [&](const tsv::Row& row) {
    const std::string_view word = utf8::strip(row.get("word")), kind = row.get("kind");
    if (word.empty()) row.fail("empty word");
    if (kind == "common") {
      t.common_words.emplace(word);
    } else if (kind == "country_prefix") {
      t.country_prefixes.push_back(std::string(word) + " ");
    } else if (kind == "area") {
      t.area_words.push_back(" " + std::string(word));
      std::string capitalised = " " + std::string(word);
      if (capitalised[1] >= 'a' && capitalised[1] <= 'z') capitalised[1] = static_cast<char>(capitalised[1] - 32);
      t.area_words.push_back(std::move(capitalised));
    } else {
      row.fail("unknown kind \"" + std::string(kind) + "\" (common, country_prefix, area)");
    }
  });
}

}  // namespace

namespace {

// Sizes the tables for the file's rows and names (a load factor <= 0.5 for
// every name and alternate); returns the rough row count.
std::size_t reserve_tables(Gazetteer::Tables& t) {
  const std::size_t approx_rows = static_cast<std::size_t>(std::count(t.text.begin(), t.text.end(), '\n')) + 1;
  t.places.reserve(approx_rows);
  const std::size_t approx_keys = approx_rows + static_cast<std::size_t>(std::count(t.text.begin(), t.text.end(), '|'));
  std::size_t cap = 1024;
  while (cap < approx_keys * 2) cap <<= 1;
  t.slots.assign(cap, 0);
  t.mask = cap - 1;
  t.keys.reserve(approx_keys);
  return approx_rows;
}

// The id of a surface form, added to the index when new.
std::uint32_t key_id(Gazetteer::Tables& t, std::string_view key, const std::string& path) {
  const std::uint64_t h = hash_name(key), tag = slot_tag(h);
  for (std::uint64_t i = h & t.mask;; i = (i + 1) & t.mask) {
    const std::uint64_t slot = t.slots[i];
    if (slot == 0) {
      if (t.keys.size() * 2 >= t.slots.size()) throw KnowledgeError(path, 0, "too many names");
      t.keys.push_back(key);
      t.slots[i] = tag | t.keys.size();
      return static_cast<std::uint32_t>(t.keys.size() - 1);
    }
    const auto id = static_cast<std::uint32_t>(slot) - 1;
    if (slot_tag(slot) == tag && t.keys[id] == key) return id;
  }
}

// The columns of places.tsv, found by name in its header.
struct PlaceColumns {
  int id = -1, name = -1, feature = -1, country = -1, admin1 = -1, lat = -1, lon = -1, population = -1, alternates = -1;

  void find(const std::vector<std::string>& header) {
    auto col = [&](std::string_view n) {
      for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == n) return static_cast<int>(i);
      return -1;
    };
    id = col("geonameid"), name = col("name"), feature = col("feature"), country = col("country");
    admin1 = col("admin1"), lat = col("lat"), lon = col("lon"), population = col("population");
    alternates = col("alternates");
  }
};

// One row of places.tsv: the Place, and its name, country code and
// alternates as views into the file (what the index keys point at).
struct PlaceRow {
  Place place;
  std::string_view name, country, alternates;
};

// Reads a row; a bad field fails it (KnowledgeError with its line).
PlaceRow read_place(const tsv::Row& row, const PlaceColumns& c) {
  auto field = [&](int i) -> std::string_view {
    return i >= 0 && static_cast<std::size_t>(i) < row.fields.size() ? row.fields[static_cast<std::size_t>(i)]
                                                                     : std::string_view{};
  };
  PlaceRow r;
  r.name = utf8::strip(field(c.name));
  if (r.name.empty()) row.fail("empty place name");
  const std::string_view feature = utf8::strip(field(c.feature));
  if (feature_of(feature) == Unknown)
    row.fail("unknown feature \"" + std::string(feature) + "\" (country, admin1, region, city, place)");
  r.country = utf8::strip(field(c.country));
  if (r.country.size() != 3)
    row.fail("country must be an ISO 3166-1 alpha-3 code, found \"" + std::string(r.country) + "\"");
  r.alternates = field(c.alternates);
  Place& p = r.place;
  p.name = r.name;
  p.feature = feature;
  p.country = r.country;
  p.admin1 = utf8::strip(field(c.admin1));
  if (!parse_number(field(c.lat), p.lat) || !parse_number(field(c.lon), p.lon) || p.lat < -90 || p.lat > 90 ||
      p.lon < -180 || p.lon > 180)
    row.fail("bad lat/lon \"" + std::string(field(c.lat)) + "\" \"" + std::string(field(c.lon)) + "\"");
  if (!parse_number(field(c.id), p.geonameid)) row.fail("bad geonameid \"" + std::string(field(c.id)) + "\"");
  if (!parse_number(field(c.population), p.population))
    row.fail("bad population \"" + std::string(field(c.population)) + "\"");
  return r;
}

// The first country row of a code is the country.
void index_country(Gazetteer::Tables& t, std::string_view country, std::uint32_t index) {
  if (const std::int32_t slot = country_slot(country); slot >= 0) {
    if (!t.countries[static_cast<std::size_t>(slot)]) t.countries[static_cast<std::size_t>(slot)] = index + 1;
  } else {
    t.other_countries.try_emplace(country, index);
  }
}

// Postings from (key id, place index) pairs: bucketed by key id (counting
// sort), then best first within each bucket, a place listed once per key.
void build_postings(Gazetteer::Tables& t, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
  const std::size_t nkeys = t.keys.size();
  t.offsets.assign(nkeys + 1, 0);
  for (const auto& pr : pairs) ++t.offsets[pr.first + 1];
  for (std::size_t k = 0; k < nkeys; ++k) t.offsets[k + 1] += t.offsets[k];
  t.postings.resize(pairs.size());
  {
    std::vector<std::uint32_t> fill(t.offsets.begin(), t.offsets.end() - 1);
    for (const auto& pr : pairs) t.postings[fill[pr.first]++] = pr.second;
  }
  const auto& prior = t.prior;
  std::vector<std::uint32_t> compact_offsets(nkeys + 1, 0);
  std::size_t out = 0;
  for (std::size_t k = 0; k < nkeys; ++k) {
    auto b = t.postings.begin() + t.offsets[k], e = t.postings.begin() + t.offsets[k + 1];
    if (e - b > 1) {
      std::stable_sort(b, e, [&](std::uint32_t x, std::uint32_t y) { return prior[x] > prior[y]; });
      e = std::unique(b, e);  // one place listed twice under one key
    }
    compact_offsets[k] = static_cast<std::uint32_t>(out);
    for (auto it = b; it != e; ++it) t.postings[out++] = *it;
  }
  compact_offsets[nkeys] = static_cast<std::uint32_t>(out);
  t.postings.resize(out);
  t.offsets = std::move(compact_offsets);
}

}  // namespace

Gazetteer Gazetteer::load(const std::string& path, const std::string& place_words_path) {
  auto t = std::make_shared<Tables>();
  if (!place_words_path.empty()) load_place_words(*t, place_words_path);
  t->text = tsv::read_whole_file(path);
  const std::size_t approx_rows = reserve_tables(*t);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // (key id, place index)
  pairs.reserve(approx_rows * 6);
  PlaceColumns columns;
  tsv::read_text(t->text, path, {"geonameid", "name", "feature", "country", "lat", "lon"}, [&](const tsv::Row& row) {
    if (columns.name < 0) columns.find(*row.header);
    PlaceRow r = read_place(row, columns);
    const auto index = static_cast<std::uint32_t>(t->places.size());
    if (r.place.feature == "country") index_country(*t, r.country, index);
    pairs.emplace_back(key_id(*t, r.name, path), index);
    for (std::size_t pos = 0; pos < r.alternates.size();) {
      std::size_t bar = r.alternates.find('|', pos);
      if (bar == std::string_view::npos) bar = r.alternates.size();
      const std::string_view a = utf8::strip(r.alternates.substr(pos, bar - pos));
      if (!a.empty() && a != r.name) pairs.emplace_back(key_id(*t, a, path), index);
      pos = bar + 1;
    }
    t->prior.push_back(place_prior(r.place));
    t->places.push_back(std::move(r.place));
  });
  build_postings(*t, pairs);
  Gazetteer g;
  g.t_ = std::move(t);
  return g;
}

std::span<const std::string> Gazetteer::country_prefixes() const noexcept {
  return t_ ? std::span<const std::string>(t_->country_prefixes) : std::span<const std::string>();
}
std::span<const std::string> Gazetteer::area_words() const noexcept {
  return t_ ? std::span<const std::string>(t_->area_words) : std::span<const std::string>();
}

bool Gazetteer::empty() const noexcept { return !t_ || t_->places.empty(); }
std::size_t Gazetteer::size() const noexcept { return t_ ? t_->places.size() : 0; }

std::span<const std::uint32_t> Gazetteer::lookup(std::string_view name) const {
  if (!t_) return {};
  if (t_->slots.empty()) return {};
  const std::uint64_t h = hash_name(name), tag = slot_tag(h);
  for (std::uint64_t i = h & t_->mask;; i = (i + 1) & t_->mask) {
    const std::uint64_t slot = t_->slots[i];
    if (slot == 0) return {};
    const auto id = static_cast<std::uint32_t>(slot) - 1;
    if (slot_tag(slot) == tag && t_->keys[id] == name) {
      const std::uint32_t b = t_->offsets[id], e = t_->offsets[id + 1];
      return {t_->postings.data() + b, e - b};
    }
  }
}

const Place& Gazetteer::place(std::uint32_t index) const { return t_->places.at(index); }

const Place* Gazetteer::country(std::string_view iso3) const {
  if (!t_) return nullptr;
  if (const std::int32_t slot = country_slot(iso3); slot >= 0) {
    const std::uint32_t v = t_->countries[static_cast<std::size_t>(slot)];
    return v ? &t_->places[v - 1] : nullptr;
  }
  auto it = t_->other_countries.find(iso3);
  return it == t_->other_countries.end() ? nullptr : &t_->places[it->second];
}

bool Gazetteer::is_unambiguous_place(std::string_view name) const { return is_unambiguous_place(name, lookup(name)); }

bool Gazetteer::is_unambiguous_place(std::string_view name, std::span<const std::uint32_t> cands) const {
  if (cands.empty() || name.size() < 3 || t_->common_words.contains(name)) return false;
  const Place& best = place(cands[0]);
  if (is_country(best)) return true;
  const bool primary = best.name == name;
  if (is_area(best)) {
    // A division or region, unless another country's division or big city
    // shares the name ("Victoria", Hong Kong's city; but Virginia the state
    // over the South African town of 120,000, Ontario over the Californian city).
    constexpr std::int64_t kRivalCity = 300000;
    for (std::size_t i = 1; i < cands.size(); ++i) {
      const Place& o = place(cands[i]);
      if (o.country != best.country && (is_area(o) || o.population >= kRivalCity)) return false;
    }
    return true;
  }
  if (best.population < (primary ? 50000 : 1000000)) return false;
  for (std::size_t i = 1; i < cands.size(); ++i) {
    const Place& o = place(cands[i]);
    if (is_country(o) || is_area(o)) return false;
    if (o.population * 5 > best.population) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Geocoding

namespace {

constexpr double kCountryBonus = 0.8;  // the candidate's country is named in the document
constexpr double kAdmin1Bonus = 2.0;   // its first-level division is named in the document
constexpr double kNearBonus = 1.0;     // it lies near a firmly placed sub-country place of the document
constexpr double kNearKm = 300.0;

double distance_km(double la1, double lo1, double la2, double lo2) {
  constexpr double r = 3.14159265358979323846 / 180.0;
  const double dla = (la2 - la1) * r, dlo = (lo2 - lo1) * r;
  const double h = std::sin(dla / 2) * std::sin(dla / 2) +
                   std::cos(la1 * r) * std::cos(la2 * r) * std::sin(dlo / 2) * std::sin(dlo / 2);
  return 6371.0 * 2 * std::asin(std::min(1.0, std::sqrt(h)));
}

bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

// "NEW YORK" -> "New York" (ASCII letters only; other bytes kept).
std::string title_case(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (char& c : out) {
    if (ascii_upper(c) || ascii_lower(c)) {
      if (!start && ascii_upper(c)) c = static_cast<char>(c - 'A' + 'a');
      start = false;
    } else {
      start = c == ' ' || c == '-';
    }
  }
  return out;
}

bool same_ascii_fold(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (ascii_upper(x)) x = static_cast<char>(x - 'A' + 'a');
    if (ascii_upper(y)) y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool all_caps(std::string_view s) {
  bool letter = false;
  for (char c : s) {
    if (ascii_lower(c)) return false;
    letter = letter || ascii_upper(c);
  }
  return letter;
}

// Candidates for a mention's text, trying a few normal variants of the surface form.
std::span<const std::uint32_t> candidates(const Gazetteer& g, std::string_view text) {
  auto c = g.lookup(text);
  if (!c.empty()) return c;
  std::string s(text);
  // Curly apostrophes -> straight.
  for (std::size_t p; (p = s.find("\xE2\x80\x99")) != std::string::npos;) s.replace(p, 3, "'");
  if (s.size() > 2 && s.compare(s.size() - 2, 2, "'s") == 0) s.resize(s.size() - 2);
  if (s.rfind("the ", 0) == 0 || s.rfind("The ", 0) == 0) s.erase(0, 4);
  if (s != text && !(c = g.lookup(s)).empty()) return c;
  if (s.size() > 3 && all_caps(s)) {
    if (!(c = g.lookup(title_case(s))).empty()) return c;
  }
  // Formal country names: "Kingdom of Jordan", "Republic of Belarus" -> the country alone.
  for (std::string_view prefix : g.country_prefixes()) {
    if (s.size() <= prefix.size() || s.compare(0, prefix.size(), prefix) != 0) continue;
    c = g.lookup(std::string_view(s).substr(prefix.size()));
    if (!c.empty() && is_country(g.place(c[0]))) return c.first(1);
    break;
  }
  return {};
}

// Root country of an actor code ("RUSGOV" -> RUS), or nullptr when it is no country (IGOs).
const Place* actor_country(const Gazetteer& g, std::string_view actor) {
  if (actor.size() < 3) return nullptr;
  return g.country(actor.substr(0, 3));
}

Geo to_geo(const Place& p) {
  Geo geo;
  geo.name = p.name;
  geo.country = p.country;
  geo.feature = p.feature;
  geo.lat = p.lat;
  geo.lon = p.lon;
  geo.has_point = true;
  geo.geonameid = p.geonameid;
  geo.population = p.population;
  geo.admin1 = p.admin1;
  return geo;
}

struct Target {
  std::size_t mention;
  std::string_view text;
  std::vector<std::uint32_t> cands;
  bool constrained = false;  // a pattern, a suffix or the actor narrowed the candidates
  bool pattern = false;      // narrowed by "City, Country" / "X region"
  bool area_word = false;    // narrowed by "X region", "X state"
  std::int64_t chosen = -1;
};

// After "X, ": the countries or divisions named right after the comma (empty when none).
std::vector<const Place*> comma_places(const Gazetteer& g, const Document& doc, std::size_t end,
                                       std::size_t* match_end = nullptr) {
  std::vector<const Place*> out;
  const std::string& t = doc.text;
  if (end + 2 >= t.size() || t[end] != ',' || t[end + 1] != ' ') return out;
  const std::size_t p = end + 2;
  // Up to four capitalised words ("of"/"and" inside); longest match that is a country or division.
  std::array<std::size_t, 4> ends{};
  std::size_t n = 0, q = p;
  auto name_byte = [&](std::size_t i) {
    const auto c = static_cast<unsigned char>(t[i]);
    return std::isalpha(c) || c == '.' || c == '-' || c == '\'' || c >= 0x80;
  };
  while (n < ends.size() && q < t.size() && (ascii_upper(t[q]) || static_cast<unsigned char>(t[q]) >= 0x80)) {
    while (q < t.size() && name_byte(q)) ++q;
    std::size_t e = q;
    // A final full stop ends the sentence unless the word is an abbreviation ("D.C.").
    if (e > p && t[e - 1] == '.' && !(e >= p + 4 && t[e - 3] == '.')) --e;
    ends[n++] = e;
    if (q + 1 < t.size() && t[q] == ' ' && ascii_upper(t[q + 1])) {
      ++q;
    } else if (t.compare(q, 4, " of ") == 0 || t.compare(q, 5, " and ") == 0) {
      const std::size_t skip = t[q + 1] == 'o' ? 4 : 5;
      if (q + skip < t.size() && ascii_upper(t[q + skip]))
        q += skip;
      else
        break;
    } else {
      break;
    }
  }
  for (std::size_t i = n; i-- > 0;) {
    // "leaving Paris, U.S. negotiators ...": an abbreviation before a lower-case word is an adjective.
    const std::string_view word = std::string_view(t).substr(p, ends[i] - p);
    const bool abbreviation = std::none_of(word.begin(), word.end(), [](char c) { return ascii_lower(c); });
    if (abbreviation && ends[i] + 1 < t.size() && t[ends[i]] == ' ' && ascii_lower(t[ends[i] + 1])) continue;
    for (auto idx : candidates(g, word)) {
      const Place& pl = g.place(idx);
      if (is_country(pl) || is_area(pl)) out.push_back(&pl);
    }
    if (!out.empty()) {
      if (match_end) *match_end = ends[i];
      break;
    }
  }
  return out;
}

// Before position `end` (a comma): the last one, two and three capitalised words, longest first.
std::vector<std::string_view> names_before(std::string_view t, std::size_t end) {
  std::vector<std::string_view> out;
  std::size_t b = end;
  for (int words = 0; words < 3; ++words) {
    std::size_t s = b;
    while (s > 0 && (std::isalpha(static_cast<unsigned char>(t[s - 1])) || t[s - 1] == '.' || t[s - 1] == '-' ||
                     t[s - 1] == '\'' || static_cast<unsigned char>(t[s - 1]) >= 0x80))
      --s;
    if (s == b || !(ascii_upper(t[s]) || static_cast<unsigned char>(t[s]) >= 0x80)) break;
    out.push_back(t.substr(s, end - s));
    if (s == 0 || t[s - 1] != ' ') break;
    b = s - 1;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

// What a document says about where things are: the countries and divisions it
// names and the places it names firmly, each remembering the surface form that
// gave it, so that a name never supports itself.
struct Ctx {
  const Place* place;
  std::string_view source;  // text of the mention that gave it ("" = an actor code)
};

// Whether a list holds support from another mention than `self`.
bool other_source(const std::vector<const Ctx*>* v, std::string_view self) {
  if (!v) return false;
  for (const Ctx* c : *v)
    if (c->source != self) return true;
  return false;
}

// The geocoding of one document, pass by pass: the GPE and LOC mentions'
// candidates, narrowed by the patterns around each (pass 1); the context the
// document gives; a choice per mention scored by that context (pass 2); one
// sense per document; the geo written to mentions and entities.
// (The tables here are open-addressing maps: a document's geocoding builds a
// few dozen small ones, and node-based maps cost an allocation per entry.)
class DocumentGeocoder {
 public:
  DocumentGeocoder(Document& doc, const Gazetteer& g) : doc_(doc), g_(g) {}

  void run() {
    collect_targets();
    if (targets_.empty()) return;
    for (Target& t : targets_) narrow(t);
    build_context();
    index_context();
    for (Target& t : targets_) choose(t);
    one_sense_per_document();
    countries_by_entity();
    attach_geo();
  }

 private:
  void collect_targets();
  std::string_view mention_actor(const Mention& m) const;
  // Pass 1: constraints from patterns, area words and actors.
  void narrow(Target& t);
  bool places_after_comma(Target& t, const Mention& m);
  void division_before_comma(Target& t, const Mention& m);
  void area_word_after(Target& t, const Mention& m);
  void actor_country_of(Target& t, const Mention& m);
  // The context and its indexes.
  void add(std::vector<Ctx>& v, const Place* p, std::string_view src);
  void build_context();
  void index_context();
  bool in_ctx_country(const Place& p, std::string_view self) const;
  bool in_ctx_area(const Place& p, std::string_view self) const;
  bool near_anchor(const Place& p, std::string_view self);
  // Pass 2 and after.
  void choose(Target& t);
  void one_sense_per_document();
  void countries_by_entity();
  void attach_geo();

  static constexpr double kCell = 3.0;  // degrees; kNearKm is under 3 degrees of latitude
  static std::pair<int, int> cell_of(double lat, double lon) {
    return {static_cast<int>(std::floor(lat / kCell)), static_cast<int>(std::floor(lon / kCell))};
  }
  // Cells keyed by their two numbers in one integer.
  static std::uint64_t cell_key(std::pair<int, int> cell) {
    return std::uint64_t{static_cast<std::uint32_t>(cell.first)} << 32 | static_cast<std::uint32_t>(cell.second);
  }
  // Whether the search from column clon, dlon columns either side (wrapped
  // across the antimeridian as near_anchor wraps them), visits column x.
  static bool visits_column(int x, int clon, int dlon) {
    const auto in = [&](int b) { return b >= clon - dlon && b <= clon + dlon; };
    return x >= -60 && x <= 59 && (in(x) || in(x - 120) || in(x + 120));
  }

  Document& doc_;
  const Gazetteer& g_;
  std::vector<Target> targets_;
  // Each list keeps, per place, at most two distinct sources: enough to answer
  // "is there support from another mention than this one?" in constant time,
  // and what keeps a huge document linear.
  std::vector<Ctx> ctx_countries_, ctx_areas_, anchors_;
  boost::unordered_flat_map<const void*, std::array<std::string_view, 2>> seen_countries_, seen_areas_, seen_anchors_;
  // Indexes over the context, so that each question costs a hash lookup (or a
  // few grid cells) instead of a scan of the whole document's context.
  boost::unordered_flat_map<std::string_view, std::vector<const Ctx*>, StringHash> countries_by_code_;
  // Keyed by (country, name): no key string is built per question.
  using AreaKey = std::pair<std::string_view, std::string_view>;
  struct AreaHash {
    std::size_t operator()(const AreaKey& key) const { return StringHash{}(key.first) * 31 + StringHash{}(key.second); }
  };
  boost::unordered_flat_map<AreaKey, std::vector<const Ctx*>, AreaHash> areas_by_key_;
  std::vector<std::pair<int, int>> anchor_cells_;  // anchors_[i]'s cell
  // The anchors by cell, made on first use (documents with many anchors).
  boost::unordered_flat_map<std::uint64_t, std::vector<const Ctx*>> anchor_grid_;
  bool anchor_grid_ready_ = false;
};

void DocumentGeocoder::collect_targets() {
  for (std::size_t i = 0; i < doc_.mentions.size(); ++i) {
    const Mention& m = doc_.mentions[i];
    if (m.kind != MentionKind::Name || (m.type != "GPE" && m.type != "LOC") || m.end > doc_.text.size() ||
        m.end <= m.start)
      continue;
    Target t;
    t.mention = i;
    t.text = std::string_view(doc_.text).substr(m.start, m.end - m.start);
    auto c = candidates(g_, t.text);
    t.cands.assign(c.begin(), c.end());
    targets_.push_back(std::move(t));
  }
}

std::string_view DocumentGeocoder::mention_actor(const Mention& m) const {
  if (!m.actor.empty()) return m.actor;
  if (m.entity >= 0 && static_cast<std::size_t>(m.entity) < doc_.entities.size())
    return doc_.entities[static_cast<std::size_t>(m.entity)].actor;
  return {};
}

void DocumentGeocoder::narrow(Target& t) {
  const Mention& m = doc_.mentions[t.mention];
  if (t.cands.empty()) return;
  if (!(is_country(g_.place(t.cands[0])) && t.cands.size() == 1) && !places_after_comma(t, m)) return;
  if (!t.pattern) division_before_comma(t, m);
  if (!t.pattern) area_word_after(t, m);
  if (!t.pattern) actor_country_of(t, m);
}

// "Minsk, Belarus", "Paris, Texas". False when no candidate is left.
bool DocumentGeocoder::places_after_comma(Target& t, const Mention& m) {
  std::size_t after_end = 0;
  const auto after = comma_places(g_, doc_, m.end, &after_end);
  std::vector<std::uint32_t> keep;
  for (auto idx : t.cands) {
    const Place& p = g_.place(idx);
    if (is_country(p)) continue;
    for (const Place* a : after) {
      if (&p == a || p.country != a->country || (is_area(*a) && p.admin1 != a->name)) continue;
      keep.push_back(idx);
      break;
    }
  }
  if (!keep.empty()) {
    t.cands = std::move(keep), t.constrained = t.pattern = true;
  } else if (!after.empty() &&
             std::all_of(after.begin(), after.end(), [](const Place* a) { return a->feature == "admin1"sv; })) {
    // "Georgetown, South Carolina," with no such town in the gazetteer: none of the places it
    // knows. Only for a division closed by punctuation (an appositive, not a list of places).
    const std::string& text = doc_.text;
    const bool closed = after_end >= text.size() || text[after_end] == ',' || text[after_end] == '.' ||
                        text[after_end] == ')' || text[after_end] == ';' || text[after_end] == '\n';
    const bool towns_only = std::none_of(t.cands.begin(), t.cands.end(), [&](std::uint32_t idx) {
      return is_country(g_.place(idx)) || is_area(g_.place(idx));
    });  // "Georgia, Alabama, and Florida" is a list
    if (closed && towns_only) t.cands.clear();
    if (t.cands.empty()) return false;
  }
  return true;
}

// "Atlanta, Georgia": the division of the place named just before the comma (a mention or
// capitalised words the entity finder left alone).
void DocumentGeocoder::division_before_comma(Target& t, const Mention& m) {
  if (m.start < 3 || doc_.text[m.start - 2] != ',' || doc_.text[m.start - 1] != ' ') return;
  std::vector<std::uint32_t> keep;
  for (const auto& before : names_before(doc_.text, m.start - 2)) {
    for (auto idx : t.cands) {
      const Place& a = g_.place(idx);
      if (!is_area(a)) continue;
      for (auto pidx : candidates(g_, before)) {
        const Place& p = g_.place(pidx);
        if (&p != &a && p.country == a.country && p.admin1 == a.name) {
          keep.push_back(idx);
          break;
        }
      }
    }
    if (!keep.empty()) break;
  }
  if (!keep.empty()) t.cands = std::move(keep), t.constrained = t.pattern = true;
}

// "Donetsk region", "Washington state".
void DocumentGeocoder::area_word_after(Target& t, const Mention& m) {
  // Every area word is a space and a word (" province"): the byte after the
  // space rules out most of them before a comparison of the whole word.
  if (m.end + 1 >= doc_.text.size() || doc_.text[m.end] != ' ') return;
  const char first = doc_.text[m.end + 1];
  for (std::string_view w : g_.area_words()) {
    if (w[1] != first || doc_.text.compare(m.end, w.size(), w) != 0) continue;
    std::string key(t.text);
    key += w;
    std::vector<std::uint32_t> keep;
    for (auto idx : candidates(g_, key))
      if (is_area(g_.place(idx))) keep.push_back(idx);
    if (keep.empty()) {  // "Idlib province" -> the division named "Idlib"
      for (auto idx : t.cands)
        if (is_area(g_.place(idx))) keep.push_back(idx);
    }
    if (!keep.empty()) t.cands = std::move(keep), t.constrained = t.pattern = t.area_word = true;
    break;
  }
}

// The actor's country: "Moscow" RUSGOV, "Minsk" BLR.
void DocumentGeocoder::actor_country_of(Target& t, const Mention& m) {
  const Place* ac = actor_country(g_, mention_actor(m));
  if (!ac) return;
  // Narrowed in place (a vector per target cost more than the test).
  const auto elsewhere = [&](std::uint32_t idx) { return g_.place(idx).country != ac->country; };
  if (std::all_of(t.cands.begin(), t.cands.end(), elsewhere)) return;
  std::erase_if(t.cands, elsewhere);
  t.constrained = true;
}

void DocumentGeocoder::add(std::vector<Ctx>& v, const Place* p, std::string_view src) {
  auto& seen = &v == &ctx_countries_ ? seen_countries_ : &v == &ctx_areas_ ? seen_areas_ : seen_anchors_;
  auto [it, fresh] = seen.try_emplace(p, std::array<std::string_view, 2>{src, std::string_view{}});
  if (!fresh) {
    auto& srcs = it->second;
    const bool two = srcs[1].data() != nullptr;
    if (srcs[0] == src || (two && srcs[1] == src) || two) return;
    srcs[1] = src.data() ? src : std::string_view("\0", 1);
  }
  v.push_back({p, src});
}

// The countries and divisions the document names, and anchors for proximity.
void DocumentGeocoder::build_context() {
  // add() keeps a country and source once: a mention that repeats the one
  // before it (mentions of one actor often follow each other) is skipped
  // before its hashed look-up.
  const Place* last_country = nullptr;
  std::string_view last_src;
  for (const Mention& m : doc_.mentions) {
    if (const Place* ac = actor_country(g_, m.actor)) {
      // An actor code supports its country unless it only comes from the place being resolved.
      std::string_view src;
      if ((m.type == "GPE" || m.type == "LOC") && m.end <= doc_.text.size())
        src = std::string_view(doc_.text).substr(m.start, m.end - m.start);
      if (is_country(*ac) && src == ac->name) src = {};
      if (ac == last_country && src == last_src) continue;
      last_country = ac;
      last_src = src;
      add(ctx_countries_, ac, src);
    }
  }
  for (const Target& t : targets_) {
    if (t.cands.empty()) continue;
    const Place& best = g_.place(t.cands[0]);
    bool one_country = true;
    for (auto idx : t.cands) one_country = one_country && g_.place(idx).country == best.country;
    if (!one_country) continue;
    if (doc_.mentions[t.mention].type == "LOC" && !is_area(best)) continue;
    add(ctx_countries_, g_.country(best.country), is_country(best) ? std::string_view{} : t.text);
    if (is_area(best)) add(ctx_areas_, &best, t.text);
    if (!is_country(best) && (t.cands.size() == 1 || t.constrained)) {
      add(anchors_, &best, t.text);
      if (!best.admin1.empty())
        for (auto idx : g_.lookup(best.admin1))
          if (is_area(g_.place(idx)) && g_.place(idx).country == best.country) add(ctx_areas_, &g_.place(idx), t.text);
    }
  }
}

void DocumentGeocoder::index_context() {
  for (const Ctx& c : ctx_countries_)
    if (c.place) countries_by_code_[c.place->country].push_back(&c);
  for (const Ctx& c : ctx_areas_) areas_by_key_[AreaKey(c.place->country, c.place->name)].push_back(&c);
  anchor_cells_.reserve(anchors_.size());
  for (const Ctx& c : anchors_) anchor_cells_.push_back(cell_of(c.place->lat, c.place->lon));
}

bool DocumentGeocoder::in_ctx_country(const Place& p, std::string_view self) const {
  auto it = countries_by_code_.find(p.country);
  return other_source(it == countries_by_code_.end() ? nullptr : &it->second, self);
}

bool DocumentGeocoder::in_ctx_area(const Place& p, std::string_view self) const {
  if (p.admin1.empty()) return false;
  auto it = areas_by_key_.find(AreaKey(p.country, p.admin1));
  return other_source(it == areas_by_key_.end() ? nullptr : &it->second, self);
}

bool DocumentGeocoder::near_anchor(const Place& p, std::string_view self) {
  if (anchors_.empty()) return false;
  const auto [clat, clon] = cell_of(p.lat, p.lon);
  // Longitude cells shrink toward the poles: widen the search to cover kNearKm.
  const double coslat = std::max(0.05, std::cos(p.lat * 3.14159265358979323846 / 180.0));
  const int dlon = std::min(60, static_cast<int>(std::ceil(kNearKm / (111.0 * coslat * kCell))) + 1);
  const auto near = [&](const Ctx* c) {
    return c->source != self && c->place != &p && distance_km(c->place->lat, c->place->lon, p.lat, p.lon) <= kNearKm;
  };
  // Fewer anchors than cells to look up (most documents name a few places;
  // up to 363 cells near the poles): each anchor is tested for lying in
  // one of those cells, with the same answer as the cells give (10.7 M
  // instructions -> 2 M per 1,000 news articles).
  if (anchors_.size() <= static_cast<std::size_t>(3 * (2 * dlon + 1))) {
    for (std::size_t i = 0; i < anchors_.size(); ++i) {
      const auto [alat, alon] = anchor_cells_[i];
      if (alat >= clat - 1 && alat <= clat + 1 && visits_column(alon, clon, dlon) && near(&anchors_[i])) return true;
    }
    return false;
  }
  if (!anchor_grid_ready_) {
    anchor_grid_ready_ = true;
    for (std::size_t i = 0; i < anchors_.size(); ++i) anchor_grid_[cell_key(anchor_cells_[i])].push_back(&anchors_[i]);
  }
  for (int a = clat - 1; a <= clat + 1; ++a) {
    for (int b = clon - dlon; b <= clon + dlon; ++b) {
      // Cells run from -60 to 59 (3-degree columns); wrap across the antimeridian.
      const int wrapped = b < -60 ? b + 120 : b > 59 ? b - 120 : b;
      auto it = anchor_grid_.find(cell_key({a, wrapped}));
      if (it == anchor_grid_.end()) continue;
      for (const Ctx* c : it->second)
        if (near(c)) return true;
    }
  }
  return false;
}

// Pass 2: the candidate the document supports best, if any is supported
// enough.
void DocumentGeocoder::choose(Target& t) {
  const Mention& m = doc_.mentions[t.mention];
  if (t.cands.empty()) return;
  const bool loc = m.type == "LOC";
  double best_score = -1e9;
  std::int64_t best = -1;
  bool best_supported = false;
  for (auto idx : t.cands) {
    const Place& p = g_.place(idx);
    if (loc && !is_area(p)) continue;  // seas, rivers, continents: no gold geo; only regions
    double s = place_prior(p);
    bool supported = t.constrained || is_country(p) || is_area(p);
    if (!is_country(p)) {
      if (in_ctx_country(p, t.text)) s += kCountryBonus, supported = true;
      if (in_ctx_area(p, t.text)) s += kAdmin1Bonus, supported = true;
      if (near_anchor(p, t.text)) s += kNearBonus, supported = true;
    }
    if (s > best_score) best_score = s, best = idx, best_supported = supported;
  }
  if (best < 0) return;
  const Place& bp = g_.place(static_cast<std::uint32_t>(best));
  if (!best_supported) {
    // No support from the document: only a big city that dwarfs its namesakes.
    bool dominant = bp.population >= 1000000;
    if (!dominant && bp.population >= 100000) {
      dominant = true;
      for (auto idx : t.cands)
        if (idx != best && (is_area(g_.place(idx)) || g_.place(idx).population * 5 > bp.population)) dominant = false;
    }
    if (!dominant) return;
  }
  // A division and its big namesake city in one country ("Washington", "New York"): the city.
  if (is_area(bp) && !t.area_word) {
    for (auto idx : t.cands) {
      const Place& p = g_.place(idx);
      if (p.country == bp.country && !is_area(p) && !is_country(p) && p.population >= 100000 &&
          same_ascii_fold(p.name, t.text)) {
        best = idx;
        break;
      }
    }
  }
  t.chosen = best;
}

// One sense per document: an unconstrained mention takes the place a constrained mention of the
// same text (or of the same entity) got.
// (The first constrained mention in text order wins, by text or by entity.)
void DocumentGeocoder::one_sense_per_document() {
  boost::unordered_flat_map<std::string_view, std::pair<std::size_t, std::int64_t>, StringHash> sense_by_text;
  boost::unordered_flat_map<std::int32_t, std::pair<std::size_t, std::int64_t>> sense_by_entity;
  for (std::size_t i = 0; i < targets_.size(); ++i) {
    const Target& o = targets_[i];
    if (!o.constrained || o.chosen < 0) continue;
    sense_by_text.try_emplace(o.text, i, o.chosen);
    const std::int32_t ent = doc_.mentions[o.mention].entity;
    if (ent >= 0) sense_by_entity.try_emplace(ent, i, o.chosen);
  }
  for (Target& t : targets_) {
    if (t.constrained) continue;
    const Mention& m = doc_.mentions[t.mention];
    const std::pair<std::size_t, std::int64_t>* hit = nullptr;
    if (auto it = sense_by_text.find(t.text); it != sense_by_text.end()) hit = &it->second;
    if (m.entity >= 0) {
      if (auto it = sense_by_entity.find(m.entity);
          it != sense_by_entity.end() && (!hit || it->second.first < hit->first))
        hit = &it->second;
    }
    if (hit) t.chosen = hit->second;
  }
}

// Names the gazetteer does not know, for entities that are countries ("Kingdom of Jordan").
void DocumentGeocoder::countries_by_entity() {
  for (Target& t : targets_) {
    if (t.chosen >= 0 || !t.cands.empty()) continue;
    const Mention& m = doc_.mentions[t.mention];
    if (m.type != "GPE" || m.entity < 0 || static_cast<std::size_t>(m.entity) >= doc_.entities.size()) continue;
    const Entity& e = doc_.entities[static_cast<std::size_t>(m.entity)];
    std::string code;
    if (e.id.size() == 3)
      for (char c : e.id) code += static_cast<char>(ascii_lower(c) ? c - 'a' + 'A' : c);
    const Place* cp = code.empty() ? nullptr : g_.country(code);
    if (!cp) continue;
    t.chosen = cp - &g_.place(0);  // rows are contiguous
  }
}

// One Geo per place and document, shared by all its mentions; an entity's geo
// is that of its first geocoded mention.
void DocumentGeocoder::attach_geo() {
  boost::unordered_flat_map<std::int64_t, GeoRef> made;
  for (const Target& t : targets_) {
    if (t.chosen < 0) continue;
    Mention& m = doc_.mentions[t.mention];
    auto& geo = made[t.chosen];
    if (!geo) geo = make_geo(to_geo(g_.place(static_cast<std::uint32_t>(t.chosen))));
    m.geo = geo;
  }
  for (Entity& e : doc_.entities) {
    if (e.geo) continue;
    for (auto mi : e.mentions) {
      if (mi >= 0 && static_cast<std::size_t>(mi) < doc_.mentions.size() &&
          doc_.mentions[static_cast<std::size_t>(mi)].geo) {
        e.geo = doc_.mentions[static_cast<std::size_t>(mi)].geo;
        break;
      }
    }
  }
}

}  // namespace

void geocode(Document& doc, const Gazetteer& g) {
  if (g.empty()) return;
  DocumentGeocoder(doc, g).run();
}

void geocode(Document& doc, const Knowledge& knowledge) { geocode(doc, knowledge.gazetteer); }

}  // namespace standpoints

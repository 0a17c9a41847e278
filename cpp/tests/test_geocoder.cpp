// Geocoder checks on hand-built documents against the real gazetteer.
// Usage: test_geocoder PATH/TO/places.tsv   (exit 1 on a failure)
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "check.hpp"
#include "standpoints/geocoder.hpp"

using namespace standpoints;

namespace {

using standpoints::testing::failures;

struct Spec {
  std::string text;  // surface form
  std::string actor;
  int occurrence = 0;  // which occurrence of `text` in the document
  std::string type = "GPE";
};

// A document with one GPE mention per spec, each its own entity (id = slug or given).
Document make(const std::string& text, const std::vector<Spec>& specs) {
  Document d;
  d.id = "t";
  d.text = text;
  for (const auto& s : specs) {
    std::size_t pos = 0;
    for (int k = 0; k <= s.occurrence; ++k) {
      pos = d.text.find(s.text, k == 0 ? 0 : pos + 1);
      if (pos == std::string::npos) {
        std::fprintf(stderr, "test setup: \"%s\" not in text\n", s.text.c_str());
        std::exit(2);
      }
    }
    Mention m;
    m.start = static_cast<std::uint32_t>(pos);
    m.end = static_cast<std::uint32_t>(pos + s.text.size());
    m.type = s.type;
    m.actor = s.actor;
    m.entity = static_cast<std::int32_t>(d.entities.size());
    d.mentions.push_back(m);
    Entity e;
    e.id = s.text;
    e.name = s.text;
    e.type = s.type;
    e.actor = s.actor;
    e.mentions.push_back(m.entity);
    d.entities.push_back(e);
  }
  return d;
}

double km(const Geo& g, double lat, double lon) {
  constexpr double r = 3.14159265358979323846 / 180.0;
  const double h = std::pow(std::sin((lat - g.lat) * r / 2), 2) +
                   std::cos(g.lat * r) * std::cos(lat * r) * std::pow(std::sin((lon - g.lon) * r / 2), 2);
  return 6371.0 * 2 * std::asin(std::sqrt(h));
}

bool at(const Mention& m, const char* country, double lat, double lon, double limit = 50) {
  if (!m.geo) {
    std::fprintf(stderr, "  no geo (expected %s)\n", country);
    return false;
  }
  const bool ok = m.geo->country == country && m.geo->has_point && km(*m.geo, lat, lon) <= limit;
  if (!ok)
    std::fprintf(stderr, "  got %s %s (%.3f, %.3f) expected %s (%.3f, %.3f)\n", m.geo->name.c_str(),
                 m.geo->country.c_str(), m.geo->lat, m.geo->lon, country, lat, lon);
  return ok;
}

bool is_country(const Mention& m, const char* iso3) {
  if (!m.geo) {
    std::fprintf(stderr, "  no geo (expected country %s)\n", iso3);
    return false;
  }
  return m.geo->country == iso3 && m.geo->feature == "country";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: test_geocoder places.tsv place_words.tsv\n");
    return 2;
  }
  const auto t0 = std::chrono::steady_clock::now();
  const Gazetteer g = Gazetteer::load(argv[1], argv[2]);
  const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::printf("gazetteer: %zu places loaded in %.1f ms\n", g.size(), ms);

  // Lookup API.
  CHECK(!g.lookup("Kyiv").empty());
  CHECK(g.lookup("Kiev").size() >= 1 && g.place(g.lookup("Kiev")[0]).name == "Kyiv");
  CHECK(g.place(g.lookup("Odessa")[0]).country == "UKR");
  CHECK(g.lookup("Nowhereville").empty());
  CHECK(g.country("RUS") && g.country("RUS")->name == "Russia");
  CHECK(g.country("XXX") == nullptr);
  CHECK(g.place(g.lookup("Georgia")[0]).feature == "country");
  CHECK(g.is_unambiguous_place("Ukraine"));
  CHECK(g.is_unambiguous_place("Kharkiv"));
  CHECK(g.is_unambiguous_place("Crimea"));
  CHECK(!g.is_unambiguous_place("March"));
  CHECK(!g.is_unambiguous_place("Springfield"));
  CHECK(!g.is_unambiguous_place("Nowhereville"));
  CHECK(g.is_unambiguous_place("Rome"));
  CHECK(g.is_unambiguous_place("Kherson"));
  CHECK(!g.is_unambiguous_place("Hassan"));  // a person name first
  CHECK(!g.is_unambiguous_place("Hamas"));   // only a GeoNames alternate of Hamm

  {  // Capitals for governments keep their coordinates; countries by actor.
    Document d = make("Moscow warned Washington and Russia said Tehran would pay.",
                      {{"Moscow", "RUSGOV"}, {"Washington", "USAGOV"}, {"Russia", "RUS"}, {"Tehran", "IRNGOV"}});
    geocode(d, g);
    CHECK(at(d.mentions[0], "RUS", 55.756, 37.617));
    CHECK(at(d.mentions[1], "USA", 38.895, -77.036));
    CHECK(is_country(d.mentions[2], "RUS"));
    CHECK(at(d.mentions[3], "IRN", 35.694, 51.422));
    CHECK(d.entities[0].geo && d.entities[0].geo->country == "RUS");
  }
  {  // "City, Country" patterns, also without actors.
    Document d = make("The agreement signed in Minsk, Belarus, says the town of Berdyansk, Ukraine, is in danger.",
                      {{"Minsk", ""}, {"Belarus", "BLR"}, {"Berdyansk", ""}, {"Ukraine", "UKR"}});
    geocode(d, g);
    CHECK(at(d.mentions[0], "BLR", 53.904, 27.562));
    CHECK(is_country(d.mentions[1], "BLR"));
    CHECK(at(d.mentions[2], "UKR", 46.756, 36.788));
  }
  {  // Paris: France by default, Texas with the pattern, even against a government actor.
    Document d = make("Talks in Paris went on.", {{"Paris", ""}});
    geocode(d, g);
    CHECK(at(d.mentions[0], "FRA", 48.857, 2.352));
    Document e = make("A storm hit Paris, Texas, on Monday.", {{"Paris", "FRAGOV"}, {"Texas", ""}});
    geocode(e, g);
    CHECK(at(e.mentions[0], "USA", 33.66, -95.555));
    Document f = make("Texas officials said the storm hit Paris overnight.", {{"Texas", ""}, {"Paris", ""}});
    geocode(f, g);
    CHECK(at(f.mentions[1], "USA", 33.66, -95.555));
  }
  {  // "City, Country" false friends and dateline-style captions.
    Document d = make("Less than a year out from leaving Paris, U.S. negotiators tried again.",
                      {{"Paris", "FRAGOV"}, {"U.S.", "USA"}});
    geocode(d, g);
    CHECK(at(d.mentions[0], "FRA", 48.857, 2.352));
    Document e = make("He arrives at the U.S. Capitol in Washington, U.S. December 16, 2019.",
                      {{"U.S.", "USA"}, {"Washington", "USA"}});
    geocode(e, g);
    CHECK(at(e.mentions[1], "USA", 38.895, -77.036));
    Document f = make("Flood waters in Georgetown, South Carolina, on October 4.", {{"Georgetown", "GUYGOV"}});
    geocode(f, g);
    CHECK(!f.mentions[0].geo);  // not Guyana's capital; the gazetteer has no Georgetown in South Carolina
    Document h = make("Storms hit Georgia, Alabama, and Florida.", {{"Georgia", ""}, {"Alabama", ""}, {"Florida", ""}});
    geocode(h, g);
    CHECK(h.mentions[0].geo != nullptr);  // a list of states
  }
  {  // Georgia: the country by actor or default; the US state after a Georgia city.
    Document d = make("Russia and Georgia clashed.", {{"Russia", "RUS"}, {"Georgia", "GEO"}});
    geocode(d, g);
    CHECK(is_country(d.mentions[1], "GEO"));
    Document e = make("He flew to Atlanta, Georgia, on Friday.", {{"Atlanta", ""}, {"Georgia", ""}});
    geocode(e, g);
    CHECK(at(e.mentions[0], "USA", 33.749, -84.388));
    CHECK(e.mentions[1].geo && e.mentions[1].geo->country == "USA");
    // Also when only "Georgia" is a mention and its knowledge-base actor says the country.
    Document f = make("Police in Atlanta, Georgia, arrested two men.", {{"Georgia", "GEO"}});
    geocode(f, g);
    CHECK(f.mentions[0].geo && f.mentions[0].geo->country == "USA" && f.mentions[0].geo->feature == "admin1");
  }
  {  // Washington without an actor: the capital, not the state nor Washington (England).
    Document d = make("Officials in Washington said so.", {{"Washington", ""}});
    geocode(d, g);
    CHECK(at(d.mentions[0], "USA", 38.895, -77.036));
  }
  {  // Alternate spellings.
    Document d = make("Ukraine said Kiev and Odessa were shelled; Kyiv and Odesa denied it.",
                      {{"Ukraine", "UKR"}, {"Kiev", ""}, {"Odessa", ""}, {"Kyiv", ""}, {"Odesa", ""}});
    geocode(d, g);
    CHECK(at(d.mentions[1], "UKR", 50.45, 30.523));
    CHECK(at(d.mentions[2], "UKR", 46.48, 30.73));
    CHECK(at(d.mentions[3], "UKR", 50.45, 30.523));
    CHECK(at(d.mentions[4], "UKR", 46.48, 30.73));
  }
  {  // Regions and "X region".
    Document d =
        make("Shelling near Olenivka in the Donetsk region and in Crimea.", {{"Donetsk", "UKR"}, {"Crimea", ""}});
    geocode(d, g);
    CHECK(at(d.mentions[0], "UKR", 48.0, 37.8, 150));
    CHECK(at(d.mentions[1], "UKR", 45.0, 34.0, 150));
  }
  {  // Towns below GeoNames' 15,000 cut-off that news names: Olenivka, Qusair.
    Document d = make("A prison near Olenivka was hit, Ukraine said. Syria said Qusair fell.",
                      {{"Olenivka", ""}, {"Ukraine", "UKR"}, {"Syria", "SYR"}, {"Qusair", ""}});
    geocode(d, g);
    CHECK(at(d.mentions[0], "UKR", 47.84, 37.685));
    CHECK(at(d.mentions[3], "SYR", 34.509, 36.58));
    // Without Ukraine in the document the village has nothing to support it.
    Document e = make("A prison near Olenivka was hit.", {{"Olenivka", ""}});
    geocode(e, g);
    CHECK(!e.mentions[0].geo);
  }
  {  // No geo when nothing supports a reading: a small-town name with namesakes, far from the document.
    Document d =
        make("Russia and China met in Springfield.", {{"Russia", "RUS"}, {"China", "CHN"}, {"Springfield", ""}});
    geocode(d, g);
    CHECK(!d.mentions[2].geo);
  }
  {  // A country's entity whose surface form the gazetteer lacks.
    Document d = make("A request from the Kingdom of Jordan.", {{"Kingdom of Jordan", "JOR"}});
    d.entities[0].id = "jor";
    geocode(d, g);
    CHECK(is_country(d.mentions[0], "JOR"));
  }
  {  // All-caps datelines.
    Document d = make("KYIV (Reuters) - Ukraine said.", {{"KYIV", ""}, {"Ukraine", "UKR"}});
    geocode(d, g);
    CHECK(at(d.mentions[0], "UKR", 50.45, 30.523));
  }
  if (failures)
    std::fprintf(stderr, "%d check(s) failed\n", failures);
  else
    std::printf("all geocoder checks passed\n");
  return failures ? 1 : 0;
}

// The actor-code service: roots, organisations, media, roles, from the data
// files; a user's actor with the igo or media flag behaves like a built-in one.
#include <cstdio>
#include <string>

#include "check.hpp"
#include "standpoints/actor_codes.hpp"
#include "standpoints/analyzer.hpp"
#include "standpoints/knowledge_error.hpp"

using namespace standpoints;
using standpoints::testing::failures;

namespace {

const std::string kData = STANDPOINTS_DATA_DIR;

AnalyzerOptions options(const std::string& actors_json = "") {
  AnalyzerOptions o;
  o.knowledge.data_dir = kData;
  o.knowledge.extra_actors_json = actors_json;
  return o;
}

void roots_of_codes() {
  const Analyzer a(options());
  const ActorCodes& c = a.knowledge().codes;
  CHECK(c.root("RUSGOV") == "RUS");
  CHECK(c.root("RUS") == "RUS");
  CHECK(c.root("NATOMIL") == "NATO");  // an organisation (flagged igo in actors.tsv) and a role
  CHECK(c.root("UNHCR") == "UNHCR");   // the longest organisation code, not UN + "HCR"
  CHECK(c.root("EU") == "EU");
  CHECK(c.root("NATOXYZ") == "NAT");    // XYZ is no role: no organisation root
  CHECK(c.root("IMGMUSALQ") == "IMG");  // a non-state group: its first three letters
  CHECK(c.is_igo("NATO") && c.is_igo("WHO") && !c.is_igo("RUS"));
  CHECK(c.is_country_root("RUS") && !c.is_country_root("WHO") && !c.is_country_root("NATO"));
  CHECK(c.is_role("GOV") && c.is_role("MED") && !c.is_role("XYZ"));
  CHECK(c.is_media_code("USAMED") && c.is_media_code("GBRGOVMED") && !c.is_media_code("USAGOV"));
  CHECK(!c.is_media_code("MEDGOV"));  // a root that happens to read "MED" is no media role
  CHECK(c.is_media_role("MED") && !c.is_media_role("GOV"));
  CHECK(c.default_role() == "GOV");
}

void roles_file_errors_name_the_line() {
  bool thrown = false;
  try {
    ActorCodes::parse_roles("code\tmeaning\tflags\nGOV\tgovernment\t\nGOVERNMENT\twrong\t\n", "roles.tsv");
  } catch (const KnowledgeError& e) {
    thrown = e.line() == 3;
  }
  CHECK(thrown);
  bool no_default = false;
  try {
    ActorCodes::parse_roles("code\tmeaning\tflags\nGOV\tgovernment\t\n", "roles.tsv");
  } catch (const KnowledgeError&) {
    no_default = true;
  }
  CHECK(no_default);
}

// Statements whose source is the given actor code.
int statements_by(const Document& d, const std::string& code) {
  int n = 0;
  for (const auto& s : d.statements) n += s.source.actor == code;
  return n;
}

void a_users_organisation_is_the_alliance() {
  const std::string text = "The Acme Pact met on Monday.\nThe alliance warned Russia against any attack.";
  const std::string pact = R"({"name": "Acme Pact", "type": "ORG", "actor": "APX")";
  // With the igo flag, "the alliance" stands for it, as for NATO.
  const Analyzer flagged(options("[" + pact + R"(, "flags": ["igo"]}])"));
  CHECK(flagged.knowledge().codes.is_igo("APX"));
  const Document d = flagged.analyze_fields(std::nullopt, text, std::nullopt, std::nullopt, "t");
  CHECK(statements_by(d, "APX") == 1);
  // Without it, the pact is no organisation of states.
  const Analyzer plain(options("[" + pact + "}]"));
  const Document e = plain.analyze_fields(std::nullopt, text, std::nullopt, std::nullopt, "t");
  CHECK(statements_by(e, "APX") == 0);
  // A long organisation code is a root with roles after it.
  const Analyzer long_code(options(R"([{"name": "Acme Pact", "type": "ORG", "actor": "ACMEPACT", "flags": ["igo"]}])"));
  CHECK(long_code.knowledge().codes.root("ACMEPACTMIL") == "ACMEPACT");
}

void a_users_medium_is_no_source() {
  const std::string text = "The Daily Planet said Russia had attacked Ukraine.";
  const std::string planet = R"({"name": "Daily Planet", "type": "ORG", "actor": "USABUS")";
  const Analyzer medium(options("[" + planet + R"(, "flags": ["media"]}])"));
  const Document d = medium.analyze_fields(std::nullopt, text, std::nullopt, std::nullopt, "t");
  CHECK(statements_by(d, "USABUS") == 0);  // media report what others say
  const Analyzer business(options("[" + planet + "}]"));
  const Document e = business.analyze_fields(std::nullopt, text, std::nullopt, std::nullopt, "t");
  CHECK(statements_by(e, "USABUS") == 1);
}

}  // namespace

int main() {
  roots_of_codes();
  roles_file_errors_name_the_line();
  a_users_organisation_is_the_alliance();
  a_users_medium_is_no_source();
  if (failures)
    std::fprintf(stderr, "%d failure(s)\n", failures);
  else
    std::printf("test_actor_codes: all passed\n");
  return failures ? 1 : 0;
}

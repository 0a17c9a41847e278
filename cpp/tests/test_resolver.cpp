// The resolver: one entity per referent, codes in context, and the entity
// layer's invariant (every mention belongs to exactly one entity, which lists
// it; mentions in start order), kept by add_mentions() for every stage.
#include <algorithm>
#include <cstdio>
#include <string>

#include "check.hpp"
#include "standpoints/analyzer.hpp"
#include "standpoints/resolver.hpp"

using namespace standpoints;
using standpoints::testing::failures;

namespace {

const std::string kData = STANDPOINTS_DATA_DIR;

const Analyzer& analyzer() {
  static const Analyzer a([] {
    AnalyzerOptions o;
    o.knowledge.data_dir = kData;
    return o;
  }());
  return a;
}

Document analyse(const std::string& text) {
  return analyzer().analyze_fields(std::nullopt, text, std::string("2022-02-03"), std::nullopt, "t");
}

// Both directions of the invariant, and start order.
bool layer_holds(const Document& d) {
  bool ok = true;
  std::vector<int> listed(d.mentions.size(), 0);
  for (std::size_t ei = 0; ei < d.entities.size(); ++ei)
    for (const std::int32_t mi : d.entities[ei].mentions) {
      if (mi < 0 || static_cast<std::size_t>(mi) >= d.mentions.size()) return false;
      ++listed[static_cast<std::size_t>(mi)];
      ok = ok && d.mentions[static_cast<std::size_t>(mi)].entity == static_cast<std::int32_t>(ei);
    }
  for (std::size_t mi = 0; mi < d.mentions.size(); ++mi) {
    const Mention& m = d.mentions[mi];
    ok = ok && m.entity >= 0 && static_cast<std::size_t>(m.entity) < d.entities.size() && listed[mi] == 1;
    ok = ok && (mi == 0 || d.mentions[mi - 1].start <= m.start);
  }
  return ok;
}

std::string text_of(const Document& d, const Mention& m) { return d.text.substr(m.start, m.end - m.start); }

std::int32_t entity_of(const Document& d, const std::string& text) {
  for (const auto& m : d.mentions)
    if (text_of(d, m) == text) return m.entity;
  return -2;
}

void one_entity_per_referent() {
  // Invented names: the knowledge base cannot answer.
  const Document d = analyse(
      "Defense Minister Jana Kovalenko of Ukraine met reporters on Monday.\n"
      "Kovalenko said the Organization for Maritime Cooperation (OMC) would meet. The OMC declined to comment.");
  CHECK(layer_holds(d));
  CHECK(entity_of(d, "Kovalenko") >= 0 && entity_of(d, "Kovalenko") == entity_of(d, "Jana Kovalenko"));
  CHECK(entity_of(d, "OMC") >= 0 && entity_of(d, "OMC") == entity_of(d, "Organization for Maritime Cooperation"));
}

void codes_from_context() {
  const Document d = analyse("Russian Defense Ministry spokesman Igor Petrenko said the drills were over.");
  CHECK(layer_holds(d));
  bool coded = false;
  for (const auto& m : d.mentions)
    if (text_of(d, m) == "Igor Petrenko") coded = m.actor.rfind("RUS", 0) == 0;
  CHECK(coded);
}

void pronoun_and_nominal_sources_join_their_entities() {
  const Document d = analyse(
      "Russia's foreign ministry warned Ukraine on Monday. The ministry said the talks had failed.\n"
      "Lavrov met reporters in Moscow. He said the West had lied.");
  CHECK(layer_holds(d));
  int referring = 0;
  for (const auto& m : d.mentions) referring += m.kind != MentionKind::Name;
  CHECK(referring >= 2);
}

Mention mention_at(const Document& d, const std::string& word, std::int32_t entity, MentionKind kind) {
  Mention m;
  m.start = static_cast<std::uint32_t>(d.text.find(word));
  m.end = m.start + static_cast<std::uint32_t>(word.size());
  m.type = "PERSON";
  m.kind = kind;
  m.entity = entity;
  return m;
}

void add_mentions_keeps_the_invariant() {
  Document d = analyse("Lavrov met reporters in Moscow. He said the talks had failed, and he left.");
  // Start from the entity layer alone (no statement stage).
  d.mentions.erase(std::remove_if(d.mentions.begin(), d.mentions.end(),
                                  [](const Mention& m) { return m.kind != MentionKind::Name; }),
                   d.mentions.end());
  for (auto& e : d.entities) e.mentions.clear();
  for (std::size_t mi = 0; mi < d.mentions.size(); ++mi)
    d.entities[static_cast<std::size_t>(d.mentions[mi].entity)].mentions.push_back(static_cast<std::int32_t>(mi));
  CHECK(layer_holds(d));
  const std::int32_t lavrov = entity_of(d, "Lavrov");
  const std::size_t names = d.mentions.size(), entities = d.entities.size();
  // Out of order, one span twice, one mention without an entity.
  std::vector<Mention> added{mention_at(d, "he left", -1, MentionKind::Pronoun),
                             mention_at(d, "He", lavrov, MentionKind::Pronoun),
                             mention_at(d, "He", lavrov, MentionKind::Pronoun)};
  added[0].end = added[0].start + 2;  // "he"
  add_mentions(d, added);
  CHECK(layer_holds(d));
  CHECK(d.mentions.size() == names + 2);                                     // the repeated span once
  CHECK(d.entities.size() == entities + 1);                                  // "he" without an entity got one
  CHECK(d.entities[static_cast<std::size_t>(lavrov)].mentions.size() == 2);  // Lavrov, He
  for (const auto& m : d.mentions)
    if (m.kind == MentionKind::Pronoun) CHECK(m.last_token == m.first_token + 1 && m.sentence == 1);
}

}  // namespace

int main() {
  one_entity_per_referent();
  codes_from_context();
  pronoun_and_nominal_sources_join_their_entities();
  add_mentions_keeps_the_invariant();
  if (failures)
    std::fprintf(stderr, "%d failure(s)\n", failures);
  else
    std::printf("test_resolver: all passed\n");
  return failures ? 1 : 0;
}

// Codes from context: what the words around a name say about whose it is
// ("Russia's deputy envoy X", "X, a spokesman for the Veltrano Institute",
// "Sen. X (D-Calif.)", "X of the Sierra Club"), and the country a story is
// set in. Read by the resolver (resolver.cpp, codes_from_context()); the
// rules are listed in Reader::read, where new ones join.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "standpoints/document.hpp"
#include "standpoints/entities.hpp"
#include "token_owners.hpp"

namespace standpoints {

struct Knowledge;

namespace context_codes {

// What the words around one name say.
struct Finding {
  std::int32_t about = -1;     // the mention whose code it takes: a country ("Russia's envoy"), a
                               // body ("Kremlin spokesman"), a party ("Republican Sen."), a person
  std::int32_t employer = -1;  // an organisation after the role: "a spokesman for X", "an analyst at X"
  std::string role;            // the role code the words give ("" for none, or for a profession)
  bool has_role = false;       // a role word was read (a profession too: "analyst", "lawyer")
  bool former = false;         // "former", "retired": the office is past, the country alone
  std::string label_code;      // a party-state label gave the whole code ("D-Calif." -> USALEG)
  bool found() const { return about >= 0 || employer >= 0 || has_role || !label_code.empty(); }
};

// The role words of a stretch of text: agent words and titles (agents.tsv),
// outside names, each the longest phrase at its place. The head is the last
// one before the first preposition; its role wins unless it is the default
// role (an "official", a "spokesman", a "head"), which a more telling word
// around it overrides ("army spokesman" MIL, "head of military
// intelligence" MIL, "party official" PTY). A head without a role is a
// profession ("analyst", "lawyer"): its holder takes the code of the body or
// country named with it.
struct RoleWords {
  std::string role;
  bool has_role = false;
  bool former = false;
};

class Reader {
 public:
  Reader(const Document& doc, const Knowledge& k, const TokenOwners& owner, TokenCues& memo)
      : doc_(doc), k_(k), owner_(owner), memo_(memo) {}

  // The rules, tried in order; the first that names a coded or codable
  // context wins, and a role found by an earlier one is kept:
  // 1. a party-state label after the name: "Sen. X (D-Calif.)", "X, R-Texas," (LEG, the label's country);
  // 2. a name before it over titles and role words: "Russia's deputy foreign minister X",
  //    "Israeli army spokesman Lt. Col. X", "Kremlin spokesman X", "the Chicago-based X";
  // 3. an apposition: "X, Russia's deputy envoy to the UN", "X, a spokesman for the Y Institute",
  //    "X, chief economist at Y Bank", "X, a Russian analyst", "X, a Republican from Ohio"
  //    (LEG: a party and a region), "X, who formerly served as U.S. ambassador" (the country alone);
  // 4. "of" after the name: "X of the Sierra Club", "X of Maine".
  Finding read(const Mention& m) const;

  // Role words of tokens [a, b) (see RoleWords).
  RoleWords role_words(std::size_t a, std::size_t b) const;

 private:
  Finding party_label(const Mention& m) const;
  Finding before(const Mention& m) const;
  Finding apposition(const Mention& m) const;
  Finding of_phrase(const Mention& m) const;

  std::string_view text(std::size_t i) const { return token_text(doc_, doc_.tokens[i]); }
  std::int32_t mention_at(std::size_t i) const { return owner_[i]; }
  bool possessive(std::size_t i) const;
  bool owned(const Mention& c) const;
  bool opens_apposition(std::size_t i) const;
  bool former_before(std::size_t i) const;

  const Document& doc_;
  const Knowledge& k_;
  const TokenOwners& owner_;  // the mention covering each token, -1 for none
  TokenCues& memo_;
};

// The code a name takes from its context's code: a country or nationality
// gives its root and the role ("Russia's envoy" RUSGOV, "a Russian analyst"
// RUS); a body or person gives its own code for the default role or a
// profession ("Kremlin spokesman" RUSGOV, "an analyst at Deutsche Bank"
// DEUBUS), its root with any other role ("Fox News host" USAMED); an
// international organisation gives itself ("NATO's commander" NATO).
// `place`: the context is a country, nationality or place, not a body.
std::string combine(const Knowledge& k, std::string_view context_code, bool place, const std::string& role,
                    bool former);

// The country a story is set in: the country of at least 70% of the names
// with a country's code (three or more), else "" (a story between several
// countries). Unknown people and bodies of the story take it when nothing
// around them says otherwise.
std::string story_country(const Document& doc, const Knowledge& k);

}  // namespace context_codes
}  // namespace standpoints

// The parties to a statement (its source and targets) as the stage weighs
// them, and what it asks about their actor codes.
#pragma once

#include <algorithm>
#include <boost/container/small_vector.hpp>
#include <boost/unordered/unordered_node_map.hpp>
#include <boost/unordered/unordered_node_set.hpp>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "standpoints/actor_codes.hpp"
#include "standpoints/document.hpp"
#include "standpoints/entities.hpp"
#include "standpoints/string_map.hpp"

namespace standpoints::statements {

// A possible source or target: the words that name it, its entity and code.
struct Party {
  Argument arg;
  std::string type;     // mention type (PERSON, ORG, ...), "MEDIA" for a medium named as a subject
  bool usable = false;  // may be a source or target (coded or not: see has_code())
  std::string head;     // head word of its noun phrase ("ministry"), if lower case
  bool media = false;   // a news medium: reports what others say, takes no position
  bool plural = false;  // people of no one name ("analysts", "some"): no later "he" or "she" is them
};

// Parties of one noun phrase or one trigger: one or two almost always, so
// kept inline (a heap block per trigger cost more than the rules that fill it).
using Parties = boost::container::small_vector<Party, 2>;

// Parties with and without actor codes. Every identified speaker gives
// statements: a named person or organisation, a nominal ("officials", "the
// company") or a pronoun resolved to one, with its code when one is known and
// none (`actor: null`) otherwise. Codes still matter where the stage guesses
// a party from what is merely named nearby: a target found in the content, a
// salient or inherited target, an antecedent for "the alliance" must be coded.
inline bool has_code(std::string_view actor) noexcept { return !actor.empty(); }
inline bool has_code(const Argument& a) noexcept { return has_code(a.actor); }
// Mention types that can speak or be spoken to.
inline bool can_be_party(std::string_view type) noexcept {
  return type == "PERSON" || type == "ORG" || type == "GPE" || type == "NORP";
}

// What the stage asks about the actors of a document: the code of a mention,
// the root of a code (per code, cached: a document has a few dozen codes, asked
// about for every candidate), and whether a mention is of a medium.
class ActorFacts {
 public:
  ActorFacts(const Document& doc, const ActorCodes& codes, const ActorTable& actors, const NameCues& cues)
      : doc_(doc), codes_(codes), actors_(actors), cues_(cues) {}

  const ActorCodes& codes() const noexcept { return codes_; }
  // The mention's actor code, or its entity's (a view: no copy per candidate).
  std::string_view actor_of(const Mention& m) const {
    if (!m.actor.empty()) return m.actor;
    if (m.entity >= 0 && static_cast<std::size_t>(m.entity) < doc_.entities.size())
      return doc_.entities[static_cast<std::size_t>(m.entity)].actor;
    return {};
  }
  // ActorCodes::root() as a string that lives as long as the document's
  // facts (what the target counts and the duplicate check key by).
  const std::string& root_of(std::string_view code) const { return info(code).root; }
  // Whether mention mi is of a news medium (its code or its knowledge-base
  // entry says so), asked once per mention.
  bool is_media(std::int32_t mi) const {
    if (media_.empty()) media_.assign(doc_.mentions.size(), -1);
    std::int8_t& known = media_[static_cast<std::size_t>(mi)];
    if (known < 0) {
      const Mention& m = doc_.mentions[static_cast<std::size_t>(mi)];
      // A person who works for a medium (a host, a columnist) speaks for
      // themself: only the medium itself reports what others say.
      known = m.type != "PERSON" && (info(actor_of(m)).media || ActorCodes::has_media_flag(m, actors_)) ? 1 : 0;
    }
    return known != 0;
  }
  // Mention mi as a party when it has an actor code (else unusable): what
  // the stage takes from names it only finds nearby.
  Party from_mention(std::int32_t mi) const {
    Party p = party_of(mi);
    if (!has_code(p.arg)) return Party{};
    return p;
  }
  // Mention mi as a party, coded or not (a person, organisation, place or
  // group named as a subject or object); unusable for other types.
  Party party_of(std::int32_t mi) const {
    Party p;
    const Mention& m = doc_.mentions[static_cast<std::size_t>(mi)];
    p.arg.entity = m.entity;
    p.arg.actor = actor_of(m);
    p.arg.start = m.start;
    p.arg.end = m.end;
    p.type = m.type;
    if (!has_code(p.arg) && !can_be_party(m.type)) return Party{};
    p.usable = true;
    p.media = is_media(mi);
    return p;
  }
  // What tells parties apart (the repeats rule, "a foreign actor", inherited
  // targets): the root of a coded party's code; else its entity ("#12"), or
  // for words no entity holds yet, their lower-cased text ("@officials").
  std::string_view key_of(const Argument& a) const {
    if (has_code(a)) return root_of(a.actor);
    if (a.entity >= 0) return entity_key(a.entity);
    std::string key = "@";
    for (std::uint32_t i = a.start; i < a.end && i < doc_.text.size(); ++i)
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(doc_.text[i])));
    return *uncoded_keys_.insert(std::move(key)).first;
  }
  bool same_party(const Argument& a, const Argument& b) const { return key_of(a) == key_of(b); }
  // Whether the word at token t names a person by what they do ("reporter",
  // "journalists", "host": a row of agents.tsv that names no body).
  bool is_person_noun(std::uint32_t t) const {
    const NameCues::Agent* agent = nullptr;
    return cues_.agent_at(doc_, t, t + 1, &agent) == 1 && !agent->body;
  }
  // What tells sources apart in the repeats rule: a person is an actor of
  // their own, so two people of one country who speak in one paragraph
  // ("X said ... Y said", both USA) give a statement each, while "X said ...
  // he added" stays one; other parties as key_of() (a ministry and its
  // country are one source).
  std::string_view source_key_of(const Argument& a) const {
    if (a.entity >= 0 && static_cast<std::size_t>(a.entity) < doc_.entities.size() &&
        doc_.entities[static_cast<std::size_t>(a.entity)].type == "PERSON")
      return entity_key(a.entity);
    return key_of(a);
  }

 private:
  // "#12", the key of entity 12: made once per entity (the repeats rule asks
  // for the source's and target's key of every statement found).
  std::string_view entity_key(std::int32_t entity) const {
    const auto e = static_cast<std::size_t>(entity);
    if (e >= entity_keys_.size()) entity_keys_.resize(std::max(e + 1, doc_.entities.size()));
    std::string_view& key = entity_keys_[e];
    if (key.empty()) key = *uncoded_keys_.insert("#" + std::to_string(entity)).first;
    return key;
  }
  struct CodeInfo {
    std::string root;
    bool media = false;
  };
  const CodeInfo& info(std::string_view code) const {
    // The same code is often asked about several times in a row (a source's
    // root for each of its statements): the last answer is kept.
    if (last_ && last_->first == code) return last_->second;
    auto it = info_.find(code);
    if (it == info_.end())
      it = info_.emplace(std::string(code), CodeInfo{std::string(codes_.root(code)), codes_.is_media_code(code)}).first;
    last_ = &*it;
    return it->second;
  }
  const Document& doc_;
  const ActorCodes& codes_;
  const ActorTable& actors_;
  const NameCues& cues_;
  // A node map: root_of() hands out references that later insertions keep valid.
  mutable boost::unordered_node_map<std::string, CodeInfo, StringHash, std::equal_to<>> info_;
  mutable const std::pair<const std::string, CodeInfo>* last_ = nullptr;
  mutable std::vector<std::int8_t> media_;  // per mention: -1 not asked yet
  // key_of() of uncoded parties (a node set: the views it hands out stay valid).
  mutable boost::unordered_node_set<std::string, StringHash, std::equal_to<>> uncoded_keys_;
  mutable std::vector<std::string_view> entity_keys_;  // per entity: its key in uncoded_keys_, once made
};

}  // namespace standpoints::statements

// The parties to a statement (its source and targets) as the stage weighs
// them, and what it asks about their actor codes.
#pragma once

#include <boost/container/small_vector.hpp>
#include <boost/unordered/unordered_node_map.hpp>
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
  bool usable = false;  // may be a source or target (see has_code())
  std::string head;     // head word of its noun phrase ("ministry"), if lower case
  bool media = false;   // a news medium: reports what others say, takes no position
};

// Parties of one noun phrase or one trigger: one or two almost always, so
// kept inline (a heap block per trigger cost more than the rules that fill it).
using Parties = boost::container::small_vector<Party, 2>;

// The one decision on uncoded parties: a statement's source and target need
// an actor code. A person without one still counts for pronouns ("he"), but
// gives no statement; a name without one is no head of an object phrase and
// no antecedent for "the ministry" or "the alliance". Every part of the stage
// asks here, so that statements for uncoded speakers (`actor: null`) are a
// change of this one place and its callers' fallbacks.
inline bool has_code(std::string_view actor) noexcept { return !actor.empty(); }
inline bool has_code(const Argument& a) noexcept { return has_code(a.actor); }

// What the stage asks about the actors of a document: the code of a mention,
// the root of a code (per code, cached: a document has a few dozen codes, asked
// about for every candidate), and whether a mention is of a medium.
class ActorFacts {
 public:
  ActorFacts(const Document& doc, const ActorCodes& codes, const ActorTable& actors)
      : doc_(doc), codes_(codes), actors_(actors) {}

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
      known = info(actor_of(m)).media || ActorCodes::has_media_flag(m, actors_) ? 1 : 0;
    }
    return known != 0;
  }
  // Mention mi as a party: its words, entity and code.
  Party from_mention(std::int32_t mi) const {
    Party p;
    const Mention& m = doc_.mentions[static_cast<std::size_t>(mi)];
    const std::string_view actor = actor_of(m);
    p.arg.entity = m.entity;
    p.arg.actor = actor;
    p.arg.start = m.start;
    p.arg.end = m.end;
    if (!has_code(p.arg)) return Party{};
    p.type = m.type;
    p.usable = true;
    p.media = is_media(mi);
    return p;
  }

 private:
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
  // A node map: root_of() hands out references that later insertions keep valid.
  mutable boost::unordered_node_map<std::string, CodeInfo, StringHash, std::equal_to<>> info_;
  mutable const std::pair<const std::string, CodeInfo>* last_ = nullptr;
  mutable std::vector<std::int8_t> media_;  // per mention: -1 not asked yet
};

}  // namespace standpoints::statements

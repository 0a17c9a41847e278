// Referents: what a pronoun ("he", "they"), a nominal ("the ministry",
// "officials") or a document ("the letter") stands for, from the sources and
// names before it. The only part of the statement stage that proposes new
// mentions: each resolved head is proposed as a mention of the entity it
// stands for, and the stage hands the proposals to the resolver at the end.
#pragma once

#include <cstdint>
#include <vector>

#include "standpoints/document.hpp"
#include "statements/history.hpp"
#include "statements/lexicon.hpp"
#include "statements/parties.hpp"
#include "statements/token_view.hpp"

namespace standpoints::statements {

class Referents {
 public:
  Referents(const TokenView& view, const ActorFacts& facts, const SourceHistory& history)
      : view_(view), facts_(facts), history_(history), walk_budget_(4 * std::size_t{view.size()} + 1024) {}

  // The party that the words [first_token, head_token] stand for (a
  // pronoun or nominal of the given referent class); unusable when none fits.
  Party resolve(Referent cls, std::uint32_t first_token, std::uint32_t head_token, MentionKind kind);
  // "they" or "the four countries" (a group referent) after a statement of
  // several sources ("A, B and C warned ... , they said"), in this paragraph
  // or the one before: every source of that list, appended to `out`;
  // false when there is no such list.
  bool resolve_list(Referent cls, std::uint32_t first_token, std::uint32_t head_token, Parties& out) const;
  // The words [first_token, head_token] as a speaker of their own, without a
  // code and without an antecedent ("analysts said"): a new mention of type `type`.
  Party speaker_of_its_own(std::uint32_t first_token, std::uint32_t head_token, std::string type);

  // A person who speaks for a medium ("NPR's Jane Roe, reporting from ..., says"):
  // no source, but what a later "she" stands for, when no one was named since.
  void note_media_person(std::uint32_t start, std::uint32_t paragraph) {
    media_person_start_ = start;
    media_person_paragraph_ = paragraph;
  }

  // The mentions proposed so far, in the order of resolution.
  std::vector<Mention> take_proposals() { return std::move(proposals_); }

 private:
  Party resolve_by_class(Referent cls, std::uint32_t first_token, std::uint32_t paragraph, std::uint32_t start,
                         std::uint32_t end) const;
  Party from_seen(const Seen* s, std::uint32_t start, std::uint32_t end) const;
  // "X published a report", "a judge has issued a report": the mention that
  // ends the subject of the verb before a document's words, or -1.
  std::int32_t publisher_of(std::uint32_t first_token) const;
  void propose(Party& p, std::uint32_t head_token, MentionKind kind);
  Party from_mention_at(std::int32_t mi, std::uint32_t start, std::uint32_t end) const;
  // A nominal that stands for no one named: a party of its own, without a code.
  static Party unresolved_nominal(Referent cls, std::uint32_t start, std::uint32_t end);

  // Names before a token, by kind, for the look-backs below (built on first use).
  enum class NameKind : std::uint8_t { Person, OrgOrPlace, Organisation, Count };
  // The mention at the last token of the kind before `before` that lies in
  // paragraph `from` or later, or -1.
  std::int32_t recent(NameKind kind, std::uint32_t before, std::uint32_t from) const;
  std::int32_t recent_indexed(NameKind kind, std::uint32_t before, std::uint32_t from) const;
  bool is_kind(NameKind kind, std::uint32_t token) const;

  const TokenView& view_;
  const ActorFacts& facts_;
  const SourceHistory& history_;
  std::vector<Mention> proposals_;
  mutable std::vector<std::uint32_t> tokens_of_kind_[static_cast<int>(NameKind::Count)];
  mutable bool indexed_[static_cast<int>(NameKind::Count)] = {};
  mutable std::size_t walk_budget_;
  std::int64_t media_person_start_ = -1;  // the last person speaking for a medium (byte offset), or -1
  std::uint32_t media_person_paragraph_ = 0;
  // Whether a person named at byte `start` was named before the last person
  // speaking for a medium, which lies in paragraph `from` or later.
  bool media_person_since(std::uint32_t start, std::uint32_t from) const {
    return media_person_start_ > static_cast<std::int64_t>(start) && media_person_paragraph_ >= from;
  }  // steps left for walks back (then the indexes answer)
};

}  // namespace standpoints::statements

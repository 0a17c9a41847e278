// Noun phrases around a trigger: its subject (scanned leftwards from the
// word before it) and its object or agent (scanned rightwards). The scanners
// only read the token view; turning what they found into parties, which may
// resolve a pronoun or nominal, is PhraseReader's job.
#pragma once

#include <boost/container/small_vector.hpp>
#include <cstdint>
#include <optional>

#include "standpoints/document.hpp"
#include "statements/lexicon.hpp"
#include "statements/parties.hpp"
#include "statements/referents.hpp"
#include "statements/token_view.hpp"

namespace standpoints::statements {

// What a scanner found: the names heading the phrase's conjuncts, or a
// pronoun or nominal head that stands for an actor named before.
struct NounPhrase {
  boost::container::small_vector<std::int32_t, 2> names;  // mentions, in text order
  struct ReferentHead {
    const ActEntry* entry = nullptr;  // the pronoun or nominal row of acts.tsv
    MentionKind kind = MentionKind::Pronoun;
    std::uint32_t first = 0;  // first token of the words that refer (after determiners)
    std::uint32_t head = 0;   // the head token
  };
  std::optional<ReferentHead> referent;
  std::uint32_t first = 0;       // first token of the phrase
  std::int64_t lower_head = -1;  // the last token when it is a lower-case word ("ministry"), else -1
};

// The noun phrase that ends at token `e` (no further left than `lo`): names
// joined by "and", "or" and list commas ("A, B and C"), possessives, titles
// and up to four lower-case words; a pronoun or nominal head alone.
// `juxtapose`: two names side by side are two conjuncts (headlines).
NounPhrase scan_phrase_before(const TokenView& view, std::int64_t e, std::uint32_t lo, bool juxtapose = false);

// Whether the names from token k on run into an "and" or "or" (through
// further names, determiners, capitalised words and commas) before the
// sentence goes on otherwise: a comma continues a list only then. The scan
// from k ends where the scan from any token it passes ends: ListEnd keeps
// the last one, so that the commas of a long list cost one scan.
struct ListEnd {
  std::uint32_t from = UINT32_MAX, to = 0, hi = 0;
  bool closes = false;
};
bool list_closes(const TokenView& view, std::uint32_t k, std::uint32_t hi, ListEnd* last = nullptr);

// The noun phrase that starts at token `b` (before `hi`): the first coded
// name of each conjunct ("the US state department" -> US); with
// `allow_referent`, a pronoun first or a nominal head last.
NounPhrase scan_phrase_after(const TokenView& view, const ActorFacts& facts, std::uint32_t b, std::uint32_t hi,
                             bool allow_referent, ListEnd* list_end = nullptr);

// Where a noun phrase read by PhraseReader starts, and whether it names someone.
struct PhraseExtent {
  std::uint32_t first = 0;  // first token of the phrase
  bool found = false;       // it names someone (a name, or a referent that resolved)
};

// Scans noun phrases and resolves what they name.
class PhraseReader {
 public:
  PhraseReader(const TokenView& view, const ActorFacts& facts, Referents& referents)
      : view_(view), facts_(facts), referents_(referents) {}

  // The subject before a trigger, its parties appended to `out`: every
  // conjunct, a medium marked as such (no source) unless it only qualifies
  // people who speak ("RT journalists", "a reporter for CNN"), a person
  // without a code kept for pronouns.
  PhraseExtent subject_before(Parties& out, std::int64_t e, std::uint32_t lo, bool juxtapose = false);
  // The object or agent after a trigger, appended to `out`: the coded names that are no media.
  PhraseExtent object_after(Parties& out, std::uint32_t b, std::uint32_t hi, bool allow_referent);

 private:
  // Whether token t is a lower-case word for people ("officials", "reporter").
  bool names_people(std::uint32_t t) const;
  // A subject phrase whose names are all media, where they only modify
  // people ("RT journalists", "a CNN reporter") or follow a person after a
  // preposition ("Lee Wang of The Intercept", "a reporter for USA Today"):
  // the person, who speaks for themself; none otherwise (the medium reports).
  std::optional<Party> person_of_medium(const NounPhrase& np, std::uint32_t lo);
  Party resolve(const NounPhrase::ReferentHead& r) {
    return referents_.resolve(r.entry->referent, r.first, r.head, r.kind);
  }
  const TokenView& view_;
  const ActorFacts& facts_;
  Referents& referents_;
  ListEnd list_end_;
};

}  // namespace standpoints::statements

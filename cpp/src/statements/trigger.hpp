// Triggers: the lexicon form that starts at a candidate token, read as a
// noun or a verb from its context, and the words that rule it out.
#pragma once

#include <cstdint>
#include <vector>

#include "statements/lexicon.hpp"
#include "statements/token_view.hpp"

namespace standpoints::statements {

struct Trigger {
  const ActEntry* entry = nullptr;
  std::uint32_t first = 0, last = 0;  // tokens [first, last)
  bool ing = false;                   // its last word ends in -ing ("saying")
  bool noun_context = false;          // a determiner, possessive or modifier before it reads it as a noun
  bool infinitive = false;            // after "to" ("took to Twitter to say"): the parse finds whose it is
  bool is_noun() const { return entry->pos == Pos::Noun; }
  std::int64_t before() const { return static_cast<std::int64_t>(first) - 1; }
};

// The longest trigger form (verb, noun, phrase or light verb) that starts at
// token i and ends before `hi`; of forms of equal length, the first listed.
Trigger match_trigger_form(const TokenView& view, std::uint32_t i, std::uint32_t hi, const std::vector<ActForm>* forms);

// What a candidate token is.
struct TriggerReading {
  enum class Outcome : std::uint8_t {
    NoTrigger,  // no trigger starts here
    Skipped,    // a trigger form that makes no statement here (its words are passed over)
    Trigger,    // a trigger to build a statement on
  };
  Outcome outcome = Outcome::NoTrigger;
  Trigger trigger;
};

// Reads the trigger at a candidate of the sentence [lo, hi): the noun or verb
// reading of a form listed as both, and the contexts that rule it out (a
// hyphen: "Iran-backed"; a possessive or determiner before a verb form: "the
// Kremlin's comments"; a light verb; "could say"). An infinitive after "to"
// ("went on to explain") is read as a trigger marked `infinitive` (its
// construction asks the parse whether another trigger governs it: "urged X
// to say"). `title`: the sentence is a headline.
TriggerReading read_trigger(const TokenView& view, const TriggerCandidate& candidate, std::uint32_t lo,
                            std::uint32_t hi, bool title);

// "A and B all said", "they each warned": a floating quantifier at token q
// after a name, pronoun or listed nominal, no determiner of the verb after it.
bool floating_quantifier(const TokenView& view, std::int64_t q, std::uint32_t lo);
// "he's claiming", "who's calling for": the "'s" at token k after a subject
// pronoun is "is", no possessive.
bool contracted_is(const TokenView& view, std::int64_t k, std::uint32_t lo);

// An adverb: a listed one ("already", "publicly") or a lowercase -ly word.
bool is_adverb(const TokenView& view, std::uint32_t u);
// `j` is an adverb: the token before its chain ("repeatedly and very publicly").
std::int64_t skip_adverb_chain(const TokenView& view, std::int64_t j, std::uint32_t lo);

// Skips auxiliaries, adverbs, negation and time expressions leftwards from
// token j; sets `negated` when a negation was among them.
std::int64_t skip_auxiliaries(const TokenView& view, std::int64_t j, std::uint32_t lo, bool& negated);

}  // namespace standpoints::statements

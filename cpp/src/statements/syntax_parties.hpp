// Parties read from the syntactic layer: the noun a parse gives as a
// trigger's subject, agent or object, and its conjuncts ("A, B and C"), each
// turned into a party the way the token patterns turn a noun phrase into one:
// a name; a pronoun or listed nominal resolved to an antecedent; a noun that a
// name modifies ("Russian officials", "Russia's foreign ministry", "the
// leaders of Britain and France"); or, as the subject of a verb of saying, a
// speaker of its own without a code ("analysts said").
#pragma once

#include <cstdint>

#include "statements/frame.hpp"

namespace standpoints::statements {

// How a noun stands to the trigger.
enum class NounRole : std::uint8_t {
  Speaker,  // subject or agent of a verb of saying ("quote" entries): any noun may speak
  Subject,  // subject or agent of another trigger: names, pronouns and listed nominals only
  Object,   // object or addressee: names only (a pronoun object is rarely an actor)
};

// The parties that noun token `head` and its conjuncts name, appended to
// `out` (a medium as a subject is kept, marked as such, so that it gives no
// statement). Returns the first token of the first conjunct's noun phrase.
std::uint32_t parties_of_noun(DocumentStage& stage, std::uint32_t head, NounRole role, Parties& out);

}  // namespace standpoints::statements

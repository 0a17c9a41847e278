// Completing a frame after its construction: what the trigger's entry asks
// of its surroundings, the target its frame names (object or prepositional
// object), the content (quotation, that-clause, infinitive, the rest of the
// sentence), a target named in the content, and the sources of participles
// and coordinated verbs, which come from a neighbouring statement.
#pragma once

#include <cstdint>

#include "statements/frame.hpp"

namespace standpoints::statements {

// The entry's conditions on its surroundings: "attacked X for ..." (needfor),
// "charged that ..." (thatonly).
bool entry_conditions_hold(const DocumentStage& stage, const SentenceScope& scope, const Trigger& t);

// The target by the entry's frame: its direct object ("urged Russia") or the
// object of a listed preposition ("appealed to Russia"). Records the names
// taken so in the scope (no subjects of later triggers).
void find_frame_target(DocumentStage& stage, SentenceScope& scope, const Trigger& t, Frame& f);

// The content: a quotation before the subject ('"...," X said') or after the
// trigger, a that-clause, an infinitive, a clause after a verb of saying.
// False when the entry only counts next to a quotation and there is none.
bool find_content(const DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Frame& f);

// A target named at the start of the content ("warned that Russia ..."), or,
// for an act aimed at someone, the first foreign actor in its first words.
void find_content_target(const DocumentStage& stage, const Trigger& t, Act act, Frame& f);

// The sources of a participle or a coordinated verb: the statement before in
// the sentence, else the sentence's first name (coordination) or the subject
// of the next clause (participle). False when the participle only repeats the
// statement before.
bool find_neighbour_sources(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Act act, Frame& f);

// Content from token b to the end of the sentence, without the final stop,
// up to a semicolon.
std::optional<Span> clause_span(const TokenView& view, std::uint32_t b, const SentenceScope& scope);

}  // namespace standpoints::statements

// Constructions: the ways a trigger's source (and at first its target and
// content) are found around it, one function each. Each reads the token view
// and returns the frame, or nothing when the construction gives no statement.
// The frame is then completed (frame_completion.hpp) and its act decided (acts.hpp).
//
//   noun trigger            "Washington's warning", "Russian demands", "gave a warning", "a call from X"
//   according to            "according to X"
//   passive with agent      "Ukraine was accused by Russia of ..."
//   participle              "..., saying ..."
//   infinitive              "X took to Twitter to say", "X went on to explain" (the parse's subject)
//   sentence-initial inverted 'Said X, "..."'
//   quoted as               "quotes X as saying"
//   relative clause         "X, who warned ..."
//   coordination            "X dismissed ... and said ..."
//   appositive or inverted  "Lavrov, speaking in Minsk, said", '"...," said X'
//   plain subject           "X warned Y"
//   headline colon          "X: ..." (a paragraph-level construction, in paragraphs.cpp)
//   quote-only paragraph    a paragraph that is only a quotation (paragraphs.cpp)
#pragma once

#include <cstdint>
#include <optional>

#include "statements/frame.hpp"

namespace standpoints::statements {

// The frame of a trigger, by the construction its surroundings show, built
// into `f` (fresh: after = t.last). False when the construction gives no statement.
bool frame_for(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Frame& f);
// An infinitive trigger ("X took to Twitter to say"): the subject of the verb
// it complements speaks, by the parse; none where that verb is a trigger
// ("refused to confirm": that one's act), no verb ("hard to say") or has an
// object ("forced X to admit").
bool infinitive(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Frame& f);
// The construction of a verb trigger from the token patterns around it.
bool verb_construction(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Frame& f);
// The source the parse gives a verb trigger (its sentence parsed on demand):
// its own subject or the one it shares (a participle, conjunct, relative
// clause), a passive's agent with its subject as the target, a subject after
// the verb ('"...," said X'). For triggers whose token patterns found none.
bool syntactic_subject(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Frame& f);
// Words parsed past a trigger when its subject is asked: the parser's own
// look-ahead (three words) and one more.
constexpr std::uint32_t kLookAhead = 4;
// Words parsed before a trigger (those before get no arcs):
// its subject lies near it. On news a tenth fewer words parsed; on PolNeAR
// train 0.001 less source recall, on dev no change.
constexpr std::uint32_t kLookBehind = 25;
// How far back appositive_or_inverted looks for the comma after a subject
// ("X, reporting from Amman, Jordan, said"), and how far for one that opens a
// relative clause ("X, who ... , said").
constexpr std::int64_t kCommaReach = 20;
constexpr std::int64_t kRelativeClauseReach = 45;

bool noun_trigger(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Frame& f);
void according_to(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Frame& f);

// The verb constructions start from `j`: the token before the trigger once
// auxiliaries, adverbs, negation and time words are skipped.
bool passive_with_agent(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, std::int64_t j, Frame& f);
void participle(Frame& f);
void sentence_initial_inverted(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Frame& f);
void quoted_as(DocumentStage& stage, const SentenceScope& scope, std::int64_t j, Frame& f);
void relative_clause(DocumentStage& stage, const SentenceScope& scope, std::int64_t j, Frame& f);
void coordination(DocumentStage& stage, const SentenceScope& scope, std::int64_t j, Frame& f);
void appositive_or_inverted(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, std::int64_t j,
                            Frame& f);
void plain_subject(DocumentStage& stage, const SentenceScope& scope, std::int64_t j, Frame& f);

}  // namespace standpoints::statements

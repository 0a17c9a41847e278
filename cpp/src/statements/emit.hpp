// From a decided frame to statements: one per source and foreign target,
// the act decided for each (acts.hpp), the source recorded in the history.
#pragma once

#include <cstdint>
#include <optional>

#include "statements/frame.hpp"

namespace standpoints::statements {

// One statement by `source` toward `given` (or none) for a trigger entry and
// the act it gives. `addressed`: `given` is the trigger's object ("urged the
// Trump administration"), which may share the source's country (not its code).
void emit_statement(DocumentStage& stage, const Party& source, const Party* given, const ActEntry& entry, Act act,
                    Span trigger, const std::optional<Span>& content, bool quote, bool negated, std::uint32_t sentence,
                    bool addressed = false);

// The statements of a completed frame: one per usable source and per target
// of another root (one without a target when there is none). Returns whether
// any source could speak. A person named without a code goes to the history
// only (pronouns may refer to them).
bool emit_frame(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Act act, Frame& f);

// The entry that headline and quotation-only statements take: SAY, CAMEO 010.
const ActEntry& plain_say_entry();

}  // namespace standpoints::statements

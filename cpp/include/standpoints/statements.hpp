// Statements (positions): who says, offers, demands, urges, warns, accuses,
// rejects, denies or supports what, toward whom (SCHEMA.md "statements").
// The stage lives in cpp/src/statements/ (docs/ARCHITECTURE.md).
#pragma once

#include <cstdint>
#include <vector>

#include "standpoints/document.hpp"

namespace standpoints {

struct Knowledge;

// Adds doc.statements. Runs after entities are resolved (and geocoded); the
// pronoun and nominal mentions that name sources ("he", "the ministry") join
// doc.mentions and their entities through add_mentions() (resolver.hpp).
void extract_statements(Document& doc, const Knowledge& knowledge);

// The sentences (indices into doc.sentences, outside boilerplate) holding a
// token where a trigger may start: the only sentences the statement stage
// reads, and so the ones a syntax stage needs to parse.
std::vector<std::uint32_t> sentences_with_trigger_candidates(const Document& doc, const Knowledge& knowledge);

}  // namespace standpoints

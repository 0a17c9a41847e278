// Constructions that span a paragraph rather than a trigger.
#pragma once

#include <cstdint>

#include "statements/frame.hpp"

namespace standpoints::statements {

// "X: ..." at the start of a sentence (a headline, a live-blog line): X says what follows.
void headline_colon(DocumentStage& stage, std::uint32_t sentence);

// A paragraph that is only a quotation (and found no statement of its own)
// belongs to the last speaker of the paragraph before (first_token: the
// paragraph's first).
void quote_only_paragraph(DocumentStage& stage, std::uint32_t paragraph, std::uint32_t first_token);

}  // namespace standpoints::statements

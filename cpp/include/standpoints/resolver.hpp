// Resolution: one entity per referent ("Vladimir Putin" ... "Putin"), actor
// codes in context (date-aware offices, capitals as governments, roles).
#pragma once

#include "standpoints/document.hpp"

namespace standpoints {

struct Knowledge;

// Fills Mention::entity/actor and doc.entities. Runs after find_mentions.
void resolve_entities(Document& doc, const Knowledge& knowledge);

}  // namespace standpoints

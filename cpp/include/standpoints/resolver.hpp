// Resolution: one entity per referent ("Vladimir Putin" ... "Putin"), actor
// codes in context (date-aware offices, capitals as governments, roles).
#pragma once

#include <vector>

#include "standpoints/document.hpp"

namespace standpoints {

struct Knowledge;

// Fills Mention::entity/actor and doc.entities. Runs after find_mentions.
// Afterwards the entity layer holds its invariant: every mention belongs to
// exactly one entity, which lists it, and doc.mentions is in start order.
void resolve_entities(Document& doc, const Knowledge& knowledge);

// The one way for any stage to add mentions (the statement stage's pronouns
// and nominals, the resolver's own surnames and acronyms): inserts `added`
// into doc.mentions in start order (after mentions of the same start; a span
// already there, or given twice, is added once), completes their token range
// and sentence, and rebuilds every entity's mention list. A mention whose
// entity does not exist gets an entity of its own, so the invariant holds.
void add_mentions(Document& doc, std::vector<Mention> added);

}  // namespace standpoints

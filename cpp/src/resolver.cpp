#include "standpoints/resolver.hpp"

#include "standpoints/knowledge.hpp"

namespace standpoints {

void resolve_entities(Document& doc, const Knowledge& knowledge) {
  (void)doc;
  (void)knowledge;
}

}  // namespace standpoints

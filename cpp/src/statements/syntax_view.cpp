#include "statements/syntax_view.hpp"

#include <algorithm>

namespace standpoints::statements {

bool SyntaxView::ensure(std::uint32_t si, std::uint32_t end, std::uint32_t from) {
  if (si >= doc_.sentences.size()) return false;
  const Sentence& s = doc_.sentences[si];
  end = std::min(end, s.last_token);
  from = std::max(from, s.first_token);
  if (doc_.syntax.is_parsed(si) &&
      (doc_.syntax.parsed[si] == 1 || (parsed_end(doc_, si) >= end && parsed_from(doc_, si) <= from)))
    return true;
  if (model_.empty() || s.last_token - s.first_token > kMaxTokens || end <= from) return false;
  parse_prefix(doc_, model_, si, end, from, &buffers_);
  ++sentences_;
  tokens_ += end - from;
  return doc_.syntax.is_parsed(si);
}

boost::container::small_vector<std::uint32_t, 4> SyntaxView::conjuncts(std::uint32_t t) const {
  boost::container::small_vector<std::uint32_t, 4> out{t};
  const Sentence& s = doc_.sentences[doc_.sentence_of(t)];
  const auto& syn = doc_.syntax.tokens;
  // Conjuncts hang on the first one, or each on the one before ("A, B and C"):
  // one pass in text order collects the chain.
  for (std::uint32_t j = t + 1; j < s.last_token; ++j) {
    if (syn[j].dep != Dep::Conj || syn[j].head < 0) continue;
    const auto h = static_cast<std::uint32_t>(syn[j].head);
    if (std::find(out.begin(), out.end(), h) != out.end()) out.push_back(j);
  }
  return out;
}

}  // namespace standpoints::statements

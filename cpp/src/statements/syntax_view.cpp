#include "statements/syntax_view.hpp"

#include <algorithm>

namespace standpoints::statements {

bool SyntaxView::ensure(std::uint32_t si) {
  if (doc_.syntax.is_parsed(si)) return true;
  if (model_.empty() || si >= doc_.sentences.size()) return false;
  const Sentence& s = doc_.sentences[si];
  const std::uint32_t n = s.last_token - s.first_token;
  if (n == 0 || n > kMaxTokens) return false;
  parse_sentences(doc_, model_, std::span<const std::uint32_t>(&si, 1));
  ++sentences_;
  tokens_ += n;
  return doc_.syntax.is_parsed(si);
}

boost::container::small_vector<std::uint32_t, 4> SyntaxView::conjuncts(std::uint32_t t) const {
  boost::container::small_vector<std::uint32_t, 4> out{t};
  const Sentence& s = doc_.sentences[doc_.tokens[t].sentence];
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

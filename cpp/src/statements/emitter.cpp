#include "statements/emitter.hpp"

#include <boost/unordered/unordered_flat_set.hpp>
#include <string_view>

#include "standpoints/string_map.hpp"

namespace standpoints::statements {

std::vector<Statement> Emitter::take_distinct() {
  // The roots are the strings ActorFacts keeps, acts the statements' own.
  struct Key {
    std::uint32_t paragraph;
    std::string_view source, act, target;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const noexcept {
      const StringHash h;
      return h(k.source) ^ (h(k.act) * 31) ^ (h(k.target) * 131) ^ (std::size_t{k.paragraph} * 0x9E3779B97F4A7C15ull);
    }
  };
  boost::unordered_flat_set<Key, KeyHash> keys;
  keys.reserve(out_.size());
  std::vector<Statement> kept;
  kept.reserve(out_.size());
  for (std::size_t k = 0; k < out_.size(); ++k) {
    Statement& st = out_[k];
    const Key key{paragraph_[k], facts_.key_of(st.source), st.act,
                  st.target ? facts_.key_of(*st.target) : std::string_view()};
    if (keys.contains(key)) continue;
    kept.push_back(std::move(st));
    Key stored = key;
    stored.act = kept.back().act;  // `st` was moved from; `kept` never regrows (reserved)
    keys.insert(stored);
  }
  out_.clear();
  paragraph_.clear();
  return kept;
}

}  // namespace standpoints::statements

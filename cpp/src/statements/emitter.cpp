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
  // The statements kept move to the front of out_ (no second vector of them:
  // a huge document has one statement every 700 bytes or so of news).
  std::size_t kept = 0;
  for (std::size_t k = 0; k < out_.size(); ++k) {
    Statement& st = out_[k];
    const Key key{paragraph_[k], facts_.source_key_of(st.source), st.act,
                  st.target ? facts_.key_of(*st.target) : std::string_view()};
    if (keys.contains(key)) continue;
    if (kept != k) out_[kept] = std::move(st);
    Key stored = key;
    stored.act = out_[kept].act;  // later moves only write after `kept`: the view holds
    keys.insert(stored);
    ++kept;
  }
  out_.resize(kept);
  paragraph_.clear();
  return std::move(out_);
}

}  // namespace standpoints::statements

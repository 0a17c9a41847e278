#include "statements/emitter.hpp"

#include <iterator>

#include "standpoints/string_map.hpp"

namespace standpoints::statements {

Emitter::Emitter(const ActorFacts& facts) : facts_(facts), seen_(0, Hash{}, Equal{this}) {}

std::size_t Emitter::Hash::operator()(const Key& k) const noexcept {
  const StringHash h;
  return h(k.source) ^ (h(k.act) * 31) ^ (h(k.target) * 131) ^ (std::size_t{k.paragraph} * 0x9E3779B97F4A7C15ull);
}

// The keys are the strings ActorFacts keeps (they stay put), the act the
// statement's own.
Emitter::Key Emitter::key_of(const Statement& st, std::uint32_t paragraph) const {
  return Key{paragraph, facts_.source_key_of(st.source), st.act,
             st.target ? facts_.key_of(*st.target) : std::string_view()};
}

void Emitter::add(Statement st, std::uint32_t paragraph) {
  ++added_;
  // Keys hold their paragraph, and paragraphs come in order: a new paragraph
  // repeats nothing kept before it, and the set starts over (its room kept:
  // a huge document's set stays the size of its longest paragraph's).
  if (paragraph != last_paragraph_) seen_.clear();
  last_paragraph_ = paragraph;
  const Key key = key_of(st, paragraph);
  const std::size_t hash = Hash{}(key);
  if (seen_.contains(key)) {
    last_kept_ = false;
    last_repeat_ = std::move(st);
    return;
  }
  // The first chunk starts with room for kFirst (most documents keep fewer) and grows as a
  // vector up to kChunk; the next ones are made whole.
  if (chunks_.empty() || chunks_.back().size() == kChunk) {
    chunks_.emplace_back();
    chunks_.back().reserve(chunks_.size() == 1 ? kFirst : kChunk);
  }
  chunks_.back().push_back(std::move(st));
  seen_.insert(Kept{hash, kept_++, paragraph});
  last_kept_ = true;
}

Emitter::Chunks Emitter::take_distinct() {
  seen_.clear();
  kept_ = 0;
  added_ = 0;
  last_kept_ = false;
  return std::move(chunks_);
}

std::vector<Statement> Emitter::concatenate(Chunks chunks) {
  std::size_t n = 0;
  for (const auto& chunk : chunks) n += chunk.size();
  std::vector<Statement> out;
  out.reserve(n);
  // Each chunk is freed once moved.
  for (auto& chunk : chunks) {
    out.insert(out.end(), std::make_move_iterator(chunk.begin()), std::make_move_iterator(chunk.end()));
    std::vector<Statement>().swap(chunk);
  }
  return out;
}

}  // namespace standpoints::statements

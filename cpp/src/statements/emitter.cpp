#include "statements/emitter.hpp"

#include "standpoints/string_map.hpp"

namespace standpoints::statements {

Emitter::Emitter(const ActorFacts& facts) : facts_(facts) {}

std::size_t Emitter::Hash::operator()(const Key& k) const noexcept {
  const StringHash h;
  return h(k.source) ^ (static_cast<std::size_t>(k.act) * 0xC2B2AE3D27D4EB4Full) ^ (h(k.target) * 131) ^
         (std::size_t{k.paragraph} * 0x9E3779B97F4A7C15ull);
}

// The source and target keys are the strings ActorFacts keeps (they stay put).
Emitter::Key Emitter::key_of(const FoundStatement& st, std::uint32_t paragraph) const {
  return Key{paragraph, st.act, facts_.source_key_of(st.source),
             st.target ? facts_.key_of(*st.target) : std::string_view()};
}

std::uint32_t Emitter::actor_number(const std::string& code, std::uint32_t& last) {
  if (code.empty()) return 0;
  if (last && found_.actors[last - 1] == code) return last;
  const auto [it, added] = actor_numbers_.try_emplace(code, static_cast<std::uint32_t>(found_.actors.size() + 1));
  if (added) found_.actors.push_back(code);
  return last = it->second;
}

std::uint32_t Emitter::code_number(std::string_view code) {
  if (code.empty()) return 0;
  const auto [it, added] = code_numbers_.try_emplace(code.data(), static_cast<std::uint32_t>(found_.codes.size() + 1));
  if (added) found_.codes.push_back(code);
  return it->second;
}

Emitter::Stored Emitter::stored(const FoundStatement& st) {
  Stored s;
  s.source = {st.source.entity, st.source.start, st.source.end, actor_number(st.source.actor, last_source_actor_)};
  if (st.target) {
    s.target = {st.target->entity, st.target->start, st.target->end,
                actor_number(st.target->actor, last_target_actor_)};
    s.has_target = true;
  }
  s.trigger = st.trigger;
  if (st.content) {
    s.content = *st.content;
    s.has_content = true;
  }
  s.sentence = st.sentence;
  s.cameo = code_number(st.cameo);
  s.plover = code_number(st.plover);
  s.act = st.act;
  s.quote = st.quote;
  s.negated = st.negated;
  return s;
}

void Emitter::add(FoundStatement st, std::uint32_t paragraph) {
  ++added_;
  // Keys hold their paragraph, and paragraphs come in order: a new paragraph
  // repeats nothing kept before it, and the set starts over (its room kept:
  // a huge document's set stays the size of its longest paragraph's).
  if (paragraph != last_paragraph_) seen_.clear();
  last_paragraph_ = paragraph;
  const Key key = key_of(st, paragraph);
  const std::size_t hash = Hash{}(key);
  if (!seen_.contains(key)) {
    // The first chunk starts with room for kFirst (most documents keep fewer) and grows as a
    // vector up to kChunk; the next ones are made whole.
    auto& chunks = found_.chunks;
    if (chunks.empty() || chunks.back().size() == kChunk) {
      chunks.emplace_back();
      chunks.back().reserve(chunks.size() == 1 ? kFirst : kChunk);
    }
    chunks.back().push_back(stored(st));
    seen_.insert(Kept{hash, key});
  }
  last_ = std::move(st);
}

Emitter::Chunks Emitter::take_distinct() {
  seen_.clear();
  actor_numbers_.clear();
  code_numbers_.clear();
  last_source_actor_ = last_target_actor_ = 0;
  added_ = 0;
  Chunks out = std::move(found_);
  found_ = Chunks{};
  return out;
}

std::vector<Statement> Emitter::concatenate(Chunks found) {
  std::size_t n = 0;
  for (const auto& chunk : found.chunks) n += chunk.size();
  std::vector<Statement> out;
  out.reserve(n);
  // Number 0 is the empty string a Statement's strings start with.
  const auto argument = [&](const StoredArgument& a, Argument& arg) {
    arg.entity = a.entity;
    if (a.actor) arg.actor = found.actors[a.actor - 1];
    arg.start = a.start;
    arg.end = a.end;
  };
  // Each chunk is freed once made into Statements.
  for (auto& chunk : found.chunks) {
    for (const Stored& s : chunk) {
      Statement& st = out.emplace_back();
      argument(s.source, st.source);
      if (s.has_target) argument(s.target, st.target.emplace());
      st.act = act_name(s.act);
      if (s.cameo) st.cameo = found.codes[s.cameo - 1];
      if (s.plover) st.plover = found.codes[s.plover - 1];
      st.trigger = s.trigger;
      if (s.has_content) st.content = s.content;
      st.quote = s.quote;
      st.negated = s.negated;
      st.sentence = s.sentence;
    }
    std::vector<Stored>().swap(chunk);
  }
  return out;
}

}  // namespace standpoints::statements

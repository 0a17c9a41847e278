// The statements of a document as the stage finds them, and the one rule
// that drops repeats: one statement per (paragraph, source, act, target
// root), the first kept; a source is a person, else its code's root
// (ActorFacts::source_key_of). A repeat is dropped as it arrives, so that
// the stage holds only the statements it keeps (a huge article repeats most
// of its statements: a 100 MB one-paragraph article finds some 380,000 and
// keeps 5,000), in chunks of at most kChunk: growing copies a chunk, never
// all the statements.
#pragma once

#include <boost/unordered/unordered_flat_set.hpp>
#include <cstdint>
#include <string_view>
#include <vector>

#include "standpoints/document.hpp"
#include "statements/parties.hpp"

namespace standpoints::statements {

class Emitter {
 public:
  explicit Emitter(const ActorFacts& facts);
  Emitter(const Emitter&) = delete;
  Emitter& operator=(const Emitter&) = delete;

  // Adds a statement found in `paragraph`; a repeat is not kept, but it is
  // counted and is back() until the next one.
  void add(Statement st, std::uint32_t paragraph);
  // Statements added so far, repeats included.
  std::size_t size() const noexcept { return added_; }
  // The last statement added (a repeat too) and its paragraph.
  const Statement& back() const { return last_kept_ ? chunks_.back().back() : last_repeat_; }
  std::uint32_t last_paragraph() const noexcept { return last_paragraph_; }

  // The statements without repeats, in the order found, in chunks (moved
  // out; the emitter is empty after). concatenate() makes them one vector:
  // after the stage's working memory is freed, as the two hold the
  // statements twice while it runs.
  using Chunks = std::vector<std::vector<Statement>>;
  Chunks take_distinct();
  static std::vector<Statement> concatenate(Chunks chunks);

 private:
  // A kept statement in the repeats set: its place in the chunks, its
  // paragraph and the hash of its key (so that a rehash reads no statement).
  struct Kept {
    std::size_t hash;
    std::uint32_t index;
    std::uint32_t paragraph;
  };
  struct Key {
    std::uint32_t paragraph;
    std::string_view source, act, target;
    bool operator==(const Key&) const = default;
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(const Kept& k) const noexcept { return k.hash; }
    std::size_t operator()(const Key& k) const noexcept;
  };
  struct Equal {
    using is_transparent = void;
    const Emitter* e;
    bool operator()(const Kept& a, const Kept& b) const noexcept { return a.index == b.index; }
    bool operator()(const Kept& a, const Key& b) const { return e->key_of(a) == b; }
    bool operator()(const Key& a, const Kept& b) const { return e->key_of(b) == a; }
  };
  static constexpr std::size_t kChunk = 1024, kFirst = 64;

  Key key_of(const Statement& st, std::uint32_t paragraph) const;
  Key key_of(const Kept& k) const { return key_of(statement(k.index), k.paragraph); }
  const Statement& statement(std::uint32_t i) const { return chunks_[i / kChunk][i % kChunk]; }

  const ActorFacts& facts_;
  Chunks chunks_;  // each of kChunk statements but the last (the first grows to it)
  std::uint32_t kept_ = 0;
  boost::unordered_flat_set<Kept, Hash, Equal> seen_;  // the kept statements of the current paragraph
  std::size_t added_ = 0;
  bool last_kept_ = false;
  Statement last_repeat_;
  std::uint32_t last_paragraph_ = 0;
};

}  // namespace standpoints::statements

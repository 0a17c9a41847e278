// The statements of a document as the stage finds them, and the one rule
// that drops repeats: one statement per (paragraph, source, act, target
// root), the first kept; a source is a person, else its code's root
// (ActorFacts::source_key_of). A repeat is dropped as it arrives, so that
// the stage holds only the statements it keeps (a huge article repeats most
// of its statements: a 100 MB one-paragraph article finds some 380,000 and
// keeps 5,000), in chunks of at most kChunk: growing copies a chunk, never
// all the statements. A kept statement is held in a compact form (68 bytes,
// not a Statement's 232: its codes as numbers, its act as the enum) until
// the stage's working memory is freed and concatenate() makes the Statements.
#pragma once

#include <boost/unordered/unordered_flat_map.hpp>
#include <boost/unordered/unordered_flat_set.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "standpoints/document.hpp"
#include "standpoints/string_map.hpp"
#include "statements/lexicon.hpp"
#include "statements/parties.hpp"

namespace standpoints::statements {

// A statement as the stage finds it: a Statement's fields, with its act as
// the enum and its CAMEO and PLOVER codes as views of the lexicon's strings
// (or of string literals), which outlive the stage.
struct FoundStatement {
  Argument source;
  std::optional<Argument> target;
  Act act = Act::None;
  std::string_view cameo, plover;
  Span trigger;
  std::optional<Span> content;
  bool quote = false;
  bool negated = false;
  std::int32_t sentence = -1;
};

class Emitter {
 public:
  explicit Emitter(const ActorFacts& facts);
  Emitter(const Emitter&) = delete;
  Emitter& operator=(const Emitter&) = delete;

  // Adds a statement found in `paragraph`; a repeat is not kept, but it is
  // counted and is back() until the next one.
  void add(FoundStatement st, std::uint32_t paragraph);
  // Statements added so far, repeats included.
  std::size_t size() const noexcept { return added_; }
  // The last statement added (a repeat too) and its paragraph.
  const FoundStatement& back() const { return last_; }
  std::uint32_t last_paragraph() const noexcept { return last_paragraph_; }

 private:
  // A statement's argument with its code as a number (Chunks::actors).
  struct StoredArgument {
    std::int32_t entity = -1;
    std::uint32_t start = 0, end = 0;
    std::uint32_t actor = 0;
  };
  // A kept statement: its codes as numbers (0: none).
  struct Stored {
    StoredArgument source, target;
    Span trigger, content;
    std::int32_t sentence = -1;
    std::uint32_t cameo = 0, plover = 0;  // Chunks::codes
    Act act = Act::None;
    bool has_target = false, has_content = false, quote = false, negated = false;
  };

 public:
  // The statements without repeats, in the order found, in chunks, with the
  // strings they number (moved out; the emitter is empty after).
  // concatenate() makes them one vector of Statements: after the stage's
  // working memory is freed, as the two hold the statements twice while it
  // runs.
  struct Chunks {
    std::vector<std::vector<Stored>> chunks;
    std::vector<std::string> actors;      // number n > 0 is actors[n - 1]
    std::vector<std::string_view> codes;  // number n > 0 is codes[n - 1] (the lexicon's strings)
  };
  Chunks take_distinct();
  static std::vector<Statement> concatenate(Chunks chunks);

 private:
  // A kept statement of the current paragraph in the repeats set: its key
  // (the source and target as views of strings that live as long as the
  // stage's facts) and the key's hash (so that a rehash reads no string).
  struct Key {
    std::uint32_t paragraph;
    Act act;
    std::string_view source, target;
    bool operator==(const Key&) const = default;
  };
  struct Kept {
    std::size_t hash;
    Key key;
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(const Kept& k) const noexcept { return k.hash; }
    std::size_t operator()(const Key& k) const noexcept;
  };
  struct Equal {
    using is_transparent = void;
    bool operator()(const Kept& a, const Kept& b) const noexcept { return a.key == b.key; }
    bool operator()(const Kept& a, const Key& b) const noexcept { return a.key == b; }
    bool operator()(const Key& a, const Kept& b) const noexcept { return a == b.key; }
  };
  static constexpr std::size_t kChunk = 1024, kFirst = 64;

  Key key_of(const FoundStatement& st, std::uint32_t paragraph) const;
  // The number of an actor code in Chunks::actors, and of a CAMEO or PLOVER
  // code in Chunks::codes (by where it lies: the lexicon's strings stay
  // put), added when new; 0 for an empty one. The last answer for the
  // source's code is tried first (a document's statements share a few).
  std::uint32_t actor_number(const std::string& code, std::uint32_t& last);
  std::uint32_t code_number(std::string_view code);
  Stored stored(const FoundStatement& st);

  const ActorFacts& facts_;
  Chunks found_;                            // each chunk of kChunk statements but the last (the first grows to it)
  StringMap<std::uint32_t> actor_numbers_;  // of found_.actors
  boost::unordered_flat_map<const char*, std::uint32_t> code_numbers_;  // of found_.codes, by address
  std::uint32_t last_source_actor_ = 0, last_target_actor_ = 0;
  boost::unordered_flat_set<Kept, Hash, Equal> seen_;  // the kept statements of the current paragraph
  std::size_t added_ = 0;
  FoundStatement last_;
  std::uint32_t last_paragraph_ = 0;
};

}  // namespace standpoints::statements

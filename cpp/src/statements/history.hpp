// The sources the statement stage has met so far in a document, in text
// order: what pronouns, nominals and documents refer back to, and where a
// statement without a target of its own inherits one.
#pragma once

#include <cstdint>
#include <deque>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "standpoints/document.hpp"
#include "standpoints/string_map.hpp"
#include "statements/parties.hpp"

namespace standpoints::statements {

// A source given a statement, or a person named as a subject without a code.
struct Seen {
  Argument arg;
  std::string type;  // mention type of the source
  std::uint32_t paragraph = 0;
  std::string head;  // head word of the source's noun phrase ("ministry"), if any
  std::optional<Argument> target;
  bool plural = false;  // people of no one name (Party::plural): no person a "he" or "she" stands for
};

// A run of entries in the history (a plain pair of iterators: the fuzzing
// build's clang cannot instantiate std::ranges::subrange over libstdc++ 12).
struct SeenRange {
  std::deque<Seen>::const_iterator first, last;
  auto begin() const { return first; }
  auto end() const { return last; }
  bool empty() const { return first == last; }
};

class SourceHistory {
 public:
  explicit SourceHistory(const ActorFacts& facts) : facts_(facts) {}

  // Entries come in text order: paragraphs never decrease.
  void record(Seen seen);
  const std::deque<Seen>& entries() const noexcept { return seen_; }
  bool empty() const noexcept { return seen_.empty(); }
  const Seen& last() const { return seen_.back(); }
  // The last entry as a run of one (the history is not empty).
  SeenRange last_entry() const { return {std::prev(seen_.end()), seen_.end()}; }

  // The last entry that is a person (or not), or any, when it lies in
  // paragraph `from` or later; else nullptr.
  const Seen* last_of_kind(std::uint32_t from, bool person, bool any) const;
  // The last entry whose noun phrase had this head word ("ministry"), when
  // it lies at most five paragraphs before `paragraph`.
  const Seen* last_with_head(std::string_view head, std::uint32_t paragraph) const;
  // The entries from `first` on are the sources of one statement that named
  // several ("A, B and C warned"): a list that "they" may stand for.
  void mark_list(std::size_t first) {
    list_first_ = first;
    list_end_ = seen_.size();
  }
  // The sources of the last such list, when nothing was recorded after it and
  // it lies in paragraph `from` or later; else empty.
  SeenRange last_list(std::uint32_t from) const {
    if (list_end_ != seen_.size() || list_end_ - list_first_ < 2 || seen_[list_first_].paragraph < from)
      return {seen_.end(), seen_.end()};
    return {seen_.begin() + static_cast<std::ptrdiff_t>(list_first_), seen_.end()};
  }
  // The most frequent source root so far (the most recent on ties): the
  // author of a document ("the letter says").
  const Seen* most_frequent_source() const;

 private:
  const ActorFacts& facts_;
  // A deque: a huge document records a source every few hundred bytes, and
  // a vector's regrowth would hold the old and the new block at once (the
  // stage's peak); a deque never moves what it holds.
  std::deque<Seen> seen_;
  std::int64_t last_person_ = -1, last_other_ = -1;
  std::size_t list_first_ = 0, list_end_ = 0;  // the last list of sources: entries [first, end)
  StringMap<std::size_t> last_by_head_;
  // most_frequent_source(), counted as the history grows.
  mutable StringMap<int> root_counts_;
  mutable std::size_t counted_ = 0;
  mutable int best_count_ = 0;
  mutable std::int64_t best_ = -1;
};

}  // namespace standpoints::statements

// The sources the statement stage has met so far in a document, in text
// order: what pronouns, nominals and documents refer back to, and where a
// statement without a target of its own inherits one.
#pragma once

#include <cstdint>
#include <deque>
#include <iterator>
#include <map>
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
  // Entries recorded so far.
  std::size_t size() const noexcept { return first_ + seen_.size(); }
  bool empty() const noexcept { return size() == 0; }
  const Seen& last() const { return seen_.back(); }
  // The last entry as a run of one (the history is not empty).
  SeenRange last_entry() const { return {std::prev(seen_.end()), seen_.end()}; }
  // The latest entries, in text order: at least the last kRecent of them
  // (all of them while there are fewer than kForgetFrom).
  static constexpr std::size_t kRecent = 64;
  const std::deque<Seen>& recent() const noexcept { return seen_; }

  // The last entry that is a person (or not), or any, when it lies in
  // paragraph `from` or later; else nullptr.
  const Seen* last_of_kind(std::uint32_t from, bool person, bool any) const;
  // The last entry whose noun phrase had this head word ("ministry"), when
  // it lies at most five paragraphs before `paragraph`.
  const Seen* last_with_head(std::string_view head, std::uint32_t paragraph) const;
  // The entries from `first` on (first >= size() before they were recorded)
  // are the sources of one statement that named several ("A, B and C
  // warned"): a list that "they" may stand for.
  void mark_list(std::size_t first) {
    list_first_ = first;
    list_end_ = size();
  }
  // The sources of the last such list, when nothing was recorded after it and
  // it lies in paragraph `from` or later; else empty.
  SeenRange last_list(std::uint32_t from) const {
    if (list_end_ != size() || list_end_ - list_first_ < 2 || at(list_first_).paragraph < from)
      return {seen_.end(), seen_.end()};
    return {seen_.begin() + static_cast<std::ptrdiff_t>(list_first_ - first_), seen_.end()};
  }
  // The most frequent source root so far (the most recent on ties): the
  // author of a document ("the letter says").
  const Seen* most_frequent_source() const;

  // Lets go of the entries no question above can reach any more (a huge
  // document records a source every few hundred bytes: all of them would
  // be the stage's largest array). Call it between two frames, never while
  // the entries of a list are being recorded (mark_list() comes after them).
  void forget_unreachable() {
    if (seen_.size() >= kForgetFrom) [[unlikely]]
      forget_old();
  }

 private:
  // From this many entries on, forget_unreachable() keeps the last kRecent
  // (and a list that is still the last), and of the older ones only those
  // an index below names (`pinned_`). (STANDPOINTS_HISTORY_FORGET_FROM=0
  // at build time forgets at every sentence: a check that the output stays
  // the same.)
#ifdef STANDPOINTS_HISTORY_FORGET_FROM
  static constexpr std::size_t kForgetFrom = STANDPOINTS_HISTORY_FORGET_FROM;
#else
  static constexpr std::size_t kForgetFrom = 4096;
#endif
  // Entry i (i < size()), from the deque or pinned.
  const Seen& at(std::size_t i) const { return i >= first_ ? seen_[i - first_] : pinned_.at(i); }
  void count_sources() const;
  void forget_old();

  const ActorFacts& facts_;
  // A deque: a huge document records a source every few hundred bytes, and
  // a vector's regrowth would hold the old and the new block at once; a
  // deque never moves what it holds. It holds entries [first_, size()).
  std::deque<Seen> seen_;
  std::size_t first_ = 0;
  // Entries before first_ that last_person_, last_other_, best_ or
  // last_by_head_ name, by index.
  std::map<std::size_t, Seen> pinned_;
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

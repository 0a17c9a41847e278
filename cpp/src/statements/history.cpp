#include "statements/history.hpp"

#include <algorithm>

namespace standpoints::statements {

void SourceHistory::record(Seen seen) {
  const auto index = static_cast<std::int64_t>(size());
  if (seen.type != "PERSON")
    last_other_ = index;
  else if (!seen.plural)
    last_person_ = index;
  if (!seen.head.empty()) last_by_head_[seen.head] = size();
  seen_.push_back(std::move(seen));
}

const Seen* SourceHistory::last_of_kind(std::uint32_t from, bool person, bool any) const {
  const std::int64_t i = any ? static_cast<std::int64_t>(size()) - 1 : (person ? last_person_ : last_other_);
  if (i < 0 || at(static_cast<std::size_t>(i)).paragraph < from) return nullptr;
  return &at(static_cast<std::size_t>(i));
}

const Seen* SourceHistory::last_with_head(std::string_view head, std::uint32_t paragraph) const {
  const auto it = last_by_head_.find(head);
  if (it == last_by_head_.end()) return nullptr;
  const Seen& s = at(it->second);
  return s.paragraph + 5 < paragraph ? nullptr : &s;
}

void SourceHistory::count_sources() const {
  for (; counted_ < size(); ++counted_) {
    const int n = ++root_counts_[facts_.key_of(at(counted_).arg)];
    if (n >= best_count_) {
      best_count_ = n;
      best_ = static_cast<std::int64_t>(counted_);
    }
  }
}

const Seen* SourceHistory::most_frequent_source() const {
  count_sources();
  return best_ < 0 ? nullptr : &at(static_cast<std::size_t>(best_));
}

void SourceHistory::forget_old() {
  // The counts for most_frequent_source() read every entry once: before they go.
  count_sources();
  if (size() <= kRecent) return;
  std::size_t keep_from = size() - kRecent;
  if (list_end_ == size()) keep_from = std::min(keep_from, list_first_);
  if (keep_from <= first_) return;
  // The older entries an index names stay, pinned; the others go.
  std::map<std::size_t, Seen> pinned;
  const auto pin = [&](std::int64_t i) {
    if (i < 0 || static_cast<std::size_t>(i) >= keep_from || pinned.count(static_cast<std::size_t>(i))) return;
    pinned.emplace(static_cast<std::size_t>(i), at(static_cast<std::size_t>(i)));
  };
  pin(last_person_);
  pin(last_other_);
  pin(best_);
  for (const auto& [head, i] : last_by_head_) pin(static_cast<std::int64_t>(i));
  pinned_ = std::move(pinned);
  seen_.erase(seen_.begin(), seen_.begin() + static_cast<std::ptrdiff_t>(keep_from - first_));
  first_ = keep_from;
}

}  // namespace standpoints::statements

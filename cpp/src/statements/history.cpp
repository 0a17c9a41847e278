#include "statements/history.hpp"

namespace standpoints::statements {

void SourceHistory::record(Seen seen) {
  const auto index = static_cast<std::int64_t>(seen_.size());
  if (seen.type != "PERSON")
    last_other_ = index;
  else if (!seen.plural)
    last_person_ = index;
  if (!seen.head.empty()) last_by_head_[seen.head] = seen_.size();
  seen_.push_back(std::move(seen));
}

const Seen* SourceHistory::last_of_kind(std::uint32_t from, bool person, bool any) const {
  const std::int64_t i = any ? static_cast<std::int64_t>(seen_.size()) - 1 : (person ? last_person_ : last_other_);
  if (i < 0 || seen_[static_cast<std::size_t>(i)].paragraph < from) return nullptr;
  return &seen_[static_cast<std::size_t>(i)];
}

const Seen* SourceHistory::last_with_head(std::string_view head, std::uint32_t paragraph) const {
  const auto it = last_by_head_.find(head);
  if (it == last_by_head_.end()) return nullptr;
  const Seen& s = seen_[it->second];
  return s.paragraph + 5 < paragraph ? nullptr : &s;
}

const Seen* SourceHistory::most_frequent_source() const {
  for (; counted_ < seen_.size(); ++counted_) {
    const int n = ++root_counts_[facts_.key_of(seen_[counted_].arg)];
    if (n >= best_count_) {
      best_count_ = n;
      best_ = static_cast<std::int64_t>(counted_);
    }
  }
  return best_ < 0 ? nullptr : &seen_[static_cast<std::size_t>(best_)];
}

}  // namespace standpoints::statements

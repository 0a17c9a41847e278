#include "statements/acts.hpp"

#include <algorithm>

namespace standpoints::statements {

namespace {

bool aimed_at_someone(Act a) { return a != Act::Say && a != Act::Deny && a != Act::Support && a != Act::Reject; }

}  // namespace

Act ActDecider::trigger_act(const ActEntry& entry, std::uint32_t trigger_end, std::uint32_t hi,
                            const std::optional<Span>& content) const {
  if (!entry.modal || !content) return entry.act;
  // A modal between the trigger and the end of the content (within the
  // sentence): a direct scan while the document's budget lasts, then the index.
  std::uint32_t u = trigger_end;
  for (; u < hi && view_.tok(u).start < content->end && scan_budget_ > 0; ++u, --scan_budget_)
    if (in(kModals, view_.low(u))) return entry.act;
  if (u >= hi || view_.tok(u).start >= content->end) return Act::Say;
  if (!modals_indexed_) {
    modals_indexed_ = true;
    for (std::uint32_t k = 0; k < view_.size(); ++k)
      if (in(kModals, view_.low(k))) modal_tokens_.push_back(k);
  }
  const auto it = std::lower_bound(modal_tokens_.begin(), modal_tokens_.end(), u);
  if (it != modal_tokens_.end() && *it < hi && view_.tok(*it).start < content->end) return entry.act;
  return Act::Say;
}

ActChoice ActDecider::decide(const Party& source, const Party* given, const ActEntry& entry, Act act, Span trigger,
                             const std::optional<Span>& content, bool quote, std::uint32_t paragraph) {
  const std::string_view source_root = facts_.key_of(source.arg);
  ActChoice choice;
  choice.act = act;
  // A modal-insistence verb demoted to SAY takes SAY's code.
  const std::string_view entry_cameo = entry.cameo;
  choice.cameo = act == entry.act || act != Act::Say ? entry_cameo : std::string_view("010");
  if (given && given->usable) choice.target = *given;
  if (act == Act::Say && entry.cameo != "011" && content) {
    // What a neutral statement does, from cues in its content (for a
    // quotation, every quotation of the paragraph).
    std::array<Span, TokenView::kQuotesPerParagraph + 1> span_buf;
    std::size_t span_count = 0;
    span_buf[span_count++] = *content;
    if (quote)
      for (auto [r, last] = view_.paragraph_quotes(paragraph); r < last; ++r)
        if (auto sp = view_.quotation_span(r); sp && sp->start != content->start) span_buf[span_count++] = *sp;
    const std::span<const Span> spans(span_buf.data(), span_count);
    if (const ActEntry* cue = cue_in(spans)) {
      std::optional<Party> t = choice.target;
      if (!t) t = actor_in(spans, source_root);
      if (!t) t = inherited_target(source_root, paragraph, 2);
      const bool refusal = cue->act == Act::Reject || cue->act == Act::Deny;
      if (!t && !refusal) t = salient_target(source_root, view_.first_token_at(trigger.start));
      if (t || refusal) {
        choice.act = cue->act;
        choice.cameo = cue->cameo;
        choice.target = std::move(t);
      }
    }
  } else if (aimed_at_someone(act) && !choice.target) {
    choice.target = inherited_target(source_root, paragraph, 0);
  }
  return choice;
}

const ActEntry* ActDecider::cue_in(std::span<const Span> spans) const {
  // The first demand cue in span order wins; else the first cue. The
  // content is read for its statement alone; the paragraph's quotations,
  // which many statements may read, once.
  const ActEntry* first = nullptr;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const SpanCues cues = i == 0 ? scan_cues(spans[i]) : cues_of(spans[i]);
    if (cues.demand) return cues.demand;
    if (!first) first = cues.first;
  }
  return first;
}

ActDecider::SpanCues ActDecider::cues_of(const Span& span) const {
  const std::uint64_t key = std::uint64_t{span.start} << 32 | span.end;
  if (auto it = span_cues_.find(key); it != span_cues_.end()) return it->second;
  const SpanCues cues = scan_cues(span);
  span_cues_.emplace(key, cues);
  return cues;
}

ActDecider::SpanCues ActDecider::scan_cues(const Span& span) const {
  SpanCues cues;
  const std::uint32_t n = view_.size();
  for (std::uint32_t k = view_.first_token_at(span.start); k < n && view_.tok(k).end <= span.end; ++k) {
    if (!view_.may_start_cue(k)) continue;
    const auto* forms = view_.forms_at(k);
    if (!forms) continue;
    bool stop = false;
    for (const auto& f : *forms) {
      if (k + f.size > n) continue;
      if (f.pos == Pos::Nominal || f.pos == Pos::Pronoun || f.pos == Pos::Light || f.pos == Pos::Noun) continue;
      if (!view_.rest_matches(f, k)) continue;
      const ActEntry& e = view_.lex.entry_of(f);
      // Outside quotations, a trigger verb makes a statement of its own.
      if (view_.quote_at(k) < 0 && (e.pos == Pos::Verb || e.pos == Pos::Phrase)) {
        stop = true;
        break;
      }
      if (e.act == Act::None || e.act == Act::Say) continue;
      if (e.quote_only && view_.quote_at(k) < 0) continue;
      if (e.act == Act::Demand && e.pos == Pos::Cue) {
        cues.demand = &e;
        stop = true;
      } else if (!cues.first) {
        cues.first = &e;
      }
      break;
    }
    if (stop) break;
  }
  return cues;
}

bool ActDecider::is_foreign_candidate(std::uint32_t k) const {
  const std::int32_t mi = view_.mention_at(k);
  if (mi < 0) return false;
  const Party p = facts_.from_mention(mi);
  return p.usable && !p.media && !view_.is_hyphen_glued(view_.mention(mi)) && !view_.after_place_preposition(k);
}

void ActDecider::index_candidates() const {
  const std::uint32_t n = view_.size();
  next_candidate_.assign(n + 1, n);
  next_other_root_.assign(n + 1, n);
  const auto root = [&](std::uint32_t k) -> const std::string& {
    return facts_.root_of(facts_.actor_of(view_.mention(view_.mention_at(k))));
  };
  for (std::uint32_t k = n; k-- > 0;) {
    next_candidate_[k] = next_candidate_[k + 1];
    next_other_root_[k] = next_other_root_[k + 1];
    if (!is_foreign_candidate(k)) continue;
    const std::uint32_t next = next_candidate_[k + 1];
    // The first candidate after k whose root differs from k's.
    next_other_root_[k] = next < n && root(next) != root(k) ? next : next_other_root_[k + 1];
    next_candidate_[k] = k;
  }
}

std::optional<Party> ActDecider::actor_in(std::span<const Span> spans, std::string_view source_root) const {
  const std::uint32_t n = view_.size();
  for (const Span& content : spans) {
    std::uint32_t k = view_.first_token_at(content.start);
    // A direct scan while the document's budget lasts, then the index.
    for (; k < n && view_.tok(k).end <= content.end && scan_budget_ > 0; ++k, --scan_budget_) {
      if (!is_foreign_candidate(k)) continue;
      Party p = facts_.from_mention(view_.mention_at(k));
      if (facts_.root_of(p.arg.actor) != source_root) return p;
    }
    if (k >= n || view_.tok(k).end > content.end) continue;
    if (next_candidate_.empty()) index_candidates();
    std::uint32_t c = next_candidate_[k];
    if (c < n && facts_.root_of(facts_.actor_of(view_.mention(view_.mention_at(c)))) == source_root)
      c = next_other_root_[k];
    if (c < n && view_.tok(c).end <= content.end) return facts_.from_mention(view_.mention_at(c));
  }
  return std::nullopt;
}

std::optional<Party> ActDecider::inherited_target(std::string_view source_root, std::uint32_t paragraph,
                                                  std::uint32_t back) const {
  // A bounded look-back keeps a huge one-paragraph document linear.
  constexpr std::size_t kLookBack = 64;
  const auto& seen = history_.entries();
  std::size_t looked = 0;
  for (auto it = seen.rbegin(); it != seen.rend() && looked < kLookBack; ++it, ++looked) {
    if (it->paragraph + back < paragraph) break;
    if (facts_.key_of(it->arg) != source_root) continue;
    if (it->target) {
      Party p;
      p.arg = *it->target;
      p.usable = true;
      return p;
    }
  }
  return std::nullopt;
}

std::optional<Party> ActDecider::salient_target(std::string_view source_root, std::uint32_t before) {
  if (before < salient_pos_) {
    salient_count_.clear();
    salient_pos_ = 0;
  }
  const std::uint32_t from = salient_pos_;
  const std::uint32_t end = std::min(before, view_.size());
  salient_pos_ = std::max(salient_pos_, end);
  for (std::uint32_t k = from; k < end; ++k) {
    const std::int32_t mi = view_.mention_at(k);
    if (mi < 0 || view_.quote_at(k) >= 0) continue;
    if (k > 0 && view_.mention_at(k - 1) == mi) continue;
    const Mention& m = view_.mention(mi);
    const std::string_view a = facts_.actor_of(m);
    if (!has_code(a) || facts_.is_media(mi) || view_.after_place_preposition(k) || view_.is_hyphen_glued(m)) continue;
    auto& c = salient_count_[facts_.root_of(a)];
    ++c.first;
    c.second = mi;
  }
  // The most counted root but the source's; of equal counts, the first in
  // byte order (the order does not depend on the table's).
  int best = 0;
  std::int32_t best_mention = -1;
  std::string_view best_root;
  for (const auto& [r, c] : salient_count_)
    if (r != source_root && (c.first > best || (c.first == best && best > 0 && r < best_root))) {
      best = c.first;
      best_mention = c.second;
      best_root = r;
    }
  if (best < 3) return std::nullopt;
  return facts_.from_mention(best_mention);
}

}  // namespace standpoints::statements

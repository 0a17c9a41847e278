#include "statements/frame_completion.hpp"

#include <algorithm>
#include <span>
#include <string>

#include "statements/constructions.hpp"

namespace standpoints::statements {

namespace {

std::size_t at(std::int64_t k) { return static_cast<std::size_t>(k); }

// A coded name that is no medium, no modifier ("US-made") and no place
// ("in Ukraine") at token u: a possible target in the content.
bool foreign_target_at(const DocumentStage& stage, std::uint32_t u, const Party& p) {
  return p.usable && !p.media && !stage.view.is_hyphen_glued(stage.view.mention(stage.view.mention_at(u))) &&
         !stage.view.after_place_preposition(u);
}

// "accused the west of ...", "told his counterparts that ...", "urged the
// international community to ...": a determiner, then common nouns up to a
// preposition or "that": the act is aimed at whom these words name, not at
// a name in what follows.
bool common_noun_object(const TokenView& view, std::uint32_t k, std::uint32_t hi) {
  if (!in(kDeterminers, view.low(k))) return false;
  std::uint32_t u = k + 1;
  int words = 0;
  for (; u < hi && words < 4; ++u, ++words) {
    if (view.mention_at(u) >= 0 || view.quote_at(u) >= 0 || view.tok(u).kind != TokenKind::Word) return false;
    const Word w = view.low(u);
    if (in(kStop, w)) break;
    if (view.referent_entry(u)) return false;  // "the ministry", "its allies": someone the text named before
  }
  if (words == 0 || u >= hi) return false;
  const Word w = view.low(u);
  if (w == "of") {
    // "the actions of Borduria", "the government of X": the name is in the object.
    std::uint32_t n = u + 1;
    while (n < hi && in(kDeterminers, view.low(n))) ++n;
    return n < hi && view.mention_at(n) < 0;
  }
  return w == "to" || w == "that" || w == "for";
}

// '..., the report states, "Warrants were ..."', 'it reported: "..."': a
// quotation right after the verb (over a comma or colon) is what it says.
bool quotation_follows(const TokenView& view, std::uint32_t k, std::uint32_t hi) {
  if (k < hi && (view.low(k) == "," || view.low(k) == ":")) ++k;
  return k < hi && view.opened_at(k) >= 0;
}

}  // namespace

bool entry_conditions_hold(const DocumentStage& stage, const SentenceScope& scope, const Trigger& t) {
  const TokenView& view = stage.view;
  const ActEntry& e = *t.entry;
  if (e.need_for) {
    // "attacked X for comparing": an object, then "for" within a few words.
    bool object = false;
    for (const std::int32_t mi : scan_phrase_after(view, stage.facts, t.last, scope.hi, false).names) {
      const Party p = stage.facts.from_mention(mi);
      object = object || (p.usable && !p.media);
    }
    std::uint32_t k = t.last;
    while (k < scope.hi && k < t.last + 8 && view.low(k) != "for") ++k;
    if (k >= scope.hi || view.low(k) != "for" || !object) return false;
  }
  if (e.that_only &&
      !(t.last < scope.hi && (view.low(t.last) == "that" || (t.is_noun() && view.low(t.last) == "about"))) &&
      !(quotation_follows(view, t.last, scope.hi) && (!t.is_noun() || view.low(t.last) == ":")))
    return false;  // a noun before a quotation is what the quotation calls it ("called X's statement 'odd'")
  return true;
}

void find_frame_target(DocumentStage& stage, SentenceScope& scope, const Trigger& t, Frame& f) {
  if (!f.targets.empty() || f.passive || t.entry->after) return;
  const TokenView& view = stage.view;
  const ActEntry& e = *t.entry;
  const std::uint32_t hi = scope.hi, k = f.after;
  // "A and B each accused the other": each source's target is the others.
  if (e.frame_obj && f.sources.size() > 1 && k + 1 < hi &&
      ((view.low(k) == "the" && view.low(k + 1) == "other") || (view.low(k) == "each" && view.low(k + 1) == "other") ||
       (view.low(k) == "one" && view.low(k + 1) == "another"))) {
    f.reciprocal = true;
    f.after = k + 2;
    return;
  }
  if (e.frame_obj && k < hi && !view.is_mark(k) && view.low(k) != "that") {
    f.common_object = common_noun_object(view, k, hi);
    if (!f.common_object && stage.phrases.object_after(f.targets, k, hi, false).found) {
      // Past the object.
      std::uint32_t m = k;
      while (m < hi && (view.mention_at(m) >= 0 || in(kDeterminers, view.low(m)) || view.low(m) == "and" ||
                        view.low(m) == "or" || view.low(m) == "," || view.is_possessive_s(m) ||
                        (view.tok(m).kind == TokenKind::Quote && !view.is_mark(m))))
        ++m;
      f.after = m;
    }
  }
  if (f.targets.empty() && k < hi) {
    for (const auto& p : e.frame_preps) {
      if (view.low(k) != p || k + 1 >= hi) continue;
      if (stage.phrases.object_after(f.targets, k + 1, hi, false).found) {
        std::uint32_t m = k + 1;
        while (m < hi && (view.mention_at(m) >= 0 || in(kDeterminers, view.low(m)) || view.low(m) == "and" ||
                          view.low(m) == "or"))
          ++m;
        f.after = m;
      }
      break;
    }
  }
  for (const auto& p : f.targets) scope.object_starts.insert(p.arg.start);
}

std::optional<Span> clause_span(const TokenView& view, std::uint32_t b, const SentenceScope& scope) {
  if (b >= scope.hi) return std::nullopt;
  if (!scope.trailing_punctuation) {
    std::uint32_t e = scope.hi;
    while (e > scope.lo && (view.tok(e - 1).kind == TokenKind::Punct ||
                            (view.tok(e - 1).kind == TokenKind::Quote && view.is_mark(e - 1))))
      --e;
    scope.trailing_punctuation = e;
  }
  // Without the final stop (but never empty), up to a semicolon.
  const std::uint32_t e = view.first_semicolon(b + 1, std::max(*scope.trailing_punctuation, b + 1));
  return Span{view.tok(b).start, view.tok(e - 1).end()};
}

namespace {

// '"...," X said': the quotation that closes right before the subject (or before a comma there).
bool quotation_before_subject(const TokenView& view, const SentenceScope& scope, Frame& f) {
  std::int64_t q = static_cast<std::int64_t>(*f.subject_first) - 1;
  if (q >= scope.lo && (view.low(at(q)) == "," || is_dash(view.low(at(q))))) --q;
  const std::int32_t r = q >= 1 ? view.closed_at(static_cast<std::uint32_t>(q)) : -1;
  // The closing mark in the subject's paragraph: not the end of a quotation in the paragraph before.
  if (r < 0 || view.doc.sentences[view.doc.sentence_of(static_cast<std::uint32_t>(q))].paragraph != scope.paragraph)
    return false;
  f.content = view.quotation_span(r);
  f.quote = true;
  return true;
}

// What follows the trigger (and its object): a quotation (after ':' or
// directly), a that-clause, an infinitive, "of ...", a clause after a verb of saying.
void content_after(const TokenView& view, const SentenceScope& scope, const Trigger& t, Frame& f) {
  const std::uint32_t hi = scope.hi;
  std::uint32_t k = f.after;
  if (k < hi && view.low(k) == ",") ++k;
  if (k < hi && (view.low(k) == ":" || view.low(k) == "," || is_dash(view.low(k))) && k + 1 < hi && view.is_mark(k + 1))
    ++k;
  if (k >= hi) return;
  const Word w = view.low(k);
  if (const std::int32_t r = view.opened_at(k); r >= 0) {
    f.content = view.quotation_span(r);
    f.quote = true;
  } else if (w == "that" || w == "to" || w == "of" || w == "for" || w == "against" || w == "on") {
    f.content = clause_span(view, k, scope);
  } else if (t.entry->quote && view.tok(k).kind == TokenKind::Word && !in(kStop, w)) {
    f.content = clause_span(view, k, scope);
  } else if (t.entry->quote &&
             (w == "it" || w == "they" || w == "he" || w == "she" || w == "there" || w == "this" || w == "we")) {
    f.content = clause_span(view, k, scope);
  } else if (w == "as") {
    f.content = clause_span(view, k, scope);
  }
}

}  // namespace

bool find_content(const DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Frame& f) {
  const TokenView& view = stage.view;
  if (!f.content && f.subject_first) quotation_before_subject(view, scope, f);
  if (!f.content) {
    content_after(view, scope, t, f);
    if (!f.content && f.subject_first && !quotation_before_subject(view, scope, f)) {
      // "The bombers will fly ..., Shoigu said": the clause before the subject.
      const std::int64_t subject = *f.subject_first;
      std::int64_t q = subject - 1;
      if (q >= scope.lo && view.low(at(q)) == ",") --q;
      if (q >= scope.lo && view.low(at(subject - 1)) == "," && t.entry->quote && !scope.title) {
        std::uint32_t b = scope.lo;
        while (b < scope.hi && view.is_mark(b)) ++b;
        if (static_cast<std::int64_t>(b) <= q)
          f.content = Span{view.tok(b).start, view.tok(static_cast<std::uint32_t>(q)).end()};
      }
    }
  }
  if (t.entry->quote_only && !f.quote) return false;
  // No content after the verb ("that Ukraine says is ..."): the rest of the sentence, for cues and targets.
  if (!f.content && f.after < scope.hi && !scope.title) {
    std::uint32_t k = f.after;
    while (k < scope.hi && view.tok(k).kind == TokenKind::Punct) ++k;
    if (k < scope.hi && !view.is_mark(k)) f.content = clause_span(view, k, scope);
  }
  return true;
}

void find_content_target(const DocumentStage& stage, const Trigger& t, Act act, Frame& f) {
  if (!f.targets.empty() || f.reciprocal || f.common_object || !f.content || f.passive || t.entry->after) return;
  f.content_target = true;
  const TokenView& view = stage.view;
  const std::uint32_t n = view.size();
  // The content after the trigger, or a quotation before it ('"...," they warned').
  std::uint32_t k = t.last;
  if (f.content->start < view.tok(t.first).start) k = view.first_token_at(f.content->start);
  while (k < n && view.tok(k).start < f.content->start) ++k;
  if (k < n && view.low(k) == "that") ++k;
  while (k < n && in(kDeterminers, view.low(k))) ++k;
  if (k < n && view.mention_at(k) >= 0 && view.tok(k).start < f.content->end) {
    Party p = stage.facts.from_mention(view.mention_at(k));
    if (p.usable && !p.media && !view.is_hyphen_glued(view.mention(view.mention_at(k))))
      f.targets.push_back(std::move(p));
  }
  if (!f.targets.empty() || act == Act::Say || act == Act::Deny || act == Act::Support) return;
  // The first foreign actor among the content's first 24 words.
  int words = 0;
  for (std::uint32_t u = k; u < n && view.tok(u).start < f.content->end && words < 24; ++u, ++words) {
    if (view.mention_at(u) < 0) continue;
    Party p = stage.facts.from_mention(view.mention_at(u));
    if (!foreign_target_at(stage, u, p)) continue;
    bool same = false;
    for (const auto& s : f.sources)
      if (stage.facts.same_party(s.arg, p.arg)) same = true;
    if (same) continue;
    f.targets.push_back(std::move(p));
    return;
  }
}

namespace {

// The first name of the sentence before token `before`, unless a function word comes first.
void first_name_of_sentence(const DocumentStage& stage, const SentenceScope& scope, std::uint32_t before, Frame& f) {
  const TokenView& view = stage.view;
  if (!scope.first_name) {
    scope.first_name = -1;
    for (std::uint32_t u = scope.lo; u < scope.hi; ++u) {
      if (view.quote_at(u) >= 0 || view.is_mark(u)) continue;
      if (view.mention_at(u) >= 0) {
        scope.first_name = u;
        break;
      }
      if (view.tok(u).kind == TokenKind::Word && view.tok(u).shape == Shape::Lower && in(kStop, view.low(u))) break;
    }
  }
  if (*scope.first_name < 0 || *scope.first_name >= before) return;
  Party p = stage.facts.party_of(view.mention_at(static_cast<std::size_t>(*scope.first_name)));
  if (p.usable && !p.media) f.sources.push_back(std::move(p));
}

// The first comma at or after token `from` that a name follows (over
// determiners and capitalised words), or hi. Asked for later and later
// tokens: the last answer serves while it lies ahead.
std::uint32_t next_clause_comma(const TokenView& view, const SentenceScope& scope, std::uint32_t from) {
  if (from >= scope.next_clause_from && from <= scope.next_clause_comma) return scope.next_clause_comma;
  const std::uint32_t hi = scope.hi;
  std::uint32_t u = from;
  for (; u < hi; ++u) {
    if (view.quote_at(u) >= 0 || view.is_mark(u) || view.low(u) != ",") continue;
    std::uint32_t v = u + 1;
    while (v < hi && (in(kDeterminers, view.low(v)) || (view.tok(v).shape != Shape::Lower && view.mention_at(v) < 0)))
      ++v;
    if (v < hi && view.mention_at(v) >= 0) break;
  }
  scope.next_clause_from = from;
  scope.next_clause_comma = u;
  return u;
}

// The subject of the next clause: the rightmost name of the phrase after a
// comma ("..., saying ..., Russian Foreign Minister Sergei Lavrov said").
void subject_of_next_clause(const DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Frame& f) {
  const TokenView& view = stage.view;
  const std::uint32_t hi = scope.hi;
  const std::uint32_t u = next_clause_comma(view, scope, t.last);
  if (u >= hi) return;
  std::uint32_t v = u + 1;
  while (v < hi && (in(kDeterminers, view.low(v)) || (view.tok(v).shape != Shape::Lower && view.mention_at(v) < 0)))
    ++v;
  Party p = stage.facts.party_of(view.mention_at(v));
  std::uint32_t w = v;
  while (w + 1 < hi && (view.mention_at(w + 1) >= 0 || view.tok(w + 1).shape != Shape::Lower) &&
         view.low(w + 1) != "," && view.tok(w + 1).kind == TokenKind::Word)
    ++w;
  if (view.mention_at(w) >= 0) p = stage.facts.party_of(view.mention_at(w));
  if (p.usable && !p.media) f.sources.push_back(std::move(p));
}

}  // namespace

bool find_neighbour_sources(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Act act, Frame& f) {
  if (f.source_from == SourceFrom::Phrase) return true;
  if (stage.emitter.size() > scope.first_statement) {
    const FoundStatement& previous = stage.emitter.back();
    // Every source of a list before ("A and B warned ..., saying ..."), else the one source.
    const SeenRange list = stage.history.last_list(scope.paragraph);
    for (const Seen& s : list.empty() ? stage.history.last_entry() : list) {
      if (std::any_of(f.sources.begin(), f.sources.end(),
                      [&](const Party& q) { return stage.facts.same_party(q.arg, s.arg); }))
        continue;
      Party p;
      p.arg = s.arg;
      p.type = s.type;
      p.usable = true;
      p.head = s.head;
      f.sources.push_back(std::move(p));
    }
    // "X offered guarantees to Y and pledged to suspend drills with Z": a
    // coordinated verb without an object of its own is aimed at whom the
    // verb before it was, not at a name in what it says (what it says alone
    // decides the target of "... and said").
    if (f.source_from == SourceFrom::Coordinated && act != Act::Say && f.content_target && previous.target &&
        scope.paragraph == stage.emitter.last_paragraph()) {
      f.targets.clear();
      Party target;
      target.arg = *previous.target;
      target.usable = true;
      f.targets.push_back(std::move(target));
    }
    // The participle repeats the act before it toward the same target: one statement.
    bool same = f.targets.empty() && !previous.target;
    for (const auto& c : f.targets)
      if (previous.target && stage.facts.same_party(c.arg, *previous.target)) same = true;
    return !((same || act == Act::Say) && f.source_from == SourceFrom::PreviousStatement);
  }
  // No statement before: the subject the parse gives ("X brushed off ...,
  // saying ..."), else the patterns' guess.
  Frame parsed;
  parsed.after = f.after;
  if (syntactic_subject(stage, scope, t, parsed)) {
    f.sources = std::move(parsed.sources);
    return true;
  }
  if (f.source_from == SourceFrom::Coordinated)
    first_name_of_sentence(stage, scope, t.first, f);
  else
    subject_of_next_clause(stage, scope, t, f);
  return true;
}

}  // namespace standpoints::statements

// The statement stage's driver: paragraph by paragraph, sentence by
// sentence, trigger by trigger: read the trigger, build its frame by
// construction, complete it, decide the act, emit. At the end the repeats
// go and the mentions that referents proposed join the entity layer.
#include <algorithm>

#include "standpoints/knowledge.hpp"
#include "standpoints/resolver.hpp"
#include "standpoints/statements.hpp"
#include "statements/constructions.hpp"
#include "statements/emit.hpp"
#include "statements/frame_completion.hpp"
#include "statements/paragraphs.hpp"

namespace standpoints {

namespace statements {

namespace {

// "refused to confirm": the inner verb is part of the outer act, read past it.
void read_past_inner_verb(const TokenView& view, const Trigger& t, SentenceScope& scope) {
  if (!t.entry->inner_verb || t.last >= scope.hi || view.low(t.last) != "to") return;
  const std::uint32_t k = t.last + 1;
  if (k >= scope.hi) return;
  const Trigger inner = match_trigger_form(view, k, scope.hi, view.forms_at(k));
  if (inner.entry) scope.resume = inner.last;
}

// One trigger: its frame by construction, completed, its act, its statements.
void read_statement(DocumentStage& stage, SentenceScope& scope, const Trigger& t) {
  Frame f;
  f.after = t.last;
  if (!frame_for(stage, scope, t, f)) return;
  read_past_inner_verb(stage.view, t, scope);
  if (!entry_conditions_hold(stage, scope, t)) return;
  find_frame_target(stage, scope, t, f);
  if (!find_content(stage, scope, t, f)) return;
  const Act act = stage.acts.trigger_act(*t.entry, t.last, scope.hi, f.content);
  find_content_target(stage, t, act, f);
  if (!find_neighbour_sources(stage, scope, t, act, f)) return;
  emit_frame(stage, scope, t, act, f);
}

// `candidates`: the document's trigger candidates from the first one at or
// after the sentence's start (sentences come in order; a cursor, not a search).
void read_sentence(DocumentStage& stage, std::uint32_t si, std::span<const TriggerCandidate>& candidates) {
  const TokenView& view = stage.view;
  const Sentence& s = view.doc.sentences[si];
  while (!candidates.empty() && candidates.front().token < s.first_token) candidates = candidates.subspan(1);
  // Most sentences hold no word that can start a trigger: nothing to do.
  if (candidates.empty() || candidates.front().token >= s.last_token) return;
  stage.history.forget_unreachable();  // between two frames
  SentenceScope scope;
  scope.index = si;
  scope.lo = s.first_token;
  scope.hi = s.last_token;
  scope.paragraph = s.paragraph;
  scope.title = view.doc.paragraphs[s.paragraph].title;
  scope.first_statement = stage.emitter.size();
  scope.resume = scope.lo;
  for (const TriggerCandidate& candidate : candidates) {
    if (candidate.token >= scope.hi) break;
    if (candidate.token < scope.resume) continue;
    const TriggerReading reading = read_trigger(view, candidate, scope.lo, scope.hi, scope.title);
    if (reading.outcome == TriggerReading::Outcome::NoTrigger) continue;
    scope.resume = reading.trigger.last;
    if (reading.outcome == TriggerReading::Outcome::Trigger) read_statement(stage, scope, reading.trigger);
  }
}

// Paragraph pi, whose sentences start at `sentence` (its first, or the
// first after it if it has none); `sentence` moves past them.
void read_paragraph(DocumentStage& stage, std::uint32_t pi, std::size_t& sentence,
                    std::span<const TriggerCandidate>& candidates) {
  const TokenView& view = stage.view;
  const std::size_t first_sentence = sentence;
  const auto [first, last] = view.tokens_from(pi, sentence);
  if (view.doc.paragraphs[pi].boilerplate || first >= last) return;
  stage.acts.forget_span_cues();
  const std::size_t before = stage.emitter.size();
  for (auto si = static_cast<std::uint32_t>(first_sentence); si < sentence; ++si) headline_colon(stage, si);
  for (auto si = static_cast<std::uint32_t>(first_sentence); si < sentence; ++si) read_sentence(stage, si, candidates);
  if (stage.emitter.size() == before) quote_only_paragraph(stage, pi, first);
}

// A party that no entity held while the stage ran (an unresolved nominal:
// "officials said") takes the entity add_mentions() gave its mention.
void link_new_entities(Document& doc) {
  const auto entity_at = [&](Argument& a) {
    if (a.entity >= 0) return;
    const auto it = std::lower_bound(doc.mentions.begin(), doc.mentions.end(), a.start,
                                     [](const Mention& m, std::uint32_t s) { return m.start < s; });
    for (auto m = it; m != doc.mentions.end() && m->start == a.start; ++m)
      if (m->end == a.end) {
        a.entity = m->entity;
        return;
      }
  };
  for (Statement& st : doc.statements) {
    entity_at(st.source);
    if (st.target) entity_at(*st.target);
  }
}

}  // namespace

}  // namespace statements

void extract_statements(Document& doc, const Knowledge& knowledge) {
  doc.statements.clear();
  const statements::ActLexicon& lexicon = *knowledge.acts;
  if (lexicon.empty() || doc.tokens.empty()) return;
  std::vector<Mention> proposed;
  statements::Emitter::Chunks found;
  {
    statements::DocumentStage stage(doc, lexicon, knowledge.codes, knowledge.actors, knowledge.cues, knowledge.syntax);
    std::span<const statements::TriggerCandidate> candidates = stage.view.trigger_candidates();
    std::size_t sentence = 0;
    for (std::uint32_t pi = 0; pi < doc.paragraphs.size(); ++pi)
      statements::read_paragraph(stage, pi, sentence, candidates);
    found = stage.emitter.take_distinct();
    proposed = stage.referents.take_proposals();
  }
  // The stage's working memory is freed: now the statements may be held twice while they move.
  doc.statements = statements::Emitter::concatenate(std::move(found));
  add_mentions(doc, std::move(proposed));
  statements::link_new_entities(doc);
}

std::vector<std::uint32_t> sentences_with_trigger_candidates(const Document& doc, const Knowledge& knowledge) {
  std::vector<std::uint32_t> out;
  const statements::ActLexicon& lexicon = *knowledge.acts;
  if (lexicon.empty() || doc.tokens.empty()) return out;
  const statements::TokenView view(doc, lexicon);
  for (std::uint32_t si = 0; si < doc.sentences.size(); ++si)
    if (!view.doc.paragraphs[doc.sentences[si].paragraph].boilerplate &&
        !view.trigger_candidates(doc.sentences[si]).empty())
      out.push_back(si);
  return out;
}

}  // namespace standpoints

#include "statements/emit.hpp"

namespace standpoints::statements {

const ActEntry& plain_say_entry() {
  static const ActEntry say = [] {
    ActEntry e;
    e.act = Act::Say;
    e.cameo = "010";
    return e;
  }();
  return say;
}

namespace {

// Whether a target is its source: the same party, unless it is the object
// addressed and either both are coded with codes that differ below the country
// ("U.S. senators urged the Trump administration": USA to USAGOV) or it is
// another person or group than the source ("Trump mocked Clinton", "accused
// Democrats of": rivals of one country, whom the scorer compares by root).
bool same_actor(const DocumentStage& stage, const Party& target, const Argument& source, bool addressed) {
  if (!stage.facts.same_party(target.arg, source)) return false;
  return !(addressed && rival_of_source(stage.facts, target, source));
}

}  // namespace

void emit_statement(DocumentStage& stage, const Party& source, const Party* given, const ActEntry& entry, Act act,
                    Span trigger, const std::optional<Span>& content, bool quote, bool negated, std::uint32_t sentence,
                    bool addressed) {
  const std::uint32_t paragraph = stage.view.doc.sentences[sentence].paragraph;
  ActChoice choice = stage.acts.decide(source, given, entry, act, trigger, content, quote, paragraph);
  if (choice.act == Act::None) return;  // a trigger that needs a cue found none
  FoundStatement st;
  st.source = source.arg;
  const bool given_target =
      choice.addressed || (addressed && given && choice.target && choice.target->arg.start == given->arg.start);
  if (choice.target && !same_actor(stage, *choice.target, source.arg, given_target)) st.target = choice.target->arg;
  st.act = choice.act;
  st.cameo = choice.cameo;
  st.plover = choice.plover;
  st.trigger = trigger;
  st.content = content;
  st.quote = quote;
  st.negated = negated;
  st.sentence = static_cast<std::int32_t>(sentence);
  stage.emitter.add(std::move(st), paragraph);
  stage.history.record(Seen{source.arg, source.type, paragraph, source.head,
                            choice.target ? std::optional<Argument>(choice.target->arg) : std::nullopt, source.plural});
}

bool emit_frame(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Act act, Frame& f) {
  // Media report what others say; every other identified speaker speaks, coded or not.
  Parties speakers;
  for (auto& p : f.sources)
    if (p.usable && !p.media) speakers.push_back(std::move(p));
  if (speakers.empty()) return false;
  const Span trigger{stage.view.tok(t.first).start, stage.view.tok(t.last - 1).end()};
  const std::size_t first_seen = stage.history.size();
  // The subject of the content of an act aimed at someone is addressed too ("demanded Republicans
  // release", "warned that the Greens ..."), not a name further on in it.
  const bool aimed = act != Act::Say && act != Act::Deny && act != Act::Support && act != Act::Reject &&
                     act != Act::Offer && f.content;
  const auto addressed_at = [&](const Party& target) {
    if (!f.content_target) return true;
    if (!aimed) return false;
    const TokenView& view = stage.view;
    return view.first_token_at(target.arg.start) <= view.first_token_at(f.content->start) + 2;
  };
  for (const auto& source : speakers) {
    bool any_target = false;
    for (const auto& target : f.reciprocal ? speakers : f.targets)
      if (const bool addressed = addressed_at(target);
          target.usable && !target.media && !same_actor(stage, target, source.arg, addressed)) {
        emit_statement(stage, source, &target, *t.entry, act, trigger, f.content, f.quote, f.negated, scope.index,
                       addressed);
        any_target = true;
      }
    if (!any_target)
      emit_statement(stage, source, nullptr, *t.entry, act, trigger, f.content, f.quote, f.negated, scope.index);
  }
  if (speakers.size() > 1) stage.history.mark_list(first_seen);
  return true;
}

}  // namespace standpoints::statements

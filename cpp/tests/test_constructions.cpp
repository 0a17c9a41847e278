// Each construction of the statement stage (cpp/src/statements/constructions.hpp)
// on a hand-built sentence: the frame it builds around one trigger, read
// before completion, and the paragraph-level constructions end to end.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "check.hpp"
#include "hand_built.hpp"
#include "statements/constructions.hpp"
#include "statements/frame_completion.hpp"

using namespace standpoints;
using namespace standpoints::testing;
using namespace standpoints::statements;

namespace {

// A document, the stage set up on it, and the trigger at a word.
struct Case {
  Document doc;
  std::unique_ptr<DocumentStage> stage;
  SentenceScope scope;
  Trigger trigger;
  bool found = false;

  Case(const std::vector<std::string>& paras, std::string_view trigger_word, const std::vector<Name>& names = kNames)
      : doc(build(paras, names)) {
    const Knowledge& k = knowledge();
    stage = std::make_unique<DocumentStage>(doc, *k.acts, k.codes, k.actors, k.cues, k.syntax);
    for (const Sentence& s : doc.sentences)
      for (const TriggerCandidate& c : stage->view.trigger_candidates(s)) {
        if (found || stage->view.text(c.token) != trigger_word) continue;
        const TriggerReading r = read_trigger(stage->view, c, s.first_token, s.last_token, false);
        if (r.outcome != TriggerReading::Outcome::Trigger) continue;
        scope.index = static_cast<std::uint32_t>(&s - doc.sentences.data());
        scope.lo = s.first_token;
        scope.hi = s.last_token;
        scope.paragraph = s.paragraph;
        scope.resume = s.first_token;
        trigger = r.trigger;
        found = true;
      }
  }
  Frame fresh() const {
    Frame f;
    f.after = trigger.last;
    return f;
  }
  // The token before the trigger past auxiliaries (where the verb constructions start).
  std::int64_t j() const {
    bool negated = false;
    return skip_auxiliaries(stage->view, trigger.before(), scope.lo, negated);
  }
  std::string text(const Party& p) const { return doc.text.substr(p.arg.start, p.arg.end - p.arg.start); }
  std::string text(const Span& s) const { return doc.text.substr(s.start, s.end - s.start); }
  std::vector<std::string> names(const Parties& ps) const {
    std::vector<std::string> out;
    for (const auto& p : ps)
      if (p.usable) out.push_back(text(p));
    return out;
  }
};

using Names = std::vector<std::string>;

void plain_subject_takes_the_name_before_the_verb() {
  Case c({"Russia warned Ukraine that it would respond."}, "warned");
  CHECK(c.found);
  Frame f = c.fresh();
  plain_subject(*c.stage, c.scope, c.j(), f);
  CHECK(c.names(f.sources) == Names{"Russia"});
  CHECK(f.subject_first && *f.subject_first == 0);
  CHECK(f.targets.empty());  // the object is the frame's to find
  // A list of subjects gives one party per conjunct.
  Case list({"Russia, Belarus and NATO warned Ukraine."}, "warned");
  Frame g = list.fresh();
  plain_subject(*list.stage, list.scope, list.j(), g);
  CHECK(list.names(g.sources) == (Names{"Russia", "Belarus", "NATO"}));
}

void noun_trigger_takes_possessor_nationality_light_verb_or_agent() {
  Case possessor({"The report repeats Washington's warning that Russia is in breach."}, "warning");
  CHECK(possessor.found && possessor.trigger.is_noun());
  Frame f = possessor.fresh();
  CHECK(noun_trigger(*possessor.stage, possessor.scope, possessor.trigger, f));
  CHECK(possessor.names(f.sources) == Names{"Washington"});

  std::vector<Name> with_nationality = kNames;
  with_nationality.push_back({"Russian", "NORP", "RUS"});
  Case nationality({"Russian demands were rejected in Kyiv."}, "demands", with_nationality);
  CHECK(nationality.found && nationality.trigger.is_noun());
  Frame r = nationality.fresh();
  CHECK(noun_trigger(*nationality.stage, nationality.scope, nationality.trigger, r));
  CHECK(nationality.names(r.sources) == Names{"Russian"});

  Case light({"Moscow gave a stern warning to Kyiv."}, "warning");
  Frame g = light.fresh();
  CHECK(noun_trigger(*light.stage, light.scope, light.trigger, g));
  CHECK(light.names(g.sources) == Names{"Moscow"});

  Case agent({"The alliance received a warning from Russia."}, "warning");
  Frame h = agent.fresh();
  CHECK(noun_trigger(*agent.stage, agent.scope, agent.trigger, h));
  CHECK(agent.names(h.sources) == Names{"Russia"});

  Case nobody({"A warning went out on Monday."}, "warning");
  Frame n = nobody.fresh();
  CHECK(!noun_trigger(*nobody.stage, nobody.scope, nobody.trigger, n));  // no source: no statement
}

void according_to_takes_the_source_after_and_the_clause_before() {
  Case c({"Talks will resume in May, according to Lavrov."}, "according");
  CHECK(c.found);
  Frame f = c.fresh();
  according_to(*c.stage, c.scope, c.trigger, f);
  CHECK(c.names(f.sources) == Names{"Lavrov"});
  CHECK(f.content && c.text(*f.content) == "Talks will resume in May");
}

void passive_with_agent_swaps_source_and_target() {
  Case c({"Russia was urged by NATO to withdraw."}, "urged");
  CHECK(c.found);
  Frame f = c.fresh();
  CHECK(passive_with_agent(*c.stage, c.scope, c.trigger, c.j(), f));
  CHECK(c.names(f.sources) == Names{"NATO"});
  CHECK(c.names(f.targets) == Names{"Russia"});
  CHECK(f.passive);
  Case agentless({"Ukraine is urged to negotiate."}, "urged");
  Frame g = agentless.fresh();
  CHECK(!passive_with_agent(*agentless.stage, agentless.scope, agentless.trigger, agentless.j(), g));
}

void participle_takes_its_source_from_a_neighbouring_statement() {
  Case c({"NATO met on Monday, saying Russia must withdraw."}, "saying");
  CHECK(c.found);
  Frame f = c.fresh();
  CHECK(frame_for(*c.stage, c.scope, c.trigger, f));
  CHECK(f.source_from == SourceFrom::PreviousStatement && f.sources.empty());
  Frame g = c.fresh();
  participle(g);
  CHECK(g.source_from == SourceFrom::PreviousStatement);
}

void quoted_as_takes_the_name_before_as() {
  Case c({"Tass quoted Lavrov as saying the talks had failed."}, "saying");
  CHECK(c.found);
  Frame f = c.fresh();
  quoted_as(*c.stage, c.scope, c.j(), f);
  CHECK(c.names(f.sources) == Names{"Lavrov"});
  Frame g = c.fresh();
  CHECK(frame_for(*c.stage, c.scope, c.trigger, g) && c.names(g.sources) == Names{"Lavrov"});
}

void relative_clause_takes_the_name_before_who() {
  Case c({"It was Lavrov, who warned Ukraine on Monday."}, "warned");
  CHECK(c.found);
  Frame f = c.fresh();
  relative_clause(*c.stage, c.scope, c.j(), f);
  CHECK(c.names(f.sources) == Names{"Lavrov"});
}

void coordination_takes_the_first_name_of_the_sentence() {
  Case c({"NATO met in Brussels and warned Russia."}, "warned");
  CHECK(c.found);
  Frame f = c.fresh();
  coordination(*c.stage, c.scope, c.j(), f);
  CHECK(f.source_from == SourceFrom::Coordinated && f.sources.empty());
  // With no statement before it in the sentence, the sentence's first name speaks.
  CHECK(find_neighbour_sources(*c.stage, c.scope, c.trigger, Act::Warn, f));
  CHECK(c.names(f.sources) == Names{"NATO"});
}

void appositive_and_inverted_attributions() {
  Case appositive({"Lavrov, speaking in Minsk on Monday, said the talks had failed."}, "said");
  CHECK(appositive.found);
  Frame f = appositive.fresh();
  appositive_or_inverted(*appositive.stage, appositive.scope, appositive.trigger, appositive.j(), f);
  CHECK(appositive.names(f.sources) == Names{"Lavrov"});

  Case inverted({"\"The door stays open,\" said Stoltenberg."}, "said");
  CHECK(inverted.found);
  Frame g = inverted.fresh();
  appositive_or_inverted(*inverted.stage, inverted.scope, inverted.trigger, inverted.j(), g);
  CHECK(inverted.names(g.sources) == Names{"Stoltenberg"});
  CHECK(g.quote && g.content && inverted.text(*g.content) == "The door stays open");
}

void syntactic_subject_takes_the_subject_the_parse_gives() {
  // A relative clause between the subject and its verb: the parse links them.
  Case c({"Lavrov, who had flown in from Belarus after talks that lasted all night, warned Ukraine."}, "warned");
  CHECK(c.found);
  Frame f = c.fresh();
  CHECK(syntactic_subject(*c.stage, c.scope, c.trigger, f));
  CHECK(c.names(f.sources) == Names{"Lavrov"});
  CHECK(!f.passive);
  // A passive: the agent speaks, the subject is the target.
  Case p({"Ukraine was warned by Lavrov on Monday."}, "warned");
  CHECK(p.found);
  Frame g = p.fresh();
  CHECK(syntactic_subject(*p.stage, p.scope, p.trigger, g));
  CHECK(p.names(g.sources) == Names{"Lavrov"} && p.names(g.targets) == Names{"Ukraine"} && g.passive);
  // A trigger that is no quotation verb, with no name, pronoun or listed
  // nominal before it: no parse, no subject.
  Case none({"Heavy snow criticised the plan."}, "criticised");
  CHECK(none.found);
  Frame h = none.fresh();
  CHECK(!syntactic_subject(*none.stage, none.scope, none.trigger, h) && h.sources.empty());
}

void infinitive_takes_the_subject_of_the_verb_it_completes() {
  // "went on television to say": a purpose clause; the subject of "went" speaks.
  Case c({"Lavrov went on television to say the talks had failed."}, "say");
  CHECK(c.found && c.trigger.infinitive);
  Frame f = c.fresh();
  CHECK(infinitive(*c.stage, c.scope, c.trigger, f));
  CHECK(c.names(f.sources) == Names{"Lavrov"});
  // "has to say": an obligation, not a statement.
  Case aux({"Lavrov has to say something about the talks."}, "say");
  CHECK(aux.found);
  Frame g = aux.fresh();
  CHECK(!infinitive(*aux.stage, aux.scope, aux.trigger, g));
}

void sentence_initial_inverted_takes_the_name_after_the_verb() {
  Case c({"Said Lavrov: \"The talks failed.\""}, "Said");
  CHECK(c.found);
  Frame f = c.fresh();
  sentence_initial_inverted(*c.stage, c.scope, c.trigger, f);
  CHECK(c.names(f.sources) == Names{"Lavrov"});
  CHECK(f.quote && f.content && c.text(*f.content) == "The talks failed.");
  // No comma or colon after the name: a supposition ("Say Russia demanded ..."), no source.
  Case say({"Say Russia demanded talks."}, "Say");
  CHECK(say.found);
  Frame g = say.fresh();
  sentence_initial_inverted(*say.stage, say.scope, say.trigger, g);
  CHECK(g.sources.empty());
}

void verb_construction_picks_the_construction_by_the_word_before() {
  // The same verb read by what precedes it: a passive, a relative clause, a plain subject.
  Case passive({"Ukraine was warned by NATO."}, "warned");
  Frame a = passive.fresh();
  CHECK(verb_construction(*passive.stage, passive.scope, passive.trigger, a));
  CHECK(a.passive && passive.names(a.sources) == Names{"NATO"} && passive.names(a.targets) == Names{"Ukraine"});
  Case relative({"It was NATO that warned Russia."}, "warned");
  Frame b = relative.fresh();
  CHECK(verb_construction(*relative.stage, relative.scope, relative.trigger, b));
  CHECK(!b.passive && relative.names(b.sources) == Names{"NATO"});
  Case plain({"Belarus warned Ukraine."}, "warned");
  Frame c = plain.fresh();
  CHECK(verb_construction(*plain.stage, plain.scope, plain.trigger, c));
  CHECK(!c.passive && plain.names(c.sources) == Names{"Belarus"});
}

void paragraph_constructions() {
  // Headline colon: "X: ..." is X saying what follows.
  auto d = make({"Lavrov: the talks have failed"}, kNames);
  CHECK(d.statements.size() == 1);
  if (!d.statements.empty()) {
    CHECK(src(d, d.statements[0]) == "Lavrov" && trig(d, d.statements[0]) == ":");
    CHECK(content(d, d.statements[0]) == "the talks have failed");
  }
  // A paragraph that is only a quotation: the speaker of the paragraph before.
  auto q = make({"Stoltenberg warned Russia on Monday.", "\"Any attack will have a high price.\""}, kNames);
  CHECK(q.statements.size() == 2);
  if (q.statements.size() == 2) {
    CHECK(src(q, q.statements[1]) == "Stoltenberg" && q.statements[1].quote);
    CHECK(content(q, q.statements[1]) == "Any attack will have a high price.");
  }
}

void frame_completion_finds_object_content_and_act() {
  Case c({"NATO urged Russia to withdraw its troops."}, "urged");
  Frame f = c.fresh();
  CHECK(frame_for(*c.stage, c.scope, c.trigger, f));
  find_frame_target(*c.stage, c.scope, c.trigger, f);
  CHECK(c.names(f.targets) == Names{"Russia"});
  CHECK(find_content(*c.stage, c.scope, c.trigger, f));
  CHECK(f.content && c.text(*f.content) == "to withdraw its troops");
  CHECK(c.stage->acts.trigger_act(*c.trigger.entry, c.trigger.last, c.scope.hi, f.content) == Act::Urge);
  // A modal-insistence verb without a modal in its content only says.
  Case insist({"Russia insisted that the talks had failed."}, "insisted");
  Frame g = insist.fresh();
  CHECK(frame_for(*insist.stage, insist.scope, insist.trigger, g));
  CHECK(find_content(*insist.stage, insist.scope, insist.trigger, g));
  CHECK(insist.stage->acts.trigger_act(*insist.trigger.entry, insist.trigger.last, insist.scope.hi, g.content) ==
        Act::Say);
}

void trigger_candidates_name_the_sentences_to_read() {
  // What a syntax stage would parse: the sentences holding a word where a trigger may start.
  const Document d =
      build({"Russia deployed troops near Ukraine. NATO warned Russia.", "Tass covered the talks."}, kNames);
  const std::vector<std::uint32_t> sentences = sentences_with_trigger_candidates(d, knowledge());
  CHECK(sentences == std::vector<std::uint32_t>{1});  // "covered" is no trigger, "warned" is
}

void huge_document_view_lowers_words_as_a_small_one_does() {
  // A text of 1 MB or more is not copied lower-cased: its words in lower case
  // are read from the text, the others from a pool of their lower-cased copies.
  const std::string para =
      "\xC3\x89mile\xE2\x80\x99s \xC3\x9C"
      "BER-Plan didn\xE2\x80\x99t WARN the Ministry; iPhone officials SAID it, "
      "\xC3\x96lkonzern said.";
  const Knowledge& k = knowledge();
  Document small = build({para}, kNames);
  Document huge = build(std::vector<std::string>((std::size_t{1} << 20) / para.size() + 2, para), kNames);
  CHECK(huge.text.size() >= (std::size_t{1} << 20));
  const DocumentStage a(small, *k.acts, k.codes, k.actors, k.cues, k.syntax),
      b(huge, *k.acts, k.codes, k.actors, k.cues, k.syntax);
  const std::uint32_t n = a.view.size();
  CHECK(n > 10 && b.view.size() % n == 0);
  bool same = true;
  for (std::uint32_t t = 0; t < b.view.size() && same; ++t) {
    const std::uint32_t u = t % n;
    same = std::string_view(b.view.low(t)) == std::string_view(a.view.low(u)) &&
           b.view.forms_at(t) == a.view.forms_at(u) && b.view.may_start_cue(t) == a.view.may_start_cue(u);
  }
  CHECK(same);
  CHECK(std::string_view(b.view.low(0)) == "\xC3\xA9mile");
  CHECK(std::string_view(b.view.low(b.view.size() - 2)) == "said");
  CHECK(b.view.trigger_candidate_count() == a.view.trigger_candidate_count() * (b.view.size() / n));
}

}  // namespace

int main() {
  plain_subject_takes_the_name_before_the_verb();
  noun_trigger_takes_possessor_nationality_light_verb_or_agent();
  according_to_takes_the_source_after_and_the_clause_before();
  passive_with_agent_swaps_source_and_target();
  participle_takes_its_source_from_a_neighbouring_statement();
  quoted_as_takes_the_name_before_as();
  relative_clause_takes_the_name_before_who();
  coordination_takes_the_first_name_of_the_sentence();
  appositive_and_inverted_attributions();
  syntactic_subject_takes_the_subject_the_parse_gives();
  infinitive_takes_the_subject_of_the_verb_it_completes();
  sentence_initial_inverted_takes_the_name_after_the_verb();
  verb_construction_picks_the_construction_by_the_word_before();
  paragraph_constructions();
  frame_completion_finds_object_content_and_act();
  trigger_candidates_name_the_sentences_to_read();
  huge_document_view_lowers_words_as_a_small_one_does();
  if (failures)
    std::fprintf(stderr, "%d failure(s)\n", failures);
  else
    std::printf("test_constructions: all passed\n");
  return failures ? 1 : 0;
}

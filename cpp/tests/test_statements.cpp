// Statement patterns on hand-built documents (hand_built.hpp), end to end.
#include <cstdio>

#include "check.hpp"
#include "hand_built.hpp"

using namespace standpoints;
using namespace standpoints::testing;

int main() {
  {  // active clause with object and that-clause
    auto d = make({"Russia warned Ukraine that it would respond to any attack."}, kNames);
    CHECK(d.statements.size() == 1);
    if (!d.statements.empty()) {
      const auto& s = d.statements[0];
      CHECK(s.act == "WARN" && s.cameo == "130" && s.plover == "THREATEN");
      CHECK(src(d, s) == "Russia" && s.source.actor == "RUS");
      CHECK(tgt(d, s) == "Ukraine" && s.target->actor == "UKR");
      CHECK(trig(d, s) == "warned");
      CHECK(content(d, s) == "that it would respond to any attack");
      CHECK(!s.quote && !s.negated && s.sentence == 0);
    }
  }
  {  // urge X to; accuse X of
    auto d =
        make({"NATO urged Russia to withdraw its troops.", "Washington accused Moscow of deploying missiles."}, kNames);
    dump(d);
    CHECK(d.statements.size() == 2);
    if (d.statements.size() == 2) {
      CHECK(d.statements[0].act == "URGE" && src(d, d.statements[0]) == "NATO" && tgt(d, d.statements[0]) == "Russia");
      CHECK(content(d, d.statements[0]) == "to withdraw its troops");
      CHECK(d.statements[1].act == "ACCUSE" && d.statements[1].source.actor == "USAGOV" &&
            d.statements[1].target->actor == "RUSGOV");
      CHECK(content(d, d.statements[1]) == "of deploying missiles");
    }
  }
  {  // possessive noun trigger
    auto d = make({"The report repeats Washington's warning that Russia is in breach of the treaty."}, kNames);
    dump(d);
    CHECK(d.statements.size() == 1);
    if (!d.statements.empty()) {
      CHECK(d.statements[0].act == "WARN" && src(d, d.statements[0]) == "Washington");
      CHECK(tgt(d, d.statements[0]) == "Russia" && trig(d, d.statements[0]) == "warning");
    }
  }
  {  // passive with agent; agentless passive gives nothing
    auto d = make({"Russia was urged by NATO to withdraw.", "Ukraine is urged to negotiate."}, kNames);
    dump(d);
    CHECK(d.statements.size() == 1);
    if (!d.statements.empty()) {
      CHECK(d.statements[0].act == "URGE" && src(d, d.statements[0]) == "NATO" && tgt(d, d.statements[0]) == "Russia");
    }
  }
  {  // quotations: after, before with colon, inverted, curly, paragraph of quotation only
    auto d = make({"\"We will not accept this,\" Lavrov said.", "Stoltenberg said: \"The talks were useful.\"",
                   "\xE2\x80\x9CThe door stays open,\xE2\x80\x9D said Stoltenberg, who leads the alliance.",
                   "\xE2\x80\x9CIt is a matter for the allies alone.\xE2\x80\x9D"},
                  kNames);
    dump(d);
    CHECK(d.statements.size() == 4);
    if (d.statements.size() == 4) {
      CHECK(src(d, d.statements[0]) == "Lavrov" && d.statements[0].quote);
      CHECK(content(d, d.statements[0]) == "We will not accept this");
      CHECK(d.statements[0].act == "REJECT");  // cue "not accept"
      CHECK(src(d, d.statements[1]) == "Stoltenberg" && d.statements[1].act == "SAY" && d.statements[1].quote);
      CHECK(content(d, d.statements[1]) == "The talks were useful.");
      CHECK(src(d, d.statements[2]) == "Stoltenberg" && d.statements[2].quote);
      CHECK(content(d, d.statements[2]) == "The door stays open");
      // the quotation paragraph belongs to the speaker before
      CHECK(d.statements[3].source.actor == "NATO" && d.statements[3].quote);
      CHECK(content(d, d.statements[3]) == "It is a matter for the allies alone.");
    }
  }
  {  // according to: a person yes, a medium no; media reporting is no statement
    auto d = make({"Talks will resume in May, according to Lavrov.", "Talks will resume, according to Tass.",
                   "Tass reported that talks had resumed."},
                  kNames);
    dump(d);
    CHECK(d.statements.size() == 1);
    if (!d.statements.empty()) CHECK(src(d, d.statements[0]) == "Lavrov" && trig(d, d.statements[0]) == "according to");
  }
  {  // documents and coordination of sources and targets
    auto d =
        make({"Both the US and NATO documents urge Russia to restore ties.", "NATO urged Russia and Belarus to talk."},
             kNames);
    dump(d);
    CHECK(d.statements.size() == 4);
    if (d.statements.size() == 4) {
      CHECK(d.statements[0].source.actor == "USA" && d.statements[1].source.actor == "NATO");
      CHECK(d.statements[0].target->actor == "RUS" && d.statements[1].target->actor == "RUS");
      CHECK(d.statements[2].target->actor == "RUS" && d.statements[3].target->actor == "BLR");
    }
  }
  {  // negation and refusal
    auto d = make({"Russia did not threaten Ukraine.", "A NATO official refused to confirm the text."}, kNames);
    dump(d);
    CHECK(d.statements.size() == 2);
    if (d.statements.size() == 2) {
      CHECK(d.statements[0].act == "WARN" && d.statements[0].negated && tgt(d, d.statements[0]) == "Ukraine");
      CHECK(d.statements[1].act == "REJECT" && !d.statements[1].target && src(d, d.statements[1]) == "NATO");
      CHECK(trig(d, d.statements[1]) == "refused");
    }
  }
  {  // pronoun and nominal sources, resolved to the entity before
    auto d = make({"Lavrov met reporters in Moscow on Monday.", "He said the talks had failed.",
                   "Russia's defence ministry claimed Ukraine had attacked.", "The ministry said it had proof."},
                  kNames);
    dump(d);
    CHECK(d.statements.size() == 3);
    if (d.statements.size() == 3) {
      CHECK(src(d, d.statements[0]) == "He" && d.statements[0].source.actor == "RUSGOV");
      CHECK(d.statements[0].source.entity == d.mentions[0].entity);
      CHECK(src(d, d.statements[1]) == "Russia");
      CHECK(src(d, d.statements[2]) == "ministry" && d.statements[2].source.actor == "RUS");
    }
    // the pronoun and the nominal were added as mentions
    int added = 0;
    for (const auto& m : d.mentions) added += m.kind != MentionKind::Name;
    CHECK(added == 2);
  }
  {  // material acts, boilerplate, one statement per (paragraph, source, act, target)
    auto d = make({"Russia deployed troops near Ukraine.", "Russia warned Ukraine. Russia warned Ukraine again.",
                   "NATO warned Russia that it would respond."},
                  kNames, {2});
    dump(d);
    CHECK(d.statements.size() == 1);
  }
  {  // every span is inside the text and not empty
    auto d = make({"\"We will respond,\" Lavrov said, while Washington urged Moscow to talk."}, kNames);
    for (const auto& s : d.statements) {
      CHECK(s.source.start < s.source.end && s.source.end <= d.text.size());
      CHECK(s.trigger.start < s.trigger.end);
      if (s.content) CHECK(s.content->start < s.content->end && s.content->end <= d.text.size());
    }
    CHECK(d.statements.size() == 2);
  }
  if (failures)
    std::fprintf(stderr, "%d failure(s)\n", failures);
  else
    std::printf("test_statements: all passed\n");
  return failures ? 1 : 0;
}

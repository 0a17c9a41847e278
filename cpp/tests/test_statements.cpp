// Statement patterns on hand-built documents: text and paragraphs, the real
// segmenter, mentions and entities pushed by hand (no entity stage needed).
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "check.hpp"
#include "standpoints/knowledge.hpp"
#include "standpoints/segmenter.hpp"
#include "standpoints/statements.hpp"

using namespace standpoints;

namespace {

using standpoints::testing::failures;

const std::string kData = STANDPOINTS_DATA_DIR;
const SegmenterRules& rules() {
  static const SegmenterRules r = SegmenterRules::load(kData + "/abbreviations.tsv");
  return r;
}
const Knowledge& knowledge() {
  static const std::shared_ptr<const Knowledge> k = Knowledge::load(KnowledgeOptions{kData, {}, {}});
  return *k;
}

struct Name {
  std::string text, type, actor;
};

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Body paragraphs (no title); every whole-word occurrence of a name is a mention.
Document make(const std::vector<std::string>& paras, const std::vector<Name>& names,
              const std::vector<std::size_t>& boilerplate = {}) {
  Document doc;
  doc.id = "t";
  for (std::size_t i = 0; i < paras.size(); ++i) {
    if (i) doc.text += "\n";
    Paragraph p;
    p.start = static_cast<std::uint32_t>(doc.text.size());
    doc.text += paras[i];
    p.end = static_cast<std::uint32_t>(doc.text.size());
    for (auto b : boilerplate) p.boilerplate |= b == i;
    doc.paragraphs.push_back(p);
  }
  segment(doc, rules());
  std::map<std::string, int> ent;
  std::vector<Mention> ms;
  for (const auto& n : names) {
    for (std::size_t pos = doc.text.find(n.text); pos != std::string::npos; pos = doc.text.find(n.text, pos + 1)) {
      const std::size_t end = pos + n.text.size();
      if ((pos > 0 && word_char(doc.text[pos - 1])) || (end < doc.text.size() && word_char(doc.text[end]))) continue;
      if (!ent.count(n.text)) {
        Entity e;
        e.id = n.text;
        e.name = n.text;
        e.type = n.type;
        e.actor = n.actor;
        doc.entities.push_back(e);
        ent[n.text] = static_cast<int>(doc.entities.size() - 1);
      }
      Mention m;
      m.start = static_cast<std::uint32_t>(pos);
      m.end = static_cast<std::uint32_t>(end);
      m.type = n.type;
      m.actor = n.actor;
      m.entity = ent[n.text];
      ms.push_back(m);
    }
  }
  std::sort(ms.begin(), ms.end(), [](const Mention& a, const Mention& b) { return a.start < b.start; });
  doc.mentions = ms;
  extract_statements(doc, knowledge());
  return doc;
}

std::string span(const Document& d, std::uint32_t s, std::uint32_t e) { return d.text.substr(s, e - s); }
std::string src(const Document& d, const Statement& s) { return span(d, s.source.start, s.source.end); }
std::string tgt(const Document& d, const Statement& s) {
  return s.target ? span(d, s.target->start, s.target->end) : std::string("-");
}
std::string trig(const Document& d, const Statement& s) { return span(d, s.trigger.start, s.trigger.end); }
std::string content(const Document& d, const Statement& s) {
  return s.content ? span(d, s.content->start, s.content->end) : std::string("-");
}

void dump(const Document& d) {
  for (const auto& s : d.statements)
    std::fprintf(stderr, "  %s -%s-> %s [%s] {%s}%s%s\n", s.source.actor.c_str(), s.act.c_str(),
                 s.target ? s.target->actor.c_str() : "-", trig(d, s).c_str(), content(d, s).c_str(),
                 s.quote ? " quote" : "", s.negated ? " negated" : "");
}

const std::vector<Name> kNames = {{"Russia", "GPE", "RUS"},       {"Ukraine", "GPE", "UKR"},
                                  {"NATO", "ORG", "NATO"},        {"Washington", "GPE", "USAGOV"},
                                  {"Moscow", "GPE", "RUSGOV"},    {"US", "GPE", "USA"},
                                  {"Lavrov", "PERSON", "RUSGOV"}, {"Tass", "ORG", "RUSMED"},
                                  {"Belarus", "GPE", "BLR"},      {"Stoltenberg", "PERSON", "NATO"}};

}  // namespace

int main() {
  {  // active clause with object and that-clause
    auto d = make({"Russia warned Ukraine that it would respond to any attack."}, kNames);
    CHECK(d.statements.size() == 1);
    if (!d.statements.empty()) {
      const auto& s = d.statements[0];
      CHECK(s.act == "WARN" && s.cameo == "130");
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

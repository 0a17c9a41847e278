// Documents built by hand for the statement-stage tests: text and
// paragraphs, the real segmenter, mentions and entities pushed by hand for
// every whole-word occurrence of the names given (no entity stage needed).
#pragma once

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "standpoints/document.hpp"
#include "standpoints/knowledge.hpp"
#include "standpoints/segmenter.hpp"
#include "standpoints/statements.hpp"

namespace standpoints::testing {

inline const std::string kData = STANDPOINTS_DATA_DIR;
inline const SegmenterRules& rules() {
  static const SegmenterRules r = SegmenterRules::load(kData + "/abbreviations.tsv");
  return r;
}
inline const Knowledge& knowledge() {
  static const std::shared_ptr<const Knowledge> k = Knowledge::load(KnowledgeOptions{kData, {}, {}});
  return *k;
}

struct Name {
  std::string text, type, actor;
};

inline bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Body paragraphs (no title); every whole-word occurrence of a name is a mention.
inline Document build(const std::vector<std::string>& paras, const std::vector<Name>& names,
                      const std::vector<std::size_t>& boilerplate = {}) {
  Document doc;
  doc.id = "t";
  for (std::size_t i = 0; i < paras.size(); ++i) {
    if (i) doc.text += "\n";
    Paragraph p;
    p.start = static_cast<std::uint32_t>(doc.text.size());
    doc.text += paras[i];
    p.length = static_cast<std::uint32_t>(doc.text.size() - p.start);
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
  for (std::size_t i = 0; i < doc.mentions.size(); ++i)
    doc.entities[static_cast<std::size_t>(doc.mentions[i].entity)].mentions.push_back(static_cast<std::int32_t>(i));
  return doc;
}

// The same with the statement stage run.
inline Document make(const std::vector<std::string>& paras, const std::vector<Name>& names,
                     const std::vector<std::size_t>& boilerplate = {}) {
  Document doc = build(paras, names, boilerplate);
  extract_statements(doc, knowledge());
  return doc;
}

inline std::string span(const Document& d, std::uint32_t s, std::uint32_t e) { return d.text.substr(s, e - s); }
inline std::string src(const Document& d, const Statement& s) { return span(d, s.source.start, s.source.end); }
inline std::string tgt(const Document& d, const Statement& s) {
  return s.target ? span(d, s.target->start, s.target->end) : std::string("-");
}
inline std::string trig(const Document& d, const Statement& s) { return span(d, s.trigger.start, s.trigger.end); }
inline std::string content(const Document& d, const Statement& s) {
  return s.content ? span(d, s.content->start, s.content->end) : std::string("-");
}

inline void dump(const Document& d) {
  for (const auto& s : d.statements)
    std::fprintf(stderr, "  %s -%s-> %s [%s] {%s}%s%s\n", s.source.actor.c_str(), s.act.c_str(),
                 s.target ? s.target->actor.c_str() : "-", trig(d, s).c_str(), content(d, s).c_str(),
                 s.quote ? " quote" : "", s.negated ? " negated" : "");
}

inline const std::vector<Name> kNames = {{"Russia", "GPE", "RUS"},       {"Ukraine", "GPE", "UKR"},
                                         {"NATO", "ORG", "NATO"},        {"Washington", "GPE", "USAGOV"},
                                         {"Moscow", "GPE", "RUSGOV"},    {"US", "GPE", "USA"},
                                         {"Lavrov", "PERSON", "RUSGOV"}, {"Tass", "ORG", "RUSMED"},
                                         {"Belarus", "GPE", "BLR"},      {"Stoltenberg", "PERSON", "NATO"}};

}  // namespace standpoints::testing

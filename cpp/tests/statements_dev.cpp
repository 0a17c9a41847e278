// Development harness (not a test): runs the statement stage on gold files with the
// gold mentions standing in for the entity stage, so that the statement rules can be
// measured on their own. Usage: statements_dev DATA_DIR GOLD.jsonl > system.jsonl
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "standpoints/json.hpp"
#include "standpoints/knowledge.hpp"
#include "standpoints/segmenter.hpp"
#include "standpoints/statements.hpp"
#include "standpoints/utf8.hpp"

using namespace standpoints;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: statements_dev DATA_DIR GOLD.jsonl\n";
    return 2;
  }
  const std::string dir = std::string(argv[1]) + "/";
  const auto rules = SegmenterRules::load(dir + "abbreviations.tsv");
  const auto knowledge = Knowledge::load(KnowledgeOptions{dir, {}, {}});
  std::ifstream in(argv[2]);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto g = nlohmann::json::parse(line);
    Document doc;
    doc.id = g["id"].get<std::string>();
    doc.text = g["text"].get<std::string>();
    if (g.contains("title") && g["title"].is_string()) doc.title = g["title"].get<std::string>();
    // code point -> byte offsets
    std::vector<std::uint32_t> cp2b;
    for (std::size_t p = 0; p < doc.text.size();) {
      cp2b.push_back(static_cast<std::uint32_t>(p));
      utf8::decode(doc.text, p);
    }
    cp2b.push_back(static_cast<std::uint32_t>(doc.text.size()));
    for (auto& p : g["paragraphs"]) {
      Paragraph para;
      para.start = cp2b[p["start"].get<std::size_t>()];
      para.length = static_cast<std::uint32_t>(cp2b[p["end"].get<std::size_t>()] - para.start) & Paragraph::kMaxLength;
      para.title = p.value("kind", "body") == "title";
      para.boilerplate = p.value("boilerplate", false);
      doc.paragraphs.push_back(para);
    }
    segment(doc, rules);
    std::map<std::string, int> by_text;
    for (auto& m : g["mentions"]) {
      Mention mm;
      mm.start = cp2b[m["start"].get<std::size_t>()];
      mm.end = cp2b[m["end"].get<std::size_t>()];
      mm.type = m.value("type", "");
      mm.actor = m.contains("actor") && m["actor"].is_string() ? m["actor"].get<std::string>() : "";
      std::string key = m.value("text", "");
      if (mm.type == "PERSON") {
        auto sp = key.rfind(' ');
        if (sp != std::string::npos) key = key.substr(sp + 1);
      }
      auto it = by_text.find(key);
      if (it == by_text.end()) {
        Entity e;
        e.id = key;
        e.name = m.value("text", "");
        e.type = mm.type;
        e.actor = mm.actor;
        doc.entities.push_back(e);
        it = by_text.emplace(key, static_cast<int>(doc.entities.size() - 1)).first;
      }
      mm.entity = it->second;
      doc.entities[it->second].mentions.push_back(static_cast<int>(doc.mentions.size()));
      for (std::size_t t = 0; t < doc.tokens.size(); ++t)
        if (doc.tokens[t].start >= mm.start) {
          mm.sentence = static_cast<int>(doc.sentence_of(t));
          break;
        }
      doc.mentions.push_back(mm);
    }
    extract_statements(doc, *knowledge);
    std::cout << to_json(doc) << "\n";
  }
}

// The syntax layer: the trainer and model mechanics on a tiny hand-annotated
// model (training is deterministic, a saved model parses as the one in
// memory, the model learns its sentences), the shipped model on invented
// sentences (subjects, passive agents, inverted "said X", parsing only the
// sentences asked for) and the projection of a foreign parse.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "check.hpp"
#include "standpoints/analyzer.hpp"
#include "standpoints/reader.hpp"
#include "standpoints/segmenter.hpp"
#include "standpoints/syntax.hpp"
#include "trainer.hpp"

using namespace standpoints;

namespace {

// One hand-annotated sentence: space-separated tokens with tag, head (-1 root) and relation.
struct Annotated {
  const char* text;
  std::vector<const char*> tags;
  std::vector<int> heads;
  std::vector<const char*> deps;
};

const std::vector<Annotated> kTiny = {
    {"Officials in Ruritania said the plan failed .",
     {"NNS", "IN", "NNP", "VBD", "DT", "NN", "VBD", "."},
     {3, 0, 1, -1, 5, 6, 3, 3},
     {"nsubj", "prep", "pobj", "ROOT", "det", "nsubj", "ccomp", "punct"}},
    {"The treaty was signed by Zembla .",
     {"DT", "NN", "VBD", "VBN", "IN", "NNP", "."},
     {1, 3, 3, -1, 3, 4, 3},
     {"det", "nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"}},
    {"He denied the report and urged officials to act .",
     {"PRP", "VBD", "DT", "NN", "CC", "VBD", "NNS", "TO", "VB", "."},
     {1, -1, 3, 1, 1, 1, 5, 8, 5, 1},
     {"nsubj", "ROOT", "det", "dobj", "cc", "conj", "dobj", "aux", "xcomp", "punct"}},
    {"The company , which denied it , said nothing .",
     {"DT", "NN", ",", "WDT", "VBD", "PRP", ",", "VBD", "NN", "."},
     {1, 7, 1, 4, 1, 4, 1, -1, 7, 7},
     {"det", "nsubj", "punct", "nsubj", "relcl", "dobj", "punct", "ROOT", "dobj", "punct"}},
};

syntax::Example example(const Annotated& a) {
  syntax::Example e;
  e.text = a.text;
  tokenize(e.text, 0, e.text.size(), SegmenterRules{}, e.tokens);
  CHECK(e.tokens.size() == a.tags.size());
  for (std::size_t i = 0; i < a.tags.size(); ++i) {
    e.tags.push_back(tag_from_name(a.tags[i]));
    e.heads.push_back(a.heads[i]);
    e.deps.push_back(dep_from_name(a.deps[i]));
  }
  return e;
}

std::vector<syntax::Example> tiny_data() {
  std::vector<syntax::Example> data;
  for (int copy = 0; copy < 5; ++copy)
    for (const auto& a : kTiny) data.push_back(example(a));
  return data;
}

syntax::TrainOptions tiny_options() {
  syntax::TrainOptions o;
  o.tagger_epochs = 5;
  o.parser_epochs = 8;
  o.move_bits = 12;
  o.provenance = "test";
  return o;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

bool same_layer(const Document& a, const Document& b) {
  if (a.syntax.tokens.size() != b.syntax.tokens.size()) return false;
  for (std::size_t i = 0; i < a.syntax.tokens.size(); ++i) {
    const auto &x = a.syntax.tokens[i], &y = b.syntax.tokens[i];
    if (x.tag != y.tag || x.head != y.head || x.dep != y.dep) return false;
  }
  return true;
}

std::string token_text(const Document& doc, std::int32_t t) {
  if (t < 0) return "<none>";
  const Token& tok = doc.tokens[static_cast<std::size_t>(t)];
  return doc.text.substr(tok.start, tok.end() - tok.start);
}

std::int32_t find_token(const Document& doc, std::string_view word) {
  for (std::size_t i = 0; i < doc.tokens.size(); ++i)
    if (token_text(doc, static_cast<std::int32_t>(i)) == word) return static_cast<std::int32_t>(i);
  return -1;
}

void tiny_model_round_trip_and_determinism() {
  const auto data = tiny_data();
  const syntax::ModelData first = syntax::train(data, tiny_options());
  const syntax::ModelData second = syntax::train(data, tiny_options());
  const std::string path_a = "/tmp/standpoints-test-syntax-a.bin", path_b = "/tmp/standpoints-test-syntax-b.bin";
  first.save(path_a);
  second.save(path_b);
  CHECK(read_bytes(path_a) == read_bytes(path_b));  // same data, same seed: the same model

  const SyntaxModel in_memory(std::make_unique<syntax::ModelData>(first));
  const SyntaxModel loaded = SyntaxModel::load(path_a);
  CHECK(loaded.provenance() == "test");
  Document a = syntax::make_document(data, 0, kTiny.size());
  Document b = a;
  parse_all(a, in_memory);
  parse_all(b, loaded);
  CHECK(same_layer(a, b));
  Document again = syntax::make_document(data, 0, kTiny.size());
  parse_all(again, loaded);
  CHECK(same_layer(a, again));

  // The model learned its four sentences.
  std::size_t right = 0, total = 0;
  for (std::size_t s = 0; s < kTiny.size(); ++s)
    for (std::size_t i = 0; i < data[s].tokens.size(); ++i, ++total) {
      const auto& t = a.syntax.tokens[a.sentences[s].first_token + i];
      const std::int32_t head =
          data[s].heads[i] < 0 ? -1 : static_cast<std::int32_t>(a.sentences[s].first_token) + data[s].heads[i];
      right += t.tag == data[s].tags[i] && t.head == head;
    }
  CHECK(right * 10 >= total * 9);
  const PredicateArgs said = predicate_args(a, static_cast<std::uint32_t>(find_token(a, "said")));
  CHECK(token_text(a, said.subject) == "Officials");

  std::remove(path_a.c_str());
  std::remove(path_b.c_str());
}

void damaged_model_is_a_knowledge_error() {
  const std::string path = "/tmp/standpoints-test-syntax-bad.bin";
  syntax::train(tiny_data(), tiny_options()).save(path);
  std::string bytes = read_bytes(path);
  bytes[bytes.size() / 2] ^= 0x55;
  std::ofstream(path, std::ios::binary) << bytes;
  bool threw = false;
  try {
    SyntaxModel::load(path);
  } catch (const KnowledgeError&) {
    threw = true;
  }
  CHECK(threw);
  std::remove(path.c_str());
}

Analyzer segmenting_analyzer() {
  AnalyzerOptions o;
  o.knowledge.data_dir = STANDPOINTS_DATA_DIR;
  o.stage = Stage::Segment;
  return Analyzer(o);
}

Document parsed(const Analyzer& a, const std::string& text) {
  Document doc = a.analyze_plain(text, "t");
  parse_all(doc, a.knowledge().syntax);
  return doc;
}

void shipped_model_finds_subjects_agents_and_inversion() {
  const Analyzer a = segmenting_analyzer();
  {
    const Document doc = parsed(a, "Officials in Ruritania said the talks with Zembla had failed.");
    const PredicateArgs said = predicate_args(doc, static_cast<std::uint32_t>(find_token(doc, "said")));
    CHECK(token_text(doc, said.subject) == "Officials");
    CHECK(!said.inverted && !said.passive);
    CHECK(token_text(doc, said.complement) == "failed");
  }
  {
    const Document doc = parsed(a, "The accord was rejected by the Zemblan parliament on Tuesday.");
    const PredicateArgs rejected = predicate_args(doc, static_cast<std::uint32_t>(find_token(doc, "rejected")));
    CHECK(rejected.passive);
    CHECK(token_text(doc, rejected.subject) == "accord");
    CHECK(token_text(doc, rejected.agent) == "parliament");
    const NounPhrase np = noun_phrase(doc, static_cast<std::uint32_t>(rejected.agent));
    CHECK(doc.text.substr(doc.tokens[np.first_token].start,
                          doc.tokens[np.last_token - 1].end() - doc.tokens[np.first_token].start) ==
          "the Zemblan parliament");
  }
  {
    const Document doc = parsed(a, "\"We will not sign this,\" said Marta Kowalczyk, a spokeswoman for the ministry.");
    const PredicateArgs said = predicate_args(doc, static_cast<std::uint32_t>(find_token(doc, "said")));
    CHECK(token_text(doc, said.subject) == "Kowalczyk");
    CHECK(said.inverted);
  }
  {
    // A participle shares the subject of the clause it hangs on.
    const Document doc = parsed(a, "The ministry rejected the claims, saying they were baseless.");
    const PredicateArgs saying = predicate_args(doc, static_cast<std::uint32_t>(find_token(doc, "saying")));
    CHECK(token_text(doc, saying.subject) == "ministry");
    CHECK(!saying.own_subject);
  }
}

void only_the_sentences_asked_for_are_parsed() {
  const Analyzer a = segmenting_analyzer();
  Document doc = a.analyze_plain("The sky was grey. Officials said nothing. Rain fell.", "t");
  CHECK(doc.sentences.size() == 3);
  const std::vector<std::uint32_t> ask = {1};
  parse_sentences(doc, a.knowledge().syntax, ask);
  CHECK(!doc.syntax.is_parsed(0) && doc.syntax.is_parsed(1) && !doc.syntax.is_parsed(2));
  CHECK(doc.syntax.tokens[doc.sentences[0].first_token].tag == PosTag::None);
  CHECK(doc.syntax.tokens[doc.sentences[1].first_token].tag != PosTag::None);
  for (const auto& np : doc.syntax.noun_phrases) CHECK(doc.sentence_of(np.head) == 1);
}

void a_foreign_parse_maps_onto_our_tokens() {
  const Analyzer a = segmenting_analyzer();
  // Our tokenizer keeps "don't" whole; the foreign one splits it as spaCy does.
  Document doc = a.analyze_plain("  Officials don't agree.\n\nThey left.", "t");
  ForeignParse fp;
  fp.text = "Officials don't agree.\n\nThey left.";
  auto add = [&](std::uint32_t start, std::uint32_t end, const char* tag, std::int32_t head, const char* dep) {
    fp.tokens.push_back(ForeignToken{start, end, tag, "", head, dep});
  };
  add(0, 9, "NNS", 3, "nsubj");    // Officials
  add(10, 12, "VBP", 3, "aux");    // do
  add(12, 15, "RB", 3, "neg");     // n't
  add(16, 21, "VB", 3, "ROOT");    // agree
  add(21, 22, ".", 3, "punct");    // .
  add(22, 24, "_SP", 3, "dep");    // whitespace token
  add(24, 28, "PRP", 7, "nsubj");  // They
  add(29, 33, "VBD", 7, "ROOT");   // left
  add(33, 34, ".", 7, "punct");
  fp.tokens[6].head = 7;
  fp.tokens[7].head = 7;
  fp.tokens[8].head = 7;
  const ProjectionReport r = project_syntax(doc, fp);
  CHECK(r.merged == 1 && r.split == 0 && r.unmatched == 0);
  const std::int32_t dont = find_token(doc, "don't"), agree = find_token(doc, "agree"),
                     off = find_token(doc, "Officials");
  CHECK(dont >= 0 && agree >= 0);
  CHECK(doc.syntax.tokens[static_cast<std::size_t>(dont)].tag == PosTag::VBP);
  CHECK(doc.syntax.tokens[static_cast<std::size_t>(dont)].head == agree);
  CHECK(doc.syntax.tokens[static_cast<std::size_t>(off)].head == agree);
  CHECK(doc.syntax.tokens[static_cast<std::size_t>(agree)].dep == Dep::Root);
  CHECK(doc.syntax.is_parsed(0) && doc.syntax.is_parsed(1));
  CHECK(token_text(doc, predicate_args(doc, static_cast<std::uint32_t>(find_token(doc, "left"))).subject) == "They");

  ForeignParse other = fp;
  other.text = "Ministers don't agree.\n\nThey left.";
  bool threw = false;
  try {
    project_syntax(doc, other);
  } catch (const std::invalid_argument&) {
    threw = true;
  }
  CHECK(threw);
}

}  // namespace

// A window of a sentence: the words before it get no arcs (only the few
// right before it are tagged, as the tagger's context), the window's words
// are parsed as if they began the sentence.
void a_window_is_parsed_and_the_words_before_only_tagged() {
  const Analyzer a = segmenting_analyzer();
  Document doc = a.analyze_plain("After a long night of talks in Ruritania, the Zemblan minister said nothing.", "t");
  CHECK(doc.sentences.size() == 1);
  const auto the = static_cast<std::uint32_t>(find_token(doc, "the"));
  const auto said = static_cast<std::uint32_t>(find_token(doc, "said"));
  parse_prefix(doc, a.knowledge().syntax, 0, said + 2, the);
  CHECK(doc.syntax.is_parsed(0));
  CHECK(parsed_from(doc, 0) == the);
  CHECK(parsed_end(doc, 0) == said + 2);
  CHECK(doc.syntax.tokens[the - 1].tag != PosTag::None && doc.syntax.tokens[the - 1].head < 0);
  CHECK(doc.syntax.tokens[the - 1].dep == Dep::None);
  CHECK(doc.syntax.tokens[0].tag == PosTag::None && doc.syntax.tokens[0].head < 0);
  CHECK(token_text(doc, predicate_args(doc, said).subject) == "minister");
  // A wider window replaces the narrower one.
  parse_prefix(doc, a.knowledge().syntax, 0, said + 2, 0);
  CHECK(parsed_from(doc, 0) == 0);
  CHECK(token_text(doc, predicate_args(doc, said).subject) == "minister");
}

int main() {
  tiny_model_round_trip_and_determinism();
  damaged_model_is_a_knowledge_error();
  shipped_model_finds_subjects_agents_and_inversion();
  only_the_sentences_asked_for_are_parsed();
  a_window_is_parsed_and_the_words_before_only_tagged();
  a_foreign_parse_maps_onto_our_tokens();
  std::printf("test_syntax: %d failures\n", standpoints::testing::failures);
  return standpoints::testing::failures == 0 ? 0 : 1;
}

// standpoints_train_syntax: trains and evaluates the syntax model
// (tools/train_syntax.py drives it; built with -DSTANDPOINTS_TRAINER=ON).
//
//   standpoints_train_syntax train --train FILE --out MODEL [--tagger-epochs N] [--parser-epochs N]
//                                  [--explore-from N] [--move-bits N] [--min-weight N]
//                                  [--min-weight-labeler N] [--seed N] [--provenance TEXT]
//   standpoints_train_syntax eval --model MODEL --test FILE [--speech-verbs FILE] [--runs N]
//   standpoints_train_syntax prune --model MODEL --out MODEL --min-weight N [--min-weight-labeler N]
//                                  [--provenance TEXT]
//
// prune drops the tagger's and the labeler's weights smaller than N (in the int16 scale,
// where the largest weights are about 16000; the labeler's own threshold if given) to make
// the shipped file small.
//
// eval prints one JSON line: agreement with the reference (tag accuracy, UAS/LAS with and
// without punctuation, the subject of speech verbs, noun phrases) and tokens/s of the
// tagger alone and of tagger + parser (CPU time, best of N runs, one thread).
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "trainer.hpp"

namespace {

using namespace standpoints;
using namespace standpoints::syntax;

[[noreturn]] void die(const std::string& msg) {
  std::fprintf(stderr, "error: %s\n", msg.c_str());
  std::exit(2);
}

struct Options {
  std::string train, out, model, test, speech_verbs;
  int runs = 3, min_weight = 0, min_weight_labeler = 0;
  TrainOptions training;
};

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::unordered_set<std::string> read_lines(const std::string& path) {
  std::unordered_set<std::string> out;
  if (path.empty()) return out;
  std::ifstream in(path);
  if (!in) die("cannot open " + path);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.insert(line);
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void evaluate(const Options& o) {
  const SyntaxModel model = SyntaxModel::load(o.model);
  const auto data = read_examples(o.test);
  const auto speech = read_lines(o.speech_verbs);
  // Documents of 200 sentences; the gold layer built the same way for comparison.
  std::vector<Document> docs, gold_docs;
  for (std::size_t first = 0; first < data.size(); first += 200) {
    const std::size_t last = std::min(data.size(), first + 200);
    docs.push_back(make_document(data, first, last));
    Document g = make_document(data, first, last);
    g.syntax.tokens.resize(g.tokens.size());
    g.syntax.parsed.assign(g.sentences.size(), 1);
    std::size_t k = 0;
    for (std::size_t si = first; si < last; ++si) {
      const auto base = static_cast<std::int32_t>(g.sentences[si - first].first_token);
      for (std::size_t i = 0; i < data[si].tokens.size(); ++i, ++k)
        g.syntax.tokens[k] = TokenSyntax{data[si].tags[i], data[si].heads[i] < 0 ? Dep::Root : data[si].deps[i],
                                         data[si].heads[i] < 0 ? -1 : base + data[si].heads[i]};
    }
    find_noun_phrases(g);
    gold_docs.push_back(std::move(g));
  }
  std::size_t n_tokens = 0;
  for (const auto& d : docs) n_tokens += d.tokens.size();
  // Speed: tagging alone, then tagging and parsing; best of N, CPU time.
  double tag_best = 1e30, parse_best = 1e30;
  for (int r = 0; r < o.runs; ++r) {
    std::vector<Document> work = docs;
    const double t0 = cpu_seconds();
    for (auto& d : work) {
      std::vector<std::uint32_t> all(d.sentences.size());
      std::iota(all.begin(), all.end(), 0u);
      tag_sentences(d, model, all);
    }
    tag_best = std::min(tag_best, cpu_seconds() - t0);
    work = docs;
    const double t1 = cpu_seconds();
    for (auto& d : work) parse_all(d, model);
    parse_best = std::min(parse_best, cpu_seconds() - t1);
  }
  for (auto& d : docs) parse_all(d, model);
  // Agreement.
  std::size_t tags_ok = 0, heads_ok = 0, labelled_ok = 0, scored = 0, nonpunct = 0, heads_ok_np = 0, labelled_ok_np = 0;
  std::size_t verbs = 0, verbs_subj_gold = 0, verbs_subj_same = 0, verbs_subj_extra = 0, args_same = 0, args_gold = 0;
  std::size_t np_gold = 0, np_sys = 0, np_same = 0;
  for (std::size_t di = 0; di < docs.size(); ++di) {
    const Document& d = docs[di];
    const Document& g = gold_docs[di];
    for (std::size_t i = 0; i < d.tokens.size(); ++i) {
      const auto& a = d.syntax.tokens[i];
      const auto& b = g.syntax.tokens[i];
      ++scored;
      tags_ok += a.tag == b.tag;
      const bool head_ok = a.head == b.head;
      heads_ok += head_ok;
      labelled_ok += head_ok && a.dep == b.dep;
      if (!is_punctuation(b.tag)) {
        ++nonpunct;
        heads_ok_np += head_ok;
        labelled_ok_np += head_ok && a.dep == b.dep;
      }
      const Token& t = d.tokens[i];
      if (!speech.empty() && is_verb(b.tag) &&
          speech.count(lower(std::string_view(d.text).substr(t.start, t.end() - t.start)))) {
        ++verbs;
        const auto i32 = static_cast<std::uint32_t>(i);
        auto own_subject = [](const Document& doc, std::uint32_t v) {
          const std::int32_t s = child(doc, v, Dep::Nsubj);
          return s >= 0 ? s : child(doc, v, Dep::Nsubjpass);
        };
        const std::int32_t gs = own_subject(g, i32), ds = own_subject(d, i32);
        if (gs >= 0) {
          ++verbs_subj_gold;
          verbs_subj_same += gs == ds;
        } else if (ds >= 0) {
          ++verbs_subj_extra;
        }
        const PredicateArgs ga = predicate_args(g, i32), da = predicate_args(d, i32);
        const std::int32_t gsrc = ga.passive && ga.agent >= 0 ? ga.agent : ga.subject;
        const std::int32_t dsrc = da.passive && da.agent >= 0 ? da.agent : da.subject;
        if (gsrc >= 0) {
          ++args_gold;
          args_same += gsrc == dsrc;
        }
      }
    }
    std::set<std::pair<std::uint32_t, std::uint32_t>> gn, dn;
    for (const auto& np : g.syntax.noun_phrases) gn.insert({np.first_token, np.last_token});
    for (const auto& np : d.syntax.noun_phrases) dn.insert({np.first_token, np.last_token});
    np_gold += gn.size();
    np_sys += dn.size();
    for (const auto& x : dn) np_same += gn.count(x);
  }
  auto pct = [](std::size_t a, std::size_t b) {
    return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0;
  };
  std::printf(
      "{\"sentences\": %zu, \"tokens\": %zu, \"tag_accuracy\": %.2f, \"uas\": %.2f, \"las\": %.2f, "
      "\"uas_no_punct\": %.2f, \"las_no_punct\": %.2f, \"speech_verbs\": %zu, \"speech_verbs_with_subject\": %zu, "
      "\"speech_subject_agreement\": %.2f, \"speech_subject_extra\": %zu, \"speech_source_with_shared\": %zu, "
      "\"speech_source_agreement\": %.2f, \"np_precision\": %.2f, \"np_recall\": %.2f, "
      "\"tagger_tokens_s\": %.0f, \"tagger_parser_tokens_s\": %.0f, \"model_bytes\": %zu}\n",
      data.size(), scored, pct(tags_ok, scored), pct(heads_ok, scored), pct(labelled_ok, scored),
      pct(heads_ok_np, nonpunct), pct(labelled_ok_np, nonpunct), verbs, verbs_subj_gold,
      pct(verbs_subj_same, verbs_subj_gold), verbs_subj_extra, args_gold, pct(args_same, args_gold),
      pct(np_same, np_sys), pct(np_same, np_gold), static_cast<double>(n_tokens) / tag_best,
      static_cast<double>(n_tokens) / parse_best, model.bytes());
}

WeightTable pruned(const WeightTable& t, int min_weight) {
  std::vector<std::pair<std::uint64_t, std::vector<WeightEntry>>> rows;
  // A slot holds the feature's fingerprint, which is all that placing it needs.
  for (std::size_t i = 0; i < t.slots.size(); ++i) {
    const std::uint64_t s = t.sparse_slot(t.slots[i]);
    if (!s) continue;
    std::vector<WeightEntry> keep;
    const WeightEntry* e = t.entries.data() + ((s >> 8) & 0xFFFFFF);
    for (std::uint64_t k = 0; k < (s & 0xFF); ++k)
      if (std::abs(e[k].weight) >= min_weight) keep.push_back(e[k]);
    rows.emplace_back((s >> 32) << 32, std::move(keep));
  }
  return WeightTable::build(t.n_classes, rows);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) die("usage: standpoints_train_syntax train|eval [options]");
  const std::string cmd = argv[1];
  Options o;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) die("missing value for " + a);
      return argv[++i];
    };
    if (a == "--train")
      o.train = value();
    else if (a == "--out")
      o.out = value();
    else if (a == "--model")
      o.model = value();
    else if (a == "--test")
      o.test = value();
    else if (a == "--speech-verbs")
      o.speech_verbs = value();
    else if (a == "--provenance")
      o.training.provenance = value();
    else if (a == "--tagger-epochs")
      o.training.tagger_epochs = std::stoi(value());
    else if (a == "--parser-epochs")
      o.training.parser_epochs = std::stoi(value());
    else if (a == "--explore-from")
      o.training.explore_from = std::stoi(value());
    else if (a == "--move-bits")
      o.training.move_bits = std::stoi(value());
    else if (a == "--seed")
      o.training.seed = static_cast<unsigned>(std::stoul(value()));
    else if (a == "--runs")
      o.runs = std::stoi(value());
    else if (a == "--min-weight")
      o.min_weight = o.training.min_weight = std::stoi(value());
    else if (a == "--min-weight-labeler")
      o.min_weight_labeler = o.training.min_weight_labeler = std::stoi(value());
    else
      die("unknown option " + a);
  }
  if (cmd == "train") {
    if (o.train.empty() || o.out.empty()) die("train needs --train and --out");
    try {
      o.training.verbose = true;
      const ModelData m = train(read_examples(o.train), o.training);
      m.save(o.out);
      std::fprintf(stderr, "wrote %s: tagger %zu, moves %zu, labeler %zu, dictionary %zu bytes\n", o.out.c_str(),
                   m.tagger.bytes(), m.moves.bytes(), m.labeler.bytes(), m.tag_dictionary.bytes());
    } catch (const std::exception& e) {
      die(e.what());
    }
  } else if (cmd == "prune") {
    if (o.model.empty() || o.out.empty()) die("prune needs --model and --out");
    try {
      ModelData m = ModelData::read(o.model);
      m.tagger = pruned(m.tagger, o.min_weight);
      m.labeler = pruned(m.labeler, o.min_weight_labeler > 0 ? o.min_weight_labeler : o.min_weight);
      if (!o.training.provenance.empty()) m.provenance = o.training.provenance;
      std::vector<std::pair<std::uint64_t, std::uint32_t>> dict;
      for (const auto s : m.tag_dictionary.slots)
        if (s) dict.emplace_back((s >> 32) << 32, static_cast<std::uint32_t>(s & 0xFFFFFFFF) - 1);
      m.tag_dictionary = KeyTable::build(dict);
      m.save(o.out);
      std::fprintf(stderr, "wrote %s: tagger %zu, moves %zu, labeler %zu, dictionary %zu bytes\n", o.out.c_str(),
                   m.tagger.bytes(), m.moves.bytes(), m.labeler.bytes(), m.tag_dictionary.bytes());
    } catch (const std::exception& e) {
      die(e.what());
    }
  } else if (cmd == "eval") {
    if (o.model.empty() || o.test.empty()) die("eval needs --model and --test");
    try {
      evaluate(o);
    } catch (const std::exception& e) {
      die(e.what());
    }
  } else {
    die("unknown command " + cmd);
  }
  return 0;
}

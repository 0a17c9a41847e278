// standpoints_bench: throughput of the C++ core alone, one thread.
//
//   standpoints_bench --data python/standpoints/data --input news-5k.jsonl
//                     [--stage read|segment|entities|geo|statements|all] [--runs N] [--json]
//                     [--dump FILE] [--breakdown] [--syntax]
//
// Reads a plain (not gzipped) JSON Lines file into memory, times the knowledge
// load (the whole Knowledge, then the actor table and the gazetteer alone),
// then runs every line through Analyzer::analyze_json_record on this thread,
// best of N runs (CPU time of the process; wall time beside it). Reports MB/s
// over two byte counts, MB = 10^6 bytes:
//   text_mb_s  - UTF-8 bytes of the documents' `text` (title + paragraphs), the
//                headline figure;
//   json_mb_s  - bytes of the JSON lines as read (JSON syntax, escapes, id/url).
// Peak RSS comes from getrusage(RUSAGE_SELF) and includes the corpus held in
// memory (reported as input_mb). --dump FILE writes every record's JSON (one
// line each, after the timed runs) so that a speed change can be checked to
// leave the output byte for byte the same. --breakdown (with --stage all)
// then runs the corpus N more times stage by stage, timing each stage call
// with the steady clock, and prints each stage's best total: the share of
// one stage measured in the same run as the others, which differencing two
// noisy whole-pipeline runs (all - geo) cannot give on a shared machine.
// --syntax then segments every record once, holds the documents in memory
// and times the syntax model over all their sentences, best of N: the
// tagger alone (tag_sentences) and tagger + parser (parse_all), in tokens/s
// of CPU time, and the model's load time (SyntaxModel::load, best of N).
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "standpoints/analyzer.hpp"
#include "standpoints/boilerplate.hpp"
#include "standpoints/entities.hpp"
#include "standpoints/geocoder.hpp"
#include "standpoints/json.hpp"
#include "standpoints/knowledge.hpp"
#include "standpoints/reader.hpp"
#include "standpoints/resolver.hpp"
#include "standpoints/segmenter.hpp"
#include "standpoints/statements.hpp"
#include "standpoints/syntax.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // Linux: kilobytes
}

[[noreturn]] void usage(const char* msg) {
  std::fprintf(stderr,
               "error: %s\nusage: standpoints_bench --data DIR --input FILE.jsonl "
               "[--stage read|segment|entities|geo|statements|all] [--runs N] [--load-runs N] [--json] [--dump FILE] "
               "[--breakdown] [--syntax]\n",
               msg);
  std::exit(2);
}

standpoints::Stage parse_stage(std::string_view s) {
  using standpoints::Stage;
  if (s == "read" || s == "segment") return Stage::Segment;
  if (s == "entities") return Stage::Entities;
  if (s == "geo") return Stage::Geo;
  if (s == "statements" || s == "all") return Stage::Statements;
  usage("unknown stage");
}

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Best (minimum) times of `runs` calls of f, in seconds: CPU time of the
// process (what the figures use: robust on a machine shared with other jobs)
// and wall-clock time.
struct Best {
  double cpu = std::numeric_limits<double>::infinity();
  double wall = std::numeric_limits<double>::infinity();
};

template <class F>
Best best_of(int runs, F&& f) {
  Best best;
  for (int i = 0; i < runs; ++i) {
    const double c0 = cpu_seconds();
    const auto t0 = Clock::now();
    f();
    best.wall = std::min(best.wall, seconds_since(t0));
    best.cpu = std::min(best.cpu, cpu_seconds() - c0);
  }
  return best;
}

// Seconds spent in each stage over the corpus (one pass), for --breakdown: the
// calls Analyzer::analyze() makes (analyzer.cpp), in its order, each timed.
struct StageTimes {
  double read = 0, segment = 0, boilerplate = 0, mentions = 0, resolve = 0, geo = 0, statements = 0, free = 0;
};

StageTimes time_stages(const std::vector<std::string>& lines, const standpoints::Knowledge& k) {
  StageTimes st;
  // Adds the seconds since `t` to `acc` and restarts `t`.
  const auto lap = [](Clock::time_point& t, double& acc) {
    const auto now = Clock::now();
    acc += std::chrono::duration<double>(now - t).count();
    t = now;
  };
  for (const auto& line : lines) {
    auto t = Clock::now();
    try {
      std::optional<standpoints::Document> doc(standpoints::read_json_record(line));
      lap(t, st.read);
      standpoints::segment(*doc, k.abbreviations);
      lap(t, st.segment);
      standpoints::flag_boilerplate(*doc, k.boilerplate, &k.actors);
      lap(t, st.boilerplate);
      standpoints::find_mentions(*doc, k);
      lap(t, st.mentions);
      standpoints::resolve_entities(*doc, k);
      lap(t, st.resolve);
      standpoints::geocode(*doc, k);
      lap(t, st.geo);
      standpoints::extract_statements(*doc, k);
      lap(t, st.statements);
      doc.reset();
      lap(t, st.free);
    } catch (const std::exception&) {
    }
  }
  return st;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data_dir, input, stage_name = "segment", dump;
  int runs = 5, load_runs = 5;
  bool json = false, breakdown = false, syntax = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage("missing value");
      return argv[++i];
    };
    if (a == "--data")
      data_dir = value();
    else if (a == "--input")
      input = value();
    else if (a == "--stage")
      stage_name = value();
    else if (a == "--runs")
      runs = std::max(1, std::stoi(value()));
    else if (a == "--load-runs")
      load_runs = std::max(1, std::stoi(value()));
    else if (a == "--json")
      json = true;
    else if (a == "--dump")
      dump = value();
    else if (a == "--breakdown")
      breakdown = true;
    else if (a == "--syntax")
      syntax = true;
    else
      usage("unknown argument");
  }
  if (data_dir.empty() || input.empty()) usage("--data and --input are required");
  const standpoints::Stage stage = parse_stage(stage_name);
  const bool read_only = stage_name == "read";  // the reader alone: JSON parsing and text assembly

  // The corpus, in memory, one string per non-empty line.
  std::vector<std::string> lines;
  std::size_t json_bytes = 0;
  {
    std::ifstream in(input, std::ios::binary);
    if (!in) usage("cannot open --input");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      json_bytes += line.size();
      lines.push_back(std::move(line));
    }
  }
  const double rss_after_input = peak_rss_mb();

  standpoints::AnalyzerOptions options;
  options.knowledge.data_dir = data_dir;
  options.stage = stage;
  const std::string dir = data_dir.back() == '/' ? data_dir : data_dir + "/";

  // First load in this process (the file cache is warm after the first run of
  // the benchmark; a user's first import may be slower). Each timed load is
  // freed before the next, so the peak RSS holds one knowledge base.
  double load_first = 0, rss_after_load = 0;
  {
    const auto t0 = Clock::now();
    const standpoints::Analyzer first(options);
    load_first = seconds_since(t0);
    rss_after_load = peak_rss_mb();
  }

  // Best of N by CPU time: the whole Knowledge, then the two big tables alone.
  const double load_best = best_of(load_runs, [&] { auto k = standpoints::Knowledge::load(options.knowledge); }).cpu;
  const auto rules = standpoints::SegmenterRules::load(dir + "abbreviations.tsv");  // the matcher tokenises names
  const double actors_best =
      best_of(load_runs, [&] { auto t = standpoints::ActorTable::load({dir + "actors.tsv"}, rules); }).cpu;
  const double gazetteer_best = best_of(load_runs, [&] {
                                  auto g = standpoints::Gazetteer::load(dir + "places.tsv", dir + "place_words.tsv");
                                }).cpu;

  const standpoints::Analyzer analyzer(options);

  // Throughput: every record, one thread, best of N.
  std::size_t text_bytes = 0, sentences = 0, tokens = 0, mentions = 0, geo = 0, statements = 0, errors = 0;
  const Best timed = best_of(runs, [&] {
    text_bytes = sentences = tokens = mentions = geo = statements = errors = 0;
    for (const auto& line : lines) {
      try {
        const standpoints::Document doc =
            read_only ? standpoints::read_json_record(line) : analyzer.analyze_json_record(line);
        text_bytes += doc.text.size();
        sentences += doc.sentences.size();
        tokens += doc.tokens.size();
        mentions += doc.mentions.size();
        for (const auto& m : doc.mentions) geo += m.geo != nullptr;
        statements += doc.statements.size();
      } catch (const std::exception&) {
        ++errors;
      }
    }
  });
  const double best = timed.cpu;
  if (!dump.empty()) {
    std::ofstream out(dump, std::ios::binary);
    if (!out) usage("cannot open --dump");
    for (const auto& line : lines) {
      try {
        out << standpoints::to_json(analyzer.analyze_json_record(line)) << '\n';
      } catch (const std::exception& e) {
        out << "{\"error\": \"" << e.what() << "\"}\n";
      }
    }
  }
  const double docs = static_cast<double>(lines.size() - errors);
  const double text_mb_s = static_cast<double>(text_bytes) / 1e6 / best;
  const double json_mb_s = static_cast<double>(json_bytes) / 1e6 / best;
  const double rss = peak_rss_mb();

  // --breakdown: each stage's best total over N more passes, stage by stage.
  StageTimes best_st;
  double reading_entities = 0;
  if (breakdown) {
    const auto k = standpoints::Knowledge::load(options.knowledge);
    for (double* f : {&best_st.read, &best_st.segment, &best_st.boilerplate, &best_st.mentions, &best_st.resolve,
                      &best_st.geo, &best_st.statements, &best_st.free})
      *f = std::numeric_limits<double>::infinity();
    for (int r = 0; r < runs; ++r) {
      const StageTimes st = time_stages(lines, *k);
      best_st.read = std::min(best_st.read, st.read);
      best_st.segment = std::min(best_st.segment, st.segment);
      best_st.boilerplate = std::min(best_st.boilerplate, st.boilerplate);
      best_st.mentions = std::min(best_st.mentions, st.mentions);
      best_st.resolve = std::min(best_st.resolve, st.resolve);
      best_st.geo = std::min(best_st.geo, st.geo);
      best_st.statements = std::min(best_st.statements, st.statements);
      best_st.free = std::min(best_st.free, st.free);
    }
    reading_entities = best_st.read + best_st.segment + best_st.boilerplate + best_st.mentions + best_st.resolve;
  }

  // --syntax: the tagger and the parser over every sentence of the corpus.
  double syntax_tag_s = 0, syntax_parse_s = 0, syntax_load_ms = 0;
  std::size_t syntax_tokens = 0;
  if (syntax) {
    syntax_load_ms = best_of(load_runs, [&] { auto m = standpoints::SyntaxModel::load(dir + "syntax.bin"); }).cpu * 1e3;
    const auto& model = analyzer.knowledge().syntax;
    std::vector<standpoints::Document> docs;
    docs.reserve(lines.size());
    for (const auto& line : lines) {
      try {
        docs.push_back(standpoints::read_json_record(line));
        standpoints::segment(docs.back(), analyzer.knowledge().abbreviations);
        syntax_tokens += docs.back().tokens.size();
      } catch (const std::exception&) {
      }
    }
    std::vector<std::uint32_t> all;
    syntax_tag_s = best_of(runs, [&] {
                     for (auto& d : docs) {
                       d.syntax = {};
                       all.resize(d.sentences.size());
                       for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
                       standpoints::tag_sentences(d, model, all);
                     }
                   }).cpu;
    syntax_parse_s = best_of(runs, [&] {
                       for (auto& d : docs) {
                         d.syntax = {};
                         standpoints::parse_all(d, model);
                       }
                     }).cpu;
  }

  if (json) {
    std::printf(
        "{\"stage\": \"%s\", \"docs\": %zu, \"errors\": %zu, \"runs\": %d, \"seconds\": %.6f, \"wall_seconds\": %.6f, "
        "\"docs_s\": %.1f, \"text_bytes\": %zu, \"json_bytes\": %zu, \"text_mb_s\": %.2f, \"json_mb_s\": %.2f, "
        "\"sentences\": %zu, \"tokens\": %zu, \"mentions\": %zu, \"geo\": %zu, \"statements\": %zu, "
        "\"kb_load_first_ms\": %.2f, \"kb_load_best_ms\": %.2f, \"actors_load_ms\": %.2f, "
        "\"gazetteer_load_ms\": %.2f, \"input_mb\": %.1f, \"rss_after_input_mb\": %.1f, "
        "\"rss_after_load_mb\": %.1f, \"peak_rss_mb\": %.1f",
        stage_name.c_str(), lines.size(), errors, runs, best, timed.wall, docs / best, text_bytes, json_bytes,
        text_mb_s, json_mb_s, sentences, tokens, mentions, geo, statements, load_first * 1e3, load_best * 1e3,
        actors_best * 1e3, gazetteer_best * 1e3, static_cast<double>(json_bytes) / 1e6, rss_after_input, rss_after_load,
        rss);
    if (breakdown)
      std::printf(
          ", \"breakdown_s\": {\"read\": %.6f, \"segment\": %.6f, \"boilerplate\": %.6f, \"mentions\": %.6f, "
          "\"resolve\": %.6f, \"geo\": %.6f, \"statements\": %.6f, \"free\": %.6f}, "
          "\"statements_over_reading_entities\": %.4f, \"geo_over_reading_entities\": %.4f",
          best_st.read, best_st.segment, best_st.boilerplate, best_st.mentions, best_st.resolve, best_st.geo,
          best_st.statements, best_st.free, best_st.statements / reading_entities, best_st.geo / reading_entities);
    if (syntax)
      std::printf(
          ", \"syntax_tokens\": %zu, \"tagger_tokens_s\": %.0f, \"tagger_parser_tokens_s\": %.0f, "
          "\"syntax_load_ms\": %.2f, \"syntax_model_bytes\": %zu",
          syntax_tokens, static_cast<double>(syntax_tokens) / syntax_tag_s,
          static_cast<double>(syntax_tokens) / syntax_parse_s, syntax_load_ms, analyzer.knowledge().syntax.bytes());
    std::printf("}\n");
  } else {
    std::printf("stage %s: %zu records (%zu errors), best of %d runs: %.3f s CPU (%.3f s wall)\n", stage_name.c_str(),
                lines.size(), errors, runs, best, timed.wall);
    std::printf("  %.1f docs/s, %.1f MB/s of text (%.1f MB), %.1f MB/s of JSON lines (%.1f MB)\n", docs / best,
                text_mb_s, static_cast<double>(text_bytes) / 1e6, json_mb_s, static_cast<double>(json_bytes) / 1e6);
    std::printf("  %zu sentences, %zu tokens, %zu mentions (%zu with geo), %zu statements\n", sentences, tokens,
                mentions, geo, statements);
    std::printf("  knowledge load: first %.1f ms, best %.1f ms; actors.tsv %.1f ms; places.tsv %.1f ms\n",
                load_first * 1e3, load_best * 1e3, actors_best * 1e3, gazetteer_best * 1e3);
    std::printf("  peak RSS %.1f MB (%.1f MB after reading the corpus into memory, %.1f MB after the load)\n", rss,
                rss_after_input, rss_after_load);
    if (breakdown) {
      std::printf(
          "  breakdown, best of %d passes stage by stage (wall seconds): read %.3f, segment %.3f, boilerplate %.3f, "
          "mentions %.3f, resolve %.3f, geo %.3f, statements %.3f, freeing the document %.3f\n",
          runs, best_st.read, best_st.segment, best_st.boilerplate, best_st.mentions, best_st.resolve, best_st.geo,
          best_st.statements, best_st.free);
      std::printf("  reading + entities %.3f s; statements add %.1f%% to it, geo %.1f%%\n", reading_entities,
                  100.0 * best_st.statements / reading_entities, 100.0 * best_st.geo / reading_entities);
    }
  }
  if (syntax && !json)
    std::printf(
        "  syntax over all %zu tokens, best of %d: tagger %.0f tokens/s, tagger + parser %.0f tokens/s; "
        "model load %.1f ms (%.1f MB of tables)\n",
        syntax_tokens, runs, static_cast<double>(syntax_tokens) / syntax_tag_s,
        static_cast<double>(syntax_tokens) / syntax_parse_s, syntax_load_ms,
        static_cast<double>(analyzer.knowledge().syntax.bytes()) / 1e6);
  return errors == lines.size() ? 1 : 0;
}

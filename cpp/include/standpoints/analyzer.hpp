// The Analyzer: owns the knowledge and runs the pipeline on one document.
// `analyze` is const and touches no shared mutable state, so one Analyzer
// serves any number of threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "standpoints/document.hpp"
#include "standpoints/knowledge.hpp"
#include "standpoints/reader.hpp"

namespace standpoints {

// How far the pipeline runs (benchmarks measure the stages separately).
enum class Stage { Segment = 1, Entities = 2, Geo = 3, Statements = 4, All = 4 };

struct AnalyzerOptions {
  KnowledgeOptions knowledge;
  ReadOptions read;
  Stage stage = Stage::All;
};

enum class InputFormat { Article, Plain, Auto };

class Analyzer {
 public:
  explicit Analyzer(const AnalyzerOptions& options);

  // Runs every stage on a document that a reader produced.
  void analyze(Document& doc) const;
  // The same with the syntax taken from a foreign parse (a spaCy Doc of the
  // same text) instead of the built-in model; nullptr = the built-in model.
  void analyze(Document& doc, const ForeignParse* syntax) const;

  // Reading plus analysis.
  Document analyze_article(std::string_view bytes, std::string id) const;
  Document analyze_plain(std::string_view bytes, std::string id) const;
  Document analyze_json_record(std::string_view line) const;
  Document analyze_fields(std::optional<std::string> title, std::string_view text, std::optional<std::string> date,
                          std::optional<std::string> url, std::string id) const;
  // Reads a file (seed format, or plain text with InputFormat::Plain).
  Document analyze_file(const std::string& path, InputFormat format, std::string id = {}) const;

  const Knowledge& knowledge() const noexcept { return *knowledge_; }
  const AnalyzerOptions& options() const noexcept { return options_; }

 private:
  AnalyzerOptions options_;
  std::shared_ptr<const Knowledge> knowledge_;
};

}  // namespace standpoints

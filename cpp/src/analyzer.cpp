#include "standpoints/analyzer.hpp"

#include <fstream>
#include <sstream>

#include "standpoints/boilerplate.hpp"
#include "standpoints/entities.hpp"
#include "standpoints/geocoder.hpp"
#include "standpoints/resolver.hpp"
#include "standpoints/segmenter.hpp"
#include "standpoints/statements.hpp"
#include "standpoints/syntax.hpp"

namespace standpoints {

Analyzer::Analyzer(const AnalyzerOptions& options)
    : options_(options), knowledge_(Knowledge::load(options.knowledge)) {}

void Analyzer::analyze(Document& doc) const { analyze(doc, nullptr); }

void Analyzer::analyze(Document& doc, const ForeignParse* syntax) const {
  const Knowledge& k = *knowledge_;
  segment(doc, k.abbreviations);
  flag_boilerplate(doc, k.boilerplate, &k.actors);
  if (syntax) project_syntax(doc, *syntax);
  if (options_.stage < Stage::Entities) return;
  find_mentions(doc, k);
  resolve_entities(doc, k);
  if (options_.stage < Stage::Geo) return;
  geocode(doc, k);
  if (options_.stage < Stage::Statements) return;
  extract_statements(doc, k);
}

Document Analyzer::analyze_article(std::string_view bytes, std::string id) const {
  Document doc = read_article(bytes, std::move(id), options_.read);
  analyze(doc);
  return doc;
}

Document Analyzer::analyze_plain(std::string_view bytes, std::string id) const {
  Document doc = read_plain(bytes, std::move(id), options_.read);
  analyze(doc);
  return doc;
}

Document Analyzer::analyze_json_record(std::string_view line) const {
  Document doc = read_json_record(line, options_.read);
  analyze(doc);
  return doc;
}

Document Analyzer::analyze_fields(std::optional<std::string> title, std::string_view text,
                                  std::optional<std::string> date, std::optional<std::string> url,
                                  std::string id) const {
  Document doc = make_document(std::move(title), text, std::move(date), std::move(url), std::move(id), options_.read);
  analyze(doc);
  return doc;
}

Document Analyzer::analyze_file(const std::string& path, InputFormat format, std::string id) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ReadError("cannot open file");
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string bytes = ss.str();
  if (id.empty()) id = id_from_path(path);
  if (format == InputFormat::Plain) return analyze_plain(bytes, std::move(id));
  return analyze_article(bytes, std::move(id));
}

}  // namespace standpoints

#include "standpoints/analyzer.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

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

namespace {

// The whole file in one string: sized up front for a regular file (one
// allocation, no copy), read to the end otherwise (a pipe given by name).
std::string read_file(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!ec && std::filesystem::is_directory(status)) throw ReadError("cannot read a folder as a file");
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) throw ReadError(std::string("cannot open file: ") + std::strerror(errno));
  std::string bytes;
  if (!ec && std::filesystem::is_regular_file(status)) {
    const auto n = std::filesystem::file_size(path, ec);
    if (!ec) bytes.reserve(static_cast<std::size_t>(n) + 1);
  }
  std::size_t size = 0;
  for (;;) {
    // Grown only when full: a regular file fills its size + 1 bytes but the
    // last, and the read that finds its end needs no more room (growing
    // before it doubled the buffer: 2x the file, plus the copy, at the
    // reading's peak).
    if (bytes.capacity() == size) bytes.reserve(std::max<std::size_t>(bytes.capacity() * 2, size + 65536));
    bytes.resize(bytes.capacity());
    const std::size_t n = std::fread(bytes.data() + size, 1, bytes.size() - size, f.get());
    size += n;
    if (n == 0) {
      if (std::ferror(f.get())) throw ReadError(std::string("cannot read file: ") + std::strerror(errno));
      break;
    }
  }
  bytes.resize(size);
  return bytes;
}

}  // namespace

Document Analyzer::analyze_file(const std::string& path, InputFormat format, std::string id) const {
  if (id.empty()) id = id_from_path(path);
  Document doc;
  {
    // The file's bytes are dropped once read: only the document's text stays.
    const std::string bytes = read_file(path);
    doc = format == InputFormat::Plain ? read_plain(bytes, std::move(id), options_.read)
                                       : read_article(bytes, std::move(id), options_.read);
  }
  analyze(doc);
  return doc;
}

}  // namespace standpoints

// libFuzzer target: arbitrary bytes through the reader and the whole pipeline,
// as an article file and as a JSON Lines record. Any crash or sanitizer report
// is a bug; ReadError is the expected outcome for bad input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "standpoints/analyzer.hpp"
#include "standpoints/json.hpp"

#ifndef STANDPOINTS_DATA_DIR
#error "STANDPOINTS_DATA_DIR must point at python/standpoints/data"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const standpoints::Analyzer analyzer([] {
    standpoints::AnalyzerOptions o;
    o.knowledge.data_dir = STANDPOINTS_DATA_DIR;
    return o;
  }());
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    auto doc = analyzer.analyze_article(bytes, "fuzz");
    (void)standpoints::to_json(doc);
  } catch (const standpoints::ReadError&) {
  }
  try {
    auto doc = analyzer.analyze_json_record(bytes);
    (void)standpoints::to_json(doc);
  } catch (const standpoints::ReadError&) {
  }
  return 0;
}

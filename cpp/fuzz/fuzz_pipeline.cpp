// libFuzzer target: arbitrary bytes through the whole analyzer, as an article
// file or a JSON Lines record (the first byte decides), and the record through
// both writers. Any crash, sanitizer report or broken invariant (fuzz_checks.hpp)
// is a bug; ReadError is the expected outcome for bad input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_checks.hpp"
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
  if (size == 0) return 0;
  const bool json = data[0] & 2;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const auto doc = standpoints::fuzz::read_and_check(
      [&] { return json ? analyzer.analyze_json_record(bytes) : analyzer.analyze_article(bytes, "fuzz"); });
  if (!doc) return 0;
  const std::string line = standpoints::to_json(*doc);
  standpoints::fuzz::check_record(line);
  std::string streamed;
  standpoints::write_json(*doc, [&](std::string_view piece) { streamed.append(piece); });
  FUZZ_CHECK(streamed == line);
  return 0;
}

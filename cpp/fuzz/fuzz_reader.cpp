// libFuzzer target: the reader entry points. The first byte picks the entry
// point (and strict or replacing UTF-8 handling); the rest is the input. Any
// crash, sanitizer report or broken invariant is a bug; ReadError is the
// expected outcome for bad input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_checks.hpp"
#include "standpoints/reader.hpp"

using namespace standpoints;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned selector = data[0];
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  ReadOptions options;
  options.invalid_utf8 = (selector & 0x80) ? InvalidUtf8::Replace : InvalidUtf8::Error;
  switch (selector % 4) {
    case 0:
      fuzz::read_and_check([&] { return read_article(bytes, "fuzz", options); });
      break;
    case 1:
      fuzz::read_and_check([&] { return read_plain(bytes, "fuzz", options); });
      break;
    case 2: {
      // The fast JSON Lines reader and its reference must agree.
      const auto fast = fuzz::read_and_check([&] { return read_json_record(bytes, options); });
      const auto slow = fuzz::read_and_check([&] { return read_json_record_slow(bytes, options); });
      FUZZ_CHECK(fast.has_value() == slow.has_value());
      if (fast && slow) {
        FUZZ_CHECK(fast->id == slow->id && fast->title == slow->title && fast->date == slow->date);
        FUZZ_CHECK(fast->url == slow->url && fast->source == slow->source && fast->text == slow->text);
        FUZZ_CHECK(fast->paragraphs.size() == slow->paragraphs.size());
      }
      break;
    }
    default: {
      // Fields in hand (the Python parse()): title, date, URL and body split at the first three newlines.
      std::string_view rest = bytes;
      auto take = [&] {
        const auto nl = rest.find('\n');
        const std::string_view f = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        return std::string(f);
      };
      std::string title = take(), date = take(), url = take();
      fuzz::read_and_check([&] { return make_document(title, rest, date, url, "fuzz", options); });
    }
  }
  return 0;
}

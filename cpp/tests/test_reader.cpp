// The JSON Lines reader's fast path against its reference: read_json_record
// must give what read_json_record_slow (nlohmann/json) gives, field for field
// or error for error, on hand-picked records and on generated ones.
// Usage: test_reader   (exit 1 on a failure)
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "standpoints/reader.hpp"

using namespace standpoints;

namespace {

std::string show(const std::optional<std::string>& s) { return s ? "\"" + *s + "\"" : "null"; }

// Everything the reader decides, as one string.
std::string describe(std::string_view line, bool fast, const ReadOptions& options) {
  try {
    const Document d = fast ? read_json_record(line, options) : read_json_record_slow(line, options);
    std::string out = "id=" + d.id + " title=" + show(d.title) + " date=" + show(d.date) + " url=" + show(d.url) +
                      " source=" + show(d.source) + " text=" + d.text;
    for (const auto& p : d.paragraphs)
      out += " [" + std::to_string(p.start) + "," + std::to_string(p.end()) + (p.title ? ",t]" : "]");
    return out;
  } catch (const ReadError& e) {
    return std::string("error: ") + e.what() + " line=" + std::to_string(e.line()) +
           " offset=" + (e.byte_offset() ? std::to_string(*e.byte_offset()) : "-");
  } catch (const std::exception& e) {
    return std::string("exception: ") + e.what();
  }
}

int failures = 0;

void check(const std::string& line) {
  for (const auto mode : {InvalidUtf8::Error, InvalidUtf8::Replace}) {
    ReadOptions options;
    options.invalid_utf8 = mode;
    const std::string fast = describe(line, true, options), slow = describe(line, false, options);
    if (fast != slow) {
      std::fprintf(stderr, "line: %s\n  fast: %s\n  slow: %s\n", line.c_str(), fast.c_str(), slow.c_str());
      ++failures;
    }
  }
}

// Reads with `read` and checks that it was refused with an error holding
// `refusal` exactly when `refused` is expected; `what` names the case.
template <class Read>
void expect_refusal(const char* what, const std::string& refusal, Read read, bool refused) {
  std::string error;
  try {
    read();
  } catch (const ReadError& e) {
    error = e.what();
  }
  if ((error.find(refusal) != std::string::npos) != refused) {
    std::fprintf(stderr, "FAIL %s, %s: %s\n", refusal.c_str(), what, error.empty() ? "read" : error.c_str());
    ++failures;
  }
}

// A text longer than ReadOptions::max_text_bytes (4 GiB by default: offsets
// are 32-bit) is a ReadError, on every entry point; one of exactly that
// length is read. Checked with a small cap, as a user may set one.
void check_text_limit() {
  ReadOptions options;
  options.max_text_bytes = 15;  // "Title\nOne\nTwo." is 14 bytes, "Title\nOne\nTwo!!" 15
  const auto expect = [&](const char* what, auto read, bool too_large) {
    expect_refusal(what, "document too large", read, too_large);
  };
  expect(
      "json at the cap", [&] { read_json_record(R"({"title": "Title", "paragraphs": ["One", "Two!!"]})", options); },
      false);
  expect(
      "json over the cap", [&] { read_json_record(R"({"title": "Title", "paragraphs": ["One", "Two!!!"]})", options); },
      true);
  expect(
      "json slow path over the cap",
      [&] { read_json_record(R"({"title": "Title", "paragraphs": ["One", "Two!!!"], "n": 1})", options); }, true);
  expect(
      "article over the cap", [&] { read_article("Title\n20220203\nhttp://x.com/a\nOne\nTwo!!!\n", "a", options); },
      true);
  expect("plain text over the cap", [&] { read_plain("Title\nOne\nTwo!!!\n", "p", options); }, true);
  expect("default cap", [&] { read_plain("Title\nOne\nTwo!!!\n", "p", ReadOptions{}); }, false);
}

// A paragraph (a line) longer than ReadOptions::max_paragraph_bytes (1 GiB - 1
// by default: Paragraph keeps its length in 30 bits) is a ReadError, on every
// entry point; one of exactly that length is read. Checked with a small cap.
void check_paragraph_limit() {
  ReadOptions options;
  options.max_paragraph_bytes = 5;  // "Title" and "Two!!" are 5 bytes
  const auto expect = [&](const char* what, auto read, bool too_long) {
    expect_refusal(what, "paragraph too long: 6 bytes", read, too_long);
  };
  expect(
      "json at the cap", [&] { read_json_record(R"({"title": "Title", "paragraphs": ["One", "Two!!"]})", options); },
      false);
  expect(
      "json over the cap", [&] { read_json_record(R"({"title": "Title", "paragraphs": ["One", "Two!!!"]})", options); },
      true);
  expect(
      "json slow path over the cap",
      [&] { read_json_record(R"({"title": "Title", "paragraphs": ["One", "Two!!!"], "n": 1})", options); }, true);
  expect("json text over the cap", [&] { read_json_record(R"({"text": "One\nTwo!!!"})", options); }, true);
  expect("json title over the cap", [&] { read_json_record(R"({"title": "Title!", "text": "One"})", options); }, true);
  expect(
      "article over the cap", [&] { read_article("Title\n20220203\nhttp://x.com/a\nOne\nTwo!!!\n", "a", options); },
      true);
  expect("plain text over the cap", [&] { read_plain("Title\nOne\nTwo!!!\n", "p", options); }, true);
  expect("default cap", [&] { read_plain("Title\nOne\nTwo!!!\n", "p", ReadOptions{}); }, false);
}

}  // namespace

int main() {
  const std::vector<std::string> lines = {
      R"({"id": "a", "title": "T", "date": "2016-01-11", "url": "http://www.x.com/a", "paragraphs": ["One.", "Two."]})",
      R"({"text": "a\nb\r\nc\rd", "title": null, "date": null, "url": null})",
      R"(  {"text" : "spaces" , "id":"x"}  )"
      "\r",
      R"({"paragraphs": [], "title": "only a title"})",
      R"({"paragraphs": null, "text": "fallback"})",
      R"({"paragraphs": "not a list", "text": "fallback"})",
      R"({"paragraphs": ["a", 3]})",
      R"({"paragraphs": [["nested"]]})",
      R"({"text": "dup", "text": "second"})",
      R"({"text": "esc \" \\ \/ \b \f \t \u00e9 \u20ac \ud83d\ude00"})",
      R"({"text": "lone \ud83d high"})",
      R"({"text": "lone \udc00 low"})",
      R"({"text": "bad \x escape"})",
      R"({"text": "bad \u12G4 hex"})",
      R"({"text": "nul \u0000 inside"})",
      R"({"title": "nul \u0000 title", "text": "x"})",
      R"({"text": "\ufeffbom first"})",
      R"({"text": "   \n  "})",
      R"({"text": ""})",
      R"({})",
      R"({"id": 12, "date": 20220203, "url": 1.5, "text": "numbers"})",
      R"({"id": true, "text": "bool id"})",
      R"({"text": 5})",
      R"({"text": "x", "extra": {"a": [1, {"b": null}]}})",
      R"({"text": "x",})",
      R"({"text": "x"} trailing)",
      R"({"text": "unterminated)",
      R"({"text": "raw	tab"})",
      R"([1, 2])",
      R"("a string")",
      "",
      "   ",
      "\xEF\xBB\xBF{\"text\": \"bom before the record\"}",
      "{\"text\": \"bad \xff utf-8\"}",
      "{\"text\": \"over \xc0\xaf long\"}",
      "{\"text\": \"surrogate \xed\xa0\x80 bytes\"}",
      "{\"text\": \"caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d\"}",
      R"({"\u0074ext": "escaped key"})",
      R"({"title": "Multi\nline\ntitle", "text": "body"})",
      R"({"title": "   ", "text": ""})",
      R"({"url": "unknown", "date": "2022-02-30", "text": "x"})",
  };
  for (const auto& line : lines) check(line);

  // Generated records: pieces that exercise escapes, Unicode, structure and errors.
  const std::vector<std::string> pieces = {"a",
                                           "Word",
                                           " ",
                                           "\\n",
                                           "\\r\\n",
                                           "\\r",
                                           "\\t",
                                           "\\\"",
                                           "\\\\",
                                           "\\/",
                                           "\\u00e9",
                                           "\\u2019",
                                           "\\ud83d\\ude00",
                                           "\\ud83d",
                                           "\\u0000",
                                           "\xc3\xa9",
                                           "\xe2\x80\x99",
                                           "\xf0\x9f\x98\x80",
                                           "\xff",
                                           "\x01",
                                           "\"",
                                           ",",
                                           "{",
                                           "}",
                                           "[",
                                           "]",
                                           ":",
                                           "\\",
                                           "\xef\xbb\xbf",
                                           "null",
                                           "1"};
  std::mt19937 rng(7);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  auto text = [&](std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += pieces[pick(pieces.size() - (pick(4) == 0 ? 0 : 11))];
    return s;
  };
  const std::vector<std::string> keys = {"id", "title", "date", "url", "text", "paragraphs", "other"};
  for (int r = 0; r < 20000; ++r) {
    std::string line = "{";
    const std::size_t fields = pick(5);
    for (std::size_t f = 0; f < fields; ++f) {
      if (f) line += pick(2) ? ", " : ",";
      const std::string& key = keys[pick(keys.size())];
      line += "\"" + key + "\": ";
      switch (pick(6)) {
        case 0:
          line += "null";
          break;
        case 1:
          line += "[\"" + text(pick(6)) + "\", \"" + text(pick(6)) + "\"]";
          break;
        case 2:
          line += std::to_string(pick(100));
          break;
        default:
          line += "\"" + text(pick(12)) + "\"";
          break;
      }
    }
    line += "}";
    if (pick(20) == 0) line.resize(pick(line.size() + 1));
    check(line);
  }
  check_text_limit();
  check_paragraph_limit();
  if (failures) std::fprintf(stderr, "%d failure(s)\n", failures);
  return failures ? 1 : 0;
}

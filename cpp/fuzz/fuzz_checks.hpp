// Invariants the fuzz targets check on every document and record: what a
// user relies on (valid UTF-8 text, spans inside the text, offsets that cut
// the record's text at the span's text), checked without trusting the code
// under test.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "standpoints/document.hpp"
#include "standpoints/reader.hpp"
#include "standpoints/utf8.hpp"

#define FUZZ_CHECK(cond)                                                                  \
  do {                                                                                    \
    if (!(cond)) {                                                                        \
      std::fprintf(stderr, "invariant failed at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                       \
    }                                                                                     \
  } while (0)

namespace standpoints::fuzz {

inline void check_document(const Document& doc) {
  FUZZ_CHECK(!utf8::first_invalid(doc.text));
  FUZZ_CHECK(doc.text.find('\0') == std::string::npos);
  std::uint32_t last = 0;
  for (const auto& p : doc.paragraphs) {
    FUZZ_CHECK(p.end() <= doc.text.size() && p.start >= last);
    FUZZ_CHECK(p.end() == doc.text.size() || doc.text[p.end()] == '\n');
    last = p.end();
  }
  for (const auto& s : doc.sentences) {
    FUZZ_CHECK(s.first_token < s.last_token && s.last_token <= doc.tokens.size());
    FUZZ_CHECK(doc.span_of(s).start <= doc.span_of(s).end && doc.span_of(s).end <= doc.text.size());
  }
  for (const auto& m : doc.mentions) FUZZ_CHECK(m.start < m.end && m.end <= doc.text.size());
}

// Runs a reader; a ReadError is a fine outcome (its message must be UTF-8).
template <class Read>
std::optional<Document> read_and_check(Read&& read) {
  try {
    Document doc = read();
    check_document(doc);
    return doc;
  } catch (const ReadError& e) {
    FUZZ_CHECK(!utf8::first_invalid(e.what()));
    return std::nullopt;
  }
}

// The record: valid JSON and UTF-8, and every span's text is the record's
// text cut at its (code point) offsets.
inline void check_record(const std::string& line) {
  FUZZ_CHECK(!utf8::first_invalid(line));
  const auto j = nlohmann::json::parse(line);  // throws (and so fails) on invalid JSON
  std::u32string text;
  const std::string& t = j.at("text").get_ref<const std::string&>();
  for (std::size_t i = 0; i < t.size();) text.push_back(utf8::decode(t, i));
  auto span = [&](const nlohmann::json& s) {
    const auto start = s.at("start").get<std::size_t>(), end = s.at("end").get<std::size_t>();
    FUZZ_CHECK(start <= end && end <= text.size());
    if (s.contains("text")) {
      std::string cut;
      for (std::size_t k = start; k < end; ++k) utf8::encode(text[k], cut);
      FUZZ_CHECK(cut == s.at("text").get_ref<const std::string&>());
    }
  };
  for (const auto& p : j.at("paragraphs")) span(p);
  for (const auto& s : j.at("sentences")) span(s);
  for (const auto& m : j.at("mentions")) span(m);
  for (const auto& s : j.at("statements")) {
    span(s.at("source"));
    span(s.at("trigger"));
    if (!s.at("target").is_null()) span(s.at("target"));
    if (!s.at("content").is_null()) span(s.at("content"));
  }
}

}  // namespace standpoints::fuzz

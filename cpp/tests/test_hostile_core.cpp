// Hostile input at the core (issue 11): messages stay valid UTF-8 whatever
// the input held, dates outside the calendar are no dates, case and letter
// classes cover every script, the streamed record equals the whole one, and
// a huge document is segmented as its parts are.
#include <cstdint>
#include <string>
#include <vector>

#include "check.hpp"
#include "standpoints/analyzer.hpp"
#include "standpoints/entities.hpp"
#include "standpoints/json.hpp"
#include "standpoints/knowledge_error.hpp"
#include "standpoints/reader.hpp"
#include "standpoints/segmenter.hpp"
#include "standpoints/utf8.hpp"

using namespace standpoints;

namespace {

void messages_are_valid_utf8() {
  CHECK(utf8::escape_invalid("ok \xC3\xA9") == "ok \xC3\xA9");
  CHECK(utf8::escape_invalid("bad \xFF and \xC3") == "bad \\xff and \\xc3");
  const ReadError e(std::string("last read: '1\xC3'"));
  CHECK(!utf8::first_invalid(e.what()));
  const KnowledgeError k("actors\xFF.json", 3, "quoted \xFE");
  CHECK(!utf8::first_invalid(k.what()) && k.file() == "actors\\xff.json" && k.reason() == "quoted \\xfe");
  try {
    read_json_record("{\"text\":1\xC3\xA9}");
    CHECK(false);
  } catch (const ReadError& err) {
    CHECK(!utf8::first_invalid(err.what()));
  }
}

void json_records_with_bad_bytes_and_numbers() {
  try {
    read_json_record("{\"text\": \"bad \xFF byte\"}");
    CHECK(false);
  } catch (const ReadError& err) {
    CHECK(err.byte_offset() && *err.byte_offset() == 14);
  }
  ReadOptions replace;
  replace.invalid_utf8 = InvalidUtf8::Replace;
  CHECK(read_json_record("{\"text\": \"bad \xFF byte\"}", replace).text == "bad \xEF\xBF\xBD byte");
  try {
    read_json_record(R"({"text": "x", "date": 1e400})");
    CHECK(false);
  } catch (const ReadError& err) {
    CHECK(std::string(err.what()).find("malformed JSON") == 0);
  }
}

void dates_outside_the_calendar() {
  CHECK(date_number("2020-02-29") == 20200229);
  CHECK(date_number("2021-02-29") == 0);
  CHECK(date_number("2020-13-45") == 0);
  CHECK(date_number("20201345") == 0);
  CHECK(date_number("2021-02", true) == 20210228);
  CHECK(date_number("2021", true) == 20211231);
}

void case_and_letters_of_every_script() {
  CHECK(utf8::is_upper(U'\u0218') && utf8::to_lower(U'\u0218') == U'\u0219');  // Ș ș
  CHECK(utf8::is_upper(U'\u018F') && utf8::to_lower(U'\u018F') == U'\u0259');  // Ə ə
  CHECK(utf8::is_upper(U'\u01C5'));                                            // ǅ (title case)
  CHECK(utf8::is_lower(U'\u0219') && !utf8::is_upper(U'\u0219'));
  CHECK(utf8::to_lower(U'\u0130') == U'\u0130');                          // İ: its lower case is two code points
  CHECK(utf8::is_word_char(U'\u094D') && utf8::is_word_char(U'\u200D'));  // virama, joiner
  CHECK(!utf8::is_word_char(U'\u2122') && !utf8::is_word_char(U'\u00A0') && !utf8::is_word_char(U'\uFFFD'));
  CHECK(utf8::to_lower("\xC8\x98TEFAN \xC6\x8FL\xC4\xB0") == "\xC8\x99tefan \xC9\x99l\xC4\xB0");
}

void streamed_record_is_the_whole_record() {
  Document doc =
      make_document(std::string("T"), std::string(3'000'000, 'a') + " Russia.", std::nullopt, std::nullopt, "b\xFF");
  const std::string whole = to_json(doc);
  CHECK(whole.find("\"id\":\"b\\udcff\"") != std::string::npos);
  CHECK(!utf8::first_invalid(whole));
  std::string streamed;
  std::size_t pieces = 0, largest = 0;
  write_json(doc, [&](std::string_view piece) {
    streamed.append(piece);
    ++pieces;
    largest = std::max(largest, piece.size());
  });
  CHECK(streamed == whole && pieces >= 3 && largest < (2u << 20));
}

// The paragraphs of `lines` (one a line, each line ending in a line break)
// over `text`, which holds them `copies` times.
Document document_of_lines(const std::vector<std::string>& lines, std::size_t copies) {
  Document doc;
  for (std::size_t c = 0; c < copies; ++c)
    for (const auto& line : lines) {
      const auto start = static_cast<std::uint32_t>(doc.text.size());
      doc.text += line;
      doc.paragraphs.push_back({start, static_cast<std::uint32_t>(doc.text.size() - start)});
      doc.text += '\n';
    }
  return doc;
}

// From 1 MB of text on, the segmenter counts the tokens before storing them:
// the huge document's layers are those of its parts, allocated at their size.
void huge_document_is_segmented_as_its_parts() {
  SegmenterRules rules;
  rules.add("Gen", AbbreviationKind::Title);
  rules.add("Sept", AbbreviationKind::Month);
  const std::vector<std::string> lines = {
      "Gen. Smith said the U.S. would act. He left on Sept. 3, 2022.",
      "\xE2\x80\x9CWe will win,\xE2\x80\x9D she said. \xE2\x80\x9CNever!\xE2\x80\x9D",
      "Talks end.",
      "   ",
      "\xE4\xBB\x96\xE8\xAF\xB4\xE4\xBA\x86\xE3\x80\x82\xE6\x88\x91\xE4\xBB\xAC\xE8\xB5\xB0\xE3\x80\x82",
      "Prices rose 3.5% in the U.K. The bank (the ECB) did not... Russia\xE2\x80\x99s envoy spoke.",
      "He said: \"Go.\" Then he went (quietly.) And?! Yes"};
  Document part = document_of_lines(lines, 1);
  segment(part, rules);
  const std::size_t copies = (std::size_t{1} << 20) / part.text.size() + 2;
  Document whole = document_of_lines(lines, copies);
  CHECK(whole.text.size() >= (std::size_t{1} << 20));
  segment(whole, rules);
  CHECK(whole.tokens.size() == copies * part.tokens.size() && whole.tokens.capacity() == whole.tokens.size());
  CHECK(whole.sentences.size() == copies * part.sentences.size());
  bool same =
      whole.tokens.size() == copies * part.tokens.size() && whole.sentences.size() == copies * part.sentences.size();
  for (std::size_t c = 0; c < copies && same; ++c) {
    const auto bytes = static_cast<std::uint32_t>(c * part.text.size());
    const auto tokens = static_cast<std::uint32_t>(c * part.tokens.size());
    const auto paragraphs = static_cast<std::uint32_t>(c * part.paragraphs.size());
    for (std::size_t i = 0; i < part.tokens.size(); ++i) {
      const Token& a = part.tokens[i];
      const Token& b = whole.tokens[tokens + i];
      same = same && b.start == a.start + bytes && b.length == a.length && b.kind == a.kind && b.shape == a.shape &&
             b.space_before == a.space_before;
    }
    for (std::size_t i = 0; i < part.sentences.size(); ++i) {
      const Sentence& a = part.sentences[i];
      const Sentence& b = whole.sentences[c * part.sentences.size() + i];
      same = same && whole.span_of(b).start == part.span_of(a).start + bytes &&
             whole.span_of(b).end == part.span_of(a).end + bytes && b.paragraph == a.paragraph + paragraphs &&
             b.first_token == a.first_token + tokens && b.last_token == a.last_token + tokens;
    }
  }
  CHECK(same);
  CHECK(part.sentences.size() > lines.size());  // most lines hold several sentences
}

}  // namespace

int main() {
  messages_are_valid_utf8();
  json_records_with_bad_bytes_and_numbers();
  dates_outside_the_calendar();
  case_and_letters_of_every_script();
  streamed_record_is_the_whole_record();
  huge_document_is_segmented_as_its_parts();
  return standpoints::testing::failures ? 1 : 0;
}

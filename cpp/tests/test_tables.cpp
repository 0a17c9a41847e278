// The table writer: Arrow's layout (validity bitmaps, 64-bit values, string
// offsets) and the tables' content for hand-built documents, with code point
// offsets where the text is not ASCII.
#include <cstring>
#include <string>
#include <vector>

#include "check.hpp"
#include "standpoints/tables.hpp"

using namespace standpoints;

namespace {

bool valid(const Column& c, std::size_t row) { return (c.validity()[row / 8] >> (row % 8)) & 1; }

std::int64_t int_at(const Column& c, std::size_t row) {
  std::int64_t v;
  std::memcpy(&v, c.values().data() + row * 8, 8);
  return v;
}

std::string str_at(const Column& c, std::size_t row) {
  const auto a = static_cast<std::size_t>(c.offsets()[row]), b = static_cast<std::size_t>(c.offsets()[row + 1]);
  return c.data().substr(a, b - a);
}

const Column& col(const Table& t, const std::string& name) {
  for (const auto& c : t.columns)
    if (c.name() == name) return c;
  static const Column none("missing", ColumnType::Int64);
  CHECK(!"column exists");
  return none;
}

void column_layout() {
  Column ints("i", ColumnType::Int64), strs("s", ColumnType::String), flags("b", ColumnType::Bool);
  for (int i = 0; i < 10; ++i) {
    i % 3 == 0 ? ints.push_null() : ints.push(std::int64_t{i * 100});
    i % 4 == 0 ? strs.push_null() : strs.push(std::string_view(i % 2 ? "ab" : "\xC3\xA9"));
    flags.push(i % 2 == 1);
  }
  CHECK(ints.length() == 10 && ints.null_count() == 4 && ints.values().size() == 80);
  CHECK(!valid(ints, 0) && valid(ints, 1) && int_at(ints, 2) == 200 && !valid(ints, 9));
  CHECK(ints.validity().size() == 2);
  CHECK(strs.null_count() == 3 && strs.offsets().size() == 11);
  CHECK(str_at(strs, 0).empty() && str_at(strs, 1) == "ab" && str_at(strs, 2) == "\xC3\xA9");
  CHECK(flags.values().size() == 2 && flags.values()[0] == 0xAA && flags.null_count() == 0);
}

Document sample() {
  Document d;
  d.id = "doc";
  d.title = "T";
  d.date = "2022-02-03";
  d.text =
      "T\n\xC3\x89lys\xC3\xA9"
      "e: Paris warned Berlin.";  // "T\nÉlysée: Paris warned Berlin."
  d.paragraphs = {{0, 1, true, false}, {2, static_cast<std::uint32_t>(d.text.size() - 2), false, false}};
  d.sentences = {{0, 0, 0}, {1, 0, 0}};  // paragraphs 0 and 1 (the tables read no tokens)
  Mention paris;
  paris.start = 12, paris.end = 17, paris.type = "GPE", paris.entity = 0, paris.sentence = 1, paris.actor = "FRAGOV";
  Mention berlin;
  berlin.start = 25, berlin.end = 31, berlin.type = "GPE", berlin.entity = 1, berlin.sentence = 1;
  berlin.actor = "DEUGOV";
  d.mentions = {paris, berlin};
  d.entities = {{"paris", "Paris", "GPE", "FRAGOV", "FRA", {0}, nullptr, ""},
                {"berlin", "Berlin", "GPE", "DEUGOV", "DEU", {1}, nullptr, ""}};
  Statement s;
  s.source = {0, "FRAGOV", 12, 17};
  s.target = Argument{1, "DEUGOV", 25, 31};
  s.act = "WARN";
  s.plover = "THREATEN";
  s.trigger = {18, 24};
  s.sentence = 1;
  d.statements = {s};
  return d;
}

void tables_of_a_document() {
  const Document d = sample();
  const Document* docs[] = {&d, &d};
  TableOptions options;
  options.ids = {"first", "second"};
  const auto tables = to_tables(docs, options);
  CHECK(tables.size() == 4 && tables[0].name == "documents" && tables[3].name == "statements");
  CHECK(tables[0].rows() == 2 && tables[1].rows() == 4 && tables[2].rows() == 4 && tables[3].rows() == 2);
  for (const auto& t : tables)
    for (const auto& c : t.columns) CHECK(c.length() == t.rows());
  const Table& m = tables[1];
  // "É" and "é" are two bytes each: byte 12 is code point 10
  CHECK(int_at(col(m, "start"), 0) == 10 && int_at(col(m, "end"), 0) == 15);
  CHECK(str_at(col(m, "text"), 0) == "Paris" && str_at(col(m, "entity_name"), 1) == "Berlin");
  CHECK(int_at(col(m, "paragraph"), 0) == 1 && !valid(col(m, "role"), 0) && !valid(col(m, "lat"), 0));
  CHECK(str_at(col(m, "doc_id"), 2) == "second");
  const Table& s = tables[3];
  CHECK(str_at(col(s, "source_entity_id"), 0) == "paris" && str_at(col(s, "target_name"), 0) == "Berlin");
  CHECK(str_at(col(s, "trigger"), 0) == "warned" && int_at(col(s, "trigger_start"), 0) == 16);
  CHECK(!valid(col(s, "content"), 0) && !valid(col(s, "cameo"), 0) && str_at(col(s, "date"), 1) == "2022-02-03");
  CHECK(col(s, "quote").null_count() == 0 && col(s, "quote").values()[0] == 0);
  CHECK(str_at(col(s, "plover"), 0) == "THREATEN" && col(s, "plover").null_count() == 0);
  TableOptions no_text;
  no_text.text = false;
  const auto without = to_tables(docs, no_text);
  CHECK(without[0].columns.size() + 1 == tables[0].columns.size());
  CHECK(str_at(col(without[0], "doc_id"), 0) == "doc");
}

}  // namespace

int main() {
  column_layout();
  tables_of_a_document();
  return standpoints::testing::failures;
}

// The table writer: a batch of analysed documents as four tables (documents,
// mentions, entities, statements), column by column, in Apache Arrow's memory
// layout (validity bitmaps, 64-bit values, string offsets + UTF-8 data), so
// that a caller hands the buffers to Arrow without converting a value.
// Offsets are code point indices (Python str indices), as in the JSON record;
// the columns are documented in docs/tables.md.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "standpoints/document.hpp"

namespace standpoints {

enum class ColumnType : std::uint8_t { Int64, Float64, Bool, String };

// One column. Nulls: bit i of `validity` is 0 (the bitmap is filled for every
// row; callers may drop it when null_count is 0).
class Column {
 public:
  Column(std::string name, ColumnType type) : name_(std::move(name)), type_(type) { offsets_.push_back(0); }

  void push_null();
  void push(std::int64_t v);
  void push(double v);
  void push(bool v);
  void push(std::string_view v);
  // Pushes null when `v` is negative (the core's "no index") or empty (no code).
  void push_index(std::int64_t v) { v < 0 ? push_null() : push(v); }
  void push_code(std::string_view v) { v.empty() ? push_null() : push(v); }

  const std::string& name() const { return name_; }
  ColumnType type() const { return type_; }
  std::size_t length() const { return length_; }
  std::size_t null_count() const { return null_count_; }
  // Arrow buffers: validity bitmap; values (8 bytes a row, or a bitmap for Bool);
  // for String, length() + 1 int64 offsets into data.
  const std::vector<std::uint8_t>& validity() const { return validity_; }
  const std::vector<std::uint8_t>& values() const { return values_; }
  const std::vector<std::int64_t>& offsets() const { return offsets_; }
  const std::string& data() const { return data_; }

 private:
  void next_row(bool valid);

  std::string name_;
  ColumnType type_;
  std::size_t length_ = 0;
  std::size_t null_count_ = 0;
  std::vector<std::uint8_t> validity_;
  std::vector<std::uint8_t> values_;
  std::vector<std::int64_t> offsets_;
  std::string data_;
};

struct Table {
  std::string name;  // documents, mentions, entities, statements
  std::vector<Column> columns;
  std::size_t rows() const { return columns.empty() ? 0 : columns.front().length(); }
};

struct TableOptions {
  bool text = true;              // the documents' text column
  std::vector<std::string> ids;  // document ids to write instead of Document::id (empty: the documents' own)
};

// The four tables of a batch, in the order documents, mentions, entities, statements.
std::vector<Table> to_tables(std::span<const Document* const> docs, const TableOptions& options = {});

}  // namespace standpoints

// Reading the tab-separated knowledge files: a header line names the columns;
// '#' comment lines and empty lines are skipped. Errors name file and line.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "standpoints/knowledge_error.hpp"

namespace standpoints::tsv {

struct Row {
  const std::string* file;
  std::size_t line;
  std::vector<std::string_view> fields;
  const std::vector<std::string>* header;

  // The field of the named column ("" when the row is short).
  std::string_view get(std::string_view column) const;
  [[noreturn]] void fail(const std::string& reason) const { throw KnowledgeError(*file, line, reason); }
};

// Reads the whole file and calls `on_row` for each data row. `required`
// columns must be present in the header.
void read_file(const std::string& path, const std::vector<std::string>& required,
               const std::function<void(const Row&)>& on_row);

// Same over text already in memory (`name` is used in errors).
void read_text(std::string_view text, const std::string& name, const std::vector<std::string>& required,
               const std::function<void(const Row&)>& on_row);

// Splits "a|b|c" into non-empty parts.
std::vector<std::string_view> split_list(std::string_view s, char sep = '|');

std::string read_whole_file(const std::string& path);  // throws KnowledgeError

}  // namespace standpoints::tsv

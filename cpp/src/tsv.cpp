#include "standpoints/tsv.hpp"

#include <fstream>
#include <sstream>

#include "standpoints/utf8.hpp"

namespace standpoints::tsv {

std::string_view Row::get(std::string_view column) const {
  for (std::size_t i = 0; i < header->size(); ++i)
    if ((*header)[i] == column) return i < fields.size() ? fields[i] : std::string_view{};
  return {};
}

std::vector<std::string_view> split_list(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    std::size_t next = s.find(sep, pos);
    if (next == std::string_view::npos) next = s.size();
    std::string_view part = utf8::strip(s.substr(pos, next - pos));
    if (!part.empty()) out.push_back(part);
    pos = next + 1;
  }
  return out;
}

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw KnowledgeError(path, 0, "cannot open file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void read_text(std::string_view text, const std::string& name, const std::vector<std::string>& required,
               const std::function<void(const Row&)>& on_row) {
  if (auto bad = utf8::first_invalid(text))
    throw KnowledgeError(name, 0, "invalid UTF-8 at byte offset " + std::to_string(*bad));
  std::vector<std::string> header;
  std::size_t pos = 0, line = 0;
  Row row{&name, 0, {}, &header};
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view l = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line;
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l.empty() || l[0] == '#') continue;
    row.fields.clear();
    std::size_t f = 0;
    while (true) {
      std::size_t tab = l.find('\t', f);
      row.fields.push_back(l.substr(f, tab == std::string_view::npos ? std::string_view::npos : tab - f));
      if (tab == std::string_view::npos) break;
      f = tab + 1;
    }
    if (header.empty()) {
      for (auto h : row.fields) header.emplace_back(utf8::strip(h));
      for (const auto& r : required) {
        bool found = false;
        for (const auto& h : header) found = found || h == r;
        if (!found) throw KnowledgeError(name, line, "missing column \"" + r + "\" in the header line");
      }
      continue;
    }
    if (row.fields.size() > header.size())
      throw KnowledgeError(name, line,
                           "expected " + std::to_string(header.size()) + " tab-separated fields, found " +
                               std::to_string(row.fields.size()));
    row.line = line;
    on_row(row);
  }
  if (header.empty()) throw KnowledgeError(name, 0, "no header line");
}

void read_file(const std::string& path, const std::vector<std::string>& required,
               const std::function<void(const Row&)>& on_row) {
  const std::string text = read_whole_file(path);
  read_text(text, path, required, on_row);
}

}  // namespace standpoints::tsv

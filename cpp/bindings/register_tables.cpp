#include <memory>

#include "prelude.hpp"
#include "standpoints/tables.hpp"

namespace standpoints::bindings {

namespace {

py::object as_bytes(const void* data, std::size_t size) { return py::bytes(static_cast<const char*>(data), size); }

// (name, type, length, null_count, validity | None, values | None, offsets | None, data | None):
// the Arrow buffers of one column, for pyarrow's Array.from_buffers.
py::tuple column_to_python(const Column& c) {
  static const char* names[] = {"int64", "float64", "bool", "string"};
  const bool is_string = c.type() == ColumnType::String;
  py::object validity = c.null_count() ? as_bytes(c.validity().data(), c.validity().size()) : py::none();
  py::object values = is_string ? py::none() : as_bytes(c.values().data(), c.values().size());
  py::object offsets = is_string ? as_bytes(c.offsets().data(), c.offsets().size() * sizeof(std::int64_t)) : py::none();
  py::object data = is_string ? as_bytes(c.data().data(), c.data().size()) : py::none();
  return py::make_tuple(c.name(), names[static_cast<int>(c.type())], c.length(), c.null_count(), validity, values,
                        offsets, data);
}

}  // namespace

void register_tables(py::module_& m) {
  m.def(
      "tables",
      [](const std::vector<std::shared_ptr<Document>>& docs, bool text, const std::vector<std::string>& ids) {
        std::vector<const Document*> ptrs;
        ptrs.reserve(docs.size());
        for (const auto& d : docs) ptrs.push_back(d.get());
        TableOptions options;
        options.text = text;
        options.ids = ids;
        std::vector<Table> tables;
        {
          py::gil_scoped_release release;
          tables = to_tables(ptrs, options);
        }
        py::list out;
        for (const auto& t : tables) {
          py::list columns;
          for (const auto& c : t.columns) columns.append(column_to_python(c));
          out.append(py::make_tuple(t.name, columns));
        }
        return out;
      },
      py::arg("docs"), py::arg("text") = true, py::arg("ids") = std::vector<std::string>{},
      "The documents, mentions, entities and statements tables of a batch, as Arrow buffers per column.");
}

}  // namespace standpoints::bindings

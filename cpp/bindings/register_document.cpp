#include "prelude.hpp"

namespace standpoints::bindings {

py::object to_python(const ordered_json& j) {
  switch (j.type()) {
    case ordered_json::value_t::null:
      return py::none();
    case ordered_json::value_t::boolean:
      return py::bool_(j.get<bool>());
    case ordered_json::value_t::number_integer:
      return py::int_(j.get<std::int64_t>());
    case ordered_json::value_t::number_unsigned:
      return py::int_(j.get<std::uint64_t>());
    case ordered_json::value_t::number_float:
      return py::float_(j.get<double>());
    case ordered_json::value_t::string:
      return py::str(j.get_ref<const std::string&>());
    case ordered_json::value_t::array: {
      py::list out(j.size());
      std::size_t i = 0;
      for (const auto& v : j) out[i++] = to_python(v);
      return std::move(out);
    }
    case ordered_json::value_t::object: {
      py::dict out;
      for (auto it = j.begin(); it != j.end(); ++it) out[py::str(it.key())] = to_python(it.value());
      return std::move(out);
    }
    default:
      return py::none();
  }
}

void register_document(py::module_& m) {
  py::class_<Document, std::shared_ptr<Document>>(m, "Document", "A document analysed by the core.")
      .def_property_readonly("id", [](const Document& d) { return d.id; })
      .def_property_readonly("title", [](const Document& d) { return d.title; })
      .def_property_readonly("date", [](const Document& d) { return d.date; })
      .def_property_readonly("url", [](const Document& d) { return d.url; })
      .def_property_readonly("source", [](const Document& d) { return d.source; })
      .def_property_readonly("text", [](const Document& d) { return d.text; })
      .def_property_readonly("n_tokens", [](const Document& d) { return d.tokens.size(); })
      .def_property_readonly("n_sentences", [](const Document& d) { return d.sentences.size(); })
      .def(
          "record",
          [](const Document& d, bool tokens) {
            WriteOptions o;
            o.tokens = tokens;
            ordered_json j;
            {
              py::gil_scoped_release release;
              j = to_record(d, o);
            }
            return to_python(j);
          },
          py::arg("tokens") = false, "The SCHEMA.md record as Python objects (offsets are str indices).")
      .def(
          "to_json",
          [](const Document& d, int indent) {
            std::string s;
            {
              py::gil_scoped_release release;
              s = to_json(d, indent);
            }
            return s;
          },
          py::arg("indent") = -1, "The SCHEMA.md record as a JSON string.");
}

}  // namespace standpoints::bindings

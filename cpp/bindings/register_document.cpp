#include "prelude.hpp"

namespace standpoints::bindings {

namespace {

// A metadata string for Python. Ids taken from file names may hold bytes that
// are not UTF-8: they come back as os.fsdecode gives them (surrogateescape).
py::object meta_str(const std::string& s) {
  PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "surrogateescape");
  if (!o) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(o);
}

py::object meta_opt(const std::optional<std::string>& s) { return s ? meta_str(*s) : py::none(); }

}  // namespace

void register_document(py::module_& m) {
  py::class_<Document, std::shared_ptr<Document>>(m, "Document", "A document analysed by the core.")
      .def_property_readonly("id", [](const Document& d) { return meta_str(d.id); })
      .def_property_readonly("title", [](const Document& d) { return meta_opt(d.title); })
      .def_property_readonly("date", [](const Document& d) { return meta_opt(d.date); })
      .def_property_readonly("url", [](const Document& d) { return meta_opt(d.url); })
      .def_property_readonly("source", [](const Document& d) { return meta_opt(d.source); })
      .def_property_readonly("text", [](const Document& d) { return d.text; })
      .def_property_readonly("n_tokens", [](const Document& d) { return d.tokens.size(); })
      .def_property_readonly("n_sentences", [](const Document& d) { return d.sentences.size(); })
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
          py::arg("indent") = -1, "The SCHEMA.md record as a JSON string.")
      .def(
          "write_json",
          [](const Document& d, const py::object& file) {
            // The record goes to file.write() in pieces of about 1 MB, written
            // with the GIL released: never the whole record in memory twice.
            py::object write = file.attr("write");
            std::size_t total = 0;
            py::gil_scoped_release release;
            write_json(d, [&](std::string_view piece) {
              py::gil_scoped_acquire acquire;
              write(py::bytes(piece.data(), piece.size()));
              total += piece.size();
            });
            return total;
          },
          py::arg("file"),
          "Writes the SCHEMA.md record as one line of UTF-8 JSON (no newline) to a binary file; returns the bytes "
          "written.");
}

}  // namespace standpoints::bindings

#include "prelude.hpp"
#include "standpoints/knowledge_error.hpp"

namespace standpoints::bindings {

namespace {

py::object error_class(const char* name) { return py::module_::import("standpoints.errors").attr(name); }

}  // namespace

void raise_read_error(const ReadError& e, const std::string& path) {
  py::object cls = error_class("ReadError");
  py::object line = e.line() ? py::object(py::int_(e.line())) : py::object(py::none());
  py::object offset = e.byte_offset() ? py::object(py::int_(*e.byte_offset())) : py::object(py::none());
  py::object err = cls(py::str(e.what()), py::str(path), line, offset);
  PyErr_SetObject(cls.ptr(), err.ptr());
  throw py::error_already_set();
}

void register_errors(py::module_& m) {
  (void)m;
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const ReadError& e) {
      raise_read_error(e, "");
    } catch (const KnowledgeError& e) {
      py::object cls = error_class("KnowledgeError");
      py::object line = e.line() ? py::object(py::int_(e.line())) : py::object(py::none());
      py::object err = cls(py::str(e.reason()), py::str(e.file()), line);
      PyErr_SetObject(cls.ptr(), err.ptr());
    }
  });
}

}  // namespace standpoints::bindings

// Included first by every binding file: pybind11 and the core's headers.
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "standpoints/analyzer.hpp"
#include "standpoints/document.hpp"
#include "standpoints/json.hpp"
#include "standpoints/reader.hpp"

namespace py = pybind11;

namespace standpoints::bindings {

void register_errors(py::module_& m);
void register_document(py::module_& m);
void register_analyzer(py::module_& m);
void register_tables(py::module_& m);
void register_syntax(py::module_& m);  // register_syntax.cpp

// Raises the Python error matching a core exception (ReadError -> standpoints.ReadError).
[[noreturn]] void raise_read_error(const ReadError& e, const std::string& path);

}  // namespace standpoints::bindings

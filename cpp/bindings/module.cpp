#include "prelude.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "standpoints C++ core (private: use the standpoints package)";
  standpoints::bindings::register_errors(m);
  standpoints::bindings::register_document(m);
  standpoints::bindings::register_analyzer(m);
  standpoints::bindings::register_tables(m);
  standpoints::bindings::register_syntax(m);
}

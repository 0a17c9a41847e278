#include <new>
#include <optional>

#include "prelude.hpp"

namespace standpoints::bindings {

namespace {

InputFormat parse_format(std::string_view s) {
  if (s == "article") return InputFormat::Article;
  if (s == "plain") return InputFormat::Plain;
  throw py::value_error("format must be 'article' or 'plain', not '" + std::string(s) + "'");
}

std::optional<std::string> optional_bytes(const std::optional<std::string_view>& v) {
  if (!v) return std::nullopt;
  return std::string(*v);
}

// Runs f (reading or analysis of one input) with the GIL released. A
// ReadError goes to Python as standpoints.ReadError (register_errors.cpp);
// anything else the core throws becomes a ReadError too, so that a batch
// still gets exactly one result per input.
template <class F>
auto without_gil(F&& f) -> decltype(f()) {
  std::string failure;
  {
    py::gil_scoped_release release;
    try {
      return f();
    } catch (const ReadError&) {
      throw;
    } catch (const std::bad_alloc&) {
      failure = "out of memory while analysing this input";
    } catch (const std::exception& e) {
      failure = std::string("internal error: ") + e.what();
    }
  }
  throw ReadError(failure);
}

template <class Read>
std::shared_ptr<Document> run(Read&& read) {
  return without_gil([&] { return std::make_shared<Document>(read()); });
}

// analyze_json for a record held in a one-element list, which it empties:
// the record's bytes are released as soon as the reader has made the
// document's text, so that a huge record is not held by Python (in a
// generator's frame, an argument) while its document is analysed.
std::shared_ptr<Document> analyze_taken_json(const Analyzer& a, py::list box) {
  if (box.size() != 1 || !PyBytes_Check(box[0].ptr())) throw py::type_error("expected a list holding one bytes object");
  py::object line = box[0];
  box.attr("clear")();
  char* data = nullptr;
  Py_ssize_t size = 0;
  if (PyBytes_AsStringAndSize(line.ptr(), &data, &size) != 0) throw py::error_already_set();
  Document doc = without_gil(
      [&] { return read_json_record(std::string_view(data, static_cast<std::size_t>(size)), a.options().read); });
  line = py::object();  // the last reference, unless the caller kept one
  return run([&] {
    a.analyze(doc);
    return std::move(doc);
  });
}

}  // namespace

void register_analyzer(py::module_& m) {
  // Typed entry points, one per kind of input; each returns a Document or
  // raises standpoints.ReadError. Text arrives as bytes (UTF-8, checked by the
  // core) or str; file names and ids as bytes (os.fsencode), so that names
  // that are not UTF-8 travel unchanged.
  py::class_<Analyzer, std::shared_ptr<Analyzer>>(m, "Analyzer")
      .def(py::init([](const std::string& data_dir, const std::vector<std::string>& actor_files,
                       const std::string& errors, int stage, const std::string& extra_actors,
                       const std::vector<std::string>& act_files) {
             AnalyzerOptions o;
             o.knowledge.data_dir = data_dir;
             o.knowledge.actor_files = actor_files;
             o.knowledge.extra_actors_json = extra_actors;
             o.knowledge.act_files = act_files;
             if (errors == "strict")
               o.read.invalid_utf8 = InvalidUtf8::Error;
             else if (errors == "replace")
               o.read.invalid_utf8 = InvalidUtf8::Replace;
             else
               throw py::value_error("errors must be 'strict' or 'replace', not '" + errors + "'");
             if (stage < 1 || stage > 4) throw py::value_error("stage must be 1..4");
             o.stage = static_cast<Stage>(stage);
             py::gil_scoped_release release;
             return std::make_shared<Analyzer>(o);
           }),
           py::arg("data_dir"), py::kw_only(), py::arg("actor_files") = std::vector<std::string>{},
           py::arg("errors") = "strict", py::arg("stage") = 4, py::arg("extra_actors") = "",
           py::arg("act_files") = std::vector<std::string>{})
      .def(
          "analyze_file",
          [](const Analyzer& a, std::string path, std::string_view format, std::string id) {
            const InputFormat f = parse_format(format);
            return run([&] { return a.analyze_file(path, f, std::move(id)); });
          },
          py::arg("path"), py::kw_only(), py::arg("format") = "article", py::arg("id") = "",
          "Reads and analyses one file (path as bytes: os.fsencode); id defaults to the file name.")
      .def(
          "analyze_bytes",
          [](const Analyzer& a, std::string_view data, std::string_view format, std::string id) {
            const InputFormat f = parse_format(format);
            return run([&] {
              return f == InputFormat::Plain ? a.analyze_plain(data, std::move(id))
                                             : a.analyze_article(data, std::move(id));
            });
          },
          py::arg("data"), py::kw_only(), py::arg("format") = "article", py::arg("id") = "",
          "Analyses the raw contents of an article file (or plain text with format='plain').")
      .def(
          "analyze_json",
          [](const Analyzer& a, std::string_view line) { return run([&] { return a.analyze_json_record(line); }); },
          py::arg("line"), "Analyses one JSON Lines record, given as its raw bytes.")
      .def("analyze_taken_json", &analyze_taken_json, py::arg("box"),
           "Analyses one JSON Lines record given as [raw bytes]; empties the list and drops the bytes once read.")
      .def(
          "analyze_fields",
          [](const Analyzer& a, std::string_view text, std::optional<std::string_view> title,
             std::optional<std::string_view> date, std::optional<std::string_view> url, std::string id) {
            return run([&] {
              return a.analyze_fields(optional_bytes(title), text, optional_bytes(date), optional_bytes(url),
                                      std::move(id));
            });
          },
          py::arg("text"), py::kw_only(), py::arg("title") = py::none(), py::arg("date") = py::none(),
          py::arg("url") = py::none(), py::arg("id") = "",
          "Analyses text in hand: every non-empty line of `text` is a paragraph.");
}

}  // namespace standpoints::bindings

#include <atomic>
#include <exception>
#include <thread>
#include <variant>

#include "prelude.hpp"

namespace standpoints::bindings {

namespace {

// One input of a batch, converted from Python while the GIL is held.
struct Item {
  enum class Kind { File, Bytes, Json, Fields } kind;
  std::string a;  // path, bytes or JSON line, or text for Fields
  InputFormat format = InputFormat::Article;
  std::string id;
  std::optional<std::string> title, date, url;
};

struct Failure {
  std::string message;
  std::size_t line = 0;
  std::optional<std::size_t> byte_offset;
};

using Result = std::variant<std::shared_ptr<Document>, Failure>;

InputFormat parse_format(const std::string& s) {
  if (s == "article") return InputFormat::Article;
  if (s == "plain") return InputFormat::Plain;
  throw py::value_error("format must be 'article' or 'plain', not '" + s + "'");
}

std::optional<std::string> optional_str(const py::handle& h) {
  if (h.is_none()) return std::nullopt;
  return h.cast<std::string>();
}

Item to_item(const py::handle& obj) {
  auto t = obj.cast<py::tuple>();
  const auto kind = t[0].cast<std::string>();
  Item item;
  if (kind == "file") {
    item.kind = Item::Kind::File;
    item.a = t[1].cast<std::string>();
    item.format = parse_format(t[2].cast<std::string>());
    item.id = t[3].is_none() ? std::string() : t[3].cast<std::string>();
  } else if (kind == "bytes") {
    item.kind = Item::Kind::Bytes;
    item.a = t[1].cast<py::bytes>();
    item.format = parse_format(t[2].cast<std::string>());
    item.id = t[3].is_none() ? std::string() : t[3].cast<std::string>();
  } else if (kind == "json") {
    item.kind = Item::Kind::Json;
    item.a = py::isinstance<py::bytes>(t[1]) ? std::string(t[1].cast<py::bytes>()) : t[1].cast<std::string>();
  } else if (kind == "fields") {
    item.kind = Item::Kind::Fields;
    item.title = optional_str(t[1]);
    item.a = t[2].cast<std::string>();
    item.date = optional_str(t[3]);
    item.url = optional_str(t[4]);
    item.id = t[5].is_none() ? std::string() : t[5].cast<std::string>();
  } else {
    throw py::value_error("unknown input kind '" + kind + "'");
  }
  return item;
}

Result run_one(const Analyzer& analyzer, const Item& item) {
  try {
    Document doc;
    switch (item.kind) {
      case Item::Kind::File:
        doc = analyzer.analyze_file(item.a, item.format, item.id);
        break;
      case Item::Kind::Bytes:
        doc = item.format == InputFormat::Plain ? analyzer.analyze_plain(item.a, item.id)
                                                : analyzer.analyze_article(item.a, item.id);
        break;
      case Item::Kind::Json:
        doc = analyzer.analyze_json_record(item.a);
        break;
      case Item::Kind::Fields:
        doc = analyzer.analyze_fields(item.title, item.a, item.date, item.url, item.id);
        break;
    }
    return std::make_shared<Document>(std::move(doc));
  } catch (const ReadError& e) {
    return Failure{e.what(), e.line(), e.byte_offset()};
  } catch (const std::bad_alloc&) {
    return Failure{"out of memory while analysing this input", 0, std::nullopt};
  } catch (const std::exception& e) {
    return Failure{std::string("internal error: ") + e.what(), 0, std::nullopt};
  }
}

py::object to_python(Result& r) {
  if (auto* doc = std::get_if<std::shared_ptr<Document>>(&r)) return py::cast(*doc);
  auto& f = std::get<Failure>(r);
  return py::make_tuple("error", f.message, f.line ? py::object(py::int_(f.line)) : py::none(),
                        f.byte_offset ? py::object(py::int_(*f.byte_offset)) : py::none());
}

std::size_t resolve_workers(int workers, std::size_t n) {
  std::size_t w = workers <= 0 ? std::max(1u, std::thread::hardware_concurrency()) : static_cast<std::size_t>(workers);
  return std::max<std::size_t>(1, std::min(w, n));
}

}  // namespace

void register_analyzer(py::module_& m) {
  py::class_<Analyzer, std::shared_ptr<Analyzer>>(m, "Analyzer")
      .def(py::init([](const std::string& data_dir, const std::vector<std::string>& actor_files,
                       const std::string& errors, int stage, const std::string& extra_actors) {
             AnalyzerOptions o;
             o.knowledge.data_dir = data_dir;
             o.knowledge.actor_files = actor_files;
             o.knowledge.extra_actors_json = extra_actors;
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
           py::arg("data_dir"), py::arg("actor_files") = std::vector<std::string>{}, py::arg("errors") = "strict",
           py::arg("stage") = 4, py::arg("extra_actors") = "")
      .def(
          "analyze_one",
          [](const Analyzer& a, const py::tuple& input) {
            Item item = to_item(input);
            Result r;
            {
              py::gil_scoped_release release;
              r = run_one(a, item);
            }
            return to_python(r);
          },
          py::arg("item"), "Analyses one input tuple; returns a Document or ('error', message, line, offset).")
      .def(
          "analyze_many",
          [](const Analyzer& a, const py::iterable& inputs, int workers) {
            std::vector<Item> items;
            for (auto obj : inputs) items.push_back(to_item(obj));
            std::vector<Result> results(items.size());
            {
              py::gil_scoped_release release;
              const std::size_t n_workers = resolve_workers(workers, items.size());
              std::atomic<std::size_t> next{0};
              auto work = [&] {
                for (std::size_t i = next++; i < items.size(); i = next++) results[i] = run_one(a, items[i]);
              };
              if (n_workers <= 1) {
                work();
              } else {
                std::vector<std::thread> pool;
                for (std::size_t w = 0; w < n_workers; ++w) pool.emplace_back(work);
                for (auto& t : pool) t.join();
              }
            }
            if (PyErr_CheckSignals() != 0) throw py::error_already_set();
            py::list out(results.size());
            for (std::size_t i = 0; i < results.size(); ++i) out[i] = to_python(results[i]);
            return out;
          },
          py::arg("items"), py::arg("workers") = 1,
          "Analyses a batch on a thread pool with the GIL released; keeps input order.");
}

}  // namespace standpoints::bindings

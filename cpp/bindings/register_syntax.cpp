// The syntax layer from Python: read it, fill it with the built-in model, or
// project a foreign parse (a spaCy Doc's arrays) onto a document's tokens.
// Offsets on this side are Python str indices.
#include "prelude.hpp"
#include "standpoints/syntax.hpp"
#include "standpoints/utf8.hpp"

namespace standpoints::bindings {

namespace {

// Byte offset of each code point index of `text` (one past the end included).
std::vector<std::uint32_t> byte_offsets(const std::string& text) {
  std::vector<std::uint32_t> out;
  out.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size();) {
    out.push_back(static_cast<std::uint32_t>(i));
    utf8::decode(text, i);
  }
  out.push_back(static_cast<std::uint32_t>(text.size()));
  return out;
}

ForeignParse to_foreign(std::string text, const std::vector<std::size_t>& starts, const std::vector<std::size_t>& ends,
                        const std::vector<std::string>& tags, const std::vector<std::string>& pos,
                        const std::vector<std::int64_t>& heads, const std::vector<std::string>& deps) {
  const std::size_t n = starts.size();
  if (ends.size() != n || tags.size() != n || pos.size() != n || heads.size() != n || deps.size() != n)
    throw py::value_error("the token arrays differ in length");
  if (utf8::first_invalid(text)) throw py::value_error("the spaCy Doc's text is not valid UTF-8");
  ForeignParse fp;
  const auto offsets = byte_offsets(text);
  fp.text = std::move(text);
  fp.tokens.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (starts[i] > ends[i] || ends[i] >= offsets.size()) throw py::value_error("token offsets out of range");
    if (heads[i] < 0 || static_cast<std::size_t>(heads[i]) >= n) throw py::value_error("head index out of range");
    auto& t = fp.tokens[i];
    t.start = offsets[starts[i]];
    t.end = offsets[ends[i]];
    t.tag = tags[i];
    t.pos = pos[i];
    t.head = static_cast<std::int32_t>(heads[i]);
    t.dep = deps[i];
  }
  return fp;
}

py::dict layer(const Document& d) {
  const utf8::OffsetMap map(d.text);
  const std::size_t n = d.tokens.size();
  const bool any = d.syntax.tokens.size() == n;
  py::list tokens(n), tags(n), heads(n), deps(n), kinds(n), shapes(n), spaces(n), sentence(n);
  for (std::size_t i = 0, si = 0; i < n; ++i) {
    const Token& t = d.tokens[i];
    while (si + 1 < d.sentences.size() && d.sentences[si + 1].first_token <= i) ++si;
    tokens[i] = py::make_tuple(map.to_codepoints(t.start), map.to_codepoints(t.end()));
    const TokenSyntax s = any ? d.syntax.tokens[i] : TokenSyntax{};
    tags[i] = py::str(std::string(tag_name(s.tag)));
    heads[i] = py::int_(s.head);
    deps[i] = py::str(std::string(dep_name(s.dep)));
    kinds[i] = py::int_(static_cast<int>(t.kind));
    shapes[i] = py::int_(static_cast<int>(t.shape));
    spaces[i] = py::bool_(t.space_before);
    sentence[i] = py::int_(si);
  }
  py::list parsed;
  for (std::size_t s = 0; s < d.sentences.size(); ++s)
    parsed.append(py::bool_(d.syntax.is_parsed(static_cast<std::uint32_t>(s))));
  py::list nps;
  for (const auto& np : d.syntax.noun_phrases) nps.append(py::make_tuple(np.first_token, np.last_token, np.head));
  py::dict out;
  out["tokens"] = tokens;
  out["tags"] = tags;
  out["heads"] = heads;
  out["deps"] = deps;
  out["kinds"] = kinds;
  out["shapes"] = shapes;
  out["space_before"] = spaces;
  out["sentence"] = sentence;
  out["parsed"] = parsed;
  out["noun_phrases"] = nps;
  return out;
}

py::dict args_dict(const PredicateArgs& a) {
  static constexpr const char* kAttachments[] = {"main",    "complement", "adverbial",     "relative",
                                                 "clausal", "conjunct",   "parenthetical", "other"};
  py::dict out;
  auto opt = [](std::int32_t i) { return i < 0 ? py::object(py::none()) : py::object(py::int_(i)); };
  out["subject"] = opt(a.subject);
  out["own_subject"] = a.own_subject;
  out["passive"] = a.passive;
  out["inverted"] = a.inverted;
  out["agent"] = opt(a.agent);
  out["object"] = opt(a.object);
  out["dative"] = opt(a.dative);
  out["complement"] = opt(a.complement);
  out["governor"] = opt(a.governor);
  out["attachment"] = kAttachments[static_cast<int>(a.attachment)];
  out["negated"] = a.negated;
  return out;
}

}  // namespace

void register_syntax(py::module_& m) {
  m.def("syntax_layer", &layer, py::arg("doc"),
        "The syntax layer as lists parallel to the tokens (tag, head token or -1, relation), the parsed flag of "
        "each sentence and the noun phrases (first token, end token, head token).");
  m.def(
      "parse_syntax",
      [](const Analyzer& a, const Document& d, std::optional<std::vector<std::uint32_t>> sentences) {
        auto out = std::make_shared<Document>(d);
        py::gil_scoped_release release;
        if (sentences)
          parse_sentences(*out, a.knowledge().syntax, *sentences);
        else
          parse_all(*out, a.knowledge().syntax);
        return out;
      },
      py::arg("analyzer"), py::arg("doc"), py::arg("sentences") = py::none(),
      "A copy of the document with the given sentences (default: all) parsed by the built-in model.");
  m.def(
      "project_syntax",
      [](const Document& d, std::string text, const std::vector<std::size_t>& starts,
         const std::vector<std::size_t>& ends, const std::vector<std::string>& tags,
         const std::vector<std::string>& pos, const std::vector<std::int64_t>& heads,
         const std::vector<std::string>& deps) {
        const ForeignParse fp = to_foreign(std::move(text), starts, ends, tags, pos, heads, deps);
        auto out = std::make_shared<Document>(d);
        const ProjectionReport r = project_syntax(*out, fp);
        py::dict report;
        report["merged"] = r.merged;
        report["split"] = r.split;
        report["unmatched"] = r.unmatched;
        report["repaired"] = r.repaired;
        return py::make_tuple(out, report);
      },
      py::arg("doc"), py::arg("text"), py::arg("starts"), py::arg("ends"), py::arg("tags"), py::arg("pos"),
      py::arg("heads"), py::arg("deps"),
      "A copy of the document with a foreign parse projected onto its tokens, and what had to be repaired.");
  m.def(
      "analyze_with_syntax",
      [](const Analyzer& a, std::optional<std::string> title, const std::string& body, std::optional<std::string> date,
         std::optional<std::string> url, std::string id, std::string text, const std::vector<std::size_t>& starts,
         const std::vector<std::size_t>& ends, const std::vector<std::string>& tags,
         const std::vector<std::string>& pos, const std::vector<std::int64_t>& heads,
         const std::vector<std::string>& deps) {
        ForeignParse fp = to_foreign(std::move(text), starts, ends, tags, pos, heads, deps);
        if (title) {
          // The foreign parse covers the body: the title comes first in our text
          // and stays unparsed (the built-in model parses it when asked).
          const std::string prefix = *title + "\n";
          fp.text.insert(0, prefix);
          for (auto& t : fp.tokens) {
            t.start += static_cast<std::uint32_t>(prefix.size());
            t.end += static_cast<std::uint32_t>(prefix.size());
          }
        }
        auto out = std::make_shared<Document>();
        // std::invalid_argument (texts that do not match) becomes ValueError.
        py::gil_scoped_release release;
        *out = make_document(std::move(title), body, std::move(date), std::move(url), std::move(id), a.options().read);
        a.analyze(*out, &fp);
        return out;
      },
      py::arg("analyzer"), py::arg("title"), py::arg("body"), py::arg("date"), py::arg("url"), py::arg("id"),
      py::arg("text"), py::arg("starts"), py::arg("ends"), py::arg("tags"), py::arg("pos"), py::arg("heads"),
      py::arg("deps"), "Reads and analyses text with its syntax taken from a foreign parse of the same text.");
  m.def(
      "predicate_args",
      [](const Document& d, std::uint32_t token) {
        if (token >= d.tokens.size()) throw py::index_error("token index out of range");
        return args_dict(predicate_args(d, token));
      },
      py::arg("doc"), py::arg("token"), "The arguments of a verb or noun token (token indices).");
  m.def(
      "syntax_model_info",
      [](const Analyzer& a) {
        const auto& model = a.knowledge().syntax;
        py::dict out;
        out["bytes"] = model.bytes();
        out["provenance"] = model.provenance();
        return out;
      },
      py::arg("analyzer"));
}

}  // namespace standpoints::bindings

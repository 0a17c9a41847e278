#include "standpoints/json.hpp"

#include <charconv>

#include "standpoints/utf8.hpp"

namespace standpoints {

namespace {

// The record written straight into a string, field by field in SCHEMA.md's
// order: no JSON tree. With a sink, the string is handed over in pieces of
// about kChunk bytes as it fills, so a 100 MB article with millions of
// mentions needs one piece of output in memory, not the whole record.
class StreamWriter {
 public:
  static constexpr std::size_t kChunk = 1 << 20;

  StreamWriter(const Document& doc, const WriteOptions& options, const JsonSink* sink = nullptr)
      : doc_(doc), map_(doc.text), options_(options), sink_(sink) {
    if (sink_)
      out_.reserve(kChunk + 4096);
    else
      out_.reserve(doc.text.size() * 2 + doc.mentions.size() * 160 + doc.sentences.size() * 48 +
                   doc.statements.size() * 400 + 4096);
  }

  std::string run() {
    out_.push_back('{');
    key("id");
    checked_str(doc_.id);
    key("title");
    opt(doc_.title);
    key("date");
    opt(doc_.date);
    key("url");
    opt(doc_.url);
    key("source");
    opt(doc_.source);
    key("text");
    str(doc_.text);
    key("paragraphs");
    out_.push_back('[');
    for (std::size_t i = 0; i < doc_.paragraphs.size(); ++i) {
      const auto& p = doc_.paragraphs[i];
      open(i);
      key("start");
      num(cp(p.start));
      key("end");
      num(cp(p.end()));
      key("kind");
      str(p.title ? "title" : "body");
      key("boilerplate");
      boolean(p.boilerplate);
      out_.push_back('}');
    }
    out_.push_back(']');
    key("sentences");
    out_.push_back('[');
    for (std::size_t i = 0; i < doc_.sentences.size(); ++i) {
      const auto& s = doc_.sentences[i];
      const Span span = doc_.span_of(s);
      open(i);
      key("start");
      num(cp(span.start));
      key("end");
      num(cp(span.end));
      key("paragraph");
      num(s.paragraph);
      out_.push_back('}');
    }
    out_.push_back(']');
    key("mentions");
    out_.push_back('[');
    for (std::size_t i = 0; i < doc_.mentions.size(); ++i) {
      const auto& m = doc_.mentions[i];
      open(i);
      span_fields(m.start, m.end);
      key("type");
      str(m.type);
      key("kind");
      str(m.kind == MentionKind::Name ? "name" : m.kind == MentionKind::Nominal ? "nominal" : "pronoun");
      key("entity");
      index(m.entity);
      key("sentence");
      index(m.sentence);
      key("actor");
      code(m.actor);
      if (!m.role.empty()) {
        key("role");
        str(m.role);
      }
      if (m.geo) {
        key("geo");
        geo(*m.geo);
      }
      out_.push_back('}');
    }
    out_.push_back(']');
    key("entities");
    out_.push_back('[');
    for (std::size_t i = 0; i < doc_.entities.size(); ++i) {
      const auto& e = doc_.entities[i];
      open(i);
      key("id");
      str(e.id);
      key("name");
      str(e.name);
      key("type");
      str(e.type);
      key("actor");
      code(e.actor);
      key("country");
      code(e.country);
      key("mentions");
      out_.push_back('[');
      for (std::size_t k = 0; k < e.mentions.size(); ++k) {
        if (k) out_.push_back(',');
        num(e.mentions[k]);
      }
      out_.push_back(']');
      if (!e.role.empty()) {
        key("role");
        str(e.role);
      }
      if (e.geo) {
        key("geo");
        geo(*e.geo);
      }
      out_.push_back('}');
    }
    out_.push_back(']');
    key("statements");
    out_.push_back('[');
    for (std::size_t i = 0; i < doc_.statements.size(); ++i) {
      const auto& s = doc_.statements[i];
      open(i);
      key("source");
      argument(s.source);
      key("act");
      str(s.act);
      key("cameo");
      code(s.cameo);
      key("plover");
      code(s.plover);
      key("target");
      if (s.target)
        argument(*s.target);
      else
        out_.append("null");
      key("trigger");
      out_.push_back('{');
      first_ = true;
      span_fields(s.trigger.start, s.trigger.end);
      out_.push_back('}');
      key("content");
      if (s.content) {
        out_.push_back('{');
        first_ = true;
        span_fields(s.content->start, s.content->end);
        out_.push_back('}');
      } else
        out_.append("null");
      key("quote");
      boolean(s.quote);
      key("negated");
      boolean(s.negated);
      key("sentence");
      index(s.sentence);
      out_.push_back('}');
    }
    out_.push_back(']');
    if (options_.tokens) {
      key("tokens");
      out_.push_back('[');
      for (std::size_t i = 0; i < doc_.tokens.size(); ++i) {
        if (i) out_.push_back(',');
        out_.push_back('[');
        num(cp(doc_.tokens[i].start));
        out_.push_back(',');
        num(cp(doc_.tokens[i].end()));
        out_.push_back(']');
      }
      out_.push_back(']');
    }
    out_.push_back('}');
    if (sink_) {
      (*sink_)(out_);
      out_.clear();
    }
    return std::move(out_);
  }

 private:
  std::size_t cp(std::uint32_t byte) const { return map_.to_codepoints(byte); }

  // Hands the output so far to the sink once a piece is full (between two
  // objects of a list, so pieces end anywhere but the record is unchanged).
  void spill() {
    if (sink_ && out_.size() >= kChunk) {
      (*sink_)(out_);
      out_.clear();
    }
  }
  void open(std::size_t i) {
    spill();
    if (i) out_.push_back(',');
    out_.push_back('{');
    first_ = true;
  }
  void key(const char* k) {
    if (!first_) out_.push_back(',');
    first_ = false;
    out_.push_back('"');
    out_.append(k);
    out_.append("\":");
  }
  void num(std::int64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
  }
  void num_double(double v) {
    // nlohmann's shortest round-trip form ("38.895", not "38.89500000000000").
    out_.append(ordered_json(v).dump());
  }
  void boolean(bool b) { out_.append(b ? "true" : "false"); }
  void index(std::int32_t i) {
    if (i >= 0)
      num(i);
    else
      out_.append("null");
  }
  void code(const std::string& c) {
    if (c.empty())
      out_.append("null");
    else
      str(c);
  }
  void opt(const std::optional<std::string>& s) {
    if (s)
      checked_str(*s);
    else
      out_.append("null");
  }
  // A metadata field that may hold bytes that are not UTF-8 (an id taken from
  // a file name that is not): each such byte 0xNN is written as the escape
  // \udcNN, the lone surrogate that Python's surrogateescape (os.fsdecode)
  // gives for it, so that json.loads returns the name os.fsdecode would.
  void checked_str(std::string_view s) {
    if (!utf8::first_invalid(s)) return str(s);
    out_.push_back('"');
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size();) {
      std::size_t next = i;
      const char32_t c = utf8::decode(s, next);
      if (c == 0xFFFD && next - i == 1) {  // a byte that starts no valid sequence
        str_body(s.substr(run, i - run));
        static const char* hex = "0123456789abcdef";
        const auto b = static_cast<unsigned char>(s[i]);
        out_.append("\\udc");
        out_.push_back(hex[b >> 4]);
        out_.push_back(hex[b & 15]);
        run = next;
      }
      i = next;
    }
    str_body(s.substr(run));
    out_.push_back('"');
  }
  void str(std::string_view s) {
    out_.push_back('"');
    // A long string (the text) in slices, each handed on as it is written:
    // the pieces may cut a character, the stream of bytes is the same.
    while (sink_ && s.size() > kChunk) {
      str_body(s.substr(0, kChunk));
      s.remove_prefix(kChunk);
      spill();
    }
    str_body(s);
    out_.push_back('"');
  }
  // The escaped characters of a JSON string, without the quotation marks.
  void str_body(std::string_view s) {
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.substr(run, i - run));
      run = i + 1;
      switch (c) {
        case '"':
          out_.append("\\\"");
          break;
        case '\\':
          out_.append("\\\\");
          break;
        case '\n':
          out_.append("\\n");
          break;
        case '\r':
          out_.append("\\r");
          break;
        case '\t':
          out_.append("\\t");
          break;
        case '\b':
          out_.append("\\b");
          break;
        case '\f':
          out_.append("\\f");
          break;
        default: {
          static const char* hex = "0123456789abcdef";
          out_.append("\\u00");
          out_.push_back(hex[c >> 4]);
          out_.push_back(hex[c & 15]);
        }
      }
    }
    out_.append(s.substr(run));
  }
  void span_fields(std::uint32_t s, std::uint32_t e) {
    key("start");
    num(cp(s));
    key("end");
    num(cp(e));
    key("text");
    str(std::string_view(doc_.text).substr(s, e - s));
  }
  void argument(const Argument& a) {
    out_.push_back('{');
    first_ = true;
    key("entity");
    index(a.entity);
    key("actor");
    code(a.actor);
    span_fields(a.start, a.end);
    out_.push_back('}');
  }
  void geo(const Geo& g) {
    out_.push_back('{');
    first_ = true;
    key("name");
    str(g.name);
    key("country");
    str(g.country);
    key("feature");
    str(g.feature);
    if (g.has_point) {
      key("lat");
      num_double(g.lat);
      key("lon");
      num_double(g.lon);
    }
    if (g.geonameid) {
      key("geonameid");
      num(g.geonameid);
    }
    if (g.population) {
      key("population");
      num(g.population);
    }
    if (!g.admin1.empty()) {
      key("admin1");
      str(g.admin1);
    }
    out_.push_back('}');
  }

  const Document& doc_;
  utf8::OffsetMap map_;
  const WriteOptions& options_;
  const JsonSink* sink_;
  std::string out_;
  bool first_ = true;
};

}  // namespace

// One writer: the record is written once, as text; pretty printing parses
// that text, so the two forms can never disagree.
std::string to_json(const Document& doc, int indent, const WriteOptions& options) {
  std::string line = StreamWriter(doc, options).run();
  if (indent < 0) return line;
  return ordered_json::parse(line).dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

void write_json(const Document& doc, const JsonSink& sink, const WriteOptions& options) {
  StreamWriter(doc, options, &sink).run();
}

}  // namespace standpoints

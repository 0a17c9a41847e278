#include "standpoints/json.hpp"

#include "standpoints/utf8.hpp"

namespace standpoints {

namespace {

ordered_json nullable(const std::optional<std::string>& s) { return s ? ordered_json(*s) : ordered_json(nullptr); }

struct Writer {
  const Document& doc;
  utf8::OffsetMap map;

  std::size_t cp(std::uint32_t byte) const { return map.to_codepoints(byte); }

  std::string slice(std::uint32_t s, std::uint32_t e) const { return doc.text.substr(s, e - s); }

  ordered_json span(std::uint32_t s, std::uint32_t e) const {
    ordered_json j;
    j["start"] = cp(s);
    j["end"] = cp(e);
    j["text"] = slice(s, e);
    return j;
  }

  static ordered_json geo(const Geo& g) {
    ordered_json j;
    j["name"] = g.name;
    j["country"] = g.country;
    j["feature"] = g.feature;
    if (g.has_point) {
      j["lat"] = g.lat;
      j["lon"] = g.lon;
    }
    if (g.geonameid) j["geonameid"] = g.geonameid;
    if (g.population) j["population"] = g.population;
    if (!g.admin1.empty()) j["admin1"] = g.admin1;
    return j;
  }

  ordered_json argument(const Argument& a) const {
    ordered_json j;
    j["entity"] = a.entity >= 0 ? ordered_json(a.entity) : ordered_json(nullptr);
    j["actor"] = a.actor.empty() ? ordered_json(nullptr) : ordered_json(a.actor);
    j["start"] = cp(a.start);
    j["end"] = cp(a.end);
    j["text"] = slice(a.start, a.end);
    return j;
  }

  static const char* kind_name(MentionKind k) {
    switch (k) {
      case MentionKind::Name: return "name";
      case MentionKind::Nominal: return "nominal";
      case MentionKind::Pronoun: return "pronoun";
    }
    return "name";
  }

  ordered_json record(const WriteOptions& options) const {
    ordered_json j;
    j["id"] = doc.id;
    j["title"] = nullable(doc.title);
    j["date"] = nullable(doc.date);
    j["url"] = nullable(doc.url);
    j["source"] = nullable(doc.source);
    j["text"] = doc.text;
    auto& paragraphs = j["paragraphs"] = ordered_json::array();
    for (const auto& p : doc.paragraphs) {
      ordered_json pj;
      pj["start"] = cp(p.start);
      pj["end"] = cp(p.end);
      pj["kind"] = p.title ? "title" : "body";
      pj["boilerplate"] = p.boilerplate;
      paragraphs.push_back(std::move(pj));
    }
    auto& sentences = j["sentences"] = ordered_json::array();
    for (const auto& s : doc.sentences) {
      ordered_json sj;
      sj["start"] = cp(s.start);
      sj["end"] = cp(s.end);
      sj["paragraph"] = s.paragraph;
      sentences.push_back(std::move(sj));
    }
    auto& mentions = j["mentions"] = ordered_json::array();
    for (const auto& m : doc.mentions) {
      ordered_json mj = span(m.start, m.end);
      mj["type"] = m.type;
      mj["kind"] = kind_name(m.kind);
      mj["entity"] = m.entity >= 0 ? ordered_json(m.entity) : ordered_json(nullptr);
      mj["sentence"] = m.sentence >= 0 ? ordered_json(m.sentence) : ordered_json(nullptr);
      mj["actor"] = m.actor.empty() ? ordered_json(nullptr) : ordered_json(m.actor);
      if (!m.role.empty()) mj["role"] = m.role;
      if (m.geo) mj["geo"] = geo(*m.geo);
      mentions.push_back(std::move(mj));
    }
    auto& entities = j["entities"] = ordered_json::array();
    for (const auto& e : doc.entities) {
      ordered_json ej;
      ej["id"] = e.id;
      ej["name"] = e.name;
      ej["type"] = e.type;
      ej["actor"] = e.actor.empty() ? ordered_json(nullptr) : ordered_json(e.actor);
      ej["country"] = e.country.empty() ? ordered_json(nullptr) : ordered_json(e.country);
      ej["mentions"] = e.mentions;
      if (!e.role.empty()) ej["role"] = e.role;
      if (e.geo) ej["geo"] = geo(*e.geo);
      entities.push_back(std::move(ej));
    }
    auto& statements = j["statements"] = ordered_json::array();
    for (const auto& s : doc.statements) {
      ordered_json sj;
      sj["source"] = argument(s.source);
      sj["act"] = s.act;
      sj["cameo"] = s.cameo.empty() ? ordered_json(nullptr) : ordered_json(s.cameo);
      sj["target"] = s.target ? argument(*s.target) : ordered_json(nullptr);
      sj["trigger"] = span(s.trigger.start, s.trigger.end);
      sj["content"] = s.content ? span(s.content->start, s.content->end) : ordered_json(nullptr);
      sj["quote"] = s.quote;
      sj["negated"] = s.negated;
      sj["sentence"] = s.sentence >= 0 ? ordered_json(s.sentence) : ordered_json(nullptr);
      statements.push_back(std::move(sj));
    }
    if (options.tokens) {
      auto& tokens = j["tokens"] = ordered_json::array();
      for (const auto& t : doc.tokens) tokens.push_back({cp(t.start), cp(t.end)});
    }
    return j;
  }
};

}  // namespace

ordered_json to_record(const Document& doc, const WriteOptions& options) {
  Writer w{doc, utf8::OffsetMap(doc.text)};
  return w.record(options);
}

std::string to_json(const Document& doc, int indent, const WriteOptions& options) {
  return to_record(doc, options).dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace standpoints

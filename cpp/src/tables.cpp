#include "standpoints/tables.hpp"

#include <cstring>

#include "standpoints/utf8.hpp"

namespace standpoints {

// ---- Column

void Column::next_row(bool valid) {
  if ((length_ & 7) == 0) validity_.push_back(0);
  if (valid)
    validity_.back() = static_cast<std::uint8_t>(validity_.back() | (1u << (length_ & 7)));
  else
    ++null_count_;
  ++length_;
}

void Column::push_null() {
  switch (type_) {
    case ColumnType::Int64:
    case ColumnType::Float64:
      values_.resize(values_.size() + 8, 0);
      break;
    case ColumnType::Bool:
      if ((length_ & 7) == 0) values_.push_back(0);
      break;
    case ColumnType::String:
      offsets_.push_back(static_cast<std::int64_t>(data_.size()));
      break;
  }
  next_row(false);
}

void Column::push(std::int64_t v) {
  const auto at = values_.size();
  values_.resize(at + 8);
  std::memcpy(values_.data() + at, &v, 8);
  next_row(true);
}

void Column::push(double v) {
  const auto at = values_.size();
  values_.resize(at + 8);
  std::memcpy(values_.data() + at, &v, 8);
  next_row(true);
}

void Column::push(bool v) {
  if ((length_ & 7) == 0) values_.push_back(0);
  if (v) values_.back() = static_cast<std::uint8_t>(values_.back() | (1u << (length_ & 7)));
  next_row(true);
}

void Column::push(std::string_view v) {
  data_.append(v);
  offsets_.push_back(static_cast<std::int64_t>(data_.size()));
  next_row(true);
}

namespace {

constexpr auto I = ColumnType::Int64;
constexpr auto F = ColumnType::Float64;
constexpr auto B = ColumnType::Bool;
constexpr auto S = ColumnType::String;

// What the writers of one document share: its id, text and offset map.
struct Source {
  const Document& doc;
  std::string_view id;
  utf8::OffsetMap map;
  std::vector<std::int32_t> paragraph_of_sentence;

  Source(const Document& d, std::string_view doc_id) : doc(d), id(doc_id), map(d.text) {
    paragraph_of_sentence.reserve(d.sentences.size());
    for (const auto& s : d.sentences) paragraph_of_sentence.push_back(static_cast<std::int32_t>(s.paragraph));
  }
  std::int64_t cp(std::uint32_t byte) const { return static_cast<std::int64_t>(map.to_codepoints(byte)); }
  std::string_view slice(std::uint32_t start, std::uint32_t end) const {
    return std::string_view(doc.text).substr(start, end - start);
  }
  std::int64_t paragraph(std::int32_t sentence) const {
    return sentence >= 0 && static_cast<std::size_t>(sentence) < paragraph_of_sentence.size()
               ? paragraph_of_sentence[static_cast<std::size_t>(sentence)]
               : -1;
  }
  const Entity* entity(std::int32_t index) const {
    return index >= 0 && static_cast<std::size_t>(index) < doc.entities.size()
               ? &doc.entities[static_cast<std::size_t>(index)]
               : nullptr;
  }
};

void push_opt(Column& c, const std::optional<std::string>& v) { v ? c.push(std::string_view(*v)) : c.push_null(); }

struct GeoColumns {
  Column name{"geo_name", S}, country{"geo_country", S}, feature{"geo_feature", S}, admin1{"geo_admin1", S},
      lat{"lat", F}, lon{"lon", F}, geonameid{"geonameid", I}, population{"population", I};

  void push(const Geo* g) {
    if (!g) {
      for (Column* c : {&name, &country, &feature, &admin1, &lat, &lon, &geonameid, &population}) c->push_null();
      return;
    }
    name.push_code(g->name);
    country.push_code(g->country);
    feature.push_code(g->feature);
    admin1.push_code(g->admin1);
    g->has_point ? lat.push(g->lat) : lat.push_null();
    g->has_point ? lon.push(g->lon) : lon.push_null();
    g->geonameid ? geonameid.push(g->geonameid) : geonameid.push_null();
    g->population ? population.push(g->population) : population.push_null();
  }
  void move_into(std::vector<Column>& out) {
    for (Column* c : {&name, &country, &feature, &admin1, &lat, &lon, &geonameid, &population})
      out.push_back(std::move(*c));
  }
};

// A statement's source or target: the entity it resolves to (index, id, canonical name) and the words.
struct ArgumentColumns {
  Column entity, entity_id, name, actor, text, start, end;

  explicit ArgumentColumns(const std::string& p)
      : entity(p + "_entity", I),
        entity_id(p + "_entity_id", S),
        name(p + "_name", S),
        actor(p + "_actor", S),
        text(p + "_text", S),
        start(p + "_start", I),
        end(p + "_end", I) {}

  void push(const Source& src, const Argument* a) {
    if (!a) {
      for (Column* c : {&entity, &entity_id, &name, &actor, &text, &start, &end}) c->push_null();
      return;
    }
    const Entity* e = src.entity(a->entity);
    entity.push_index(e ? a->entity : -1);
    e ? entity_id.push(std::string_view(e->id)) : entity_id.push_null();
    e ? name.push(std::string_view(e->name)) : name.push_null();
    actor.push_code(a->actor);
    text.push(src.slice(a->start, a->end));
    start.push(src.cp(a->start));
    end.push(src.cp(a->end));
  }
  void move_into(std::vector<Column>& out) {
    for (Column* c : {&entity, &entity_id, &name, &actor, &text, &start, &end}) out.push_back(std::move(*c));
  }
};

struct DocumentTable {
  bool with_text;
  Column doc_id{"doc_id", S}, title{"title", S}, date{"date", S}, url{"url", S}, source{"source", S}, text{"text", S},
      n_paragraphs{"n_paragraphs", I}, n_sentences{"n_sentences", I}, n_mentions{"n_mentions", I},
      n_entities{"n_entities", I}, n_statements{"n_statements", I};

  void add(const Source& src) {
    const Document& d = src.doc;
    doc_id.push(src.id);
    push_opt(title, d.title);
    push_opt(date, d.date);
    push_opt(url, d.url);
    push_opt(source, d.source);
    if (with_text) text.push(std::string_view(d.text));
    n_paragraphs.push(static_cast<std::int64_t>(d.paragraphs.size()));
    n_sentences.push(static_cast<std::int64_t>(d.sentences.size()));
    n_mentions.push(static_cast<std::int64_t>(d.mentions.size()));
    n_entities.push(static_cast<std::int64_t>(d.entities.size()));
    n_statements.push(static_cast<std::int64_t>(d.statements.size()));
  }
  Table finish() {
    Table t{"documents", {}};
    for (Column* c : {&doc_id, &title, &date, &url, &source}) t.columns.push_back(std::move(*c));
    if (with_text) t.columns.push_back(std::move(text));
    for (Column* c : {&n_paragraphs, &n_sentences, &n_mentions, &n_entities, &n_statements})
      t.columns.push_back(std::move(*c));
    return t;
  }
};

struct MentionTable {
  Column doc_id{"doc_id", S}, mention{"mention", I}, start{"start", I}, end{"end", I}, text{"text", S}, type{"type", S},
      kind{"kind", S}, sentence{"sentence", I}, paragraph{"paragraph", I}, entity{"entity", I},
      entity_id{"entity_id", S}, entity_name{"entity_name", S}, actor{"actor", S}, role{"role", S};
  GeoColumns geo;

  void add(const Source& src) {
    const auto& ms = src.doc.mentions;
    for (std::size_t i = 0; i < ms.size(); ++i) {
      const Mention& m = ms[i];
      doc_id.push(src.id);
      mention.push(static_cast<std::int64_t>(i));
      start.push(src.cp(m.start));
      end.push(src.cp(m.end));
      text.push(src.slice(m.start, m.end));
      type.push(std::string_view(m.type));
      kind.push(std::string_view(m.kind == MentionKind::Name      ? "name"
                                 : m.kind == MentionKind::Nominal ? "nominal"
                                                                  : "pronoun"));
      sentence.push_index(m.sentence);
      paragraph.push_index(src.paragraph(m.sentence));
      const Entity* e = src.entity(m.entity);
      entity.push_index(e ? m.entity : -1);
      e ? entity_id.push(std::string_view(e->id)) : entity_id.push_null();
      e ? entity_name.push(std::string_view(e->name)) : entity_name.push_null();
      actor.push_code(m.actor);
      role.push_code(m.role);
      geo.push(m.geo.get());
    }
  }
  Table finish() {
    Table t{"mentions", {}};
    for (Column* c : {&doc_id, &mention, &start, &end, &text, &type, &kind, &sentence, &paragraph, &entity, &entity_id,
                      &entity_name, &actor, &role})
      t.columns.push_back(std::move(*c));
    geo.move_into(t.columns);
    return t;
  }
};

struct EntityTable {
  Column doc_id{"doc_id", S}, entity{"entity", I}, entity_id{"entity_id", S}, name{"name", S}, type{"type", S},
      actor{"actor", S}, country{"country", S}, role{"role", S}, n_mentions{"n_mentions", I},
      first_start{"first_start", I};
  GeoColumns geo;

  void add(const Source& src) {
    const auto& es = src.doc.entities;
    for (std::size_t i = 0; i < es.size(); ++i) {
      const Entity& e = es[i];
      doc_id.push(src.id);
      entity.push(static_cast<std::int64_t>(i));
      entity_id.push(std::string_view(e.id));
      name.push(std::string_view(e.name));
      type.push(std::string_view(e.type));
      actor.push_code(e.actor);
      country.push_code(e.country);
      role.push_code(e.role);
      n_mentions.push(static_cast<std::int64_t>(e.mentions.size()));
      std::int64_t first = -1;
      for (auto k : e.mentions)
        if (k >= 0 && static_cast<std::size_t>(k) < src.doc.mentions.size()) {
          const auto s = src.cp(src.doc.mentions[static_cast<std::size_t>(k)].start);
          if (first < 0 || s < first) first = s;
        }
      first_start.push_index(first);
      geo.push(e.geo.get());
    }
  }
  Table finish() {
    Table t{"entities", {}};
    for (Column* c : {&doc_id, &entity, &entity_id, &name, &type, &actor, &country, &role, &n_mentions, &first_start})
      t.columns.push_back(std::move(*c));
    geo.move_into(t.columns);
    return t;
  }
};

struct StatementTable {
  Column doc_id{"doc_id", S}, date{"date", S}, statement{"statement", I}, sentence{"sentence", I},
      paragraph{"paragraph", I}, act{"act", S}, cameo{"cameo", S}, plover{"plover", S};
  ArgumentColumns source{"source"}, target{"target"};
  Column trigger{"trigger", S}, trigger_start{"trigger_start", I}, trigger_end{"trigger_end", I}, content{"content", S},
      content_start{"content_start", I}, content_end{"content_end", I}, quote{"quote", B}, negated{"negated", B};

  void add(const Source& src) {
    const auto& ss = src.doc.statements;
    for (std::size_t i = 0; i < ss.size(); ++i) {
      const Statement& s = ss[i];
      doc_id.push(src.id);
      push_opt(date, src.doc.date);
      statement.push(static_cast<std::int64_t>(i));
      sentence.push_index(s.sentence);
      paragraph.push_index(src.paragraph(s.sentence));
      act.push(std::string_view(s.act));
      cameo.push_code(s.cameo);
      plover.push_code(s.plover);
      source.push(src, &s.source);
      target.push(src, s.target ? &*s.target : nullptr);
      trigger.push(src.slice(s.trigger.start, s.trigger.end));
      trigger_start.push(src.cp(s.trigger.start));
      trigger_end.push(src.cp(s.trigger.end));
      if (s.content) {
        content.push(src.slice(s.content->start, s.content->end));
        content_start.push(src.cp(s.content->start));
        content_end.push(src.cp(s.content->end));
      } else {
        content.push_null();
        content_start.push_null();
        content_end.push_null();
      }
      quote.push(s.quote);
      negated.push(s.negated);
    }
  }
  Table finish() {
    Table t{"statements", {}};
    for (Column* c : {&doc_id, &date, &statement, &sentence, &paragraph, &act, &cameo, &plover})
      t.columns.push_back(std::move(*c));
    source.move_into(t.columns);
    target.move_into(t.columns);
    for (Column* c : {&trigger, &trigger_start, &trigger_end, &content, &content_start, &content_end, &quote, &negated})
      t.columns.push_back(std::move(*c));
    return t;
  }
};

}  // namespace

std::vector<Table> to_tables(std::span<const Document* const> docs, const TableOptions& options) {
  DocumentTable documents{options.text};
  MentionTable mentions;
  EntityTable entities;
  StatementTable statements;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const Document& d = *docs[i];
    const std::string_view id = i < options.ids.size() ? std::string_view(options.ids[i]) : std::string_view(d.id);
    const Source src(d, id);
    documents.add(src);
    mentions.add(src);
    entities.add(src);
    statements.add(src);
  }
  std::vector<Table> out;
  out.push_back(documents.finish());
  out.push_back(mentions.finish());
  out.push_back(entities.finish());
  out.push_back(statements.finish());
  return out;
}

}  // namespace standpoints

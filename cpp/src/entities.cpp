#include "standpoints/entities.hpp"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <span>

#include "growth.hpp"
#include "standpoints/knowledge.hpp"
#include "standpoints/tsv.hpp"
#include "standpoints/utf8.hpp"

namespace standpoints {

// Literals compared with std::string members as views ("GPE"sv): GCC 12's
// std::string == const char* calls strlen and memcmp out of line; a view
// compares its length first and the bytes inline (13 M instructions per 1,000
// news articles in the finder and the geocoder).
using namespace std::string_view_literals;

namespace {

constexpr char kSep = '\x1f';

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::uint8_t parse_flags(std::string_view s, const tsv::Row* row) {
  std::uint8_t f = 0;
  for (auto part : tsv::split_list(s, ',')) {
    if (part == "seat")
      f |= kSeat;
    else if (part == "surname")
      f |= kSurname;
    else if (part == "family")
      f |= kFamilyFirst;
    else if (part == "media")
      f |= kMedia;
    else if (part == "igo")
      f |= kIgo;
    else if (part == "demonym")
      f |= kDemonym;
    else if (part == "generic")
      f |= kGeneric;
    else if (part == "optional")
      continue;
    else if (row)
      row->fail("unknown flag \"" + std::string(part) + "\" (seat, surname, family, media, igo, demonym, generic)");
  }
  return f;
}

bool valid_type(std::string_view t) {
  return t == "PERSON" || t == "ORG" || t == "GPE" || t == "LOC" || t == "NORP" || t == "LAW" || t == "EVENT";
}

bool valid_actor(std::string_view a) {
  if (a.empty()) return true;
  if (a.size() < 2 || a.size() > 24) return false;
  return std::all_of(a.begin(), a.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

// "vladimir-putin" from "Vladimir Putin".
std::string slug(std::string_view name) {
  std::string out;
  bool dash = false;
  for (char c : utf8::to_lower(name)) {
    const auto u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80) {
      out.push_back(c);
      dash = false;
    } else if (!dash && !out.empty()) {
      out.push_back('-');
      dash = true;
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// "VLADIMIR_PUTIN_" -> "Vladimir Putin"; keeps dotted initialisms ("U.S."),
// words of two letters and the words `known` as written ("NATO").
template <class Known>
std::string petrarch_name(std::string_view raw, Known known) {
  std::string s(raw);
  while (!s.empty() && (s.back() == '_' || s.back() == ' ')) s.pop_back();
  std::string out;
  bool start = true;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i] == '_' ? ' ' : s[i];
    if (c == ' ' || c == '-') {
      out.push_back(c);
      start = true;
      continue;
    }
    // Words with dots ("U.S.") or short all-capital acronyms keep their capitals.
    if (!start) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      out.push_back(c);
      continue;
    }
    std::size_t wend = s.find_first_of("_- ", i);
    if (wend == std::string::npos) wend = s.size();
    const std::string_view word(s.data() + i, wend - i);
    const bool keep = word.find('.') != std::string_view::npos || word.size() <= 2 || known(word);
    if (keep) {
      out.append(word);
      i = wend - 1;
      start = false;
      continue;
    }
    if (c >= 'A' && c <= 'Z' && !start) c = static_cast<char>(c + 32);
    out.push_back(c);
    start = false;
  }
  return out;
}

}  // namespace

std::int32_t date_number(std::string_view d, bool end_of_period) {
  d = utf8::strip(d);
  auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  auto num = [](std::string_view s) {
    std::int32_t v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
  };
  // A date that names no day of the calendar (2020-13-45, 2021-02-29) is no date.
  auto days_in = [](std::int32_t y, std::int32_t m) -> std::int32_t {
    static const std::int32_t days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return days[m - 1] + (m == 2 && leap ? 1 : 0);
  };
  auto checked = [&](std::int32_t y, std::int32_t m, std::int32_t day) -> std::int32_t {
    if (y < 1 || m < 1 || m > 12 || day < 1 || day > days_in(y, m)) return 0;
    return y * 10000 + m * 100 + day;
  };
  if (d.size() == 4 && digits(d)) return checked(num(d), end_of_period ? 12 : 1, end_of_period ? 31 : 1);
  if (d.size() == 7 && digits(d.substr(0, 4)) && d[4] == '-' && digits(d.substr(5, 2))) {
    const std::int32_t y = num(d.substr(0, 4)), m = num(d.substr(5, 2));
    if (m < 1 || m > 12) return 0;
    return checked(y, m, end_of_period ? days_in(y, m) : 1);
  }
  if (d.size() >= 10 && digits(d.substr(0, 4)) && d[4] == '-' && digits(d.substr(5, 2)) && d[7] == '-' &&
      digits(d.substr(8, 2)))
    return checked(num(d.substr(0, 4)), num(d.substr(5, 2)), num(d.substr(8, 2)));
  if (d.size() == 8 && digits(d)) return checked(num(d.substr(0, 4)), num(d.substr(4, 2)), num(d.substr(6, 2)));
  return 0;
}

// ---------------------------------------------------------------- ActorTable

void ActorTable::index_alias(std::uint32_t entry, std::string_view alias, bool user) {
  alias = utf8::strip(alias);
  if (alias.empty()) return;
  std::vector<Token>& toks = scratch_tokens_;
  toks.clear();
  const std::string text(alias);
  tokenize(text, 0, text.size(), rules_, toks);
  if (toks.empty() || toks.size() > 12) return;
  auto add_to = [&](StringMap<Node>& map, std::string_view text_source) {
    std::string key;
    for (std::size_t k = 0; k < toks.size(); ++k) {
      if (k && toks[k].space_before) key.push_back(' ');
      key.append(text_source.substr(toks[k].start, toks[k].end() - toks[k].start));
      Node& node = map[key];
      if (k + 1 < toks.size()) {
        node.prefix = true;
        continue;
      }
      if (node.list < 0) {
        node.list = static_cast<std::int32_t>(lists_.size());
        lists_.emplace_back();
      }
      auto& list = lists_[static_cast<std::size_t>(node.list)];
      if (std::find(list.begin(), list.end(), entry) != list.end()) return;
      if (user)
        list.insert(list.begin(), entry);  // the user's entries win
      else
        list.push_back(entry);
    }
  };
  add_to(exact_, text);
  const std::string folded = utf8::to_lower(text);
  add_to(folded_, folded);
  for (std::size_t k = 1; k < toks.size(); ++k)
    folded_tails_.emplace(std::string_view(folded).substr(toks[k].start, toks[k].end() - toks[k].start));
}

void ActorTable::add(const ActorSpec& spec, bool user, const std::string& where) {
  auto fail = [&](const std::string& reason) { throw KnowledgeError(where.empty() ? "<actor>" : where, 0, reason); };
  if (utf8::strip(spec.name).empty()) fail("an actor needs a name");
  if (!valid_type(spec.type)) fail("unknown type \"" + spec.type + "\" (PERSON, ORG, GPE, LOC, NORP, LAW, EVENT)");
  if (!valid_actor(spec.actor)) fail("actor code \"" + spec.actor + "\" must be capital letters (RUSGOV, NATO)");
  const std::string id = spec.id.empty() ? (user ? "user:" : "") + slug(spec.name) : spec.id;
  Office office{spec.actor, spec.from.empty() ? 0 : date_number(spec.from),
                spec.to.empty() ? 99991231 : date_number(spec.to, true)};
  if ((!spec.from.empty() && office.from == 0) || (!spec.to.empty() && office.to == 0))
    fail("dates must be YYYY-MM-DD or YYYY");
  if (office.from > office.to) fail("\"from\" is after \"to\"");
  std::uint8_t flags = user ? kUser : 0;
  for (const auto& f : spec.flags) {
    const std::uint8_t bit = parse_flags(f, nullptr);
    if (!bit && f != "optional") fail("unknown flag \"" + f + "\"");
    flags |= bit;
  }
  std::uint32_t index;
  auto it = by_id_.find(id);
  if (it != by_id_.end() && (!user || (entries_[it->second].flags & kUser))) {
    index = it->second;
    ActorEntry& e = entries_[index];
    e.flags |= flags;
  } else {
    // A user's entry with a built-in id replaces it from now on.
    index = static_cast<std::uint32_t>(entries_.size());
    ActorEntry e;
    e.id = id;
    e.type = spec.type;
    e.name = std::string(utf8::strip(spec.name));
    e.country = spec.country;
    e.flags = flags;
    entries_.push_back(std::move(e));
    by_id_[id] = index;
  }
  ActorEntry& e = entries_[index];
  if (e.country.empty()) e.country = spec.country;
  if (!spec.actor.empty() || e.offices.empty()) e.offices.push_back(office);
  if (e.type == "PERSON"sv) {
    // Given names: the first word of a multi-word name ("Vladimir Putin").
    const std::string_view n = e.name;
    const auto sp = n.find(' ');
    if (sp != std::string_view::npos && sp >= 2 && n.find('.') > sp) given_names_.emplace(n.substr(0, sp));
    const auto last = n.rfind(' ');
    if ((e.flags & kSurname) && last != std::string_view::npos) {
      auto& people = surnames_[std::string(n.substr(last + 1))];
      if (people.empty() || people.back() != index) people.push_back(index);
    }
  }
  index_alias(index, spec.name, user);
  for (const auto& a : spec.aliases) index_alias(index, a, user);
}

void ActorTable::load_tsv(const std::string& path, bool user) {
  tsv::read_file(path, {"id", "type", "name", "actor"}, [&](const tsv::Row& row) {
    ActorSpec spec;
    spec.id = std::string(row.get("id"));
    spec.type = std::string(row.get("type"));
    spec.name = std::string(row.get("name"));
    spec.actor = std::string(row.get("actor"));
    spec.country = std::string(row.get("country"));
    spec.from = std::string(row.get("from"));
    spec.to = std::string(row.get("to"));
    for (auto a : tsv::split_list(row.get("aliases"))) spec.aliases.emplace_back(a);
    for (auto f : tsv::split_list(row.get("flags"), ',')) spec.flags.emplace_back(f);
    try {
      add(spec, user, path);
    } catch (const KnowledgeError& e) {
      row.fail(e.reason());
    }
  });
}

void ActorTable::load_json(const std::string& path, bool user) { add_json(tsv::read_whole_file(path), path, user); }

void ActorTable::add_json(const std::string& text, const std::string& path, bool user) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    throw KnowledgeError(path, 0, "not valid JSON: " + what);
  }
  if (j.is_object() && j.contains("actors")) j = j["actors"];
  if (!j.is_array()) throw KnowledgeError(path, 0, "expected a list of actors (or {\"actors\": [...]})");
  std::size_t n = 0;
  for (const auto& a : j) {
    ++n;
    const std::string where = path + " (actor " + std::to_string(n) + ")";
    if (!a.is_object()) throw KnowledgeError(where, 0, "each actor must be an object");
    auto str = [&](const char* k) -> std::string {
      if (!a.contains(k) || a[k].is_null()) return "";
      if (!a[k].is_string()) throw KnowledgeError(where, 0, std::string("\"") + k + "\" must be a string");
      return a[k].get<std::string>();
    };
    auto list = [&](const char* k) {
      std::vector<std::string> out;
      if (!a.contains(k) || a[k].is_null()) return out;
      if (!a[k].is_array()) throw KnowledgeError(where, 0, std::string("\"") + k + "\" must be a list of strings");
      for (const auto& x : a[k]) {
        if (!x.is_string()) throw KnowledgeError(where, 0, std::string("\"") + k + "\" must be a list of strings");
        out.push_back(x.get<std::string>());
      }
      return out;
    };
    ActorSpec spec;
    spec.id = str("id");
    spec.name = str("name");
    spec.type = str("type");
    if (spec.type.empty()) spec.type = "PERSON";
    spec.actor = str("actor");
    spec.country = str("country");
    spec.from = str("from");
    spec.to = str("to");
    spec.aliases = list("aliases");
    spec.flags = list("flags");
    add(spec, user, where);
  }
}

// PETRARCH/TABARI actor dictionaries: a root phrase (words joined by '_'),
// '+' synonym lines, and indented "[CODE date-restriction]" lines, where the
// restriction is ">YYMMDD", "<YYMMDD" or "YYMMDD-YYMMDD" (or 8-digit years).
namespace {

// A PETRARCH date restriction's date (YYMMDD, YYYYMMDD; the first or the last
// day it names with `end`) as a date number.
std::int32_t petrarch_date(const std::string& path, std::string_view d, bool end, std::size_t line) {
  if (!std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw KnowledgeError(path, line, "cannot read date restriction \"" + std::string(d) + "\"");
  if (d.size() == 6) {
    int yy = (d[0] - '0') * 10 + (d[1] - '0');
    int year = yy <= 30 ? 2000 + yy : 1900 + yy;
    const std::int32_t n =
        date_number(std::to_string(year) + "-" + std::string(d.substr(2, 2)) + "-" + std::string(d.substr(4, 2)), end);
    if (!n) throw KnowledgeError(path, line, "no such date \"" + std::string(d) + "\"");
    return n;
  }
  if (d.size() == 8) {
    if (const std::int32_t n = date_number(d, end)) return n;
    throw KnowledgeError(path, line, "no such date \"" + std::string(d) + "\"");
  }
  if (d.size() == 7) {  // a known typo form in the wild: YYYYMDD; read the year only
    return date_number(d.substr(0, 4), end);
  }
  throw KnowledgeError(path, line, "cannot read date restriction \"" + std::string(d) + "\"");
}

// A date number as YYYY-MM-DD.
std::string iso_date(std::int32_t n) {
  return std::to_string(n / 10000) + "-" + (n / 100 % 100 < 10 ? "0" : "") + std::to_string(n / 100 % 100) + "-" +
         (n % 100 < 10 ? "0" : "") + std::to_string(n % 100);
}

// The from and to dates of a restriction ">120101", "<120101", "120101-130101".
void set_petrarch_dates(ActorSpec& spec, std::string_view r, const std::string& path, std::size_t line) {
  std::int32_t from = 0, to = 99991231;
  if (r[0] == '>')
    from = petrarch_date(path, r.substr(1), false, line);
  else if (r[0] == '<')
    to = petrarch_date(path, r.substr(1), true, line);
  else if (auto dash = r.find('-'); dash != std::string_view::npos) {
    from = petrarch_date(path, r.substr(0, dash), false, line);
    to = petrarch_date(path, r.substr(dash + 1), true, line);
  }
  spec.from = from ? iso_date(from) : "";
  spec.to = to != 99991231 ? iso_date(to) : "";
}

// One actor of a PETRARCH dictionary: its name line, synonyms and codes.
struct PetrarchActor {
  std::string name;
  std::vector<std::string> aliases;
  std::vector<std::pair<std::string, std::string>> codes;  // code, restriction
  std::size_t line = 0;
};

// The actor as table rows: one per code (a person when several codes or dated ones).
std::vector<ActorSpec> petrarch_specs(PetrarchActor& cur, bool user, const std::string& path) {
  const bool is_person = cur.codes.size() > 1 ||
                         std::any_of(cur.codes.begin(), cur.codes.end(), [](auto& c) { return !c.second.empty(); });
  if (cur.codes.empty()) cur.codes.emplace_back("", "");
  std::vector<ActorSpec> specs;
  for (const auto& [code, restriction] : cur.codes) {
    ActorSpec spec;
    spec.id = (user ? "user:" : "") + slug(cur.name);
    spec.name = cur.name;
    spec.type = is_person ? "PERSON" : (code.size() == 3 ? "GPE" : "ORG");
    spec.actor = code;
    spec.country = code.size() >= 3 && code.substr(0, 3) != "IGO" ? code.substr(0, 3) : "";
    if (specs.empty()) spec.aliases = cur.aliases;
    if (!restriction.empty()) set_petrarch_dates(spec, restriction, path, cur.line);
    spec.flags = is_person ? std::vector<std::string>{"surname"} : std::vector<std::string>{};
    specs.push_back(std::move(spec));
  }
  return specs;
}

// One "[CODE]" or "[CODE >120101]" of a line: the code and its restriction.
std::pair<std::string, std::string> petrarch_code(std::string_view inside, const std::string& path, std::size_t line) {
  inside = utf8::strip(inside);
  std::string code(inside.substr(0, inside.find(' ')));
  std::string restriction;
  if (auto sp = inside.find(' '); sp != std::string_view::npos)
    restriction = std::string(utf8::strip(inside.substr(sp + 1)));
  if (restriction.find_first_not_of("0123456789<>-") != std::string::npos)
    throw KnowledgeError(path, line, "cannot read date restriction \"" + restriction + "\"");
  if (!code.empty() && code[0] == '~') code = code.substr(1);  // agent-style codes
  if (!valid_actor(code)) throw KnowledgeError(path, line, "bad actor code \"" + code + "\"");
  return {std::move(code), std::move(restriction)};
}

}  // namespace

void ActorTable::load_petrarch(const std::string& path, bool user) {
  const std::string text = tsv::read_whole_file(path);
  if (auto bad = utf8::first_invalid(text))
    throw KnowledgeError(path, 0, "invalid UTF-8 at byte offset " + std::to_string(*bad));
  // Words that some actor loaded so far is called, as written ("NATO"), keep their capitals.
  const auto known = [&](std::string_view word) { return lookup_phrase(word) != nullptr; };
  PetrarchActor cur;
  auto flush = [&] {
    if (cur.name.empty()) return;
    for (const ActorSpec& spec : petrarch_specs(cur, user, path)) {
      try {
        add(spec, user, path);
      } catch (const KnowledgeError& e) {
        throw KnowledgeError(path, cur.line, e.reason());
      }
    }
    cur = PetrarchActor{};
  };
  std::size_t pos = 0, line = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view l(text.data() + pos, nl - pos);
    pos = nl + 1;
    ++line;
    if (auto hash = l.find('#'); hash != std::string_view::npos) l = l.substr(0, hash);
    const bool indented = !l.empty() && (l[0] == '\t' || l[0] == ' ');
    l = utf8::strip(l);
    if (l.empty()) continue;
    if (l[0] == '+') {
      if (cur.name.empty()) throw KnowledgeError(path, line, "synonym line before any actor");
      cur.aliases.push_back(petrarch_name(l.substr(1), known));
      continue;
    }
    // Codes: "[CODE]" or "[CODE >120101]" on their own (indented) line or after the name.
    std::string_view name_part = l;
    if (auto br = l.find('['); br != std::string_view::npos) {
      name_part = utf8::strip(l.substr(0, br));
      if (!indented && !name_part.empty()) flush();
      for (std::size_t p = br; p != std::string_view::npos && p < l.size();) {
        const std::size_t close = l.find(']', p);
        if (close == std::string_view::npos) throw KnowledgeError(path, line, "'[' without ']'");
        auto code = petrarch_code(l.substr(p + 1, close - p - 1), path, line);
        if (name_part.empty() && cur.name.empty()) throw KnowledgeError(path, line, "code line before any actor");
        if (!name_part.empty() && cur.name.empty()) {
          cur.name = petrarch_name(name_part, known);
          cur.line = line;
          name_part = {};
        }
        cur.codes.push_back(std::move(code));
        p = l.find('[', close);
      }
      continue;
    }
    if (indented && !cur.name.empty()) throw KnowledgeError(path, line, "expected '[CODE ...]' or '+SYNONYM'");
    flush();
    cur.name = petrarch_name(l, known);
    cur.line = line;
  }
  flush();
}

ActorTable ActorTable::load(const std::vector<std::string>& paths, const SegmenterRules& rules,
                            std::size_t builtin_files) {
  ActorTable t;
  t.rules_ = rules;
  // Room for the tables up front (about one row per 80 bytes, a few keys per
  // row): growing them one rehash at a time moves every key several times.
  std::size_t bytes = 0;
  for (const auto& p : paths) {
    std::error_code ec;
    const auto n = std::filesystem::file_size(p, ec);
    if (!ec) bytes += static_cast<std::size_t>(n);
  }
  const std::size_t rows = bytes / 80 + 16;
  t.entries_.reserve(rows);
  t.by_id_.reserve(rows);
  t.lists_.reserve(rows + rows / 4);
  t.exact_.reserve(rows * 2);
  t.folded_.reserve(rows * 2);
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const std::string& p = paths[i];
    const bool user = i >= builtin_files;
    if (ends_with(p, ".tsv"))
      t.load_tsv(p, user);
    else if (ends_with(p, ".json"))
      t.load_json(p, user);
    else
      t.load_petrarch(p, user);
  }
  return t;
}

const std::vector<std::uint32_t>* ActorTable::lookup_phrase(std::string_view key) const {
  auto it = exact_.find(key);
  return it == exact_.end() || it->second.list < 0 ? nullptr : &lists_[static_cast<std::size_t>(it->second.list)];
}

// Keys are token texts joined by one space where the text has whitespace
// and by nothing where tokens touch ("NATO-Russia Council"). Where the
// document's own spacing is exactly that, the key is a slice of the text and
// needs no copy.
namespace {

struct KeyBuilder {
  const Document& doc;
  std::string_view source;  // doc.text
  std::size_t first;
  // Made only for a key that is no slice of the text (most are): a string
  // made and destroyed at every match() cost a call each time.
  std::optional<std::string> buffer{};

  std::string_view key(std::size_t n) {
    const Token& a = doc.tokens[first];
    const Token& b = doc.tokens[first + n - 1];
    if (!buffer) {
      // Still a plain slice while every gap is one space (or none for touching tokens).
      const Token& last = doc.tokens[first + n - 1];
      bool plain = true;
      if (n >= 2) {
        const Token& prev = doc.tokens[first + n - 2];
        const std::size_t gap = last.start - prev.end();
        plain = last.space_before ? (gap == 1 && doc.text[prev.end()] == ' ') : gap == 0;
      }
      if (plain) return slice(a.start, b.end());
      buffer.emplace(slice(a.start, prev_end(n)));
    }
    if (b.space_before) buffer->push_back(' ');
    buffer->append(slice(b.start, b.end()));
    return *buffer;
  }
  std::size_t prev_end(std::size_t n) const { return doc.tokens[first + n - 2].end(); }
  // source[from, to) of token offsets, which lie within the text: a view made
  // directly, not by substr(), whose range check made it a call (236k calls
  // per 1,000 news articles).
  std::string_view slice(std::size_t from, std::size_t to) const { return {source.data() + from, to - from}; }
};

// The same keys lower-cased (for the folded trie), built token by token:
// only the few tokens tried are folded, never the whole text.
struct FoldedKeyBuilder {
  const Document& doc;
  std::size_t first;
  std::string buffer;

  std::string_view key(std::size_t n) {
    const Token& t = doc.tokens[first + n - 1];
    if (n == 1)
      buffer.clear();
    else if (t.space_before)
      buffer.push_back(' ');
    const std::string_view w = token_text(doc, t);
    const std::size_t at = buffer.size();
    buffer.resize(at + w.size());
    utf8::to_lower_same_length(w, buffer.data() + at);  // byte lengths kept
    return buffer;
  }
};

}  // namespace

std::size_t ActorTable::match(const Document& doc, std::size_t i, std::size_t end, bool folded,
                              std::uint32_t* entry) const {
  const Token& first = doc.tokens[i];
  std::size_t best = 0;
  if (folded) {
    FoldedKeyBuilder keys{doc, i, {}};
    for (std::size_t n = 1; i + n <= end; ++n) {
      auto it = folded_.find(keys.key(n));
      if (it == folded_.end()) break;
      if (it->second.list >= 0) {
        best = n;
        *entry = lists_[static_cast<std::size_t>(it->second.list)].front();
      }
      if (!it->second.prefix) break;
    }
    return best;
  }
  KeyBuilder keys{doc, doc.text, i};
  std::size_t n = 1;
  for (; i + n <= end; ++n) {
    auto it = exact_.find(keys.key(n));
    if (it == exact_.end()) break;
    if (it->second.list >= 0) {
      best = n;
      *entry = lists_[static_cast<std::size_t>(it->second.list)].front();
    }
    if (!it->second.prefix) {
      ++n;
      break;
    }
  }
  // Multi-word names whose later words are written in lower case ("NATO-Russia
  // council"): where the exact trie gave out on a lower-case word after two or
  // more tokens, go on in the folded trie; the first word must match as written.
  const std::size_t died = n;  // the exact trie had no key of `died` tokens
  if (died >= 2 && i + died <= end && doc.tokens[i + died - 1].shape == Shape::Lower &&
      (first.shape == Shape::Capitalized || first.shape == Shape::AllCaps) &&
      may_continue_folded(token_text(doc, doc.tokens[i + died - 1]))) {
    const std::string_view first_exact = token_text(doc, first);
    FoldedKeyBuilder fkeys{doc, i, {}};
    for (std::size_t m = 1; i + m <= end; ++m) {
      auto it = folded_.find(fkeys.key(m));
      if (it == folded_.end()) break;
      if (m >= died && it->second.list >= 0 && m > best) {
        for (std::uint32_t e : lists_[static_cast<std::size_t>(it->second.list)]) {
          if (entries_[e].name.compare(0, first_exact.size(), first_exact) == 0) {
            best = m;
            *entry = e;
            break;
          }
        }
      }
      if (!it->second.prefix) break;
    }
  }
  return best;
}

bool ActorTable::may_continue_folded(std::string_view word) const {
  char lower[64];
  if (word.size() > sizeof lower || !utf8::to_lower_same_length(word, lower)) return true;  // no quick answer
  return folded_tails_.find(std::string_view(lower, word.size())) != folded_tails_.end();
}

std::string ActorTable::actor_at(const ActorEntry& e, std::int32_t date) const {
  if (e.offices.empty()) return {};
  if (e.offices.size() == 1 && !e.offices[0].dated()) return e.offices[0].actor;
  const Office* best = nullptr;
  const Office* undated = nullptr;
  const Office* latest = nullptr;
  for (const auto& o : e.offices) {
    if (!o.dated()) {
      if (!o.actor.empty()) undated = &o;
      continue;
    }
    if (!latest || o.from > latest->from) latest = &o;
    if (date && o.from <= date && date <= o.to && (!best || o.from > best->from)) best = &o;
  }
  if (best) return best->actor;
  if (!date) return latest ? latest->actor : (undated ? undated->actor : std::string());
  if (undated) return undated->actor;
  // Out of office at the article's date: the person carries the country only.
  if (e.type == "PERSON"sv) return e.country;
  return latest ? latest->actor : std::string();
}

// ------------------------------------------------------------------ NameCues

void NameCues::add(Kind k, const std::string& cue, const std::string& role, const SegmenterRules& rules) {
  std::vector<Token> toks;
  tokenize(cue, 0, cue.size(), rules, toks);
  if (toks.size() > 1 && (k == kTitle || k == kRole)) {
    std::string key = std::to_string(k) + "|";
    for (std::size_t i = 0; i < toks.size(); ++i) {
      if (i) key.push_back(' ');
      key += utf8::to_lower(std::string_view(cue).substr(toks[i].start, toks[i].end() - toks[i].start));
    }
    phrases_[key] = role;
    const std::string first =
        utf8::to_lower(std::string_view(cue).substr(toks[0].start, toks[0].end() - toks[0].start));
    starts_filter_.add(first);
    phrase_starts_.insert(first);
    max_phrase_ = std::max(max_phrase_, toks.size());
    return;
  }
  kinds_[cue] |= k;
  kinds_filter_.add(cue);
  roles_[std::to_string(k) + "|" + cue] = role;
}

NameCues NameCues::load(const std::string& path, const std::string& agents_path, const SegmenterRules& rules) {
  static constexpr std::pair<std::string_view, Kind> kKinds[] = {{"title", kTitle},
                                                                 {"role", kRole},
                                                                 {"org_head", kOrgHead},
                                                                 {"org_first", kOrgFirst},
                                                                 {"law_tail", kLawTail},
                                                                 {"event_tail", kEventTail},
                                                                 {"stop", kStop},
                                                                 {"connector", kConnector},
                                                                 {"org_cue", kOrgCue},
                                                                 {"org_tail", kOrgTail},
                                                                 {"not_given", kNotGiven},
                                                                 {"gpe_tail", kGpeTail},
                                                                 {"loc_tail", kLocTail},
                                                                 {"fac_tail", kFacTail},
                                                                 {"particle", kParticle},
                                                                 {"state_style", kStateStyle},
                                                                 {"place_noun", kPlaceNoun},
                                                                 {"org_word", kOrgWord},
                                                                 {"place_before", kPlaceBefore},
                                                                 {"role_modifier", kRoleModifier},
                                                                 {"former", kFormer},
                                                                 {"seat", kSeatWord},
                                                                 {"name_suffix", kNameSuffix}};
  auto kind_of = [](const tsv::Row& row, std::string_view kind) {
    const auto* found =
        std::find_if(std::begin(kKinds), std::end(kKinds), [&](const auto& kv) { return kv.first == kind; });
    if (found == std::end(kKinds)) row.fail("unknown cue kind \"" + std::string(kind) + "\"");
    return found->second;
  };
  NameCues c;
  tsv::read_file(path, {"cue", "kind"}, [&](const tsv::Row& row) {
    const Kind k = kind_of(row, row.get("kind"));
    const std::string cue(utf8::strip(row.get("cue")));
    if (cue.empty()) row.fail("empty cue");
    c.add(k, cue, std::string(row.get("role")), rules);
  });
  // Titles, role nouns and organisation heads live with the other agent
  // words in agents.tsv (one table of word -> role); rows without a cue are
  // agent words the finder does not use.
  if (!agents_path.empty()) {
    tsv::read_file(agents_path, {"phrase", "role", "cue"}, [&](const tsv::Row& row) {
      const std::string phrase(utf8::strip(row.get("phrase")));
      if (phrase.empty()) row.fail("empty phrase");
      // The first role of a "GOV|MED" list is the one a word gives.
      const std::string_view roles = row.get("role");
      const std::string role(roles.substr(0, roles.find('|')));
      // Every row is an agent word; the first row of a phrase wins (the
      // generator writes the hand-written rows first).
      const Agent agent{role, row.get("kind") == "body" || row.get("kind") == "group"};
      c.add_agent(phrase, agent, rules);
      for (const auto form : tsv::split_list(row.get("forms"))) c.add_agent(form, agent, rules);
      const std::string_view cue_kind = row.get("cue");
      if (!cue_kind.empty()) c.add(kind_of(row, cue_kind), phrase, role, rules);
    });
  }
  return c;
}

void NameCues::add_agent(std::string_view phrase, Agent agent, const SegmenterRules& rules) {
  phrase = utf8::strip(phrase);
  if (phrase.empty()) return;
  // Tokenized as written ("Sen." is one token, "sen." need not be), then folded.
  std::vector<Token> toks;
  const std::string text(phrase);
  tokenize(text, 0, text.size(), rules, toks);
  if (toks.empty()) return;
  std::string key;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (i) key.push_back(' ');
    key += utf8::to_lower(std::string_view(text).substr(toks[i].start, toks[i].end() - toks[i].start));
  }
  agent_first_filter_.add(std::string_view(key).substr(0, key.find(' ')));
  if (toks.size() > 1) {
    agent_starts_.emplace(utf8::to_lower(std::string_view(text).substr(toks[0].start, toks[0].end() - toks[0].start)));
    max_agent_ = std::max(max_agent_, toks.size());
  }
  agents_.emplace(std::move(key), std::move(agent));  // the first row wins
}

std::size_t NameCues::agent_at(const Document& doc, std::size_t i, std::size_t end, const Agent** agent) const {
  if (i >= end || doc.tokens[i].kind != TokenKind::Word) return 0;
  // The folded phrase is built in a buffer on the stack: the readers of
  // context ask about every word near a name, and a heap string per question
  // cost more than the look-up. Words whose lower case changes length (rare)
  // take the general path.
  char buf[128];
  std::size_t len = 0;
  const auto append = [&](std::string_view w) {
    if (len + w.size() > sizeof buf || !utf8::to_lower_same_length(w, buf + len)) return false;
    len += w.size();
    return true;
  };
  if (!append(token_text(doc, doc.tokens[i]))) return agent_at_slow(doc, i, end, agent);
  if (!agent_first_filter_.may_contain(std::string_view(buf, len))) return 0;
  std::size_t best = 0;
  if (auto it = agents_.find(std::string_view(buf, len)); it != agents_.end()) {
    best = 1;
    *agent = &it->second;
  }
  if (max_agent_ <= 1 || agent_starts_.find(std::string_view(buf, len)) == agent_starts_.end()) return best;
  for (std::size_t n = 2; n <= max_agent_ && i + n <= end; ++n) {
    const Token& t = doc.tokens[i + n - 1];
    if (t.kind != TokenKind::Word || len + 1 > sizeof buf) break;
    buf[len++] = ' ';
    if (!append(token_text(doc, t))) return agent_at_slow(doc, i, end, agent);
    if (auto it = agents_.find(std::string_view(buf, len)); it != agents_.end()) {
      best = n;
      *agent = &it->second;
    }
  }
  return best;
}

std::size_t NameCues::agent_at_slow(const Document& doc, std::size_t i, std::size_t end, const Agent** agent) const {
  std::string key = utf8::to_lower(token_text(doc, doc.tokens[i]));
  std::size_t best = 0;
  if (auto it = agents_.find(key); it != agents_.end()) {
    best = 1;
    *agent = &it->second;
  }
  if (max_agent_ <= 1 || agent_starts_.find(key) == agent_starts_.end()) return best;
  for (std::size_t n = 2; n <= max_agent_ && i + n <= end; ++n) {
    const Token& t = doc.tokens[i + n - 1];
    if (t.kind != TokenKind::Word) break;
    key.push_back(' ');
    key += utf8::to_lower(token_text(doc, t));
    if (auto it = agents_.find(key); it != agents_.end()) {
      best = n;
      *agent = &it->second;
    }
  }
  return best;
}

// ---------------------------------------------------------------- PartyLabels

PartyLabels PartyLabels::load(const std::string& path, const ActorTable& actors) {
  PartyLabels p;
  tsv::read_file(path, {"label", "kind", "country"}, [&](const tsv::Row& row) {
    const std::string label(utf8::strip(row.get("label")));
    const std::string country(row.get("country"));
    if (label.empty()) row.fail("empty label");
    if (country.size() != 3) row.fail("country must be an ISO 3166-1 alpha-3 code");
    const std::string_view kind = row.get("kind");
    if (kind == "party") {
      Party party{country, -1, std::string(row.get("role"))};
      if (const std::string_view id = row.get("actor"); !id.empty()) {
        party.entry = actors.find_id(id);
        if (party.entry < 0) row.fail("no actor with id \"" + std::string(id) + "\" in the actors");
      }
      p.parties_[label] = std::move(party);
    } else if (kind == "region") {
      p.regions_.emplace(country + "|" + label);
      std::size_t tokens = 1;
      for (const char c : label) tokens += c == ' ';
      p.longest_region_ = std::max(p.longest_region_, tokens + 2);  // "W.Va." may split at its dots
    } else {
      row.fail("unknown kind \"" + std::string(kind) + "\" (party, region)");
    }
  });
  return p;
}

const PartyLabels::Party* PartyLabels::party(std::string_view label) const {
  const auto it = parties_.find(label);
  return it == parties_.end() ? nullptr : &it->second;
}

std::size_t PartyLabels::label_at(const Document& doc, std::size_t i, std::size_t end, const Party** party,
                                  std::size_t* region) const {
  // The letter, a hyphen glued on both sides, then the region.
  if (i + 2 >= end || parties_.empty()) return 0;
  const Token& hyphen = doc.tokens[i + 1];
  if (hyphen.space_before || doc.tokens[i + 2].space_before || token_text(doc, hyphen) != "-") return 0;
  const Party* p = this->party(token_text(doc, doc.tokens[i]));
  if (!p) return 0;
  std::string key = p->country + "|";
  const std::size_t prefix = key.size();
  std::size_t best = 0;
  for (std::size_t n = 1; n <= longest_region_ && i + 2 + n <= end; ++n) {
    const Token& t = doc.tokens[i + 1 + n];
    if (n > 1 && t.space_before) key.push_back(' ');
    key += token_text(doc, t);
    if (regions_.find(key) != regions_.end()) best = n;
    if (key.size() - prefix > 24) break;
  }
  if (!best) return 0;
  *party = p;
  *region = i + 2;
  return 2 + best;
}

void NameCues::add_word(std::string_view word, Kind kind) {
  kinds_[std::string(word)] |= kind;
  kinds_filter_.add(word);
}

namespace {

// The hashed look-ups behind the word filters of NameCues::kinds and
// starts_phrase, kept out of line: the filter answers for about half of the
// ~200,000 words asked per 1,000 news articles, which then return without
// the frame (saved registers) that the inlined look-up needed.
[[gnu::noinline]] std::uint32_t listed_kinds(const StringMap<std::uint32_t>& kinds, std::string_view word) {
  auto it = kinds.find(word);
  return it == kinds.end() ? 0 : it->second;
}

[[gnu::noinline]] bool starts_listed_phrase(const StringSet& starts, std::string_view word) {
  char lower[48];  // (the caller checked the size)
  for (std::size_t k = 0; k < word.size(); ++k)
    lower[k] = (word[k] >= 'A' && word[k] <= 'Z') ? static_cast<char>(word[k] + 32) : word[k];
  return starts.find(std::string_view(lower, word.size())) != starts.end();
}

}  // namespace

std::uint32_t NameCues::kinds(std::string_view word) const {
  if (!kinds_filter_.may_contain(word)) return 0;
  return listed_kinds(kinds_, word);
}

std::string_view NameCues::role(std::string_view word, Kind kind) const {
  char buf[80];
  const std::string prefix = std::to_string(kind);
  if (prefix.size() + 1 + word.size() > sizeof buf) return {};
  std::size_t n = 0;
  for (char c : prefix) buf[n++] = c;
  buf[n++] = '|';
  for (char c : word) buf[n++] = c;
  auto it = roles_.find(std::string_view(buf, n));
  return it == roles_.end() ? std::string_view{} : std::string_view(it->second);
}

bool NameCues::starts_phrase(std::string_view word) const {
  if (max_phrase_ <= 1 || word.size() > 48 || !starts_filter_.may_contain(word)) return false;
  return starts_listed_phrase(phrase_starts_, word);
}

void sort_mentions_by_start(std::vector<Mention>& mentions) {
  const auto by_start = [](const Mention& a, const Mention& b) { return a.start < b.start; };
  const auto sorted_end = std::is_sorted_until(mentions.begin(), mentions.end(), by_start);
  if (sorted_end == mentions.end()) return;
  // A sorted list with a few mentions appended (places decided at the end of
  // the finder, surnames added by the resolver): sort the tail and merge,
  // which moves only the mentions after the first insertion point.
  const auto head = static_cast<std::size_t>(sorted_end - mentions.begin());
  if (mentions.size() - head <= mentions.size() / 4) {
    std::sort(sorted_end, mentions.end(), by_start);
    std::inplace_merge(mentions.begin(), sorted_end, mentions.end(), by_start);
    return;
  }
  // (start, index) pairs sort without reaching into the mentions; the order
  // is then applied in place, cycle by cycle (no second list of mentions: a
  // huge document's mentions take hundreds of MB).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> order(mentions.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = {mentions[i].start, i};
  std::sort(order.begin(), order.end());
  constexpr std::uint32_t kDone = 0xFFFFFFFF;
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    if (order[i].second == kDone || order[i].second == i) continue;
    // Position i takes the mention from order[i].second, which takes its own, ... back to i.
    Mention held = std::move(mentions[i]);
    std::uint32_t at = i;
    while (order[at].second != i) {
      const std::uint32_t from = order[at].second;
      mentions[at] = std::move(mentions[from]);
      order[at].second = kDone;
      at = from;
    }
    mentions[at] = std::move(held);
    order[at].second = kDone;
  }
}

std::size_t NameCues::phrase_at(const Document& doc, std::size_t i, std::size_t end, Kind kind, std::string* role,
                                TokenCues* memo) const {
  const std::string_view w0 = token_text(doc, doc.tokens[i]);
  // Most words start no phrase: answer from the one-word table alone.
  const bool may_start = max_phrase_ > 1 && i + 1 < end && (memo ? memo->starts_phrase(i) : starts_phrase(w0));
  const std::uint32_t kinds0 = memo ? memo->kinds(i) : kinds(w0);
  if (!may_start) {
    if (kinds0 & kind) {
      if (role) *role = std::string(this->role(w0, kind));
      return 1;
    }
    return 0;
  }
  // The key "kind|word word ..." (lower-cased) in a buffer on the stack: a
  // heap string per word cost 1,500 instructions a question (6 M per 1,000
  // news articles). Words whose lower case changes length, and long
  // phrases, take the general path.
  char buf[128];
  const std::string prefix = std::to_string(kind);
  std::size_t len = prefix.size();
  std::copy(prefix.begin(), prefix.end(), buf);
  buf[len++] = '|';
  std::size_t best = 0;
  for (std::size_t n = 1; n <= max_phrase_ && i + n <= end; ++n) {
    const std::string_view w = token_text(doc, doc.tokens[i + n - 1]);
    if (len + 1 + w.size() > sizeof buf || !utf8::to_lower_same_length(w, buf + len + (n > 1)))
      return phrase_at_slow(doc, i, end, kind, role, kinds0, n, best);
    if (n > 1) buf[len++] = ' ';
    len += w.size();
    if (n == 1) {
      if (kinds0 & kind) {
        best = 1;
        if (role) *role = std::string(this->role(w0, kind));
      }
      continue;
    }
    if (auto it = phrases_.find(std::string_view(buf, len)); it != phrases_.end()) {
      best = n;
      if (role) *role = it->second;
    }
  }
  return best;
}

std::size_t NameCues::phrase_at_slow(const Document& doc, std::size_t i, std::size_t end, Kind kind, std::string* role,
                                     std::uint32_t kinds0, std::size_t from, std::size_t best) const {
  const std::string_view w0 = token_text(doc, doc.tokens[i]);
  std::string key = std::to_string(kind) + "|";
  for (std::size_t n = 1; n <= max_phrase_ && i + n <= end; ++n) {
    if (n > 1) key.push_back(' ');
    key += utf8::to_lower(token_text(doc, doc.tokens[i + n - 1]));
    if (n < from) continue;  // (decided by phrase_at)
    if (n == 1) {
      if (kinds0 & kind) {
        best = 1;
        if (role) *role = std::string(this->role(w0, kind));
      }
      continue;
    }
    if (auto it = phrases_.find(key); it != phrases_.end()) {
      best = n;
      if (role) *role = it->second;
    }
  }
  return best;
}

// ------------------------------------------------------------ find_mentions

namespace {

bool is_cap(const Token& t) {
  return t.kind == TokenKind::Word && (t.shape == Shape::Capitalized || t.shape == Shape::AllCaps);
}

// A headline in Title Case or ALL CAPS: capitals there do not make names.
enum class CaseMode { Normal, TitleCase, AllCaps };

// A word of up to four bytes as one integer: its length in the low byte,
// its bytes above.
constexpr std::uint64_t packed(std::string_view w) {
  std::uint64_t v = w.size();
  for (std::size_t i = 0; i < w.size(); ++i) v |= std::uint64_t{static_cast<unsigned char>(w[i])} << (8 * (i + 1));
  return v;
}

// Title paragraphs need 70% capitalised words; headline-like lines inside
// the body need 90% of the words other than short function words, so that a
// sentence full of names ("President Oskar Hentzau spoke") stays a sentence.
// (Asked for every short lower-case word: one switch on the packed word,
// not a chain of string comparisons.)
bool is_function_word(std::string_view w) {
  if (w.empty() || w.size() > 4) return false;
  switch (packed(w)) {
    case packed("a"):
    case packed("of"):
    case packed("an"):
    case packed("to"):
    case packed("in"):
    case packed("on"):
    case packed("at"):
    case packed("by"):
    case packed("the"):
    case packed("and"):
    case packed("for"):
    case packed("with"):
      return true;
    default:
      return false;
  }
}

CaseMode case_mode(const Document& doc, std::size_t first, std::size_t last, bool title) {
  // Most sentences have lower-case words early: stop counting once more than
  // a tenth of the sentence's tokens are lower-case content words.
  const std::size_t budget = (last - first) / 10 + 1;
  std::size_t lower_content = 0;
  std::size_t words = 0, caps = 0, upper = 0, function_words = 0;
  for (std::size_t i = first; i < last; ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind != TokenKind::Word) continue;
    if (t.shape == Shape::Lower) {
      if (t.end() - t.start <= 4 && is_function_word(token_text(doc, t))) {  // (function words are short)
        ++function_words;
        continue;
      }
      if (!title && ++lower_content > budget) return CaseMode::Normal;
    }
    ++words;
    if (t.shape == Shape::Capitalized) ++caps;
    if (t.shape == Shape::AllCaps) ++upper;
  }
  if (words >= 3 && upper * 10 >= words * 8) return CaseMode::AllCaps;
  if (title) {
    if (words + function_words >= 4 && (caps + upper) * 10 >= (words + function_words) * 7) return CaseMode::TitleCase;
  } else if (words >= 4 && (caps + upper) * 10 >= words * 9) {
    return CaseMode::TitleCase;
  }
  return CaseMode::Normal;
}

struct Finder {
  Document& doc;
  const Knowledge& k;
  std::vector<std::uint8_t> claimed;
  mutable TokenCues memo;  // each token's cue kinds, looked up once

  std::string_view text(std::size_t i) const { return token_text(doc, doc.tokens[i]); }

  // Adds the mention of tokens [a, b). (`type` and `role` must not point
  // into doc.mentions, which may move.)
  void emit(std::size_t a, std::size_t b, std::string_view type, std::int32_t kb, std::string_view role = {}) {
    grow_by_half(doc.mentions);
    // Made in place, from views: a temporary Mention moved in, and strings
    // made for its type and role, cost as much as filling it.
    Mention& m = doc.mentions.emplace_back();
    m.start = doc.tokens[a].start;
    m.end = doc.tokens[b - 1].end();
    m.type = type;
    m.kind = MentionKind::Name;
    m.kb = kb;
    m.sentence = static_cast<std::int32_t>(sentence_of(a));
    m.first_token = static_cast<std::uint32_t>(a);
    m.last_token = static_cast<std::uint32_t>(b);
    m.role = role;
    for (std::size_t i = a; i < b; ++i) claimed[i] = 1;
  }

  // Party-state labels after a legislator's name ("(D-Calif.)", ", R-Texas,"):
  // the party's letter is a mention of the party (NORP, as "Democrat"), the
  // region one of the place (GPE); the resolver reads the label for the name
  // before it.
  void party_label_pass(std::size_t a, std::size_t b) {
    // A local view of the tokens: the stores of the loop (mentions, claims)
    // would otherwise make the compiler reload the vector for every token.
    const std::span<const Token> tokens(doc.tokens);
    UpperWords upper = upper_from(b);
    for (std::size_t i = a; (i = upper.next(i)) + 2 < b; ++i) {
      const Token& t = tokens[i];
      // (Most words have a space after them: tested first.)
      if (tokens[i + 1].space_before || !is_cap(t) || t.end() - t.start > 3 || claimed[i]) continue;
      const PartyLabels::Party* party = nullptr;
      std::size_t region = 0;
      const std::size_t n = k.parties.label_at(doc, i, b, &party, &region);
      if (!n) continue;
      if (party->entry >= 0)
        emit(i, i + 1, k.actors.entry(static_cast<std::uint32_t>(party->entry)).type, party->entry);
      claimed[i + 1] = 1;
      emit(region, i + n, "GPE", -1);
      doc.mentions.back().actor = party->country;
      i += n - 1;
    }
  }

  void knowledge_pass(std::size_t a, std::size_t b, CaseMode mode) {
    // A local view of the tokens: the stores of the loop (mentions, claims)
    // would otherwise make the compiler reload the vector for every token.
    const std::span<const Token> tokens(doc.tokens);
    UpperWords upper = upper_from(b);
    // Lower-case words start no name, no title and no place (the tests below
    // would all say no): the walk visits the other words alone.
    for (std::size_t i = a; (i = upper.next(i)) < b;) {
      const Token& t = tokens[i];
      if (t.shape == Shape::Lower || t.kind != TokenKind::Word || claimed[i]) {
        ++i;
        continue;
      }
      std::uint32_t entry = 0;
      std::size_t n = 0;
      // Names start with a capital (or a digit: "G20"); ALL CAPS text is folded.
      const bool capital = t.shape == Shape::Capitalized || t.shape == Shape::AllCaps || t.shape == Shape::Other;
      if (capital) n = k.actors.match(doc, i, b, false, &entry);
      if (!n && t.shape == Shape::AllCaps && (mode == CaseMode::AllCaps || t.end() - t.start >= 4)) {
        n = k.actors.match(doc, i, b, true, &entry);
        // Short folded matches must not be common words in capitals ("IN", "IT").
        if (n == 1 && k.actors.entry(entry).name.size() < 3) n = 0;
      }
      // A title is not part of a name even where the knowledge base lists
      // one ("Secretary of State Mike Pompeo"): skip it, then match on.
      // (Only a word that opens a phrase can start a title of two words or more.)
      const std::size_t title = t.shape == Shape::Capitalized && memo.starts_phrase(i)
                                    ? k.cues.phrase_at(doc, i, b, NameCues::kTitle, nullptr, &memo)
                                    : 0;
      if (title >= 2 && n <= title && i + title < b && is_cap(tokens[i + title])) {
        i += title;
        continue;
      }
      // A longer place name from the gazetteer beats a shorter knowledge-base
      // phrase inside it: "New Jersey" is no "Jersey", "New Mexico" no "Mexico".
      if (const std::size_t pn = multiword_place(i, b); pn > n) {
        const std::string country = place_country(span_text(i, i + pn));
        emit(i, i + pn, "GPE", -1);
        doc.mentions.back().actor = country;
        i += pn;
        continue;
      }
      if (n == 1 && mode == CaseMode::Normal && surname_after_given(i, entry)) {
        given_surnames.push_back(i);  // left to the capitalised pass: the two words are a person
        ++i;
        continue;
      }
      if (n) {
        const ActorEntry& e = k.actors.entry(entry);
        if (split_country_prefix(i, n, b, entry, mode)) {
          i += n;
          continue;
        }
        // "Kingdom of Jordan", "Islamic Republic of Iran": the state's full style.
        if (e.type == "GPE"sv && i >= 2 && text(i - 1) == "of" && !claimed[i - 2] &&
            (memo.kinds(i - 2) & NameCues::kStateStyle)) {
          emit(i - 2, i + n, e.type, static_cast<std::int32_t>(entry));
          i += n;
          continue;
        }
        // A nationality or party that opens a named event ("Islamic
        // Revolution", "Democratic National Convention").
        if (e.type == "NORP"sv) {
          std::size_t j = i + n;
          while (j < b && j < i + n + 3 && is_cap(tokens[j]) && tokens[j].space_before &&
                 !(memo.kinds(j) & NameCues::kEventTail))
            ++j;
          if (j < b && is_cap(tokens[j]) && tokens[j].space_before && (memo.kinds(j) & NameCues::kEventTail)) {
            emit(i, j + 1, "EVENT", -1);
            i = j + 1;
            continue;
          }
          if (e.country.empty()) {
            if (const OrgSpan org = org_opened_by(i, i + n, a, b); org.end > 0) {
              std::string role(k.cues.role(text(org.head), NameCues::kOrgHead));
              if (!org.country.empty()) role = org.country + role;
              emit(org.start, org.end, "ORG", -1, "");
              if (!org.country.empty())
                doc.mentions.back().actor = role;
              else
                doc.mentions.back().role = std::move(role);
              i = org.end;
              continue;
            }
          }
        }
        emit(i, i + n, e.type, static_cast<std::int32_t>(entry));
        i += n;
      } else {
        ++i;
      }
    }
  }

  // A people or faith without a country that opens an organisation's name
  // ("Jewish Agency", "Mormon Church", "Congressional Hispanic Caucus"): the
  // tokens [start, end) over up to two capitalised words before it and up to
  // three after it, the last of them a head word, and the token of that head
  // word; end 0 when no head word follows.
  struct OrgSpan {
    std::size_t start = 0, end = 0, head = 0;
    std::string country;  // of a place at its end, "" for none
  };
  OrgSpan org_opened_by(std::size_t i, std::size_t after, std::size_t a, std::size_t b) const {
    std::size_t head = 0;
    for (std::size_t j = after;
         j < b && j < after + 3 && is_cap(doc.tokens[j]) && doc.tokens[j].space_before && !claimed[j]; ++j)
      if (memo.kinds(j) & NameCues::kOrgHead) head = j + 1;
    if (!head) return {};
    // "... Institute for Competitiveness", "... Community of Rome": the name
    // goes on; a place there gives the organisation its country.
    std::size_t end = head;
    std::string country;
    if (end + 1 < b && (text(end) == "of" || text(end) == "for") && is_cap(doc.tokens[end + 1]) && !claimed[end + 1]) {
      std::size_t j = end + 1;
      while (j < b && j < end + 3 && is_cap(doc.tokens[j]) && doc.tokens[j].space_before && !claimed[j]) ++j;
      country = place_country(span_text(end + 1, j));
      end = j;
    }
    std::size_t s = i;
    while (s > a && s + 2 > i && is_cap(doc.tokens[s - 1]) && !claimed[s - 1] && !sentence_initial(s - 1) &&
           !(memo.kinds(s - 1) & (NameCues::kStop | NameCues::kTitle)))
      --s;
    return {s, end, head - 1, std::move(country)};
  }

  std::string_view span_text(std::size_t a, std::size_t b) const {
    return std::string_view(doc.text).substr(doc.tokens[a].start, doc.tokens[b - 1].end() - doc.tokens[a].start);
  }

  // The country of a gazetteer name when its readings agree on one ("New
  // York" the city and the state), or "" when the name is unknown or spans
  // countries without one dominant reading.
  std::string place_country(std::string_view name) const { return place_country(name, k.gazetteer.lookup(name)); }
  // The same for candidates already looked up, and whether the name is unambiguous.
  std::string place_country(std::string_view name, std::span<const std::uint32_t> cands,
                            bool* unambiguous = nullptr) const {
    if (cands.empty()) return {};
    const std::string& c = k.gazetteer.place(cands.front()).country;
    const bool sure = k.gazetteer.is_unambiguous_place(name, cands);
    if (unambiguous) *unambiguous = sure;
    if (sure) return c;
    for (std::size_t i = 1; i < cands.size() && i < 8; ++i)
      if (k.gazetteer.place(cands[i]).country != c) return {};
    return c;
  }

  // Longest run of 2 to 4 capitalised words at i that is a gazetteer place.
  std::size_t multiword_place(std::size_t i, std::size_t b) const {
    std::size_t caps = 0;
    while (caps < 4 && i + caps < b && !claimed[i + caps] && is_cap(doc.tokens[i + caps]) &&
           (caps == 0 || doc.tokens[i + caps].space_before))
      ++caps;
    for (std::size_t n = caps; n >= 2; --n)
      if (!place_country(span_text(i, i + n)).empty()) return n;
    return 0;
  }

  // "US State Department" -> "US" + "State Department": a country before a
  // body whose name is complete without it is its own mention (ANNOTATION.md).
  bool split_country_prefix(std::size_t i, std::size_t n, std::size_t b, std::uint32_t entry, CaseMode mode) {
    const ActorEntry& e = k.actors.entry(entry);
    if (n < 2 || (e.type != "ORG"sv && e.type != "PERSON"sv)) return false;
    for (std::size_t p = 1; p < n; ++p) {
      std::uint32_t head = 0, rest = 0;
      const std::size_t hn = k.actors.match(doc, i, i + p, mode == CaseMode::AllCaps, &head);
      if (hn != p) continue;
      const auto& h = k.actors.entry(head);
      if (h.type != "GPE"sv && h.type != "NORP"sv) continue;
      const std::size_t rn = k.actors.match(doc, i + p, i + n, mode == CaseMode::AllCaps, &rest);
      if (rn != n - p) continue;
      // "French Senate" is no "French" + the US Senate: the rest must not be
      // another country's body.
      const std::string& rest_country = k.actors.entry(rest).country;
      if (!rest_country.empty() && !h.country.empty() && rest_country != h.country) continue;
      emit(i, i + p, h.type, static_cast<std::int32_t>(head));
      emit(i + p, i + n, k.actors.entry(rest).type, static_cast<std::int32_t>(rest));
      (void)b;
      return true;
    }
    return false;
  }

  // Capitalised runs outside the knowledge base.
  void capitalised_pass(std::size_t a, std::size_t b) {
    // A local view of the tokens: the stores of the loop (mentions, claims)
    // would otherwise make the compiler reload the vector for every token.
    const std::span<const Token> tokens(doc.tokens);
    UpperWords upper = upper_from(b);
    for (std::size_t i = a; (i = upper.next(i)) < b;) {
      if (!is_cap(tokens[i]) || claimed[i]) {
        ++i;
        continue;
      }
      // Grow the run: capitalised words, with connectors between them.
      std::size_t last_cap = i;
      bool org_like = (memo.kinds(i) & NameCues::kOrgFirst) != 0;
      std::size_t j = i + 1;
      while (j < b && !claimed[j]) {
        const Token& t = tokens[j];
        const std::string_view w = text(j);
        if (is_cap(t)) {
          if (!t.space_before && j > 0 && tokens[j - 1].kind != TokenKind::Punct) break;
          last_cap = j;
          ++j;
          continue;
        }
        // "Intermediate-Range", "al-Assad": a hyphen glued on both sides.
        if (w == "-" && !t.space_before && j + 1 < b && !tokens[j + 1].space_before && !claimed[j + 1] &&
            (is_cap(tokens[j + 1]) || tokens[j + 1].kind == TokenKind::Number)) {
          ++j;
          continue;
        }
        if (t.kind == TokenKind::Word && (memo.kinds(j) & NameCues::kConnector) && j + 1 < b && !claimed[j + 1]) {
          const bool personal = (memo.kinds(j) & NameCues::kParticle) != 0;
          const bool link = w == "of" || w == "for";
          if (personal || link || org_like) {
            if (link) org_like = true;
            // A connector must be followed by a capitalised word (or another connector).
            std::size_t q = j + 1;
            while (q < b && !claimed[q] && tokens[q].kind == TokenKind::Word &&
                   (memo.kinds(q) & NameCues::kConnector) && !is_cap(tokens[q]))
              ++q;
            if (q < b && !claimed[q] && is_cap(tokens[q]) && q - j <= 2) {
              j = q;
              continue;
            }
          }
        }
        break;
      }
      process_run(i, last_cap + 1);
      i = last_cap + 1;
    }
  }

  bool titled_before(std::size_t s) const {
    return s > 0 && (memo.kinds(s - 1) & NameCues::kTitle) && doc.tokens[s - 1].shape != Shape::Lower;
  }

  // One-word places wait for the end of the document: a word that turns out
  // to be someone's surname ("Bush", "Rubio") is no place.
  std::vector<std::pair<std::size_t, std::string>> pending_places;

  // Small towns ("the town of Qusair", "near Olenivka") are places only with a
  // place word before them and in a country the document names.
  std::vector<std::size_t> weak_places;

  bool place_cue_before(std::size_t s) const {
    if (s == 0) return false;
    const std::string_view p = text(s - 1);
    if (p == "near" || p == "outside" || p == "in" || p == "from" || p == "at" || p == "to") return true;
    if (p == "of" && s >= 2) return (memo.kinds(s - 2) & NameCues::kPlaceNoun) != 0;
    return false;
  }

  // Where the division after the place at s starts: after a comma ("Olenivka,
  // Ukraine") or after "in" and a compass word ("Rafah in southern Gaza"); 0 for none.
  std::size_t division_after(std::size_t s) const {
    const std::size_t n = doc.tokens.size();
    if (s + 2 >= n) return 0;
    if (text(s + 1) == ",") return s + 2;
    if (text(s + 1) != "in") return 0;
    std::size_t q = s + 2;
    const std::string_view w = text(q);
    if (doc.tokens[q].shape == Shape::Lower && (ends_with(w, "ern") || w == "central")) ++q;
    return q < n ? q : 0;
  }

  // "Charlottesville, Virginia", "Ely, Minn.", "Olenivka, Ukraine", "Rafah in
  // southern Gaza": a town the gazetteer knows, followed by its own
  // first-level division, region or country (one to three capitalised words),
  // is that town; its country, or "" when no reading of the town lies there.
  std::string_view country_by_division(std::size_t s, std::span<const std::uint32_t> cands) const {
    const std::size_t n = doc.tokens.size();
    const std::size_t from = division_after(s);
    if (from == 0) return {};
    for (std::size_t len = 3; len > 0; --len) {
      const std::size_t e = from + len;
      if (e > n) continue;
      bool caps = true;
      for (std::size_t q = from; q < e && caps; ++q) caps = is_cap(doc.tokens[q]) && sentence_of(q) == sentence_of(s);
      if (!caps) continue;
      for (const auto di : k.gazetteer.lookup(span_text(from, e))) {
        const Place& d = k.gazetteer.place(di);
        if (d.feature != "admin1" && d.feature != "region" && d.feature != "country") continue;
        for (const auto ci : cands) {
          const Place& c = k.gazetteer.place(ci);
          if (c.country == d.country && (d.feature == "country" || c.admin1 == d.name)) return c.country;
        }
      }
    }
    return {};
  }

  bool place_run(std::size_t s, std::size_t e) {
    const std::string_view name = span_text(s, e);
    const auto cands = k.gazetteer.lookup(name);  // once: the tests below share it
    bool unambiguous = false;
    const std::string country = place_country(name, cands, &unambiguous);
    if (e - s == 1 && !unambiguous) {
      if (cands.empty()) return false;
      if (const std::string_view own = country_by_division(s, cands); !own.empty()) {
        pending_places.emplace_back(s, std::string(own));
        claimed[s] = 1;
        return true;
      }
      if (place_cue_before(s) && !sentence_initial(s) && !k.actors.is_given_name(name)) {
        weak_places.push_back(s);
        claimed[s] = 1;
        return true;
      }
      return false;
    }
    if (country.empty()) return false;
    if (e - s == 1) {
      pending_places.emplace_back(s, country);
      claimed[s] = 1;
      return true;
    }
    emit(s, e, "GPE", -1);
    doc.mentions.back().actor = country;
    return true;
  }

  void flush_places() {
    StringSet surnames;
    for (const auto& m : doc.mentions) {
      if (m.type != "PERSON") continue;
      if (m.last_token - m.first_token >= 2) {
        surnames.emplace(text(m.last_token - 1));
        surnames.emplace(text(m.first_token));  // "David" after "David Cameron" is no Panamanian city
      }
    }
    for (const auto& [s, country] : pending_places) {
      claimed[s] = 0;
      if (surnames.find(text(s)) != surnames.end()) continue;
      emit(s, s + 1, "GPE", -1);
      doc.mentions.back().actor = country;
    }
    // The countries the document names (by country names and places so far).
    StringSet countries;
    for (const auto& m : doc.mentions) {
      if (m.type != "GPE") continue;
      if (m.kb >= 0)
        countries.insert(k.actors.entry(static_cast<std::uint32_t>(m.kb)).country);
      else if (!m.actor.empty())
        countries.insert(m.actor.substr(0, 3));
    }
    for (std::size_t s : weak_places) {
      claimed[s] = 0;
      if (surnames.find(text(s)) != surnames.end()) continue;
      for (std::uint32_t c : k.gazetteer.lookup(text(s))) {
        const auto& place = k.gazetteer.place(c);
        if (place.feature == "country" || countries.find(place.country) == countries.end()) continue;
        emit(s, s + 1, "GPE", -1);
        doc.mentions.back().actor = place.country;
        break;
      }
    }
  }

  // A run the knowledge base knows as something other than a person by its
  // first or last word ("House Democrats", "Senate Republican") is no name.
  bool foreign_word(std::size_t i, bool first) const {
    const auto* entries = k.actors.lookup_phrase(text(i));
    if (!entries) return false;
    for (auto e : *entries) {
      const auto& t = k.actors.entry(e).type;
      if (t == "PERSON") return false;
      if (!first || t == "NORP" || t == "ORG") return true;
    }
    return false;
  }

  // "Rep. Oskar Jordan", "David French is a senior writer": a country's or
  // nationality's one-word name right after a known given name (glued to it
  // by a space, and not followed by another capitalised word) is that
  // person's surname.
  std::vector<std::size_t> given_surnames;  // such names' tokens, left to the capitalised pass
  // Only a country's name or a nationality (not a party: "Virginia Democrat");
  // the given name no title, stop word or short word ("In Washington", "An
  // Indian"), no name of the knowledge base and no division or big city
  // ("Arizona Republican", "Austin American-Statesman").
  bool surname_after_given(std::size_t i, std::uint32_t entry) const {
    // Cheapest tests first: most names follow a lower-case word or punctuation.
    if (i == 0 || doc.tokens[i - 1].shape != Shape::Capitalized || claimed[i - 1] || !doc.tokens[i].space_before)
      return false;
    const Token& g = doc.tokens[i - 1];
    if (g.end() - g.start < 3 || sentence_of(i - 1) != sentence_of(i)) return false;
    const ActorEntry& a = k.actors.entry(entry);
    if (a.type != "GPE"sv && !(a.type == "NORP"sv && (a.flags & kDemonym))) return false;
    if (!given(i - 1) || (memo.kinds(i - 1) & (NameCues::kStop | NameCues::kTitle | NameCues::kConnector)))
      return false;
    if (i + 1 < doc.tokens.size() && !doc.tokens[i + 1].space_before &&
        (is_cap(doc.tokens[i + 1]) || text(i + 1) == "-"))
      return false;
    if (i + 1 < doc.tokens.size() && is_cap(doc.tokens[i + 1]) && doc.tokens[i + 1].space_before) return false;
    if (k.actors.lookup_phrase(text(i - 1)) != nullptr) return false;
    // A town of the name is no obstacle ("David", Panama); a division or a big city is.
    const auto places = k.gazetteer.lookup(text(i - 1));
    if (places.empty()) return true;
    const Place& p = k.gazetteer.place(places.front());
    return p.feature != "country" && p.feature != "admin1" && p.feature != "region" && p.population < 300000;
  }

  bool given(std::size_t i) const { return k.actors.is_given_name(text(i)) && !(memo.kinds(i) & NameCues::kNotGiven); }

  // Capitalised words that also stand alone elsewhere in the document (as a
  // person's surname does: "Fareed Zakaria" ... "Zakaria said"), counted once.
  // lone_cap(last) gives, for the word of token `last`, bit 1: the word stands
  // alone before a verb of saying somewhere ("Roffman said", also first in its
  // sentence); bit 0: alone elsewhere, not first in its sentence.
  //
  // A document asks about two words on average: each question scans the
  // document's capitalised words (listed once) and tests only those with the
  // word's text. A document that asks many gets a table of every lone word
  // instead, made once the scans have covered as many words as the document
  // has tokens, so that the work stays linear in its length. (A table made
  // for every document that asks cost 5 M instructions more per 1,000 news
  // articles.)
  std::vector<std::uint32_t> capitalised;  // tokens of Shape::Capitalized; listed on first use
  bool capitalised_ready = false;
  std::size_t lone_scanned = 0;  // capitalised words scanned so far
  // Keyed by views into doc.text (the Finder lives within one document).
  boost::unordered_flat_map<std::string_view, std::uint32_t, StringHash, std::equal_to<>> lone_caps;
  bool lone_caps_ready = false;

  // Token i's bits for lone_cap(), i of Shape::Capitalized (0: i does not
  // stand alone, or stands first in its sentence before no verb of saying).
  std::uint32_t lone_bits(std::size_t i) {
    const std::span<const Token> tokens(doc.tokens);
    const Token& t = tokens[i];
    const bool cap_before = i > 0 && tokens[i - 1].shape == Shape::Capitalized && t.space_before;
    const bool cap_after =
        i + 1 < tokens.size() && tokens[i + 1].shape == Shape::Capitalized && tokens[i + 1].space_before;
    if (cap_before || cap_after) return 0;
    const bool speaks = i + 1 < tokens.size() && (memo.kinds(i + 1) & NameCues::kSpeechVerb);
    const bool initial = sentence_initial(i);
    if (!speaks && initial) return 0;
    return (speaks ? 2u : 0u) | (initial ? 0u : 1u);
  }

  std::uint32_t lone_cap(std::size_t last) {
    // A local view of the tokens: the stores into the list and the memo
    // would otherwise make the compiler reload the vector for every token.
    const std::span<const Token> tokens(doc.tokens);
    if (!capitalised_ready) {
      capitalised_ready = true;
      for (std::size_t i = 0; i < tokens.size(); ++i)
        if (tokens[i].shape == Shape::Capitalized) capitalised.push_back(static_cast<std::uint32_t>(i));
    }
    const std::string_view word = text(last);
    if (!lone_caps_ready && lone_scanned + capitalised.size() <= tokens.size()) {
      lone_scanned += capitalised.size();
      std::uint32_t bits = 0;
      for (const std::uint32_t i : capitalised)
        if (tokens[i].length == word.size() && text(i) == word) bits |= lone_bits(i);
      return bits;
    }
    if (!lone_caps_ready) {
      lone_caps_ready = true;
      for (const std::uint32_t i : capitalised)
        if (const std::uint32_t bits = lone_bits(i)) lone_caps[text(i)] |= bits;
    }
    const auto it = lone_caps.find(word);
    return it == lone_caps.end() ? 0u : it->second;
  }

  bool surname_elsewhere(std::size_t last) { return (lone_cap(last) & 1u) != 0; }

  bool person_cue(std::size_t s, std::size_t e) {
    if (s > 0 && (memo.kinds(s - 1) & (NameCues::kRole | NameCues::kTitle))) return true;
    // "Israel's ambassador, Dafna Orrelin,": a role noun and a comma before the name.
    if (s > 1 && text(s - 1) == "," && doc.tokens[s - 2].shape == Shape::Lower && (memo.kinds(s - 2) & NameCues::kRole))
      return true;
    if (e - s == 2 && !sentence_initial(s) && surname_elsewhere(e - 1)) return true;
    // '"...," says Myra Gutin': a verb of saying after a quotation or a comma.
    if (e - s >= 2 && s > 1 && (memo.kinds(s - 1) & NameCues::kSpeechVerb) &&
        (doc.tokens[s - 2].kind == TokenKind::Quote || text(s - 2) == ","))
      return true;
    if (e < doc.tokens.size()) {
      if (memo.kinds(e) & NameCues::kSpeechVerb) return true;
      const std::string_view next = text(e);
      if ((next == "," || next == "(") && e + 1 < doc.tokens.size()) {
        // ", D-Calif.," and "(R-Texas)": a legislator's party-state label.
        const PartyLabels::Party* party = nullptr;
        std::size_t region = 0;
        if (k.parties.label_at(doc, e + 1, doc.tokens.size(), &party, &region)) return true;
      }
      // ", a spokesman", ", Russia's deputy envoy", ", a Russian analyst": a
      // role or title within a few words after the comma.
      if (next == ",") {
        for (std::size_t q = e + 1; q < doc.tokens.size() && q < e + 7; ++q) {
          if (memo.kinds(q) & (NameCues::kRole | NameCues::kTitle)) return true;
          if (doc.tokens[q].kind != TokenKind::Word && !is_possessive(text(q))) break;
        }
        // ", a Republican", ", an American": a nationality or party the knowledge base knows.
        if (e + 2 < doc.tokens.size() && (text(e + 1) == "a" || text(e + 1) == "an") &&
            doc.tokens[e + 2].shape == Shape::Capitalized && is_norp(text(e + 2)))
          return true;
      }
    }
    // "Marvin Roffman learned ..." first in a sentence, where "Roffman said"
    // comes elsewhere: the surname alone speaks (last: the document's table
    // of lone words is built on first use).
    if (e - s == 2 && sentence_initial(s) && (lone_cap(e - 1) & 2u)) return true;
    return false;
  }

  bool is_norp(std::string_view word) const {
    const auto* entries = k.actors.lookup_phrase(word);
    if (!entries) return false;
    for (const auto e : *entries)
      if (k.actors.entry(e).type == "NORP"sv) return true;
    return false;
  }

  static bool is_possessive(std::string_view w) { return w == "'s" || w == "\xE2\x80\x99s"; }

  bool has_link(std::size_t s, std::size_t e) const {
    for (std::size_t i = s; i < e; ++i)
      if (text(i) == "of" || text(i) == "for") return true;
    return false;
  }

  // 'Said Jane Roe, "..."': a verb of saying first in its sentence, before
  // more capitalised words, is inverted before its speaker, no part of a name.
  bool inverted_speech_verb(std::size_t s, std::size_t e) {
    return s + 1 < e && sentence_initial(s) && (k.cues.kinds(utf8::to_lower(text(s))) & NameCues::kSpeechVerb);
  }

  bool sentence_initial(std::size_t i) const {
    const Sentence& s = doc.sentences[sentence_of(i)];
    std::size_t f = s.first_token;
    while (f < i && doc.tokens[f].kind != TokenKind::Word && doc.tokens[f].kind != TokenKind::Number) ++f;
    return f == i;
  }

  void process_run(std::size_t s, std::size_t e) {
    const auto& cues = k.cues;
    // Leading words that never start a name ("But", "The", "Monday"; "the" in
    // "Mr. Roe of the Sierra Club", split at "of").
    while (s < e && ((memo.kinds(s) & NameCues::kStop) || doc.tokens[s].kind != TokenKind::Word ||
                     (doc.tokens[s].shape == Shape::Lower && !(memo.kinds(s) & NameCues::kParticle)) ||
                     inverted_speech_verb(s, e)))
      ++s;
    // Titles in front of a person ("President", "Maj. Gen.", "Foreign Minister").
    std::string role;
    bool titled = false;
    while (s < e) {
      std::string r;
      const std::size_t n = cues.phrase_at(doc, s, e, NameCues::kTitle, &r, &memo);
      if (!n) break;
      titled = true;
      if (!r.empty()) role = r;
      s += n;
    }
    while (e > s && doc.tokens[e - 1].kind != TokenKind::Word) --e;  // never end on a hyphen
    if (s >= e) return;
    // "CEO of Project Veritas": a title of something, not before a name.
    if (titled && doc.tokens[s].shape == Shape::Lower) {
      while (s < e && doc.tokens[s].shape == Shape::Lower) ++s;
      process_run(s, e);
      return;
    }
    // "Massachusetts Sen. Ed Markey": a title inside the run splits it into
    // what comes before (a place, a body) and the titled person after.
    if (!titled) {
      for (std::size_t p = s + 1; p + 1 < e; ++p) {
        if (doc.tokens[p].shape == Shape::Lower) continue;
        const std::size_t tn = cues.phrase_at(doc, p, e, NameCues::kTitle, nullptr, &memo);
        if (tn && p + tn < e && is_cap(doc.tokens[p + tn])) {
          process_run(s, p);
          process_run(p, e);
          return;
        }
      }
    }
    // A place the knowledge base does not hold but the gazetteer knows
    // without doubt ("Berdyansk", "Khan Younis"): a GPE in its country.
    if (!titled_before(s) && place_run(s, e)) return;
    const std::size_t n = e - s;
    const std::string_view head = text(e - 1);
    const std::uint32_t head_kinds = memo.kinds(e - 1);
    const std::uint32_t first_kinds = memo.kinds(s);
    if (titled) {
      // "Sens. Jane Roe of Maine and John Doe of Ohio": the titled name ends
      // at a link word; what follows is read as a run of its own.
      for (std::size_t i = s + 1; i + 1 < e; ++i) {
        const std::string_view w = text(i);
        if (doc.tokens[i].shape == Shape::Lower && (w == "of" || w == "for" || w == "and")) {
          emit(s, i, "PERSON", -1, role);
          process_run(i + 1, e);
          return;
        }
      }
      emit(s, e, "PERSON", -1, role);
      return;
    }
    // "Institute for the Study of War": an organisation's first word with a link.
    if ((first_kinds & NameCues::kOrgFirst) && n >= 3 && has_link(s, e)) {
      emit(s, e, "ORG", -1, cues.role(text(s), NameCues::kOrgFirst));
      return;
    }
    if (head_kinds & NameCues::kLawTail) {
      if (n >= 2) emit(s, e, "LAW", -1);
      return;
    }
    if (head_kinds & NameCues::kEventTail) {
      if (n >= 2) emit(s, e, "EVENT", -1);
      return;
    }
    // Places and facilities by their last word: "Orange County", "Dnipro
    // River", "Dulles Airport" (FAC is not a scored type, but it keeps such
    // names from being taken for people).
    if (n >= 2 && (head_kinds & (NameCues::kGpeTail | NameCues::kLocTail | NameCues::kFacTail))) {
      emit(s, e, (head_kinds & NameCues::kGpeTail) ? "GPE" : (head_kinds & NameCues::kLocTail) ? "LOC" : "FAC", -1);
      return;
    }
    if (head_kinds & NameCues::kOrgHead) {
      std::string r(cues.role(head, NameCues::kOrgHead));
      for (std::size_t i = s; i < e; ++i)
        if (memo.kinds(i) & NameCues::kOrgWord) r = cues.role(text(i), NameCues::kOrgWord);
      // "Defense Ministry" alone is a name; a bare head word ("Ministry") is
      // not, except a newspaper's ("the Telegraph").
      if (n >= 2 || (k.codes.is_media_role(r) && s > 0 && text(s - 1) == "the")) emit(s, e, "ORG", -1, r);
      return;
    }
    if ((first_kinds & NameCues::kOrgFirst) && n >= 3) {
      emit(s, e, "ORG", -1, cues.role(text(s), NameCues::kOrgFirst));
      return;
    }
    // Acronyms not in the knowledge base: organisations ("ISW", "OPCW").
    if (n == 1 && doc.tokens[s].shape == Shape::AllCaps) {
      const auto w = text(s);
      // First in a sentence only before a role noun ("GNYHA spokesperson Jane Roe said").
      if (w.size() >= 3 && w.size() <= 6 && w.find('.') == std::string_view::npos &&
          (!sentence_initial(s) || (e < doc.tokens.size() && (memo.kinds(e) & NameCues::kRole))))
        emit(s, e, "ORG", -1);
      return;
    }
    // One word named as an organisation by the noun before or after it:
    // "insurer Allianz", "the Azov regiment".
    if (n == 1 && !sentence_initial(s)) {
      if (s > 0 && doc.tokens[s - 1].shape == Shape::Lower && (memo.kinds(s - 1) & NameCues::kOrgCue)) {
        emit(s, e, "ORG", -1, cues.role(text(s - 1), NameCues::kOrgCue));
        return;
      }
      if (e < doc.tokens.size() && doc.tokens[e].shape == Shape::Lower && (memo.kinds(e) & NameCues::kOrgTail)) {
        emit(s, e, "ORG", -1, cues.role(text(e), NameCues::kOrgTail));
        return;
      }
    }
    // "Susan Collins of Maine": with no organisation cue, a link word splits
    // the run into a name and a place (or another name).
    for (std::size_t i = s + 1; i + 1 < e; ++i) {
      if (doc.tokens[i].shape == Shape::Lower && (text(i) == "of" || text(i) == "for")) {
        process_run(s, i);
        process_run(i + 1, e);
        return;
      }
    }
    // Two to four capitalised words with no cue: a person's name.
    if (n >= 2 && n <= 4) {
      bool words_ok = true;
      for (std::size_t i = s; i < e; ++i) {
        const Token& t = doc.tokens[i];
        // A generational numeral closes a name of two words or more ("Vann R. Newkirk II").
        const bool suffix = i == e - 1 && i >= s + 2 && (memo.kinds(i) & NameCues::kNameSuffix);
        if (t.kind == TokenKind::Word && t.shape == Shape::AllCaps && !suffix) words_ok = false;
        if (t.kind == TokenKind::Word && (memo.kinds(i) & NameCues::kStop)) words_ok = false;
      }
      // Names have words of two letters or more ("Plan B" is no person).
      for (std::size_t i = s; i < e; ++i)
        if (doc.tokens[i].kind == TokenKind::Word && doc.tokens[i].end() - doc.tokens[i].start < 2) words_ok = false;
      const bool given_surname =
          e - s == 2 && std::find(given_surnames.begin(), given_surnames.end(), e - 1) != given_surnames.end();
      if (foreign_word(s, true) || (foreign_word(e - 1, false) && !given_surname)) words_ok = false;
      // Titles come before names: a run ending in one ("House Speaker") is no name.
      if (memo.kinds(e - 1) & (NameCues::kTitle | NameCues::kRole)) words_ok = false;
      // A last word that is also a place's name ("Gutin", a town) needs a
      // given name, or a surname that speaks alone elsewhere ("Gutin says").
      if (!k.gazetteer.lookup(text(e - 1)).empty() && !given(s) && !(e - s == 2 && (lone_cap(e - 1) & 2u)))
        words_ok = false;
      // Without a known given name, a person needs a cue: a role before or
      // after it, or a verb of saying ("Wall Street" and "Election Day" have none).
      if (words_ok && !given(s) && !person_cue(s, e)) words_ok = false;
      if (words_ok) emit(s, e, "PERSON", -1);
    }
  }

  SentenceCursor sentence_of{doc};  // the scan asks about tokens in text order

  // The sentence's words that are not lower case (capitals, and words of
  // digits or of scripts without case), in order: the only tokens where the
  // passes start anything. Three passes over the list instead of over every
  // token of the sentence (three tokens in four are lower case).
  std::vector<std::uint32_t> upper_words{};
  void list_upper_words(std::size_t a, std::size_t b) {
    upper_words.clear();
    const std::span<const Token> tokens(doc.tokens);
    for (std::size_t i = a; i < b; ++i)
      if (tokens[i].shape != Shape::Lower && tokens[i].kind == TokenKind::Word)
        upper_words.push_back(static_cast<std::uint32_t>(i));
  }
  // Walks upper_words forward: next(i) is the first listed token at or after
  // i, or `end` when none is left.
  struct UpperWords {
    std::span<const std::uint32_t> list;
    std::size_t end;
    std::size_t at = 0;
    std::size_t next(std::size_t i) {
      while (at < list.size() && list[at] < i) ++at;
      return at < list.size() ? list[at] : end;
    }
  };
  UpperWords upper_from(std::size_t b) const { return {upper_words, b}; }
};

}  // namespace

void find_mentions(Document& doc, const Knowledge& knowledge) {
  doc.mentions.clear();
  // News runs at about one name per ten tokens; capped for huge documents.
  doc.mentions.reserve(std::min<std::size_t>(doc.tokens.size() / 8 + 8, 4096));
  Finder f{doc,
           knowledge,
           std::vector<std::uint8_t>(doc.tokens.size(), 0),
           TokenCues(doc, knowledge.cues),
           {},
           {},
           {},
           {},
           false,
           0,
           {},
           false};
  for (const Sentence& s : doc.sentences) {
    const Paragraph& p = doc.paragraphs[s.paragraph];
    if (p.boilerplate) continue;
    // Headlines, and headline-like lines inside the body (live-blog updates),
    // are matched against the knowledge base only.
    const CaseMode mode = case_mode(doc, s.first_token, s.last_token, p.title);
    const std::size_t first_mention = doc.mentions.size();
    f.list_upper_words(s.first_token, s.last_token);
    if (mode == CaseMode::Normal) f.party_label_pass(s.first_token, s.last_token);
    f.knowledge_pass(s.first_token, s.last_token, mode);
    if (mode == CaseMode::Normal) f.capitalised_pass(s.first_token, s.last_token);
    // The two passes interleave within the sentence: put its few mentions in
    // order now, so that the document's list needs only a merge at the end.
    // (Most sentences' mentions come in order already: std::sort would still
    // move each of them twice, through its insertion sort's temporary.)
    const auto by_start = [](const Mention& a, const Mention& b) { return a.start < b.start; };
    const auto from = doc.mentions.begin() + static_cast<std::ptrdiff_t>(first_mention);
    if (!std::is_sorted(from, doc.mentions.end(), by_start)) std::sort(from, doc.mentions.end(), by_start);
  }
  f.flush_places();
  sort_mentions_by_start(doc.mentions);
}

}  // namespace standpoints

#include "standpoints/resolver.hpp"

#include <algorithm>
#include <optional>
#include <span>
#include <unordered_map>

#include "context_codes.hpp"
#include "standpoints/entities.hpp"
#include "standpoints/knowledge.hpp"
#include "standpoints/string_map.hpp"
#include "standpoints/utf8.hpp"

namespace standpoints {

namespace {

// The first token from i on (before end) that may be a bare surname: an
// uncovered word in Shape::Capitalized or `caps` (Shape::AllCaps in a
// title). A function of its own: inlined into Resolver::cluster(), this loop
// over every token of the document kept its counter on the stack.
[[gnu::noinline]] std::size_t next_name_word(std::span<const Token> tokens, const std::vector<std::uint8_t>& covered,
                                             std::size_t i, std::size_t end, Shape caps) {
  // The two shapes as bits of one mask: one test per token.
  const unsigned wanted = 1u << static_cast<unsigned>(Shape::Capitalized) | 1u << static_cast<unsigned>(caps);
  for (; i < end; ++i) {
    const Token& t = tokens[i];
    // Most tokens are lower case: test the shape first (one predictable branch).
    if (!((wanted >> static_cast<unsigned>(t.shape)) & 1u)) continue;
    if (!covered[i] && t.kind == TokenKind::Word) return i;
  }
  return end;
}

void insert_mentions(Document& doc, std::vector<Mention> added, bool relist);

struct Resolver {
  Document& doc;
  const Knowledge& k;
  std::int32_t date;
  StringMap<std::int32_t> by_key;                                  // entity key -> index
  boost::unordered_flat_map<std::int32_t, std::int32_t> by_entry;  // knowledge-base entry -> entity
  // Each token's cue kinds, looked up once; made when the codes are assigned
  // (4 bytes a token, so not live while the mentions grow: run()).
  mutable std::optional<TokenCues> memo;

  std::string_view text(std::size_t i) const { return token_text(doc, doc.tokens[i]); }

  // The entity of `key`, made with `name` when the document has none yet
  // (the name is copied only then: most mentions repeat a known entity).
  std::int32_t entity_for(std::string_view key, const Mention& m, std::string_view name) {
    // One look-up for both cases: the key string is made only when new.
    const auto [it, fresh] = by_key.try_emplace(key, static_cast<std::int32_t>(doc.entities.size()));
    if (!fresh) return it->second;
    const std::int32_t idx = it->second;
    // Made in place (an Entity is seven strings: a temporary moved in and
    // destroyed cost as much as filling it).
    Entity& e = doc.entities.emplace_back();
    e.type = m.type;
    e.name = name;
    if (m.kb >= 0) {
      const ActorEntry& a = k.actors.entry(static_cast<std::uint32_t>(m.kb));
      e.id = a.id;
      e.country = a.country;
    } else {
      e.id = key;
    }
    return idx;
  }

  // Whether a verb of saying follows token i ("Wang said").
  bool speaks_after(std::size_t i) const {
    return i + 1 < doc.tokens.size() && (k.cues.kinds(text(i + 1)) & NameCues::kSpeechVerb) != 0;
  }
  std::string mention_text(const Mention& m) const { return doc.text.substr(m.start, m.end - m.start); }

  static std::string slug(std::string_view s) {
    std::string out, lower;
    append_slug(s, lower, out);
    return out;
  }
  // Appends the slug of `s` to `out`; `lower` is scratch (its buffer reused).
  static void append_slug(std::string_view s, std::string& lower, std::string& out) {
    utf8::to_lower(s, lower);
    const std::size_t from = out.size();
    // Written through a pointer into room for the whole word (a slug is no
    // longer), then cut to its length: a push_back per byte tested the
    // capacity for each.
    out.resize(from + lower.size());
    char* const begin = out.data() + from;
    char* o = begin;
    for (char c : lower) {
      if (c == ' ' || c == '-' || c == '.' || c == '\'') {
        if (o > begin && o[-1] != '-') *o++ = '-';
      } else {
        *o++ = c;
      }
    }
    while (o > begin && o[-1] == '-') --o;
    out.resize(static_cast<std::size_t>(o - out.data()));
  }

  // Mention covering each token (-1 for none); rebuilt after mentions change.
  TokenOwners owner;

  void index_tokens() { owner.index(doc); }

  // Mention index covering token i, or -1.
  std::int32_t mention_at_token(std::size_t i) const { return owner[i]; }

  // A mention of tokens [a, b) for an entity, to be added with add_mentions().
  Mention new_mention(std::size_t a, std::size_t b, const std::string& type, std::int32_t entity) const {
    Mention m;
    m.start = doc.tokens[a].start;
    m.end = doc.tokens[b - 1].end();
    m.type = type;
    m.sentence = static_cast<std::int32_t>(doc.sentence_of(a));
    m.first_token = static_cast<std::uint32_t>(a);
    m.last_token = static_cast<std::uint32_t>(b);
    m.entity = entity;
    return m;
  }

  // 0. "Sen. McConnell", "President Reagan" where the document never gives
  // the full name: a surname alone after a title is the one person of the
  // knowledge base (surname flag) with that surname who held an office of the
  // title's role (LEG for "Sen.", GOV for "President") and whose country the
  // document names otherwise (so that "Gen. Lee" in a Korean story is no
  // general of another country); the code then follows the article's date as
  // for any known person. Several such people, or a word that is a given name
  // ("Prince Andrew"): none.
  void people_by_title_and_surname() {
    // The known people a one-word person name not in the knowledge base may be, or null.
    const auto people_for = [&](const Mention& m) -> const std::vector<std::uint32_t>* {
      if (m.kb >= 0 || m.type != "PERSON" || m.last_token - m.first_token != 1 || m.first_token == 0) return nullptr;
      return k.actors.people_with_surname(text(m.first_token));
    };
    // Most documents have no such mention: the sets below are made only for those that do.
    if (std::none_of(doc.mentions.begin(), doc.mentions.end(), people_for)) return;
    StringSet named;      // surnames of the known people the document names in full: cluster() joins those
    StringSet countries;  // countries of the document's known names
    for (const Mention& m : doc.mentions) {
      if (m.kb < 0) continue;
      const ActorEntry& a = k.actors.entry(static_cast<std::uint32_t>(m.kb));
      if (!a.country.empty() && countries.find(a.country) == countries.end()) countries.emplace(a.country);
      const std::string_view name = a.name;
      if (const auto sp = name.rfind(' '); m.type == "PERSON" && sp != std::string_view::npos) {
        const std::string_view last = name.substr(sp + 1);
        if (named.find(last) == named.end()) named.emplace(last);
      }
    }
    for (Mention& m : doc.mentions) {
      const auto* people = people_for(m);
      if (!people) continue;
      const std::string_view word = text(m.first_token);
      if (named.find(word) != named.end() || k.actors.is_given_name(word)) continue;
      const std::string role = title_role_before(m.first_token);
      if (role.empty()) continue;
      std::int32_t found = -1;
      for (const std::uint32_t p : *people) {
        const ActorEntry& a = k.actors.entry(p);
        if (countries.find(a.country) == countries.end() ||
            std::none_of(a.offices.begin(), a.offices.end(), [&](const Office& o) { return o.actor.ends_with(role); }))
          continue;
        if (found >= 0) {
          found = -2;  // more than one
          break;
        }
        found = static_cast<std::int32_t>(p);
      }
      if (found >= 0) m.kb = found;
    }
  }

  // The role code of a title (agents.tsv, cue `title`) that ends right before
  // token t ("Sen.", "Vice President", "Majority Leader"), or empty; a title
  // without a role ("Mr.", "Leader") gives none.
  std::string title_role_before(std::size_t t) const {
    const Sentence& s = doc.sentences[doc.sentence_of(t)];
    std::string role;
    for (std::size_t j = t; j > s.first_token && j + 4 > t;) {
      --j;
      if (k.cues.phrase_at(doc, j, t, NameCues::kTitle, &role) == t - j) return role;
    }
    return {};
  }

  // 1. Entities for knowledge-base and text-found names.
  void cluster() {
    StringMap<std::int32_t> surname;      // last word of a person's name -> entity
    StringMap<std::int32_t> first_words;  // first word of a person's name -> entity (-1: several)
    std::string key, lower;               // an entity's key, a name lower-cased (buffers reused)
    for (auto& m : doc.mentions) {
      const std::string_view t = std::string_view(doc.text).substr(m.start, m.end - m.start);
      if (m.kb >= 0) {
        // Knowledge-base entities are keyed by entry, without building a string key.
        auto known = by_entry.find(m.kb);
        if (known != by_entry.end()) {
          m.entity = known->second;
        } else {
          const ActorEntry& a = k.actors.entry(static_cast<std::uint32_t>(m.kb));
          key.assign("kb:").append(a.id);
          m.entity = entity_for(key, m, a.name);
          doc.entities[static_cast<std::size_t>(m.entity)].type = a.type;
          by_entry.emplace(m.kb, m.entity);
        }
      } else if (auto sn = surname.find(t);
                 m.type == "PERSON" && m.last_token - m.first_token == 1 && sn != surname.end()) {
        m.entity = sn->second;
      } else {
        // Key "TYPE:slug", built in one reused buffer; the entity's id is the slug alone.
        key.assign(m.type.view()).push_back(':');
        const std::size_t id_at = key.size();
        append_slug(t, lower, key);
        m.entity = entity_for(key, m, t);
        std::string& id = doc.entities[static_cast<std::size_t>(m.entity)].id;
        if (std::string_view(id) != std::string_view(key).substr(id_at)) id.assign(key, id_at);
      }
      if (m.type == "PERSON" && m.last_token - m.first_token >= 2) {
        const std::string_view last = text(m.last_token - 1);
        surname.try_emplace(last, m.entity);  // the first person with the surname keeps it
        // First words, for names whose family name comes first ("Kim Jong Un"); -1: several people.
        const std::string_view first = text(m.first_token);
        if (auto [fw, fresh] = first_words.try_emplace(first, m.entity); !fresh && fw->second != m.entity)
          fw->second = -1;
      }
    }
    // A bare surname seen before the full name ("Rep. Young" in a headline,
    // "Don Young" below) joins the full name's entity; a lone name that is no
    // one's surname but the first word of one person's name joins that
    // person ("Chairman Kim" and "Kim Jong Un", "Marina" and "Marina Litvinenko").
    for (auto& m : doc.mentions) {
      if (m.kb >= 0 || m.type != "PERSON" || m.last_token - m.first_token != 1) continue;
      const std::string_view w = std::string_view(doc.text).substr(m.start, m.end - m.start);
      if (auto sn = surname.find(w); sn != surname.end()) {
        m.entity = sn->second;
      } else if (auto fw = first_words.find(w); fw != first_words.end() && fw->second >= 0 && w.size() >= 2) {
        m.entity = fw->second;
      }
    }
    // Later bare surnames (and earlier ones, as in headlines): "Putin", "Konashenkov".
    std::vector<std::uint8_t> covered(doc.tokens.size(), 0);
    for (const auto& m : doc.mentions)
      for (std::size_t i = m.first_token; i < m.last_token; ++i) covered[i] = 1;
    // People from the knowledge base with the surname flag.
    for (const auto& m : doc.mentions) {
      if (m.kb < 0 || m.type != "PERSON") continue;
      const ActorEntry& a = k.actors.entry(static_cast<std::uint32_t>(m.kb));
      if (a.flags & kFamilyFirst) {  // "Kim" after "Kim Jong Un"
        if (const auto sp = a.name.find(' '); sp != std::string::npos) surname.emplace(a.name.substr(0, sp), m.entity);
        continue;
      }
      if (!(a.flags & kSurname)) continue;
      auto sp = a.name.rfind(' ');
      if (sp != std::string::npos) surname.emplace(a.name.substr(sp + 1), m.entity);
    }
    // "Jordan says he plans to vote against it" after "Rep. Jim Jordan": a
    // country's name that is the surname of a person of the document and
    // comes right before a verb of saying is that person, unless the
    // document names the country elsewhere ("King Abdullah of Jordan").
    std::vector<std::size_t> speakers;
    for (std::size_t mi = 0; mi < doc.mentions.size(); ++mi) {
      const Mention& m = doc.mentions[mi];
      if (m.kb >= 0 && m.last_token - m.first_token == 1 && m.type == "GPE" &&
          surname.find(std::string_view(doc.text).substr(m.start, m.end - m.start)) != surname.end() &&
          speaks_after(m.first_token))
        speakers.push_back(mi);
    }
    for (const std::size_t mi : speakers) {
      Mention& m = doc.mentions[mi];
      const bool placed = std::any_of(doc.mentions.begin(), doc.mentions.end(), [&](const Mention& o) {
        return o.kb == m.kb && &o != &m && !(o.last_token - o.first_token == 1 && speaks_after(o.first_token));
      });
      if (placed) continue;
      m.entity = surname.find(std::string_view(doc.text).substr(m.start, m.end - m.start))->second;
      m.type = "PERSON";
      m.kb = -1;
    }
    // Names whose family name comes first ("Wang Shouwen" ... "Wang said"), and
    // people called by their given name ("Gen. Prayuth Chan-ocha" ... "Prayuth
    // said"): the first word of one person's name, alone before a verb of
    // saying (elsewhere a lone first word is as often another person's given
    // name, or the first word of a run the finder took for a person's name).
    StringSet family_first;
    for (const auto& m : doc.mentions) {
      if (m.type != "PERSON" || m.last_token - m.first_token < 2) continue;
      const std::string_view first = text(m.first_token);
      const auto fw = first_words.find(first);
      if (fw == first_words.end() || fw->second < 0 || first.size() < 3 || surname.find(first) != surname.end())
        continue;
      surname.emplace(std::string(first), fw->second);
      family_first.emplace(first);
    }
    if (surname.empty()) return;
    // The entity of a surname in capitals ("PUTIN SAYS" in a title), or null:
    // the surnames are lower-cased at the first such word, which most
    // documents lack.
    std::optional<StringMap<std::int32_t>> folded;
    const auto folded_surname = [&](std::string_view word) -> const std::int32_t* {
      if (!folded) {
        folded.emplace();
        for (const auto& [w, e] : surname) folded->emplace(utf8::to_lower(w), e);
      }
      const auto it = folded->find(utf8::to_lower(word));
      return it == folded->end() ? nullptr : &it->second;
    };
    // A document has a handful of surnames and thousands of capitalised
    // words: the word filter skips most look-ups.
    WordFilter<false> filter;
    for (const auto& [w, e] : surname) filter.add(w);
    std::vector<Mention> found;
    for (const Sentence& s : doc.sentences) {
      const Paragraph& p = doc.paragraphs[s.paragraph];
      if (p.boilerplate) continue;
      const Shape caps = p.title ? Shape::AllCaps : Shape::Capitalized;
      for (std::size_t i = s.first_token;; ++i) {
        i = next_name_word(doc.tokens, covered, i, s.last_token, caps);
        if (i >= s.last_token) break;
        const Token& t = doc.tokens[i];
        if (t.shape == Shape::Capitalized) {
          if (!filter.may_contain(text(i))) continue;
          auto it = surname.find(text(i));
          if (it != surname.end() && (family_first.find(text(i)) == family_first.end() || speaks_after(i)))
            found.push_back(new_mention(i, i + 1, "PERSON", it->second));
        } else if (t.shape == Shape::AllCaps && p.title) {
          if (const std::int32_t* e = folded_surname(text(i))) found.push_back(new_mention(i, i + 1, "PERSON", *e));
        }
      }
    }
    insert_mentions(doc, std::move(found), false);
  }

  // 2. "Organization for Security and Cooperation in Europe (OSCE)": the
  // acronym joins the entity of the name before it, here and later on.
  void acronyms() {
    StringMap<std::int32_t> alias;
    std::vector<Mention> found;
    for (std::size_t mi = 0; mi < doc.mentions.size(); ++mi) {
      Mention& m = doc.mentions[mi];
      const std::size_t after = m.last_token;
      if (after + 2 < doc.tokens.size() && text(after) == "(" && text(after + 2) == ")" &&
          doc.tokens[after + 1].shape == Shape::AllCaps) {
        const std::int32_t other = mention_at_token(after + 1);
        if (other >= 0) {
          Mention& o = doc.mentions[static_cast<std::size_t>(other)];
          if (o.kb < 0 && m.entity >= 0) {
            o.entity = m.entity;
            o.type = m.type;
          }
        } else if (m.type == "ORG" || m.type == "LAW" || m.type == "EVENT") {
          found.push_back(new_mention(after + 1, after + 2, m.type, m.entity));
          alias.emplace(std::string(text(after + 1)), m.entity);
          continue;
        }
        alias.emplace(std::string(text(after + 1)), m.entity);
      }
    }
    insert_mentions(doc, std::move(found), false);
    if (alias.empty()) return;
    for (auto& m : doc.mentions) {
      if (m.kb >= 0) continue;
      auto it = alias.find(std::string_view(doc.text).substr(m.start, m.end - m.start));
      if (it != alias.end()) m.entity = it->second;
    }
  }

  // 2b. "the North" after "North Korea", "the South" after "South Sudan": a
  // country's short form, when one country of the document is named so.
  void compass_short_forms() {
    std::int32_t entity[2] = {-1, -1};  // North, South; -2: several
    std::int32_t kb[2] = {-1, -1};
    for (const auto& m : doc.mentions) {
      if (m.type != "GPE" || m.last_token - m.first_token != 2 || m.entity < 0 || m.kb < 0) continue;
      const std::string_view w = text(m.first_token);
      const int side = w == "North" ? 0 : w == "South" ? 1 : -1;
      if (side < 0) continue;
      // A country ("South Korea"), not a state or province ("South Carolina": "the South" is a region).
      const auto cands = k.gazetteer.lookup(mention_text(m));
      if (cands.empty() || k.gazetteer.place(cands.front()).feature != "country") continue;
      std::int32_t& e = entity[side];
      e = e == -1 || e == m.entity ? m.entity : -2;
      kb[side] = m.kb;
    }
    if (entity[0] < 0 && entity[1] < 0) return;
    std::vector<Mention> found;
    for (std::size_t i = 1; i + 1 < doc.tokens.size(); ++i) {
      const std::string_view w = text(i);
      const int side = w == "North" ? 0 : w == "South" ? 1 : -1;
      if (side < 0 || entity[side] < 0 || mention_at_token(i) >= 0) continue;
      const std::string_view before = text(i - 1);
      // "the North", "the North's"; not "the North Atlantic".
      if ((before != "the" && before != "The") || doc.tokens[i + 1].shape == Shape::Capitalized ||
          doc.tokens[i + 1].shape == Shape::AllCaps ||
          doc.paragraphs[doc.sentences[doc.sentence_of(i)].paragraph].boilerplate)
        continue;
      found.push_back(new_mention(i, i + 1, "GPE", entity[side]));
      found.back().kb = kb[side];  // the country's entry: its code
    }
    insert_mentions(doc, std::move(found), false);
  }

  // 3. Actor codes, in steps: the knowledge base's (at the article's date),
  // then codes from context for names it lacks, then the entity layer (each
  // entity lists its mentions, which share one code), then the story's
  // country for people and bodies that are still without one.
  void assign_codes() {
    codes_from_knowledge_base();
    codes_from_context();
    list_entity_mentions();
    share_codes_within_entities();
    countries_named_as_divisions();
    codes_from_story();
  }

  // "Georgia" among Atlanta and South Carolina is the American state, not
  // the country: a country's name that is also a first-level division of
  // another country is the division where the document names places of two
  // or more other entities inside that other country and none inside the
  // named one. The geocoder then finds the division through the code.
  void countries_named_as_divisions() {
    for (std::size_t ei = 0; ei < doc.entities.size(); ++ei) {
      Entity& e = doc.entities[ei];
      if (e.type != "GPE" || e.mentions.empty() || e.actor.size() != 3 || e.actor != e.country) continue;
      const Mention& first = doc.mentions[static_cast<std::size_t>(e.mentions.front())];
      if (first.kb < 0) continue;
      std::string_view other;
      for (const auto idx :
           k.gazetteer.lookup(std::string_view(doc.text).substr(first.start, first.end - first.start))) {
        const Place& p = k.gazetteer.place(idx);
        if (p.feature == "admin1" && p.country != e.country) other = p.country;
      }
      if (other.empty()) continue;
      if (places_inside(e.country, ei) > 0 || places_inside(other, ei) < 2) continue;
      const std::string code(other);
      e.id = slug(e.name) + "-" + utf8::to_lower(code);
      e.actor = code;
      e.country = code;
      for (const auto mi : e.mentions) {
        Mention& m = doc.mentions[static_cast<std::size_t>(mi)];
        m.actor = code;
        m.kb = -1;
      }
    }
  }

  // The entities other than `self` that are places inside `country` (a city,
  // a division, a seat of government; not the country itself).
  std::size_t places_inside(std::string_view country, std::size_t self) const {
    std::size_t n = 0;
    for (std::size_t ei = 0; ei < doc.entities.size(); ++ei) {
      const Entity& o = doc.entities[ei];
      if (ei == self || o.type != "GPE" || o.country != country || (o.actor == country && o.id.size() == 3)) continue;
      ++n;
    }
    return n;
  }

  // Known actors: the code valid at the article's date; a capital named as a
  // place ("in Moscow") is its country, not its government.
  void codes_from_knowledge_base() {
    for (Mention& m : doc.mentions) {
      if (m.kb < 0) continue;
      const ActorEntry& a = k.actors.entry(static_cast<std::uint32_t>(m.kb));
      m.actor = k.actors.actor_at(a, date);
      if ((a.flags & kSeat) && a.type == "GPE" && as_place(m)) m.actor = a.country;
    }
  }

  // What the context said about each name that asked (mention index, finding).
  std::vector<std::pair<std::uint32_t, context_codes::Finding>> findings;
  // Mentions of known bodies of a shared name that the text gives another
  // country ("the Chilean Senate": mention, its context), those it gives
  // their own ("the U.S. Senate"), and the entities made for the former.
  std::vector<std::pair<std::uint32_t, std::int32_t>> overridden;
  std::vector<std::uint32_t> confirmed;
  std::vector<std::int32_t> foreign_bodies;
  std::vector<std::uint32_t> people_from_titles;  // known people whose office a title gave ("Gov. X")

  std::string_view actor_of(const Mention& m) const {
    if (!m.actor.empty() || m.entity < 0) return m.actor.view();
    return doc.entities[static_cast<std::size_t>(m.entity)].actor;
  }

  // A context that is a country, nationality or place rather than a body.
  bool is_place(const Mention& c, std::string_view code) const {
    return c.type == "GPE" || c.type == "LOC" || (c.type == "NORP" && k.codes.root(code).size() == code.size());
  }

  // The code a finding gives mention m now ("" while its context has none):
  // a party-state label's; else an organisation named with the role, the
  // owner or nationality before it, a place named with it.
  std::string code_of(const context_codes::Finding& f, const Mention& m) const {
    if (!f.label_code.empty()) return f.label_code;
    const std::string& role = f.has_role ? f.role : m.role;
    const auto from = [&](std::int32_t ci, bool places) -> std::string {
      if (ci < 0) return {};
      const Mention& c = doc.mentions[static_cast<std::size_t>(ci)];
      const std::string_view code = actor_of(c);
      if (code.empty() || is_place(c, code) != places) return {};
      // An organisation named as the employer gives its own code when it has
      // a role: the person acts for it ("a political scientist at the
      // University of X" is the university's, not a civilian).
      if (ci == f.employer && !places && c.type == "ORG" && k.codes.root(code).size() < code.size() && !f.former)
        return context_codes::combine(k, code, false, {}, false);
      return context_codes::combine(k, code, places, role, f.former);
    };
    for (const std::int32_t ci : {f.employer, f.about})
      if (std::string code = from(ci, false); !code.empty()) return code;
    for (const std::int32_t ci : {f.about, f.employer})
      if (std::string code = from(ci, true); !code.empty()) return code;
    return {};
  }

  // Which names ask their context: people and bodies the knowledge base
  // lacks; known people whose code is their country alone and who have no
  // dated office (a title may give their office: "Gov. X"; the dates of a
  // known office win over a title); known bodies whose name other countries
  // share.
  bool asks_context(const Mention& m) const {
    if (m.type != "PERSON" && m.type != "ORG") return false;
    if (m.kb < 0) return m.actor.empty();
    const ActorEntry& a = k.actors.entry(static_cast<std::uint32_t>(m.kb));
    if (m.type == "ORG") return (a.flags & kGeneric) != 0;
    // People with dated offices are known to be out of office at this date.
    const bool dated = std::any_of(a.offices.begin(), a.offices.end(), [](const Office& o) { return o.dated(); });
    return !dated && (m.actor.empty() || m.actor == a.country);
  }

  // People and bodies take a code from what the text says around them (the
  // rules: context_codes::Reader::read). Bodies first: their people read
  // their codes ("a spokesman for the Russian Defense Ministry").
  void codes_from_context() {
    findings.clear();
    overridden.clear();
    confirmed.clear();
    foreign_bodies.clear();
    people_from_titles.clear();
    // Known entities carry their code already, for the later bare surnames
    // that name them ("Clinton aide X" after "Hillary Clinton"); the entity
    // codes are settled afterwards (share_codes_within_entities).
    for (const Mention& m : doc.mentions)
      if (m.kb >= 0 && m.entity >= 0 && doc.entities[static_cast<std::size_t>(m.entity)].actor.empty())
        doc.entities[static_cast<std::size_t>(m.entity)].actor = m.actor;
    const context_codes::Reader reader(doc, k, owner, *memo);
    for (const bool bodies : {true, false}) {
      for (std::size_t mi = 0; mi < doc.mentions.size(); ++mi) {
        Mention& m = doc.mentions[mi];
        if ((m.type == "ORG") != bodies || !asks_context(m)) continue;
        context_codes::Finding f = reader.read(m);
        if (!f.found()) continue;
        if (m.kb >= 0)
          code_known_from_context(static_cast<std::uint32_t>(mi), f, reader);
        else
          m.actor = code_of(f, m);
        findings.emplace_back(static_cast<std::uint32_t>(mi), std::move(f));
      }
    }
    split_foreign_bodies();
  }

  // Known bodies of a shared name that the text gives another country
  // become entities of their own, one per country ("Chilean Senate",
  // CHLLEG); the bare mentions of the same body ("the Senate") follow the
  // first of them unless the text names the body with its own country too.
  void split_foreign_bodies() {
    if (overridden.empty()) return;
    std::vector<std::pair<std::int32_t, std::int32_t>> moved;  // known entity -> its first foreign one
    for (const auto& [mi, about] : overridden) {
      Mention& m = doc.mentions[mi];
      std::int32_t made = -1;
      for (const std::int32_t ei : foreign_bodies)
        if (doc.entities[static_cast<std::size_t>(ei)].actor == m.actor) made = ei;
      if (made < 0) {
        const std::uint32_t from = doc.mentions[static_cast<std::size_t>(about)].start;
        Entity e;
        e.name = doc.text.substr(from, m.end - from);  // "Chilean Senate", "Israel's Supreme Court"
        e.id = slug(e.name);
        e.type = m.type;
        e.actor = m.actor;
        e.country = std::string(k.codes.root(m.actor));
        made = static_cast<std::int32_t>(doc.entities.size());
        doc.entities.push_back(std::move(e));
        foreign_bodies.push_back(made);
      }
      if (std::none_of(moved.begin(), moved.end(), [&](const auto& mv) { return mv.first == m.entity; }))
        moved.emplace_back(m.entity, made);
      m.entity = made;
    }
    for (const auto& [known, foreign] : moved) {
      bool own = false;
      for (const auto mi : confirmed) own = own || doc.mentions[mi].entity == known;
      if (own) continue;
      for (Mention& m : doc.mentions) {
        if (m.entity != known) continue;
        m.entity = foreign;
        m.actor = doc.entities[static_cast<std::size_t>(foreign)].actor;
      }
    }
  }

  // A known person with the country alone takes the office of a title right
  // before the name ("Gov. X"; not "former"); a known body of a shared name
  // takes the country of the adjective or possessive before it ("the
  // Chilean Senate", "Israel's Supreme Court").
  void code_known_from_context(std::uint32_t mi, const context_codes::Finding& f, const context_codes::Reader& reader) {
    Mention& m = doc.mentions[mi];
    const ActorEntry& a = k.actors.entry(static_cast<std::uint32_t>(m.kb));
    if (m.type == "PERSON") {
      std::size_t t = m.first_token;
      while (t > 0 && t + 4 > m.first_token && (memo->kinds(t - 1) & NameCues::kTitle) &&
             doc.sentence_of(t - 1) == doc.sentence_of(m.first_token))
        --t;
      if (t == m.first_token || a.country.empty()) return;
      const context_codes::RoleWords title = reader.role_words(t, m.first_token);
      if (title.role.empty() || title.former || f.former) return;
      m.actor = a.country + title.role;
      people_from_titles.push_back(mi);
    } else {
      if (f.about < 0 || f.about + 1 != static_cast<std::int32_t>(mi)) return;  // right before the name
      const Mention& c = doc.mentions[static_cast<std::size_t>(f.about)];
      const std::string_view code = actor_of(c);
      if (code.empty() || !is_place(c, code)) return;
      const std::string_view root = k.codes.root(code), own = k.codes.root(m.actor);
      if (!k.codes.is_country(root)) return;
      if (root == own) {
        confirmed.push_back(mi);
        return;
      }
      m.actor = std::string(root) + m.actor.substr(own.size());
      overridden.emplace_back(mi, f.about);
    }
  }

  // The story's country for people and bodies still without a code, with
  // the role their context gave (bodies first, for the people who work for
  // them); a known body of a shared name ("the Senate") in a story set in
  // another country is that country's.
  void codes_from_story() {
    if (!needs_story()) return;
    const std::string story = context_codes::story_country(doc, k);
    if (story.empty()) return;
    std::vector<std::int32_t> finding_of(doc.mentions.size(), -1);
    for (std::size_t i = 0; i < findings.size(); ++i) finding_of[findings[i].first] = static_cast<std::int32_t>(i);
    for (const bool bodies : {true, false}) {
      for (auto& e : doc.entities) {
        if (!e.actor.empty() || e.mentions.empty() || (e.type == "ORG") != bodies) continue;
        if (e.type != "PERSON" && e.type != "ORG") continue;
        std::string code, role;
        bool known = false, former = false, has_employer = false;
        for (const auto mi : e.mentions) {
          const Mention& m = doc.mentions[static_cast<std::size_t>(mi)];
          known = known || m.kb >= 0;
          const std::int32_t fi = finding_of[static_cast<std::size_t>(mi)];
          if (fi >= 0 && code.empty()) code = code_of(findings[static_cast<std::size_t>(fi)].second, m);
          if (fi >= 0 && findings[static_cast<std::size_t>(fi)].second.employer >= 0) has_employer = true;
          if (fi >= 0) former = former || findings[static_cast<std::size_t>(fi)].second.former;
          if (role.empty())
            role = fi >= 0 && findings[static_cast<std::size_t>(fi)].second.has_role
                       ? findings[static_cast<std::size_t>(fi)].second.role
                       : m.role;
        }
        if (known) continue;  // a known actor without a code has none on purpose
        // Without a code of its context, the story's country with the role
        // (the default role only where no body of its own is named: "the
        // president of the X League" is the league's, not the government's).
        if (code.empty() && has_employer && role == k.codes.default_role()) role.clear();
        if (code.empty()) code = former ? story : story + role;
        set_entity_code(e, code);
      }
    }
    // "The Senate approved the bill" in a story set in Brazil.
    for (auto& e : doc.entities) {
      if (e.mentions.empty()) continue;
      const Mention& first = doc.mentions[static_cast<std::size_t>(e.mentions.front())];
      if (first.kb < 0 || !(k.actors.entry(static_cast<std::uint32_t>(first.kb)).flags & kGeneric)) continue;
      const std::string_view own = k.codes.root(e.actor);
      if (own == story || !k.codes.is_country(own)) continue;
      const bool named_own = std::any_of(e.mentions.begin(), e.mentions.end(), [&](std::int32_t mi) {
        return std::find(confirmed.begin(), confirmed.end(), static_cast<std::uint32_t>(mi)) != confirmed.end();
      });
      if (named_own) continue;
      // A body of this document, no longer the known one: named as written.
      e.name = doc.text.substr(first.start, first.end - first.start);
      e.id = slug(e.name) + "-" + utf8::to_lower(story);
      set_entity_code(e, story + e.actor.substr(own.size()), true);
    }
  }

  // Some person or body without a code, or a known body of a shared name:
  // only then is the story's country worth counting.
  bool needs_story() const {
    for (const auto& e : doc.entities) {
      if (e.mentions.empty()) continue;
      if (e.actor.empty() && (e.type == "PERSON" || e.type == "ORG")) return true;
      const Mention& first = doc.mentions[static_cast<std::size_t>(e.mentions.front())];
      if (first.kb >= 0 && (k.actors.entry(static_cast<std::uint32_t>(first.kb)).flags & kGeneric)) return true;
    }
    return false;
  }

  void set_entity_code(Entity& e, const std::string& code, bool replace = false) {
    e.actor = code;
    const std::string_view root = k.codes.root(code);
    if (k.codes.is_country(root) && (e.country.empty() || replace)) e.country = std::string(root);
    for (auto mi : e.mentions) {
      Mention& m = doc.mentions[static_cast<std::size_t>(mi)];
      if ((m.actor.empty() || replace) && m.type != "NORP" && m.type != "GPE") m.actor = code;
    }
  }

  // Each entity lists its mentions, in mention order.
  void list_entity_mentions() {
    std::vector<std::uint32_t> counts(doc.entities.size(), 0);
    for (const Mention& m : doc.mentions)
      if (m.entity >= 0) ++counts[static_cast<std::size_t>(m.entity)];
    for (std::size_t ei = 0; ei < doc.entities.size(); ++ei) {
      doc.entities[ei].mentions.clear();
      doc.entities[ei].mentions.reserve(counts[ei]);
    }
    for (std::size_t mi = 0; mi < doc.mentions.size(); ++mi) {
      const Mention& m = doc.mentions[mi];
      if (m.entity >= 0)
        doc.entities[static_cast<std::size_t>(m.entity)].mentions.push_back(static_cast<std::int32_t>(mi));
    }
  }

  // Every mention of an entity shares what one of them learned: the known
  // actor's code, else the longest code found in context; the entity's
  // country is the code's when it is a country's.
  void share_codes_within_entities() {
    for (std::size_t ei = 0; ei < doc.entities.size(); ++ei) {
      Entity& e = doc.entities[ei];
      // Foreign bodies of a shared name have the code the text gave them.
      if (std::find(foreign_bodies.begin(), foreign_bodies.end(), static_cast<std::int32_t>(ei)) !=
          foreign_bodies.end())
        continue;
      std::string actor;
      for (auto mi : e.mentions) {
        const Mention& m = doc.mentions[static_cast<std::size_t>(mi)];
        if (!m.actor.empty() && (actor.empty() || actor.size() < m.actor.size())) actor = m.actor;
        if (m.kb >= 0) {
          // A known person whose office a title gave ("Gov. X") keeps it.
          const bool titled = std::find(people_from_titles.begin(), people_from_titles.end(),
                                        static_cast<std::uint32_t>(mi)) != people_from_titles.end();
          if (!titled) actor = k.actors.actor_at(k.actors.entry(static_cast<std::uint32_t>(m.kb)), date);
          break;
        }
      }
      e.actor = actor;
      if (e.country.empty() && !actor.empty()) {
        const std::string_view root = k.codes.root(actor);
        if (k.codes.is_country_root(root)) e.country = root;
      }
      for (auto mi : e.mentions) {
        Mention& m = doc.mentions[static_cast<std::size_t>(mi)];
        if (m.actor.empty() && m.type != "NORP" && m.type != "GPE") m.actor = actor;
      }
    }
  }

  // Is this capital named as a place ("in Moscow", "Minsk, Belarus",
  // a dateline) rather than as the government it houses?
  bool as_place(const Mention& m) const {
    const std::size_t a = m.first_token, b = m.last_token;
    const Sentence& s = doc.sentences[doc.sentence_of(a)];
    if (a > s.first_token) {
      const std::string_view prev = text(a - 1);
      // Words before a capital that make it a place, not the government it houses ("in Moscow").
      if (memo->kinds(a - 1) & NameCues::kPlaceBefore) return true;
      if (prev == "the" && a >= 2 && a - 1 > s.first_token && (memo->kinds(a - 2) & NameCues::kPlaceBefore))
        return true;
    }
    // "Minsk, Belarus": a country right after a comma.
    if (b + 1 < s.last_token && text(b) == ",") {
      const std::int32_t next = mention_at_token(b + 1);
      if (next >= 0 && doc.mentions[static_cast<std::size_t>(next)].type == "GPE") return true;
    }
    // A dateline: "MOSCOW (Reuters) -", "KYIV —" at the start of a paragraph.
    const Paragraph& p = doc.paragraphs[s.paragraph];
    if (doc.tokens[a].start == p.start && b < s.last_token) {
      const std::string_view next = text(b);
      if (next == "(" || next == "-" || next == "\xE2\x80\x94" || next == "\xE2\x80\x93" || next == "--") return true;
    }
    return false;
  }

  void run() {
    // At most one entity per mention; capped so that a huge document does not
    // reserve for millions of mentions that mostly share entities.
    doc.entities.reserve(std::min<std::size_t>(doc.mentions.size(), 1024));
    by_key.reserve(std::min<std::size_t>(doc.mentions.size(), 1024));  // (no rehash as the entities come)
    sort_mentions_by_start(doc.mentions);
    people_by_title_and_surname();
    cluster();
    index_tokens();
    const std::size_t before_acronyms = doc.mentions.size();
    acronyms();
    if (doc.mentions.size() != before_acronyms) index_tokens();  // new mentions: re-index
    const std::size_t before_short_forms = doc.mentions.size();
    compass_short_forms();
    if (doc.mentions.size() != before_short_forms) index_tokens();
    memo.emplace(doc, k.cues);
    assign_codes();
    drop_empty_entities();
  }

  // Entities left without mentions (a surname that joined a full name) go;
  // the others keep their order. Moved down in place: the vector keeps the
  // room run() reserved, so the entities the statement stage adds
  // (add_mentions) need no reallocation that moves them all.
  void drop_empty_entities() {
    if (std::none_of(doc.entities.begin(), doc.entities.end(), [](const Entity& e) { return e.mentions.empty(); }))
      return;
    std::vector<std::int32_t> remap(doc.entities.size(), -1);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < doc.entities.size(); ++i) {
      if (doc.entities[i].mentions.empty()) continue;
      remap[i] = static_cast<std::int32_t>(kept);
      if (kept != i) doc.entities[kept] = std::move(doc.entities[i]);
      ++kept;
    }
    doc.entities.resize(kept);
    for (auto& m : doc.mentions)
      if (m.entity >= 0) m.entity = remap[static_cast<std::size_t>(m.entity)];
  }
};

// Token range and sentence of a mention given by offsets.
void complete_token_range(const Document& doc, Mention& m) {
  const auto by_start = [](const Token& t, std::uint32_t b) { return t.start < b; };
  const auto first = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), m.start, by_start);
  const auto last = std::lower_bound(first, doc.tokens.end(), m.end, by_start);
  m.first_token = static_cast<std::uint32_t>(first - doc.tokens.begin());
  m.last_token = static_cast<std::uint32_t>(last - doc.tokens.begin());
  if (m.sentence < 0 && first != doc.tokens.end())
    m.sentence = static_cast<std::int32_t>(doc.sentence_of(m.first_token));
}

// Whether doc.mentions (sorted by start) holds a mention of this span.
bool has_span(const std::vector<Mention>& mentions, const Mention& m) {
  auto it = std::lower_bound(mentions.begin(), mentions.end(), m.start,
                             [](const Mention& a, std::uint32_t b) { return a.start < b; });
  for (; it != mentions.end() && it->start == m.start; ++it)
    if (it->end == m.end) return true;
  return false;
}

// add_mentions(); `relist`: rebuild the entities' lists (the resolver makes
// them itself once its own additions are in).
void insert_mentions(Document& doc, std::vector<Mention> added, bool relist) {
  if (added.empty()) return;
  // Stages propose mentions mostly in text order already.
  const auto by_start = [](const Mention& a, const Mention& b) { return a.start < b.start; };
  if (!std::is_sorted(added.begin(), added.end(), by_start)) std::stable_sort(added.begin(), added.end(), by_start);
  // A span is added once: not when the document or an earlier one of `added`
  // has it. Kept ones move to the front of `added`.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < added.size(); ++i) {
    Mention& m = added[i];
    if (has_span(doc.mentions, m)) continue;
    bool repeated = false;
    for (std::size_t j = kept; j-- > 0 && added[j].start == m.start && !repeated;) repeated = added[j].end == m.end;
    if (repeated) continue;
    if (m.last_token == 0) complete_token_range(doc, m);
    if (m.entity < 0 || static_cast<std::size_t>(m.entity) >= doc.entities.size()) {
      Entity e;
      const std::string_view text = std::string_view(doc.text).substr(m.start, m.end - m.start);
      e.id = m.type + ":" + Resolver::slug(text);
      e.name = std::string(text);
      e.type = m.type;
      e.actor = m.actor;
      m.entity = static_cast<std::int32_t>(doc.entities.size());
      doc.entities.push_back(std::move(e));
    }
    if (kept != i) added[kept] = std::move(m);
    ++kept;
  }
  added.resize(kept);
  // Merged in place from the back: each mention after the first insertion
  // point moves once, those before it stay (the added ones go after
  // mentions of the same start).
  const std::size_t old_size = doc.mentions.size();
  // Room for these and an eighth more, for the few that later steps add
  // (resize() alone would double a full vector: a huge document's mentions
  // take hundreds of MB, and the copy is made while the old ones are live).
  if (const std::size_t n = old_size + added.size(); doc.mentions.capacity() < n) doc.mentions.reserve(n + n / 8);
  doc.mentions.resize(old_size + added.size());
  std::size_t from_old = old_size, from_added = added.size();
  for (std::size_t to = doc.mentions.size(); from_added > 0;) {
    --to;
    if (from_old > 0 && doc.mentions[from_old - 1].start > added[from_added - 1].start)
      doc.mentions[to] = std::move(doc.mentions[--from_old]);
    else
      doc.mentions[to] = std::move(added[--from_added]);
  }
  if (!relist) return;
  for (auto& e : doc.entities) e.mentions.clear();
  for (std::size_t mi = 0; mi < doc.mentions.size(); ++mi) {
    const std::int32_t e = doc.mentions[mi].entity;
    if (e >= 0 && static_cast<std::size_t>(e) < doc.entities.size())
      doc.entities[static_cast<std::size_t>(e)].mentions.push_back(static_cast<std::int32_t>(mi));
  }
}

}  // namespace

void add_mentions(Document& doc, std::vector<Mention> added) { insert_mentions(doc, std::move(added), true); }

void resolve_entities(Document& doc, const Knowledge& knowledge) {
  doc.entities.clear();
  Resolver r{doc, knowledge, date_number(doc.date.value_or("")), {}, {}, std::nullopt, {}, {}, {}, {}, {}, {}};
  r.run();
}

}  // namespace standpoints

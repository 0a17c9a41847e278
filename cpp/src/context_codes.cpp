#include "context_codes.hpp"

#include <algorithm>

#include "standpoints/knowledge.hpp"
#include "standpoints/string_map.hpp"

namespace standpoints::context_codes {

namespace {

// Grammar words the readers step over or stop at (closed classes: code, not data).
bool is_determiner(std::string_view w) { return w == "the" || w == "a" || w == "an" || w == "The" || w == "A"; }

// A preposition that links a role to the body it serves ("spokesman for",
// "analyst at", "head of", "judge on"); "to" links it to whom it is sent
// ("envoy to the UN") and is read apart.
bool is_role_preposition(std::string_view w) {
  return w == "for" || w == "at" || w == "of" || w == "with" || w == "from" || w == "in" || w == "on" || w == "to" ||
         w == "by";
}

// Words that end an apposition: punctuation, relative pronouns, conjunctions of clauses.
bool ends_apposition(std::string_view w) {
  return w == "," || w == ";" || w == "." || w == ")" || w == "(" || w == ":" || w == "who" || w == "which" ||
         w == "that" || w == "whose" || w == "but" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93" || w == "--";
}

// A relative clause that states an office: "who is", "who was", "who served as".
bool states_office(std::string_view w) { return w == "is" || w == "was" || w == "as" || w == "are" || w == "were"; }

}  // namespace

bool Reader::possessive(std::size_t i) const {
  if (i >= doc_.tokens.size()) return false;
  const std::string_view w = text(i);
  return w == "'s" || w == "\xE2\x80\x99s" || w == "'" || w == "\xE2\x80\x99";
}

// A name that holds its owner ("China's State Council" as one name).
bool Reader::owned(const Mention& c) const {
  for (std::size_t i = c.first_token + 1; i < c.last_token; ++i)
    if (possessive(i)) return true;
  return false;
}

// "former U.S. ambassador", "the late Sen.", "former state Supreme Court
// Chief Justice": a word of kind former just before token i, over "the" and
// one lower-case word right before it ("state", "federal").
bool Reader::former_before(std::size_t i) const {
  for (int back = 0; back < 3 && i > 0; ++back) {
    --i;
    if (memo_.kinds(i) & NameCues::kFormer) return true;
    const Token& t = doc_.tokens[i];
    const bool modifier = back == 0 && t.kind == TokenKind::Word && t.shape == Shape::Lower;
    if (!modifier && !is_determiner(text(i))) return false;
  }
  return false;
}

RoleWords Reader::role_words(std::size_t a, std::size_t b) const {
  RoleWords out;
  struct Match {
    const NameCues::Agent* agent;
    std::size_t at;
  };
  Match found[12];
  std::size_t n_found = 0, head = 12;
  bool prep_seen = false;
  std::size_t first_prep = b;
  for (std::size_t i = a; i < b;) {
    if (mention_at(i) >= 0) {
      ++i;
      continue;
    }
    if (memo_.kinds(i) & NameCues::kFormer) out.former = true;
    const std::string_view w = text(i);
    if (n_found && !prep_seen && is_role_preposition(w)) {
      prep_seen = true;
      first_prep = i;
    }
    const NameCues::Agent* agent = nullptr;
    const std::size_t n = k_.cues.agent_at(doc_, i, b, &agent);
    // A modifier alone ("deputy", "senior", "acting", "retired") gives no
    // role of its own, even where it is an agent word too (a sheriff's
    // "deputy", a "retired" person).
    if (!n || (n == 1 && (memo_.kinds(i) & (NameCues::kRoleModifier | NameCues::kFormer)))) {
      ++i;
      continue;
    }
    if (n_found < 12) {
      found[n_found] = {agent, i};
      if (i < first_prep) head = n_found;
      ++n_found;
    }
    i += n;
  }
  if (head >= n_found) return out;
  out.has_role = true;
  const NameCues::Agent& h = *found[head].agent;
  const std::string& fallback = k_.codes.default_role();
  if (h.role.empty() && !h.body) {
    // A profession: the code of the body or country named with it; a body
    // named by a common noun after its preposition gives its role ("a
    // lawyer for the campaign" PTY).
    for (std::size_t i = head + 1; i < n_found; ++i)
      if (found[i].agent->body && !found[i].agent->role.empty() && found[i].at > first_prep &&
          doc_.tokens[found[i].at].shape == Shape::Lower) {  // a common noun, not a word of a name
        out.role = found[i].agent->role;
        break;
      }
    return out;
  }
  if (!h.role.empty() && h.role != fallback) {
    out.role = h.role;
    return out;
  }
  // The default role (an official, a spokesman, a head): a more telling word
  // before it or after its preposition wins.
  for (std::size_t i = 0; i < n_found; ++i) {
    const std::string& r = found[i].agent->role;
    if (i != head && !r.empty() && r != fallback && k_.codes.is_role(r)) {
      out.role = r;
      return out;
    }
  }
  out.role = h.role;
  return out;
}

// An apposition opens with a determiner, a name, a title, a role or
// modifier word ("X, a spokesman", "X, Russia's envoy", "X, chief economist",
// "X, then head of"), not with a verb ("X, speaking on a visit").
bool Reader::opens_apposition(std::size_t i) const {
  const Token& t = doc_.tokens[i];
  if (t.kind != TokenKind::Word) return false;
  const std::string_view w = text(i);
  if (is_determiner(w) || w == "one" || mention_at(i) >= 0 || t.shape != Shape::Lower) return true;
  if (memo_.kinds(i) & (NameCues::kTitle | NameCues::kRole | NameCues::kRoleModifier | NameCues::kFormer)) return true;
  const NameCues::Agent* agent = nullptr;
  return k_.cues.agent_at(doc_, i, doc_.tokens.size(), &agent) > 0;
}

Finding Reader::read(const Mention& m) const {
  Finding label = party_label(m);
  if (!label.label_code.empty()) return label;
  Finding b = before(m);
  if (b.about >= 0) return b;
  Finding a = apposition(m);
  if (a.about >= 0 || a.employer >= 0) {
    if (!a.has_role && b.has_role) a.role = b.role, a.has_role = true;
    a.former = a.former || b.former;
    return a;
  }
  Finding o = of_phrase(m);
  if (o.employer >= 0) {
    o.role = b.has_role ? b.role : a.role;
    o.has_role = b.has_role || a.has_role;
    o.former = b.former || a.former;
    return o;
  }
  if (b.has_role) return b;
  return a;
}

// "Sen. Jane Roe (D-Calif.)", "Rep. John Doe, R-Texas,".
Finding Reader::party_label(const Mention& m) const {
  Finding f;
  const std::size_t p = m.last_token;
  if (p + 3 >= doc_.tokens.size()) return f;
  const std::string_view open = text(p);
  if (open != "(" && open != ",") return f;
  const PartyLabels::Party* party = nullptr;
  std::size_t region = 0;
  if (!k_.parties.label_at(doc_, p + 1, doc_.tokens.size(), &party, &region)) return f;
  f.label_code = party->country + party->role;
  f.role = party->role;
  f.has_role = true;
  return f;
}

// A name before the mention over titles, role words and modifiers.
Finding Reader::before(const Mention& m) const {
  Finding f;
  const std::size_t first = m.first_token;
  const std::uint32_t sentence = doc_.sentence_of(first);
  const bool person = m.type == "PERSON";
  std::size_t j = first;
  for (int steps = 0; j > 0 && steps < 8; ++steps) {
    const std::size_t p = j - 1;
    if (p < doc_.sentences[sentence].first_token) break;
    const Token& t = doc_.tokens[p];
    if (const std::int32_t mi = mention_at(p); mi >= 0) {
      f.about = mi;
      break;
    }
    const std::string_view w = text(p);
    const std::uint32_t kinds = memo_.kinds(p);
    const NameCues::Agent* agent = nullptr;
    if (w == ",") {
      // "Russia's ambassador, Anatoly Viktorov": a comma right after a role word.
      if (j == first && p > 0 && mention_at(p - 1) < 0 &&
          ((memo_.kinds(p - 1) & (NameCues::kRole | NameCues::kTitle)) ||
           k_.cues.agent_at(doc_, p - 1, first, &agent))) {
        j = p;
        continue;
      }
      break;
    }
    // People: over titles, role and agent words ("Israeli army spokesman Lt.
    // Col. X", "White House Chief of Staff X"). Bodies: over modifiers, seat
    // words and nouns for bodies ("the Chicago-based think tank X").
    const bool common = t.shape == Shape::Lower && k_.cues.agent_at(doc_, p, first, &agent) > 0;
    const bool walk =
        possessive(p) || w == "the" || w == "The" || w == "-" || t.shape == Shape::Capitalized ||
        (kinds & (NameCues::kRoleModifier | NameCues::kFormer | NameCues::kSeatWord)) ||
        (person ? (kinds & (NameCues::kTitle | NameCues::kRole)) || common ||
                      ((w == "of" || w == "in") && p > 0 && p + 1 < first &&
                       (doc_.tokens[p - 1].shape == Shape::Capitalized || k_.cues.agent_at(doc_, p - 1, first, &agent)))
                : common && agent->body);
    if (!walk) break;
    j = p;
  }
  std::size_t from = j;
  if (f.about >= 0) {
    const Mention& c = doc_.mentions[static_cast<std::size_t>(f.about)];
    from = c.last_token;
    f.former = former_before(c.first_token);
  }
  const RoleWords r = role_words(from, first);
  f.role = r.role;
  f.has_role = r.has_role;
  f.former = f.former || r.former;
  if (f.about >= 0) {
    const Mention& c = doc_.mentions[static_cast<std::size_t>(f.about)];
    // A person's code passes to another only through a role ("Putin's
    // spokesman"); a person names no organisation's country.
    if (c.type == "PERSON" && (m.type != "PERSON" || !f.has_role)) f.about = -1;
  }
  return f;
}

// ", Russia's deputy envoy to the UN", ", a spokesman for the Y Institute",
// ", chief economist at Y Bank", ", a Russian analyst", ", a Republican from Ohio".
Finding Reader::apposition(const Mention& m) const {
  Finding f;
  const std::size_t n = doc_.tokens.size();
  std::size_t p = m.last_token;
  if (p + 1 >= n || text(p) != ",") return f;
  const std::uint32_t sentence = doc_.sentence_of(p);
  ++p;
  // "X, who formerly served as U.S. ambassador": a relative clause that states an office.
  if (text(p) == "who") {
    std::size_t q = p + 1;
    while (q < n && q < p + 5 && doc_.tokens[q].shape == Shape::Lower && !states_office(text(q))) ++q;
    if (q >= n || !states_office(text(q))) return f;
    for (std::size_t i = p + 1; i < q; ++i) f.former = f.former || (memo_.kinds(i) & NameCues::kFormer);
    p = q + 1;
  }
  if (p >= n || !opens_apposition(p)) return f;
  const std::size_t start = p, limit = std::min(n, p + 14);
  std::size_t end = p;
  std::int32_t owner = -1;
  bool after_link = false, after_to = false, role_seen = false, link_seen = false, weak_employer = false,
       after_at = false;
  for (std::size_t q = p; q < limit; ++q) {
    if (q >= doc_.sentences[sentence].last_token) break;
    if (const std::int32_t mi = mention_at(q); mi >= 0) {
      const Mention& c = doc_.mentions[static_cast<std::size_t>(mi)];
      // "the musician X, the baseball player Y and ...": a list of people, no
      // apposition; but "a former Clinton aide", "Clinton's spokesman": the
      // person a role serves.
      if (c.type == "PERSON" && !after_link) {
        const std::size_t next = c.last_token;
        const NameCues::Agent* agent = nullptr;
        const bool serves = next < limit && (possessive(next) || (doc_.tokens[next].shape == Shape::Lower &&
                                                                  k_.cues.agent_at(doc_, next, limit, &agent)));
        if (!serves) return Finding{};
      }
      // "adviser to Mr. Pompeo", "adviser to China's State Council": a person,
      // or a body with its owner, after "to" is served; a body or place alone
      // is where one is sent ("envoy to the UN", "liaison to Congress").
      if (after_link && (!after_to || c.type == "PERSON" || possessive(c.last_token) || owned(c))) {
        // "an attorney for Nelson's campaign", "at Germany's X Bank", "for the
        // Russian Defense Ministry": the owner of the body the role serves,
        // and the body after it.
        const bool owns = possessive(c.last_token);
        if (owns || (c.type != "PERSON" && c.type != "ORG" && mention_at(c.last_token) >= 0)) {
          if (f.about < 0 && owner < 0) owner = mi;
          q = c.last_token - 1 + (owns ? 1 : 0);
          end = q + 1;
          continue;  // still after the link
        }
        // "a specialist in U.S. affairs at X University": a place that only
        // modifies a common noun names a field; a body after it is the employer.
        if (f.employer < 0 || (weak_employer && after_at && c.type == "ORG")) {
          f.employer = mi;
          weak_employer = (c.type == "GPE" || c.type == "NORP") && c.last_token < limit &&
                          doc_.tokens[c.last_token].shape == Shape::Lower && !is_role_preposition(text(c.last_token));
        }
      } else if (!role_seen && !link_seen && owner < 0) {
        owner = mi;  // "Russia's", "a Russian", "a Republican", "a Poland-based"
      }
      after_link = after_to = false;
      q = c.last_token - 1;
      end = c.last_token;
      continue;
    }
    const std::string_view w = text(q);
    if (doc_.tokens[q].kind == TokenKind::Quote || ends_apposition(w) || (memo_.kinds(q) & NameCues::kSpeechVerb))
      break;
    if (is_role_preposition(w)) {
      after_link = link_seen = true;
      after_to = w == "to";
      after_at = w == "at";
      continue;
    }
    if (is_determiner(w) || possessive(q)) continue;
    // "..., the baseball player Y and the Supreme Court justice Z": "and"
    // before a determiner or a name opens the next item of a list.
    if ((w == "and" || w == "or") && q + 1 < limit && (is_determiner(text(q + 1)) || mention_at(q + 1) >= 0)) break;
    const NameCues::Agent* agent = nullptr;
    // A new role noun: what follows is its complement (a title before a name,
    // "adviser to Mr. Pompeo", is not).
    if (!(memo_.kinds(q) & (NameCues::kTitle | NameCues::kFormer)) && k_.cues.agent_at(doc_, q, limit, &agent)) {
      role_seen = true;
      after_link = after_to = false;
    }
    end = q + 1;
  }
  const RoleWords r = role_words(start, end);
  f.role = r.role;
  f.has_role = r.has_role;
  f.former = f.former || r.former;
  if (owner >= 0) {
    const Mention& c = doc_.mentions[static_cast<std::size_t>(owner)];
    const bool nationality = c.type == "NORP" || c.type == "GPE";
    // People take an apposition's code through a role, or a nationality or
    // party alone ("X, a Russian,", "X, a Republican"); bodies through a
    // place ("a Poland-based company").
    if (m.type == "PERSON" ? f.has_role || (nationality && c.type != "PERSON") : nationality) f.about = owner;
    // "a Republican from Ohio": a party and one of its country's regions, a legislator.
    if (c.kb >= 0 && f.employer >= 0 && !f.has_role) {
      const Mention& place = doc_.mentions[static_cast<std::size_t>(f.employer)];
      const PartyLabels::Party* party = k_.parties.party_of(c.kb);
      if (party && place.type == "GPE" && place.actor.view().starts_with(party->country))
        f.label_code = party->country + party->role;
    }
  }
  if (f.employer >= 0 && m.type != "PERSON") f.employer = -1;  // a body's apposition names no employer
  if (!f.has_role && f.about < 0 && f.label_code.empty()) f.employer = -1;
  return f;
}

// "X of the Sierra Club", "X of Maine", "the Rev. X, of Y Church".
Finding Reader::of_phrase(const Mention& m) const {
  Finding f;
  const std::size_t n = doc_.tokens.size();
  std::size_t p = m.last_token;
  if (p < n && text(p) == ",") ++p;
  if (p + 1 >= n || text(p) != "of") return f;
  ++p;
  if (is_determiner(text(p))) ++p;
  if (p >= n || doc_.sentence_of(p) != doc_.sentence_of(m.last_token - 1)) return f;
  const std::int32_t mi = mention_at(p);
  if (mi < 0) return f;
  const Mention& c = doc_.mentions[static_cast<std::size_t>(mi)];
  if (c.type == "ORG" || c.type == "GPE") f.employer = mi;
  return f;
}

std::string combine(const Knowledge& k, std::string_view code, bool place, const std::string& role, bool former) {
  if (code.empty()) return {};
  const std::string_view root = k.codes.root(code);
  if (k.codes.is_igo(root)) return std::string(root);       // "NATO's commander" -> NATO
  if (!k.codes.is_country(root)) return std::string(code);  // a group of no country ("IMG...")
  if (former) return std::string(root);
  if (place) return std::string(root) + role;
  if (role.empty() || role == k.codes.default_role()) return std::string(code);
  return std::string(root) + role;
}

std::string story_country(const Document& doc, const Knowledge& k) {
  // A document names a handful of roots: a small list beats a map, and
  // holds whether each is a country's (looked up once per root, not once per
  // mention). Other roots keep a count of 0.
  struct Root {
    std::string_view root;
    bool country;
    std::uint32_t count;
  };
  std::vector<Root> counts;
  std::uint32_t total = 0;
  for (const Mention& m : doc.mentions) {
    if (m.kind != MentionKind::Name) continue;
    std::string_view code = m.actor;
    if (code.empty() && m.entity >= 0 && static_cast<std::size_t>(m.entity) < doc.entities.size())
      code = doc.entities[static_cast<std::size_t>(m.entity)].actor;
    if (code.size() < 3) continue;
    const std::string_view root = k.codes.root(code);
    auto it = std::find_if(counts.begin(), counts.end(), [&](const Root& c) { return c.root == root; });
    if (it == counts.end()) it = counts.insert(counts.end(), Root{root, k.codes.is_country(root), 0});
    if (!it->country) continue;
    ++total;
    ++it->count;
  }
  if (total < 3) return {};
  // The first root of the highest count (a root that is no country's has 0).
  const auto top =
      std::max_element(counts.begin(), counts.end(), [](const Root& a, const Root& b) { return a.count < b.count; });
  if (top->count * 10 < total * 7) return {};
  return std::string(top->root);
}

}  // namespace standpoints::context_codes

#include "statements/referents.hpp"

#include <algorithm>

namespace standpoints::statements {

Party Referents::resolve(Referent cls, std::uint32_t first_token, std::uint32_t head_token, MentionKind kind) {
  const std::uint32_t paragraph = view_.paragraph_of(head_token);
  const std::uint32_t start = view_.tok(first_token).start, end = view_.tok(head_token).end();
  Party p;
  // A nominal that repeats the head of an earlier source ("the ministry"
  // after "Russia's defence ministry said") is that source.
  if (kind == MentionKind::Nominal)
    if (const Seen* s = history_.last_with_head(view_.low(head_token), paragraph)) p = from_seen(s, start, end);
  if (!p.usable) p = resolve_by_class(cls, first_token, paragraph, start, end);
  // A nominal that stands for no one named ("officials said", "the company
  // said") speaks for itself, without a code; its mention gets an entity of
  // its own. A document's words ("the plan") and pronouns need an antecedent.
  if (!p.usable && kind == MentionKind::Nominal && cls != Referent::Document) p = unresolved_nominal(cls, start, end);
  if (!p.usable) return p;
  propose(p, head_token, kind);
  return p;
}

bool Referents::resolve_list(Referent cls, std::uint32_t first_token, std::uint32_t head_token, Parties& out) const {
  if (cls != Referent::Group) return false;
  const std::uint32_t paragraph = view_.paragraph_of(head_token);
  const SeenRange list = history_.last_list(paragraph >= 1 ? paragraph - 1 : 0);
  if (list.empty()) return false;
  const std::uint32_t start = view_.tok(first_token).start, end = view_.tok(head_token).end();
  const std::size_t before = out.size();
  for (const Seen& s : list) {
    // One party per source (a source with two targets is recorded twice).
    const bool repeat = std::any_of(out.begin() + static_cast<std::ptrdiff_t>(before), out.end(),
                                    [&](const Party& p) { return facts_.same_party(p.arg, s.arg); });
    if (!repeat) out.push_back(from_seen(&s, start, end));
  }
  return true;
}

Party Referents::speaker_of_its_own(std::uint32_t first_token, std::uint32_t head_token, std::string type) {
  Party p = unresolved_nominal(Referent::None, view_.tok(first_token).start, view_.tok(head_token).end());
  p.type = std::move(type);
  propose(p, head_token, MentionKind::Nominal);
  return p;
}

void Referents::propose(Party& p, std::uint32_t head_token, MentionKind kind) {
  p.head = view_.low(head_token);
  Mention m;
  m.start = p.arg.start;
  m.end = p.arg.end;
  m.kind = kind;
  m.entity = p.arg.entity;
  m.sentence = static_cast<std::int32_t>(view_.doc.sentence_of(head_token));
  m.actor = p.arg.actor;
  m.type = p.type;
  proposals_.push_back(std::move(m));
}

// The most recent fitting source or name: this paragraph first, then the
// three before it.
Party Referents::resolve_by_class(Referent cls, std::uint32_t first_token, std::uint32_t paragraph, std::uint32_t start,
                                  std::uint32_t end) const {
  const std::uint32_t from = paragraph >= 3 ? paragraph - 3 : 0;
  switch (cls) {
    case Referent::Person: {
      // A person speaking for a medium after the one found stands between them: "she" is the
      // reporter, who speaks without a code (media take no positions).
      const Party reporter = unresolved_nominal(Referent::Person, start, end);
      const auto seen = [&](const Seen* s) -> Party {
        return media_person_since(s->arg.start, from) ? reporter : from_seen(s, start, end);
      };
      const auto named = [&](std::int32_t mi) -> Party {
        if (mi >= 0 && media_person_since(view_.mention(mi).start, from)) return reporter;
        return from_mention_at(mi, start, end);
      };
      if (const Seen* s = history_.last_of_kind(paragraph, true, false)) return seen(s);
      if (const std::int32_t mi = recent(NameKind::Person, first_token, paragraph); mi >= 0) return named(mi);
      // In the paragraphs before, the last speaker: a reporter, then no one the stage can name.
      const Seen* s = history_.last_of_kind(from, true, false);
      if (media_person_since(s ? s->arg.start : 0, from)) return reporter;
      if (s) return from_seen(s, start, end);
      return named(recent(NameKind::Person, first_token, from));
    }
    case Referent::Thing:
    case Referent::Group: {
      const bool any = cls == Referent::Group;
      if (const Seen* s = history_.last_of_kind(paragraph, false, any)) return from_seen(s, start, end);
      if (const Seen* s = history_.last_of_kind(from, false, any)) return from_seen(s, start, end);
      return from_mention_at(recent(NameKind::OrgOrPlace, first_token, from), start, end);
    }
    case Referent::Org: {
      if (const std::int32_t mi = recent(NameKind::OrgOrPlace, first_token, from); mi >= 0)
        return from_mention_at(mi, start, end);
      return from_seen(history_.last_of_kind(from, false, false), start, end);
    }
    case Referent::Igo:
      return from_mention_at(recent(NameKind::Organisation, first_token, 0), start, end);
    case Referent::Document: {
      // "X published a report that ...": the subject of the verb it is the object of.
      if (const std::int32_t mi = publisher_of(first_token); mi >= 0) {
        Party p = facts_.party_of(mi);
        if (!p.usable || p.media) return {};
        p.arg.start = start;
        p.arg.end = end;
        return p;
      }
      // Else the author of a document: the most frequent source so far.
      return from_seen(history_.most_frequent_source(), start, end);
    }
    case Referent::None:
      break;
  }
  return {};
}

std::int32_t Referents::publisher_of(std::uint32_t first_token) const {
  // Back over the determiners, a verb in lower case ("published", "has issued"), then the subject's last token.
  const std::uint32_t lo = view_.doc.sentences[view_.doc.sentence_of(first_token)].first_token;
  std::uint32_t u = first_token;
  while (u > lo && in(kDeterminers, view_.low(u - 1))) --u;
  if (u <= lo + 1) return -1;
  const Token& verb = view_.tok(u - 1);
  const Word v = view_.low(u - 1);
  if (verb.kind != TokenKind::Word || verb.shape != Shape::Lower || view_.mention_at(u - 1) >= 0 ||
      !(ends_with(v, "ed") || v == "issues" || v == "publishes" || v == "releases" || v == "put" || v == "sent"))
    return -1;
  u -= 1;
  while (u > lo && in(kAux, view_.low(u - 1))) --u;
  if (u <= lo) return -1;
  // The subject: a name, or a name and one noun after it ("a British judge");
  // not the last of a list or of an "of" phrase ("the leaders of A, B and C"), which the parse reads.
  std::int32_t mi = view_.mention_at(u - 1);
  if (mi < 0 && u - 1 > lo && view_.tok(u - 1).shape == Shape::Lower && !in(kStop, view_.low(u - 1)))
    mi = view_.mention_at(u - 2);
  if (mi < 0) return -1;
  const std::uint32_t f = view_.first_token_at(view_.mention(mi).start);
  if (f > lo) {
    const Word w = view_.low(f - 1);
    if (w == "of" || w == "," || w == "and" || w == "or" || w == "&") return -1;
  }
  return mi;
}

Party Referents::from_seen(const Seen* s, std::uint32_t start, std::uint32_t end) const {
  Party p;
  if (!s) return p;
  p.arg = s->arg;
  p.arg.start = start;
  p.arg.end = end;
  p.type = s->type;
  p.usable = true;
  p.plural = s->plural;
  return p;
}

Party Referents::unresolved_nominal(Referent cls, std::uint32_t start, std::uint32_t end) {
  Party p;
  p.arg.start = start;
  p.arg.end = end;
  p.type = cls == Referent::Person || cls == Referent::Group ? "PERSON" : "ORG";
  p.plural = cls == Referent::Group;
  p.usable = true;
  return p;
}

Party Referents::from_mention_at(std::int32_t mi, std::uint32_t start, std::uint32_t end) const {
  if (mi < 0) return {};
  Party p = facts_.party_of(mi);
  p.arg.start = start;
  p.arg.end = end;
  return p;
}

bool Referents::is_kind(NameKind kind, std::uint32_t u) const {
  const std::int32_t mi = view_.mention_at(u);
  if (mi < 0 || view_.quote_at(u) >= 0) return false;
  const Mention& m = view_.mention(mi);
  if (kind == NameKind::Person) return m.type == "PERSON";
  if (view_.doc.paragraphs[view_.paragraph_of(u)].boilerplate) return false;
  const std::string_view actor = facts_.actor_of(m);
  if (facts_.is_media(mi)) return false;
  // "the company" may stand for an organisation without a code; "the alliance" needs a coded one.
  if (kind == NameKind::OrgOrPlace) return m.type == "ORG" || (m.type == "GPE" && has_code(actor));
  return has_code(actor) && !facts_.codes().is_country_root(facts_.root_of(actor));
}

std::int32_t Referents::recent(NameKind kind, std::uint32_t before, std::uint32_t from) const {
  // A walk back finds most referents within a few tokens. The walks of a
  // document share a budget of a few steps per token; once it is spent, an
  // index of the kind's tokens (built once) answers, so that a huge
  // paragraph of unresolved pronouns stays linear.
  if (walk_budget_ == 0) return recent_indexed(kind, before, from);
  for (std::uint32_t u = before; u > 0; --walk_budget_) {
    if (walk_budget_ == 0) return recent_indexed(kind, before, from);
    --u;
    if (view_.paragraph_of(u) < from) return -1;
    if (view_.mention_at(u) >= 0 && is_kind(kind, u)) return view_.mention_at(u);
  }
  return -1;
}

std::int32_t Referents::recent_indexed(NameKind kind, std::uint32_t before, std::uint32_t from) const {
  const auto k = static_cast<int>(kind);
  auto& tokens = tokens_of_kind_[k];
  if (!indexed_[k]) {
    indexed_[k] = true;
    for (std::uint32_t u = 0; u < view_.size(); ++u)
      if (view_.mention_at(u) >= 0 && is_kind(kind, u)) tokens.push_back(u);
  }
  const auto it = std::lower_bound(tokens.begin(), tokens.end(), before);
  if (it == tokens.begin() || view_.paragraph_of(*(it - 1)) < from) return -1;
  return view_.mention_at(*(it - 1));
}

}  // namespace standpoints::statements

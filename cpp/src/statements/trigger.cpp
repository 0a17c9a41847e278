#include "statements/trigger.hpp"

namespace standpoints::statements {

namespace {

// The first noun, verb and phrase entries among the forms of `len` words at token i.
struct Readings {
  const ActEntry* noun = nullptr;
  const ActEntry* verb = nullptr;
  const ActEntry* phrase = nullptr;
};

Readings readings_at(const TokenView& view, std::uint32_t i, std::uint32_t len, const std::vector<ActForm>* forms) {
  Readings r;
  if (!forms) return r;
  for (const auto& f : *forms) {
    if (f.size != len) continue;
    const ActEntry** slot = f.pos == Pos::Noun     ? &r.noun
                            : f.pos == Pos::Verb   ? &r.verb
                            : f.pos == Pos::Phrase ? &r.phrase
                                                   : nullptr;
    if (!slot || *slot) continue;
    if (view.rest_matches(f, i)) *slot = &view.lex.entry_of(f);
  }
  return r;
}

// A word before a form listed as both noun and verb that reads it as a noun:
// a determiner, a possessive, a nationality ("Russian demands"), a number, or
// a lower-case modifier that is no function word ("fresh demands").
bool noun_context_before(const TokenView& view, std::int64_t before, std::uint32_t lo, bool title, bool noun_only) {
  if (before < lo) return false;
  const auto b = static_cast<std::uint32_t>(before);
  const Word p = view.low(b);
  const Token& t = view.tok(b);
  return in(kDeterminers, p) || view.is_possessive_s(b) ||
         (view.mention_at(b) >= 0 && t.shape != Shape::Lower && !title &&
          view.mention(view.mention_at(b)).type == "NORP") ||
         t.kind == TokenKind::Number ||
         (t.shape == Shape::Lower && !in(kStop, p) && !in(kAux, p) && !in(kNegation, p) && !view.forms_at(b) &&
          noun_only);
}

// "Some say", "many said", "all agreed": a quantifier of people as the
// whole subject of a verb of saying whose form is no plural noun (not "some
// comments", "another warning") nor part of "all said and done". Grammar words only.
bool quantifier_subject(const TokenView& view, std::uint32_t q, const Trigger& t) {
  static constexpr WordSet<6> kQuantifiers{
      std::array<std::string_view, 6>{"some", "many", "several", "another", "both", "all"}};
  const Word last = view.low(t.last - 1);
  return t.entry->quote && in(kQuantifiers, view.low(q)) && !t.ing && !ends_with(last, "s") &&
         !ends_with(last, "ing") && !(t.last < view.size() && view.low(t.last) == "and");
}

}  // namespace

bool contracted_is(const TokenView& view, std::int64_t k, std::uint32_t lo) {
  if (k <= lo || !view.is_possessive_s(static_cast<std::uint32_t>(k))) return false;
  const Word p = view.low(static_cast<std::uint32_t>(k - 1));
  return p == "he" || p == "she" || p == "it" || p == "who" || p == "that";
}

bool floating_quantifier(const TokenView& view, std::int64_t q, std::uint32_t lo) {
  if (q <= lo) return false;
  const auto u = static_cast<std::uint32_t>(q);
  const Word w = view.low(u);
  return (w == "all" || w == "both" || w == "each") && (view.mention_at(u - 1) >= 0 || view.referent_entry(u - 1));
}

Trigger match_trigger_form(const TokenView& view, std::uint32_t i, std::uint32_t hi,
                           const std::vector<ActForm>* forms) {
  Trigger t;
  if (!forms) return t;
  for (const auto& f : *forms) {
    if (i + f.size > hi) continue;
    if (!view.rest_matches(f, i)) continue;
    if (f.pos == Pos::Nominal || f.pos == Pos::Pronoun || f.pos == Pos::Cue) continue;
    if (t.entry && f.size < t.last - t.first) break;
    if (t.entry) continue;  // same length: the first listed (verbs before nouns); context decides below
    t.entry = &view.lex.entry_of(f);
    t.first = i;
    t.last = i + f.size;
  }
  return t;
}

TriggerReading read_trigger(const TokenView& view, const TriggerCandidate& candidate, std::uint32_t lo,
                            std::uint32_t hi, bool title) {
  using Outcome = TriggerReading::Outcome;
  const std::uint32_t i = candidate.token;
  Trigger t = match_trigger_form(view, i, hi, view.forms_of(candidate));
  if (!t.entry) return {};
  // "as opposed to", "added to the": the trigger word in another sense; its words are passed over.
  if (t.entry->pos == Pos::Idiom) return {TriggerReading::Outcome::Skipped, t};
  // Glued to a hyphen ("Iran-backed"): a modifier, no act.
  if (i > lo && !view.tok(i).space_before && view.low(i - 1) == "-") return {};
  // An -ing form: no passive after "is". A phrase's verb counts after a
  // form of "be" ("is calling for": progressive); after a comma a phrase
  // stays a clause of its own ("..., calling on X to").
  const auto ing = [&](std::uint32_t k) { return view.low(k).size() > 4 && ends_with(view.low(k), "ing"); };
  t.ing = ing(t.last - 1) || (ing(t.first) && i > lo && in(kBe, view.low(i - 1)));
  // The noun or verb reading of a form listed as both.
  const Readings r = readings_at(view, i, t.last - t.first, view.forms_of(candidate));
  const ActEntry* verb = r.verb ? r.verb : r.phrase;
  t.noun_context = noun_context_before(view, t.before(), lo, title, r.noun && !verb);
  if (r.noun && (t.noun_context || !verb))
    t.entry = r.noun;
  else if (verb)
    t.entry = verb;
  const std::int64_t before = t.before();
  // A verb form after a possessive or a determiner is a noun that is no
  // trigger ("the Kremlin's comments"), but for a quantifier that stands for
  // people before a form no noun has ("some say", "several said").
  if (t.entry->pos == Pos::Verb && before >= lo &&
      ((view.is_possessive_s(static_cast<std::uint32_t>(before)) && !(t.ing && contracted_is(view, before, lo))) ||
       (in(kDeterminers, view.low(static_cast<std::size_t>(before))) &&
        !quantifier_subject(view, static_cast<std::uint32_t>(before), t) && !floating_quantifier(view, before, lo))))
    return {};
  if (t.entry->pos == Pos::Light) return {};
  TriggerReading reading{Outcome::Skipped, t};
  if (!t.is_noun() && before >= lo) {
    const Word p = view.low(static_cast<std::size_t>(before));
    // Hypothetical ("how Russia could say"): no act.
    if (p == "could" || p == "might") return reading;
    // An infinitive ("refused to confirm", "went on to explain"): its construction decides.
    if (p == "to" && t.entry->pos != Pos::Phrase) reading.trigger.infinitive = true;
  }
  reading.outcome = Outcome::Trigger;
  return reading;
}

bool is_adverb(const TokenView& view, std::uint32_t u) {
  const Word w = view.low(u);
  return in(kAdverbs, w) || (view.tok(u).shape == Shape::Lower && w.size() > 4 && ends_with(w, "ly"));
}

// `j` is an adverb: the token before the chain it ends, with degree words and
// coordinations inside it ("repeatedly and very publicly", "immediately and heatedly").
std::int64_t skip_adverb_chain(const TokenView& view, std::int64_t j, std::uint32_t lo) {
  const auto at = [](std::int64_t x) { return static_cast<std::uint32_t>(x); };
  --j;
  while (j >= lo) {
    const Word w = view.low(at(j));
    if (in(kDegree, w)) {
      --j;
    } else if ((w == "and" || w == "or") && j - 1 >= lo && is_adverb(view, at(j - 1))) {
      j -= 2;
    } else {
      break;
    }
  }
  return j;
}

std::int64_t skip_auxiliaries(const TokenView& view, std::int64_t j, std::uint32_t lo, bool& negated) {
  const auto at = [](std::int64_t x) { return static_cast<std::size_t>(x); };
  while (j >= lo) {
    const auto u = static_cast<std::uint32_t>(j);
    const Word w = view.low(u);
    if (view.tok(u).kind != TokenKind::Word) break;
    if (in(kNegation, w) || (w.size() > 3 && ends_with(w, "n't"))) {
      negated = true;
      --j;
      continue;
    }
    if (view.mention_at(u) >= 0) break;
    if (is_adverb(view, u)) {
      j = skip_adverb_chain(view, j, lo);
      continue;
    }
    if (in(kAux, w) || floating_quantifier(view, j, lo) || contracted_is(view, j, lo)) {
      --j;
      continue;
    }
    if (in(kTime, w)) {
      --j;
      while (j >= lo && in(kTimePrep, view.low(at(j)))) --j;
      continue;
    }
    break;
  }
  return j;
}

}  // namespace standpoints::statements

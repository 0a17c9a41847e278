#include "statements/constructions.hpp"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "statements/syntax_parties.hpp"

namespace standpoints::statements {

namespace {

std::size_t at(std::int64_t k) { return static_cast<std::size_t>(k); }

// The first token after an agent or object's names and determiners.
std::uint32_t past_names(const TokenView& view, std::uint32_t k, std::uint32_t hi) {
  while (k < hi && (view.mention_at(k) >= 0 || in(kDeterminers, view.low(k)))) ++k;
  return k;
}

// The source of the statement just found in this sentence, with what the
// history keeps of its phrase ("X warned Y, and gave a warning").
Party previous_source(const DocumentStage& stage) {
  Party p;
  p.arg = stage.emitter.back().source;
  p.type = stage.history.last().type;
  p.usable = true;
  p.head = stage.history.last().head;
  return p;
}

// A passive: a form of "be" before the participle ("was accused"), adverbs
// and negation between them ("was not repeatedly and very publicly warned").
bool is_passive(const TokenView& view, const Trigger& t, std::uint32_t lo) {
  std::int64_t b = t.before();
  while (b >= lo) {
    if (is_adverb(view, static_cast<std::uint32_t>(b)))
      b = skip_adverb_chain(view, b, lo);
    else if (in(kNegation, view.low(at(b))))
      --b;
    else
      break;
  }
  return b >= lo && in(kBe, view.low(at(b))) && !t.ing;
}

// "whom he accused of", "the senator she has accused of", "which the agency has
// accused of", "whom Jones accused of": the object went before the subject (an
// object relative), so the verb before its preposition is still active. `b` is
// the token before the verb.
bool object_moved_before(const TokenView& view, std::int64_t b, std::uint32_t lo) {
  if (b < lo) return false;
  const Word w = view.low(at(b));
  if (in(kAux, w) || in(kFirstPerson, w) || in(kSecondPerson, w) || in(kThirdPerson, w)) return true;
  while (b >= lo && view.mention_at(at(b)) >= 0) --b;
  if (b < lo) return false;
  const Word r = view.low(at(b));
  return r == "whom" || r == "who" || r == "which" || r == "that";
}

// A participle of a verb that takes its target as the object, right before
// "of" or "with" that is no preposition of its own frame: the object is
// missing, so the verb is passive ("men accused of fraud", "officials charged
// with bribery"; "X accused Y of" has its object), even without a be-form.
bool lacks_its_object(const TokenView& view, const Trigger& t, std::uint32_t lo, std::uint32_t hi) {
  if (t.ing || t.entry->pos != Pos::Verb || !t.entry->frame_obj || t.last != t.first + 1 || t.last >= hi) return false;
  if (!ends_with(view.low(t.first), "ed")) return false;
  const Word p = view.low(t.last);
  if (p != "of" && p != "with") return false;
  const auto& own = t.entry->frame_preps;
  return std::find(own.begin(), own.end(), p) == own.end() && !object_moved_before(view, t.before(), lo);
}

// A participle right after a noun or name and right before "by": a passive
// that lost its be-form ("the plan proposed by Russia", "Borduria's fleet
// threatened by Ruritania"); the agent after "by" is the source. `j` is the
// token before the trigger.
bool is_reduced_passive(const TokenView& view, const Trigger& t, std::int64_t j, std::uint32_t hi) {
  if (t.ing || t.is_noun() || t.last + 1 >= hi || view.low(t.last) != "by" || !ends_with(view.low(t.last - 1), "ed"))
    return false;
  // "by" then a name or a determiner: an agent ("by Russia", "by the ministry"), not a
  // means of an active verb ("apologized by phone", "replied by saying").
  const std::uint32_t a = t.last + 1;
  if (view.mention_at(a) < 0 && !in(kDeterminers, view.low(a)) && view.tok(a).shape != Shape::Capitalized) return false;
  const auto u = static_cast<std::uint32_t>(j);
  return view.mention_at(u) >= 0 ||
         (view.tok(u).kind == TokenKind::Word && !view.is_mark(u) && !in(kStop, view.low(u)) &&
          !in(kAux, view.low(u)) && !ends_with(view.low(u), "ly"));
}

// Whether token j is a plain lower-case noun that no one stands behind, the
// end of an object before a participle ("released a statement condemning
// ...": the participle's subject is the clause's, not "statement").
bool ends_object(const TokenView& view, std::int64_t j) {
  const auto u = static_cast<std::uint32_t>(j);
  if (view.mention_at(u) >= 0 || view.quote_at(u) >= 0 || view.tok(u).kind != TokenKind::Word ||
      view.tok(u).shape != Shape::Lower)
    return false;
  const Word w = view.low(u);
  if (in(kStop, w) || in(kAux, w) || in(kDeterminers, w) || in(kAdverbs, w) || ends_with(w, "ly")) return false;
  if (const ActEntry* e = view.referent_entry(u); e && e->referent != Referent::Document) return false;
  return !view.forms_at(u);
}

// Whether a name, pronoun or listed nominal lies in tokens [lo, end).
bool party_word_before(const TokenView& view, std::uint32_t lo, std::uint32_t end) {
  for (std::uint32_t k = lo; k < end; ++k)
    if (view.mention_at(k) >= 0 || view.referent_entry(k)) return true;
  return false;
}

// What a possessive pronoun before a noun stands for, as its personal
// pronoun would ("his" as "he"); None for any other word. "her" before a
// noun trigger is the possessive ("her claim"), not the object.
Referent possessive_pronoun(Word w) {
  if (w == "his" || w == "her") return Referent::Person;
  if (w == "their") return Referent::Group;
  if (w == "its") return Referent::Thing;
  return Referent::None;
}

// Whether a that-clause or a quotation after a colon starts at token k.
bool said_content_follows(const TokenView& view, std::uint32_t k, std::uint32_t hi) {
  if (k < hi && view.low(k) == "that") return true;
  return k + 1 < hi && view.low(k) == ":" && view.opened_at(k + 1) >= 0;
}

// "X's warning", "Russian demands", or the subject of a light verb ("X gave a warning").
void noun_trigger_source(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Frame& f) {
  const TokenView& view = stage.view;
  const std::uint32_t lo = scope.lo;
  // Up to three adjectives ("stern public warning") and a number before the noun.
  std::int64_t j = t.before();
  for (int adj = 0; j >= lo && adj < 3; --j, ++adj) {
    const auto u = static_cast<std::uint32_t>(j);
    const Word w = view.low(u);
    if (view.tok(u).shape != Shape::Lower || view.tok(u).kind != TokenKind::Word || in(kStop, w) ||
        in(kDeterminers, w) || view.forms_at(u))
      break;
  }
  if (j >= lo && view.tok(static_cast<std::uint32_t>(j)).kind == TokenKind::Number) --j;
  if (j >= lo && view.is_possessive_s(static_cast<std::uint32_t>(j))) {
    stage.phrases.subject_before(f.sources, j - view.possessive_length(static_cast<std::uint32_t>(j)), lo);
    return;
  }
  // "his claim that ...", 'their warning: "..."': the possessive pronoun
  // stands for whom "he" or "they" would (a grammar word, resolved as the
  // pronoun is), when what was said follows (a that-clause or a quotation;
  // "his proposals" alone is a standing plan more often than a statement).
  if (j >= lo)
    if (const Referent cls = possessive_pronoun(view.low(at(j))); cls != Referent::None) {
      if (!said_content_follows(view, t.last, scope.hi)) return;
      const auto u = static_cast<std::uint32_t>(j);
      Party p = stage.referents.resolve(cls, u, u, MentionKind::Pronoun);
      if (p.usable) f.sources.push_back(std::move(p));
      return;
    }
  if (j >= lo && view.mention_at(at(j)) >= 0 && view.mention(view.mention_at(at(j))).type == "NORP") {
    Party p = stage.facts.party_of(view.mention_at(at(j)));
    if (p.usable) f.sources.push_back(std::move(p));
    return;
  }
  // A light verb within a few tokens before: a/an/the + adjectives.
  std::int64_t k = j;
  while (k >= lo &&
         (in(kDeterminers, view.low(at(k))) || view.tok(static_cast<std::uint32_t>(k)).kind == TokenKind::Number))
    --k;
  if (k < lo || !view.is_light_verb(at(k))) return;
  bool negated = false;
  const std::int64_t sj = skip_auxiliaries(view, k - 1, lo, negated);
  f.negated = negated;
  if (sj < lo) return;
  if (view.low(at(sj)) == "," || view.low(at(sj)) == "and") {
    // "..., and gave a warning": the statement before in this sentence.
    if (stage.emitter.size() > scope.first_statement) {
      f.sources.push_back(previous_source(stage));
      if (stage.emitter.back().target) {
        Party target;
        target.arg = *stage.emitter.back().target;
        target.usable = true;
        f.targets.push_back(std::move(target));
      }
    }
    return;
  }
  stage.phrases.subject_before(f.sources, sj, lo);
}

// Whether the words between the comma at c and token j are one person's
// name and the word before c is a person's role ("the foreign minister, X,",
// "Bloomberg's pollster, X,").
bool person_in_apposition(const DocumentStage& stage, std::int64_t c, std::int64_t j) {
  const TokenView& view = stage.view;
  const std::int32_t mi = view.mention_at(at(j - 1));
  if (mi < 0 || view.mention(mi).type != "PERSON" || view.first_token_at(view.mention(mi).start) != c + 1) return false;
  const auto role = static_cast<std::uint32_t>(c - 1);
  if (view.mention_at(role) >= 0) return false;
  if (const ActEntry* e = view.referent_entry(role)) return e->referent == Referent::Person;
  return view.tok(role).shape == Shape::Lower && stage.facts.is_person_noun(role);
}

// When the name at `a` is a nationality followed by lower-case words whose
// last is no listed nominal ("Russian state news agencies"): that last
// word's token; else -1.
std::int64_t nationality_before_unlisted_noun(const TokenView& view, const Argument& a, std::uint32_t hi) {
  std::uint32_t k = view.first_token_at(a.end);
  const std::int32_t mi = view.mention_at(view.first_token_at(a.start));
  if (mi < 0 || view.mention(mi).type != "NORP") return -1;
  const std::uint32_t after = k;
  // Up to a function word or a verb of the lexicon ("... agencies reported").
  while (k < hi && view.tok(k).kind == TokenKind::Word && view.tok(k).shape == Shape::Lower &&
         !in(kStop, view.low(k)) && !(view.forms_at(k) && !view.referent_entry(k) && view.starts_verb_form(k)))
    ++k;
  if (k == after || view.referent_entry(k - 1)) return -1;
  return k - 1;
}

}  // namespace

bool noun_trigger(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Frame& f) {
  const TokenView& view = stage.view;
  noun_trigger_source(stage, scope, t, f);
  // "a warning from X", "an appeal by X".
  if (f.sources.empty() && t.last + 1 < scope.hi && (view.low(t.last) == "from" || view.low(t.last) == "by")) {
    stage.phrases.object_after(f.sources, t.last + 1, scope.hi, false);
    f.after = past_names(view, t.last + 1, scope.hi);
  }
  return !f.sources.empty();
}

namespace {

// "according to the Bureau of Labor Statistics", "according to Acmepoll": a
// name the entity stage does not know (capitalised words, joined by "of",
// "for" or "and") speaks for itself, without a code.
void unknown_name_after(DocumentStage& stage, const SentenceScope& scope, std::uint32_t b, std::uint32_t words,
                        Frame& f) {
  const TokenView& view = stage.view;
  const auto capital = [&](std::uint32_t n) {
    return n < scope.hi && view.tok(n).kind == TokenKind::Word && view.tok(n).shape != Shape::Lower &&
           view.mention_at(n) < 0 && view.quote_at(n) < 0;
  };
  std::uint32_t n = words;
  while (n < words + 8 &&
         (capital(n) ||
          (n > words && (view.low(n) == "of" || view.low(n) == "for" || view.low(n) == "and") && capital(n + 1))))
    ++n;
  // Not before a possessive ("according to Monday's report": a day, no speaker).
  if (n > words && !(n < scope.hi && view.is_possessive_s(n)))
    f.sources.push_back(stage.referents.speaker_of_its_own(b, n - 1, "ORG"));
}

// "a CNN tally", "the latest Times/CBS News poll", "a Reuters survey of ...":
// names (joined by hyphens or slashes) that modify lower-case words whose
// last is no listed nominal ("a CNN report" is the referents': a medium
// reports): the first and last of those words, else nothing.
std::optional<std::pair<std::uint32_t, std::uint32_t>> words_after_names(const TokenView& view, std::uint32_t k,
                                                                         std::uint32_t hi) {
  std::uint32_t n = k;
  while (n < hi && n < k + 8 &&
         (view.mention_at(n) >= 0 || ((view.low(n) == "-" || view.low(n) == "/") && !view.tok(n).space_before)))
    ++n;
  if (n == k || view.mention_at(n - 1) < 0) return std::nullopt;
  // Up to a function word, a participle ("poll released on"), a time word
  // ("poll last week") or a conjunction.
  std::uint32_t h = n;
  while (h < hi && h < n + 3 && view.tok(h).kind == TokenKind::Word && view.tok(h).shape == Shape::Lower &&
         view.mention_at(h) < 0) {
    const Word w = view.low(h);
    if (in(kStop, w) || in(kAux, w) || in(kTime, w) || in(kTimePrep, w) || w == "and" || w == "or" ||
        (h > n && (ends_with(w, "ed") || ends_with(w, "ing"))))
      break;
    ++h;
  }
  // A name right after ("Fox News analyst Jane Roe"): the name speaks.
  if (h == n || view.referent_entry(h - 1) || (h < hi && view.mention_at(h) >= 0)) return std::nullopt;
  return std::pair{n, h - 1};
}

// "according to a person familiar with ...", "according to new polls": a
// lower-case noun phrase of no name speaks for itself; its head is the last
// lower-case word before a preposition, a clause or a mark. A name in the
// phrase (a medium: "a new article in Politico") leaves it to the names.
void unnamed_source_after(DocumentStage& stage, const SentenceScope& scope, std::uint32_t b, Frame& f) {
  const TokenView& view = stage.view;
  std::uint32_t k = b;
  while (k < scope.hi && in(kDeterminers, view.low(k))) ++k;
  const std::uint32_t words = k;
  while (k < scope.hi && k < b + 6 && view.tok(k).kind == TokenKind::Word && view.tok(k).shape == Shape::Lower &&
         view.mention_at(k) < 0 && !in(kStop, view.low(k)) && !in(kAux, view.low(k)) &&
         !(k > words && (ends_with(view.low(k), "ed") || ends_with(view.low(k), "ing"))))
    ++k;
  // Names before the head: the words after them speak (a poll, not its medium).
  if (const auto head = words_after_names(view, k, scope.hi)) {
    f.sources.push_back(stage.referents.speaker_of_its_own(head->first, head->second, "ORG"));
    return;
  }
  if (k == words) {
    unknown_name_after(stage, scope, b, words, f);
    return;
  }
  if (view.referent_entry(k - 1)) return;  // a listed nominal: the referents' ("documents")
  // "an article in the Daily Planet", "a report by X": the name's (a medium reports).
  for (std::uint32_t n = k; n < scope.hi && n < k + 4; ++n)
    if (view.mention_at(n) >= 0 && (n == k || (in(kStop, view.low(k)) && stage.facts.is_media(view.mention_at(n)))))
      return;
  f.sources.push_back(stage.referents.speaker_of_its_own(b, k - 1, "ORG"));
}

}  // namespace

void according_to(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Frame& f) {
  const TokenView& view = stage.view;
  // Opening the sentence, the phrase ends at its comma: in "According to NBC
  // News, Trump and Mattis ..." the names after it are the clause's, no list.
  std::uint32_t end = scope.hi;
  std::uint32_t opening = scope.lo;
  while (opening < t.first && view.tok(opening).kind != TokenKind::Word) ++opening;
  if (opening == t.first)
    for (std::uint32_t k = t.last; k < scope.hi; ++k)
      if (view.low(k) == ",") {
        end = k;
        break;
      }
  stage.phrases.object_after(f.sources, t.last, end, true);
  if (f.sources.empty()) unnamed_source_after(stage, scope, t.last, f);
  // "according to Russian state news agencies", "according to the top British
  // medical journal": a nationality before a noun no one is known to speak
  // through (not "Russian officials"): the phrase speaks for itself, without a code.
  if (f.sources.size() == 1)
    if (const std::int64_t head = nationality_before_unlisted_noun(view, f.sources.front().arg, scope.hi); head >= 0) {
      // Its words after the nationality (whose name keeps its own mention).
      const std::uint32_t first = view.first_token_at(f.sources.front().arg.end);
      f.sources.front() = stage.referents.speaker_of_its_own(first, static_cast<std::uint32_t>(head), "ORG");
    }
  // The content: the main clause before the phrase.
  if (t.first > scope.lo) {
    std::uint32_t ce = t.first;
    while (ce > scope.lo && view.tok(ce - 1).kind == TokenKind::Punct) --ce;
    if (ce > scope.lo) f.content = Span{view.tok(scope.lo).start, view.tok(ce - 1).end()};
  }
}

bool passive_with_agent(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, std::int64_t j, Frame& f) {
  const TokenView& view = stage.view;
  f.passive = true;
  std::uint32_t k = t.last;
  while (k < scope.hi && k < t.last + 4 && view.low(k) != "by" && !view.is_mark(k)) ++k;
  if (k < scope.hi && view.low(k) == "by") {
    stage.phrases.object_after(f.sources, k + 1, scope.hi, true);
    // The subject is the target ("Ukraine was accused by Russia"); j skipped the be-form as an auxiliary.
    stage.phrases.subject_before(f.targets, j, scope.lo);
    f.after = past_names(view, k + 1, scope.hi);
  }
  return !f.sources.empty();  // agentless passive: no source
}

void participle(Frame& f) { f.source_from = SourceFrom::PreviousStatement; }

void sentence_initial_inverted(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Frame& f) {
  // 'Said Jane Roe, "..."', 'Says Roe: "..."' (a quotation verb only): the
  // name right after the verb speaks when a comma or colon follows it ("Say
  // Mexico demanded ..." is a supposition); what it says is the first
  // quotation after it, else the rest of the sentence.
  const TokenView& view = stage.view;
  if (!t.entry->quote || t.last >= scope.hi || view.mention_at(t.last) < 0) return;
  const std::uint32_t after = past_names(view, t.last, scope.hi);
  if (after >= scope.hi || (view.low(after) != "," && view.low(after) != ":")) return;
  if (!stage.phrases.object_after(f.sources, t.last, scope.hi, true).found) return;
  f.after = after;
  for (std::uint32_t k = after; k < scope.hi; ++k)
    if (const std::int32_t r = view.opened_at(k); r >= 0) {
      f.content = view.quotation_span(r);
      f.quote = f.content.has_value();
      return;
    }
  if (after + 1 < scope.hi) f.content = Span{view.tok(after + 1).start, view.tok(scope.hi - 1).end()};
}

void quoted_as(DocumentStage& stage, const SentenceScope& scope, std::int64_t j, Frame& f) {
  stage.phrases.subject_before(f.sources, j - 1, scope.lo);
}

void relative_clause(DocumentStage& stage, const SentenceScope& scope, std::int64_t j, Frame& f) {
  std::int64_t k = j - 1;
  if (k >= scope.lo && stage.view.low(at(k)) == ",") --k;
  stage.phrases.subject_before(f.sources, k, scope.lo);
}

void coordination(DocumentStage& stage, const SentenceScope& scope, std::int64_t j, Frame& f) {
  f.source_from = SourceFrom::Coordinated;
  // The words before "and" are read as a noun phrase too ("the US and NATO"),
  // so that a pronoun or nominal there is still proposed as a mention; the
  // source comes from the statement before.
  Parties unused;
  stage.phrases.subject_before(unused, j - 1, scope.lo);
}

void appositive_or_inverted(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, std::int64_t j,
                            Frame& f) {
  const TokenView& view = stage.view;
  const std::uint32_t lo = scope.lo, hi = scope.hi;
  const auto cj = static_cast<std::uint32_t>(j);
  bool done = false;
  if (view.low(cj) == ",") {
    // Commas before this one, nearest first; the subject is the name before
    // the earliest of them ("NPR's Deborah Amos, reporting from Amman, Jordan, tells").
    // A comma further back counts only where a relative clause opens after
    // it: "Dr. X, who as a Navy captain was ... and later retired ..., said"
    // (the clause can outrun the parse's look-behind as well).
    boost::container::small_vector<std::int64_t, 4> commas;
    for (std::int64_t k = j - 1; k >= lo && k > j - kRelativeClauseReach; --k) {
      const auto u = static_cast<std::uint32_t>(k);
      if (view.is_mark(u) || view.quote_at(u) >= 0) break;
      if (view.low(u) != ",") continue;
      if (k > j - kCommaReach || (k + 1 < j && (view.low(u + 1) == "who" || view.low(u + 1) == "whose")))
        commas.push_back(k);
    }
    for (auto it = commas.rbegin(); it != commas.rend() && !done; ++it) {
      const std::int64_t k = *it;
      if (k - 1 < lo || view.mention_at(at(k - 1)) < 0) continue;
      done = stage.phrases.subject_before(f.sources, k - 1, lo).found;
    }
    // "The Russian foreign minister, Sergei Lavrov, confirmed": the person in
    // apposition to a role is the speaker (a person, whom "he" later stands for).
    if (!done && !commas.empty() && commas.front() - 1 >= lo && person_in_apposition(stage, commas.front(), j))
      done = stage.phrases.subject_before(f.sources, j - 1, static_cast<std::uint32_t>(commas.front() + 1)).found;
    if (!done && !commas.empty() && commas.front() - 1 >= lo) {
      done = stage.phrases.subject_before(f.sources, commas.front() - 1, lo).found;
      // The appositive itself names the source ("..., Mario Draghi, described").
      if (!done)
        done = stage.phrases.subject_before(f.sources, j - 1, static_cast<std::uint32_t>(commas.front() + 1)).found;
    }
  }
  if (done || !t.entry->quote || t.last >= hi) return;
  // Inverted: '"...," said X'.
  if (stage.phrases.object_after(f.sources, t.last, hi, true).found) {
    f.after = t.last;
    while (f.after < hi && view.low(f.after) != "," && view.low(f.after) != "." && view.low(f.after) != "who")
      ++f.after;
  }
  // The content: the quotation (or clause) before.
  std::int64_t q = j;
  const bool comma = view.low(cj) == "," || is_dash(view.low(cj));
  if (comma && q - 1 >= lo && view.is_mark(at(q - 1))) --q;
  if (const std::int32_t r = q >= 1 ? view.closed_at(static_cast<std::uint32_t>(q)) : -1; r >= 0) {
    f.content = view.quotation_span(r);
    f.quote = true;
  } else if (comma && j > lo) {
    f.content = Span{view.tok(lo).start, view.tok(cj - 1).end()};
  }
}

namespace {

// The last token of a subject before a phrase that stands between it and
// the verb ("X in a joint statement warned", "officials at the ministry
// said"): the token before the preposition, or -1 when no such phrase ends at j.
std::int64_t before_phrase(const TokenView& view, std::int64_t j, std::uint32_t lo) {
  for (std::int64_t k = j; k >= lo && k > j - 6; --k) {
    const auto u = static_cast<std::uint32_t>(k);
    if (view.is_mark(u) || view.mention_at(u) >= 0 || view.tok(u).kind == TokenKind::Punct) return -1;
    if (k < j && in(kPhrasePrepositions, view.low(u))) return k - 1;
  }
  return -1;
}

// "Seven nations - A, B and C - warned": the names between two dashes (j:
// the closing one) stand for the subject before them; the last token
// before the closing dash, or -1 when j closes no such apposition.
std::int64_t dashed_apposition(const TokenView& view, std::int64_t j, std::uint32_t lo) {
  if (j < lo || !is_dash(view.low(at(j))) || !view.tok(static_cast<std::uint32_t>(j)).space_before || j - 1 < lo ||
      view.mention_at(at(j - 1)) < 0)
    return -1;
  for (std::int64_t k = j - 2; k >= lo && k > j - 30; --k) {
    const auto u = static_cast<std::uint32_t>(k);
    if (view.is_mark(u)) return -1;
    if (is_dash(view.low(u)) && view.tok(u).space_before) return j - 1;
  }
  return -1;
}

}  // namespace

void plain_subject(DocumentStage& stage, const SentenceScope& scope, std::int64_t j, Frame& f) {
  const std::size_t before = f.sources.size();
  // A phrase between the subject and the verb ("X in a joint statement
  // warned"): its noun is no subject; the subject may stand in dashes.
  if (const std::int64_t e = before_phrase(stage.view, j, scope.lo); e >= scope.lo) {
    const std::int64_t d = dashed_apposition(stage.view, e, scope.lo);
    j = d >= 0 ? d : e;
  }
  const PhraseExtent np = stage.phrases.subject_before(f.sources, j, scope.lo, scope.title);
  const bool named = np.found || f.sources.size() > before;
  // A name taken as an earlier trigger's object is no subject of this one.
  for (std::size_t i = f.sources.size(); i-- > before;)
    if (scope.object_starts.contains(f.sources[i].arg.start))
      f.sources.erase(f.sources.begin() + static_cast<std::ptrdiff_t>(i));
  if (named) f.subject_first = np.first;
}

namespace {

// "X walked out after denying ...", "X hit back by saying ...", "in
// rejecting ..., the court", "despite admitting ...": a
// participle after a preposition of time or manner shares the subject of the
// verb the preposition attaches to ("accused Y of insisting" does not: Y insists).
std::int32_t subject_through_preposition(const DocumentStage& stage, std::uint32_t v) {
  static constexpr WordSet<9> kPrepositions{
      std::array<std::string_view, 9>{"after", "before", "by", "while", "upon", "without", "despite", "since", "in"}};
  const TokenSyntax& x = stage.syntax.at(v);
  if (x.dep != Dep::Pcomp || x.head < 0 || !in(kPrepositions, stage.view.low(static_cast<std::uint32_t>(x.head))))
    return -1;
  const std::int32_t h = stage.syntax.at(static_cast<std::uint32_t>(x.head)).head;
  if (h < 0 || !is_verb(stage.syntax.at(static_cast<std::uint32_t>(h)).tag)) return -1;
  const PredicateArgs g = stage.syntax.args(static_cast<std::uint32_t>(h));
  return g.passive ? -1 : g.subject;
}

// "X released a statement condemning ...": a participle that modifies a
// document speaks for the subject of the verb the document is the object of.
std::int32_t author_of_document(const DocumentStage& stage, std::uint32_t s) {
  const ActEntry* e = stage.view.referent_entry(s);
  if (!e || e->referent != Referent::Document || stage.view.mention_at(s) >= 0) return static_cast<std::int32_t>(s);
  const TokenSyntax& x = stage.syntax.at(s);
  if (x.dep != Dep::Dobj || x.head < 0) return static_cast<std::int32_t>(s);
  const PredicateArgs g = stage.syntax.args(static_cast<std::uint32_t>(x.head));
  return g.subject >= 0 && !g.passive ? g.subject : static_cast<std::int32_t>(s);
}

}  // namespace

bool syntactic_subject(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Frame& f) {
  // A trigger the tagger reads as no verb ("the U.S. states of") is not worth
  // a parse, nor one that only names, pronouns and listed nominals can be
  // the source of when the sentence has none before it ("the law requires").
  if (!t.entry->quote && !party_word_before(stage.view, scope.lo, t.first)) return false;
  if (!is_verb(stage.syntax.tag(t.first))) return false;
  // The parse covers a window before the trigger: its subject lies near it.
  const std::uint32_t from = t.first > scope.lo + kLookBehind ? t.first - kLookBehind : scope.lo;
  if (!stage.syntax.ensure(scope.index, t.last + kLookAhead, from)) return false;
  const std::uint32_t v = t.first;
  if (!is_verb(stage.syntax.at(v).tag)) return false;
  const PredicateArgs a = stage.syntax.args(v);
  std::int32_t s = a.passive ? a.agent : a.subject;
  if (s < 0 && !a.passive) s = subject_through_preposition(stage, v);
  if (s < 0) return false;
  s = author_of_document(stage, static_cast<std::uint32_t>(s));
  Parties found;
  const NounRole role = t.entry->quote && !a.passive ? NounRole::Speaker : NounRole::Subject;
  const std::uint32_t first = parties_of_noun(stage, static_cast<std::uint32_t>(s), role, found);
  if (found.empty()) return false;
  f.sources = std::move(found);
  const auto us = static_cast<std::uint32_t>(s);
  if (a.passive) {
    // "Ukraine was accused by Russia of ...": the subject is the target.
    f.passive = true;
    if (a.subject >= 0) parties_of_noun(stage, static_cast<std::uint32_t>(a.subject), NounRole::Object, f.targets);
  }
  if (us > t.last) {
    // The source after the trigger ('"...," said X', "accused by X of"): the frame goes on past it.
    f.after = std::max(f.after, stage.syntax.noun_phrase(us).last_token);
    while (f.after < scope.hi && stage.view.mention_at(f.after) >= 0) ++f.after;
  } else if (us < t.first) {
    f.subject_first = first;
  }
  return true;
}

bool infinitive(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Frame& f) {
  // Only a quotation verb ("say", "explain"; not "to support"), read as a
  // verb; not in a headline, where "X to say" is what X will say.
  if (!t.entry->quote || scope.title) return false;
  // Cheap tests before the parse: someone named before it, and the word before
  // "to" no auxiliary ("has to say") nor trigger ("refused to confirm").
  const TokenView& view = stage.view;
  if (t.first < scope.lo + 2 || !party_word_before(view, scope.lo, t.first - 1)) return false;
  const std::uint32_t w = t.first - 2;
  if (in(kAux, view.low(w)) || match_trigger_form(view, w, scope.hi, view.forms_at(w)).entry) return false;
  if (!is_verb(stage.syntax.tag(t.first))) return false;
  const std::uint32_t from = t.first > scope.lo + kLookBehind ? t.first - kLookBehind : scope.lo;
  if (!stage.syntax.ensure(scope.index, t.last + kLookAhead, from)) return false;
  const TokenSyntax& x = stage.syntax.at(t.first);
  if ((x.dep != Dep::Xcomp && x.dep != Dep::Advcl) || x.head < 0) return false;
  const auto g = static_cast<std::uint32_t>(x.head);
  // "hard to say", "nothing to say"; "is to blame", "had to tell" (an obligation).
  if (!is_verb(stage.syntax.at(g).tag) || in(kAux, view.low(g))) return false;
  // A trigger governs it ("refused to confirm", "urged X to say"): that one's act.
  if (match_trigger_form(view, g, scope.hi, view.forms_at(g)).entry) return false;
  // "forced X to admit": X would speak, whom the governor's subject is not.
  if (x.dep == Dep::Xcomp && stage.syntax.args(g).object >= 0) return false;
  return syntactic_subject(stage, scope, t, f);
}

bool frame_for(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Frame& f) {
  if (t.is_noun()) return noun_trigger(stage, scope, t, f);
  if (t.infinitive) return infinitive(stage, scope, t, f);
  // "repeated a call for Israel to ...": a phrase after an article is a noun's.
  if (t.entry->pos == Pos::Phrase && t.before() >= scope.lo) {
    const Word w = stage.view.low(at(t.before()));
    if (w == "a" || w == "an" || w == "the") return noun_trigger(stage, scope, t, f);
  }
  if (t.entry->after) {
    according_to(stage, scope, t, f);
    return true;
  }
  if (!verb_construction(stage, scope, t, f)) return false;
  // No source in the words around the trigger: the parse may know it.
  if (f.sources.empty() && f.source_from == SourceFrom::Phrase) syntactic_subject(stage, scope, t, f);
  return true;
}

bool verb_construction(DocumentStage& stage, const SentenceScope& scope, const Trigger& t, Frame& f) {
  const TokenView& view = stage.view;
  const std::uint32_t lo = scope.lo;
  const std::int64_t j = skip_auxiliaries(view, t.before(), lo, f.negated);
  const Word w = j >= lo ? view.low(at(j)) : Word();
  if (is_passive(view, t, lo) || (j >= lo && is_reduced_passive(view, t, j, scope.hi)) ||
      lacks_its_object(view, t, lo, scope.hi))
    return passive_with_agent(stage, scope, t, j, f);
  if (t.ing && (j < lo || w == "," || w == "while" || w == "by" || w == "after" || ends_object(view, j)))
    participle(f);
  else if (j < lo)
    sentence_initial_inverted(stage, scope, t, f);
  else if (w == "as" && j - 1 >= lo)
    quoted_as(stage, scope, j, f);
  else if (w == "who" || w == "which" || w == "that")
    relative_clause(stage, scope, j, f);
  else if (w == "and" || w == "but")
    coordination(stage, scope, j, f);
  else if (const std::int64_t d = dashed_apposition(view, j, lo); d >= 0)
    plain_subject(stage, scope, d, f);
  else if (w == "," || view.is_mark(at(j)) || w == ":" || is_dash(w))
    appositive_or_inverted(stage, scope, t, j, f);
  else
    plain_subject(stage, scope, j, f);
  return true;
}

}  // namespace standpoints::statements

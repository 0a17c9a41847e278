#include "statements/noun_phrase.hpp"

#include <algorithm>
#include <vector>

namespace standpoints::statements {

namespace {

bool is_conjunction(Word w) { return w == "and" || w == "or" || w == "&" || w == ","; }

// A pronoun alone at token t (outside names and quotations).
std::optional<NounPhrase::ReferentHead> pronoun_at(const TokenView& view, std::uint32_t t) {
  const ActEntry* e = view.referent_entry(t);
  if (!e || e->pos != Pos::Pronoun) return std::nullopt;
  return NounPhrase::ReferentHead{e, MentionKind::Pronoun, t, t};
}

// A nominal head at token `head` ("the ministry"): its words start after the
// determiners from `first`.
std::optional<NounPhrase::ReferentHead> nominal_at(const TokenView& view, std::uint32_t first, std::uint32_t head,
                                                   bool nominal_only) {
  const ActEntry* e = view.referent_entry(head);
  if (!e || (nominal_only && e->pos != Pos::Nominal)) return std::nullopt;
  while (first < head && in(kDeterminers, view.low(first))) ++first;
  return NounPhrase::ReferentHead{e, MentionKind::Nominal, first, head};
}

// "Sen. X (D-Calif.) said", "the ministry (MoD) said": a short parenthesis
// right before the verb is an aside on the phrase before it; the token
// before its "(", or e when there is none.
std::int64_t before_parenthesis(const TokenView& view, std::int64_t e, std::uint32_t lo) {
  if (e <= lo || view.low(static_cast<std::size_t>(e)) != ")") return e;
  for (std::int64_t k = e - 1; k > lo && k >= e - 8; --k) {
    const Word w = view.low(static_cast<std::size_t>(k));
    if (w == ")") break;
    if (w == "(") return k - 1;
  }
  return e;
}

// "the Saudi Embassy in Washington said", "the Turkish ambassador in Berlin
// warned": a place after "in" or "at" is where the speaker is; a name before
// the preposition is who speaks. With no person nor known actor named before
// it ("officials in Washington", "the Foreign Ministry in Berlin") the place
// stays the phrase's name.
std::optional<NounPhrase> located_speaker(const TokenView& view, std::span<const std::int32_t> heads,
                                          std::uint32_t first, std::uint32_t lo, bool juxtapose) {
  if (heads.size() != 1 || first < lo + 2) return std::nullopt;
  const Mention& place = view.mention(heads[0]);
  if (place.type != "GPE" && place.type != "LOC") return std::nullopt;
  const Word prep = view.low(first - 1);
  if (prep != "in" && prep != "at") return std::nullopt;
  NounPhrase speaker = scan_phrase_before(view, first - 2, lo, juxtapose);
  const auto speaks = [&](std::int32_t m) {
    return !view.mention(m).actor.empty() || view.mention(m).type == "PERSON";
  };
  if (std::none_of(speaker.names.begin(), speaker.names.end(), speaks)) return std::nullopt;
  return speaker;
}

}  // namespace

NounPhrase scan_phrase_before(const TokenView& view, std::int64_t e, std::uint32_t lo, bool juxtapose) {
  NounPhrase np;
  e = before_parenthesis(view, e, lo);
  if (e < lo) return np;
  const auto ue = static_cast<std::uint32_t>(e);
  if (view.mention_at(ue) < 0 && view.quote_at(ue) < 0) {
    if (auto pronoun = pronoun_at(view, ue)) {
      np.first = ue;
      np.referent = pronoun;
      return np;
    }
  }
  bool saw_and = false;
  std::int64_t k = e;
  std::int32_t conj_mention = -1;                         // head mention of the current conjunct
  boost::container::small_vector<std::int32_t, 4> heads;  // right to left
  int words = 0, caps = 0;
  std::uint32_t first = ue;
  while (k >= lo) {
    const auto u = static_cast<std::uint32_t>(k);
    if (view.is_mark(u)) break;
    if (view.mention_at(u) >= 0) {
      if (juxtapose && conj_mention >= 0 && static_cast<std::uint32_t>(k + 1) == first) {
        heads.push_back(conj_mention);
        conj_mention = -1;
      }
      if (conj_mention < 0) conj_mention = view.mention_at(u);
      const std::uint32_t ms = view.mention(view.mention_at(u)).start;
      while (k >= lo && view.mention_at(static_cast<std::uint32_t>(k)) >= 0 &&
             view.tok(static_cast<std::uint32_t>(k)).start >= ms)
        --k;
      first = static_cast<std::uint32_t>(k + 1);
      continue;
    }
    const Word w = view.low(u);
    if (const int pl = view.possessive_length(u)) {
      k -= pl;
      continue;
    }
    if (view.tok(u).kind == TokenKind::Quote && !view.tok(u).space_before && !view.is_mark(u)) {  // allies’
      --k;
      continue;
    }
    if (is_conjunction(w)) {
      if (conj_mention < 0) break;
      if (w != ",") saw_and = true;
      if (w == ",") {
        // A comma continues a list only before another name ("A, B and C");
        // a headline lists names with commas alone ("A, B call on C").
        if ((!saw_and && !juxtapose) || k - 1 < lo) break;
        const auto p = static_cast<std::uint32_t>(k - 1);
        if (view.mention_at(p) < 0 && !(p >= 1 && view.low(p) == ")")) break;
      }
      heads.push_back(conj_mention);
      conj_mention = -1;
      words = caps = 0;
      --k;
      continue;
    }
    if (in(kDeterminers, w)) {
      first = u;
      if (k - 1 >= lo && conj_mention >= 0) {
        const Word p = view.low(static_cast<std::size_t>(k - 1));
        if (p == "and" || p == "or" || p == ",") {
          --k;
          continue;
        }
      }
      break;
    }
    if (w == "(" || w == ")" || (w == "-" && !view.tok(u).space_before)) {
      --k;
      continue;
    }
    if (view.tok(u).kind == TokenKind::Word) {
      if (view.tok(u).shape == Shape::Lower) {
        if (in(kStop, w) || ++words > 4) break;
        // A trigger verb is no part of a noun phrase.
        if (view.forms_at(u) && !view.referent_entry(u) && view.starts_verb_form(u)) break;
      } else if (++caps > 4) {
        break;
      }
      first = u;
      --k;
      continue;
    }
    if (view.tok(u).kind == TokenKind::Number) {
      first = u;
      --k;
      continue;
    }
    break;
  }
  if (conj_mention >= 0) heads.push_back(conj_mention);
  if (const auto where = located_speaker(view, heads, first, lo, juxtapose)) return *where;
  np.first = first;
  if (heads.empty()) {
    // No name: a nominal head ("the ministry", "the leaked letters").
    if (view.mention_at(ue) < 0 && view.quote_at(ue) < 0 && view.tok(ue).kind == TokenKind::Word)
      np.referent = nominal_at(view, first, ue, false);
    return np;
  }
  np.names.assign(heads.rbegin(), heads.rend());
  if (view.tok(ue).kind == TokenKind::Word && view.tok(ue).shape == Shape::Lower) np.lower_head = ue;
  return np;
}

bool list_closes(const TokenView& view, std::uint32_t k, std::uint32_t hi, ListEnd* last) {
  if (last && last->hi == hi && k >= last->from && k <= last->to) return last->closes;
  const std::uint32_t from = k;
  bool closes = false;
  for (; k < hi; ++k) {
    const Word w = view.low(k);
    if (w == "and" || w == "or" || w == "&") {
      closes = true;
      break;
    }
    if (!(view.mention_at(k) >= 0 || w == "," || in(kDeterminers, w) || view.tok(k).shape == Shape::Capitalized ||
          view.tok(k).shape == Shape::AllCaps || view.is_possessive_s(k)))
      break;
  }
  if (last) *last = ListEnd{from, k, hi, closes};
  return closes;
}

NounPhrase scan_phrase_after(const TokenView& view, const ActorFacts& facts, std::uint32_t b, std::uint32_t hi,
                             bool allow_referent, ListEnd* list_end) {
  NounPhrase np;
  np.first = b;
  std::uint32_t k = b;
  while (k < hi && in(kDeterminers, view.low(k))) ++k;
  if (k >= hi) return np;
  if (view.mention_at(k) < 0 && allow_referent) {
    if (auto pronoun = pronoun_at(view, k)) {
      np.referent = pronoun;
      return np;
    }
  }
  std::int32_t conj = -1;
  int words = 0;
  bool participle = false;  // a word in -ing since the last name ("Tass, citing Lavrov")
  std::uint32_t last_word = k;
  while (k < hi) {
    if (view.is_mark(k)) break;
    if (view.mention_at(k) >= 0) {
      const Mention& m = view.mention(view.mention_at(k));
      // "Republican Senator Lindsey Graham": a nationality or party before the name modifies it;
      // "Pentagon spokesman John Kirby", "Russia's Lavrov": so does a body or place before a
      // person's name, over role words (not a medium: "told CNN's Jake Tapper" addresses no one).
      const bool modifier =
          conj >= 0 &&
          ((view.mention(conj).type == "NORP" && m.type != "NORP") ||
           (m.type == "PERSON" && view.mention(conj).type != "PERSON" && !participle && !facts.is_media(conj)));
      if ((conj < 0 || modifier) && !view.is_hyphen_glued(m) && (has_code(facts.actor_of(m)) || can_be_party(m.type)))
        conj = view.mention_at(k);
      while (k < hi && view.mention_at(k) >= 0 && view.tok(k).start < m.end) ++k;
      continue;
    }
    const Word w = view.low(k);
    if (view.is_possessive_s(k) || (view.tok(k).kind == TokenKind::Quote && !view.is_mark(k))) {
      ++k;
      continue;
    }
    if (is_conjunction(w)) {
      if (k + 1 >= hi) break;
      // ", and" after a list ("A, B, and C": the serial comma) joins as "and" does.
      if (w == "," && conj >= 0 && !np.names.empty() && (view.low(k + 1) == "and" || view.low(k + 1) == "or")) {
        ++k;
        continue;
      }
      const std::uint32_t n = k + 1;
      const bool next_np = view.mention_at(n) >= 0 || in(kDeterminers, view.low(n)) ||
                           view.tok(n).shape == Shape::Capitalized || view.tok(n).shape == Shape::AllCaps;
      if (!next_np || conj < 0) break;
      // "according to Tass, Russia said" is one name, then a clause.
      if (w == "," && !list_closes(view, n, hi, list_end)) break;
      np.names.push_back(conj);
      conj = -1;
      words = 0;
      ++k;
      while (k < hi && in(kDeterminers, view.low(k))) ++k;
      continue;
    }
    if (w == "(" || w == ")" || (w == "-" && !view.tok(k).space_before)) {
      ++k;
      continue;
    }
    if (view.tok(k).kind == TokenKind::Word) {
      if (view.tok(k).shape == Shape::Lower && (in(kStop, w) || ++words > 4)) break;
      participle = participle || ends_with(w, "ing");
      last_word = k;
      ++k;
      continue;
    }
    if (view.tok(k).kind == TokenKind::Number) {
      ++k;
      continue;
    }
    break;
  }
  if (conj >= 0) np.names.push_back(conj);
  if (np.names.empty() && allow_referent && view.mention_at(last_word) < 0 && view.quote_at(last_word) < 0)
    np.referent = nominal_at(view, b, last_word, true);
  return np;
}

PhraseExtent PhraseReader::subject_before(Parties& out, std::int64_t e, std::uint32_t lo, bool juxtapose) {
  const NounPhrase np = scan_phrase_before(view_, e, lo, juxtapose);
  PhraseExtent extent{np.first, !np.names.empty()};
  if (np.referent) {
    if (referents_.resolve_list(np.referent->entry->referent, np.referent->first, np.referent->head, out)) {
      extent.found = true;
      return extent;
    }
    Party p = resolve(*np.referent);
    extent.found = p.usable;
    if (p.usable) out.push_back(std::move(p));
    return extent;
  }
  const std::size_t before = out.size();
  bool only_media = true;
  for (const std::int32_t mi : np.names) {
    Party& p = out.emplace_back(facts_.party_of(mi));
    if (!p.usable) {
      out.pop_back();  // a name that is no party (a law, an event)
      continue;
    }
    if (np.lower_head >= 0) p.head = view_.low(static_cast<std::size_t>(np.lower_head));
    if (p.media) {
      // A medium: no source (media report what others say).
      if (p.type == "PERSON")
        referents_.note_media_person(p.arg.start, view_.paragraph_of(view_.first_token_at(p.arg.start)));
      p.type = "MEDIA";
      p.usable = false;
      p.head.clear();
    } else {
      only_media = false;
    }
  }
  if (only_media && out.size() > before)
    if (std::optional<Party> person = person_of_medium(np, lo)) {
      out.resize(before);
      out.push_back(std::move(*person));
    }
  return extent;
}

bool PhraseReader::names_people(std::uint32_t t) const {
  if (view_.tok(t).kind != TokenKind::Word || view_.tok(t).shape != Shape::Lower) return false;
  if (const ActEntry* e = view_.referent_entry(t))
    return e->referent == Referent::Person || e->referent == Referent::Group;
  return facts_.is_person_noun(t);
}

std::optional<Party> PhraseReader::person_of_medium(const NounPhrase& np, std::uint32_t lo) {
  // The people's words as a speaker of their own, without a code (as "a
  // reporter" speaks): from `first` (past determiners) to the head.
  const auto people = [&](std::uint32_t first, std::uint32_t head) {
    while (first < head && (view_.tok(first).kind != TokenKind::Word || in(kDeterminers, view_.low(first)))) ++first;
    Party p = referents_.speaker_of_its_own(first, head, "PERSON");
    p.plural = ends_with(view_.low(head), "s");
    return p;
  };
  if (np.lower_head >= 0) {
    // "RT journalists", "a CNN reporter": the words after the last name.
    const auto head = static_cast<std::uint32_t>(np.lower_head);
    if (!names_people(head)) return std::nullopt;
    const Mention& last = view_.mention(np.names.back());
    return people(view_.first_token_at(last.end), head);
  }
  // "Lee Wang of The Intercept", "a reporter for USA Today": the medium is
  // the complement of the person before the preposition.
  if (np.first < lo + 2) return std::nullopt;
  const Word prep = view_.low(np.first - 1);
  if (prep != "of" && prep != "for" && prep != "at" && prep != "with") return std::nullopt;
  const std::uint32_t q = np.first - 2;
  if (const std::int32_t mi = view_.mention_at(q); mi >= 0) {
    if (view_.mention(mi).type != "PERSON") return std::nullopt;
    Party p = facts_.party_of(mi);
    return p.usable ? std::optional<Party>(std::move(p)) : std::nullopt;
  }
  if (!names_people(q)) return std::nullopt;
  // Its modifiers: up to three lower-case words before it ("a senior White House reporter" stops at the name).
  std::uint32_t first = q;
  while (first > lo && first + 3 > q && view_.tok(first - 1).kind == TokenKind::Word &&
         view_.tok(first - 1).shape == Shape::Lower && view_.mention_at(first - 1) < 0 &&
         !in(kStop, view_.low(first - 1)))
    --first;
  return people(first, q);
}

PhraseExtent PhraseReader::object_after(Parties& out, std::uint32_t b, std::uint32_t hi, bool allow_referent) {
  const NounPhrase np = scan_phrase_after(view_, facts_, b, hi, allow_referent, &list_end_);
  const std::size_t before = out.size();
  if (np.referent) {
    Party p = resolve(*np.referent);
    if (p.usable) out.push_back(std::move(p));
  }
  for (const std::int32_t mi : np.names) {
    Party& p = out.emplace_back(facts_.party_of(mi));
    if (p.usable && p.media && p.type == "PERSON")
      referents_.note_media_person(p.arg.start, view_.paragraph_of(view_.first_token_at(p.arg.start)));
    if (!p.usable || p.media) out.pop_back();
  }
  return {np.first, out.size() > before};
}

}  // namespace standpoints::statements

#include "statements/acts.hpp"

#include <algorithm>

namespace standpoints::statements {

namespace {

// How far after the rival whom the content opens with an accusing word may stand to be about it
// ("Cohen was 'lying'", not a cue at the end of a long quotation that names the rival first).
constexpr std::uint32_t kRivalReach = 8;

bool aimed_at_someone(Act a) { return a != Act::Say && a != Act::Deny && a != Act::Support && a != Act::Reject; }

}  // namespace

bool rival_of_source(const ActorFacts& facts, const Party& target, const Argument& source) {
  if (!has_code(target.arg) || !has_code(source) || !facts.same_party(target.arg, source)) return false;
  const bool party = target.type == "NORP" && target.arg.actor != facts.root_of(target.arg.actor);
  const bool body = target.type == "PERSON" || target.type == "ORG" || party;
  if (body && target.arg.actor != source.actor) return true;
  return target.type == "PERSON" && target.arg.entity >= 0 && target.arg.entity != source.entity;
}

Act ActDecider::trigger_act(const ActEntry& entry, std::uint32_t trigger_end, std::uint32_t hi,
                            const std::optional<Span>& content) const {
  if (!entry.modal || !content) return entry.act;
  // A modal between the trigger and the end of the content (within the
  // sentence): a direct scan while the document's budget lasts, then the index.
  std::uint32_t u = trigger_end;
  for (; u < hi && view_.tok(u).start < content->end && scan_budget_ > 0; ++u, --scan_budget_)
    if (in(kModals, view_.low(u))) return entry.act;
  if (u >= hi || view_.tok(u).start >= content->end) return Act::Say;
  if (!modals_indexed_) {
    modals_indexed_ = true;
    for (std::uint32_t k = 0; k < view_.size(); ++k)
      if (in(kModals, view_.low(k))) modal_tokens_.push_back(k);
  }
  const auto it = std::lower_bound(modal_tokens_.begin(), modal_tokens_.end(), u);
  if (it != modal_tokens_.end() && *it < hi && view_.tok(*it).start < content->end) return entry.act;
  return Act::Say;
}

ActChoice ActDecider::decide(const Party& source, const Party* given, const ActEntry& entry, Act act, Span trigger,
                             const std::optional<Span>& content, bool quote, std::uint32_t paragraph) {
  const std::string_view source_root = facts_.key_of(source.arg);
  const std::uint32_t first = view_.first_token_at(trigger.start);
  ActChoice choice;
  choice.act = act;
  // A modal-insistence verb demoted to SAY takes SAY's code (and no PLOVER category).
  const bool demoted = act != entry.act;
  choice.cameo = !demoted || act != Act::Say ? std::string_view(entry.cameo) : std::string_view("010");
  choice.plover = demoted ? std::string_view() : std::string_view(entry.plover);
  if (given && given->usable && !object_of_an_event(*given, trigger)) choice.target = *given;
  // What a neutral statement does (and a trigger whose content decides:
  // "vowed to ..."), from cues in its content (for a quotation, every
  // quotation of the paragraph). "Declined to comment" stays SAY.
  // "suggested that ...", "suggested Putin had ...": an assertion, not a proposal.
  if (entry.that_say && !demoted && content && (starts_clause(*content) || (quote && ends_in_question(*content)))) {
    choice.act = act = Act::Say;
    choice.cameo = "010";
    choice.plover = {};
  }
  const bool by_content =
      ((act == Act::Say && entry.cameo != "011") || (entry.cued && !demoted)) && !neutral_phrase_at(first, trigger);
  bool cued = false;
  // A trigger whose content decides reads what follows it in its sentence
  // ("vowed 'thousands-fold' revenge": the quotation alone is its content).
  std::optional<Span> read = content;
  if (by_content && (entry.cued || stops_at_quotation(content)) && (!content || content->end > trigger.end))
    if (const auto rest = rest_of_sentence(trigger); rest && (!read || rest->end > read->end)) read = rest;
  if (by_content && read) {
    std::array<Span, TokenView::kQuotesPerParagraph + 1> span_buf;
    std::size_t span_count = 0;
    span_buf[span_count++] = *read;
    if (quote && content)
      for (auto [r, last] = view_.paragraph_quotes(paragraph); r < last; ++r)
        if (auto sp = view_.quotation_span(r); sp && sp->start != content->start) span_buf[span_count++] = *sp;
    const std::span<const Span> spans(span_buf.data(), span_count);
    if (CueFound cue = cue_in(spans, source); cue.entry) {
      std::optional<Party> t = cue.target ? std::move(cue.target) : choice.target;
      // An accusation read from words is aimed at the actor next to them ("a pattern of
      // interference from Russia"), rather than at the first actor the content names.
      const bool from_content =
          t && !cue.target && content && t->arg.start >= content->start && t->arg.end <= content->end;
      if ((!t || from_content) && cue.entry->act == Act::Accuse)
        if (auto near = actor_near(cue.token, spans, source_root)) t = std::move(near);
      // A command is addressed to whom the speaker last addressed ("urged the North to ...
      // 'Do not violate the U.N.'s decision'"), before anyone it names.
      if (!t && cue.entry->opening) t = inherited_target(source_root, paragraph, 2);
      if (!t) t = actor_in(spans, source_root);
      // "said Cohen was lying": an accusation of a rival of the source's own country whom the content opens with.
      bool rival = false;
      if (!t && cue.entry->act == Act::Accuse)
        if (auto p = content_subject(*read); p && rival_of_source(facts_, *p, source.arg) &&
                                             cue.token <= view_.first_token_at(p->arg.end) + kRivalReach) {
          t = std::move(p);
          rival = true;
        }
      if (!t) t = inherited_target(source_root, paragraph, 2);
      const bool refusal = cue.entry->act == Act::Reject || cue.entry->act == Act::Deny;
      // The document's most named actor for an act aimed at someone; not for
      // an offer, nor for "he needs to" (whoever "he" is, the text says).
      if (!t && !refusal && !cue.pronoun && cue.entry->act != Act::Offer) t = salient_target(source_root, first);
      // An accusation or demand read from words needs someone it is aimed
      // at; a refusal, and what the speaker says of itself ("it is ready
      // to"), hold without one.
      if (t || refusal || cue.self || entry.cue_only) {
        choice.act = cue.entry->act;
        choice.cameo = cue.entry->cameo;
        choice.plover = cue.entry->plover;
        choice.target = std::move(t);
        choice.addressed = rival;
        cued = true;
      }
    }
  } else if (aimed_at_someone(act) && !choice.target) {
    choice.target = inherited_target(source_root, paragraph, 0);
  }
  if (entry.cue_only && !cued) choice.act = Act::None;
  // "Will Russia retaliate?", "Did Kyiv accuse ...?": the writer asks, no one has spoken.
  if (in_question(first)) choice.act = Act::None;
  // "said, when asked about ...", "if pressed": whoever the clause is about was asked, and asked no one.
  if (entry.pos == Pos::Verb && participle_after_subordinator(first)) choice.act = Act::None;
  // "North Korea's latest comments were ...", "a summit had just concluded – was seen as": a verb
  // form right before a finite verb is a noun (or ends a clause of its own), not said by anyone.
  if (entry.pos == Pos::Verb && content && followed_by_finite_verb(trigger, *content)) choice.act = Act::None;
  // "wants Russia to withdraw": only with an actor as the object and an infinitive after it
  // (not "wants to make America great": the actor inside the infinitive is no object).
  if (entry.obj_to && !cued &&
      !(given && given->usable && content && starts_with_to(*content) && given->arg.end <= content->start))
    choice.act = Act::None;
  return choice;
}

std::optional<Span> ActDecider::rest_of_sentence(const Span& trigger) const {
  const std::uint32_t k = view_.first_token_at(trigger.end);
  if (k >= view_.size()) return std::nullopt;
  const Sentence& s = view_.doc.sentences[view_.doc.sentence_of(k)];
  if (s.last_token <= k) return std::nullopt;
  return Span{view_.tok(k).start, view_.tok(s.last_token - 1).end()};
}

bool ActDecider::in_question(std::uint32_t k) const {
  if (k >= view_.size() || view_.quote_at(k) >= 0) return false;
  const Sentence& s = view_.doc.sentences[view_.doc.sentence_of(k)];
  if (s.last_token == 0 || s.last_token <= k) return false;
  const std::uint32_t last = s.last_token - 1;
  return view_.low(last) == "?" && view_.quote_at(last) < 0 && !view_.is_mark(last);
}

std::optional<Party> ActDecider::content_subject(const Span& content) const {
  std::uint32_t k = view_.first_token_at(content.start);
  if (k < view_.size() && view_.low(k) == "that") ++k;
  while (k < view_.size() && in(kDeterminers, view_.low(k))) ++k;
  if (k >= view_.size() || view_.tok(k).end() > content.end || view_.mention_at(k) < 0) return std::nullopt;
  Party p = facts_.from_mention(view_.mention_at(k));
  if (!p.usable || p.media) return std::nullopt;
  return p;
}

bool ActDecider::ends_in_question(const Span& content) const {
  const std::uint32_t k = view_.first_token_at(content.end);
  return k > 0 && k <= view_.size() && view_.low(k - 1) == "?";
}

bool ActDecider::neutral_phrase_at(std::uint32_t k, const Span& trigger) const {
  // "claimed responsibility for": the words of a neutral phrase that starts with the trigger are no cues.
  if (k >= view_.size() || !view_.may_start_cue(k)) return false;
  const auto* forms = view_.forms_at(k);
  if (!forms) return false;
  for (const auto& f : *forms)
    if (f.pos == Pos::Cue && f.size > 1 && k + f.size <= view_.size() &&
        view_.tok(k + f.size - 1).end() > trigger.end && view_.rest_matches(f, k) &&
        view_.lex.entry_of(f).act == Act::Say)
      return true;
  return false;
}

bool ActDecider::participle_after_subordinator(std::uint32_t k) const {
  if (k == 0 || k >= view_.size() || !ends_with(view_.low(k), "ed")) return false;
  if (view_.low(k - 1) == "being" && k > 1) --k;
  const Word w = view_.low(k - 1);
  return w == "when" || w == "if" || w == "once" || w == "unless" || w == "after" || w == "before" || w == "until" ||
         w == "whenever";
}

bool ActDecider::stops_at_quotation(const std::optional<Span>& content) const {
  // "says U.S. 'solely to blame' for ...": the quotation goes on the clause.
  if (!content) return false;
  const std::uint32_t k = view_.first_token_at(content->end);
  return k < view_.size() && view_.is_mark(k) && view_.quote_at(k) < 0 && k + 1 < view_.size() &&
         view_.quote_at(k + 1) >= 0 && view_.doc.sentence_of(k + 1) == view_.doc.sentence_of(k);
}

bool ActDecider::starts_clause(const Span& content) const {
  const std::uint32_t k = view_.first_token_at(content.start);
  if (k >= view_.size()) return false;
  const Word w = view_.low(k);
  // "asked whether ...", '"Why ...?" she asked': a question put, not a request.
  const bool question = w == "whether" || w == "if" || w == "why" || w == "what" || w == "how" || w == "when" ||
                        w == "who" || w == "where" || w == "which";
  return w == "that" || question || view_.mention_at(k) >= 0 || in(kFirstPerson, w) || in(kThirdPerson, w) ||
         in(kSecondPerson, w);
}

bool ActDecider::starts_with_to(const Span& content) const {
  const std::uint32_t k = view_.first_token_at(content.start);
  return k < view_.size() && view_.low(k) == "to";
}

ActDecider::CueFound ActDecider::cue_in(std::span<const Span> spans, const Party& source) const {
  // The first demand that holds, in span order, wins; else the first cue
  // that holds. The content is read for its statement alone; the
  // paragraph's quotations, which many statements may read, once.
  CueFound first;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const SpanCues cues = i == 0 ? scan_cues(spans[i]) : cues_of(spans[i]);
    for (std::size_t h = 0; h < cues.count; ++h) {
      const CueHit& hit = cues.hits[h];
      CueFound found;
      if (!holds(hit, source, found.target, found.self)) continue;
      found.entry = hit.entry;
      found.pronoun = hit.subject.pronoun;
      found.token = hit.token;
      if (hit.entry->act == Act::Demand && hit.entry->pos == Pos::Cue) return found;
      if (!first.entry) first = std::move(found);
    }
  }
  return first;
}

bool ActDecider::holds(const CueHit& hit, const Party& source, std::optional<Party>& target, bool& self) const {
  const std::string& source_root = facts_.root_of(source.arg.actor);
  const ActEntry& e = *hit.entry;
  // A trigger read as a cue ("we condemn") is the speaker's act only in the speaker's clause.
  const CueScope scope = e.pos == Pos::Cue ? e.scope : CueScope::Self;
  if (scope == CueScope::Any) return true;
  if (hit.negated) return false;
  const CueSubject& s = hit.subject;
  // "The ministry said he would ...": "he" is someone else, whom the text does not name.
  const bool not_the_source = s.person_pronoun && !source.type.empty() && source.type != "PERSON";
  bool own = s.kind == CueSubject::Kind::Speaker && !not_the_source, others = s.kind == CueSubject::Kind::Other;
  if (s.kind == CueSubject::Kind::Name) {
    const std::string_view actor = facts_.actor_of(view_.mention(s.mention));
    if (has_code(actor)) {
      own = facts_.root_of(actor) == source_root;
      others = !own && is_foreign_candidate(s.token);
    }
  }
  if (scope == CueScope::Self) {
    self = own;
    return own;
  }
  if (others && s.kind == CueSubject::Kind::Name) target = facts_.from_mention(s.mention);
  return others;
}

namespace {

// The person of a pronoun or possessive determiner ("we're": "we").
enum class Person : std::uint8_t { None, First, Second, Third };
Person person_of(std::string_view w) {
  if (const auto apostrophe = w.find('\''); apostrophe != std::string_view::npos && apostrophe > 0)
    w = w.substr(0, apostrophe);
  if (in(kFirstPerson, w)) return Person::First;
  if (in(kThirdPerson, w)) return Person::Third;
  if (in(kSecondPerson, w)) return Person::Second;
  return Person::None;
}

// A trigger that needs a construction of its own ("attacked X for", "wants X to").
bool has_condition(const ActEntry& e) {
  return e.pos != Pos::Cue && (e.need_for || e.that_only || e.obj_to || e.cue_only || e.quote_only);
}

bool negation(std::string_view w) { return in(kNegation, w) || (w.size() > 3 && ends_with(w, "n't")); }

}  // namespace

bool ActDecider::followed_by_finite_verb(const Span& trigger, const Span& content) const {
  // "the crime that Ukraine says is a pretext", "what he claimed were": the subject right
  // before the verb, whose object is the gap of a relative clause; a statement.
  const std::uint32_t first = view_.first_token_at(trigger.start);
  if (first > 0 && (view_.mention_at(first - 1) >= 0 || person_of(view_.low(first - 1)) != Person::None)) return false;
  std::uint32_t k = view_.first_token_at(trigger.end);
  // Over a dash or comma ("had just concluded – was interpreted").
  while (k < view_.size() && view_.tok(k).kind == TokenKind::Punct && view_.low(k) != "\"") ++k;
  if (k >= view_.size() || view_.tok(k).start != content.start) return false;
  const Word w = view_.low(k);
  return w == "is" || w == "are" || w == "was" || w == "were" || w == "has" || w == "have" || w == "had";
}

ActDecider::SpanCues ActDecider::cues_of(const Span& span) const {
  const std::uint64_t key = std::uint64_t{span.start} << 32 | span.end;
  if (auto it = span_cues_.find(key); it != span_cues_.end()) return it->second;
  const SpanCues cues = scan_cues(span);
  span_cues_.emplace(key, cues);
  return cues;
}

ActDecider::SpanCues ActDecider::scan_cues(const Span& span) const {
  SpanCues cues;
  const std::uint32_t n = view_.size();
  const std::uint32_t lo = view_.first_token_at(span.start);
  // Spans end at a token's end: the tokens before the first that starts at or after it.
  const std::uint32_t hi = view_.first_token_at(span.end);
  for (std::uint32_t k = lo; k < hi && cues.count < kCuesPerSpan; ++k) {
    if (!view_.may_start_cue(k)) continue;
    const auto* forms = view_.forms_at(k);
    if (!forms) continue;
    bool stop = false;
    for (const auto& f : *forms) {
      if (k + f.size > n) continue;
      if (f.pos == Pos::Nominal || f.pos == Pos::Pronoun || f.pos == Pos::Light || f.pos == Pos::Noun) continue;
      if (!view_.rest_matches(f, k)) continue;
      if (f.pos == Pos::Idiom) {  // "as opposed to": no cue in its words (forms come longest first)
        k += f.size - 1;
        break;
      }
      const ActEntry& e = view_.lex.entry_of(f);
      // A verb form after a determiner or a possessive is a noun ("softened its demands").
      if (e.pos == Pos::Verb && k > lo && (in(kDeterminers, view_.low(k - 1)) || view_.is_possessive_s(k - 1)))
        continue;
      // Outside quotations, a trigger verb makes a statement of its own and
      // ends the search; in the speaker's clause ("said it is ready to") it
      // is also what the statement does (the two then make one).
      if (view_.quote_at(k) < 0 && (e.pos == Pos::Verb || e.pos == Pos::Phrase)) {
        stop = true;
        if (e.act != Act::None && e.act != Act::Say && !has_condition(e) && !passive_at(k)) {
          CueHit hit;
          hit.entry = &e;
          hit.token = k;
          bool negated = false;
          if (auto subject = subject_before(k, lo, false, negated); subject && !negated) {
            hit.subject = *subject;
            cues.hits[cues.count++] = hit;
          }
        }
        break;
      }
      // A neutral form ("lies with", "news broke", "said") is no cue, nor are the words in it.
      if (e.act == Act::None || e.act == Act::Say) {
        k += f.size - 1;
        break;
      }
      if (e.quote_only && view_.quote_at(k) < 0) continue;
      // A command opens its quotation, capitalised ("Do not violate ..."; not they "don't know").
      if (e.opening &&
          (view_.quote_at(k) < 0 || k == 0 || !view_.is_mark(k - 1) || view_.tok(k).shape != Shape::Capitalized))
        continue;
      // A trigger that needs a construction of its own ("attacked X for",
      // "wants X to") is no cue by itself.
      if (has_condition(e)) break;
      // "I was asked", "they were accused of": the subject underwent the act, and did not do it.
      if (e.pos != Pos::Cue && passive_at(k)) break;
      CueHit hit;
      hit.entry = &e;
      hit.token = k;
      // Only the cues that ask whose clause they stand in, and triggers read as cues, need the subject.
      if (e.pos != Pos::Cue || e.scope != CueScope::Any || e.future) {
        auto subject = subject_before(k, lo, e.future, hit.negated);
        if (!subject) continue;  // a future cue without will / would
        hit.subject = *subject;
      }
      cues.hits[cues.count++] = hit;
      break;
    }
    if (stop) break;
  }
  return cues;
}

bool ActDecider::passive_at(std::uint32_t k) const {
  if (!ends_with(view_.low(k), "ed")) return false;
  std::uint32_t u = k;
  while (u > 0 && (in(kAdverbs, view_.low(u - 1)) || negation(view_.low(u - 1)))) --u;
  if (u == 0) return false;
  const Word w = view_.low(u - 1);
  return w == "was" || w == "were" || w == "is" || w == "are" || w == "be" || w == "been" || w == "being" ||
         w == "am" || w == "get" || w == "got";
}

std::optional<CueSubject> ActDecider::subject_before(std::uint32_t k, std::uint32_t lo, bool future,
                                                     bool& negated) const {
  // Back over auxiliaries, adverbs and negation ("it is not yet ready to"),
  // passing a future auxiliary where the cue needs one ("would also retaliate").
  bool future_seen = !future;
  std::uint32_t u = k;
  for (; u > lo; --u) {
    if (view_.tok(u - 1).kind == TokenKind::Quote) continue;  // 'would "respond"'
    const Word w = view_.low(u - 1);
    if (!future_seen &&
        (in(kFuture, w) || w == "won't" || w == "wouldn't" || w == "shan't" || (w.size() > 3 && ends_with(w, "'ll")))) {
      if (u < k && view_.low(u) == "have") return std::nullopt;  // "would have provided": what did not happen
      future_seen = true;
      negated = negated || negation(w);
      if (w.size() > 3 && ends_with(w, "'ll")) break;  // "we'll": the subject is in the token
      continue;
    }
    // The infinitive that opens a content ("vowed Monday to strike"): what the speaker means to do.
    if (!future_seen && w == "to" && opens_content(u - 1, lo)) {
      future_seen = true;
      u = lo;
      break;
    }
    if (negation(w)) {
      negated = true;
      continue;
    }
    if (in(kAux, w) || in(kAdverbs, w) || (w.size() > 4 && ends_with(w, "ly"))) continue;
    // "Hamas, which the U.S. calls ..., should be disarmed": over the relative clause to its head.
    if (w == ",")
      if (const auto open = relative_clause_start(u - 1, lo)) {
        u = *open + 1;
        continue;
      }
    if (!future_seen && in(kAspectual, w)) continue;  // "will continue to support"
    break;
  }
  if (!future_seen) return std::nullopt;
  CueSubject s;
  // Only modifiers between the content's start and the cue ("vowed
  // 'thousands-fold' revenge"): the trigger's object, the speaker's clause.
  if (!future && only_modifiers(lo, u)) u = lo;
  if (u <= lo) {
    // Nothing before it in the content ("vowed to retaliate", "promised
    // revenge"): the clause is the trigger's, whose subject is the speaker;
    // but a quotation that goes on a sentence in lower case ("Recent strikes,
    // he added, 'suggest ...'") has its subject outside it, no speaker's.
    const bool continued = view_.quote_at(k) >= 0 && view_.tok(lo).shape == Shape::Lower;
    if (!continued) s.kind = CueSubject::Kind::Speaker;
    return s;
  }
  const std::uint32_t t = u - 1;
  std::int32_t mi = view_.mention_at(t);
  std::uint32_t at = t;
  if (mi < 0 && t > lo) {
    // "the Russian side", "Russia's ministry": a name before the head.
    at = t - 1;
    if (const int p = view_.possessive_length(at); p > 0 && at >= lo + static_cast<std::uint32_t>(p))
      at -= static_cast<std::uint32_t>(p);
    if (person_of(view_.low(t)) == Person::None) mi = view_.mention_at(at);
  }
  if (mi >= 0) {
    s.kind = CueSubject::Kind::Name;
    s.mention = mi;
    s.token = at;
    return s;
  }
  switch (person_of(view_.low(t))) {
    case Person::First:
      s.kind = CueSubject::Kind::Speaker;
      break;
    case Person::Third: {
      // "Russia said it was ready": the speaker; inside a quotation, someone else.
      s.kind = view_.quote_at(t) >= 0 ? CueSubject::Kind::Other : CueSubject::Kind::Speaker;
      s.pronoun = true;
      const Word w = view_.low(t);
      s.person_pronoun = w == "he" || w == "she" || w == "he's" || w == "she's" || w == "he'll" || w == "she'll";
      break;
    }
    case Person::Second:
      s.kind = CueSubject::Kind::Other;
      break;
    case Person::None:
      break;
  }
  return s;
}

bool ActDecider::object_of_an_event(const Party& target, const Span& trigger) const {
  // "condemned the killing of the Israeli soldiers", "the attack on X": X is whom the
  // event befell, not whom the act is aimed at; "the government of X" is X.
  const std::uint32_t k = view_.first_token_at(target.arg.start);
  const std::uint32_t t = view_.first_token_at(trigger.end);
  if (k >= view_.size() || k < t + 3 || k > t + 8) return false;
  std::uint32_t p = k - 1;
  while (p > t && in(kDeterminers, view_.low(p))) --p;
  const Word prep = view_.low(p);
  if (prep != "of" && prep != "on" && prep != "against") return false;
  const std::uint32_t head = p - 1;
  if (head < t || view_.tok(head).shape != Shape::Lower || view_.referent_entry(head) != nullptr) return false;
  // "of" names the doer as often ("the actions of Russia"): only after an event in -ing ("the shelling of").
  const Word h = view_.low(head);
  return prep != "of" || (h.size() > 5 && ends_with(h, "ing"));
}

std::optional<std::uint32_t> ActDecider::relative_clause_start(std::uint32_t comma, std::uint32_t lo) const {
  constexpr std::uint32_t kReach = 40;
  for (std::uint32_t j = comma; j > lo + 1 && comma - j < kReach; --j) {
    const Word w = view_.low(j - 1);
    if ((w == "which" || w == "who" || w == "whom" || w == "whose") && view_.low(j - 2) == ",") return j - 2;
  }
  return std::nullopt;
}

bool ActDecider::only_modifiers(std::uint32_t lo, std::uint32_t k) const {
  if (k <= lo) return false;
  for (std::uint32_t u = lo; u < k; ++u) {
    const Token& t = view_.tok(u);
    const Word w = view_.low(u);
    const bool modifier = t.shape == Shape::Lower && t.kind == TokenKind::Word && !in(kStop, w) && !in(kAux, w) &&
                          !negation(w) && view_.mention_at(u) < 0;
    if (!modifier && t.kind != TokenKind::Quote && w != "-") return false;
  }
  return true;
}

bool ActDecider::opens_content(std::uint32_t k, std::uint32_t lo) const {
  // Only time words before it ("vowed on Monday to ...").
  for (std::uint32_t u = k; u > lo; --u)
    if (!in(kTime, view_.low(u - 1)) && !in(kTimePrep, view_.low(u - 1))) return false;
  return true;
}

bool ActDecider::is_foreign_candidate(std::uint32_t k) const {
  const std::int32_t mi = view_.mention_at(k);
  if (mi < 0) return false;
  const Party p = facts_.from_mention(mi);
  return p.usable && !p.media && !view_.is_hyphen_glued(view_.mention(mi)) && !view_.after_place_preposition(k);
}

void ActDecider::index_candidates() const {
  const std::uint32_t n = view_.size();
  next_candidate_.assign(n + 1, n);
  next_other_root_.assign(n + 1, n);
  const auto root = [&](std::uint32_t k) -> const std::string& {
    return facts_.root_of(facts_.actor_of(view_.mention(view_.mention_at(k))));
  };
  for (std::uint32_t k = n; k-- > 0;) {
    next_candidate_[k] = next_candidate_[k + 1];
    next_other_root_[k] = next_other_root_[k + 1];
    if (!is_foreign_candidate(k)) continue;
    const std::uint32_t next = next_candidate_[k + 1];
    // The first candidate after k whose root differs from k's.
    next_other_root_[k] = next < n && root(next) != root(k) ? next : next_other_root_[k + 1];
    next_candidate_[k] = k;
  }
}

std::optional<Party> ActDecider::actor_near(std::uint32_t cue, std::span<const Span> spans,
                                            std::string_view source_root) const {
  // Within the span that holds the cue and the cue's sentence, outward from the cue, at most a few words each way.
  constexpr std::uint32_t kReach = 12;
  const Span* in_span = nullptr;
  for (const Span& sp : spans)
    if (view_.tok(cue).start >= sp.start && view_.tok(cue).end() <= sp.end) in_span = &sp;
  if (!in_span) return std::nullopt;
  const Sentence& sentence = view_.doc.sentences[view_.doc.sentence_of(cue)];
  const auto fits = [&](std::uint32_t k) {
    const Token& t = view_.tok(k);
    return k >= sentence.first_token && k < sentence.last_token && t.start >= in_span->start && t.end() <= in_span->end;
  };
  // "interference from Russia": next to an accusation, "from" names the doer, not a place.
  const auto candidate = [&](std::uint32_t k) {
    if (is_foreign_candidate(k)) return true;
    if (k == 0 || view_.low(k - 1) != "from" || view_.mention_at(k) < 0) return false;
    const Party p = facts_.from_mention(view_.mention_at(k));
    return p.usable && !p.media && !view_.is_hyphen_glued(view_.mention(view_.mention_at(k)));
  };
  const auto other = [&](std::uint32_t k) {
    if (!candidate(k)) return false;
    return facts_.root_of(facts_.actor_of(view_.mention(view_.mention_at(k)))) != source_root;
  };
  for (std::uint32_t d = 1; d <= kReach; ++d) {
    if (cue >= d && fits(cue - d) && other(cue - d)) return facts_.from_mention(view_.mention_at(cue - d));
    if (cue + d < view_.size() && fits(cue + d) && other(cue + d))
      return facts_.from_mention(view_.mention_at(cue + d));
  }
  return std::nullopt;
}

std::optional<Party> ActDecider::actor_in(std::span<const Span> spans, std::string_view source_root) const {
  const std::uint32_t n = view_.size();
  for (const Span& content : spans) {
    std::uint32_t k = view_.first_token_at(content.start);
    // A direct scan while the document's budget lasts, then the index.
    for (; k < n && view_.tok(k).end() <= content.end && scan_budget_ > 0; ++k, --scan_budget_) {
      if (!is_foreign_candidate(k)) continue;
      Party p = facts_.from_mention(view_.mention_at(k));
      if (facts_.root_of(p.arg.actor) != source_root) return p;
    }
    if (k >= n || view_.tok(k).end() > content.end) continue;
    if (next_candidate_.empty()) index_candidates();
    std::uint32_t c = next_candidate_[k];
    if (c < n && facts_.root_of(facts_.actor_of(view_.mention(view_.mention_at(c)))) == source_root)
      c = next_other_root_[k];
    if (c < n && view_.tok(c).end() <= content.end) return facts_.from_mention(view_.mention_at(c));
  }
  return std::nullopt;
}

std::optional<Party> ActDecider::inherited_target(std::string_view source_root, std::uint32_t paragraph,
                                                  std::uint32_t back) const {
  // A bounded look-back keeps a huge one-paragraph document linear.
  constexpr std::size_t kLookBack = SourceHistory::kRecent;
  const auto& seen = history_.recent();
  std::size_t looked = 0;
  for (auto it = seen.rbegin(); it != seen.rend() && looked < kLookBack; ++it, ++looked) {
    if (it->paragraph + back < paragraph) break;
    if (facts_.key_of(it->arg) != source_root) continue;
    // A target of the source's own root (kept only as the object addressed) is no target to inherit.
    if (it->target && facts_.key_of(*it->target) != source_root) {
      Party p;
      p.arg = *it->target;
      p.usable = true;
      return p;
    }
  }
  return std::nullopt;
}

std::optional<Party> ActDecider::salient_target(std::string_view source_root, std::uint32_t before) {
  if (before < salient_pos_) {
    salient_count_.clear();
    salient_pos_ = 0;
  }
  const std::uint32_t from = salient_pos_;
  const std::uint32_t end = std::min(before, view_.size());
  salient_pos_ = std::max(salient_pos_, end);
  for (std::uint32_t k = from; k < end; ++k) {
    const std::int32_t mi = view_.mention_at(k);
    if (mi < 0 || view_.quote_at(k) >= 0) continue;
    if (k > 0 && view_.mention_at(k - 1) == mi) continue;
    const Mention& m = view_.mention(mi);
    const std::string_view a = facts_.actor_of(m);
    if (!has_code(a) || facts_.is_media(mi) || view_.after_place_preposition(k) || view_.is_hyphen_glued(m)) continue;
    auto& c = salient_count_[facts_.root_of(a)];
    ++c.first;
    c.second = mi;
  }
  // The most counted root but the source's; of equal counts, the first in
  // byte order (the order does not depend on the table's).
  int best = 0;
  std::int32_t best_mention = -1;
  std::string_view best_root;
  for (const auto& [r, c] : salient_count_)
    if (r != source_root && (c.first > best || (c.first == best && best > 0 && r < best_root))) {
      best = c.first;
      best_mention = c.second;
      best_root = r;
    }
  // A foreign actor named a few times in a story about the source's own country ("Afghan" in
  // a story on a U.S. senator's e-mails) is not whom its words are aimed at: the story must
  // name it at least a quarter as often as the source's root.
  const auto own = salient_count_.find(source_root);
  const int own_count = own == salient_count_.end() ? 0 : own->second.first;
  if (best < 3 || best * 4 < own_count) return std::nullopt;
  return facts_.from_mention(best_mention);
}

}  // namespace standpoints::statements

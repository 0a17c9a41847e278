// Reading the layer: noun phrases and the arguments of predicates, the same
// whichever source (built-in model or spaCy) filled it.
#include <algorithm>
#include <boost/container/small_vector.hpp>
#include <cctype>

#include "features.hpp"
#include "standpoints/syntax.hpp"

namespace standpoints {

namespace {

// Left dependents that belong to a base noun phrase ("the", "deputy",
// "Russia's", "three"): their whole subtrees join the phrase.
bool joins_noun_phrase(Dep d) {
  return d == Dep::Det || d == Dep::Amod || d == Dep::Compound || d == Dep::Nummod || d == Dep::Poss;
}

// A nominal that heads its own phrase (not a modifier inside another's).
bool heads_noun_phrase(const TokenSyntax& t) {
  if (!is_nominal_head(t.tag) || t.tag == PosTag::EX) return false;
  return t.dep != Dep::Compound && t.dep != Dep::Nummod && t.dep != Dep::Poss && t.dep != Dep::Amod &&
         t.dep != Dep::Expl;
}

bool ci_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

Attachment attachment_of(Dep d) {
  switch (d) {
    case Dep::Root:
    case Dep::None:
      return Attachment::Main;
    case Dep::Ccomp:
    case Dep::Xcomp:
      return Attachment::Complement;
    case Dep::Advcl:
      return Attachment::Adverbial;
    case Dep::Relcl:
      return Attachment::Relative;
    case Dep::Acl:
      return Attachment::Clausal;
    case Dep::Conj:
      return Attachment::Conjunct;
    case Dep::Parataxis:
      return Attachment::Parenthetical;
    default:
      return Attachment::Other;
  }
}

// Own arguments of t (children only).
PredicateArgs own_args(const Document& doc, std::uint32_t t) {
  PredicateArgs a;
  const auto& syn = doc.syntax.tokens;
  const Sentence& s = doc.sentences[doc.sentence_of(t)];
  a.governor = syn[t].head;
  a.attachment = attachment_of(syn[t].dep);
  std::int32_t csubj = -1, poss = -1;
  for (std::uint32_t j = s.first_token; j < s.last_token; ++j) {
    if (syn[j].head != static_cast<std::int32_t>(t)) continue;
    const auto jj = static_cast<std::int32_t>(j);
    switch (syn[j].dep) {
      case Dep::Nsubj:
        if (a.subject < 0) a.subject = jj;
        break;
      case Dep::Nsubjpass:
        if (a.subject < 0) a.subject = jj;
        a.passive = true;
        break;
      case Dep::Csubj:
        if (csubj < 0) csubj = jj;
        break;
      case Dep::Auxpass:
        a.passive = true;
        break;
      case Dep::Agent:
        if (a.agent < 0) a.agent = child(doc, j, Dep::Pobj);
        break;
      case Dep::Dobj:
        if (a.object < 0) a.object = jj;
        break;
      case Dep::Dative:
        if (a.dative < 0) a.dative = jj;
        break;
      case Dep::Ccomp:
      case Dep::Xcomp:
        if (a.complement < 0) a.complement = jj;
        break;
      case Dep::Neg:
        a.negated = true;
        break;
      case Dep::Poss:
        if (poss < 0) poss = jj;
        break;
      default:
        break;
    }
  }
  if (a.subject < 0) a.subject = csubj;
  // A noun's possessor is its subject: "Russia's call for ...".
  if (a.subject < 0 && is_noun(syn[t].tag)) a.subject = poss;
  a.own_subject = a.subject >= 0;
  return a;
}

}  // namespace

namespace syntax {

void noun_phrases_of_sentence(Document& doc, std::uint32_t s, std::uint32_t lo, std::uint32_t hi) {
  const Sentence& sent = doc.sentences[s];
  const auto& syn = doc.syntax.tokens;
  const std::uint32_t first = std::max(lo, sent.first_token);
  const std::uint32_t n = std::min(hi, sent.last_token) - first;
  // Leftmost token of each subtree: every token lowers its ancestors' value.
  boost::container::small_vector<std::uint32_t, 128> leftmost(n);
  for (std::uint32_t i = 0; i < n; ++i) leftmost[i] = first + i;
  for (std::uint32_t i = 0; i < n; ++i) {
    std::int32_t h = syn[first + i].head;
    for (std::uint32_t steps = 0; h >= 0 && steps < n; ++steps) {
      auto& l = leftmost[static_cast<std::uint32_t>(h) - first];
      if (l <= first + i) break;  // ancestors above already reach as far
      l = first + i;
      h = syn[static_cast<std::uint32_t>(h)].head;
    }
  }
  // Each phrase starts at the leftmost token of its joining left dependents' subtrees.
  boost::container::small_vector<std::uint32_t, 128> start(n);
  for (std::uint32_t i = 0; i < n; ++i) start[i] = first + i;
  for (std::uint32_t j = 0; j < n; ++j) {
    const std::int32_t h = syn[first + j].head;
    if (h > static_cast<std::int32_t>(first + j) && joins_noun_phrase(syn[first + j].dep)) {
      auto& st = start[static_cast<std::uint32_t>(h) - first];
      st = std::min(st, leftmost[j]);
    }
  }
  for (std::uint32_t i = 0; i < n; ++i)
    if (heads_noun_phrase(syn[first + i]))
      doc.syntax.noun_phrases.push_back(NounPhrase{start[i], first + i + 1, first + i});
}

}  // namespace syntax

void find_noun_phrases(Document& doc) {
  doc.syntax.noun_phrases.clear();
  for (std::uint32_t s = 0; s < doc.sentences.size(); ++s)
    if (doc.syntax.is_parsed(s)) syntax::noun_phrases_of_sentence(doc, s);
  std::sort(doc.syntax.noun_phrases.begin(), doc.syntax.noun_phrases.end(),
            [](const NounPhrase& a, const NounPhrase& b) { return a.first_token < b.first_token; });
}

std::int32_t child(const Document& doc, std::uint32_t t, Dep dep) {
  if (t >= doc.syntax.tokens.size()) return -1;
  const Sentence& s = doc.sentences[doc.sentence_of(t)];
  for (std::uint32_t j = s.first_token; j < s.last_token; ++j)
    if (doc.syntax.tokens[j].head == static_cast<std::int32_t>(t) && doc.syntax.tokens[j].dep == dep)
      return static_cast<std::int32_t>(j);
  return -1;
}

std::int32_t prep_object(const Document& doc, std::uint32_t t, std::string_view prep) {
  if (t >= doc.syntax.tokens.size()) return -1;
  const Sentence& s = doc.sentences[doc.sentence_of(t)];
  for (std::uint32_t j = s.first_token; j < s.last_token; ++j) {
    const TokenSyntax& x = doc.syntax.tokens[j];
    if (x.head != static_cast<std::int32_t>(t) || (x.dep != Dep::Prep && x.dep != Dep::Agent)) continue;
    const Token& tok = doc.tokens[j];
    if (ci_equal(std::string_view(doc.text).substr(tok.start, tok.end() - tok.start), prep)) {
      const std::int32_t obj = child(doc, j, Dep::Pobj);
      if (obj >= 0) return obj;
    }
  }
  return -1;
}

PredicateArgs predicate_args(const Document& doc, std::uint32_t t) {
  if (t >= doc.syntax.tokens.size() || !doc.syntax.is_parsed(doc.sentence_of(t))) return PredicateArgs{};
  PredicateArgs a = own_args(doc, t);
  const auto& syn = doc.syntax.tokens;
  // A relative pronoun subject stands for the noun the clause modifies.
  if (a.own_subject && a.attachment == Attachment::Relative &&
      (syn[a.subject].tag == PosTag::WP || syn[a.subject].tag == PosTag::WDT) && a.governor >= 0) {
    a.subject = a.governor;
    a.own_subject = false;
  }
  if (a.own_subject) {
    a.inverted = a.subject > static_cast<std::int32_t>(t);
    return a;
  }
  // Shared subjects, following conjuncts and participles up a few levels.
  std::int32_t g = a.governor;
  Attachment how = a.attachment;
  for (int depth = 0; depth < 8 && g >= 0 && a.subject < 0; ++depth) {
    const auto gu = static_cast<std::uint32_t>(g);
    switch (how) {
      case Attachment::Relative:
      case Attachment::Clausal:
        a.subject = g;  // "officials saying ...", "X, accused by Y of ..."
        if (how == Attachment::Clausal && syn[t].tag == PosTag::VBN) a.passive = true;
        break;
      case Attachment::Conjunct:
      case Attachment::Adverbial: {
        const PredicateArgs up = own_args(doc, gu);
        if (up.subject >= 0) {
          a.subject = up.subject;
        } else {
          how = up.attachment;
          g = up.governor;
          continue;
        }
        break;
      }
      case Attachment::Complement: {
        if (syn[t].dep != Dep::Xcomp) return a;  // a that-clause has its own subject or none
        const PredicateArgs up = own_args(doc, gu);
        // "urged Russia to ..." -> Russia; "agreed to ..." -> the one who agreed.
        a.subject = up.object >= 0 ? up.object : up.subject;
        break;
      }
      default:
        return a;
    }
  }
  return a;
}

NounPhrase noun_phrase(const Document& doc, std::uint32_t t) {
  if (t >= doc.tokens.size()) return NounPhrase{t, t + 1, t};
  const auto& nps = doc.syntax.noun_phrases;
  const NounPhrase* best = nullptr;
  // Phrases are sorted by first token; the ones containing t start at or before it.
  auto end = std::upper_bound(nps.begin(), nps.end(), t,
                              [](std::uint32_t x, const NounPhrase& np) { return x < np.first_token; });
  const std::uint32_t sentence_first = doc.sentences[doc.sentence_of(t)].first_token;
  for (auto it = end; it != nps.begin();) {
    --it;
    if (it->first_token < sentence_first) break;
    if (it->head == t) return *it;
    if (it->first_token <= t && t < it->last_token &&
        (!best || it->last_token - it->first_token < best->last_token - best->first_token))
      best = &*it;
  }
  return best ? *best : NounPhrase{t, t + 1, t};
}

}  // namespace standpoints

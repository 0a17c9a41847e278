// Projection of a foreign analysis (a spaCy Doc) onto our tokens: the same
// mapping turns spaCy's parses into training data (tools/train_syntax.py)
// and lets a user's spaCy Doc stand in for the built-in model.
#include <stdexcept>

#include "features.hpp"
#include "standpoints/syntax.hpp"
#include "standpoints/utf8.hpp"

namespace standpoints {

namespace {

constexpr std::uint32_t kNone = 0xFFFFFFFF;

bool skippable(char32_t c) { return utf8::is_space(c) || c == 0xFEFF; }

// For each byte of the foreign text that starts a non-space character, the
// byte range of the same character in doc.text (kNone elsewhere). The texts
// must hold the same non-space characters in the same order.
struct CharMap {
  std::vector<std::uint32_t> start, end;
};

CharMap align_texts(std::string_view foreign, std::string_view ours) {
  CharMap m;
  m.start.assign(foreign.size(), kNone);
  m.end.assign(foreign.size(), kNone);
  std::size_t i = 0, j = 0, mismatches = 0, chars = 0;
  while (i < foreign.size()) {
    const std::size_t at = i;
    const char32_t c = utf8::decode(foreign, i);
    if (skippable(c)) continue;
    std::size_t jd = j;
    char32_t d = 0;
    while (jd < ours.size()) {
      j = jd;
      d = utf8::decode(ours, jd);
      if (!skippable(d)) break;
      d = 0;
    }
    if (d == 0) throw std::invalid_argument("the spaCy Doc's text is longer than the document's text");
    ++chars;
    if (c != d) ++mismatches;  // a character the reader replaced (U+FFFD)
    m.start[at] = static_cast<std::uint32_t>(j);
    m.end[at] = static_cast<std::uint32_t>(jd);
    j = jd;
  }
  while (j < ours.size())
    if (!skippable(utf8::decode(ours, j)))
      throw std::invalid_argument("the spaCy Doc's text is shorter than the document's text");
  if (mismatches > 3 && mismatches * 100 > chars)
    throw std::invalid_argument("the spaCy Doc's text differs from the document's text");
  return m;
}

// The tag of a piece of a foreign token split by our tokenizer ("F-16" ->
// "F", "-", "16"): punctuation by its character, numbers CD, words the tag
// of the whole.
PosTag piece_tag(std::string_view text, const Token& t, PosTag whole) {
  const std::string_view s = text.substr(t.start, t.end() - t.start);
  if (t.kind == TokenKind::Number) return PosTag::CD;
  if (t.kind == TokenKind::Quote) return t.space_before ? PosTag::OpenQuote : PosTag::CloseQuote;
  if (t.kind == TokenKind::Punct) {
    if (s == "-" || s == "\xE2\x80\x93" || s == "\xE2\x80\x94") return PosTag::HYPH;
    if (s == ",") return PosTag::Comma;
    if (s == "." || s == "!" || s == "?") return PosTag::Period;
    if (s == ":" || s == ";") return PosTag::Colon;
    if (s == "$") return PosTag::Dollar;
    if (s == "(" || s == "[") return PosTag::LRB;
    if (s == ")" || s == "]") return PosTag::RRB;
    if (s.size() == 2 && (s[1] == 's' || s[1] == 'S')) return PosTag::POS;
    return PosTag::NFP;
  }
  return whole == PosTag::None ? PosTag::NN : whole;
}

struct Group {
  std::uint32_t our_first, our_last;          // our tokens [first, last)
  std::uint32_t foreign_first, foreign_last;  // mapped foreign tokens [first, last)
  std::uint32_t our_head = 0;
  std::uint32_t foreign_head = 0;
};

struct Mapped {
  std::uint32_t start, end;  // in doc.text
  std::uint32_t index;       // in ForeignParse::tokens
};

// One root per sentence and no cycle: heads leaving the sentence and extra
// roots attach to the main root. Returns whether anything changed.
bool repair_sentence(Document& doc, const Sentence& s) {
  auto& syn = doc.syntax.tokens;
  const auto first = static_cast<std::int32_t>(s.first_token), last = static_cast<std::int32_t>(s.last_token);
  bool repaired = false;
  std::int32_t root = -1;
  for (std::int32_t i = first; i < last; ++i) {
    auto& t = syn[static_cast<std::size_t>(i)];
    if (t.head >= 0 && (t.head < first || t.head >= last || t.head == i)) {
      t.head = -1;
      repaired = true;
    }
    if (t.head < 0 && (root < 0 || (t.dep == Dep::Root && syn[static_cast<std::size_t>(root)].dep != Dep::Root)))
      root = i;
  }
  if (root < 0) {  // every token has a head: a cycle
    root = first;
    syn[static_cast<std::size_t>(root)].head = -1;
    repaired = true;
  }
  for (std::int32_t i = first; i < last; ++i) {
    auto& t = syn[static_cast<std::size_t>(i)];
    if (i != root && t.head < 0) {
      t.head = root;
      t.dep = Dep::Dep;
      repaired = true;
    }
  }
  // Cycles: a token whose head chain does not reach the root within the sentence.
  for (std::int32_t i = first; i < last; ++i) {
    std::int32_t h = i;
    std::int32_t steps = 0;
    while (h != root && steps <= last - first) {
      h = syn[static_cast<std::size_t>(h)].head;
      ++steps;
    }
    if (h != root) {
      syn[static_cast<std::size_t>(i)].head = root;
      syn[static_cast<std::size_t>(i)].dep = Dep::Dep;
      repaired = true;
    }
  }
  syn[static_cast<std::size_t>(root)].dep = Dep::Root;
  return repaired;
}

}  // namespace

ProjectionReport project_syntax(Document& doc, const ForeignParse& parse) {
  ProjectionReport report;
  const CharMap map = align_texts(parse.text, doc.text);
  // Foreign tokens in doc.text, whitespace-only ones dropped.
  std::vector<Mapped> mapped;
  std::vector<std::uint32_t> mapped_of(parse.tokens.size(), kNone);
  for (std::uint32_t k = 0; k < parse.tokens.size(); ++k) {
    const ForeignToken& f = parse.tokens[k];
    if (f.start >= f.end || f.end > parse.text.size()) continue;
    std::uint32_t start = kNone, end = kNone;
    for (std::uint32_t b = f.start; b < f.end; ++b) {
      if (map.start[b] == kNone) continue;
      if (start == kNone) start = map.start[b];
      end = map.end[b];
    }
    if (start == kNone) continue;
    if (!mapped.empty() && start < mapped.back().start)
      throw std::invalid_argument("the spaCy Doc's tokens are not in text order");
    mapped_of[k] = static_cast<std::uint32_t>(mapped.size());
    mapped.push_back({start, end, k});
  }

  // Groups of overlapping tokens, in one sweep over both sorted lists.
  const auto n_ours = static_cast<std::uint32_t>(doc.tokens.size());
  const auto n_foreign = static_cast<std::uint32_t>(mapped.size());
  std::vector<Group> groups;
  std::vector<std::uint32_t> group_of_ours(n_ours, kNone), group_of_foreign(n_foreign, kNone);
  for (std::uint32_t i = 0, k = 0; i < n_ours;) {
    if (k < n_foreign && mapped[k].end <= doc.tokens[i].start) {
      ++k;  // a foreign token between ours (cannot happen when the texts agree)
      continue;
    }
    if (k >= n_foreign || mapped[k].start >= doc.tokens[i].end()) {
      ++i;
      ++report.unmatched;
      continue;
    }
    Group g{i, i, k, k};
    std::uint32_t end = 0;
    for (bool grew = true; grew;) {
      grew = false;
      while (i < n_ours && (i == g.our_first || doc.tokens[i].start < end)) {
        end = std::max(end, doc.tokens[i].end());
        ++i;
        grew = true;
      }
      while (k < n_foreign && mapped[k].start < end) {
        end = std::max(end, mapped[k].end);
        ++k;
        grew = true;
      }
    }
    g.our_last = i;
    g.foreign_last = k;
    const auto gi = static_cast<std::uint32_t>(groups.size());
    for (std::uint32_t x = g.our_first; x < g.our_last; ++x) group_of_ours[x] = gi;
    for (std::uint32_t x = g.foreign_first; x < g.foreign_last; ++x) group_of_foreign[x] = gi;
    if (g.our_last - g.our_first == 1 && g.foreign_last - g.foreign_first > 1) ++report.merged;
    if (g.foreign_last - g.foreign_first == 1 && g.our_last - g.our_first > 1) ++report.split;
    groups.push_back(g);
  }

  // The group a foreign token's head lies in (kNone for a root), passing over
  // heads that map to no group (whitespace tokens).
  auto head_group = [&](std::uint32_t k) -> std::uint32_t {
    std::uint32_t cur = mapped[k].index;
    for (std::size_t steps = 0; steps <= parse.tokens.size(); ++steps) {
      const std::int32_t h = parse.tokens[cur].head;
      if (h < 0 || static_cast<std::uint32_t>(h) == cur || static_cast<std::size_t>(h) >= parse.tokens.size())
        return kNone;
      cur = static_cast<std::uint32_t>(h);
      const std::uint32_t m = mapped_of[cur];
      if (m != kNone && group_of_foreign[m] != kNone) return group_of_foreign[m];
    }
    return kNone;
  };

  for (std::uint32_t gi = 0; gi < groups.size(); ++gi) {
    Group& g = groups[gi];
    g.foreign_head = g.foreign_first;
    for (std::uint32_t k = g.foreign_first; k < g.foreign_last; ++k)
      if (head_group(k) != gi) {
        g.foreign_head = k;
        break;
      }
    g.our_head = g.our_last - 1;
    for (std::uint32_t x = g.our_last; x-- > g.our_first;)
      if (doc.tokens[x].kind == TokenKind::Word || doc.tokens[x].kind == TokenKind::Number) {
        g.our_head = x;
        break;
      }
  }

  auto& syn = doc.syntax;
  syn.tokens.assign(n_ours, TokenSyntax{});
  syn.parsed.assign(doc.sentences.size(), 0);
  syn.noun_phrases.clear();
  auto foreign_tag = [&](const ForeignToken& f) {
    const PosTag t = tag_from_name(f.tag);
    return t != PosTag::None ? t : tag_from_name(f.pos);
  };
  for (std::uint32_t gi = 0; gi < groups.size(); ++gi) {
    const Group& g = groups[gi];
    const ForeignToken& f = parse.tokens[mapped[g.foreign_head].index];
    const PosTag whole = foreign_tag(f);
    const std::uint32_t hg = head_group(g.foreign_head);
    TokenSyntax& head = syn.tokens[g.our_head];
    head.tag = whole == PosTag::None ? piece_tag(doc.text, doc.tokens[g.our_head], PosTag::None) : whole;
    head.dep = hg == kNone ? Dep::Root : dep_from_name(f.dep);
    head.head = hg == kNone ? -1 : static_cast<std::int32_t>(groups[hg].our_head);
    for (std::uint32_t x = g.our_first; x < g.our_last; ++x) {
      if (x == g.our_head) continue;
      const Token& t = doc.tokens[x];
      PosTag tag = PosTag::None;
      for (std::uint32_t k = g.foreign_first; k < g.foreign_last; ++k)
        if (mapped[k].start == t.start && mapped[k].end == t.end()) tag = foreign_tag(parse.tokens[mapped[k].index]);
      syn.tokens[x].tag = tag != PosTag::None ? tag : piece_tag(doc.text, t, whole);
      syn.tokens[x].head = static_cast<std::int32_t>(g.our_head);
      syn.tokens[x].dep = t.kind == TokenKind::Punct || t.kind == TokenKind::Quote ? Dep::Punct : Dep::Compound;
    }
  }
  for (std::uint32_t i = 0; i < n_ours; ++i)
    if (group_of_ours[i] == kNone)
      syn.tokens[i] = TokenSyntax{piece_tag(doc.text, doc.tokens[i], PosTag::None), Dep::Dep, -1};

  report.repaired.assign(doc.sentences.size(), 0);
  for (std::uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    bool matched = false;
    for (std::uint32_t i = sent.first_token; i < sent.last_token && !matched; ++i) matched = group_of_ours[i] != kNone;
    if (!matched) {  // not covered by the foreign parse (a title it lacks): left for the built-in model
      for (std::uint32_t i = sent.first_token; i < sent.last_token; ++i) syn.tokens[i] = TokenSyntax{};
      continue;
    }
    report.repaired[s] = repair_sentence(doc, sent) ? 1 : 0;
    syn.parsed[s] = 1;
  }
  find_noun_phrases(doc);
  return report;
}

}  // namespace standpoints

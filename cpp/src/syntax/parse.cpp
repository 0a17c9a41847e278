// Inference: the greedy tagger and the arc-eager parser over the sentences a
// caller asks for. Each sentence is tagged left to right, then parsed with
// one move classifier call per transition (about two per token) and one
// labeler call per arc.
#include <algorithm>
#include <numeric>

#include "features.hpp"
#include "model.hpp"
#include "standpoints/syntax.hpp"

namespace standpoints {

namespace {

using syntax::ModelData;
using syntax::Move;
using syntax::ParseState;
using syntax::WordInfo;

std::uint32_t argmax(const std::int32_t* scores, std::uint32_t n) {
  std::uint32_t best = 0;
  for (std::uint32_t c = 1; c < n; ++c)
    if (scores[c] > scores[best]) best = c;
  return best;
}

// Reused buffers of one call (no state outlives it).
struct Scratch {
  std::vector<WordInfo> words;
  std::vector<PosTag> tags;
  ParseState state;
};

void tag_words(const ModelData& m, const WordInfo* words, std::size_t n, PosTag* tags) {
  std::uint32_t prev1 = 0, prev2 = 0;
  std::uint64_t f[syntax::kTaggerFeatures];
  std::int32_t scores[256];
  for (std::size_t i = 0; i < n; ++i) {
    std::uint32_t cls = m.tag_dictionary.find(words[i].form);
    if (cls) {
      cls -= 1;
    } else {
      syntax::tagger_features(words, n, i, prev1, prev2, f);
      std::fill_n(scores, m.tagger.n_classes, 0);
      for (const auto x : f) m.tagger.add(x, scores);
      cls = argmax(scores, m.tagger.n_classes);
    }
    tags[i] = m.tag_classes[cls];
    prev2 = prev1;
    prev1 = cls + 1;
  }
}

Dep predict_label(const ModelData& m, const ParseState& st, const WordInfo* w, const PosTag* t, std::int32_t head,
                  std::int32_t dep) {
  std::uint64_t f[syntax::kLabelFeatures];
  std::int32_t scores[256];
  syntax::label_features(st, w, t, head, dep, f);
  std::fill_n(scores, m.labeler.n_classes, 0);
  for (const auto x : f) m.labeler.add(x, scores);
  return m.label_classes[argmax(scores, m.labeler.n_classes)];
}

void parse_words(const ModelData& m, const WordInfo* w, const PosTag* t, std::int32_t n, ParseState& st) {
  st.reset(n);
  std::uint64_t f[syntax::kMoveFeatures];
  while (!st.done()) {
    if (st.stack.empty()) {  // only a shift is possible: no need to score
      st.apply(syntax::Shift, Dep::None);
      continue;
    }
    syntax::move_features(st, w, t, f);
    std::int32_t scores[syntax::kMoves] = {0, 0, 0, 0};
    for (const auto x : f) m.moves.add(x, scores);
    int best = -1;
    for (int mv = 0; mv < syntax::kMoves; ++mv)
      if (st.valid(static_cast<Move>(mv)) && (best < 0 || scores[mv] > scores[best])) best = mv;
    const auto move = static_cast<Move>(best);
    Dep label = Dep::None;
    if (move == syntax::Left)
      label = predict_label(m, st, w, t, st.b0, st.s0());
    else if (move == syntax::Right)
      label = predict_label(m, st, w, t, st.s0(), st.b0);
    st.apply(move, label);
  }
  st.finish([&](std::int32_t h, std::int32_t d) { return predict_label(m, st, w, t, h, d); });
}

void ensure_layer(Document& doc) {
  if (doc.syntax.tokens.size() != doc.tokens.size()) doc.syntax.tokens.assign(doc.tokens.size(), TokenSyntax{});
  if (doc.syntax.parsed.size() != doc.sentences.size()) doc.syntax.parsed.resize(doc.sentences.size(), 0);
}

// Words tagged before a window's first word: the tagger reads the two tags
// before a word, and a third word lets them settle.
constexpr std::size_t kTagContext = 3;

// Tags (and parses, with `parse`) one sentence into doc.syntax, or its
// tokens before `end` (a prefix: the rest stays untagged, marked 2). With
// `from` past the sentence's first token, the words before it are left out
// of the parse (no arcs; marked 2 as well) and only the kTagContext words
// right before it are tagged.
void analyse_sentence(Document& doc, const ModelData& m, std::uint32_t s, bool parse, Scratch& scratch,
                      std::uint32_t end = UINT32_MAX, std::uint32_t from = 0) {
  const Sentence& sent = doc.sentences[s];
  end = std::min(end, sent.last_token);
  from = std::min(std::max(from, sent.first_token), end);
  const std::size_t first = from - sent.first_token > kTagContext ? from - kTagContext : sent.first_token;
  const std::size_t n = end - first;
  // The word after a prefix still tells its last word's spacing.
  syntax::word_infos(doc.text, doc.tokens.data() + first, std::min<std::size_t>(n + 1, sent.last_token - first),
                     scratch.words);
  scratch.words.resize(n);
  scratch.tags.resize(n);
  tag_words(m, scratch.words.data(), n, scratch.tags.data());
  auto& out = doc.syntax.tokens;  // sparse (document.hpp): written token by token
  for (std::size_t i = 0; i < n; ++i) out[first + i] = TokenSyntax{scratch.tags[i], Dep::None, -1};
  const std::size_t skip = from - first;
  if (!parse || n == skip) return;
  const auto words = static_cast<std::int32_t>(n - skip);
  parse_words(m, scratch.words.data() + skip, scratch.tags.data() + skip, words, scratch.state);
  const ParseState& st = scratch.state;
  for (std::int32_t i = 0; i < words; ++i) {
    const std::int32_t h = st.heads[i];
    out[first + skip + i].dep = static_cast<Dep>(st.labels[i]);
    out[first + skip + i].head = h < 0 || h >= st.n ? -1 : static_cast<std::int32_t>(first + skip) + h;
  }
  doc.syntax.parsed[s] = end == sent.last_token && from == sent.first_token ? 1 : 2;
}

// Drops what a prefix parse of sentence s left (its noun phrases, its tags).
void clear_prefix(Document& doc, std::uint32_t s) {
  const Sentence& sent = doc.sentences[s];
  std::erase_if(doc.syntax.noun_phrases, [&](const NounPhrase& np) {
    return np.first_token >= sent.first_token && np.first_token < sent.last_token;
  });
  for (std::uint32_t t = sent.first_token; t < sent.last_token; ++t) doc.syntax.tokens[t] = TokenSyntax{};
  doc.syntax.parsed[s] = 0;
}

// Sorts the noun phrases appended after the first `old_size` and merges them
// in: a caller that parses sentence after sentence in text order (the
// statement stage) appends in order, and the check costs nothing.
void merge_noun_phrases(Document& doc, std::size_t old_size) {
  auto& nps = doc.syntax.noun_phrases;
  const auto by_first = [](const NounPhrase& a, const NounPhrase& b) { return a.first_token < b.first_token; };
  const auto mid = nps.begin() + static_cast<std::ptrdiff_t>(old_size);
  std::sort(mid, nps.end(), by_first);
  if (mid != nps.begin() && mid != nps.end() && by_first(*mid, *(mid - 1)))
    std::inplace_merge(nps.begin(), mid, nps.end(), by_first);
}

}  // namespace

void parse_sentences(Document& doc, const SyntaxModel& model, std::span<const std::uint32_t> sentences) {
  if (model.empty() || sentences.empty()) return;
  ensure_layer(doc);
  Scratch scratch;
  for (const std::uint32_t s : sentences) {
    if (s >= doc.sentences.size() || doc.syntax.parsed[s] == 1) continue;
    if (doc.syntax.parsed[s] == 2) clear_prefix(doc, s);
    const std::size_t old_size = doc.syntax.noun_phrases.size();
    analyse_sentence(doc, model.data(), s, true, scratch);
    syntax::noun_phrases_of_sentence(doc, s);
    merge_noun_phrases(doc, old_size);
  }
}

void parse_prefix(Document& doc, const SyntaxModel& model, std::uint32_t s, std::uint32_t end, std::uint32_t from) {
  if (model.empty() || s >= doc.sentences.size()) return;
  ensure_layer(doc);
  const Sentence& sent = doc.sentences[s];
  if (end >= sent.last_token && from <= sent.first_token) {
    parse_sentences(doc, model, std::span<const std::uint32_t>(&s, 1));
    return;
  }
  if (end <= sent.first_token || doc.syntax.parsed[s] == 1) return;
  if (doc.syntax.parsed[s] == 2) {
    if (parsed_end(doc, s) >= std::min(end, sent.last_token) && parsed_from(doc, s) <= from) return;
    clear_prefix(doc, s);
  }
  Scratch scratch;
  const std::size_t old_size = doc.syntax.noun_phrases.size();
  analyse_sentence(doc, model.data(), s, true, scratch, end, from);
  syntax::noun_phrases_of_sentence(doc, s);
  merge_noun_phrases(doc, old_size);
}

std::uint32_t parsed_from(const Document& doc, std::uint32_t s) {
  const Sentence& sent = doc.sentences[s];
  if (!doc.syntax.is_parsed(s)) return sent.last_token;
  std::uint32_t t = sent.first_token;
  while (t < sent.last_token && doc.syntax.tokens[t].dep == Dep::None) ++t;
  return t;
}

std::uint32_t parsed_end(const Document& doc, std::uint32_t s) {
  const Sentence& sent = doc.sentences[s];
  if (!doc.syntax.is_parsed(s)) return sent.first_token;
  if (doc.syntax.parsed[s] != 2) return sent.last_token;
  std::uint32_t t = parsed_from(doc, s);
  while (t < sent.last_token && doc.syntax.tokens[t].tag != PosTag::None) ++t;
  return t;
}

PosTag tag_in_context(const Document& doc, const SyntaxModel& model, std::uint32_t t) {
  if (model.empty() || t >= doc.tokens.size()) return PosTag::None;
  if (t < doc.syntax.tokens.size() && doc.syntax.tokens[t].tag != PosTag::None) return doc.syntax.tokens[t].tag;
  const ModelData& m = model.data();
  const Sentence& s = doc.sentences[doc.tokens[t].sentence];
  // A word the tag dictionary knows needs no context (its form alone: the
  // spacing the other fields read does not enter the key).
  WordInfo one;
  syntax::word_infos(doc.text, doc.tokens.data() + t, 1, &one);
  if (const std::uint32_t cls = m.tag_dictionary.find(one.form)) return m.tag_classes[cls - 1];
  // A few words either side: what the tagger's features read (two words each
  // way, the two tags before), with room for those tags to settle. On the
  // stack: this runs for most verb triggers, before any parse.
  const std::uint32_t first = t - s.first_token <= 6 ? s.first_token : t - 4;
  const std::uint32_t last = std::min(s.last_token, t + 3);
  constexpr std::size_t kWindow = 10;
  WordInfo words[kWindow];
  PosTag tags[kWindow];
  syntax::word_infos(doc.text, doc.tokens.data() + first, last - first, words);
  tag_words(m, words, last - first, tags);
  return tags[t - first];
}

void parse_all(Document& doc, const SyntaxModel& model) {
  std::vector<std::uint32_t> all(doc.sentences.size());
  std::iota(all.begin(), all.end(), 0u);
  parse_sentences(doc, model, all);
}

void tag_sentences(Document& doc, const SyntaxModel& model, std::span<const std::uint32_t> sentences) {
  if (model.empty()) return;
  ensure_layer(doc);
  Scratch scratch;
  for (const std::uint32_t s : sentences)
    if (s < doc.sentences.size() && !doc.syntax.parsed[s]) analyse_sentence(doc, model.data(), s, false, scratch);
}

}  // namespace standpoints

// Inference: the greedy tagger and the arc-eager parser over the sentences a
// caller asks for. Each sentence is tagged left to right, then parsed with
// one move classifier call per transition (about two per token) and one
// labeler call per arc.
#include <algorithm>
#include <array>
#include <climits>
#include <cstring>
#include <numeric>
#include <utility>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "features.hpp"
#include "model.hpp"
#include "standpoints/syntax.hpp"

namespace standpoints {

namespace syntax {

// The working arrays of a parse: a call's own, or the caller's (ParseBuffers).
struct Scratch {
  std::vector<WordInfo> words;
  std::vector<PosTag> tags;
  std::vector<Lanes> fixed;  // per word: its move weights as the buffer's front, as s0
  ParseState state;
};

}  // namespace syntax

namespace {

using syntax::Scratch;

using syntax::ModelData;
using syntax::Move;
using syntax::ParseState;
using syntax::WordInfo;

using syntax::Lanes;
using syntax::WeightTable;

// The first class with the highest score among scores v[0, L) (four classes a
// vector; classes from n on, the padding of the last vector, never win):
// the maximum over the vectors, then the first vector that holds it.
template <std::uint32_t L>
std::uint32_t first_max(Lanes* v, std::uint32_t n) {
  constexpr std::int32_t kLowest = INT32_MIN;
  const Lanes lane = Lanes{0, 1, 2, 3} + static_cast<std::int32_t>(4 * (L - 1));
  v[L - 1] = lane < static_cast<std::int32_t>(n) ? v[L - 1] : Lanes{} + kLowest;
  Lanes m = v[0];
  for (std::uint32_t l = 1; l < L; ++l) m = v[l] > m ? v[l] : m;
  const std::int32_t top = std::max(std::max(m[0], m[1]), std::max(m[2], m[3]));
  for (std::uint32_t l = 0; l < L; ++l) {
    const Lanes hit = v[l] == top;
    std::uint64_t halves[2];
    std::memcpy(halves, &hit, sizeof halves);
    if ((halves[0] | halves[1]) == 0) continue;
    for (std::uint32_t k = 0; k < 4; ++k)
      if (hit[k]) return 4 * l + k;
  }
  return 0;
}

// The best class of `table` for features f[0, nf), whose slots the caller
// has asked the cache for (prefetch_slots): dense rows are added in L vector
// registers (four classes each), sparse rows one weight at a time.
template <std::uint32_t L>
std::uint32_t best_class_of(const WeightTable& table, const std::uint64_t* f, std::size_t nf) {
  // Zeroed vector by vector (an array initialiser becomes a string store).
  Lanes acc[L], sparse[L];
#pragma GCC unroll 32
  for (std::uint32_t l = 0; l < L; ++l) acc[l] = sparse[l] = Lanes{};
  for (std::size_t i = 0; i < nf; ++i) {
    const std::uint64_t s = table.find(f[i]);
    if (s == 0) continue;
    if (WeightTable::is_dense(s)) {
      const Lanes* row = table.dense_row(s);
      // Unrolled at -O2 as well: the sums then stay in registers.
#pragma GCC unroll 32
      for (std::uint32_t l = 0; l < L; ++l) acc[l] += row[l];
    } else {
      const syntax::WeightEntry* e = table.entries.data() + ((s >> 8) & 0xFFFFFF);
      for (std::uint64_t k = s & 0xFF; k > 0; --k, ++e) sparse[e->cls / 4][e->cls % 4] += e->weight;
    }
  }
  Lanes v[L];
  for (std::uint32_t l = 0; l < L; ++l) v[l] = acc[l] + sparse[l];
  return first_max<L>(v, table.n_classes);
}

#if defined(__x86_64__)
// The same with AVX2, eight classes a vector: W vectors hold a dense row
// (dense_stride() = 2W four-class vectors). Chosen at run time (best_class):
// the wheel runs on any x86-64.
using Lanes8 = std::int32_t __attribute__((vector_size(32)));

template <std::uint32_t W>
__attribute__((target("avx2"))) std::uint32_t best_class_avx2(const WeightTable& table, const std::uint64_t* f,
                                                              std::size_t nf) {
  Lanes8 acc[W];
  alignas(32) std::int32_t sparse[8 * W];
#pragma GCC unroll 16
  for (std::uint32_t l = 0; l < W; ++l) {
    acc[l] = Lanes8{};
    std::memcpy(sparse + 8 * l, &acc[l], sizeof acc[l]);
  }
  for (std::size_t i = 0; i < nf; ++i) {
    const std::uint64_t s = table.find(f[i]);
    if (s == 0) continue;
    if (WeightTable::is_dense(s)) {
      const Lanes* row = table.dense_row(s);
#pragma GCC unroll 16
      for (std::uint32_t l = 0; l < W; ++l) {
        Lanes8 x;
        std::memcpy(&x, row + 2 * l, sizeof x);
        acc[l] += x;
      }
    } else {
      const syntax::WeightEntry* e = table.entries.data() + ((s >> 8) & 0xFFFFFF);
      for (std::uint64_t k = s & 0xFF; k > 0; --k, ++e) sparse[e->cls] += e->weight;
    }
  }
  // Classes from n_classes on (the last vector's padding) never win.
  const Lanes8 lane = Lanes8{0, 1, 2, 3, 4, 5, 6, 7} + static_cast<std::int32_t>(8 * (W - 1));
  const Lanes8 lowest = Lanes8{} + INT32_MIN;
  Lanes8 v[W];
#pragma GCC unroll 16
  for (std::uint32_t l = 0; l < W; ++l) {
    Lanes8 x;
    std::memcpy(&x, sparse + 8 * l, sizeof x);
    v[l] = acc[l] + x;
  }
  v[W - 1] = lane < static_cast<std::int32_t>(table.n_classes) ? v[W - 1] : lowest;
  Lanes8 m = v[0];
#pragma GCC unroll 16
  for (std::uint32_t l = 1; l < W; ++l) m = v[l] > m ? v[l] : m;
  // The maximum of m's eight lanes, in every lane: over halves, quarters, pairs.
  // (Written out: a helper returning a vector would not be compiled for AVX2;
  // AVX2's permute, as GCC's and Clang's vector shuffles are spelled apart.)
  Lanes8 x = reinterpret_cast<Lanes8>(
      _mm256_permutevar8x32_epi32(reinterpret_cast<__m256i>(m), _mm256_setr_epi32(4, 5, 6, 7, 0, 1, 2, 3)));
  m = m > x ? m : x;
  x = reinterpret_cast<Lanes8>(
      _mm256_permutevar8x32_epi32(reinterpret_cast<__m256i>(m), _mm256_setr_epi32(2, 3, 0, 1, 6, 7, 4, 5)));
  m = m > x ? m : x;
  x = reinterpret_cast<Lanes8>(
      _mm256_permutevar8x32_epi32(reinterpret_cast<__m256i>(m), _mm256_setr_epi32(1, 0, 3, 2, 5, 4, 7, 6)));
  m = m > x ? m : x;
  const std::int32_t top = m[0];
  for (std::uint32_t l = 0; l < W; ++l) {
    const Lanes8 hit = v[l] == top;
    const auto bits = static_cast<unsigned>(_mm256_movemask_ps(reinterpret_cast<__m256>(hit)));
    if (bits) return 8 * l + static_cast<std::uint32_t>(__builtin_ctz(bits));
  }
  return 0;
}
#endif

using BestClassFn = std::uint32_t (*)(const WeightTable&, const std::uint64_t*, std::size_t);
template <std::size_t... L>
constexpr std::array<BestClassFn, sizeof...(L)> best_class_table(std::index_sequence<L...>) {
  return {&best_class_of<L + 1>...};
}
// One instance per vector count: 32 vectors hold the 127 classes a table may have.
constexpr auto kBestClass = best_class_table(std::make_index_sequence<32>());

#if defined(__x86_64__)
template <std::size_t... W>
constexpr std::array<BestClassFn, sizeof...(W)> best_class_avx2_table(std::index_sequence<W...>) {
  return {&best_class_avx2<W + 1>...};
}
constexpr auto kBestClassAvx2 = best_class_avx2_table(std::make_index_sequence<16>());

bool has_avx2() {
  static const bool yes = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return yes;
}
#endif

std::uint32_t best_class(const WeightTable& table, const std::uint64_t* f, std::size_t nf) {
#if defined(__x86_64__)
  if (has_avx2()) return kBestClassAvx2[table.dense_stride() / 2 - 1](table, f, nf);
#endif
  return kBestClass[table.n_lanes() - 1](table, f, nf);
}

// Asks the cache for the slots of features f[0, N) of `table` before the
// first is probed, so that the misses overlap. Here rather than in
// best_class(): unrolled where the features were just computed, the hashes
// are still in registers.
template <std::size_t N>
inline __attribute__((always_inline)) void prefetch_slots(const WeightTable& table, const std::uint64_t* f) {
#pragma GCC unroll 32
  for (std::size_t i = 0; i < N; ++i) table.prefetch(f[i]);
}

// Tags words[0, count) of the n (the features read two words past a word).
void tag_words(const ModelData& m, const WordInfo* words, std::size_t n, PosTag* tags, std::size_t count) {
  std::uint32_t prev1 = 0, prev2 = 0;
  std::uint64_t f[syntax::kTaggerFeatures];
  for (std::size_t i = 0; i < count; ++i) {
    std::uint32_t cls = m.tag_dictionary.find(words[i].form);
    if (cls) {
      cls -= 1;
    } else {
      syntax::tagger_features(words, n, i, prev1, prev2, f);
      prefetch_slots<syntax::kTaggerFeatures>(m.tagger, f);
      cls = best_class(m.tagger, f, syntax::kTaggerFeatures);
    }
    tags[i] = m.tag_classes[cls];
    prev2 = prev1;
    prev1 = cls + 1;
  }
}

inline __attribute__((always_inline)) Dep predict_label(const ModelData& m, const ParseState& st, std::int32_t head,
                                                        std::int32_t dep) {
  std::uint64_t f[syntax::kLabelFeatures];
  syntax::label_features(st, head, dep, f);
  prefetch_slots<syntax::kLabelFeatures>(m.labeler, f);
  return m.label_classes[best_class(m.labeler, f, syntax::kLabelFeatures)];
}

// The move weights of the features fixed by one word's position, added once
// per word: fixed[2i] with i at the buffer's front, fixed[2i + 1] with i as s0.
inline __attribute__((always_inline)) void fixed_move_weights(const ModelData& m, const ParseState& st,
                                                              std::vector<Lanes>& fixed) {
  const std::int32_t n = st.n;
  fixed.resize(2 * static_cast<std::size_t>(n));
  std::uint64_t f[syntax::kBufferFeatures + syntax::kStackFeatures];
  for (std::int32_t i = 0; i < n; ++i) {
    syntax::buffer_features(st, i, f);
    syntax::stack_features(st, i, f + syntax::kBufferFeatures);
    Lanes front{}, top{};
    for (std::size_t k = 0; k < syntax::kBufferFeatures; ++k) front += m.moves.lanes(f[k]);
    for (std::size_t k = syntax::kBufferFeatures; k < std::size(f); ++k) top += m.moves.lanes(f[k]);
    fixed[2 * static_cast<std::size_t>(i)] = front;
    fixed[2 * static_cast<std::size_t>(i) + 1] = top;
  }
}

// The parse of words w[0, n) into scratch.state: one move classifier call
// per transition, one labeler call per arc. Inlined into the two versions
// below (baseline x86-64 or another CPU, and AVX2, where a move bucket's four
// int16 weights widen in one instruction).
inline __attribute__((always_inline)) void parse_words_body(const ModelData& m, const WordInfo* w, const PosTag* t,
                                                            std::int32_t n, Scratch& scratch) {
  ParseState& st = scratch.state;
  st.reset(n, w, t);
  fixed_move_weights(m, st, scratch.fixed);
  const Lanes* fixed = scratch.fixed.data();
  std::uint64_t f[syntax::kPairFeatures];
  while (!st.done()) {
    if (st.stack.empty()) {  // only a shift is possible: no need to score
      st.apply(syntax::Shift, Dep::None);
      continue;
    }
    syntax::pair_features(st, f);
    Lanes sum = fixed[2 * static_cast<std::size_t>(st.b0)] + fixed[2 * static_cast<std::size_t>(st.s0()) + 1];
    for (const auto x : f) sum += m.moves.lanes(x);
    // With a word on the stack and one in the buffer, Shift and Right are
    // always valid, Reduce only when s0 has its head, Left only when not;
    // the first of equal scores wins, as in training.
    const Move other = st.heads[static_cast<std::size_t>(st.s0())] >= 0 ? syntax::Reduce : syntax::Left;
    Move move = syntax::Shift;
    if (sum[other] > sum[move]) move = other;
    if (sum[syntax::Right] > sum[move]) move = syntax::Right;
    Dep label = Dep::None;
    if (move == syntax::Left)
      label = predict_label(m, st, st.b0, st.s0());
    else if (move == syntax::Right)
      label = predict_label(m, st, st.s0(), st.b0);
    st.apply(move, label);
  }
  st.finish([&](std::int32_t h, std::int32_t d) { return predict_label(m, st, h, d); });
}

void parse_words_baseline(const ModelData& m, const WordInfo* w, const PosTag* t, std::int32_t n, Scratch& scratch) {
  parse_words_body(m, w, t, n, scratch);
}
#if defined(__x86_64__)
__attribute__((target("avx2"))) void parse_words_avx2(const ModelData& m, const WordInfo* w, const PosTag* t,
                                                      std::int32_t n, Scratch& scratch) {
  parse_words_body(m, w, t, n, scratch);
}
#endif

void parse_words(const ModelData& m, const WordInfo* w, const PosTag* t, std::int32_t n, Scratch& scratch) {
#if defined(__x86_64__)
  if (has_avx2()) return parse_words_avx2(m, w, t, n, scratch);
#endif
  parse_words_baseline(m, w, t, n, scratch);
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
// Returns the tokens tagged, [first, end): the rest of the sentence is left as it was.
std::pair<std::uint32_t, std::uint32_t> analyse_sentence(Document& doc, const ModelData& m, std::uint32_t s, bool parse,
                                                         Scratch& scratch, std::uint32_t end = UINT32_MAX,
                                                         std::uint32_t from = 0) {
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
  tag_words(m, scratch.words.data(), n, scratch.tags.data(), n);
  auto& out = doc.syntax.tokens;  // sparse (document.hpp): written token by token
  for (std::size_t i = 0; i < n; ++i) out[first + i] = TokenSyntax{scratch.tags[i], Dep::None, -1};
  const std::size_t skip = from - first;
  const std::pair<std::uint32_t, std::uint32_t> tagged{static_cast<std::uint32_t>(first), end};
  if (!parse || n == skip) return tagged;
  const auto words = static_cast<std::int32_t>(n - skip);
  parse_words(m, scratch.words.data() + skip, scratch.tags.data() + skip, words, scratch);
  const ParseState& st = scratch.state;
  for (std::int32_t i = 0; i < words; ++i) {
    const std::int32_t h = st.heads[i];
    out[first + skip + i].dep = static_cast<Dep>(st.labels[i]);
    out[first + skip + i].head = h < 0 || h >= st.n ? -1 : static_cast<std::int32_t>(first + skip) + h;
  }
  doc.syntax.parsed[s] = end == sent.last_token && from == sent.first_token ? 1 : 2;
  return tagged;
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

ParseBuffers::ParseBuffers() = default;
ParseBuffers::~ParseBuffers() = default;
syntax::Scratch& ParseBuffers::scratch() {
  if (!scratch_) scratch_ = std::make_unique<syntax::Scratch>();
  return *scratch_;
}

void parse_prefix(Document& doc, const SyntaxModel& model, std::uint32_t s, std::uint32_t end, std::uint32_t from,
                  ParseBuffers* buffers) {
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
  Scratch own;
  Scratch& scratch = buffers ? buffers->scratch() : own;
  const std::size_t old_size = doc.syntax.noun_phrases.size();
  const auto [first, last] = analyse_sentence(doc, model.data(), s, true, scratch, end, from);
  syntax::noun_phrases_of_sentence(doc, s, first, last);
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
  const Sentence& s = doc.sentences[doc.sentence_of(t)];
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
  tag_words(m, words, last - first, tags, t - first + 1);  // the words after t only as context
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

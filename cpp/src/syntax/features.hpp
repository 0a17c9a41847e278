// Feature extraction of the tagger, the parser and the labeler, and the
// arc-eager parse state. Shared by inference (tagger.cpp, parser.cpp) and the
// trainer (cpp/trainer/train_syntax.cpp), so that a model sees the same
// features in training as in use.
#pragma once

#include <algorithm>
#include <climits>
#include <cstdint>
#include <string_view>
#include <vector>

#include "model.hpp"
#include "standpoints/document.hpp"

namespace standpoints::syntax {

// What the classifiers know of a word, computed once per token.
struct WordInfo {
  std::uint64_t form = 0;    // exact spelling, digits folded to 0 (tag dictionary key)
  std::uint64_t lower = 0;   // lower case, digits folded to 0
  std::uint64_t suffix = 0;  // last three bytes of `lower`
  std::uint64_t prefix = 0;  // first byte of `lower`
  std::uint32_t shape = 0;   // kind, case shape, hyphen/digit/period, spacing, length class
};

// WordInfo of tokens[0, n) (one sentence) of `text`, into out[0, n).
void word_infos(std::string_view text, const Token* tokens, std::size_t n, WordInfo* out);
inline void word_infos(std::string_view text, const Token* tokens, std::size_t n, std::vector<WordInfo>& out) {
  out.resize(n);
  word_infos(text, tokens, n, out.data());
}

// --- Tagger: a left-to-right greedy tagger; prev1/prev2 are the classes
// (plus one; 0 = none) of the two tags before i.
constexpr std::size_t kTaggerFeatures = 16;
// The feature functions are defined here and always inlined: in the
// tagger's and parser's loops (parse.cpp) the hashes then stay in registers
// and the weight loads interleave with them (1.4% of the whole pipeline's
// instructions, benchmarks/README.md).
namespace detail {
// Values standing for a missing word / tag, and for the root.
constexpr std::uint64_t kNoWord = 0x6e6f6e65ULL, kRootWord = 0x726f6f74ULL, kBeforeStart = 0x5354ULL,
                        kAfterEnd = 0x454eULL;
constexpr std::uint64_t kRootTag = 250;

inline std::uint64_t bucket(std::int32_t d) noexcept {
  if (d <= 0) return 0;
  if (d <= 4) return static_cast<std::uint64_t>(d);
  if (d <= 6) return 5;
  if (d <= 10) return 6;
  return 7;
}
}  // namespace detail

[[gnu::always_inline]] inline void tagger_features(const WordInfo* w, std::size_t n, std::size_t i, std::uint32_t prev1,
                                                   std::uint32_t prev2, std::uint64_t* out) {
  const WordInfo& x = w[i];
  const std::uint64_t lm1 = i >= 1 ? w[i - 1].lower : detail::kBeforeStart;
  const std::uint64_t sm1 = i >= 1 ? w[i - 1].suffix : detail::kBeforeStart;
  const std::uint64_t lm2 = i >= 2 ? w[i - 2].lower : detail::kBeforeStart;
  const std::uint64_t lp1 = i + 1 < n ? w[i + 1].lower : detail::kAfterEnd;
  const std::uint64_t sp1 = i + 1 < n ? w[i + 1].suffix : detail::kAfterEnd;
  const std::uint64_t lp2 = i + 2 < n ? w[i + 2].lower : detail::kAfterEnd;
  const std::uint64_t shp1 = i + 1 < n ? w[i + 1].shape : 0xFFFF;
  std::size_t k = 0;
  out[k++] = table_feature(0, 0);
  out[k++] = table_feature(1, x.lower);
  out[k++] = table_feature(2, x.suffix);
  out[k++] = table_feature(3, x.prefix);
  out[k++] = table_feature(4, x.shape);
  out[k++] = table_feature(5, prev1);
  out[k++] = table_feature(6, prev1, prev2);
  out[k++] = table_feature(7, prev1, x.lower);
  out[k++] = table_feature(8, lm1);
  out[k++] = table_feature(9, sm1);
  out[k++] = table_feature(10, lm2);
  out[k++] = table_feature(11, lp1);
  out[k++] = table_feature(12, sp1);
  out[k++] = table_feature(13, lp2);
  out[k++] = table_feature(14, x.shape, i == 0);
  out[k++] = table_feature(15, x.shape, shp1);
}

// --- Parser state: arc-eager over words 0..n-1 with the root at position n,
// at the end of the buffer (Ballesteros & Nivre 2013).
struct ParseState {
  // Per word [0, n) and the root n, with index -1 valid as well: there a
  // value that gives the features' "none" without a test (View below).
  static constexpr std::uint8_t kNoLabel = 0xFF;  // + 1 as a byte is 0
  std::int32_t n = 0;
  std::int32_t b0 = 0;  // front of the buffer
  std::vector<std::int32_t> stack;
  std::int32_t* heads = nullptr;                     // -1 = none (the root and -1 too)
  std::uint8_t* labels = nullptr;                    // Dep of the arc to the head; kNoLabel at -1 and the root
  std::int32_t *left1 = nullptr, *right1 = nullptr;  // leftmost / rightmost child, -1 = none
  std::uint8_t* n_left = nullptr;                    // left children + 1, capped at 6 (what is read); 0 at -1
  std::uint64_t* left_labels = nullptr;              // bit sets of the left children's labels; all ones at -1
  // What the features read of word i, at i + 1: its lower-case hash and its
  // tag + 1. Index 0 stands for no word (-1), n + 1 for the root: a read
  // takes no test.
  std::vector<std::uint64_t> word_codes, tag_codes;

  // A new parse of `words` words with their info `w` and tags `t`.
  void reset(std::int32_t words, const WordInfo* w, const PosTag* t);
  bool done() const noexcept { return b0 >= n; }
  std::int32_t s0() const noexcept { return stack.empty() ? -1 : stack.back(); }
  std::int32_t s1() const noexcept { return stack.size() < 2 ? -1 : stack[stack.size() - 2]; }
  bool valid(Move m) const noexcept;
  // Applies a move; Left and Right add the arc with `label`.
  void apply(Move m, Dep label);
  void add_arc(std::int32_t head, std::int32_t dep, Dep label);
  // After the buffer is consumed: the lowest word without a head on the stack
  // becomes the root, other headless words attach to the word below them.
  template <class LabelFn>
  void finish(LabelFn&& label) {
    while (stack.size() > 1) {
      const std::int32_t s = stack.back();
      stack.pop_back();
      if (heads[s] < 0) add_arc(stack.back(), s, label(stack.back(), s));
    }
    if (!stack.empty() && heads[stack.back()] < 0) add_arc(n, stack.back(), Dep::Root);
    stack.clear();
    // A word never shifted (empty sentence tail) cannot remain: b0 == n here.
  }

  ParseState() = default;
  ParseState(const ParseState&) = delete;  // the pointers above point into the storage below
  ParseState& operator=(const ParseState&) = delete;

 private:
  std::vector<std::int32_t> heads_, left1_, right1_;
  std::vector<std::uint8_t> labels_, n_left_;
  std::vector<std::uint64_t> left_labels_;
};

// Inline: the parser applies one move a word or two.
inline void ParseState::add_arc(std::int32_t head, std::int32_t dep, Dep label) {
  heads[dep] = head;
  labels[dep] = static_cast<std::uint8_t>(label);
  if (dep < head) {
    if (left1[head] < 0 || dep < left1[head]) left1[head] = dep;
    if (n_left[head] < 6) ++n_left[head];
    left_labels[head] |= std::uint64_t{1} << static_cast<unsigned>(label);
  } else if (right1[head] < 0 || dep > right1[head]) {
    right1[head] = dep;
  }
}

[[gnu::always_inline]] inline void ParseState::apply(Move m, Dep label) {
  switch (m) {
    case Shift:
      stack.push_back(b0++);
      break;
    case Reduce:
      stack.pop_back();
      break;
    case Left:
      add_arc(b0, stack.back(), label);
      stack.pop_back();
      break;
    case Right:
      add_arc(stack.back(), b0, label);
      stack.push_back(b0++);
      break;
    default:
      break;
  }
}

// Features of the move classifier in `state` (words' info `w`, tags `t`):
// those of the buffer's front (fixed by b0's position in a sentence of n
// words), those of s0 alone, and those of the pair and the arcs built so far.
constexpr std::size_t kBufferFeatures = 7, kStackFeatures = 3, kPairFeatures = 13;
constexpr std::size_t kMoveFeatures = kBufferFeatures + kStackFeatures + kPairFeatures;
namespace detail {

// Accessors: a word's hash, tag and arc label, with values for none and root.
struct View {
  const ParseState& s;
  std::int32_t n;
  explicit View(const ParseState& st) : s(st), n(st.n) {}
  std::uint64_t word(std::int32_t i) const noexcept { return s.word_codes[static_cast<std::size_t>(i + 1)]; }
  std::uint64_t tag(std::int32_t i) const noexcept { return s.tag_codes[static_cast<std::size_t>(i + 1)]; }
  // 0 for none and the root (kNoLabel + 1 in a byte), else the label + 1.
  std::uint64_t label(std::int32_t i) const noexcept { return static_cast<std::uint8_t>(s.labels[i] + 1); }
  std::int32_t left1(std::int32_t i) const noexcept { return s.left1[i]; }
  std::int32_t right1(std::int32_t i) const noexcept { return s.right1[i]; }
  std::int32_t head(std::int32_t i) const noexcept { return s.heads[i]; }
  std::uint64_t n_left(std::int32_t i) const noexcept { return s.n_left[i]; }
  std::uint64_t left_set(std::int32_t i) const noexcept { return s.left_labels[i] + 1; }  // all ones + 1 = 0
};

}  // namespace detail

// The move classifier's templates. Fifteen more were dropped on 2026-12-06
// (b1's word with its tag, the s0-b0 word pair, s0's and b0's words with the
// distance, s0's word with its right valency, the valency counts, the labels
// of s0's and b0's outermost children, s0's right label set, the words of s1,
// of s0's head and of the outermost children): a sixth of the parse's
// instructions for 0.3 points of UAS, the speech verbs' subjects as before
// (benchmarks/README.md). Template numbers stay: they enter the hash.
//
// They fall in three groups: those of the buffer's front (b0, b1, b2: fixed
// by b0's position), those of s0 alone, and those reading both or the arcs
// built so far. Inference adds the first two groups' weights once per word
// (parse.cpp); training reads all of them through move_features().
[[gnu::always_inline]] inline void buffer_features(const ParseState& st, std::int32_t b0, std::uint64_t* out) {
  const detail::View v(st);
  const std::int32_t n = st.n;
  const std::int32_t b1 = b0 + 1 <= n ? b0 + 1 : -1, b2 = b0 + 2 <= n ? b0 + 2 : -1;
  const std::uint64_t b0w = v.word(b0), b0t = v.tag(b0), b1t = v.tag(b1), b2t = v.tag(b2);
  std::size_t k = 0;
  out[k++] = feature(103, b0w);
  out[k++] = feature(104, b0t);
  out[k++] = feature(105, b0w, b0t);
  out[k++] = feature(106, v.word(b1));
  out[k++] = feature(107, b1t);
  out[k++] = feature(109, b2t);
  out[k++] = feature(114, b0t, b1t, b2t);
}

[[gnu::always_inline]] inline void stack_features(const ParseState& st, std::int32_t s0, std::uint64_t* out) {
  const detail::View v(st);
  const std::uint64_t s0w = v.word(s0), s0t = v.tag(s0);
  std::size_t k = 0;
  out[k++] = feature(100, s0w);
  out[k++] = feature(101, s0t);
  out[k++] = feature(102, s0w, s0t);
}

[[gnu::always_inline]] inline void pair_features(const ParseState& st, std::uint64_t* out) {
  const detail::View v(st);
  const std::int32_t s0 = st.s0(), s1 = st.s1(), b0 = st.b0;
  const std::int32_t b1 = b0 + 1 <= st.n ? b0 + 1 : -1;
  const std::uint64_t s0w = v.word(s0), s0t = v.tag(s0), b0w = v.word(b0), b0t = v.tag(b0);
  const std::uint64_t b1t = v.tag(b1);
  const std::int32_t s0h = v.head(s0), s0l = v.left1(s0), s0r = v.right1(s0), b0l = v.left1(b0);
  const std::uint64_t dist = s0 < 0 ? 0 : detail::bucket(b0 - s0);
  std::size_t k = 0;
  out[k++] = feature(111, s0w, b0t);
  out[k++] = feature(112, s0t, b0w);
  out[k++] = feature(113, s0t, b0t);
  out[k++] = feature(115, s0t, b0t, b1t);
  out[k++] = feature(116, v.tag(s1), s0t, b0t);
  out[k++] = feature(117, v.tag(s0h), s0t, b0t);
  out[k++] = feature(118, s0t, v.tag(s0l), b0t);
  out[k++] = feature(119, s0t, v.tag(s0r), b0t);
  out[k++] = feature(120, s0t, b0t, v.tag(b0l));
  out[k++] = feature(121, s0t, b0t, dist);
  out[k++] = feature(124, s0t, s0h >= 0, v.label(s0));
  out[k++] = feature(131, s0t, v.left_set(s0));
  out[k++] = feature(133, b0t, v.left_set(b0));
}

inline void move_features(const ParseState& st, std::uint64_t* out) {
  buffer_features(st, st.b0, out);
  stack_features(st, st.s0(), out + kBufferFeatures);
  pair_features(st, out + kBufferFeatures + kStackFeatures);
}

// Features of the labeler for the arc head -> dep about to be added.
constexpr std::size_t kLabelFeatures = 18;
[[gnu::always_inline]] inline void label_features(const ParseState& st, std::int32_t head, std::int32_t dep,
                                                  std::uint64_t* out) {
  const detail::View v(st);
  const std::uint64_t hw = v.word(head), ht = v.tag(head), dw = v.word(dep), dt = v.tag(dep);
  const std::uint64_t dir = dep < head ? 1 : 2;
  const std::uint64_t dist = detail::bucket(dep < head ? head - dep : dep - head);
  const std::int32_t after = dep + 1 < st.n ? dep + 1 : -1;
  std::size_t k = 0;
  out[k++] = table_feature(200, dt, ht, dir);
  out[k++] = table_feature(201, dw, ht, dir);
  out[k++] = table_feature(202, dt, hw, dir);
  out[k++] = table_feature(203, dt, ht, v.n_left(head));
  out[k++] = table_feature(204, dw, dt);
  out[k++] = table_feature(205, hw, ht);
  out[k++] = table_feature(206, dt, ht, dist);
  out[k++] = table_feature(207, dt, ht, v.label(v.left1(dep)));
  out[k++] = table_feature(208, dt, ht, v.label(v.right1(dep)));
  out[k++] = table_feature(209, combine(ht, dt), v.label(v.left1(head)), dir);
  out[k++] = table_feature(210, combine(ht, dt), v.label(v.right1(head)), dir);
  out[k++] = table_feature(211, dt, ht, v.tag(after));
  out[k++] = table_feature(212, dt, ht, v.tag(dep - 1));
  out[k++] = table_feature(213, ht, dt, v.head(head) >= 0 ? v.label(head) : 0);
  out[k++] = table_feature(214, ht, dt, v.tag(v.head(head)));
  out[k++] = table_feature(215, dt, ht, v.left_set(head));
  out[k++] = table_feature(216, dw, dir);
  out[k++] = table_feature(217, dt, ht, v.left_set(dep));
}

// Arc-eager dynamic oracle (Goldberg & Nivre 2012): the number of gold arcs
// (gold heads `gold`, n for the root) a move makes unreachable.
int move_cost(const ParseState& state, Move m, const std::int32_t* gold) noexcept;

// Appends the noun phrases of parsed sentence s to doc.syntax.noun_phrases
// (unsorted); of its tokens in [lo, hi) when the rest holds no tag and no arc
// (a window parse: parse.cpp).
void noun_phrases_of_sentence(Document& doc, std::uint32_t s, std::uint32_t lo = 0, std::uint32_t hi = UINT32_MAX);

}  // namespace standpoints::syntax

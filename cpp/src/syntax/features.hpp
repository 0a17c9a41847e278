// Feature extraction of the tagger, the parser and the labeler, and the
// arc-eager parse state. Shared by inference (tagger.cpp, parser.cpp) and the
// trainer (cpp/trainer/train_syntax.cpp), so that a model sees the same
// features in training as in use.
#pragma once

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
void tagger_features(const WordInfo* w, std::size_t n, std::size_t i, std::uint32_t prev1, std::uint32_t prev2,
                     std::uint64_t* out);

// --- Parser state: arc-eager over words 0..n-1 with the root at position n,
// at the end of the buffer (Ballesteros & Nivre 2013).
struct ParseState {
  std::int32_t n = 0;
  std::int32_t b0 = 0;  // front of the buffer
  std::vector<std::int32_t> stack;
  std::vector<std::int32_t> heads;                         // -1 = none
  std::vector<std::uint8_t> labels;                        // Dep of the arc to the head
  std::vector<std::int32_t> left1, left2, right1, right2;  // leftmost / rightmost children (two each), -1 = none
  std::vector<std::uint8_t> n_left;                        // left children (capped at 255)
  std::vector<std::uint64_t> left_labels;                  // bit sets of the left children's labels

  void reset(std::int32_t words);
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
};

// Inline: the parser applies one move a word or two.
inline void ParseState::add_arc(std::int32_t head, std::int32_t dep, Dep label) {
  heads[dep] = head;
  labels[dep] = static_cast<std::uint8_t>(label);
  if (dep < head) {
    if (left1[head] < 0 || dep < left1[head]) {
      left2[head] = left1[head];
      left1[head] = dep;
    } else if (left2[head] < 0 || dep < left2[head]) {
      left2[head] = dep;
    }
    if (n_left[head] < 255) ++n_left[head];
    left_labels[head] |= std::uint64_t{1} << static_cast<unsigned>(label);
  } else {
    if (right1[head] < 0 || dep > right1[head]) {
      right2[head] = right1[head];
      right1[head] = dep;
    } else if (right2[head] < 0 || dep > right2[head]) {
      right2[head] = dep;
    }
  }
}

inline void ParseState::apply(Move m, Dep label) {
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
void move_features(const ParseState& state, const WordInfo* w, const PosTag* t, std::uint64_t* out);
void buffer_features(std::int32_t n, const WordInfo* w, const PosTag* t, std::int32_t b0, std::uint64_t* out);
void stack_features(std::int32_t n, const WordInfo* w, const PosTag* t, std::int32_t s0, std::uint64_t* out);
void pair_features(const ParseState& state, const WordInfo* w, const PosTag* t, std::uint64_t* out);

// Features of the labeler for the arc head -> dep about to be added.
constexpr std::size_t kLabelFeatures = 18;
void label_features(const ParseState& state, const WordInfo* w, const PosTag* t, std::int32_t head, std::int32_t dep,
                    std::uint64_t* out);

// Arc-eager dynamic oracle (Goldberg & Nivre 2012): the number of gold arcs
// (gold heads `gold`, n for the root) a move makes unreachable.
int move_cost(const ParseState& state, Move m, const std::int32_t* gold) noexcept;

// Appends the noun phrases of parsed sentence s to doc.syntax.noun_phrases
// (unsorted); of its tokens in [lo, hi) when the rest holds no tag and no arc
// (a window parse: parse.cpp).
void noun_phrases_of_sentence(Document& doc, std::uint32_t s, std::uint32_t lo = 0, std::uint32_t hi = UINT32_MAX);

}  // namespace standpoints::syntax

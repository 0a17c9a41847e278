// The mention covering each token, for the resolver and the readers of
// context (context_codes.hpp). Stored by blocks of tokens, a block only where
// some mention lies: an entry per token would cost 4 bytes a token (12 MB for
// a million tiny paragraphs without a name), this costs half a bit a token
// plus 4 bytes a token of the blocks that hold mentions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "standpoints/document.hpp"

namespace standpoints {

class TokenOwners {
 public:
  // Indexes the mentions of `doc` (a later mention wins a token two cover):
  // the blocks that some mention touches are numbered first, then filled in
  // one allocation.
  void index(const Document& doc) {
    size_ = doc.tokens.size();
    block_of_.assign((size_ >> kBlockBits) + 1, -1);
    std::int32_t blocks = 0;
    for (const Mention& m : doc.mentions) {
      if (m.last_token <= m.first_token) continue;
      for (std::size_t b = m.first_token >> kBlockBits; b <= (m.last_token - 1) >> kBlockBits; ++b)
        if (block_of_[b] < 0) block_of_[b] = blocks++;
    }
    owners_.assign(static_cast<std::size_t>(blocks) << kBlockBits, -1);
    for (std::size_t m = 0; m < doc.mentions.size(); ++m)
      for (std::size_t i = doc.mentions[m].first_token; i < doc.mentions[m].last_token; ++i)
        owners_[place(i)] = static_cast<std::int32_t>(m);
  }
  // The mention covering token i, or -1 (also for a token beyond the document).
  std::int32_t operator[](std::size_t i) const noexcept {
    if (i >= size_) return -1;
    const std::int32_t b = block_of_[i >> kBlockBits];
    return b < 0 ? -1 : owners_[(static_cast<std::size_t>(b) << kBlockBits) | (i & kBlockMask)];
  }

 private:
  static constexpr std::size_t kBlockBits = 6;
  static constexpr std::size_t kBlockMask = (std::size_t{1} << kBlockBits) - 1;

  // Where token i's entry is in owners_ (its block has one).
  std::size_t place(std::size_t i) const noexcept {
    return (static_cast<std::size_t>(block_of_[i >> kBlockBits]) << kBlockBits) | (i & kBlockMask);
  }

  std::size_t size_ = 0;
  std::vector<std::int32_t> block_of_;  // a block's place in owners_ (in blocks), -1: no mention in it
  std::vector<std::int32_t> owners_;    // the blocks, one after the other
};

}  // namespace standpoints

// The sparse storage of the syntax layer (SyntaxTokens, document.hpp).
#include "standpoints/document.hpp"

#include <algorithm>
#include <memory>

namespace standpoints {

namespace {

// Blocks in the first pool of a layer: a news article's parses fit in a few.
constexpr std::size_t kFirstPool = 8;
constexpr std::size_t kLargestPool = 4096;  // 512 KB

// Blocks in pool i: each pool twice the one before, up to kLargestPool.
std::size_t pool_blocks(std::size_t i) { return i >= 9 ? kLargestPool : std::min(kFirstPool << i, kLargestPool); }

}  // namespace

TokenSyntax* SyntaxTokens::new_block() {
  if (pool_left_ == 0) {
    pool_left_ = pool_blocks(pools_.size());
    pools_.push_back(std::make_unique<TokenSyntax[]>(pool_left_ * kBlock));
  }
  TokenSyntax* b = pools_.back().get() + (pool_blocks(pools_.size() - 1) - pool_left_) * kBlock;
  --pool_left_;
  return b;
}

void SyntaxTokens::clear() noexcept {
  size_ = 0;
  blocks_.clear();
  pools_.clear();
  pool_left_ = 0;
}

void SyntaxTokens::assign(std::size_t n, const TokenSyntax& value) {
  clear();
  resize(n);
  const bool empty_value = value.tag == PosTag::None && value.dep == Dep::None && value.head == -1;
  if (!empty_value)
    for (std::size_t t = 0; t < n; ++t) (*this)[t] = value;
}

void SyntaxTokens::resize(std::size_t n) {
  // Tokens dropped from a block that stays are emptied, so that growing again shows nothing.
  for (std::size_t t = n; t < size_ && (t & (kBlock - 1)) != 0; ++t)
    if (TokenSyntax* b = blocks_[t >> kBlockBits]) b[t & (kBlock - 1)] = TokenSyntax{};
  blocks_.resize((n + kBlock - 1) >> kBlockBits, nullptr);
  size_ = n;
}

std::size_t SyntaxTokens::bytes() const noexcept {
  std::size_t n = blocks_.capacity() * sizeof(TokenSyntax*);
  for (std::size_t i = 0; i < pools_.size(); ++i) n += pool_blocks(i) * kBlock * sizeof(TokenSyntax);
  return n;
}

SyntaxTokens::SyntaxTokens(const SyntaxTokens& other) : size_(other.size_), blocks_(other.blocks_.size(), nullptr) {
  for (std::size_t i = 0; i < other.blocks_.size(); ++i)
    if (other.blocks_[i]) {
      blocks_[i] = new_block();
      std::copy_n(other.blocks_[i], kBlock, blocks_[i]);
    }
}

SyntaxTokens& SyntaxTokens::operator=(const SyntaxTokens& other) {
  if (this != &other) {
    SyntaxTokens copy(other);
    *this = std::move(copy);
  }
  return *this;
}

}  // namespace standpoints

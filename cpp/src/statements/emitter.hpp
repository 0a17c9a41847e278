// The statements of a document as the stage finds them, and the one rule
// that drops repeats: one statement per (paragraph, source, act, target
// root), the first kept; a source is a person, else its code's root
// (ActorFacts::source_key_of).
#pragma once

#include <cstdint>
#include <vector>

#include "standpoints/document.hpp"
#include "statements/parties.hpp"

namespace standpoints::statements {

class Emitter {
 public:
  explicit Emitter(const ActorFacts& facts) : facts_(facts) {}

  void reserve(std::size_t n) {
    out_.reserve(n);
    paragraph_.reserve(n);
  }
  void add(Statement st, std::uint32_t paragraph) {
    out_.push_back(std::move(st));
    paragraph_.push_back(paragraph);
  }
  std::size_t size() const noexcept { return out_.size(); }
  const Statement& back() const { return out_.back(); }
  const Statement& at(std::size_t i) const { return out_[i]; }
  std::uint32_t paragraph_of(std::size_t i) const { return paragraph_[i]; }

  // The statements without repeats, in the order found.
  std::vector<Statement> take_distinct();

 private:
  const ActorFacts& facts_;
  std::vector<Statement> out_;
  std::vector<std::uint32_t> paragraph_;
};

}  // namespace standpoints::statements

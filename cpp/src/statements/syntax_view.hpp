// The syntactic layer as the statement stage reads it. A sentence is parsed
// only when a construction asks (the token patterns could not settle the
// source or target alone), with the built-in model; a parse given with the
// document (a spaCy Doc) is read as it is. What the constructions ask: a
// predicate's arguments, a noun's conjuncts, the noun phrase around a token.
#pragma once

#include <boost/container/small_vector.hpp>
#include <cstdint>

#include "standpoints/document.hpp"
#include "standpoints/syntax.hpp"

namespace standpoints::statements {

class SyntaxView {
 public:
  SyntaxView(Document& doc, const SyntaxModel& model) : doc_(doc), model_(model) {}
  SyntaxView(const SyntaxView&) = delete;
  SyntaxView& operator=(const SyntaxView&) = delete;

  // Longer sentences are left unparsed: lists, tables and run-on text, where
  // the model was not trained and a parse would cost the most.
  static constexpr std::uint32_t kMaxTokens = 100;

  // Whether sentence si holds a parse of its words in [from, end) at least,
  // parsing them with the built-in model first when needed (a prefix of the
  // sentence: what lies further does not change how the words up to a
  // trigger's subject attach; the words before `from` are left out of the
  // tree, the few right before it tagged). Sentences over kMaxTokens are not
  // parsed.
  bool ensure(std::uint32_t si, std::uint32_t end, std::uint32_t from = 0);
  bool parsed(std::uint32_t si) const { return doc_.syntax.is_parsed(si); }
  // The part of speech of token t: the parse's, or the tagger's over a few
  // words around it (cheap: what decides whether a parse is worth it).
  PosTag tag(std::uint32_t t) const { return tag_in_context(doc_, model_, t); }
  // The syntax of token t (its sentence parsed).
  const TokenSyntax& at(std::uint32_t t) const { return doc_.syntax.tokens[t]; }
  PredicateArgs args(std::uint32_t t) const { return predicate_args(doc_, t); }
  // Token t and its conjuncts ("A, B and C" from A: A, B, C), in text order;
  // appositions are not conjuncts.
  boost::container::small_vector<std::uint32_t, 4> conjuncts(std::uint32_t t) const;
  // The first child of t with relation `dep`, or -1.
  std::int32_t child(std::uint32_t t, Dep dep) const { return standpoints::child(doc_, t, dep); }
  std::int32_t prep_object(std::uint32_t t, std::string_view prep) const {
    return standpoints::prep_object(doc_, t, prep);
  }
  standpoints::NounPhrase noun_phrase(std::uint32_t t) const { return standpoints::noun_phrase(doc_, t); }

  // What the built-in model parsed for this document (benchmarks).
  std::size_t sentences_parsed() const noexcept { return sentences_; }
  std::size_t tokens_parsed() const noexcept { return tokens_; }

 private:
  Document& doc_;
  const SyntaxModel& model_;
  std::size_t sentences_ = 0, tokens_ = 0;
  ParseBuffers buffers_;  // the parses' working arrays, kept for the document
};

}  // namespace standpoints::statements

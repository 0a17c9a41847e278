// The syntax model's trainer: data files, training, and documents for evaluation.
//
// Data files (tools/train_syntax.py writes them): one token a line,
// form<TAB>kind<TAB>shape<TAB>space_before<TAB>tag<TAB>head<TAB>label (kind and shape as
// the numbers of TokenKind and Shape, head a sentence-local index, -1 for the root), an
// empty line after each sentence. Tokens are rebuilt from these fields so that the
// features in training are those of inference.
#pragma once

#include <string>
#include <vector>

#include "standpoints/document.hpp"
#include "standpoints/syntax.hpp"
#include "syntax/model.hpp"

namespace standpoints::syntax {

// One sentence with its reference analysis.
struct Example {
  std::string text;
  std::vector<Token> tokens;  // offsets into text
  std::vector<PosTag> tags;
  std::vector<std::int32_t> heads;  // sentence-local, -1 = root
  std::vector<Dep> deps;
};

// Reads a data file; throws std::runtime_error naming the line of a bad one.
std::vector<Example> read_examples(const std::string& path);

struct TrainOptions {
  int tagger_epochs = 8;
  int parser_epochs = 12;
  int explore_from = 2;        // the parser follows its own (possibly wrong) moves from this epoch on
  int move_bits = 18;          // the move table has 2^move_bits buckets
  int min_weight = 0;          // tagger and labeler weights below this (int16 scale, top ~16000) are dropped
  int min_weight_labeler = 0;  // the labeler's own threshold, when above 0
  unsigned seed = 1;           // shuffling and exploration; training is deterministic for a seed
  std::string provenance;
  bool verbose = false;  // progress on stderr
};

ModelData train(const std::vector<Example>& data, const TrainOptions& options);

// A Document holding examples [first, last), one paragraph and sentence each, without syntax.
Document make_document(const std::vector<Example>& data, std::size_t first, std::size_t last);

}  // namespace standpoints::syntax

// Segmentation: tokens (with case shape and spacing) and sentences inside
// each paragraph. One pass over the text; no regular expressions.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "standpoints/document.hpp"
#include "standpoints/string_map.hpp"

namespace standpoints {

enum class AbbreviationKind : std::uint8_t { Title, Month, Other };

// Abbreviations whose full stop is part of the token (abbreviations.tsv).
class SegmenterRules {
 public:
  SegmenterRules() = default;
  static SegmenterRules load(const std::string& path);  // throws KnowledgeError
  void add(std::string word, AbbreviationKind kind) {
    longest_ = std::max(longest_, word.size());
    abbreviations_[std::move(word)] = kind;
  }
  const AbbreviationKind* find(std::string_view word) const;

 private:
  // Looked up by string_view, without building a string (the library's word
  // table: one look-up per capitalised word and full stop).
  StringMap<AbbreviationKind> abbreviations_;
  std::size_t longest_ = 0;
};

// Fills doc.tokens and doc.sentences from doc.text and doc.paragraphs.
void segment(Document& doc, const SegmenterRules& rules);

// True for a capitalised word that commonly opens a sentence ("The", "But"),
// used where an abbreviation's full stop may or may not end a sentence.
bool is_sentence_starter(std::string_view word);

}  // namespace standpoints

namespace standpoints {

// Tokenizes text[start, end) as the segmenter does (appending to `out`),
// for knowledge-base phrases that must split like running text.
void tokenize(const std::string& text, std::size_t start, std::size_t end, const SegmenterRules& rules,
              std::vector<Token>& out);

}  // namespace standpoints

// What the statement stage keeps for a document and a sentence, and the
// frame that a construction builds around one trigger: its sources, targets
// and content, before the act is decided and statements are emitted.
#pragma once

#include <boost/unordered/unordered_flat_set.hpp>
#include <cstdint>
#include <optional>
#include <vector>

#include "standpoints/document.hpp"
#include "standpoints/knowledge.hpp"
#include "statements/acts.hpp"
#include "statements/emitter.hpp"
#include "statements/history.hpp"
#include "statements/noun_phrase.hpp"
#include "statements/parties.hpp"
#include "statements/referents.hpp"
#include "statements/syntax_view.hpp"
#include "statements/token_view.hpp"
#include "statements/trigger.hpp"

namespace standpoints::statements {

// Everything the stage keeps for one document.
struct DocumentStage {
  // `syntax`: the built-in parser, run on the sentences constructions ask
  // about (an empty model: only a parse the document already holds is read).
  DocumentStage(Document& doc, const ActLexicon& lexicon, const ActorCodes& codes, const ActorTable& actors,
                const NameCues& cues, const SyntaxModel& syntax_model)
      : view(doc, lexicon),
        syntax(doc, syntax_model),
        facts(doc, codes, actors, cues),
        history(facts),
        referents(view, facts, history),
        phrases(view, facts, referents),
        acts(view, facts, history),
        emitter(facts) {}

  TokenView view;         // the document as the stage reads it
  SyntaxView syntax;      // its parse, sentence by sentence on demand
  ActorFacts facts;       // codes, roots and media
  SourceHistory history;  // sources so far
  Referents referents;    // pronouns, nominals, documents; proposes their mentions
  PhraseReader phrases;   // subjects and objects
  ActDecider acts;        // the act of each statement
  Emitter emitter;        // the statements found
};

// The sentence being read.
struct SentenceScope {
  std::uint32_t index = 0;       // into doc.sentences
  std::uint32_t lo = 0, hi = 0;  // its tokens [lo, hi)
  std::uint32_t paragraph = 0;
  bool title = false;               // a headline
  std::size_t first_statement = 0;  // statements found before the sentence
  // Starts of the names taken as objects so far: no subjects of later triggers.
  boost::unordered_flat_set<std::uint32_t> object_starts;
  std::uint32_t resume = 0;  // triggers start at this token or later (earlier ones were read as part of one)

  // What the sentence's triggers ask alike, found once (so that a huge
  // sentence of many triggers is read in linear time):
  // the first token of the punctuation (and closing marks) that ends it;
  mutable std::optional<std::uint32_t> trailing_punctuation;
  // the token of its first name before any function word, or none (-1);
  mutable std::optional<std::int64_t> first_name;
  // the last look-ahead for a next clause's subject: from `from`, the
  // comma found (or hi: none).
  mutable std::uint32_t next_clause_from = UINT32_MAX, next_clause_comma = 0;
};

// Where a frame's sources come from when no phrase names them.
enum class SourceFrom : std::uint8_t {
  Phrase,             // the construction's noun phrase (or none)
  PreviousStatement,  // a participle (", saying ..."): the source of the statement before, else after
  Coordinated,        // "X dismissed ... and said ...": the statement before, else the sentence's first name
};

struct Frame {
  Parties sources;
  Parties targets;
  std::uint32_t after = 0;  // first token after the trigger (and its object or agent)
  std::optional<Span> content;
  bool quote = false;           // the content is a quotation
  bool negated = false;         // "did not say"
  bool passive = false;         // "was accused by X"
  bool reciprocal = false;      // "A and B accused each other": each source's target is the others
  bool content_target = false;  // the targets were read from the content, not from the trigger's object
  bool common_object =
      false;  // the object is a phrase of common nouns ("accused the west of"): no target in the content
  SourceFrom source_from = SourceFrom::Phrase;
  std::optional<std::uint32_t> subject_first;  // first token of the subject phrase, when one was scanned
};

}  // namespace standpoints::statements

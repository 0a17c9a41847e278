// The immutable knowledge an Analyzer owns: loaded once from the data files
// under the package (plus the user's own), then shared read-only by threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "standpoints/actor_codes.hpp"
#include "standpoints/boilerplate.hpp"
#include "standpoints/entities.hpp"
#include "standpoints/geocoder.hpp"
#include "standpoints/knowledge_error.hpp"
#include "standpoints/segmenter.hpp"
#include "standpoints/syntax.hpp"

namespace standpoints {

namespace statements {
class ActLexicon;  // cpp/src/statements/lexicon.hpp
}

struct KnowledgeOptions {
  std::string data_dir;                  // the package's data/ folder
  std::vector<std::string> actor_files;  // the user's actors (TSV, JSON or PETRARCH .txt)
  std::string extra_actors_json;         // actors added in code (a JSON list), after the files
  std::vector<std::string> act_files{};  // the user's act entries (acts.tsv's shape), after acts.tsv
};

struct Knowledge {
  SegmenterRules abbreviations;
  BoilerplatePatterns boilerplate;
  ActorTable actors;    // actors.tsv + the user's files (entities, resolver)
  ActorCodes codes;     // roles.tsv + the actors' igo flags: roots, organisations, media (every stage)
  NameCues cues;        // name_cues.tsv + agents.tsv (entities, resolver)
  PartyLabels parties;  // party_labels.tsv: "D-Calif." (entities, resolver)
  Gazetteer gazetteer;  // places.tsv (geocoder)
  std::shared_ptr<const statements::ActLexicon> acts;  // acts.tsv + the user's, plover.tsv (statements; private)
  SyntaxModel syntax;                                  // syntax.bin (tagger and parser)

  static std::shared_ptr<const Knowledge> load(const KnowledgeOptions& options);
};

}  // namespace standpoints

#include "standpoints/knowledge.hpp"

#include <future>

#include "statements/lexicon.hpp"

namespace standpoints {

std::shared_ptr<const Knowledge> Knowledge::load(const KnowledgeOptions& options) {
  auto k = std::make_shared<Knowledge>();
  const std::string dir =
      options.data_dir.empty() || options.data_dir.back() == '/' ? options.data_dir : options.data_dir + "/";
  // The gazetteer needs nothing else: it loads on a second thread while the
  // actors (the biggest table) load here, so start-up waits for the slower
  // of the two rather than their sum. Errors travel through the future.
  auto gazetteer =
      std::async(std::launch::async, [dir] { return Gazetteer::load(dir + "places.tsv", dir + "place_words.tsv"); });
  k->abbreviations = SegmenterRules::load(dir + "abbreviations.tsv");
  k->boilerplate = BoilerplatePatterns::load(dir + "boilerplate.tsv");
  std::vector<std::string> actor_files{dir + "actors.tsv"};
  actor_files.insert(actor_files.end(), options.actor_files.begin(), options.actor_files.end());
  try {
    k->actors = ActorTable::load(actor_files, k->abbreviations);
    if (!options.extra_actors_json.empty()) k->actors.add_json(options.extra_actors_json, "<add_actor>", true);
    k->codes = ActorCodes::load(dir + "roles.tsv", k->actors);
    std::vector<std::string> act_files{dir + "acts.tsv"};
    act_files.insert(act_files.end(), options.act_files.begin(), options.act_files.end());
    k->acts =
        std::make_shared<const statements::ActLexicon>(statements::ActLexicon::load(dir + "plover.tsv", act_files));
    k->cues = NameCues::load(dir + "name_cues.tsv", dir + "agents.tsv", k->abbreviations);
    for (const auto& verb : k->acts->name_cue_verbs()) k->cues.add_word(verb, NameCues::kSpeechVerb);
    k->parties = PartyLabels::load(dir + "party_labels.tsv", k->actors);
    k->syntax = SyntaxModel::load(dir + "syntax.bin");
  } catch (...) {
    gazetteer.wait();  // never leave the thread running past an error
    throw;
  }
  k->gazetteer = gazetteer.get();
  return k;
}

}  // namespace standpoints

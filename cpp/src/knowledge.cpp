#include "standpoints/knowledge.hpp"

namespace standpoints {

std::shared_ptr<const Knowledge> Knowledge::load(const KnowledgeOptions& options) {
  auto k = std::make_shared<Knowledge>();
  const std::string dir = options.data_dir.empty() || options.data_dir.back() == '/' ? options.data_dir
                                                                                      : options.data_dir + "/";
  k->abbreviations = SegmenterRules::load(dir + "abbreviations.tsv");
  k->boilerplate = BoilerplatePatterns::load(dir + "boilerplate.tsv");
  std::vector<std::string> actor_files{dir + "actors.tsv"};
  actor_files.insert(actor_files.end(), options.actor_files.begin(), options.actor_files.end());
  k->actors = ActorTable::load(actor_files, k->abbreviations);
  if (!options.extra_actors_json.empty()) k->actors.add_json(options.extra_actors_json, "<add_actor>", true);
  k->cues = NameCues::load(dir + "name_cues.tsv", k->abbreviations);
  k->gazetteer = Gazetteer::load(dir + "places.tsv");
  k->acts = ActLexicon::load(dir + "acts.tsv");
  return k;
}

}  // namespace standpoints

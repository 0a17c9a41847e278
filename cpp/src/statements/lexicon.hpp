// The act lexicon (acts.tsv, columns in python/standpoints/data/README.md):
// trigger words and phrases with their act and CAMEO code, light verbs,
// content cues, and the nominal and pronoun heads that stand for sources.
// Private to the statement stage; the Knowledge holds one, read-only.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "standpoints/string_map.hpp"

namespace standpoints::statements {

// The acts a statement can take (SCHEMA.md "statements").
enum class Act : std::uint8_t { None, Say, Offer, Demand, Urge, Warn, Accuse, Reject, Deny, Support };
std::string_view act_name(Act act) noexcept;  // "SAY"; "" for None

// What a row of acts.tsv is.
enum class Pos : std::uint8_t {
  Verb,     // a trigger verb ("warn")
  Noun,     // a trigger noun ("warning")
  Phrase,   // a trigger phrase ("call on")
  Light,    // a verb whose noun object is a trigger ("gave a warning")
  Nominal,  // a head that can stand for a source ("the ministry")
  Pronoun,  // "he", "they"
  Cue,      // a word in the content that shows what a neutral statement does ("must")
  Idiom,    // a phrase that holds a trigger word in another sense, no statement ("as opposed to")
};

// Whose clause a content cue must stand in, by the subject of that clause:
// any, the speaker's ("we are ready to", "it will retaliate"), or another
// actor's, who is then the target ("Russia must withdraw").
enum class CueScope : std::uint8_t { Any, Self, Other };

// What a nominal or pronoun head stands for.
enum class Referent : std::uint8_t { None, Person, Thing, Group, Org, Igo, Document };

// One row of acts.tsv.
struct ActEntry {
  std::string lemma;
  Pos pos = Pos::Verb;
  Act act = Act::None;                   // None for light verbs, nominals and pronouns
  std::string cameo;                     // empty = null
  bool frame_obj = false;                // the direct object is the target
  std::vector<std::string> frame_preps;  // the object of one of these prepositions is the target
  // flags
  bool quote = false;       // introduces quotations, may follow them inverted ("..., said X")
  bool modal = false;       // DEMAND only with a modal in the content ("insisted that X must"), else SAY
  bool after = false;       // the source follows the trigger ("according to X")
  bool need_for = false;    // only as "V X for ..." ("attacked X for comparing")
  bool that_only = false;   // only before a that-clause ("charged that")
  bool quote_only = false;  // only next to a quotation ("Lavrov continued")
  bool name_cue = false;    // its finite forms after capitalised words make them a person's name ("Jane Roe said")
  bool inner_verb = false;  // a trigger in the infinitive after it is part of this act ("refused to confirm")
  bool cued = false;        // the content's cues decide the act, as for a neutral statement ("vowed to retaliate")
  bool cue_only = false;    // a statement only where a content cue decides the act ("called the move a mistake")
  bool future = false;      // a cue only after will / would / shall ("would retaliate")
  bool opening = false;     // a cue only as a quotation's first words: a command ("Do not ...", "Stop ...")
  bool obj_to = false;      // only as "V X to ..." with X an actor ("wants Russia to withdraw")
  bool that_say = false;    // before a clause it only says ("suggested that ...", not a proposal)
  CueScope scope = CueScope::Any;      // cues: whose clause
  Referent referent = Referent::None;  // nominals and pronouns: what they stand for
  std::string plover;                  // PLOVER category: the row's, else the CAMEO code's (plover.tsv); empty = none
};

// One surface form (one or more lower-case words) of an entry, with copies
// of what the per-token matchers test first (no pointer chase for a form
// they turn away): the number of words, the entry's part of speech and the
// second word's length.
struct ActForm {
  std::vector<std::string> words;
  std::uint32_t entry = 0;
  std::uint32_t size = 0;
  Pos pos = Pos::Verb;
  std::uint32_t second_size = 0;  // 0 for a one-word form
};

class ActLexicon {
 public:
  // The CAMEO-to-PLOVER crosswalk, then act files in order (acts.tsv, then
  // the user's): a row with the phrase and pos of an earlier one replaces it,
  // and a form of a later file replaces an earlier file's form of the same
  // words and pos. Throws KnowledgeError naming file and line.
  static ActLexicon load(const std::string& plover_path, const std::vector<std::string>& act_paths);
  // The same over texts in memory: (name, text) pairs.
  using NamedText = std::pair<std::string, std::string>;
  static ActLexicon parse(const NamedText& plover, const std::vector<NamedText>& acts);

  bool empty() const noexcept { return entries_.empty(); }
  const std::vector<ActEntry>& entries() const noexcept { return entries_; }
  const ActEntry& entry_of(const ActForm& f) const noexcept { return entries_[f.entry]; }
  // The finite one-word forms (neither the lemma nor an -ing form) of the
  // verbs flagged namecue: "said", "says", "told" (the entity stage's person cue).
  std::vector<std::string> name_cue_verbs() const;

  // Words are looked up by StringHash, the word hash of every table in the
  // library. A filter byte per hash value says which forms may start with a
  // word; a clear bit is certain, a set one may be a collision. The statement
  // stage asks once per token and keeps the byte, so that most later
  // questions about a token cost no look-up.
  static constexpr unsigned kMayStartTrigger = 1;  // a verb, noun, phrase or light verb form
  static constexpr unsigned kMayBeFirst = 2;       // any form
  static constexpr unsigned kMayStartCue = 4;      // a cue, verb or phrase form (what content cues read)
  static std::uint64_t hash(std::string_view lower_word) noexcept { return StringHash{}(lower_word); }
  unsigned prefilter(std::uint64_t hash) const noexcept { return filter_[hash >> (64 - kFilterBits)]; }

  // The forms whose first word is `lower_word`, longest first, and whether
  // one of them can start a trigger.
  struct FirstWord {
    const std::vector<ActForm>* forms = nullptr;
    bool may_trigger = false;
  };
  FirstWord first_word(std::string_view lower_word) const noexcept {
    const std::uint64_t h = hash(lower_word);
    return prefilter(h) & kMayBeFirst ? first_word(lower_word, h) : FirstWord{};
  }
  // The same for a word whose hash() is known (no filter).
  FirstWord first_word(std::string_view lower_word, std::uint64_t hash) const noexcept {
    if (index_.empty()) return {};
    const std::size_t mask = index_.size() - 1;
    for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
      const Slot& slot = index_[s];
      if (slot.id == 0) return {};
      if (slot.hash == hash && same_word(words_[slot.id - 1], lower_word))
        return {&forms_[slot.id - 1], slot.may_trigger};
    }
  }
  // The forms of a first word as a number (FirstWord::forms is one of the
  // lexicon's lists): what a huge document keeps for each of its trigger
  // candidates, in half the room of a pointer.
  std::uint32_t forms_id(const std::vector<ActForm>* forms) const noexcept {
    return static_cast<std::uint32_t>(forms - forms_.data());
  }
  const std::vector<ActForm>* forms_of(std::uint32_t id) const noexcept { return &forms_[id]; }

 private:
  // Short words: a byte loop is cheaper than a memcmp call.
  static bool same_word(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
  static constexpr unsigned kFilterBits = 14;  // 16 KB: one byte per hash value
  void build_index(StringMap<std::vector<ActForm>>&& by_first);

  std::vector<ActEntry> entries_;
  std::array<std::uint8_t, std::size_t{1} << kFilterBits> filter_{};
  // Open addressing over the first words (words_[id - 1], their forms in
  // forms_[id - 1]): one hash compare per probe, the word compared on a hit.
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t id = 0;  // 0 = empty
    bool may_trigger = false;
  };
  std::vector<Slot> index_;
  std::vector<std::string> words_;
  std::vector<std::vector<ActForm>> forms_;
};

}  // namespace standpoints::statements

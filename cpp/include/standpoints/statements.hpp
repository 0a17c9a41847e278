// Statements (positions): who says, offers, demands, urges, warns, accuses,
// rejects, denies or supports what, toward whom (SCHEMA.md "statements").
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "standpoints/document.hpp"
#include "standpoints/string_map.hpp"

namespace standpoints {

struct Knowledge;

// One row of acts.tsv.
struct ActEntry {
  enum class Pos : std::uint8_t { Verb, Noun, Phrase, Light, Nominal, Pronoun, Cue };
  enum class Class : std::uint8_t { None, Person, Thing, Group, Org, Igo, Document };
  std::string lemma;
  Pos pos = Pos::Verb;
  std::string act;    // SAY ... SUPPORT; empty for light verbs and nominals
  std::string cameo;  // empty = null
  bool frame_obj = false;                 // the direct object is the target
  std::vector<std::string> frame_preps;   // the object of one of these prepositions is the target
  // flags
  bool quote = false;      // introduces quotations, may follow them inverted ("..., said X")
  bool modal = false;      // DEMAND only with a modal in the content ("insisted that X must"), else SAY
  bool after = false;      // the source follows the trigger ("according to X")
  bool need_for = false;   // only as "V X for ..." ("attacked X for comparing")
  bool that_only = false;  // only before a that-clause ("charged that")
  bool quote_only = false; // only next to a quotation ("Lavrov continued")
  Class cls = Class::None; // nominals and pronouns: what they stand for
};

// FNV-1a over a lexicon word (a few bytes): cheaper than std::hash for the
// per-token look-ups; the table mixes the result further.
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    std::uint64_t h = 14695981039346656037ull;
    for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return static_cast<std::size_t>(h);
  }
};

// One surface form (one or more lower-case words) of an entry.
struct ActForm {
  std::vector<std::string> words;
  std::uint32_t entry = 0;
};

// The act lexicon (acts.tsv): trigger words and phrases with act and CAMEO code,
// light verbs, and nominal and pronoun source heads.
class ActLexicon {
 public:
  static ActLexicon load(const std::string& path);  // throws KnowledgeError
  static ActLexicon parse(std::string_view text, const std::string& name);

  const std::vector<ActEntry>& entries() const noexcept { return entries_; }
  // Forms whose first word is `lower_word`, longest first.
  const std::vector<ActForm>* forms(std::string_view lower_word) const;
  bool empty() const noexcept { return entries_.empty(); }

 private:
  std::vector<ActEntry> entries_;
  boost::unordered_flat_map<std::string, std::vector<ActForm>, WordHash, std::equal_to<>> by_first_;
  // Bit n of first_len_[b]: some form's first word starts with byte b and is n
  // bytes long (n < 64); most words are turned away without hashing.
  std::array<std::uint64_t, 256> first_len_{};
  // Bit (b0 << 8 | b1): some first word starts with bytes b0 b1 (b1 = 0 for one byte).
  std::array<std::uint64_t, 1024> first_two_{};
  // An open-addressing index over by_first_ keyed by a word's first eight bytes
  // and its length: one multiply and (for words up to eight bytes) one compare.
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t size = 0;  // 0 = empty
    std::uint32_t id = 0;     // into index_words_ and index_forms_
  };
  std::vector<Slot> index_;
  std::vector<std::string> index_words_;
  std::vector<std::vector<ActForm>> index_forms_;
  unsigned index_shift_ = 64;
  void build_index();
};

// Adds doc.statements (and the nominal and pronoun mentions that name their
// sources, appended to doc.mentions). Runs after entities are resolved.
void extract_statements(Document& doc, const Knowledge& knowledge);
void extract_statements(Document& doc, const ActLexicon& lexicon);

// Country or international organisation at the head of an actor code
// ("USAGOV" -> "USA", "NATOMIL" -> "NATO"), as the scorer compares them.
std::string actor_root(std::string_view code);

}  // namespace standpoints

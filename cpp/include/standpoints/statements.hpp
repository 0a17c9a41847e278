// Statements (positions): who says, offers, demands, urges, warns, accuses,
// rejects, denies or supports what, toward whom (SCHEMA.md "statements").
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "standpoints/document.hpp"
#include "standpoints/string_map.hpp"

// The per-token look-ups must be inlined into the extractor's loops; GCC
// and Clang otherwise keep some of them as calls.
#if defined(__GNUC__)
#define STANDPOINTS_ALWAYS_INLINE [[gnu::always_inline]]
#define STANDPOINTS_NOINLINE [[gnu::noinline]]
#else
#define STANDPOINTS_ALWAYS_INLINE
#define STANDPOINTS_NOINLINE
#endif

namespace standpoints {

struct Knowledge;

// One row of acts.tsv.
struct ActEntry {
  enum class Pos : std::uint8_t { Verb, Noun, Phrase, Light, Nominal, Pronoun, Cue };
  enum class Class : std::uint8_t { None, Person, Thing, Group, Org, Igo, Document };
  std::string lemma;
  Pos pos = Pos::Verb;
  std::string act;                       // SAY ... SUPPORT; empty for light verbs and nominals
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
  Class cls = Class::None;  // nominals and pronouns: what they stand for
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
  // Copies kept beside the words for the per-token matchers, so that a form
  // they turn away costs no pointer chase into `words` or the entry: the
  // number of words, the entry's part of speech, and the second word's
  // ActLexicon::padded_key() and byte length (both 0 for a one-word form).
  std::uint32_t size = 0;
  ActEntry::Pos pos = ActEntry::Pos::Verb;
  std::uint32_t second_size = 0;
  std::uint64_t second_key = 0;
};

// The act lexicon (acts.tsv): trigger words and phrases with act and CAMEO code,
// light verbs, and nominal and pronoun source heads.
class ActLexicon {
 public:
  static ActLexicon load(const std::string& path);  // throws KnowledgeError
  static ActLexicon parse(std::string_view text, const std::string& name);

  const std::vector<ActEntry>& entries() const noexcept { return entries_; }
  // The finite one-word forms (neither the lemma nor an -ing form) of the
  // verbs flagged namecue: "said", "says", "told" (the entity stage's person cue).
  std::vector<std::string> name_cue_verbs() const;
  // The forms whose first word is one word, longest first, and whether one
  // of them can start a trigger (a verb, noun, phrase or light verb form).
  struct FirstWord {
    const std::vector<ActForm>* forms = nullptr;
    bool may_trigger = false;
  };
  // Forms whose first word is `lower_word`, longest first.
  const std::vector<ActForm>* forms(std::string_view lower_word) const { return first_word(lower_word).forms; }
  FirstWord first_word(std::string_view lower_word) const {
    return may_be_first(lower_word) ? probe(lower_word, key8(lower_word)) : FirstWord{};
  }
  // The same look-up for a word with eight readable bytes at its start (the
  // extractor pads its lower-cased text): the key is then one load and a
  // mask instead of a loop over the bytes, and a bit filter over all first
  // words turns most words away before the index.
  STANDPOINTS_ALWAYS_INLINE FirstWord first_word_padded(std::string_view lower_word) const {
    const std::uint64_t key = padded_key(lower_word);
    const std::uint64_t h = filter_hash(key);
    if (!(filter_[h] & kMayBeFirst)) return {};
    return probe(lower_word, key);
  }
  // The answers of prefilter_key().
  static constexpr unsigned kMayStartTrigger = 1;  // a verb, noun, phrase or light verb form
  static constexpr unsigned kMayBeFirst = 2;       // any form
  static constexpr unsigned kMayStartCue = 4;      // a cue, verb or phrase form (what content cues read)
  // Which forms may start a word with this padded_key(), from the filter
  // byte at its hash: a clear bit is certain, a set
  // bit may be a collision (first_word_padded() tells). The extractor asks
  // once per token and keeps the answer, so that later questions about a
  // token are mostly answered by one byte.
  STANDPOINTS_ALWAYS_INLINE unsigned prefilter_key(std::uint64_t key) const noexcept {
    return filter_[filter_hash(key)];
  }
  // first_word() for a word whose padded_key() is known (no filter).
  FirstWord first_word_key(std::string_view lower_word, std::uint64_t key) const noexcept {
    return probe(lower_word, key);
  }
  // padded_key() from the word's first eight bytes as a little-endian load
  // gives them (bytes past the word's end are masked off).
  static std::uint64_t key_from_first_bytes(std::uint64_t first8, std::size_t size) noexcept {
    return first8 & kKeyMask[size < 8 ? size : 8];
  }
  // A word's first eight bytes (fewer for a shorter word) as an integer, for
  // a word with eight readable bytes at its start: one load and a mask.
  static std::uint64_t padded_key(std::string_view w) noexcept {
    if constexpr (std::endian::native == std::endian::little) {
      std::uint64_t k;
      std::memcpy(&k, w.data(), 8);
      return key_from_first_bytes(k, w.size());
    } else {
      return key8(w);
    }
  }
  bool empty() const noexcept { return entries_.empty(); }
  // The bytes of a word among eight loaded (little-endian), by its length.
  static constexpr std::uint64_t kKeyMask[9] = {
      0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFF, 0xFFFFFFFFFFFF, 0xFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF};

 private:
  std::vector<ActEntry> entries_;
  boost::unordered_flat_map<std::string, std::vector<ActForm>, WordHash, std::equal_to<>> by_first_;
  // Bit n of first_len_[b]: some form's first word starts with byte b and is n
  // bytes long (n < 64); most words are turned away without hashing.
  std::array<std::uint64_t, 256> first_len_{};
  // Bit (b0 << 8 | b1): some first word starts with bytes b0 b1 (b1 = 0 for one byte).
  std::array<std::uint64_t, 1024> first_two_{};
  // Byte filter_hash(key) holds, for the index keys of the first words that
  // hash there, the prefilter_padded() bits: kMayStartTrigger, kMayBeFirst,
  // kMayStartCue. A clear bit rules a word out; a set bit may be a
  // collision. One byte per hash, so that a token costs one load for all
  // three (16 KB).
  static constexpr unsigned kFilterBitsLog2 = 14;
  std::array<std::uint8_t, std::size_t{1} << kFilterBitsLog2> filter_{};
  // An open-addressing index over by_first_ keyed by a word's first eight bytes
  // and its length: one multiply and (for words up to eight bytes) one compare.
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t size = 0;  // 0 = empty
    std::uint32_t id = 0;    // into index_words_, index_forms_ and index_trigger_
  };
  std::vector<Slot> index_;
  std::vector<std::string> index_words_;
  std::vector<std::vector<ActForm>> index_forms_;
  std::vector<char> index_trigger_;  // some form of the word can start a trigger
  unsigned index_shift_ = 64;
  void build_index();

  // The (first byte, length) and first-two-bytes filters of the unpadded look-up.
  bool may_be_first(std::string_view w) const noexcept { return passes(first_len_, first_two_, w); }
  static bool passes(const std::array<std::uint64_t, 256>& len, const std::array<std::uint64_t, 1024>& two_bytes,
                     std::string_view w) noexcept {
    if (w.empty()) return false;
    const std::uint64_t lens = len[static_cast<unsigned char>(w[0])];
    if (w.size() < 64 ? !((lens >> w.size()) & 1) : lens != ~std::uint64_t{0}) return false;
    const std::size_t two = static_cast<std::size_t>(static_cast<unsigned char>(w[0])) << 8 |
                            (w.size() > 1 ? static_cast<unsigned char>(w[1]) : 0u);
    return (two_bytes[two >> 6] >> (two & 63)) & 1;
  }
  static void add_to_filter(std::array<std::uint64_t, 256>& len, std::array<std::uint64_t, 1024>& two_bytes,
                            std::string_view word);
  void add_to_filter_byte(unsigned bit, std::string_view word) noexcept {
    filter_[filter_hash(key8(word))] |= static_cast<std::uint8_t>(bit);
  }
  // The filter's bit for a key (the key alone: words up to eight bytes have
  // distinct keys, longer ones share a bit with their eight-byte prefix).
  static std::uint64_t filter_hash(std::uint64_t key) noexcept {
    return (key * 0x9E3779B97F4A7C15ull) >> (64 - kFilterBitsLog2);
  }
  // A word's first eight bytes (fewer for a shorter word) as the index key.
  static std::uint64_t key8(std::string_view w) noexcept {
    std::uint64_t k = 0;
    if (w.size() >= 8)
      std::memcpy(&k, w.data(), 8);
    else
      for (std::size_t i = 0; i < w.size(); ++i) k |= std::uint64_t{static_cast<unsigned char>(w[i])} << (8 * i);
    return k;
  }
  // A word's index key and length mixed into 64 bits; the top bits pick its slot.
  static std::uint64_t mix(std::uint64_t key, std::size_t size) noexcept {
    return (key ^ (std::uint64_t{size} << 56)) * 0x9E3779B97F4A7C15ull;
  }
  std::size_t slot_of(std::uint64_t key, std::size_t size) const noexcept {
    return static_cast<std::size_t>(mix(key, size) >> index_shift_);
  }
  // The index look-up; inline, as it runs for every trigger candidate.
  STANDPOINTS_ALWAYS_INLINE FirstWord probe(std::string_view w, std::uint64_t key) const noexcept {
    if (index_.empty()) return {};
    const std::size_t mask = index_.size() - 1;
    for (std::size_t s = slot_of(key, w.size());; s = (s + 1) & mask) {
      const Slot& slot = index_[s];
      if (slot.size == 0) return {};
      if (slot.key == key && slot.size == w.size() &&
          (slot.size <= 8 || std::string_view(index_words_[slot.id]).substr(8) == w.substr(8)))
        return {&index_forms_[slot.id], index_trigger_[slot.id] != 0};
    }
  }
};

// Adds doc.statements (and the nominal and pronoun mentions that name their
// sources, appended to doc.mentions). Runs after entities are resolved.
void extract_statements(Document& doc, const Knowledge& knowledge);

}  // namespace standpoints

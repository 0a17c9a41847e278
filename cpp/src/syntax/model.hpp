// The syntax model's weight tables and file format (internal: the core and
// the trainer, cpp/trainer/, include it).
//
// Every classifier is a linear model over hashed features: a feature is a
// 64-bit hash of a template number and the values it combines. A table maps
// a feature to the non-zero weights it has (class, int16 weight), so a
// feature costs one probe of an open-addressing table and a few additions.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "standpoints/document.hpp"

namespace standpoints::syntax {

// 64-bit finaliser (murmur3's fmix64): spreads every input bit over the word.
inline std::uint64_t mix(std::uint64_t h) noexcept {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}
inline std::uint64_t combine(std::uint64_t a, std::uint64_t b) noexcept {
  return mix(a * 0x9E3779B97F4A7C15ULL + b + 0x632BE59BD9B4E019ULL);
}
inline std::uint64_t feature(std::uint64_t tmpl, std::uint64_t a) noexcept { return combine(tmpl, a); }
inline std::uint64_t feature(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b) noexcept {
  return combine(combine(tmpl, a), b);
}
inline std::uint64_t feature(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b, std::uint64_t c) noexcept {
  return combine(combine(combine(tmpl, a), b), c);
}

struct WeightEntry {
  std::int16_t weight = 0;
  std::uint16_t cls = 0;
};

// Open addressing with linear probing. A slot packs the feature's 32-bit
// fingerprint (its upper half; the lower half picks the slot), the offset of
// its weights (24 bits) and their count (8 bits); 0 is an empty slot.
class WeightTable {
 public:
  std::uint32_t n_classes = 0;
  std::vector<std::uint64_t> slots;
  std::vector<WeightEntry> entries;

  // Adds the feature's weights to scores[0, n_classes).
  void add(std::uint64_t f, std::int32_t* scores) const noexcept {
    if (slots.empty()) return;
    const std::uint64_t mask = slots.size() - 1;
    const std::uint64_t fp = (f >> 32) | 1;
    for (std::uint64_t i = f & mask;; i = (i + 1) & mask) {
      const std::uint64_t s = slots[i];
      if (s == 0) return;
      if ((s >> 32) == fp) {
        const WeightEntry* e = entries.data() + ((s >> 8) & 0xFFFFFF);
        for (std::uint64_t k = s & 0xFF; k > 0; --k, ++e) scores[e->cls] += e->weight;
        return;
      }
    }
  }

  // Builds a table from (feature, weights) rows; rows with no weight are left out.
  static WeightTable build(std::uint32_t n_classes,
                           const std::vector<std::pair<std::uint64_t, std::vector<WeightEntry>>>& rows);
  std::size_t bytes() const noexcept { return slots.size() * 8 + entries.size() * sizeof(WeightEntry); }
};

// A set of 64-bit keys with a small value each (the tag dictionary: word form
// -> tag class), same layout as WeightTable's slots: fingerprint << 32 | value.
class KeyTable {
 public:
  std::vector<std::uint64_t> slots;

  // value + 1, or 0 when the key is absent.
  std::uint32_t find(std::uint64_t key) const noexcept {
    if (slots.empty()) return 0;
    const std::uint64_t mask = slots.size() - 1;
    const std::uint64_t fp = (key >> 32) | 1;
    for (std::uint64_t i = key & mask;; i = (i + 1) & mask) {
      const std::uint64_t s = slots[i];
      if (s == 0) return 0;
      if ((s >> 32) == fp) return static_cast<std::uint32_t>(s & 0xFFFFFFFF);
    }
  }
  static KeyTable build(const std::vector<std::pair<std::uint64_t, std::uint32_t>>& items);
  std::size_t bytes() const noexcept { return slots.size() * 8; }
};

// Parser moves (arc-eager); the label of an arc is chosen by the labeler.
enum Move : std::uint8_t { Shift = 0, Reduce = 1, Left = 2, Right = 3, kMoves = 4 };

struct ModelData {
  std::vector<PosTag> tag_classes;  // tagger class -> tag
  std::vector<Dep> label_classes;   // labeler class -> relation
  KeyTable tag_dictionary;          // exact form hash -> tagger class + 1 (frequent unambiguous words)
  WeightTable tagger;
  WeightTable moves;
  WeightTable labeler;
  std::string provenance;  // free text written by the trainer (data, date, settings)

  void save(const std::string& path) const;                // throws std::runtime_error
  static ModelData read(const std::string& path);         // throws KnowledgeError
  std::size_t bytes() const noexcept { return tag_dictionary.bytes() + tagger.bytes() + moves.bytes() + labeler.bytes(); }
};

}  // namespace standpoints::syntax

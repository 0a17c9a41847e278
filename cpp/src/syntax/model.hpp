// The syntax model's weight tables and file format (internal: the core and
// the trainer, cpp/trainer/, include it).
//
// Every classifier is a linear model over hashed features: a feature is a
// 64-bit hash of a template number and the values it combines. A table maps
// a feature to the non-zero weights it has (class, int16 weight), so a
// feature costs one probe of an open-addressing table and a few additions.
#pragma once

#include <cstdint>
#include <cstring>
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
// A feature: template number and up to three values (word hashes, tags,
// labels, counts), multiplied by distinct odd constants (a value left out
// adds nothing) and mixed once.
inline std::uint64_t feature_key(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b = 0,
                                 std::uint64_t c = 0) noexcept {
  return tmpl * 0xD6E8FEB86659FD93ULL ^ a * 0x9E3779B97F4A7C15ULL ^ b * 0xC2B2AE3D27D4EB4FULL ^
         c * 0x165667B19E3779F9ULL;
}
inline std::uint64_t feature(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) noexcept {
  return mix(feature_key(tmpl, a, b, c));
}

// The same for a WeightTable's features, whose top 32 bits alone count (the
// fingerprint and the home slot): mix()'s last step, h ^= h >> 33, leaves
// bits 31-63 as they are and is skipped. A bijection away from feature(),
// so tables keyed by either hold the same rows.
inline std::uint64_t mix_high(std::uint64_t h) noexcept {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h * 0xc4ceb9fe1a85ec53ULL;
}
inline std::uint64_t table_feature(std::uint64_t tmpl, std::uint64_t a, std::uint64_t b = 0,
                                   std::uint64_t c = 0) noexcept {
  return mix_high(feature_key(tmpl, a, b, c));
}

// A key's 32-bit fingerprint (never 0, the empty slot) and its home slot,
// taken from the fingerprint alone so that a table can be rebuilt (pruned)
// from its slots without the original hashes.
inline std::uint64_t fingerprint(std::uint64_t key) noexcept { return (key >> 32) | 1; }
inline std::uint64_t home(std::uint64_t fp, std::uint64_t mask) noexcept { return (fp >> 1) & mask; }

struct WeightEntry {
  std::int16_t weight = 0;
  std::uint16_t cls = 0;
};

// Four int32 class scores: the classifiers add weights four classes at a time
// (GCC / Clang vector extension: SSE2 on x86-64, NEON on ARM).
using Lanes = std::int32_t __attribute__((vector_size(16)));

// Open addressing with linear probing. A slot packs the feature's 32-bit
// fingerprint (which also picks the home slot), the offset of its weights
// (24 bits) and their count (8 bits); 0 is an empty slot.
//
// Rows with many weights (the frequent features: tag pairs, the bias) are
// also kept dense, as n_lanes() vectors of four int32 class weights: such a
// row costs a few vector additions instead of one addition per weight. Their
// slots carry kDenseFlag in the count byte and the dense row's number as the
// offset; sparse_slot() gives back the slot as the file stores it. A row
// takes an even number of vectors (dense_stride(); the last one zero when
// n_lanes() is odd), so that a CPU with AVX2 adds it eight classes at a time.
class WeightTable {
 public:
  static constexpr std::uint64_t kDenseFlag = 0x80;  // counts stay below 128 (n_classes < 128 when dense)
  static constexpr std::uint64_t kDenseMin = 4;      // rows with at least this many weights go dense
  std::uint32_t n_classes = 0;
  std::vector<std::uint64_t> slots;
  std::vector<WeightEntry> entries;
  std::vector<Lanes> dense;                // dense rows, dense_stride() vectors each
  std::vector<std::uint64_t> dense_slots;  // the sparse slot of each dense row

  std::uint32_t n_lanes() const noexcept { return (n_classes + 3) / 4; }
  std::uint32_t dense_stride() const noexcept { return (n_lanes() + 1) & ~1u; }

  // The slot of feature f, or 0 when the table lacks it.
  std::uint64_t find(std::uint64_t f) const noexcept {
    const std::uint64_t mask = slots.size() - 1;
    const std::uint64_t fp = fingerprint(f);
    for (std::uint64_t i = home(fp, mask);; i = (i + 1) & mask) {
      const std::uint64_t s = slots[i];
      if (s == 0 || (s >> 32) == fp) return s;
    }
  }
  // Asks the cache for feature f's home slot: a classifier asks for all its
  // features' slots before it probes the first, so that the misses overlap.
  void prefetch(std::uint64_t f) const noexcept {
    __builtin_prefetch(slots.data() + home(fingerprint(f), slots.size() - 1));
  }
  static bool is_dense(std::uint64_t slot) noexcept { return (slot & kDenseFlag) != 0; }
  const Lanes* dense_row(std::uint64_t slot) const noexcept {
    return dense.data() + ((slot >> 8) & 0xFFFFFF) * dense_stride();
  }
  std::uint64_t sparse_slot(std::uint64_t slot) const noexcept {
    return is_dense(slot) ? dense_slots[(slot >> 8) & 0xFFFFFF] : slot;
  }
  // Adds the weights of a sparse slot to scores[0, n_classes).
  void add_sparse(std::uint64_t s, std::int32_t* scores) const noexcept {
    const WeightEntry* e = entries.data() + ((s >> 8) & 0xFFFFFF);
    for (std::uint64_t k = s & 0xFF; k > 0; --k, ++e) scores[e->cls] += e->weight;
  }
  // Adds the feature's weights to scores[0, 4 * n_lanes()) (the trainer's way; inference
  // adds dense rows in registers, parse.cpp).
  void add(std::uint64_t f, std::int32_t* scores) const noexcept {
    if (slots.empty()) return;
    const std::uint64_t s = find(f);
    if (s == 0) return;
    add_sparse(sparse_slot(s), scores);
  }

  // Builds a table from (feature, weights) rows; rows with no weight are left out.
  static WeightTable build(std::uint32_t n_classes,
                           const std::vector<std::pair<std::uint64_t, std::vector<WeightEntry>>>& rows);
  // Copies rows of kDenseMin weights or more into `dense` and flags their slots.
  void index_dense();
  std::size_t bytes() const noexcept {
    return slots.size() * 8 + entries.size() * sizeof(WeightEntry) + dense.size() * sizeof(Lanes) +
           dense_slots.size() * 8;
  }
};

// The move classifier's table: the hashing trick, one bucket of four int16
// weights (one per move) per hashed feature, collisions shared. One memory
// access per feature, no probing; the trainer learns into the same buckets.
class BucketTable {
 public:
  static constexpr std::uint32_t kClasses = 4;
  using Quad = std::int16_t __attribute__((vector_size(8)));
  std::vector<std::int16_t> weights;  // buckets * 4, buckets a power of two

  std::uint64_t buckets() const noexcept { return weights.size() / kClasses; }
  std::uint64_t bucket(std::uint64_t f) const noexcept { return (f >> 20) & (buckets() - 1); }
  void add(std::uint64_t f, std::int32_t* scores) const noexcept {
    const std::int16_t* w = weights.data() + bucket(f) * kClasses;
    scores[0] += w[0];
    scores[1] += w[1];
    scores[2] += w[2];
    scores[3] += w[3];
  }
  // The bucket's four weights as int32 lanes.
  Lanes lanes(std::uint64_t f) const noexcept {
    Quad q;
    std::memcpy(&q, weights.data() + bucket(f) * kClasses, sizeof q);
    return __builtin_convertvector(q, Lanes);
  }
  std::size_t bytes() const noexcept { return weights.size() * sizeof(std::int16_t); }
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
    const std::uint64_t fp = fingerprint(key);
    for (std::uint64_t i = home(fp, mask);; i = (i + 1) & mask) {
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
  BucketTable moves;
  WeightTable labeler;
  std::string provenance;  // free text written by the trainer (data, date, settings)

  void save(const std::string& path) const;        // throws std::runtime_error
  static ModelData read(const std::string& path);  // throws KnowledgeError
  std::size_t bytes() const noexcept {
    return tag_dictionary.bytes() + tagger.bytes() + moves.bytes() + labeler.bytes();
  }
};

}  // namespace standpoints::syntax

// Weight tables, the model file and the SyntaxModel handle.
//
// File layout (little-endian), written by ModelData::save:
//   "SPSYNTAX" magic, u32 format version,
//   provenance (u32 length + bytes),
//   tag classes, label classes (u32 count, then u8 length + name each),
//   tag dictionary (u64 slot count + slots),
//   tagger table (u32 classes, u64 slot count + slots, u64 entry count + entries),
//   move buckets (u64 count + int16 weights, four per bucket),
//   labeler table (as the tagger's),
//   u64 checksum of everything before it.
#include "model.hpp"

#include <bit>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "standpoints/knowledge_error.hpp"
#include "standpoints/syntax.hpp"

namespace standpoints::syntax {

namespace {

constexpr char kMagic[8] = {'S', 'P', 'S', 'Y', 'N', 'T', 'A', 'X'};
constexpr std::uint32_t kVersion = 2;

std::size_t table_size(std::size_t n) {
  // Load factor at most 2/3, a power of two.
  return std::bit_ceil(std::max<std::size_t>(16, n + n / 2 + 1));
}

std::uint64_t checksum(const char* p, std::size_t n) {
  std::uint64_t h = 0x84222325CBF29CE4ULL;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = combine(h, w);
  }
  for (; i < n; ++i) h = combine(h, static_cast<unsigned char>(p[i]));
  return h;
}

class Writer {
 public:
  std::string out;
  template <class T>
  void pod(const T& v) {
    out.append(reinterpret_cast<const char*>(&v), sizeof(T));
  }
  template <class T>
  void vec(const std::vector<T>& v) {
    pod(static_cast<std::uint64_t>(v.size()));
    out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void str(const std::string& s) {
    pod(static_cast<std::uint32_t>(s.size()));
    out.append(s);
  }
  void table(const WeightTable& t) {
    pod(t.n_classes);
    std::vector<std::uint64_t> slots(t.slots.size());
    for (std::size_t i = 0; i < slots.size(); ++i) slots[i] = t.sparse_slot(t.slots[i]);
    vec(slots);
    vec(t.entries);
  }
};

class Reader {
 public:
  Reader(const std::string& data, const std::string& path) : data_(data), path_(path) {}
  template <class T>
  T pod() {
    need(sizeof(T));
    T v;
    std::memcpy(&v, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  template <class T>
  std::vector<T> vec() {
    const auto n = pod<std::uint64_t>();
    if (n > (data_.size() - pos_) / sizeof(T)) fail("truncated table");
    std::vector<T> v(n);
    std::memcpy(v.data(), data_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return v;
  }
  std::string str(std::size_t max_len) {
    const auto n = pod<std::uint32_t>();
    if (n > max_len) fail("string too long");
    need(n);
    std::string s(data_.data() + pos_, n);
    pos_ += n;
    return s;
  }
  WeightTable table(std::size_t max_classes) {
    WeightTable t;
    t.n_classes = pod<std::uint32_t>();
    if (t.n_classes == 0 || t.n_classes > max_classes || t.n_classes >= WeightTable::kDenseFlag)
      fail("bad class count");
    t.slots = vec<std::uint64_t>();
    t.entries = vec<WeightEntry>();
    if (!std::has_single_bit(t.slots.size())) fail("table size is not a power of two");
    for (auto s : t.slots) {
      if (!s) continue;
      const std::uint64_t off = (s >> 8) & 0xFFFFFF, n = s & 0xFF;
      if (off + n > t.entries.size()) fail("weight offset out of range");
      if (n >= WeightTable::kDenseFlag) fail("too many weights for a feature");
    }
    for (const auto& e : t.entries)
      if (e.cls >= t.n_classes) fail("weight class out of range");
    t.index_dense();
    return t;
  }
  std::size_t pos() const { return pos_; }
  [[noreturn]] void fail(const std::string& why) const {
    throw KnowledgeError(path_, 0, "damaged syntax model: " + why);
  }

 private:
  void need(std::size_t n) const {
    if (data_.size() - pos_ < n) fail("file truncated");
  }
  const std::string& data_;
  const std::string& path_;
  std::size_t pos_ = 0;
};

}  // namespace

WeightTable WeightTable::build(std::uint32_t n_classes,
                               const std::vector<std::pair<std::uint64_t, std::vector<WeightEntry>>>& rows) {
  WeightTable t;
  t.n_classes = n_classes;
  std::size_t n = 0;
  for (const auto& r : rows) n += !r.second.empty();
  t.slots.assign(table_size(n), 0);
  const std::uint64_t mask = t.slots.size() - 1;
  for (const auto& [f, weights] : rows) {
    if (weights.empty()) continue;
    if (weights.size() >= WeightTable::kDenseFlag || t.entries.size() + weights.size() > 0xFFFFFF)
      throw std::runtime_error("weight table too large");
    const std::uint64_t fp = fingerprint(f);
    std::uint64_t i = home(fp, mask);
    while (t.slots[i] != 0 && (t.slots[i] >> 32) != fp) i = (i + 1) & mask;
    if (t.slots[i] != 0) continue;  // a fingerprint collision: the first row wins
    t.slots[i] = (fp << 32) | (static_cast<std::uint64_t>(t.entries.size()) << 8) | weights.size();
    t.entries.insert(t.entries.end(), weights.begin(), weights.end());
  }
  t.index_dense();
  return t;
}

void WeightTable::index_dense() {
  dense.clear();
  dense_slots.clear();
  const std::uint32_t lanes = dense_stride();
  std::size_t n_dense = 0;
  for (const auto s : slots) n_dense += s != 0 && !is_dense(s) && (s & 0xFF) >= kDenseMin;
  dense.assign(n_dense * lanes, Lanes{});
  for (auto& s : slots) {
    if (s == 0 || is_dense(s) || (s & 0xFF) < kDenseMin) continue;
    const std::uint64_t row = dense_slots.size();
    dense_slots.push_back(s);
    Lanes* w = dense.data() + row * lanes;
    const WeightEntry* e = entries.data() + ((s >> 8) & 0xFFFFFF);
    for (std::uint64_t k = s & 0xFF; k > 0; --k, ++e) w[e->cls / 4][e->cls % 4] += e->weight;
    s = (s >> 32) << 32 | row << 8 | kDenseFlag;
  }
}

KeyTable KeyTable::build(const std::vector<std::pair<std::uint64_t, std::uint32_t>>& items) {
  KeyTable t;
  t.slots.assign(table_size(items.size()), 0);
  const std::uint64_t mask = t.slots.size() - 1;
  for (const auto& [key, value] : items) {
    const std::uint64_t fp = fingerprint(key);
    std::uint64_t i = home(fp, mask);
    while (t.slots[i] != 0 && (t.slots[i] >> 32) != fp) i = (i + 1) & mask;
    if (t.slots[i] == 0) t.slots[i] = (fp << 32) | (value + 1);
  }
  return t;
}

void ModelData::save(const std::string& path) const {
  Writer w;
  w.out.append(kMagic, 8);
  w.pod(kVersion);
  w.str(provenance);
  w.pod(static_cast<std::uint32_t>(tag_classes.size()));
  for (auto t : tag_classes) w.str(std::string(tag_name(t)));
  w.pod(static_cast<std::uint32_t>(label_classes.size()));
  for (auto d : label_classes) w.str(std::string(dep_name(d)));
  w.vec(tag_dictionary.slots);
  w.table(tagger);
  w.vec(moves.weights);
  w.table(labeler);
  w.pod(checksum(w.out.data(), w.out.size()));
  std::ofstream f(path, std::ios::binary);
  f.write(w.out.data(), static_cast<std::streamsize>(w.out.size()));
  if (!f) throw std::runtime_error("cannot write " + path);
}

ModelData ModelData::read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw KnowledgeError(path, 0, "cannot open the syntax model");
  std::ostringstream ss;
  ss << f.rdbuf();
  const std::string data = ss.str();
  Reader r(data, path);
  if (data.size() < 8 + 8 || std::memcmp(data.data(), kMagic, 8) != 0) r.fail("not a syntax model");
  std::uint64_t stored;
  std::memcpy(&stored, data.data() + data.size() - 8, 8);
  if (stored != checksum(data.data(), data.size() - 8)) r.fail("checksum mismatch");
  r.pod<std::uint64_t>();  // the magic
  if (r.pod<std::uint32_t>() != kVersion) r.fail("unsupported format version");
  ModelData m;
  m.provenance = r.str(1 << 16);
  const auto n_tags = r.pod<std::uint32_t>();
  if (n_tags == 0 || n_tags >= 256) r.fail("bad tag count");
  for (std::uint32_t i = 0; i < n_tags; ++i) {
    const std::string name = r.str(16);
    const PosTag t = tag_from_name(name);
    if (t == PosTag::None) r.fail("unknown tag " + name);
    m.tag_classes.push_back(t);
  }
  const auto n_labels = r.pod<std::uint32_t>();
  if (n_labels == 0 || n_labels >= 256) r.fail("bad label count");
  for (std::uint32_t i = 0; i < n_labels; ++i) {
    const std::string name = r.str(16);
    const Dep d = dep_from_name(name);
    if (d == Dep::None) r.fail("unknown label " + name);
    m.label_classes.push_back(d);
  }
  m.tag_dictionary.slots = r.vec<std::uint64_t>();
  if (!m.tag_dictionary.slots.empty() && !std::has_single_bit(m.tag_dictionary.slots.size()))
    r.fail("tag dictionary size is not a power of two");
  for (auto s : m.tag_dictionary.slots)
    if (s && (s & 0xFFFFFFFF) > n_tags) r.fail("tag dictionary value out of range");
  m.tagger = r.table(n_tags);
  m.moves.weights = r.vec<std::int16_t>();
  if (m.moves.weights.size() % BucketTable::kClasses != 0 || !std::has_single_bit(m.moves.buckets()))
    r.fail("the move table's size is not four times a power of two");
  m.labeler = r.table(n_labels);
  if (r.pos() != data.size() - 8) r.fail("trailing data");
  return m;
}

}  // namespace standpoints::syntax

namespace standpoints {

SyntaxModel::SyntaxModel() = default;
SyntaxModel::~SyntaxModel() = default;
SyntaxModel::SyntaxModel(SyntaxModel&&) noexcept = default;
SyntaxModel& SyntaxModel::operator=(SyntaxModel&&) noexcept = default;
SyntaxModel::SyntaxModel(std::unique_ptr<syntax::ModelData> data) : data_(std::move(data)) {}

SyntaxModel SyntaxModel::load(const std::string& path) {
  return SyntaxModel(std::make_unique<syntax::ModelData>(syntax::ModelData::read(path)));
}

std::size_t SyntaxModel::bytes() const noexcept { return data_ ? data_->bytes() : 0; }
std::string SyntaxModel::provenance() const { return data_ ? data_->provenance : std::string(); }

}  // namespace standpoints

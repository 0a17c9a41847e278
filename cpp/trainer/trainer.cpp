// The syntax model's trainer (a library: the standpoints_train_syntax tool
// and the C++ tests use it). Averaged perceptrons over the core's own
// features (cpp/src/syntax/features.hpp): the tagger (greedy, left to right,
// with a dictionary of frequent unambiguous words), the arc-eager move
// classifier (hashed buckets; dynamic oracle with exploration, Goldberg &
// Nivre 2012) and the arc labeler; weights averaged, scaled to int16, zeros
// dropped.
#include "trainer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <stdexcept>
#include <unordered_map>

#include "syntax/features.hpp"

namespace standpoints::syntax {

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', pos);
    out.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
    if (tab == std::string::npos) return out;
    pos = tab + 1;
  }
}

// The magnitude that weights are scaled to a fixed range by: the 99.99th
// percentile of the nonzero ones (a few outliers would waste the range), 1 if none.
double largest_weight(std::vector<double>& mags) {
  if (mags.empty()) return 1;
  const std::size_t k = std::min(mags.size() - 1, static_cast<std::size_t>(static_cast<double>(mags.size()) * 0.9999));
  std::nth_element(mags.begin(), mags.begin() + static_cast<std::ptrdiff_t>(k), mags.end());
  return mags[k];
}

}  // namespace

std::vector<Example> read_examples(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<Example> out;
  Example cur;
  std::string line;
  std::size_t line_no = 0;
  auto flush = [&] {
    if (!cur.tokens.empty()) out.push_back(std::move(cur));
    cur = Example{};
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) {
      flush();
      continue;
    }
    const auto f = split_tabs(line);
    if (f.size() != 7) throw std::runtime_error(path + ":" + std::to_string(line_no) + ": expected 7 fields");
    Token t;
    t.space_before = f[3] == "1";
    if (!cur.tokens.empty() && t.space_before) cur.text.push_back(' ');
    t.start = static_cast<std::uint32_t>(cur.text.size());
    cur.text += f[0];
    t.length = static_cast<std::uint32_t>(f[0].size()) & Token::kMaxLength;
    t.kind = static_cast<TokenKind>(std::stoi(f[1]));
    t.shape = static_cast<Shape>(std::stoi(f[2]));
    cur.tokens.push_back(t);
    const PosTag tag = tag_from_name(f[4]);
    if (tag == PosTag::None) throw std::runtime_error(path + ":" + std::to_string(line_no) + ": unknown tag " + f[4]);
    cur.tags.push_back(tag);
    cur.heads.push_back(std::stoi(f[5]));
    cur.deps.push_back(dep_from_name(f[6]));
  }
  flush();
  return out;
}

namespace {

bool projective(const std::vector<std::int32_t>& heads) {
  const auto n = static_cast<std::int32_t>(heads.size());
  for (std::int32_t i = 0; i < n; ++i) {
    const std::int32_t h = heads[i] < 0 ? n : heads[i];
    const std::int32_t lo = std::min(i, h), hi = std::max(i, h);
    for (std::int32_t j = lo + 1; j < hi; ++j) {
      const std::int32_t hj = heads[j] < 0 ? n : heads[j];
      if (hj < lo || hj > hi) return false;
    }
  }
  return true;
}

// --- Averaged perceptron with sparse rows

class Perceptron {
 public:
  explicit Perceptron(std::uint32_t n_classes) : n_classes_(n_classes) {}

  void score(const std::uint64_t* f, std::size_t nf, float* out) const {
    std::fill_n(out, n_classes_, 0.0f);
    for (std::size_t i = 0; i < nf; ++i) {
      const auto it = rows_.find(f[i]);
      if (it == rows_.end()) continue;
      for (const Cell& c : it->second) out[c.cls] += c.w;
    }
  }
  void tick() { ++step_; }
  void update(const std::uint64_t* f, std::size_t nf, std::uint32_t truth, std::uint32_t guess) {
    if (truth == guess) return;
    for (std::size_t i = 0; i < nf; ++i) {
      auto& row = rows_[f[i]];
      bump(row, truth, 1.0f);
      bump(row, guess, -1.0f);
    }
  }
  // Averaged weights scaled to int16; zeros dropped.
  WeightTable finish(int min_weight) const {
    std::vector<std::pair<std::uint64_t, std::vector<std::pair<std::uint16_t, double>>>> avg;
    std::vector<double> mags;
    for (const auto& [f, row] : rows_) {
      std::vector<std::pair<std::uint16_t, double>> r;
      for (const Cell& c : row) {
        const double a = (c.total + static_cast<double>(step_ - c.ts) * c.w) / static_cast<double>(step_);
        if (a != 0) {
          r.emplace_back(c.cls, a);
          mags.push_back(std::fabs(a));
        }
      }
      if (!r.empty()) avg.emplace_back(f, std::move(r));
    }
    const double top = largest_weight(mags);
    const double scale = 16000.0 / top;
    std::vector<std::pair<std::uint64_t, std::vector<WeightEntry>>> rows;
    for (const auto& [f, r] : avg) {
      std::vector<WeightEntry> e;
      for (const auto& [cls, a] : r) {
        const double q = std::clamp(std::round(a * scale), -32767.0, 32767.0);
        if (q != 0 && std::fabs(q) >= min_weight) e.push_back(WeightEntry{static_cast<std::int16_t>(q), cls});
      }
      if (!e.empty()) rows.emplace_back(f, std::move(e));
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return WeightTable::build(n_classes_, rows);
  }
  std::size_t features() const { return rows_.size(); }

 private:
  struct Cell {
    std::uint16_t cls;
    std::int64_t ts;
    float w;
    double total;
  };
  void bump(std::vector<Cell>& row, std::uint32_t cls, float delta) {
    for (Cell& c : row)
      if (c.cls == cls) {
        c.total += static_cast<double>(step_ - c.ts) * c.w;
        c.ts = step_;
        c.w += delta;
        return;
      }
    row.push_back(Cell{static_cast<std::uint16_t>(cls), step_, delta, 0.0});
  }
  std::uint32_t n_classes_;
  std::int64_t step_ = 0;
  std::unordered_map<std::uint64_t, std::vector<Cell>> rows_;
};

// The move classifier: the hashing trick over BucketTable's buckets, dense.
class BucketPerceptron {
 public:
  explicit BucketPerceptron(std::uint64_t buckets) : cells_(buckets * kMoves) {
    table_.weights.resize(buckets * kMoves);
  }

  void score(const std::uint64_t* f, std::size_t nf, float* out) const {
    std::fill_n(out, kMoves, 0.0f);
    for (std::size_t i = 0; i < nf; ++i) {
      const Cell* c = cells_.data() + table_.bucket(f[i]) * kMoves;
      for (int k = 0; k < kMoves; ++k) out[k] += c[k].w;
    }
  }
  void tick() { ++step_; }
  void update(const std::uint64_t* f, std::size_t nf, std::uint32_t truth, std::uint32_t guess) {
    if (truth == guess) return;
    for (std::size_t i = 0; i < nf; ++i) {
      Cell* c = cells_.data() + table_.bucket(f[i]) * kMoves;
      bump(c[truth], 1.0f);
      bump(c[guess], -1.0f);
    }
  }
  BucketTable finish() const {
    std::vector<double> avg(cells_.size()), mags;
    for (std::size_t i = 0; i < cells_.size(); ++i) {
      const Cell& c = cells_[i];
      avg[i] = step_ ? (c.total + static_cast<double>(step_ - c.ts) * c.w) / static_cast<double>(step_) : 0.0;
      if (avg[i] != 0) mags.push_back(std::fabs(avg[i]));
    }
    const double top = largest_weight(mags);
    BucketTable t = table_;
    for (std::size_t i = 0; i < avg.size(); ++i)
      t.weights[i] = static_cast<std::int16_t>(std::clamp(std::round(avg[i] * 16000.0 / top), -32767.0, 32767.0));
    return t;
  }
  std::size_t used() const {
    std::size_t n = 0;
    for (std::size_t i = 0; i < cells_.size(); i += kMoves) n += cells_[i].ts != 0 || cells_[i].w != 0;
    return n;
  }

 private:
  struct Cell {
    float w = 0;
    double total = 0;
    std::int64_t ts = 0;
  };
  void bump(Cell& c, float delta) {
    c.total += static_cast<double>(step_ - c.ts) * c.w;
    c.ts = step_;
    c.w += delta;
  }
  std::vector<Cell> cells_;
  BucketTable table_;
  std::int64_t step_ = 0;
};

std::uint32_t argmax(const float* s, std::uint32_t n) {
  std::uint32_t b = 0;
  for (std::uint32_t c = 1; c < n; ++c)
    if (s[c] > s[b]) b = c;
  return b;
}

// --- Training

std::vector<PosTag> all_tags() {
  std::vector<PosTag> v;
  for (int i = 1; i < static_cast<int>(PosTag::Count); ++i) v.push_back(static_cast<PosTag>(i));
  return v;
}
std::vector<Dep> all_labels() {
  std::vector<Dep> v;
  for (int i = 2; i < static_cast<int>(Dep::Count); ++i) v.push_back(static_cast<Dep>(i));  // not None, not Root
  return v;
}

void train_tagger(const std::vector<Example>& data, const TrainOptions& o, ModelData& m) {
  std::vector<std::uint32_t> cls_of(static_cast<std::size_t>(PosTag::Count), 0);
  for (std::uint32_t c = 0; c < m.tag_classes.size(); ++c) cls_of[static_cast<std::size_t>(m.tag_classes[c])] = c;
  // Tag dictionary: words seen 20+ times with one tag 99% of the time.
  std::unordered_map<std::uint64_t, std::map<std::uint32_t, std::uint32_t>> counts;
  std::vector<WordInfo> w;
  for (const auto& s : data) {
    word_infos(s.text, s.tokens.data(), s.tokens.size(), w);
    for (std::size_t i = 0; i < w.size(); ++i) ++counts[w[i].form][cls_of[static_cast<std::size_t>(s.tags[i])]];
  }
  std::vector<std::pair<std::uint64_t, std::uint32_t>> dict;
  for (const auto& [form, byc] : counts) {
    std::uint32_t total = 0, best = 0, best_cls = 0;
    for (const auto& [c, k] : byc) {
      total += k;
      if (k > best) best = k, best_cls = c;
    }
    if (total >= 20 && best >= 0.99 * total) dict.emplace_back(form, best_cls);
  }
  std::sort(dict.begin(), dict.end());
  m.tag_dictionary = KeyTable::build(dict);
  if (o.verbose) std::fprintf(stderr, "tag dictionary: %zu words\n", dict.size());

  Perceptron p(static_cast<std::uint32_t>(m.tag_classes.size()));
  std::vector<std::size_t> order(data.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(o.seed);
  std::uint64_t f[kTaggerFeatures];
  std::vector<float> scores(m.tag_classes.size());
  for (int epoch = 0; epoch < o.tagger_epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    std::size_t right = 0, total = 0;
    for (const std::size_t si : order) {
      const auto& s = data[si];
      word_infos(s.text, s.tokens.data(), s.tokens.size(), w);
      std::uint32_t prev1 = 0, prev2 = 0;
      for (std::size_t i = 0; i < w.size(); ++i) {
        const std::uint32_t gold = cls_of[static_cast<std::size_t>(s.tags[i])];
        std::uint32_t guess;
        if (const std::uint32_t d = m.tag_dictionary.find(w[i].form)) {
          guess = d - 1;
        } else {
          tagger_features(w.data(), w.size(), i, prev1, prev2, f);
          p.score(f, kTaggerFeatures, scores.data());
          guess = argmax(scores.data(), static_cast<std::uint32_t>(scores.size()));
          p.tick();
          p.update(f, kTaggerFeatures, gold, guess);
        }
        right += guess == gold;
        ++total;
        prev2 = prev1;
        prev1 = guess + 1;
      }
    }
    if (o.verbose)
      std::fprintf(stderr, "tagger epoch %d: %.4f on training data, %zu features\n", epoch + 1,
                   static_cast<double>(right) / static_cast<double>(total), p.features());
  }
  m.tagger = p.finish(o.min_weight);
}

void train_parser(const std::vector<Example>& data, const std::vector<std::vector<PosTag>>& tags, const TrainOptions& o,
                  ModelData& m) {
  std::vector<std::uint32_t> label_cls(static_cast<std::size_t>(Dep::Count), 0);
  for (std::uint32_t c = 0; c < m.label_classes.size(); ++c)
    label_cls[static_cast<std::size_t>(m.label_classes[c])] = c;
  BucketPerceptron moves(std::uint64_t{1} << o.move_bits);
  Perceptron labeler(static_cast<std::uint32_t>(m.label_classes.size()));
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < data.size(); ++i)
    if (projective(data[i].heads)) order.push_back(i);
  if (o.verbose) std::fprintf(stderr, "parser: %zu projective sentences of %zu\n", order.size(), data.size());
  std::mt19937 rng(o.seed + 1);
  std::uniform_real_distribution<double> coin(0, 1);
  std::vector<WordInfo> w;
  ParseState st;
  std::vector<std::int32_t> gold;
  std::uint64_t f[kMoveFeatures], lf[kLabelFeatures];
  std::vector<float> lscores(m.label_classes.size());
  for (int epoch = 0; epoch < o.parser_epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    const bool explore = epoch + 1 >= o.explore_from;
    std::size_t moves_right = 0, moves_total = 0, labels_right = 0, labels_total = 0;
    for (const std::size_t si : order) {
      const auto& s = data[si];
      const auto n = static_cast<std::int32_t>(s.tokens.size());
      word_infos(s.text, s.tokens.data(), s.tokens.size(), w);
      const PosTag* t = tags[si].data();
      gold.resize(static_cast<std::size_t>(n));
      for (std::int32_t i = 0; i < n; ++i) gold[i] = s.heads[i] < 0 ? n : s.heads[i];
      st.reset(n, w.data(), t);
      auto predict_label = [&](std::int32_t h, std::int32_t d) {
        label_features(st, h, d, lf);
        labeler.score(lf, kLabelFeatures, lscores.data());
        return argmax(lscores.data(), static_cast<std::uint32_t>(lscores.size()));
      };
      while (!st.done()) {
        move_features(st, f);
        float sc[kMoves];
        moves.score(f, kMoveFeatures, sc);
        int best = -1, best_zero = -1, min_cost = 1 << 30;
        int cost[kMoves];
        for (int mv = 0; mv < kMoves; ++mv) {
          if (!st.valid(static_cast<Move>(mv))) {
            cost[mv] = -1;
            continue;
          }
          cost[mv] = move_cost(st, static_cast<Move>(mv), gold.data());
          min_cost = std::min(min_cost, cost[mv]);
          if (best < 0 || sc[mv] > sc[best]) best = mv;
        }
        for (int mv = 0; mv < kMoves; ++mv)
          if (cost[mv] == min_cost && (best_zero < 0 || sc[mv] > sc[best_zero])) best_zero = mv;
        moves.tick();
        if (cost[best] != min_cost)
          moves.update(f, kMoveFeatures, static_cast<std::uint32_t>(best_zero), static_cast<std::uint32_t>(best));
        else
          ++moves_right;
        ++moves_total;
        const int next = explore && coin(rng) < 0.9 ? best : best_zero;
        Dep label = Dep::None;
        if (next == Left || next == Right) {
          const std::int32_t h = next == Left ? st.b0 : st.s0(), d = next == Left ? st.s0() : st.b0;
          const std::uint32_t guess = predict_label(h, d);
          label = m.label_classes[guess];
          if (gold[d] == h) {
            const std::uint32_t truth = label_cls[static_cast<std::size_t>(s.deps[d])];
            labeler.tick();
            labeler.update(lf, kLabelFeatures, truth, guess);
            labels_right += truth == guess;
            ++labels_total;
            label = s.deps[d];
          }
        }
        st.apply(static_cast<Move>(next), label);
      }
    }
    if (o.verbose)
      std::fprintf(stderr, "parser epoch %d%s: moves %.4f, labels %.4f; %zu move and %zu label features\n", epoch + 1,
                   explore ? " (exploring)" : "", static_cast<double>(moves_right) / static_cast<double>(moves_total),
                   static_cast<double>(labels_right) / static_cast<double>(std::max<std::size_t>(1, labels_total)),
                   moves.used(), labeler.features());
  }
  m.moves = moves.finish();
  m.labeler = labeler.finish(o.min_weight_labeler > 0 ? o.min_weight_labeler : o.min_weight);
}

// A Document holding sentences (one paragraph each) for the core's own inference.
}  // namespace

Document make_document(const std::vector<Example>& data, std::size_t first, std::size_t last) {
  Document doc;
  for (std::size_t si = first; si < last; ++si) {
    const auto& s = data[si];
    if (!doc.text.empty()) doc.text.push_back('\n');
    const auto base = static_cast<std::uint32_t>(doc.text.size());
    doc.text += s.text;
    Paragraph p{base, static_cast<std::uint32_t>(doc.text.size() - base), false, false};
    doc.paragraphs.push_back(p);
    standpoints::Sentence ds;
    ds.paragraph = static_cast<std::uint32_t>(doc.paragraphs.size() - 1);
    ds.first_token = static_cast<std::uint32_t>(doc.tokens.size());
    for (Token t : s.tokens) {
      t.start += base;
      doc.tokens.push_back(t);
    }
    ds.last_token = static_cast<std::uint32_t>(doc.tokens.size());
    doc.sentences.push_back(ds);
  }
  return doc;
}

ModelData train(const std::vector<Example>& data, const TrainOptions& o) {
  std::size_t tokens = 0;
  for (const auto& s : data) tokens += s.tokens.size();
  if (o.verbose)
    if (o.verbose) std::fprintf(stderr, "training data: %zu sentences, %zu tokens\n", data.size(), tokens);
  auto m = std::make_unique<ModelData>();
  m->tag_classes = all_tags();
  m->label_classes = all_labels();
  m->provenance = o.provenance;
  train_tagger(data, o, *m);
  // The parser learns on the tagger's own output, as it will see it.
  std::vector<std::vector<PosTag>> tags(data.size());
  {
    SyntaxModel tagger_only(std::make_unique<ModelData>(*m));
    for (std::size_t first = 0; first < data.size(); first += 1000) {
      const std::size_t last = std::min(data.size(), first + 1000);
      Document doc = make_document(data, first, last);
      std::vector<std::uint32_t> all(doc.sentences.size());
      std::iota(all.begin(), all.end(), 0u);
      tag_sentences(doc, tagger_only, all);
      for (std::size_t si = first; si < last; ++si) {
        const auto& ds = doc.sentences[si - first];
        for (std::uint32_t k = ds.first_token; k < ds.last_token; ++k) tags[si].push_back(doc.syntax.tokens[k].tag);
      }
    }
  }
  train_parser(data, tags, o, *m);
  return std::move(*m);
}

}  // namespace standpoints::syntax

#include "statements/lexicon.hpp"

#include <algorithm>

#include "standpoints/tsv.hpp"
#include "standpoints/utf8.hpp"

namespace standpoints::statements {

namespace {

constexpr std::array<std::pair<std::string_view, Act>, 9> kActs{{{"SAY", Act::Say},
                                                                 {"OFFER", Act::Offer},
                                                                 {"DEMAND", Act::Demand},
                                                                 {"URGE", Act::Urge},
                                                                 {"WARN", Act::Warn},
                                                                 {"ACCUSE", Act::Accuse},
                                                                 {"REJECT", Act::Reject},
                                                                 {"DENY", Act::Deny},
                                                                 {"SUPPORT", Act::Support}}};

constexpr std::array<std::pair<std::string_view, Pos>, 7> kPos{{{"verb", Pos::Verb},
                                                                {"noun", Pos::Noun},
                                                                {"phrase", Pos::Phrase},
                                                                {"light", Pos::Light},
                                                                {"nominal", Pos::Nominal},
                                                                {"pronoun", Pos::Pronoun},
                                                                {"cue", Pos::Cue}}};

constexpr std::array<std::pair<std::string_view, Referent>, 6> kReferents{{{"person", Referent::Person},
                                                                           {"thing", Referent::Thing},
                                                                           {"group", Referent::Group},
                                                                           {"org", Referent::Org},
                                                                           {"igo", Referent::Igo},
                                                                           {"document", Referent::Document}}};

template <class T, std::size_t N>
const T* find_named(const std::array<std::pair<std::string_view, T>, N>& table, std::string_view name) {
  for (const auto& [n, v] : table)
    if (n == name) return &v;
  return nullptr;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && s[pos] == ' ') ++pos;
    std::size_t end = pos;
    while (end < s.size() && s[end] != ' ') ++end;
    if (end > pos) out.push_back(utf8::to_lower(s.substr(pos, end - pos)));
    pos = end;
  }
  return out;
}

void read_frame(ActEntry& e, const tsv::Row& row) {
  for (auto f : tsv::split_list(row.get("frame"), ',')) {
    if (f == "obj")
      e.frame_obj = true;
    else if (f == "none")
      continue;
    else if (f.substr(0, 5) == "prep:" && f.size() > 5)
      e.frame_preps.emplace_back(f.substr(5));
    else
      row.fail("unknown frame \"" + std::string(f) + "\" (obj, prep:X, none)");
  }
}

void read_flags(ActEntry& e, const tsv::Row& row) {
  const std::array<std::pair<std::string_view, bool*>, 8> flags{{{"quote", &e.quote},
                                                                 {"modal", &e.modal},
                                                                 {"after", &e.after},
                                                                 {"needfor", &e.need_for},
                                                                 {"thatonly", &e.that_only},
                                                                 {"quoteonly", &e.quote_only},
                                                                 {"namecue", &e.name_cue},
                                                                 {"innerverb", &e.inner_verb}}};
  for (auto f : tsv::split_list(row.get("flags"), ',')) {
    bool* const* flag = find_named(flags, f);
    if (!flag) row.fail("unknown flag \"" + std::string(f) + "\"");
    **flag = true;
  }
}

ActEntry read_entry(const tsv::Row& row) {
  ActEntry e;
  e.lemma = std::string(row.get("phrase"));
  const auto pos = row.get("pos");
  const Pos* p = find_named(kPos, pos);
  if (!p) row.fail("unknown pos \"" + std::string(pos) + "\" (verb, noun, phrase, light, nominal, pronoun, cue)");
  e.pos = *p;
  const auto act = row.get("act");
  const bool trigger = e.pos == Pos::Verb || e.pos == Pos::Noun || e.pos == Pos::Phrase || e.pos == Pos::Cue;
  if (const Act* a = find_named(kActs, act))
    e.act = *a;
  else if (trigger || !act.empty())
    row.fail("unknown act \"" + std::string(act) + "\"");
  e.cameo = std::string(row.get("cameo"));
  read_frame(e, row);
  read_flags(e, row);
  const auto cls = row.get("class");
  if (!cls.empty()) {
    const Referent* r = find_named(kReferents, cls);
    if (!r) row.fail("unknown class \"" + std::string(cls) + "\"");
    e.referent = *r;
  }
  if ((e.pos == Pos::Nominal || e.pos == Pos::Pronoun) && e.referent == Referent::None)
    row.fail("a nominal or pronoun needs a class");
  return e;
}

// Verbs, nouns, phrases and light verbs: the forms a trigger match can return.
bool may_start_trigger(Pos p) noexcept {
  return p == Pos::Verb || p == Pos::Noun || p == Pos::Phrase || p == Pos::Light;
}
// Cues, verbs and phrases: the forms the content cues read.
bool may_start_cue(Pos p) noexcept { return p == Pos::Cue || p == Pos::Verb || p == Pos::Phrase; }

}  // namespace

std::string_view act_name(Act act) noexcept {
  for (const auto& [name, a] : kActs)
    if (a == act) return name;
  return {};
}

ActLexicon ActLexicon::parse(std::string_view text, const std::string& name) {
  ActLexicon lex;
  StringMap<std::vector<ActForm>> by_first;
  tsv::read_text(text, name, {"phrase", "pos", "act", "cameo", "forms", "frame"}, [&](const tsv::Row& row) {
    ActEntry e = read_entry(row);
    const auto index = static_cast<std::uint32_t>(lex.entries_.size());
    auto forms = tsv::split_list(row.get("forms"));
    if (forms.empty()) forms.push_back(row.get("phrase"));
    for (auto f : forms) {
      ActForm form;
      form.words = split_words(f);
      if (form.words.empty()) continue;
      form.entry = index;
      form.size = static_cast<std::uint32_t>(form.words.size());
      form.pos = e.pos;
      if (form.words.size() > 1) form.second_size = static_cast<std::uint32_t>(form.words[1].size());
      by_first[form.words.front()].push_back(std::move(form));
    }
    lex.entries_.push_back(std::move(e));
  });
  for (auto& [word, forms] : by_first)
    std::stable_sort(forms.begin(), forms.end(),
                     [](const ActForm& a, const ActForm& b) { return a.words.size() > b.words.size(); });
  lex.build_index(std::move(by_first));
  return lex;
}

void ActLexicon::build_index(StringMap<std::vector<ActForm>>&& by_first) {
  std::size_t cap = 16;
  while (cap < by_first.size() * 4) cap *= 2;
  index_.assign(cap, Slot{});
  words_.clear();
  forms_.clear();
  for (auto& [word, forms] : by_first) {
    const bool trigger =
        std::any_of(forms.begin(), forms.end(), [](const ActForm& f) { return may_start_trigger(f.pos); });
    const bool cue = std::any_of(forms.begin(), forms.end(), [](const ActForm& f) { return may_start_cue(f.pos); });
    const std::uint64_t h = hash(word);
    filter_[h >> (64 - kFilterBits)] |=
        static_cast<std::uint8_t>(kMayBeFirst | (trigger ? kMayStartTrigger : 0) | (cue ? kMayStartCue : 0));
    std::size_t s = h & (cap - 1);
    while (index_[s].id != 0) s = (s + 1) & (cap - 1);
    words_.push_back(word);
    forms_.push_back(std::move(forms));
    index_[s] = Slot{h, static_cast<std::uint32_t>(words_.size()), trigger};
  }
}

ActLexicon ActLexicon::load(const std::string& path) { return parse(tsv::read_whole_file(path), path); }

std::vector<std::string> ActLexicon::name_cue_verbs() const {
  std::vector<std::string> out;
  for (std::size_t w = 0; w < words_.size(); ++w)
    for (const ActForm& f : forms_[w]) {
      const ActEntry& e = entries_[f.entry];
      const std::string& word = words_[w];
      const bool finite = f.size == 1 && word != e.lemma && !(word.size() > 3 && word.ends_with("ing"));
      if (e.name_cue && e.pos == Pos::Verb && finite) out.push_back(word);
    }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace standpoints::statements

#include "statements/lexicon.hpp"

#include <algorithm>
#include <map>

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

constexpr std::array<std::pair<std::string_view, Pos>, 8> kPos{{{"verb", Pos::Verb},
                                                                {"noun", Pos::Noun},
                                                                {"phrase", Pos::Phrase},
                                                                {"light", Pos::Light},
                                                                {"nominal", Pos::Nominal},
                                                                {"pronoun", Pos::Pronoun},
                                                                {"cue", Pos::Cue},
                                                                {"idiom", Pos::Idiom}}};

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
  bool self = false, other = false;
  const std::array<std::pair<std::string_view, bool*>, 16> flags{{{"quote", &e.quote},
                                                                  {"modal", &e.modal},
                                                                  {"after", &e.after},
                                                                  {"needfor", &e.need_for},
                                                                  {"thatonly", &e.that_only},
                                                                  {"quoteonly", &e.quote_only},
                                                                  {"namecue", &e.name_cue},
                                                                  {"innerverb", &e.inner_verb},
                                                                  {"cued", &e.cued},
                                                                  {"cueonly", &e.cue_only},
                                                                  {"future", &e.future},
                                                                  {"objto", &e.obj_to},
                                                                  {"thatsay", &e.that_say},
                                                                  {"opening", &e.opening},
                                                                  {"self", &self},
                                                                  {"other", &other}}};
  for (auto f : tsv::split_list(row.get("flags"), ',')) {
    bool* const* flag = find_named(flags, f);
    if (!flag) row.fail("unknown flag \"" + std::string(f) + "\"");
    **flag = true;
  }
  if (self && other) row.fail("a cue is either self or other");
  const bool cue_flag = self || other || e.future || e.opening;
  if (cue_flag && e.pos != Pos::Cue) row.fail("self, other, future and opening are flags of cues");
  if ((e.cued || e.cue_only || e.obj_to || e.that_say) && e.pos != Pos::Verb && e.pos != Pos::Noun &&
      e.pos != Pos::Phrase)
    row.fail("cued, cueonly, objto and thatsay are flags of triggers");
  e.cued = e.cued || e.cue_only;
  e.scope = self ? CueScope::Self : other ? CueScope::Other : CueScope::Any;
}

// plover.tsv: CAMEO code prefixes and their PLOVER category (the longest
// prefix wins; an empty category: PLOVER codes no event there).
struct Crosswalk {
  std::vector<std::pair<std::string, std::string>> rows;  // prefix, category
  std::vector<std::string> categories;

  std::string of(std::string_view cameo) const {
    std::size_t best = 0;
    const std::string* out = nullptr;
    for (const auto& [prefix, category] : rows)
      if (prefix.size() > best && cameo.substr(0, prefix.size()) == prefix) {
        best = prefix.size();
        out = &category;
      }
    return out ? *out : std::string();
  }
  bool known(std::string_view category) const {
    return std::find(categories.begin(), categories.end(), category) != categories.end();
  }
};

Crosswalk read_crosswalk(const ActLexicon::NamedText& file) {
  Crosswalk c;
  tsv::read_text(file.second, file.first, {"cameo", "plover"}, [&](const tsv::Row& row) {
    const auto cameo = row.get("cameo");
    const auto plover = row.get("plover");
    if (cameo.empty() || cameo.find_first_not_of("0123456789") != std::string_view::npos)
      row.fail("a CAMEO code (digits) is needed");
    if (plover.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string_view::npos)
      row.fail("a PLOVER category is written in capitals");
    c.rows.emplace_back(cameo, plover);
    if (!plover.empty() && !c.known(plover)) c.categories.emplace_back(plover);
  });
  return c;
}

// The PLOVER category of a row: its own (`none`: no category), else its CAMEO code's.
std::string plover_of(const ActEntry& e, const tsv::Row& row, const Crosswalk& crosswalk) {
  const auto given = row.get("plover");
  if (given == "none") return {};
  if (given.empty()) return crosswalk.of(e.cameo);
  if (!crosswalk.known(given))
    row.fail("unknown PLOVER category \"" + std::string(given) + "\" (those of plover.tsv, or none)");
  return std::string(given);
}

ActEntry read_entry(const tsv::Row& row, const Crosswalk& crosswalk) {
  ActEntry e;
  e.lemma = std::string(row.get("phrase"));
  const auto pos = row.get("pos");
  const Pos* p = find_named(kPos, pos);
  if (!p)
    row.fail("unknown pos \"" + std::string(pos) + "\" (verb, noun, phrase, light, nominal, pronoun, cue, idiom)");
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
  if (!e.cameo.empty() && e.cameo.find_first_not_of("0123456789") != std::string::npos)
    row.fail("a CAMEO code is digits (\"130\")");
  e.plover = plover_of(e, row, crosswalk);
  return e;
}

// Verbs, nouns, phrases, light verbs and idioms: the forms a trigger match can return.
bool may_start_trigger(Pos p) noexcept {
  return p == Pos::Verb || p == Pos::Noun || p == Pos::Phrase || p == Pos::Light || p == Pos::Idiom;
}
// Cues, verbs, phrases and idioms: the forms the content cues read.
bool may_start_cue(Pos p) noexcept { return p == Pos::Cue || p == Pos::Verb || p == Pos::Phrase || p == Pos::Idiom; }

}  // namespace

std::string_view act_name(Act act) noexcept {
  for (const auto& [name, a] : kActs)
    if (a == act) return name;
  return {};
}

ActLexicon ActLexicon::parse(const NamedText& plover, const std::vector<NamedText>& acts) {
  const Crosswalk crosswalk = read_crosswalk(plover);
  ActLexicon lex;
  std::vector<ActForm> forms;                                     // in file order
  std::vector<std::size_t> file_of_entry;                         // the file each entry comes from
  std::map<std::pair<std::string, Pos>, std::uint32_t> entry_of;  // (phrase, pos) -> entry
  for (std::size_t file = 0; file < acts.size(); ++file) {
    tsv::read_text(acts[file].second, acts[file].first, {"phrase", "pos", "act", "cameo", "forms", "frame"},
                   [&](const tsv::Row& row) {
                     ActEntry e = read_entry(row, crosswalk);
                     auto [it, added] =
                         entry_of.try_emplace({e.lemma, e.pos}, static_cast<std::uint32_t>(lex.entries_.size()));
                     const std::uint32_t index = it->second;
                     if (added) {
                       lex.entries_.push_back(std::move(e));
                       file_of_entry.push_back(file);
                     } else {
                       // The same phrase and pos again: this row replaces the earlier one.
                       lex.entries_[index] = std::move(e);
                       file_of_entry[index] = file;
                       std::erase_if(forms, [&](const ActForm& f) { return f.entry == index; });
                     }
                     auto list = tsv::split_list(row.get("forms"));
                     if (list.empty()) list.push_back(row.get("phrase"));
                     for (auto text : list) {
                       ActForm form;
                       form.words = split_words(text);
                       if (form.words.empty()) continue;
                       form.entry = index;
                       form.size = static_cast<std::uint32_t>(form.words.size());
                       form.pos = lex.entries_[index].pos;
                       if (form.words.size() > 1) form.second_size = static_cast<std::uint32_t>(form.words[1].size());
                       // A later file's form replaces an earlier file's form of the same words and pos.
                       if (file > 0)
                         std::erase_if(forms, [&](const ActForm& f) {
                           return f.pos == form.pos && f.words == form.words && file_of_entry[f.entry] < file;
                         });
                       forms.push_back(std::move(form));
                     }
                   });
  }
  StringMap<std::vector<ActForm>> by_first;
  for (auto& f : forms) by_first[f.words.front()].push_back(std::move(f));
  for (auto& [word, list] : by_first)
    std::stable_sort(list.begin(), list.end(),
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

ActLexicon ActLexicon::load(const std::string& plover_path, const std::vector<std::string>& act_paths) {
  std::vector<NamedText> acts;
  for (const auto& p : act_paths) acts.emplace_back(p, tsv::read_whole_file(p));
  return parse({plover_path, tsv::read_whole_file(plover_path)}, acts);
}

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

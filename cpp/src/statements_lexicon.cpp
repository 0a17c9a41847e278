// The act lexicon: acts.tsv into hash maps keyed by the first word of each form.
#include <algorithm>
#include <array>
#include <cstring>

#include "standpoints/statements.hpp"
#include "standpoints/tsv.hpp"
#include "standpoints/utf8.hpp"

namespace standpoints {

namespace {

const char* const kActs[] = {"SAY", "OFFER", "DEMAND", "URGE", "WARN", "ACCUSE", "REJECT", "DENY", "SUPPORT"};

// A word's first eight bytes as ActLexicon::padded_key() reads them.
std::uint64_t key8_of(std::string_view w) {
  char padded[8] = {};
  std::memcpy(padded, w.data(), std::min<std::size_t>(w.size(), 8));
  return ActLexicon::padded_key(std::string_view(padded, std::min<std::size_t>(w.size(), 8)));
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

void add_row(ActLexicon& lex, std::vector<ActEntry>& entries,
             boost::unordered_flat_map<std::string, std::vector<ActForm>, WordHash, std::equal_to<>>& by_first,
             const tsv::Row& row) {
  ActEntry e;
  e.lemma = std::string(row.get("phrase"));
  const auto pos = row.get("pos");
  if (pos == "verb")
    e.pos = ActEntry::Pos::Verb;
  else if (pos == "noun")
    e.pos = ActEntry::Pos::Noun;
  else if (pos == "phrase")
    e.pos = ActEntry::Pos::Phrase;
  else if (pos == "light")
    e.pos = ActEntry::Pos::Light;
  else if (pos == "nominal")
    e.pos = ActEntry::Pos::Nominal;
  else if (pos == "pronoun")
    e.pos = ActEntry::Pos::Pronoun;
  else if (pos == "cue")
    e.pos = ActEntry::Pos::Cue;
  else
    row.fail("unknown pos \"" + std::string(pos) + "\" (verb, noun, phrase, light, nominal, pronoun, cue)");
  const bool trigger = e.pos == ActEntry::Pos::Verb || e.pos == ActEntry::Pos::Noun || e.pos == ActEntry::Pos::Phrase ||
                       e.pos == ActEntry::Pos::Cue;
  e.act = std::string(row.get("act"));
  if (trigger) {
    if (std::find(std::begin(kActs), std::end(kActs), e.act) == std::end(kActs))
      row.fail("unknown act \"" + e.act + "\"");
  }
  e.cameo = std::string(row.get("cameo"));
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
  for (auto f : tsv::split_list(row.get("flags"), ',')) {
    if (f == "quote")
      e.quote = true;
    else if (f == "modal")
      e.modal = true;
    else if (f == "after")
      e.after = true;
    else if (f == "needfor")
      e.need_for = true;
    else if (f == "thatonly")
      e.that_only = true;
    else if (f == "quoteonly")
      e.quote_only = true;
    else if (f == "namecue")
      e.name_cue = true;
    else
      row.fail("unknown flag \"" + std::string(f) + "\"");
  }
  const auto cls = row.get("class");
  if (cls.empty())
    e.cls = ActEntry::Class::None;
  else if (cls == "person")
    e.cls = ActEntry::Class::Person;
  else if (cls == "thing")
    e.cls = ActEntry::Class::Thing;
  else if (cls == "group")
    e.cls = ActEntry::Class::Group;
  else if (cls == "org")
    e.cls = ActEntry::Class::Org;
  else if (cls == "igo")
    e.cls = ActEntry::Class::Igo;
  else if (cls == "document")
    e.cls = ActEntry::Class::Document;
  else
    row.fail("unknown class \"" + std::string(cls) + "\"");
  if ((e.pos == ActEntry::Pos::Nominal || e.pos == ActEntry::Pos::Pronoun) && e.cls == ActEntry::Class::None)
    row.fail("a nominal or pronoun needs a class");
  const auto index = static_cast<std::uint32_t>(entries.size());
  auto forms = tsv::split_list(row.get("forms"));
  if (forms.empty()) forms.push_back(row.get("phrase"));
  for (auto f : forms) {
    ActForm form;
    form.words = split_words(f);
    form.entry = index;
    if (form.words.empty()) continue;
    form.size = static_cast<std::uint32_t>(form.words.size());
    form.pos = e.pos;
    if (form.words.size() > 1) {
      form.second_size = static_cast<std::uint32_t>(form.words[1].size());
      form.second_key = key8_of(form.words[1]);
    }
    by_first[form.words.front()].push_back(std::move(form));
  }
  entries.push_back(std::move(e));
  (void)lex;
}

// Verbs, nouns, phrases and light verbs: the forms Extractor::match() can return.
bool may_start_trigger(const ActEntry& e) noexcept {
  return e.pos == ActEntry::Pos::Verb || e.pos == ActEntry::Pos::Noun || e.pos == ActEntry::Pos::Phrase ||
         e.pos == ActEntry::Pos::Light;
}

}  // namespace

void ActLexicon::add_to_filter(std::array<std::uint64_t, 256>& len, std::array<std::uint64_t, 1024>& two_bytes,
                               std::string_view word) {
  const std::size_t two = static_cast<std::size_t>(static_cast<unsigned char>(word[0])) << 8 |
                          (word.size() > 1 ? static_cast<unsigned char>(word[1]) : 0u);
  two_bytes[two >> 6] |= std::uint64_t{1} << (two & 63);
  if (word.size() < 64)
    len[static_cast<unsigned char>(word[0])] |= std::uint64_t{1} << word.size();
  else
    len[static_cast<unsigned char>(word[0])] = ~std::uint64_t{0};
}

ActLexicon ActLexicon::parse(std::string_view text, const std::string& name) {
  ActLexicon lex;
  tsv::read_text(text, name, {"phrase", "pos", "act", "cameo", "forms", "frame"},
                 [&](const tsv::Row& row) { add_row(lex, lex.entries_, lex.by_first_, row); });
  for (auto& [word, forms] : lex.by_first_) {
    add_to_filter(lex.first_len_, lex.first_two_, word);
    lex.add_to_filter_byte(kMayBeFirst, word);
    if (std::any_of(forms.begin(), forms.end(),
                    [&](const ActForm& f) { return may_start_trigger(lex.entries_[f.entry]); }))
      lex.add_to_filter_byte(kMayStartTrigger, word);
    if (std::any_of(forms.begin(), forms.end(), [](const ActForm& f) {
          return f.pos == ActEntry::Pos::Cue || f.pos == ActEntry::Pos::Verb || f.pos == ActEntry::Pos::Phrase;
        }))
      lex.add_to_filter_byte(kMayStartCue, word);
    std::stable_sort(forms.begin(), forms.end(),
                     [](const ActForm& a, const ActForm& b) { return a.words.size() > b.words.size(); });
  }
  lex.build_index();
  return lex;
}

void ActLexicon::build_index() {
  std::size_t cap = 16;
  unsigned bits = 4;
  while (cap < by_first_.size() * 4) {
    cap *= 2;
    ++bits;
  }
  index_.assign(cap, Slot{});
  index_shift_ = 64 - bits;
  index_words_.clear();
  index_forms_.clear();
  index_trigger_.clear();
  for (const auto& [word, forms] : by_first_) {
    const std::uint64_t k = key8(word);
    std::size_t s = slot_of(k, word.size());
    while (index_[s].size != 0) s = (s + 1) & (cap - 1);
    index_[s] = Slot{k, static_cast<std::uint32_t>(word.size()), static_cast<std::uint32_t>(index_words_.size())};
    index_words_.push_back(word);
    index_forms_.push_back(forms);
    index_trigger_.push_back(std::any_of(forms.begin(), forms.end(),
                                         [&](const ActForm& f) { return may_start_trigger(entries_[f.entry]); }));
  }
}

ActLexicon ActLexicon::load(const std::string& path) { return parse(tsv::read_whole_file(path), path); }

std::vector<std::string> ActLexicon::name_cue_verbs() const {
  std::vector<std::string> out;
  for (const auto& [word, forms] : by_first_)
    for (const ActForm& f : forms) {
      const ActEntry& e = entries_[f.entry];
      const bool finite = f.size == 1 && word != e.lemma && !(word.size() > 3 && word.ends_with("ing"));
      if (e.name_cue && e.pos == ActEntry::Pos::Verb && finite) out.push_back(word);
    }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace standpoints

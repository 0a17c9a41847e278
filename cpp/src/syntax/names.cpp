// Names of the tags and relations (the Penn Treebank and ClearNLP inventories
// spaCy's English models use), and the mapping of other inventories onto
// them: the label merges of document.hpp and Universal Dependencies names.
#include <array>
#include <string_view>
#include <utility>

#include "standpoints/syntax.hpp"

namespace standpoints {

namespace {

constexpr std::array<std::string_view, static_cast<std::size_t>(PosTag::Count)> kTagNames = {
    "",    "$",   "''",   ",",   "-LRB-", "-RRB-", ".",   ":",   "ADD", "AFX", "CC", "CD",  "DT",
    "EX",  "FW",  "HYPH", "IN",  "JJ",    "JJR",   "JJS", "LS",  "MD",  "NFP", "NN", "NNP", "NNPS",
    "NNS", "PDT", "POS",  "PRP", "PRP$",  "RB",    "RBR", "RBS", "RP",  "SYM", "TO", "UH",  "VB",
    "VBD", "VBG", "VBN",  "VBP", "VBZ",   "WDT",   "WP",  "WP$", "WRB", "XX",  "``"};

constexpr std::array<std::string_view, static_cast<std::size_t>(Dep::Count)> kDepNames = {
    "",      "ROOT",  "nsubj",   "nsubjpass", "csubj",    "dobj",  "dative", "attr",      "oprd",     "ccomp",
    "xcomp", "acomp", "agent",   "prep",      "pobj",     "pcomp", "advcl",  "relcl",     "acl",      "conj",
    "cc",    "appos", "poss",    "case",      "compound", "det",   "amod",   "nummod",    "npadvmod", "advmod",
    "neg",   "aux",   "auxpass", "mark",      "prt",      "expl",  "punct",  "parataxis", "dep"};

// Labels outside the inventory above: ClearNLP's rarer ones and Universal
// Dependencies (spaCy models of other languages, UD-trained pipelines).
constexpr std::array<std::pair<std::string_view, Dep>, 30> kDepAliases = {{
    {"csubjpass", Dep::Csubj},
    {"predet", Dep::Det},
    {"preconj", Dep::Cc},
    {"quantmod", Dep::Advmod},
    {"intj", Dep::Dep},
    {"meta", Dep::Dep},
    {"nmod", Dep::Dep},
    {"root", Dep::Root},
    {"obj", Dep::Dobj},
    {"iobj", Dep::Dative},
    {"nsubj:pass", Dep::Nsubjpass},
    {"csubj:pass", Dep::Csubj},
    {"aux:pass", Dep::Auxpass},
    {"obl", Dep::Pobj},
    {"obl:agent", Dep::Pobj},
    {"nmod:poss", Dep::Poss},
    {"compound:prt", Dep::Prt},
    {"flat", Dep::Compound},
    {"flat:name", Dep::Compound},
    {"fixed", Dep::Dep},
    {"cop", Dep::Aux},
    {"advmod:neg", Dep::Neg},
    {"det:predet", Dep::Det},
    {"nmod:tmod", Dep::Npadvmod},
    {"obl:tmod", Dep::Npadvmod},
    {"nmod:npmod", Dep::Npadvmod},
    {"obl:npmod", Dep::Npadvmod},
    {"list", Dep::Dep},
    {"vocative", Dep::Dep},
    {"discourse", Dep::Dep},
}};

// Universal parts of speech -> the most common Penn tag of each.
constexpr std::array<std::pair<std::string_view, PosTag>, 17> kUposTags = {{
    {"NOUN", PosTag::NN},
    {"PROPN", PosTag::NNP},
    {"VERB", PosTag::VB},
    {"AUX", PosTag::VBZ},
    {"ADJ", PosTag::JJ},
    {"ADV", PosTag::RB},
    {"ADP", PosTag::IN},
    {"DET", PosTag::DT},
    {"PRON", PosTag::PRP},
    {"NUM", PosTag::CD},
    {"CCONJ", PosTag::CC},
    {"SCONJ", PosTag::IN},
    {"PART", PosTag::RP},
    {"PUNCT", PosTag::Comma},
    {"SYM", PosTag::SYM},
    {"INTJ", PosTag::UH},
    {"X", PosTag::XX},
}};

}  // namespace

std::string_view tag_name(PosTag tag) noexcept {
  const auto i = static_cast<std::size_t>(tag);
  return i < kTagNames.size() ? kTagNames[i] : std::string_view();
}

std::string_view dep_name(Dep dep) noexcept {
  const auto i = static_cast<std::size_t>(dep);
  return i < kDepNames.size() ? kDepNames[i] : std::string_view();
}

PosTag tag_from_name(std::string_view name) noexcept {
  if (name.empty()) return PosTag::None;
  for (std::size_t i = 1; i < kTagNames.size(); ++i)
    if (kTagNames[i] == name) return static_cast<PosTag>(i);
  for (const auto& [upos, tag] : kUposTags)
    if (upos == name) return tag;
  if (name == "_SP" || name == "SPACE") return PosTag::None;
  return PosTag::None;
}

Dep dep_from_name(std::string_view name) noexcept {
  if (name.empty()) return Dep::None;
  for (std::size_t i = 1; i < kDepNames.size(); ++i)
    if (kDepNames[i] == name) return static_cast<Dep>(i);
  for (const auto& [alias, dep] : kDepAliases)
    if (alias == name) return dep;
  // Other UD subtypes ("nmod:gmod", "acl:relcl"): the base relation.
  if (const auto colon = name.find(':'); colon != std::string_view::npos) {
    const auto base = name.substr(0, colon);
    if (name == "acl:relcl") return Dep::Relcl;
    return base == name ? Dep::Dep : dep_from_name(base);
  }
  return Dep::Dep;
}

bool is_verb(PosTag t) noexcept { return t >= PosTag::VB && t <= PosTag::VBZ; }
bool is_noun(PosTag t) noexcept { return t == PosTag::NN || t == PosTag::NNS || t == PosTag::NNP || t == PosTag::NNPS; }
bool is_nominal_head(PosTag t) noexcept {
  return is_noun(t) || t == PosTag::PRP || t == PosTag::WP || t == PosTag::CD || t == PosTag::EX;
}
bool is_punctuation(PosTag t) noexcept {
  switch (t) {
    case PosTag::CloseQuote:
    case PosTag::Comma:
    case PosTag::LRB:
    case PosTag::RRB:
    case PosTag::Period:
    case PosTag::Colon:
    case PosTag::HYPH:
    case PosTag::NFP:
    case PosTag::OpenQuote:
      return true;
    default:
      return false;
  }
}

}  // namespace standpoints

// Entity finding: candidate name spans from the knowledge-base matcher (a
// token-phrase index, longest match first) and the capitalised-span finder
// with cues (titles, organisation heads, treaty and event tails).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "standpoints/document.hpp"
#include "standpoints/segmenter.hpp"
#include "standpoints/string_map.hpp"

namespace standpoints {

struct Knowledge;

// A dated actor code: valid from `from` to `to` (YYYYMMDD integers, inclusive).
struct Office {
  std::string actor;
  std::int32_t from = 0;
  std::int32_t to = 99991231;
  bool dated() const noexcept { return from != 0 || to != 99991231; }
};

enum ActorFlag : std::uint8_t {
  kSeat = 1,     // capital or seat of government: GOV code for the government, country as a place
  kSurname = 2,  // the last word alone refers to it once the full name was seen
  kMedia = 4,
  kIgo = 8,
  kDemonym = 16,
  kUser = 32,          // from the user's files
  kGeneric = 64,       // a body's name other countries' bodies share ("Senate", "Supreme Court"): after another
                       // country's adjective or possessive, or in a story set in another country, it is that country's
  kFamilyFirst = 128,  // the first word alone (a family name said first) refers to it once the full name was seen
};

struct ActorEntry {
  std::string id;
  std::string type;  // PERSON, ORG, GPE, LOC, NORP, LAW, EVENT
  std::string name;
  std::string country;
  std::vector<Office> offices;
  std::uint8_t flags = 0;
};

// One actor as users give it (Python `add_actor`, JSON files).
struct ActorSpec {
  std::string id;
  std::string name;
  std::string type = "PERSON";
  std::string actor;
  std::string country;
  std::string from, to;  // YYYY-MM-DD, YYYY or empty
  std::vector<std::string> aliases;
  std::vector<std::string> flags;
};

// The actors of the knowledge base, with a phrase index over their names.
class ActorTable {
 public:
  // Loads each file in order; later files (the user's) win over earlier ones.
  // Formats by extension: .tsv (actors.tsv shape), .json (a list of ActorSpec
  // objects), anything else: PETRARCH/TABARI actor dictionaries.
  static ActorTable load(const std::vector<std::string>& paths, const SegmenterRules& rules,
                         std::size_t builtin_files = 1);

  void add(const ActorSpec& spec, bool user, const std::string& where = "");
  // Adds the actors of a JSON list (ActorSpec fields); `name` is used in errors.
  void add_json(const std::string& text, const std::string& name, bool user);

  std::size_t size() const noexcept { return entries_.size(); }
  const ActorEntry& entry(std::uint32_t i) const { return entries_[i]; }

  // Longest phrase starting at token `i` of `doc` (not beyond `end`). Returns
  // the number of tokens matched and the best entry; `folded` compares
  // lower-cased text (ALL CAPS headlines).
  std::size_t match(const Document& doc, std::size_t i, std::size_t end, bool folded, std::uint32_t* entry) const;

  // The entry's code at the article date (YYYYMMDD, 0 = unknown).
  std::string actor_at(const ActorEntry& e, std::int32_t date) const;

  // True for a word that opens some known person's name ("Vladimir"): the
  // capitalised-span finder takes unknown two-word names as people only then.
  bool is_given_name(std::string_view word) const { return given_names_.find(word) != given_names_.end(); }
  // The people with the surname flag whose name ends in `word` ("McConnell"), or null.
  const std::vector<std::uint32_t>* people_with_surname(std::string_view word) const {
    const auto it = surnames_.find(word);
    return it == surnames_.end() ? nullptr : &it->second;
  }

  // An exact single-word alias (used to test capitalised words).
  const std::vector<std::uint32_t>* lookup_phrase(std::string_view key) const;

  // The entry with this id, or -1.
  std::int32_t find_id(std::string_view id) const {
    const auto it = by_id_.find(id);
    return it == by_id_.end() ? -1 : static_cast<std::int32_t>(it->second);
  }

 private:
  void index_alias(std::uint32_t entry, std::string_view alias, bool user);
  bool may_continue_folded(std::string_view word) const;
  void load_tsv(const std::string& path, bool user);
  void load_json(const std::string& path, bool user);
  void load_petrarch(const std::string& path, bool user);

  SegmenterRules rules_;
  std::vector<ActorEntry> entries_;
  StringMap<std::uint32_t> by_id_;
  // A token trie kept in hash maps: every alias and every proper prefix of
  // one (tokens joined by '\x1f') is a key, so matching extends one token at
  // a time and stops at the first key that is no prefix.
  struct Node {
    std::int32_t list = -1;  // index into lists_ when the key is a whole alias
    bool prefix = false;     // some longer alias starts with this key
  };
  StringMap<Node> exact_;                          // as written
  StringMap<Node> folded_;                         // lower-cased
  std::vector<std::vector<std::uint32_t>> lists_;  // entries per alias, best first
  // Lower-cased words that occur after the first token of some alias: a
  // lower-case word outside this set ends every folded match ("Russian
  // troops"), so the matcher need not walk the folded trie for it.
  StringSet folded_tails_;
  StringSet given_names_;
  StringMap<std::vector<std::uint32_t>> surnames_;  // last word of a surname-flagged person's name -> entries
  std::vector<Token> scratch_tokens_;               // reused while loading
};

// Name cues for names outside the knowledge base (name_cues.tsv).
class NameCues {
 public:
  enum Kind : std::uint32_t {
    kTitle = 1,
    kRole = 2,
    kOrgHead = 4,
    kOrgFirst = 8,
    kLawTail = 16,
    kEventTail = 32,
    kStop = 64,
    kConnector = 128,
    kOrgCue = 256,   // a common noun before an organisation's name ("insurer Allianz")
    kOrgTail = 512,  // a common noun after one ("the Azov regiment")
    kNotGiven = 1024,
    kGpeTail = 2048,
    kLocTail = 4096,
    kFacTail = 8192,
    kSpeechVerb = 1u << 14,    // a verb of saying after a name makes it a person's ("Jane Roe said"): from acts.tsv
    kParticle = 1u << 15,      // a connector inside personal names ("al", "van")
    kStateStyle = 1u << 16,    // a state's formal style before "of" + its name ("Kingdom of Jordan")
    kPlaceNoun = 1u << 17,     // a noun before "of" + a small place ("the town of Qusair")
    kOrgWord = 1u << 18,       // a word inside an organisation's name that gives its role ("Defense Ministry")
    kPlaceBefore = 1u << 19,   // a word before a capital that names the place, not its government ("in Moscow")
    kRoleModifier = 1u << 20,  // a word between a body and a role ("Kremlin senior spokesman")
    kFormer = 1u << 21,        // a word that makes the office after it a past one ("former", "retired")
    kSeatWord = 1u << 22,      // a word for an organisation's seat after a place ("Chicago-based", "based in")
    kNameSuffix = 1u << 23,    // a generational numeral that closes a person's name ("Newkirk II")
  };
  // name_cues.tsv, and the rows of agents.tsv that are name cues (a `cue`
  // column of title, role, org_head, org_first, org_cue or org_tail).
  static NameCues load(const std::string& path, const std::string& agents_path, const SegmenterRules& rules);
  // Adds a word of `kind` that another data file gives (the speech verbs of acts.tsv).
  void add_word(std::string_view word, Kind kind);
  std::uint32_t kinds(std::string_view word) const;
  // Role code given by a cue of `kind` for `word` ("" if none).
  std::string_view role(std::string_view word, Kind kind) const;
  // True for a word (any case) that opens a multi-word title or role phrase.
  bool starts_phrase(std::string_view word) const;
  // Longest multi-word title/role phrase starting at token i: number of tokens, 0 if none.
  // With `memo`, token i's kinds come from the document's memo (TokenCues).
  std::size_t phrase_at(const Document& doc, std::size_t i, std::size_t end, Kind kind, std::string* role,
                        class TokenCues* memo = nullptr) const;

  // Agent words: every phrase of agents.tsv and its forms, compared case-blind.
  struct Agent {
    std::string role;   // the first role code; empty for a profession or rank ("analyst", "Mr.")
    bool body = false;  // names an organisation ("ministry") or people as a group ("police")
  };
  // The longest agent phrase starting at token i (not beyond `end`): its
  // number of tokens (0 if none) and, through `agent`, what it gives.
  std::size_t agent_at(const Document& doc, std::size_t i, std::size_t end, const Agent** agent) const;

 private:
  void add(Kind kind, const std::string& cue, const std::string& role, const SegmenterRules& rules);
  void add_agent(std::string_view phrase, Agent agent, const SegmenterRules& rules);
  // phrase_at() from the n-th word `from` on (the words before it gave
  // `best`), for words whose lower case changes their length, and long phrases.
  std::size_t phrase_at_slow(const Document& doc, std::size_t i, std::size_t end, Kind kind, std::string* role,
                             std::uint32_t kinds0, std::size_t from, std::size_t best) const;
  // agent_at() for words whose lower case changes their length, and long phrases.
  std::size_t agent_at_slow(const Document& doc, std::size_t i, std::size_t end, const Agent** agent) const;

  StringMap<std::uint32_t> kinds_;
  StringMap<std::string> roles_;    // key: kind '|' word
  StringMap<std::string> phrases_;  // key: kind '|' folded tokens joined by ' '
  StringSet phrase_starts_;         // folded first words of multi-word phrases
  WordFilter<false, 16384> kinds_filter_;
  WordFilter<true> starts_filter_;
  std::size_t max_phrase_ = 1;
  // Agent phrases, kept apart from the cue tables that the finder asks about
  // every capitalised word: only the resolver reads them, near names.
  StringMap<Agent> agents_;  // folded tokens joined by ' '
  StringSet agent_starts_;   // folded first words of phrases of two words or more
  // The folded first word of every agent phrase: most words that the readers
  // of context ask about start none, and the filter says so before the two
  // hashed look-ups.
  WordFilter<false, 16384> agent_first_filter_;
  std::size_t max_agent_ = 1;
};

// Party-state labels after a legislator's name: "(D-Calif.)", ", R-Texas,"
// (party_labels.tsv): a party's letter, a hyphen and one of its country's
// regions (the AP abbreviation, the postal code or the name).
class PartyLabels {
 public:
  struct Party {
    std::string country;      // ISO 3166-1 alpha-3
    std::int32_t entry = -1;  // the party's actor in the knowledge base (its NORP), or -1 ("I": independent)
    std::string role;         // what a person with the label is (LEG: a legislator)
  };
  static PartyLabels load(const std::string& path, const ActorTable& actors);
  // The party a label letter stands for, or nullptr.
  const Party* party(std::string_view label) const;
  // The party whose actor is knowledge-base entry `entry` ("Republican"), or nullptr.
  const Party* party_of(std::int32_t entry) const {
    for (const auto& [label, p] : parties_)
      if (p.entry == entry && entry >= 0) return &p;
    return nullptr;
  }
  // A label starting at token i: the party, and the region's tokens [*region, returned end); 0 if none.
  std::size_t label_at(const Document& doc, std::size_t i, std::size_t end, const Party** party,
                       std::size_t* region) const;

 private:
  StringMap<Party> parties_;
  StringSet regions_;               // country '|' region as written
  std::size_t longest_region_ = 1;  // in tokens
};

// The cue kinds of a document's tokens, each looked up once (lazily) and
// kept for the finder and the resolver, which ask about the same words many
// times. Per document and per call: the shared NameCues stay immutable.
// A document of up to kMaxSlots tokens (news) has a slot for each token; a
// huge one (a million tiny paragraphs: 12 MB as a slot per token) has
// kMaxSlots, shared by the tokens as a direct-mapped cache (token i in slot
// i mod kMaxSlots, which remembers whose it is): the questions about a
// token come close together (a name and the words around it).
class TokenCues {
 public:
  static constexpr std::size_t kMaxSlots = std::size_t{1} << 14;

  TokenCues(const Document& doc, const NameCues& cues)
      : doc_(doc), cues_(cues), info_(std::min(doc.tokens.size(), kMaxSlots), 0) {
    if (doc.tokens.size() > kMaxSlots) owner_.assign(kMaxSlots, kNoToken);
  }
  // NameCues::kinds of token i's text.
  std::uint32_t kinds(std::size_t i) {
    std::uint32_t& v = info(i);
    if (!(v & kKindsKnown)) v |= kKindsKnown | cues_.kinds(text(i));
    return v & kKindsMask;
  }
  // NameCues::starts_phrase of token i's text.
  bool starts_phrase(std::size_t i) {
    std::uint32_t& v = info(i);
    if (!(v & kStartsKnown)) v |= kStartsKnown | (cues_.starts_phrase(text(i)) ? kStarts : 0);
    return (v & kStarts) != 0;
  }

 private:
  // The low 24 bits: the cue kinds; above them, whether kinds and
  // starts_phrase were looked up, and the latter's answer.
  static constexpr std::uint32_t kKindsMask = 0xFFFFFF, kKindsKnown = 1u << 24, kStartsKnown = 1u << 25,
                                 kStarts = 1u << 26;
  static constexpr std::uint32_t kNoToken = UINT32_MAX;  // no token has this index (text < 4 GiB)
  // Token i's slot (0 = nothing looked up yet); in a huge document, taken
  // over (and cleared) if another token held it.
  std::uint32_t& info(std::size_t i) {
    if (owner_.empty()) [[likely]]
      return info_[i];
    const std::size_t s = i & (kMaxSlots - 1);
    if (owner_[s] != i) {
      owner_[s] = static_cast<std::uint32_t>(i);
      info_[s] = 0;
    }
    return info_[s];
  }
  std::string_view text(std::size_t i) const {
    const Token& t = doc_.tokens[i];
    return std::string_view(doc_.text).substr(t.start, t.end() - t.start);
  }
  const Document& doc_;
  const NameCues& cues_;
  std::vector<std::uint32_t> info_;   // 0 = nothing looked up yet
  std::vector<std::uint32_t> owner_;  // huge document: the token each slot holds (kNoToken: none)
};

// Sorts mentions by start offset. Most passes leave them sorted or append a
// few: the check is linear, and an unsorted list is sorted through an index
// so that each (string-holding) mention moves once.
void sort_mentions_by_start(std::vector<Mention>& mentions);

// Date "YYYY-MM-DD" (or YYYY) as YYYYMMDD; 0 when absent or unparsable.
std::int32_t date_number(std::string_view date, bool end_of_period = false);

// Adds name mentions (doc.mentions, sorted by start) in non-boilerplate
// paragraphs: knowledge-base phrases first, then capitalised spans with cues.
void find_mentions(Document& doc, const Knowledge& knowledge);

// Token text helpers shared by the entity stages.
// (A view made directly: tokens lie within the text by construction, and
// substr's range check made many of the callers' calls out of line.)
inline std::string_view token_text(const Document& doc, const Token& t) {
  return std::string_view(doc.text.data() + t.start, t.length);
}

}  // namespace standpoints

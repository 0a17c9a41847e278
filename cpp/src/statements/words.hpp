// Grammar words of the statement stage (auxiliaries, adverbs, determiners,
// prepositions, time words): closed classes of English, not knowledge, so
// they live in code. Knowledge (triggers, cues, nominal heads) is in acts.tsv.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace standpoints::statements {

// Token text. Comparing it with a literal ("and", ",") tests the length and
// then a fixed number of bytes, which the compiler does inline; the
// std::string_view operator calls memcmp for each equal-length word.
struct Word : std::string_view {
  Word() = default;
  constexpr Word(std::string_view w) noexcept : std::string_view(w) {}
  template <std::size_t N>
  friend bool operator==(Word w, const char (&lit)[N]) noexcept {
    return w.size() == N - 1 && std::memcmp(w.data(), lit, N - 1) == 0;
  }
  friend bool operator==(Word w, std::string_view s) noexcept { return equal_bytes(w, s); }
  // Short words: a byte loop is cheaper than a memcmp call.
  static bool equal_bytes(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
};

// A short word list. The hot loops ask it about most tokens near a trigger,
// and most words are in none of the lists: a bit per (first byte, length)
// turns them away before any comparison. Built at compile time.
template <std::size_t N>
class WordSet {
  static_assert(N < 256);

 public:
  consteval WordSet(const std::array<std::string_view, N>& words) : words_(words) {
    for (const std::string_view w : words)
      if (w.empty() || w.size() >= 32) throw "WordSet: words of 1 to 31 bytes";
    // Sorted by first byte (stable), each byte's words found through first_.
    for (std::size_t i = 1; i < N; ++i)
      for (std::size_t j = i;
           j > 0 && static_cast<unsigned char>(words_[j][0]) < static_cast<unsigned char>(words_[j - 1][0]); --j)
        std::swap(words_[j], words_[j - 1]);
    for (std::size_t b = 0; b <= 256; ++b) first_[b] = static_cast<std::uint8_t>(N);
    for (std::size_t i = N; i-- > 0;) first_[static_cast<unsigned char>(words_[i][0])] = static_cast<std::uint8_t>(i);
    for (std::size_t b = 256; b-- > 0;)
      if (first_[b] == N || first_[b] > first_[b + 1]) first_[b] = first_[b + 1];
    for (const std::string_view w : words_) lengths_[static_cast<unsigned char>(w[0])] |= std::uint32_t{1} << w.size();
  }
  bool contains(std::string_view w) const {
    if (w.empty() || w.size() >= 32) return false;
    const auto b = static_cast<unsigned char>(w[0]);
    if (!((lengths_[b] >> w.size()) & 1)) return false;
    for (std::size_t i = first_[b]; i < first_[b + 1]; ++i)
      if (Word::equal_bytes(words_[i], w)) return true;
    return false;
  }

 private:
  std::array<std::string_view, N> words_;
  std::array<std::uint32_t, 256> lengths_{};  // bit n: a word of n bytes starts with the byte
  std::array<std::uint8_t, 257> first_{};     // words_[first_[b], first_[b + 1]) start with byte b
};

template <std::size_t N>
bool in(const WordSet<N>& set, std::string_view w) {
  return set.contains(w);
}

// Whether a word ends with a suffix ("-ly", "-ing", "n't").
inline bool ends_with(std::string_view w, std::string_view suffix) noexcept {
  return w.size() >= suffix.size() && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A dash between clauses: hyphen-minus, en dash, em dash ("We will respond" — X said).
inline bool is_dash(std::string_view w) noexcept { return w == "-" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94"; }

// Prepositions of a phrase that may stand between a subject and its verb
// ("X in a joint statement warned", "officials in the region said").
inline constexpr WordSet<6> kPhrasePrepositions{
    std::array<std::string_view, 6>{"in", "on", "at", "through", "via", "during"}};

inline constexpr WordSet<30> kAux{
    std::array<std::string_view, 30>{"has",  "have",  "had",    "did",   "does", "do", "will", "would", "could", "can",
                                     "may",  "might", "should", "shall", "must", "is", "are",  "was",   "were",  "be",
                                     "been", "being", "am",     "'s",    "'ve",  "'d", "also", "again", "then",  "to"}};
inline constexpr WordSet<28> kAdverbs{std::array<std::string_view, 28>{
    "already", "still",   "later",   "earlier",     "now",        "yet",        "even",
    "just",    "once",    "further", "ever",        "previously", "reportedly", "repeatedly",
    "again",   "also",    "then",    "often",       "first",      "twice",      "initially",
    "long",    "swiftly", "quickly", "immediately", "separately", "privately",  "publicly"}};
// Degree words before an adverb ("very publicly", "so quickly").
inline constexpr WordSet<6> kDegree{std::array<std::string_view, 6>{"very", "so", "too", "most", "more", "quite"}};
inline constexpr WordSet<3> kNegation{std::array<std::string_view, 3>{"not", "never", "no"}};
inline constexpr WordSet<31> kTime{std::array<std::string_view, 31>{
    "monday",    "tuesday",   "wednesday", "thursday", "friday",   "saturday", "sunday",    "today",
    "yesterday", "week",      "month",     "year",     "weekend",  "morning",  "afternoon", "evening",
    "night",     "january",   "february",  "march",    "april",    "may",      "june",      "july",
    "august",    "september", "october",   "november", "december", "tonight",  "days"}};
inline constexpr WordSet<10> kTimePrep{
    std::array<std::string_view, 10>{"on", "this", "last", "next", "in", "early", "late", "earlier", "at", "recent"}};
inline constexpr WordSet<16> kDeterminers{
    std::array<std::string_view, 16>{"the", "a", "an", "its", "his", "her", "their", "our", "both", "all", "some",
                                     "several", "many", "other", "another", "two"}};
inline constexpr WordSet<76> kStop{std::array<std::string_view, 76>{
    "of",      "in",    "on",      "at",     "by",     "for",      "with",   "from",    "to",    "into",  "over",
    "under",   "about", "against", "after",  "before", "during",   "since",  "than",    "as",    "like",  "between",
    "through", "near",  "amid",    "across", "that",   "which",    "who",    "whom",    "whose", "while", "when",
    "where",   "if",    "because", "but",    "so",     "although", "though", "whether", "is",    "are",   "was",
    "were",    "be",    "been",    "being",  "has",    "have",     "had",    "did",     "does",  "do",    "will",
    "would",   "could", "can",     "may",    "might",  "should",   "must",   "not",     "never", "it",    "they",
    "he",      "she",   "we",      "i",      "you",    "there",    "this",   "these",   "those", "what"}};
inline constexpr WordSet<7> kModals{
    std::array<std::string_view, 7>{"must", "should", "needs", "need", "has", "have", "demand"}};
inline constexpr WordSet<9> kBe{
    std::array<std::string_view, 9>{"is", "are", "was", "were", "be", "been", "being", "am", "get"}};

// Pronouns and possessive determiners by person (the subject of a cue's clause).
inline constexpr WordSet<6> kFirstPerson{std::array<std::string_view, 6>{"we", "i", "us", "our", "my", "me"}};
inline constexpr WordSet<9> kThirdPerson{
    std::array<std::string_view, 9>{"it", "they", "he", "she", "its", "their", "his", "her", "them"}};
inline constexpr WordSet<2> kSecondPerson{std::array<std::string_view, 2>{"you", "your"}};
// The future (and conditional) auxiliaries: "it will retaliate", "we would help".
inline constexpr WordSet<4> kFuture{std::array<std::string_view, 4>{"will", "would", "shall", "'ll"}};
// Verbs of aspect between a future auxiliary and its verb ("will continue to support").
inline constexpr WordSet<4> kAspectual{std::array<std::string_view, 4>{"continue", "keep", "try", "seek"}};

// Prepositions of place: a name after one ("over Syria") is where, not whom.
inline constexpr WordSet<12> kPlacePrepositions{std::array<std::string_view, 12>{
    "in", "into", "over", "near", "across", "inside", "throughout", "at", "from", "around", "within", "outside"}};
// Compass and neighbour adjectives between such a preposition and the name ("in eastern Ukraine").
inline constexpr WordSet<6> kDirections{
    std::array<std::string_view, 6>{"eastern", "western", "southern", "northern", "neighbouring", "neighboring"}};

}  // namespace standpoints::statements

// Statements: one pass over the tokens of each sentence finds trigger words
// (acts.tsv); around each trigger, token-level patterns find the source (the
// subject, an appositive's head, the agent of a passive, the speaker after an
// inverted quotation verb, a possessor), the target (object or prepositional
// object, else the subject of the content clause) and the content (that-clause,
// infinitive, quotation). Pronoun and nominal sources are resolved to the most
// recent fitting entity. No regular expressions; lexicon look-ups are hash maps
// on lower-cased token text.
#include "standpoints/statements.hpp"

#include <algorithm>
#include <array>
#include <boost/container/small_vector.hpp>
#include <boost/unordered/unordered_flat_set.hpp>
#include <boost/unordered/unordered_node_map.hpp>
#include <cstring>
#include <forward_list>
#include <map>
#include <memory>
#include <span>

#include "standpoints/knowledge.hpp"
#include "standpoints/utf8.hpp"

namespace standpoints {

namespace {

using Pos = ActEntry::Pos;
using Class = ActEntry::Class;

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

constexpr WordSet<30> kAux{
    std::array<std::string_view, 30>{"has",  "have",  "had",    "did",   "does", "do", "will", "would", "could", "can",
                                     "may",  "might", "should", "shall", "must", "is", "are",  "was",   "were",  "be",
                                     "been", "being", "am",     "'s",    "'ve",  "'d", "also", "again", "then",  "to"}};
constexpr WordSet<28> kAdverbs{std::array<std::string_view, 28>{
    "already", "still",   "later",   "earlier",     "now",        "yet",        "even",
    "just",    "once",    "further", "ever",        "previously", "reportedly", "repeatedly",
    "again",   "also",    "then",    "often",       "first",      "twice",      "initially",
    "long",    "swiftly", "quickly", "immediately", "separately", "privately",  "publicly"}};
constexpr WordSet<3> kNegation{std::array<std::string_view, 3>{"not", "never", "no"}};
constexpr WordSet<31> kTime{std::array<std::string_view, 31>{
    "monday",    "tuesday",   "wednesday", "thursday", "friday",   "saturday", "sunday",    "today",
    "yesterday", "week",      "month",     "year",     "weekend",  "morning",  "afternoon", "evening",
    "night",     "january",   "february",  "march",    "april",    "may",      "june",      "july",
    "august",    "september", "october",   "november", "december", "tonight",  "days"}};
constexpr WordSet<10> kTimePrep{
    std::array<std::string_view, 10>{"on", "this", "last", "next", "in", "early", "late", "earlier", "at", "recent"}};
constexpr WordSet<16> kDeterminers{std::array<std::string_view, 16>{"the", "a", "an", "its", "his", "her", "their",
                                                                    "our", "both", "all", "some", "several", "many",
                                                                    "other", "another", "two"}};
constexpr WordSet<76> kStop{std::array<std::string_view, 76>{
    "of",      "in",    "on",      "at",     "by",     "for",      "with",   "from",    "to",    "into",  "over",
    "under",   "about", "against", "after",  "before", "during",   "since",  "than",    "as",    "like",  "between",
    "through", "near",  "amid",    "across", "that",   "which",    "who",    "whom",    "whose", "while", "when",
    "where",   "if",    "because", "but",    "so",     "although", "though", "whether", "is",    "are",   "was",
    "were",    "be",    "been",    "being",  "has",    "have",     "had",    "did",     "does",  "do",    "will",
    "would",   "could", "can",     "may",    "might",  "should",   "must",   "not",     "never", "it",    "they",
    "he",      "she",   "we",      "i",      "you",    "there",    "this",   "these",   "those", "what"}};
constexpr WordSet<7> kModals{
    std::array<std::string_view, 7>{"must", "should", "needs", "need", "has", "have", "demand"}};
constexpr WordSet<9> kBe{
    std::array<std::string_view, 9>{"is", "are", "was", "were", "be", "been", "being", "am", "get"}};

struct QuoteRegion {
  std::uint32_t open = 0;   // token of the opening mark
  std::uint32_t close = 0;  // token of the closing mark, or one past the paragraph's last token
  bool closed = false;
};

struct Cand {
  Argument arg;
  std::string type;  // mention type (PERSON, ORG, ...)
  bool ok = false;
  std::string head;  // head word of the noun phrase
};

// Candidates of one noun phrase or one trigger: one or two almost always, so
// kept inline (a heap block per trigger cost more than the rules that fill it).
using Cands = boost::container::small_vector<Cand, 2>;

struct Seen {
  Argument arg;
  std::string type;
  std::uint32_t paragraph = 0;
  std::string head;  // head word of the source's noun phrase ("ministry"), if any
  std::optional<Argument> target;
};

struct Extractor {
  Document& doc;
  const ActLexicon& lex;
  const ActorCodes& codes;
  std::string lowered;  // the document lower-cased (same byte offsets)
  // Texts of tokens whose lower-cased text differs in length (a list: stable
  // addresses, and no allocation for the many documents without any).
  std::forward_list<std::string> respelled;
  // The per-token arrays below live in one block, allocated and cleared once
  // per document (four allocations of a document's size cost more than the
  // loops that fill them).
  std::unique_ptr<std::int32_t[]> per_token;
  // Per-token flags from the set-up.
  std::uint8_t* flags = nullptr;
  static constexpr std::uint8_t kTrigger = 1;    // some form starting with the token can be a trigger
  static constexpr std::uint8_t kRespelled = 2;  // the lower-cased text is in `respelled_of`
  // The lexicon's filters (ActLexicon::prefilter_key), shifted: when clear,
  // no form (kMayBeFirst), no cue, verb or phrase form (kMayStartCue) starts
  // with the token; when set, one may.
  static constexpr std::uint8_t kMayBeFirst = ActLexicon::kMayBeFirst << 1;
  static constexpr std::uint8_t kMayStartCue = ActLexicon::kMayStartCue << 1;
  std::vector<std::pair<std::uint32_t, std::string_view>> respelled_of;  // (token, text), by token
  // Tokens that can start a trigger outside names and quotations, in order:
  // the only places process_sentence() looks for one.
  struct Candidate {
    std::uint32_t token;
    const std::vector<ActForm>* forms;  // the lexicon forms starting with the token (looked up once)
  };
  std::vector<Candidate> candidates;
  std::size_t next_candidate = 0;  // the first candidate not before the sentence process_sentence() is at
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ptok;  // token range of each paragraph
  std::int32_t* ment = nullptr;                               // mention covering each token, -1
  std::int32_t* quote = nullptr;                              // quotation region holding the token (marks excluded), -1
  char* mark = nullptr;                                       // token is a quotation mark that opens or closes a region
  std::vector<QuoteRegion> regions;
  mutable std::vector<std::vector<std::int32_t>> regions_by_para;  // built on first use
  static constexpr std::size_t kQuotesPerParagraph = 16;
  static constexpr std::size_t kLookBack = 64;
  std::vector<Mention> added;  // nominal and pronoun mentions
  std::vector<Seen> seen;      // sources so far, in order
  std::vector<Statement> out;
  std::vector<std::uint32_t> out_para;

  Extractor(Document& d, const ActLexicon& l, const ActorCodes& c) : doc(d), lex(l), codes(c) {}

  // Lower-cased token text: a view of the lower-cased document unless the
  // token had curly apostrophes (rare).
  STANDPOINTS_ALWAYS_INLINE Word low(std::size_t t) const {
    if (flags[t] & kRespelled) [[unlikely]]
      return respelled_text(t);
    const Token& tk = doc.tokens[t];
    return std::string_view(lowered.data() + tk.start, tk.end - tk.start);
  }
  STANDPOINTS_NOINLINE std::string_view respelled_text(std::size_t t) const {
    return std::lower_bound(
               respelled_of.begin(), respelled_of.end(),
               std::pair<std::uint32_t, std::string_view>(static_cast<std::uint32_t>(t), std::string_view()))
        ->second;
  }

  // Lexicon forms starting with token t. Looked up on each call, not kept
  // per token (only tokens near triggers are asked about), after the filter
  // bit the set-up kept, which turns most words away.
  STANDPOINTS_ALWAYS_INLINE const std::vector<ActForm>* fw(std::size_t t) const {
    if (!(flags[t] & kMayBeFirst)) return nullptr;
    if (flags[t] & kRespelled) [[unlikely]]
      return lex.forms(respelled_text(t));
    const Token& tk = doc.tokens[t];
    return lex.first_word_padded(std::string_view(lowered.data() + tk.start, tk.end - tk.start)).forms;
  }

  // Whether the words of form f after its first are the tokens after i (the
  // caller has checked that they fit). The second word is compared by its
  // length and padded key first: most multi-word forms fail there ("is" +
  // "ready to" against "is expected").
  STANDPOINTS_ALWAYS_INLINE bool rest_matches(const ActForm& f, std::size_t i) const {
    if (f.size < 2) return true;
    if (!(flags[i + 1] & kRespelled)) [[likely]] {
      const Token& tk = doc.tokens[i + 1];
      const std::string_view w(lowered.data() + tk.start, tk.end - tk.start);
      if (w.size() != f.second_size || ActLexicon::padded_key(w) != f.second_key) return false;
    }
    for (std::size_t w = 1; w < f.size; ++w)
      if (low(i + w) != f.words[w]) return false;
    return true;
  }

  std::string_view text(std::uint32_t t) const {
    return std::string_view(doc.text).substr(doc.tokens[t].start, doc.tokens[t].end - doc.tokens[t].start);
  }
  const Token& tok(std::uint32_t t) const { return doc.tokens[t]; }

  // The mention's actor code, or its entity's (a reference: no copy per candidate).
  const std::string& actor_of(const Mention& m) const {
    static const std::string none;
    if (!m.actor.empty()) return m.actor;
    if (m.entity >= 0 && static_cast<std::size_t>(m.entity) < doc.entities.size()) return doc.entities[m.entity].actor;
    return none;
  }
  // actor_root() and whether the code names a medium, per actor code: a
  // document has a few dozen codes, asked about for every candidate source
  // and target.
  struct ActorInfo {
    std::string root;
    bool media = false;
  };
  // A node map: root_of() hands out references that later insertions keep valid.
  mutable boost::unordered_node_map<std::string, ActorInfo, WordHash, std::equal_to<>> actor_info_;
  const ActorInfo& actor_info(std::string_view actor) const {
    if (auto it = actor_info_.find(actor); it != actor_info_.end()) return it->second;
    ActorInfo info;
    info.root = codes.root(actor);
    info.media = codes.is_media_code(actor);
    return actor_info_.emplace(std::string(actor), std::move(info)).first->second;
  }
  const std::string& root_of(std::string_view actor) const { return actor_info(actor).root; }
  bool is_media(std::string_view actor) const { return actor_info(actor).media; }

  // ---- setup: lower-cased text, mention map, quotation regions ----
  void prepare() {
    const std::size_t n = doc.tokens.size();
    // ment and quote (-1: all bytes 0xFF), then flags and mark (0), in
    // int32 units rounded up.
    per_token.reset(new std::int32_t[2 * n + (2 * n + 3) / 4]);
    ment = per_token.get();
    quote = ment + n;
    flags = reinterpret_cast<std::uint8_t*>(quote + n);
    mark = reinterpret_cast<char*>(flags + n);
    std::memset(ment, 0xFF, 2 * n * sizeof(std::int32_t));
    std::memset(flags, 0, 2 * n);
    lower_text();
    const std::size_t text_size = lowered.size();
    // Eight NUL bytes after the text: every token's first eight bytes can be
    // read in one load for the lexicon key (token offsets are unchanged).
    lowered.append(8, '\0');
    const std::string_view lt(lowered.data(), text_size);
    // Curly apostrophes as straight ones: "didn’t" -> "didn't", "’s" handled apart.
    // Found once in the whole text; `curly` is the first one at or after the
    // token (npos: none), so tokens without one cost a compare.
    constexpr std::string_view kCurly = "\xE2\x80\x99";
    std::size_t curly = lt.find(kCurly);
    std::vector<std::uint32_t> quote_tokens;  // for find_quotes
    // Rough sizes (a few percent of the tokens), to spare most regrowth.
    quote_tokens.reserve(n / 32 + 8);
    candidates.reserve(n / 16 + 8);
    // Local copies of the pointers: the pushes in the loop would otherwise
    // make the compiler reload them for every token.
    const char* const text = lowered.data();
    const Token* const tokens = doc.tokens.data();
    for (std::size_t i = 0; i < n; ++i) {
      const Token& tk = tokens[i];
      const std::string_view w(text + tk.start, tk.end - tk.start);
      if (tk.kind == TokenKind::Quote) [[unlikely]]
        quote_tokens.push_back(static_cast<std::uint32_t>(i));
      if (curly < tk.end) [[unlikely]] {
        while (curly < tk.start) curly = lt.find(kCurly, curly + 1);
        if (curly != std::string_view::npos && curly + kCurly.size() <= tk.end && w.size() >= 3) {
          if (const ActLexicon::FirstWord first = respell(i, w); first.may_trigger)
            candidates.push_back({static_cast<std::uint32_t>(i), first.forms});
          continue;
        }
      }
      const std::uint64_t key = ActLexicon::padded_key(w);
      const unsigned pf = lex.prefilter_key(key);
      std::uint8_t f = static_cast<std::uint8_t>((pf & (ActLexicon::kMayBeFirst | ActLexicon::kMayStartCue)) << 1);
      if (pf & ActLexicon::kMayStartTrigger) [[unlikely]] {
        if (const ActLexicon::FirstWord first = lex.first_word_key(w, key); first.may_trigger) {
          f |= kTrigger;
          candidates.push_back({static_cast<std::uint32_t>(i), first.forms});
        }
      }
      flags[i] = f;
    }
    ptok.assign(doc.paragraphs.size(), {UINT32_MAX, 0});
    for (const auto& s : doc.sentences)
      if (s.paragraph < ptok.size()) {
        ptok[s.paragraph].first = std::min(ptok[s.paragraph].first, s.first_token);
        ptok[s.paragraph].second = std::max(ptok[s.paragraph].second, s.last_token);
      }
    for (auto& r : ptok)
      if (r.first == UINT32_MAX) r = {0, 0};
    map_mentions();
    for (std::uint32_t pi = 0; pi < doc.paragraphs.size(); ++pi) find_quotes(pi, quote_tokens);
    // Names and quotations hold no trigger.
    std::erase_if(candidates,
                  [&](const Candidate& c) { return quote[c.token] >= 0 || mark[c.token] || ment[c.token] >= 0; });
    // About one statement per four candidates: room for most documents' without regrowth.
    const std::size_t expected = candidates.size() / 4 + 4;
    out.reserve(expected);
    out_para.reserve(expected);
    seen.reserve(expected);
  }

  // ment: the first mention (in start order) that covers each token.
  void map_mentions() {
    std::size_t t = 0;
    const Token* const tokens = doc.tokens.data();
    const std::size_t n = doc.tokens.size();
    std::int32_t* const covering = ment;
    const auto mark_tokens = [&](std::size_t oi) {
      const Mention& m = doc.mentions[oi];
      // The first token ending after the mention's start (token ends
      // increase, mention starts do not decrease: one walk for all).
      while (t < n && tokens[t].end <= m.start) ++t;
      for (std::size_t k = t; k < n && tokens[k].start < m.end; ++k)
        if (covering[k] < 0 && tokens[k].start >= m.start) covering[k] = static_cast<std::int32_t>(oi);
    };
    // Mentions usually come in text order already: then no order is built.
    const auto by_start = [](const Mention& a, const Mention& b) { return a.start < b.start; };
    if (std::is_sorted(doc.mentions.begin(), doc.mentions.end(), by_start)) {
      for (std::size_t oi = 0; oi < doc.mentions.size(); ++oi) mark_tokens(oi);
      return;
    }
    std::vector<std::size_t> order(doc.mentions.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return doc.mentions[a].start < doc.mentions[b].start; });
    for (std::size_t oi : order) mark_tokens(oi);
  }

  // Token i with its curly apostrophes straightened (the lower-cased text keeps them).
  // Returns the lexicon forms starting with the respelled word.
  ActLexicon::FirstWord respell(std::size_t i, std::string_view w) {
    constexpr std::string_view kCurly = "\xE2\x80\x99";
    std::string s(w);
    for (std::size_t p = 0; (p = s.find(kCurly, p)) != std::string::npos;) s.replace(p, 3, "'");
    const std::string_view text = respelled.emplace_front(std::move(s));
    respelled_of.emplace_back(static_cast<std::uint32_t>(i), text);
    const ActLexicon::FirstWord f = lex.first_word(text);  // not padded: its own string
    // The filter bits set: the look-ups of a respelled token go to its own string.
    flags[i] = static_cast<std::uint8_t>(kRespelled | kMayBeFirst | kMayStartCue | (f.may_trigger ? kTrigger : 0));
    return f;
  }

  // The document lower-cased in place of a copy, as utf8::to_lower does it
  // (every mapping keeps the byte length of the code point, so token offsets
  // hold); ASCII bytes are folded without decoding.
  void lower_text() {
    lowered.reserve(doc.text.size() + 8);  // room for the padding prepare() appends
    lowered.resize(doc.text.size());
    utf8::to_lower_same_length(doc.text, lowered.data());  // code points that would change length stay as written
  }

  // Token range of a paragraph.
  std::pair<std::uint32_t, std::uint32_t> para_tokens(std::uint32_t pi) const { return ptok[pi]; }

  static int quote_kind(std::string_view q, bool& opening, bool& closing) {
    // 2: double-quote family, 1: single curly, 0: ignore
    opening = closing = false;
    if (q == "\"") {
      opening = closing = true;
      return 2;
    }
    if (q == "\xE2\x80\x9C" || q == "\xE2\x80\x9E" || q == "\xC2\xAB") {
      opening = true;
      return 2;
    }
    if (q == "\xE2\x80\x9D" || q == "\xC2\xBB") {
      closing = true;
      return 2;
    }
    if (q == "\xE2\x80\x98") {
      opening = true;
      return 1;
    }
    if (q == "\xE2\x80\x99") {
      closing = true;
      return 1;
    }
    return 0;
  }

  // Quotation regions of a paragraph; `quote_tokens`: the document's quote
  // tokens in order (only they can open or close a region).
  void find_quotes(std::uint32_t pi, const std::vector<std::uint32_t>& quote_tokens) {
    auto [first, last] = para_tokens(pi);
    if (first >= last) return;
    std::int32_t open = -1;
    int open_kind = 0;
    for (auto it = std::lower_bound(quote_tokens.begin(), quote_tokens.end(), first);
         it != quote_tokens.end() && *it < last; ++it) {
      const std::uint32_t i = *it;
      bool op, cl;
      const int kind = quote_kind(text(i), op, cl);
      if (kind == 0) continue;
      if (kind == 1) {
        // A curly apostrophe inside or after a word ("Iran’s", "allies’ ") is no quotation mark.
        const bool glued_right = i + 1 < last && !tok(i + 1).space_before && tok(i + 1).kind == TokenKind::Word;
        const bool glued_left = !tok(i).space_before && i > first && tok(i - 1).kind == TokenKind::Word;
        if (cl && glued_right) continue;
        if (op && !glued_right) continue;
        if (cl && open < 0) continue;
        (void)glued_left;
      }
      if (open < 0) {
        if (!op) continue;
        open = static_cast<std::int32_t>(i);
        open_kind = kind;
      } else if (cl && kind == open_kind) {
        add_region(static_cast<std::uint32_t>(open), i, true);
        open = -1;
      }
    }
    if (open >= 0 && open_kind == 2) add_region(static_cast<std::uint32_t>(open), last, false);
  }

  void add_region(std::uint32_t open, std::uint32_t close, bool closed) {
    const auto id = static_cast<std::int32_t>(regions.size());
    regions.push_back({open, close, closed});
    mark[open] = 1;
    if (closed) mark[close] = 1;
    for (std::uint32_t k = open + 1; k < close; ++k) quote[k] = id;
  }

  // Tokens of a possessive ending at k: "'s" as one token (1), or apostrophe + "s" (2), else 0.
  int poss(std::uint32_t k) const {
    if (low(k) == "'s" && !tok(k).space_before) return 1;
    return is_possessive_s(k) ? 2 : 0;
  }
  bool is_possessive_s(std::uint32_t k) const {
    if (low(k) == "'s" && !tok(k).space_before) return true;
    // "s" right after an apostrophe glued to a word: Russia ’ s
    return low(k) == "s" && k >= 2 && !tok(k).space_before && tok(k - 1).kind == TokenKind::Quote &&
           !tok(k - 1).space_before && !mark[k - 1];
  }
  bool is_hyphen_glued(const Mention& m) const {
    // "US-made": a name glued to a hyphen is a modifier
    const std::string_view t(doc.text);
    return (m.end < t.size() && t[m.end] == '-') || (m.start > 0 && t[m.start - 1] == '-');
  }

  Cand from_mention(std::int32_t mi) const {
    Cand c;
    const Mention& m = doc.mentions[mi];
    const std::string& actor = actor_of(m);
    if (actor.empty()) return c;
    c.arg.entity = m.entity;
    c.arg.actor = actor;
    c.arg.start = m.start;
    c.arg.end = m.end;
    c.type = m.type;
    c.ok = true;
    return c;
  }

  // ---- resolution of nominals and pronouns ----
  const Seen* last_source(std::uint32_t from_para, std::uint32_t to_para, bool person, bool any) const {
    for (auto it = seen.rbegin(); it != seen.rend(); ++it) {
      if (it->paragraph < from_para || it->paragraph > to_para) continue;
      if (!any && (it->type == "PERSON") != person) continue;
      return &*it;
    }
    return nullptr;
  }

  // The most recent actor mention before token `before` (outside quotations),
  // not earlier than paragraph `from_para`, that `fits`.
  template <class Fits>
  std::int32_t recent_mention(std::uint32_t before, std::uint32_t from_para, Fits fits) const {
    for (std::int64_t k = static_cast<std::int64_t>(before) - 1; k >= 0; --k) {
      const auto u = static_cast<std::uint32_t>(k);
      if (doc.sentences[tok(u).sentence].paragraph < from_para) break;
      if (ment[u] < 0 || quote[u] >= 0) continue;
      if (doc.paragraphs[doc.sentences[tok(u).sentence].paragraph].boilerplate) continue;
      const Mention& m = doc.mentions[ment[u]];
      if (actor_of(m).empty() || is_media(actor_of(m))) continue;
      if (fits(m)) return ment[u];
    }
    return -1;
  }

  // The most recent PERSON mention (with or without an actor) outside quotations.
  std::int32_t recent_person(std::uint32_t before, std::uint32_t from_para) const {
    for (std::int64_t k = static_cast<std::int64_t>(before) - 1; k >= 0; --k) {
      const auto u = static_cast<std::uint32_t>(k);
      if (doc.sentences[tok(u).sentence].paragraph < from_para) break;
      if (ment[u] < 0 || quote[u] >= 0) continue;
      if (doc.mentions[ment[u]].type == "PERSON") return ment[u];
    }
    return -1;
  }

  Cand from_seen(const Seen* s, std::uint32_t start, std::uint32_t end) const {
    Cand c;
    if (!s) return c;
    c.arg = s->arg;
    c.arg.start = start;
    c.arg.end = end;
    c.type = s->type;
    c.ok = !s->arg.actor.empty();
    return c;
  }
  Cand from_mention_at(std::int32_t mi, std::uint32_t start, std::uint32_t end) const {
    Cand c = from_mention(mi);
    c.arg.start = start;
    c.arg.end = end;
    return c;
  }

  Cand resolve(Class cls, std::uint32_t first_tok, std::uint32_t head_tok, MentionKind kind) {
    const std::uint32_t para = doc.sentences[tok(head_tok).sentence].paragraph;
    const std::uint32_t from = para >= 3 ? para - 3 : 0;
    const std::uint32_t start = tok(first_tok).start, end = tok(head_tok).end;
    Cand c;
    // A nominal that repeats the head of an earlier source ("the ministry" after
    // "Russia's defence ministry said") is that source.
    if (kind == MentionKind::Nominal) {
      for (auto it = seen.rbegin(); it != seen.rend(); ++it) {
        if (it->paragraph + 5 < para) break;
        if (!it->head.empty() && it->head == low(head_tok)) {
          c = from_seen(&*it, start, end);
          break;
        }
      }
    }
    if (!c.ok) switch (cls) {
        case Class::Person: {
          if (auto* s = last_source(para, para, true, false)) {
            c = from_seen(s, start, end);
            break;
          }
          std::int32_t mi = recent_person(first_tok, para);
          if (mi >= 0) {
            c = from_mention_at(mi, start, end);
            break;
          }
          if (auto* s = last_source(from, para, true, false)) {
            c = from_seen(s, start, end);
            break;
          }
          mi = recent_person(first_tok, from);
          if (mi >= 0) c = from_mention_at(mi, start, end);
          break;
        }
        case Class::Thing:
        case Class::Group: {
          const bool any = cls == Class::Group;
          if (auto* s = last_source(para, para, false, any)) {
            c = from_seen(s, start, end);
            break;
          }
          if (auto* s = last_source(from, para, false, any)) {
            c = from_seen(s, start, end);
            break;
          }
          const std::int32_t mi =
              recent_mention(first_tok, from, [](const Mention& m) { return m.type == "ORG" || m.type == "GPE"; });
          if (mi >= 0) c = from_mention_at(mi, start, end);
          break;
        }
        case Class::Org: {
          const std::int32_t mi =
              recent_mention(first_tok, from, [&](const Mention& m) { return m.type == "ORG" || m.type == "GPE"; });
          if (mi >= 0) {
            c = from_mention_at(mi, start, end);
            break;
          }
          if (auto* s = last_source(from, para, false, false)) c = from_seen(s, start, end);
          break;
        }
        case Class::Igo: {
          const std::int32_t mi = recent_mention(first_tok, 0, [&](const Mention& m) {
            return !codes.is_country_root(root_of(actor_of(m)));
          });
          if (mi >= 0) c = from_mention_at(mi, start, end);
          break;
        }
        case Class::Document: {
          // The author of a document: the most frequent source so far (the most recent on ties).
          std::map<std::string, int> count;
          const Seen* best = nullptr;
          int best_n = 0;
          for (const auto& s : seen) {
            const int k = ++count[root_of(s.arg.actor)];
            if (k >= best_n) {
              best_n = k;
              best = &s;
            }
          }
          c = from_seen(best, start, end);
          break;
        }
        case Class::None:
          break;
      }
    if (c.ok) {
      c.head = low(head_tok);
      Mention m;
      m.start = start;
      m.end = end;
      m.kind = kind;
      m.entity = c.arg.entity;
      m.sentence = static_cast<std::int32_t>(tok(head_tok).sentence);
      m.actor = c.arg.actor;
      m.type = c.type;
      added.push_back(std::move(m));
    }
    return c;
  }

  const ActEntry* nominal_entry(std::uint32_t k) const {
    const auto* forms = fw(k);
    if (!forms) return nullptr;
    for (const auto& f : *forms)
      if ((f.pos == Pos::Nominal || f.pos == Pos::Pronoun) && f.size == 1) return &lex.entries()[f.entry];
    return nullptr;
  }

  // ---- noun phrases ----
  struct NP {
    Cands items;              // one per conjunct
    std::uint32_t first = 0;  // first token of the phrase
    bool found = false;
  };

  // Scans a noun phrase ending at token `e` leftwards (no further than `lo`).
  NP np_left(std::int64_t e, std::uint32_t lo, bool juxtapose = false) {
    NP np;
    bool saw_and = false;
    if (e < lo) return np;
    std::int64_t k = e;
    std::int32_t conj_mention = -1;  // head mention of the current conjunct
    std::vector<std::int32_t> heads;
    int words = 0, caps = 0;
    std::uint32_t first = static_cast<std::uint32_t>(e);
    bool pending_conj = false;
    // A pronoun or nominal head alone.
    const auto ue = static_cast<std::uint32_t>(e);
    if (ment[ue] < 0 && quote[ue] < 0) {
      if (const ActEntry* ne = nominal_entry(ue); ne && ne->pos == Pos::Pronoun) {
        np.first = ue;
        Cand c = resolve(ne->cls, ue, ue, MentionKind::Pronoun);
        if (c.ok) np.items.push_back(c);
        np.found = c.ok;
        return np;
      }
    }
    while (k >= lo) {
      const auto u = static_cast<std::uint32_t>(k);
      if (mark[u]) break;
      if (ment[u] >= 0) {
        if (juxtapose && conj_mention >= 0 && static_cast<std::uint32_t>(k + 1) == first) {
          heads.push_back(conj_mention);
          conj_mention = -1;
        }
        if (conj_mention < 0) conj_mention = ment[u];
        pending_conj = false;
        const std::uint32_t ms = doc.mentions[ment[u]].start;
        while (k >= lo && ment[static_cast<std::uint32_t>(k)] >= 0 && tok(static_cast<std::uint32_t>(k)).start >= ms)
          --k;
        first = static_cast<std::uint32_t>(k + 1);
        continue;
      }
      const Word w = low(u);
      if (const int pl = poss(u)) {
        k -= pl;
        continue;
      }
      if (tok(u).kind == TokenKind::Quote && !tok(u).space_before && !mark[u]) {
        --k;
        continue;
      }  // allies’
      if (w == "and" || w == "or" || w == "&" || w == ",") {
        if (conj_mention < 0) break;
        if (w != ",") saw_and = true;
        if (w == ",") {
          // A comma continues a list only before another name ("A, B and C").
          if (!saw_and || k - 1 < lo) break;
          const auto p = static_cast<std::uint32_t>(k - 1);
          if (ment[p] < 0 && !(p >= 1 && low(p) == ")")) break;
        }
        heads.push_back(conj_mention);
        conj_mention = -1;
        pending_conj = true;
        words = caps = 0;
        --k;
        continue;
      }
      if (in(kDeterminers, w)) {
        first = u;
        if (k - 1 >= lo) {
          const Word p = low(static_cast<std::size_t>(k - 1));
          if ((p == "and" || p == "or" || p == ",") && conj_mention >= 0) {
            --k;
            continue;
          }
        }
        break;
      }
      if (w == "(" || w == ")" || (w == "-" && !tok(u).space_before)) {
        --k;
        continue;
      }
      if (tok(u).kind == TokenKind::Word) {
        if (tok(u).shape == Shape::Lower) {
          if (in(kStop, w) || ++words > 4) break;
          if (fw(u) && !nominal_entry(u)) {
            // a trigger verb is no part of a noun phrase
            bool trig = false;
            for (const auto& f : *fw(u))
              if (lex.entries()[f.entry].pos == Pos::Verb) trig = true;
            if (trig) break;
          }
          first = u;
          --k;
          continue;
        }
        if (++caps > 4) break;
        first = u;
        --k;
        continue;
      }
      if (tok(u).kind == TokenKind::Number) {
        first = u;
        --k;
        continue;
      }
      break;
    }
    (void)pending_conj;
    if (conj_mention >= 0) heads.push_back(conj_mention);
    np.first = first;
    if (heads.empty()) {
      // No name: a nominal head ("the ministry", "the leaked letters").
      if (ment[ue] < 0 && quote[ue] < 0 && tok(ue).kind == TokenKind::Word) {
        if (const ActEntry* ne = nominal_entry(ue)) {
          std::uint32_t f = first;
          while (f < ue && in(kDeterminers, low(f))) ++f;
          Cand c = resolve(ne->cls, f, ue, MentionKind::Nominal);
          if (c.ok) np.items.push_back(c);
        }
      }
      np.found = !np.items.empty();
      return np;
    }
    // Heads were collected right to left.
    for (auto it = heads.rbegin(); it != heads.rend(); ++it) {
      Cand c = from_mention(*it);
      if (tok(ue).kind == TokenKind::Word && tok(ue).shape == Shape::Lower) c.head = low(ue);
      if (c.ok && !is_media(c.arg.actor))
        np.items.push_back(c);
      else if (c.ok)
        np.items.push_back(Cand{c.arg, "MEDIA", false, ""});
      else if (doc.mentions[*it].type == "PERSON") {
        // A person with no actor code: no statement, but pronouns may refer to them.
        Cand p;
        p.arg.entity = doc.mentions[*it].entity;
        p.arg.start = doc.mentions[*it].start;
        p.arg.end = doc.mentions[*it].end;
        p.type = "PERSON";
        np.items.push_back(p);
      }
    }
    np.found = !heads.empty();
    return np;
  }

  // Scans a noun phrase starting at token `b` rightwards (before `hi`). Takes
  // the first name of each conjunct ("the US state department" -> US).
  // Whether the names from token k on run into an "and" or "or" (through
  // further names, determiners, capitalised words and commas) before the
  // sentence goes on otherwise.
  bool list_closes(std::uint32_t k, std::uint32_t hi) const {
    for (; k < hi; ++k) {
      const Word w = low(k);
      if (w == "and" || w == "or" || w == "&") return true;
      if (ment[k] >= 0 || w == "," || in(kDeterminers, w) || tok(k).shape == Shape::Capitalized ||
          tok(k).shape == Shape::AllCaps || is_possessive_s(k))
        continue;
      return false;
    }
    return false;
  }

  NP np_right(std::uint32_t b, std::uint32_t hi, bool allow_nominal) {
    NP np;
    np.first = b;
    std::uint32_t k = b;
    while (k < hi && in(kDeterminers, low(k))) ++k;
    if (k >= hi) return np;
    std::int32_t conj = -1;
    std::vector<std::int32_t> heads;
    int words = 0;
    std::uint32_t last_word = k;
    if (ment[k] < 0 && allow_nominal) {
      if (const ActEntry* ne = nominal_entry(k); ne && ne->pos == Pos::Pronoun) {
        Cand c = resolve(ne->cls, k, k, MentionKind::Pronoun);
        if (c.ok) np.items.push_back(c);
        np.found = c.ok;
        return np;
      }
    }
    while (k < hi) {
      if (mark[k]) break;
      if (ment[k] >= 0) {
        const Mention& m = doc.mentions[ment[k]];
        if (conj < 0 && !is_hyphen_glued(m) && !actor_of(m).empty()) conj = ment[k];
        while (k < hi && ment[k] >= 0 && doc.tokens[k].start < m.end) ++k;
        continue;
      }
      const Word w = low(k);
      if (is_possessive_s(k)) {
        ++k;
        continue;
      }
      if (tok(k).kind == TokenKind::Quote && !mark[k]) {
        ++k;
        continue;
      }
      if (w == "and" || w == "or" || w == "&" || w == ",") {
        if (k + 1 >= hi) break;
        // ", and" after a list ("A, B, and C": the serial comma) joins as "and" does.
        if (w == "," && conj >= 0 && !heads.empty() && (low(k + 1) == "and" || low(k + 1) == "or")) {
          ++k;
          continue;
        }
        const std::uint32_t n = k + 1;
        const bool next_np = ment[n] >= 0 || in(kDeterminers, low(n)) || tok(n).shape == Shape::Capitalized ||
                             tok(n).shape == Shape::AllCaps;
        if (!next_np || conj < 0) break;
        // A comma continues a list only when an "and" or "or" closes it ("A, B
        // and C"); "according to Tass, Russia said" is one name, then a clause.
        if (w == "," && !list_closes(n, hi)) break;
        heads.push_back(conj);
        conj = -1;
        words = 0;
        ++k;
        while (k < hi && in(kDeterminers, low(k))) ++k;
        continue;
      }
      if (w == "(" || w == ")" || (w == "-" && !tok(k).space_before)) {
        ++k;
        continue;
      }
      if (tok(k).kind == TokenKind::Word) {
        if (tok(k).shape == Shape::Lower) {
          if (in(kStop, w) || ++words > 4) break;
          last_word = k;
          ++k;
          continue;
        }
        last_word = k;
        ++k;
        continue;
      }
      if (tok(k).kind == TokenKind::Number) {
        ++k;
        continue;
      }
      break;
    }
    if (conj >= 0) heads.push_back(conj);
    if (heads.empty() && allow_nominal && ment[last_word] < 0 && quote[last_word] < 0) {
      if (const ActEntry* ne = nominal_entry(last_word); ne && ne->pos == Pos::Nominal) {
        std::uint32_t f = b;
        while (f < last_word && in(kDeterminers, low(f))) ++f;
        Cand c = resolve(ne->cls, f, last_word, MentionKind::Nominal);
        if (c.ok) np.items.push_back(c);
      }
    }
    for (std::int32_t h : heads) {
      Cand c = from_mention(h);
      if (c.ok && !is_media(c.arg.actor)) np.items.push_back(c);
    }
    np.found = !np.items.empty();
    return np;
  }

  // ---- triggers ----
  struct Trigger {
    const ActEntry* entry = nullptr;
    std::uint32_t first = 0, last = 0;  // tokens [first, last)
  };

  // The longest lexicon form starting at token i (within [i, hi)).
  Trigger match(std::uint32_t i, std::uint32_t hi) const { return match(i, hi, fw(i)); }
  // The same with the forms starting at i already looked up.
  Trigger match(std::uint32_t i, std::uint32_t hi, const std::vector<ActForm>* forms) const {
    Trigger t;
    if (!forms) return t;
    for (const auto& f : *forms) {
      if (i + f.size > hi) continue;
      if (!rest_matches(f, i)) continue;
      if (f.pos == Pos::Nominal || f.pos == Pos::Pronoun || f.pos == Pos::Cue) continue;
      if (t.entry && f.size < t.last - t.first) break;
      if (t.entry) {
        // same length: keep verbs before nouns; decided later by context
        continue;
      }
      t.entry = &lex.entries()[f.entry];
      t.first = i;
      t.last = i + f.size;
    }
    return t;
  }

  // The first noun, verb and phrase entries among the forms of `len` words at
  // token i (as three entry_of_pos(i, len, pos) calls would find them, in one pass).
  struct Readings {
    const ActEntry* noun = nullptr;
    const ActEntry* verb = nullptr;
    const ActEntry* phrase = nullptr;
  };
  Readings readings(std::uint32_t i, std::uint32_t len, const std::vector<ActForm>* forms) const {
    Readings r;
    if (!forms) return r;
    for (const auto& f : *forms) {
      if (f.size != len) continue;
      const ActEntry** slot = f.pos == Pos::Noun     ? &r.noun
                              : f.pos == Pos::Verb   ? &r.verb
                              : f.pos == Pos::Phrase ? &r.phrase
                                                     : nullptr;
      if (!slot || *slot) continue;
      if (rest_matches(f, i)) *slot = &lex.entries()[f.entry];
    }
    return r;
  }

  // ---- content ----
  std::optional<Span> region_span(std::int32_t r) const {
    const QuoteRegion& q = regions[r];
    std::uint32_t e = q.close;
    while (e > q.open + 1 && (low(e - 1) == "," || low(e - 1) == ":")) --e;  // '"...," he said'
    if (q.open + 1 >= e) return std::nullopt;
    return Span{tok(q.open + 1).start, tok(e - 1).end};
  }
  // Content from token b to the end of the sentence (without the final stop).
  std::optional<Span> clause_span(std::uint32_t b, const Sentence& s) const {
    if (b >= s.last_token) return std::nullopt;
    std::uint32_t e = s.last_token;
    while (e > b + 1 && (tok(e - 1).kind == TokenKind::Punct || (tok(e - 1).kind == TokenKind::Quote && mark[e - 1])))
      --e;
    // stop at a semicolon or an em dash
    for (std::uint32_t k = b + 1; k < e; ++k)
      if (low(k) == ";") {
        e = k;
        break;
      }
    if (e <= b) return std::nullopt;
    return Span{tok(b).start, tok(e - 1).end};
  }

  std::uint32_t first_token_at(std::uint32_t byte) const {
    auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), byte,
                               [](const Token& t, std::uint32_t b) { return t.start < b; });
    return static_cast<std::uint32_t>(it - doc.tokens.begin());
  }

  // The first cue in the content: a cue word or a trigger of another act than SAY
  // (a demand wins over the others). Outside quotations, a trigger verb ends the
  // search: it makes a statement of its own.
  const ActEntry* cue_in(std::span<const Span> spans) const {
    const auto n = static_cast<std::uint32_t>(doc.tokens.size());
    const ActEntry* first = nullptr;
    for (const Span& content : spans) {
      for (std::uint32_t k = first_token_at(content.start); k < n && tok(k).end <= content.end; ++k) {
        if (!(flags[k] & kMayStartCue)) continue;  // no cue, verb or phrase form starts here
        const auto* forms = fw(k);
        if (!forms) continue;
        bool stop = false;
        for (const auto& f : *forms) {
          if (k + f.size > n) continue;
          if (f.pos == Pos::Nominal || f.pos == Pos::Pronoun || f.pos == Pos::Light || f.pos == Pos::Noun) continue;
          if (!rest_matches(f, k)) continue;
          const ActEntry& e = lex.entries()[f.entry];
          if (quote[k] < 0 && (e.pos == Pos::Verb || e.pos == Pos::Phrase)) {
            stop = true;
            break;
          }
          if (e.act.empty() || e.act == "SAY") continue;
          if (e.quote_only && quote[k] < 0) continue;
          if (e.act == "DEMAND" && e.pos == Pos::Cue) return &e;
          if (!first) first = &e;
          break;
        }
        if (stop) break;
      }
    }
    return first;
  }

  // A name after a preposition of place ("over Syria", "in Ukraine") is where, not whom.
  bool locative(std::uint32_t k) const {
    static constexpr WordSet<12> preps{std::array<std::string_view, 12>{
        "in", "into", "over", "near", "across", "inside", "throughout", "at", "from", "around", "within", "outside"}};
    std::int64_t j = static_cast<std::int64_t>(k) - 1;
    while (
        j >= 0 &&
        (in(kDeterminers, low(static_cast<std::size_t>(j))) ||
         (tok(static_cast<std::uint32_t>(j)).shape == Shape::Lower && low(static_cast<std::size_t>(j)).size() > 3 &&
          (low(static_cast<std::size_t>(j)) == "eastern" || low(static_cast<std::size_t>(j)) == "western" ||
           low(static_cast<std::size_t>(j)) == "southern" || low(static_cast<std::size_t>(j)) == "northern" ||
           low(static_cast<std::size_t>(j)) == "neighbouring" || low(static_cast<std::size_t>(j)) == "neighboring"))))
      --j;
    return j >= 0 && in(preps, low(static_cast<std::size_t>(j)));
  }

  // A foreign actor named in the content (not the source's own country or organisation).
  std::optional<Cand> actor_in(std::span<const Span> spans, const std::string& sroot) const {
    const auto n = static_cast<std::uint32_t>(doc.tokens.size());
    for (const Span& content : spans)
      for (std::uint32_t k = first_token_at(content.start); k < n && tok(k).end <= content.end; ++k) {
        if (ment[k] < 0) continue;
        const Mention& m = doc.mentions[ment[k]];
        Cand c = from_mention(ment[k]);
        if (!c.ok || is_media(c.arg.actor) || root_of(c.arg.actor) == sroot || is_hyphen_glued(m) || locative(k))
          continue;
        return c;
      }
    return std::nullopt;
  }

  // The last target of the same source, in this paragraph or the `back` ones before.
  std::optional<Cand> inherited_target(const std::string& sroot, std::uint32_t para, std::uint32_t back) const {
    // A bounded look-back keeps a huge one-paragraph document linear.
    std::size_t looked = 0;
    for (auto it = seen.rbegin(); it != seen.rend() && looked < kLookBack; ++it, ++looked) {
      if (it->paragraph + back < para) break;
      if (root_of(it->arg.actor) != sroot) continue;
      if (it->target) return Cand{*it->target, "", true, ""};
    }
    return std::nullopt;
  }

  // The most named foreign actor so far (outside quotations), a last resort for
  // the target of a statement whose cue shows it is aimed at someone.
  // Counts of named actors outside quotations, kept up to a position and
  // extended as the extractor moves on (calls come in text order), so the
  // whole document is counted once, not once per statement.
  // Keyed by the root strings actor_info_ keeps (stable references).
  mutable boost::unordered_flat_map<std::string_view, std::pair<int, std::int32_t>, WordHash> salient_count;
  mutable std::uint32_t salient_pos = 0;

  std::optional<Cand> salient_target(const std::string& sroot, std::uint32_t before) const {
    if (before < salient_pos) {
      salient_count.clear();
      salient_pos = 0;
    }
    auto& count = salient_count;
    const std::uint32_t from = salient_pos;
    salient_pos = std::max<std::uint32_t>(
        salient_pos, std::min<std::uint32_t>(before, static_cast<std::uint32_t>(doc.tokens.size())));
    for (std::uint32_t k = from; k < before && k < doc.tokens.size(); ++k) {
      if (ment[k] < 0 || quote[k] >= 0) continue;
      if (k > 0 && ment[k - 1] == ment[k]) continue;
      const Mention& m = doc.mentions[ment[k]];
      const std::string& a = actor_of(m);
      if (a.empty() || is_media(a) || locative(k) || is_hyphen_glued(m)) continue;
      const std::string& r = root_of(a);
      auto& c = count[r];
      ++c.first;
      c.second = ment[k];
    }
    // The most counted root but the source's; of equal counts, the first in
    // byte order (the order does not depend on the table's).
    int best = 0;
    std::int32_t mi = -1;
    std::string_view best_root;
    for (const auto& [r, c] : count)
      if (r != sroot && (c.first > best || (c.first == best && best > 0 && r < best_root))) {
        best = c.first;
        mi = c.second;
        best_root = r;
      }
    if (best < 3) return std::nullopt;
    return from_mention(mi);
  }

  // ---- the statement builder ----
  // `given`: the target the pattern found, or null.
  void emit(const Cand& src, const Cand* given, const ActEntry& e, std::string_view act_in, Span trigger,
            std::optional<Span> content, bool is_quote, bool negated, std::uint32_t sentence) {
    const std::uint32_t para = doc.sentences[sentence].paragraph;
    const std::string& sroot = root_of(src.arg.actor);
    std::string_view act = act_in;
    std::string_view cameo =
        act == e.act ? std::string_view(e.cameo) : (act == "SAY" ? "010" : std::string_view(e.cameo));
    // The target: the given one, or one found below (kept in `found`).
    std::optional<Cand> found;
    const Cand* tgt = given;
    if (act == "SAY" && e.cameo != "011" && content) {
      // What a neutral statement does, from cues in its content (for a quotation,
      // every quotation of the paragraph).
      // At most the content and kQuotesPerParagraph quotations: no allocation.
      std::array<Span, kQuotesPerParagraph + 1> span_buf;
      std::size_t span_count = 0;
      span_buf[span_count++] = *content;
      if (is_quote) {
        // The paragraph's quotations (the first kQuotesPerParagraph of them).
        if (regions_by_para.empty()) {
          regions_by_para.resize(doc.paragraphs.size());
          for (std::size_t r = 0; r < regions.size(); ++r) {
            auto& list = regions_by_para[doc.sentences[tok(regions[r].open).sentence].paragraph];
            if (list.size() < kQuotesPerParagraph) list.push_back(static_cast<std::int32_t>(r));
          }
        }
        for (std::int32_t r : regions_by_para[para])
          if (auto sp = region_span(r); sp && sp->start != content->start) span_buf[span_count++] = *sp;
      }
      const std::span<const Span> spans(span_buf.data(), span_count);
      if (const ActEntry* cue = cue_in(spans)) {
        std::optional<Cand> t;
        if (tgt && tgt->ok) t = *tgt;
        if (!t) t = actor_in(spans, sroot);
        if (!t) t = inherited_target(sroot, para, 2);
        if (!t && cue->act != "REJECT" && cue->act != "DENY") t = salient_target(sroot, first_token_at(trigger.start));
        if (t || cue->act == "REJECT" || cue->act == "DENY") {
          act = cue->act;
          cameo = cue->cameo;
          found = std::move(t);
          tgt = found ? &*found : nullptr;
        }
      }
    } else if (act != "SAY" && act != "DENY" && act != "SUPPORT" && act != "REJECT" && (!tgt || !tgt->ok)) {
      found = inherited_target(sroot, para, 0);
      tgt = found ? &*found : nullptr;
    }
    Statement st;
    st.source = src.arg;
    if (tgt && tgt->ok && root_of(tgt->arg.actor) != sroot) st.target = tgt->arg;
    st.act = act;
    st.cameo = cameo;
    st.trigger = trigger;
    st.content = content;
    st.quote = is_quote;
    st.negated = negated;
    st.sentence = static_cast<std::int32_t>(sentence);
    out.push_back(std::move(st));
    out_para.push_back(para);
    seen.push_back(
        Seen{src.arg, src.type, para, src.head, tgt && tgt->ok ? std::optional<Argument>(tgt->arg) : std::nullopt});
  }

  void process_sentence(std::uint32_t si);
  void process_paragraph(std::uint32_t pi);
  void finish();
};

// Skips auxiliaries, adverbs, negation and time expressions leftwards from j.
std::int64_t skip_left(const Extractor& x, std::int64_t j, std::uint32_t lo, bool& negated) {
  while (j >= lo) {
    const auto u = static_cast<std::uint32_t>(j);
    const Word w = x.low(u);
    if (x.tok(u).kind != TokenKind::Word) break;
    if (in(kNegation, w) || (w.size() > 3 && w.compare(w.size() - 3, 3, "n't") == 0)) {
      negated = true;
      --j;
      continue;
    }
    if (x.ment[u] >= 0) break;
    if (in(kAux, w) || in(kAdverbs, w)) {
      --j;
      continue;
    }
    if (x.tok(u).shape == Shape::Lower && w.size() > 4 && w.compare(w.size() - 2, 2, "ly") == 0) {
      --j;
      // "immediately and heatedly"
      if (j - 1 >= lo && (x.low(static_cast<std::size_t>(j)) == "and" || x.low(static_cast<std::size_t>(j)) == "or")) {
        const Word p = x.low(static_cast<std::size_t>(j - 1));
        if (p.size() > 4 && p.compare(p.size() - 2, 2, "ly") == 0) --j;
      }
      continue;
    }
    if (in(kTime, w)) {
      --j;
      while (j >= lo && (in(kTimePrep, x.low(static_cast<std::size_t>(j))))) --j;
      continue;
    }
    break;
  }
  return j;
}

void Extractor::process_sentence(std::uint32_t si) {
  const Sentence& s = doc.sentences[si];
  const std::uint32_t lo = s.first_token, hi = s.last_token;
  // Most sentences hold no word that can start a trigger: nothing to do.
  // Sentences come in text order: the candidates before this one are done.
  while (next_candidate < candidates.size() && candidates[next_candidate].token < lo) ++next_candidate;
  const auto first_cand = candidates.begin() + static_cast<std::ptrdiff_t>(next_candidate);
  if (first_cand == candidates.end() || first_cand->token >= hi) return;
  const bool title = doc.paragraphs[s.paragraph].title;
  std::vector<std::uint32_t> used_as_target;  // mentions that were objects: no subjects later
  const std::size_t first_out = out.size();
  std::uint32_t resume = lo;
  // Only candidates can start a trigger (elsewhere match() finds nothing).
  for (auto cand = first_cand; cand != candidates.end() && cand->token < hi; ++cand) {
    const std::uint32_t i = cand->token;
    if (i < resume) continue;
    Trigger t = match(i, hi, cand->forms);
    if (!t.entry) continue;
    const ActEntry* e = t.entry;
    // Glued to a hyphen ("Iran-backed"): a modifier, no act.
    if (i > lo && !tok(i).space_before && low(i - 1) == "-") continue;
    const std::uint32_t len = t.last - t.first;
    const bool ing = low(t.last - 1).size() > 4 && low(t.last - 1).compare(low(t.last - 1).size() - 3, 3, "ing") == 0;
    // Noun or verb reading of a form listed as both.
    const Readings readings_at = readings(i, len, cand->forms);
    const ActEntry* noun = readings_at.noun;
    const ActEntry* verb = readings_at.verb ? readings_at.verb : readings_at.phrase;
    std::int64_t before = static_cast<std::int64_t>(i) - 1;
    bool noun_context = false;
    if (before >= lo) {
      const Word p = low(static_cast<std::size_t>(before));
      noun_context = in(kDeterminers, p) || is_possessive_s(static_cast<std::uint32_t>(before)) ||
                     (ment[static_cast<std::size_t>(before)] >= 0 &&
                      tok(static_cast<std::uint32_t>(before)).shape != Shape::Lower && !title &&
                      doc.mentions[ment[static_cast<std::size_t>(before)]].type == "NORP") ||
                     tok(static_cast<std::uint32_t>(before)).kind == TokenKind::Number ||
                     (tok(static_cast<std::uint32_t>(before)).shape == Shape::Lower && !in(kStop, p) && !in(kAux, p) &&
                      !in(kNegation, p) && !fw(static_cast<std::size_t>(before)) && noun && !verb);
    }
    if (noun && (noun_context || !verb))
      e = noun;
    else if (verb)
      e = verb;
    // A verb form after a possessive or a determiner is a noun that is no trigger ("the Kremlin's comments").
    if (e->pos == Pos::Verb && before >= lo &&
        (is_possessive_s(static_cast<std::uint32_t>(before)) ||
         in(kDeterminers, low(static_cast<std::size_t>(before)))))
      continue;
    if (e->pos == Pos::Light) continue;
    const bool is_noun = e->pos == Pos::Noun;
    if (is_noun && !noun_context && !(before >= lo && in(kStop, low(static_cast<std::size_t>(before))))) {
      // a bare noun form with no determiner: still a noun if nothing marks a verb
    }
    resume = t.last;
    Span trig{tok(t.first).start, tok(t.last - 1).end};
    std::string act = e->act;

    // Hypothetical ("how Russia could say"): no act.
    if (!is_noun && before >= lo &&
        (low(static_cast<std::size_t>(before)) == "could" || low(static_cast<std::size_t>(before)) == "might"))
      continue;
    // Infinitive after another verb ("refused to confirm", "want to comment"): the outer verb decides.
    if (!is_noun && before >= lo && low(static_cast<std::size_t>(before)) == "to" && e->pos != Pos::Phrase) continue;

    bool negated = false;
    Cands sources;
    Cands targets;
    bool passive = false;
    std::uint32_t after = t.last;  // first token after the trigger (and its object)
    std::optional<Span> content;
    bool is_quote = false;
    std::int64_t subject_first = -1;

    if (is_noun) {
      // Possessor ("Washington's warning"), NORP modifier ("Russian demands"),
      // light verb subject ("gave a warning"), or "from/by X" after the noun.
      std::int64_t j = before;
      int adj = 0;
      while (j >= lo && adj < 3 && tok(static_cast<std::uint32_t>(j)).shape == Shape::Lower &&
             tok(static_cast<std::uint32_t>(j)).kind == TokenKind::Word &&
             !in(kStop, low(static_cast<std::size_t>(j))) && !in(kDeterminers, low(static_cast<std::size_t>(j))) &&
             !fw(static_cast<std::size_t>(j))) {
        --j;
        ++adj;
      }
      if (j >= lo && tok(static_cast<std::uint32_t>(j)).kind == TokenKind::Number) --j;
      if (j >= lo && is_possessive_s(static_cast<std::uint32_t>(j))) {
        NP np = np_left(j - poss(static_cast<std::uint32_t>(j)), lo);
        for (auto& c : np.items) sources.push_back(std::move(c));
      } else if (j >= lo && ment[static_cast<std::size_t>(j)] >= 0 &&
                 doc.mentions[ment[static_cast<std::size_t>(j)]].type == "NORP") {
        Cand c = from_mention(ment[static_cast<std::size_t>(j)]);
        if (c.ok) sources.push_back(c);
      } else {
        // light verb within a few tokens before: a/an/the + adjectives
        std::int64_t k = j;
        while (k >= lo && (in(kDeterminers, low(static_cast<std::size_t>(k))) ||
                           tok(static_cast<std::uint32_t>(k)).kind == TokenKind::Number))
          --k;
        if (k >= lo) {
          const auto* lf = fw(static_cast<std::size_t>(k));
          bool light = false;
          if (lf)
            for (const auto& f : *lf)
              if (f.pos == Pos::Light && f.size == 1) light = true;
          if (light) {
            bool neg = false;
            std::int64_t sj = skip_left(*this, k - 1, lo, neg);
            negated = neg;
            if (sj >= lo && (low(static_cast<std::size_t>(sj)) == "," || low(static_cast<std::size_t>(sj)) == "and")) {
              if (out.size() > first_out) {
                Cand c{out.back().source, seen.back().type, true, seen.back().head};
                sources.push_back(c);
                if (out.back().target) targets.push_back(Cand{*out.back().target, "", true, ""});
              }
            } else if (sj >= lo) {
              NP np = np_left(sj, lo);
              for (auto& c : np.items) sources.push_back(std::move(c));
            }
          }
        }
      }
      if (sources.empty() && t.last + 1 < hi && (low(t.last) == "from" || low(t.last) == "by")) {
        NP np = np_right(t.last + 1, hi, false);
        for (auto& c : np.items) sources.push_back(std::move(c));
        after = t.last + 1;
        while (after < hi && (ment[after] >= 0 || in(kDeterminers, low(after)))) ++after;
      }
      if (sources.empty()) continue;
    } else if (e->after) {
      // "according to X"
      NP np = np_right(t.last, hi, true);
      for (auto& c : np.items) sources.push_back(std::move(c));
      // content: the rest of the sentence outside the phrase, i.e. the main clause before it
      if (t.first > lo) {
        std::uint32_t ce = t.first;
        while (ce > lo && tok(ce - 1).kind == TokenKind::Punct) --ce;
        if (ce > lo) content = Span{tok(lo).start, tok(ce - 1).end};
      }
    } else {
      // Passive: be + participle (+ by agent).
      bool neg = false;
      std::int64_t j = skip_left(*this, before, lo, neg);
      negated = neg;
      {
        std::int64_t b = before;
        while (b >= lo &&
               (in(kAdverbs, low(static_cast<std::size_t>(b))) || in(kNegation, low(static_cast<std::size_t>(b))) ||
                (low(static_cast<std::size_t>(b)).size() > 4 &&
                 low(static_cast<std::size_t>(b)).compare(low(static_cast<std::size_t>(b)).size() - 2, 2, "ly") == 0)))
          --b;
        if (b >= lo && in(kBe, low(static_cast<std::size_t>(b))) && !ing) passive = true;
      }
      if (passive) {
        std::uint32_t k = t.last;
        while (k < hi && k < t.last + 4 && low(k) != "by" && !mark[k]) ++k;
        if (k < hi && low(k) == "by") {
          NP np = np_right(k + 1, hi, true);
          for (auto& c : np.items) sources.push_back(std::move(c));
          NP subj = np_left(j, lo);  // j skipped the be-form as an auxiliary
          for (auto& c : subj.items) targets.push_back(std::move(c));
          after = k + 1;
          while (after < hi && (ment[after] >= 0 || in(kDeterminers, low(after)))) ++after;
        }
        if (sources.empty()) continue;  // agentless passive: no source
      } else if (ing &&
                 (j < lo || low(static_cast<std::size_t>(j)) == "," || low(static_cast<std::size_t>(j)) == "while" ||
                  low(static_cast<std::size_t>(j)) == "by" || low(static_cast<std::size_t>(j)) == "after")) {
        // A participle clause: the source of the neighbouring statement (resolved later).
        subject_first = -2;
      } else if (j >= lo && low(static_cast<std::size_t>(j)) == "as" && j - 1 >= lo) {
        // "quotes X as saying"
        NP np = np_left(j - 1, lo);
        for (auto& c : np.items) sources.push_back(std::move(c));
      } else if (j >= lo && (low(static_cast<std::size_t>(j)) == "who" || low(static_cast<std::size_t>(j)) == "which" ||
                             low(static_cast<std::size_t>(j)) == "that")) {
        std::int64_t k = j - 1;
        if (k >= lo && low(static_cast<std::size_t>(k)) == ",") --k;
        NP np = np_left(k, lo);
        for (auto& c : np.items) sources.push_back(std::move(c));
      } else if (j >= lo && (low(static_cast<std::size_t>(j)) == "and" || low(static_cast<std::size_t>(j)) == "but")) {
        // Coordinated verbs: "X dismissed ... and said ..." (or "the US and NATO" - try a noun phrase first).
        NP np = np_left(j - 1, lo);
        (void)np;
        subject_first = -3;
      } else if (j >= lo && (low(static_cast<std::size_t>(j)) == "," || mark[static_cast<std::size_t>(j)] ||
                             low(static_cast<std::size_t>(j)) == ":")) {
        // Appositive ("Lavrov, speaking at ..., referred") or inverted ('"...," said X').
        const auto cj = static_cast<std::uint32_t>(j);
        bool done = false;
        if (low(cj) == ",") {
          // Commas before this one, nearest first; the subject is the name before
          // the earliest of them ("NPR's Deborah Amos, reporting from Amman, Jordan, tells").
          std::vector<std::int64_t> commas;
          for (std::int64_t k = j - 1; k >= lo && k > j - 20; --k) {
            const auto u = static_cast<std::uint32_t>(k);
            if (mark[u] || quote[u] >= 0) break;
            if (low(u) == ",") commas.push_back(k);
          }
          for (auto it = commas.rbegin(); it != commas.rend() && !done; ++it) {
            const std::int64_t k = *it;
            if (k - 1 < lo || ment[static_cast<std::size_t>(k - 1)] < 0) continue;
            NP np = np_left(k - 1, lo);
            for (auto& c : np.items) sources.push_back(std::move(c));
            done = np.found;
          }
          if (!done && !commas.empty() && commas.front() - 1 >= lo) {
            NP np = np_left(commas.front() - 1, lo);
            for (auto& c : np.items) sources.push_back(std::move(c));
            done = np.found;
            if (!done) {
              // the appositive itself names the source ("..., Mario Draghi, described")
              NP ap = np_left(j - 1, static_cast<std::uint32_t>(commas.front() + 1));
              for (auto& c : ap.items) sources.push_back(std::move(c));
              done = ap.found;
            }
          }
          if (!done) {
            // "..., the ministry, said": a noun phrase right before the comma with a name
          }
        }
        if (!done && e->quote && t.last < hi) {
          NP np = np_right(t.last, hi, true);
          for (auto& c : np.items) sources.push_back(std::move(c));
          if (!np.items.empty()) {
            after = t.last;
            while (after < hi && low(after) != "," && low(after) != "." && low(after) != "who") ++after;
          }
          // content: the quotation (or clause) before
          std::int64_t q = j;
          if (low(cj) == "," && q - 1 >= lo && mark[static_cast<std::size_t>(q - 1)]) --q;
          if (mark[static_cast<std::size_t>(q)] && quote[static_cast<std::size_t>(q) - 1] >= 0) {
            content = region_span(quote[static_cast<std::size_t>(q) - 1]);
            is_quote = true;
          } else if (low(cj) == "," && j > lo) {
            content = Span{tok(lo).start, tok(cj - 1).end};
          }
        }
      } else if (j >= lo) {
        NP np = np_left(j, lo, title);
        for (auto& c : np.items) {
          bool was_target = false;
          for (auto ut : used_as_target)
            if (c.arg.start == doc.mentions[ut].start) was_target = true;
          if (!was_target) sources.push_back(std::move(c));
        }
        if (np.found || !np.items.empty()) subject_first = np.first;
      }
    }

    // Refusals: "refused to confirm" -> REJECT without target; skip the inner verb.
    if (e->lemma == "refuse" && t.last < hi && low(t.last) == "to") {
      std::uint32_t k = t.last + 1;
      Trigger inner = k < hi ? match(k, hi) : Trigger{};
      if (inner.entry) resume = inner.last;
    }
    if (e->need_for) {
      NP np = np_right(t.last, hi, false);
      std::uint32_t k = t.last;
      while (k < hi && k < t.last + 8 && low(k) != "for") ++k;
      if (k >= hi || low(k) != "for" || np.items.empty()) continue;
    }
    if (e->that_only && !(t.last < hi && low(t.last) == "that")) continue;

    // Target by frame: object, or object of a listed preposition.
    if (targets.empty() && !passive && !e->after) {
      std::uint32_t k = after;
      if (e->frame_obj && k < hi && !mark[k] && low(k) != "that") {
        NP np = np_right(k, hi, false);
        if (np.found) {
          targets = std::move(np.items);
          // past the object
          std::uint32_t m = k;
          while (m < hi && (ment[m] >= 0 || in(kDeterminers, low(m)) || low(m) == "and" || low(m) == "or" ||
                            low(m) == "," || is_possessive_s(m) || (tok(m).kind == TokenKind::Quote && !mark[m])))
            ++m;
          after = m;
        }
      }
      if (targets.empty() && k < hi) {
        for (const auto& p : e->frame_preps)
          if (low(k) == p && k + 1 < hi) {
            NP np = np_right(k + 1, hi, false);
            if (np.found) {
              targets = std::move(np.items);
              std::uint32_t m = k + 1;
              while (m < hi && (ment[m] >= 0 || in(kDeterminers, low(m)) || low(m) == "and" || low(m) == "or")) ++m;
              after = m;
            }
            break;
          }
      }
      for (auto& c : targets)
        for (std::uint32_t u = lo; u < hi; ++u)
          if (ment[u] >= 0 && doc.mentions[ment[u]].start == c.arg.start) used_as_target.push_back(ment[u]);
    }

    // '"...," X said': the quotation right before the subject comes first.
    if (!content && subject_first >= 0) {
      std::int64_t q = subject_first - 1;
      if (q >= lo && low(static_cast<std::size_t>(q)) == ",") --q;
      if (q >= 1 && mark[static_cast<std::size_t>(q)] && quote[static_cast<std::size_t>(q) - 1] >= 0) {
        content = region_span(quote[static_cast<std::size_t>(q) - 1]);
        is_quote = true;
      }
    }
    // Content: quotation after (':' or directly), that-clause, infinitive, "of ...", bare clause.
    if (!content) {
      std::uint32_t k = after;
      if (k < hi && low(k) == ",") ++k;
      if (k < hi && (low(k) == ":" || low(k) == ",") && k + 1 < hi && mark[k + 1]) ++k;
      if (k < hi && mark[k] && k + 1 < doc.tokens.size() && quote[k + 1] >= 0) {
        content = region_span(quote[k + 1]);
        is_quote = true;
      } else if (k < hi && (low(k) == "that" || low(k) == "to" || low(k) == "of" || low(k) == "for" ||
                            low(k) == "against" || low(k) == "on")) {
        content = clause_span(k, s);
      } else if (k < hi && e->quote && tok(k).kind == TokenKind::Word && !in(kStop, low(k))) {
        content = clause_span(k, s);
      } else if (k < hi && e->quote &&
                 (low(k) == "it" || low(k) == "they" || low(k) == "he" || low(k) == "she" || low(k) == "there" ||
                  low(k) == "this" || low(k) == "we")) {
        content = clause_span(k, s);
      } else if (k < hi && low(k) == "as") {
        content = clause_span(k, s);
      }
      // '"...," X said' : the quotation before the subject
      if (!content && subject_first >= 0) {
        std::int64_t q = subject_first - 1;
        if (q >= lo && low(static_cast<std::size_t>(q)) == ",") --q;
        if (q >= 0 && mark[static_cast<std::size_t>(q)] && q >= 1 && quote[static_cast<std::size_t>(q) - 1] >= 0) {
          content = region_span(quote[static_cast<std::size_t>(q) - 1]);
          is_quote = true;
        } else if (q >= 0 && q + 1 == subject_first && mark[static_cast<std::size_t>(q)] && q >= 1) {
          // closing mark directly before, e.g. ”X said — handled above
        } else if (q >= lo && low(static_cast<std::size_t>(subject_first - 1)) == "," && q >= lo && e->quote &&
                   !title) {
          // "The bombers will fly ..., Shoigu said": the clause before
          std::uint32_t b = lo;
          if (mark[b]) ++b;
          if (static_cast<std::int64_t>(b) <= q) content = Span{tok(b).start, tok(static_cast<std::uint32_t>(q)).end};
        }
      }
    }
    if (e->quote_only && !is_quote) continue;
    // No content after the verb ("that Ukraine says is ..."): the rest of the sentence, for cues and targets.
    if (!content && after < hi && !title) {
      std::uint32_t k = after;
      while (k < hi && (tok(k).kind == TokenKind::Punct)) ++k;
      if (k < hi && !mark[k]) content = clause_span(k, s);
    }

    // Modal insistence: DEMAND only with a modal in the content.
    if (e->modal && content) {
      bool modal = false;
      for (std::uint32_t u = t.last; u < hi && tok(u).start < content->end; ++u)
        if (in(kModals, low(u))) modal = true;
      if (!modal) act = "SAY";
    }

    // Target from the content when the act has none by frame.
    if (targets.empty() && content && !passive && !e->after) {
      std::uint32_t k = t.last;
      while (k < doc.tokens.size() && tok(k).start < content->start) ++k;
      if (k < doc.tokens.size() && low(k) == "that") ++k;
      while (k < doc.tokens.size() && in(kDeterminers, low(k))) ++k;
      const std::uint32_t limit = static_cast<std::uint32_t>(doc.tokens.size());
      if (k < limit && ment[k] >= 0 && tok(k).start < content->end) {
        Cand c = from_mention(ment[k]);
        if (c.ok && !is_media(c.arg.actor) && !is_hyphen_glued(doc.mentions[ment[k]])) targets.push_back(c);
      }
      if (targets.empty() && act != "SAY" && act != "DENY" && act != "SUPPORT") {
        int n = 0;
        for (std::uint32_t u = k; u < limit && tok(u).start < content->end && n < 24; ++u, ++n) {
          if (ment[u] < 0) continue;
          const Mention& m = doc.mentions[ment[u]];
          Cand c = from_mention(ment[u]);
          if (!c.ok || is_media(c.arg.actor) || is_hyphen_glued(m) || locative(u)) continue;
          bool same = false;
          for (auto& sc : sources)
            if (root_of(sc.arg.actor) == root_of(c.arg.actor)) same = true;
          if (same) continue;
          targets.push_back(c);
          break;
        }
      }
    }

    if (subject_first == -2 || subject_first == -3) {
      // Participle or coordinated verb: the previous statement's source in this sentence,
      // else (participle) the next one's, resolved after the sentence.
      if (out.size() > first_out) {
        sources.push_back(Cand{out.back().source, seen.back().type, true, seen.back().head});
        // The participle repeats the act before it toward the same target: one statement.
        const std::string prev_t = out.back().target ? root_of(out.back().target->actor) : std::string();
        bool same = false;
        for (auto& c : targets)
          if (root_of(c.arg.actor) == prev_t) same = true;
        if (targets.empty() && prev_t.empty()) same = true;
        if ((same || act == "SAY") && subject_first == -2) continue;
      } else if (subject_first == -3) {
        // the first name of the sentence
        for (std::uint32_t u = lo; u < i; ++u) {
          if (quote[u] >= 0 || mark[u]) continue;
          if (ment[u] >= 0) {
            NP np = np_left(static_cast<std::int64_t>(u), lo);
            Cand c = from_mention(ment[u]);
            if (c.ok && !is_media(c.arg.actor)) sources.push_back(c);
            break;
          }
          if (tok(u).kind == TokenKind::Word && tok(u).shape == Shape::Lower && in(kStop, low(u))) break;
        }
      } else {
        // look ahead: the subject of the next trigger in the sentence
        for (std::uint32_t u = t.last; u < hi; ++u) {
          if (quote[u] >= 0 || mark[u] || low(u) != ",") continue;
          std::uint32_t v = u + 1;
          while (v < hi && (in(kDeterminers, low(v)) || (tok(v).shape != Shape::Lower && ment[v] < 0))) ++v;
          if (v < hi && ment[v] >= 0) {
            Cand c = from_mention(ment[v]);
            // the rightmost name of that phrase
            std::uint32_t w = v;
            while (w + 1 < hi && (ment[w + 1] >= 0 || tok(w + 1).shape != Shape::Lower) && low(w + 1) != "," &&
                   tok(w + 1).kind == TokenKind::Word)
              ++w;
            if (ment[w] >= 0) c = from_mention(ment[w]);
            if (c.ok && !is_media(c.arg.actor)) sources.push_back(c);
            break;
          }
        }
      }
    }

    // Media reporting is not a statement of the medium; sources need an actor.
    Cands srcs;
    for (auto& c : sources) {
      if (c.ok && !is_media(c.arg.actor))
        srcs.push_back(std::move(c));
      else if (!c.ok && c.type == "PERSON" && c.arg.actor.empty())
        seen.push_back(Seen{c.arg, c.type, s.paragraph, c.head, std::nullopt});
    }
    if (srcs.empty()) continue;

    for (const auto& src : srcs) {
      const std::string& sroot = root_of(src.arg.actor);
      bool any_target = false;
      for (const auto& c : targets)
        if (c.ok && root_of(c.arg.actor) != sroot && !is_media(c.arg.actor)) {
          emit(src, &c, *e, act, trig, content, is_quote, negated, si);
          any_target = true;
        }
      if (!any_target) emit(src, nullptr, *e, act, trig, content, is_quote, negated, si);
    }
  }
}

void Extractor::process_paragraph(std::uint32_t pi) {
  const Paragraph& p = doc.paragraphs[pi];
  if (p.boilerplate) return;
  const std::size_t before = out.size();
  auto [first, last] = para_tokens(pi);
  if (first >= last) return;
  // A headline "X: ..." is X saying what follows.
  for (std::uint32_t si = tok(first).sentence; si < doc.sentences.size() && doc.sentences[si].paragraph == pi; ++si) {
    const std::uint32_t sf = doc.sentences[si].first_token, sl = doc.sentences[si].last_token;
    if (ment[sf] < 0) continue;
    std::uint32_t k = sf;
    while (k < sl && ment[k] == ment[sf]) ++k;
    if (!(k + 1 < sl && low(k) == ":")) continue;
    Cand c = from_mention(ment[sf]);
    if (c.ok && !is_media(c.arg.actor)) {
      static const ActEntry say = [] {
        ActEntry e;
        e.act = "SAY";
        e.cameo = "010";
        return e;
      }();
      emit(c, nullptr, say, "SAY", Span{tok(k).start, tok(k).end}, Span{tok(k + 1).start, tok(sl - 1).end}, false,
           false, si);
    }
  }
  for (std::uint32_t si = tok(first).sentence; si < doc.sentences.size() && doc.sentences[si].paragraph == pi; ++si)
    process_sentence(si);
  // A paragraph that is only a quotation belongs to the speaker of the paragraph before.
  bool opening_double = false;
  if (mark[first]) {
    bool op, cl;
    opening_double = quote_kind(text(first), op, cl) == 2 && op;
  }
  if (out.size() == before && opening_double && first + 1 < last && quote[first + 1] >= 0 &&
      regions[quote[first + 1]].close >= first + 6 && !p.title) {
    for (std::size_t k = out.size(); k-- > 0;) {
      if (out_para[k] + 1 != pi) break;
      const Statement& prev = out[k];
      static const ActEntry say = [] {
        ActEntry e;
        e.act = "SAY";
        e.cameo = "010";
        return e;
      }();
      Cand c{prev.source, seen[k].type, true, seen[k].head};
      c.arg.start = prev.source.start;
      c.arg.end = prev.source.end;
      emit(c, nullptr, say, "SAY", Span{tok(first).start, tok(first).end}, region_span(quote[first + 1]), true, false,
           tok(first).sentence);
      break;
    }
  }
}

void Extractor::finish() {
  // One statement per (paragraph, source, act, target), the first kept. The
  // roots are the strings actor_info_ keeps, acts the statements' own.
  struct Key {
    std::uint32_t para;
    std::string_view source, act, target;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const noexcept {
      const WordHash h;
      return h(k.source) ^ (h(k.act) * 31) ^ (h(k.target) * 131) ^ (std::size_t{k.para} * 0x9E3779B97F4A7C15ull);
    }
  };
  boost::unordered_flat_set<Key, KeyHash> keys;
  keys.reserve(out.size());
  std::vector<Statement> kept;
  kept.reserve(out.size());
  for (std::size_t k = 0; k < out.size(); ++k) {
    Statement& st = out[k];
    const Key key{out_para[k], root_of(st.source.actor), st.act,
                  st.target ? std::string_view(root_of(st.target->actor)) : std::string_view()};
    if (keys.contains(key)) continue;
    kept.push_back(std::move(st));
    Key stored = key;
    stored.act = kept.back().act;  // `st` was moved from; `kept` never regrows (reserved)
    keys.insert(stored);
  }
  doc.statements = std::move(kept);
  doc.mentions.reserve(doc.mentions.size() + added.size());
  for (auto& m : added) doc.mentions.push_back(std::move(m));
}

}  // namespace

void extract_statements(Document& doc, const Knowledge& knowledge) {
  doc.statements.clear();
  const ActLexicon& lexicon = knowledge.acts;
  if (lexicon.empty() || doc.tokens.empty()) return;
  Extractor x(doc, lexicon, knowledge.codes);
  x.prepare();
  for (std::uint32_t pi = 0; pi < doc.paragraphs.size(); ++pi) x.process_paragraph(pi);
  x.finish();
}


}  // namespace standpoints

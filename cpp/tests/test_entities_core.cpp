// The entity stage's building blocks that the speed work introduced:
// in-place lower-casing, the mention sort (merge and full paths), and the
// per-document cue memo, checked against their plain definitions.
#include <algorithm>
#include <string>
#include <vector>

#include "check.hpp"
#include "standpoints/analyzer.hpp"
#include "standpoints/entities.hpp"
#include "standpoints/segmenter.hpp"
#include "standpoints/utf8.hpp"

using namespace standpoints;

namespace {

// Lower-casing code point by code point: the definition the fast path must match.
std::string slow_lower(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) utf8::encode(utf8::to_lower(utf8::decode(s, i)), out);
  return out;
}

void lower_case_matches_the_code_point_definition() {
  const std::vector<std::string> samples = {
      "",
      "NATO",
      "The Kremlin SAID on Monday",             // ASCII across 8-byte blocks
      "\xC3\x89MMANUEL MACRON \xC3\x80 PARIS",  // Latin-1 capitals between ASCII
      "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1 / \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",  // Greek, Cyrillic
      "Russia\xE2\x80\x99s \xE2\x80\x9CSPECIAL OPERATION\xE2\x80\x9D",  // curly quotes stay as they are
      "\xC5\x81\xC3\x93"
      "D\xC5\xB9 12345678 ABCDEFGHIJKLMNOPQRSTUVWXYZ",  // Latin Extended-A
  };
  for (const auto& s : samples) {
    std::string fast(s.size(), '\0');
    CHECK(utf8::to_lower_same_length(s, fast.data()));
    CHECK(fast == slow_lower(s));
    CHECK(utf8::to_lower(s) == slow_lower(s));
  }
}

// The same-length lower-casing one code point at a time (what the block
// paths must reproduce byte for byte): a code point whose lower-case form has
// another byte length, and a byte that decodes to nothing, stay as written.
bool scalar_lower_same_length(std::string_view s, std::string& out) {
  out.assign(s.size(), '\0');
  bool same = true;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out[i] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++i;
      continue;
    }
    const std::size_t at = i;
    const char32_t c = utf8::decode(s, i);
    if (i == at) ++i;
    std::string enc;
    utf8::encode(utf8::to_lower(c), enc);
    if (enc.size() == i - at) {
      out.replace(at, enc.size(), enc);
    } else {
      out.replace(at, i - at, s.substr(at, i - at));
      same = false;
    }
  }
  return same;
}

// Texts assembled at random from ASCII runs, capitals, two-, three- and
// four-byte characters, curly quotation marks, characters whose lower case
// has another length (U+0130, the Kelvin sign) and stray bytes, so that
// non-ASCII bytes fall at every position of the 16- and 8-byte blocks.
void lower_case_blocks_match_the_scalar_definition() {
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           "The QUICK brown",
                                           " ",
                                           "ABCDEFGHIJKLMNOP",
                                           "\xC3\x89",
                                           "\xC3\xA9",
                                           "\xD0\x9C",
                                           "\xE2\x80\x99",
                                           "\xE2\x80\x9C",
                                           "\xE2\x80\x94",
                                           "\xF0\x9F\x98\x80",
                                           "\xC4\xB0",
                                           "\xE2\x84\xAA",
                                           "\xFF",
                                           "\x80",
                                           "\xC3",
                                           "\xE2",
                                           "\xE2\x80"};
  std::uint32_t seed = 12345;
  const auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  for (int round = 0; round < 4000; ++round) {
    std::string s;
    const std::size_t parts = next() % 24;
    for (std::size_t p = 0; p < parts; ++p) s += pieces[(next() >> 8) % pieces.size()];
    std::string fast(s.size(), '\0'), slow;
    const bool fast_same = utf8::to_lower_same_length(s, fast.data());
    const bool slow_same = scalar_lower_same_length(s, slow);
    CHECK(fast == slow);
    CHECK(fast_same == slow_same);
  }
}

Mention at(std::uint32_t start) {
  Mention m;
  m.start = start;
  m.end = start + 1;
  m.type = "GPE";
  m.actor = "X" + std::to_string(start);  // a payload that must travel with its mention
  return m;
}

bool sorted_with_payloads(const std::vector<Mention>& ms, std::size_t n) {
  if (ms.size() != n) return false;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    if (i && ms[i - 1].start >= ms[i].start) return false;
    if (ms[i].actor != "X" + std::to_string(ms[i].start)) return false;
  }
  return true;
}

void mentions_sort_by_start() {
  // A sorted list with a few mentions appended (the merge path).
  std::vector<Mention> ms;
  for (std::uint32_t s = 0; s < 100; s += 2) ms.push_back(at(s));
  for (std::uint32_t s : {51u, 7u, 99u}) ms.push_back(at(s));
  sort_mentions_by_start(ms);
  CHECK(sorted_with_payloads(ms, 53));
  // Mostly out of order (the full sort).
  std::vector<Mention> rev;
  for (std::uint32_t s = 40; s-- > 0;) rev.push_back(at(s * 3));
  sort_mentions_by_start(rev);
  CHECK(sorted_with_payloads(rev, 40));
  // Already sorted and empty lists stay as they are.
  sort_mentions_by_start(ms);
  CHECK(sorted_with_payloads(ms, 53));
  std::vector<Mention> none;
  sort_mentions_by_start(none);
  CHECK(none.empty());
}

void token_cues_agree_with_name_cues() {
  const std::string dir = STANDPOINTS_DATA_DIR;
  const auto rules = SegmenterRules::load(dir + "/abbreviations.tsv");
  const NameCues cues = NameCues::load(dir + "/name_cues.tsv", dir + "/agents.tsv", rules);
  Document doc;
  doc.text = "But Foreign Minister Sergei Lavrov said the Defense Ministry of Ukraine and Prime Minister X met.";
  tokenize(doc.text, 0, doc.text.size(), rules, doc.tokens);
  TokenCues memo(doc, cues);
  for (int pass = 0; pass < 2; ++pass) {  // the second pass reads the memo
    for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
      const std::string_view w = token_text(doc, doc.tokens[i]);
      CHECK(memo.kinds(i) == cues.kinds(w));
      CHECK(memo.starts_phrase(i) == cues.starts_phrase(w));
    }
  }
  // The memo answers what the data says: "Minister" is a title, "Ministry" an organisation head.
  CHECK(cues.kinds("Minister") & NameCues::kTitle);
  CHECK(cues.kinds("Ministry") & NameCues::kOrgHead);
  CHECK(cues.starts_phrase("Foreign") && cues.starts_phrase("PRIME"));
  CHECK(!cues.starts_phrase("Lavrov"));
}

// Acronyms introduced in parentheses become mentions of the name before
// them. Seven letters long, these are no names by themselves, so the resolver
// adds each one as a mention, many in one document, while it walks the list (a regression: it once read a mention after
// the list had moved; AddressSanitizer builds catch the old code on this text).
void acronyms_join_their_names() {
  AnalyzerOptions options;
  options.knowledge.data_dir = STANDPOINTS_DATA_DIR;
  const Analyzer analyzer(options);
  std::string body;
  const char* heads[] = {"Agency", "Council", "Institute", "Authority", "Commission"};
  for (int i = 0; i < 60; ++i) {
    const std::string a(1, static_cast<char>('A' + i % 26)), b(1, static_cast<char>('A' + (i / 26) % 26));
    body += "The Zorvan " + a + b + "lin " + heads[i % 5] + " (ZX" + a + b + "WVQ) met on Monday. ";
    if (i % 6 == 5) body += "\n";
  }
  const Document doc = analyzer.analyze_fields(std::nullopt, body, std::nullopt, std::nullopt, "acronyms");
  int acronyms = 0;
  for (const Mention& m : doc.mentions) {
    const std::string_view t = std::string_view(doc.text).substr(m.start, m.end - m.start);
    if (t.size() != 7 || t[0] != 'Z' || t[6] != 'Q') continue;
    ++acronyms;
    CHECK(m.entity >= 0);
    if (m.entity < 0) continue;
    // The entity's other mention is the full name just before "(".
    bool joined = false;
    for (const Mention& o : doc.mentions)
      if (&o != &m && o.entity == m.entity && o.end + 2 == m.start) joined = true;
    CHECK(joined);
  }
  CHECK(acronyms == 60);
}

}  // namespace

int main() {
  lower_case_matches_the_code_point_definition();
  lower_case_blocks_match_the_scalar_definition();
  mentions_sort_by_start();
  token_cues_agree_with_name_cues();
  acronyms_join_their_names();
  if (standpoints::testing::failures) std::fprintf(stderr, "%d check(s) failed\n", standpoints::testing::failures);
  return standpoints::testing::failures == 0 ? 0 : 1;
}

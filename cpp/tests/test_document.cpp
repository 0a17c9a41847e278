// The document's layers stay small (a huge document has a token every 4-5
// bytes of text and a mention every 70 or so), and the compact fields read
// and write as the plain ones they replace.
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "check.hpp"
#include "standpoints/document.hpp"
#include "standpoints/reader.hpp"
#include "standpoints/segmenter.hpp"

using namespace standpoints;

// Pinned: benchmarks/memory.py measures the peak memory these sizes give;
// a field added to Token or Mention must find room in them (or the bound in
// README.md's "Limits" moves with it).
static_assert(sizeof(Token) <= 8, "Token grew: a huge document has a token every 4-5 bytes of text");
static_assert(sizeof(Mention) <= 64, "Mention grew: a huge document has a mention every ~70 bytes of news");
static_assert(sizeof(SmallString<8>) == 8 && sizeof(SmallString<16>) == 16 && sizeof(GeoRef) == 8);

namespace {

void token_fields_are_independent() {
  Token t;
  CHECK(t.kind == TokenKind::Word && t.shape == Shape::Other && t.space_before && t.length == 0 && t.end() == 0);
  t.start = 4'000'000'000u;
  t.length = Token::kMaxLength;
  t.kind = TokenKind::Quote;
  t.shape = Shape::Mixed;
  t.space_before = false;
  CHECK(t.length == Token::kMaxLength && t.kind == TokenKind::Quote && t.shape == Shape::Mixed && !t.space_before);
  CHECK(t.end() == 4'000'000'000u + Token::kMaxLength);
  t.length = 0;
  CHECK(t.kind == TokenKind::Quote && t.shape == Shape::Mixed && !t.space_before && t.end() == t.start);
  t.kind = TokenKind::Word;
  t.shape = Shape::Other;
  t.space_before = true;
  t.length = 12345678;
  CHECK(t.length == 12345678 && t.kind == TokenKind::Word && t.shape == Shape::Other && t.space_before);
}

void small_strings_read_like_strings() {
  SmallString<8> s;
  CHECK(s.empty() && s.size() == 0 && s == "" && s.is_inline());
  s = "PERSON";
  CHECK(s == "PERSON" && s != "ORG" && "PERSON" == s && s.size() == 6 && !s.empty() && s.is_inline());
  CHECK(std::string(s) == "PERSON" && std::string_view(s) == "PERSON");
  const std::string code = "RUSGOV";
  s = code;
  CHECK(s == code && code == s && s.substr(0, 3) == "RUS" && s.rfind("RUS", 0) == 0 && s.starts_with("RUS"));
  std::string copied = s;  // implicit, as from a std::string
  CHECK(copied == "RUSGOV");
  CHECK(s + ":x" == "RUSGOV:x" && "x:" + s == "x:RUSGOV");
  // Exactly the inline capacity, then one byte more: a heap block.
  s = "ABCDEFG";
  CHECK(s.is_inline() && s == "ABCDEFG" && s.size() == 7);
  s = "USAGOVLEG";
  CHECK(!s.is_inline() && s == "USAGOVLEG" && s.size() == 9 && !s.empty());
  s = std::string(1000, 'x');
  CHECK(s.size() == 1000 && s == std::string(1000, 'x'));
  // Assigned from a view of itself (shorter, longer than inline).
  s = std::string_view(s).substr(10, 20);
  CHECK(s == std::string(20, 'x') && !s.is_inline());
  s = std::string_view(s).substr(0, 3);
  CHECK(s == "xxx" && s.is_inline());
  s = std::string_view(s).substr(1);
  CHECK(s == "xx");
  s.clear();
  CHECK(s.empty() && s == "");
  // Copies and moves, inline and on the heap.
  SmallString<8> a("USAGOVLEG"), b("GOV");
  SmallString<8> c = a, d = b;
  CHECK(c == a && d == b && c == "USAGOVLEG" && d == "GOV");
  SmallString<8> e = std::move(c);
  CHECK(e == "USAGOVLEG" && c.empty());  // a moved-from SmallString is empty
  e = std::move(d);
  CHECK(e == "GOV" && d.empty());
  e = a;
  CHECK(e == a && a == "USAGOVLEG");
  const SmallString<8>& same = e;
  e = same;  // self-assignment keeps the value
  CHECK(e == "USAGOVLEG");
  // Ordering as strings.
  CHECK(SmallString<8>("ABC") < SmallString<8>("ABD") && SmallString<8>("ABC") < std::string_view("B"));
  SmallString<16> wide("IGOUNOHRIAGOV");
  CHECK(wide.is_inline() && wide == "IGOUNOHRIAGOV" && wide.size() == 13);
}

void mentions_move_with_their_strings() {
  // Sorting moves mentions around: every code stays with its mention.
  std::vector<Mention> ms;
  for (std::uint32_t i = 0; i < 200; ++i) {
    Mention m;
    m.start = 1000 - i * 5;
    m.end = m.start + 3;
    m.type = i % 2 ? "PERSON" : "ORG";
    m.actor = i % 3 ? std::string("A") + std::to_string(i) : std::string("LONGCODE") + std::to_string(i);
    m.role = i % 5 ? "" : "GOV";
    ms.push_back(m);
  }
  std::sort(ms.begin(), ms.end(), [](const Mention& a, const Mention& b) { return a.start < b.start; });
  bool ok = true;
  for (const Mention& m : ms) {
    const std::uint32_t i = (1000 - m.start) / 5;
    ok = ok && m.type == (i % 2 ? "PERSON" : "ORG");
    ok = ok && m.actor == (i % 3 ? std::string("A") + std::to_string(i) : std::string("LONGCODE") + std::to_string(i));
    ok = ok && m.role == (i % 5 ? "" : "GOV");
  }
  CHECK(ok);
  const Mention copy = ms[7];
  CHECK(copy.actor == ms[7].actor && copy.type == ms[7].type && copy.role == ms[7].role);
}

void geo_refs_share_one_geo() {
  GeoRef none;
  CHECK(!none && none == nullptr && none.get() == nullptr);
  Geo g;
  g.name = "Invented Town";
  g.country = "ZZZ";
  g.lat = 1.5;
  GeoRef a = make_geo(g);
  CHECK(a && a->name == "Invented Town" && (*a).country == "ZZZ" && a.get()->lat == 1.5);
  std::vector<Mention> ms(1000);
  for (Mention& m : ms) m.geo = a;  // every mention of a place shares its Geo
  CHECK(ms[999].geo == a && ms[0].geo.get() == a.get());
  Entity e;
  e.geo = ms[3].geo;
  a = nullptr;
  ms.clear();
  CHECK(!a && e.geo && e.geo->name == "Invented Town");  // the last owner keeps it
  GeoRef moved = std::move(e.geo);
  CHECK(moved && !e.geo && moved->country == "ZZZ");
  moved = make_geo(Geo{});
  CHECK(moved && moved->name.empty());
}

// A run of letters longer than a token can hold (64 MiB) becomes several
// tokens that cover it, cut where a character starts, never inside one.
void a_run_longer_than_a_token_is_cut() {
  const std::size_t word_start = 6;
  std::string text = "Start ";
  text.append(Token::kMaxLength - 1, 'a');
  text += "\xC3\xA9";  // "é" across the byte where a cut would fall
  text.append(100, 'b');
  text += " end";
  Document doc = read_plain(text, "t");
  segment(doc, SegmenterRules{});
  CHECK(doc.tokens.size() == 4);
  const Token& a = doc.tokens[1];
  const Token& b = doc.tokens[2];
  CHECK(a.start == word_start && a.end() == word_start + Token::kMaxLength - 1);  // before "é", not inside it
  CHECK(b.start == a.end() && !b.space_before && b.end() == text.size() - 4);
  CHECK(doc.text.compare(doc.tokens[3].start, 3, "end") == 0 && doc.tokens[3].length == 3);
}

void tokens_know_their_sentence() {
  Document doc = read_plain("Talks ended. Mr. Roe left!\nA new paragraph. And one more sentence here.", "t");
  segment(doc, SegmenterRules{});
  CHECK(doc.sentences.size() >= 4);
  bool ok = true;
  for (std::uint32_t s = 0; s < doc.sentences.size(); ++s)
    for (std::uint32_t t = doc.sentences[s].first_token; t < doc.sentences[s].last_token; ++t)
      ok = ok && doc.sentence_of(t) == s;
  CHECK(ok);
}

// The syntax layer reads as a vector parallel to the tokens, but holds
// memory only for the blocks of tokens that were written.
void syntax_tokens_are_sparse() {
  SyntaxTokens syn;
  CHECK(syn.empty() && syn.bytes() == 0);
  syn.assign(1'000'000, TokenSyntax{});
  CHECK(syn.size() == 1'000'000);
  const SyntaxTokens& read = syn;
  CHECK(read[999'999].tag == PosTag::None && read[999'999].head == -1 && read[0].dep == Dep::None);
  const std::size_t index_only = syn.bytes();
  CHECK(index_only < 1'000'000);  // under a byte a token, not 8
  TokenSyntax& kept = syn[500'000];
  kept = TokenSyntax{PosTag::VBD, Dep::Root, -1};
  for (std::size_t t = 0; t < 1'000'000; t += 997) syn[t].tag = PosTag::NN;  // more blocks: `kept` stays put
  CHECK(kept.tag == PosTag::VBD && read[500'000].dep == Dep::Root);
  CHECK(read[997].tag == PosTag::NN && read[998].tag == PosTag::None);
  CHECK(syn.bytes() < 1'000'000 * sizeof(TokenSyntax));

  SyntaxTokens copy = syn;  // deep: writing one leaves the other
  copy[500'000].tag = PosTag::NN;
  CHECK(read[500'000].tag == PosTag::VBD && copy[500'000].tag == PosTag::NN && copy[997].tag == PosTag::NN);
  SyntaxTokens moved = std::move(copy);
  CHECK(moved.size() == 1'000'000 && moved[500'000].tag == PosTag::NN);
  CHECK(copy.empty() && copy.bytes() == 0);  // NOLINT(bugprone-use-after-move): moved-from is empty

  syn.resize(500'001);  // shrinking then growing shows nothing of what was cut
  syn.resize(1'000'000);
  CHECK(read[500'000].tag == PosTag::VBD && read[997 * 502].tag == PosTag::None);
  syn.assign(10, TokenSyntax{PosTag::DT, Dep::Det, 3});
  CHECK(syn.size() == 10 && read[9].tag == PosTag::DT && read[0].head == 3);
}

}  // namespace

int main() {
  token_fields_are_independent();
  a_run_longer_than_a_token_is_cut();
  small_strings_read_like_strings();
  mentions_move_with_their_strings();
  geo_refs_share_one_geo();
  tokens_know_their_sentence();
  syntax_tokens_are_sparse();
  return standpoints::testing::failures == 0 ? 0 : 1;
}

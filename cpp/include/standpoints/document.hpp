// The analysed document: every stage of the pipeline reads the layers that
// earlier stages wrote and adds its own. All offsets are UTF-8 byte offsets
// into `text`, end exclusive; the writers turn them into code point indices.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace standpoints {

struct Span {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  bool empty() const noexcept { return end <= start; }
};

struct Paragraph {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  bool title = false;        // kind "title" (else "body")
  bool boilerplate = false;  // publisher furniture: no mentions, no statements
};

struct Sentence {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::uint32_t paragraph = 0;
  std::uint32_t first_token = 0;  // tokens [first_token, last_token)
  std::uint32_t last_token = 0;
};

enum class TokenKind : std::uint8_t { Word, Number, Punct, Quote };

// Case shape of a word token, for name finding.
enum class Shape : std::uint8_t { Lower, Capitalized, AllCaps, Mixed, Other };

struct Token {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::Word;
  Shape shape = Shape::Other;
  bool space_before = true;  // whitespace (or a line start) precedes the token
  std::uint32_t sentence = 0;
};

struct Geo {
  std::string name;
  std::string country;  // ISO 3166-1 alpha-3
  std::string feature;  // country, admin1, region, city, place
  double lat = 0;
  double lon = 0;
  bool has_point = false;
  std::int64_t geonameid = 0;   // 0 = unknown
  std::int64_t population = 0;  // 0 = unknown
  std::string admin1;
};

enum class MentionKind : std::uint8_t { Name, Nominal, Pronoun };

struct Mention {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::string type;  // PERSON, ORG, GPE, LOC, NORP, LAW, EVENT
  MentionKind kind = MentionKind::Name;
  std::int32_t entity = -1;
  std::int32_t sentence = -1;
  std::string actor;  // empty = none
  // Shared, immutable: every "Russia" of a document points at one Geo, so a
  // huge article's mentions stay small.
  std::shared_ptr<const Geo> geo;
  std::int32_t kb = -1;           // knowledge-base entry (internal), -1 = found in text only
  std::string role;               // role word that cued the mention ("spokesman"), if any
  std::uint32_t first_token = 0;  // tokens [first_token, last_token) (internal)
  std::uint32_t last_token = 0;
};

struct Entity {
  std::string id;
  std::string name;
  std::string type;
  std::string actor;
  std::string country;
  std::vector<std::int32_t> mentions;
  std::shared_ptr<const Geo> geo;
  std::string role;
};

// Source or target of a statement: the mention that names the actor (or the
// words standing for it), with the resolved entity and actor code.
struct Argument {
  std::int32_t entity = -1;
  std::string actor;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};

struct Statement {
  Argument source;
  std::optional<Argument> target;
  std::string act;    // SAY, OFFER, DEMAND, URGE, WARN, ACCUSE, REJECT, DENY, SUPPORT
  std::string cameo;  // empty = null
  Span trigger;
  std::optional<Span> content;
  bool quote = false;
  bool negated = false;
  std::int32_t sentence = -1;
};

struct Document {
  std::string id;
  std::optional<std::string> title;  // null for plain text (no title line)
  std::optional<std::string> date;   // ISO 8601 YYYY-MM-DD
  std::optional<std::string> url;
  std::optional<std::string> source;  // URL host without "www."
  std::string text;                   // UTF-8
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Mention> mentions;
  std::vector<Entity> entities;
  std::vector<Statement> statements;
};

}  // namespace standpoints

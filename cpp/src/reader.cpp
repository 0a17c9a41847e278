#include "standpoints/reader.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "standpoints/utf8.hpp"

namespace standpoints {

ReadError::ReadError(const std::string& reason, std::size_t line, std::optional<std::size_t> byte_offset)
    : std::runtime_error(utf8::escape_invalid(reason)), line_(line), byte_offset_(byte_offset) {}

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool valid_ymd(int y, int m, int d) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + ((m == 2 && leap) ? 1 : 0);
}

std::string format_ymd(std::string_view y, std::string_view m, std::string_view d) {
  std::string out;
  out.reserve(10);
  out.append(y).push_back('-');
  out.append(m).push_back('-');
  out.append(d);
  return out;
}

// A line that stands where a date or URL should be but holds none.
bool is_placeholder(std::string_view s) {
  const std::string lower = utf8::to_lower(s);
  return lower == "unknown" || lower == "none" || lower == "null" || lower == "n/a" || lower == "na" || lower == "-" ||
         lower == "nan";
}

// A date-shaped line (8 digits, or YYYY-MM-DD with an optional time), valid or not.
bool looks_like_date(std::string_view s) {
  if (s.size() == 8 && all_digits(s)) return true;
  return s.size() >= 10 && all_digits(s.substr(0, 4)) && (s[4] == '-' || s[4] == '/') && all_digits(s.substr(5, 2)) &&
         s[7] == s[4] && all_digits(s.substr(8, 2)) && (s.size() == 10 || s[10] == 'T' || s[10] == ' ');
}

// The stripped, non-empty lines of prepared text (LF line ends), one at a
// time: no list of lines is built, so a text of a million short lines needs
// no memory beyond the document's own.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}
  bool next(std::string_view& line) {
    while (pos_ <= text_.size()) {
      std::size_t nl = text_.find('\n', pos_);
      if (nl == std::string_view::npos) nl = text_.size();
      line = utf8::strip(text_.substr(pos_, nl - pos_));
      pos_ = nl + 1;
      if (!line.empty()) return true;
    }
    return false;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// `skipped`: bytes dropped before `s` (a BOM), so that offsets count from the start of the input.
void check_no_nul(std::string_view s, std::size_t skipped = 0) {
  const void* p = std::memchr(s.data(), '\0', s.size());
  if (!p) return;
  const auto offset = static_cast<std::size_t>(static_cast<const char*>(p) - s.data());
  const std::size_t line =
      1 + static_cast<std::size_t>(std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
  throw ReadError("NUL byte at byte offset " + std::to_string(skipped + offset) + " (binary data?)", line,
                  skipped + offset);
}

// The number of '\n' in `s`, found with memchr (vectorised in the C
// library): news has a few hundred bytes between line ends, and std::count
// read every byte (18 M instructions on 1,000 news articles, against 1 M).
std::size_t count_newlines(std::string_view s) {
  std::size_t n = 0;
  if (s.empty()) return 0;
  for (const char *p = s.data(), *end = s.data() + s.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr; ++p)
    ++n;
  return n;
}

// A paragraph (line) longer than `longest` bytes: its length is kept in 30 bits.
ReadError paragraph_too_long(std::size_t size, std::size_t longest) {
  return ReadError("paragraph too long: " + std::to_string(size) + " bytes in one line, more than the " +
                   std::to_string(longest) + " a paragraph may have (break it into lines)");
}

// Joins the title, `first` (a body line already taken from `lines`, if any)
// and the rest of `lines` into text with one "\n" between them. `text` is
// what `lines` reads: its size and line count bound the document's.
void assemble(Document& doc, std::string_view text, const std::string_view* first, Lines& lines,
              const ReadOptions& options) {
  const std::size_t most = (doc.title ? doc.title->size() + 1 : 0) + text.size();
  doc.text.reserve(most);
  doc.paragraphs.reserve(count_newlines(text) + 2);
  const std::size_t longest = std::min<std::size_t>(options.max_paragraph_bytes, Paragraph::kMaxLength);
  auto add = [&](std::string_view p, bool title) {
    if (p.size() > longest) throw paragraph_too_long(p.size(), longest);
    if (!doc.text.empty() || !doc.paragraphs.empty()) doc.text.push_back('\n');
    Paragraph para;
    para.start = static_cast<std::uint32_t>(doc.text.size());
    doc.text.append(p);
    para.length = static_cast<std::uint32_t>(p.size()) & Paragraph::kMaxLength;  // fits: checked above
    para.title = title;
    doc.paragraphs.push_back(para);
  };
  if (doc.title) add(*doc.title, true);
  if (first) add(*first, false);
  for (std::string_view line; lines.next(line);) add(line, false);
  // Checked once the text is whole (the offsets above wrapped if it is too long).
  if (doc.text.size() > options.max_text_bytes)
    throw ReadError("document too large: " + std::to_string(doc.text.size()) + " bytes of text, more than the " +
                    std::to_string(options.max_text_bytes) + " a document may have (offsets are 32-bit)");
}

std::optional<std::string> url_or_null(std::string_view line, std::optional<std::string>* source) {
  std::string host;
  if (!parse_url(line, &host)) return std::nullopt;
  if (source && !host.empty()) *source = host;
  return std::string(line);
}

}  // namespace

std::optional<std::string> normalize_date(std::string_view raw) {
  const std::string_view s = utf8::strip(raw);
  if (s.size() == 8 && all_digits(s)) {
    if (!valid_ymd(to_int(s.substr(0, 4)), to_int(s.substr(4, 2)), to_int(s.substr(6, 2)))) return std::nullopt;
    return format_ymd(s.substr(0, 4), s.substr(4, 2), s.substr(6, 2));
  }
  if (looks_like_date(s)) {
    if (!valid_ymd(to_int(s.substr(0, 4)), to_int(s.substr(5, 2)), to_int(s.substr(8, 2)))) return std::nullopt;
    return format_ymd(s.substr(0, 4), s.substr(5, 2), s.substr(8, 2));
  }
  return std::nullopt;
}

namespace {

// The first position in s of a byte of `set` (npos if none): a plain loop,
// where string_view::find_first_of calls memchr on the set for every byte of
// s (118 calls for a news record's URL).
std::size_t first_of(std::string_view s, std::string_view set) {
  for (std::size_t i = 0; i < s.size(); ++i)
    for (const char c : set)
      if (s[i] == c) return i;
  return std::string_view::npos;
}

}  // namespace

bool parse_url(std::string_view s, std::string* host) {
  std::string_view rest;
  const std::string lower = utf8::to_lower(s.substr(0, std::min<std::size_t>(s.size(), 8)));
  if (lower.rfind("https://", 0) == 0)
    rest = s.substr(8);
  else if (lower.rfind("http://", 0) == 0)
    rest = s.substr(7);
  else
    return false;
  if (first_of(s, " \t") != std::string_view::npos) return false;
  std::size_t end = first_of(rest, "/?#");
  std::string_view authority = rest.substr(0, end == std::string_view::npos ? rest.size() : end);
  if (auto at = authority.rfind('@'); at != std::string_view::npos) authority = authority.substr(at + 1);
  if (auto colon = authority.find(':'); colon != std::string_view::npos) authority = authority.substr(0, colon);
  if (authority.empty()) return false;
  std::string h = utf8::to_lower(authority);
  if (h.rfind("www.", 0) == 0) h = h.substr(4);
  if (host) *host = h;
  return true;
}

namespace {

// prepare_text, which may take over `owned` (holding the same bytes as
// `bytes`) instead of copying it. `clean`: the caller has already checked
// that the bytes hold no NUL and are valid UTF-8.
std::string prepare_text_impl(std::string_view bytes, std::string* owned, const ReadOptions& options, bool clean) {
  std::size_t skipped = 0;
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) {
    bytes.remove_prefix(skipped = 3);
    owned = nullptr;
  }
  std::string repaired;
  if (!clean) {
    check_no_nul(bytes, skipped);
    if (auto bad = utf8::first_invalid(bytes)) {
      if (options.invalid_utf8 == InvalidUtf8::Error) {
        const std::size_t line = 1 + static_cast<std::size_t>(std::count(
                                         bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(*bad), '\n'));
        throw ReadError("invalid UTF-8 at byte offset " + std::to_string(skipped + *bad), line, skipped + *bad);
      }
      repaired = utf8::replace_invalid(bytes);
      bytes = repaired;
      owned = nullptr;
    }
  }
  std::string out;
  if (!std::memchr(bytes.data(), '\r', bytes.size())) {
    if (owned)
      out = std::move(*owned);
    else
      out.assign(bytes);
  } else {
    // CRLF and CR become LF: copy the runs between CRs whole.
    out.reserve(bytes.size());
    std::size_t i = 0;
    while (i < bytes.size()) {
      const void* cr = std::memchr(bytes.data() + i, '\r', bytes.size() - i);
      const std::size_t j = cr ? static_cast<std::size_t>(static_cast<const char*>(cr) - bytes.data()) : bytes.size();
      out.append(bytes.data() + i, j - i);
      if (j == bytes.size()) break;
      out.push_back('\n');
      i = j + 1;
      if (i < bytes.size() && bytes[i] == '\n') ++i;
    }
  }
  if (utf8::strip(out).empty()) throw ReadError(bytes.empty() ? "empty input" : "input holds only whitespace");
  return out;
}

}  // namespace

std::string prepare_text(std::string_view bytes, const ReadOptions& options) {
  return prepare_text_impl(bytes, nullptr, options, false);
}

Document read_article(std::string_view bytes, std::string id, const ReadOptions& options) {
  const std::string text = prepare_text(bytes, options);
  Lines lines(text);
  Document doc;
  doc.id = std::move(id);
  std::string_view line;
  lines.next(line);  // there is one: prepare_text rejects text without any
  doc.title = std::string(line);
  bool more = lines.next(line);
  // Line 2: a date (valid or not), or a placeholder; otherwise the date line is missing.
  if (more && (looks_like_date(line) || is_placeholder(line))) {
    doc.date = normalize_date(line);
    more = lines.next(line);
  }
  // Line 3: a URL, or a placeholder such as "unknown"; otherwise missing.
  if (more) {
    std::string host;
    if (parse_url(line, &host)) {
      doc.url = std::string(line);
      if (!host.empty()) doc.source = host;
      more = lines.next(line);
    } else if (is_placeholder(line)) {
      more = lines.next(line);
    }
  }
  assemble(doc, text, more ? &line : nullptr, lines, options);
  return doc;
}

Document read_plain(std::string_view bytes, std::string id, const ReadOptions& options) {
  const std::string text = prepare_text(bytes, options);
  Lines lines(text);
  Document doc;
  doc.id = std::move(id);
  assemble(doc, text, nullptr, lines, options);
  return doc;
}

namespace {

// make_document; `owned_body` (holding `body`) may be taken over, `clean` as
// for prepare_text_impl.
Document make_document_impl(std::optional<std::string> title, std::string_view body, std::string* owned_body,
                            std::optional<std::string> date, std::optional<std::string> url, std::string id,
                            const ReadOptions& options, bool clean) {
  Document doc;
  doc.id = std::move(id);
  if (title && !utf8::strip(*title).empty()) {
    std::string t = prepare_text(*title + "\n", options);
    // A title is one line: further lines join with spaces.
    std::replace(t.begin(), t.end(), '\n', ' ');
    const std::string_view stripped = utf8::strip(t);
    if (!stripped.empty()) doc.title = std::string(stripped);
  }
  if (date) doc.date = normalize_date(*date);
  if (url) doc.url = url_or_null(utf8::strip(*url), &doc.source);
  std::string text;
  if (!utf8::strip(body).empty())
    text = prepare_text_impl(body, owned_body, options, clean);
  else if (!doc.title)
    throw ReadError("empty input: no title and no text");
  Lines lines(text);
  assemble(doc, text, nullptr, lines, options);
  return doc;
}

}  // namespace

Document make_document(std::optional<std::string> title, std::string_view body, std::optional<std::string> date,
                       std::optional<std::string> url, std::string id, const ReadOptions& options) {
  return make_document_impl(std::move(title), body, nullptr, std::move(date), std::move(url), std::move(id), options,
                            false);
}

namespace {

// The fast path of read_json_record, for the records that real corpora hold:
// one object whose values are strings or null, with "paragraphs" a list of
// strings. Anything else (numbers, booleans, nested values, a repeated key,
// a lone surrogate escape, invalid UTF-8, a syntax error) makes it return
// false, and the caller parses the line with nlohmann/json instead, which
// gives the same fields and the same error messages.
class FastRecordParser {
 public:
  enum class State : std::uint8_t { Absent, Null, String, List };
  struct Field {
    State state = State::Absent;
    std::string value;  // a string's value; a list's strings each followed by "\n"
  };
  Field id, title, date, url, text, paragraphs;

  explicit FastRecordParser(std::string_view line) : p_(line.data()), end_(line.data() + line.size()) {}

  bool parse() {
    skip_ws();
    if (!eat('{')) return false;
    skip_ws();
    if (eat('}')) return finish();
    std::string key;
    for (;;) {
      key.clear();
      if (!eat('"') || !string_body(key)) return false;
      skip_ws();
      if (!eat(':')) return false;
      skip_ws();
      Field* field = field_for(key);
      if (field && field->state != State::Absent) return false;  // a repeated key
      if (!value(field, field == &paragraphs)) return false;
      skip_ws();
      if (eat(',')) {
        skip_ws();
        continue;
      }
      if (eat('}')) return finish();
      return false;
    }
  }

 private:
  const char* p_;
  const char* end_;

  bool eat(char c) {
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  void skip_ws() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool finish() {
    skip_ws();
    return p_ == end_;
  }

  Field* field_for(std::string_view key) {
    if (key == "id") return &id;
    if (key == "title") return &title;
    if (key == "date") return &date;
    if (key == "url") return &url;
    if (key == "text") return &text;
    if (key == "paragraphs") return &paragraphs;
    return nullptr;
  }

  // A value: a string, null, or (when `list_ok`) a list of strings.
  bool value(Field* field, bool list_ok) {
    if (p_ >= end_) return false;
    std::string ignored;
    // The article's text is most of the line: room for the rest of the line
    // up front, so that the string does not grow (and copy itself) a dozen
    // times on the way.
    if (field == &text || field == &paragraphs) field->value.reserve(static_cast<std::size_t>(end_ - p_));
    if (*p_ == '"') {
      ++p_;
      std::string& out = field ? field->value : ignored;
      if (!string_body(out)) return false;
      if (field) field->state = State::String;
      return true;
    }
    if (*p_ == 'n') {
      if (end_ - p_ < 4 || std::memcmp(p_, "null", 4) != 0) return false;
      p_ += 4;
      if (field) field->state = State::Null;
      return true;
    }
    if (*p_ == '[' && list_ok) {
      ++p_;
      skip_ws();
      field->state = State::List;
      if (eat(']')) return true;
      for (;;) {
        if (!eat('"') || !string_body(field->value)) return false;
        field->value.push_back('\n');
        skip_ws();
        if (eat(',')) {
          skip_ws();
          continue;
        }
        return eat(']');
      }
    }
    return false;
  }

  static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  bool hex4(unsigned& v) {
    if (end_ - p_ < 4) return false;
    v = 0;
    for (int k = 0; k < 4; ++k) {
      const int h = hex(p_[k]);
      if (h < 0) return false;
      v = (v << 4) | static_cast<unsigned>(h);
    }
    p_ += 4;
    return true;
  }

  // The rest of a string after its opening quote, unescaped and appended to
  // `out`. The line is valid UTF-8 (checked before), so bytes >= 0x80 copy as
  // they are; control characters must be escaped.
  bool string_body(std::string& out) {
    for (;;) {
      const char* run = p_;
#if defined(__SSE2__)
      // Sixteen bytes at a time while none is '"', '\\' or below 0x20.
      {
        const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), ctl = _mm_set1_epi8(0x1F);
        while (end_ - p_ >= 16) {
          const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p_));
          const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                           _mm_cmpeq_epi8(_mm_max_epu8(v, ctl), ctl));  // unsigned v <= 0x1F
          if (const int mask = _mm_movemask_epi8(hit)) {
            p_ += __builtin_ctz(static_cast<unsigned>(mask));
            break;
          }
          p_ += 16;
        }
      }
#endif
      // Eight bytes at a time while none is '"', '\\' or below 0x20.
      while (end_ - p_ >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p_, 8);
        constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
        const std::uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
        const std::uint64_t hit = ((q - ones) & ~q) | ((b - ones) & ~b) | ((w - ones * 0x20) & ~w);
        if (hit & highs) break;
        p_ += 8;
      }
      while (p_ < end_) {
        const auto c = static_cast<unsigned char>(*p_);
        if (c == '"' || c == '\\' || c < 0x20) break;
        ++p_;
      }
      out.append(run, static_cast<std::size_t>(p_ - run));
      if (p_ >= end_) return false;
      const char c = *p_++;
      if (c == '"') return true;
      if (c != '\\' || p_ >= end_) return false;  // a raw control character, or a cut escape
      switch (*p_++) {
        case '"':
          out.push_back('"');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case '/':
          out.push_back('/');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u': {
          unsigned cp;
          if (!hex4(cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a lone low surrogate
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned lo;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
            p_ += 2;
            if (!hex4(lo) || lo < 0xDC00 || lo > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          utf8::encode(static_cast<char32_t>(cp), out);
          break;
        }
        default:
          return false;
      }
    }
  }
};

std::optional<std::string> string_or_null(FastRecordParser::Field& f) {
  if (f.state == FastRecordParser::State::String) return std::move(f.value);
  return std::nullopt;
}

}  // namespace

Document read_json_record_slow(std::string_view line, const ReadOptions& options) {
  // Invalid UTF-8 first, as for any other input: an error naming the byte
  // (within the line), or U+FFFD in its place with InvalidUtf8::Replace.
  std::string repaired;
  if (auto bad = utf8::first_invalid(line)) {
    if (options.invalid_utf8 == InvalidUtf8::Error)
      throw ReadError("invalid UTF-8 at byte offset " + std::to_string(*bad), 0, *bad);
    repaired = utf8::replace_invalid(line);
    line = repaired;
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line.begin(), line.end());
  } catch (const nlohmann::json::exception& e) {
    // A syntax error, or a number out of range (1e400). nlohmann prefixes
    // "[json.exception.parse_error.101] "; keep the reason.
    std::string what = e.what();
    if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    throw ReadError("malformed JSON: " + what);
  }
  if (!j.is_object()) throw ReadError("a JSON Lines record must be an object");
  auto get_string = [&](const char* key) -> std::optional<std::string> {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();
    throw ReadError(std::string("field \"") + key + "\" must be a string");
  };
  std::string id = get_string("id").value_or("");
  std::string body;
  auto text_it = j.find("text");
  auto paras_it = j.find("paragraphs");
  if (paras_it != j.end() && paras_it->is_array()) {
    for (const auto& p : *paras_it) {
      if (!p.is_string()) throw ReadError("\"paragraphs\" must be a list of strings");
      body += p.get_ref<const std::string&>();
      body.push_back('\n');
    }
  } else if (text_it != j.end() && text_it->is_string()) {
    body = text_it->get<std::string>();
  } else if (text_it != j.end() && !text_it->is_null()) {
    throw ReadError("field \"text\" must be a string");
  }
  auto title = get_string("title");
  if (title) check_no_nul(*title);
  check_no_nul(body);
  try {
    return make_document(std::move(title), body, get_string("date"), get_string("url"), std::move(id), options);
  } catch (const ReadError& e) {
    throw ReadError(e.what());
  }
}

Document read_json_record(std::string_view line, const ReadOptions& options) {
  if (!utf8::first_invalid(line)) {
    FastRecordParser r(line);
    if (r.parse()) {
      // As below: "paragraphs" (a list) wins over "text".
      std::string id = string_or_null(r.id).value_or("");
      std::string body = r.paragraphs.state == FastRecordParser::State::List ? std::move(r.paragraphs.value)
                         : r.text.state == FastRecordParser::State::String   ? std::move(r.text.value)
                                                                             : std::string();
      auto title = string_or_null(r.title);
      if (title) check_no_nul(*title);
      check_no_nul(body);
      try {
        // The line is valid UTF-8 (so is what its escapes decode to) and the
        // body holds no NUL: prepare the text without checking again, in place.
        return make_document_impl(std::move(title), body, &body, string_or_null(r.date), string_or_null(r.url),
                                  std::move(id), options, true);
      } catch (const ReadError& e) {
        throw ReadError(e.what());
      }
    }
  }
  return read_json_record_slow(line, options);
}

std::string id_from_path(std::string_view path) {
  if (auto slash = path.find_last_of("/\\"); slash != std::string_view::npos) path = path.substr(slash + 1);
  for (std::string_view ext : {".jsonl.gz", ".txt.gz", ".jsonl", ".txt", ".json", ".gz"}) {
    if (path.size() > ext.size() && path.substr(path.size() - ext.size()) == ext)
      return std::string(path.substr(0, path.size() - ext.size()));
  }
  if (auto dot = path.rfind('.'); dot != std::string_view::npos && dot > 0) return std::string(path.substr(0, dot));
  return std::string(path);
}

}  // namespace standpoints

// Reading articles: the seed file format, JSON Lines records and plain text,
// into a Document with `text` and `paragraphs` (SCHEMA.md, "Reading").
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "standpoints/document.hpp"

namespace standpoints {

// An input that cannot be read. `line` is 1-based (0 = not tied to a line);
// `byte_offset` is set for encoding errors. The message is valid UTF-8
// whatever the input held: bytes of the input that a reason quotes (a JSON
// parser's "last read: ...") and that are not UTF-8 are written "\xNN".
class ReadError : public std::runtime_error {
 public:
  ReadError(const std::string& reason, std::size_t line = 0, std::optional<std::size_t> byte_offset = std::nullopt);
  std::size_t line() const noexcept { return line_; }
  std::optional<std::size_t> byte_offset() const noexcept { return byte_offset_; }

 private:
  std::size_t line_;
  std::optional<std::size_t> byte_offset_;
};

enum class InvalidUtf8 { Error, Replace };

struct ReadOptions {
  // Offsets inside the core are 32-bit: a document's text (title and
  // paragraphs joined) must stay under 4 GiB.
  static constexpr std::size_t kMaxTextBytes = 0xFFFFFFF0u;
  InvalidUtf8 invalid_utf8 = InvalidUtf8::Error;
  // A longer text is a ReadError ("document too large") instead of offsets
  // that wrap; a caller may set a lower cap.
  std::size_t max_text_bytes = kMaxTextBytes;
  // A paragraph (a line of the body, the title) longer than this is a
  // ReadError ("paragraph too long"): a paragraph is at most
  // Paragraph::kMaxLength bytes (1 GiB - 1); a caller may set a lower cap.
  std::size_t max_paragraph_bytes = Paragraph::kMaxLength;
};

// "20220203", "2022-02-03", "2022-02-03T10:00:00Z" -> "2022-02-03"; else nullopt
// (also for impossible dates such as 2022-02-30).
std::optional<std::string> normalize_date(std::string_view s);

// True when the line is an http(s) URL; `host` receives the host without
// "www." and without port or credentials.
bool parse_url(std::string_view s, std::string* host);

// Validates (or repairs) encoding and rejects empty and binary content.
// Returns the text with a leading BOM dropped and CRLF/CR turned into LF.
std::string prepare_text(std::string_view bytes, const ReadOptions& options);

// The seed article format: title, date line, URL line, one paragraph per line.
// A missing date or URL line is tolerated (the field is null).
Document read_article(std::string_view bytes, std::string id, const ReadOptions& options = {});

// Plain text: every non-empty line is a body paragraph; no title.
Document read_plain(std::string_view bytes, std::string id, const ReadOptions& options = {});

// One JSON Lines record {"id","title","date","url","text"|"paragraphs"}.
Document read_json_record(std::string_view line, const ReadOptions& options = {});
// The same for any record, parsed with nlohmann/json: what read_json_record
// falls back to for records off its fast path, and its reference in tests.
Document read_json_record_slow(std::string_view line, const ReadOptions& options = {});

// Builds a document from fields already in hand (the Python `parse`).
// `body` is split into lines like a file body.
Document make_document(std::optional<std::string> title, std::string_view body, std::optional<std::string> date,
                       std::optional<std::string> url, std::string id, const ReadOptions& options = {});

// The id of a file: its name without directory and extension(s).
std::string id_from_path(std::string_view path);

}  // namespace standpoints

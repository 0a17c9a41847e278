// The writer: a Document as the SCHEMA.md record. Byte offsets become code
// point offsets (Python str indices) here, in one place.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "standpoints/document.hpp"

namespace standpoints {

using ordered_json = nlohmann::ordered_json;

struct WriteOptions {
  bool tokens = false;  // add "tokens" (not part of the contract; for debugging)
};

// One line of JSON (no newline); `indent` >= 0 pretty-prints.
std::string to_json(const Document& doc, int indent = -1, const WriteOptions& options = {});

// The same line handed to `sink` in pieces of about 1 MB as it is written, so
// that the whole record is never held in memory (the command line streams a
// huge article's record to its output this way).
using JsonSink = std::function<void(std::string_view)>;
void write_json(const Document& doc, const JsonSink& sink, const WriteOptions& options = {});

}  // namespace standpoints

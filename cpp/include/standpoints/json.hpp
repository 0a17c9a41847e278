// The writer: a Document as the SCHEMA.md record. Byte offsets become code
// point offsets (Python str indices) here, in one place.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "standpoints/document.hpp"

namespace standpoints {

using ordered_json = nlohmann::ordered_json;

struct WriteOptions {
  bool tokens = false;  // add "tokens" (not part of the contract; for debugging)
};

ordered_json to_record(const Document& doc, const WriteOptions& options = {});

// One line of JSON (no newline); `indent` >= 0 pretty-prints.
std::string to_json(const Document& doc, int indent = -1, const WriteOptions& options = {});

}  // namespace standpoints

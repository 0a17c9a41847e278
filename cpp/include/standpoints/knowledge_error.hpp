// Errors in knowledge files (built-in or the user's): file, line and reason,
// each valid UTF-8 (bytes that are not, in a file name or a quoted value, are
// written "\xNN").
#pragma once

#include <stdexcept>
#include <string>

#include "standpoints/utf8.hpp"

namespace standpoints {

class KnowledgeError : public std::runtime_error {
 public:
  KnowledgeError(const std::string& file, std::size_t line, const std::string& reason)
      : std::runtime_error(message(utf8::escape_invalid(file), line, utf8::escape_invalid(reason))),
        file_(utf8::escape_invalid(file)),
        line_(line),
        reason_(utf8::escape_invalid(reason)) {}
  const std::string& file() const noexcept { return file_; }
  std::size_t line() const noexcept { return line_; }
  const std::string& reason() const noexcept { return reason_; }

 private:
  static std::string message(const std::string& file, std::size_t line, const std::string& reason) {
    std::string m = file;
    if (line) {
      m += ':';
      m += std::to_string(line);
    }
    m += ": ";
    m += reason;
    return m;
  }
  std::string file_;
  std::size_t line_;
  std::string reason_;
};

}  // namespace standpoints

// Errors in knowledge files (built-in or the user's): file, line and reason.
#pragma once

#include <stdexcept>
#include <string>

namespace standpoints {

class KnowledgeError : public std::runtime_error {
 public:
  KnowledgeError(const std::string& file, std::size_t line, const std::string& reason)
      : std::runtime_error(message(file, line, reason)), file_(file), line_(line), reason_(reason) {}
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

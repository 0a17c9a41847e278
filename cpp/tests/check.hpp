// The one assertion the C++ tests share: report the failed condition with
// file and line, count it, and go on (each test's main returns the count).
#pragma once

#include <cstdio>

namespace standpoints::testing {
inline int failures = 0;
}  // namespace standpoints::testing

#define CHECK(cond)                                                                 \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      std::fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++standpoints::testing::failures;                                             \
    }                                                                               \
  } while (0)

// Memory for the layers of a huge document: a full vector of tokens,
// sentences or mentions grows by half (not double, as std::vector does), so
// that a layer of a 100 MB text takes about its own size, not up to twice it,
// and the copy made while it grows holds 2.5 times the elements, not 3.
#pragma once

#include <vector>

namespace standpoints {

// Makes room for one more element, growing a full vector by half.
template <class T>
void grow_by_half(std::vector<T>& v) {
  if (v.size() == v.capacity()) v.reserve(v.capacity() + v.capacity() / 2 + 16);
}

// Gives back the unused capacity when it is more than an eighth.
template <class T>
void give_back_unused(std::vector<T>& v) {
  if (v.capacity() - v.size() > v.size() / 8 + 1024) v.shrink_to_fit();
}

}  // namespace standpoints

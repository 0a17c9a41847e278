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

// Gives back the unused capacity when it is more than a 32nd (and more than
// 1,024 elements, so that an ordinary document's layers are not copied): the
// segmenter's first guess for the tokens of a huge text overshoots by ~5%
// (8 MB on a 98 MB record, for the whole run).
template <class T>
void give_back_unused(std::vector<T>& v) {
  if (v.capacity() - v.size() > v.size() / 32 + 1024) v.shrink_to_fit();
}

}  // namespace standpoints

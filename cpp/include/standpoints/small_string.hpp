// SmallString<N>: a string in N bytes (8 or 16) that keeps up to N - 1 bytes
// inside the object and longer ones in one heap block of its own. A mention's
// type ("PERSON"), actor code ("RUSGOV") and role ("GOV") are that short, so
// a huge document's mentions carry no heap block and no 32-byte std::string
// for them. It reads and writes like the std::string it replaces where
// mentions are used: assignment from std::string, std::string_view and string
// literals; comparison with any of them; implicit conversion to
// std::string_view and std::string; empty(), size(), data(), substr().
//
// Layout: the first 8 bytes (on a big-endian machine, the last 8) are either
// a pointer to the heap block or, when the lowest bit of that word is set, the
// tag byte of an inline string ((size << 1) | 1) beside its bytes. A heap
// block is aligned to at least 2, so its pointer's lowest bit is clear.
#pragma once

#include <bit>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>

namespace standpoints {

template <std::size_t N>
class SmallString {
  static_assert(N == 8 || N == 16, "SmallString holds 8 or 16 bytes");
  static_assert(sizeof(void*) <= 8, "a heap pointer must fit the first word");
  static constexpr bool kLittle = std::endian::native == std::endian::little;
  static_assert(kLittle || std::endian::native == std::endian::big, "mixed-endian machines are not supported");
  // Where the tag byte and the inline bytes are: the low byte of the pointer
  // word is the first byte on a little-endian machine, the eighth on a
  // big-endian one (the pointer word is then the last word).
  static constexpr std::size_t kTag = kLittle ? 0 : N - 1;
  static constexpr std::size_t kChars = kLittle ? 1 : 0;
  static constexpr std::size_t kPointer = kLittle ? 0 : N - 8;

 public:
  static constexpr std::size_t inline_capacity = N - 1;

  SmallString() noexcept { set_inline_size(0); }
  SmallString(std::string_view s) { init(s); }  // NOLINT: implicit, as std::string from a literal
  SmallString(const SmallString& o) { init(o.view()); }
  SmallString(SmallString&& o) noexcept {
    std::memcpy(bytes_, o.bytes_, N);
    o.set_inline_size(0);
  }
  ~SmallString() { release(); }

  SmallString& operator=(const SmallString& o) {
    if (this != &o) assign(o.view());
    return *this;
  }
  SmallString& operator=(SmallString&& o) noexcept {
    if (this != &o) {
      release();
      std::memcpy(bytes_, o.bytes_, N);
      o.set_inline_size(0);
    }
    return *this;
  }
  SmallString& operator=(std::string_view s) {
    assign(s);
    return *this;
  }

  std::string_view view() const noexcept {
    if (is_inline()) return std::string_view(bytes_ + kChars, static_cast<std::size_t>(bytes_[kTag]) >> 1);
    const char* block = heap();
    std::uint32_t size;
    std::memcpy(&size, block, sizeof size);
    return std::string_view(block + sizeof size, size);
  }
  operator std::string_view() const noexcept { return view(); }  // NOLINT: implicit, as std::string
  operator std::string() const { return std::string(view()); }   // NOLINT

  std::size_t size() const noexcept { return view().size(); }
  std::size_t length() const noexcept { return size(); }
  bool empty() const noexcept { return is_inline() && bytes_[kTag] == 1; }
  const char* data() const noexcept { return view().data(); }
  const char* begin() const noexcept { return view().data(); }
  const char* end() const noexcept { return view().data() + view().size(); }
  char operator[](std::size_t i) const noexcept { return view()[i]; }
  char front() const noexcept { return view().front(); }
  char back() const noexcept { return view().back(); }
  void clear() noexcept {
    release();
    set_inline_size(0);
  }
  // As std::string's: a copy of [pos, pos + count).
  std::string substr(std::size_t pos = 0, std::size_t count = std::string_view::npos) const {
    return std::string(view().substr(pos, count));
  }
  bool starts_with(std::string_view s) const noexcept { return view().starts_with(s); }
  bool ends_with(std::string_view s) const noexcept { return view().ends_with(s); }
  std::size_t find(std::string_view s, std::size_t pos = 0) const noexcept { return view().find(s, pos); }
  std::size_t find(char c, std::size_t pos = 0) const noexcept { return view().find(c, pos); }
  std::size_t rfind(std::string_view s, std::size_t pos = std::string_view::npos) const noexcept {
    return view().rfind(s, pos);
  }
  std::size_t rfind(char c, std::size_t pos = std::string_view::npos) const noexcept { return view().rfind(c, pos); }
  // Whether the string lives in the object (no heap block).
  bool is_inline() const noexcept { return (static_cast<unsigned char>(bytes_[kTag]) & 1u) != 0; }

  friend bool operator==(const SmallString& a, const SmallString& b) noexcept { return a.view() == b.view(); }
  // The stages compare a mention's type with a literal ("GPE") a few hundred
  // times a document: an inline string is told apart by its tag byte, which
  // holds the size, before any byte is compared. Always inlined: GCC kept it
  // as a call of 27 instructions (9 M on 1,000 news articles).
  [[gnu::always_inline]] friend bool operator==(const SmallString& a, std::string_view b) noexcept {
    if (a.is_inline())
      return static_cast<unsigned char>(a.bytes_[kTag]) == ((b.size() << 1) | 1u) &&
             (b.empty() || std::memcmp(a.bytes_ + kChars, b.data(), b.size()) == 0);
    return a.view() == b;
  }
  friend std::strong_ordering operator<=>(const SmallString& a, const SmallString& b) noexcept {
    return a.view() <=> b.view();
  }
  friend std::strong_ordering operator<=>(const SmallString& a, std::string_view b) noexcept { return a.view() <=> b; }
  friend std::string operator+(const SmallString& a, std::string_view b) {
    std::string s(a.view());
    s += b;
    return s;
  }
  friend std::string operator+(std::string_view a, const SmallString& b) {
    std::string s(a);
    s += b.view();
    return s;
  }

 private:
  void set_inline_size(std::size_t n) noexcept {
    std::memset(bytes_, 0, N);
    bytes_[kTag] = static_cast<char>((n << 1) | 1u);
  }
  char* heap() const noexcept {
    char* p;
    std::memcpy(&p, bytes_ + kPointer, sizeof p);
    return p;
  }
  void release() noexcept {
    if (!is_inline()) ::operator delete(heap());
  }
  // Into a fresh object (nothing to release).
  void init(std::string_view s) {
    if (s.size() <= inline_capacity) {
      write_inline(s, bytes_);
      return;
    }
    const auto size = static_cast<std::uint32_t>(s.size());
    if (size != s.size()) throw std::length_error("SmallString: longer than 4 GB");
    auto* block = static_cast<char*>(::operator new(sizeof size + s.size()));
    std::memcpy(block, &size, sizeof size);
    std::memcpy(block + sizeof size, s.data(), s.size());
    std::memset(bytes_, 0, N);
    std::memcpy(bytes_ + kPointer, &block, sizeof block);
  }
  void assign(std::string_view s) {
    if (s.size() <= inline_capacity) {
      // Made aside first: `s` may view this string, whose heap block goes.
      char word[N];
      write_inline(s, word);
      release();
      std::memcpy(bytes_, word, N);
      return;
    }
    // `s` may view this string itself: copy it out before releasing.
    if (!is_inline()) {
      SmallString copy(s);
      *this = std::move(copy);
      return;
    }
    init(s);  // inline now, so nothing to release; `s` is not inside this object's bytes
  }
  // The N bytes of an inline string of at most N - 1 bytes, into `word`.
  // The bytes are copied in pieces of fixed size, which the compiler
  // inlines: a memcpy of a variable size is a call into libc, and mentions
  // are given their type, actor and role a few hundred times a document.
  static void write_inline(std::string_view s, char* word) noexcept {
    std::memset(word, 0, N);
    word[kTag] = static_cast<char>((s.size() << 1) | 1u);
    char* to = word + kChars;
    const char* from = s.data();
    if (N == 16 && (s.size() & 8)) copy_piece<8>(to, from);
    if (s.size() & 4) copy_piece<4>(to, from);
    if (s.size() & 2) copy_piece<2>(to, from);
    if (s.size() & 1) *to = *from;
  }
  template <std::size_t kSize>
  static void copy_piece(char*& to, const char*& from) noexcept {
    std::memcpy(to, from, kSize);
    to += kSize;
    from += kSize;
  }

  alignas(8) char bytes_[N];
};

}  // namespace standpoints

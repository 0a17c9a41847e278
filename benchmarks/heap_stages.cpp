// standpoints_heap: where a huge document's memory goes, stage by stage.
//
//   standpoints_heap --data python/standpoints/data --input FILE [--format article|jsonl|plain]
//                    [--blocks MB]
//
// Reads one document (an article file, the first record of a JSON Lines file,
// or plain text), then runs the pipeline's stages one call at a time, as
// Analyzer::analyze() does, and counts the heap: every operator new / delete
// of this process goes through the counter below (malloc_usable_size, so the
// figures are what the allocator hands out). For each stage it prints the
// live bytes after it and the peak within it, in MB above the text and as
// multiples of the text; then the size of each layer of the document
// (capacity x element size); and, for the stage with the highest peak, the
// blocks of at least --blocks MB (default 1) that were live at that peak,
// each with its size per token, which names the arrays that hold it.
//
// Not a test; a measuring tool (benchmarks/README.md, "Memory on hostile
// shapes"). Single-threaded by construction: the counter is not atomic.
#include <dlfcn.h>
#include <execinfo.h>
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "standpoints/boilerplate.hpp"
#include "standpoints/entities.hpp"
#include "standpoints/geocoder.hpp"
#include "standpoints/knowledge.hpp"
#include "standpoints/reader.hpp"
#include "standpoints/resolver.hpp"
#include "standpoints/segmenter.hpp"
#include "standpoints/statements.hpp"

namespace {

// ---- the heap counter
std::size_t g_live = 0, g_peak = 0;
std::size_t g_block_min = std::size_t(1) << 20;
bool g_track_blocks = false;
// Blocks of at least g_block_min bytes live now, and those live at the peak.
// Their own nodes are allocated with malloc (through the allocator below),
// so the counter does not count itself.
template <class T>
struct RawAllocator {
  using value_type = T;
  RawAllocator() = default;
  template <class U>
  RawAllocator(const RawAllocator<U>&) noexcept {}
  T* allocate(std::size_t n) { return static_cast<T*>(std::malloc(n * sizeof(T))); }
  void deallocate(T* p, std::size_t) noexcept { std::free(p); }
  friend bool operator==(const RawAllocator&, const RawAllocator&) { return true; }
};
using BlockMap = std::map<void*, std::size_t, std::less<>, RawAllocator<std::pair<void* const, std::size_t>>>;
BlockMap* g_blocks = nullptr;
std::vector<std::pair<void*, std::size_t>, RawAllocator<std::pair<void*, std::size_t>>>* g_at_peak = nullptr;
bool g_in_counter = false;
// --trace MB: the call stack (offsets, for addr2line -f -C -i -e standpoints_heap) of every
// allocation of at least that size.
std::size_t g_trace_min = 0;

void* counted_alloc(std::size_t n) {
  void* p = std::malloc(n ? n : 1);
  if (!p) throw std::bad_alloc();
  const std::size_t got = malloc_usable_size(p);
  g_live += got;
  if (g_trace_min && got >= g_trace_min && !g_in_counter) {
    g_in_counter = true;
    void* frames[24];
    const int n_frames = backtrace(frames, 24);
    std::fprintf(stderr, "alloc %.1f MB:", static_cast<double>(got) / 1e6);
    for (int i = 1; i < n_frames; ++i) {
      // Offsets into the module (a position-independent executable loads anywhere).
      Dl_info info{};
      if (dladdr(frames[i], &info) && info.dli_fbase)
        std::fprintf(stderr, " %#lx",
                     static_cast<unsigned long>(static_cast<char*>(frames[i]) - static_cast<char*>(info.dli_fbase)));
    }
    std::fprintf(stderr, "\n");
    g_in_counter = false;
  }
  if (g_track_blocks && !g_in_counter && got >= g_block_min) {
    g_in_counter = true;
    (*g_blocks)[p] = got;
    g_in_counter = false;
  }
  if (g_live > g_peak) {
    g_peak = g_live;
    if (g_track_blocks && !g_in_counter) {
      g_in_counter = true;
      g_at_peak->clear();
      for (const auto& b : *g_blocks) g_at_peak->push_back(b);
      g_in_counter = false;
    }
  }
  return p;
}

void counted_free(void* p) noexcept {
  if (!p) return;
  const std::size_t got = malloc_usable_size(p);
  g_live -= got;
  if (g_track_blocks && !g_in_counter && got >= g_block_min) {
    g_in_counter = true;
    g_blocks->erase(p);
    g_in_counter = false;
  }
  std::free(p);
}

double mb(std::size_t b) { return static_cast<double>(b) / 1e6; }

template <class T>
std::size_t bytes_of(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

std::string read_all(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    std::fprintf(stderr, "cannot open %s\n", path.c_str());
    std::exit(2);
  }
  return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

}  // namespace

void* operator new(std::size_t n) { return counted_alloc(n); }
void* operator new[](std::size_t n) { return counted_alloc(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return counted_alloc(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return counted_alloc(n);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }

int main(int argc, char** argv) {
  std::string data_dir, input, format = "article";
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (i + 1 >= argc) {
      std::fprintf(stderr, "missing value for %s\n", argv[i]);
      return 2;
    }
    if (a == "--data")
      data_dir = argv[++i];
    else if (a == "--input")
      input = argv[++i];
    else if (a == "--format")
      format = argv[++i];
    else if (a == "--trace")
      g_trace_min = static_cast<std::size_t>(std::atof(argv[++i]) * 1e6);
    else if (a == "--blocks")
      g_block_min = static_cast<std::size_t>(std::atof(argv[++i]) * 1e6);
    else {
      std::fprintf(stderr, "unknown argument %s\n", argv[i]);
      return 2;
    }
  }
  if (data_dir.empty() || input.empty()) {
    std::fprintf(stderr, "usage: standpoints_heap --data DIR --input FILE [--format article|jsonl|plain]\n");
    return 2;
  }
  BlockMap blocks;
  std::vector<std::pair<void*, std::size_t>, RawAllocator<std::pair<void*, std::size_t>>> at_peak;
  g_blocks = &blocks;
  g_at_peak = &at_peak;

  standpoints::KnowledgeOptions ko;
  ko.data_dir = data_dir;
  const auto knowledge = standpoints::Knowledge::load(ko);
  const standpoints::Knowledge& k = *knowledge;
  const std::size_t base = g_live;

  std::optional<standpoints::Document> doc;
  {
    std::string bytes = read_all(input);
    if (format == "jsonl") bytes.resize(std::min(bytes.size(), bytes.find('\n')));
    g_peak = g_live;
    if (format == "jsonl")
      doc.emplace(standpoints::read_json_record(bytes));
    else if (format == "plain")
      doc.emplace(standpoints::read_plain(bytes, "input"));
    else
      doc.emplace(standpoints::read_article(bytes, "input"));
  }
  const double text = static_cast<double>(doc->text.size());
  std::printf("sizeof: Token %zu, Sentence %zu, Paragraph %zu, Mention %zu, Entity %zu, Statement %zu\n",
              sizeof(standpoints::Token), sizeof(standpoints::Sentence), sizeof(standpoints::Paragraph),
              sizeof(standpoints::Mention), sizeof(standpoints::Entity), sizeof(standpoints::Statement));
  std::printf("text %.1f MB; heap above the knowledge base, in MB and x text\n", mb(doc->text.size()));
  std::printf("%-12s %10s %7s %10s %7s %10s %10s\n", "stage", "live after", "x", "peak in", "x", "tokens", "mentions");
  const auto row = [&](const char* name, std::size_t peak) {
    const std::size_t live = g_live - base;
    std::printf("%-12s %10.1f %7.2f %10.1f %7.2f\n", name, mb(live), static_cast<double>(live) / text, mb(peak - base),
                static_cast<double>(peak - base) / text);
    std::fflush(stdout);
  };
  row("read", g_peak);
  g_track_blocks = true;
  const auto add_block = [&](const void* p) {
    if (!p) return;
    const std::size_t got = malloc_usable_size(const_cast<void*>(p));
    if (got >= g_block_min) blocks[const_cast<void*>(p)] = got;
  };
  add_block(doc->text.data());
  add_block(doc->paragraphs.data());
  struct StagePeak {
    const char* name;
    std::size_t peak_above_before;
    std::vector<std::pair<void*, std::size_t>, RawAllocator<std::pair<void*, std::size_t>>> blocks;
  };
  std::vector<StagePeak> peaks;
  const auto run = [&](const char* name, auto&& stage) {
    const std::size_t before = g_live;
    g_peak = g_live;
    g_at_peak->clear();
    for (const auto& b : blocks) g_at_peak->push_back(b);
    stage();
    row(name, g_peak);
    peaks.push_back({name, g_peak - before, {g_at_peak->begin(), g_at_peak->end()}});
  };
  run("segment", [&] { standpoints::segment(*doc, k.abbreviations); });
  run("boilerplate", [&] { standpoints::flag_boilerplate(*doc, k.boilerplate, &k.actors); });
  run("mentions", [&] { standpoints::find_mentions(*doc, k); });
  run("resolve", [&] { standpoints::resolve_entities(*doc, k); });
  run("geo", [&] { standpoints::geocode(*doc, k); });
  run("statements", [&] { standpoints::extract_statements(*doc, k); });
  g_track_blocks = false;

  const auto& d = *doc;
  const double n_tokens = static_cast<double>(d.tokens.size());
  std::printf("\nlayers after the pipeline (capacity x element size; MB, x text, bytes per token)\n");
  const auto layer = [&](const char* name, std::size_t b, std::size_t n) {
    std::printf("  %-30s %9.1f %6.2f %6.2f  (%zu elements)\n", name, mb(b), static_cast<double>(b) / text,
                static_cast<double>(b) / n_tokens, n);
  };
  layer("text", d.text.capacity(), d.text.size());
  layer("paragraphs", bytes_of(d.paragraphs), d.paragraphs.size());
  layer("sentences", bytes_of(d.sentences), d.sentences.size());
  layer("tokens", bytes_of(d.tokens), d.tokens.size());
  layer("mentions", bytes_of(d.mentions), d.mentions.size());
  layer("entities (vector only)", bytes_of(d.entities), d.entities.size());
  layer("statements", bytes_of(d.statements), d.statements.size());
  layer("syntax (index + blocks)", d.syntax.tokens.bytes(), d.syntax.tokens.size());

  // The document's layers by address (as they are now: a block that moved
  // since shows without a name).
  const auto label = [&](const void* p) -> const char* {
    if (p == d.text.data()) return "doc.text";
    if (p == d.paragraphs.data()) return "doc.paragraphs";
    if (p == d.sentences.data()) return "doc.sentences";
    if (p == d.tokens.data()) return "doc.tokens";
    if (p == d.mentions.data()) return "doc.mentions";
    if (p == d.entities.data()) return "doc.entities";
    if (p == d.statements.data()) return "doc.statements";
    return "";
  };
  for (auto& sp : peaks) {
    std::sort(sp.blocks.begin(), sp.blocks.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::size_t sum = 0;
    for (const auto& b : sp.blocks) sum += b.second;
    std::printf(
        "\n%s: peak %.1f MB above the heap before it (%.2f x text); blocks of at least %.1f MB live at "
        "that peak (%.1f MB in all):\n",
        sp.name, mb(sp.peak_above_before), static_cast<double>(sp.peak_above_before) / text, mb(g_block_min), mb(sum));
    for (const auto& [p, size] : sp.blocks)
      std::printf("  %9.1f MB  %6.2f x text  %6.2f bytes per token  %s\n", mb(size), static_cast<double>(size) / text,
                  static_cast<double>(size) / n_tokens, label(p));
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("\npeak RSS of this process %.1f MB (knowledge base %.1f MB of heap)\n",
              static_cast<double>(ru.ru_maxrss) / 1024.0, mb(base));
  return 0;
}

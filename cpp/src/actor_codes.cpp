#include "standpoints/actor_codes.hpp"

#include "standpoints/document.hpp"
#include "standpoints/entities.hpp"
#include "standpoints/knowledge_error.hpp"
#include "standpoints/tsv.hpp"

namespace standpoints {

namespace {

bool capital_letters(std::string_view s) {
  for (const char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

// A capital letter or digit as 0..35, else -1.
int code_char(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= '0' && c <= '9') return 26 + (c - '0');
  return -1;
}

// The place of a code's first two characters in ActorCodes::igo_start_, or -1.
int start_index(std::string_view code) {
  if (code.size() < 2) return -1;
  const int a = code_char(code[0]), b = code_char(code[1]);
  return a < 0 || b < 0 ? -1 : a * 36 + b;
}

}  // namespace

ActorCodes ActorCodes::parse_roles(std::string_view text, const std::string& name) {
  ActorCodes codes;
  tsv::read_text(text, name, {"code", "meaning"}, [&](const tsv::Row& row) {
    const std::string_view code = row.get("code");
    if (code.size() != 3 || !capital_letters(code)) row.fail("a role code is three capital letters (GOV, MIL)");
    RoleInfo info;
    for (const auto f : tsv::split_list(row.get("flags"), ',')) {
      if (f == "media") {
        info.media = true;
      } else if (f == "default") {
        if (!codes.default_role_.empty()) row.fail("a second default role");
        codes.default_role_ = std::string(code);
      } else {
        row.fail("unknown flag \"" + std::string(f) + "\" (media, default)");
      }
    }
    codes.roles_[std::string(code)] = info;
  });
  if (codes.default_role_.empty()) throw KnowledgeError(name, 0, "no role has the flag default");
  return codes;
}

ActorCodes ActorCodes::load(const std::string& roles_path, const ActorTable& actors) {
  ActorCodes codes = parse_roles(tsv::read_whole_file(roles_path), roles_path);
  for (std::uint32_t i = 0; i < actors.size(); ++i) {
    const ActorEntry& e = actors.entry(i);
    if (e.type == "GPE" && e.country.size() == 3 && !e.offices.empty() && e.offices.front().actor == e.country)
      codes.countries_.emplace(e.country);
    if (!(e.flags & kIgo)) continue;
    for (const Office& o : e.offices)
      if (!o.actor.empty()) codes.add_igo(o.actor);
  }
  return codes;
}

void ActorCodes::add_igo(std::string_view code) {
  igo_.emplace(code);
  if (const int at = start_index(code); at >= 0)
    igo_start_[static_cast<std::size_t>(at)] = true;
  else
    odd_igo_ = true;
  longest_igo_ = std::max(longest_igo_, code.size());
}

bool ActorCodes::roles_only(std::string_view rest) const noexcept {
  if (rest.size() % 3 != 0) return false;
  for (std::size_t i = 0; i < rest.size(); i += 3)
    if (!is_role(rest.substr(i, 3))) return false;
  return true;
}

std::string_view ActorCodes::root(std::string_view code) const noexcept {
  if (code.size() <= 3) return code;
  if (const int at = start_index(code); !odd_igo_ && at >= 0 && !igo_start_[static_cast<std::size_t>(at)])
    return code.substr(0, 3);  // "RUSGOV": no organisation code starts so
  for (std::size_t n = std::min(code.size(), longest_igo_); n >= 2; --n)
    if (is_igo(code.substr(0, n)) && roles_only(code.substr(n))) return code.substr(0, n);
  return code.substr(0, 3);
}

bool ActorCodes::is_media_code(std::string_view code) const noexcept {
  const std::string_view rest = code.substr(root(code).size());
  for (std::size_t i = 0; i + 3 <= rest.size(); i += 3) {
    if (is_media_role(rest.substr(i, 3))) return true;
  }
  return false;
}

bool ActorCodes::has_media_flag(const Mention& m, const ActorTable& actors) noexcept {
  return m.kb >= 0 && static_cast<std::size_t>(m.kb) < actors.size() &&
         (actors.entry(static_cast<std::uint32_t>(m.kb)).flags & kMedia);
}

}  // namespace standpoints

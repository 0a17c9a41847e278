// Actor codes (SCHEMA.md): a root, the ISO 3166-1 alpha-3 code of a country
// or the code of an international organisation ("RUS", "NATO"), followed by
// role codes of three letters ("RUSGOV", "NATOMIL", "USAMED"). One service
// answers every question about codes, built at load time from the data:
// roles.tsv (the role codes and which of them mark news media) and the
// actors flagged `igo` (the organisations' codes), the user's included.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "standpoints/string_map.hpp"

namespace standpoints {

class ActorTable;
struct Mention;

class ActorCodes {
 public:
  // roles.tsv, then the codes of `actors` whose entries carry the igo flag.
  // Throws KnowledgeError.
  static ActorCodes load(const std::string& roles_path, const ActorTable& actors);
  static ActorCodes parse_roles(std::string_view text, const std::string& name);
  void add_igo(std::string_view code);

  // The country or organisation at the head of a code: the longest
  // organisation code it starts with when role codes alone follow
  // ("NATOMIL" -> "NATO", "UNHCR" -> "UNHCR"), else its first three letters
  // ("RUSGOV" -> "RUS"). A view into `code`.
  std::string_view root(std::string_view code) const noexcept;
  // An international organisation's code ("NATO", "WHO").
  bool is_igo(std::string_view root) const noexcept { return igo_.contains(root); }
  // A root that stands for a country: three letters and no organisation.
  bool is_country_root(std::string_view root) const noexcept { return root.size() == 3 && !is_igo(root); }
  // A country's code: the code of a country of the actors (a GPE whose code
  // is its own country's, "RUS"), not of a group without one ("IMG").
  bool is_country(std::string_view root) const noexcept { return countries_.contains(root); }
  // A role code of roles.tsv ("GOV").
  bool is_role(std::string_view role) const noexcept { return roles_.contains(role); }
  // A role that marks news media ("MED").
  bool is_media_role(std::string_view role) const noexcept {
    const auto it = roles_.find(role);
    return it != roles_.end() && it->second.media;
  }
  // Some role after the root marks news media ("USAMED").
  bool is_media_code(std::string_view code) const noexcept;
  // The role a body or person named in context takes when the text gives
  // none (roles.tsv flag default: GOV, "the Kremlin spokesman" -> RUSGOV).
  const std::string& default_role() const noexcept { return default_role_; }
  // A mention of a medium: its code says so, or its knowledge-base entry
  // carries the media flag. Media report what others say; they are no sources.
  bool is_media(const Mention& m, std::string_view code, const ActorTable& actors) const noexcept {
    return is_media_code(code) || has_media_flag(m, actors);
  }
  // The mention's knowledge-base entry carries the media flag.
  static bool has_media_flag(const Mention& m, const ActorTable& actors) noexcept;

 private:
  bool roles_only(std::string_view rest) const noexcept;
  StringSet igo_;
  StringSet countries_;
  struct RoleInfo {
    bool media = false;
  };
  StringMap<RoleInfo> roles_;
  std::string default_role_;
  std::size_t longest_igo_ = 0;
  // First two characters (A-Z, 0-9) of the organisation codes, 36 x 36: a
  // code that starts like none of them has its first three letters as root,
  // without a look-up per length. `odd_igo_`: an organisation code of other
  // characters (root() then always looks up).
  std::array<bool, 36 * 36> igo_start_{};
  bool odd_igo_ = false;
};

}  // namespace standpoints

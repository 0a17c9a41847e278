#include "statements/syntax_parties.hpp"

#include <array>

namespace standpoints::statements {

namespace {

// The name nearest the head among the words before it in its noun phrase
// ("Russia's foreign ministry", "U.S. senators", "Russian officials"), or -1.
std::int32_t modifier_name(const TokenView& view, const standpoints::NounPhrase& np, std::uint32_t head) {
  for (std::uint32_t k = head; k-- > np.first_token;)
    if (view.mention_at(k) >= 0 && !view.is_hyphen_glued(view.mention(view.mention_at(k)))) return view.mention_at(k);
  return -1;
}

// The first token of a noun phrase's words after its determiners.
std::uint32_t after_determiners(const TokenView& view, std::uint32_t first, std::uint32_t head) {
  while (first < head && (in(kDeterminers, view.low(first)) || view.tok(first).kind == TokenKind::Punct)) ++first;
  return first;
}

void add_name(DocumentStage& stage, std::int32_t mi, NounRole role, std::string_view head, Parties& out) {
  Party p = stage.facts.party_of(mi);
  if (!p.usable) return;
  if (p.media) {
    if (role == NounRole::Object) return;
    // A medium as a subject: no source (media report what others say).
    if (p.type == "PERSON")
      stage.referents.note_media_person(p.arg.start, stage.view.paragraph_of(stage.view.first_token_at(p.arg.start)));
    p.type = "MEDIA";
    p.usable = false;
  } else if (!head.empty()) {
    p.head = std::string(head);
  }
  out.push_back(std::move(p));
}

void party_of_token(DocumentStage& stage, std::uint32_t c, NounRole role, Parties& out, int depth);

// A number or a quantifier that heads the subject of a verb of saying
// ("some say", "42% say", "many in the crowd said", "three in four said"):
// people who speak for themselves, of no known body; so does "I" outside a
// quotation (the writer of a column: "I told him that ..."). Grammar words only.
bool quantity_speaker(DocumentStage& stage, std::uint32_t c, PosTag tag, Parties& out) {
  static constexpr WordSet<14> kQuantifiers{std::array<std::string_view, 14>{"some", "many", "most", "several", "both",
                                                                             "all", "few", "those", "half", "each",
                                                                             "either", "neither", "another", "%"}};
  const TokenView& view = stage.view;
  const Word w = view.low(c);
  if (tag != PosTag::CD && !in(kQuantifiers, w) && w != "i" &&
      !(w == "percent" && c > 0 && view.tok(c - 1).kind == TokenKind::Number))
    return false;
  const std::uint32_t first = stage.syntax.noun_phrase(c).first_token;
  out.push_back(stage.referents.speaker_of_its_own(first, c, "PERSON"));
  out.back().plural = w != "i";
  return true;
}

// "the leaders of Britain and France", "a spokesman for the ministry", "an
// analyst at Acme Capital": the names after the noun.
bool names_after(DocumentStage& stage, std::uint32_t c, NounRole role, Parties& out, int depth) {
  static constexpr std::array<std::string_view, 3> kPreps{"of", "for", "at"};
  if (depth > 0) return false;
  for (const std::string_view prep : kPreps) {
    const std::int32_t obj = stage.syntax.prep_object(c, prep);
    if (obj < 0 || stage.view.mention_at(static_cast<std::uint32_t>(obj)) < 0) continue;
    const std::size_t before = out.size();
    for (const std::uint32_t k : stage.syntax.conjuncts(static_cast<std::uint32_t>(obj)))
      if (stage.view.mention_at(k) >= 0) party_of_token(stage, k, role, out, depth + 1);
    // A list the parse did not chain ("Britain, the US, Germany and France"):
    // the names the token patterns read from the first one on, when more.
    Parties listed;
    const std::uint32_t hi = stage.view.doc.sentences[stage.view.doc.sentence_of(c)].last_token;
    stage.phrases.object_after(listed, static_cast<std::uint32_t>(obj), hi, false);
    if (listed.size() > out.size() - before) {
      out.resize(before);
      for (auto& p : listed) out.push_back(std::move(p));
    }
    return out.size() > before;
  }
  return false;
}

void party_of_token(DocumentStage& stage, std::uint32_t c, NounRole role, Parties& out, int depth) {
  const TokenView& view = stage.view;
  if (view.quote_at(c) >= 0) return;
  if (view.mention_at(c) >= 0) {
    add_name(stage, view.mention_at(c), role, {}, out);
    return;
  }
  const PosTag tag = stage.syntax.at(c).tag;
  const ActEntry* entry = view.referent_entry(c);
  if (role != NounRole::Object && entry && entry->pos == Pos::Pronoun) {
    if (stage.referents.resolve_list(entry->referent, c, c, out)) return;
    Party p = stage.referents.resolve(entry->referent, c, c, MentionKind::Pronoun);
    if (p.usable) out.push_back(std::move(p));
    return;
  }
  if (role == NounRole::Speaker && quantity_speaker(stage, c, tag, out)) return;
  if (!is_noun(tag) || view.tok(c).kind != TokenKind::Word) return;
  const standpoints::NounPhrase np = stage.syntax.noun_phrase(c);
  if (const std::int32_t mi = modifier_name(view, np, c); mi >= 0) {
    add_name(stage, mi, role, view.tok(c).shape == Shape::Lower ? view.low(c) : Word(), out);
    return;
  }
  if (names_after(stage, c, role, out, depth) || role == NounRole::Object) return;
  const std::uint32_t first = after_determiners(view, np.first_token, c);
  if (entry && entry->pos == Pos::Nominal) {
    if (stage.referents.resolve_list(entry->referent, first, c, out)) return;
    Party p = stage.referents.resolve(entry->referent, first, c, MentionKind::Nominal);
    if (p.usable) out.push_back(std::move(p));
    return;
  }
  // A noun of no listed class speaks for itself after a verb of saying
  // ("analysts said", "the company said"); a proper noun the entity stage
  // did not take as a name, too ("Melanie said").
  if (role == NounRole::Speaker && view.tok(c).shape != Shape::Other) {
    out.push_back(
        stage.referents.speaker_of_its_own(first, c, tag == PosTag::NNS || tag == PosTag::NNP ? "PERSON" : "ORG"));
    out.back().plural = tag == PosTag::NNS;
  }
}

}  // namespace

std::uint32_t parties_of_noun(DocumentStage& stage, std::uint32_t head, NounRole role, Parties& out) {
  const auto conjuncts = stage.syntax.conjuncts(head);
  for (const std::uint32_t c : conjuncts) party_of_token(stage, c, role, out, 0);
  return stage.syntax.noun_phrase(head).first_token;
}

}  // namespace standpoints::statements

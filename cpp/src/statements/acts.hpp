// The act of a statement, decided after its frame is built: from the
// trigger (and a modal in the content for "insist"), then, for a neutral
// statement (and a trigger flagged `cued`: "vowed to ..."), from cues in what
// is said, listed in acts.tsv: words ("mistake", "unless"), phrases ("ready
// to"), and trigger verbs inside a quotation ("we condemn"). A cue may ask
// whose clause it stands in (the subject before it): the speaker's ("it is
// ready to", "we will retaliate": an offer, a threat) or another actor's
// ("Russia must withdraw": a demand on Russia, which is then the target; "we
// must" is no demand). Cues also send the statement looking for the target
// they imply. Statements of an act aimed at someone that name no target
// inherit their source's last one.
#pragma once

#include <array>
#include <boost/unordered/unordered_flat_map.hpp>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "standpoints/document.hpp"
#include "statements/history.hpp"
#include "statements/lexicon.hpp"
#include "statements/parties.hpp"
#include "statements/token_view.hpp"

namespace standpoints::statements {

// The act, CAMEO code, PLOVER category and target of one statement (act
// None: no statement, for a trigger that needs a cue and found none).
struct ActChoice {
  Act act = Act::None;
  std::string_view cameo;
  std::string_view plover;      // empty: none
  std::optional<Party> target;  // usable when set
  bool addressed = false;       // the target is a rival the content's clause is about ("said Cohen was lying")
};

// Who the clause of a cue is about: the subject before it (over auxiliaries,
// adverbs and negation).
struct CueSubject {
  enum class Kind : std::uint8_t {
    None,     // none found, or a phrase that is no actor ("the talks must")
    Speaker,  // "we", "I"; "it", "they", "he", "she" in reported speech
    Other,    // "you"; "it", "they", "he", "she" inside a quotation
    Name,     // a name (`mention`, at `token`)
  };
  Kind kind = Kind::None;
  std::int32_t mention = -1;
  std::uint32_t token = 0;
  bool pronoun = false;         // a third-person pronoun ("it", "he")
  bool person_pronoun = false;  // "he", "she": the speaker only when the source is a person
};

// One cue found in a content span.
struct CueHit {
  const ActEntry* entry = nullptr;
  CueSubject subject;
  bool negated = false;     // "is not ready to", "will not accept"
  std::uint32_t token = 0;  // where the cue starts
};

// Whether a target of the source's own root is another actor than the source, so that it is the
// target where the text addresses it: a person, body or party with another code ("U.S. senators
// urged the Trump administration", "accused Democrats of"; not "Russians", a country's people),
// or another person of the same code ("Trump mocked Clinton"); the scorer compares roots.
bool rival_of_source(const ActorFacts& facts, const Party& target, const Argument& source);

class ActDecider {
 public:
  ActDecider(const TokenView& view, const ActorFacts& facts, const SourceHistory& history)
      : view_(view), facts_(facts), history_(history), scan_budget_(4 * std::size_t{view.size()} + 1024) {}

  // The act the trigger gives: its entry's, except a modal-insistence verb
  // ("insisted that X must") with no modal in the content, which only says.
  Act trigger_act(const ActEntry& entry, std::uint32_t trigger_end, std::uint32_t hi,
                  const std::optional<Span>& content) const;

  // The act of a statement by `source` with the given target (or none), as
  // the trigger entry and `act` (trigger_act()) say, refined from its content.
  ActChoice decide(const Party& source, const Party* given, const ActEntry& entry, Act act, Span trigger,
                   const std::optional<Span>& content, bool quote, std::uint32_t paragraph);

  // The first cue in the content spans that holds for a statement by a
  // source of this root: a cue word or phrase, or a trigger of another act
  // than SAY inside a quotation, with the speaker as its subject (a demand
  // wins over the others); and the target its subject names, if any.
  struct CueFound {
    const ActEntry* entry = nullptr;
    std::optional<Party> target;
    bool self = false;        // in the speaker's own clause: the act holds without a target
    bool pronoun = false;     // its subject is a pronoun: no target from elsewhere in the document
    std::uint32_t token = 0;  // where the cue starts
  };
  CueFound cue_in(std::span<const Span> spans, const Party& source) const;
  // The cues of one span, in order (at most kCuesPerSpan). Outside
  // quotations, a trigger verb ends a span's search: it makes a statement of its own.
  static constexpr std::size_t kCuesPerSpan = 8;
  struct SpanCues {
    std::array<CueHit, kCuesPerSpan> hits;
    std::uint8_t count = 0;
  };
  SpanCues cues_of(const Span& span) const;  // remembered per span, within a paragraph
  // Forgets the spans' cues remembered so far: the triggers that ask alike
  // are those of one paragraph, and a huge document's memo would otherwise
  // hold every content span of it (17 MB on a 98 MB record).
  void forget_span_cues() { span_cues_.clear(); }
  SpanCues scan_cues(const Span& span) const;
  // The subject of the clause of a cue at token k, within [lo, k); with
  // `future`, only after will / would / shall (else nullopt).
  std::optional<CueSubject> subject_before(std::uint32_t k, std::uint32_t lo, bool future, bool& negated) const;
  // The tokens after the trigger to the end of its sentence.
  std::optional<Span> rest_of_sentence(const Span& trigger) const;
  // Whether the content starts right after the trigger (over punctuation) with "is", "was", "had" ...
  bool followed_by_finite_verb(const Span& trigger, const Span& content) const;
  // Whether the trigger (its first token) stands, outside quotations, in a sentence that asks ("Will Russia
  // retaliate?").
  bool in_question(std::uint32_t first) const;
  // The actor named at the start of the content ("that Cohen was ..."), if any.
  std::optional<Party> content_subject(const Span& content) const;
  // Whether the content ends with a question mark ('"How would that help?" he asked').
  bool ends_in_question(const Span& content) const;
  // Whether a neutral cue phrase starts with the trigger and goes past it ("claimed responsibility").
  bool neutral_phrase_at(std::uint32_t first, const Span& trigger) const;
  // Whether the trigger is a participle right after "when", "if", ... ("said, when asked about it").
  bool participle_after_subordinator(std::uint32_t first) const;
  // Whether the verb at token k is a passive participle ("was asked", "were accused").
  bool passive_at(std::uint32_t k) const;
  // Whether a quotation opens right after the content, in its sentence ("says U.S. 'to blame' for").
  bool stops_at_quotation(const std::optional<Span>& content) const;
  // Whether the content is a clause: "that ...", or a name or pronoun first.
  bool starts_clause(const Span& content) const;
  // Whether the content is an infinitive ("to withdraw").
  bool starts_with_to(const Span& content) const;
  // Whether a cue holds for a statement by this source (and the target its subject names).
  bool holds(const CueHit& hit, const Party& source, std::optional<Party>& target, bool& self) const;
  // The foreign actor nearest a cue in the cue's sentence and the content ("a pattern of
  // interference from Russia"), before or after it.
  std::optional<Party> actor_near(std::uint32_t cue, std::span<const Span> spans, std::string_view source_root) const;
  // A foreign actor named in the content (not the source's own root).
  std::optional<Party> actor_in(std::span<const Span> spans, std::string_view source_root) const;
  // The last target of the same source, in this paragraph or the `back` ones before.
  std::optional<Party> inherited_target(std::string_view source_root, std::uint32_t paragraph,
                                        std::uint32_t back) const;
  // The most named foreign actor before a token (outside quotations), when
  // named three times or more: the last resort for a cue aimed at someone.
  std::optional<Party> salient_target(std::string_view source_root, std::uint32_t before);

 private:
  // Whether the target is named after "<noun> on / against" or "<noun in -ing> of" right after the
  // trigger, the noun no head that stands for an actor ("the killing of X", "the attack on X": X is
  // no target; "the government of X" is).
  bool object_of_an_event(const Party& target, const Span& trigger) const;
  // The comma that opens ", which ..." / ", who ..." closed by the comma at `comma`, if any (within lo).
  std::optional<std::uint32_t> relative_clause_start(std::uint32_t comma, std::uint32_t lo) const;
  // Whether the tokens [lo, k) are lower-case modifiers, hyphens and quotes only.
  bool only_modifiers(std::uint32_t lo, std::uint32_t k) const;
  // Whether token k opens a content, but for time words before it.
  bool opens_content(std::uint32_t k, std::uint32_t lo) const;
  // A coded name that is no medium, no modifier and no place at token k.
  bool is_foreign_candidate(std::uint32_t k) const;
  // The first such token at or after k (of any root, and of a root other than
  // that one's), from arrays built right to left on first use.
  void index_candidates() const;

  const TokenView& view_;
  const ActorFacts& facts_;
  const SourceHistory& history_;
  // salient_target(): counts of named roots up to a token, extended as the
  // stage moves on (calls come in text order), so that the document is
  // counted once. Keyed by the roots ActorFacts keeps (stable references).
  boost::unordered_flat_map<std::string_view, std::pair<int, std::int32_t>, StringHash> salient_count_;
  std::uint32_t salient_pos_ = 0;
  // What a huge sentence's many triggers ask alike, answered once: the cues
  // of each content span (by span), the modal words' tokens (built on first
  // use), the next foreign candidates (past a scan budget of a few steps per
  // token, so that ordinary documents never build them).
  mutable boost::unordered_flat_map<std::uint64_t, SpanCues> span_cues_;
  mutable std::vector<std::uint32_t> modal_tokens_;
  mutable bool modals_indexed_ = false;
  mutable std::size_t scan_budget_;
  mutable std::vector<std::uint32_t> next_candidate_, next_other_root_;
};

}  // namespace standpoints::statements

#include "statements/paragraphs.hpp"

#include "statements/emit.hpp"

namespace standpoints::statements {

namespace {

// Whether the words after "Name:" in [from, to) can be what the name says: not
// a figure alone ("Clinton: 1,769."), a handle or address ("Twitter: @Milbank"),
// or a roster of names, capitalised words and commas ("New Hampshire: Ann Roe,
// Bo Poe, Cy Doe").
bool colon_content_says_something(const TokenView& view, std::uint32_t from, std::uint32_t to) {
  const Word first = view.low(from);
  if (first == "@" || first.starts_with("http") || first.starts_with("www.")) return false;
  std::uint32_t words = 0, named = 0, commas = 0;
  for (std::uint32_t k = from; k < to; ++k) {
    if (view.low(k) == ",") ++commas;
    if (view.tok(k).kind != TokenKind::Word) continue;
    ++words;
    const Shape shape = view.tok(k).shape;
    named += shape == Shape::Capitalized || shape == Shape::AllCaps || view.low(k) == "and";
  }
  return words > 0 && !(commas >= 2 && named == words);
}

}  // namespace

void headline_colon(DocumentStage& stage, std::uint32_t si) {
  const TokenView& view = stage.view;
  const std::uint32_t sf = view.doc.sentences[si].first_token, sl = view.doc.sentences[si].last_token;
  if (view.mention_at(sf) < 0) return;
  std::uint32_t k = sf;
  while (k < sl && view.mention_at(k) == view.mention_at(sf)) ++k;
  if (!(k + 1 < sl && view.low(k) == ":") || !colon_content_says_something(view, k + 1, sl)) return;
  const Party source = stage.facts.party_of(view.mention_at(sf));
  if (!source.usable || source.media || (!has_code(source.arg) && source.type != "PERSON" && source.type != "ORG"))
    return;
  // "NATO: Russia moving troops into Ukraine": a name that opens the content is what it is about.
  std::uint32_t c = k + 1;
  while (c < sl && in(kDeterminers, view.low(c))) ++c;
  Party about;
  if (view.mention_at(c) >= 0 && !view.is_hyphen_glued(view.mention(view.mention_at(c)))) {
    about = stage.facts.from_mention(view.mention_at(c));
    if (about.media || stage.facts.same_party(about.arg, source.arg)) about.usable = false;
  }
  emit_statement(stage, source, about.usable ? &about : nullptr, plain_say_entry(), Act::Say,
                 Span{view.tok(k).start, view.tok(k).end()}, Span{view.tok(k + 1).start, view.tok(sl - 1).end()}, false,
                 false, si);
}

void quote_only_paragraph(DocumentStage& stage, std::uint32_t pi, std::uint32_t first) {
  const TokenView& view = stage.view;
  const std::int32_t r = view.opened_at(first);
  if (r < 0 || !view.region(r).double_mark || view.region(r).close < view.region(r).open + 6) return;
  if (view.doc.paragraphs[pi].title || stage.emitter.size() == 0) return;
  if (stage.emitter.last_paragraph() + 1 != pi) return;
  // The history's last entry: the one recorded with that statement (each
  // statement added records one).
  const Seen& seen = stage.history.last();
  Party source;
  source.arg = stage.emitter.back().source;
  source.type = seen.type;
  source.usable = true;
  source.head = seen.head;
  emit_statement(stage, source, nullptr, plain_say_entry(), Act::Say,
                 Span{view.tok(first).start, view.tok(first).end()}, view.quotation_span(r), true, false,
                 view.doc.sentence_of(first));
}

}  // namespace standpoints::statements

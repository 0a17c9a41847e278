"""Members of Congress, presidents and vice presidents, and congressional committees from the
unitedstates/congress-legislators data (CC0 1.0), for tools/build_actors.py.

Read from a folder holding `legislators-current.yaml`, `executive.yaml` and
`committees-current.yaml` (default ../shared/kb-sources/congress-legislators beside the repository).
Codes: a member of Congress is USALEG for each stretch of terms (House or Senate; adjacent terms are
merged), a president or vice president USAGOV; before, between and after those stretches the person
carries the country alone (the knowledge base's rule for people out of office). Committees are
USALEG. Party affiliation is not coded (it is not part of an actor code).

Needs PyYAML (a tool dependency only; the package does not use it).
"""
from __future__ import annotations

import collections
import datetime
import unicodedata
from pathlib import Path

try:
    import yaml
except ImportError:  # pragma: no cover
    yaml = None

# Terms that start within this many days of the previous one's end continue it.
MAX_GAP_DAYS = 45
# Bare committee names ("Judiciary Committee") that news uses for a committee of Congress and that
# rarely name anything else; other committees keep their chamber in every alias.
BARE_OK = {"Armed Services", "Judiciary", "Intelligence", "Foreign Relations", "Foreign Affairs",
           "Appropriations", "Ways and Means", "Oversight and Government Reform", "Oversight",
           "Homeland Security and Governmental Affairs", "Energy and Commerce", "Financial Services",
           "Banking, Housing, and Urban Affairs", "Health, Education, Labor, and Pensions"}


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def name_forms(n: dict) -> tuple[str, list[str]]:
    """The canonical name and the other written forms of a person's name."""
    first, last = n.get("first", ""), n.get("last", "")
    middle, nick, suffix = n.get("middle", ""), n.get("nickname", ""), n.get("suffix", "")
    forms = []
    if n.get("official_full"):
        forms.append(n["official_full"])
    given = [nick] if nick else []
    if first and not (len(first) == 2 and first.endswith(".")):
        given.append(first)
    elif middle:  # "A. Donald McEachin" is "Donald McEachin"
        given.append(middle.split()[0])
    for g in given:
        forms.append(f"{g} {last}")
        if middle and not middle.endswith(".") and g == first:
            forms.append(f"{g} {middle[0]}. {last}")
        elif middle and g == first:
            forms.append(f"{g} {middle} {last}")
    if suffix:
        forms += [f"{f} {suffix}" for f in list(forms) if not f.endswith(suffix)]
    forms += [strip_accents(f) for f in forms if strip_accents(f) != f]
    out = []
    for f in forms:
        f = " ".join(f.replace(" ,", ",").split())
        if f and f not in out:
            out.append(f)
    canonical = out[0]
    # The plain "Given Last" is the better display name than "J.D. Vance" or "Mike Thompson" with a
    # middle name when both exist; keep the official one first, as the source has it.
    return canonical, out[1:]


def day(s: str) -> datetime.date:
    return datetime.date.fromisoformat(str(s))


def stretches(terms: list[dict], kinds: set[str]) -> list[tuple[str, str]]:
    """Merged (from, to) stretches of the terms whose type is in `kinds`."""
    spans = sorted((day(t["start"]), day(t["end"])) for t in terms if t.get("type") in kinds)
    merged: list[list[datetime.date]] = []
    for a, b in spans:
        if merged and (a - merged[-1][1]).days <= MAX_GAP_DAYS:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a.isoformat(), b.isoformat()) for a, b in merged]


def people(folder: Path) -> list[dict]:
    """One dict per person: name, aliases, offices [(code, from, to)], source file."""
    if yaml is None:
        raise SystemExit("tools/congress_legislators.py needs PyYAML: pip install pyyaml")
    out = []
    for fname, kinds, code in (("legislators-current.yaml", {"sen", "rep"}, "USALEG"),
                               ("executive.yaml", {"prez", "viceprez"}, "USAGOV")):
        with open(folder / fname, encoding="utf-8") as f:
            for p in yaml.safe_load(f):
                name, aliases = name_forms(p["name"])
                offices = [(code, a, b) for a, b in stretches(p["terms"], kinds)]
                if offices:
                    out.append({"name": name, "aliases": aliases, "offices": offices, "file": fname,
                                "bioguide": p["id"].get("bioguide", "")})
    return out


def committees(folder: Path) -> list[dict]:
    """One dict per committee: id, name, aliases; plus chamber-neutral entries for bare names that
    both chambers use ("Judiciary Committee")."""
    if yaml is None:
        raise SystemExit("tools/congress_legislators.py needs PyYAML: pip install pyyaml")
    with open(folder / "committees-current.yaml", encoding="utf-8") as f:
        data = yaml.safe_load(f)
    out = []
    bare_owners: dict[str, list[str]] = collections.defaultdict(list)
    for c in data:
        name, chamber = c["name"], c["type"]
        cid = "us-committee-" + (c.get("thomas_id") or name).lower()
        aliases = []
        prefix = {"house": "House", "senate": "Senate"}.get(chamber)
        subject = None
        for marker in (" Committee on the ", " Committee on "):
            if marker in name and prefix:
                subject = name.split(marker, 1)[1]
                break
        if subject:
            simple = subject.replace(", and ", " and ")
            aliases += [f"{prefix} {simple} Committee", f"{prefix} {subject} Committee",
                        f"{prefix} Committee on {subject}"]
            if subject in BARE_OK:
                aliases.append(f"Committee on {subject}")
            if (" and " in simple or "," in simple) and len(simple) < 45 and not simple.startswith("Ways"):
                aliases.append(f"{prefix} {simple.split(' and ')[0].split(',')[0]} Committee")
            if subject in BARE_OK:
                bare_owners[f"{simple} Committee"].append(cid)
                first = simple.split(" and ")[0].split(",")[0]
                if first != simple and first in BARE_OK:
                    bare_owners[f"{first} Committee"].append(cid)
        out.append({"id": cid, "name": name, "aliases": aliases, "bare": []})
    by_id = {c["id"]: c for c in out}
    for bare, owners in bare_owners.items():
        if len(owners) == 1:
            by_id[owners[0]]["aliases"].append(bare)
        else:
            out.append({"id": "us-committee-" + bare.lower().replace(" ", "-").replace(",", ""),
                        "name": bare, "aliases": [], "bare": owners})
    for c in out:
        c["aliases"] = [a for i, a in enumerate(c["aliases"]) if a != c["name"] and a not in c["aliases"][:i]]
    return out

"""Counts over time, statement and co-mention networks, Gephi files and the two-mode table, on frames
written by hand (so that every expected number is worked out here, not read from the output)."""

from __future__ import annotations

import pytest
from standpoints.corpus import Corpus, comention_graph, count_positions, statement_graph, two_mode
from standpoints.tables import empty_frames

pd = pytest.importorskip("pandas")
nx = pytest.importorskip("networkx")


def statements(rows: list[tuple]) -> pd.DataFrame:
    """A statements frame from (doc, date, source, act, target | None, negated) rows."""
    df = empty_frames()["statements"]
    data = {c: [None] * len(rows) for c in df.columns}
    for i, (doc, date, src, act, tgt, neg) in enumerate(rows):
        data["doc_id"][i], data["date"][i], data["act"][i], data["negated"][i] = doc, date, act, neg
        data["quote"][i] = False
        data["source_name"][i] = data["source_text"][i] = src
        data["source_actor"][i] = src[:3].upper()
        if tgt is not None:
            data["target_name"][i] = data["target_text"][i] = tgt
            data["target_actor"][i] = tgt[:3].upper()
    out = pd.DataFrame(data)
    out["date"] = pd.to_datetime(out["date"]).astype("datetime64[ns]")
    return out.astype({c: df[c].dtype for c in df.columns if c != "date"})


ROWS = [
    ("d1", "2022-01-05", "Russia", "WARN", "NATO", False),
    ("d1", "2022-01-05", "Russia", "ACCUSE", "NATO", False),
    ("d2", "2022-01-20", "Russia", "WARN", "NATO", False),
    ("d2", "2022-01-20", "NATO", "URGE", "Russia", False),
    ("d3", "2022-02-02", "NATO", "SUPPORT", "Ukraine", False),
    ("d3", "2022-02-02", "NATO", "WARN", "Russia", True),   # "did not threaten": neither sign
    ("d3", "2022-02-02", "Ukraine", "SAY", None, False),
]


def test_counts_per_month():
    c = count_positions(statements(ROWS), by="month")
    jan = c[c["period"] == pd.Timestamp("2022-01-01")]
    warn = jan[(jan.source == "Russia") & (jan.act == "WARN") & (jan.target == "NATO")]
    assert list(warn["statements"]) == [2] and list(warn["documents"]) == [2]
    assert c["statements"].sum() == len(ROWS)
    assert set(c["period"]) == {pd.Timestamp("2022-01-01"), pd.Timestamp("2022-02-01")}
    none = count_positions(statements(ROWS), by=None)
    assert "period" not in none.columns and none["statements"].sum() == len(ROWS)
    with pytest.raises(ValueError):
        count_positions(statements(ROWS), by="fortnight")


def test_statement_graph_directed_weighted_and_signed():
    g = statement_graph(statements(ROWS))
    assert isinstance(g, nx.DiGraph)
    assert set(g.nodes) == {"Russia", "NATO", "Ukraine"}
    e = g.edges["Russia", "NATO"]
    assert (e["weight"], e["statements"], e["WARN"], e["ACCUSE"], e["positive"], e["negative"]) == (3, 3, 2, 1, 0, 3)
    assert g.edges["NATO", "Russia"]["statements"] == 2 and g.edges["NATO", "Russia"]["positive"] == 1
    assert g.edges["NATO", "Russia"]["negative"] == 0, "a negated warning is not conflictual"
    assert g.number_of_edges() == 3, "a statement without a target makes no edge"
    assert g.nodes["Russia"]["made"] == 3 and g.nodes["NATO"]["received"] == 3
    signed = statement_graph(statements(ROWS), signed=True)
    assert signed.edges["Russia", "NATO"]["weight"] == -3 and signed.edges["NATO", "Ukraine"]["weight"] == 1
    only = statement_graph(statements(ROWS), act="WARN")
    assert set(only.edges) == {("Russia", "NATO"), ("NATO", "Russia")}
    by_actor = statement_graph(statements(ROWS), on="actor")
    assert ("RUS", "NAT") in by_actor.edges


def test_two_mode_combine_subtract_count():
    t = two_mode(statements(ROWS), qualifier="combine")
    assert t.loc["Russia", "NATO"] == 2, "only negative"
    assert t.loc["NATO", "Ukraine"] == 1, "only positive"
    assert t.loc["NATO", "Russia"] == 1, "URGE is positive, the negated WARN neither"
    assert two_mode(statements(ROWS), qualifier="subtract").loc["Russia", "NATO"] == -3
    assert two_mode(statements(ROWS), qualifier="count").loc["NATO", "Russia"] == 2
    acts = two_mode(statements(ROWS), concept="act", qualifier="count")
    assert acts.loc["Ukraine", "SAY"] == 1, "with concept='act' statements without a target count"
    at = two_mode(statements(ROWS), concept="act_target", qualifier="count")
    assert at.loc["Russia", "WARN NATO"] == 2


def mentions(rows: list[tuple]) -> pd.DataFrame:
    """A mentions frame from (doc, sentence, name, type) rows."""
    df = empty_frames()["mentions"]
    data = {c: [None] * len(rows) for c in df.columns}
    for i, (doc, sent, name, typ) in enumerate(rows):
        data["doc_id"][i], data["sentence"][i], data["type"][i], data["kind"][i] = doc, sent, typ, "name"
        data["entity"][i], data["entity_name"][i], data["text"][i] = 0, name, name
        data["entity_id"][i], data["actor"][i] = name.lower(), name[:3].upper()
    return pd.DataFrame(data).astype({c: df[c].dtype for c in df.columns})


def test_comention_graph_per_document_and_sentence():
    m = mentions([("d1", 0, "Russia", "GPE"), ("d1", 0, "NATO", "ORG"), ("d1", 1, "Russia", "GPE"),
                  ("d1", 1, "Ukraine", "GPE"), ("d2", 0, "Russia", "GPE"), ("d2", 3, "NATO", "ORG")])
    g = comention_graph(m)
    assert g.edges["Russia", "NATO"]["weight"] == 2 and g.edges["Russia", "Ukraine"]["weight"] == 1
    assert g.edges["NATO", "Ukraine"]["weight"] == 1 and g.nodes["Russia"]["documents"] == 2
    s = comention_graph(m, within="sentence")
    assert s.edges["Russia", "NATO"]["weight"] == 1 and not s.has_edge("NATO", "Ukraine")
    assert set(comention_graph(m, types=["GPE"]).edges) == {("Russia", "Ukraine")}
    assert comention_graph(m, min_weight=2).number_of_edges() == 1


def test_graphml_and_gexf_files_open_in_networkx(tmp_path):
    frames = empty_frames()
    frames["statements"] = statements(ROWS)
    c = Corpus.from_frames(frames)
    c.to_graphml(tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert (back.number_of_nodes(), back.number_of_edges()) == (3, 3)
    assert back.edges["Russia", "NATO"]["weight"] == 3
    c.to_gexf(tmp_path / "g.gexf", signed=True)
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_edges() == 3

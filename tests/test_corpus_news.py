"""The corpus tables on real news (news-5k, 5,000 articles): to Parquet and back unchanged, one row
per statement with the counts of the JSON output, and a GraphML file with the node and edge counts
the frames give."""

from __future__ import annotations

import json

import pytest
import standpoints
from standpoints.tables import FRAMES

pd = pytest.importorskip("pandas")
nx = pytest.importorskip("networkx")


@pytest.fixture(scope="module")
def corpus(news_5k):
    c = standpoints.Corpus(news_5k, workers=2, progress=False)
    c.to_frames()
    return c


def test_news_to_parquet_and_back(corpus, tmp_path):
    corpus.to_parquet(tmp_path)
    back = standpoints.Corpus.from_parquet(tmp_path).to_frames()
    for name in FRAMES:
        pd.testing.assert_frame_equal(corpus.to_frames()[name], back[name], check_exact=True)


def test_news_rows_match_the_json_output(corpus, news_5k):
    f = corpus.to_frames()
    assert len(f["documents"]) == 5000 and corpus.errors == []
    per_doc = {}
    for doc in standpoints.read_jsonl(news_5k):
        line = doc.to_json()
        record = json.loads(line)
        per_doc[record["id"]] = (len(record["mentions"]), len(record["entities"]), len(record["statements"]))
    for i, name in enumerate(["mentions", "entities", "statements"]):
        counts = f[name].groupby("doc_id").size()
        expected = pd.Series({k: v[i] for k, v in per_doc.items()})
        assert counts.reindex(expected.index, fill_value=0).equals(expected.astype(counts.dtype)), name
        assert len(f[name]) == expected.sum()


def test_news_graphml_has_the_frames_node_and_edge_counts(corpus, tmp_path):
    st = corpus.to_frames()["statements"]
    with_target = st[st["target_text"].notna()]
    src = with_target["source_name"].fillna(with_target["source_text"])
    tgt = with_target["target_name"].fillna(with_target["target_text"])
    nodes = set(src) | set(tgt)
    edges = set(zip(src, tgt))
    corpus.to_graphml(tmp_path / "actors.graphml")
    g = nx.read_graphml(tmp_path / "actors.graphml")
    assert (g.number_of_nodes(), g.number_of_edges()) == (len(nodes), len(edges))
    assert sum(d["statements"] for *_, d in g.edges(data=True)) == len(with_target)

"""The dev set (../shared): the command line's output scored against the gold annotations."""

from __future__ import annotations

import json
import subprocess
import sys


def test_extract_dev_scores_metadata_and_boilerplate_perfectly(dev_articles, scorer, gold, tmp_path, cli):
    out = tmp_path / "dev.jsonl"
    r = cli("extract", str(dev_articles[0].parent), "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    recs = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert len(recs) == len(dev_articles) and all("error" not in x for x in recs)
    s = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--system", str(out), "--json"],
                       capture_output=True, text=True, check=True)
    scores = json.loads(s.stdout)
    assert scores["documents_missing"] == 0
    assert scores["text_mismatch"] == 0
    assert scores["metadata_acc"] == 1.0
    assert scores["boilerplate_acc"] == 1.0

"""Every notebook in notebooks/ runs top to bottom without an error, and is committed with its
outputs (run `python tools/run_notebooks.py` after changing one). A notebook whose metadata names
a corpus variable reads the JSON Lines path set in its first cell: it is skipped on a machine
without that file (and fails in CI, which always has it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
REPO = Path(__file__).resolve().parents[1]


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 3, "notebooks/ holds the quick start, corpus and own-actors notebooks"


def corpus_path(nb) -> Path | None:
    """The JSON Lines file a notebook's first code cell names (metadata standpoints.needs)."""
    name = nb.metadata.get("standpoints", {}).get("needs")
    if not name:
        return None
    first = next(c for c in nb.cells if c.cell_type == "code")
    found = re.search(rf'{name}\s*=\s*"([^"]+)"', first.source)
    assert found, f"the first code cell sets {name}"
    p = Path(found.group(1))
    return p if p.is_absolute() else REPO / p


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_committed_with_outputs(path):
    nbformat = pytest.importorskip("nbformat", reason="nbformat is missing: pip install '.[test]'")
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.execution_count is not None for c in code), \
        f"{path.name}: run `python tools/run_notebooks.py` and commit the outputs"
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), f"{path.name}: run top to bottom"
    for c in code:
        assert not any(o.get("output_type") == "error" for o in c.outputs), f"{path.name}: a cell failed"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path, require_shared):
    nbformat = pytest.importorskip("nbformat", reason="nbformat is missing: pip install '.[test]'")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is missing: pip install '.[test]'")
    pytest.importorskip("ipykernel", reason="ipykernel is missing: pip install '.[test]'")
    nb = nbformat.read(path, as_version=4)
    corpus = corpus_path(nb)
    if corpus is not None:
        require_shared(corpus, f"{path.name} reads {corpus}")
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
                            ).execute()

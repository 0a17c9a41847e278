"""Executes the notebooks in notebooks/ in place, so that they are committed with their outputs
(tests/test_notebooks.py runs them again and checks that the committed ones have outputs).

    python tools/run_notebooks.py [NOTEBOOK ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbclient
import nbformat

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def run(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    nbformat.write(nb, path)
    print(f"{path.name}: {sum(c.cell_type == 'code' for c in nb.cells)} code cells run")


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or sorted(NOTEBOOKS.glob("*.ipynb"))
    for p in paths:
        run(p)


if __name__ == "__main__":
    main()

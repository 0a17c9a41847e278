"""Shared fixtures. Tests use the installed package (``pip install .[test]``), never python/ from
the source tree: the source tree holds no compiled ``_core``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
DEV_ARTICLES = SHARED / "dev" / "articles"
GOLD = SHARED / "dev" / "gold" / "dev.jsonl"
SCORER = SHARED / "eval" / "score.py"
NEWS_5K = SHARED / "corpus" / "news-5k.jsonl.gz"
EXAMPLE = REPO / "examples" / "000_b8f9c3329b9111b1.txt"


@pytest.fixture(scope="session")
def example() -> Path:
    """The seed article bundled in examples/."""
    assert EXAMPLE.is_file(), f"the bundled example {EXAMPLE} is missing"
    return EXAMPLE


def need_shared(what: Path, reason: str) -> None:
    """Skips (on a user's machine) or fails (in CI, where ../shared is always present) when the
    development material `what` is missing."""
    if what.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: CI must have ../shared")
    pytest.skip(f"{reason} (../shared is absent on this machine)")


@pytest.fixture(scope="session")
def require_shared():
    """need_shared as a fixture, for a test that learns only while running which file it needs."""
    return need_shared


@pytest.fixture(scope="session")
def dev_articles() -> list[Path]:
    need_shared(DEV_ARTICLES, f"the dev articles are not at {DEV_ARTICLES}")
    files = sorted(DEV_ARTICLES.glob("*.txt"))
    assert files, f"{DEV_ARTICLES} holds no *.txt articles"
    return files


@pytest.fixture(scope="session")
def scorer() -> Path:
    need_shared(SCORER, f"the scorer {SCORER} is absent")
    need_shared(GOLD, f"the gold file {GOLD} is absent")
    return SCORER


@pytest.fixture(scope="session")
def news_5k() -> Path:
    """The 5,000 real articles of ../shared/corpus (JSON Lines, gzip)."""
    need_shared(NEWS_5K, f"the corpus {NEWS_5K} is absent")
    return NEWS_5K


@pytest.fixture(scope="session")
def gold(scorer) -> Path:
    return GOLD


@pytest.fixture
def write(tmp_path):
    """write(name, content) -> Path: a file under tmp_path; str content is written as UTF-8."""

    def _write(name: str, content: str | bytes) -> Path:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return p

    return _write


def run_cli(*args: str, stdin: bytes | None = None, cwd: str | os.PathLike | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess:
    """Runs ``python -m standpoints ARGS`` and returns the completed process (bytes out/err)."""
    return subprocess.run([sys.executable, "-m", "standpoints", *args], input=stdin, capture_output=True,
                          cwd=cwd, timeout=timeout)


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture(scope="session")
def invented_analyzer(tmp_path_factory):
    """Builds an Analyzer that also knows a test module's invented actors (TSV text in the shape of
    data/actors.tsv), so that the names a test uses are known whatever the built-in knowledge holds."""
    import standpoints

    def _build(actors_tsv: str) -> standpoints.Analyzer:
        path = tmp_path_factory.mktemp("actors") / "actors.tsv"
        path.write_text(actors_tsv, encoding="utf-8")
        return standpoints.Analyzer(actors=str(path))

    return _build

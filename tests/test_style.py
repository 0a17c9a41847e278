"""The repository's habits, checked like any other behaviour: C++ formatted by the committed
.clang-format, Python clean under ruff and mypy (the settings are in pyproject.toml).

The tools come with the test requirements (``pip install '.[test]'``) at pinned versions, so that
a formatting verdict does not change with a tool's release.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    found = str(exe) if exe.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: pip install '.[test]'")
    return found


def tracked(*patterns: str) -> list[str]:
    out = subprocess.run(["git", "ls-files", *patterns], cwd=REPO, capture_output=True, text=True)
    if out.returncode != 0:
        pytest.skip("not a git checkout: the style checks read the tracked files")
    return out.stdout.split()


def test_cpp_sources_follow_clang_format():
    files = tracked("*.cpp", "*.hpp")
    assert files, "no C++ sources tracked"
    r = subprocess.run([tool("clang-format"), "--dry-run", "--Werror", *files], cwd=REPO, capture_output=True,
                       text=True)
    assert r.returncode == 0, "clang-format -i wants to change:\n" + r.stderr[:4000]


def test_python_passes_ruff():
    r = subprocess.run([tool("ruff"), "check", "python", "tests", "tools", "benchmarks"], cwd=REPO,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr[-2000:]


def test_package_passes_mypy():
    r = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr[-2000:]

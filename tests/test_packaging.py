"""Packaging: the README's two set-up commands are the ones CI runs, and the build requirements
listed for no-isolation installs are those pyproject.toml declares."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text("utf-8")
    section = text.split("## Set-up on a fresh machine", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```\n(.+?)\n```", section)


def test_readme_gives_an_install_command_and_a_test_command():
    install, test = readme_commands()[:2]
    assert "pip install" in install and "standpoints extract examples/" in install
    assert "pip install" in test and "pytest" in test


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text("utf-8")
    test = readme_commands()[1]
    # .ci/run spells `python` as "$PYTHON" (a throw-away venv in CI); otherwise the same steps.
    for step in test.split(" && "):
        assert step.replace("python ", '"$PYTHON" ', 1) in ci, f"{step!r} is not in .ci/run"


def test_build_requirements_file_lists_pyproject_build_requires():
    if sys.version_info < (3, 11):
        pytest.skip("tomllib is Python 3.11+")
    import tomllib

    declared = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["build-system"]["requires"]
    listed = [ln.strip() for ln in (REPO / "requirements-build.txt").read_text("utf-8").splitlines()
              if ln.strip() and not ln.startswith("#")]
    missing = [r for r in declared if r not in listed]
    assert not missing, f"requirements-build.txt lacks {missing}"

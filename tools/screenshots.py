"""Takes the screenshots in docs/ with headless Chromium (Debian package `chromium`): how a Document
of the bundled example and its statements look in a notebook.

    python tools/screenshots.py [--out docs/]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

import standpoints

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "000_b8f9c3329b9111b1.txt"


def shoot(html: str, out: Path, size: str) -> None:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        raise SystemExit("chromium is not installed (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(f"<!doctype html><meta charset='utf-8'><body style='margin:16px;background:#fff'>{html}",
                        encoding="utf-8")
        subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--screenshot={out}", f"--window-size={size}", page.as_uri()], check=True,
                       capture_output=True, timeout=120)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=REPO / "docs")
    args = ap.parse_args()
    doc = standpoints.read(EXAMPLE)
    shoot(doc._repr_html_(), args.out / "document.png", "1000,1500")
    shoot(doc.statements._repr_html_(), args.out / "statements.png", "1100,420")


if __name__ == "__main__":
    main()

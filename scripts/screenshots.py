"""Refresh docs/dashboard.png, docs/dashboard-phone.png and docs/article.png from the browser tests.

The tests build a store from ../shared/corpus/articles, serve it, drive headless Chromium over
the main views and, with NEWSEVENTS_SCREENSHOTS set, save what the browser shows into docs/.

Run: python scripts/screenshots.py   (needs chromium and chromium-driver, as the tests do)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"


def main() -> int:
    env = {**os.environ, "NEWSEVENTS_SCREENSHOTS": str(DOCS)}
    command = [sys.executable, "-m", "pytest", "-q", str(REPO / "tests" / "web")]
    done = subprocess.run(command, cwd=REPO, env=env, check=False)
    if done.returncode == 0:
        names = ("dashboard.png", "dashboard-phone.png", "article.png")
        sys.stdout.write(f"wrote {', '.join(str(DOCS / n) for n in names)}\n")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())

"""Make docs/report-html.png, the picture of the web page of `kpi report`, the way the tests
load the page: `kpi report data/submissions` (Vietnamese), opened in headless chromium
(tests/browser.py) at the first target's block, 1200 x 1000 pixels; and record in
docs/report-html.md the hash of the text of the page pictured, which a test compares with the
current page's.

Needs chromium. Run from anywhere: python scripts/report_picture.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import Browser  # noqa: E402 - the repository's root is on the path first
from tests.pagetext import text_hash  # noqa: E402

PICTURE = ROOT / "docs" / "report-html.png"
DOC = ROOT / "docs" / "report-html.md"
HASH = re.compile(r"page text SHA-256 `[0-9a-f]{64}`")


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / "tien-do.html"
        command = [sys.executable, "-m", "cantho_kpi", "report", "data/submissions", "-o"]
        subprocess.run([*command, str(page)], cwd=ROOT, check=True)
        with Browser() as browser:
            loaded = browser.load(page, width=1200, height=1000, anchor="t1")
        assert not loaded.console, loaded.console
        assert not loaded.failed, loaded.failed
        PICTURE.write_bytes(loaded.screenshot)
        digest = text_hash(page.read_text(encoding="utf-8"))
    text = DOC.read_text(encoding="utf-8")
    assert HASH.search(text), f"{DOC} has no 'page text SHA-256 `...`' to update"
    DOC.write_text(HASH.sub(f"page text SHA-256 `{digest}`", text), encoding="utf-8")
    print(f"wrote {PICTURE.relative_to(ROOT)} ({len(loaded.screenshot):,} bytes), page {digest}")


if __name__ == "__main__":
    main()

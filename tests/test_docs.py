"""The docs stay true: the command reference is generated from the commands and current, every
page is linked, and every relative link leads to a file."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from .conftest import ROOT

DOCS = ROOT / "docs"


def _reference_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "make_reference", ROOT / "scripts/make_reference.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_command_reference_is_current() -> None:
    """docs/reference.md is every command's --help; regenerate it with
    python scripts/make_reference.py when a command changes."""
    current = (DOCS / "reference.md").read_text(encoding="utf-8")
    assert current == _reference_script().render(), "run: python scripts/make_reference.py"


def _links(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", "", text, flags=re.S)  # not in code
    return [t for t in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text) if "://" not in t]


def test_every_relative_link_leads_to_a_file() -> None:
    pages = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted(DOCS.glob("*.md"))]
    checked = 0
    for page in pages:
        for target in _links(page):
            assert (page.parent / target).exists(), f"{page.name}: {target}"
            checked += 1
    assert checked > 40


def test_every_page_of_the_docs_is_linked_from_the_readme_or_another_page() -> None:
    linked = {
        (page.parent / t).resolve()
        for page in [ROOT / "README.md", *DOCS.glob("*.md")]
        for t in _links(page)
    }
    pages = sorted(DOCS.glob("*.md"))
    assert len(pages) >= 12
    assert [p.name for p in pages if p.resolve() not in linked] == []

"""Shared fixtures: the CLI runner, paths, and the switch that regenerates golden files."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cantho_kpi.report import Report, evaluate
from cantho_kpi.submissions import discover, read_submission
from cantho_kpi.targets import TargetsFile, load_targets
from cantho_kpi.workbooks import write_export

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
Q2_SAMPLES = ROOT / "data" / "submissions" / "2024-Q2"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden files (*.expected) from the current output instead of comparing",
    )


@pytest.fixture(autouse=True, scope="session")
def _cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The commands keep validated targets files in a cache folder: the tests' own, never the
    user's (subprocesses inherit it)."""
    folder = tmp_path_factory.mktemp("kpi-cache")
    before = os.environ.get("KPI_CACHE_DIR")
    os.environ["KPI_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("KPI_CACHE_DIR", None)
    else:
        os.environ["KPI_CACHE_DIR"] = before


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def golden(update_golden: bool) -> Callable[[Path, str], None]:
    """Compare ``text`` with the golden file at ``path`` (or rewrite it with --update-golden)."""

    def check(path: Path, text: str) -> None:
        if update_golden:
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path}; run pytest --update-golden and review it"
        assert text == path.read_text(encoding="utf-8")

    return check


@pytest.fixture
def kpi(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run the ``kpi`` app in-process from the repository root, as a user would."""
    from cantho_kpi.cli import app

    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("KPI_LANG", raising=False)
    monkeypatch.delenv("KPI_TARGETS", raising=False)
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(app, list(args), catch_exceptions=False)

    return run


@pytest.fixture(scope="session")
def targets() -> TargetsFile:
    result = load_targets(ROOT / "data" / "targets.yaml")
    assert result.targets is not None
    return result.targets


@pytest.fixture(scope="session")
def q2_report(targets: TargetsFile) -> Report:
    """The sample 2024-Q2 round, read and judged (shared: no test may change it)."""
    subs = [read_submission(p, targets, display=p.name) for p in discover([Q2_SAMPLES])]
    return evaluate(targets, subs, targets_file="data/targets.yaml")


@pytest.fixture(scope="session")
def q2_export(
    q2_report: Report, targets: TargetsFile, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The summary workbook of the sample 2024-Q2 round (shared: no test may write to it)."""
    out = tmp_path_factory.mktemp("export") / "tong-hop_2024-Q2.xlsx"
    write_export(q2_report, targets, out, inputs=[])
    return out


@pytest.fixture(scope="session")
def report_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The web page of the sample archive (``kpi report data/submissions``) in Vietnamese and
    English, made once through the app from the repository's root (no test may change it)."""
    from cantho_kpi.cli import app

    out = tmp_path_factory.mktemp("report")
    found = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        patch.delenv("KPI_LANG", raising=False)
        patch.delenv("KPI_TARGETS", raising=False)
        for lang in ("vi", "en"):
            page = out / f"tien-do-{lang}.html"
            args = ["report", "data/submissions", "-o", str(page), "--lang", lang]
            result = CliRunner().invoke(app, args, catch_exceptions=False)
            assert result.exit_code == 0, result.output
            found[lang] = page
    return found

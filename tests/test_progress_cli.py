"""`kpi progress`: the archive read into yearly series, the table, the JSON contract, the exit
codes."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import Result

from cantho_kpi.cli import EXIT_OK, EXIT_USAGE
from cantho_kpi.output import PROGRESS_SCHEMA, progress_dict
from cantho_kpi.report import ProgressStatus, build_archive, track_progress
from cantho_kpi.submissions import (
    Submission,
    SubmittedValue,
    ValueState,
    discover,
    read_submission,
    received_logs,
    scan,
)
from cantho_kpi.targets import TargetsFile

from .conftest import ROOT

Kpi = Callable[..., Result]
GOLDEN = Path(__file__).parent / "golden"
ARCHIVE = "data/submissions"


@pytest.fixture
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    monkeypatch.setenv("NO_COLOR", "1")


def sub(file: str, unit: str | None, period: str | None, **values: str) -> Submission:
    return Submission(
        file=file,
        unit_code=unit,
        period=period,
        values=[
            SubmittedValue(code=code, state=ValueState.VALUE, value=Decimal(v), location=file)
            for code, v in values.items()
        ],
    )


# --- the archive -> yearly series ---------------------------------------------------------


def test_the_archive_keeps_every_rounds_figure() -> None:
    archive = build_archive(
        [
            sub("a/CT_2023.xlsx", "CT", "2023", CT08="73"),
            sub("b/CT_2024-Q2.xlsx", "CT", "2024-Q2", CT08="74"),
            sub("c/CT_2024-Q4.xlsx", "CT", "2024-Q4", CT08="75"),
            sub("d/CT_2025-Q2.xlsx", "CT", "2025-Q2", CT08="75.5"),
        ]
    )
    points = archive.series[("CT", "CT08")]
    assert [(p.year, p.period, p.value, p.provisional, p.month) for p in points] == [
        (2023, "2023", Decimal(73), False, 12),
        (2024, "2024-Q2", Decimal(74), True, 6),  # year-to-date: the half-year
        (2024, "2024-Q4", Decimal(75), False, 12),  # the Q4 round is the year (year-to-date)
        (2025, "2025-Q2", Decimal("75.5"), True, 6),
    ]
    assert archive.rounds == ["2023", "2024-H1", "2024", "2025-H1"]


def test_as_of_leaves_later_rounds_out() -> None:
    subs = [sub("x.xlsx", "CT", "2023", CT08="73"), sub("y.xlsx", "CT", "2024-Q4", CT08="75")]
    points = build_archive(subs, as_of=2023).series[("CT", "CT08")]
    assert [p.year for p in points] == [2023]


def test_a_file_without_a_period_takes_its_folders_name() -> None:
    archive = build_archive([sub("archive/2022/bao-cao.xlsx", "CT", None, CT08="72")])
    assert [p.period for p in archive.series[("CT", "CT08")]] == ["2022"]
    assert [(i.code, i.severity) for i in archive.issues] == [("period-from-folder", "warning")]
    assert "2022" in archive.issues[0].message


def test_two_files_for_one_round_leave_the_year_out() -> None:
    archive = build_archive(
        [sub("a.xlsx", "CT", "2023", CT08="73"), sub("b.xlsx", "CT", "2023", CT08="70")]
    )
    assert ("CT", "CT08") not in archive.series
    assert [i.code for i in archive.issues] == ["duplicate-submission"] * 2


def test_discover_recurses_only_when_asked(tmp_path: Path) -> None:
    for name in ("2023/CT_2023.xlsx", "2024-Q4/CT_2024-Q4.xlsx", ".old/CT_2020.xlsx", "top.csv"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    assert [p.name for p in discover([tmp_path])] == ["top.csv"]
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path], recursive=True)]
    assert found == ["2023/CT_2023.xlsx", "2024-Q4/CT_2024-Q4.xlsx", "top.csv"]


# --- the sample archive -------------------------------------------------------------------


@pytest.fixture(scope="module")
def archive_subs(targets: TargetsFile) -> list[Submission]:
    files = discover([ROOT / ARCHIVE], recursive=True)
    return [read_submission(p, targets, display=p.relative_to(ROOT).as_posix()) for p in files]


def test_the_sample_archive_shows_every_status(
    targets: TargetsFile, archive_subs: list[Submission]
) -> None:
    assert targets.plan.term is not None
    report = track_progress(targets, targets.plan.term, archive_subs, targets_file="t")
    city = {r.status for r in report.results if r.unit_code == "CT"}
    # every status, not_achieved too: an every-year target missed in a year of the term
    assert city == set(ProgressStatus)
    missed = {r.code for r in report.results if r.status is ProgressStatus.NOT_ACHIEVED}
    assert {"CT05a", "CT06b", "CT20"} <= missed
    assert sum(report.plan_targets.values()) == 21
    # the districts and departments have one year each: no rate, unless a flow's one year
    for result in report.results:
        if result.unit_code != "CT" and result.method.value in ("cagr", "linear"):
            assert result.status is ProgressStatus.INSUFFICIENT_DATA


def test_as_of_2023(targets: TargetsFile, archive_subs: list[Submission]) -> None:
    assert targets.plan.term is not None
    report = track_progress(
        targets, targets.plan.term, archive_subs, targets_file="t", as_of=2023, unit="CT"
    )
    ct02 = next(r for r in report.results if r.code == "CT02")
    assert [p.year for p in ct02.series] == [2021, 2022, 2023]
    assert ct02.cut is not None  # the 2020 baseline is another method: the start is 2021
    assert ct02.start is not None
    assert ct02.start.year == 2021


# --- the command ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_table_golden(kpi: Kpi, wide: None, golden: Callable[[Path, str], None], lang: str) -> None:
    result = kpi("progress", ARCHIVE, "--unit", "CT", "--lang", lang)
    assert result.exit_code == EXIT_OK, result.output
    golden(GOLDEN / f"progress-CT-{lang}.txt", result.stdout)


def test_json_golden_and_parity(
    kpi: Kpi,
    golden: Callable[[Path, str], None],
    targets: TargetsFile,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    result = kpi("progress", ARCHIVE, "--unit", "CT", "--format", "json")
    assert result.exit_code == EXIT_OK
    golden(GOLDEN / "progress-CT.json", result.stdout)
    data = json.loads(result.stdout)
    assert data["schema"] == PROGRESS_SCHEMA
    assert data["term"] == {"from": 2021, "to": 2025}
    assert data["as_of"] == 2024
    assert set(data["results"][0]) == {
        "unit_code", "code", "method", "baseline", "series", "latest", "cr", "required",
        "status", "projection", "break", "target",
        # additions of the term's verdicts (docs/progress.md, "Output")
        "observed", "final", "years_met", "years_judged", "missing_years", "without_baseline",
        "to_date", "running_total",
    }  # fmt: skip
    assert set(data["results"][0]["series"][0]) == {
        "period", "value", "provisional", "file", "location", "used", "estimate", "reported_in",
    }  # fmt: skip
    assert set(data["summary"]) == {"statuses", "plan_targets"}
    assert isinstance(data["issues"], list)
    # the CLI's JSON is the library's result serialised (the scan's skipped files included)
    found = scan([Path(ARCHIVE)], recursive=True)
    subs = [read_submission(ROOT / p, targets, display=p.as_posix()) for p in found.files]
    assert targets.plan.term is not None
    skipped = [s.issue() for s in found.skipped]
    assert [i.code for i in skipped] == ["not-a-submission"]  # data/submissions/SOURCES.md
    report = track_progress(
        targets,
        targets.plan.term,
        subs,
        targets_file="data/targets.yaml",
        unit="CT",
        # the CLI reads the offices' logs of the folders too, named as the files are
        logs=received_logs(found.files),
        issues=skipped,
    )
    assert data == json.loads(json.dumps(progress_dict(report)))


def test_json_inputs_recompute_the_verdict(kpi: Kpi) -> None:
    data = json.loads(kpi("progress", ARCHIVE, "--unit", "CT", "--format", "json").stdout)
    ct14a = next(r for r in data["results"] if r["code"] == "CT14a")
    first, last = ct14a["series"][0], ct14a["series"][-1]
    actual = (last["value"] - first["value"]) / (int(last["period"][:4]) - int(first["period"]))
    assert ct14a["method"] == "linear"
    assert round(actual / ct14a["required"], 4) == ct14a["cr"]
    ct02 = next(r for r in data["results"] if r["code"] == "CT02")
    assert ct02["break"]["period"] == "2021"
    assert (ct02["baseline"]["period"], ct02["baseline"]["value"]) == ("2020", 97.2)
    assert ct02["baseline"]["source"].startswith("Thanh Niên, 04/2021")


def test_csv_and_markdown(kpi: Kpi) -> None:
    result = kpi("progress", ARCHIVE, "--unit", "CT", "--format", "csv")
    assert result.exit_code == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 35
    ct01 = rows[0]
    assert ct01["series"] == "2021:-3.6;2022:12.64;2023:5.75;2024-Q4:7.53"
    assert ct01["status"] == "fair"  # the compound mean 5.41 % against 7.5 %: CR 0.72
    markdown = kpi("progress", ARCHIVE, "--unit", "CT", "--format", "markdown", "--lang", "en")
    assert markdown.exit_code == EXIT_OK
    assert markdown.stdout.startswith("**CT (Thành phố Cần Thơ), 2024: 21 targets – 6 ✓ achieved")
    assert "the last year must grow 16.27%" in markdown.stdout
    assert "| CT | CT02 | 145 – 160 | 97.2 (2020) ¦ |" in markdown.stdout


def test_every_unit_by_default(kpi: Kpi, wide: None) -> None:
    result = kpi("progress", ARCHIVE, "--format", "json")
    assert result.exit_code == EXIT_OK
    units = {r["unit_code"] for r in json.loads(result.stdout)["results"]}
    assert units == {"CT", "NK", "BT", "CR", "OM", "TN", "PD", "CD", "TL", "VT", "SYT", "SGDDT",
                     "STC", "BTCTU"}  # fmt: skip
    table = kpi("progress", ARCHIVE)
    assert table.exit_code == EXIT_OK
    assert table.stdout.startswith("CT (Thành phố Cần Thơ), 2024: 21 chỉ tiêu")


def test_unreadable_files_are_listed_and_the_rest_is_judged(kpi: Kpi, tmp_path: Path) -> None:
    for year in ("2022", "2023"):
        (tmp_path / year).mkdir()
        (tmp_path / year / "CT.csv").write_text(
            f"unit_code,code,value\nCT,CT08,7{year[-1]}\n", encoding="utf-8"
        )
    (tmp_path / "2023" / "NK_2023.xlsx").write_bytes(b"not a workbook")
    result = kpi("progress", str(tmp_path), "--lang", "en")
    assert result.exit_code == EXIT_OK  # a report was made; kpi check is the one that fails
    assert "NK_2023.xlsx" in result.stdout
    assert "CT08" in result.stdout


def test_a_narrow_terminal_still_gets_a_table(kpi: Kpi, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = kpi("progress", ARCHIVE, "--unit", "CT")
    assert result.exit_code == EXIT_OK
    assert "CT01" in result.stdout


def test_usage_errors(kpi: Kpi, tmp_path: Path) -> None:
    assert kpi("progress", "no/such/folder").exit_code == EXIT_USAGE
    assert kpi("progress", str(tmp_path)).exit_code == EXIT_USAGE  # no submissions
    unknown = kpi("progress", ARCHIVE, "--unit", "XX")
    assert unknown.exit_code == EXIT_USAGE
    assert "không có đơn vị 'XX'" in unknown.stderr


def test_a_targets_file_without_a_term(kpi: Kpi, tmp_path: Path) -> None:
    text = (ROOT / "data" / "targets.yaml").read_text(encoding="utf-8")
    plain = tmp_path / "targets.yaml"
    plain.write_text(text.replace("  term: {from: 2021, to: 2025}\n", ""), encoding="utf-8")
    result = kpi("progress", ARCHIVE, "--targets", str(plain))
    assert result.exit_code == EXIT_USAGE
    assert "term" in result.stderr


def test_an_archive_of_folders_without_periods(kpi: Kpi, tmp_path: Path) -> None:
    """Files that name no period: the round comes from the folder, and the output says so."""
    for year, value in (("2022", "72"), ("2023", "74.5")):
        (tmp_path / year).mkdir()
        (tmp_path / year / "thanh-pho.csv").write_text(
            f"unit_code,code,value\nCT,CT08,{value}\n", encoding="utf-8"
        )
    result = kpi("progress", str(tmp_path), "--unit", "CT", "--format", "json")
    assert result.exit_code == EXIT_OK
    ct08 = next(r for r in json.loads(result.stdout)["results"] if r["code"] == "CT08")
    assert [p["period"] for p in ct08["series"]] == ["2022", "2023"]
    assert ct08["status"] == "on_track"  # (74.5/72)^1 - 1 = 3.5 % a year; 76 needs 1.8 %
    table = kpi("progress", str(tmp_path), "--unit", "CT", "--lang", "en")
    assert "period-from-folder" in table.stdout
    assert "missing-period" not in table.stdout  # the folder gave it: not a problem here


def test_a_units_own_target_is_the_one_shown_and_used(kpi: Kpi) -> None:
    """Thới Lai set itself 800 new party members over the term (data/unit-targets/TL.yaml):
    its progress is measured against that, and says so; never against the city's 7,000."""
    doc = json.loads(kpi("progress", ARCHIVE, "--unit", "TL", "--format", "json").stdout)
    ct17b = next(r for r in doc["results"] if r["code"] == "CT17b")
    assert ct17b["target"] == {"kind": "at_least", "min": 800, "max": None, "source": "unit"}
    codes = {r["code"] for r in doc["results"]}
    assert "CT02" not in codes  # the city's GRDP per capita: no target applies to a district
    table = kpi("progress", ARCHIVE, "--unit", "TL").stdout
    assert "≥ 800 (riêng)" in table
    assert "7.000" not in table


def test_as_of_before_every_round_is_a_usage_error(kpi: Kpi) -> None:
    result = kpi("progress", ARCHIVE, "--as-of", "2019")
    assert result.exit_code == EXIT_USAGE
    assert "không có đợt nào của năm 2019 hay trước đó" in result.stderr


def test_as_of_after_the_term_is_a_usage_error(kpi: Kpi) -> None:
    result = kpi("progress", ARCHIVE, "--unit", "CT", "--as-of", "2030")
    assert result.exit_code == EXIT_USAGE
    assert "--as-of 2030 nằm sau nhiệm kỳ (2021-2025)" in result.stderr
    assert kpi("progress", ARCHIVE, "--unit", "CT", "--as-of", "2025").exit_code == EXIT_OK

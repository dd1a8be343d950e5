"""Roll-ups from the level the targets file names per period (issue 21, item 5): the districts
into the city in 2024, the communes and wards from 2025-H2; the titles follow in every output.

The communes below are MADE UP for the tests (codes XTA, XTB, PTC): the real 103 units of the
merged city are not in the shipped file (docs/domain.md, "Roll-up and reconciliation").
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import Result as CliResult

from cantho_kpi.cli import EXIT_FINDINGS, EXIT_OK
from cantho_kpi.domain import Period, parse_period, round_of
from cantho_kpi.report import Report, evaluate
from cantho_kpi.submissions import Submission, SubmittedValue, ValueState
from cantho_kpi.targets import (
    ReportingUnit,
    RollupRule,
    TargetsFile,
    UnitLevel,
    load_targets,
    rollup_title,
)

from .conftest import DATA, ROOT
from .factories import workbook_rows, write_xlsx

Kpi = Callable[..., CliResult]
D = Decimal
#: Made-up commune-level units of the merged city, for the tests only.
COMMUNES = {"XTA": "Xã Thử A", "XTB": "Xã Thử B", "PTC": "Phường Thử C"}
DISTRICTS = ("NK", "BT", "CR", "OM", "TN", "PD", "CD", "TL", "VT")


def sub(file: str, unit: str, period: str, **values: str) -> Submission:
    read = [
        SubmittedValue(code=code, state=ValueState.VALUE, value=D(value), location=f"{file}!S!E1")
        for code, value in values.items()
    ]
    return Submission(file=file, unit_code=unit, period=period, values=read)


@pytest.fixture(scope="module")
def merged(targets: TargetsFile) -> TargetsFile:
    """The shipped targets with three made-up communes and wards from 2025-H2."""
    extra = [
        ReportingUnit.model_validate(
            {"code": code, "name": name, "level": "commune", "from": "2025-H2"}
        )
        for code, name in COMMUNES.items()
    ]
    return targets.model_copy(update={"reporting_units": [*targets.reporting_units, *extra]})


def _closing(period_name: str) -> Period:
    """The last month of the round a report for ``period_name`` belongs to: the month that
    decides which units exist, and which rule holds."""
    period = parse_period(period_name)
    assert period is not None
    return round_of(period).closing_month()


# --- the targets file -----------------------------------------------------------------------


def test_the_shipped_file_rolls_up_districts_then_communes(targets: TargetsFile) -> None:
    assert [(r.level, r.into, r.from_, r.until) for r in targets.rollups] == [
        (UnitLevel.DISTRICT, UnitLevel.CITY, None, "2025-Q2"),
        (UnitLevel.COMMUNE, UnitLevel.CITY, "2025-H2", None),
    ]
    levels = {
        name: rule.level if (rule := targets.rollup_into_city(_closing(name))) else None
        for name in ("2024-Q2", "2024", "2025-Q2", "2025-Q3", "2025")
    }
    assert levels == {
        "2024-Q2": UnitLevel.DISTRICT,
        "2024": UnitLevel.DISTRICT,
        "2025-Q2": UnitLevel.DISTRICT,
        "2025-Q3": UnitLevel.COMMUNE,
        "2025": UnitLevel.COMMUNE,
    }


def test_without_the_key_the_districts_roll_up_at_every_period() -> None:
    result = load_targets(DATA / "targets" / "valid" / "minimal.yaml")
    assert result.targets is not None
    assert result.targets.rollups == [RollupRule(level=UnitLevel.DISTRICT, into=UnitLevel.CITY)]


def test_an_empty_list_means_no_rollup(targets: TargetsFile) -> None:
    none = targets.model_copy(update={"rollups": []})
    subs = [sub(f"{u}.xlsx", u, "2024-Q4", CT14a="3") for u in DISTRICTS]
    assert evaluate(none, subs, targets_file="t").rollups == []
    assert len(evaluate(targets, subs, targets_file="t").rollups) == 1  # CT14a, the districts'


def test_validate_targets_names_the_place_of_an_overlap(kpi: Kpi) -> None:
    path = DATA / "targets" / "invalid" / "rollup-periods-overlap.yaml"
    result = kpi("validate-targets", str(path), "--lang", "en")
    assert result.exit_code == EXIT_FINDINGS
    assert f"{path}:18:40: rollup-periods-overlap: rollups[1]: commune into city" in result.stdout


# --- the report -----------------------------------------------------------------------------


def test_from_2025_h2_the_communes_add_up_into_the_city(merged: TargetsFile) -> None:
    subs = [
        sub("XTA.xlsx", "XTA", "2025", CT14a="2", CT17b="40"),
        sub("XTB.xlsx", "XTB", "2025", CT14a="1", CT17b="35"),
        sub("PTC.xlsx", "PTC", "2025", CT14a="0", CT17b="25"),
        sub("CT.xlsx", "CT", "2025", CT14a="4", CT17b="100"),
        sub("NK.xlsx", "NK", "2025", CT14a="9", CT17b="900"),  # a district: gone by then
    ]
    report = evaluate(merged, subs, targets_file="t")
    rollups = {r.code: r for r in report.rollups}
    assert sorted(rollups) == ["CT14a", "CT17b"]  # the summed indicators that were given
    ct14a, ct17b = rollups["CT14a"], rollups["CT17b"]
    assert (ct14a.level, ct14a.into, ct14a.round) == (UnitLevel.COMMUNE, UnitLevel.CITY, "2025")
    assert ct14a.units == ("PTC", "XTA", "XTB")  # NK is not added
    assert (ct14a.value, ct14a.complete, ct14a.reported_value, ct14a.agrees) == (
        D(3), True, D(4), False,
    )  # fmt: skip
    assert (ct17b.value, ct17b.agrees) == (D(100), True)
    city = next(s for s in report.submissions if s.unit_code == "CT")
    (disagree,) = [i for i in city.issues if i.code == "figures-disagree"]
    assert "tổng số liệu của các xã, phường (PTC, XTA, XTB)" in disagree.text("vi")
    assert "the sum of its communes' and wards' figures (PTC, XTA, XTB)" in disagree.message


def test_in_2025_h1_the_districts_still_add_up(merged: TargetsFile) -> None:
    subs = [sub(f"{u}.xlsx", u, "2025-Q2", CT14a="1") for u in DISTRICTS]
    subs.append(sub("XTA.xlsx", "XTA", "2025-Q2", CT14a="5"))  # not a unit yet: not added
    report = evaluate(merged, subs, targets_file="t")
    (rollup,) = report.rollups
    assert (rollup.level, rollup.round, rollup.value, rollup.complete) == (
        UnitLevel.DISTRICT, "2025-H1", D(9), True,
    )  # fmt: skip
    assert "XTA" not in rollup.units


def test_a_missing_commune_leaves_the_rollup_incomplete(merged: TargetsFile) -> None:
    subs = [sub("XTA.xlsx", "XTA", "2025", CT14a="2"), sub("XTB.xlsx", "XTB", "2025", CT14a="1")]
    report = evaluate(merged, subs, targets_file="t")
    (rollup,) = report.rollups
    assert (rollup.units, rollup.complete) == (("XTA", "XTB"), False)
    assert not [r for r in report.results if r.unit_code == "CT"]  # no city figure from it


def test_the_titles_follow_the_level() -> None:
    assert rollup_title(UnitLevel.DISTRICT, "vi") == "Cộng dồn từ các quận, huyện"
    assert rollup_title(UnitLevel.COMMUNE, "vi") == "Cộng dồn từ các xã, phường"
    assert rollup_title(UnitLevel.DISTRICT, "en") == "Roll-up of the districts' figures"
    assert rollup_title(UnitLevel.COMMUNE, "en") == "Roll-up of the communes' and wards' figures"


# --- every output, from the command line ----------------------------------------------------


@pytest.fixture
def merged_folder(tmp_path: Path) -> tuple[Path, Path]:
    """A targets file (the shipped one with the made-up communes) and a folder of 2025
    reports: the three communes and the city."""
    text = (ROOT / "data" / "targets.yaml").read_text(encoding="utf-8")
    units = "".join(
        f'  - {{code: {code}, name: "{name}", level: commune, from: "2025-H2"}}\n'
        for code, name in COMMUNES.items()
    )
    anchor = "\n# Whose figures add up to the city's"  # the end of reporting_units
    text = text.replace(anchor, f"  # made up, for the tests\n{units}{anchor}", 1)
    assert text.count("level: commune, from") == 3
    targets = tmp_path / "targets.yaml"
    targets.write_text(text, encoding="utf-8")
    folder = tmp_path / "2025"
    folder.mkdir()
    figures = {"XTA": ("2", "40"), "XTB": ("1", "35"), "PTC": ("0", "25"), "CT": ("3", "100")}
    names = {**COMMUNES, "CT": "Thành phố Cần Thơ"}
    for code, (communes, members) in figures.items():
        meta = (("Đơn vị:", names[code]), ("Mã đơn vị:", code), ("Kỳ báo cáo:", "Năm 2025"))
        rows = [("CT14a", "Xã NTM nâng cao", communes, ""), ("CT17b", "Đảng viên", members, "")]
        write_xlsx(folder / f"{code}_2025.xlsx", workbook_rows(rows, meta))
    return targets, folder


def _check(kpi: Kpi, folder: Path, targets: Path, *args: str) -> CliResult:
    return kpi("check", str(folder), "--targets", str(targets), "--fail-on", "never", *args)


def test_json_table_and_markdown_name_the_communes(
    kpi: Kpi, merged_folder: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    targets, folder = merged_folder
    monkeypatch.setenv("COLUMNS", "120")
    as_json = _check(kpi, folder, targets, "-f", "json")
    assert as_json.exit_code == EXIT_OK
    data = json.loads(as_json.stdout)
    assert [(r["code"], r["level"], r["into"], r["units"]) for r in data["rollups"]] == [
        ("CT14a", "commune", "city", ["PTC", "XTA", "XTB"]),
        ("CT17b", "commune", "city", ["PTC", "XTA", "XTB"]),
    ]
    for lang, title in (("vi", "Cộng dồn từ các xã, phường"), ("en", "communes' and wards'")):
        table = _check(kpi, folder, targets, "--lang", lang)
        assert table.exit_code == EXIT_OK
        assert title in table.stdout
        assert "quận, huyện" not in table.stdout
        assert "districts'" not in table.stdout
        markdown = _check(kpi, folder, targets, "-f", "markdown", "--lang", lang).stdout
        headings = [
            line for line in markdown.splitlines() if line.startswith(("### Cộng", "### Roll"))
        ]
        assert len(headings) == 1
        assert title in headings[0]


def test_the_export_has_a_rollup_sheet_titled_by_the_level(
    kpi: Kpi, merged_folder: tuple[Path, Path], tmp_path: Path
) -> None:
    targets, folder = merged_folder
    out = tmp_path / "tong-hop_2025.xlsx"
    result = kpi("export", str(folder), "--targets", str(targets), "-o", str(out))
    assert result.exit_code == EXIT_OK, result.stderr
    sheet = load_workbook(out)["Cộng dồn"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[2], r[4], r[5], r[6], r[9]) for r in rows] == [
        ("2025", "Cộng dồn từ các xã, phường", "CT14a", 3, 3, 3, "PTC, XTA, XTB"),
        ("2025", "Cộng dồn từ các xã, phường", "CT17b", 100, 100, 3, "PTC, XTA, XTB"),
    ]


def test_the_sample_export_keeps_the_districts_title(q2_export: Path, q2_report: Report) -> None:
    rows = list(load_workbook(q2_export)["Cộng dồn"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(q2_report.rollups) == 3
    assert {r[1] for r in rows} == {"Cộng dồn từ các quận, huyện"}
    assert [(r[2], r[7], r[8]) for r in rows] == [
        ("CT14a", "Đủ", "✓ Khớp"), ("CT14b", "Đủ", "✓ Khớp"), ("CT17b", "Đủ", "✓ Khớp"),
    ]  # fmt: skip

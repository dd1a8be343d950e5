"""The problems of targets and drive files in Vietnamese (issue 21, item 3): every message of
every fixture has its Vietnamese from the catalog, a few read exactly as a clerk would write
them, and the commands print them in the run's language. The ``.expected`` fixtures stay
English (``message``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from cantho_kpi.errors import Issue
from cantho_kpi.targets import TargetsFile, load_drive, load_targets

from .conftest import DATA, Q2_SAMPLES

Kpi = Callable[..., Result]
INVALID = DATA / "targets" / "invalid"
TARGETS = sorted(INVALID.glob("*.yaml"))
DRIVES = sorted((DATA / "drive" / "invalid").glob("*.yaml"))
#: A letter only Vietnamese writes (a tone or a vowel mark), as every sentence of it has.
_VIETNAMESE = re.compile("[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵằắẳẵặầấẩẫậềếểễệồốổỗộờớởỡợừứửữự]")


def _issues(targets: TargetsFile) -> list[Issue]:
    found = [i for path in TARGETS for i in load_targets(path).issues]
    units = {u.code for u in targets.reporting_units}
    codes = {i.code for i in targets.indicators}
    found += [i for path in DRIVES for i in load_drive(path, path.name, units, codes).issues]
    return found


def test_every_problem_of_every_fixture_is_said_in_vietnamese(targets: TargetsFile) -> None:
    issues = _issues(targets)
    assert len(TARGETS) >= 78
    assert len(DRIVES) >= 23
    assert len(issues) >= len(TARGETS) + len(DRIVES)  # each fixture gives at least one
    english_only = [str(i) for i in issues if not i.message_vi or i.message_vi == i.message]
    assert english_only == []
    unworded = [i.message_vi for i in issues if not _VIETNAMESE.search(i.message_vi or "")]
    assert unworded == []


@pytest.mark.parametrize(
    ("fixture", "line"),
    [
        (
            "min-above-max",
            "29:10: min-above-max: CT01: min (8) lớn hơn max (7.5); hãy đổi chỗ hai giá trị",
        ),
        (
            "unknown-key",
            "32:5: unknown-key: indicators[0]: không có khóa 'tolerence' (có phải là 'tolerance'?)",
        ),
        (
            "decimal-comma",
            "29:10: wrong-type: indicators[0].min: cần một số, nhưng gặp '7,5', viết bằng dấu "
            "phẩy thập phân; hãy ghi 7.5 (dấu chấm thập phân)",
        ),
        (
            "unknown-kind",
            "59:11: wrong-type: indicators[3].kind: chữ 'under' không được dùng ở đây; hãy ghi "
            "một trong 'range', 'band', 'at_least', 'at_most', 'above' hoặc 'below'",
        ),
        (
            "duplicate-key",
            "31:5: duplicate-key: khóa 'min' được ghi hai lần (lần đầu ở dòng 29); YAML sẽ lặng "
            "lẽ chỉ giữ lần cuối: hãy xóa một lần",
        ),
        (
            "missing-target",
            "8:12: missing-target: kế hoạch có 14 chỉ tiêu đánh số (plan.targets) nhưng không "
            "chỉ tiêu nào mang số 2, 4-10, 12, 13; hãy bổ sung chỉ tiêu còn thiếu, hoặc sửa "
            "plan.targets",
        ),
    ],
)
def test_a_few_read_well_in_vietnamese(kpi: Kpi, fixture: str, line: str) -> None:
    """The default language: what a clerk reads, with the file's own keys and numbers."""
    path = INVALID / f"{fixture}.yaml"
    result = kpi("validate-targets", str(path))
    assert result.exit_code == 1
    assert result.stdout == f"{path}:{line}\n"


def test_english_is_the_fixtures_own(kpi: Kpi) -> None:
    path = INVALID / "min-above-max.yaml"
    result = kpi("validate-targets", str(path), "--lang", "en")
    assert result.exit_code == 1
    expected = (INVALID / "min-above-max.expected").read_text(encoding="utf-8")
    assert result.stdout == f"{INVALID}/{expected}"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", ["min (8) lớn hơn max (7.5)", "tệp chỉ tiêu không hợp lệ; hãy chạy"]),
        ("en", ["min (8) is greater than max (7.5)", "the targets file is not valid; run"]),
    ],
)
def test_a_command_prints_an_invalid_targets_file_in_its_language(
    kpi: Kpi, lang: str, said: list[str]
) -> None:
    path = INVALID / "min-above-max.yaml"
    result = kpi("check", str(Q2_SAMPLES), "--targets", str(path), "--lang", lang)
    assert result.exit_code == 2
    assert [s for s in said if s in result.stderr] == said


def test_the_json_message_stays_english(kpi: Kpi) -> None:
    """``--format json`` is for scripts: its ``message`` is English whatever ``--lang`` says."""
    import json

    path = INVALID / "min-above-max.yaml"
    result = kpi("validate-targets", str(path), "--format", "json")
    issues = json.loads(result.stdout)["files"][0]["issues"]
    assert [i["message"] for i in issues] == ["CT01: min (8) is greater than max (7.5); swap them"]


def test_a_translation_changes_the_cache_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """Validated files are kept by a key that includes the compiled catalogs: a changed
    translation is never served from a cache made before it."""
    from cantho_kpi.targets import cache

    monkeypatch.setattr(cache, "_CODE", [])
    before = cache._code()
    read = Path.read_bytes

    def changed(path: Path) -> bytes:
        data = read(path)
        return data + b"\0" if path.suffix == ".mo" else data

    monkeypatch.setattr(cache, "_CODE", [])
    monkeypatch.setattr(Path, "read_bytes", changed)
    assert cache._code() != before

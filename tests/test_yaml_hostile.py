"""YAML that lies: every YAML file (targets, drive, units' own targets) goes through one safe
path. Reader errors are file:line:col issues, numbers and counts are bounded before they size any
work, every message is one short line, and no file can make a list of millions.

The fixtures of one defect each are in ``tests/data/{targets,drive}/invalid``; here are the
attacks that are generated (too large to commit), and hypothesis mutating the shipped drive file
and units' own targets through the command line.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from typer.testing import Result

from cantho_kpi.errors import MAX_MESSAGE
from cantho_kpi.targets import load_drive, validate_text
from cantho_kpi.targets.fields import MAX_ITEMS
from cantho_kpi.targets.safeyaml import MAX_ISSUES, MAX_NODES

from .conftest import ROOT

Kpi = Callable[..., Result]
SHIPPED = (ROOT / "data" / "targets.yaml").read_text(encoding="utf-8")


def _codes(text: str) -> list[str]:
    return [i.code for i in validate_text(text, "t.yaml").issues]


def test_a_list_past_the_limit_is_one_message_not_one_per_item() -> None:
    items = "".join("  - 1\n" for _ in range(MAX_ITEMS + 1))
    text = SHIPPED.replace("reporting_units:\n", "reporting_units:\n" + items, 1)
    issues = validate_text(text, "t.yaml").issues
    assert [(i.code, i.message) for i in issues] == [
        (
            "wrong-type",
            f"reporting_units: takes at most {MAX_ITEMS} items, has {MAX_ITEMS + 15}; remove "
            "the extra ones",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n" * 200_000,  # a million bytes of keys
        "a: [" + "1, " * 300_000 + "1]\n",
        "".join(f"k{i}: [1, 2, 3]\n" for i in range(40_000)),
    ],
    ids=["keys", "flow-list", "lists"],
)
def test_a_file_of_too_many_values_stops_at_the_count(text: str) -> None:
    issues = validate_text(text[:1_000_000], "t.yaml").issues
    assert [i.code for i in issues] == ["too-many-nodes"]
    assert f"more than {MAX_NODES:,} values" in issues[0].message


def test_the_problems_of_one_file_are_capped_with_a_count() -> None:
    text = "schema_version: 1\n" + "".join(f"k{i % 7}: 1\n" for i in range(3000))
    issues = validate_text(text, "t.yaml").issues
    assert len(issues) == MAX_ISSUES + 1
    last = issues[-1]
    assert last.code == "too-many-problems"
    assert last.message.startswith(f"{3000 - 7 + 2 + 7 - MAX_ISSUES:,} more problems")


@pytest.mark.parametrize(
    ("key", "where"),
    [("\x1b[31m", "1:1"), ("\x00", "1:1"), ("\x85ok", None), ("\u2028", None)],
    ids=["escape", "nul", "next-line", "line-separator"],
)
def test_control_characters_anywhere_are_a_place_not_a_traceback(
    key: str, where: str | None
) -> None:
    issues = validate_text(f"{key}: 1\n", "t.yaml").issues
    assert issues
    if where is not None:
        assert [(i.code, f"{i.location.line}:{i.location.col}") for i in issues] == [
            ("bad-character", where)
        ]
    for issue in issues:
        assert "\n" not in str(issue)
        assert "\x1b" not in str(issue)


def test_a_huge_key_or_value_is_quoted_short() -> None:
    text = SHIPPED.replace("schema_version: 1\n", "schema_version: 1\n" + "k" * 1000 + ": 1\n")
    text = text.replace("    kind: range\n", '    kind: "' + "v" * 400_000 + '"\n', 1)
    issues = validate_text(text, "t.yaml").issues
    assert sorted(i.code for i in issues) == ["unknown-key", "wrong-type"]
    for issue in issues:
        assert len(issue.message) <= 300
        assert "…" in issue.message  # the key, the value: cut where they are quoted


@pytest.mark.parametrize(
    "number",
    [
        "9" * 4301,
        "-" + "1" * 5000,
        "2.0e+999999999",
        "1.0e+400",
        "1.0e-400",
        "1" + "0" * 16,
        "0.5e+16",
    ],
)
def test_numbers_are_bounded_before_conversion(number: str) -> None:
    text = SHIPPED.replace("    min: 7.5\n", f"    min: {number}\n", 1)
    issues = validate_text(text, "t.yaml").issues
    assert [i.code for i in issues] == ["wrong-type"]
    assert "is out of range" in issues[0].message
    assert len(issues[0].message) <= MAX_MESSAGE


@pytest.mark.parametrize("number", ["999999999999999", "0.000000000000001", "0", "-7.5", "1.0e+3"])
def test_numbers_within_the_bounds_are_read(number: str) -> None:
    text = SHIPPED.replace("    tolerance: 0.5\n", f"    tolerance: {number}\n", 1)
    assert "wrong-type" not in _codes(text)


def test_a_huge_plan_count_costs_nothing() -> None:
    text = SHIPPED.replace("  targets: 21  #", "  targets: 100000000  #")
    issues = validate_text(text, "t.yaml").issues
    assert [(i.code, i.message) for i in issues] == [
        ("wrong-type", "plan.targets: must be at most 99, got 100000000")
    ]


def test_a_drive_ending_in_9999_is_one_message(tmp_path: Path) -> None:
    drive = (ROOT / "data" / "drive.yaml").read_text(encoding="utf-8")
    path = tmp_path / "drive.yaml"
    path.write_text(drive.replace("end: 2024-12-31", "end: 9999-12-31"), encoding="utf-8")
    issues = load_drive(path, "drive.yaml").issues
    assert [i.code for i in issues] == ["date-out-of-range"]


# --- hypothesis: the shipped drive file and units' own targets, mutated ---------------------

HOSTILE_LINES = [
    "\x07",
    "# \x1b[2J comment",
    "x: 1e400",
    "min: 2.0e+999999999",
    "targets: 100000000",
    "  - {round: 9999-Q4, deadline: 9999-12-31}",
    "launch: 0001-01-01",
    'date: "2024-02-30"',
    "deadline: 2024-02-30",
    "a: &a [*a, *a]",
    "b: !!python/object:os.system x",
    "c: " + "9" * 5000,
    "d: " + "[" * 100 + "]" * 100,
    "e: no",
    "\t- tab",
    '"unclosed',
    ": :",
    "members: [NK, NK, BT, CR, " + ", ".join(f"U{i}" for i in range(50)) + "]",
    "tie_break: [fewer_not_met, fewer_not_met, more_exceeded]",
    "kind: at_most",
    "min: 2.5",
    "unit: NK",
    "- {code: CT11, kind: at_least, min: 5}",
    "k" * 3000 + ": 1",
]

_FILES = ["drive.yaml", "unit-targets/NK.yaml", "unit-targets/PD.yaml", "unit-targets/TL.yaml"]


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, bytes]:
    """One file of the shipped data and its mutated bytes: lines replaced, inserted, removed
    or repeated, or bytes flipped."""
    name = draw(st.sampled_from(_FILES))
    lines = (ROOT / "data" / name).read_bytes().split(b"\n")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        how = draw(st.sampled_from(["replace", "insert", "delete", "repeat", "flip"]))
        hostile = draw(st.sampled_from(HOSTILE_LINES)).encode()
        indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())] if lines else b""
        if how == "replace":
            lines[at] = indent + hostile
        elif how == "insert":
            lines.insert(at, indent + hostile)
        elif how == "delete" and len(lines) > 1:
            del lines[at]
        elif how == "repeat":
            lines.insert(at, lines[at])
        elif lines and lines[at]:
            column = draw(st.integers(0, len(lines[at]) - 1))
            line = bytearray(lines[at])
            line[column] = draw(st.integers(0, 255))
            lines[at] = bytes(line)
    return name, b"\n".join(lines)


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """A copy of the targets file, the drive file and units' own targets."""
    shutil.copy(ROOT / "data" / "targets.yaml", tmp_path / "targets.yaml")
    shutil.copy(ROOT / "data" / "drive.yaml", tmp_path / "drive.yaml")
    shutil.copytree(ROOT / "data" / "unit-targets", tmp_path / "unit-targets")
    return tmp_path


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(mutation=mutations())
def test_mutated_drive_and_unit_files_never_crash(
    kpi: Kpi, office: Path, mutation: tuple[str, bytes]
) -> None:
    name, data = mutation
    for original in _FILES:  # every example starts from the shipped files
        shutil.copy(ROOT / "data" / original, office / original)
    (office / name).write_bytes(data)
    names = [str(office / f) for f in ("targets.yaml", *_FILES)]
    runs = [
        kpi("validate-targets", str(office / name)),  # raises on any traceback
        kpi("targets", "--targets", str(office / "targets.yaml"), "--format", "json"),
    ]
    for result in runs:
        assert result.exit_code in (0, 1, 2)
    said = runs[0].stdout.splitlines() + [line for r in runs for line in r.stderr.splitlines()]
    for line in said:
        assert any(n in line for n in names), line  # every message names its file
        assert len(line) <= 2 * MAX_MESSAGE, line  # one readable line
        assert line.isprintable(), line  # no control character splits or colours it

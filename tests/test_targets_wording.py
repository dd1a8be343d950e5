"""Validation gaps of `kpi validate-targets` (issue 11, item 6): a target of the plan missing
altogether, a tolerance wider than its range, a decimal comma, and pydantic's own wording."""

from __future__ import annotations

import re

import pytest

from cantho_kpi.targets import validate_text

from .conftest import DATA, ROOT

SHIPPED = (ROOT / "data" / "targets.yaml").read_text(encoding="utf-8")
MINIMAL = (DATA / "targets" / "valid" / "minimal.yaml").read_text(encoding="utf-8")
#: Phrases of pydantic's own messages, which must never reach the user.
PYDANTIC = re.compile(
    r"should|Input |after validation|Value error|Field required|Extra inputs|valid (integer|"
    r"number|string|dictionary|list)|type=|pydantic",
    re.I,
)


def _without_target(text: str, code: str) -> str:
    """The file with one indicator's item deleted, as a careless edit would."""
    start = text.index(f"  - code: {code}\n")
    end = text.find("\n  - code: ", start + 1)
    return text[:start] + text[end + 1 :]


def test_the_shipped_file_says_how_many_targets_the_plan_has() -> None:
    assert re.search(r"^  targets: 21\b", SHIPPED, re.M)
    result = validate_text(SHIPPED, "targets.yaml")
    assert result.valid


def test_deleting_target_18_is_found() -> None:
    result = validate_text(_without_target(SHIPPED, "CT18"), "targets.yaml")
    assert not result.valid
    (issue,) = result.issues
    assert issue.code == "missing-target"
    assert "no indicator has number 18;" in issue.message
    assert "add the missing target, or correct plan.targets" in issue.message


def test_a_number_beyond_the_plan_is_found() -> None:
    text = SHIPPED.replace("  targets: 21", "  targets: 20", 1)
    (issue,) = validate_text(text, "targets.yaml").issues
    assert issue.code == "number-beyond-plan"
    assert issue.message.startswith("CT21: number 21 is beyond the plan's 20 targets")


def test_a_tolerance_as_wide_as_the_range_is_allowed() -> None:
    assert validate_text(MINIMAL, "m.yaml").valid  # CT01: 7.5 - 8 with tolerance 0.5


MUTATIONS = ["[]", "{}", '""', "true", "-5", "0", "2024-01-01", "~", "[1, 2]", "7,5", "'x'"]
KEYS = [
    "    number: 1",
    '    name_en: "Average GRDP growth rate"',
    "    kind: range",
    "    min: 7.5",
    "    plausible: {min: -30, max: 50}",
    "    tolerance: 0.5",
    "    members: [CT03a, CT03b]",
    "    level: city",
    '    until: "2025-Q2"',
    '  issued: "2024-02-21"',
    "schema_version: 1",
]


@pytest.mark.parametrize("line", KEYS)
@pytest.mark.parametrize("value", MUTATIONS)
def test_every_schema_message_is_in_our_words(line: str, value: str) -> None:
    key = line.split(":", 1)[0]
    assert line in MINIMAL
    text = MINIMAL.replace(line, f"{key}: {value}", 1)
    for issue in validate_text(text, "m.yaml").issues:
        assert not PYDANTIC.search(issue.message), issue.message


def test_plan_count_that_is_not_a_count() -> None:
    text = MINIMAL.replace('  source: "tests"', '  source: "tests"\n  targets: 0', 1)
    (issue,) = validate_text(text, "m.yaml").issues
    assert str(issue) == "m.yaml:8:12: wrong-type: plan.targets: must be at least 1, got 0"


def test_a_decimal_comma_is_not_called_quoted() -> None:
    (issue,) = validate_text(MINIMAL.replace("    min: 7.5", "    min: 7,5", 1), "m.yaml").issues
    assert "decimal comma; write 7.5" in issue.message
    assert "quoted" not in issue.message

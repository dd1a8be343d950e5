"""One fixture per defect of a targets file, each paired with the exact issues it must give.

``tests/data/targets/invalid/NAME.yaml`` holds one defect; ``NAME.expected`` the lines
``FILE:LINE:COL: CODE: message`` it must produce, no more, no fewer.
Regenerate with ``pytest --update-golden`` and review the diff.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cantho_kpi.targets import load_targets

from .conftest import DATA

INVALID = sorted((DATA / "targets" / "invalid").glob("*.yaml"))

#: The stable code each fixture is about (the file name says the defect).
MAIN_CODE = {
    "alias-bomb": "too-many-nodes",
    "baseline-before-start": "baseline-before-start",
    "duplicate-break": "duplicate-break",
    "every-year-without-rule": "every-year-without-rule",
    "method-not-growth": "method-not-growth",
    "negative-total-tolerance": "negative-tolerance",
    "period-outside-term": "period-outside-term",
    "unknown-measure": "wrong-type",
    "bad-baseline": "missing-key",
    "bad-code-format": "wrong-type",
    "baseline-outside-plausible": "baseline-outside-plausible",
    "bound-outside-plausible": "bound-outside-plausible",
    "cagr-undefined": "cagr-undefined",
    "code-suffix": "code-suffix",
    "date-for-text": "wrong-type",
    "decimal-comma": "wrong-type",
    "deep-nesting": "too-deep",
    "duplicate-code": "duplicate-code",
    "duplicate-key": "duplicate-key",
    "empty": "empty-file",
    "empty-text": "wrong-type",
    "group-one-member": "wrong-type",
    "infinity": "bad-number",
    "method-kind-mismatch": "method-kind-mismatch",
    "min-above-max": "min-above-max",
    "missing-target": "missing-target",
    "missing-bound": "missing-bound",
    "missing-key": "missing-key",
    "negative-tolerance": "negative-tolerance",
    "not-utf8": "not-utf8",
    "number-mismatch": "number-mismatch",
    "octal-number": "bad-number",
    "part-exceeds-whole": "part-exceeds-whole",
    "period-order": "period-order",
    "rollup-from-departments": "unsupported-rollup",
    "rollup-into-a-district": "unsupported-rollup",
    "rollup-into-itself": "rollup-into-itself",
    "rollup-period-order": "period-order",
    "rollup-periods-overlap": "rollup-periods-overlap",
    "rollup-unknown-level": "wrong-type",
    "plausible-min-above-max": "min-above-max",
    "python-tag": "unsupported-tag",
    "quoted-number": "wrong-type",
    "schema-version": "wrong-type",
    "sexagesimal-number": "bad-number",
    "shares-cannot-total": "shares-cannot-total",
    "syntax-error": "yaml-syntax",
    "term-order": "period-order",
    "threshold-order": "threshold-order",
    "tolerance-too-wide": "tolerance-too-wide",
    "top-level-list": "wrong-type",
    "unexpected-bound": "unexpected-bound",
    "sum-of-rates": "sum-of-rates",
    "not-whole": "not-whole",
    "flow-only": "flow-only",
    "missing-term": "missing-term",
    "yes-for-a-flag": "wrong-type",
    "unknown-scope": "wrong-type",
    "unit-target-unknown-unit": "unknown-reference",
    "unit-target-bounds": "missing-bound",
    "unit-target-not-reported": "not-reported-by-unit",
    "unit-target-date": "wrong-type",
    "unknown-key": "unknown-key",
    "unknown-kind": "wrong-type",
    "unknown-reference": "unknown-reference",
    "unknown-unit": "unknown-unit",
    "yaml11-boolean": "wrong-type",
    "unit-target-not-whole": "not-whole",
    "unit-target-kind-mismatch": "kind-mismatch",
    "unit-target-impossible-date": "wrong-type",
    "unit-target-date-out-of-range": "date-out-of-range",
    "unit-target-tolerance-too-wide": "tolerance-too-wide",
    "scope-aggregate": "scope-aggregate",
    "number-out-of-range": "wrong-type",
    "number-too-long": "wrong-type",
    "threshold-out-of-range": "wrong-type",
    "plan-targets-huge": "wrong-type",
    "control-character": "bad-character",
}


def test_every_fixture_is_paired() -> None:
    assert sorted(p.stem for p in INVALID) == sorted(MAIN_CODE)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_gives_its_issues(path: Path, golden: Callable[[Path, str], None]) -> None:
    result = load_targets(path, display=path.name)
    assert not result.valid
    assert result.targets is None
    codes = [issue.code for issue in result.issues]
    assert MAIN_CODE[path.stem] in codes
    text = "".join(f"{issue}\n" for issue in result.issues)
    golden(path.with_suffix(".expected"), text)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_every_issue_points_at_a_line(path: Path) -> None:
    for issue in load_targets(path, display=path.name).issues:
        assert issue.location.line is not None
        assert issue.location.line >= 1
        assert issue.location.col is not None
        assert issue.location.col >= 1


def test_the_base_of_the_fixtures_is_valid() -> None:
    result = load_targets(DATA / "targets" / "valid" / "minimal.yaml")
    assert result.valid, result.issues
    assert result.targets is not None
    assert [i.code for i in result.targets.indicators] == [
        "CT01", "CT03a", "CT03b", "CT11", "CT14a", "CT14b",
    ]  # fmt: skip

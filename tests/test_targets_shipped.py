"""The shipped data/targets.yaml encodes section II.3 of the plan faithfully.

The table below was written from the plan a second time, by hand, independently of the YAML:
a reviewer reads it against the plan line by line.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest

from cantho_kpi.domain import TargetKind
from cantho_kpi.targets import KNOWN_UNITS, TargetsFile, load_targets

from .conftest import DATA, ROOT

D = Decimal
# code: (kind, min, max, unit)
PLAN = {
    "CT01": (TargetKind.RANGE, D("7.5"), D("8"), "%"),
    "CT02": (TargetKind.RANGE, D("145"), D("160"), "million VND"),
    "CT03a": (TargetKind.BAND, D("5.6"), D("5.9"), "%"),
    "CT03b": (TargetKind.BAND, D("33.7"), D("34"), "%"),
    "CT03c": (TargetKind.BAND, D("54.1"), D("54.75"), "%"),
    "CT03d": (TargetKind.BAND, D("5.9"), D("5.95"), "%"),
    "CT04": (TargetKind.RANGE, D("10"), D("12.5"), "%"),
    "CT05a": (TargetKind.AT_LEAST, D("100"), None, "%"),
    "CT05b": (TargetKind.RANGE, D("12"), D("14"), "%"),
    "CT06a": (TargetKind.AT_LEAST, D("297.18"), None, "million VND per worker per year"),
    "CT06b": (TargetKind.RANGE, D("11"), D("15"), "%"),
    "CT07a": (TargetKind.RANGE, D("12"), D("13"), "%"),
    "CT07b": (TargetKind.RANGE, D("35"), D("40"), "%"),
    "CT08": (TargetKind.AT_LEAST, D("76"), None, "%"),
    "CT09a": (TargetKind.AT_LEAST, D("99.15"), None, "%"),
    "CT09b": (TargetKind.AT_LEAST, D("100"), None, "%"),
    "CT09c": (TargetKind.AT_LEAST, D("95"), None, "%"),
    "CT09d": (TargetKind.AT_LEAST, D("90"), None, "%"),
    "CT10": (TargetKind.RANGE, D("80"), D("85"), "%"),
    "CT11": (TargetKind.BELOW, None, D("0.5"), "%"),
    "CT12": (TargetKind.AT_LEAST, D("17"), None, "doctors per 10,000 people"),
    "CT13": (TargetKind.AT_LEAST, D("95"), None, "%"),
    "CT14a": (TargetKind.AT_LEAST, D("24"), None, "communes"),
    "CT14b": (TargetKind.AT_LEAST, D("8"), None, "communes"),
    "CT15a": (TargetKind.AT_LEAST, D("97"), None, "%"),
    "CT15b": (TargetKind.AT_LEAST, D("100"), None, "%"),
    "CT15c": (TargetKind.AT_LEAST, D("94"), None, "%"),
    "CT16": (TargetKind.AT_LEAST, D("100"), None, "%"),
    "CT17a": (TargetKind.AT_LEAST, D("80"), None, "%"),
    "CT17b": (TargetKind.AT_LEAST, D("7000"), None, "party members"),
    "CT18": (TargetKind.AT_LEAST, D("74"), None, "%"),
    "CT19a": (TargetKind.AT_LEAST, D("100"), None, "%"),
    "CT19b": (TargetKind.AT_LEAST, D("100"), None, "%"),
    "CT20": (TargetKind.AT_LEAST, D("75"), None, "%"),
    "CT21": (TargetKind.AT_LEAST, D("100"), None, "%"),
}


@pytest.fixture(scope="module")
def shipped() -> TargetsFile:
    result = load_targets(ROOT / "data" / "targets.yaml")
    assert result.valid, [str(i) for i in result.issues]
    assert result.targets is not None
    return result.targets


def test_every_figure_of_the_plan_in_order(shipped: TargetsFile) -> None:
    assert [i.code for i in shipped.indicators] == list(PLAN)
    assert {i.number for i in shipped.indicators} == set(range(1, 22))


@pytest.mark.parametrize("code", list(PLAN))
def test_kind_bounds_and_unit_match_the_plan(shipped: TargetsFile, code: str) -> None:
    indicator = shipped.indicator(code)
    assert indicator is not None
    assert (indicator.kind, indicator.min, indicator.max, indicator.unit) == PLAN[code]
    assert (
        indicator.plausible.min <= (indicator.min or indicator.max or 0) <= indicator.plausible.max
    )


def test_plan_text_is_quoted_verbatim(shipped: TargetsFile) -> None:
    plan = (DATA / "plan" / "kh33-section-II-3.txt").read_text(encoding="utf-8")
    for indicator in shipped.indicators:
        assert indicator.plan_text in plan, indicator.code
        assert f"({indicator.number})" in plan


def test_text_is_composed_unicode(shipped: TargetsFile) -> None:
    for indicator in shipped.indicators:
        for text in (indicator.name_vi, indicator.plan_text):
            assert unicodedata.is_normalized("NFC", text), indicator.code


def test_groups_and_parts(shipped: TargetsFile) -> None:
    (group,) = shipped.groups
    assert group.members == ["CT03a", "CT03b", "CT03c", "CT03d"]
    assert group.total == 100
    parts = {i.code: i.part_of for i in shipped.indicators if i.part_of}
    assert parts == {"CT14b": "CT14a"}  # CT15b/c are sub-rates, not additive parts


def test_units_of_2024(shipped: TargetsFile) -> None:
    codes = {u.code for u in shipped.reporting_units}
    assert {"CT", "NK", "BT", "CR", "OM", "TN", "PD", "CD", "TL", "VT"} <= codes
    districts = [u for u in shipped.reporting_units if u.level == "district"]
    assert len(districts) == 9
    assert all(u.until == "2025-Q2" for u in districts)


def test_every_unit_of_measure_is_known(shipped: TargetsFile) -> None:
    assert {i.unit for i in shipped.indicators} == set(KNOWN_UNITS)


def test_editors_are_told_where_the_schema_is() -> None:
    text = (ROOT / "data" / "targets.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/targets.schema.json\n")


#: The plan's words that decide a term method (docs/progress.md, "Which target uses which
#: method"), read from plan_text: "hàng năm" is every year, "bình quân" growth ("tăng" or
#: "tốc độ tăng trưởng") compound, a "bình quân" ratio an arithmetic mean, "trong nhiệm kỳ" a
#: total. "bình quân đầu người" and "năng suất lao động bình quân" are levels (per person,
#: per worker).
WORDS_METHOD = {
    "CT01": ("bình quân đạt 7,5 - 8%/năm", "average_growth"),
    "CT04": ("tăng bình quân 10 - 12,5%/năm", "average_growth"),
    "CT05a": ("hàng năm đạt và vượt", "every_year"),
    "CT05b": ("bình quân khoảng 12 - 14% GRDP/năm", "average"),
    "CT06b": ("hàng năm từ 11 - 15%", "every_year"),
    "CT17b": ("trong nhiệm kỳ", "cumulative"),
    "CT20": ("Đảm bảo hàng năm", "every_year"),
}


def test_term_methods_follow_the_plans_words(shipped: TargetsFile) -> None:
    named = {i.code: i.progress.value for i in shipped.indicators if i.progress is not None}
    assert named == {code: method for code, (_, method) in WORDS_METHOD.items()}
    for code, (words, _) in WORDS_METHOD.items():
        indicator = shipped.indicator(code)
        assert indicator is not None
        assert words in indicator.plan_text, code
    yearly = [i.code for i in shipped.indicators if "hàng năm" in i.plan_text]
    assert yearly == ["CT05a", "CT06b", "CT20"]  # every "hàng năm" target is every_year


def test_every_figure_says_what_it_measures(shipped: TargetsFile) -> None:
    # set explicitly on each of the 35, with the reason beside it in the YAML
    assert all("measure" in i.model_fields_set for i in shipped.indicators)
    by = {m: [i.code for i in shipped.indicators if i.measure.value == m] for m in
          ("flow", "stock", "rate", "yearly")}  # fmt: skip
    assert by["flow"] == ["CT05a", "CT17b"]
    assert by["rate"] == ["CT01", "CT04", "CT16", "CT19b"]
    assert by["stock"] == ["CT12", "CT13", "CT14a", "CT14b", "CT15a", "CT15b", "CT15c",
                           "CT19a", "CT21"]  # fmt: skip
    assert len(by["yearly"]) == 35 - 2 - 4 - 9
    ct21 = shipped.indicator("CT21")
    assert ct21 is not None
    assert ct21.from_ == "2022"  # Đề án 06 of 06/01/2022
    assert [b.kind.value for b in shipped.progress.breaks] == ["boundary"]

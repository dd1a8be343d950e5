"""Methods, the ratio CR and the tables' marks said in words, with a legend (issue 21, item
3): the people's outputs name them, the JSON keeps the codes."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from typer.testing import Result

from cantho_kpi.catalog import LANGS, word
from cantho_kpi.presentation import CR_LABEL, METHOD_LABEL, METHODS_LEGEND, ROLLUP_LEGEND
from cantho_kpi.targets import ProgressMethod

Kpi = Callable[..., Result]


@pytest.mark.parametrize("lang", LANGS)
def test_every_method_has_a_label_and_its_code_in_the_legend(lang: str) -> None:
    legend = word(lang, METHODS_LEGEND)
    labels = [METHOD_LABEL[lang][m] for m in ProgressMethod]
    assert len(labels) == len(set(labels)) == 6
    for method, label in zip(ProgressMethod, labels, strict=True):
        assert label != method.value  # words, not the code
        assert f"{label} ({method.value})" in legend


def test_the_vietnamese_labels_are_vietnamese() -> None:
    assert METHOD_LABEL["vi"][ProgressMethod.CAGR] == "tăng trưởng kép"
    assert METHOD_LABEL["vi"][ProgressMethod.EVERY_YEAR] == "từng năm"
    assert word("vi", CR_LABEL) == "Tỷ số tốc độ (CR)"
    assert word("en", CR_LABEL) == "Pace ratio (CR)"


def test_the_table_says_the_methods_the_json_keeps_the_codes(kpi: Kpi) -> None:
    table = kpi("progress", "data/submissions", "--unit", "CT")
    assert table.exit_code == 0
    assert "tăng trưởng" in table.stdout  # the wide table's method column (may wrap)
    assert "Tỷ số tốc độ (CR): mức thay đổi hằng năm thực tế" in table.stdout
    assert "Cách tính: tăng trưởng kép (cagr)" in table.stdout
    found = json.loads(kpi("progress", "data/submissions", "--unit", "CT", "-f", "json").stdout)
    methods = {r["method"] for r in found["results"]}
    assert methods <= {m.value for m in ProgressMethod}
    assert len(methods) >= 4


def test_the_markdown_explains_cr(kpi: Kpi) -> None:
    result = kpi("progress", "data/submissions", "--unit", "CT", "-f", "markdown", "--lang", "en")
    assert result.exit_code == 0
    assert "| Pace ratio (CR) |" in result.stdout
    assert result.stdout.rstrip().endswith(
        "*Pace ratio (CR): the yearly change observed over the change the target needs by 2025 "
        "(1 or more: on track); n/m: years met of those judged*"
    )


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_the_roll_up_marks_have_a_legend(kpi: Kpi, fmt: str) -> None:
    result = kpi("check", "data/submissions/2024-Q2", "-f", fmt)
    assert result.exit_code == 1  # the sample's broken file
    legend = word("vi", ROLLUP_LEGEND)
    said = " ".join(result.stdout.split())  # the table wraps its caption
    assert legend.replace("*", "\\*" if fmt == "markdown" else "*") in said


def test_the_ranking_says_its_symbols(kpi: Kpi) -> None:
    result = kpi("rank", "data/submissions/2024-Q4", "--lang", "en")
    assert result.exit_code == 0
    assert "▲ exceeded  ✓ met  ≈ near  ✗ not met" in result.stdout

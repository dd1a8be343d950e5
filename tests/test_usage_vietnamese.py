"""Every command's usage errors in Vietnamese (the default language): Typer's own (an unknown
option, a missing argument, a value not among the choices) and kpi's (an unknown unit, round,
cluster or format, with "did you mean"); and in English with --lang en (issue 21, item 3)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Kpi = Callable[..., Result]
Q2 = "data/submissions/2024-Q2"
Q4 = "data/submissions/2024-Q4"

#: English words that only an English sentence has: none of them is a Vietnamese word, a
#: unit code, an option's name or a file name of these commands.
_ENGLISH = re.compile(
    r"\b(the|is|are|not|no|of|for|give|write|unknown|missing|invalid|such|file|files|"
    r"option|value|did|you|mean|try|help|error|usage|among|these|choose|one|which)\b",
    re.IGNORECASE,
)
#: Names that stay as they are in any language: options, commands, placeholders, paths.
_NAMES = re.compile(
    r"--?[\w-]+|kpi [\w-]+|\{[^}]*\}|\S+/\S+|'[^']*'|PATH\.\.\.|[A-Z]{2,}"
    r"|(?<=các lệnh là: ).*|(?<=một trong ).*"  # lists of commands and of choices
)


def english_words(text: str) -> list[str]:
    return _ENGLISH.findall(_NAMES.sub(" ", text))


#: (command line, what the Vietnamese message says): one per error path of each command.
CASES: list[tuple[list[str], str]] = [
    (["check", "--nope", Q2], "không có tùy chọn --nope"),
    (["check", "--detial", Q2], "(có phải --detail?)"),
    (["check"], "thiếu đối số PATH..."),
    (["check", Q2, "--lang", "fr"], "hãy chọn một trong vi, en"),
    (["check", Q2, "--jobs", "0"], "phải là số nguyên từ 1 trở lên"),
    (["check", Q2, "--fail-on", "sometimes"], "hãy chọn một trong invalid, not-met"),
    (["check", Q2, "--unit"], "tùy chọn --unit cần một giá trị"),
    (["check", Q2, "--unit", "NKK"], "không có đơn vị 'NKK' (có phải NK?)"),
    (["check", Q2, "--period", "2024-Q1"], "không có tệp nào của đợt 2024-Q1"),
    (["check", Q2, "--period", "Q9"], "không phải là kỳ báo cáo"),
    (["check", Q2, "--as-of", "32/13/2024"], "không phải là ngày"),
    (["check", Q2, "--format", "jsn"], "(có phải json?)"),
    (["check", Q2, "--fail-on", "never", "--fail-on", "missing"], "không dùng chung được"),
    (["check", Q2, "--detail", "--format", "json"], "--detail chỉ dùng cho dạng bảng"),
    (["check", "no/such/folder"], "không có tệp hay thư mục này"),
    (["check", Q2, "--targets", "no/such.yaml"], "không có tệp này (--targets)"),
    (["export", Q2, "-o", "tong-hop.txt"], "tệp kết quả phải là tệp .xlsx"),
    (["export", Q2], "thiếu tùy chọn --output"),
    (["progress", Q2, "--unit", "XX"], "không có đơn vị 'XX'"),
    (["progress", Q2, "--as-of", "2030"], "nằm sau nhiệm kỳ"),
    (["progress", Q2, "--format", "jsn"], "(có phải json?)"),
    (["chase"], "thiếu đối số PATH..."),
    (["chase", Q2, "--round", "2025-Q1"], "tệp phong trào không có hạn nộp cho đợt"),
    (["chase", Q2, "-o", "x.pdf"], "lệnh này ghi ra tệp dạng"),
    (["rank", Q4, "--cluster", "so-ban"], "(có phải so-ban-nganh?)"),
    (["review", Q4, "--round", "2024-Q2", "-o", "review.md"], "không có tệp nào của đợt 2024-H1"),
    (["report", Q2, "-o", "tien-do.txt"], "lệnh này ghi ra tệp dạng .html"),
    (["report", Q2, "-o", "tien-do.html", "--as-of", "2030"], "nằm sau nhiệm kỳ"),
    (["template", "--unit", "NK"], "cần ghi --period"),
    (["template", "--unit", "NKK", "--period", "2024-Q2"], "(có phải NK?)"),
    (["template", "--period", "2024-Q2"], "hãy ghi --unit MÃ hoặc --all-units"),
    (["targets", "--format", "yaml"], "không phải là định dạng của lệnh này"),
    (["validate-targets", "no/such.yaml"], "không có"),
    (["init"], "thiếu đối số"),
    (["chek"], "không có lệnh chek (có phải check?)"),
]


@pytest.fixture(autouse=True)
def _plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")


def test_every_command_has_error_paths_here(kpi: Kpi) -> None:
    """Each command of the app is exercised below (a new command needs its cases)."""
    from cantho_kpi.cli import app

    commands = {c.name for c in app.registered_commands}
    tried = {args[0] for args, _ in CASES} - {"chek"}
    assert commands - {"schema"} == tried  # schema takes no option or argument to get wrong
    assert len(CASES) == 35


@pytest.mark.parametrize(
    ("args", "said"), CASES, ids=lambda v: " ".join(v) if isinstance(v, list) else None
)
def test_usage_errors_are_vietnamese(kpi: Kpi, args: list[str], said: str, tmp_path: Path) -> None:
    result = kpi(*args)
    assert result.exit_code == 2, result.output
    assert said in result.stderr
    assert result.stdout == ""
    assert english_words(result.stderr) == [], result.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["check", "--nope", Q2], "Error: No such option: --nope"),
        (["check", Q2, "--unit", "NKK"], "unknown unit 'NKK' (did you mean NK?)"),
        (["check", "data/submissions", "--period", "2024-Q1"], "(did you mean 2024-H1?)"),
        (["rank", Q4, "--cluster", "so-ban"], "(did you mean so-ban-nganh?)"),
        (["check", Q2, "--format", "jsn"], "(did you mean json?)"),
    ],
)
def test_and_english_with_lang_en(kpi: Kpi, args: list[str], said: str) -> None:
    result = kpi(*args, "--lang", "en")
    assert result.exit_code == 2
    assert said in result.stderr


def test_kpi_lang_chooses_the_language_of_typer_errors_too(
    kpi: Kpi, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KPI_LANG", "en")
    assert "Error: No such option: --nope" in kpi("check", "--nope", Q2).stderr
    monkeypatch.setenv("KPI_LANG", "vi")
    assert "Lỗi: không có tùy chọn --nope" in kpi("check", "--nope", Q2).stderr


def test_the_english_detector_finds_english() -> None:
    """The check above can fail: an English sentence is found, a Vietnamese one is not."""
    assert english_words("kpi: unknown unit 'NKK'; the units are: NK") == [
        "unknown",
        "the",
        "are",
    ]
    assert english_words("kpi: không có đơn vị 'NKK' (có phải NK?); các đơn vị là: NK") == []

"""The message catalog (cantho_kpi/locale): every message of the code is in it, translated,
with the same ``{fields}``; every entry of it is used; its .mo is the fresh compile of its .po
(issue 21, item 3). scripts/catalog.py keeps it so; docs/translating.md says how."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from cantho_kpi import catalog

ROOT = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalog_script", ROOT / "scripts" / "catalog.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return _script()


def test_the_languages_are_vietnamese_then_english(script: ModuleType) -> None:
    assert catalog.LANGS == ("vi", "en")
    assert script.languages() == ["vi"]  # English is the msgids themselves


def test_every_message_of_the_code_is_in_the_catalog_and_every_entry_is_used(
    script: ModuleType,
) -> None:
    """Both directions at once, and translated, with the same fields, compiled."""
    assert script.differences("vi") == []


def test_the_extraction_finds_the_messages(script: ModuleType) -> None:
    """The check above compares two sets: here, that neither is empty or tiny."""
    found = [m for m in script.extracted() if m.id]
    assert len(found) >= 60
    assert "Unit" in {m.id for m in found}
    assert ("late by {count} day", "late by {count} days") in {m.id for m in found}


def test_a_message_missing_from_the_catalog_is_found(
    script: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check can fail: a .po without one of the code's messages, and with one the code
    does not have, is reported on both counts."""
    po = script.po_path("vi").read_text(encoding="utf-8")
    changed = po.replace('msgid "Reporting units"\n', 'msgid "Unit that nobody uses"\n', 1)
    assert changed != po
    folder = tmp_path / "vi" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "kpi.po").write_text(changed, encoding="utf-8")
    monkeypatch.setattr(script, "LOCALE_DIR", tmp_path)
    found = script.differences("vi")
    assert "not in vi/kpi.po: 'Reporting units'" in found
    assert "not used in the code: 'Unit that nobody uses'" in found
    assert "vi/kpi.mo is not the compiled vi/kpi.po" in found


def test_a_lost_field_is_found(script: ModuleType) -> None:
    assert script.fields("{met} of {with_data}") == {"met", "with_data"}
    assert script.fields("{{literal}} {count}") == {"count"}


def test_plurals_follow_each_language() -> None:
    assert catalog.trn("en", "late by {count} day", "late by {count} days", 1) == "late by 1 day"
    assert catalog.trn("en", "late by {count} day", "late by {count} days", 4) == "late by 4 days"
    assert catalog.trn("vi", "late by {count} day", "late by {count} days", 1) == "Trễ 1 ngày"
    assert catalog.trn("vi", "late by {count} day", "late by {count} days", 4) == "Trễ 4 ngày"


def test_both_languages_at_once() -> None:
    said = catalog.both("met")
    assert (said.en, said.vi) == ("met", "Đạt")
    assert said.text("vi") == "Đạt"
    assert said.text("en") == "met"


def test_numbers_and_days_by_language() -> None:
    from datetime import date

    assert catalog.number(Decimal("1234.5"), "vi") == "1.234,5"
    assert catalog.number(Decimal("1234.5"), "en") == "1,234.5"
    assert catalog.number(Decimal("-0.50"), "vi") == "-0,5"
    assert (
        catalog.day(date(2024, 7, 5), "vi") == catalog.day(date(2024, 7, 5), "en") == "05/07/2024"
    )


def test_the_catalog_is_installed_with_the_package() -> None:
    """pyproject's package data carries the .po and the .mo (a wheel without them would speak
    English only)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"cantho_kpi" = ["locale/*/LC_MESSAGES/*.po", "locale/*/LC_MESSAGES/*.mo"]' in text
    assert catalog.mo_path("vi").is_file()
    assert catalog.translations("vi").gettext("met") == "Đạt"


def test_no_sentence_of_the_code_bypasses_the_catalog(script: ModuleType) -> None:
    """Every Vietnamese text and English sentence of the package is a catalog msgid, a
    docstring, help, a programmer's exception, a regular expression, or marked ``# not a
    message: why`` (scripts/catalog.py strays)."""
    assert script.strays() == []


def test_a_sentence_outside_the_catalog_is_found(script: ModuleType, tmp_path: Path) -> None:
    """The check above can fail: planted sentences are found, the allowed places are not."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "planted.py").write_text(
        '"""A module docstring, in English words of its own."""\n'
        "import re\n"
        "from cantho_kpi.catalog import tr\n"
        "\n"
        "def said(lang):\n"
        '    """A docstring is no message at all."""\n'
        '    a = "Đơn vị chưa nộp báo cáo"\n'
        '    b = f"the file {lang} could not be read"\n'
        '    c = tr(lang, "the unit did not report")\n'
        '    d = re.compile(r"(?P<unit>\\w+) is the unit code")\n'
        '    e = "Mã chỉ tiêu"  # not a message: a label the reader recognises\n'
        "    if not lang:\n"
        '        raise ValueError("a programmer passed no language here")\n'
        '    f = tr(lang, f"{lang} units have not sent their reports")\n'
        '    g = ["Unit code", "Score", "bold red"]\n'
        '    raise KpiError.about("f", "x", Said("the workbook is empty", "bảng tính trống"))\n'
        '    return a, b, c, d, e, f, g, "CT01", "2024-Q2"\n',
        encoding="utf-8",
    )
    found = script.strays(package)
    assert len(found) == 6, found
    assert sorted(found) == [
        "cantho_kpi/planted.py:14: {} units have not sent their reports",  # no msgid
        "cantho_kpi/planted.py:15: Unit code",  # "Score" alone is not told from a key
        "cantho_kpi/planted.py:16: bảng tính trống",  # a KpiError, even through .about,
        "cantho_kpi/planted.py:16: the workbook is empty",  # reaches the user
        "cantho_kpi/planted.py:7: Đơn vị chưa nộp báo cáo",
        "cantho_kpi/planted.py:8: the file {} could not be read",
    ]


def test_vietnamese_and_english_are_told_apart(script: ModuleType) -> None:
    assert script.vietnamese("Chưa nộp")
    assert not script.vietnamese("đ")  # a lone letter is no word
    assert not script.vietnamese("CT01 · 2024")
    assert script.english("the unit did not report")
    assert script.english("not sent")
    assert script.english("Unit code")
    assert not script.english("CT01 Q4 2024")
    assert not script.english("bold red")  # a terminal style
    assert not script.english("Score")  # one word: a limit of the check

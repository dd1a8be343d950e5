"""Safe YAML reading: exact numbers, positions, and hostile input."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from cantho_kpi.errors import Issue, KpiError
from cantho_kpi.targets import load_targets, validate_text
from cantho_kpi.targets.safeyaml import MAX_BYTES, RawScalar, parse, read_yaml_source

from .conftest import DATA


def _parse(text: str) -> tuple[object, list[Issue]]:
    issues: list[Issue] = []
    doc = parse(text, "t.yaml", issues)
    return (doc.data if doc else None), issues


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=4, min_value=-(10**9), max_value=10**9
    )
)
def test_numbers_are_read_exactly(value: Decimal) -> None:
    text = format(value, "f")
    data, issues = _parse(f"x: {text}\n")
    assert issues == []
    assert isinstance(data, dict)
    assert data["x"] == value
    assert isinstance(data["x"], int | Decimal)


def test_seven_and_a_half_is_exact() -> None:
    data, _ = _parse("x: 7.5\ny: 8\n")
    assert data == {"x": Decimal("7.5"), "y": 8}
    assert isinstance(data, dict)
    assert isinstance(data["x"], Decimal)


@pytest.mark.parametrize(
    ("text", "kind"),
    [("no", "bool"), ("Yes", "bool"), ("off", "bool"), ("2024-02-21", "timestamp")],
)
def test_yaml11_surprises_keep_their_text(text: str, kind: str) -> None:
    data, issues = _parse(f"x: {text}\n")
    assert issues == []
    assert data == {"x": RawScalar(text, kind, data["x"].value)}  # type: ignore[index]


def test_positions_are_one_based() -> None:
    issues: list[Issue] = []
    doc = parse("a:\n  b: [1, 2]\n", "t.yaml", issues)
    assert doc is not None
    assert doc.position(("a", "b", 1)) == (2, 10)
    assert doc.position(("a", "b"), key=True) == (2, 3)
    assert doc.position(("a", "missing")) == (2, 3)


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    source = (DATA / "targets" / "valid" / "minimal.yaml").read_bytes()
    path.write_bytes(b"\xef\xbb\xbf" + source)
    assert load_targets(path).valid


def test_size_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * (MAX_BYTES + 1))
    issues: list[Issue] = []
    assert read_yaml_source(path, "big.yaml", issues) is None
    assert [i.code for i in issues] == ["file-too-large"]
    assert str(issues[0].location) == "big.yaml:1:1"


def test_unreadable_file_raises_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(KpiError, match="no such file"):
        load_targets(tmp_path / "nope.yaml")


def test_two_documents_are_a_syntax_error() -> None:
    result = validate_text("a: 1\n---\nb: 2\n", "t.yaml")
    assert [i.code for i in result.issues] == ["yaml-syntax"]


def test_recursive_alias_is_refused() -> None:
    _, issues = _parse("a: &a [*a]\n")
    assert [i.code for i in issues] == ["too-many-nodes"]


@pytest.mark.parametrize(
    "tag", ["!!python/object:os.system", "!!python/name:os.system", "!!binary", "!custom", "!!set"]
)
def test_tags_are_refused(tag: str) -> None:
    data, issues = _parse(f"a: {tag} x\n")
    assert [i.code for i in issues] == ["unsupported-tag"]
    assert data == {"a": None}


def test_merge_keys_are_refused() -> None:
    _, issues = _parse("base: &b {x: 1}\nother:\n  <<: *b\n")
    assert [i.code for i in issues] == ["unsupported-tag"]
    assert str(issues[0].location) == "t.yaml:3:3"

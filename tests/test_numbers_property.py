"""Property tests: any number formatted Vietnamese or English style reads back exactly."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, strategies as st

from cantho_kpi.domain import format_number, from_binary, read_number

numbers = st.decimals(
    min_value=Decimal("-1e9"),
    max_value=Decimal("1e9"),
    places=3,
    allow_nan=False,
    allow_infinity=False,
)


@given(numbers, st.sampled_from(["vi", "en"]), st.sampled_from(["", " %", "%"]))
def test_formatted_numbers_read_back(value: Decimal, lang: str, percent: str) -> None:
    text = format_number(value, lang) + percent  # type: ignore[arg-type]
    reading = read_number(text)
    if reading.problem == "ambiguous-number":
        # "1.234" or "7,000": both readings are named, the true one among them
        assert value in reading.readings
        # and a plausible range that holds only the true one settles it
        assert read_number(text, (value, value)).value == value
    else:
        assert reading.problem is None, text
        assert reading.value == value
        assert reading.percent == bool(percent)


@given(numbers)
def test_thousands_spaces_are_never_ambiguous(value: Decimal) -> None:
    vi = format_number(value, "vi")
    if "." in vi:  # grouped: "1.234,5" typed as "1 234,5"
        assert read_number(vi.replace(".", " ")).value == value


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_binary_values_read_as_excel_shows_them(value: float) -> None:
    read = from_binary(value)
    assert abs(float(read) - value) <= abs(value) * 1e-14
    assert len(read.as_tuple().digits) <= 15


stored = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.from_regex(r"-?[0-9]{1,9}\.[0-9]{1,9}", fullmatch=True),
    st.from_regex(r"-?0\.0{0,12}[0-9]{1,6}", fullmatch=True),
)


@given(stored)
def test_a_stored_number_reads_as_its_float_would(text: str) -> None:
    """The short path for decimals of at most 15 digits gives what the float gives."""
    from cantho_kpi.submissions.xlsx.cells import cast_number

    expected = from_binary(float(text))
    assert str(cast_number(text)) == str(expected), text

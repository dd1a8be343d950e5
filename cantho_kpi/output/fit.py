"""Tables that fit the terminal without cutting a cell: codes, values and counts are never cut;
text columns (names, notes) wrap; when even that does not fit, optional columns are dropped in
a fixed order (documented in docs/outputs.md) rather than cut."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich import box
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

Cell = str | Text
#: A text column that would be narrower than this is dropped rather than wrapped to shreds.
MIN_TEXT = 12


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    right: bool = False
    wraps: bool = False  # text that may wrap onto more lines (names, notes)
    drop: int = 0  # 0: always shown; otherwise dropped 1st, 2nd ... when the table is too wide
    style: str = ""
    #: A heading longer than the column's values that wraps onto more lines (word by word)
    #: rather than widening the column: "Tỷ số / tốc độ / (CR)" over "1,35".
    header_wraps: bool = False

    def header_width(self) -> int:
        """The width the heading takes: whole, or its longest word when it wraps."""
        if not self.header_wraps:
            return cell_len(self.header)
        return max(_HEADER_WORD, *(cell_len(w) for w in self.header.split()))


#: The narrowest a wrapping heading makes its column (a word such as "tốc độ" stays whole).
_HEADER_WORD = 6


def fitted_table(
    title: str, columns: Sequence[Column], rows: Sequence[Sequence[Cell]], width: int
) -> Table:
    """A table of ``rows`` no wider than ``width`` (if its fixed columns allow it)."""
    natural = [
        max([c.header_width()] + [cell_len(str(row[i])) for row in rows])
        for i, c in enumerate(columns)
    ]
    # a wrapping column is never narrower than its longest word (a word is not cut in two)
    least = [
        max([MIN_TEXT] + [cell_len(w) for row in rows for w in str(row[i]).split()])
        if c.wraps
        else natural[i]
        for i, c in enumerate(columns)
    ]
    least = [min(want, have) for want, have in zip(least, natural, strict=True)]
    kept = list(range(len(columns)))
    widths = _widths(columns, natural, least, kept, width)
    for index in sorted(
        (i for i, c in enumerate(columns) if c.drop), key=lambda i: columns[i].drop
    ):
        if widths is not None:
            break
        kept.remove(index)
        widths = _widths(columns, natural, least, kept, width)
    # Text, never markup: a note "[xem phụ lục]" or a file named "a[/]b" is shown as written
    # (as markup it would vanish, or stop the run with a MarkupError)
    table = Table(title=Text(title), title_justify="left", box=box.SIMPLE_HEAD, title_style="bold")
    for i in kept:
        col = columns[i]
        table.add_column(
            col.header,
            justify="right" if col.right else "left",
            no_wrap=not (col.wraps or col.header_wraps),
            overflow="fold",
            width=(widths or {}).get(i, natural[i] if col.header_wraps else None),
            style=col.style,
        )
    for row in rows:
        table.add_row(*[_plain(row[i]) for i in kept])
    return table


def _plain(cell: Cell) -> Text:
    return cell if isinstance(cell, Text) else Text(cell)


def _widths(
    columns: Sequence[Column], natural: list[int], least: list[int], kept: list[int], width: int
) -> dict[int, int] | None:
    """Widths for the wrapping columns among ``kept`` so that the table fits ``width``; ``{}``
    when everything fits as it is, ``None`` when it cannot fit."""
    room = width - 3 * len(kept) - 1  # padding and edges
    fixed = sum(natural[i] for i in kept if not columns[i].wraps)
    wrapping = [i for i in kept if columns[i].wraps]
    left = room - fixed
    if left >= sum(natural[i] for i in wrapping):
        return {}
    if left < sum(least[i] for i in wrapping):
        return None
    return _share(left, {i: natural[i] for i in wrapping}, {i: least[i] for i in wrapping})


def _share(left: int, wants: dict[int, int], least: dict[int, int]) -> dict[int, int]:
    """Share ``left`` among columns: those wanting less than a fair share get what they want,
    the others split the rest evenly, none below its ``least``."""
    out: dict[int, int] = {}
    pending = dict(wants)
    while pending:
        fair = left // len(pending)
        small = {i: w for i, w in pending.items() if w <= fair or least[i] >= fair}
        if not small:
            out.update(dict.fromkeys(pending, fair))
            break
        for i, w in small.items():
            out[i] = min(w, max(least[i], fair)) if w > fair else w
            left -= out[i]
            del pending[i]
    return out

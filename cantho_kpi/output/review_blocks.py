"""The review report as an outline of blocks (headings, paragraphs, lists, tables, places to
write), made once from :class:`.review_data.ReviewData` by :mod:`.review` and written by two
writers: Markdown here (:func:`markdown`) and Word (:mod:`.review_docx`). Both documents hold
the same content in the same order; only the writing differs.

A sentence is a :class:`Text`: one of the review's words, a template that may carry the marks
the words modules write in (``**bold**``, ```code```, a whole sentence in ``_emphasis_``), and
the values put into it. The marks are read from the template only, never from the values: a
unit's name with a star or an underscore in it is text, in both writers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

_MARKS = re.compile(r"(\*\*|`)")


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text and how it is set."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False


@dataclass(frozen=True, slots=True)
class Text:
    """One sentence: a template of the words modules and its values."""

    template: str
    values: Mapping[str, str] = field(default_factory=dict)

    def markdown(self) -> str:
        """As Markdown: the template's marks kept; a ``|`` or a line break in a value escaped."""
        return self.template.format_map({k: _md(v) for k, v in self.values.items()})

    def spans(self) -> list[Span]:
        """The runs a word processor sets: the marks read from the template, then taken out."""
        template = self.template
        italic = len(template) > 2 and template[0] == "_" == template[-1]
        if italic:
            template = template[1:-1]
        found: list[Span] = []
        bold = code = False
        for piece in _MARKS.split(template):
            if piece == "**":
                bold = not bold
            elif piece == "`":
                code = not code
            elif piece:
                found.append(Span(piece.format_map(self.values), bold, italic, code))
        return found

    def plain(self) -> str:
        return "".join(span.text for span in self.spans())


def lit(text: str) -> Text:
    """Text as it is: nothing in it is read as a mark."""
    return Text("{text}", {"text": text})


def item(template: str, **values: str) -> Text:
    """A list item from a word written as one (``- {code} {name} ...``): the dash is the list's."""
    return Text(template.removeprefix("- "), values)


@dataclass(frozen=True, slots=True)
class Heading:
    """1: a section of the report (I. ... VI.); 2: a numbered part; 3: a heading within it."""

    level: int
    text: Text


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: Text


@dataclass(frozen=True, slots=True)
class Note:
    """Lines set apart in emphasis: where a rule comes from, what a list is for."""

    lines: tuple[Text, ...]


@dataclass(frozen=True, slots=True)
class Items:
    items: tuple[Text, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table with its header row; ``kind`` names its columns' layout (``figures``,
    ``ranking``) for a writer that sets widths."""

    kind: str
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Write:
    """A passage only people can write (a marked place)."""

    text: Text


Block = Heading | Paragraph | Note | Items | Table | Write


@dataclass(frozen=True, slots=True)
class Outline:
    """The whole review: its title and the drive's name, the note on how it was made, the
    facts it rests on (date, round, cut-off, files), then its sections."""

    title: Text
    name: str
    made: Text
    facts: Items
    body: tuple[Block, ...]
    mark: str  # the mark of a place to write, in Markdown: ``> **[CẦN VIẾT]**``


def markdown(outline: Outline) -> str:
    """The outline as Markdown, blocks apart by a blank line."""
    parts = [
        f"# {outline.title.markdown()}",
        f"**{outline.name}**",
        outline.made.markdown(),
        _block(outline.facts, outline.mark),
    ]
    parts += [_block(block, outline.mark) for block in outline.body]
    return "\n\n".join(parts).rstrip("\n") + "\n"


def _block(block: Block, mark: str) -> str:
    if isinstance(block, Heading):
        return f"{'#' * (block.level + 1)} {block.text.markdown()}"
    if isinstance(block, Paragraph):
        return block.text.markdown()
    if isinstance(block, Note):
        return "\n".join(f"*{line.markdown()}*" for line in block.lines)
    if isinstance(block, Items):
        return "\n".join(f"- {text.markdown()}" for text in block.items)
    if isinstance(block, Table):
        rows = [block.head, *block.rows]
        lines = ["| " + " | ".join(_md(cell) for cell in row) + " |" for row in rows]
        lines.insert(1, "|" + "---|" * len(block.head))
        return "\n".join(lines)
    return f"{mark} {block.text.markdown()}"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")

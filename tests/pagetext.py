"""Reading the web page of ``kpi report`` back, with the standard library's HTML parser only:
its text content (for the golden and the hash beside the docs' picture), its elements with
their attributes (for the accessibility and self-containment checks), and its charts' numbers.
Shared by the tests and ``scripts/report_picture.py``."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Elements whose end starts a new line of text; cells are joined by " | ".
_BLOCKS = {
    "address", "article", "caption", "dd", "div", "dl", "dt", "figure", "footer", "h1", "h2",
    "h3", "h4", "header", "li", "main", "nav", "p", "section", "table", "thead", "tbody", "tr",
    "ul", "svg", "title", "desc", "g",
}  # fmt: skip
_CELLS = {"td", "th"}
_VOID = {"meta", "link", "br", "img", "input", "hr", "source", "wbr", "col", "area", "base"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list[Element] = field(default_factory=list)
    text: str = ""  # the text directly inside it

    def all_text(self) -> str:
        return self.text + "".join(c.all_text() for c in self.children)

    def walk(self) -> list[Element]:
        found = [self]
        for child in self.children:
            found += child.walk()
        return found


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.open = self.root
        self.lines: list[str] = []
        self.line: list[str] = []
        self.skip = 0  # inside <style> or the document's <head>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.open)
        self.open.children.append(element)
        if tag in _VOID:
            return
        self.open = element
        if tag in ("style", "head"):
            self.skip += 1
        if tag in _CELLS and self.line:
            self.line.append(" | ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.open)
        self.open.children.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        node = self.open
        while node.tag != tag and node.parent is not None:
            node = node.parent
        assert node.tag == tag, f"</{tag}> closes nothing open"
        self.open = node.parent or self.root
        if tag in ("style", "head"):
            self.skip -= 1
        if tag in _BLOCKS or tag == "text":
            self._flush()

    def handle_data(self, data: str) -> None:
        self.open.text += data
        if not self.skip:
            self.line.append(data)

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.line)).strip()
        if text:
            self.lines.append(text)
        self.line = []


def parse(html: str) -> tuple[Element, str]:
    """The element tree and the text content (a line per block, cells joined by |)."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader._flush()
    return reader.root, "\n".join(reader.lines) + "\n"


def page_text(html: str) -> str:
    return parse(html)[1]


def text_hash(html: str) -> str:
    """The SHA-256 of the page's text content: recorded beside the docs' picture."""
    return hashlib.sha256(page_text(html).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Mark:
    kind: str  # point, baseline, projection
    period: str
    value: float
    figure: float | None  # a running total's own yearly figure
    y: float


@dataclass(frozen=True)
class ChartNumbers:
    code: str
    marks: list[Mark]
    ticks: list[tuple[float, float]]  # (value, y) of the value axis


def charts(root: Element) -> list[ChartNumbers]:
    """Every chart's numbers: its marks (with where they are drawn) and its value axis."""
    found = []
    for svg in (e for e in root.walk() if e.tag == "svg"):
        marks = []
        ticks = []
        for e in svg.walk():
            if e.attrs.get("data-kind"):
                y = float(e.attrs["cy"]) if "cy" in e.attrs else _diamond_y(e.attrs["d"])
                figure = e.attrs.get("data-figure")
                marks.append(
                    Mark(
                        e.attrs["data-kind"],
                        e.attrs["data-period"],
                        float(e.attrs["data-value"]),
                        float(figure) if figure is not None else None,
                        y,
                    )
                )
            elif e.tag == "text" and "data-value" in e.attrs:
                ticks.append((float(e.attrs["data-value"]), float(e.attrs["y"])))
        found.append(ChartNumbers(svg.attrs["data-code"], marks, ticks))
    return found


def _diamond_y(path: str) -> float:
    """The centre of a diamond ``Mx y-r Lx+r y ...``: the y of its second corner."""
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path)]
    return numbers[3]

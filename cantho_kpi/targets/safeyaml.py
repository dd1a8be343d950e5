"""Safe YAML reading that remembers where every value came from.

PyYAML's ``safe_load`` is not enough for a file that CI must trust: it keeps the last of two
duplicate keys silently, turns ``no`` into ``False`` and ``010`` into ``8``, reads numbers as
binary floats, and forgets every line number. Here the text is *composed* (parsed into nodes with
marks, nothing constructed), then converted by hand:

* mapping keys are their source text; a key given twice is an issue naming both lines;
* numbers become ``int`` or ``Decimal`` from their source text, so ``7.5`` is exactly 7.5;
  octal, sexagesimal, ``.inf`` and ``.nan`` spellings are issues, not surprises;
* booleans, dates and nulls keep their raw text beside them, so a type error can say
  "``no`` is read by YAML as a boolean; put it in quotes";
* any tag other than the plain YAML ones (``!!python/object``, ``!!binary``...) is an issue;
* size, nesting depth and the number of nodes (as written, and after aliases) are capped, so a
  hostile file (an alias bomb, ten thousand nested brackets, a million one-line keys) ends
  quickly with one clear message;
* characters YAML refuses (control characters, even in a comment) are an issue at their
  ``line:col``; numbers are bounded (digits, size) before they are converted, and the problems
  of one file are capped (MAX_ISSUES), so that no file can make a list of millions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..catalog import Said, both, numbers
from ..errors import Issue, KpiError, Location, quoted
from ..files import FILE_TOO_LARGE, read_regular

MAX_BYTES = 1_000_000
MAX_DEPTH = 40
MAX_NODES = 50_000
#: Numbers are bounded before they are converted: at most this many digits...
MAX_DIGITS = 30
#: ... and a size between 10^-MAX_MAGNITUDE and 10^MAX_MAGNITUDE (or zero). Nothing in a targets
#: or drive file comes near (the largest figure of the plan is 7,000).
MAX_MAGNITUDE = 15
#: The most problems said of one file: past it, one line says how many more there are.
MAX_ISSUES = 1000

Path_ = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_INT_RE = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT_RE = re.compile(r"[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_EXPONENT_DIGITS = 4


@dataclass(frozen=True, slots=True)
class RawScalar:
    """A YAML scalar that is not text or a number (boolean, null, date), with its source text.

    It is never a valid value for a text or number field, so pydantic rejects it, and the
    message can quote what the user wrote.
    """

    text: str
    kind: str  # "bool", "null" or "timestamp"
    value: Any


@dataclass(slots=True)
class YamlDoc:
    """A converted document: plain data, and the 1-based position of every value and key."""

    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    #: Paths whose value was already reported (a bad number, a refused tag): not again.
    reported: set[Path_] = field(default_factory=set)

    def position(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Position of ``path``, or of its nearest ancestor that exists (for a missing key)."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))

    def line_of(self, path: Path_) -> int:
        """The line on which ``path`` starts (for messages pointing at a second place)."""
        return self.position(path)[0]


class _Stop(Exception):
    """Raised inside conversion when the document is too hostile to go on."""

    def __init__(self, code: str, message: Said, line: int, col: int) -> None:
        super().__init__(message)
        self.code, self.message, self.line, self.col = code, message, line, col


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _DepthLimitedLoader(yaml.SafeLoader):
    """SafeLoader whose composer refuses nesting deeper than MAX_DEPTH (it recurses) and more
    than MAX_NODES nodes (PyYAML takes some 30 microseconds a node: the count bounds the time
    a file can cost before anything else is looked at)."""

    _depth = 0
    _nodes = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        self._depth += 1
        self._nodes += 1
        try:
            if self._depth > MAX_DEPTH:
                said = both(
                    "the document nests deeper than {depth} levels; a targets file needs only a "
                    "few",
                    depth=MAX_DEPTH,
                )
                raise self._stop("too-deep", said)
            if self._nodes > MAX_NODES:
                said = both(
                    "the document holds more than {count} values; a targets file needs a few "
                    "thousand",
                    count=numbers(MAX_NODES),
                )
                raise self._stop("too-many-nodes", said)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def _stop(self, code: str, message: Said) -> _Stop:
        mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
        return _Stop(code, message, mark.line + 1, mark.column + 1)


def read_yaml_source(path: Path, display: str, issues: list[Issue]) -> str | None:
    """Read a UTF-8 text file no larger than MAX_BYTES (a regular file: never a FIFO or a
    device, whose reading would not end; the size is held on the bytes actually read).

    A file that cannot be opened raises :class:`KpiError`; a file that is too large or not
    UTF-8 adds an issue and returns ``None``.
    """
    try:
        what = both("a targets or drive file")
        raw = read_regular(path, display, MAX_BYTES, what)
    except KpiError as exc:
        if exc.code != FILE_TOO_LARGE:
            raise
        prefix = f"{display}: "
        said = Said(exc.text("en").removeprefix(prefix), exc.text("vi").removeprefix(prefix))
        issues.append(Issue.said(exc.code, said, Location(display, 1, 1)))
        return None
    return _decode(raw, display, issues)


def _decode(raw: bytes, display: str, issues: list[Issue]) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        issues.append(
            Issue.said(
                "not-utf8",
                both(
                    "byte 0x{raw} is not valid UTF-8; save the file as UTF-8 (in most "
                    "editors: Save As, Encoding: UTF-8)",
                    raw=format(raw[exc.start], "02x"),
                ),
                Location(display, line, col),
            )
        )
        return None
    return text.removeprefix("\ufeff")


def parse(text: str, display: str, issues: list[Issue]) -> YamlDoc | None:
    """Compose and convert one YAML document; problems become issues."""
    try:
        loader = _DepthLimitedLoader(text)  # its reader refuses control characters at once
    except yaml.reader.ReaderError as exc:
        issues.append(_reader_issue(exc, text, display))
        return None
    try:
        node = loader.get_single_node()
    except yaml.reader.ReaderError as exc:  # pragma: no cover - the text is checked whole first
        issues.append(_reader_issue(exc, text, display))
        return None
    except _Stop as stop:
        issues.append(Issue.said(stop.code, stop.message, Location(display, stop.line, stop.col)))
        return None
    except yaml.MarkedYAMLError as exc:
        issues.append(_syntax_issue(exc, display))
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks its errors
        said = both("YAML syntax error: {what}", what=str(exc))
        issues.append(Issue.said("yaml-syntax", said, Location(display, 1, 1)))
        return None
    finally:
        loader.dispose()
    if node is None:
        issues.append(
            Issue.said(
                "empty-file", both("the file holds no YAML document"), Location(display, 1, 1)
            )
        )
        return None
    converter = _Converter(display, issues)
    try:
        data = converter.convert(node, (), 0)
    except _Stop as stop:
        issues.append(Issue.said(stop.code, stop.message, Location(display, stop.line, stop.col)))
        return None
    return YamlDoc(data, converter.positions, converter.key_positions, converter.reported)


def _reader_issue(exc: yaml.reader.ReaderError, text: str, display: str) -> Issue:
    """A character YAML does not allow anywhere, even in a comment (a control character)."""
    before = text[: exc.position]
    line = before.count("\n") + 1
    col = exc.position - (before.rfind("\n") + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    return Issue.said(
        "bad-character",
        both(
            "character U+{code} is not allowed in YAML, even in a comment or "
            "in quotes; remove it (it is often pasted in from another program)",
            code=format(code, "04X"),
        ),
        Location(display, line, col),
    )


def capped(issues: list[Issue], display: str) -> list[Issue]:
    """At most MAX_ISSUES problems of one file, and one line saying how many more there are."""
    if len(issues) <= MAX_ISSUES:
        return issues
    more = len(issues) - MAX_ISSUES
    last = Issue.said(
        "too-many-problems",
        both(
            "{more} more problems in this file are not shown; correct the ones above and run again",
            more=numbers(more),
        ),
        Location(display, 1, 1),
    )
    return [*issues[:MAX_ISSUES], last]


def _syntax_issue(exc: yaml.MarkedYAMLError, display: str) -> Issue:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    # PyYAML's own words (English), with where the construct began
    context: Said | str | None = exc.context
    if exc.context and exc.context_mark and exc.context_mark.line + 1 != line:
        started = exc.context_mark.line + 1
        context = both("{what} (started on line {line})", what=exc.context, line=started)
    what = Said.same("; ").join(part for part in (context, exc.problem) if part)
    return Issue.said(
        "yaml-syntax", both("YAML syntax error: {what}", what=what), Location(display, line, col)
    )


class _Converter:
    def __init__(self, display: str, issues: list[Issue]) -> None:
        self.display = display
        self.issues = issues
        self.count = 0
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.key_positions: dict[Path_, tuple[int, int]] = {}
        self.reported: set[Path_] = set()

    def issue(self, code: str, message: Said, node: Node, path: Path_) -> None:
        self.reported.add(path)
        line, col = _pos(node)
        self.issues.append(Issue.said(code, message, Location(self.display, line, col)))

    def convert(self, node: Node, path: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES or depth > MAX_DEPTH:
            line, col = _pos(node)
            said = both(
                "the document expands to more than {count} values or {depth} levels once its "
                "aliases (*name) are followed; remove the aliases",
                count=numbers(MAX_NODES),
                depth=MAX_DEPTH,
            )
            raise _Stop("too-many-nodes", said, line, col)
        self.positions.setdefault(path, _pos(node))
        if isinstance(node, MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, SequenceNode):
            return self.sequence(node, path, depth)
        assert isinstance(node, ScalarNode)
        return self.scalar(node, path)

    def mapping(self, node: MappingNode, path: Path_, depth: int) -> dict[str, Any] | None:
        if node.tag != _TAG + "map":
            self.issue("unsupported-tag", _tag_message(node.tag), node, path)
            return None
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node, path)
            if key is None:
                continue
            if key in result:
                said = both(
                    "key {key} is given twice (first on line {line}); YAML would silently keep "
                    "only the last one: remove one",
                    key=quoted(key),
                    line=first_line[key],
                )
                self.issue("duplicate-key", said, key_node, (*path, key))
                continue
            first_line[key] = _pos(key_node)[0]
            self.key_positions[(*path, key)] = _pos(key_node)
            result[key] = self.convert(value_node, (*path, key), depth + 1)
        return result

    def key(self, node: Node, path: Path_) -> str | None:
        if node.tag == _TAG + "merge":
            message = both("merge keys (<<) are not supported; write the keys out")
            self.issue("unsupported-tag", message, node, path)
            return None
        if not isinstance(node, ScalarNode):
            message = both("a key must be a plain name, not a list or a mapping")
            self.issue("bad-key", message, node, path)
            return None
        return str(node.value)

    def sequence(self, node: SequenceNode, path: Path_, depth: int) -> list[Any] | None:
        if node.tag != _TAG + "seq":
            self.issue("unsupported-tag", _tag_message(node.tag), node, path)
            return None
        return [self.convert(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]

    def scalar(self, node: ScalarNode, path: Path_) -> Any:
        tag, text = node.tag, str(node.value)
        if tag == _TAG + "str":
            return text
        if tag == _TAG + "int":
            return self.integer(text, node, path)
        if tag == _TAG + "float":
            return self.decimal(text, node, path)
        if tag == _TAG + "bool":
            return RawScalar(text, "bool", text.lower() in {"true", "yes", "on", "y"})
        if tag == _TAG + "null":
            return (
                None if text in {"", "~", "null", "Null", "NULL"} else RawScalar(text, "null", None)
            )
        if tag == _TAG + "timestamp":
            return RawScalar(text, "timestamp", text)
        self.issue("unsupported-tag", _tag_message(tag), node, path)
        return None

    def integer(self, text: str, node: ScalarNode, path: Path_) -> int | None:
        if not _INT_RE.fullmatch(text):
            self.issue("bad-number", _odd_number(text), node, path)
            return None
        if len(text.lstrip("+-")) > MAX_MAGNITUDE:  # bounded before int() reads the digits
            self.issue("wrong-type", _out_of_range(text), node, path)
            return None
        return int(text)

    def decimal(self, text: str, node: ScalarNode, path: Path_) -> Decimal | None:
        match = _FLOAT_RE.fullmatch(text)
        if match is None:
            self.issue("bad-number", _odd_number(text), node, path)
            return None
        digits = len(match[1]) + len(match[2] or "") - (1 if match[2] else 0)
        exponent = (match[3] or "e0")[1:].lstrip("+-")
        if digits > MAX_DIGITS or len(exponent) > _EXPONENT_DIGITS:
            self.issue("wrong-type", _out_of_range(text), node, path)
            return None
        value = Decimal(text)
        if value and not -MAX_MAGNITUDE <= value.adjusted() < MAX_MAGNITUDE:
            self.issue("wrong-type", _out_of_range(text), node, path)
            return None
        return value


def _out_of_range(text: str) -> Said:
    return both(
        "{text} is out of range: a number here has at most {digits} digits and lies between "
        "10^-{magnitude} and 10^{magnitude} in size (or is 0); write the figure itself, such as "
        "8 or 7.5",
        text=quoted(text, 40),
        digits=MAX_DIGITS,
        magnitude=MAX_MAGNITUDE,
    )


def _odd_number(text: str) -> Said:
    if ":" in text:
        why = both("YAML 1.1 reads it as a base-60 number")
    elif text.lstrip("+-").startswith("0") and len(text.lstrip("+-")) > 1:
        why = both("YAML 1.1 reads a leading zero as an octal number")
    elif "inf" in text.lower() or "nan" in text.lower():
        why = both("infinity and not-a-number are not figures")
    else:
        why = both("it is not a plain decimal number")
    return both(
        "{text}: {why}; write a plain number such as 8 or 7.5 (quote it if it is text)",
        text=quoted(text, 40),
        why=why,
    )


def _tag_message(tag: str) -> Said:
    return both(
        "tag {tag} is not allowed: only plain text, numbers, lists and mappings are read (no "
        "Python objects, binary data or custom tags)",
        tag=tag.replace(_TAG, "!!"),
    )

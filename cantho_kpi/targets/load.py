"""The targets file: YAML text -> :class:`TargetsFile` + issues with ``line:col`` positions.

Loading runs in three steps, each collecting every problem it can see:

1. :mod:`.safeyaml` reads and composes the YAML (size, encoding, syntax, tags, duplicate keys);
2. pydantic checks the shape of every item separately, so one bad indicator does not hide
   the problems of the others; its wording is translated here into plain words;
3. :mod:`.rules` checks what the schema cannot (bounds, groups, references, duplicate codes).
"""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..errors import Issue, Location, Severity
from . import rules
from .model import Group, Indicator, ReportingUnit, TargetsFile
from .safeyaml import Path_, RawScalar, YamlDoc, parse, read_yaml_source

M = TypeVar("M", bound=BaseModel)


@dataclass(slots=True)
class TargetsResult:
    """What loading gave: the model when the file is valid, and every issue found."""

    path: str
    targets: TargetsFile | None
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.ERROR]

    @property
    def valid(self) -> bool:
        return self.targets is not None and not self.errors


def load_targets(path: Path, display: str | None = None) -> TargetsResult:
    """Load and validate a targets file. Raises :class:`KpiError` only if it cannot be read."""
    shown = display if display is not None else str(path)
    issues: list[Issue] = []
    text = read_yaml_source(path, shown, issues)
    if text is None:
        return TargetsResult(shown, None, issues)
    return validate_text(text, shown, issues)


def validate_text(text: str, display: str, issues: list[Issue] | None = None) -> TargetsResult:
    """Validate targets-file text; ``display`` is the name used in every location."""
    found: list[Issue] = [] if issues is None else issues
    doc = parse(text, display, found)
    if doc is None:
        return TargetsResult(display, None, found)
    targets = _validate(doc, display, found)
    found.sort(key=lambda i: (i.location.line or 0, i.location.col or 0))
    return TargetsResult(display, targets if not found else None, found)


def _validate(doc: YamlDoc, display: str, issues: list[Issue]) -> TargetsFile | None:
    if not isinstance(doc.data, dict):
        issues.append(
            Issue(
                "wrong-type",
                "the file must be a mapping with keys schema_version, plan and indicators",
                Location(display, *doc.position(())),
            )
        )
        return None
    translator = _Translator(doc, display)
    try:
        whole = TargetsFile.model_validate(doc.data)
    except ValidationError as exc:
        whole = None
        for error in exc.errors():
            already = tuple(error["loc"]) in doc.reported
            if error["type"] == "extra_forbidden" or not already:
                issues.append(translator.issue(error))
    indicators = _valid_items(doc, "indicators", Indicator)
    parts = rules.Parts(
        indicators=indicators,
        groups=_valid_items(doc, "groups", Group),
        units=_valid_items(doc, "reporting_units", ReportingUnit),
        all_codes=_raw_codes(doc),
        complete=len(indicators) == len(doc.data.get("indicators") or []),
        line_of=lambda path: doc.position(path)[0],
    )
    for code, message, path in rules.check(parts):
        issues.append(Issue(code, message, Location(display, *doc.position(path))))
    return whole


def _valid_items(doc: YamlDoc, key: str, model: type[M]) -> list[tuple[Path_, M]]:
    """The items of a top-level list that are valid on their own, with their paths."""
    items = doc.data.get(key)
    if not isinstance(items, list):
        return []
    valid: list[tuple[Path_, M]] = []
    for index, item in enumerate(items):
        if any(path[:2] == (key, index) for path in doc.reported):
            continue  # already reported while reading the YAML
        try:
            valid.append(((key, index), model.model_validate(item)))
        except ValidationError:
            continue
    return valid


def _raw_codes(doc: YamlDoc) -> set[str]:
    """Every indicator code written in the file, valid or not (to avoid cascades)."""
    items = doc.data.get("indicators")
    if not isinstance(items, list):
        return set()
    return {i["code"] for i in items if isinstance(i, dict) and isinstance(i.get("code"), str)}


class _Translator:
    """Turns pydantic's error details into one plain-worded issue each."""

    def __init__(self, doc: YamlDoc, display: str) -> None:
        self.doc = doc
        self.display = display

    def issue(self, error: ErrorDetails) -> Issue:
        path: Path_ = tuple(error["loc"])
        kind = error["type"]
        where = _describe_path(path)
        if kind == "extra_forbidden":
            line, col = self.doc.position(path, key=True)
            return Issue("unknown-key", self._unknown_key(path), Location(self.display, line, col))
        line, col = self.doc.position(path)
        if kind == "missing":
            return Issue(
                "missing-key",
                f"{_describe_path(path[:-1])}: required key {path[-1]!r} is missing",
                Location(self.display, line, col),
            )
        message = f"{where}: {_explain(error)}"
        return Issue("wrong-type", message, Location(self.display, line, col))

    def _unknown_key(self, path: Path_) -> str:
        key = str(path[-1])
        allowed = _allowed_keys(path[:-1])
        message = f"{_describe_path(path[:-1])}: unknown key {key!r}"
        close = difflib.get_close_matches(key, allowed, n=1)
        if close:
            return f"{message} (did you mean {close[0]!r}?)"
        if allowed:
            return f"{message}; allowed keys: {', '.join(allowed)}"
        return message


def _describe_path(path: Path_) -> str:
    if not path:
        return "top level"
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _explain(error: ErrorDetails) -> str:
    value = error.get("input")
    kind = error["type"]
    expected = {
        "string_type": "text",
        "int_type": "a whole number",
        "model_type": "a mapping of keys and values",
        "model_attributes_type": "a mapping of keys and values",
        "dict_type": "a mapping of keys and values",
        "list_type": "a list",
        "value_error": "a number",
        "decimal_type": "a number",
    }.get(kind)
    if expected is not None:
        return f"expected {expected}, got {_describe_value(value)}"
    if kind == "string_pattern_mismatch":
        return f"{_describe_value(value)} is not in the expected form ({_pattern_hint(error)})"
    if kind == "enum":
        return f"{_describe_value(value)} is not one of {error.get('ctx', {}).get('expected')}"
    if kind == "literal_error":
        return f"expected {error.get('ctx', {}).get('expected')}, got {_describe_value(value)}"
    return f"{error['msg'].rstrip('.')} (got {_describe_value(value)})"


def _pattern_hint(error: ErrorDetails) -> str:
    pattern = str(error.get("ctx", {}).get("pattern", ""))
    if pattern.startswith("^CT"):
        return "CT01 ... CT21, then a lowercase letter per figure: CT03a"
    if "Q[1-4]" in pattern:
        return "2024, 2024-H1 or 2024-Q2"
    if pattern.startswith("^[A-Z]"):
        return "2 to 10 capital letters or digits, starting with a letter: NK, SYT"
    return pattern


def _describe_value(value: Any) -> str:
    if isinstance(value, RawScalar):
        if value.kind == "bool":
            return (
                f"{value.text!r}, which YAML reads as the boolean {str(value.value).lower()}; "
                "put it in quotes if you mean text"
            )
        if value.kind == "timestamp":
            return f"{value.text!r}, which YAML reads as a date; put it in quotes"
        return f"{value.text!r}, which YAML reads as empty (null)"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, str):
        return f"the text {value!r}" + (
            " (numbers must not be quoted)" if _looks_numeric(value) else ""
        )
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value) if not hasattr(value, "as_tuple") else str(value)


def _looks_numeric(text: str) -> bool:
    return text.strip().replace(".", "", 1).replace(",", "", 1).lstrip("+-").isdigit()


def _allowed_keys(path: Path_) -> list[str]:
    """The keys the model accepts at ``path`` (a mapping), for 'did you mean' hints."""
    annotation: Any = TargetsFile
    for part in path:
        annotation = _unwrap(annotation)
        if isinstance(part, int):
            args = typing.get_args(annotation)
            annotation = args[0] if args else None
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            fields = {f.alias or name: f for name, f in annotation.model_fields.items()}
            annotation = fields[part].annotation if part in fields else None
        else:
            return []
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [f.alias or name for name, f in annotation.model_fields.items()]
    return []


def _unwrap(annotation: Any) -> Any:
    """``X | None`` -> ``X``."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else annotation
    return annotation

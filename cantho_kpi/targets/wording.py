"""Pydantic's error details -> our own plain words, with a fix: the one place where they are
translated. No pydantic message reaches the user (a test checks every fixture's output)."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..errors import Issue, Location, clip, quoted
from .model import TargetsFile
from .safeyaml import Path_, RawScalar, YamlDoc

M = TypeVar("M", bound=BaseModel)


class Translator:
    """Turns pydantic's error details into one plain-worded issue each."""

    def __init__(self, doc: YamlDoc, display: str, root: type[BaseModel] = TargetsFile) -> None:
        self.doc = doc
        self.display = display
        self.root = root  # the model of the whole file (the targets file, a unit's, the drive's)

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
        allowed = _allowed_keys(path[:-1], self.root)
        message = f"{_describe_path(path[:-1])}: unknown key {quoted(key)}"
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


_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "int_parsing": "a whole number",
    "bool_type": "true or false",
    "model_type": "a mapping of keys and values",
    "model_attributes_type": "a mapping of keys and values",
    "dict_type": "a mapping of keys and values",
    "list_type": "a list",
    "value_error": "a number",
    "decimal_type": "a number",
    "decimal_parsing": "a number",
}
_COMPARED = {
    "greater_than_equal": ("at least", "ge"),
    "greater_than": ("more than", "gt"),
    "less_than_equal": ("at most", "le"),
    "less_than": ("less than", "lt"),
}
#: Where to look when nothing more precise can be said.
_SEE = "see the comments at the top of data/targets.yaml, or the schema (kpi schema)"


def _explain(error: ErrorDetails) -> str:
    """Our words for one pydantic error: what is wrong, and how to fix it."""
    value = error.get("input")
    kind = error["type"]
    ctx = error.get("ctx", {})
    got = _describe_value(value)
    if kind == "value_error" and str(ctx.get("error", "")) not in ("", "expected a number"):
        # our own validators say what they expect (true or false, ...)
        shown = value.text if isinstance(value, RawScalar) else str(value)
        return f"{ctx['error']}; got {quoted(shown)}"
    if kind.startswith("drive_"):  # the drive file's own checks say it all
        return str(error["msg"])
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, got {got}"
    if kind == "string_pattern_mismatch":
        return f"{got} is not in the expected form ({_pattern_hint(error)})"
    if kind == "enum":
        return f"{got} is not allowed here; write one of {ctx.get('expected')}"
    if kind == "literal_error":
        return f"expected {ctx.get('expected')}, got {got}; write {ctx.get('expected')}"
    if kind == "string_too_short":
        return "must not be empty; write the text, or remove the key if it is optional"
    if kind in ("too_short", "too_long"):
        return _count_wrong(kind, value, ctx)
    if kind in _COMPARED:
        word, key = _COMPARED[kind]
        return f"must be {word} {ctx.get(key)}, got {got}"
    return f"{got} is not accepted here; {_SEE}"


def _count_wrong(kind: str, value: Any, ctx: dict[str, Any]) -> str:
    count = len(value) if isinstance(value, list | dict | str) else 0
    if kind == "too_short":
        wanted = int(ctx.get("min_length", 1))
        return f"needs at least {_items(wanted)}, has {count}; add the missing ones"
    wanted = int(ctx.get("max_length", 0))
    return f"takes at most {_items(wanted)}, has {count}; remove the extra ones"


def _items(count: int) -> str:
    return f"{count} item" if count == 1 else f"{count} items"


def _pattern_hint(error: ErrorDetails) -> str:
    pattern = str(error.get("ctx", {}).get("pattern", ""))
    if pattern.startswith("^CT"):
        return "CT01 ... CT21, then a lowercase letter per figure: CT03a"
    if "Q[1-4]" in pattern:
        return "2024, 2024-H1 or 2024-Q2"
    if pattern.startswith("^[A-Z]"):
        return "2 to 10 capital letters or digits, starting with a letter: NK, SYT"
    return pattern


#: ``7,5``, ``-0,25``, ``1.234,5``: a number in Vietnamese notation, which YAML reads as text.
_DECIMAL_COMMA = re.compile(r"[+-]?(\d{1,3}(\.\d{3})+|\d+),\d+")


def _describe_value(value: Any) -> str:
    if isinstance(value, RawScalar):
        if value.kind == "bool":
            read = str(value.value).lower()
            return (
                f"{quoted(value.text)}, which YAML reads as the boolean {read}; "
                "put it in quotes if you mean text"
            )
        if value.kind == "timestamp":
            return f"{quoted(value.text)}, which YAML reads as a date; put it in quotes"
        return f"{quoted(value.text)}, which YAML reads as empty (null)"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, str):
        if _DECIMAL_COMMA.fullmatch(value.strip()):
            point = value.strip().replace(".", "").replace(",", ".")
            return f"{quoted(value)}, written with a decimal comma; write {point} (a decimal point)"
        return f"the text {quoted(value)}" + (
            " (numbers must not be quoted)" if _looks_numeric(value) else ""
        )
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return clip(repr(value), 60) if not hasattr(value, "as_tuple") else str(value)


def _looks_numeric(text: str) -> bool:
    return text.strip().replace(".", "", 1).replace(",", "", 1).lstrip("+-").isdigit()


def _allowed_keys(path: Path_, root: type[BaseModel] = TargetsFile) -> list[str]:
    """The keys the model accepts at ``path`` (a mapping), for 'did you mean' hints."""
    annotation: Any = root
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


def validate_model(doc: YamlDoc, display: str, model: type[M], issues: list[Issue]) -> M | None:
    """``doc`` as a ``model``, or None after translating every pydantic error into an issue."""
    translator = Translator(doc, display, model)
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        for error in exc.errors():
            already = tuple(error["loc"]) in doc.reported
            if error["type"] == "extra_forbidden" or not already:
                issues.append(translator.issue(error))
        return None

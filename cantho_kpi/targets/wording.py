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

from ..catalog import N_, Said, both, both_n
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
            return Issue.said(
                "unknown-key", self._unknown_key(path), Location(self.display, line, col)
            )
        line, col = self.doc.position(path)
        if kind == "missing":
            said = both(
                "{path}: required key {key} is missing",
                path=_describe_path(path[:-1]),
                key=repr(path[-1]),
            )
            return Issue.said("missing-key", said, Location(self.display, line, col))
        message = where + ": " + _explain(error)
        return Issue.said("wrong-type", message, Location(self.display, line, col))

    def _unknown_key(self, path: Path_) -> Said:
        key = str(path[-1])
        allowed = _allowed_keys(path[:-1], self.root)
        where, shown = _describe_path(path[:-1]), quoted(key)
        close = difflib.get_close_matches(key, allowed, n=1)
        if close:
            return both(
                "{path}: unknown key {key} (did you mean {close}?)",
                path=where,
                key=shown,
                close=repr(close[0]),
            )
        if allowed:
            return both(
                "{path}: unknown key {key}; allowed keys: {allowed}",
                path=where,
                key=shown,
                allowed=", ".join(allowed),
            )
        return both("{path}: unknown key {key}", path=where, key=shown)


def _describe_path(path: Path_) -> Said | str:
    """``indicators[3].min`` (the file's own keys, in every language), or the top level."""
    if not path:
        return both("top level")
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


_A_NUMBER = N_("a number")
_WHOLE = N_("a whole number")
_MAPPING = N_("a mapping of keys and values")
_EXPECTED = {
    "string_type": N_("text"),
    "int_type": _WHOLE,
    "int_from_float": _WHOLE,
    "int_parsing": _WHOLE,
    "bool_type": N_("true or false"),
    "model_type": _MAPPING,
    "model_attributes_type": _MAPPING,
    "dict_type": _MAPPING,
    "list_type": N_("a list"),
    "value_error": _A_NUMBER,
    "decimal_type": _A_NUMBER,
    "decimal_parsing": _A_NUMBER,
}
_COMPARED = {
    "greater_than_equal": (N_("must be at least {bound}, got {got}"), "ge"),
    "greater_than": (N_("must be more than {bound}, got {got}"), "gt"),
    "less_than_equal": (N_("must be at most {bound}, got {got}"), "le"),
    "less_than": (N_("must be less than {bound}, got {got}"), "lt"),
}


def _explain(error: ErrorDetails) -> Said:
    """Our words for one pydantic error: what is wrong, and how to fix it."""
    value = error.get("input")
    kind = error["type"]
    ctx = error.get("ctx", {})
    got = _describe_value(value)
    said = _said_by_us(kind, ctx)
    if said is not None:
        if kind.startswith("drive_"):  # the drive file's own checks say it all
            return said
        # our own validators say what they expect (true or false, ...)
        shown = value.text if isinstance(value, RawScalar) else str(value)
        return both("{expected}; got {got}", expected=said, got=quoted(shown))
    if kind in _EXPECTED:
        return both("expected {what}, got {got}", what=both(_EXPECTED[kind]), got=got)
    if kind == "string_pattern_mismatch":
        return both(
            "{got} is not in the expected form ({hint})", got=got, hint=_pattern_hint(error)
        )
    if kind == "enum":
        return both(
            "{got} is not allowed here; write one of {expected}",
            got=got,
            expected=_choices(str(ctx.get("expected"))),
        )
    if kind == "literal_error":
        expected = _choices(str(ctx.get("expected")))
        return both("expected {expected}, got {got}; write {expected}", expected=expected, got=got)
    if kind == "string_too_short":
        return both("must not be empty; write the text, or remove the key if it is optional")
    if kind in ("too_short", "too_long"):
        return _count_wrong(kind, value, ctx)
    if kind in _COMPARED:
        msgid, key = _COMPARED[kind]
        return both(msgid, bound=str(ctx.get(key)), got=got)
    return both(
        "{got} is not accepted here; see the comments at the top of data/targets.yaml, or the "
        "schema (kpi schema)",
        got=got,
    )


def _said_by_us(kind: str, ctx: dict[str, Any]) -> Said | None:
    """What one of our own validators said (:class:`.fields.Wrong`, whose ``said`` is in both
    languages), if the error is one of theirs."""
    if kind == "value_error" or kind.startswith("drive_"):
        said = getattr(ctx.get("error"), "said", None) or ctx.get("said")
        return said if isinstance(said, Said) else None
    return None


def _choices(expected: str) -> Said | str:
    """Pydantic's ``'a', 'b' or 'c'`` with the last ``or`` in each language."""
    items, sep, last = expected.rpartition(" or ")
    return both("{items} or {last}", items=items, last=last) if sep else expected


def _count_wrong(kind: str, value: Any, ctx: dict[str, Any]) -> Said:
    count = len(value) if isinstance(value, list | dict | str) else 0
    if kind == "too_short":
        wanted = int(ctx.get("min_length", 1))
        return both_n(
            "needs at least {count} item, has {has}; add the missing ones",
            "needs at least {count} items, has {has}; add the missing ones",
            wanted,
            has=count,
        )
    wanted = int(ctx.get("max_length", 0))
    return both_n(
        "takes at most {count} item, has {has}; remove the extra ones",
        "takes at most {count} items, has {has}; remove the extra ones",
        wanted,
        has=count,
    )


def _pattern_hint(error: ErrorDetails) -> Said | str:
    pattern = str(error.get("ctx", {}).get("pattern", ""))
    if pattern.startswith("^CT"):
        return both("CT01 ... CT21, then a lowercase letter per figure: CT03a")
    if "Q[1-4]" in pattern:
        return both("2024, 2024-H1 or 2024-Q2")
    if pattern.startswith("^[A-Z]"):
        return both("2 to 10 capital letters or digits, starting with a letter: NK, SYT")
    return pattern


#: ``7,5``, ``-0,25``, ``1.234,5``: a number in Vietnamese notation, which YAML reads as text.
_DECIMAL_COMMA = re.compile(r"[+-]?(\d{1,3}(\.\d{3})+|\d+),\d+")


def _describe_value(value: Any) -> Said | str:
    if isinstance(value, RawScalar):
        return _described_scalar(value)
    if value is None:
        return both("nothing (an empty value)")
    if isinstance(value, str):
        if _DECIMAL_COMMA.fullmatch(value.strip()):
            point = value.strip().replace(".", "").replace(",", ".")
            return both(
                "{text}, written with a decimal comma; write {point} (a decimal point)",
                text=quoted(value),
                point=point,
            )
        if _looks_numeric(value):
            return both("the text {text} (numbers must not be quoted)", text=quoted(value))
        return both("the text {text}", text=quoted(value))
    if isinstance(value, dict):
        return both("a mapping")
    if isinstance(value, list):
        return both("a list")
    return clip(repr(value), 60) if not hasattr(value, "as_tuple") else str(value)


def _described_scalar(value: RawScalar) -> Said:
    """A scalar YAML read as something else than it looks: a boolean, a date, null."""
    if value.kind == "bool":
        return both(
            "{text}, which YAML reads as the boolean {read}; put it in quotes if you mean text",
            text=quoted(value.text),
            read=str(value.value).lower(),
        )
    if value.kind == "timestamp":
        return both("{text}, which YAML reads as a date; put it in quotes", text=quoted(value.text))
    return both("{text}, which YAML reads as empty (null)", text=quoted(value.text))


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

"""Typer's own usage errors (an unknown option, a missing argument, a value not among the
choices) said in the language of ``--lang`` / ``KPI_LANG`` (Vietnamese by default), from the
message catalog, with "did you mean" for options and choices. Typer's vendored Click writes
its messages in English without gettext, so each error is read from its kind and its
parameter, never from its English words."""

from __future__ import annotations

import typing
from enum import Enum
from typing import IO, Any

import typer
from typer._click import exceptions as click_errors  # Typer's own Click: the classes it raises
from typer.core import TyperGroup

from ..catalog import tr
from ..domain import Lang
from .exits import lang_of
from .run import suggestion


class KpiGroup(TyperGroup):
    """The ``kpi`` app's group: a usage error found while parsing is said in the run's
    language."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        lang = lang_of(args)
        try:
            ctx = super().make_context(info_name, args, parent, **extra)
        except click_errors.NoArgsIsHelpError:
            raise
        except click_errors.UsageError as error:
            raise Translated(error, lang) from None
        ctx.meta["kpi.lang"] = lang
        return ctx

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except click_errors.NoArgsIsHelpError:
            raise
        except click_errors.UsageError as error:
            if isinstance(error, Translated):
                raise
            raise Translated(error, ctx.meta.get("kpi.lang", "vi")) from None


class Translated(click_errors.UsageError):
    """A usage error of Typer's, said again in ``lang``."""

    def __init__(self, error: click_errors.UsageError, lang: Lang) -> None:
        super().__init__(error.format_message(), error.ctx)
        self.lang = lang
        self.said = error.format_message() if lang == "en" else message_of(error, lang)
        self.original = error

    def show(self, file: IO[Any] | None = None) -> None:
        if self.lang == "en":
            self.original.show(file)
            return
        lines = []
        ctx = self.ctx
        if ctx is not None:
            usage = ctx.get_usage()
            lines.append(tr(self.lang, "Usage:") + usage.removeprefix("Usage:"))
            if ctx.command.get_help_option(ctx) is not None:
                help_line = f"{ctx.command_path} {ctx.help_option_names[0]}"
                lines.append(tr(self.lang, "Try '{command}' for help.", command=help_line))
            lines.append("")
        lines.append(tr(self.lang, "Error: {message}", message=self.said))
        typer.echo("\n".join(lines), err=True)


def message_of(error: click_errors.UsageError, lang: Lang) -> str:
    """What went wrong, in ``lang``, from the kind of error and its parameter."""
    if isinstance(error, click_errors.NoSuchOption):
        known = _options(error.ctx)
        return tr(
            lang,
            "no such option: {option}{suggestion}",
            option=error.option_name,
            suggestion=suggestion(error.option_name, known, lang) if known else "",
        )
    if isinstance(error, click_errors.MissingParameter):
        name = _name(error.param)
        if isinstance(error.param, typer.core.TyperArgument):
            return tr(lang, "missing argument {name}", name=name)
        return tr(lang, "missing option {name}", name=name)
    if isinstance(error, click_errors.BadParameter):
        return _bad_value(error, lang)
    if isinstance(error, click_errors.BadOptionUsage):
        return tr(lang, "option {option} needs a value", option=error.option_name)
    text = error.format_message()
    # not a message: Click's own English, recognised to be said again from the catalog
    if text.startswith("Got unexpected extra argument"):
        extra = text.partition("(")[2].rstrip(")")
        return tr(lang, "unexpected extra arguments: {args}", args=extra)
    # not a message: Click's own English, recognised to be said again from the catalog
    if text.startswith("No such command"):
        known = sorted(error.ctx.command.commands) if error.ctx is not None else []  # type: ignore[attr-defined]
        name = text.split("'")[1] if text.count("'") >= 2 else text
        return tr(
            lang,
            "no such command: {name}{suggestion}; the commands are: {commands}",
            name=name,
            suggestion=suggestion(name, known, lang),
            commands=", ".join(known),
        )
    return tr(lang, "this command line cannot be read: {detail}", detail=text)


def _bad_value(error: click_errors.BadParameter, lang: Lang) -> str:
    param = error.param
    name = _name(param)
    choices = _choices(param)
    if choices:
        return tr(
            lang,
            "invalid value for {option}: choose one of {choices}",
            option=name,
            choices=", ".join(choices),
        )
    low = getattr(param, "min", None)
    if low is not None:
        return tr(
            lang, "invalid value for {option}: a whole number from {low} up", option=name, low=low
        )
    return tr(lang, "invalid value for {option}: {detail}", option=name, detail=error.message)


def _name(param: Any) -> str:
    if param is None:
        return "?"
    opts = [o for o in getattr(param, "opts", []) if o.startswith("--")]
    if opts and not isinstance(param, typer.core.TyperArgument):
        return "/".join(getattr(param, "opts", opts))
    return str(getattr(param, "metavar", None) or param.name).upper()


def _choices(param: Any) -> list[str]:
    descriptor = getattr(param, "type_descriptor", None)
    annotation = getattr(descriptor, "annotation", None)
    while typing.get_origin(annotation) is list:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) is typing.Literal:
        return [str(a) for a in typing.get_args(annotation)]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [str(m.value) for m in annotation]
    return []


def _options(ctx: Any) -> list[str]:
    if ctx is None:
        return []
    return [o for p in ctx.command.params for o in getattr(p, "opts", []) if o.startswith("--")]

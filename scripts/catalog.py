"""Keep kpi's message catalog: extract the messages from the code, merge them into each
language's .po file, compile the .mo files beside them (Babel, from the ``test`` extra).

    python scripts/catalog.py update   # extract, merge into every .po, compile every .mo
    python scripts/catalog.py compile  # compile every .mo from its .po (after translating)
    python scripts/catalog.py check    # exit 1 when a .po or .mo is not up to date, or a
                                       # sentence of the code is not in the catalog

A message new in the code arrives in the .po with an empty ``msgstr`` (and a message that the
code no longer has is dropped): translate it, then ``compile``. The tests
(tests/test_catalog.py) fail while a message is untranslated, unused or not compiled.
See docs/translating.md.
"""

from __future__ import annotations

import ast
import io
import re
import string
import sys
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from cantho_kpi.catalog import DOMAIN, KEYWORDS, LOCALE_DIR

#: The header's dates: fixed, so that the catalog changes only when a message does.
FIXED = datetime(2024, 2, 21, tzinfo=UTC)  # the plan's date
ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cantho_kpi"
#: The header comment of every .po: what a translator needs before the first message.
HEADER = """\
Messages of kpi (cantho_kpi), the indicator tracker of Cần Thơ's plan 33/KH-UBND.
The msgid is the English text; the msgstr is the same message in this language.
{name} fields are filled at run time: keep every one of them, spelled the same.
After editing: python scripts/catalog.py compile (see docs/translating.md)."""


def languages() -> list[str]:
    """The languages that have a catalog (a folder under cantho_kpi/locale)."""
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def extracted() -> Catalog:
    """Every message the code marks (tr, trn, both, both_n, N_), with where it is used."""
    template = Catalog(project="kpi", charset="utf-8", creation_date=FIXED, revision_date=FIXED)
    found: Iterator[tuple[str, int, str | tuple[str, ...], list[str], str | None]]
    found = extract_from_dir(
        str(PACKAGE),
        method_map=[("**.py", "python")],
        keywords=dict(KEYWORDS),
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        where = (f"cantho_kpi/{Path(filename).as_posix()}", lineno)
        template.add(message, None, [where], auto_comments=comments, context=context)
    return template


def read(lang: str) -> Catalog:
    with po_path(lang).open("rb") as fp:
        return read_po(fp, locale=lang, domain=DOMAIN)


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, include_lineno=False)
    # the same bytes whichever Babel wrote them
    return re.sub(rb'"Generated-By: [^"]*\\n"\n', b"", out.getvalue())


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def merged(lang: str) -> Catalog:
    """The .po of ``lang`` brought in step with the code: new messages untranslated, messages
    the code no longer has dropped, each message's places updated."""
    catalog = read(lang)
    catalog.update(extracted(), no_fuzzy_matching=True)
    catalog.obsolete.clear()
    # the same bytes for the same messages: no dates, no placeholders in the header
    catalog.creation_date = catalog.revision_date = FIXED
    catalog.msgid_bugs_to = "https://github.com/ (the project's issues)"
    catalog.last_translator = catalog.language_team = "cantho_kpi"
    catalog.fuzzy = False
    catalog.header_comment = "\n".join(f"# {line}" if line else "#" for line in HEADER.split("\n"))
    return catalog


def differences(lang: str) -> list[str]:
    """What keeps the catalog of ``lang`` from being in step with the code, one line each: a
    message of the code not in the .po, a message of the .po that the code no longer has, an
    untranslated or fuzzy message, a ``{field}`` lost or added in translation, a .mo that is
    not the fresh compile of the .po. Empty when all is well."""
    catalog = read(lang)
    code = {_key(m): m for m in extracted() if m.id}
    mine = {_key(m): m for m in catalog if m.id}
    found = [f"not in {lang}/kpi.po: {_shown(key)}" for key in code if key not in mine]
    found += [f"not used in the code: {_shown(key)}" for key in mine if key not in code]
    for key, message in mine.items():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or message.fuzzy:
            found.append(f"untranslated or fuzzy: {_shown(key)}")
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = fields(ids[-1])
        found += [f"fields differ: {_shown(key)}" for s in strings if fields(s) != wanted]
    mo = po_path(lang).with_suffix(".mo")
    if not mo.exists() or mo.read_bytes() != mo_bytes(catalog):
        found.append(f"{lang}/kpi.mo is not the compiled {lang}/kpi.po")
    return found


def _key(message: Message) -> tuple[str | None, object]:
    """A message as the catalog tells it from the others: its context and its msgid."""
    return message.context, message.id


def _shown(key: tuple[str | None, object]) -> str:
    """``'Code'``, or ``'Code' (in headers of problems)`` for a message in a context."""
    context, msgid = key
    return f"{msgid!r}" + (f" (in {context})" if context else "")


# -- sentences outside the catalog ------------------------------------------------------------

#: Modules whose strings are documents in one language by design, not messages: each with why.
DOCUMENTS: dict[str, str] = {
    "cantho_kpi/workbooks/template.py": (
        "the submission template is the official Vietnamese form the units fill in; its labels "
        "are the layout the reader recognises (submissions/layout.py)"
    ),
}
#: A comment that exempts the literal on its line (or the statement it opens), with a reason.
MARKER = "# not a message"
_VIETNAMESE_BASES = set("aeiouyd")
_WORD = re.compile(r"[(\"'`]?[A-Za-z][a-z'-]+[,;:.)\"'`]?")
#: The words of rich's styles (``"bold red"``), which are no English to translate.
_STYLES = {"bold", "dim", "italic", "underline", "reverse", "on", "default"} | {
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "white",
    "black",
}
_REGEX = re.compile(r"\(\?P<|\\[sdw]|\(\?:")
#: The calls whose literal arguments are never messages: regular expressions and pydantic's
#: schema documentation (English, like --help; ``kpi schema`` prints it).
_NOT_MESSAGES = {
    "compile",
    "match",
    "fullmatch",
    "search",
    "sub",
    "Field",
    "WithJsonSchema",
    "ConfigDict",
}
#: The exceptions raised for programmers, whose messages no user reads (a bug's traceback);
#: any other raise (KpiError, OSError, ...) may reach the user, so its text is checked.
_FOR_PROGRAMMERS = {
    "AssertionError",
    "AttributeError",
    "IndexError",
    "KeyError",
    "LookupError",
    "NotImplementedError",
    "RuntimeError",
    "TypeError",
    "Unusual",  # the lean reader's signal to read the workbook with openpyxl: never shown
    "ValueError",
}


def vietnamese(text: str) -> bool:
    """Whether ``text`` has a word (two letters or more) with a letter only Vietnamese writes
    (đ, or a vowel with its marks); a lone letter (``"đ"`` replaced by ``"d"``) is no word."""
    return any(
        sum(c.isalpha() for c in token) >= 2 and any(_vietnamese_letter(c) for c in token)
        for token in text.split()
    )


def _vietnamese_letter(char: str) -> bool:
    if char in "đĐ":
        return True
    if ord(char) <= 127 or not char.isalpha():
        return False
    return unicodedata.normalize("NFD", char)[0].lower() in _VIETNAMESE_BASES


def english(text: str) -> bool:
    """Whether ``text`` reads as English words: two words or more (``"Unit code"``, ``"not
    sent"``), not a terminal style (``"bold red"``). One word alone (``"Score"``) is not
    told from a code or a key: a heading of one word is for review to catch."""
    tokens = text.split()
    if tokens and all(t in _STYLES for t in tokens):
        return False
    return sum(1 for token in tokens if _WORD.fullmatch(token)) >= 2


def strays(root: Path = PACKAGE) -> list[str]:
    """The sentences of the code that are not in the catalog, ``path:line: text`` each: a
    string literal (an f-string's literal parts) that has a Vietnamese letter or reads as an
    English sentence, and is none of these: a msgid or context of a catalog call (tr, trn,
    word, both, both_n, N_, C_); a docstring; help text (a ``help=`` argument, a ``help``
    class attribute: ``--help`` is English, see docs/translating.md); a pydantic Field's
    documentation; a regular expression; the message of an exception raised for programmers
    (any ``raise`` but of KpiError, which says its message from the catalog); a module of
    :data:`DOCUMENTS`; a line marked ``# not a message: why``."""
    found: list[str] = []
    for path in sorted(root.rglob("*.py")):
        shown = f"cantho_kpi/{path.relative_to(root).as_posix()}"
        if shown in DOCUMENTS:
            continue
        source = path.read_text(encoding="utf-8")
        found += [f"{shown}:{line}: {text}" for line, text in _strays_in(source)]
    return found


def _strays_in(source: str) -> list[tuple[int, str]]:
    tree = ast.parse(source)
    lines = source.splitlines()
    skipped = _not_messages(tree)
    marked = _marked(tree, lines)
    out = []
    for node in ast.walk(tree):
        if id(node) in skipped or not isinstance(node, ast.Constant | ast.JoinedStr):
            continue
        text = _text(node)
        if text is None or node.lineno in marked or _REGEX.search(text):
            continue
        if vietnamese(text) or english(text):
            out.append((node.lineno, text[:80]))
    return out


def _text(node: ast.Constant | ast.JoinedStr) -> str | None:
    """The literal text of a string (an f-string's parts, its fields as ``{}``)."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    parts = (v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return "".join(str(p) for p in parts)


def _not_messages(tree: ast.Module) -> set[int]:
    """The ids of the literals that are not messages by where they stand."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            skipped.update(id(v) for v in node.values)  # said as a whole
        body = getattr(node, "body", None)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and body:
            first = body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skipped.add(id(first.value))  # a docstring
        if isinstance(node, ast.Call):
            skipped.update(_call_skips(node))
        elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            if _name(node.exc.func) in _FOR_PROGRAMMERS:
                skipped.update(id(n) for arg in node.exc.args for n in ast.walk(arg))
        elif isinstance(node, ast.Assign) and _assigns(node, "help"):
            skipped.update(id(n) for n in ast.walk(node.value))
    return skipped


def _call_skips(call: ast.Call) -> set[int]:
    name = _name(call.func)
    skipped = {
        id(n) for k in call.keywords if k.arg in ("help", "description") for n in ast.walk(k.value)
    }
    if name in _NOT_MESSAGES:
        skipped.update(id(n) for arg in call.args for n in ast.walk(arg))
        skipped.update(id(n) for k in call.keywords for n in ast.walk(k.value))
    for position in KEYWORDS.get(name or "", ()):
        index = (position[0] if isinstance(position, tuple) else position) - 1
        if index < len(call.args) and isinstance(call.args[index], ast.Constant):
            skipped.add(id(call.args[index]))  # an f-string is no msgid: reported
    return skipped


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def _assigns(node: ast.Assign, name: str) -> bool:
    return any(isinstance(t, ast.Name) and t.id == name for t in node.targets)


def _marked(tree: ast.Module, lines: list[str]) -> set[int]:
    """The lines whose literals a ``# not a message: why`` comment exempts: every line of the
    statement it ends the first line of, or of the statement right below it."""
    marked: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.stmt):
            continue
        above = lines[node.lineno - 2].strip() if node.lineno > 1 else ""
        if MARKER in lines[node.lineno - 1] or (above.startswith("#") and MARKER in above):
            body = getattr(node, "body", None)  # a compound statement: its header only
            end = body[0].lineno - 1 if body else node.end_lineno or node.lineno
            marked.update(range(node.lineno, end + 1))
    return marked


def fields(text: str) -> set[str]:
    """The ``{fields}`` of a message (``{{`` is a brace, not a field)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in {"update", "compile", "check"}:
        print(__doc__, file=sys.stderr)
        return 2
    stale = []
    for lang in languages():
        mo = po_path(lang).with_suffix(".mo")
        if argv[0] == "update":
            po_path(lang).write_bytes(po_bytes(merged(lang)))
        if argv[0] in {"update", "compile"}:
            mo.write_bytes(mo_bytes(read(lang)))
            print(f"wrote {mo.relative_to(ROOT)}")
        else:
            problems = differences(lang)
            for line in problems:
                print(line)
            if problems:
                stale.append(lang)
    if stale:
        print(f"not up to date: {', '.join(stale)}; run: python scripts/catalog.py update")
    loose = strays() if argv[0] == "check" else []
    for line in loose:
        print(f"not from the catalog: {line}")
    return 1 if stale or loose else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

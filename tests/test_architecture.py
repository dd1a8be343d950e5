"""The architecture CONTRIBUTING.md describes, checked on the source.

import-linter (run by .ci/run) enforces the layers; these tests add what a layers contract cannot
say: a subpackage is used through its public face only, and only the command line prints.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "cantho_kpi"
SUBPACKAGES = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path


def _imports(name: str, path: Path) -> Iterator[tuple[int, str]]:
    """(line, absolute module) of every import in a module, relative ones resolved."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                base = node.module or ""
            else:
                parts = name.split(".")
                keep = len(parts) - node.level + (1 if is_package else 0)
                base = ".".join(parts[:keep] + ([node.module] if node.module else []))
            yield node.lineno, base


def _subpackage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in SUBPACKAGES else None


def test_the_layout_has_the_documented_subpackages() -> None:
    assert SUBPACKAGES == [
        "cli",
        "domain",
        "files",
        "output",
        "presentation",
        "report",
        "submissions",
        "targets",
        "workbooks",
    ]


@pytest.mark.parametrize(("name", "path"), list(_modules()), ids=lambda v: str(v))
def test_other_subpackages_are_used_through_their_public_face(name: str, path: Path) -> None:
    mine = _subpackage(name)
    for line, target in _imports(name, path):
        theirs = _subpackage(target)
        if theirs is None or theirs == mine:
            continue
        assert target == f"cantho_kpi.{theirs}", (
            f"{path.name}:{line} imports {target}, a private module of cantho_kpi.{theirs}; "
            f"import from cantho_kpi.{theirs} (add the name to its __init__ if it is needed)"
        )


def test_errors_imports_nothing_of_ours() -> None:
    path = PACKAGE / "errors.py"
    assert not [t for _, t in _imports("cantho_kpi.errors", path) if t.startswith("cantho_kpi")]


@pytest.mark.parametrize(("name", "path"), list(_modules()), ids=lambda v: str(v))
def test_only_the_command_line_prints(name: str, path: Path) -> None:
    if _subpackage(name) == "cli" or name == "cantho_kpi.__main__":
        return
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in {"print", "input"}, f"{path.name}:{node.lineno}"
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            where = f"{node.value.id}.{node.attr}"
            assert where not in {"sys.stdout", "sys.stderr", "sys.exit", "typer.echo"}, (
                f"{path.name}:{node.lineno}: {where} outside the cli package"
            )


def _literal_comparisons(path: Path) -> list[str]:
    """``x.code == "no-values"``, ``x.date_source == "sheet"``, ``x.level == "city"``: a state
    read from a string where an enum or a flag says it."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        names = {s.attr for s in sides if isinstance(s, ast.Attribute)}
        literal = any(isinstance(s, ast.Constant) and isinstance(s.value, str) for s in sides)
        literal = literal or any(
            isinstance(s, ast.Tuple | ast.Set | ast.List)
            and any(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in s.elts)
            for s in sides
        )
        if literal and names & {"code", "date_source", "level", "severity", "status"}:
            found.append(f"{path.name}:{node.lineno}")
    return found


def test_states_are_enums_and_flags_not_strings() -> None:
    """Date sources, levels, statuses and the states that issue codes once carried (an unfilled
    form, a superseded or duplicate file, a missing period) are read from enums and fields."""
    modules = list(_modules())
    assert len(modules) > 80
    found = [hit for _, path in modules for hit in _literal_comparisons(path)]
    assert found == []


LAZY_FACES = ("report", "targets", "submissions", "output")


@pytest.mark.parametrize("package", LAZY_FACES)
def test_every_name_of_a_lazy_face_resolves(package: str) -> None:
    """Each name the stub lists (once) is there at run time, from the module it names."""
    import importlib

    from cantho_kpi.faces import names_of

    module = importlib.import_module(f"cantho_kpi.{package}")
    where = names_of(PACKAGE / package / "__init__.pyi")
    assert len(where) >= 20
    assert module.__all__ == sorted(where)
    for name, source in where.items():
        value = getattr(module, name)
        assert value is getattr(importlib.import_module(f"cantho_kpi.{package}.{source}"), name)


def _import_graph() -> dict[str, set[str]]:
    """Module -> the modules of ours it imports (at the top or inside a function; a lazy
    face's names lead to the modules its stub names; ``from . import x`` to the module x)."""
    from cantho_kpi.faces import names_of

    modules = dict(_modules())
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom | ast.Import):
                continue
            for _, target in _imports_of(name, path, node):
                if target in modules and target != name:
                    graph[name].add(target)
    for name, path in modules.items():
        stub = path.with_suffix(".pyi")
        if path.name == "__init__.py" and stub.exists():
            graph[name] |= {f"{name}.{m}" for m in set(names_of(stub).values())} & set(modules)
    return graph


def _imports_of(name: str, path: Path, node: ast.Import | ast.ImportFrom) -> list[tuple[int, str]]:
    found = []
    if isinstance(node, ast.Import):
        return [(node.lineno, alias.name) for alias in node.names]
    is_package = path.name == "__init__.py"
    if node.level == 0:
        base = node.module or ""
    else:
        parts = name.split(".")
        keep = len(parts) - node.level + (1 if is_package else 0)
        base = ".".join(parts[:keep] + ([node.module] if node.module else []))
    if node.module is not None or node.level == 0:
        found.append((node.lineno, base))
    found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]  # from . import x
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_no_import_circles() -> None:
    """No two modules import each other, directly or through others, whether at the top or
    inside a function (a circle hides an order of initialisation that breaks one day)."""
    graph = _import_graph()
    assert len(graph) > 100
    assert sum(len(v) for v in graph.values()) > 300
    assert _cycles(graph) == []


def test_the_circle_finder_finds_circles() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []

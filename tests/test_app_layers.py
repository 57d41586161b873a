"""No app of ``core`` imports another app that imports it back (directly or
through others): the apps form layers (docs/architecture.md). Imports made
only for the type checker (under ``TYPE_CHECKING``) do not count."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "core"


def _typing_only(tree: ast.AST) -> set[int]:
    nodes: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.dump(node.test):
            nodes.update(id(inner) for inner in ast.walk(node))
    return nodes


def app_imports() -> dict[str, dict[str, str]]:
    """app → {imported app: one file that imports it}."""
    apps = {path.name for path in CORE.iterdir() if (path / "__init__.py").exists()}
    graph: dict[str, dict[str, str]] = {app: {} for app in apps}
    for path in CORE.rglob("*.py"):
        relative = path.relative_to(CORE)
        if "migrations" in relative.parts or len(relative.parts) < 2:
            continue
        app = relative.parts[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _typing_only(tree)
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            for module in modules:
                parts = module.split(".")
                inside = parts[0] == "core" and len(parts) > 1
                if inside and parts[1] in apps and parts[1] != app:
                    graph[app].setdefault(parts[1], str(relative))
    return graph


def cycles(graph: dict[str, dict[str, str]]) -> list[list[str]]:
    """The strongly connected groups of more than one app (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(app: str) -> None:
        index[app] = low[app] = len(index)
        stack.append(app)
        for other in graph[app]:
            if other not in index:
                visit(other)
                low[app] = min(low[app], low[other])
            elif other in stack:
                low[app] = min(low[app], index[other])
        if low[app] == index[app]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == app:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for app in sorted(graph):
        if app not in index:
            visit(app)
    return found


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": {"b": "a/x.py"}, "b": {"c": "b/y.py"}, "c": {"a": "c/z.py"}}
    assert cycles(graph) == [["a", "b", "c"]]
    graph["c"] = {}
    assert cycles(graph) == []


def test_no_app_imports_one_that_imports_it_back():
    graph = app_imports()
    assert "organizations" in graph["risks"]  # the scan reads imports
    found = cycles(graph)
    where = {
        tuple(group): {
            app: {other: graph[app][other] for other in group if other in graph[app]}
            for app in group
        }
        for group in found
    }
    assert not found, where

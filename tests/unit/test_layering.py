"""One pipeline, one direction: a module never imports a module of a higher layer.

Every module of `thin_build` is assigned a layer below; imports are read with `ast`
(including imports inside functions), so adding an upward import, or a module without
a layer, fails here before it tangles the graph.
"""
from __future__ import annotations

import ast

import pytest

from tests.helpers import REPO

PACKAGE = "thin_build"
PACKAGE_DIR = REPO / PACKAGE

LAYERS: dict[str, int] = {
    "errors": 0,
    "raw": 1, "model": 1, "urls": 1, "markup": 1, "write": 1, "sitemap": 1,
    "fields": 2,
    "schema": 3,
    "load": 4, "dedupe": 4, "guide": 4, "scaffold": 4,
    "validate": 5, "views": 5,
    "directory": 6,
    "pages": 7,
    "render": 8,
    "steps": 8,
    "search_documents": 6,
    "lunr_index": 1,
    "search": 7,
    "referral_checks": 4,
    "referrals": 6, "referral_index": 6, "gaps": 6,
    "referral_pages": 7,
    "agenda": 2, "agenda_fields": 2, "ics": 2,
    "agenda_checks": 5, "agenda_views": 5, "event_view": 5,
    "feeds": 6,
    "agenda_pages": 7,
    "build": 9,
    "report": 10, "serve": 10,
    "cli": 11, "__main__": 11, "__init__": 11,
}


def sibling_imports(source: str, package: str = PACKAGE) -> set[str]:
    """Names of the package's own modules that `source` imports, anywhere in the file."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:  # from .x import y / from . import x
                base = node.module
            elif node.level == 0 and node.module and node.module.split(".")[0] == package:
                base = node.module.partition(".")[2] or None  # thin_build.x / thin_build
            else:
                continue
            if base:
                found.add(base.split(".")[0])
            else:
                found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == package and len(parts) > 1:
                    found.add(parts[1])
    return found


def upward_imports(graph: dict[str, set[str]], layers: dict[str, int]) -> list[str]:
    """Every `a -> b` where b sits in a higher layer than a (unknown modules count as ∞)."""
    return sorted(f"{module} (L{layers[module]}) imports {target} "
                  f"(L{layers.get(target, 'unassigned')})"
                  for module, targets in graph.items() for target in targets
                  if layers.get(target, 10**6) > layers[module])


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle in the import graph (same-layer imports are allowed, but not both ways)."""
    state: dict[str, str] = {}

    def visit(node: str, trail: list[str]) -> list[str] | None:
        state[node] = "open"
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return trail[trail.index(target):] + [target]
            if target not in state and (cycle := visit(target, trail + [target])):
                return cycle
        state[node] = "done"
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start, [start])):
            return cycle
    return None


def package_graph() -> dict[str, set[str]]:
    return {path.stem: sibling_imports(path.read_text(encoding="utf-8"))
            for path in sorted(PACKAGE_DIR.glob("*.py"))}


def test_every_module_has_a_layer() -> None:
    modules = {path.stem for path in PACKAGE_DIR.glob("*.py")}
    assert modules - set(LAYERS) == set(), "assign the new module a layer in LAYERS"
    assert set(LAYERS) - modules == set(), "a module in LAYERS no longer exists"


def test_no_module_imports_a_higher_layer() -> None:
    assert upward_imports(package_graph(), LAYERS) == []


def test_import_graph_has_no_cycle() -> None:
    assert find_cycle(package_graph()) is None


def test_the_scan_sees_real_imports() -> None:
    """Guards the guard: the scan must find edges we know exist, even inside functions."""
    graph = package_graph()
    assert {"errors", "raw"} <= graph["fields"]
    assert "serve" in graph["cli"]  # imported inside the `serve` command
    assert graph["errors"] == set()


@pytest.mark.parametrize("source, expected", [
    ("from .render import x", {"render"}),
    ("from . import model, urls", {"model", "urls"}),
    ("from .pages.sub import x", {"pages"}),
    ("import thin_build.build", {"build"}),
    ("import thin_build.build as b", {"build"}),
    ("from thin_build.cli import main", {"cli"}),
    ("from thin_build import serve", {"serve"}),
    ("def f():\n    from .serve import serve\n", {"serve"}),
    ("import os\nfrom pathlib import Path\nimport yaml", set()),
    ("from ..elsewhere import x", set()),
])
def test_sibling_imports_recognises_every_spelling(source: str, expected: set[str]) -> None:
    assert sibling_imports(source) == expected


def test_an_upward_import_is_caught() -> None:
    layers = {"low": 0, "mid": 1, "high": 2}
    assert upward_imports({"low": set(), "mid": {"low"}, "high": {"mid", "low"}}, layers) == []
    graph = {"low": sibling_imports("def f():\n    from .high import x\n"), "mid": {"low"},
             "high": {"mid"}}
    assert upward_imports(graph, layers) == ["low (L0) imports high (L2)"]
    assert upward_imports({"low": {"new"}, "mid": set(), "high": set()}, layers) == [
        "low (L0) imports new (Lunassigned)"]


def test_a_cycle_is_caught() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]

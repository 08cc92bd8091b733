"""The rooms of `thin_build` and the doors between them, checked from the imports.

Every module belongs to a room: the core (`thin_build/core/`), one capability
(`thin_build/<capability>/`), or the composition root (the modules at the top). The
rules, read with `ast` (imports inside functions included):

- the core imports only the core;
- a capability imports the core, itself, and the capabilities it declares in
  `depends_on` (read from the registry, so the declaration is the rule), never the
  composition root;
- every capability package is registered, and no import cycle exists between
  modules or between rooms;
- templates follow the same rooms: `templates/<capability>/` may use the core's
  templates (at the top), its own and its dependencies'; the core's use only the core's.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.helpers import REPO
from thin_build.capabilities import PORTAL

PACKAGE = "thin_build"
PACKAGE_DIR = REPO / PACKAGE
CORE = "core"
ROOT = "(composition root)"


def module_name(path: Path, package_dir: Path = PACKAGE_DIR) -> str:
    """`core.load` for thin_build/core/load.py, `build` for thin_build/build.py."""
    parts = path.relative_to(package_dir).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts) or "__init__"


def imported_modules(source: str, module: str, known: set[str], is_package: bool = False,
                     package: str = PACKAGE) -> set[str]:
    """The package's own modules (of `known`) that `source`, module `module`, imports.

    `from x import y` imports module `x.y` when there is one, else module `x`.
    """
    here = module.split(".") if is_package else module.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[:len(here) - (node.level - 1)] if node.level > 1 else list(here)
                target = base + (node.module.split(".") if node.module else [])
            elif node.module and node.module.split(".")[0] == package:
                target = node.module.split(".")[1:]
            else:
                continue
            for alias in node.names:
                name = ".".join(target + [alias.name])
                found.add(name if name in known else ".".join(target))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == package and len(parts) > 1:
                    found.add(".".join(parts[1:]))
    return found & known


def room_of(module: str, capabilities: set[str]) -> str:
    first = module.split(".")[0]
    if first == CORE:
        return CORE
    return first if first in capabilities else ROOT


def package_graph(package_dir: Path = PACKAGE_DIR) -> dict[str, set[str]]:
    paths = sorted(package_dir.rglob("*.py"))
    known = {module_name(path, package_dir) for path in paths}
    return {module_name(path, package_dir): imported_modules(
                path.read_text(encoding="utf-8"), module_name(path, package_dir), known,
                path.name == "__init__.py")
            for path in paths}


def broken_rules(graph: dict[str, set[str]], depends_on: dict[str, tuple[str, ...]],
                 files: dict[str, str]) -> list[str]:
    """Every import that crosses a wall it may not, as `file: imports x (rule)`."""
    capabilities = set(depends_on)
    broken = []
    for module, targets in sorted(graph.items()):
        room = room_of(module, capabilities)
        for target in sorted(targets):
            other = room_of(target, capabilities)
            if room == ROOT or other == room:
                continue
            if room == CORE:
                rule = "the core imports no capability and not the composition root"
            elif other == CORE:
                continue
            elif other == ROOT:
                rule = "a capability never imports the composition root"
            elif other in depends_on[room]:
                continue
            else:
                rule = (f"{room} may import only the core and {', '.join(depends_on[room])}"
                        if depends_on[room] else f"{room} may import only the core") + (
                        f"; add {other!r} to its depends_on if it really needs it")
            broken.append(f"{files[module]}: imports {target} ({rule})")
    return broken


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle in a directed graph, as the path that closes it; None if there is none."""
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


def room_graph() -> dict[str, set[str]]:
    capabilities = {cap.name for cap in PORTAL.capabilities}
    rooms: dict[str, set[str]] = {}
    for module, targets in package_graph().items():
        room = room_of(module, capabilities)
        rooms.setdefault(room, set()).update(
            room_of(t, capabilities) for t in targets if room_of(t, capabilities) != room)
    return rooms


DEPENDS_ON = {cap.name: cap.depends_on for cap in PORTAL.capabilities}
FILES = {module_name(path): path.relative_to(REPO).as_posix()
         for path in PACKAGE_DIR.rglob("*.py")}


def test_every_capability_package_is_registered() -> None:
    packages = {path.parent.name for path in PACKAGE_DIR.glob("*/__init__.py")} - {CORE}
    assert packages == set(DEPENDS_ON), "register each capability in thin_build/capabilities.py"


def test_every_import_respects_the_rooms_and_declared_dependencies() -> None:
    assert broken_rules(package_graph(), DEPENDS_ON, FILES) == []


def test_there_is_no_import_cycle_between_modules_or_rooms() -> None:
    assert find_cycle(package_graph()) is None
    assert find_cycle(room_graph()) is None


TEMPLATES = REPO / "templates"
TEMPLATE_REF = re.compile(r"""{%-?\s*(?:extends|include|import|from)\s+["']([^"']+)["']""")


def template_rules_broken(templates: Path, depends_on: dict[str, tuple[str, ...]]) -> list[str]:
    """Every template that names a template of a room it may not use."""
    broken = []
    for path in sorted(templates.rglob("*.html")):
        rel = path.relative_to(templates)
        room = rel.parts[0] if len(rel.parts) > 1 else CORE
        allowed = {CORE, room, *depends_on.get(room, ())}
        for name in TEMPLATE_REF.findall(path.read_text(encoding="utf-8")):
            other = name.split("/")[0] if "/" in name else CORE
            if other not in allowed:
                broken.append(f"templates/{rel.as_posix()}: uses {name} ({room} may use the "
                              f"templates of {', '.join(sorted(allowed))})")
    return broken


def test_templates_use_only_their_room_the_core_and_declared_dependencies() -> None:
    assert template_rules_broken(TEMPLATES, DEPENDS_ON) == []


def test_a_template_from_an_undeclared_room_is_caught(tmp_path: Path) -> None:
    (tmp_path / "directory").mkdir()
    (tmp_path / "directory/org.html").write_text(
        '{% extends "base.html" %}{% from "calendar/_agenda.html" import x %}')
    (tmp_path / "base.html").write_text('{% include "search/box.html" %}')
    assert template_rules_broken(tmp_path, {"directory": (), "calendar": ("directory",)}) == [
        "templates/base.html: uses search/box.html (core may use the templates of core)",
        "templates/directory/org.html: uses calendar/_agenda.html (directory may use the "
        "templates of core, directory)",
    ]


def test_the_scan_sees_real_imports() -> None:
    """Guards the guard: the scan must find edges we know exist, even inside functions."""
    graph = package_graph()
    assert {"core.errors", "core.raw"} <= graph["core.convert"]
    assert "serve" in graph["cli"]  # imported inside the `serve` command
    assert "directory.listing_pages" in graph["calendar"]
    assert graph["core.errors"] == set()


KNOWN = {"core", "core.render", "core.urls", "core.load", "calendar", "calendar.model",
         "calendar.pages", "calendar.urls", "directory.model", "build", "cli", "serve"}


@pytest.mark.parametrize("source, module, expected", [
    ("from .render import x", "core.plan", {"core.render"}),
    ("from . import model, urls", "calendar.pages", {"calendar.model", "calendar.urls"}),
    ("from ..directory.model import DAYS", "calendar.schema", {"directory.model"}),
    ("from ..core import urls as core_urls", "search.shards", {"core.urls"}),
    ("import thin_build.build", "cli", {"build"}),
    ("from thin_build.cli import main", "x", {"cli"}),
    ("from thin_build import serve", "x", {"serve"}),
    ("from thin_build.core.render import NAV", "x", {"core.render"}),
    ("def f():\n    from .serve import serve\n", "cli", {"serve"}),
    ("import os\nfrom pathlib import Path\nimport yaml", "core.load", set()),
])
def test_imports_are_recognised_in_every_spelling(source: str, module: str,
                                                   expected: set[str]) -> None:
    assert imported_modules(source, module, KNOWN) == expected


def test_a_package_init_resolves_relative_imports_inside_itself() -> None:
    assert imported_modules("from .pages import x", "calendar", KNOWN, is_package=True) == {
        "calendar.pages"}


def test_each_broken_rule_is_caught_and_named() -> None:
    depends = {"directory": (), "calendar": ("directory",)}
    files = {"core.load": "core/load.py", "directory.pages": "directory/pages.py",
             "calendar.views": "calendar/views.py"}
    graph = {"core.load": {"directory.model"}, "directory.pages": {"calendar.urls", "build"},
             "calendar.views": {"directory.model", "core.present"}}
    assert broken_rules(graph, depends, files) == [
        "core/load.py: imports directory.model (the core imports no capability and not the "
        "composition root)",
        "directory/pages.py: imports build (a capability never imports the composition root)",
        "directory/pages.py: imports calendar.urls (directory may import only the core; add "
        "'calendar' to its depends_on if it really needs it)",
    ]


def test_a_cycle_is_caught() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]

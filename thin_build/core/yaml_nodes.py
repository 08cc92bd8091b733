"""Safe YAML: compose nodes (never construct objects) and keep every value's position.

Scalars stay the text the contributor typed, so YAML 1.1's implicit typing never
happens; tags, anchors, aliases, merge keys and repeated keys are refused, each
with its line, because content files need none of them.
"""
from __future__ import annotations

import re

import yaml

from .errors import Location, Problem, error
from .raw import RawList, RawMap, RawNode, RawScalar
from .text import FORBIDDEN_RE, forbidden_char

try:  # libyaml's parser and composer are about ten times faster than pure Python.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_YAML_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "null", "bool", "int", "float", "timestamp", "seq", "map")
}


def parse_yaml(text: str, rel: str, line_offset: int) -> tuple[RawNode | None, list[Problem]]:
    """Compose YAML (never construct objects) and keep each node's position."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 1
        column = (mark.column + 1) if mark else 1
        what = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        return None, [error("yaml-syntax", f"YAML syntax error: {what}. Check the indentation, "
                            "and put values containing ': ' or ' #' in quotes",
                            Location(rel, line, column))]
    except yaml.YAMLError as exc:
        return None, [error("yaml-syntax", f"YAML error: {exc}", Location(rel, 1, 1))]
    if node is None:
        return None, [error("empty-file", "has no fields", Location(rel, 1 + line_offset, 1))]
    converter = _NodeConverter(rel, line_offset, text.split("\n"))
    raw = converter.convert(node)
    return (None if converter.problems else raw), converter.problems


class _NodeConverter:
    """Turn composed YAML nodes into raw nodes, refusing tags, aliases and repeated keys."""

    def __init__(self, rel: str, line_offset: int, lines: list[str]):
        self.rel = rel
        self.line_offset = line_offset
        self.lines = lines
        self.seen: set[int] = set()
        self.problems: list[Problem] = []

    def location(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.rel, mark.line + 1 + self.line_offset, mark.column + 1)

    def convert(self, node: yaml.Node, used_at: Location | None = None) -> RawNode:
        loc = self.location(node)
        if id(node) in self.seen:
            self.problems.append(error("yaml-alias", "YAML anchors and aliases (&name, *name) "
                                       "are not allowed: write the value out in full (it repeats "
                                       f"the value on line {loc.line})", used_at or loc))
            return RawScalar(None, loc)
        self.seen.add(id(node))
        if node.tag not in _YAML_TAGS:
            self.problems.append(error("yaml-tag", f"unknown tag {node.tag!r}: tags are not "
                                       "allowed in content; remove it (quote the value if it "
                                       "starts with ! or &)", loc))
            return RawScalar(None, loc)
        if isinstance(node, yaml.ScalarNode):
            is_null = node.tag.endswith(":null")
            self.check_escapes(node.value, loc)
            return RawScalar(None if is_null else node.value, loc)
        if isinstance(node, yaml.SequenceNode):
            return RawList(tuple(self.convert(item, loc) for item in node.value), loc)
        return self.convert_mapping(node, loc)

    def check_escapes(self, value: str, loc: Location) -> None:
        """A quoted escape such as "\\x00" or "\\u202e" brings in what `check_text` refuses."""
        for char in sorted(set(FORBIDDEN_RE.findall(value))):
            self.problems.append(forbidden_char(char, loc, "remove the escape (a backslash "
                                                "code inside quotes) that produces it"))

    def value_lost_to_comment(self, key_node: yaml.Node, value_node: yaml.Node) -> bool:
        """`colour: #0b6e4f` silently means "no colour": catch it rather than lose data."""
        if not (isinstance(value_node, yaml.ScalarNode) and value_node.value == ""
                and value_node.tag.endswith(":null")):
            return False
        end = key_node.end_mark
        rest = self.lines[end.line][end.column:] if end.line < len(self.lines) else ""
        return re.match(r"\s*:\s+#\S", rest) is not None

    def convert_mapping(self, node: yaml.MappingNode, loc: Location) -> RawMap:
        entries: dict[str, tuple[Location, RawNode]] = {}
        for key_node, value_node in node.value:
            key_loc = self.location(key_node)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith(":null"):
                self.problems.append(error("yaml-key", "keys must be plain words such as "
                                           "`name:`", key_loc))
                continue
            if key_node.tag.endswith(":merge"):
                self.problems.append(error("yaml-alias", "YAML merge keys (`<<: *name`) are not "
                                           "allowed: write the fields out in full", key_loc))
                continue
            # Keys are checked like values, so tags and aliases cannot hide there; an alias
            # key is the anchored node itself, so its value gives the line it was used on.
            key = self.convert(key_node, self.location(value_node)).value
            if key is None:
                continue
            if key in entries:
                first = entries[key][0]
                self.problems.append(error("duplicate-key", f"`{key}` is given twice, on line "
                                           f"{first.line} and line {key_loc.line}; keep one",
                                           key_loc))
                continue
            if self.value_lost_to_comment(key_node, value_node):
                self.problems.append(error("yaml-comment", f"the value of `{key}` starts with #, "
                                           "so YAML reads it as a comment and the value is lost; "
                                           "put it in quotes, e.g. \"#0b6e4f\"", key_loc))
            entries[key] = (key_loc, self.convert(value_node, key_loc))
        return RawMap(entries, loc)

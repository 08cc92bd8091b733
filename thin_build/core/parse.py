"""Parse: one content file's bytes → located raw data, or every reason it cannot be read.

Strict text (`text.py`), `---` front matter and its Markdown body, and safe YAML
(`yaml_nodes.py`). What a file parses to depends on its bytes and its repository path
alone (every location names the file), which is what lets the content cache
(`content_cache.py`) keep it; finding files and naming records is `load.py`'s.
"""
from __future__ import annotations

from .errors import Location, Problem, error
from .raw import RawMap, RawNode, RawScalar
from .text import check_text, decode
from .yaml_nodes import parse_yaml


def parse_content(data: bytes, rel: str) -> tuple[RawNode | None, list[Problem]]:
    """A content file's bytes as located raw data (a Markdown body as the field `body`),
    or every reason they cannot be read: a function of the bytes and the path only, so
    the content cache can keep it."""
    where = Location(rel)
    text, problems = decode(data, rel)
    if text is None:
        return None, problems
    problems = check_text(text, rel)
    if problems:
        return None, problems
    if not text.strip():
        return None, [error("empty-file", "is empty; see docs/content-guide.md for what it "
                            "should contain", where)]
    markdown = rel.endswith(".md")
    if markdown:
        split = split_front_matter(text, rel)
        if isinstance(split, Problem):
            return None, [split]
        yaml_text, body, body_line = split
        line_offset = 1
    else:
        yaml_text, body, body_line, line_offset = text, None, 0, 0
    node, problems = parse_yaml(yaml_text, rel, line_offset)
    if node is None:
        return None, problems
    if markdown:
        if not isinstance(node, RawMap):
            return None, [error("wrong-type", "front matter must be a set of `key: value` "
                                "lines", node.location)]
        if "body" in node.entries:
            return None, [error("unknown-key", "`body` is the Markdown after the closing "
                                "`---`; remove this key", node.entries["body"][0])]
        body_loc = Location(rel, body_line, 1)
        node.entries["body"] = (body_loc, RawScalar(body.strip("\n") or None, body_loc))
    return node, problems


def split_front_matter(text: str, rel: str) -> tuple[str, str, int] | Problem:
    """Split `---` front matter from the Markdown body; the body's first line number too."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return error("no-front-matter", "must start with a line `---`, then the fields, then "
                     "another `---`, then the text (see docs/content-guide.md)",
                     Location(rel, 1, 1))
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            return "\n".join(lines[1:number]) + "\n", "\n".join(lines[number + 1:]), number + 2
    return error("unclosed-front-matter", "the front matter opened on line 1 is never closed: "
                 "add a line `---` after the last field", Location(rel, 1, 1))



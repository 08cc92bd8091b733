"""Load: content files → raw records with the line and column of every value.

This stage owns everything about *reading*: which folders hold which kind of
content, file names, encodings, line endings, front matter, and safe YAML. It
gives no meaning to values (that is `validate`'s job) and never follows a symlink.
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import Location, Problem, error
from .raw import RawList, RawMap, RawNode, RawRecord, RawScalar

try:  # libyaml's parser and composer are about ten times faster than pure Python.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 256 * 1024
MAX_MEDIA_BYTES = 1024 * 1024
MAX_PDF_BYTES = 2 * 1024 * 1024  # notice-board flyers: a page or two with pictures
MEDIA_DIR = "content/media"
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG_LENGTH = 80


@dataclass(frozen=True)
class Source:
    """A place content comes from: one file, or a folder of one file per record."""

    kind: str
    path: str
    extensions: tuple[str, ...]
    single_file: bool = False
    required: bool = True


SOURCES: tuple[Source, ...] = (
    Source("site", "content/site.yaml", (".yaml",), single_file=True),
    Source("taxonomy", "content/taxonomies", (".yaml",)),
    Source("org", "orgs", (".md", ".yaml", ".yml")),
    Source("provider", "providers", (".md", ".yaml", ".yml")),
    Source("page", "content/pages", (".md",), required=False),
    Source("event", "events", (".md",), required=False),
    Source("notice", "content/notices", (".md",), required=False),
    Source("referrals", "content/referrals.yaml", (".yaml",), single_file=True, required=False),
)

_YAML_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "null", "bool", "int", "float", "timestamp", "seq", "map")
}
_CONFLICT_RE = re.compile(r"^(?:<{7}|>{7}|\|{7})(?: |$)", re.MULTILINE)
_SEPARATOR_RE = re.compile(r"^={7}$", re.MULTILINE)
# C0/C1 controls except tab and newline, plus characters that reorder or hide text,
# and the Unicode line and paragraph separators, which YAML counts as line breaks (so
# every later line number would be wrong) and which hide a second line in one-line fields.
_FORBIDDEN_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\ufffe\uffff"
    "\u2028\u2029]"
)
_FORBIDDEN_NAMES = {
    "\u202a": "a bidi embedding (LRE)", "\u202b": "a bidi embedding (RLE)",
    "\u202c": "a bidi pop (PDF)", "\u202d": "a bidi override (LRO)",
    "\u202e": "a bidi override (RLO)", "\u2066": "a bidi isolate (LRI)",
    "\u2067": "a bidi isolate (RLI)", "\u2068": "a bidi isolate (FSI)",
    "\u2069": "a bidi isolate pop (PDI)", "\u200b": "a zero-width space",
    "\u2060": "a word joiner", "\ufeff": "a byte-order mark inside the text",
    "\u2028": "a line separator (U+2028)", "\u2029": "a paragraph separator (U+2029)",
}


@dataclass(frozen=True)
class LoadResult:
    records: tuple[RawRecord, ...]
    problems: tuple[Problem, ...]
    media: frozenset[str] = frozenset()


def load_repository(root: Path) -> LoadResult:
    """Read every content file under `root`, in a stable order, collecting all problems."""
    records: list[RawRecord] = []
    problems: list[Problem] = []
    for source in SOURCES:
        for rel, path in _source_files(root, source, problems):
            record, found = load_file(path, rel, source)
            problems.extend(found)
            if record is not None:
                records.append(record)
    media = frozenset(_media_files(root, problems))
    return LoadResult(tuple(records), tuple(problems), media)


def _media_files(root: Path, problems: list[Problem]):
    """Paths (relative to content/media) of the images content may refer to.

    Links are reported, not followed, so no content can publish a file from outside
    the repository.
    """
    base = root / MEDIA_DIR
    if linked := _linked_part(root, MEDIA_DIR):
        problems.append(error("symlink", "is a symbolic link; content must be real files "
                              "inside the repository", Location(linked)))
        return
    if not base.is_dir():
        return
    for folder, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(dirs + files):
            path = Path(folder) / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                problems.append(error("symlink", "is a symbolic link; links are never followed. "
                                      "Replace it with the real file", Location(rel)))
                dirs[:] = [d for d in dirs if d != name]
            elif name in files and not name.startswith("."):
                limit, what = ((MAX_PDF_BYTES, "PDF flyers") if name.endswith(".pdf")
                               else (MAX_MEDIA_BYTES, "images"))
                if path.stat().st_size > limit:
                    problems.append(error("file-too-large", f"{what} may be at most "
                                          f"{limit // 1024} KiB; make it smaller",
                                          Location(rel)))
                else:
                    yield path.relative_to(base).as_posix()


def _source_files(root: Path, source: Source, problems: list[Problem]):
    """Yield (relative path, path) for each content file; report what cannot be read."""
    base = root / source.path
    where = Location(source.path)
    if linked := _linked_part(root, source.path):
        problems.append(error("symlink", "is a symbolic link; content must be real files "
                              "inside the repository", Location(linked)))
        return
    if source.single_file:
        if not base.is_file():
            if source.required:
                problems.append(error("missing-file", f"{source.path} is missing; it is "
                                      "required", where))
            elif base.exists():
                problems.append(error("not-a-file", "is not a regular file", where))
            return
        yield source.path, base
        return
    if not base.is_dir():
        if source.required:
            problems.append(error("missing-folder", f"the folder {source.path}/ is missing", where))
        return
    with os.scandir(base) as entries:
        names = sorted(entries, key=lambda e: e.name)
    for entry in names:
        rel = f"{source.path}/{entry.name}"
        if entry.name.startswith("."):
            continue
        loc = Location(rel)
        if entry.is_symlink():
            problems.append(error("symlink", "is a symbolic link; links are never followed. "
                                  "Replace it with the real file", loc))
        elif entry.is_dir(follow_symlinks=False):
            problems.append(error("unexpected-folder", f"folders inside {source.path}/ are not "
                                  "read; move the files up or out", loc))
        elif not entry.is_file(follow_symlinks=False):
            problems.append(error("not-a-file", "is not a regular file", loc))
        else:
            yield rel, Path(entry.path)


def _linked_part(root: Path, rel: str) -> str | None:
    """The first folder or file on the way from `root` to `rel` that is a symbolic link.

    Checking only the last part would silently follow a linked `content/` folder.
    """
    parts = rel.split("/")
    for count in range(1, len(parts) + 1):
        prefix = "/".join(parts[:count])
        if (root / prefix).is_symlink():
            return prefix
    return None


def file_slug_problem(name: str, source: Source) -> str | None:
    """Why a file name is unusable, with the name it should have; None if it is fine."""
    stem, dot, ext = name.rpartition(".")
    if not dot or "." + ext not in source.extensions:
        wanted = " or ".join(source.extensions)
        return f"is not a content file: names in {source.path}/ end in {wanted}"
    if SLUG_RE.match(stem) and len(stem) <= MAX_SLUG_LENGTH:
        return None
    suggestion = slugify(stem) or "a-name"
    return (f"file name {name!r} is not a valid slug: use lowercase letters a-z, digits and "
            f"single hyphens, at most {MAX_SLUG_LENGTH} characters; rename it to "
            f"{suggestion[:MAX_SLUG_LENGTH]}.{ext}")


def slugify(text: str) -> str:
    """A URL-safe slug for any text: ASCII letters and digits joined by single hyphens."""
    folded = unicodedata.normalize("NFKD", text.replace("&", " and "))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only.replace("'", "")).strip("-")
    return slug[:MAX_SLUG_LENGTH].strip("-")


def load_file(path: Path, rel: str, source: Source) -> tuple[RawRecord | None, list[Problem]]:
    """Read one file into a raw record, or explain every reason it cannot be read."""
    name = rel.rsplit("/", 1)[-1]
    where = Location(rel)
    if not source.single_file and (bad := file_slug_problem(name, source)):
        return None, [error("bad-filename", bad, where)]
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [error("file-too-large", f"is {size // 1024} KiB; content files may be at "
                            f"most {MAX_FILE_BYTES // 1024} KiB. Link large documents or images "
                            "instead of pasting them", where)]
    text, problems = decode(path.read_bytes(), rel)
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
    data, problems = parse_yaml(yaml_text, rel, line_offset)
    if data is None:
        return None, problems
    if markdown:
        if not isinstance(data, RawMap):
            return None, [error("wrong-type", "front matter must be a set of `key: value` "
                                "lines", data.location)]
        if "body" in data.entries:
            return None, [error("unknown-key", "`body` is the Markdown after the closing "
                                "`---`; remove this key", data.entries["body"][0])]
        body_loc = Location(rel, body_line, 1)
        data.entries["body"] = (body_loc, RawScalar(body.strip("\n") or None, body_loc))
    slug = name.rpartition(".")[0]
    return RawRecord(source.kind, rel, slug, data), problems


def decode(data: bytes, rel: str) -> tuple[str | None, list[Problem]]:
    """Strict UTF-8, never a guess: a wrong encoding is reported where it first shows."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [error("not-utf8", "is saved as UTF-16; save it as UTF-8 "
                            "(in most editors: Save As → Encoding → UTF-8)", Location(rel, 1, 1))]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if _looks_like_utf16(data):
        return None, [error("not-utf8", "is saved as UTF-16 (every other byte is zero); save "
                            "it as UTF-8 (in most editors: Save As → Encoding → UTF-8)",
                            Location(rel, 1, 1))]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = data[exc.start:exc.start + 1].hex()
        return None, [error("not-utf8", f"is not valid UTF-8: byte 0x{byte} at offset "
                            f"{exc.start}. The file was probably saved from Word or as "
                            "Windows-1252; save it as UTF-8", Location(rel, line, column))]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: plain ASCII then decodes as UTF-8 full of NULs.

    Every content file starts with ASCII (`---` or a key), so a zero in every other one
    of its first bytes means UTF-16; reporting one NUL per character would hide that.
    """
    head = data[:8]
    return len(head) >= 4 and (not any(head[0::2]) or not any(head[1::2]))


def check_text(text: str, rel: str) -> list[Problem]:
    """Characters and leftovers that would corrupt pages, feeds, CSV or PDF output."""
    problems = []
    for match in _CONFLICT_RE.finditer(text):
        problems.append(error("conflict-marker", "git merge-conflict marker "
                              f"{match.group(0).strip()!r}: resolve the conflict and remove the "
                              "markers", _location_of(text, match.start(), rel)))
    if problems:
        for match in _SEPARATOR_RE.finditer(text):
            problems.append(error("conflict-marker", "git merge-conflict separator '=======': "
                                  "resolve the conflict", _location_of(text, match.start(), rel)))
    for match in _FORBIDDEN_RE.finditer(text):
        problems.append(_forbidden_char(match.group(0), _location_of(text, match.start(), rel),
                                       "delete it (it is often invisible; retype the text "
                                       "around it)"))
    return problems


def _forbidden_char(char: str, location: Location, fix: str) -> Problem:
    """One message for a forbidden character, whether typed or written as an escape."""
    what = _FORBIDDEN_NAMES.get(char, f"a control character (U+{ord(char):04X})")
    return error("control-char", f"contains {what}, which is not allowed in content: {fix}",
                 location)


def _location_of(text: str, offset: int, rel: str) -> Location:
    line = text.count("\n", 0, offset) + 1
    return Location(rel, line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def split_front_matter(text: str, rel: str) -> tuple[str, str, int] | Problem:
    """Split `---` front matter from the Markdown body; the body's first line number too."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return error("no-front-matter", "must start with a line `---`, then the fields, then "
                     "another `---`, then the text (see docs/content-guide.md)", Location(rel, 1, 1))
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            return "\n".join(lines[1:number]) + "\n", "\n".join(lines[number + 1:]), number + 2
    return error("unclosed-front-matter", "the front matter opened on line 1 is never closed: "
                 "add a line `---` after the last field", Location(rel, 1, 1))


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
        for char in sorted(set(_FORBIDDEN_RE.findall(value))):
            self.problems.append(_forbidden_char(char, loc, "remove the escape (a backslash "
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

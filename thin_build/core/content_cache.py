"""The content cache: what parsing a file and converting Markdown gave last time.

At 20,000 organisations most of loading is libyaml composing nodes and turning them
into located raw nodes, and most of Markdown is python-markdown; both are pure
functions of their input, so a build keeps their results in
`<root>/.thin-cache/content.txt` and the next build reads them back instead of doing
the work again. Keys are sha256 digests of the file's repository path and bytes (every
location names the file) or of the Markdown text and the rendering options; the file
as a whole is keyed by `code_version()`, so new code never reads an old result.

The file is one header line, then one line per entry, `<section>:<digest>` TAB compact
JSON, so a build decodes only the entries it looks up and rewrites the entries it kept
without decoding them. Nothing in it is trusted:

- JSON only (never pickle), and each entry's shape and types are checked as it is
  decoded; anything unexpected (garbage, truncation, wrong types, huge or negative
  numbers) is a miss, parsed again and rewritten. Loaded values still go through
  validation like any file's.
- Markdown entries hold the HTML *before* sanitising, and nh3 runs on every use, hit or
  miss: a `<script>` planted in the file is removed like one typed in a body, and the
  output is byte-identical to an uncached build by construction (the same function of
  the same input), not by trusting that sanitising twice changes nothing.
- The folder is git-ignored, so a cache file can only come in with a commit by someone
  forcing it in. A cache file that git tracks is neither read nor written: a pull
  request can never make the site show values other than those its files hold.

A cache that cannot be read is rebuilt; one that cannot be written (a read-only
checkout) is silently skipped; entries this build did not use are dropped on writing,
so the file follows the repository instead of growing. `THIN_CACHE=0` turns it off
(`build_site(..., cache=False)` too).
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Callable

from .code_version import code_version
from .errors import Location, Problem, Severity
from .raw import RawList, RawMap, RawNode, RawScalar

CACHE_DIR = ".thin-cache"
CACHE_FILE = "content.txt"
FORMAT = 1
CACHE_ENV = "THIN_CACHE"  # "0": no cache; a folder: keep it there
MAX_POSITION = 10_000_000  # lines and columns beyond any file the loader accepts
FILES, MARKDOWN = "f", "m"
Parsed = tuple["RawNode | None", list[Problem]]
_SEVERITIES = {"e": Severity.ERROR, "w": Severity.WARNING}
_LETTERS = {severity: letter for letter, severity in _SEVERITIES.items()}


class _Refused(Exception):
    """An entry that is not exactly what this code writes."""


# An entry's key → its line and what it decodes to, kept between builds in one process.
Memory = dict[str, tuple[str, Parsed]]


class ContentCache:
    """One build's view of the cache file: entries read, entries used, entries new.

    With a `memory` kept between builds of one process (an incremental rebuild's,
    `incremental.Rebuilder`), parsed files are not even decoded again: an unchanged file
    gives back the very raw nodes it gave last time, which is how validation knows its
    conversion still holds (`validate.Conversions`). Those nodes are shared, so only a
    caller that leaves them as they are may ask for them (`parsed(..., keep=True)`)."""

    def __init__(self, path: Path | None, lines: dict[str, str] | None = None,
                 memory: Memory | None = None):
        self.path = path  # None: nothing is read or written (the entries live this build)
        self._lines = lines or {}
        self._used: dict[str, str] = {}
        self._sections: set[str] = set()  # sections looked up in this build
        self._changed = False
        self._memory = memory  # the last build's decoded files, then this build's
        self._held: Memory = {}

    @classmethod
    def open(cls, path: Path, memory: Memory | None = None) -> "ContentCache":
        """The cache kept in the file `path`, or an empty one when there is none or it is
        unusable (unreadable, another format or code version, tracked by git)."""
        if not path.is_file():
            return cls(path, memory=memory)
        if _tracked_by_git(path):
            return cls(None, memory=memory)
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return cls(path, memory=memory)
        header, _, body = text.partition("\n")
        if header != _header():
            return cls(path, memory=memory)
        lines = {}
        for line in body.split("\n"):
            key, tab, value = line.partition("\t")
            if tab:
                lines[key] = value
        return cls(path, lines, memory)

    def parsed(self, rel: str, data: bytes, parse: Callable[[bytes, str], Parsed],
               keep: bool = False) -> Parsed:
        """`parse(data, rel)`, from the cache when this path had these bytes before;
        `keep`: the same objects as the last build's, from the memory (see the class)."""
        digest = hashlib.sha256(rel.encode("utf-8") + b"\0" + data).hexdigest()
        key = f"{FILES}:{digest}"
        self._sections.add(FILES)
        memory = self._memory if keep else None
        if memory is not None and (held := memory.get(key)) is not None:
            self._used[key], self._held[key] = held[0], held
            return held[1]
        result = None
        if (line := self._used.get(key) or self._lines.get(key)) is not None:
            try:
                result = _decode_parsed(json.loads(line), rel)
                self._used[key] = line
            except (ValueError, TypeError, RecursionError, _Refused):
                pass
        if result is None:
            result = parse(data, rel)
            try:
                self._store(key, _encode_parsed(result, rel))
            except _Refused:  # a location in another file: correct, just not cached
                return result
        if memory is not None:
            self._held[key] = (self._used[key], result)
        return result

    def converted(self, text: str, options: str, convert: Callable[[str], str]) -> str:
        """`convert(text)`, from the cache when this text had it with these options."""
        digest = hashlib.sha256(f"{options}\0{text}".encode("utf-8")).hexdigest()
        key = f"{MARKDOWN}:{digest}"
        self._sections.add(MARKDOWN)
        if (line := self._used.get(key) or self._lines.get(key)) is not None:
            try:
                html = json.loads(line)
                if type(html) is str:
                    self._used[key] = line
                    return html
            except (ValueError, RecursionError):
                pass
        html = convert(text)
        self._store(key, html)
        return html

    def _store(self, key: str, value: object) -> None:
        self._used[key] = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        self._changed = True

    def save(self) -> None:
        """Write the entries this build used (and the sections it did not look at) back,
        whole or not at all, and only if that changes the file; the memory keeps the
        files this build decoded, so it follows the repository as the file does."""
        if self._memory is not None:
            self._memory.clear()
            self._memory.update(self._held)
        if self.path is None:
            return
        kept = {key: line for key, line in self._lines.items()
                if key.partition(":")[0] not in self._sections}
        kept |= self._used
        if not self._changed and len(kept) == len(self._lines):
            return
        lines = [_header()] + [f"{key}\t{kept[key]}" for key in sorted(kept)]
        _write_atomically(self.path, ("\n".join(lines) + "\n").encode("utf-8"))
        self._lines, self._used, self._sections, self._changed = kept, {}, set(), False


def open_cache(root: Path, enabled: bool = True,
               memory: Memory | None = None) -> ContentCache | None:
    """The cache of the repository at `root`, or None when the caller or `THIN_CACHE=0`
    turns it off. `THIN_CACHE=<folder>` keeps it there instead, as it does the PDF cache
    (the tests share one: entries are keyed by content, so sharing is safe). `memory`:
    see `ContentCache`."""
    setting = os.environ.get(CACHE_ENV, "")
    if not enabled or setting == "0":
        return None
    return ContentCache.open((Path(setting) if setting else Path(root) / CACHE_DIR)
                             / CACHE_FILE, memory)


def _header() -> str:
    return json.dumps({"format": FORMAT, "code": code_version()}, separators=(",", ":"))


def _tracked_by_git(path: Path) -> bool:
    """Whether git tracks the cache file (someone committed it); no git means no."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    try:
        done = subprocess.run(["git", "--literal-pathspecs", "ls-files", "-z", "--", path.name],
                              cwd=path.parent, env=env, capture_output=True, timeout=30,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and bool(done.stdout)


def _write_atomically(path: Path, data: bytes) -> None:
    """Temporary file then `os.replace`, so a reader never sees half a cache; a folder
    that cannot be written to leaves the cache as it was."""
    try:
        path.parent.mkdir(exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


# Encoding: a node is [line, column, payload]; the payload is the scalar's text or null,
# a list of nodes, or an object of key → [line, column, node]. A problem is
# [code, message, line, column, "e" or "w"]. Locations leave out the path: it is `rel`.

def _encode_parsed(result: Parsed, rel: str) -> list:
    node, problems = result
    return [None if node is None else _encode_node(node, rel),
            [[p.code, p.message, *_encode_location(p.location, rel), _LETTERS[p.severity]]
             for p in problems]]


def _encode_location(location: Location, rel: str) -> list[int]:
    if location.path != rel:
        raise _Refused(location.path)
    return [location.line, location.column]


def _encode_node(node: RawNode, rel: str) -> list:
    where = _encode_location(node.location, rel)
    if isinstance(node, RawScalar):
        return [*where, node.value]
    if isinstance(node, RawList):
        return [*where, [_encode_node(item, rel) for item in node.items]]
    return [*where, {key: [*_encode_location(key_loc, rel), _encode_node(value, rel)]
                     for key, (key_loc, value) in node.entries.items()}]


def _decode_parsed(entry: object, rel: str) -> Parsed:
    if type(entry) is not list or len(entry) != 2 or type(entry[1]) is not list:
        raise _Refused
    node, problems = entry
    return (None if node is None else _decode_node(node, rel),
            [_decode_problem(problem, rel) for problem in problems])


def _decode_problem(problem: object, rel: str) -> Problem:
    if type(problem) is not list or len(problem) != 5:
        raise _Refused
    code, message, line, column, severity = problem
    if type(code) is not str or type(message) is not str or severity not in _SEVERITIES:
        raise _Refused
    return Problem(code, message, _location(rel, line, column), _SEVERITIES[severity])


def _location(rel: str, line: object, column: object) -> Location:
    if (type(line) is not int or type(column) is not int
            or not (0 < line < MAX_POSITION and 0 < column < MAX_POSITION)):
        raise _Refused
    return Location(rel, line, column)


def _decode_node(node: object, rel: str) -> RawNode:
    """Checked as it is built; written out flat, as this runs once for every value."""
    if type(node) is not list or len(node) != 3:
        raise _Refused
    line, column, payload = node
    if (type(line) is not int or type(column) is not int
            or not (0 < line < MAX_POSITION and 0 < column < MAX_POSITION)):
        raise _Refused
    where = Location(rel, line, column)
    kind = type(payload)
    if payload is None or kind is str:
        return RawScalar(payload, where)
    if kind is list:
        return RawList(tuple([_decode_node(item, rel) for item in payload]), where)
    if kind is not dict:
        raise _Refused
    entries = {}
    for key, entry in payload.items():
        if type(entry) is not list or len(entry) != 3:
            raise _Refused
        entries[key] = (_location(rel, entry[0], entry[1]), _decode_node(entry[2], rel))
    return RawMap(entries, where)

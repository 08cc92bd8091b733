"""Downloadable files a record refers to, such as a toolkit's PDF in `toolkits/files/`.

The loader lists each declared folder and sniffs every file (`filetypes.py`) but
gives no verdict, because what is allowed (types, size) belongs to the field that
refers to the file. `DownloadPath` is that field: it
checks the path, the link, the size and the type, each on the field's own line,
and marks the file used, so the build publishes only files records refer to and
warns about the rest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .convert import Context, FieldType, Invalid, suggest
from .filetypes import (
    FILE_TYPES,
    FileType,
    FoundFile,
    describe,
    human_size,
    mismatch,
    type_for_name,
)
from .raw import RawNode

_PATH = re.compile(r"[a-z0-9][a-z0-9_.-]*(/[a-z0-9][a-z0-9_.-]*)*")


@dataclass(frozen=True)
class Download:
    """A file published as it is: its repository path (also its site path), size, type."""

    path: str
    size: int
    type: FileType

    @property
    def summary(self) -> str:
        """Format and size for a download link: "PDF, 2 KB"."""
        return f"{self.type.label}, {human_size(self.size)}"


@dataclass(frozen=True)
class DownloadPath(FieldType):
    """A file in a downloads folder, e.g. `our-policy.pdf` in `toolkits/files/`.

    The value is written relative to `folder`, so it cannot name a file elsewhere;
    the type is checked by content and must agree with the name's ending.
    """

    folder: str
    types: tuple[FileType, ...] = FILE_TYPES
    max_bytes: int = 10 * 1024 * 1024

    def convert(self, node: RawNode, ctx: Context) -> Download:
        text = super().convert(node, ctx)
        if not _PATH.fullmatch(text) or ".." in text:
            raise Invalid("bad-path", f"{text[:80]!r} must be a file inside {self.folder}/, "
                          "written from there in lowercase, e.g. `our-policy.pdf` (no `..` "
                          "and no leading `/`)")
        path = f"{self.folder}/{text}"
        found = ctx.downloads.files.get(path)
        linked = [link for link in ctx.downloads.links
                  if path == link or path.startswith(link + "/")]
        if linked:
            raise Invalid("symlink", f"{linked[0]} is a symbolic link; links are never "
                          "followed. Put the real file there")
        if found is None:
            here = [name[len(self.folder) + 1:] for name in ctx.downloads.files
                    if name.startswith(self.folder + "/")]
            raise Invalid("missing-file", f"{path} does not exist" + suggest(text, here))
        ctx.downloads.used.add(path)
        return self._judge(found)

    def _judge(self, found: FoundFile) -> Download:
        if type_for_name(found.path, self.types) is None:
            raise Invalid("wrong-file-type", f"{found.path} is not a type of file that may "
                          f"be downloaded (it looks like {describe(found.sniffed)}); use "
                          + ", ".join(kind.label for kind in self.types))
        if problem := mismatch(found.path, found.sniffed, self.types):
            raise Invalid("wrong-file-type", f"{found.path} {problem}")
        if found.size > self.max_bytes:
            raise Invalid("file-too-large", f"{found.path} is {found.size:,} bytes; downloads "
                          f"may be at most {human_size(self.max_bytes)} ({self.max_bytes:,} "
                          "bytes). Make it smaller (for a PDF, save it for screen or with "
                          "smaller images)")
        return Download(found.path, found.size, found.sniffed)

    def json_schema(self, refs=None) -> dict:
        endings = "|".join(ext.lstrip(".") for kind in self.types for ext in kind.extensions)
        return {"type": "string", "pattern": rf"^[a-z0-9][a-z0-9_/.-]*\.({endings})$"}

    def describe(self) -> str:
        return (f"a file in `{self.folder}/` ("
                + ", ".join(kind.label for kind in self.types)
                + f", at most {human_size(self.max_bytes)}), e.g. `our-policy.pdf`")

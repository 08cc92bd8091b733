"""What a file is, told by its content (the magic bytes, never the name), and the
folders of downloadable files a `Source` declares, read without following links.

A contributor can rename anything to `.pdf`, so a downloadable file's type is read
from its first bytes and, for the ZIP-based office formats, from the entries that
prove which format it is. `sniff` names the type, or says in plain words what the
file looks like instead ("a Windows program"), for the error message.
"""
from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from .i18n import ngettext

HEADER_BYTES = 64


@dataclass(frozen=True)
class FileType:
    """A format downloads may take: its short label, name endings and media type."""

    label: str
    name: str
    extensions: tuple[str, ...]
    media_type: str


PDF = FileType("PDF", "a PDF", (".pdf",), "application/pdf")
PNG = FileType("PNG", "a PNG image", (".png",), "image/png")
JPEG = FileType("JPEG", "a JPEG image", (".jpg", ".jpeg"), "image/jpeg")
DOCX = FileType("DOCX", "a Word document (DOCX)", (".docx",),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
XLSX = FileType("XLSX", "an Excel spreadsheet (XLSX)", (".xlsx",),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
ODT = FileType("ODT", "an OpenDocument text (ODT)", (".odt",),
               "application/vnd.oasis.opendocument.text")
ODS = FileType("ODS", "an OpenDocument spreadsheet (ODS)", (".ods",),
               "application/vnd.oasis.opendocument.spreadsheet")
WEBP = FileType("WebP", "a WebP image", (".webp",), "image/webp")
FILE_TYPES = (PDF, DOCX, ODT, XLSX, ODS, PNG, JPEG)

# Leading bytes of formats that are never allowed, so the message can say what it is.
_LOOKS_LIKE = (
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a Linux program"),
    (b"\xca\xfe\xba\xbe", "a Mac or Java program"),
    (b"\xcf\xfa\xed\xfe", "a Mac program"),
    (b"#!", "a script"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (DOC, XLS or PPT)"),
    (b"{\\rtf", "an RTF document"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"<", "a web page or XML file"),
)


def sniff(path: Path) -> FileType | str:
    """The file's type, or what it looks like when it is none of `FILE_TYPES`."""
    with path.open("rb") as handle:
        head = handle.read(HEADER_BYTES)
    if not head:
        return "an empty file"
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    for magic, looks_like in _LOOKS_LIKE:
        if head.lstrip().startswith(magic):
            return looks_like
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "a file of an unknown type"
    return "a text file"


def _sniff_zip(path: Path) -> FileType | str:
    """An office file by the entries that prove its format, else "a ZIP archive".

    OpenDocument puts an uncompressed `mimetype` entry first holding its media type;
    Office Open XML has `[Content_Types].xml` and a `word/` or `xl/` folder.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            names = {entry.filename for entry in entries}
            first = entries[0] if entries else None
            if (first is not None and first.filename == "mimetype"
                    and first.compress_type == zipfile.ZIP_STORED and first.file_size < 100):
                media_type = archive.read(first).decode("ascii", "replace").strip()
                for kind in (ODT, ODS):
                    if media_type == kind.media_type:
                        return kind
                return "an OpenDocument file of another kind"
            if "[Content_Types].xml" in names:
                for kind, folder in ((DOCX, "word/"), (XLSX, "xl/")):
                    if any(name.startswith(folder) for name in names):
                        return kind
                return "an Office file of another kind (such as PowerPoint)"
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        return "a damaged ZIP archive"
    return "a ZIP archive"


def type_for_name(name: str, allowed: tuple[FileType, ...] = FILE_TYPES) -> FileType | None:
    """The allowed type a file name's ending promises, if any."""
    lowered = name.lower()
    return next((kind for kind in allowed if lowered.endswith(kind.extensions)), None)


def describe(sniffed: FileType | str) -> str:
    """What a sniffed file is, in words: "a PDF", "a Windows program"."""
    return sniffed.name if isinstance(sniffed, FileType) else sniffed


def mismatch(name: str, sniffed: FileType | str, allowed: tuple[FileType, ...]) -> str | None:
    """Why a file whose name promises one of `allowed` holds something else, with the
    fix, for an error message; None when the content is what the name says."""
    promised = type_for_name(name, allowed)
    if promised is None or sniffed == promised:
        return None
    if isinstance(sniffed, FileType) and sniffed in allowed:
        stem = name.rpartition("/")[2].rpartition(".")[0]
        return f"is {sniffed.name}, not {promised.name}; rename it {stem}{sniffed.extensions[0]}"
    return (f"is not {promised.name} (it looks like {describe(sniffed)}); save it again as "
            f"{promised.label}, or use one of {', '.join(kind.label for kind in allowed)}")


def human_size(size: int) -> str:
    """A size as people read it on a download link: "820 bytes", "2 KB", "1.4 MB", "10 MB"."""
    if size < 1024:
        # Translators: a file's size on a download link; %(num)s is a number of bytes.
        return ngettext("%(num)s byte", "%(num)s bytes", size) % {"num": size}
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0") + " MB"


@dataclass(frozen=True)
class FoundFile:
    """A file found in a downloads folder, before any field has judged it."""

    path: str
    size: int
    sniffed: FileType | str


@dataclass
class Downloads:
    """Every declared downloads folder's files and links; `used` fills as fields convert."""

    files: Mapping[str, FoundFile] = field(default_factory=dict)
    links: frozenset[str] = frozenset()
    used: set[str] = field(default_factory=set)


def scan_folder(root: Path, folder: str, files: dict[str, FoundFile], links: set[str]) -> None:
    """Add the regular files under `root/folder` to `files` and its symbolic links to `links`.

    Links (the folder itself, a subfolder or a file) are recorded, never followed;
    the field that names a path through one reports it on its own line.
    """
    parts = folder.split("/")
    for count in range(1, len(parts) + 1):
        prefix = "/".join(parts[:count])
        if (root / prefix).is_symlink():
            links.add(prefix)
            return
    base = root / folder
    if not base.is_dir():
        return
    for here, dirs, names in os.walk(base):
        for name in sorted(dirs + names):
            path = Path(here) / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                links.add(rel)
            elif name in names and path.is_file() and not name.startswith("."):
                files[rel] = FoundFile(rel, path.stat().st_size, sniff(path))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not (Path(here) / d).is_symlink())

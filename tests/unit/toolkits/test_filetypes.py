"""Sniffing a file's type by its content: every allowed type, and what impostors look like."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.toolkits.files_support import DOCX, EXE, JPEG, ODS, ODT, PDF, PNG, XLSX, zip_of
from thin_build.core import filetypes
from thin_build.core.filetypes import human_size, sniff, type_for_name


@pytest.mark.parametrize("data, expected", [
    (PDF, filetypes.PDF), (PNG, filetypes.PNG), (JPEG, filetypes.JPEG), (DOCX, filetypes.DOCX),
    (XLSX, filetypes.XLSX), (ODT, filetypes.ODT), (ODS, filetypes.ODS),
], ids=["pdf", "png", "jpeg", "docx", "xlsx", "odt", "ods"])
def test_allowed_types_are_told_by_content(tmp_path: Path, data: bytes, expected) -> None:
    path = tmp_path / "no-extension"
    path.write_bytes(data)
    assert sniff(path) == expected


@pytest.mark.parametrize("data, looks_like", [
    (EXE, "a Windows program"),
    (b"\x7fELF\x02\x01\x01" + b"\x00" * 20, "a Linux program"),
    (b"#!/bin/sh\nrm -rf /\n", "a script"),
    (b"", "an empty file"),
    (b"Just some words\n", "a text file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20,
     "an old Microsoft Office file (DOC, XLS or PPT)"),
    (b"GIF89a" + b"\x00" * 20, "a GIF image"),
    (b"<html><script>alert(1)</script></html>", "a web page or XML file"),
    (b"\x00\x01\x02\xff\xfe", "a file of an unknown type"),
    (zip_of([("readme.txt", b"hello")]), "a ZIP archive"),
    # An ODF media type, but not stored first: the rule ODF readers rely on is broken.
    (zip_of([("mimetype", b"application/vnd.oasis.opendocument.text")], stored_first=False),
     "a ZIP archive"),
    (zip_of([("mimetype", b"application/vnd.oasis.opendocument.presentation")]),
     "an OpenDocument file of another kind"),
    (zip_of([("[Content_Types].xml", b"<Types/>"), ("ppt/slide1.xml", b"<p/>")]),
     "an Office file of another kind (such as PowerPoint)"),
    (b"PK\x03\x04" + b"\x00" * 30, "a damaged ZIP archive"),
], ids=["exe", "elf", "script", "empty", "text", "ole", "gif", "html", "binary", "zip",
        "odf-compressed-mimetype", "odp", "pptx", "broken-zip"])
def test_other_files_say_what_they_look_like(tmp_path: Path, data: bytes, looks_like) -> None:
    path = tmp_path / "file.pdf"
    path.write_bytes(data)
    assert sniff(path) == looks_like


def test_a_name_promises_a_type_whatever_its_case() -> None:
    assert type_for_name("a/Plan.PDF") == filetypes.PDF
    assert type_for_name("photo.jpeg") == type_for_name("photo.jpg") == filetypes.JPEG
    assert type_for_name("setup.exe") is None
    assert type_for_name("notes.pdf", (filetypes.ODT,)) is None


@pytest.mark.parametrize("size, text", [(0, "0 bytes"), (1023, "1023 bytes"), (1024, "1 KB"),
                                        (2560, "2 KB"), (1024 * 1024, "1 MB"),
                                        (1536 * 1024, "1.5 MB"),
                                        (10 * 1024 * 1024, "10 MB")])
def test_sizes_read_as_people_say_them(size: int, text: str) -> None:
    assert human_size(size) == text

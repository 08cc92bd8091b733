"""Real files of every type the library takes, and impostors, built in the test."""
from __future__ import annotations

import io
import zipfile

from thin_build.toolkits.sample_files import odt_document, pdf_page

PDF = pdf_page("A test page", ["One paragraph."])
ODT = odt_document("A test document", ["One paragraph."])
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 100


def zip_of(entries: list[tuple[str, bytes]], stored_first: bool = True) -> bytes:
    """A ZIP with these entries in order; the first stored when `stored_first`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for index, (name, data) in enumerate(entries):
            method = zipfile.ZIP_STORED if index == 0 and stored_first else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), data,
                             compress_type=method)
    return buffer.getvalue()


OOXML_TYPES = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
               b'package/2006/content-types"/>')
DOCX = zip_of([("[Content_Types].xml", OOXML_TYPES), ("word/document.xml", b"<w/>")])
XLSX = zip_of([("[Content_Types].xml", OOXML_TYPES), ("xl/workbook.xml", b"<x/>")])
ODS = zip_of([("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
              ("content.xml", b"<o/>")])

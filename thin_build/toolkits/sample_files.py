"""Make the sample toolkits' downloads, so the committed binaries can always be rebuilt.

    python -m thin_build.toolkits.sample_files [root]

For every toolkit in `root/toolkits/` (default: the current folder), each file it
lists in `toolkits/files/` is written from the toolkit's own title and text: a
one-page PDF 1.4 (Helvetica, written by hand) for `.pdf`, a one-page OpenDocument
text for `.odt`. Only the standard library is used and nothing depends on the
clock, so every run writes the same bytes (`tests/unit/toolkits/test_sample_files.py`).
"""
from __future__ import annotations

import re
import sys
import textwrap
import zipfile
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from ..core.load import load_file
from ..core.raw import RawList, RawMap, RawScalar
from .schema import FILES_FOLDER, KINDS

FOOTER = "Sample material for THIN Portal: a fictional example, not advice."
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def _pdf_text(text: str) -> str:
    """A PDF string literal's contents in WinAnsi: backslash and brackets escaped."""
    text = text.replace("\u2019", "'").replace("\u2013", "-")
    text = text.encode("latin-1", "replace").decode("latin-1")
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_page(title: str, paragraphs: list[str]) -> bytes:
    """One A4 page: the title in 18 pt, the text in 11 pt wrapped, a footer line."""
    lines = ["BT", "/F1 18 Tf", "56 780 Td", f"({_pdf_text(title)}) Tj", "ET",
             "BT", "/F1 11 Tf", "15 TL", "56 745 Td"]
    for paragraph in paragraphs:
        for line in textwrap.wrap(paragraph, 90) or [""]:
            lines.append(f"({_pdf_text(line)}) Tj T*")
        lines.append("T*")
    lines += ["ET", "BT", "/F1 9 Tf", "56 40 Td", f"({_pdf_text(FOOTER)}) Tj", "ET"]
    stream = "\n".join(lines).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        f"<< /Title ({_pdf_text(title)}) /Producer (THIN Portal sample files) >>".encode(
            "latin-1"),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, xref))
    return bytes(out)


_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" \
manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.2" \
manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""


def odt_document(title: str, paragraphs: list[str]) -> bytes:
    """An OpenDocument text: `mimetype` stored first, fixed times, nothing compressed."""
    body = "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'office:version="1.2"><office:body><office:text>'
               f'<text:h text:outline-level="1">{escape(title)}</text:h>{body}'
               f"<text:p>{escape(FOOTER)}</text:p></office:text></office:body>"
               "</office:document-content>\n")
    entries = (("mimetype", "application/vnd.oasis.opendocument.text"),
               ("META-INF/manifest.xml", _MANIFEST), ("content.xml", content))
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, text in entries:
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def _paragraphs(markdown: str | None) -> list[str]:
    """The toolkit's Markdown as plain paragraphs: one per block, one per list item."""
    out = []
    for block in re.split(r"\n\s*\n", markdown or ""):
        for item in re.split(r"\n(?=- )", block.strip()):
            text = re.sub(r"[*_`]", "", " ".join(item.split()))
            if text:
                out.append(text)
    return out


def sample_files(root: Path) -> dict[str, bytes]:
    """Repository path → bytes of every `.pdf` and `.odt` the toolkits list."""
    source = KINDS[0].source
    files: dict[str, bytes] = {}
    for path in sorted((root / source.path).glob("*.md")):
        record, _problems = load_file(path, f"{source.path}/{path.name}", "toolkit", source)
        if record is None or not isinstance(record.data, RawMap):
            continue
        title = getattr(record.data.get("title"), "value", None) or record.slug
        paragraphs = _paragraphs(getattr(record.data.get("body"), "value", None))
        listed = record.data.get("files")
        for item in listed.items if isinstance(listed, RawList) else ():
            name = item.get("file") if isinstance(item, RawMap) else None
            if isinstance(name, RawScalar) and name.value:
                if name.value.endswith(".pdf"):
                    files[f"{FILES_FOLDER}/{name.value}"] = pdf_page(title, paragraphs)
                elif name.value.endswith(".odt"):
                    files[f"{FILES_FOLDER}/{name.value}"] = odt_document(title, paragraphs)
    return files


def write_sample_files(root: Path) -> list[str]:
    written = []
    for rel, data in sample_files(root).items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(rel)
    return written


if __name__ == "__main__":
    for rel in write_sample_files(Path(sys.argv[1] if len(sys.argv) > 1 else ".")):
        print(rel)

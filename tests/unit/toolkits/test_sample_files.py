"""The sample downloads: rebuilt byte for byte by the script, and real PDFs and ODTs."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.helpers import BASE_SITE, REPO
from thin_build.toolkits.sample_files import odt_document, pdf_page

FILES = "toolkits/files"


@pytest.mark.parametrize("root", [REPO, BASE_SITE], ids=["portal", "base-site"])
def test_the_script_rebuilds_every_committed_file_exactly(root: Path, tmp_path: Path) -> None:
    copy = tmp_path / "repo"
    shutil.copytree(root / "toolkits", copy / "toolkits", ignore=shutil.ignore_patterns("files"))
    run = subprocess.run([sys.executable, "-m", "thin_build.toolkits.sample_files", str(copy)],
                         capture_output=True, text=True, check=True, cwd=REPO)
    written = sorted(run.stdout.split())
    committed = sorted(p.relative_to(root).as_posix() for p in (root / FILES).iterdir())
    assert written == committed
    for rel in committed:
        assert (copy / rel).read_bytes() == (root / rel).read_bytes(), rel


def test_the_portal_has_enough_pdfs_and_odts() -> None:
    names = [p.name for p in (REPO / FILES).iterdir()]
    assert len(names) >= 15
    assert sum(n.endswith(".pdf") for n in names) >= 3
    assert sum(n.endswith(".odt") for n in names) >= 3


def test_pdfs_read_back_with_poppler(tmp_path: Path) -> None:
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf_page("Title (with brackets) \\ and a backslash",
                              ["A first paragraph that is long enough to be wrapped onto a "
                               "second line by the writer, because it has many words in it.",
                               "Second."]))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert info.stderr == ""  # poppler warns about a broken cross-reference table
    assert "Pages:           1" in info.stdout
    assert "Title:           Title (with brackets) \\ and a backslash" in info.stdout
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert " ".join(text.split()).startswith(
        "Title (with brackets) \\ and a backslash A first paragraph that is long enough")
    assert "Second." in text and "fictional example" in text


def test_every_committed_pdf_is_clean_for_poppler() -> None:
    for path in sorted((REPO / FILES).glob("*.pdf")):
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True)
        assert info.returncode == 0 and info.stderr == "", path.name


def archive_bytes(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def test_odt_is_a_zip_with_its_media_type_stored_first(tmp_path: Path) -> None:
    path = tmp_path / "doc.odt"
    path.write_bytes(odt_document("Plans & <ideas>", ["One.", "Two."]))
    with zipfile.ZipFile(path) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        assert archive.testzip() is None
        content = archive.read("content.xml").decode("utf-8")
    assert "Plans &amp; &lt;ideas&gt;" in content and "<text:p>Two.</text:p>" in content
    text = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    root = ElementTree.fromstring(content)
    assert [el.text for el in root.iter(text + "h")] == ["Plans & <ideas>"]
    manifest = ElementTree.fromstring(archive_bytes(path, "META-INF/manifest.xml"))
    assert len(list(manifest)) == 2
    assert path.read_bytes()[30:38] == b"mimetype"  # where ODF readers look for it

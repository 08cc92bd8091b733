"""The skills fields in files: shorthand and detail, "did you mean", and the pages built."""
from __future__ import annotations

import re

from tests.helpers import REPO, TODAY, inputs_for
from thin_build.build import check_site
from thin_build.directory.listing_pages import org_page
from thin_build.directory.model import SkillEntry
from thin_build.skills.pages import exchange_page

BASE_ORG = "orgs/bow-youth.md"


def with_skills(make_site, lines: str):
    text = (make_site().joinpath(BASE_ORG)).read_text()
    text = re.sub(r"skills_offered:\n(  .*\n)+skills_wanted: \[bookkeeping\]\n", lines, text)
    return make_site({BASE_ORG: text})


def messages(root) -> list[str]:
    """Each error as "<line after `skills_offered:`>: code: message"."""
    lines = root.joinpath(BASE_ORG).read_text().splitlines()
    first = lines.index(next(line for line in lines if line.startswith("skills_offered"))) + 1
    _catalogue, problems = check_site(root, TODAY)
    return [f"+{p.location.line - first}: {p.code}: {p.message}" for p in problems if p.is_error]


def test_a_bare_slug_and_a_skill_with_detail_both_convert(make_site):
    root = with_skills(make_site, "skills_offered:\n  - room-hire\n  - skill: transport\n"
                       "    detail: Minibus with driver\nskills_wanted: [bookkeeping]\n")
    org = check_site(root, TODAY)[0].lookup("orgs", "bow-youth")
    assert org.skills_offered == (SkillEntry(skill="room-hire"),
                                  SkillEntry(skill="transport", detail="Minibus with driver"))


def test_free_text_gets_a_did_you_mean(make_site):
    root = with_skills(make_site, "skills_offered: [Minibus with driver, book keeping]\n"
                       "skills_wanted: [Room hire]\n")
    assert messages(root) == [
        "+0: unknown-ref: `skills_offered[1]`: 'Minibus with driver' is not in "
        "content/taxonomies/skills.yaml; choose from bookkeeping, catering, room-hire, transport",
        "+0: unknown-ref: `skills_offered[2]`: 'book keeping' is not in "
        "content/taxonomies/skills.yaml; did you mean `bookkeeping`?",
        "+1: unknown-ref: `skills_wanted[1]`: 'Room hire' is not in "
        "content/taxonomies/skills.yaml; did you mean `room-hire`?",
    ]


def test_a_skill_listed_twice_and_an_unknown_skill_in_detail_form(make_site):
    root = with_skills(make_site, "skills_offered:\n  - catering\n  - skill: catering\n"
                       "    detail: Lunches\n  - skill: bok-keeping\nskills_wanted: [bookkeeping]\n")
    assert messages(root) == [
        "+2: duplicate-item: `skills_offered`: 'catering' is listed twice",
        "+4: unknown-ref: `skills_offered[3].skill`: 'bok-keeping' is not in "
        "content/taxonomies/skills.yaml; did you mean `bookkeeping`?",
    ]


def test_the_exchange_page_and_the_org_page_show_the_swap(make_site):
    cat = check_site(make_site(), TODAY)[0]
    inputs = inputs_for(cat)
    [plan] = exchange_page(inputs)
    [swap] = plan.data["swaps"]
    assert (swap.first.text, swap.first_gives, swap.second.text, swap.second_gives) == (
        "Bow Youth Project", "Transport and drivers", "Spice Kitchen Lunch Club", "Bookkeeping")
    assert swap.first_contact.mailto == ("mailto:hello@bow-youth.example.org?subject=Skills%20"
                                         "swap%20%28THIN%20Portal%29")
    by_name = {s.name: s for s in plan.data["skills"]}
    assert sorted(by_name) == ["Bookkeeping", "Catering for events", "Transport and drivers"]
    [wanted] = by_name["Bookkeeping"].wanted
    assert [link.text for link in wanted.could_help] == ["Spice Kitchen Lunch Club"]
    [offered] = by_name["Bookkeeping"].offered
    assert offered.detail == "A retired accountant on our committee"
    page = org_page(inputs, cat.lookup("orgs", "spice-kitchen"))
    [section] = [s for s in page.data["sections"] if s.anchor == "skill-swaps"]
    [match] = section.data["matches"]
    assert (match.partner.text, match.mutual, match.gives, match.gets) == (
        "Bow Youth Project", True, "Transport and drivers", "Bookkeeping")
    assert match.contact.mailto.startswith("mailto:hello@bow-youth.example.org?subject=Skills"
                                           "%20swap%20with%20Spice%20Kitchen%20Lunch%20Club")
    assert [(s.name, s.detail) for s in page.data["skills_offered"]] == [
        ("Bookkeeping", "A retired accountant on our committee"), ("Catering for events", None)]


def test_an_organisation_without_email_is_reached_through_its_page(make_site):
    text = make_site().joinpath(BASE_ORG).read_text().replace(
        "email: hello@bow-youth.example.org\n", "")
    cat = check_site(make_site({BASE_ORG: text}), TODAY)[0]
    page = org_page(inputs_for(cat), cat.lookup("orgs", "spice-kitchen"))
    [section] = [s for s in page.data["sections"] if s.anchor == "skill-swaps"]
    contact = section.data["matches"][0].contact
    assert (contact.text, contact.mailto, contact.page) == (
        "Contact details on Bow Youth Project's page", None, "/orgs/bow-youth/")


def test_with_the_sample_skills_list_free_text_points_to_the_term_it_names(make_site):
    """The sample list has too many terms to list them all, so the hint names the terms
    whose names share a word with the text, or the slug it misspells."""
    real = (REPO / "content/taxonomies/skills.yaml").read_text()
    # the test site publishes English only, so the terms' Bengali names are left out
    real = re.sub(r"  translations:\n(    .*\n)+", "", real)
    text = make_site().joinpath(BASE_ORG).read_text()
    text = re.sub(r"skills_offered:\n(  .*\n)+skills_wanted: \[bookkeeping\]\n",
                  "skills_offered: [Minibus with driver, Book keeping, Hall hire]\n"
                  "skills_wanted: [Treasurer, Grant writing]\n", text)
    root = make_site({BASE_ORG: text, "content/taxonomies/skills.yaml": real})
    assert [m.split("skills.yaml; ")[1] for m in messages(root)] == [
        "did you mean `transport` (Transport and drivers)?",
        "did you mean `bookkeeping`?",
        "did you mean `room-hire` (Room and hall hire)?",
        "did you mean `trustees` (Trustees and treasurers)?",
        "did you mean `fundraising` (Fundraising and bid writing)?",
    ]


def test_the_sample_has_skills_on_twenty_organisations_and_at_least_three_swaps():
    cat, problems = check_site(REPO, TODAY)
    assert cat is not None, [str(p) for p in problems if p.is_error]
    assert sum(1 for o in cat.orgs if o.skills_offered or o.skills_wanted) >= 20
    [plan] = exchange_page(inputs_for(cat))
    assert len(plan.data["swaps"]) >= 3

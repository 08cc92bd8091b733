"""Find support in the browser: personas, the referral email, printing, no JavaScript, axe."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from .support import axe_violations, fail_if_any, format_violations, open_page


def answer(page: Page, base: str, need: str, stage: str, group: str = "", ward: str = "",
           language: str = "") -> None:
    """Fill in the form the way a person does: by the labels they read."""
    open_page(page, f"{base}/support/")
    form = page.locator("#referral-form")  # the language switcher is labelled "Language" too
    form.get_by_label("Support need").select_option(label=need)
    form.get_by_label(stage, exact=True).check()
    if group:
        form.get_by_label("Beneficiary group").select_option(label=group)
    if ward:
        form.get_by_label("Ward").select_option(label=ward)
    if language:
        form.get_by_label("Language").select_option(label=language)
    # Not just "suggestion": "Choose your group's stage to see suggestions." has it too.
    expect(page.locator("#referral-status")).to_contain_text(re.compile(r"\d+ suggestions? for "))


def suggestions(page: Page) -> list[str]:
    return page.locator("#referral-list > li h3").all_text_contents()


PERSONAS = [
    pytest.param(("Funding and fundraising", "Stage 1: emerging", "BME communities",
                  "Spitalfields & Banglatown", "Bengali"),
                 "Banglatown BME Development Partnership",
                 ["THIN's agreed referral agency for funding and fundraising for groups working "
                  "with BME communities", "specialist in support for BME communities",
                  "free for Stage 1 groups", "advice in Bengali"], id="bme-stage-1-bengali"),
    pytest.param(("Funding and fundraising", "Stage 2: improving", "Older people", "Bow East", ""),
                 "Silver Thread Alliance",
                 ["THIN's agreed referral agency for funding and fundraising for groups working "
                  "with older people", "specialist in support for older people",
                  "works locally in Bow East", "free for Stage 2 groups"], id="older-bow"),
    pytest.param(("Funding and fundraising", "Stage 2: improving", "Older people", "", ""),
                 "East End Voluntary Action Hub",
                 ["THIN's agreed referral agency for funding and fundraising"],
                 id="older-borough-wide-falls-back-to-the-need-agency"),
    pytest.param(("Payroll", "Stage 3: established", "", "", ""),
                 "Ledger Lane Community Accounts",
                 ["THIN's agreed referral agency for payroll"], id="payroll"),
    pytest.param(("Health and safety", "Stage 2: improving", "", "Canary Wharf", ""),
                 "Limehouse Community Spaces Trust", ["works locally in Canary Wharf"],
                 id="no-agreed-agency-local-first"),
]


@pytest.mark.parametrize("answers, first, reasons", PERSONAS)
def test_persona_gets_the_expected_first_suggestion(page: Page, site_server: str, answers,
                                                    first: str, reasons: list[str]) -> None:
    answer(page, site_server, *answers)
    # The status names the first suggestion once the last answer's ranking is shown;
    # reading the list before that could catch it being redrawn.
    expect(page.locator("#referral-status")).to_contain_text(f"First: {first}.")
    expect(page.locator("#referral-list > li h3").first).to_have_text(first)
    shown = page.locator("#referral-list > li").first.locator("ul.reasons li").all_text_contents()
    assert shown == reasons


def test_suggestion_shows_offer_access_cost_contact(page: Page, site_server: str) -> None:
    answer(page, site_server, "Funding and fundraising", "Stage 1: emerging", "BME communities",
           "Spitalfields & Banglatown", "Bengali")
    first = page.locator("#referral-list > li").first
    expect(first).to_contain_text("Bid-writing support for BME-led groups")
    expect(first).to_contain_text("Email the referral contact at least four weeks before")
    expect(first.locator("dt", has_text="Cost")).to_have_count(1)
    expect(first.get_by_role("link", name="referrals@banglatown-bme.example.org")).to_have_count(1)
    expect(page.locator("#referral-explanation")).to_contain_text("in community languages")


def test_referral_email_carries_the_answers(page: Page, site_server: str) -> None:
    answer(page, site_server, "Funding and fundraising", "Stage 1: emerging", "BME communities",
           "Spitalfields & Banglatown", "Bengali")
    link = page.get_by_role("link", name="Make a referral by email to Banglatown BME Development "
                                          "Partnership")
    href = link.get_attribute("href") or ""
    parts = urlsplit(href)
    assert (parts.scheme, parts.path) == ("mailto", "referrals@banglatown-bme.example.org")
    query = parse_qs(parts.query)
    assert query["subject"] == ["Referral request: Funding and fundraising"]
    body = query["body"][0]
    for line in ("Support needed: Funding and fundraising",
                 "Stage of development: Stage 1: emerging",
                 "Works mainly with: BME communities", "Ward: Spitalfields & Banglatown",
                 "Advice preferred in: Bengali",
                 "Service we are interested in: Bid-writing support for BME-led groups"):
        assert line in body.split("\r\n"), line
    assert "%0D%0A" in href and "+" not in href


def test_printable_summary_shows_the_chosen_provider_only(page: Page, site_server: str) -> None:
    page.add_init_script("window.print = () => { window.__printed = "
                         "(window.__printed || 0) + 1; };")
    answer(page, site_server, "Payroll", "Stage 2: improving")
    page.get_by_role("button", name="Print a referral summary for Ledger Lane Community "
                                    "Accounts").click()
    assert page.evaluate("window.__printed") == 1
    summary = page.locator("#referral-print")
    expect(summary).to_contain_text("Suggested provider: Ledger Lane Community Accounts")
    expect(summary).to_contain_text("Stage of development")
    expect(summary).to_contain_text("Payroll bureau")
    page.emulate_media(media="print")
    expect(summary).to_be_visible()
    expect(page.locator("#referral-form")).to_be_hidden()
    expect(page.locator("#referral-results")).to_be_hidden()


def test_results_update_as_answers_change(page: Page, site_server: str) -> None:
    answer(page, site_server, "Funding and fundraising", "Stage 1: emerging")
    general = suggestions(page)
    page.get_by_label("Beneficiary group").select_option(label="Young people")
    expect(page.locator("#referral-list > li h3").first).to_have_text("Young East Partnership")
    assert suggestions(page) != general
    assert "group=young-people" in page.url  # answers are kept in the address to share or reload


def test_answers_in_the_address_are_filled_in(page: Page, site_server: str) -> None:
    """Organisation pages link here with their answers."""
    open_page(page, f"{site_server}/orgs/nari-shongho-womens-group/")
    page.get_by_role("link", name="Funding and fundraising").first.click()
    expect(page.locator("#referral-status")).to_contain_text("First: Banglatown BME Development "
                                                              "Partnership.")
    assert page.get_by_label("Support need").input_value() == "funding"
    assert page.get_by_label("Stage 2: improving", exact=True).is_checked()
    assert page.get_by_label("Ward").input_value() == "shadwell"


def test_no_match_says_what_to_do(page: Page, site_server: str) -> None:
    answer_page = f"{site_server}/support/?need=health-and-safety&stage=stage-3"
    open_page(page, answer_page)
    expect(page.locator("#referral-status")).to_contain_text("choose your ward")
    assert suggestions(page) == []
    every = page.get_by_role("link", name="Every provider of this support, by stage")
    expect(every).to_have_attribute("href", "/support/health-and-safety/")


def test_page_says_keep_going_to_your_provider(page: Page, site_server: str) -> None:
    open_page(page, f"{site_server}/support/")
    expect(page.locator(".keep-going")).to_contain_text("Already working with a support provider? "
                                                        "Keep going to them.")


def test_without_javascript_need_links_lead_to_static_pages(browser: Browser,
                                                           site_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        open_page(page, f"{site_server}/support/")
        expect(page.locator("#referral-form")).to_be_hidden()
        expect(page.locator("#referral-nojs")).to_be_visible()
        page.get_by_role("link", name="Payroll", exact=True).click()
        assert page.url.endswith("/support/payroll/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Support with payroll")
        stage = page.locator("section", has=page.get_by_role("heading", name="Stage 1: emerging"))
        ledger = stage.get_by_role("link", name="Ledger Lane Community Accounts", exact=True)
        expect(ledger).to_be_visible()
        expect(page.locator(".keep-going")).to_be_visible()
        expect(page.get_by_role("link", name="Make a referral by email to Ledger Lane "
                                             "Community Accounts").first).to_have_attribute(
            "href", "mailto:newclients@ledger-lane.example.org?subject=Referral%20request%3A%20"
            "Payroll&body=" + "Hello%2C%0D%0A%0D%0AWe%20would%20like%20support%20with%3A%20"
            "Payroll%0D%0AOur%20stage%20of%20development%3A%20Stage%201%3A%20emerging%0D%0A%0D%0A"
            "Name%20of%20our%20group%3A%0D%0AContact%20name%20and%20phone%3A%0D%0A%0D%0A"
            "Thank%20you.%0D%0A")
    finally:
        context.close()


def test_find_support_is_in_the_main_menu(page: Page, site_server: str) -> None:
    open_page(page, f"{site_server}/")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Find support")).to_have_attribute("href", "/support/")


def test_no_axe_violations_with_results_shown(page: Page, site_server: str) -> None:
    answer(page, site_server, "Funding and fundraising", "Stage 1: emerging", "BME communities",
           "Spitalfields & Banglatown", "Bengali")
    violations = axe_violations(page)
    if violations:
        pytest.fail(format_violations(violations, "/support/ with results"), pytrace=False)


def test_results_are_text_never_markup(page: Page, site_server: str) -> None:
    """Provider text reaches the page through textContent: no element comes from data."""
    answer(page, site_server, "Payroll", "Stage 2: improving")
    tags = page.eval_on_selector_all("#referral-list *",
                                     "els => [...new Set(els.map(e => e.tagName))]")
    fail_if_any(sorted(set(tags) - {"LI", "ARTICLE", "H3", "H4", "A", "P", "UL", "DIV", "STRONG",
                                     "DL", "DT", "DD", "SPAN", "BUTTON"}), "unexpected element(s)")


def test_results_reflow_at_320_pixels(page: Page, site_server: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    answer(page, site_server, "Governance and setting up", "Stage 2: improving",
           "Refugees and migrants", "St Katharine's & Wapping", "Chinese (Cantonese)")
    fits = ("() => document.documentElement.scrollWidth <= "
            "document.documentElement.clientWidth")
    assert page.evaluate(fits), "/support/ with results"
    for path in ("/support/governance/", "/reports/gaps/"):
        open_page(page, site_server + path)
        assert page.evaluate(fits), path


def test_show_suggestions_moves_focus_to_the_results(page: Page, site_server: str) -> None:
    answer(page, site_server, "DBS checks", "Stage 1: emerging")
    page.get_by_role("button", name="Show suggestions").press("Enter")
    assert page.evaluate("document.activeElement.id") == "results-heading"
    assert suggestions(page) == ["Checkpoint DBS Umbrella Service"]


def test_in_bengali_the_script_speaks_the_page_s_words(page: Page, site_server: str) -> None:
    """referral.js holds no words: on /bn/ its results, email and status are in Bengali."""
    open_page(page, f"{site_server}/bn/support/?need=payroll&stage=stage-2")
    status = page.locator("#referral-status")
    expect(status).to_contain_text("টি প্রস্তাব। প্রথম: ")
    first = page.locator("#referral-list > li").first
    expect(first.get_by_role("heading", level=4).first).to_have_text("কেন আমরা এটি প্রস্তাব করছি")
    expect(first.locator("dt", has_text="খরচ")).to_have_count(1)
    expect(first.get_by_role("button")).to_contain_text("রেফারেলের সারাংশ প্রিন্ট করুন")
    href = first.get_by_role("link", name=re.compile("^ইমেইলে রেফারেল পাঠান ")).get_attribute(
        "href") or ""
    query = parse_qs(urlsplit(href).query)
    assert query["subject"][0].startswith("রেফারেলের অনুরোধ: ")
    body = query["body"][0].split("\r\n")
    assert body[:3] == ["হ্যালো,", "", "আমরা “সহায়তা খুঁজুন” পাতার মাধ্যমে আপনাদের খুঁজে "
                        "পেয়েছি এবং একটি রেফারেল চাই।"]
    assert body[4].startswith("যে সহায়তা দরকার: ") and body[-1] == "ধন্যবাদ।"
    shown = page.locator("#referral-results").inner_text()
    for english in ("Why we suggest it", "suggestion", "Contact for referrals", "How to get it"):
        assert english not in shown, english
    open_page(page, f"{site_server}/bn/support/?need=health-and-safety&stage=stage-3")
    expect(status).to_have_text(
        "পুরো বরো জুড়ে কাজ করা প্রদানকারীদের মধ্যে কেউ আপনার সব উত্তরের সঙ্গে মেলে না; স্থানীয় "
        "প্রদানকারী দেখতে আপনার ওয়ার্ড বেছে নিন। নিচে এই সহায়তার সব প্রদানকারী দেখুন, অথবা "
        "সমন্বয়কারীদের জিজ্ঞেস করুন।")

"""The health check in the browser: answers, reload, forget, print, shared links, no JS.

Answers are given the way a person gives them, by the question (a fieldset's legend)
and the answer's label. What the plan suggests is compared with the referral rule in
Python, so the page and /support/ cannot drift apart.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from thin_build.build import check_site
from thin_build.referral.rank import Query, rank

from .conftest import BUILD_DATE
from .support import REPO_ROOT, axe_violations, format_violations, open_page

HEALTH_CHECK = "/health-check/"
STAGE_1 = "Stage 1: emerging"
PURPOSE = "Can everyone involved say in a sentence what your group is for?"
DOCUMENT = ("Do you have a governing document (a constitution, trust deed or articles) that "
            "matches what you do now?")
DUTIES = "Do your trustees or committee members know their legal duties?"


@pytest.fixture(scope="module")
def catalogue():
    cat, problems = check_site(REPO_ROOT, BUILD_DATE)
    assert cat is not None, problems
    return cat


def answer(page: Page, question: str, label: str) -> None:
    page.get_by_role("group", name=question, exact=True).get_by_label(label, exact=True).check()


def start(page: Page, base: str, fragment: str = "") -> None:
    open_page(page, base + HEALTH_CHECK + fragment)
    expect(page.locator("#assessment-form")).to_be_visible()


def answer_some(page: Page, base: str) -> None:
    start(page, base)
    page.get_by_label(STAGE_1, exact=True).check()
    answer(page, PURPOSE, "Yes")
    answer(page, DOCUMENT, "No")
    answer(page, DUTIES, "Not sure")
    expect(page.locator("#assessment-status")).to_contain_text("2 gaps in your action plan")


def plan_questions(page: Page) -> list[str]:
    return page.locator("#assessment-plan .plan-question").all_text_contents()


def test_answers_give_a_result_and_a_plan_that_survive_a_reload(page: Page, site_server: str,
                                                                 catalogue) -> None:
    answer_some(page, site_server)
    row = page.locator("#assessment-scores tr", has_text="Governance and purpose")
    expect(row).to_contain_text(re.compile(r"33%\s*Needs attention"))
    expect(page.locator("#assessment-scores tr", has_text="Planning and direction")) \
        .to_contain_text(re.compile(r"0 of 2 answered\s*Not answered yet"))
    assert plan_questions(page) == [DOCUMENT, DUTIES]
    first = page.locator("#assessment-plan .plan-item").first
    expect(first).to_contain_text("Your answer: No")
    expect(first.get_by_role("link", name="Choosing and updating your governing document")) \
        .to_have_attribute("href", "/toolkits/governing-document-guide/")
    top = rank(catalogue, Query("governance", "stage-1"))[0].provider
    expect(first.get_by_role("link", name=top.name)).to_have_attribute(
        "href", f"/providers/{top.slug}/")
    expect(first.get_by_role("link", name="see every suggestion")).to_have_attribute(
        "href", "/support/?need=governance&stage=stage-1")

    page.reload()
    expect(page.get_by_label(STAGE_1, exact=True)).to_be_checked()
    expect(page.get_by_role("group", name=DOCUMENT, exact=True).get_by_label("No", exact=True)) \
        .to_be_checked()
    assert plan_questions(page) == [DOCUMENT, DUTIES]


def test_not_relevant_answers_are_left_out_of_the_score(page: Page, site_server: str) -> None:
    answer_some(page, site_server)
    answer(page, DOCUMENT, "Not relevant")
    answer(page, DUTIES, "Yes")
    expect(page.locator("#assessment-scores tr", has_text="Governance and purpose")) \
        .to_contain_text(re.compile(r"100%\s*Strong"))
    answer(page, DUTIES, "No")
    expect(page.locator("#assessment-scores tr", has_text="Governance and purpose")) \
        .to_contain_text(re.compile(r"50%\s*Getting there"))


def test_forget_my_answers_clears_the_form_and_the_browser(page: Page, site_server: str) -> None:
    answer_some(page, site_server)
    page.get_by_role("button", name="Forget my answers").click()
    expect(page.locator("#assessment-message")).to_contain_text("forgotten")
    expect(page.get_by_label(STAGE_1, exact=True)).not_to_be_checked()
    expect(page.locator("#assessment-results")).to_be_hidden()
    assert page.evaluate("() => localStorage.length") == 0
    page.reload()
    expect(page.locator("#assessment-form")).to_be_visible()
    assert page.locator("#assessment-form input:checked").count() == 0


def test_print_shows_the_action_plan_alone_on_one_page(page: Page, site_server: str) -> None:
    answer_some(page, site_server)
    page.evaluate("() => { window.printed = false; window.print = () => { window.printed = true; }; }")
    page.get_by_role("button", name="Print my action plan").click()
    assert page.evaluate("() => window.printed")
    page.emulate_media(media="print")
    expect(page.locator("#assessment-form")).to_be_hidden()
    expect(page.locator(".assessment-rule")).to_be_hidden()
    expect(page.locator("#assessment-plan")).to_be_visible()
    expect(page.get_by_role("button", name="Print my action plan")).to_be_hidden()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_a_shared_link_opens_the_same_answers_elsewhere(page: Page, browser: Browser,
                                                        site_server: str) -> None:
    answer_some(page, site_server)
    page.get_by_role("button", name="Copy a link to these answers").click()
    link = page.get_by_label(re.compile("Link to these answers")).input_value()
    assert re.fullmatch(re.escape(site_server + HEALTH_CHECK) + r"#answers=[0-9a-f]{8}\.stage-1\."
                        r"[ynsx-]+", link)
    other = browser.new_context()
    try:
        elsewhere = other.new_page()
        elsewhere.goto(link)
        expect(elsewhere.locator("#assessment-message")).to_contain_text("from the link you opened")
        expect(elsewhere.get_by_label(STAGE_1, exact=True)).to_be_checked()
        assert plan_questions(elsewhere) == [DOCUMENT, DUTIES]
        assert "#" not in elsewhere.url
    finally:
        other.close()


@pytest.mark.parametrize("fragment, says", [
    ("#answers=zz", "could not read"),
    ("#answers=00000000.stage-1.yyyy", "older version"),
    ("#<img src=x onerror=window.hacked=1>", "could not read"),
])
def test_a_bad_link_is_ignored_with_a_message(page: Page, site_server: str, fragment: str,
                                              says: str) -> None:
    start(page, site_server, fragment)
    expect(page.locator("#assessment-message")).to_contain_text(says)
    expect(page.locator("#assessment-message")).to_have_attribute("aria-live", "polite")
    assert page.locator("#assessment-form input:checked").count() == 0
    assert page.evaluate("() => window.hacked === undefined && !document.querySelector('main img')")


def test_answers_are_never_sent(page: Page, site_server: str) -> None:
    """Only GETs of the site's own page, assets and JSON, with no query but the
    stylesheet's version: nothing the group answered leaves the browser."""
    requests = []
    page.on("request", lambda request: requests.append((request.method, urlsplit(request.url))))
    answer_some(page, site_server)
    page.get_by_role("button", name="Copy a link to these answers").click()
    page.reload()
    expect(page.locator("#assessment-results")).to_be_visible()
    assert {(method, f"{url.scheme}://{url.netloc}") for method, url in requests} == {
        ("GET", site_server)}
    assert {url.query for _m, url in requests if not url.path.endswith("site.css")} == {""}
    assert {url.path.rsplit(".", 1)[-1] if "." in url.path else "page" for _m, url in requests} \
        == {"page", "css", "js", "json"}


def test_the_results_and_plan_pass_axe(page: Page, site_server: str) -> None:
    answer_some(page, site_server)
    page.get_by_role("button", name="Copy a link to these answers").click()
    violations = axe_violations(page)
    if violations:
        pytest.fail(format_violations(violations, "the health check with a plan"), pytrace=False)


@pytest.mark.parametrize("section, attribute", [("health-check", "healthcheck"),
                                                ("readiness", "readiness")])
def test_without_javascript_each_stage_checklist_holds_every_question(
        browser: Browser, site_server: str, catalogue, section: str, attribute: str) -> None:
    questionnaire = getattr(catalogue, attribute)
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        open_page(page, f"{site_server}/{section}/")
        expect(page.locator("#assessment-form")).to_be_hidden()
        stages = [s.slug for s in catalogue.stages
                  if not questionnaire.stages or s.slug in questionnaire.stages]
        for stage in stages:
            page.get_by_role("link", name=re.compile(f"^Checklist for {stage.replace('-', ' ').title()}")).click()
            shown = page.locator(".checklist-question").all_text_contents()
            assert shown == [q.text for _area, q in questionnaire.questions(stage)]
            assert page.locator(".checklist-item .if-gap").count() == len(shown)
            page.go_back()
    finally:
        context.close()


def test_the_results_fit_a_small_phone(page: Page, site_server: str) -> None:
    """WCAG 1.4.10: at 320 px the form, the result table and the plan reflow."""
    page.set_viewport_size({"width": 320, "height": 640})
    answer_some(page, site_server)
    page.get_by_role("button", name="Copy a link to these answers").click()
    assert page.evaluate("() => document.documentElement.scrollWidth "
                         "<= document.documentElement.clientWidth")


def test_the_questions_can_be_answered_by_keyboard(page: Page, site_server: str) -> None:
    start(page, site_server)
    page.get_by_label(STAGE_1, exact=True).focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("group", name=PURPOSE, exact=True).get_by_label("No", exact=True)) \
        .to_be_checked()
    assert plan_questions(page) == [PURPOSE]


def test_in_bengali_the_script_takes_its_words_from_the_page(page: Page,
                                                               site_server: str) -> None:
    """assessment.js holds no English: every word it writes comes from the Bengali page."""
    open_page(page, site_server + "/bn" + HEALTH_CHECK)
    expect(page.locator("#assessment-form")).to_be_visible()
    stage = page.locator("input[name=stage]").first
    stage_name = page.locator(f"label[for={stage.get_attribute('id')}]").inner_text()
    stage.check()
    shown = page.locator("fieldset.question:visible")
    total = shown.count()
    shown.first.get_by_label("না", exact=True).check()
    expect(page.locator("#assessment-status")).to_have_text(
        f"{stage_name}-এর {total}টি প্রশ্নের মধ্যে 1টির উত্তর দেওয়া হয়েছে। "
        "আপনার কর্মপরিকল্পনায় 1টি ঘাটতি।")
    expect(page.locator("#scores-caption")).to_have_text(
        f"{stage_name}-এর জন্য বিষয়ভিত্তিক ফলাফল")
    expect(page.locator("#plan-summary")).to_have_text("কাজ করার মতো 1টি বিষয়, বিষয় ধরে ধরে।")
    expect(page.locator("#assessment-plan .plan-answer")).to_have_text("আপনার উত্তর: না")
    page.get_by_role("button", name="আমার উত্তর মুছে ফেলুন").click()
    expect(page.locator("#assessment-message")).to_have_text(
        "আপনার উত্তরগুলো মুছে ফেলা হয়েছে: এই ব্রাউজার আর সেগুলো রাখে না।")

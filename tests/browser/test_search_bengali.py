"""Bengali search in Chromium: /bn/search/ finds listings by their Bengali names as typed,
speaks Bengali, marks English results lang="en", and passes axe; the web font loads."""
from __future__ import annotations

import unicodedata

import pytest
from playwright.sync_api import Page, expect

from .support import axe_violations, fail_if_any, format_violations

# (Bengali name as the sample listing gives it, the listing's page).
SURMA = ("সুরমা শনিবারের স্কুল", "/bn/orgs/surma-saturday-school/")
NARI = ("নারী সংঘ মহিলা গ্রুপ", "/bn/orgs/nari-shongho-womens-group/")


def bengali_search(page: Page, base: str, query: str) -> None:
    page.goto(f"{base}/bn/search/")
    page.fill("#search-q", query)
    expect(page.locator("#search-status")).not_to_have_text("")


def top_three(page: Page) -> list[str | None]:
    links = page.locator("#search-results h3 a")
    expect(links.first).to_be_visible()
    return [links.nth(i).get_attribute("href") for i in range(min(3, links.count()))]


@pytest.mark.parametrize("name, url", [SURMA, NARI])
@pytest.mark.parametrize("typed", ["as written", "NFD", "no vowel signs"])
def test_a_bengali_name_finds_its_listing_in_the_top_three(page: Page, site_server: str,
                                                           name: str, url: str, typed: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    query = {"as written": name, "NFD": unicodedata.normalize("NFD", name),
             "no vowel signs": "".join(c for c in name if not "\u09be" <= c <= "\u09cc")}[typed]
    bengali_search(page, site_server, query)
    assert url in top_three(page)
    expect(page.locator("#search-status")).to_contain_text("টি ফলাফল।")
    assert errors == []


def test_results_in_english_are_marked_as_english(page: Page, site_server: str) -> None:
    """A listing with no Bengali name shows its English one, with lang="en"."""
    bengali_search(page, site_server, "payroll")
    link = page.locator("#search-results h3 a", has_text="Ledger Lane Community Accounts")
    expect(link).to_have_attribute("lang", "en")
    expect(link).to_have_attribute("href", "/bn/providers/ledger-lane-community-accounts/")
    translated = page.locator("#search-results h3 a", has_text=NARI[0][:4])
    bengali_search(page, site_server, NARI[0])
    expect(translated.first).not_to_have_attribute("lang", "en")


def test_the_bengali_page_speaks_bengali(page: Page, site_server: str) -> None:
    bengali_search(page, site_server, "zzxqv")
    expect(page.locator("#search-message")).to_contain_text("কিছুই মেলেনি")
    page.fill("#search-q", "~")
    expect(page.locator("#search-message")).to_contain_text("কাজ করে না")
    expect(page.locator("h1")).to_have_text("খুঁজুন")
    assert page.get_attribute("html", "lang", timeout=1000).startswith("bn")


def test_bengali_search_with_results_has_no_axe_violations(page: Page, site_server: str) -> None:
    bengali_search(page, site_server, SURMA[0])
    expect(page.locator("#search-results li").first).to_be_visible()
    violations = axe_violations(page)
    fail_if_any([format_violations(violations, "/bn/search/")] if violations else [], "axe")


@pytest.mark.parametrize("weight, name", [("400", "Regular"), ("700", "Bold")])
def test_chromium_loads_the_bengali_web_font(page: Page, site_server: str, weight: str,
                                              name: str) -> None:
    """The shipped WOFF2 decodes in a real browser (a broken file fails `load()`), and a
    word with a conjunct is drawn in it."""
    page.goto(f"{site_server}/bn/search/")
    result = page.evaluate("""async ([weight, name]) => {
        const face = new FontFace("THIN test Bengali",
            `url(/static/fonts/NotoSansBengali-${name}.woff2)`, {weight});
        await face.load();
        document.fonts.add(face);
        const canvas = document.createElement("canvas").getContext("2d");
        canvas.font = `${weight} 32px "THIN test Bengali", monospace`;
        return {status: face.status, width: canvas.measureText("ক্ষমতা").width,
                covered: document.fonts.check(`${weight} 32px "THIN test Bengali"`, "ক্ষমতা")};
    }""", [weight, name])
    assert result["status"] == "loaded" and result["covered"] and result["width"] > 0

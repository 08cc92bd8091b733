"""The language API: translation follows the current language, and so do dates and numbers."""
from __future__ import annotations

import datetime as dt

from babel.messages.catalog import Catalog

from tests.helpers import REPO
from thin_build.core import i18n, present, urls
from thin_build.core.markup import render_markdown
from thin_build.core.messages import compile_catalogue
from thin_build.core.render import make_environment

BENGALI = i18n.Language(code="bn", name="বাংলা", locale="bn_BD")
DAY = dt.date(2026, 11, 24)


def _translations():
    catalog = Catalog(locale="bn")
    catalog.add("Search", "খুঁজুন")
    catalog.add(("%(num)d event", "%(num)d events"), ("%(num)dটি অনুষ্ঠান", "%(num)dটি অনুষ্ঠান"))
    catalog.add("May", "মে", context="month")
    return compile_catalogue(catalog)


def test_gettext_follows_the_current_language_and_english_is_the_default() -> None:
    assert i18n.gettext("Search") == "Search"
    with i18n.speaking(_translations(), BENGALI):
        assert i18n.current_language() == BENGALI
        assert i18n.gettext("Search") == "খুঁজুন"
        assert i18n.ngettext("%(num)d event", "%(num)d events", 3) % {"num": 3} == "3টি অনুষ্ঠান"
        assert i18n.pgettext("month", "May") == "মে"
        assert i18n.gettext("Not in the catalogue") == "Not in the catalogue"
    assert i18n.current_language() == i18n.ENGLISH
    assert i18n.N_("Calendar") == "Calendar"


def test_dates_numbers_and_lists_are_written_in_the_pages_language() -> None:
    assert present.human_date(DAY) == "24 November 2026"
    assert present.month_and_year(2026, 11) == "November 2026"
    assert present.day_and_month(dt.date(2026, 1, 2)) == "2 January"
    assert present.join_words(["A"]) == "A"
    assert present.join_words(["A", "B", "C"]) == "A, B and C"
    assert i18n.format_number(12345) == "12,345"
    assert i18n.format_number(3.5, decimals=2) == "3.50"
    assert i18n.format_time(dt.time(14, 30)) == "14:30"
    with i18n.speaking(_translations(), BENGALI):
        assert present.human_date(DAY) == "24 নভেম্বর, 2026"
        assert present.month_and_year(2026, 11) == "নভেম্বর 2026"
        assert present.join_words(["A", "B", "C"]) == "A, B এবং C"
        assert i18n.format_number(12345) == "12,345"  # Western digits: docs/languages.md
        assert i18n.format_date(DAY, "EEEE d MMMM") == "মঙ্গলবার 24 নভেম্বর"


def test_templates_translate_and_format_with_the_filters() -> None:
    env = make_environment(REPO / "templates")
    template = env.from_string('{{ _("Search") }} {{ ngettext("%(num)d event", "%(num)d events",'
                               ' n) }} {{ day|format_date("d MMMM") }} {{ 1234|format_number }}')
    with i18n.speaking(_translations(), BENGALI):
        assert template.render(n=2, day=DAY) == "খুঁজুন 2টি অনুষ্ঠান 24 নভেম্বর 1,234"
    assert template.render(n=1, day=DAY) == "Search 1 event 24 November 1,234"


def test_a_translation_is_escaped_in_templates_unless_its_english_has_markup() -> None:
    catalog = Catalog(locale="bn")
    catalog.add("Say hello", 'বলুন "হ্যালো" <b>')
    catalog.add('<a href="%(href)s">Read more</a>', '<a href="%(href)s">আরও পড়ুন</a>')
    env = make_environment(REPO / "templates")
    template = env.from_string('<p title="{{ _("Say hello") }}">'
                               '{{ _("<a href=\\"%(href)s\\">Read more</a>", href=link) }}</p>')
    with i18n.speaking(compile_catalogue(catalog), BENGALI):
        assert template.render(link="/a?b&c") == (
            '<p title="বলুন &#34;হ্যালো&#34; &lt;b&gt;"><a href="/a?b&amp;c">আরও পড়ুন</a></p>')


def test_urls_get_the_language_prefix_except_shared_files() -> None:
    assert urls.localised("/orgs/") == "/orgs/"
    edition = urls.Edition("/bn", frozenset({"data/organisations.csv"}))
    with urls.publishing(edition):
        assert urls.localised("/orgs/?page=2#a") == "/bn/orgs/?page=2#a"
        assert urls.localised("/static/site.css?v=1") == "/static/site.css?v=1"
        assert urls.localised("/media/logo.png") == "/media/logo.png"
        assert urls.localised("/data/organisations.csv") == "/data/organisations.csv"
        assert urls.localised("/data/") == "/bn/data/"
        assert urls.localised("https://example.org/") == "https://example.org/"
    assert urls.language_prefix("bn", "en") == "/bn" and urls.language_prefix("en", "en") == ""


def test_a_language_neutral_section_shares_its_files_but_not_its_pages() -> None:
    with urls.publishing(urls.Edition("/bn", frozenset(), ("/data/", "/openreferral/"))):
        assert urls.localised("/openreferral/organizations/any.json") == (
            "/openreferral/organizations/any.json")
        assert urls.localised("/data/events.csv?x=1") == "/data/events.csv?x=1"
        assert urls.localised("/data/") == "/bn/data/"
        assert urls.localised("/database/") == "/bn/database/"


def test_markdown_links_to_site_pages_follow_the_language() -> None:
    text = "See [the calendar](/calendar/) and [elsewhere](https://example.org/)."
    with urls.publishing(urls.Edition("/bn")):
        html = render_markdown(text)
    assert 'href="/bn/calendar/"' in html and 'href="https://example.org/"' in html
    assert 'href="/calendar/"' in render_markdown(text)


def test_the_languages_rtl_tag() -> None:
    urdu = i18n.Language(code="ur", name="اردو", locale="ur_PK", dir="rtl")
    assert (urdu.tag, urdu.dir, i18n.ENGLISH.tag) == ("ur-PK", "rtl", "en-GB")

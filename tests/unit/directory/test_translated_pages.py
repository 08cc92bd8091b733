"""Listings and terms on the Bengali pages: translated where the file says, marked English where not."""
from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.helpers import BASE_SITE, REPO, TODAY
from tests.unit.core.test_translate import BENGALI, CATALOGUE, SITE_YAML
from thin_build.build import build_site

GROUPS = (BASE_SITE / "content/taxonomies/groups.yaml").read_text(encoding="utf-8").replace(
    "  name: Older people\n", "  name: Older people\n  translations: {bn: {name: বয়স্ক মানুষ}}\n")


class MainText(HTMLParser):
    """The text inside <main>, each piece with the `lang` of its nearest element that has one."""

    VOID = {"br", "img", "meta", "link", "hr", "input", "source", "wbr"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.pieces: list[tuple[str | None, str]] = []
        self.classes: list[str] = []
        self._stack: list[tuple[str, str | None]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.classes.append(attrs.get("class") or "")
        if tag not in self.VOID:
            inherited = self._stack[-1][1] if self._stack else None
            self._stack.append((tag, attrs.get("lang", inherited)))

    def handle_endtag(self, tag):
        while self._stack and self._stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if data.strip() and any(tag == "main" for tag, _ in self._stack):
            self.pieces.append((self._stack[-1][1], data.strip()))

    def in_lang(self, code: str) -> list[str]:
        return [text for lang, text in self.pieces if lang == code]

    def text(self) -> str:
        return " ".join(text for _, text in self.pieces)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bengali") / "repo"
    shutil.copytree(BASE_SITE, root)
    for rel, text in {"content/site.yaml": SITE_YAML, "orgs/bow-youth.md": BENGALI,
                      "content/taxonomies/groups.yaml": GROUPS}.items():
        (root / rel).write_text(text, encoding="utf-8")
    (root / CATALOGUE).parent.mkdir(parents=True)
    shutil.copy(REPO / CATALOGUE, root / CATALOGUE)
    return build_site(root, today=TODAY).out


def _page(site: Path, path: str) -> MainText:
    return MainText((site / path / "index.html").read_text(encoding="utf-8"))


def test_a_translated_listing_shows_its_bengali_text_unmarked(site: Path) -> None:
    page = _page(site, "bn/orgs/bow-youth")
    text = page.text()
    assert "বো যুব প্রকল্প" in text and "বো-তে যুব ক্লাব আর বাড়ির কাজে সাহায্য।" in text
    assert "আমরা ২০১০ সালে শুরু করি।" in text
    assert "Bow Youth Project" not in text
    # the untranslated accessibility line is marked English, with the note, and so are
    # the names of terms and providers the test site does not translate
    english = page.in_lang("en")
    assert "Step-free entrance." in english and "untranslated-note" in page.classes
    assert {"Youth clubs", "Example Voluntary Action Hub"} <= set(english)
    assert not any("\u0980" <= c <= "\u09ff" for text in english for c in text)


def test_the_name_inside_a_sentence_is_isolated(site: Path) -> None:
    html = (site / "bn/orgs/bow-youth/index.html").read_text(encoding="utf-8")
    assert '<h2 id="about-heading"><bdi>বো যুব প্রকল্প</bdi>' in html
    english = (site / "orgs/spice-kitchen/index.html").read_text(encoding="utf-8")
    assert '<h2 id="about-heading">About <bdi>Spice Kitchen Lunch Club</bdi></h2>' in english
    untranslated = (site / "bn/orgs/spice-kitchen/index.html").read_text(encoding="utf-8")
    assert '<bdi lang="en">Spice Kitchen Lunch Club</bdi>' in untranslated


def test_an_untranslated_listing_is_shown_in_english_marked_and_noted(site: Path) -> None:
    page = _page(site, "bn/orgs/spice-kitchen")
    english = page.in_lang("en")
    assert "Spice Kitchen Lunch Club" in english
    assert "Hot lunches for older people, twice a week." in english
    assert "untranslated-note" in page.classes
    assert "এটি এখনও অনুবাদ করা হয়নি, তাই ইংরেজিতে দেখানো হচ্ছে।" in page.text()


def test_the_english_pages_are_unchanged_and_unmarked(site: Path) -> None:
    page = _page(site, "orgs/bow-youth")
    assert "Bow Youth Project" in page.text()
    assert page.in_lang("en") == [] and "untranslated-note" not in page.classes


def test_cards_carry_the_language_of_their_text(site: Path) -> None:
    page = _page(site, "bn/orgs")
    assert "বো যুব প্রকল্প" in page.text()
    english = page.in_lang("en")
    assert "Spice Kitchen Lunch Club" in english and "Weavers Green Group" in english
    assert "বো যুব প্রকল্প" not in english


def test_taxonomy_terms_are_named_in_bengali_on_bengali_pages(site: Path) -> None:
    org = _page(site, "bn/orgs/spice-kitchen").text()
    assert "বয়স্ক মানুষ" in org and "Older people" not in org
    assert "Older people" in _page(site, "orgs/spice-kitchen").text()
    browse = _page(site, "bn/groups/older-people").text()
    assert "বয়স্ক মানুষ" in browse


def test_an_untranslated_toolkit_is_marked_english_with_the_note(site: Path) -> None:
    page = _page(site, "bn/toolkits/funding-bid-basics")
    english = page.in_lang("en")
    assert english and english[0] == "Funding bid basics"
    assert "untranslated-note" in page.classes
    assert _page(site, "toolkits/funding-bid-basics").in_lang("en") == []


def test_providers_on_a_need_page_are_marked_by_their_language(site: Path) -> None:
    page = _page(site, "bn/support/funding")
    english = page.in_lang("en")
    assert "Example Voluntary Action Hub" in english and "Funding advice" in english
    assert "One-to-one help to find funders." in english
    assert _page(site, "support/funding").in_lang("en") == []


def test_names_linked_from_other_rooms_carry_their_language(site: Path) -> None:
    """A name link made anywhere (`translate.name_link`) marks an English name on a
    Bengali page, and nothing on an English one: here a network's convenor, and the
    footer's content pages, which the test site does not translate."""
    network = (site / "bn/networks/youth-network/index.html").read_text(encoding="utf-8")
    assert ('<a href="/bn/providers/hub/" lang="en" dir="auto">Example Voluntary Action Hub</a>'
            in network)
    assert '<a href="/bn/about/" lang="en" dir="auto">About' in network
    english = (site / "networks/youth-network/index.html").read_text(encoding="utf-8")
    assert 'dir="auto"' not in english.split('<main', 1)[1]

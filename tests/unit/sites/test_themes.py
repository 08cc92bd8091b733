"""Site themes: any accent colour gives a theme that passes WCAG 2.2 AA, and a colour
that had to change is a located warning naming it, its ratio and what is used instead."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import REPO, TODAY
from thin_build.build import check_site
from thin_build.core.markup import contrast_ratio
from thin_build.directory.model import SITE_THEMES, Organisation
from thin_build.sites.themes import SURFACES, readable, theme_for

STATIC = REPO / "templates" / "static" / "sites"
colours = st.from_regex(r"#[0-9a-f]{6}", fullmatch=True)


def org(accent: str | None, theme: str | None = "plain") -> Organisation:
    return Organisation(slug="a", path="orgs/a/index.md", name="A", summary="S.",
                        stage="stage-1", accent_colour=accent, theme=theme)


@given(colours, st.sampled_from(SITE_THEMES))
def test_any_accent_passes_aa_in_every_theme(accent: str, theme: str) -> None:
    view = theme_for(org(accent, theme))
    assert contrast_ratio(view.on_accent, view.accent) >= 4.5  # text on bands and buttons
    for surface in SURFACES:
        assert contrast_ratio(view.accent_text, surface) >= 4.5  # headings and links
        assert contrast_ratio(view.accent, surface) >= 3.0  # borders, tabs, buttons


@given(colours)
def test_a_colour_that_passes_is_kept_as_it_is(accent: str) -> None:
    if all(contrast_ratio(accent, s) >= 4.5 for s in SURFACES):
        view = theme_for(org(accent))
        assert (view.accent, view.accent_text, view.adjusted) == (accent, accent, False)


def test_a_yellow_is_darkened_only_as_far_as_it_must() -> None:
    # #ffdd00 is 1.20:1 on the tint. 37/100 of the way to black gives #a18b00 (161, 139, 0),
    # 3.03:1 on the tint; 21/100 further gives #7f6e00 (127, 110, 0), 4.55:1.
    view = theme_for(org("#ffdd00", "bold"))
    assert (view.accent, view.accent_text, view.on_accent) == ("#a18b00", "#7f6e00", "#000000")
    assert view.adjusted
    assert readable("#a18b00", SURFACES, 3.0) == "#a18b00"


def test_no_theme_is_plain() -> None:
    assert theme_for(org("#0b6e4f", None)).name == "plain"


def test_no_accent_uses_the_portal_blue() -> None:
    view = theme_for(org(None, "calm"))
    assert (view.accent, view.accent_text, view.adjusted) == ("#1d4f91", "#1d4f91", False)
    assert view.stylesheets == ("/static/sites/frame.css", "/static/sites/theme-calm.css")


def test_every_theme_has_a_stylesheet_in_logical_properties() -> None:
    physical = re.compile(r"(margin|padding|border)-(left|right)|text-align:\s*(left|right)"
                          r"|float:\s*(left|right)|\b(left|right):")
    for name in ("frame", *(f"theme-{t}" for t in SITE_THEMES)):
        css = (STATIC / f"{name}.css").read_text(encoding="utf-8")
        assert not physical.findall(css), name


def bow_youth_as_a_site(accent: str) -> dict[str, str | None]:
    """The base site's Bow Youth Project moved into a folder (so it has a site), recoloured."""
    text = (REPO / "tests/sites/base/orgs/bow-youth.md").read_text(encoding="utf-8")
    return {"orgs/bow-youth.md": None,
            "orgs/bow-youth/index.md": text.replace('"#0b6e4f"', f'"{accent}"')}


def test_a_low_contrast_accent_is_a_located_warning(make_site) -> None:
    root = make_site(bow_youth_as_a_site("#ffdd00"))
    _catalogue, found = check_site(root, TODAY)
    problems = [str(p) for p in found if p.code == "low-contrast-accent"]
    line = next(n for n, text in enumerate((root / "orgs/bow-youth/index.md").read_text(
        encoding="utf-8").splitlines(), 1) if text.startswith("accent_colour:"))
    assert problems == [
        f"orgs/bow-youth/index.md:{line}:1: warning[low-contrast-accent]: accent colour #ffdd00 "
        "has a contrast of only 1.20:1 with the page, and headings and links need 4.5:1; "
        "the site uses #7f6e00 for text and #a18b00 for bands and buttons (they need 3.0:1); "
        "choose a darker colour to have yours used as it is"]


def test_a_listing_without_a_site_is_not_warned_about_its_colour(make_site) -> None:
    """Its page puts black or white on the accent, which always reads."""
    text = (REPO / "tests/sites/base/orgs/bow-youth.md").read_text(encoding="utf-8")
    root = make_site({"orgs/bow-youth.md": text.replace('"#0b6e4f"', '"#ffdd00"')})
    _catalogue, found = check_site(root, TODAY)
    assert [p for p in found if p.code == "low-contrast-accent"] == []

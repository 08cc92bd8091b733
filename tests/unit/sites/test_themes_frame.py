"""The frame of a site's pages: the slim portal bar, the group's own header and menu,
and the theme's stylesheets and colours, as built."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import BASE_SITE, TODAY
from thin_build.build import build_site

INDEX = """---
name: {name}
summary: A community garden by the {where}.
wards: [bow-east]
stage: stage-1
theme: {theme}
accent_colour: "{accent}"
logo: logos/bow-youth.png
last_verified: 2026-10-01
---
We grow vegetables.
"""
PAGE = """---
title: Volunteer with us
order: 10
---
Come on Saturdays.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("frame") / "repo"
    shutil.copytree(BASE_SITE, root)
    for slug, name, theme, accent in (("marsh-garden", "Marsh Garden", "calm", "#ffdd00"),
                                      ("bold-garden", "Bold Street Garden", "bold", "#0b6e4f")):
        (root / "orgs" / slug).mkdir()
        (root / "orgs" / slug / "index.md").write_text(
            INDEX.format(name=name, where=slug, theme=theme, accent=accent), encoding="utf-8")
        (root / "orgs" / slug / "volunteer.md").write_text(PAGE, encoding="utf-8")
    out = root.parent / "site"
    build_site(root, out, TODAY)
    return out


def page(site: Path, path: str) -> str:
    return (site / path.strip("/") / "index.html").read_text(encoding="utf-8")


def test_the_theme_brings_its_stylesheets_and_checked_colours(site: Path) -> None:
    html = page(site, "/orgs/marsh-garden/volunteer/")
    assert '<link rel="stylesheet" href="/static/sites/frame.css">' in html
    assert '<link rel="stylesheet" href="/static/sites/theme-calm.css">' in html
    # #ffdd00 moved towards black: #a18b00 for bands (3:1), #7f6e00 for text (4.5:1).
    assert ("<style>:root { --site-accent: #a18b00; --site-on-accent: #000000; "
            "--site-accent-text: #7f6e00; }</style>") in html
    assert '<header class="site-frame theme-calm">' in html
    bold = page(site, "/orgs/bold-garden/")
    assert "--site-accent: #0b6e4f; --site-on-accent: #ffffff; --site-accent-text: #0b6e4f;" in bold
    assert '<header class="site-frame theme-bold">' in bold


def test_the_portal_header_slims_to_a_bar(site: Path) -> None:
    html = page(site, "/orgs/marsh-garden/volunteer/")
    assert '<p><a href="/">Part of Test Portal</a></p>' in html
    assert '<p><a href="/search/">Search the portal</a></p>' in html
    assert 'class="site-header"' not in html and 'aria-label="Main"' not in html


def test_the_groups_header_has_its_logo_name_and_menu(site: Path) -> None:
    html = page(site, "/orgs/marsh-garden/volunteer/")
    assert ('<img class="site-frame-logo" src="/media/logos/bow-youth.png" '
            'alt="Marsh Garden logo" width="72" height="72">') in html
    assert '<p class="site-frame-name"><a href="/orgs/marsh-garden/">Marsh Garden</a></p>' in html
    menu = html[html.index('<nav class="site-menu wrap" aria-label="Pages of this group">'):]
    menu = menu[:menu.index("</nav>")]
    assert re.findall(r'<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>', menu) == [
        ("/orgs/marsh-garden/", "", "Home"),
        ("/orgs/marsh-garden/volunteer/", ' aria-current="page"', "Volunteer with us"),
        ("/orgs/marsh-garden/news/", "", "News"),
        ("/orgs/marsh-garden/events/", "", "Events"),
        ("/orgs/marsh-garden/contact/", "", "Contact"),
    ]

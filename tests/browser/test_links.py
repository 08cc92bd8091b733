"""Every internal link, image and script reference in the built sample site resolves.

The checker is the library's own (`thin check-links`, run by the pull-request
workflow); its behaviour on broken pages is pinned in tests/unit/review/test_site_links.py.
"""

from __future__ import annotations

from pathlib import Path

from thin_build.review.site_links import broken_links

from .support import SITE_BASE_URL, fail_if_any


def test_internal_links_resolve(built_site: Path) -> None:
    """No page links to a missing file or to a fragment id its target lacks."""
    assert sorted(built_site.rglob("*.html")), f"No .html files in {built_site}"
    fail_if_any(broken_links(built_site, SITE_BASE_URL),
                "broken internal reference(s), page:line → reference")

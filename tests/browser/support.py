"""Shared pieces of the browser test suite: tool locations, URL discovery, axe.

Kept out of ``conftest.py`` so test modules can import the helpers directly;
``conftest.py`` holds only fixtures and hooks.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from playwright.sync_api import Page

REPO_ROOT = Path(__file__).resolve().parents[2]

#: Debian's Chromium. Playwright's own browser downloads are never used: the
#: network is closed and ``make system-deps`` installs this one.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Any request that leaves the loopback server fails at once instead of
    # waiting on DNS, so a page that depends on a third-party host shows up
    # as broken rather than as a slow, flaky test.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
)

NODE_MODULES = REPO_ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

#: The sample site's configured ``base_url``; sitemap locations and absolute
#: self-links start with it.
SITE_BASE_URL = "https://portal.example.org/"

#: WCAG 2.2 AA as axe-core tags its rules (2.0, 2.1 and 2.2 additions).
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")


def require(path: Path, what: str) -> Path:
    """Return ``path``, failing the test if it does not exist.

    Fail, not skip: a skipped browser suite looks green in CI while testing
    nothing, so missing set-up must be loud.
    """
    if not path.exists():
        pytest.fail(
            f"{what} not found at {path}. Run `make test`, which installs it.",
            pytrace=False,
        )
    return path


def require_program(name: str, what: str) -> str:
    """Return the absolute path of program ``name`` on PATH, or fail like ``require``."""
    found = shutil.which(name)
    if found is None:
        pytest.fail(
            f"{what} (`{name}`) not found on PATH. Run `make test`, which installs it.",
            pytrace=False,
        )
    return found


def fail_if_any(problems: Sequence[str], what: str) -> None:
    """Fail listing every problem, one a line; a bare message reads better than a list repr."""
    if problems:
        listing = "\n".join(f"  {problem}" for problem in problems)
        pytest.fail(f"{len(problems)} {what}:\n{listing}", pytrace=False)


# --- Built-site paths -------------------------------------------------------


def file_for_url_path(site: Path, url_path: str) -> Path:
    """Map a root-relative URL path to the file a static server would send.

    ``/orgs/x/`` is ``orgs/x/index.html``; percent-escapes are decoded because
    the file system holds the decoded name.
    """
    relative = unquote(url_path).lstrip("/")
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    return site / relative


def url_path_for_file(site: Path, file: Path) -> str:
    """Inverse of ``file_for_url_path``: the root-relative URL path a file is served at."""
    path = "/" + file.relative_to(site).as_posix()
    return path.removesuffix("index.html")


def site_url_to_path(url: str) -> str | None:
    """Root-relative path of an absolute URL on the site, or None if it is off-site."""
    if url.startswith(SITE_BASE_URL):
        return "/" + url[len(SITE_BASE_URL) :]
    return None


def _local_name(element: ET.Element) -> str:
    """Tag name without its ``{namespace}`` prefix."""
    return element.tag.rpartition("}")[2]


def sitemap_paths(site: Path) -> tuple[str, ...]:
    """Root-relative paths of every page listed in ``site``'s sitemap, in order.

    Follows a sitemap index into its child sitemaps, so discovery keeps working
    if the generator ever splits the sitemap. Fails on a location outside
    ``SITE_BASE_URL`` because that means the sitemap and the tests disagree
    about the site's address.
    """
    root_sitemap = require(site / "sitemap.xml", "The built site's sitemap.xml")
    pending: list[Path] = [root_sitemap]
    seen: set[Path] = {root_sitemap}
    pages: list[str] = []
    while pending:
        sitemap = pending.pop(0)
        root = ET.parse(sitemap).getroot()
        is_index = _local_name(root) == "sitemapindex"
        locs = (e.text.strip() for e in root.iter() if _local_name(e) == "loc" and e.text)
        for loc in locs:
            path = site_url_to_path(loc)
            if path is None:
                pytest.fail(f"{sitemap.name} lists {loc}, outside {SITE_BASE_URL}", pytrace=False)
            if is_index:
                child = file_for_url_path(site, path)
                if child not in seen:
                    seen.add(child)
                    pending.append(child)
            else:
                pages.append(path)
    return tuple(pages)


# --- Page types ---------------------------------------------------------------


def _item_in(section: str, *reserved: str) -> str:
    """Regex for ``/<section>/<slug>/`` where slug is not one of ``reserved`` or ``page``.

    ``page`` is always reserved because paginated listings live at
    ``/<section>/page/<n>/``.
    """
    excluded = "|".join(re.escape(word) for word in ("page", *reserved))
    return rf"/{re.escape(section)}/(?!(?:{excluded})/)[^/]+/"


@dataclass(frozen=True)
class PageKind:
    """One kind of page the site renders, used to pick a URL to test.

    Give either ``path``, a fixed URL path checked against the built files, or
    ``pattern``, a regex matched in full against the sitemap's paths to pick
    the first page of that kind (slugs come from content that changes).
    ``optional`` pages are skipped when absent (pagination depends on how much
    content there is); any other missing kind fails.
    """

    name: str
    path: str | None = None
    pattern: str | None = None
    optional: bool = False


HOME = PageKind("home", path="/")
ORG = PageKind("org", pattern=_item_in("orgs"))
CALENDAR = PageKind("calendar", path="/calendar/")
CALENDAR_MONTH = PageKind("calendar-month", path="/calendar/2026/12/")
NOTICES = PageKind("notices", path="/notices/")
PAGE_KINDS = (
    HOME,
    PageKind("orgs", path="/orgs/"),
    PageKind("orgs-page-2", path="/orgs/page/2/", optional=True),
    ORG,
    PageKind("providers", path="/providers/"),
    PageKind("providers-by-type", path="/providers/by-type/"),
    PageKind("provider", pattern=_item_in("providers", "by-type")),
    PageKind("wards", path="/wards/"),
    PageKind("ward", pattern=_item_in("wards")),
    PageKind("groups", path="/groups/"),
    PageKind("group", pattern=_item_in("groups")),
    PageKind("activities", path="/activities/"),
    PageKind("activity", pattern=_item_in("activities")),
    PageKind("about", path="/about/"),
    PageKind("search", path="/search/"),
    PageKind("support", path="/support/"),
    PageKind("support-need", path="/support/funding/"),
    PageKind("gaps-report", path="/reports/gaps/"),
    CALENDAR,
    CALENDAR_MONTH,
    PageKind("calendar-category", path="/calendar/categories/training/"),
    PageKind("calendar-organiser", path="/calendar/providers/grantwise-east/"),
    PageKind("calendar-past", path="/calendar/past/"),
    PageKind("event", path="/events/vcs-forum/"),
    PageKind("event-all-day", path="/events/winter-textile-market/"),
    PageKind("event-finished", path="/events/autumn-trustee-induction/"),
    NOTICES,
    PageKind("org-with-events", path="/orgs/marigold-carers-centre/"),
    PageKind("provider-with-events", path="/providers/grantwise-east/"),
    PageKind("commissioning", path="/commissioning/"),
    PageKind("commissioning-guide", path="/commissioning/full-cost-recovery/"),
    PageKind("opportunities", path="/opportunities/"),
    PageKind("opportunities-archive", path="/opportunities/archive/"),
    PageKind("opportunity", path="/opportunities/older-peoples-befriending-service/"),
    PageKind("opportunity-closed", path="/opportunities/winter-activity-small-grants/"),
    PageKind("health-check", path="/health-check/"),
    PageKind("health-check-stage", path="/health-check/stage-2/"),
    PageKind("readiness", path="/readiness/"),
    PageKind("readiness-stage", path="/readiness/stage-3/"),
    PageKind("toolkits", path="/toolkits/"),
    PageKind("toolkits-topic", path="/toolkits/topic/governance/"),
    PageKind("toolkits-type", path="/toolkits/type/fact-sheet/"),
    PageKind("toolkits-stage", path="/toolkits/stage/stage-1/"),
    PageKind("toolkit", path="/toolkits/full-cost-recovery-toolkit/"),
    PageKind("links", path="/links/"),
    PageKind("open-data", path="/data/"),
    PageKind("evidence", path="/evidence/"),
    PageKind("evidence-summary", path="/evidence/summary/"),
    PageKind("print", path="/print/"),
    PageKind("not-found", path="/404.html"),
)


@dataclass(frozen=True)
class SitePages:
    """The built site's files plus its sitemap, for finding a page of each kind."""

    root: Path
    sitemap: Sequence[str]

    def path(self, kind: PageKind) -> str:
        """URL path of a page of ``kind``; skips or fails the test if there is none."""
        if kind.path is not None:
            file = file_for_url_path(self.root, kind.path)
            found = kind.path if file.is_file() else None
            wanted = f"{kind.path} (file {file})"
        else:
            assert kind.pattern is not None, f"{kind.name} needs a path or a pattern"
            found = next((p for p in self.sitemap if re.fullmatch(kind.pattern, p)), None)
            wanted = f"a sitemap path matching {kind.pattern}"
        if found is None:
            message = f"The built site has no {kind.name} page: expected {wanted}"
            if kind.optional:
                pytest.skip(message)
            pytest.fail(message, pytrace=False)
        return found


# --- Loading pages and axe-core -------------------------------------------------


def open_page(page: Page, url: str) -> None:
    """Navigate to ``url`` and insist on HTTP 200, so a 404 page is never tested by accident."""
    response = page.goto(url)
    assert response is not None, f"No response for {url}"
    assert response.status == 200, f"{url} answered HTTP {response.status}"


def axe_violations(page: Page, tags: Sequence[str] = WCAG_TAGS) -> list[dict[str, Any]]:
    """Run axe-core on the loaded page and return its violations for ``tags``.

    axe is injected from ``node_modules`` (pinned by package-lock.json) rather
    than a CDN, so results are reproducible and work offline.
    """
    page.add_script_tag(path=str(require(AXE_JS, "axe-core")))
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return results.violations;
        }""",
        list(tags),
    )


def format_violations(violations: Sequence[dict[str, Any]], where: str, shown: int = 3) -> str:
    """A readable failure message: one block per rule with its first few offending nodes."""
    lines = [f"{len(violations)} accessibility rule(s) violated on {where}:"]
    for violation in violations:
        nodes = violation.get("nodes", [])
        lines.append(f"- {violation['id']} [{violation.get('impact')}]: {violation['help']}")
        lines.extend(f"    {' >> '.join(map(str, node['target']))}" for node in nodes[:shown])
        if len(nodes) > shown:
            lines.append(f"    … and {len(nodes) - shown} more")
        lines.append(f"    {violation.get('helpUrl', '')}")
    return "\n".join(lines)

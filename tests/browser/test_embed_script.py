"""The embed script on someone else's page: it renders the portal's JSON with
`createElement` and `textContent` only, and leaves the host page as it was (its link
to the portal, no errors, nothing logged) when the JSON is missing or broken.

The host page, the script and the JSON are served by Playwright's routing under one
made-up origin, so the test needs no second server and no cross-origin set-up.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, Route

from .support import REPO_ROOT

SCRIPT = REPO_ROOT / "templates" / "static" / "sites" / "embed.js"
HOST = "https://host.example.org"
FALLBACK = '<a id="fallback" href="https://portal.example.org/orgs/a/">Our events on the portal</a>'
HOST_PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A group's own site</title></head>
<body><h1>Welcome</h1>
<div id="events" data-thin-embed="{HOST}/embed/events.json">{FALLBACK}</div>
<p id="after">The rest of the host page.</p>
<script src="{HOST}/embed.js" defer></script>
<script src="{HOST}/embed.js" defer></script>
</body></html>"""
FIXTURE = {
    "version": 1, "kind": "events", "lang": "en", "organisation": "Marsh Garden",
    "heading": "Our upcoming events", "empty": "No upcoming events at the moment.",
    "items": [
        {"title": "<img src=x onerror=alert(1)>Bulb planting", "when": "Saturday 5 December",
         "datetime": "2026-12-05T10:00+00:00", "where": "Marsh Garden, E3 2AB",
         "summary": "Bring <b>gloves</b> & tea.", "url": "https://portal.example.org/events/b/"},
        {"title": "Seed swap", "when": "Sunday 6 December", "datetime": "2026-12-06",
         "where": "", "summary": "", "url": "javascript:alert(1)", "lang": "en"},
    ],
    "more_text": "All our events on THIN Portal",
    "more_url": "https://portal.example.org/orgs/marsh-garden/events/",
}

#: Any way of turning text into markup throws, and says so, before the page's scripts run.
NO_HTML_PARSING = """() => {
    const refuse = (name) => function () {
        window.__htmlParsing = (window.__htmlParsing || []).concat(name);
        throw new Error(name + ' is not allowed');
    };
    for (const [proto, name] of [[Element.prototype, 'innerHTML'],
                                 [Element.prototype, 'outerHTML'],
                                 [ShadowRoot.prototype, 'innerHTML']]) {
        const own = Object.getOwnPropertyDescriptor(proto, name);
        Object.defineProperty(proto, name, {get: own.get, set: refuse(name), configurable: true});
    }
    Element.prototype.insertAdjacentHTML = refuse('insertAdjacentHTML');
    Document.prototype.write = refuse('document.write');
    Range.prototype.createContextualFragment = refuse('createContextualFragment');
}"""


class Host:
    """The host page's console messages and uncaught errors, collected as it runs."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.console: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))

    def open(self, answer_json) -> None:
        page = self.page
        page.add_init_script(f"({NO_HTML_PARSING})()")
        page.route(f"{HOST}/", lambda route: route.fulfill(
            body=HOST_PAGE, content_type="text/html; charset=utf-8"))
        page.route(f"{HOST}/embed.js", lambda route: route.fulfill(
            path=str(SCRIPT), content_type="text/javascript"))
        page.route(f"{HOST}/embed/events.json", answer_json)
        page.goto(f"{HOST}/")
        page.wait_for_load_state("networkidle")

    def script_messages(self) -> list[str]:
        """What the page logged, less Chromium's own line about a failed request."""
        return [m for m in self.console if "Failed to load resource" not in m]


@pytest.fixture
def host(page: Page) -> Iterator[Host]:
    yield Host(page)


def fixture_json(route: Route) -> None:
    route.fulfill(body=json.dumps(FIXTURE), content_type="application/json")


def test_the_script_renders_the_json_with_text_only(host: Host) -> None:
    host.open(fixture_json)
    page = host.page
    assert page.evaluate("window.__htmlParsing || []") == []
    assert host.errors == [] and host.script_messages() == []
    section = page.locator("#events > section.thin-embed")
    assert section.count() == 1  # the script is on the page twice; the list shows once
    assert section.get_attribute("lang") == "en"
    assert section.locator("h2").inner_text() == "Our upcoming events"
    items = section.locator("li")
    assert items.count() == 2
    first = items.nth(0)
    # Markup in the JSON stays text: no image, no bold, shown as typed.
    assert first.locator("a").text_content() == "<img src=x onerror=alert(1)>Bulb planting"
    assert first.locator("a").get_attribute("href") == "https://portal.example.org/events/b/"
    assert page.locator("#events img, #events b").count() == 0
    assert first.locator("time").get_attribute("datetime") == "2026-12-05T10:00+00:00"
    assert [p.text_content() for p in first.locator("p").all()] == [
        "Saturday 5 December, Marsh Garden, E3 2AB", "Bring <b>gloves</b> & tea."]
    # A link that is not http(s) is shown as text with no address at all.
    assert items.nth(1).locator("a").get_attribute("href") is None
    assert items.nth(1).locator("p").count() == 1
    assert (first.get_attribute("lang"), items.nth(1).get_attribute("lang")) == (None, "en")
    more = section.locator("p > a").last
    assert (more.text_content(), more.get_attribute("href")) == (
        "All our events on THIN Portal", "https://portal.example.org/orgs/marsh-garden/events/")
    assert page.locator("#fallback").count() == 0
    assert page.locator("#after").inner_text() == "The rest of the host page."


def test_an_empty_list_says_so(host: Host) -> None:
    host.open(lambda route: route.fulfill(
        body=json.dumps({**FIXTURE, "items": []}), content_type="application/json"))
    assert host.page.locator("#events section p").first.text_content() == (
        "No upcoming events at the moment.")
    assert host.errors == [] and host.script_messages() == []


@pytest.mark.parametrize("answer", [
    pytest.param(lambda route: route.fulfill(status=404, body="Not found"), id="missing"),
    pytest.param(lambda route: route.fulfill(body="{not json", content_type="application/json"),
                 id="not-json"),
    pytest.param(lambda route: route.fulfill(body='{"version": 2, "items": "soon"}',
                                             content_type="application/json"), id="other-shape"),
    pytest.param(lambda route: route.abort(), id="network-down"),
])
def test_without_a_readable_list_the_host_page_is_left_as_it_was(host: Host, answer) -> None:
    host.open(answer)
    page = host.page
    assert page.locator("#events").inner_html() == FALLBACK  # reading is fine; writing is not
    assert page.locator("#fallback").get_attribute("href") == "https://portal.example.org/orgs/a/"
    assert page.locator("#after").is_visible()
    assert host.errors == [] and host.script_messages() == []

"""The issue form behind "Report a problem", and the pull-request template.

GitHub rejects an issue form with a wrong shape by falling back to a blank issue, so
the form's shape is checked here, and so is the link every listing page builds: its
query parameters must be the ids of the form's fields, or nothing is filled in.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import markdown
import pytest
import yaml

from tests.helpers import BASE_SITE, REPO, TODAY
from thin_build.build import build_site

FORM = REPO / ".github" / "ISSUE_TEMPLATE" / "listing-update.yml"
PR_TEMPLATE = REPO / ".github" / "pull_request_template.md"
FIELD_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}
PROBLEMS = ["Wrong address", "Wrong phone number", "Wrong email address", "Wrong website",
            "Wrong opening times", "It has closed", "Something else"]


@pytest.fixture(scope="module")
def form() -> dict:
    return yaml.safe_load(FORM.read_text(encoding="utf-8"))


def _fields(form: dict) -> dict[str, dict]:
    return {item["id"]: item for item in form["body"] if "id" in item}


def test_the_issue_form_has_the_shape_github_requires(form: dict) -> None:
    assert set(form) <= {"name", "description", "title", "labels", "body", "assignees"}
    assert form["name"] and form["description"]
    assert all(item["type"] in FIELD_TYPES for item in form["body"])
    ids = [item["id"] for item in form["body"] if "id" in item]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9_-]*", i) for i in ids)
    assert all(item["attributes"].get("label") for item in form["body"]
               if item["type"] != "markdown")


def test_the_issue_form_asks_what_the_issue_names(form: dict) -> None:
    fields = _fields(form)
    assert list(fields) == ["listing", "file", "problems", "details"]
    assert fields["listing"]["type"] == fields["file"]["type"] == "input"
    assert fields["listing"]["validations"]["required"] is True
    assert [o["label"] for o in fields["problems"]["attributes"]["options"]] == PROBLEMS
    assert fields["details"]["type"] == "textarea"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: dict[str, str] = {}
        self._href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href")

    def handle_data(self, data: str) -> None:
        if self._href and data.strip():
            self.links[data.strip()] = self._href
            self._href = None


@pytest.mark.parametrize("page, name, path", [
    ("orgs/bow-youth/index.html", "Bow Youth Project", "orgs/bow-youth.md"),
    ("providers/hub/index.html", None, "providers/hub.md"),
])
def test_every_listing_page_links_to_the_form_and_the_editor(tmp_path: Path, form: dict,
                                                             page: str, name, path) -> None:
    out = tmp_path / "site"
    build_site(BASE_SITE, out, TODAY)
    parser = _Links()
    parser.feed((out / page).read_text(encoding="utf-8"))
    report = urlsplit(parser.links["Report a problem with this listing"])
    query = {key: values[0] for key, values in parse_qs(report.query).items()}
    assert report.path == "/thin/portal/issues/new"
    assert query["template"] == FORM.name
    assert query["file"] == path
    if name:
        assert query["listing"] == name
    assert {"listing", "file"} <= set(_fields(form)) and set(query) - {"template", "title"} <= set(
        _fields(form))
    assert parser.links["Suggest an edit to this listing"] == (
        f"https://git.example.org/thin/portal/edit/main/{path}")


def test_the_pull_request_template_is_a_checklist() -> None:
    text = PR_TEMPLATE.read_text(encoding="utf-8")
    assert text.count("<!--") == text.count("-->")
    html = markdown.markdown(text)
    items = re.findall(r"<li>\[ \] (.+?)</li>", html)
    assert len(items) >= 6
    assert any("phone number" in item for item in items)
    assert "<h2>Reviewer's checklist</h2>" in html

"""The phases of a document made in parts (`parts.Split`), with made-up renders: which
parts are laid out when, with which page numbers, and what happens when the contents
change length. No WeasyPrint here: the numbers are the point."""
from __future__ import annotations

import json

import pytest

from thin_build.printing import parts
from thin_build.printing.join import JoinError
from thin_build.printing.worker import Rendered

# Which anchors each kind of part prints the page number of.
NUMBERED = {"front": ("how-to-use", "a-to-z", "ward-index"), "back": ("o-x",)}
DATA = {"needs": [], "letters": [{"letter": "A", "anchor": "letter-a", "entries": [1, 2]}],
        "ward_index": [{"name": "Bow", "anchor": "ward-bow", "entries": [1]}]}


def html_of(part: dict, page_of) -> str:
    numbers = {anchor: page_of(anchor) for anchor in NUMBERED.get(part["kind"], ())}
    return json.dumps({**part, "numbers": numbers}, sort_keys=True)


def laid_out(job, front_pages: int = 3) -> Rendered:
    """What WeasyPrint would make of each part: the needs 1 page, the A–Z 5, the back 2."""
    part = json.loads(job[0])
    pages, anchors = {"needs": (1, {"support-by-need": 0}), "letters": (5, {"a-to-z": 0, "o-x": 3}),
                      "front": (front_pages, {"how-to-use": 1}), "back": (2, {"ward-index": 0}),
                      "footer": (part.get("pages", 0), {})}[part["kind"]]
    return Rendered(job[0].encode(), pages, anchors, (), frozenset({f"/{part['kind']}.css"}))


@pytest.fixture
def joined(monkeypatch):
    calls = []

    def join(rendered, footers, identifier):
        calls.append(([json.loads(r.data)["kind"] for r in rendered],
                      [json.loads(f.data) for f in footers], identifier))
        return b"joined"
    monkeypatch.setattr(parts, "join", join)
    return calls


def numbers(jobs) -> list[tuple[str, dict]]:
    return [(json.loads(html)["kind"], json.loads(html)["numbers"]) for html, _tagged in jobs]


def test_the_phases_and_their_page_numbers(joined):
    split = parts.Split(html_of, DATA, b"id")
    first = split.start()
    assert numbers(first) == [("needs", {}), ("letters", {}),
                              ("front", {"how-to-use": "888", "a-to-z": "888",
                                         "ward-index": "888"})]
    back = split.advance([laid_out(job) for job in first])
    # After the front's 3 pages and the needs' 1, o-x is on the A–Z's fourth page.
    assert numbers(back) == [("back", {"o-x": "8"})]
    last = split.advance([laid_out(job) for job in back])
    assert numbers(last) == [("front", {"how-to-use": "2", "a-to-z": "5", "ward-index": "10"}),
                             ("footer", {})]
    assert [tagged for _html, tagged in last] == [True, False]
    assert json.loads(last[1][0])["pages"] == 11 and json.loads(last[1][0])["total"] == 11
    assert split.advance([laid_out(job) for job in last]) == []
    assert split.entry.data == b"joined" and split.entry.pages == 11
    assert joined[0][0] == ["front", "needs", "letters", "back"] and joined[0][2] == b"id"
    assert split.served == {"/needs.css", "/letters.css", "/front.css", "/back.css",
                            "/footer.css"}


def test_a_front_that_changes_length_lays_out_the_back_again(joined):
    split = parts.Split(html_of, DATA, b"id")
    back = split.advance([laid_out(job) for job in split.start()])
    last = split.advance([laid_out(job) for job in back])
    again = split.advance([laid_out(job, front_pages=4) for job in last])
    assert numbers(again) == [("back", {"o-x": "9"})]  # one page later
    last = split.advance([laid_out(job, front_pages=4) for job in again])
    assert numbers(last)[0] == ("front", {"how-to-use": "2", "a-to-z": "6", "ward-index": "11"})
    assert split.advance([laid_out(job, front_pages=4) for job in last]) == []
    assert split.entry.pages == 12 and len(joined) == 1


def test_a_front_that_never_settles_is_refused(joined):
    split = parts.Split(html_of, DATA, b"id")
    jobs, pages = split.start(), 3
    with pytest.raises(JoinError, match="its contents changed length 3 times over"):
        for _round in range(10):
            jobs = split.advance([laid_out(job, pages) for job in jobs])
            if split.phase == "back":
                pages += 1
    assert joined == []


def test_an_anchor_no_part_has_is_refused_once_numbers_are_real():
    split = parts.Split(html_of, {**DATA, "letters": []}, b"id")
    jobs = split.start()  # no A–Z: the front still asks for a-to-z
    with pytest.raises(JoinError, match="nothing in the document has the anchor #o-x"):
        split.advance([laid_out(job) for job in jobs])

"""A directory-layout document rendered as parts on all cores, then joined (`join.py`).

WeasyPrint lays out one document on one core, and pages holding `target-counter`
(contents, indexes) three times: the full directory of 1,000 organisations took
nearly a minute. So `printing/directory.html` renders in parts, each a standalone
HTML document of the same template (`part` says which) and each laid out once:

1. the body, in parallel: "support by need" and the A–Z, cut at need and letter
   boundaries into runs of about `RUN_ENTRIES` entries, each part starting on a new
   page; with them the front (cover, how to use, contents) with placeholder page
   numbers, only to learn how many pages it takes;
2. the back (indexes of needs and wards, the ward index in runs of about
   `INDEX_LINES` lines), its page numbers now plain text from where phase 1's anchors
   landed, offset by the pages before them;
3. the front again with every number known, and the footers of all M pages (they say
   "Page N of M", known only now) as documents of their own (runs of `FOOTER_PAGES`),
   stamped on at the join.
   Should the front's length have changed, phases 2 and 3 run again with it.

`advance` is called with each phase's results and returns the next phase's jobs,
so the engine's pool interleaves the phases of many documents.
"""
from __future__ import annotations

from typing import Callable

from .cache import Entry
from .join import JoinError, join
from .worker import Rendered

RUN_ENTRIES = 100  # entries a body part: enough parts to keep every core busy
INDEX_LINES = 1200  # lines of the ward index a back part: it is on the critical path
FOOTER_PAGES = 160  # footers a footer part: two parts for a 300-page directory
PLACEHOLDER = "888"  # a page number before it is known: as wide as most real ones
ROUNDS = 3  # times the front may change length before the document is refused

Job = tuple[str, bool]  # (HTML, tagged): the footers are drawing only, not content
HtmlOf = Callable[[dict, Callable[[str], str]], str]  # (part, page_of) -> HTML


def runs(groups: list[dict], size: int) -> list[list[dict]]:
    """`groups` (needs or letters, each with `entries`) cut at group boundaries into
    runs of about `size` entries, each cut where the running count is nearest its share."""
    total = sum(len(group["entries"]) for group in groups)
    count = max(1, round(total / size))
    cut: list[list[dict]] = []
    run: list[dict] = []
    done = 0
    for group in groups:
        entries = len(group["entries"])
        target = total * (len(cut) + 1) / count
        if run and len(cut) < count - 1 and done + entries - target > target - done:
            cut.append(run)
            run = []
        run.append(group)
        done += entries
    return cut + [run] if run else cut


def back_parts(data: dict) -> list[dict]:
    """The indexes in order: the first part has the need index and the ward index's
    heading, each further part a run of wards."""
    wards = runs(data["ward_index"], INDEX_LINES) or [[]]
    return [{"kind": "back", "wards": run, "first": number == 0}
            for number, run in enumerate(wards)]


def footer_parts(total: int) -> list[dict]:
    """The footers of `total` pages in runs of about `FOOTER_PAGES`, numbered from 1."""
    count = max(1, round(total / FOOTER_PAGES))
    bounds = [1 + total * number // count for number in range(count + 1)]
    return [{"kind": "footer", "start": start, "pages": end - start, "total": total}
            for start, end in zip(bounds, bounds[1:])]


def body_parts(data: dict) -> list[dict]:
    """The body's parts in order; "support by need" always has one (its heading)."""
    needs = runs(data["needs"], RUN_ENTRIES) or [[]]
    return ([{"kind": "needs", "needs": run, "first": number == 0}
             for number, run in enumerate(needs)]
            + [{"kind": "letters", "letters": run, "first": number == 0}
               for number, run in enumerate(runs(data["letters"], RUN_ENTRIES))])


class Split:
    """The phases of one document; `entry` and `served` once `advance` returns no jobs."""

    def __init__(self, html_of: HtmlOf, data: dict, identifier: bytes):
        self.html_of, self.identifier = html_of, identifier
        self.body_parts, self.back_parts = body_parts(data), back_parts(data)
        self.body: list[Rendered] = []
        self.front: Rendered | None = None
        self.back: list[Rendered] = []
        self.phase, self.rounds = "body", 0
        self.entry: Entry | None = None
        self.served: set[str] = set()

    def start(self) -> list[Job]:
        placeholder = self._page_of(strict=False)
        return ([(self.html_of(part, placeholder), True) for part in self.body_parts]
                + [(self.html_of({"kind": "front"}, placeholder), True)])

    def advance(self, results: list[Rendered]) -> list[Job]:
        for result in results:
            self.served |= result.served
        if self.phase == "body":
            self.body, self.front = results[:-1], results[-1]
            return self._back_jobs()
        if self.phase == "back":
            self.back = results
            self.phase = "front"
            pages = sum(part.pages for part in (self.front, *self.body, *self.back))
            page_of = self._page_of(strict=True)
            return [(self.html_of({"kind": "front"}, page_of), True)] + [
                (self.html_of(part, page_of), False) for part in footer_parts(pages)]
        front, *footers = results
        if (front.pages, front.anchors) != (self.front.pages, self.front.anchors):
            self.front = front  # its numbers moved pages: lay out what follows again
            return self._back_jobs()
        self.entry = Entry(join([front, *self.body, *self.back], footers, self.identifier),
                           sum(footer.pages for footer in footers))
        return []

    def _back_jobs(self) -> list[Job]:
        self.rounds += 1
        if self.rounds > ROUNDS:
            raise JoinError(f"its contents changed length {ROUNDS} times over")
        self.phase = "back"
        page_of = self._page_of(strict=True)
        return [(self.html_of(part, page_of), True) for part in self.back_parts]

    def _page_of(self, strict: bool) -> Callable[[str], str]:
        """Page numbers of the anchors laid out so far (front, body, back, in order);
        `strict` refuses an anchor no part has, else it gets the placeholder."""
        numbers: dict[str, int] = {}
        offset = 0
        for part in (self.front, *self.body, *self.back):
            if part is None:
                continue
            for name, index in part.anchors.items():
                numbers.setdefault(name, offset + index + 1)
            offset += part.pages

        def page_of(anchor: str) -> str:
            if anchor in numbers:
                return str(numbers[anchor])
            if strict:
                raise JoinError(f"nothing in the document has the anchor #{anchor}")
            return PLACEHOLDER
        return page_of

"""Checks over the toolkits once converted: something to use, and a believable review date."""
from __future__ import annotations

from typing import Iterable

from ..core.checking import Checking
from ..core.errors import Problem, error
from ..core.present import human_date


def check_toolkits(site: Checking) -> Iterable[Problem]:
    """Each toolkit has files or a link, and was not reviewed after the build's today."""
    for toolkit in site.records["toolkits"]:
        if not toolkit.files and not toolkit.link:
            yield error("missing-field", "a toolkit needs something to use: give `files` "
                        "(kept in toolkits/files/), a `link` (https://), or both",
                        site.raw[("toolkit", toolkit.slug)].location)
        if toolkit.last_reviewed > site.today:
            yield error("future-date", f"`last_reviewed`: {toolkit.last_reviewed} is after "
                        f"today ({human_date(site.today)}); give the date it was last "
                        "checked", site.field_location("toolkit", toolkit.slug, "last_reviewed"))

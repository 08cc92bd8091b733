"""A scratch toolkit whose fields sit on known lines, for located messages."""
from __future__ import annotations

TOOLKIT_PATH = "toolkits/test-kit.md"
FILE_LINE = 10  # the line of `- file:` when one file is listed
LINK_LINE = 12  # the line of `link:` in `toolkit(link=...)`


def toolkit(file: str | None = "test-kit.pdf", *, link: str | None = None,
            author: str = "hub", reviewed: str = "2026-10-01") -> str:
    """A valid toolkit of the base site: `file` on line 10, `link` on line 12."""
    lines = ["---",                                   # 1
             "title: Test kit",                       # 2
             "type: fact sheet",                      # 3
             "topics: [funding]",                     # 4
             "stages: [stage-1]",                     # 5
             f"author: {author}",                     # 6
             "licence: Free to copy (CC BY 4.0)",     # 7
             f"last_reviewed: {reviewed}"]            # 8
    if file is not None:
        lines += ["files:", f"  - file: {file}", "    label: The sheet"]  # 9, 10, 11
    else:
        lines += ["# no files", "#", "#"]
    if link is not None:
        lines.append(f"link: {link}")                 # 12
    lines += ["---", "A short test sheet.", ""]
    return "\n".join(lines)

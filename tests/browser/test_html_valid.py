"""The Nu HTML Checker (vnu) finds no errors in the built site's HTML or CSS.

Valid markup matters beyond tidiness: assistive technology and axe both
depend on a well-formed DOM, and browsers repair invalid HTML differently.
Each call checks every file at once because each JVM start costs seconds.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from .support import VNU_JAR, fail_if_any, require, require_program

VNU_TIMEOUT_S = 600


def vnu_location(site: Path, message: dict[str, Any]) -> str:
    """``path:line`` of a vnu message, the path relative to ``site`` when it is inside it."""
    url = str(message.get("url", "?"))
    if url.startswith("file:"):
        file = Path(unquote(urlsplit(url).path)).resolve()
        if file.is_relative_to(site.resolve()):
            url = file.relative_to(site.resolve()).as_posix()
    return f"{url}:{message.get('lastLine', '?')}"


def vnu_messages(report: str) -> list[dict[str, Any]] | None:
    """The messages of vnu's JSON report, or None if ``report`` is not one."""
    try:
        messages: list[dict[str, Any]] = json.loads(report)["messages"]
    except (json.JSONDecodeError, KeyError, TypeError):
        return None
    return messages


def vnu_errors(site: Path, *args: str) -> list[str]:
    """Run vnu with ``args`` and return its errors as ``file:line: message`` lines.

    vnu writes its JSON report to stderr and exits 1 when it finds errors, so
    the exit code alone does not separate "invalid pages" from "vnu broke":
    anything that is not a JSON report fails the test with vnu's raw output.
    """
    java = require_program("java", "A Java runtime for the Nu HTML checker")
    jar = require(VNU_JAR, "vnu-jar")
    command = [java, "-jar", str(jar), "--errors-only", "--format", "json", *args]
    run = subprocess.run(
        command, capture_output=True, text=True, timeout=VNU_TIMEOUT_S, check=False
    )
    messages = vnu_messages(run.stderr)
    if messages is None:
        pytest.fail(
            f"vnu exited {run.returncode} without a JSON report:\n{run.stdout}{run.stderr}",
            pytrace=False,
        )
    return [f"{vnu_location(site, m)}: {m.get('type')}: {m.get('message')}" for m in messages]


def is_fragment(file: Path) -> bool:
    """An organisation's embed fragment (`orgs/<slug>/embed/events.html`), which other
    websites include: not a whole document, so test_site_themes.py checks it in one."""
    return file.parent.name == "embed" and not file.name.endswith("-frame.html")


def test_html_is_valid(built_site: Path) -> None:
    """Every .html page the build wrote passes vnu without errors."""
    pages = [str(p) for p in sorted(built_site.rglob("*.html")) if not is_fragment(p)]
    errors = vnu_errors(built_site, *pages)
    fail_if_any(errors, "HTML error(s) from vnu")


def test_css_is_valid(built_site: Path) -> None:
    """Every stylesheet the build wrote passes vnu's CSS checker without errors."""
    stylesheets = sorted(built_site.rglob("*.css"))
    if not stylesheets:
        pytest.skip("The built site has no .css files")
    errors = vnu_errors(built_site, "--css", *map(str, stylesheets))
    fail_if_any(errors, "CSS error(s) from vnu")

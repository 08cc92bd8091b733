"""Every `./run …` command the README and CONTRIBUTING.md show exists, with its options.

Coordinators copy these lines; a renamed command or option must fail here, not in
front of them. Each line is checked against the command's own `--help`, which click
builds from the real options, so nothing is run and the check is quick.
"""
from __future__ import annotations

import re
import shlex

import pytest
from click.testing import CliRunner

from tests.helpers import REPO
from thin_build.cli import main

DOCUMENTS = ("README.md", "CONTRIBUTING.md")
# `./run` commands that are the script's own rather than `thin`'s.
SCRIPT_COMMANDS = {"test", "bench"}
COMMAND = re.compile(r"\./run ([a-z][^`#|)>\n]*)")


def documented_commands() -> list[tuple[str, tuple[str, ...]]]:
    found = set()
    for name in DOCUMENTS:
        for match in COMMAND.finditer((REPO / name).read_text(encoding="utf-8")):
            words = shlex.split(match.group(1).replace("…", ""))
            if words and words[0] not in SCRIPT_COMMANDS and words[0] != "<command>":
                found.add((name, tuple(words)))
    return sorted(found)


def _command_path(words: tuple[str, ...]) -> list[str]:
    """The leading words that name a (sub)command: `report stale`, `import csv`, `build`."""
    group, path = main, []
    for word in words:
        commands = getattr(group, "commands", {})
        if word not in commands:
            break
        group = commands[word]
        path.append(word)
    return path


def test_the_documents_show_commands() -> None:
    shown = {words[0] for _, words in documented_commands()}
    assert {"validate", "build", "changes", "check-links", "report", "import"} <= shown


@pytest.mark.parametrize("document, words", documented_commands(),
                         ids=lambda value: " ".join(value) if isinstance(value, tuple) else value)
def test_each_documented_command_and_option_exists(document: str, words: tuple[str, ...]) -> None:
    path = _command_path(words)
    assert path, f"{document}: `./run {' '.join(words)}` names no thin command"
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    for option in (w.split("=")[0] for w in words if w.startswith("--")):
        assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", result.output), (
            f"{document}: `./run {' '.join(words)}`: {' '.join(path)} has no {option}")

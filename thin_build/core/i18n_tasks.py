"""What `thin i18n` does: extract the interface's strings, update each language, check them.

`extract` reads the portal's Python and templates as `babel.cfg` says (Jinja's i18n
extension, new-style gettext; `Translators:` comments become notes for translators)
into `translations/messages.pot`. `update` merges that template into every other
language's `.po`, keeping what is translated and marking changed strings fuzzy.
`check` is what the tests run: every catalogue fault (`messages.catalogue_problems`),
every English string a catalogue lacks, and every template string not marked at all.
Output is deterministic (fixed dates, sorted), so a rerun changes nothing.
"""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import write_po

from .errors import Location, Problem, error
from .i18n import Language
from .messages import TRANSLATIONS_DIR, catalogue_problems, po_path, read_catalogue
from .render import make_environment
from .unmarked import unmarked_strings

POT_PATH = f"{TRANSLATIONS_DIR}/messages.pot"
CONFIG = "babel.cfg"
COMMENT_TAGS = ("Translators:",)
# A fixed stamp: the files' headers change only when their messages do.
STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def _new_catalog(locale: str | None = None) -> Catalog:
    return Catalog(locale=locale, project="THIN Portal", version="1", fuzzy=False,
                   copyright_holder="THIN Portal contributors",
                   msgid_bugs_address="hello@thin.example.org", creation_date=STAMP,
                   revision_date=STAMP, last_translator="THIN Portal translators",
                   language_team=f"{locale} <hello@thin.example.org>" if locale else None)


def extract(source: Path) -> Catalog:
    """Every marked string in the portal's source (`source` holds `babel.cfg`)."""
    with (source / CONFIG).open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    template = _new_catalog()
    for filename, lineno, message, comments, context in extract_from_dir(
            str(source), method_map, options_map, keywords=DEFAULT_KEYWORDS,
            comment_tags=COMMENT_TAGS, strip_comment_tags=True):
        template.add(message, None, [(filename, lineno)], auto_comments=comments,
                     context=context)
    return template


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, sort_output=True, ignore_obsolete=True)
    return buffer.getvalue()


def write_template(source: Path, root: Path) -> Path:
    """`thin i18n extract`: write translations/messages.pot; returns its path."""
    target = root / POT_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(_po_bytes(extract(source)))
    return target


def update(source: Path, root: Path, languages: tuple[Language, ...]
           ) -> tuple[list[Path], list[Problem]]:
    """`thin i18n update`: each non-default language's `.po` brought up to the template.

    A `.po` that cannot be read is left alone and reported, never overwritten.
    """
    template = extract(source)
    written, problems = [], []
    for language in languages[1:]:
        path = po_path(language.code)
        if (root / path).is_file():
            catalog, read_problems = read_catalogue(root, path, language.locale)
            if catalog is None:
                problems.extend(read_problems)
                continue
        else:
            catalog = _new_catalog(language.locale)
        catalog.update(template, update_header_comment=False, update_creation_date=False)
        catalog.revision_date = STAMP
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(_po_bytes(catalog))
        written.append(root / path)
    return written, problems


def check(source: Path, root: Path, templates: Path,
          languages: tuple[Language, ...]) -> list[Problem]:
    """`thin i18n check`: every fault in the catalogues and every unmarked template string."""
    template = extract(source)
    problems: list[Problem] = []
    for language in languages[1:]:
        path = po_path(language.code)
        if not (root / path).is_file():
            problems.append(error("missing-catalogue", f"the language {language.code!r} has "
                                  f"no catalogue {path}; run `thin i18n update`",
                                  Location("content/site.yaml")))
            continue
        catalog, read_problems = read_catalogue(root, path, language.locale)
        problems.extend(read_problems)
        if catalog is None:
            continue
        problems.extend(catalogue_problems(catalog, path, complete=True,
                                           text=(root / path).read_text(encoding="utf-8")))
        for message in template:
            if message.id and catalog.get(message.id, message.context) is None:
                first = message.id if isinstance(message.id, str) else message.id[0]
                where = message.locations[0] if message.locations else ("", 1)
                problems.append(error("po-missing", f"{first!r} (from {where[0]}:{where[1]}) "
                                      f"is not in the catalogue; run `thin i18n update`, then "
                                      "translate it", Location(path)))
    try:
        shown_as = templates.resolve().relative_to(source.resolve()).as_posix()
    except ValueError:
        shown_as = templates.as_posix()
    problems.extend(unmarked_strings(make_environment(templates), templates, shown_as))
    return problems

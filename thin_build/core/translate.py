"""Translated content for a language's pages, and the checks on what files translate.

A language's pages are built from `localised(catalogue, code)`: the same catalogue
with every translatable field replaced by its translation where the file gives one.
Views never look translations up; they ask `text_lang(record, field)` whether a text
is still in the original language, so the page marks it `lang="en"` and says so.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Iterable, Iterator

from markupsafe import Markup

from .catalogue import Catalogue
from .checking import Checking
from .errors import Problem, error, warning
from .present import Link
from .site import SiteConfig
from .translatable import Translatable, Translation, Untranslated

# The fields that say when someone last checked an original (a listing, a toolkit).
ORIGINAL_DATES = ("last_verified", "last_reviewed")


def default_language(site: SiteConfig) -> str:
    """The code of the language the content is written in, published at `/`."""
    return site.languages[0].code


# What an incremental rebuild keeps between its builds: by (language, source language),
# each record's id → (the record, its localised form).
Localisations = dict[tuple[str, str], dict[int, tuple[Any, Any]]]


def localised(catalogue: Catalogue, code: str, kept: Localisations | None = None) -> Catalogue:
    """The catalogue as the pages in language `code` show it.

    The default language gets the catalogue unchanged. Otherwise every translatable
    field is replaced where a translation exists, and each record that still has text
    in the original language records which fields (`record.untranslated`). Slugs,
    references and order do not change, so every index built on them still holds.

    A record's localised form depends on the record alone, and an incremental rebuild
    gives back the very record objects of unchanged files (`core.validate.Conversions`),
    so with `kept` a record that is the same object as last time keeps its localised
    form: a rebuild localises the records that changed, not all of them. `kept` holds
    only this build's records afterwards (and holds them, so no id is reused).
    """
    source = default_language(catalogue.site)
    if code == source:
        return catalogue
    last = {} if kept is None else kept.get((code, source), {})
    now: dict[int, tuple[Any, Any]] = {}

    def local(value: Any) -> Any:
        known = last.get(id(value))
        made = known[1] if known is not None and known[0] is value else _localise(
            value, code, source)
        now[id(value)] = (value, made)
        return made

    localised_catalogue = Catalogue(
        site=_localise(catalogue.site, code, source),
        collections={name: tuple(map(local, items))
                     for name, items in catalogue.collections.items()},
        singles={name: local(value) for name, value in catalogue.singles.items()},
        media=catalogue.media, downloads=catalogue.downloads)
    if kept is not None:
        kept[code, source] = now
    return localised_catalogue


def text_lang(record: Any, *fields: str) -> str | None:
    """The language code to mark `fields` of `record` with (`lang="en"`), or None.

    None means the text is in the page's language (translated, or a page in the
    original language). With no `fields`, any untranslated field counts.
    """
    untranslated = getattr(record, "untranslated", None)
    if untranslated is None or (fields and untranslated.fields.isdisjoint(fields)):
        return None
    return untranslated.language


def name_link(record: Any, url: str) -> Link:
    """A link named by a record (an organisation, a term), carrying the language its name
    is still in, so a Bengali page marks an English name `lang="en"`."""
    return Link(record.name, url, text_lang(record, "name"))


def field_langs(record: Translatable) -> dict[str, str | None]:
    """The `lang` of each translatable field, for a page that shows several of them
    (`lang.summary` in its template), and `any` for its "not translated yet" note."""
    langs = {name: text_lang(record, name) for name in record.translations.fields}
    return langs | {"any": text_lang(record)}


def bdi(text: str, lang: str | None = None) -> Markup:
    """`text` isolated from the sentence it is put in: `{{ _("About %(name)s",
    name=org.name|bdi) }}`, so a Bengali name in an English sentence (or the reverse)
    keeps its own direction and the sentence's order. Escaped like any value."""
    if lang:
        return Markup('<bdi lang="{}">{}</bdi>').format(lang, text)
    return Markup("<bdi>{}</bdi>").format(text)


def _localise(value: Any, code: str, source: str) -> Any:
    """`value` with its own and its nested records' translations in `code` swapped in."""
    if isinstance(value, tuple):
        items = tuple(_localise(item, code, source) for item in value)
        return value if all(a is b for a, b in zip(items, value)) else items
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes = {}
    for spec in dataclasses.fields(value):
        old = getattr(value, spec.name)
        if isinstance(old, tuple) or dataclasses.is_dataclass(old):
            new = _localise(old, code, source)
            if new is not old:
                changes[spec.name] = new
    if isinstance(value, Translatable) and value.translations.fields:
        translation = value.translations.get(code)
        given = dict(translation.values) if translation else {}
        changes.update(given)
        missing = frozenset(name for name in value.translations.fields
                            if name not in given and getattr(value, name))
        if missing:
            changes["untranslated"] = Untranslated(source, missing)
    return dataclasses.replace(value, **changes) if changes else value


# What an incremental rebuild keeps of the translations check: each record's id →
# (the record, the translations found in it with their originals' dates).
Walked = dict[int, tuple[Any, tuple[tuple[Translation, Any], ...]]]


def check_translations(checking: Checking, kept: Walked | None = None) -> list[Problem]:
    """Every translation names a language of the site, and is no older than its original.

    A translation checked before the original was last verified may no longer say
    the same thing: a warning, so a coordinator asks a translator to look again.
    With `kept` (an incremental rebuild's, refilled with this check's), a record that
    is the same object as last time is not walked again for its translations.
    """
    if checking.site is None:
        return []
    source = default_language(checking.site)
    others = [language.code for language in checking.site.languages[1:]]
    original = checking.site.languages[0].name
    problems = []
    for translation, original_date in _translations(checking, kept):
        where = f"`{translation.path}`: "
        if translation.language == source:
            problems.append(error(
                "unknown-language", f"{where}`{source}` is the site's main language: write "
                "that text in the fields themselves", translation.location))
        elif translation.language not in others:
            problems.append(error(
                "unknown-language", f"{where}the site has no language `{translation.language}`;"
                f" configured: {', '.join(others) or 'none'} (languages are listed under "
                "`languages:` in content/site.yaml)", translation.location))
        elif original_date and (translation.last_verified is None
                                or translation.last_verified < original_date):
            when = (f"was last checked on {translation.last_verified.isoformat()}"
                    if translation.last_verified else "has no `last_verified` date")
            problems.append(warning(
                "translation-older", f"{where}translation older than the {original}: it {when}, "
                f"the original was verified on {original_date.isoformat()}; check the "
                f"translation and set its `last_verified`", translation.location))
    return problems


def _translations(checking: Checking,
                  kept: Walked | None) -> Iterator[tuple[Translation, Any]]:
    """(translation, the original's date) for every translation in the site."""
    values: list[Any] = [checking.site, *checking.singles.values()]
    for items in (*checking.records.values(), *checking.taxonomies.values()):
        values.extend(items)
    last = dict(kept or {})
    if kept is not None:
        kept.clear()
    for value in values:
        known = last.get(id(value))
        found = known[1] if known is not None and known[0] is value else tuple(
            _walk(value, None, {}))
        if kept is not None:
            kept[id(value)] = (value, found)
        yield from found


def _walk(value: Any, verified: Any, checked: dict[str, Any]
          ) -> Iterable[tuple[Translation, Any]]:
    """Translations in `value` and its nested records (a provider's services).

    A nested part shares the enclosing record's dates: the original's `last_verified`
    and, where its translation gives none, the enclosing translation's in that
    language, so a translator dates a whole file once.
    """
    if isinstance(value, tuple):
        for item in value:
            yield from _walk(item, verified, checked)
        return
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return
    verified = next((getattr(value, name) for name in ORIGINAL_DATES
                     if getattr(value, name, None)), verified)
    if isinstance(value, Translatable):
        checked = dict(checked)
        for translation in value.translations.languages:
            if translation.last_verified is None and translation.language in checked:
                translation = dataclasses.replace(
                    translation, last_verified=checked[translation.language])
            checked[translation.language] = translation.last_verified
            yield translation, verified
    for spec in dataclasses.fields(value):
        if spec.name not in ("translations", "untranslated"):
            yield from _walk(getattr(value, spec.name), verified, checked)

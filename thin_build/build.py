"""The library API: check and build a site. Never prints, never exits.

`check_site` runs load → validate; `build_site` carries on through the build steps,
rendering and the atomic write. Both take the registry of capabilities (the portal's
own by default), so the core stages are told what to load, check and build. The CLI
and the preview server are thin layers over these two functions.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Mapping

from .capabilities import PORTAL
from .core import urls
from .core.catalogue import Catalogue
from .core.content_cache import ContentCache, Memory, open_cache
from .core.errors import ContentError, Problem, sorted_problems
from .core.guide import published_schemas
from .core.i18n import Language, speaking
from .core.load import MEDIA_DIR, heap_frozen, load_repository
from .core.markup import caching as markup_caching
from .core.memo import Memos
from .core.messages import load_translations
from .core.parallel import resolve_jobs
from .core.plan import BuildInputs
from .core.registry import Registry
from .core.render import Frame, Layout, compile_templates, make_environment, make_layout
from .core.sitemap import robots_txt, sitemap_xml
from .core.steps import StepOutput, run_language, run_step
from .core.timings import Timings
from .core.translate import Localisations, localised
from .core.validate import Conversions, validate
from .core.write import OutputTree

__all__ = ["BuildResult", "DEFAULT_TEMPLATES", "Prepared", "StepOutput", "build_prepared",
           "build_site", "caching", "check_site", "language_pass", "prepare_build",
           "resolve_today", "run_step", "shared_files"]

# The portal's own templates, used when a content repository has no templates/ of its own.
DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True)
class BuildResult:
    catalogue: Catalogue
    problems: tuple[Problem, ...]
    pages: int
    files: int
    out: Path
    steps: tuple["StepOutput", ...] = ()  # what each step wrote, for incremental rebuilds
    # Wall seconds by stage (`load`, `validate`, `step:<name>`, `render`…, `total`).
    timings: tuple[tuple[str, float], ...] = ()
    jobs: int = 1  # processes that rendered the pages


def resolve_today(today: dt.date | None = None) -> dt.date:
    """"Today" for freshness: given, else from SOURCE_DATE_EPOCH, else the clock."""
    if today is not None:
        return today
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def check_site(root: Path, today: dt.date | None = None, registry: Registry = PORTAL, *,
               cache: bool = True) -> tuple[Catalogue | None, list[Problem]]:
    """Load and validate everything, the languages' catalogues too; the catalogue is None
    when there is any error. `cache=False` parses every file afresh (see `caching`)."""
    with caching(Path(root), cache) as contents:
        _loaded, catalogue, problems, _translations = _checked(
            Path(root), resolve_today(today), registry, cache=contents)
    return catalogue, problems


@contextlib.contextmanager
def caching(root: Path, enabled: bool = True,
            memory: Memory | None = None) -> Iterator[ContentCache | None]:
    """The content cache of `root` (`core.content_cache`) for loading and Markdown within
    this block, written back at its end; None when `enabled` or `THIN_CACHE=0` says no.
    The output is the same bytes with it or without it. `memory`: an incremental
    rebuild's decoded files, kept between its builds (`ContentCache`)."""
    cache = open_cache(root, enabled, memory)
    try:
        with markup_caching(cache):
            yield cache
    finally:
        if cache is not None:
            cache.save()


def _checked(root: Path, today: dt.date, registry: Registry, clock: Timings | None = None,
             cache: ContentCache | None = None, reuse: Conversions | None = None):
    """(loaded files, catalogue or None, sorted problems, the languages' translations)."""
    clock = clock or Timings()
    with clock.stage("load"):
        loaded = load_repository(root, registry.sources(), cache)
    with clock.stage("validate"):
        catalogue, problems = validate(loaded, registry, today, reuse)
    translations: dict = {}
    if catalogue is not None:
        with clock.stage("translations"):
            translations, catalogue_problems = load_translations(root,
                                                                 catalogue.site.languages)
        if catalogue_problems:
            catalogue, problems = None, problems + catalogue_problems
    return loaded, catalogue, sorted_problems(problems), translations


@dataclass(frozen=True)
class Prepared:
    """Everything a build has before its first step runs: the validated catalogue, the
    languages' translations, the page frame. Shared by `build_site` and an incremental
    rebuild (`incremental.Rebuilder`), so both make the same pages from the same parts."""

    root: Path
    out: Path
    today: dt.date
    pdf: bool
    registry: Registry
    catalogue: Catalogue
    problems: tuple[Problem, ...]
    translations: dict
    templates: Path
    frame: Frame
    schemas: tuple
    neutral: frozenset[str]  # files every language shares, before any step adds its own
    # (kind, file, slug) of every record read: which file each record came from.
    sources: tuple[tuple[str, str, str], ...]
    # The last build's localised records, kept by an incremental rebuild (`localised`).
    localisations: Localisations | None = None
    # Values worked out per record (`core.memo`): new for each build, unless an
    # incremental rebuild keeps its own between builds.
    memos: Memos = field(default_factory=Memos)

    @property
    def languages(self) -> tuple[Language, ...]:
        return self.catalogue.site.languages


def prepare_build(root: Path, out: Path | None = None, today: dt.date | None = None,
                  registry: Registry = PORTAL, *, pdf: bool = True,
                  clock: Timings | None = None, cache: ContentCache | None = None,
                  frame: Frame | None = None, reuse: Conversions | None = None,
                  localisations: Localisations | None = None,
                  memos: Memos | None = None) -> Prepared:
    """Load, validate and set up the page frame; ContentError when anything is wrong.

    `frame` is an earlier build's, kept by an incremental rebuild when neither the
    templates nor the site settings changed: its templates are compiled already; so
    are its records' conversions, in `reuse` (`core.validate.Conversions`), and their
    localised forms, in `localisations` (`core.translate.localised`), and the values
    worked out from them, in `memos` (`core.memo`)."""
    root = Path(root)
    today = resolve_today(today)
    clock = clock or Timings()
    loaded, catalogue, problems, translations = _checked(root, today, registry, clock, cache,
                                                         reuse)
    if catalogue is None:
        raise ContentError(problems)
    templates = root / "templates" if (root / "templates").is_dir() else DEFAULT_TEMPLATES
    stylesheet = (templates / "static" / "site.css").read_bytes()
    with clock.stage("templates"):
        if frame is None:
            frame = Frame(make_environment(templates), registry.contributions(),
                          hashlib.sha256(stylesheet).hexdigest()[:10],
                          catalogue.site.languages)
            compile_templates(frame.env)
    schemas = tuple(published_schemas(registry, catalogue))
    return Prepared(root, Path(out) if out is not None else root / "site", today, pdf,
                    registry, catalogue, tuple(problems), translations, templates, frame,
                    schemas, frozenset({schema.path for schema in schemas}
                                       | set(catalogue.downloads)),
                    tuple((r.kind, r.path, r.slug) for r in loaded.records), localisations,
                    Memos() if memos is None else memos)


@contextlib.contextmanager
def language_pass(prep: Prepared, language: Language, neutral: set[str],
                  only: Mapping[str, frozenset[str]] | None = None
                  ) -> Iterator[tuple[BuildInputs, Layout]]:
    """One language current (`core.i18n.speaking`) with its URLs prefixed
    (`core.urls.publishing`): the default language at `/`, the others at `/<code>/`."""
    languages = prep.languages
    edition = urls.Edition(urls.language_prefix(language.code, languages[0].code),
                           frozenset(neutral), prep.registry.neutral_sections)
    with speaking(prep.translations[language.code], language), urls.publishing(edition):
        inputs = BuildInputs(localised(prep.catalogue, language.code, prep.localisations),
                             prep.today,
                             prep.frame.contributions, root=prep.root,
                             templates=prep.templates, pdf=prep.pdf, only=only,
                             unlocalised=prep.catalogue, memos=prep.memos)
        yield inputs, make_layout(inputs.catalogue, prep.frame.contributions,
                                  prep.frame.stylesheet_version, languages)


def shared_files(prep: Prepared,
                 sitemap_paths: list[str]) -> Iterator[tuple[str, bytes | str | Path]]:
    """The files the build writes outside its steps, as (site path, data or source file):
    schemas, static assets, media, downloads, the sitemap and robots.txt."""
    catalogue, static = prep.catalogue, prep.templates / "static"
    for schema in prep.schemas:
        yield schema.path, schema.data
    for asset in sorted(static.rglob("*")):
        if asset.is_file() and not asset.is_symlink():
            yield urls.static(asset.relative_to(static).as_posix()).lstrip("/"), asset
    for media in catalogue.media:
        yield urls.media(media).lstrip("/"), prep.root / MEDIA_DIR / media
    for download in catalogue.downloads:  # published at their repository paths
        yield download, prep.root / download
    yield "sitemap.xml", sitemap_xml(catalogue.site.base_url, sitemap_paths)
    yield "robots.txt", robots_txt(catalogue.site.base_url)


def build_site(root: Path, out: Path | None = None, today: dt.date | None = None,
               registry: Registry = PORTAL, *, pdf: bool = True,
               jobs: int | None = None, cache: bool = True,
               wait: bool = True) -> BuildResult:
    """Build the whole site into `out` (default `root/site`), atomically.

    Every build step runs once per language in `site.yaml` (see `language_pass`).
    `pdf=False` leaves out the printable PDFs (the slowest step), for quick previews.
    `jobs` processes render the pages (`core.parallel`): None for `THIN_JOBS`, else one
    per core; 1 renders in this process. The output is the same bytes whatever it is,
    and whatever the content cache holds (`cache=False`: none, see `caching`).
    `wait=False` returns once the new site is in place, the old one still being deleted
    in the background (`OutputTree.commit`).

    Raises ContentError, with every problem, when the content or a language's catalogue
    does not validate, and BuildError when a page cannot be rendered; the previous
    output is then left exactly as it was.
    """
    clock = Timings()
    with caching(Path(root), cache) as contents:
        return build_prepared(prepare_build(root, out, today, registry, pdf=pdf, clock=clock,
                                            cache=contents), jobs=jobs, clock=clock, wait=wait)


def build_prepared(prep: Prepared, *, jobs: int | None = None,
                   clock: Timings | None = None, wait: bool = True,
                   digests: dict[str, bytes] | None = None,
                   file_digests: dict[str, bytes] | None = None) -> BuildResult:
    """The build steps, rendering and the atomic write of a prepared build; `digests`
    collects every page's plan digest, for an incremental rebuild to skip the pages
    whose plans stay the same (`core.steps.UnchangedSkipped`), and `file_digests` the
    digests of the other files (`core.write.OutputTree`), for it to compare with."""
    clock = clock or Timings()
    jobs = resolve_jobs(jobs)
    neutral = set(prep.neutral)
    steps: list[StepOutput] = []
    with OutputTree(prep.out, file_digests) as tree:
        for language in prep.languages:
            with contextlib.ExitStack() as current:
                with clock.stage("localise"):
                    inputs, layout = current.enter_context(language_pass(prep, language,
                                                                         neutral))
                # The pass's catalogue, layout and indexes, shared with its workers.
                current.enter_context(heap_frozen())
                steps += run_language(tree, prep.frame, layout, inputs, prep.registry,
                                      language, neutral, jobs, clock, digests)
        prep.memos.finish()
        with clock.stage("files"):
            sitemap = [url for step in steps for url in step.sitemap]
            for rel, data in shared_files(prep, sitemap):
                if isinstance(data, Path):
                    tree.copy(rel, data)
                else:
                    tree.write(rel, data)
        files = len(tree.written)
        with clock.stage("commit"):
            tree.commit(wait)
    clock.add("total", clock.elapsed())
    return BuildResult(prep.catalogue, prep.problems, sum(step.pages for step in steps),
                       files, prep.out, tuple(steps), clock.items(), jobs)

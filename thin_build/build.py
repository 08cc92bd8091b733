"""The library API: check and build a site. Never prints, never exits.

`check_site` runs load → validate; `build_site` carries on through the build steps,
rendering and the atomic write. Both take the registry of capabilities (the portal's
own by default), so the core stages are told what to load, check and build. The CLI
and the preview server are thin layers over these two functions.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .capabilities import PORTAL
from .core import urls
from .core.catalogue import Catalogue
from .core.errors import ContentError, Problem, sorted_problems
from .core.guide import published_schemas
from .core.i18n import Language, speaking
from .core.load import MEDIA_DIR, load_repository
from .core.messages import load_translations
from .core.plan import BuildInputs
from .core.registry import Registry
from .core.render import Frame, make_environment, make_layout, render_page
from .core.sitemap import robots_txt, sitemap_xml
from .core.translate import localised
from .core.validate import validate
from .core.write import OutputFile, OutputTree

# The portal's own templates, used when a content repository has no templates/ of its own.
DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True)
class BuildResult:
    catalogue: Catalogue
    problems: tuple[Problem, ...]
    pages: int
    files: int
    out: Path


def resolve_today(today: dt.date | None = None) -> dt.date:
    """"Today" for freshness: given, else from SOURCE_DATE_EPOCH, else the clock."""
    if today is not None:
        return today
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def check_site(root: Path, today: dt.date | None = None,
               registry: Registry = PORTAL) -> tuple[Catalogue | None, list[Problem]]:
    """Load and validate everything, the languages' catalogues too; the catalogue is None
    when there is any error."""
    loaded = load_repository(Path(root), registry.sources())
    catalogue, problems = validate(loaded, registry, resolve_today(today))
    if catalogue is not None:
        _translations, catalogue_problems = load_translations(Path(root),
                                                              catalogue.site.languages)
        if catalogue_problems:
            catalogue, problems = None, problems + catalogue_problems
    return catalogue, sorted_problems(problems)


def build_site(root: Path, out: Path | None = None, today: dt.date | None = None,
               registry: Registry = PORTAL, *, pdf: bool = True) -> BuildResult:
    """Build the whole site into `out` (default `root/site`), atomically.

    Every build step runs once per language in `site.yaml`, with that language current
    (`core.i18n.speaking`) and its URLs prefixed (`core.urls.publishing`): the default
    language at `/`, the others at `/<code>/`. `pdf=False` leaves out the printable PDFs
    (the slowest step), for quick previews.

    Raises ContentError, with every problem, when the content or a language's catalogue
    does not validate; the previous output is then left exactly as it was.
    """
    root = Path(root)
    today = resolve_today(today)
    catalogue, problems = check_site(root, today, registry)
    if catalogue is None:
        raise ContentError(problems)
    languages = catalogue.site.languages
    translations, _checked_above = load_translations(root, languages)
    out = Path(out) if out is not None else root / "site"
    templates = root / "templates" if (root / "templates").is_dir() else DEFAULT_TEMPLATES
    static = templates / "static"
    stylesheet = (static / "site.css").read_bytes()
    frame = Frame(make_environment(templates), registry.contributions(),
                  hashlib.sha256(stylesheet).hexdigest()[:10], languages)
    schemas = list(published_schemas(registry, catalogue))
    # Files every language shares; language-neutral capabilities add theirs in the first pass.
    neutral = {schema.path for schema in schemas} | set(catalogue.downloads)
    sitemap_paths: list[str] = []
    pages = 0
    with OutputTree(out) as tree:
        for language in languages:
            edition = urls.Edition(urls.language_prefix(language.code, languages[0].code),
                                   frozenset(neutral))
            with speaking(translations[language.code], language), urls.publishing(edition):
                inputs = BuildInputs(localised(catalogue, language.code), today,
                                     frame.contributions, root=root,
                                     templates=templates, pdf=pdf)
                pages += _build_language(tree, frame, inputs, registry, language, neutral,
                                         sitemap_paths)
        for schema in schemas:
            tree.write(schema.path, schema.data)
        for asset in sorted(static.rglob("*")):
            if asset.is_file() and not asset.is_symlink():
                tree.copy(urls.static(asset.relative_to(static).as_posix()).lstrip("/"), asset)
        for media in catalogue.media:
            tree.copy(urls.media(media).lstrip("/"), root / MEDIA_DIR / media)
        for download in catalogue.downloads:  # published at their repository paths
            tree.copy(download, root / download)
        tree.write("sitemap.xml", sitemap_xml(catalogue.site.base_url, sitemap_paths))
        tree.write("robots.txt", robots_txt(catalogue.site.base_url))
        files = len(tree.written)
        tree.commit()
    return BuildResult(catalogue, tuple(problems), pages, files, out)


def _build_language(tree: OutputTree, frame: Frame, inputs: BuildInputs, registry: Registry,
                    language: Language, neutral: set[str], sitemap_paths: list[str]) -> int:
    """One language's pass: every step's pages and files, under the language's prefix.

    A language-neutral capability's files are written in the first (default) pass only,
    and remembered in `neutral` so the later passes link to them without a prefix.
    """
    first = language == frame.languages[0]
    layout = make_layout(inputs.catalogue, frame.contributions, frame.stylesheet_version,
                         frame.languages)
    pages = 0
    for capability in registry.capabilities:
        for step in capability.steps:
            for item in step(inputs):
                if isinstance(item, OutputFile):
                    if not capability.language_neutral_files:
                        tree.write(urls.localised("/" + item.path).lstrip("/"), item.data)
                    elif first:
                        neutral.add(item.path)
                        tree.write(item.path, item.data)
                    continue
                url = urls.localised(item.url)
                tree.write(urls.output_file(url), render_page(frame.env, layout, item))
                pages += 1
                if item.in_sitemap:
                    sitemap_paths.append(url)
    return pages

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
from .core.load import MEDIA_DIR, load_repository
from .core.plan import BuildInputs
from .core.registry import Registry
from .core.render import make_environment, make_layout, render_page
from .core.sitemap import robots_txt, sitemap_xml
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
    """Load and validate everything; the catalogue is None when there is any error."""
    loaded = load_repository(Path(root), registry.sources())
    catalogue, problems = validate(loaded, registry, resolve_today(today))
    return catalogue, sorted_problems(problems)


def build_site(root: Path, out: Path | None = None, today: dt.date | None = None,
               registry: Registry = PORTAL, *, pdf: bool = True) -> BuildResult:
    """Build the whole site into `out` (default `root/site`), atomically.

    `pdf=False` leaves out the printable PDFs (the slowest step), for quick previews.

    Raises ContentError, with every problem, when the content does not validate; the
    previous output is then left exactly as it was.
    """
    root = Path(root)
    today = resolve_today(today)
    catalogue, problems = check_site(root, today, registry)
    if catalogue is None:
        raise ContentError(problems)
    out = Path(out) if out is not None else root / "site"
    templates = root / "templates" if (root / "templates").is_dir() else DEFAULT_TEMPLATES
    static = templates / "static"
    stylesheet = (static / "site.css").read_bytes()
    contributions = registry.contributions()
    layout = make_layout(catalogue, contributions, hashlib.sha256(stylesheet).hexdigest()[:10])
    env = make_environment(templates)
    inputs = BuildInputs(catalogue, today, contributions, root=root, templates=templates, pdf=pdf)
    sitemap_paths, pages = [], 0
    with OutputTree(out) as tree:
        for step in registry.steps:
            for item in step(inputs):
                if isinstance(item, OutputFile):
                    tree.write(item.path, item.data)
                    continue
                tree.write(urls.output_file(item.url), render_page(env, layout, item))
                pages += 1
                if item.in_sitemap:
                    sitemap_paths.append(item.url)
        for schema in published_schemas(registry, catalogue):
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

"""The only way WeasyPrint reads a file: site URLs mapped onto the project's folders.

A PDF is built from content, and content must never make the build read
`/etc/passwd`, call a cloud metadata address or follow `../..` out of the project.
Templates name assets by their site URLs (`/static/...`, `/media/logo.png`,
`/print-styles/print.css` for templates/printing/styles),
which resolve against the base `file:///` to `file:///static/...`; this fetcher maps
those prefixes onto their folders, draws the flyers' QR codes (`/qr-codes/`, from the
address in their URL: `qr.py`) and refuses everything else:
other `file:` paths, any path that resolves (links included) outside its folder,
`http:`, `https:`, any other scheme, and `data:` URLs over a size limit. A refusal
stops the render (a fatal error), so a refused asset is never silently left out.
"""
from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import urlopen

import segno
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from .qr import QR_PREFIX, NotACode, address_of, qr_svg

BASE_URL = "file:///"
DATA_URL_LIMIT = 256 * 1024  # characters of a data: URL, about 190 KB of image
ASSET_LIMIT = 20 * 1024 * 1024  # one image or stylesheet


class Refused(FatalURLFetchingError):
    """A URL the PDF step may not read; the message says which and why."""


def site_folders(templates: Path, root: Path | None) -> dict[str, Path]:
    """The folders a PDF may read, by the site URL prefix they are published at."""
    # The print stylesheets are not published with the site (WeasyPrint's own properties
    # are not web CSS), so they have a prefix of their own.
    folders = {"/static/": templates / "static",
               "/print-styles/": templates / "printing" / "styles"}
    if root is not None:
        folders["/media/"] = root / "content" / "media"
    return folders


def resolve(url: str, folders: dict[str, Path]) -> Path:
    """The file a `file:` URL names inside one of `folders`, or `Refused`."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        raise Refused(f"{url[:80]}: only the project's own files may be used in a PDF")
    path = unquote(parts.path)
    for prefix, folder in folders.items():
        if path.startswith(prefix):
            base = folder.resolve()
            target = (base / path[len(prefix):]).resolve()
            if target.is_relative_to(base) and target.is_file():
                return target
            break
    raise Refused(f"{url[:80]}: not a file in templates/static or content/media")


def _qr_address(url: str) -> str | None:
    """The address of a flyer's QR code image URL (`qr.qr_image_url`), else None."""
    parts = urlsplit(url)
    if parts.scheme != "file" or not unquote(parts.path).startswith(QR_PREFIX):
        return None
    try:
        return address_of(unquote(parts.path))
    except NotACode as error:
        raise Refused(str(error)) from None


def asset_digest(url: str, folders: dict[str, Path]) -> str:
    """What the cache compares: the bytes behind a URL, or "" if it is now refused.
    A QR code is drawn from its URL alone, so the URL and segno's version stand for it."""
    if url.startswith("data:"):
        return hashlib.sha256(url.encode()).hexdigest()
    try:
        if _qr_address(url) is not None:
            return hashlib.sha256(f"{segno.__version__} {url}".encode()).hexdigest()
        return hashlib.sha256(resolve(url, folders).read_bytes()).hexdigest()
    except (Refused, OSError):
        return ""


class ProjectFetcher(URLFetcher):
    """WeasyPrint's fetcher limited to `folders`; it records every URL it served."""

    def __init__(self, folders: dict[str, Path]):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False,
                         fail_on_errors=True)
        self.folders = folders
        self.served: set[str] = set()

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            if len(url) > DATA_URL_LIMIT:
                raise Refused(f"a data: URL of {len(url):,} characters is over the "
                              f"limit of {DATA_URL_LIMIT:,}")
            with urlopen(url) as response:  # data: only, decoded by urllib
                body, kind = response.read(), response.headers.get_content_type()
        elif (address := _qr_address(url)) is not None:
            body, kind = qr_svg(address), "image/svg+xml"
        else:
            path = resolve(url, self.folders)
            if path.stat().st_size > ASSET_LIMIT:
                raise Refused(f"{url[:80]}: over the {ASSET_LIMIT // 2**20} MB limit for a file")
            body = path.read_bytes()
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.served.add(url)
        return URLFetcherResponse(url, body, {"Content-Type": kind})

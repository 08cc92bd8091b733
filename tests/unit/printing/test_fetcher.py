"""The PDF step reads only the project's own files, whatever a template or content names."""
from __future__ import annotations

import base64
from urllib.parse import urljoin

import pytest
from weasyprint import HTML

from thin_build.printing.fetcher import (
    BASE_URL,
    DATA_URL_LIMIT,
    ProjectFetcher,
    Refused,
    asset_digest,
    resolve,
)
from thin_build.printing.qr import qr_image_url, qr_svg


@pytest.fixture
def project(tmp_path):
    static = tmp_path / "templates" / "static"
    media = tmp_path / "content" / "media"
    (static / "print").mkdir(parents=True)
    media.mkdir(parents=True)
    (static / "print" / "print.css").write_text("p { color: #000 }", encoding="utf-8")
    (media / "logo.png").write_bytes(b"\x89PNG fake")
    (tmp_path / "secret.txt").write_text("not for PDFs", encoding="utf-8")
    (media / "link.png").symlink_to(tmp_path / "secret.txt")
    return {"/static/": static, "/media/": media}


@pytest.mark.parametrize("url, reason", [
    ("file:///etc/passwd", "not a file in templates/static or content/media"),
    ("http://169.254.169.254/latest/meta-data/", "only the project's own files"),
    ("https://example.org/logo.png", "only the project's own files"),
    ("ftp://example.org/logo.png", "only the project's own files"),
    (urljoin(BASE_URL, "../../outside.png"), "not a file in templates/static or content/media"),
    ("file:///media/../../outside.png", "not a file in templates/static or content/media"),
    ("file:///media/%2e%2e/%2e%2e/secret.txt", "not a file in templates/static or content/media"),
    ("file:///media/link.png", "not a file in templates/static or content/media"),
    ("file://evil.example.org/static/print/print.css", "only the project's own files"),
    ("file:///static/print/missing.css", "not a file in templates/static or content/media"),
    ("file:///qr-codes/../../etc/passwd", "not a QR code image of the print step"),
    ("file:///qr-codes/zz.svg", "not a QR code image of the print step"),
    ("file:///qr-codes/6869.png", "not a QR code image of the print step"),
    ("file:///qr-codes/" + "61" * 1001 + ".svg", "not a QR code image of the print step"),
])
def test_the_fetcher_refuses_anything_outside_the_project(project, url, reason):
    with pytest.raises(Refused, match=reason):
        ProjectFetcher(project).fetch(url)
    with pytest.raises(Refused):
        resolve(url, project)


def test_the_fetcher_serves_static_files_and_media_by_site_url(project):
    fetcher = ProjectFetcher(project)
    css = fetcher.fetch(urljoin(BASE_URL, "/static/print/print.css"))
    assert css.read() == b"p { color: #000 }" and css.content_type == "text/css"
    logo = fetcher.fetch(urljoin(BASE_URL, "/media/logo.png"))
    assert logo.read() == b"\x89PNG fake" and logo.content_type == "image/png"
    assert fetcher.served == {"file:///static/print/print.css", "file:///media/logo.png"}


def test_data_urls_are_served_only_under_the_size_limit(project):
    small = "data:image/png;base64," + base64.b64encode(b"tiny").decode()
    assert ProjectFetcher(project).fetch(small).read() == b"tiny"
    big = "data:image/png;base64," + "A" * DATA_URL_LIMIT
    with pytest.raises(Refused, match=r"data: URL of 262,166 characters is over the limit"):
        ProjectFetcher(project).fetch(big)


def test_a_refused_image_stops_the_render_instead_of_being_left_out(project):
    html = '<img src="file:///etc/passwd" alt="">'
    with pytest.raises(Refused, match="file:///etc/passwd"):
        HTML(string=html, base_url=BASE_URL, url_fetcher=ProjectFetcher(project)).render()


def test_a_qr_code_is_drawn_from_its_url_alone(project):
    """The flyers' codes are not files: the fetcher draws the address their URL holds,
    and the cache's digest of one stands for what it draws."""
    address = "https://portal.example.org/orgs/bow-youth/?q=ব"
    url = urljoin(BASE_URL, qr_image_url(address))
    fetched = ProjectFetcher(project).fetch(url)
    assert fetched.content_type == "image/svg+xml"
    assert fetched.read() == qr_svg(address)
    assert asset_digest(url, project) == asset_digest(url, {})
    other = urljoin(BASE_URL, qr_image_url(address + "x"))
    assert asset_digest(other, project) not in ("", asset_digest(url, project))
    assert asset_digest("file:///qr-codes/zz.svg", project) == ""

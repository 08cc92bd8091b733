"""sitemap.xml and robots.txt, so search engines find every listing."""
from __future__ import annotations

from xml.sax.saxutils import escape


def sitemap_xml(base_url: str, paths: list[str]) -> str:
    base = base_url.rstrip("/")
    entries = "".join(f"  <url><loc>{escape(base + path)}</loc></url>\n" for path in sorted(paths))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{entries}</urlset>\n")


def robots_txt(base_url: str) -> str:
    return f"User-agent: *\nAllow: /\nSitemap: {base_url.rstrip('/')}/sitemap.xml\n"

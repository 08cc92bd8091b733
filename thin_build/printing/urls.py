"""Where the printable documents and their list live."""
from __future__ import annotations


def print_page() -> str:
    return "/print/"


def pdf(name: str) -> str:
    """A PDF's site path (no leading slash, as `OutputFile` and `PrintDocument` take it)."""
    return f"print/{name}.pdf"


def full_directory() -> str:
    return pdf("directory")


def provider_directory() -> str:
    """The provider directory, made in each language other than the site's own."""
    return pdf("directory-providers")

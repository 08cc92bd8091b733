"""QR codes for flyers: a listing's absolute address as a vector image.

A flyer on a noticeboard is read by a phone camera from a metre away, so the code
is an SVG (sharp at any print size) with the standard four-module quiet zone and at
least medium error correction (segno raises it when the address leaves room), so a
crease or a drawing pin over a corner still scans.

The flyer's HTML names the code by a URL holding the address (`qr_image_url`), and
the print fetcher draws it when WeasyPrint asks (`fetcher.ProjectFetcher`), in the
worker rendering that flyer. So the HTML, which the PDF cache keys on, is cheap to
make, and a build whose flyers all come from the cache draws no code: segno takes
about 14 ms a code, 15 s for the 1,100 flyers of 1,000 organisations.
"""
from __future__ import annotations

import io

import segno

QUIET_ZONE = 4  # modules of white around the code, as ISO/IEC 18004 asks
QR_PREFIX = "/qr-codes/"  # not a folder: the fetcher draws what is asked for
MAX_ADDRESS = 1000  # characters; far beyond any listing's address


class NotACode(ValueError):
    """A URL under QR_PREFIX that `qr_image_url` did not make."""


def qr_image_url(address: str) -> str:
    """The image URL of `address`'s QR code: its UTF-8 bytes in hex, so any address
    makes a safe path."""
    return f"{QR_PREFIX}{address.encode('utf-8').hex()}.svg"


def address_of(path: str) -> str:
    """The address a QR image path names, or `NotACode`."""
    name = path[len(QR_PREFIX):] if path.startswith(QR_PREFIX) else ""
    digits = name.removesuffix(".svg")
    if not name.endswith(".svg") or not digits or len(digits) > 2 * MAX_ADDRESS:
        raise NotACode(f"{path[:80]}: not a QR code image of the print step")
    try:
        return bytes.fromhex(digits).decode("utf-8")
    except ValueError as error:
        raise NotACode(f"{path[:80]}: not a QR code image of the print step") from error


def qr_svg(address: str) -> bytes:
    """The QR code for `address` as an SVG document, scalable (a viewBox, no size)."""
    out = io.BytesIO()
    segno.make(address, error="m", micro=False).save(
        out, kind="svg", xmldecl=False, nl=False, border=QUIET_ZONE, omitsize=True,
        dark="#000", light="#fff")
    return out.getvalue()

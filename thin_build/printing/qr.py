"""QR codes for flyers: a listing's absolute address as a vector image.

A flyer on a noticeboard is read by a phone camera from a metre away, so the code
is an SVG (sharp at any print size) with the standard four-module quiet zone and at
least medium error correction (segno raises it when the address leaves room), so a
crease or a drawing pin over a corner still scans. It is handed to the template as a
`data:` URI, which the print fetcher accepts under its size limit; nothing is fetched.
"""
from __future__ import annotations

import segno

QUIET_ZONE = 4  # modules of white around the code, as ISO/IEC 18004 asks


def qr_svg_uri(url: str) -> str:
    """A `data:image/svg+xml` URI of the QR code for `url`, scalable (a viewBox, no size)."""
    code = segno.make(url, error="m", micro=False)
    return code.svg_data_uri(border=QUIET_ZONE, omitsize=True, dark="#000", light="#fff")

"""Stable identifiers: a UUID for every Open Referral record, derived from slugs.

Open Referral UK wants a UUID for each record. Drawing them at random would renumber
the whole feed on every build, so each id is `uuid5(NAMESPACE, "<kind>/<slug>[/...]")`:
the same listing, service or term keeps its id for as long as its slug stays the same.
The namespace is fixed for this portal; changing it would renumber every record.
"""
from __future__ import annotations

import hashlib
import uuid
from functools import lru_cache

NAMESPACE = uuid.UUID("a7e5b3b8-24ec-407d-ac76-ef07ef718d24")
_PREFIX = hashlib.sha1(NAMESPACE.bytes)


@lru_cache(maxsize=1 << 16)  # terms' and listings' ids recur in every attribute
def oruk_id(*parts: str) -> str:
    """The id of the record named by `parts`, e.g. ("provider", "grantwise-east").

    Exactly `str(uuid.uuid5(NAMESPACE, "/".join(parts)))` (the tests compare), written
    out because a feed of 20,000 listings makes a million of them.
    """
    digest = _PREFIX.copy()
    digest.update("/".join(parts).encode("utf-8"))
    raw = bytearray(digest.digest()[:16])
    raw[6] = (raw[6] & 0x0F) | 0x50  # version 5
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

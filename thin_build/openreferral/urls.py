"""Where the Open Referral UK feed lives: static files shaped like the profile's API.

`/openreferral/services.json` is the first page of the service list and
`/openreferral/services/page-<n>.json` the n-th (n ≥ 2); the same for organizations,
taxonomies and taxonomy_terms. A single record is `/openreferral/services/<id>.json`.
"""
from __future__ import annotations

ROOT = "openreferral"


def list_page(collection: str, number: int) -> str:
    """The site-relative file of page `number` of a list ("services", "organizations"…)."""
    if number == 1:
        return f"{ROOT}/{collection}.json"
    return f"{ROOT}/{collection}/page-{number}.json"


def record(collection: str, record_id: str) -> str:
    return f"{ROOT}/{collection}/{record_id}.json"

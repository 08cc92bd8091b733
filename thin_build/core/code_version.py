"""The version of the code that made a cached result: one short hash, once a process.

Anything kept between builds (parsed content, converted Markdown, an incremental
rebuild's manifest) is only as good as the code that made it, so it is keyed by this
hash of every source file of the `thin_build` package, by path inside the package and
content (so moving the checkout keeps it), together with the versions of the libraries
whose output is cached: PyYAML and libyaml (parsing), Markdown and nh3 (rendering).
Changing any of them, even a comment, starts every cache afresh: a little extra work
once, never a result from older code.
"""
from __future__ import annotations

import functools
import hashlib
from importlib import metadata
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
LIBRARIES = ("PyYAML", "Markdown", "nh3")


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """16 hex digits naming this exact code and its parsing and rendering libraries."""
    digest = hashlib.sha256()
    for part in _library_versions():
        digest.update(part.encode() + b"\0")
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def _library_versions() -> list[str]:
    import yaml  # imported here: the version is all this module needs from it

    versions = [f"{name}={_installed(name)}" for name in LIBRARIES]
    libyaml = getattr(getattr(yaml, "_yaml", None), "get_version_string", None)
    versions.append(f"libyaml={libyaml() if libyaml else 'none'}")
    return versions


def _installed(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:  # pragma: no cover - a source checkout of a library
        return "unknown"

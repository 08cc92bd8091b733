"""The registry: the capabilities of one portal, and the views of them the core reads.

`thin_build/capabilities.py` builds the portal's registry (one line per capability);
the core stages take a `Registry` as an argument, so they never import a capability.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from .capability import Capability, Check, Kind, Source, Step, Taxonomy
from .contributions import Contributions
from .site import SITE
from .taxonomy import TAXONOMY_SOURCE

SITE_KIND = Kind("site", Source("content/site.yaml", (".yaml",), single_file=True), SITE,
                 collection="site", where="content/site.yaml")


@dataclass(frozen=True)
class Registry:
    """The capabilities of one portal, with the views of them the core stages need."""

    capabilities: tuple[Capability, ...]

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for cap in self.capabilities:
            missing = [name for name in cap.depends_on if name not in seen]
            if missing:
                raise ValueError(f"capability {cap.name!r} depends on {', '.join(missing)}, "
                                 "which must be registered before it")
            seen.add(cap.name)

    def sources(self) -> list[tuple[str, Source]]:
        """What the loader reads: every kind's file or folder, and the taxonomies."""
        kinds = self.kinds
        return ([(kinds[0].name, kinds[0].source), ("taxonomy", TAXONOMY_SOURCE)]
                + [(kind.name, kind.source) for kind in kinds[1:]])

    @property
    def kinds(self) -> tuple[Kind, ...]:
        """Every kind of file, the core's site settings first."""
        return (SITE_KIND,) + tuple(kind for cap in self.capabilities for kind in cap.kinds)

    @property
    def taxonomies(self) -> tuple[Taxonomy, ...]:
        return tuple(tax for cap in self.capabilities for tax in cap.taxonomies)

    @property
    def checks(self) -> tuple[Check, ...]:
        return tuple(check for cap in self.capabilities for check in cap.checks)

    @property
    def steps(self) -> tuple[Step, ...]:
        return tuple(step for cap in self.capabilities for step in cap.steps)

    @property
    def frame_reads(self) -> frozenset[str]:
        """What the frame every page is rendered in reads: the site settings, and what
        the capabilities' menu and footer contributions declare."""
        return frozenset({"site"}).union(*(cap.frame_reads for cap in self.capabilities))

    @property
    def sections(self) -> frozenset[str]:
        return frozenset().union(*(cap.sections for cap in self.capabilities))

    @property
    def neutral_sections(self) -> tuple[str, ...]:
        """`/<section>/` of each language-neutral capability: its files are the same in
        every language, so a page in any language links them without a prefix."""
        return tuple(sorted(f"/{section}/" for cap in self.capabilities
                            if cap.language_neutral_files for section in cap.sections))

    def kind(self, name: str) -> Kind:
        return next(kind for kind in self.kinds if kind.name == name)

    def contributions(self) -> Contributions:
        points: dict[str, list] = {}
        for cap in self.capabilities:
            for point, items in cap.contributes.items():
                points.setdefault(point, []).extend(items)
        return Contributions(MappingProxyType({k: tuple(v) for k, v in points.items()}))

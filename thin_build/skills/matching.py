"""Skills matching: who could help whom, found through an index of skills, never by pairs.

An organisation's partners are ranked by one rule (docs/skills.md):
1. mutual matches first (each offers something the other wants), then one-way ones
   (either side offers something the other wants);
2. then those sharing a ward with it;
3. then the nearest stage of development (same stage, then one stage apart…);
4. then by name as the A–Z sorts it, then by slug, so the order never depends on
   file order.
Only the first `MATCH_CAP` are kept. An organisation never matches itself, and a
closed one is left out.

Comparing every pair of organisations would be 400 million comparisons at 20,000.
Instead each organisation is filed once per skill, ward and stage in buckets already
in name order, so each bucket is a stream sorted by the rule; merging the streams an
organisation's own skills, wards and stages point to yields its partners best first,
and reading stops after `MATCH_CAP` of them. The work grows with the number of offers
and wants (`benchmarks/skills.py` prints it), not with the square of the organisations.
"""
from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator, Mapping

from ..core.catalogue import Catalogue
from ..directory.indexes import sort_key
from ..directory.model import Organisation

MATCH_CAP = 6  # partners shown per organisation: enough to choose from, short enough to read


@dataclass(frozen=True)
class Match:
    """A partner for one organisation and what each could give the other (skill slugs)."""

    partner: str
    gives: tuple[str, ...]  # what the partner offers that the organisation wants
    gets: tuple[str, ...]  # what the organisation offers that the partner wants
    shared_wards: tuple[str, ...]

    @property
    def mutual(self) -> bool:
        return bool(self.gives and self.gets)


@dataclass(frozen=True)
class SkillIndex:
    """Skill → organisations offering and wanting it, and each organisation's matches."""

    offered: Mapping[str, tuple[str, ...]]
    wanted: Mapping[str, tuple[str, ...]]
    matches: "Matches"

    @property
    def examined(self) -> int:
        """Candidates read while matching every organisation: the work, for the benchmark."""
        return self.matches.examined()


class _Buckets:
    """Organisations filed by skill (and the skill wanted back), ward and stage, in name
    order; ward None holds every organisation, the place of partners sharing no ward."""

    def __init__(self, orgs: list[Organisation], stage_of: Mapping[str, int]):
        self.stage_of = stage_of
        self.stages = sorted(set(stage_of.values()))
        self.one: dict[tuple, list] = defaultdict(list)
        self.both: dict[tuple, list] = defaultdict(list)
        for org in orgs:  # already in name order, so every bucket is
            item, stage = (*sort_key(org.name), org.slug), stage_of[org.slug]
            offers, wants = _skills(org.skills_offered), _skills(org.skills_wanted)
            for ward in (*org.wards, None):
                for skill in offers:
                    self.one["offers", skill, ward, stage].append(item)
                    for back in wants:
                        self.both[skill, back, ward, stage].append(item)
                for skill in wants:
                    self.one["wants", skill, ward, stage].append(item)

    def streams(self, org: Organisation) -> Iterator[Iterator[tuple]]:
        """Every bucket that can hold a partner of `org`, as a stream of ranking keys.

        A partner appears in several streams; its first appearance in the merge is its
        true rank, since a stream's key is never better than the partner really is.
        """
        offers, wants = _skills(org.skills_offered), _skills(org.skills_wanted)
        mine = self.stage_of[org.slug]
        for ward in (*org.wards, None):
            apart = 1 if ward is None else 0
            for stage in self.stages:
                near = abs(stage - mine)
                places = [(0, self.both, (skill, back, ward, stage))
                          for skill in wants for back in offers]
                places += [(1, self.one, ("offers", skill, ward, stage)) for skill in wants]
                places += [(1, self.one, ("wants", skill, ward, stage)) for skill in offers]
                for mutual, buckets, key in places:
                    if key in buckets:
                        yield _keyed((mutual, apart, near), buckets[key])


def _keyed(rank: tuple, bucket: list) -> Iterator[tuple]:
    return (rank + item for item in bucket)


def _skills(entries) -> tuple[str, ...]:
    return tuple(entry.skill for entry in entries)


class Matches(Mapping[str, tuple[Match, ...]]):
    """Organisation slug → its matches, for the organisations that have any, in name
    order; each organisation's found when first asked for. An incremental rebuild makes
    one organisation's page from the index, and needs its matches, not 20,000 others'."""

    def __init__(self, orgs: list[Organisation], buckets: _Buckets) -> None:
        self._orgs, self._buckets = orgs, buckets
        self._by_slug = {o.slug: o for o in orgs}
        self._found: dict[str, tuple[tuple[Match, ...], int]] = {}

    def _of(self, slug: str) -> tuple[tuple[Match, ...], int]:
        if slug not in self._found:
            org = self._by_slug.get(slug)
            self._found[slug] = ((), 0) if org is None else _matches_for(
                org, self._buckets, self._by_slug)
        return self._found[slug]

    def __getitem__(self, slug: str) -> tuple[Match, ...]:
        found = self._of(slug)[0]
        if not found:
            raise KeyError(slug)
        return found

    def __iter__(self) -> Iterator[str]:
        return (org.slug for org in self._orgs if self._of(org.slug)[0])

    def __len__(self) -> int:
        return sum(1 for _slug in self)

    def examined(self) -> int:
        return sum(self._of(org.slug)[1] for org in self._orgs)


def build_skill_index(cat: Catalogue) -> SkillIndex:
    """The index, once a build (`inputs.derived`); matches are found as they are asked for."""
    orgs = sorted((o for o in cat.orgs if o.status != "closed"),
                  key=lambda o: (sort_key(o.name), o.slug))
    stage_of = {o.slug: i for i, o in enumerate(cat.stages)}
    buckets = _Buckets(orgs, {o.slug: stage_of[o.stage] for o in orgs})
    return SkillIndex(_listed(orgs, "skills_offered"), _listed(orgs, "skills_wanted"),
                      Matches(orgs, buckets))


def _matches_for(org: Organisation, buckets: _Buckets,
                 by_slug: Mapping[str, Organisation]) -> tuple[tuple[Match, ...], int]:
    found: list[Match] = []
    seen, read = {org.slug}, 0
    for *_rank, slug in heapq.merge(*buckets.streams(org)):
        read += 1
        if slug in seen:
            continue
        seen.add(slug)
        found.append(_match(org, by_slug[slug]))
        if len(found) == MATCH_CAP:
            break
    return tuple(found), read


def _match(org: Organisation, partner: Organisation) -> Match:
    def common(offered, wanted) -> tuple[str, ...]:
        return tuple(sorted(set(_skills(offered)) & set(_skills(wanted))))
    return Match(partner.slug, common(partner.skills_offered, org.skills_wanted),
                 common(org.skills_offered, partner.skills_wanted),
                 tuple(sorted(set(org.wards) & set(partner.wards))))


def _listed(orgs: list[Organisation], field: str) -> dict[str, tuple[str, ...]]:
    """Skill → the organisations listing it in `field`, in name order."""
    out: dict[str, list[str]] = defaultdict(list)
    for org in orgs:
        for entry in getattr(org, field):
            out[entry.skill].append(org.slug)
    return {skill: tuple(slugs) for skill, slugs in sorted(out.items())}

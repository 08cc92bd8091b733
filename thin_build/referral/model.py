"""The agreed referral routes (`content/referrals.yaml`): one agreed agency per need."""
from __future__ import annotations

from dataclasses import dataclass

from ..core.translatable import Translatable


@dataclass(frozen=True, kw_only=True)
class GroupReferral(Translatable):
    """A different agreed agency for groups that work with one beneficiary group."""

    group: str
    agency: str
    explanation: str | None = None


@dataclass(frozen=True, kw_only=True)
class Referral(Translatable):
    """The agreed key referral agency for one support need (None: not agreed yet)."""

    need: str
    agency: str | None = None
    explanation: str
    by_group: tuple[GroupReferral, ...] = ()

    def for_group(self, group: str | None) -> GroupReferral | None:
        return next((g for g in self.by_group if g.group == group), None)


@dataclass(frozen=True, kw_only=True)
class ReferralAgreements:
    """content/referrals.yaml: who agreed the referral routes, and one entry per need."""

    agreed_by: str = ""
    agreements: tuple[Referral, ...] = ()

    def for_need(self, need: str) -> Referral | None:
        return next((r for r in self.agreements if r.need == need), None)

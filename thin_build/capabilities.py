"""The registry: every capability of the portal, one line each, dependencies first.

A capability is a package that declares itself in its `__init__.py`; adding one is a
new package and a line here (see docs/ARCHITECTURE.md, "Adding a capability").
"""
from __future__ import annotations

from .assessment import ASSESSMENT
from .calendar import CALENDAR
from .commissioning import COMMISSIONING
from .core.registry import Registry
from .directory import DIRECTORY
from .evidence import EVIDENCE
from .networks import NETWORKS
from .opendata import OPENDATA
from .openreferral import OPENREFERRAL
from .pages import PAGES
from .printing import PRINTING
from .projects import PROJECTS
from .referral import REFERRAL
from .review import REVIEW
from .search import SEARCH
from .sites import SITES
from .skills import SKILLS
from .surveys import SURVEYS
from .toolkits import TOOLKITS

PORTAL = Registry((
    DIRECTORY,
    PAGES,
    REFERRAL,
    CALENDAR,
    SITES,
    TOOLKITS,
    ASSESSMENT,
    COMMISSIONING,
    PRINTING,
    OPENDATA,
    OPENREFERRAL,
    EVIDENCE,
    SURVEYS,
    PROJECTS,
    NETWORKS,
    SKILLS,
    SEARCH,
    REVIEW,
))

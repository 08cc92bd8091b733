"""The coordinators' review tools: what a change does to the catalogue, and the reports.

Coordinators review pull requests and keep listings fresh; this room gives them
`thin changes` (records compared between two git revisions) and `thin report`
(listings due for review, likely duplicates, links to check). It publishes no pages:
the CLI calls it with the registry, so it stays below the composition root.
"""
from ..core.capability import Capability

REVIEW = Capability(
    name="review",
    depends_on=("directory", "referral", "opendata"),
)

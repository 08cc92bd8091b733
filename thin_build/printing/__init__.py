"""Printable PDFs for volunteers: the full directory, editions, flyers and the calendar.

One engine (`engine.py`) renders every `PrintDocument` contributed to the `DOCUMENTS`
point with WeasyPrint, from the site's own Jinja templates and a print stylesheet,
cached and across cores; `pages.py` publishes the PDFs and the /print/ page listing
them with size and page count. The full directory is `directory_pdf.py`; the ward,
need and large-print editions, flyers and calendar are their own modules, and
`links.py` puts each PDF's link on the pages it prints.
"""
from ..core.capability import Capability, Step
from ..core.i18n import N_
from ..core.present import Link
from ..core.render import FOOTER
from ..directory.listing_pages import ORG_PAGE, PROVIDER_PAGE
from ..directory.pages import A_TO_Z_PAGE, HOME_ROUTES, TERM_PAGE
from ..referral.pages import NEED_PAGE
from . import calendar_pdf, editions, flyers, links, urls
from .directory_pdf import directory_documents
from .documents import DOCUMENTS
from .pages import footer_link, org_flyers, print_files, provider_flyers

PRINTING = Capability(
    name="printing",
    depends_on=("directory", "referral", "calendar"),
    steps=(
        Step(print_files, reads=frozenset({
            "activities", "event_categories", "events", "groups", "history", "languages", "media",
            "needs", "networks", "orgs", "provider_types", "providers", "site", "stages", "today",
            "wards"})),
        Step(org_flyers, per="orgs", reads=frozenset({
            "activities", "event_categories", "events", "groups", "history", "languages", "media",
            "needs", "networks", "orgs", "provider_types", "providers", "site", "stages", "today",
            "wards"})),
        Step(provider_flyers, per="providers", reads=frozenset({
            "activities", "event_categories", "events", "groups", "history", "languages", "media",
            "needs", "networks", "orgs", "provider_types", "providers", "site", "stages", "today",
            "wards"})),
    ),
    sections=frozenset({"print"}),
    contributes={
        HOME_ROUTES: ((60, Link(N_("Printable directories and flyers (PDF)"), urls.print_page())),),
        FOOTER: (footer_link,),
        DOCUMENTS: (directory_documents, editions.edition_documents, flyers.flyer_documents,
                    calendar_pdf.calendar_documents),
        ORG_PAGE: (links.org_flyer_link,),
        PROVIDER_PAGE: (links.provider_flyer_link,),
        NEED_PAGE: (links.need_edition_link,),
        A_TO_Z_PAGE: (links.a_to_z_links,),
        TERM_PAGE: (links.ward_edition_link,),
    },
)

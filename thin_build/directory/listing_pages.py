"""The page of each organisation and each provider: its small website in the portal.

Other capabilities add to these pages through two extension points: functions
`(inputs, listing) -> data` contributed to `ORG_PAGE` or `PROVIDER_PAGE` add their
entries to the page's data, which the template shows in a slot kept for them (the
calendar's events and notices, the referral's suggested and agreed support).
"""
from __future__ import annotations

from ..core import urls as core_urls
from ..core.markup import render_markdown
from ..core.plan import BuildInputs, PagePlan
from ..core.present import Link, tel_uri
from . import model, urls, views

ORG_PAGE = "directory.org-page"
PROVIDER_PAGE = "directory.provider-page"


def org_page(inputs: BuildInputs, org: model.Organisation) -> PagePlan:
    cat, today = inputs.catalogue, inputs.today
    stage = cat.lookup("stages", org.stage)
    data = {
        "org": org,
        "status": views.STATUS_LABELS[org.status],
        "body_html": render_markdown(org.body),
        "stage": stage,
        "wards": views.term_links(cat, "wards", org.wards, "wards"),
        "groups": views.term_links(cat, "groups", org.groups, "groups"),
        "activities": views.term_links(cat, "activities", org.activities, "activities"),
        "languages": views.languages(cat, org.languages),
        "networks": views.term_links(cat, "networks", org.networks),
        "works_with": tuple(Link(p.name, urls.provider(p.slug))
                            for p in cat.lookup_many("providers", org.works_with)),
        "hours": views.opening_hours(org.opening_hours),
        "contact": views.contact(org),
        "freshness": views.freshness(cat, org, today),
        "theme": views.theme(org),
        "logo": core_urls.media(org.logo) if org.logo else None,
        "json_ld": views.listing_json_ld(cat, org, "NGO"),
    }
    for part in inputs.contributed(ORG_PAGE):
        data |= part(inputs, org)
    return PagePlan(urls.org(org.slug), "directory/org.html", org.name, org.summary, data,
                    (Link("Organisations", urls.orgs_page(1)),))


def provider_page(inputs: BuildInputs, provider: model.Provider) -> PagePlan:
    cat, today = inputs.catalogue, inputs.today
    services = tuple({
        "service": s,
        "need": cat.lookup("needs", s.need),
        "stages": tuple(st.name for st in cat.lookup_many("stages", s.stages)),
        "groups": tuple(g.name for g in cat.lookup_many("groups", s.groups)),
        "free_for": tuple(st.name for st in cat.lookup_many("stages", s.free_for)),
    } for s in provider.services)
    stages_served = sorted({st for s in provider.services for st in s.stages})
    data = {
        "provider": provider,
        "type": cat.lookup("provider_types", provider.type),
        "body_html": render_markdown(provider.body),
        "services": services,
        "stages": tuple(st.name for st in cat.lookup_many("stages", stages_served)),
        "specialisms": views.term_links(cat, "groups", provider.specialisms, "groups"),
        "borough_wide": provider.borough_wide,
        "wards": views.term_links(cat, "wards", [w for w in provider.wards
                                                 if w != model.BOROUGH_WIDE], "wards"),
        "languages": views.languages(cat, provider.languages),
        "hours": views.opening_hours(provider.opening_hours),
        "contact": views.contact(provider),
        "referral": provider.referral_contact,
        "referral_tel": tel_uri(provider.referral_contact.phone)
        if provider.referral_contact.phone else None,
        "freshness": views.freshness(cat, provider, today),
        "theme": views.theme(provider),
        "logo": core_urls.media(provider.logo) if provider.logo else None,
        "json_ld": views.listing_json_ld(cat, provider, "Organization"),
    }
    for part in inputs.contributed(PROVIDER_PAGE):
        data |= part(inputs, provider)
    return PagePlan(urls.provider(provider.slug), "directory/provider.html", provider.name,
                    provider.summary, data, (Link("Find support", urls.providers()),))

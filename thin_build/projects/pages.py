"""The projects room's build steps: the project list and its static filter pages, a
monitoring page per project, the strategies, a page per theme, and the exports.

Filters are pages, not scripts: `/projects/need/<need>/`, `/projects/theme/<theme>/`
and `/projects/partner/<orgs|providers>/<slug>/`, linked from every list, so they
work without JavaScript. Statuses are computed at `BuildInputs.today`.
"""
from __future__ import annotations

from typing import Iterator

from ..calendar.views import organiser_link, subscribe
from ..core.catalogue import Catalogue
from ..core.i18n import format_number, ngettext
from ..core.i18n import gettext as _
from ..core.markup import render_markdown
from ..core.plan import BuildInputs, PagePlan
from ..core.present import Link
from ..core.translate import name_link
from ..core.write import OutputFile
from ..directory import urls as directory_urls
from ..referral import urls as referral_urls
from ..referral.rank import lower_first
from ..toolkits import urls as toolkit_urls
from . import model, urls
from .feeds import milestones_calendar, milestones_csv, outcomes_csv
from .index import ProjectIndex, build_index, match_reasons
from .views import (
    lead_link,
    project_card,
    project_data,
    status_view,
    strategy_card,
    strategy_status,
    timeline,
)


def _projects() -> Link:
    """The breadcrumb to the project list, in the page's language."""
    return Link(_("Joint projects"), urls.projects())


def _strategies() -> Link:
    return Link(_("Joint strategies"), urls.strategies())


def partners(cat: Catalogue, index: ProjectIndex) -> list[str]:
    """Every lead and partner of a project, by name."""
    return sorted(index.by_member,
                  key=lambda ref: (organiser_link(cat, ref).text.casefold(), ref))


def ways_in(cat: Catalogue, index: ProjectIndex) -> dict:
    """Every filter that has projects, for the list and each filter page."""
    return {"needs": tuple(name_link(n, urls.by_need(n.slug)) for n in cat.needs
                           if n.slug in index.by_need),
            "themes": tuple(name_link(t, urls.by_theme(t.slug)) for t in cat.strategy_themes
                            if t.slug in index.by_theme),
            "partners": tuple(Link(organiser_link(cat, ref).text, urls.by_partner(ref))
                              for ref in partners(cat, index))}


def _downloads(cat: Catalogue) -> dict:
    return {"outcomes_csv": urls.outcomes_csv(), "milestones_csv": urls.milestones_csv(),
            "feed": subscribe(cat, _("the project milestones"), urls.milestones_feed())}


def project_pages(inputs: BuildInputs) -> Iterator[PagePlan]:
    cat, today, index = inputs.catalogue, inputs.today, inputs.derived(build_index)
    filters = ways_in(cat, index)
    cards = {p.slug: project_card(cat, p, today) for p in cat.projects}
    ordered = sorted(cat.projects, key=lambda p: (p.title.casefold(), p.slug))
    yield PagePlan(urls.projects(), "projects/list.html", _("Joint projects"),
                   _("Projects that voluntary organisations and providers run together, each "
                     "with its status today and why."),
                   {"items": tuple(cards[p.slug] for p in ordered), "ways_in": filters,
                    "current": None, "strategies": _strategies(), "support": None,
                    **_downloads(cat)})
    # A need's projects also point to the support for that need, for a group that came
    # looking for help rather than for a partnership.
    # Translators: %(need)s is a support need, e.g. "funding and fundraising"
    groups = ([(urls.by_need(n.slug),
                _("Joint projects on %(need)s") % {"need": lower_first(n.name)}, n.name,
                index.by_need[n.slug],
                Link(_("Find support with %(need)s for your group")
                     % {"need": lower_first(n.name)}, referral_urls.support_need(n.slug)))
               for n in cat.needs if n.slug in index.by_need]
              + [(urls.by_theme(t.slug),
                  _("Joint projects: %(theme)s") % {"theme": lower_first(t.name)}, t.name,
                  index.by_theme[t.slug], None) for t in cat.strategy_themes
                 if t.slug in index.by_theme]
              + [(urls.by_partner(ref), _("Joint projects with %(name)s") % {"name": name},
                  name, index.by_member[ref], None) for ref in partners(cat, index)
                 if (name := organiser_link(cat, ref).text)])
    for url, title, name, projects, support in groups:
        # Translators: a filter page's description, e.g. "3 joint projects: Governance."
        description = ngettext("%(num)s joint project: %(name)s.",
                               "%(num)s joint projects: %(name)s.", len(projects)) % {
            "num": format_number(len(projects)), "name": name}
        yield PagePlan(url, "projects/list.html", title, description,
                       {"items": tuple(cards[p.slug] for p in projects), "ways_in": filters,
                        "current": url, "strategies": _strategies(), "support": support,
                        **_downloads(cat)},
                       (_projects(),))
    for project in cat.projects:
        yield PagePlan(urls.project(project.slug), "projects/project.html", project.title,
                       project.summary, {**project_data(cat, project, today),
                                         **_downloads(cat)}, (_projects(),))


def strategy_pages(inputs: BuildInputs) -> Iterator[PagePlan]:
    cat, today, index = inputs.catalogue, inputs.today, inputs.derived(build_index)
    themes = tuple({"link": name_link(t, urls.theme(t.slug)),
                    "cards": tuple(strategy_card(cat, s, today)
                                   for s in index.strategies_by_theme.get(t.slug, ()))}
                   for t in cat.strategy_themes)
    yield PagePlan(urls.strategies(), "projects/strategies.html",
                   _("Joint infrastructure strategies"),
                   _("A three-year strategy for each specialist sector, with its lead agency, "
                     "working group and work plan."),
                   {"themes": themes, "projects": _projects(), **_downloads(cat)})
    for theme in cat.strategy_themes:
        yield theme_page(inputs, theme)
    for strategy in cat.strategies:
        yield strategy_page(inputs, strategy)


def theme_page(inputs: BuildInputs, theme: model.StrategyTheme) -> PagePlan:
    cat, today, index = inputs.catalogue, inputs.today, inputs.derived(build_index)
    providers = tuple({"link": name_link(p, directory_urls.provider(p.slug)),
                       "why": "; ".join(reasons)}
                      for p in sorted(cat.providers, key=lambda p: p.name.casefold())
                      if (reasons := match_reasons(theme, p, cat)))
    return PagePlan(urls.theme(theme.slug), "projects/theme.html", theme.name,
                    theme.description or _("Strategies, projects and providers: %(theme)s.")
                    % {"theme": theme.name},
                    {"description": theme.description,
                     "strategies": tuple(strategy_card(cat, s, today)
                                         for s in index.strategies_by_theme.get(theme.slug, ())),
                     "projects": tuple(project_card(cat, p, today)
                                       for p in index.by_theme.get(theme.slug, ())),
                     "providers": providers}, (_strategies(),))


def strategy_page(inputs: BuildInputs, strategy: model.Strategy) -> PagePlan:
    cat, today, index = inputs.catalogue, inputs.today, inputs.derived(build_index)
    theme = cat.lookup("strategy_themes", strategy.theme)
    document = (Link(cat.lookup("toolkits", strategy.document).title,
                     toolkit_urls.toolkit(strategy.document)) if strategy.document else None)
    return PagePlan(urls.strategy(strategy.slug), "projects/strategy.html", strategy.title,
                    strategy.summary, {
                        "status": status_view(strategy_status(strategy, today)),
                        "theme": name_link(theme, urls.theme(theme.slug)),
                        "lead": lead_link(cat, strategy.lead),
                        "members": tuple(organiser_link(cat, m) for m in strategy.members),
                        "document": document,
                        # Translators: a range of years, e.g. "2026 to 2029"
                        "dates": _("%(start)s to %(end)s") % {"start": strategy.start.year,
                                                              "end": strategy.end.year},
                        "milestones": timeline(strategy.milestones, today),
                        "projects": tuple(project_card(cat, p, today)
                                          for p in index.by_strategy.get(strategy.slug, ())),
                        "body_html": render_markdown(strategy.body), **_downloads(cat)},
                    (_strategies(),))


def project_files(inputs: BuildInputs) -> Iterator[OutputFile]:
    cat = inputs.catalogue
    yield OutputFile(urls.outcomes_csv().lstrip("/"), outcomes_csv(cat).encode("utf-8"))
    yield OutputFile(urls.milestones_csv().lstrip("/"), milestones_csv(cat).encode("utf-8"))
    yield OutputFile(urls.milestones_feed().lstrip("/"), milestones_calendar(cat))

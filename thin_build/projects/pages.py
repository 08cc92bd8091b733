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
from ..core.markup import render_markdown
from ..core.plan import BuildInputs, PagePlan
from ..core.present import Link
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

_PROJECTS = Link("Joint projects", urls.projects())
_STRATEGIES = Link("Joint strategies", urls.strategies())


def partners(cat: Catalogue, index: ProjectIndex) -> list[str]:
    """Every lead and partner of a project, by name."""
    return sorted(index.by_member,
                  key=lambda ref: (organiser_link(cat, ref).text.casefold(), ref))


def ways_in(cat: Catalogue, index: ProjectIndex) -> dict:
    """Every filter that has projects, for the list and each filter page."""
    return {"needs": tuple(Link(n.name, urls.by_need(n.slug)) for n in cat.needs
                           if n.slug in index.by_need),
            "themes": tuple(Link(t.name, urls.by_theme(t.slug)) for t in cat.strategy_themes
                            if t.slug in index.by_theme),
            "partners": tuple(Link(organiser_link(cat, ref).text, urls.by_partner(ref))
                              for ref in partners(cat, index))}


def _downloads(cat: Catalogue) -> dict:
    return {"outcomes_csv": urls.outcomes_csv(), "milestones_csv": urls.milestones_csv(),
            "feed": subscribe(cat, "the project milestones", urls.milestones_feed())}


def project_pages(inputs: BuildInputs) -> Iterator[PagePlan]:
    cat, today, index = inputs.catalogue, inputs.today, inputs.derived(build_index)
    filters = ways_in(cat, index)
    cards = {p.slug: project_card(cat, p, today) for p in cat.projects}
    ordered = sorted(cat.projects, key=lambda p: (p.title.casefold(), p.slug))
    yield PagePlan(urls.projects(), "projects/list.html", "Joint projects",
                   "Projects that voluntary organisations and providers run together, each "
                   "with its status today and why.",
                   {"items": tuple(cards[p.slug] for p in ordered), "ways_in": filters,
                    "current": None, "strategies": _STRATEGIES, "support": None,
                    **_downloads(cat)})
    # A need's projects also point to the support for that need, for a group that came
    # looking for help rather than for a partnership.
    groups = ([(urls.by_need(n.slug), f"Joint projects on {lower_first(n.name)}", n.name,
                index.by_need[n.slug],
                Link(f"Find support with {lower_first(n.name)} for your group",
                     referral_urls.support_need(n.slug)))
               for n in cat.needs if n.slug in index.by_need]
              + [(urls.by_theme(t.slug), f"Joint projects: {lower_first(t.name)}", t.name,
                  index.by_theme[t.slug], None) for t in cat.strategy_themes
                 if t.slug in index.by_theme]
              + [(urls.by_partner(ref), f"Joint projects with {name}", name,
                  index.by_member[ref], None) for ref in partners(cat, index)
                 if (name := organiser_link(cat, ref).text)])
    for url, title, name, projects, support in groups:
        yield PagePlan(url, "projects/list.html", title,
                       f"{len(projects)} joint projects: {name}.",
                       {"items": tuple(cards[p.slug] for p in projects), "ways_in": filters,
                        "current": url, "strategies": _STRATEGIES, "support": support,
                        **_downloads(cat)},
                       (_PROJECTS,))
    for project in cat.projects:
        yield PagePlan(urls.project(project.slug), "projects/project.html", project.title,
                       project.summary, {**project_data(cat, project, today),
                                         **_downloads(cat)}, (_PROJECTS,))


def strategy_pages(inputs: BuildInputs) -> Iterator[PagePlan]:
    cat, today, index = inputs.catalogue, inputs.today, inputs.derived(build_index)
    themes = tuple({"link": Link(t.name, urls.theme(t.slug)),
                    "cards": tuple(strategy_card(cat, s, today)
                                   for s in index.strategies_by_theme.get(t.slug, ()))}
                   for t in cat.strategy_themes)
    yield PagePlan(urls.strategies(), "projects/strategies.html",
                   "Joint infrastructure strategies",
                   "A three-year strategy for each specialist sector, with its lead agency, "
                   "working group and work plan.",
                   {"themes": themes, "projects": _PROJECTS, **_downloads(cat)})
    for theme in cat.strategy_themes:
        yield theme_page(inputs, theme)
    for strategy in cat.strategies:
        yield strategy_page(inputs, strategy)


def theme_page(inputs: BuildInputs, theme: model.StrategyTheme) -> PagePlan:
    cat, today, index = inputs.catalogue, inputs.today, inputs.derived(build_index)
    providers = tuple({"link": Link(p.name, directory_urls.provider(p.slug)),
                       "why": "; ".join(reasons)}
                      for p in sorted(cat.providers, key=lambda p: p.name.casefold())
                      if (reasons := match_reasons(theme, p, cat)))
    return PagePlan(urls.theme(theme.slug), "projects/theme.html", theme.name,
                    theme.description or f"Strategies, projects and providers: {theme.name}.",
                    {"description": theme.description,
                     "strategies": tuple(strategy_card(cat, s, today)
                                         for s in index.strategies_by_theme.get(theme.slug, ())),
                     "projects": tuple(project_card(cat, p, today)
                                       for p in index.by_theme.get(theme.slug, ())),
                     "providers": providers}, (_STRATEGIES,))


def strategy_page(inputs: BuildInputs, strategy: model.Strategy) -> PagePlan:
    cat, today, index = inputs.catalogue, inputs.today, inputs.derived(build_index)
    theme = cat.lookup("strategy_themes", strategy.theme)
    document = (Link(cat.lookup("toolkits", strategy.document).title,
                     toolkit_urls.toolkit(strategy.document)) if strategy.document else None)
    return PagePlan(urls.strategy(strategy.slug), "projects/strategy.html", strategy.title,
                    strategy.summary, {
                        "status": status_view(strategy_status(strategy, today)),
                        "theme": Link(theme.name, urls.theme(theme.slug)),
                        "lead": lead_link(cat, strategy.lead),
                        "members": tuple(organiser_link(cat, m) for m in strategy.members),
                        "document": document,
                        "dates": f"{strategy.start.year} to {strategy.end.year}",
                        "milestones": timeline(strategy.milestones, today),
                        "projects": tuple(project_card(cat, p, today)
                                          for p in index.by_strategy.get(strategy.slug, ())),
                        "body_html": render_markdown(strategy.body), **_downloads(cat)},
                    (_STRATEGIES,))


def project_files(inputs: BuildInputs) -> Iterator[OutputFile]:
    cat = inputs.catalogue
    yield OutputFile(urls.outcomes_csv().lstrip("/"), outcomes_csv(cat).encode("utf-8"))
    yield OutputFile(urls.milestones_csv().lstrip("/"), milestones_csv(cat).encode("utf-8"))
    yield OutputFile(urls.milestones_feed().lstrip("/"), milestones_calendar(cat))

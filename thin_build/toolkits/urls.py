"""Where the toolkit library, each toolkit, its filter pages and the regional links live."""
from __future__ import annotations


def library() -> str:
    return "/toolkits/"


def toolkit(slug: str) -> str:
    return f"/toolkits/{slug}/"


def by_topic(need: str) -> str:
    return f"/toolkits/topic/{need}/"


def by_type(type_slug: str) -> str:
    return f"/toolkits/type/{type_slug}/"


def by_stage(stage: str) -> str:
    return f"/toolkits/stage/{stage}/"


def links() -> str:
    """Regional and national support."""
    return "/links/"


def links_topic(need: str) -> str:
    return f"/links/#topic-{need}"

"""The same organisations as a Hugo site: the yardstick `./run bench` builds beside THIN.

`write_hugo_site(repo, out)` reads a content repository's organisations and taxonomies
and writes a Hugo 0.111 multilingual site (English at /, Bengali at /bn/, as THIN
publishes both): a page per organisation per language (the Bengali one from the
listing's `translations.bn`, else the English text, as THIN does), the A–Z list
paginated 30 a page, and wards, groups and activities as taxonomies whose term pages
carry the term's name and description. The templates are minimal but of the weight of
THIN's page frame (header, nav, language switch, footer), so the ratio compares the
two generators, not two very different pages.
"""
from __future__ import annotations

import json
from pathlib import Path

import yaml

LANGUAGES = ("en", "bn")
# Hugo taxonomy (singular = plural) for each org field that THIN turns into term pages.
TAXONOMIES = {"ward": "wards", "group": "groups", "activity": "activities"}

CONFIG = """baseURL = "https://portal.example.org/"
title = "THIN Portal benchmark"
defaultContentLanguage = "en"
disableKinds = ["RSS"]
paginate = 30
[taxonomies]
{taxonomies}
[languages.en]
  contentDir = "content/en"
  languageName = "English"
  weight = 1
[languages.bn]
  contentDir = "content/bn"
  languageName = "বাংলা"
  weight = 2
"""

BASEOF = """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title>
<link rel="stylesheet" href="{{ "css/site.css" | relURL }}"></head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><a href="{{ "/" | relLangURL }}">{{ .Site.Title }}</a>
<nav><ul>
<li><a href="{{ "orgs/" | relLangURL }}">Organisations</a></li>
<li><a href="{{ "wards/" | relLangURL }}">Wards</a></li>
<li><a href="{{ "groups/" | relLangURL }}">Groups</a></li>
<li><a href="{{ "activities/" | relLangURL }}">Activities</a></li>
</ul></nav>
<ul class="languages">{{ range .AllTranslations }}<li><a hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">{{ .Language.LanguageName }}</a></li>{{ end }}</ul>
</header>
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer><p>{{ .Site.Title }}: listings checked by volunteers.</p>
<nav><a href="{{ "about/" | relLangURL }}">About</a> · <a href="{{ "privacy/" | relLangURL }}">Privacy</a></nav></footer>
</body></html>
"""

SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1><p class="summary">{{ .Params.summary }}</p>
<dl>{{ with .Params.email }}<dt>Email</dt><dd><a href="mailto:{{ . }}">{{ . }}</a></dd>{{ end }}
{{ with .Params.website }}<dt>Website</dt><dd><a href="{{ . }}">{{ . }}</a></dd>{{ end }}
{{ with .Params.phone }}<dt>Phone</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.address }}<dt>Address</dt><dd>{{ . }} {{ $.Params.postcode }}</dd>{{ end }}</dl>
{{ with .Params.opening_hours }}<h2>Opening hours</h2><ul>{{ range . }}<li>{{ delimit .days ", " }}: {{ .opens }}–{{ .closes }}</li>{{ end }}</ul>{{ end }}
{{ .Content }}
{{ range $taxonomy, $plural := dict "ward" "wards" "group" "groups" "activity" "activities" }}{{ with $.GetTerms $plural }}<h2>{{ $plural | humanize }}</h2><ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}{{ end }}
</article>{{ end }}
"""

LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
{{ $pages := .Paginate .Pages.ByTitle }}<ol>{{ range $pages.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ol>
{{ template "_internal/pagination.html" . }}{{ end }}
"""

TERM = """{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Params.description }}</p>
<ul>{{ range .Pages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul>{{ end }}
"""

TAXONOMY = """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
"""

HOME = """{{ define "main" }}<h1>{{ .Site.Title }}</h1><p><a href="{{ "orgs/" | relLangURL }}">A–Z of organisations</a></p>{{ end }}
"""

CSS = "body{font-family:sans-serif;max-width:60rem;margin:auto}nav ul{display:flex;gap:1rem}\n"


def front_matter_page(params: dict, body: str) -> str:
    """JSON front matter: Hugo reads it natively, and writing it is exact and fast."""
    return json.dumps(params, ensure_ascii=False, indent=1, sort_keys=True) + "\n" + body


def read_listing(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.load(front, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), body


def org_params(data: dict, language: str) -> tuple[dict, str]:
    translated = (data.get("translations") or {}).get(language, {}) if language != "en" else {}
    params = {"title": translated.get("name", data["name"]),
              "summary": translated.get("summary", data["summary"])}
    for field in ("email", "website", "phone", "address", "postcode", "opening_hours"):
        if data.get(field):
            params[field] = data[field]
    for singular, plural in TAXONOMIES.items():
        params[plural] = data.get(plural) or []
    return params, translated.get("body")


def write_hugo_site(repo: Path, out: Path) -> int:
    """Write the Hugo site into `out`; returns how many organisations it holds."""
    layouts = out / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (out / "config.toml").write_text(CONFIG.format(taxonomies="\n".join(
        f'{singular} = "{plural}"' for singular, plural in TAXONOMIES.items())), encoding="utf-8")
    for name, text in (("baseof", BASEOF), ("single", SINGLE), ("list", LIST),
                       ("term", TERM), ("taxonomy", TAXONOMY)):
        (layouts / f"{name}.html").write_text(text, encoding="utf-8")
    (out / "layouts" / "index.html").write_text(HOME, encoding="utf-8")
    (out / "static" / "css").mkdir(parents=True)
    (out / "static" / "css" / "site.css").write_text(CSS, encoding="utf-8")
    orgs = sorted((repo / "orgs").glob("*.md")) + sorted((repo / "orgs").glob("*/index.md"))
    for language in LANGUAGES:
        content = out / "content" / language
        (content / "orgs").mkdir(parents=True)
        (content / "orgs" / "_index.md").write_text(front_matter_page(
            {"title": "Organisations A–Z" if language == "en" else "সংগঠন ক–য"}, ""), "utf-8")
        for path in orgs:
            data, body = read_listing(path)
            params, translated_body = org_params(data, language)
            slug = path.parent.name if path.name == "index.md" else path.stem
            (content / "orgs" / f"{slug}.md").write_text(
                front_matter_page(params, translated_body or body), encoding="utf-8")
        for plural in TAXONOMIES.values():
            for term in yaml.safe_load((repo / "content" / "taxonomies" / f"{plural}.yaml")
                                       .read_text("utf-8")):
                translated = (term.get("translations") or {}).get(language, {}) \
                    if language != "en" else {}
                folder = content / plural / term["slug"]
                folder.mkdir(parents=True)
                (folder / "_index.md").write_text(front_matter_page(
                    {"title": translated.get("name", term["name"]),
                     "description": translated.get("description", term.get("description", ""))},
                    ""), encoding="utf-8")
    return len(orgs)

"""`thin i18n extract / update / check`: strings found with their notes, catalogues kept up
to date, and every missing, fuzzy or unmarked string reported at its line."""
from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po
from click.testing import CliRunner

from tests.helpers import REPO
from thin_build.cli import main
from thin_build.core import i18n_tasks
from thin_build.core.i18n import ENGLISH, Language
from thin_build.core.render import make_environment
from thin_build.core.unmarked import unmarked_strings

SOMALI = Language(code="so", name="Soomaali", locale="so_SO")
PAGE = """{% extends "base.html" %}
{% block main %}
{# Translators: the page's heading #}
<h1>{{ _("Hello") }}</h1>
<p>{% trans n=3 %}You have {{ n }} messages{% endtrans %}</p>
{% endblock %}
"""


def _source(tmp_path: Path, page: str = PAGE) -> Path:
    source = tmp_path / "source"
    (source / "templates").mkdir(parents=True)
    (source / "thin_build").mkdir()
    (source / "babel.cfg").write_bytes((REPO / "babel.cfg").read_bytes())
    (source / "templates" / "page.html").write_text(page, encoding="utf-8")
    (source / "thin_build" / "menu.py").write_text(
        'from .i18n import N_, gettext as _\n'
        '# Translators: a menu item\nMENU = N_("Calendar")\n'
        'def title():\n    return _("Goodbye")\n', encoding="utf-8")
    return source


def test_extract_finds_template_and_python_strings_with_translators_notes(tmp_path) -> None:
    template = i18n_tasks.extract(_source(tmp_path))
    found = {m.id: (m.auto_comments, m.locations) for m in template if m.id}
    assert found == {
        "Hello": (["the page's heading"], [("templates/page.html", 4)]),
        "You have %(n)s messages": ([], [("templates/page.html", 5)]),
        "Calendar": (["a menu item"], [("thin_build/menu.py", 3)]),
        "Goodbye": ([], [("thin_build/menu.py", 5)]),
    }


def test_update_then_check_reports_untranslated_then_fuzzy_then_nothing(tmp_path) -> None:
    source = _source(tmp_path)
    root = tmp_path / "repo"
    i18n_tasks.write_template(source, root)
    assert (root / "translations" / "messages.pot").is_file()
    written, problems = i18n_tasks.update(source, root, (ENGLISH, SOMALI))
    po = root / "translations" / "so" / "LC_MESSAGES" / "messages.po"
    assert written == [po] and problems == []
    first = po.read_bytes()
    i18n_tasks.update(source, root, (ENGLISH, SOMALI))
    assert po.read_bytes() == first  # deterministic: a rerun changes nothing

    def check() -> list[str]:
        return [f"{p.code}:{p.message.split(' ')[0]}"
                for p in i18n_tasks.check(source, root, source / "templates",
                                          (ENGLISH, SOMALI))]

    assert check() == ["po-untranslated:'Calendar'", "po-untranslated:'Goodbye'",
                       "po-untranslated:'Hello'", "po-untranslated:'You"]
    text = po.read_text(encoding="utf-8")
    for english, somali in (("Calendar", "Jadwal"), ("Goodbye", "Nabadgelyo"),
                            ("Hello", "Salaan"), ("You have %(n)s messages", "%(n)s fariin")):
        text = text.replace(f'msgid "{english}"\nmsgstr ""', f'msgid "{english}"\nmsgstr "{somali}"')
    po.write_text(text.replace('#. a menu item\n', '#. a menu item\n#, fuzzy\n'), encoding="utf-8")
    assert check() == ["po-fuzzy:the"]
    po.write_text(text, encoding="utf-8")
    assert check() == []
    (source / "thin_build" / "menu.py").write_text('_("New words")\n', encoding="utf-8")
    assert check() == ["po-missing:'New"]
    with po.open("rb") as handle:
        assert read_po(handle).get("Hello").string == "Salaan"


UNMARKED = """<h1>{{ _("Marked") }}</h1>
<p>Typed in English, {{ name }}</p>
<img src="a.png" alt="A photo of the hall">
<img src="b.png" alt="">
<a href="/" title="{{ _('Home') }}" aria-label="Home page">x</a>
<input type="search" placeholder="Search for a group">
<input type="hidden" name="kind" value="org"><button type="submit">{{ _("Go") }}</button>
<input type="submit" value="Send">
{% trans %}Marked in a block{% endtrans %}
<script>var words = "not page text";</script>
<p>{{ a }} – {{ b }} (12)</p>
{# A comment is not text #}
<p{% if x %} lang="{{ x }}"{% endif %}>{{ y }}</p>
<body class="{% block body_class %}print flyer{% endblock %}">
{% block main %}Words in a block{% endblock %}
"""


def test_unmarked_template_text_and_visible_attributes_are_found_at_their_lines(tmp_path):
    (tmp_path / "t.html").write_text(UNMARKED, encoding="utf-8")
    problems = unmarked_strings(make_environment(tmp_path), tmp_path, "templates")
    assert [str(p).split(" is not marked")[0] for p in problems] == [
        "templates/t.html:2:1: error[unmarked-string]: the text 'Typed in English,'",
        "templates/t.html:3:1: error[unmarked-string]: the `alt` attribute 'A photo of the hall'",
        "templates/t.html:5:1: error[unmarked-string]: the `aria-label` attribute 'Home page'",
        "templates/t.html:5:1: error[unmarked-string]: the text 'x'",
        "templates/t.html:6:1: error[unmarked-string]: the `placeholder` attribute "
        "'Search for a group'",
        "templates/t.html:8:1: error[unmarked-string]: the `value` attribute 'Send'",
        "templates/t.html:15:1: error[unmarked-string]: the text 'Words in a block'",
    ]


def test_the_cli_prints_each_fault_located_and_github_annotations(tmp_path) -> None:
    result = CliRunner().invoke(main, ["i18n", "check", "--root", str(REPO),
                                       "--format", "github"])
    lines = [line for line in result.output.splitlines() if line.startswith("::error")]
    assert all(line.startswith("::error file=") and ",line=" in line for line in lines)
    assert result.exit_code == (1 if lines else 0)


def test_the_portal_has_every_string_marked_and_translated() -> None:
    """The real gate: every template string marked, the Bengali catalogue complete."""
    from thin_build.build import check_site
    catalogue, problems = check_site(REPO)
    assert catalogue is not None, problems
    faults = i18n_tasks.check(REPO, REPO, REPO / "templates", catalogue.site.languages)
    assert [str(p) for p in faults][:20] == []

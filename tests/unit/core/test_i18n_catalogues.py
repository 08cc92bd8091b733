"""Message catalogues: every translator's slip is caught at its .po line, never a crash."""
from __future__ import annotations

import pytest

from tests.helpers import BASE_SITE, TODAY
from thin_build.build import build_site, check_site
from thin_build.core.errors import ContentError
from thin_build.core.messages import placeholders, read_catalogue

HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
          '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')
LANGUAGES = ("languages:\n  - {code: en, name: English, locale: en_GB}\n"
             "  - {code: so, name: Soomaali, locale: so_SO}\n")
PO = "translations/so/LC_MESSAGES/messages.po"


def _site(make_site, po: str | bytes, site_yaml_extra: str = LANGUAGES):
    site_yaml = (BASE_SITE / "content" / "site.yaml").read_text(encoding="utf-8")
    return make_site({"content/site.yaml": site_yaml + site_yaml_extra, PO: po})


def _problems(make_site, po: str | bytes) -> list[str]:
    _catalogue, problems = check_site(_site(make_site, po), TODAY)
    return [str(p) for p in problems]


def test_a_good_catalogue_has_no_problems(make_site) -> None:
    po = HEADER + 'msgid "Search"\nmsgstr "Raadi"\n'
    assert _problems(make_site, po) == []


@pytest.mark.parametrize("entry, line, expected", [
    ('msgid "Events in %(ward)s"\nmsgstr "Dhacdooyinka %(xaafad)s"\n', 6,
     "po-placeholder]: the translation of 'Events in %(ward)s' has the placeholders "
     "%(xaafad)s but the English has %(ward)s; copy each placeholder exactly, untranslated"),
    ('msgid "Events in %(ward)s"\nmsgstr "Dhacdooyinka"\n', 6,
     "po-placeholder]: the translation of 'Events in %(ward)s' has the placeholders none but "
     "the English has %(ward)s; copy each placeholder exactly, untranslated"),
    ('msgid "Events in %(ward)s"\nmsgstr "Dhacdooyinka %(ward)"\n', 6,
     "po-placeholder]: the translation of 'Events in %(ward)s' has a broken placeholder "
     "'%(ward)'; write placeholders whole, like %(name)s"),
    ('msgid "Read <strong>this</strong>"\nmsgstr "Akhri <em>kan</em>"\n', 6,
     "po-html]: the translation of 'Read <strong>this</strong>' has HTML tags </em>, <em> but "
     "the English has </strong>, <strong>; keep the tags exactly as in the English"),
    ('msgid "%(num)d event"\nmsgid_plural "%(num)d events"\nmsgstr[0] "%(num)d dhacdo"\n', 6,
     "po-plural-count]: '%(num)d event' has 1 msgstr[] forms; this language's Plural-Forms "
     "says 2 (msgstr[0] to msgstr[1])"),
])
def test_a_broken_translation_is_a_located_error(make_site, entry, line, expected) -> None:
    assert _problems(make_site, HEADER + entry) == [f"{PO}:{line}:1: error[{expected}"]


def test_a_plural_form_may_leave_the_count_out_but_never_invent_one(make_site) -> None:
    good = ('msgid "%(num)d event"\nmsgid_plural "%(num)d events"\n'
            'msgstr[0] "hal dhacdo"\nmsgstr[1] "%(num)d dhacdo"\n')
    assert _problems(make_site, HEADER + good) == []
    bad = good.replace('"hal dhacdo"', '"%(tiro)d dhacdo"')
    assert _problems(make_site, HEADER + bad) == [
        f"{PO}:6:1: error[po-placeholder]: the translation of '%(num)d event' has the "
        "placeholders %(tiro)d but the English has %(num)d; copy each placeholder exactly, "
        "untranslated"]


def test_a_bad_plural_forms_header_is_an_error(make_site) -> None:
    po = HEADER.replace("nplurals=2; plural=(n != 1);", "nplurals=two; plural=n") + \
        'msgid "Search"\nmsgstr "Raadi"\n'
    assert _problems(make_site, po) == [
        f"{PO}:4:1: error[po-plural-forms]: the Plural-Forms header 'nplurals=two; plural=n' "
        "is not valid; write it like `nplurals=2; plural=(n != 1);`"]


def test_invalid_syntax_is_an_error_at_its_line(make_site) -> None:
    problems = _problems(make_site, HEADER + 'msgid "Search"\nmsgstr Raadi\n')
    assert len(problems) == 1
    assert problems[0].startswith(f"{PO}:7:1: error[po-syntax]: invalid .po syntax: 'msgstr Raadi'")


def test_a_nul_byte_is_an_error_at_its_line(make_site) -> None:
    po = (HEADER + 'msgid "Search"\nmsgstr "Raa\0di"\n').encode("utf-8")
    assert _problems(make_site, po) == [
        f"{PO}:7:1: error[po-nul-byte]: the file contains a NUL byte; remove it (it is often "
        "left by an editor saving in UTF-16): save as UTF-8"]


def test_a_listed_language_without_a_catalogue_is_an_error(make_site) -> None:
    root = _site(make_site, "")
    (root / PO).unlink()
    _catalogue, problems = check_site(root, TODAY)
    assert [str(p) for p in problems] == [
        "content/site.yaml:1:1: error[missing-catalogue]: the language 'so' is listed but has "
        f"no catalogue {PO}; run `thin i18n update` to create it, or remove the language"]


def test_a_broken_catalogue_fails_the_build_located_and_leaves_no_output(make_site,
                                                                         tmp_path) -> None:
    root = _site(make_site, HEADER + 'msgid "Search %(x)s"\nmsgstr "Raadi %(y)s"\n')
    with pytest.raises(ContentError) as failure:
        build_site(root, tmp_path / "out", TODAY, pdf=False)
    assert [p.location.path for p in failure.value.problems] == [PO]
    assert [p.location.line for p in failure.value.problems] == [6]
    assert not (tmp_path / "out").exists()


def test_fuzzy_and_untranslated_strings_fall_back_to_english_in_the_build(make_site) -> None:
    po = HEADER + '#, fuzzy\nmsgid "Search"\nmsgstr "Raadi"\n\nmsgid "Go"\nmsgstr ""\n'
    assert _problems(make_site, po) == []  # not build errors; `thin i18n check` reports them


def test_bad_language_entries_are_located(make_site) -> None:
    extra = ("languages:\n  - {code: en, name: English, locale: en_GB}\n"
             "  - {code: Somali, name: Soomaali, locale: xx_YY, dir: up}\n")
    _catalogue, problems = check_site(_site(make_site, HEADER, extra), TODAY)
    messages = [f"{p.location.line}:{p.code}" for p in problems]
    assert messages == ["17:bad-language-code", "17:unknown-locale", "17:bad-choice"]


def test_a_language_listed_twice_is_located(make_site) -> None:
    extra = ("languages:\n  - {code: en, name: English, locale: en_GB}\n"
             "  - {code: en, name: English, locale: en_GB}\n")
    _catalogue, problems = check_site(_site(make_site, HEADER, extra), TODAY)
    assert [str(p) for p in problems] == [
        "content/site.yaml:17:5: error[duplicate-item]: `languages`: the language 'en' is "
        "listed twice"]


def test_placeholders_are_counted_and_a_literal_percent_is_not_one() -> None:
    assert placeholders("%(n)d of %(total)d, 100%% {name} %s") == {
        "%(n)d": 1, "%(total)d": 1, "{name}": 1, "%s": 1}


def test_reading_a_catalogue_that_is_not_utf8(tmp_path) -> None:
    (tmp_path / "x.po").write_bytes(HEADER.encode() + b'msgid "a"\nmsgstr "\xff"\n')
    catalog, problems = read_catalogue(tmp_path, "x.po", "so_SO")
    assert catalog is None
    assert [str(p) for p in problems] == [
        "x.po:7:1: error[po-encoding]: the file is not UTF-8; save it as UTF-8"]


def test_a_page_may_not_take_a_languages_code(make_site) -> None:
    site_yaml = (BASE_SITE / "content" / "site.yaml").read_text(encoding="utf-8")
    root = make_site({"content/site.yaml": site_yaml + LANGUAGES, PO: HEADER,
                      "content/pages/so.md": "---\ntitle: So\nsummary: A page.\n---\nText.\n"})
    _catalogue, problems = check_site(root, TODAY)
    assert [str(p) for p in problems] == [
        "content/pages/so.md:1:1: error[url-collision]: a page called 'so' would replace the "
        "portal's own /so/ section; rename the file"]

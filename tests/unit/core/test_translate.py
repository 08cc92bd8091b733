"""Translated content: `translations:` in a record's file, checked, and swapped in per language."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.helpers import BASE_SITE, REPO, TODAY
from thin_build.build import check_site
from thin_build.capabilities import PORTAL
from thin_build.core import translate
from thin_build.core.declare import Record, text_field
from thin_build.core.guide import content_guide, json_schemas
from thin_build.core.load import load_repository
from thin_build.core.taxonomy import Term
from thin_build.core.translate import bdi, field_langs, localised, text_lang
from thin_build.core.validate import Conversions, validate

SITE_YAML = (BASE_SITE / "content/site.yaml").read_text(encoding="utf-8") + (
    "languages:\n  - {code: en, name: English, locale: en_GB}\n"
    "  - {code: bn, name: বাংলা, locale: bn_BD}\n")
BOW_YOUTH = (BASE_SITE / "orgs/bow-youth.md").read_text(encoding="utf-8")
CATALOGUE = "translations/bn/LC_MESSAGES/messages.po"
BENGALI_SITE = {"content/site.yaml": SITE_YAML, CATALOGUE: (REPO / CATALOGUE).read_bytes()}


def _org(translations: str) -> str:
    """bow-youth.md with a `translations:` block at the end of its front matter."""
    head, _, body = BOW_YOUTH.removeprefix("---\n").partition("\n---\n")
    return f"---\n{head}\n{translations}---\n{body}"


BENGALI = _org("translations:\n  bn:\n    name: বো যুব প্রকল্প\n"
               "    summary: বো-তে যুব ক্লাব আর বাড়ির কাজে সাহায্য।\n"
               "    body: |\n      আমরা ২০১০ সালে শুরু করি।\n    last_verified: 2026-06-12\n")


def _check(make_site, org: str, site: str = SITE_YAML):
    files = BENGALI_SITE | {"content/site.yaml": site, "orgs/bow-youth.md": org}
    return check_site(make_site(files), TODAY)


def _messages(problems) -> list[str]:
    return [str(problem) for problem in problems if problem.location.path == "orgs/bow-youth.md"]


def test_translated_fields_replace_the_original_in_that_language_only(make_site) -> None:
    catalogue, problems = _check(make_site, BENGALI)
    assert catalogue is not None, problems
    english = catalogue.lookup("orgs", "bow-youth")
    bengali = localised(catalogue, "bn").lookup("orgs", "bow-youth")
    assert (english.name, bengali.name) == ("Bow Youth Project", "বো যুব প্রকল্প")
    assert bengali.summary == "বো-তে যুব ক্লাব আর বাড়ির কাজে সাহায্য।"
    assert bengali.body == "আমরা ২০১০ সালে শুরু করি।"
    assert bengali.charity_number == english.charity_number == "9000001"
    # accessibility has English text and no translation: still English, and said so
    assert bengali.untranslated.fields == frozenset({"accessibility"})
    assert text_lang(bengali, "accessibility") == "en"
    assert text_lang(bengali, "name", "summary") is None
    assert text_lang(english, "accessibility") is None


def test_kept_localisations_are_reused_only_for_the_same_record_objects(make_site) -> None:
    """An incremental rebuild keeps the localised records: a record that is the very
    object localised last time keeps its localised form; an edited one is made again."""
    import dataclasses

    catalogue, problems = _check(make_site, BENGALI)
    assert catalogue is not None, problems
    kept: dict = {}
    first = localised(catalogue, "bn", kept)
    assert localised(catalogue, "bn") == first  # the same values as without keeping
    again = localised(catalogue, "bn", kept)
    assert all(a is b for a, b in zip(again.orgs, first.orgs))
    edited = dataclasses.replace(catalogue.lookup("orgs", "bow-youth"), accessibility="Ramp.")
    orgs = tuple(edited if org.slug == "bow-youth" else org for org in catalogue.orgs)
    changed = localised(dataclasses.replace(
        catalogue, collections={**catalogue.collections, "orgs": orgs}), "bn", kept)
    assert changed.lookup("orgs", "bow-youth").accessibility == "Ramp."
    assert changed.lookup("orgs", "bow-youth").name == "বো যুব প্রকল্প"
    assert all(a is b for a, b in zip(changed.orgs, first.orgs) if a.slug != "bow-youth")
    assert set(kept) == {("bn", "en")} and len(kept["bn", "en"]) == sum(
        len(items) for items in catalogue.collections.values()) + len(catalogue.singles)


def test_the_default_language_gets_the_catalogue_unchanged(make_site) -> None:
    catalogue, _ = _check(make_site, BENGALI)
    assert localised(catalogue, "en") is catalogue


def test_an_untranslated_record_names_every_field_with_text(make_site) -> None:
    catalogue, _ = _check(make_site, BOW_YOUTH)
    bengali = localised(catalogue, "bn")
    org = bengali.lookup("orgs", "bow-youth")
    assert org.name == "Bow Youth Project"
    assert org.untranslated.fields == frozenset({"name", "summary", "body", "accessibility"})
    assert text_lang(org, "name") == "en"
    # terms and nested services are localised too; the lookups follow the new records
    assert text_lang(bengali.lookup("wards", "bow-east"), "name") == "en"
    service = bengali.lookup("providers", "hub").services[0]
    assert text_lang(service, "title") == "en"


def test_nested_records_and_terms_carry_their_own_translations(make_site) -> None:
    hub = (BASE_SITE / "providers/hub.md").read_text(encoding="utf-8").replace(
        "    title: Funding advice\n",
        "    title: Funding advice\n    translations:\n      bn: {title: তহবিলের পরামর্শ}\n")
    wards = (BASE_SITE / "content/taxonomies/wards.yaml").read_text(encoding="utf-8").replace(
        "  name: Bow East\n", "  name: Bow East\n  translations: {bn: {name: বো ইস্ট}}\n")
    root = make_site(BENGALI_SITE | {"providers/hub.md": hub,
                                     "content/taxonomies/wards.yaml": wards})
    catalogue, problems = check_site(root, TODAY)
    assert catalogue is not None, problems
    bengali = localised(catalogue, "bn")
    service = bengali.lookup("providers", "hub").services[0]
    assert service.title == "তহবিলের পরামর্শ"
    assert text_lang(service, "title") is None
    assert text_lang(service, "description") == "en"
    ward = bengali.lookup("wards", "bow-east")
    assert (ward.name, ward.untranslated) == ("বো ইস্ট", None)


def test_a_language_the_site_does_not_have_is_a_located_error(make_site) -> None:
    catalogue, problems = _check(make_site, _org("translations:\n  fr:\n    name: Projet\n"))
    assert catalogue is None
    assert _messages(problems) == [
        "orgs/bow-youth.md:38:3: error[unknown-language]: `translations.fr`: the site has no "
        "language `fr`; configured: bn (languages are listed under `languages:` in "
        "content/site.yaml)"]


def test_the_main_language_is_not_a_translation(make_site) -> None:
    _, problems = _check(make_site, _org("translations:\n  en:\n    name: Bow Youth\n"))
    assert _messages(problems) == [
        "orgs/bow-youth.md:38:3: error[unknown-language]: `translations.en`: `en` is the "
        "site's main language: write that text in the fields themselves"]


def test_an_english_only_site_has_no_language_to_translate_into(make_site) -> None:
    _, problems = _check(make_site, BENGALI, site=SITE_YAML.split("languages:")[0])
    assert _messages(problems) == [
        "orgs/bow-youth.md:38:3: error[unknown-language]: `translations.bn`: the site has no "
        "language `bn`; configured: none (languages are listed under `languages:` in "
        "content/site.yaml)"]


def test_a_field_that_is_not_translated_is_a_located_error_with_a_suggestion(make_site) -> None:
    org = _org("translations:\n  bn:\n    charity_number: '১২৩'\n    sumary: সারাংশ\n")
    _, problems = _check(make_site, org)
    assert _messages(problems) == [
        "orgs/bow-youth.md:39:5: error[untranslatable-field]: `translations.bn`: "
        "`charity_number` is not translated: it is the same in every language; a translation "
        "may give name, summary, body, accessibility, opening_hours_note, last_verified",
        "orgs/bow-youth.md:40:5: error[untranslatable-field]: `translations.bn`: unknown "
        "field `sumary`; did you mean `summary`?"]


@pytest.mark.parametrize("block, line, message", [
    ("translations: বো যুব\n", "37:15", "`translations`: expected one entry per language "
     "(`bn:`), each with the translated fields indented below it"),
    ("translations:\n  bn: বো যুব\n", "38:3", "`translations.bn`: expected the translated "
     "fields (`name: ...`) indented below the language code"),
    ("translations:\n  bn:\n    name: [বো, যুব]\n", "39:11", "`translations.bn.name`: "
     "expected one line of text, at most 120 characters, not a list"),
    ("translations:\n  bn:\n    last_verified: 2026-02-30\n", "39:20",
     "`translations.bn.last_verified`: 2026-02-30 is not a real date"),
])
def test_a_translation_of_the_wrong_shape_is_a_located_error(make_site, block, line,
                                                             message) -> None:
    _, problems = _check(make_site, _org(block))
    found = _messages(problems)
    assert len(found) == 1 and found[0].startswith(f"orgs/bow-youth.md:{line}: error[")
    assert found[0].endswith(message)


@pytest.mark.parametrize("date, said", [
    ("    last_verified: 2026-01-05\n", "was last checked on 2026-01-05"),
    ("", "has no `last_verified` date"),
])
def test_a_translation_older_than_the_original_is_a_warning(make_site, date, said) -> None:
    catalogue, problems = _check(make_site, _org(f"translations:\n  bn:\n    name: বো যুব\n{date}"))
    assert catalogue is not None
    assert _messages(problems) == [
        f"orgs/bow-youth.md:38:3: warning[translation-older]: `translations.bn`: translation "
        f"older than the English: it {said}, the original was verified on 2026-06-12; check "
        "the translation and set its `last_verified`"]


def test_a_translation_as_new_as_the_original_raises_nothing(make_site) -> None:
    _, problems = _check(make_site, BENGALI)
    assert _messages(problems) == []


def test_a_declaration_must_translate_real_fields_of_a_translatable_class() -> None:
    name = text_field("name", "a name")
    with pytest.raises(ValueError, match="translatable names no field"):
        Record(Term, (name,), "a term", translatable=("title",))

    class Plain:
        pass
    with pytest.raises(TypeError, match="must inherit translatable.Translatable"):
        Record(Plain, (name,), "a plain record", translatable=("name",))


def test_the_date_field_of_a_translation_is_a_date(make_site) -> None:
    catalogue, _ = _check(make_site, BENGALI)
    translation = catalogue.lookup("orgs", "bow-youth").translations.get("bn")
    assert translation.last_verified == dt.date(2026, 6, 12)
    assert [name for name, _ in translation.values] == ["name", "summary", "body"]


def test_nested_translations_share_the_dates_of_the_record_around_them(make_site) -> None:
    """A service's translation without a date is as new as its provider's translation."""
    hub = (BASE_SITE / "providers/hub.md").read_text(encoding="utf-8")
    hub = hub.replace("    title: Funding advice\n", "    title: Funding advice\n"
                      "    translations:\n      bn: {title: তহবিলের পরামর্শ}\n")
    dated = hub.replace("last_verified: 2026-09-01\n", "last_verified: 2026-09-01\n"
                        "translations:\n  bn: {name: উদাহরণ হাব, last_verified: 2026-09-01}\n")
    _, problems = check_site(make_site(BENGALI_SITE | {"providers/hub.md": dated}), TODAY)
    assert [p for p in problems if p.location.path == "providers/hub.md"] == []
    _, problems = check_site(make_site(BENGALI_SITE | {"providers/hub.md": hub}), TODAY)
    assert [str(p) for p in problems if p.location.path == "providers/hub.md"] == [
        "providers/hub.md:25:7: warning[translation-older]: `services[1].translations.bn`: "
        "translation older than the English: it has no `last_verified` date, the original "
        "was verified on 2026-09-01; check the translation and set its `last_verified`"]


def test_single_files_are_localised_too(make_site) -> None:
    """Referral explanations (a one-file kind) follow the language like listings do."""
    translated = ("agreed_by: THIN\nagreements:\n  - need: funding\n    agency: hub\n"
                  "    explanation: The Hub sees new groups first.\n"
                  "    translations:\n      bn: {explanation: সম্মত সংস্থা}\n")
    catalogue, problems = check_site(
        make_site(BENGALI_SITE | {"content/referrals.yaml": translated}), TODAY)
    assert catalogue is not None, problems
    bengali = localised(catalogue, "bn").referrals.for_need("funding")
    assert (bengali.explanation, text_lang(bengali, "explanation")) == ("সম্মত সংস্থা", None)
    assert catalogue.referrals.for_need("funding").explanation == "The Hub sees new groups first."


def test_bdi_isolates_and_escapes() -> None:
    assert str(bdi("Tom & <Jerry>")) == "<bdi>Tom &amp; &lt;Jerry&gt;</bdi>"
    assert str(bdi("নারী সংঘ", "bn")) == '<bdi lang="bn">নারী সংঘ</bdi>'
    assert field_langs(Term(slug="a", name="A")) == {"any": None}


def test_the_schemas_and_the_guide_name_the_translatable_fields() -> None:
    schemas = json_schemas(PORTAL)
    org = json.loads(schemas["org.schema.json"])["properties"]["translations"]
    fields = org["additionalProperties"]["properties"]
    assert sorted(fields) == ["accessibility", "body", "last_verified", "name",
                              "opening_hours_note", "summary"]
    assert org["additionalProperties"]["additionalProperties"] is False
    wards = json.loads(schemas["taxonomy-wards.schema.json"])["items"]["properties"]
    assert sorted(wards["translations"]["additionalProperties"]["properties"]) == [
        "description", "last_verified", "name"]
    assert "translations" not in json.loads(schemas["links.schema.json"])["properties"]
    guide = content_guide(PORTAL)
    assert ("Translations: under `translations:`, per language code (`bn:`), any of `title`, "
            "`description`, `access`, `when`, `cost`, and `last_verified`") in guide


def test_a_rebuild_walks_only_new_records_for_translations(make_site, monkeypatch) -> None:
    """The check keeps what it found in each record by identity (`Conversions`), so a
    second validation of the same raw records walks none of them and warns the same."""
    root = make_site(BENGALI_SITE | {"content/site.yaml": SITE_YAML, "orgs/bow-youth.md": _org(
        "translations:\n  bn:\n    name: বো যুব\n    last_verified: 2026-01-05\n")})
    loaded, reuse = load_repository(root, PORTAL.sources()), Conversions()
    _, first = validate(loaded, PORTAL, TODAY, reuse)
    walked, real = [], translate._walk
    monkeypatch.setattr(translate, "_walk", lambda value, *rest: walked.append(value) or real(
        value, *rest))
    _, second = validate(loaded, PORTAL, TODAY, reuse)
    assert second == first and "translation-older" in {p.code for p in second}
    assert not [value for value in walked if getattr(value, "slug", None) == "bow-youth"]

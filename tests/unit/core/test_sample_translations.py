"""The sample site's Bengali content: what issue 16 asks to be translated is translated."""
from __future__ import annotations

import pytest

from tests.helpers import REPO, TODAY
from thin_build.build import check_site
from thin_build.core.translate import localised


@pytest.fixture(scope="module")
def sample():
    catalogue, problems = check_site(REPO, TODAY)
    assert catalogue is not None, [str(p) for p in problems if p.is_error]
    return catalogue, localised(catalogue, "bn")


def _in_bengali(text: str) -> bool:
    """True when the text is written mostly in Bengali script (a name such as "Central
    Digital Platform" may stay in English inside it)."""
    bengali = sum("\u0980" <= c <= "\u09ff" for c in text)
    return bengali > sum(c.isascii() and c.isalpha() for c in text)


def test_at_least_ten_listings_are_fully_translated(sample) -> None:
    _, bengali = sample
    listings = [*bengali.orgs, *bengali.providers]
    translated = [x for x in listings if x.untranslated is None and _in_bengali(x.name)]
    assert len(translated) >= 10, [x.slug for x in translated]
    assert {"nari-shongho-womens-group", "surma-saturday-school",
            "banglatown-bme-development-partnership"} <= {x.slug for x in translated}
    # their services too
    for provider in (p for p in bengali.providers if p in translated):
        assert all(s.untranslated is None and _in_bengali(s.title) for s in provider.services)


def test_every_taxonomy_term_has_a_bengali_name(sample) -> None:
    english, bengali = sample
    for name in ("needs", "groups", "stages", "provider_types", "wards", "activities",
                 "languages", "skills", "networks", "event_categories", "strategy_themes"):
        terms = bengali.collections[name]
        assert terms and len(terms) == len(english.collections[name])
        missing = [t.slug for t in terms if t.untranslated or not _in_bengali(t.name)]
        assert missing == [], name


def test_every_referral_explanation_is_in_bengali(sample) -> None:
    _, bengali = sample
    explanations = [r.explanation for r in bengali.referrals.agreements]
    explanations += [g.explanation for r in bengali.referrals.agreements for g in r.by_group
                     if g.explanation]
    assert len(explanations) >= 20 and all(map(_in_bengali, explanations))


@pytest.mark.parametrize("questionnaire", ["healthcheck", "readiness"])
def test_every_question_is_in_bengali(sample, questionnaire: str) -> None:
    _, bengali = sample
    single = bengali.singles[questionnaire]
    assert _in_bengali(single.title) and _in_bengali(single.intro)
    for area in single.areas:
        assert _in_bengali(area.title) and _in_bengali(area.intro), area.id
        for question in area.questions:
            assert question.untranslated is None, question.id
            assert all(map(_in_bengali, (question.text, question.why, question.action)))


def test_some_toolkits_are_in_bengali(sample) -> None:
    _, bengali = sample
    translated = [t.slug for t in bengali.toolkits
                  if t.untranslated is None and _in_bengali(t.title)]
    assert len(translated) >= 2, translated

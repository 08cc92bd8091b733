"""Skills matching: the ranking rule, its cap, and work that grows with the offers."""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.skills.support import catalogue, org
from thin_build.skills import matching
from thin_build.skills.matching import MATCH_CAP, build_skill_index


def ranked(cat, slug: str) -> list[tuple[str, bool]]:
    return [(m.partner, m.mutual) for m in build_skill_index(cat).matches.get(slug, ())]


def test_mutual_matches_come_before_one_way_ones_even_without_a_shared_ward():
    cat = catalogue(
        org("a", offers="s1", wants="s2", wards="w1"),
        org("b", offers="s2", wards="w1"),  # one-way, same ward, same stage
        org("c", offers="s2", wants="s1", wards="w3", stage=3),  # mutual, far away
        org("d", wants="s1", wards="w1"),  # one-way the other way
    )
    assert ranked(cat, "a") == [("c", True), ("b", False), ("d", False)]
    match = build_skill_index(cat).matches["a"][0]
    assert (match.gives, match.gets, match.shared_wards) == (("s2",), ("s1",), ())


def test_shared_ward_then_nearest_stage_then_name_then_slug():
    cat = catalogue(
        org("a", wants="s1", wards="w1 w2", stage=2),
        org("far", offers="s1", wards="w3", stage=2),
        org("ward-stage-3", offers="s1", wards="w2", stage=3),
        org("ward-stage-1", offers="s1", wards="w1", stage=1, name="Zebra Group"),
        org("ward-same", offers="s1", wards="w1", stage=2, name="Yak Group"),
        org("twin-b", offers="s1", wards="w2", stage=2, name="Ant Group"),
        org("twin-a", offers="s1", wards="w2", stage=2, name="Ant Group"),
    )
    # same stage (ant, ant by slug, yak), then one stage away (ward-stage-3's
    # "Group ward-stage-3" before "Zebra Group"), then no shared ward.
    assert [p for p, _ in ranked(cat, "a")] == [
        "twin-a", "twin-b", "ward-same", "ward-stage-3", "ward-stage-1", "far"]


def test_no_self_matches_and_closed_organisations_are_left_out():
    cat = catalogue(org("a", offers="s1", wants="s1"), org("b", offers="s2", wants="s1"),
                    org("gone", offers="s1", wants="s2", status="closed"))
    assert ranked(cat, "a") == [("b", False)]
    assert ranked(cat, "b") == [("a", False)]
    assert "gone" not in build_skill_index(cat).matches


def test_matches_are_capped_best_first():
    helpers = [org(f"h{n:02d}", offers="s1", wards="w2", name=f"Helper {n:02d}")
               for n in range(MATCH_CAP + 4)]
    near = org("zz-near", offers="s1", wards="w1", name="Zulu Helper")
    cat = catalogue(org("a", wants="s1", wards="w1"), near, *helpers)
    assert [p for p, _ in ranked(cat, "a")] == ["zz-near"] + [
        f"h{n:02d}" for n in range(MATCH_CAP - 1)]


def brute_force(cat, slug: str) -> list[str]:
    """The rule applied to every pair: what the index must reproduce, faster."""
    from thin_build.directory.indexes import sort_key
    stage = {s.slug: i for i, s in enumerate(cat.stages)}
    me = cat.lookup("orgs", slug)
    mine_o, mine_w = {e.skill for e in me.skills_offered}, {e.skill for e in me.skills_wanted}
    keys = []
    for other in cat.orgs:
        if other.slug == slug or other.status == "closed":
            continue
        gives = {e.skill for e in other.skills_offered} & mine_w
        gets = {e.skill for e in other.skills_wanted} & mine_o
        if gives or gets:
            keys.append(((0 if gives and gets else 1,
                          0 if set(me.wards) & set(other.wards) else 1,
                          abs(stage[me.stage] - stage[other.stage]),
                          *sort_key(other.name), other.slug), other.slug))
    return [s for _key, s in sorted(keys)][:MATCH_CAP]


ORG = st.tuples(st.sets(st.sampled_from(["s1", "s2", "s3", "s4"]), max_size=2),
                st.sets(st.sampled_from(["s1", "s2", "s3", "s4"]), max_size=2),
                st.sets(st.sampled_from(["w1", "w2", "w3"]), min_size=1, max_size=2),
                st.integers(1, 3), st.sampled_from(["Ant", "Bee", "ant", "Cat"]))


@settings(max_examples=60, deadline=None)
@given(st.lists(ORG, min_size=1, max_size=14))
def test_the_index_ranks_exactly_as_comparing_every_pair_would(rows):
    orgs = [org(f"o{i:02d}", " ".join(sorted(o)), " ".join(sorted(w)), " ".join(sorted(wd)),
                stage, name) for i, (o, w, wd, stage, name) in enumerate(rows)]
    cat = catalogue(*orgs)
    index = build_skill_index(cat)
    for one in orgs:
        assert [m.partner for m in index.matches.get(one.slug, ())] == brute_force(cat, one.slug)


def test_the_order_does_not_depend_on_the_order_of_the_files():
    rows = [org(f"o{i}", offers=f"s{i % 5 + 1}", wants=f"s{(i + 2) % 5 + 1}",
                wards=f"w{i % 3 + 1}", stage=i % 3 + 1, name=f"Group {i % 4}")
            for i in range(30)]
    shuffled = rows[:]
    random.Random(4).shuffle(shuffled)
    assert build_skill_index(catalogue(*rows)) == build_skill_index(catalogue(*shuffled))


def synthetic(n: int) -> object:
    """n organisations, two offers and two wants each from 30 skills, in 20 wards."""
    rng = random.Random(n)
    return catalogue(*(org(f"o{i:05d}", " ".join(rng.sample([f"s{k}" for k in range(1, 31)], 2)),
                           " ".join(rng.sample([f"s{k}" for k in range(1, 31)], 2)),
                           f"w{rng.randint(1, 20)}", rng.randint(1, 3))
                       for i in range(n)), skills=30, wards=20)


def test_work_grows_with_the_offers_not_the_square_of_the_organisations():
    small, large = build_skill_index(synthetic(500)), build_skill_index(synthetic(4000))
    # Comparing every pair would read 64 times as many candidates for 8 times the groups;
    # the index reads about 8 times as many (a few per match shown).
    assert large.examined / small.examined < 10
    assert large.examined < 4000 * MATCH_CAP * 4


def test_one_organisations_matches_are_found_without_the_others(monkeypatch):
    """A rebuild of one organisation's page asks the index for its matches alone."""
    cat = catalogue(org("a", offers="s1", wants="s2"), org("b", offers="s2", wants="s1"),
                    org("c", offers="s2"), org("d", wants="s1"))
    asked, real = [], matching._matches_for
    monkeypatch.setattr(matching, "_matches_for",
                        lambda one, *rest: asked.append(one.slug) or real(one, *rest))
    index = build_skill_index(cat)
    assert [m.partner for m in index.matches["a"]] == ["b", "c", "d"] and asked == ["a"]
    assert list(index.matches) == ["a", "b", "c", "d"] and asked == ["a", "b", "c", "d"]
    assert "a" in index.matches and len(index.matches) == 4 and asked.count("a") == 1

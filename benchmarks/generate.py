"""A deterministic content repository for the benchmarks: the sample site scaled up.

`generate(repo, orgs, seed)` copies the sample site's content and adds, in the
proportions of a real borough sector, `orgs` organisations, one provider per 25 of them
(services for real needs), an event per 5 (one in five recurring, dated around TODAY)
and a notice per 50. Every slug comes from the sample's own taxonomies, so the site
validates; names and contacts are drawn so that no two listings look like one
(the validator warns `possible-duplicate` on a shared email, site, phone or a name one
typo away), and one organisation in ten carries a Bengali translation so the Bengali
edition weighs what a real one would. The same seed always writes the same bytes.
"""
from __future__ import annotations

import bisect
import datetime as dt
import json
import random
import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 24)
COPIED = ("content", "orgs", "providers", "events", "toolkits", "templates", "translations")

# (English, Bengali) pairs: names are place + theme + kind, 36 × 40 × 18 = 25,920 of
# them; more than 20,000 pass the near-name filter.
PLACES = [(w, w) for w in (
    "Alder Bellhouse Bowline Brick Lane Cable Canal Chandler Cotton Cubitt Dockhead Eastway "
    "Ferry Foundry Globe Gunmaker Harford Hollybush Ironside Jamaica Keystone Lantern "
    "Limekiln Maplewood Narrow Oakfield Pennyfields Quayside Ropemaker Saltwell Shipwright "
    "Tidemill Turner Vallance Watney Wharfside").split()]
THEMES = [
    ("Youth", "যুব"), ("Women's", "নারী"), ("Elders", "প্রবীণ"), ("Garden", "বাগান"),
    ("Kitchen", "রান্নাঘর"), ("Arts", "শিল্পকলা"), ("Sports", "খেলাধুলা"), ("Advice", "পরামর্শ"),
    ("Learning", "শিক্ষা"), ("Carers", "পরিচর্যাকারী"), ("Music", "সংগীত"), ("Football", "ফুটবল"),
    ("Cricket", "ক্রিকেট"), ("Reading", "পাঠ"), ("Sewing", "সেলাই"), ("Walking", "হাঁটা"),
    ("Parents", "অভিভাবক"), ("Tenants", "ভাড়াটে"), ("Heritage", "ঐতিহ্য"), ("Wellbeing", "সুস্থতা"),
    ("Food", "খাদ্য"), ("Refugee", "শরণার্থী"), ("Digital", "ডিজিটাল"), ("Dance", "নৃত্য"),
    ("Drama", "নাটক"), ("Chess", "দাবা"), ("Cycling", "সাইকেল"), ("Swimming", "সাঁতার"),
    ("Homework", "হোমওয়ার্ক"), ("Faith", "ধর্মীয়"), ("Green", "সবুজ"), ("Housing", "আবাসন"),
    ("Health", "স্বাস্থ্য"), ("Language", "ভাষা"), ("Poetry", "কবিতা"), ("Craft", "কারুশিল্প"),
    ("Boxing", "বক্সিং"), ("Film", "চলচ্চিত্র"), ("Gardening", "বাগানচর্চা"), ("Supper", "নৈশভোজ")]
KINDS = [
    ("Club", "ক্লাব"), ("Group", "দল"), ("Project", "প্রকল্প"), ("Association", "সমিতি"),
    ("Collective", "সমষ্টি"), ("Network", "নেটওয়ার্ক"), ("Trust", "ট্রাস্ট"), ("Circle", "চক্র"),
    ("Society", "সংঘ"), ("Forum", "ফোরাম"), ("Centre", "কেন্দ্র"), ("Hub", "হাব"),
    ("Partnership", "অংশীদারি"), ("Alliance", "জোট"), ("Workshop", "কর্মশালা"),
    ("School", "স্কুল"), ("Cooperative", "সমবায়"), ("Friends", "বন্ধুরা")]
STREETS = "Road Street Lane Yard Court Walk Place Row".split()
DAYS = "mon tue wed thu fri sat sun".split()
BN_SUMMARY = "{name} এলাকার মানুষের জন্য প্রতি সপ্তাহে স্বেচ্ছাসেবকদের চালানো কার্যক্রম আয়োজন করে।"
BN_BODY = ("আমরা {year} সাল থেকে স্থানীয় মানুষের সাথে কাজ করছি।\n\n"
           "আমাদের সেশন সবার জন্য খোলা, আর স্বেচ্ছাসেবকরাই সেগুলো চালান।\n")


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def flow(items) -> str:
    return "[" + ", ".join(items) + "]"


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


def taxonomy(name: str) -> list[dict]:
    return yaml.safe_load((ROOT / "content" / "taxonomies" / f"{name}.yaml").read_text("utf-8"))


def sample_phones() -> set[str]:
    """The drama-range numbers the sample already uses, so no synthetic phone clashes."""
    found = set()
    for path in sorted(p for folder in COPIED for p in (ROOT / folder).rglob("*")
                       if p.suffix in (".md", ".yaml")):
        found.update(re.findall(r"020 7946 (\d{4})", path.read_text("utf-8", errors="replace")))
    return found


def distinct_names(count: int, rng: random.Random, spell) -> list[tuple[int, int, int]]:
    """`count` (place, theme, kind) triples whose names no near-name check would pair.

    The validator compares each normalised name with its sorted neighbours; keeping the
    accepted names sorted and testing a candidate against its two would-be neighbours
    keeps that property for the whole list.
    """
    from thin_build.directory.dedupe import NEAR_NAME, name_similarity, normalise_name
    accepted: list[str] = []
    chosen: list[tuple[int, int, int]] = []
    seen: set[tuple[int, int, int]] = set()
    while len(chosen) < count:
        if len(seen) == len(PLACES) * len(THEMES) * len(KINDS):
            raise SystemExit(f"only {len(chosen)} distinct names: add words to PLACES or THEMES")
        triple = (rng.randrange(len(PLACES)), rng.randrange(len(THEMES)), rng.randrange(len(KINDS)))
        if triple in seen:
            continue
        seen.add(triple)
        name = normalise_name(spell(triple))
        at = bisect.bisect_left(accepted, name)
        neighbours = accepted[max(at - 1, 0):at + 1]
        if all(name_similarity(name, other) < NEAR_NAME for other in neighbours):
            accepted.insert(at, name)
            chosen.append(triple)
    return chosen


def english_name(triple) -> str:
    place, theme, kind = triple
    return f"{PLACES[place][0]} {THEMES[theme][0]} {KINDS[kind][0]}"


def bengali_name(triple) -> str:
    place, theme, kind = triple
    return f"{PLACES[place][0]} {THEMES[theme][1]} {KINDS[kind][1]}"


def postcode(rng: random.Random) -> str:
    return f"E{rng.choice((1, 2, 3, 14))} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"


def opening_hours(rng: random.Random) -> str:
    days = sorted(rng.sample(range(7), rng.randint(1, 4)))
    opens = rng.choice((9, 10, 13, 16))
    return (f"opening_hours:\n  - days: {flow(DAYS[d] for d in days)}\n"
            f"    opens: \"{opens:02d}:00\"\n    closes: \"{opens + rng.choice((2, 3, 5)):02d}:00\"\n")


def org_file(index: int, triple, phone: str | None, tax: dict, providers: list[str],
             rng: random.Random) -> str:
    name, slug = english_name(triple), slugify(english_name(triple))
    theme = THEMES[triple[1]][0].lower().replace("'s", "")
    verified = TODAY - dt.timedelta(days=rng.randint(5, 300))
    lines = [f"name: {q(name)}",
             f"summary: {q(f'A volunteer-run {theme} group for local people, meeting every week near {PLACES[triple[0]][0]} {rng.choice(STREETS)}.')}",
             f"email: {rng.choice(('hello', 'info', 'contact'))}.{slug}@example.org"]
    if rng.random() < 0.6:
        lines.append(f"website: https://{slug}.example.org/")
    if phone:
        lines.append(f"phone: 020 7946 {phone}")
    lines += [f"address: |\n  {rng.randint(1, 199)} {PLACES[triple[0]][0]} {rng.choice(STREETS)}\n  London",
              f"postcode: {postcode(rng)}",
              f"wards: {flow(rng.sample(tax['wards'], rng.randint(1, 3)))}",
              f"groups: {flow(rng.sample(tax['groups'], rng.randint(1, 3)))}",
              f"activities: {flow(rng.sample(tax['activities'], rng.randint(1, 3)))}",
              f"languages: {flow(['english'] + rng.sample(tax['languages'][1:], rng.randint(0, 2)))}"]
    text = "\n".join(lines) + "\n" + opening_hours(rng)
    stage = rng.choices(tax["stages"], weights=(60, 32, 8))[0]
    low, high = tax["incomes"][stage]
    text += (f"stage: {stage}\nannual_income: {rng.randint(low // 500, high // 500) * 500}\n"
             f"volunteers: {rng.randint(2, 60)}\n"
             f"support_needs: {flow(rng.sample(tax['needs'], rng.randint(0, 3)))}\n")
    if rng.random() < 0.3:
        text += f"networks: {flow(rng.sample(tax['networks'], 1))}\n"
    if rng.random() < 0.2:
        text += f"works_with: {flow(rng.sample(providers, 1))}\n"
    if rng.random() < 0.3:
        text += f"skills_offered:\n  - skill: {rng.choice(tax['skills'])}\n    detail: Happy to share with other groups\n"
    text += f"status: active\nlast_verified: {verified.isoformat()}\n"
    if index % 10 == 3:
        text += (f"translations:\n  bn:\n    name: {q(bengali_name(triple))}\n"
                 f"    summary: {q(BN_SUMMARY.format(name=bengali_name(triple)))}\n"
                 f"    body: |\n" + "".join(f"      {line}\n" if line else "\n"
                                          for line in BN_BODY.format(year=2000 + index % 25).splitlines())
                 + f"    last_verified: {verified.isoformat()}\n")
    return (f"---\n{text}---\n{name} started in {2000 + index % 25}. We run {theme} sessions for "
            f"people of all ages, organised by volunteers who live nearby.\n\n## What we do\n\n"
            f"Weekly sessions, a termly newsletter and an open day every {rng.choice(('spring', 'summer', 'autumn'))}.\n")


def provider_name(triple) -> str:
    place, theme, kind = triple
    return f"{PLACES[place][0]} {THEMES[theme][0]} Support {KINDS[kind][0]}"


def provider_file(triple, tax: dict, rng: random.Random) -> tuple[str, str]:
    name = provider_name(triple)
    slug = slugify(name)
    services = "".join(
        f"  - need: {need}\n    title: {q(tax['need names'][need] + ' from ' + name)}\n"
        f"    description: One-to-one help and short workshops for community groups.\n"
        f"    stages: {flow(sorted(rng.sample(tax['stages'], rng.randint(1, 3))))}\n"
        f"    access: Email the referral contact.\n    cost: Free.\n"
        for need in rng.sample(tax["needs"], rng.randint(2, 5)))
    return slug, (f"---\nname: {q(name)}\ntype: {rng.choice(tax['provider-types'])}\n"
                  f"summary: Support for voluntary and community groups across the borough.\n"
                  f"website: https://{slug}.example.org/\nemail: team.{slug}@example.org\n"
                  f"wards: {flow(rng.sample(tax['wards'], 2) if rng.random() < 0.6 else ['borough-wide'])}\n"
                  f"referral_contact:\n  role: Development worker\n  email: referrals.{slug}@example.org\n"
                  f"last_verified: {(TODAY - dt.timedelta(days=rng.randint(5, 200))).isoformat()}\n"
                  f"services:\n{services}---\n{name} helps local groups get started and grow.\n")


def event_file(index: int, organiser: str, tax: dict, rng: random.Random) -> str:
    start = TODAY + dt.timedelta(days=rng.randint(-60, 120))
    posted = min(start, TODAY) - dt.timedelta(days=rng.randint(1, 30))
    hour = rng.choice((10, 13, 18))
    what = rng.choice(("session", "meet-up", "workshop", "open day"))
    text = (f"---\ntitle: {q(f'{rng.choice(THEMES)[0]} {what} number {index + 1}')}\n"
            f"summary: A free session for local groups; everyone is welcome.\n"
            f"category: {rng.choice(tax['event-categories'])}\norganiser: {organiser}\n"
            f"start: {start.isoformat()} {hour}:00\nend: \"{hour + 2}:00\"\n")
    if index % 5 == 0:
        text += f"recurrence:\n  frequency: weekly\n  count: {rng.randint(4, 16)}\n"
    ward = rng.choice(tax["wards"])
    text += (f"venue:\n  name: {q(rng.choice(PLACES)[0] + ' Hall')}\n  address: |\n    "
             f"{rng.randint(1, 99)} {rng.choice(PLACES)[0]} {rng.choice(STREETS)}\n    London\n"
             f"  postcode: {postcode(rng)}\n  ward: {ward}\n"
             f"stages: {flow(sorted(rng.sample(tax['stages'], rng.randint(1, 3))))}\ncost: Free\n"
             f"posted: {posted.isoformat()}\n---\nCome along; no booking needed.\n")
    return text


def notice_file(index: int, poster: str, rng: random.Random) -> str:
    posted = TODAY - dt.timedelta(days=rng.randint(1, 40))
    return (f"---\ntitle: {q(f'Volunteers wanted, notice {index + 1}')}\n"
            f"summary: Help for an hour a week would make a real difference.\n"
            f"posted_by: {poster}\nposted: {posted.isoformat()}\n"
            f"expires: {(TODAY + dt.timedelta(days=rng.randint(10, 90))).isoformat()}\n---\n"
            "We provide training and expenses.\n")


def generate(repo: Path, orgs: int, seed: int = 15) -> None:
    """Write the sample site plus `orgs` synthetic organisations and their neighbours."""
    for folder in COPIED:
        shutil.copytree(ROOT / folder, repo / folder, dirs_exist_ok=True)
    tax = {name: [item["slug"] for item in taxonomy(name)]
           for name in ("wards", "groups", "activities", "languages", "needs", "networks",
                        "skills", "stages", "provider-types", "event-categories")}
    tax["need names"] = {item["slug"]: item["name"] for item in taxonomy("needs")}
    tax["incomes"] = {item["slug"]: (item["min_income"], item["max_income"])
                      for item in taxonomy("stages")}  # no `stage-income` warnings
    rng = random.Random(seed)
    providers = []
    for triple in distinct_names(max(orgs // 25, 1), rng, provider_name):
        slug, text = provider_file(triple, tax, rng)
        (repo / "providers" / f"{slug}.md").write_text(text, encoding="utf-8")
        providers.append(slug)
    used = sample_phones()
    phones = [f"{n:04d}" for n in range(1000) if f"{n:04d}" not in used]
    rng.shuffle(phones)
    slugs = []
    for index, triple in enumerate(distinct_names(orgs, rng, english_name)):
        phone = phones.pop() if phones and index % 25 == 7 else None
        slug = slugify(english_name(triple))
        (repo / "orgs" / f"{slug}.md").write_text(
            org_file(index, triple, phone, tax, providers, rng), encoding="utf-8")
        slugs.append(slug)
    for index in range(orgs // 5):
        organiser = (f"providers/{providers[index % len(providers)]}" if index % 4 == 0
                     else f"orgs/{slugs[(index * 7) % len(slugs)]}")
        (repo / "events" / f"bench-event-{index + 1:05d}.md").write_text(
            event_file(index, organiser, tax, rng), encoding="utf-8")
    for index in range(orgs // 50):
        (repo / "content" / "notices" / f"bench-notice-{index + 1:04d}.md").write_text(
            notice_file(index, f"orgs/{slugs[(index * 13) % len(slugs)]}", rng), encoding="utf-8")


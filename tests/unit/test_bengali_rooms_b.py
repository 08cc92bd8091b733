"""The toolkits, health check, evidence, commissioning, projects, skills, networks, surveys
and open data pages in Bengali: their interface words come from the Bengali catalogue.

The sample site (English and Bengali) is built once; each test reads one room's Bengali
page with an HTML parser and looks for the exact words written in
/work/coord/i18n/bn/h6.po (merged into translations/bn/), beside the English page's, so a
string that silently stays English, or a template that drops a translation, fails here.
"""
from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.helpers import REPO, TODAY
from thin_build.build import build_site


class Elements(HTMLParser):
    """Every element's tag, attributes and whole text, in document order."""

    VOID = frozenset({"br", "img", "input", "link", "meta", "hr", "source", "wbr", "rect"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict, list[str]]] = []
        self._open: list[list[str]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            self.found.append((tag, dict(attrs), []))
            return
        text: list[str] = []
        self.found.append((tag, dict(attrs), text))
        self._open.append(text)

    def handle_startendtag(self, tag, attrs):
        self.found.append((tag, dict(attrs), []))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self._open:
            self._open.pop()

    def handle_data(self, data):
        for text in self._open:
            text.append(data)

    def texts(self, tag: str, **attrs: str) -> list[str]:
        """The text of each `tag` element whose attributes include `attrs`."""
        return [" ".join("".join(text).split()) for name, found, text in self.found
                if name == tag and all(found.get(k.replace("_", "-")) == v
                                       for k, v in attrs.items())]

    def attribute(self, tag: str, name: str, **attrs: str) -> list[str]:
        return [found[name] for t, found, _text in self.found
                if t == tag and name in found
                and all(found.get(k.replace("_", "-")) == v for k, v in attrs.items())]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_site(REPO, tmp_path_factory.mktemp("rooms-b") / "site", TODAY, pdf=False).out


def page(site: Path, path: str, language: str = "bn") -> Elements:
    folder = site / language if language != "en" else site
    return Elements((folder / path.strip("/") / "index.html").read_text(encoding="utf-8"))


def test_the_toolkit_library_speaks_bengali(site: Path) -> None:
    bengali, english = page(site, "/toolkits/"), page(site, "/toolkits/", "en")
    assert bengali.texts("h1") == ["টুলকিট, টেমপ্লেট ও নির্দেশিকা"]
    assert english.texts("h1") == ["Toolkits, templates and guides"]
    assert bengali.attribute("nav", "aria-label", **{"class": "toolkit-filters"}) == [
        "টুলকিট দেখুন"]
    assert bengali.texts("h3")[:3] == ["বিষয় অনুযায়ী", "ধরন অনুযায়ী",
                                       "উন্নয়নের পর্যায় অনুযায়ী"]


def test_the_health_check_buttons_labels_and_script_words_are_bengali(site: Path) -> None:
    bengali = page(site, "/health-check/")
    assert bengali.texts("button", id="assessment-print") == ["আমার কর্মপরিকল্পনা প্রিন্ট করুন"]
    assert bengali.texts("button", id="assessment-share") == [
        "এই উত্তরগুলোর একটি লিংক কপি করুন"]
    assert bengali.texts("button", id="assessment-forget") == ["আমার উত্তর মুছে ফেলুন"]
    assert bengali.texts("th", scope="col") == ["বিষয়", "স্কোর", "মূল্যায়ন"]
    form = bengali.attribute("form", "data-say-caption", id="assessment-form")
    assert form == ["{stage}-এর জন্য বিষয়ভিত্তিক ফলাফল"]
    assert bengali.attribute("form", "data-say-gaps-other", id="assessment-form") == [
        "আপনার কর্মপরিকল্পনায় {num}টি ঘাটতি।"]
    assert bengali.attribute("form", "data-questions", id="assessment-form") == [
        "/bn/health-check/questions.json"]
    data = json.loads((site / "bn/health-check/questions.json").read_text(encoding="utf-8"))
    assert data["rule"]["answers"][0] == ["yes", "হ্যাঁ", "y"]
    assert data["rule"]["verdicts"]["needs-attention"] == "মনোযোগ দরকার"
    english = json.loads((site / "health-check/questions.json").read_text(encoding="utf-8"))
    assert english["rule"]["answers"][0] == ["yes", "Yes", "y"]
    assert english["version"] == data["version"]  # a shared link works in either language
    # Paths carry no prefix: the page's own base (/bn/) is put in front by the script.
    assert bengali.attribute("form", "data-base", id="assessment-form") == ["/bn/"]
    assert data["referralIndex"] == english["referralIndex"] == "/support/referral-index.json"


def test_an_evidence_chart_and_its_table_are_headed_in_bengali(site: Path) -> None:
    bengali = page(site, "/evidence/")
    assert bengali.texts("title", id="chart-stages-title") == [
        "উন্নয়নের পর্যায় অনুযায়ী সংগঠন ও আয়"]
    assert bengali.texts("caption", id="stages-caption") == [
        "উন্নয়নের পর্যায় অনুযায়ী সংগঠন ও আয়"]
    headings = bengali.texts("th", scope="col")
    assert headings[:5] == ["পর্যায়", "সংগঠনসমূহ", "আয় জানিয়েছে", "মোট আয়", "আয়ের মধ্যমা"]
    assert "মূল পরিসংখ্যান" in bengali.texts("h2")
    csv = (site / "bn/evidence/stages.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert csv.startswith("পর্যায়,সংগঠনসমূহ,")


def test_opportunities_show_their_days_left_in_bengali(site: Path) -> None:
    bengali = page(site, "/opportunities/")
    assert bengali.texts("h1") == ["চালু সুযোগ"]
    assert {"শেষ তারিখ", "কমিশনার বা অর্থদাতা", "যৌথ বিড"} <= set(bengali.texts("dt"))
    english = page(site, "/opportunities/", "en")
    days = [text.removeprefix("closes in ").removesuffix(" days")
            for text in english.texts("strong") if text.startswith("closes in ")]
    assert days
    assert [f"{n} দিন পর বন্ধ হবে" for n in days] == [
        text for text in bengali.texts("strong") if text.endswith("দিন পর বন্ধ হবে")]


def test_project_statuses_are_worded_in_bengali_not_only_coloured(site: Path) -> None:
    bengali, english = page(site, "/projects/"), page(site, "/projects/", "en")
    words = {"Red": "লাল", "Amber": "হলুদ", "Green": "সবুজ"}
    assert bengali.texts("strong", **{"class": "rag-label"}) == [
        words[w] for w in english.texts("strong", **{"class": "rag-label"})]
    assert "ডাউনলোড" in bengali.texts("h2")


def test_the_skills_exchange_speaks_bengali(site: Path) -> None:
    bengali = page(site, "/skills/")
    assert bengali.texts("h1") == ["দক্ষতা বিনিময়"]
    assert bengali.texts("h2", id="swaps") == ["অদলবদল: যে গ্রুপগুলো একে অপরকে সাহায্য করতে পারে"]
    assert set(bengali.texts("h3")) >= {"যারা দেয়", "যারা চায়"}


def test_network_cards_count_members_in_bengali(site: Path) -> None:
    english = page(site, "/networks/", "en").texts("p", **{"class": "card-detail"})
    bengali = page(site, "/networks/").texts("p", **{"class": "card-detail"})
    counts = [text.rsplit(". ", 1)[-1].split(" ")[0] for text in english]
    # The Bengali list is in the order of the Bengali names, so compare the counts as a set.
    assert sorted(text.rsplit("। ", 1)[-1] for text in bengali) == sorted(
        f"ডিরেক্টরিতে {n} জন সদস্য।" for n in counts)


def test_the_survey_results_and_form_speak_bengali(site: Path) -> None:
    evidence = page(site, "/evidence/")
    assert [h for h in evidence.texts("h2") if h.startswith("গ্রুপগুলো যা দরকার বলেছে: ")]
    [form] = [p for p in (site / "bn/evidence/surveys").rglob("form/index.html")]
    printed = Elements(form.read_text(encoding="utf-8"))
    assert "ধন্যবাদ। যে প্রদানকারী ফর্মটি দিয়েছেন তাঁকে এটি ফেরত দিন।" in printed.texts("p")


def test_the_open_data_page_is_bengali_and_marks_english_column_notes(site: Path) -> None:
    bengali = page(site, "/data/")
    assert bengali.texts("h1") == ["উন্মুক্ত ডেটা"]
    assert "ফাইলগুলো কীভাবে লেখা হয়" in bengali.texts("h2")
    assert bengali.texts("h3") == ["সারি ও কলাম", "CSV ফাইল"]
    marked = bengali.attribute("span", "lang", dir="auto")
    assert len(marked) > 40 and set(marked) == {"en"}  # the schemas' English descriptions
    assert page(site, "/data/", "en").attribute("span", "lang", dir="auto") == []

"""Every build step reads only what it declares, and a per-record step's pages are its record's.

An incremental rebuild runs a step again only when something in its `Step.reads`
changed, and a `per` step only for the changed records; a declaration that leaves out
an input would leave stale pages behind. So each step of the portal is run on the
golden site and the sample site, in every language, with a recording catalogue
(`tests/unit/recording.py`), PDFs on (their sizes are on the pages that link to
them), and what it read is compared with what it declares.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator

import pytest

from tests.helpers import BASE_SITE, REPO, TODAY
from tests.unit.recording import Recorder, RecordingCatalogue, Run, run_recorded
from thin_build.build import DEFAULT_TEMPLATES, check_site
from thin_build.capabilities import PORTAL
from thin_build.core import urls
from thin_build.core.capability import EVERYTHING, Capability, Step
from thin_build.core.i18n import speaking
from thin_build.core.messages import load_translations
from thin_build.core.plan import BuildInputs, PagePlan
from thin_build.core.render import make_layout
from thin_build.core.translate import localised

STEPS = tuple(step for capability in PORTAL.capabilities for step in capability.steps)
# What a step may read beyond the catalogue through the repository folder.
ROOT_USES = frozenset({"media", "history"})
# The golden site, and the sample site in each of its languages: between them every
# branch a step takes (a folder-shaped organisation, a Bengali pass, events by groups).
SITES = (("golden", BASE_SITE), ("sample", REPO))


@dataclass(frozen=True)
class Pass:
    """One language's pass over one site: its inputs, and how to make it current."""

    label: str
    inputs: BuildInputs
    translations: Any
    language: Any
    edition: urls.Edition

    @contextmanager
    def current(self) -> Iterator[BuildInputs]:
        with speaking(self.translations, self.language), urls.publishing(self.edition):
            yield self.inputs


def passes() -> Iterator[Pass]:
    for name, root in SITES:
        catalogue, problems = check_site(root, TODAY)
        assert catalogue is not None, problems
        languages = catalogue.site.languages
        translations, _ = load_translations(root, languages)
        for language in languages:
            edition = urls.Edition(urls.language_prefix(language.code, languages[0].code),
                                   frozenset(catalogue.downloads))
            yield Pass(f"{name}-{language.code}",
                       BuildInputs(localised(catalogue, language.code), TODAY,
                                   PORTAL.contributions(), root=root,
                                   templates=DEFAULT_TEMPLATES, pdf=True),
                       translations[language.code], language, edition)


@pytest.fixture(scope="module")
def runs() -> dict[str, tuple[Pass, dict[str, Run]]]:
    """Every step run once in every pass: pass label → (the pass, step name → run)."""
    done = {}
    for each_pass in passes():
        with each_pass.current() as inputs:
            done[each_pass.label] = (each_pass, {step.name: run_recorded(step, inputs)
                                                 for step in STEPS})
    return done


def undeclared(step: Step, run: Run) -> set[str]:
    """What the step read that its declaration does not name: a field of a collection
    (`orgs.name`, `orgs.slug` for which records there are) is declared by itself or by
    the bare collection."""
    reads = set(run.reads)
    if "root" in reads:
        reads.discard("root")
        if not step.reads & ROOT_USES:
            reads.add("root (declare media or history)")
    declared = step.fields
    return {read for read in reads
            if not _covered(declared, *read.partition(".")[::2])}


def _covered(declared, name: str, field_name: str) -> bool:
    fields = declared.get(name, frozenset())
    return name in declared and (not field_name or fields is None or field_name in fields)


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.name)
def test_a_step_reads_only_what_it_declares(step: Step, runs) -> None:
    found = {label: undeclared(step, by_step[step.name])
             for label, (_pass, by_step) in runs.items()}
    assert {label: reads for label, reads in found.items() if reads} == {}


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.name)
def test_no_step_declares_everything(step: Step) -> None:
    assert step.reads != EVERYTHING


def misattributed(step: Step, each_pass: Pass, full: Run) -> list[str]:
    """The records for which the step run alone (`only`) does not give exactly, in the
    same order, what its full run gave while `each` was on that record; "(none)" if the
    full run gave something outside every record."""
    with each_pass.current() as inputs:
        slugs = [record.slug for record in getattr(inputs.catalogue, step.per)]
        wrong = ["(none)"] if any(owner is None for owner, _item in full.items) else []
        for slug in slugs:
            alone = run_recorded(step, inputs, {step.per: frozenset({slug})},
                                 shared=full.inputs)
            if [item for _owner, item in alone.items] != \
                    [item for owner, item in full.items if owner == slug]:
                wrong.append(slug)
    return wrong


@pytest.mark.parametrize("step", [s for s in STEPS if s.per], ids=lambda step: step.name)
def test_a_per_record_step_gives_each_record_its_own_pages(step: Step, runs) -> None:
    found = {label: misattributed(step, each_pass, by_step[step.name])
             for label, (each_pass, by_step) in runs.items()}
    assert {label: slugs for label, slugs in found.items() if slugs} == {}


def test_a_per_step_that_takes_every_record_first_is_caught(runs) -> None:
    """Pages given after `each` has moved on are the wrong record's: an incremental
    rebuild would drop them. Here every page comes after the last record was taken."""
    def pages(inputs: BuildInputs) -> Iterator[PagePlan]:
        for org in list(inputs.each("orgs")):
            yield PagePlan(f"/x/{org.slug}/", "t.html", org.name, "")

    step = Step(pages, frozenset(), per="orgs")
    each_pass = runs["golden-en"][0]
    with each_pass.current() as inputs:
        full = run_recorded(step, inputs)
    slugs = [org.slug for org in each_pass.inputs.catalogue.orgs]
    assert misattributed(step, each_pass, full) == slugs


def test_the_page_frame_reads_only_pages_and_site(runs) -> None:
    """Every page is rendered in the layout (menus, the footer's pages), which no step
    declares: an incremental rebuild makes every page again when these change."""
    for label, (each_pass, _by_step) in runs.items():
        recorder = Recorder()
        with each_pass.current() as inputs:
            make_layout(RecordingCatalogue(inputs.catalogue, recorder), inputs.contributions,
                        "", inputs.catalogue.site.languages)
        assert {read.partition(".")[0] for read in recorder.reads} <= PORTAL.frame_reads, label


def _org_pages() -> Step:
    return next(s for s in STEPS if s.name == "thin_build.directory.pages.org_pages")


def test_a_declaration_that_omits_a_read_fails(runs) -> None:
    """The recording catches a step that reads more than it says: here the org pages
    step declared without the wards its pages name."""
    step = _org_pages()
    wrong = Step(step.make, frozenset(r for r in step.reads if not r.startswith("wards")),
                 step.per)
    each_pass, _ = runs["golden-en"]
    with each_pass.current() as inputs:
        assert undeclared(wrong, run_recorded(wrong, inputs)) == {
            "wards.code", "wards.name", "wards.untranslated"}


def test_a_declaration_that_omits_a_field_fails(runs) -> None:
    """An organisation's page shows its skill-swap partners' names: declared without
    `orgs.name`, a rename would leave the partners' pages showing the old name."""
    step = _org_pages()
    wrong = Step(step.make, step.reads - {"orgs.name"}, step.per)
    each_pass, _ = runs["golden-en"]
    with each_pass.current() as inputs:
        assert undeclared(wrong, run_recorded(wrong, inputs)) == {"orgs.name"}


def test_a_memo_keyed_by_records_does_not_hide_reads(runs) -> None:
    """The calendar's occurrences are cached by event (`lru_cache`): a second run
    still reads the events' times, and says so."""
    step = next(s for s in STEPS if s.name == "thin_build.calendar.pages.calendar_pages")
    inputs = runs["golden-en"][0].inputs
    with runs["golden-en"][0].current():
        first, second = run_recorded(step, inputs), run_recorded(step, inputs)
    assert "events.start" in first.reads and first.reads == second.reads


def test_a_per_step_that_reads_its_collection_directly_must_declare_it(runs) -> None:
    def pages(inputs: BuildInputs) -> Iterator[PagePlan]:
        for org in inputs.each("orgs"):
            names = [other.name for other in inputs.catalogue.orgs]
            yield PagePlan(f"/x/{org.slug}/", "t.html", org.name, "", {"all": names})

    sloppy = Step(pages, frozenset(), per="orgs")
    inputs = runs["golden-en"][0].inputs
    assert undeclared(sloppy, run_recorded(sloppy, inputs)) == {"orgs.slug", "orgs.name"}
    for reads, missing in (({"orgs"}, set()), ({"orgs.name", "orgs.slug"}, set()),
                           ({"orgs.name"}, {"orgs.slug"}),
                           ({"orgs.summary", "orgs.slug"}, {"orgs.name"})):
        declared = Step(pages, frozenset(reads), per="orgs")
        assert undeclared(declared, run_recorded(declared, inputs)) == missing, reads


def test_a_look_up_reads_which_records_there_are_only_when_it_fails(runs) -> None:
    """A slug taken from another record names a record that exists (validation says
    so), so looking it up reads only its fields; a look-up a step expects may fail
    depends on which records there are."""
    def pages(inputs: BuildInputs, slug: str) -> Iterator[PagePlan]:
        try:
            name = inputs.catalogue.lookup("wards", slug).name
        except KeyError:
            name = slug
        yield PagePlan("/x/", "t.html", name, "")

    inputs = runs["golden-en"][0].inputs
    for slug, reads in (("bow-east", {"wards.name"}), ("borough-wide", {"wards.slug"})):
        step = Step(lambda inputs, slug=slug: pages(inputs, slug), frozenset())
        assert run_recorded(step, inputs).reads == reads, slug


def test_a_per_step_reads_its_own_record_freely(runs) -> None:
    """Any field of the record `each` gave, however reached, is the step's own: a
    change to that record makes its pages again anyway."""
    def pages(inputs: BuildInputs) -> Iterator[PagePlan]:
        for org in inputs.each("orgs"):
            again = inputs.catalogue.lookup("orgs", org.slug)
            yield PagePlan(f"/x/{org.slug}/", "t.html", org.name, again.summary)

    step = Step(pages, frozenset(), per="orgs")
    assert undeclared(step, run_recorded(step, runs["golden-en"][0].inputs)) == set()


def test_a_record_given_to_a_template_whole_reads_every_field(runs) -> None:
    """A template may read any field of a record in its data: only a bare declaration
    of the collection covers that."""
    def pages(inputs: BuildInputs) -> Iterator[PagePlan]:
        yield PagePlan("/x/", "t.html", "x", "", {"orgs": list(inputs.catalogue.orgs)})

    inputs = runs["golden-en"][0].inputs
    for reads, missing in (({"orgs.name", "orgs.slug"}, {"orgs.*"}), ({"orgs"}, set())):
        step = Step(pages, frozenset(reads))
        assert undeclared(step, run_recorded(step, inputs)) == missing, reads


def test_a_step_must_be_declared() -> None:
    """A bare function declares nothing an incremental rebuild could trust."""
    with pytest.raises(TypeError, match="declare it as Step"):
        Capability(name="bare", steps=(lambda inputs: (),))

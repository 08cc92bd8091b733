"""Render pages across cores: forked worker processes render page plans and write them
straight into the output tree's temporary folder.

Rendering (Jinja) and writing are most of a full build's time, and every page is
independent of the others, while the plans come from steps that share indexes
(`inputs.derived`). So the build process runs the steps as a serial build does and
streams their plans in batches to workers forked once per language pass: forked
after the catalogue, the compiled templates and the language's layout exist, every
worker has them all, shared copy-on-write, so only plans cross a pipe (each pickled
on its own, so a digest of its bytes, `plan_digest`, what an incremental rebuild
compares, costs one hash more) and only a batch's "done" (or one line saying what
failed) comes back. The build process claims each path before sending it
(`OutputTree.claim`), so collisions are found exactly as in a serial build, and the
files are the same bytes whichever process writes them.
Each worker announces in shared memory which page it is on, so a worker that dies
(killed for memory, a crash in a C library) fails the build naming that page.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import pickle
import queue
import signal
import threading
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, MutableMapping

from .errors import BuildError
from .load import heap_frozen
from .plan import PagePlan
from .write import FolderWriter, OutputTree

# A page's URL and plan → its text, raising BuildError (`steps.PageRenderer`).
Render = Callable[[str, PagePlan], str]
JOBS_ENV = "THIN_JOBS"
BATCH = 32  # items a message carries: few messages, little left over at the end
IN_FLIGHT = 3  # batches a worker holds at once: never idle, and memory stays bounded


def plan_bytes(plan: PagePlan) -> bytes:
    """A plan pickled alone; raises for a plan that will not pickle (a view holding a
    function). Read back only by a forked worker, from a pipe, never from a file."""
    return pickle.dumps(plan, protocol=5)


def plan_digest(data: bytes, context: bytes = b"") -> bytes:
    """The digest of a pickled plan and what else it is rendered with (`context`):
    equal digests mean equal plans (`steps.UnchangedSkipped`)."""
    return hashlib.blake2b(context + data, digest_size=16).digest()


@dataclass(frozen=True)
class _Pickled:
    """A plan as it crosses the pipe: its bytes, and its template to name it by."""

    template: str
    data: bytes


def resolve_jobs(jobs: int | None) -> int:
    """Processes that render: `jobs` if given, else `THIN_JOBS`, else one per core."""
    if jobs is None:
        text = os.environ.get(JOBS_ENV, "").strip()
        if not text:
            return os.cpu_count() or 1
        if not text.isdigit():
            raise BuildError(f"{JOBS_ENV}={text!r}: give a whole number of processes, "
                             "such as 2 (1 renders in the build's own process)")
        jobs = int(text)
    if jobs < 1:
        raise BuildError(f"{jobs} jobs: give 1 or more processes to render with")
    return jobs


@dataclass
class _Worker:
    slot: int
    process: Any  # multiprocessing's forked Process
    tasks: Connection
    results: Connection
    waiting: dict[int, list[str]] = field(default_factory=dict)  # batch → its items' names


class PagePool:
    """Forked workers rendering and writing pages into an output tree's temporary folder.

    With `digests`, each page's plan digest in `context` is put there by its path."""

    def __init__(self, tree: OutputTree, renderer: Render, jobs: int,
                 digests: MutableMapping[str, bytes] | None = None, context: bytes = b""):
        forking = multiprocessing.get_context("fork")
        self.tree, self.digests, self.context = tree, digests, context
        self.status = forking.RawArray("q", 2 * jobs)  # per worker: its batch, its item
        self.workers: list[_Worker] = []
        self.batch: list[tuple[str, str, _Pickled | bytes | str]] = []
        self.sent = 0
        # Objects alive now stay untouched by the workers' garbage collector, so the pages
        # of memory holding the catalogue stay shared instead of being copied into each.
        with heap_frozen():
            try:
                for slot in range(jobs):
                    self.workers.append(self._start(forking, slot, renderer))
            except BaseException:
                self.stop(now=True)
                raise

    def _start(self, context, slot: int, renderer: Render) -> _Worker:
        tasks_out, tasks_in = context.Pipe(duplex=False)
        results_out, results_in = context.Pipe(duplex=False)
        self.status[2 * slot] = -1
        process = context.Process(target=_serve, name=f"thin-render-{slot}", daemon=True,
                                  args=(slot, self.status, tasks_out, tasks_in, results_in,
                                        str(self.tree.tmp), renderer))
        process.start()
        tasks_out.close()
        results_in.close()
        return _Worker(slot, process, tasks_in, results_out)

    def page(self, url: str, path: str, plan: PagePlan) -> None:
        self.tree.claim(path)
        try:
            data = plan_bytes(plan)
        except Exception as exc:  # a view holding a function, a lock…
            raise BuildError(f"{_name(url, plan)}: its plan cannot be sent to a worker "
                             f"process ({type(exc).__name__}: {exc}); views must hold plain "
                             "data, or build with --jobs 1") from exc
        if self.digests is not None:
            self.digests[path] = plan_digest(data, self.context)
        self._add((url, path, _Pickled(plan.template, data)))

    def file(self, path: str, data: bytes | str) -> None:
        self._add((path, path, self.tree.claim_file(path, data)))

    def finish(self) -> None:
        """Send what is left and wait until every page has been written."""
        if self.batch:
            self._send()
        while any(worker.waiting for worker in self.workers):
            self._collect(block=True)

    def _add(self, item: tuple[str, str, _Pickled | bytes | str]) -> None:
        self.batch.append(item)
        if len(self.batch) >= BATCH:
            self._send()

    def _send(self) -> None:
        """Hand the batch to the least busy worker, waiting while every one is full."""
        self._collect(block=False)
        worker = min(self.workers, key=lambda worker: len(worker.waiting))
        while len(worker.waiting) >= IN_FLIGHT:
            self._collect(block=True)
            worker = min(self.workers, key=lambda worker: len(worker.waiting))
        batch, self.batch = self.batch, []
        worker.waiting[self.sent] = [_name(url, payload) for url, _, payload in batch]
        try:
            worker.tasks.send((self.sent, batch))
        except OSError:
            self._died(worker)
        self.sent += 1

    def _collect(self, block: bool) -> None:
        """Take the workers' answers; raise BuildError for a failure or a worker gone."""
        busy = [worker for worker in self.workers if worker.waiting]
        if not busy:
            return
        ready = wait([w.results for w in busy] + [w.process.sentinel for w in busy],
                     timeout=None if block else 0)
        for worker in busy:
            if worker.results in ready:
                try:
                    batch, failure = worker.results.recv()
                except (EOFError, OSError):
                    self._died(worker)
                if failure is not None:
                    raise BuildError(failure)
                del worker.waiting[batch]
            elif worker.process.sentinel in ready:
                self._died(worker)

    def _died(self, worker: _Worker) -> None:
        """Raise for a worker that stopped: the failure it reported before it did, or
        else the page it was on."""
        try:
            while worker.results.poll():
                _batch, failure = worker.results.recv()
                if failure is not None:
                    raise BuildError(failure)
        except (EOFError, OSError):
            pass
        worker.process.join(5)
        code = worker.process.exitcode
        how = (f"killed by signal {-code}" if code is not None and code < 0
               else f"exit code {code}")
        batch, index = self.status[2 * worker.slot], self.status[2 * worker.slot + 1]
        names = worker.waiting.get(batch)
        if names is not None and 0 <= index < len(names):
            what = names[index]
        else:  # it stopped before starting on a batch: name the first it was given
            first = worker.waiting[min(worker.waiting)]
            what = f"{first[0]} or one of the {len(first) - 1} after it"
        raise BuildError(f"{what}: the worker process rendering it stopped ({how})")

    def stop(self, now: bool) -> None:
        """Let the workers finish (after `finish`), or end them `now` when the build failed."""
        for worker in self.workers:
            if now:
                worker.process.terminate()
            else:
                try:
                    worker.tasks.send(None)
                except OSError:
                    pass
        for worker in self.workers:
            worker.process.join()
            worker.tasks.close()
            worker.results.close()


def _name(url: str, payload: PagePlan | _Pickled | bytes | str) -> str:
    return f"page {url} (template {payload.template})" \
        if isinstance(payload, (PagePlan, _Pickled)) else f"file {url}"


def _serve(slot: int, status, tasks: Connection, parent_end: Connection,
           results: Connection, root: str, renderer: Render) -> None:
    """A worker: render and write each batch it is sent, answer for each, until told to
    stop. A thread receives the next batches while the main thread renders, so the
    build process never waits to hand one over."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build process handles Ctrl-C
    parent_end.close()  # so the worker sees the end of its tasks if the build dies
    inbox: queue.SimpleQueue = queue.SimpleQueue()

    def receive() -> None:
        while True:
            try:
                message = tasks.recv()
            except (EOFError, OSError):
                message = None
            inbox.put(message)
            if message is None:
                return

    threading.Thread(target=receive, daemon=True).start()
    files = FolderWriter(root)
    while (message := inbox.get()) is not None:
        batch, items = message
        status[2 * slot + 1] = 0
        status[2 * slot] = batch
        for index, (url, path, payload) in enumerate(items):
            status[2 * slot + 1] = index
            try:
                files.write(path, renderer(url, pickle.loads(payload.data))
                            if isinstance(payload, _Pickled) else payload)
            except BuildError as exc:
                results.send((batch, str(exc)))
                return
            except Exception as exc:
                results.send((batch, f"{_name(url, payload)}: could not be written "
                                     f"({type(exc).__name__}: {exc})"))
                return
        results.send((batch, None))

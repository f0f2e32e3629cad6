"""The archive: what was distributed, kept byte for byte, with a manifest that proves it.

``archive/`` holds, for every issue, the PDF of each archive layout (the publication's journal and,
when there is one, the ``poster-a3`` poster); ``index.pdf``, the catalogue; ``collection.pdf``, every
journal issue with a bookmark each (``join.py``); ``html/``, the intranet pages (``site.py``); the
FAQ book's PDF, phone script and Markdown, dated by the newest issue (``build/faqbook.py``); and
``manifest.json``, which records for each file its SHA-256, size, the SHA-256 of its sources, the
issue number and date, who approved the issue (``approval.py``), and the tool version (``verify.py``
hashes the files again).

An issue's recorded PDF is never replaced by different bytes: the run is refused, naming the issue
and what changed, unless ``--supersede N`` asks to keep the old file as ``…-superseded-K.pdf`` and
to record the new one as a correction. The catalogue, the collection and the pages are rebuilt as
the series grows. No file of the archive folder is ever replaced by other bytes unless it is
exactly what the manifest records (a catalogue to rebuild; see ``staging.py``), and a refusal says
what changed (``changes.py``). One run at a time holds the archive's lock; it renders into a staging
folder inside the archive and moves files in through a journal (``journal.py``): a crash at any
moment leaves an archive the next run makes consistent.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsletter import __version__
from newsletter.archive import journal
from newsletter.archive.approval import approval_record, unapproved, with_approval
from newsletter.archive.changes import refused_change
from newsletter.archive.join import Part, join
from newsletter.archive.manifest import Manifest
from newsletter.archive.site import pages
from newsletter.archive.staging import Staging
from newsletter.build.faqbook import book_files
from newsletter.build.incremental import inputs_of, sha256_of, sha256_of_bytes
from newsletter.build.plan import Plan, plan, refuse_invalid
from newsletter.build.run import render
from newsletter.errors import Diagnostic, InputError, Problem
from newsletter.i18n import _
from newsletter.lock import exclusive
from newsletter.model.document import IssueDocument
from newsletter.model.faqbook import gather
from newsletter.model.layout import Layout
from newsletter.model.load import LayoutRef, Loaded
from newsletter.paths import ARCHIVE_FOLDER, MANIFEST_FILE
from newsletter.read import Source
from newsletter.read.locate import locate
from newsletter.render.pdf.archive_index import CatalogueLine, render_catalogue
from newsletter.render.pdf.kit import PDF_LANG
from newsletter.text import typography
from newsletter.text.labels import label

__all__ = ["MANIFEST_FILE", "ArchiveReport", "ArchiveRun", "make_archive", "prepare_archive"]

INDEX_FILE = "index.pdf"
COLLECTION_FILE = "collection.pdf"
HTML_DIR = "html"


# --- making the archive ------------------------------------------------------------------------


@dataclass
class ArchiveReport:
    """What a run did, for the command to tell."""

    written: list[str] = field(default_factory=list)
    superseded: list[tuple[str, str]] = field(default_factory=list)  # (file, its old version's new name)
    restored: list[str] = field(default_factory=list)
    unchanged: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass
class ArchiveRun:
    """An `archive` command, decided: the plan of every issue in its layouts (by default the journal and
    the poster), checked; :meth:`write` records them."""

    result: Plan
    archive_dir: Path
    supersede: list[int]
    recorded_only: set[int] = field(default_factory=set)  # recorded issues outside the issues asked for

    def write(self, progress: Callable[[str], None]) -> ArchiveReport:
        return make_archive(self.result, self.archive_dir, self.supersede, progress, self.recorded_only)


def prepare_archive(
    root: Path,
    layout_names: list[str],
    out: Path | None = None,
    supersede: Iterable[int] = (),
    issues: Iterable[str] = (),
    upto: int | None = None,
    strict: bool = False,
) -> ArchiveRun:
    """What `archive` has to do: into ``out``, else ``archive/`` in the workspace; the ``issues`` named
    (numbers or files) and those numbered up to ``upto``, else every issue that is not in progress.

    Issues named are recorded with those already in the archive, so that its catalogue, collection and
    pages still cover the whole record. ``strict``: warnings, an issue never approved among them, are errors."""
    archive_dir = out if out is not None else root / ARCHIVE_FOLDER
    selectors = list(issues)
    recorded: set[int] = set()
    if selectors or upto is not None:
        recorded = {entry["issue"] for entry in Manifest.load(archive_dir).files.values() if "issue" in entry}
        selectors += [str(number) for number in sorted(recorded)]
    result = plan(root, list(dict.fromkeys(selectors)), layout_names, strict, with_poster=True, partial=True, upto=upto)
    asked = {int(s) for s in issues if s.isdecimal()} | {n for n in recorded if upto is not None and n <= upto}
    asked |= {d.issue.number for d in result.documents if any(_same_file(d.issue_path, s) for s in issues)}
    result.diagnostics += unapproved(result, strict)
    drafts = [issue for issue in result.workspace.issues if issue.model.draft]  # named: a whole run left them out
    result.diagnostics += [
        locate(
            Problem(
                ("draft",),
                _(
                    "n° {number} is marked `draft: yes`: the archive records what was distributed",
                    number=issue.model.number,
                ),
                _("once it is distributed, delete the line `draft: yes`, then archive it"),
            ),
            issue.source,
        )
        for issue in drafts
    ]
    refuse_invalid(result)
    return ArchiveRun(result, archive_dir, list(supersede), recorded - asked)


def _same_file(path: Path, selector: str) -> bool:
    return not selector.isdecimal() and Path(selector).resolve() == path.resolve()


def make_archive(
    result: Plan,
    archive_dir: Path,
    supersede: Iterable[int] = (),
    progress: Callable[[str], None] = lambda message: None,
    recorded_only: Iterable[int] = (),
) -> ArchiveReport:
    """Bring ``archive_dir`` up to date with the plan's issues and layouts; see the module's rules.
    ``recorded_only``: issues already recorded that the user did not ask for, in the plan for the
    catalogue, collection and pages: their recorded files are kept as they are, never made again."""
    with exclusive(archive_dir, "archive", _("the archive")):
        finished = journal.recover(archive_dir)
        run = _Run(result, archive_dir, set(supersede), progress, set(recorded_only))
        if finished is not None:
            run.report.notes.append(
                _(
                    "finished the `archive` run that was stopped while it moved its files in ({moved} file(s) moved "
                    "in, {kept} kept as superseded)",
                    moved=len(finished.moves) - 1,
                    kept=len(finished.renames),
                )
            )
        try:
            run.issues()
            if not run.held:  # what they cover would show an issue's text that its recorded PDF does not
                run.catalogue()
                run.collection()
                run.site()
                run.faq_book()
            run.staging.commit()
        finally:
            run.staging.discard()
        return run.report


class _Run:
    def __init__(
        self,
        result: Plan,
        archive_dir: Path,
        supersede: set[int],
        progress: Callable[[str], None],
        recorded_only: set[int],
    ):
        self.result, self.dir, self.progress = result, archive_dir, progress
        self.supersede, self.recorded_only = supersede, recorded_only
        self.held: set[int] = set()  # issues of recorded_only changed since they were recorded
        self.staging = Staging(archive_dir)
        self.files = self.staging.files  # the new manifest, edited as files are decided
        self.report = ArchiveReport()
        if result.workspace.publication is None or result.errors:
            raise ValueError("an archive is made from a plan without errors (which has a publication)")
        self.publication = result.workspace.publication.model
        self.journal = next(((ref, layout) for ref, layout in result.layouts if layout.model.kind == "journal"), None)
        self.report.notes += [
            _("--supersede {number}: there is no issue n° {number}", number=number)
            for number in sorted(supersede - self._numbers())
        ]

    def _numbers(self) -> set[int]:
        return {document.issue.number for document in self.result.documents}

    # --- the issues' PDFs: recorded once, never silently replaced

    def issues(self) -> None:
        refusals = []
        for document in sorted(self.result.documents, key=lambda d: d.issue.number):
            for ref, layout in self.result.layouts_for(document):
                refusal = self._issue_file(document, ref, layout)
                if refusal:
                    refusals.append(refusal)
        if refusals or self.staging.refusals:
            raise InputError(refusals + self.staging.refusals)
        self.report.notes += [
            _(
                "n° {number} changed since it was archived and is not among the issues asked for: its archived "
                "files are kept, and the catalogue, collection, intranet pages and FAQ book are left as they "
                "are until `newsletter archive {number} --supersede {number}` records it (or its change is undone)",
                number=number,
            )
            for number in sorted(self.held)
        ]
        superseded = {self.files[name]["issue"] for name, _ in self.report.superseded}
        self.report.notes += [
            _("--supersede {number}: its archived files are unchanged; nothing superseded", number=number)
            for number in sorted((self.supersede & self._numbers()) - superseded)
        ]

    def _issue_file(self, document: IssueDocument, ref: LayoutRef, layout: Loaded[Layout]) -> Diagnostic | None:
        name = document.file_name(ref.name)
        inputs = inputs_of(document, ref, layout.model, self.result.workspace.root)
        sources = [dataclasses.asdict(item) for item in inputs]
        record, intact = self._recorded(name)
        if intact and record["sources"] == sources:
            self.report.unchanged += 1
            return None
        if intact and document.issue.number in self.recorded_only:
            self.held.add(document.issue.number)
            self.report.unchanged += 1
            return None
        self.progress(_("rendering n° {number} ({layout})", number=document.issue.number, layout=ref.name))
        data, pages, _warnings = render(document, ref, layout)
        entry = {
            **_describe(data, sources),
            "issue": document.issue.number,
            "date": document.issue.date.isoformat(),
            "layout": ref.name,
            "pages": pages,
            **approval_record(document.issue),
        }
        if not record:
            self.staging.stage(name, data, entry)
            self.report.written.append(name)
        elif entry["sha256"] == record["sha256"]:  # the same bytes: a change the PDF does not show, or a repair
            self.files[name] = with_approval({**entry, **record, "sources": sources}, document.issue)  # a record
            # --repair made gains the issue's fields
            if intact:
                self.report.unchanged += 1
            else:
                self.staging.stage(name, data)
                self.report.restored.append(name)
        elif document.issue.number in self.supersede and intact:
            kept_as = self._superseded_name(name)
            self.staging.renames.append((name, kept_as))
            self.files[kept_as] = {**record, "superseded_by": name}
            self.staging.stage(name, data, {**entry, "correction_of": kept_as})
            self.report.written.append(name)
            self.report.superseded.append((name, kept_as))
        else:
            number = document.issue.number
            return refused_change(number, name, record, entry, intact, self.dir, self._source(number))
        return None

    def _recorded(self, name: str) -> tuple[dict, bool]:
        """The manifest's record of ``name`` (empty: none) and whether the archived file still matches it."""
        record = self.files.get(name) or {}
        return record, bool(record) and sha256_of(self.dir / name) == record["sha256"]

    def _source(self, number: int) -> Source:
        """The issue file's text, to locate a refusal at its number."""
        return next(item.source for item in self.result.workspace.issues if item.model.number == number)

    def _superseded_name(self, name: str) -> str:
        """``…_a4.pdf`` → ``…_a4-superseded-K.pdf``, K the first number neither recorded nor on disk."""
        stem, suffix = name.rsplit(".", 1)
        count = 1
        while (kept_as := f"{stem}-superseded-{count}.{suffix}") in self.files or (self.dir / kept_as).exists():
            count += 1
        return kept_as

    # --- what is rebuilt as the series grows

    def catalogue(self) -> None:
        ordered = self._journal_files()
        if not ordered:
            return

        def make() -> bytes:
            lines = [
                CatalogueLine(
                    document.issue.number,
                    document.issue.date,
                    document.issue.headline,
                    self.files[name]["pages"],
                    "correction_of" in self.files[name],
                    document.issue.approved,
                )
                for document, name in ordered
            ]
            publication = self.publication
            return render_catalogue(
                publication.title, publication.organisation or publication.title, publication.language, lines
            )

        approvals = [
            {"role": "approval", "path": name, **approval_record(document.issue)} for document, name in ordered
        ]
        self._derived(INDEX_FILE, self._pdf_sources(ordered) + approvals, make)

    def collection(self) -> None:
        ordered = self._journal_files()
        if not ordered:
            return

        def make() -> bytes:
            parts = [Part(_bookmark(document), self.staging.current(name).read_bytes()) for document, name in ordered]
            return join(parts, self.publication.title, PDF_LANG[self.publication.language])

        self._derived(COLLECTION_FILE, self._pdf_sources(ordered), make)

    def site(self) -> None:
        for page_name, html_text in pages(self.result.documents).items():
            name, data = f"{HTML_DIR}/{page_name}", html_text.encode("utf-8")
            record = self.files.get(name)
            if record and record["sha256"] == sha256_of_bytes(data) and sha256_of(self.dir / name) == record["sha256"]:
                self.report.unchanged += 1
            else:
                self.staging.stage(name, data, {**_describe(data, []), "kind": "html"})
                self.report.written.append(name)

    def faq_book(self) -> None:
        """The FAQ book's PDF, Markdown and phone script (its HTML page is ``html/faq.html``), each name dated
        by the newest issue: the book as the hotline had it at each stage stays in the record."""
        book = gather(self.result.documents)
        if book is None or not book.entries:
            return
        for item in book_files(self.result, book, kinds=("pdf", "markdown", "phone")):
            self._derived(item.name, [dataclasses.asdict(source) for source in item.sources], item.make)

    def _journal_files(self) -> list[tuple[IssueDocument, str]]:
        """Each issue and the name of its journal PDF, in number order (none without a journal layout)."""
        if self.journal is None:
            return []
        documents = sorted(self.result.documents, key=lambda d: d.issue.number)
        return [(document, document.file_name(self.journal[0].name)) for document in documents]

    def _pdf_sources(self, ordered: list[tuple[IssueDocument, str]]) -> list[dict]:
        """The catalogue and the collection are made from the journal PDFs (which show every headline and date)."""
        return [{"role": "pdf", "path": name, "sha256": self.files[name]["sha256"]} for _, name in ordered]

    def _derived(self, name: str, sources: list[dict], make: Callable[[], bytes]) -> None:
        record, intact = self._recorded(name)
        if intact and record["sources"] == sources:
            self.report.unchanged += 1
            return
        self.progress(_("making {name}", name=name))
        data = make()
        if intact and record["sha256"] == sha256_of_bytes(data):
            self.files[name] = {**record, "sources": sources}
            self.report.unchanged += 1
        else:
            self.staging.stage(name, data, _describe(data, sources))
            self.report.written.append(name)


def _describe(data: bytes, sources: list[dict]) -> dict:
    return {"sha256": sha256_of_bytes(data), "size": len(data), "sources": sources, "tool_version": __version__}


def _bookmark(document: IssueDocument) -> str:
    lang, issue = document.lang, document.issue
    number = label(lang, "issue_number").format(number=issue.number)
    return typography.apply(f"{number} — {typography.format_date(issue.date, lang)} — {issue.headline}", lang)

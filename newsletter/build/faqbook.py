"""`newsletter faq`: the FAQ book of the whole series, as four files named like the issues' (PDF for the
hotline desk, HTML page, phone script, Markdown), each rewritten only when what it is made from changed.

What each file is made from (every issue, the publication, the journal layout, the logo, the tool's
version) is fingerprinted like an issue's PDF, in the same record of the output folder
(``build/incremental.py``). The archive records the same files (see :func:`book_files`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsletter.build.incremental import UP_TO_DATE, BuildState, Input, fingerprint
from newsletter.build.plan import Plan, plan
from newsletter.errors import Diagnostic
from newsletter.files import write_atomic
from newsletter.i18n import _
from newsletter.lock import exclusive
from newsletter.model.faqbook import FaqBook, gather
from newsletter.model.layout import Layout
from newsletter.model.load import LayoutRef
from newsletter.model.print_options import RenderOptions
from newsletter.paths import display_path, refuse_archive_output

# kind of file → (the end of its name, its extension)
KINDS = {"pdf": ("faq", "pdf"), "html": ("faq", "html"), "phone": ("faq-phone", "txt"), "markdown": ("faq", "md")}


@dataclass(frozen=True)
class BookFile:
    """One file of the book: its name, what it is made from, and how to make it."""

    kind: str
    name: str
    sources: list[Input]
    make: Callable[[], bytes]


def book_files(result: Plan, book: FaqBook, kinds: tuple[str, ...] = tuple(KINDS)) -> list[BookFile]:
    """The files of the book, each with its sources (the PDF's include the layout and its fonts)."""
    root = result.workspace.root
    ref, layout = _journal_layout(result)
    layout_dir = ref.path.parent if ref else None
    files: list[tuple[str, Path]] = [("issue", document.issue_path) for document in result.documents]
    if result.workspace.publication is not None:
        files.append(("publication", result.workspace.publication.path))
    logo = book.latest.logo_path()
    if logo is not None:
        files.append(("image", logo))
    inputs = [Input(role, display_path(path, root), result.sha256(path)) for role, path in files]
    layout_input = [Input("layout", _layout_shown(ref, root), result.sha256(ref.path))] if ref else []

    def make(kind: str) -> Callable[[], bytes]:
        def rendered() -> bytes:
            from newsletter.render import faqbook

            if kind == "pdf":
                from newsletter.render.pdf.faqbook import render_faq_book

                return render_faq_book(book, layout, layout_dir)[0]
            text = {"html": faqbook.html, "markdown": faqbook.markdown}.get(kind)
            return (text(book) if text else faqbook.phone(book).text).encode("utf-8")

        return rendered

    return [
        BookFile(kind, book.file_name(*KINDS[kind]), inputs + (layout_input if kind == "pdf" else []), make(kind))
        for kind in kinds
    ]


def _journal_layout(result: Plan) -> tuple[LayoutRef | None, Layout]:
    """The first journal layout of the plan (its fonts, sizes and colours), else the defaults."""
    for ref, layout in result.layouts:
        if layout.model.kind == "journal":
            return ref, layout.model
    return None, Layout()


def _layout_shown(ref: LayoutRef, root: Path) -> str:
    """A built-in layout by name (its folder differs from one install to another), else its path."""
    return f"built-in layout {ref.path.name}" if ref.origin == "built-in" else display_path(ref.path, root)


@dataclass
class FaqRun:
    """A `faq` command, decided: the book gathered, and which of its files to write."""

    result: Plan
    out_dir: Path
    book: FaqBook | None = None
    todo: list[tuple[BookFile, str]] = field(default_factory=list)  # (file, its fingerprint)
    up_to_date: int = 0

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.result.diagnostics

    def write(self) -> Iterator[Path]:
        """Write each file to make, yielding its path, and record it in the output folder's state."""
        if not self.todo:  # nothing to write: the output folder is not even made
            return
        refuse_archive_output(self.out_dir, self.result.workspace.root)
        with exclusive(self.out_dir, "faq", _("the output folder")):  # one writer of its state at a time
            state = BuildState.load(self.out_dir)
            for book_file, current in self.todo:
                data = book_file.make()
                path = self.out_dir / book_file.name
                write_atomic(path, data)
                state.record(path, current, data)
                write_atomic(state.path, state.to_bytes())
                yield path


def prepare_faq(root: Path, out_dir: Path, force: bool = False) -> FaqRun:
    """What `faq` has to do: the book of every issue, its files missing or outdated (all with ``force``)."""
    result = plan(root, [], [], render_checks=False)
    run = FaqRun(result, out_dir)
    if result.errors:
        return run
    run.book = gather(result.documents)
    if run.book is None or not run.book.entries:
        return run
    state = BuildState.load(out_dir)
    for book_file in book_files(result, run.book):
        current = fingerprint(book_file.sources, RenderOptions())
        if force or state.status(out_dir / book_file.name, current) != UP_TO_DATE:
            run.todo.append((book_file, current))
        else:
            run.up_to_date += 1
    return run

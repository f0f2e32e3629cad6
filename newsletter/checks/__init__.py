"""Checks: what validation alone cannot see.

Each family looks at the model (or at the words as typed) and returns :class:`~newsletter.errors.Problem`
objects at field paths; this module runs them and turns each into a diagnostic at ``file:line:column``
with :func:`newsletter.read.locate.locate`. Every command that reads a workspace (``check``, ``build``,
``archive``, ``export``, ``watch``) runs them through here, so `check` says exactly what a build would.

The families, and the order their messages come in (the order users have always seen):

- each layout: ``layout`` (colour pairs too pale to read, settings not applied, fonts not there, an
  italic font for large print's text);
- the publication: ``images`` (its logo), ``placeholders`` ("À ÉCRIRE" texts left by ``init`` and
  ``new``), ``advice`` (plain-language writing advice, warnings only);
- the publication and each issue: ``phones`` (numbers with a digit missing or extra), ``emails``
  (addresses cut short or with a space);
- each issue: ``dates`` (a year typed short, a next issue before this one, a year far from today),
  ``advice``, ``content`` (a bold left open, a question asked twice, a sign-off dated after the issue),
  ``images`` (its pictures), ``placeholders``; and in each journal layout, the pictures
  that would print below 150 dpi (:func:`check_print_resolution`);
- each issue YAML misreads, as read around its slips: ``phones``, ``emails``, ``placeholders``, ``length``
  (what only follows from a slip left out);
- ``series``: numbers skipped, dates going backwards (only when the whole series is read);
- when something will be rendered, the checks that measure with the fonts: ``glyphs`` (characters the
  fonts lack) and ``poster`` (text too long for the poster).
"""

from __future__ import annotations

from pathlib import Path

from newsletter.checks.advice import advise, advise_publication
from newsletter.checks.content import content_problems
from newsletter.checks.dates import date_problems
from newsletter.checks.emails import email_problems
from newsletter.checks.glyphs import glyph_problems
from newsletter.checks.images import image_problem, resolution_problem
from newsletter.checks.layout import (
    contrast_warnings,
    font_problems,
    large_print_font_problems,
)
from newsletter.checks.length import length_problems
from newsletter.checks.phones import phone_problems
from newsletter.checks.placeholders import placeholder_problems
from newsletter.checks.series import numbering_problems
from newsletter.errors import Diagnostic, Problem
from newsletter.i18n import _
from newsletter.model.document import IssueDocument
from newsletter.model.formats import Issue, Publication
from newsletter.model.layout import Layout
from newsletter.model.load import LayoutRef, Loaded, Workspace
from newsletter.paths import is_inside
from newsletter.read.locate import beside_slips, locate, locate_all
from newsletter.render.pdf.fonts import family_files, glyphs

Layouts = list[tuple[LayoutRef, Loaded[Layout]]]


def check_layout(ref: LayoutRef, layout: Loaded[Layout], root: Path) -> list[Diagnostic]:
    problems = contrast_warnings(layout.model)
    fonts = font_problems(layout.model, ref.path.parent, root)  # the fonts are read only once found fit to read
    problems += fonts or large_print_font_problems(layout.model, ref.path.parent)
    return locate_all(problems, layout.source)


def check_files(workspace: Workspace, whole_series: bool, series: list[Issue] | None = None) -> list[Diagnostic]:
    """The publication's and the issues' problems (none if there is no publication to print them with).

    ``series``: every issue of the workspace, when only some are checked (their dates tell whether a
    date far from today belongs to an old series)."""
    publication = workspace.publication
    if publication is None:
        return []
    lang = publication.model.language
    logo = [("logo",)] if publication.model.logo else []
    found = locate_all(
        _images(publication, logo, workspace.root)
        + placeholder_problems(publication.source.data, Publication)
        + phone_problems(publication.source.data, lang)
        + email_problems(publication.source.data)
        + advise_publication(publication.model),
        publication.source,
    )
    everyone = series if series is not None else [issue.model for issue in workspace.issues]
    for issue in workspace.issues:
        pictures = [("news", index, "image") for index, item in enumerate(issue.model.news) if item.image]
        others = [other.date for other in everyone if other is not issue.model]
        found += locate_all(
            date_problems(issue.model, series=others)
            + phone_problems(issue.source.data, lang)
            + email_problems(issue.source.data)
            + advise(issue.model)
            + content_problems(issue.source.data, issue.model)
            + _images(issue, pictures, workspace.root)
            + placeholder_problems(issue.source.data, Issue)
            + length_problems(issue.source.data),
            issue.source,
        )
    for source in workspace.misread:  # the rest of a file with YAML slips, in the same run
        found += beside_slips(
            phone_problems(source.data, lang)
            + email_problems(source.data)
            + placeholder_problems(source.data, Issue)
            + length_problems(source.data),
            source,
        )
    if whole_series:
        found += [
            locate(problem, issue.source) for issue, problem in numbering_problems(workspace.issues, workspace.root)
        ]
    return found


def check_print_resolution(workspace: Workspace, layouts: Layouts) -> list[Diagnostic]:
    """The news pictures that print below 150 dpi in a journal layout (one warning each, for the first
    layout where it happens)."""
    found = []
    journals = [(ref, layout) for ref, layout in layouts if layout.model.kind == "journal"]
    for issue in workspace.issues:
        for index, item in enumerate(issue.model.news):
            if not item.image:
                continue
            file = issue.path.parent / item.image
            if not file.is_file() or not is_inside(file, workspace.root):
                continue  # said by the images' check
            for ref, layout in journals:
                problem = resolution_problem(item.image, ("news", index, "image"), file, layout.model, ref.name)
                if problem is not None:
                    found.append(locate(problem, issue.source))
                    break
    return found


def _images(loaded: Loaded, paths: list[tuple], root: Path) -> list[Problem]:
    found = []
    for path in paths:
        relative = loaded.source.data
        for part in path:
            relative = relative[part]
        if (problem := image_problem(relative, path, loaded.path.parent, root)) is not None:
            found.append(problem)
    return found


def check_rendering(
    workspace: Workspace,
    layouts: Layouts,
    documents: list[IssueDocument],
    optional_poster: str | None = None,
    posterless: set[Path] | None = None,
) -> list[Diagnostic]:
    """Characters the fonts cannot draw, poster text that cannot fit: these load the fonts (and the poster
    reportlab), so a build runs them only when something will be rendered.

    The ``optional_poster`` layout (the default poster of `archive`) is not made for the issues in
    ``posterless``; an issue whose text does not fit it is added there, with one warning instead of errors.
    """
    publication = workspace.publication
    if publication is None:
        return []
    posterless = posterless if posterless is not None else set()
    found = []
    files: list[Loaded] = [publication, *workspace.issues]
    # Each font family once: layouts that share one (a journal and its poster) would say it twice.
    for family in dict.fromkeys(family_files(layout.model.fonts, ref.path.parent) for ref, layout in layouts):
        for loaded in files:
            found += locate_all(glyph_problems(loaded.source.data, glyphs(family)), loaded.source)
    for ref, layout in layouts:
        if layout.model.kind != "poster":
            continue
        for document, issue in zip(documents, workspace.issues, strict=True):
            if ref.name == optional_poster and issue.path in posterless:
                continue
            problems = _poster_problems(publication, issue, document, ref, layout)
            if problems and ref.name == optional_poster:
                posterless.add(issue.path)
                found.append(_poster_not_made(issue, ref, problems))
            else:
                found += problems
    return list(dict.fromkeys(found))  # families lacking the same character: one warning


def _poster_problems(
    publication: Loaded, issue: Loaded, document: IssueDocument, ref: LayoutRef, layout: Loaded[Layout]
) -> list[Diagnostic]:
    """Text too long for the poster, located where it was typed (measuring it needs the fonts' metrics)."""
    from newsletter.render.pdf.poster import fit_problems

    return [
        locate(problem, publication.source if where == "publication" else issue.source)
        for where, problem in fit_problems(document, layout.model, ref.path.parent)
    ]


def _poster_not_made(issue: Loaded, ref: LayoutRef, problems: list[Diagnostic]) -> Diagnostic:
    """One warning at the issue's `poster:` section: its poster is not made, and what to shorten."""
    first = problems[0]
    where = locate(Problem(("poster",), ""), issue.source)
    return Diagnostic(
        where.file,
        _(
            "the {layout} poster of n° {number} is not made: its text does not fit ({field}: {reason})",
            layout=ref.name,
            number=issue.model.number,
            field=first.field or first.location(),
            reason=first.message,
        ),
        where.line,
        where.column,
        "poster",
        _(
            "shorten the `poster:` section's text, or check with `--layout {layout}` to see every place",
            layout=ref.name,
        ),
        "warning",
    )

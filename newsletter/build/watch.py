"""`newsletter watch`: rebuild an issue's PDFs each time one of its files is saved.

The files are few and saved by hand, so polling their modification times twice a second is enough
and needs no new dependency. A save that breaks the YAML is reported like ``check`` reports it and
the watch goes on: the next save is rebuilt.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newsletter.build.incremental import input_paths
from newsletter.build.plan import issue_file, plan
from newsletter.build.run import build_all
from newsletter.errors import Diagnostic, InputError
from newsletter.i18n import _, decimal, ngettext
from newsletter.lock import exclusive
from newsletter.model.load import issue_files, publication_file, resolve_layout
from newsletter.model.print_options import RenderOptions
from newsletter.paths import display_path

INTERVAL_SECONDS = 0.5

Snapshot = dict[Path, tuple[int, int] | None]


def newest_issue(root: Path) -> str | None:
    """The issue file with the highest number in its name (``010.yaml`` after ``9.yaml``), if any."""
    files = issue_files(root / "issues")
    if not files:
        return None

    def number(path: Path) -> tuple[int, str]:
        digits = re.match(r"\d+", path.stem)
        return (int(digits.group()) if digits else -1, path.name)

    return str(max(files, key=number))


def _snapshot(files: set[Path]) -> Snapshot:
    """Modification time and size of each file (None when it does not exist)."""
    found: Snapshot = {}
    for path in files:
        try:
            stat = path.stat()
            found[path] = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            found[path] = None
    return found


def issue_to_watch(root: Path, issue: str | None) -> str:
    """The issue named (a number or a file), else the newest one; an error when there is none."""
    selected = issue or newest_issue(root)
    if selected is None:
        raise InputError(
            [
                Diagnostic(
                    str(root / "issues"),
                    _("no issue file to watch"),
                    hint=_("run `newsletter new` to create one, or give the issue's file"),
                )
            ]
        )
    return selected


@dataclass
class Watcher:
    """Builds one issue in its layouts, and again whenever one of its files changes.

    ``say`` prints a line of progress; ``problems`` shows diagnostics (the CLI's ``report``). With
    ``follow_newest``, a newer issue file (made by ``newsletter new`` while watching) is watched
    from then on, in place of the issue watched so far.
    """

    root: Path
    issue: str
    layouts: list[str]
    out_dir: Path
    say: Callable[[str], object]
    problems: Callable[[list[Diagnostic]], object]
    options: RenderOptions = field(default_factory=RenderOptions)
    follow_newest: bool = False
    files: set[Path] = field(default_factory=set)
    seen: Snapshot = field(default_factory=dict)

    def build(self) -> None:
        """Check and render; report what was built and how long it took, or what is wrong."""
        self._watch_sources()
        started = time.perf_counter()
        try:
            result = plan(self.root, [self.issue], self.layouts)
            # images and fonts as the build state lists them; layouts by their own path, as the state
            # names a built-in layout rather than giving its path
            self.files |= {ref.path.resolve() for ref, _ in result.layouts}
            self.files |= {
                path.resolve()
                for document in result.documents
                for ref, layout in result.layouts
                for role, path in input_paths(document, ref, layout.model, self.root)
                if role != "layout"
            }
            if result.diagnostics:
                self.problems(result.diagnostics)
            if result.errors:
                self.say(_("not rebuilt: fix the errors above; the next save is rebuilt"))
                return
            with exclusive(self.out_dir, "watch", _("the output folder")):  # one writer, as for build
                for built in build_all(result, self.out_dir, self.options):
                    self.say(
                        ngettext(
                            "rebuilt {path} ({count} page) in {seconds} s",
                            "rebuilt {path} ({count} pages) in {seconds} s",
                            built.pages,
                            path=display_path(built.path, self.root),
                            seconds=decimal(time.perf_counter() - started),
                        )
                    )
                    started = time.perf_counter()
        except InputError as error:
            self.problems(error.diagnostics)
        except Exception as error:  # noqa: BLE001 - a watch outlives any one bad save
            self.say(
                _(
                    "internal error: {kind}: {error}; the next save is rebuilt",
                    kind=type(error).__name__,
                    error=error,
                )
            )
        finally:
            self.seen = _snapshot(self.files)

    def _watch_sources(self) -> None:
        """The issue, publication and layout files, watched even while they cannot be read."""
        issue_path = issue_file(self.root, self.issue)
        self.issue = str(issue_path)  # from now on read only this issue's file, not the whole folder
        self.files |= {issue_path.resolve(), publication_file(self.root / "issues").resolve()}
        for name in self.layouts:
            with contextlib.suppress(InputError):  # the build reports it, with a suggestion
                self.files.add(resolve_layout(name, self.root).path.resolve())

    def poll(self) -> bool:
        """Rebuild if a watched file changed since the last build, or a newer issue is followed; True if so."""
        newest = newest_issue(self.root) if self.follow_newest else None
        if newest is not None and Path(newest).resolve() != Path(self.issue).resolve():
            self.say(_("now watching the newest issue, {path}", path=display_path(Path(newest), self.root)))
            self.issue, self.files = newest, set()
            self.build()
            return True
        current = _snapshot(self.files)
        changed = sorted(
            display_path(path, self.root) for path in self.files if current.get(path) != self.seen.get(path)
        )
        if not changed:
            return False
        self.say(_("changed: {paths}", paths=", ".join(changed)))
        self.build()
        return True

    def run(
        self,
        stop: Callable[[], bool] = lambda: False,
        interval: float = INTERVAL_SECONDS,
        sleep: Callable[[float], object] = time.sleep,
    ) -> None:
        """Build, then poll every ``interval`` seconds until ``stop()`` is true (or Ctrl-C)."""
        self.build()
        names = ", ".join(sorted(display_path(path, self.root) for path in self.files))
        self.say(_("watching {names} (Ctrl-C to stop)", names=names))
        while not stop():
            sleep(interval)
            self.poll()

"""The catalogue of bad inputs (``tests/catalogue/``), each case run through the real command.

Every folder of the catalogue holds one family of cases: the input files, and a ``cases.yaml``
that gives, for each case, the decision in plain words and what the user must get (exit code,
each error and warning with its ``file:line:column``, field and wording, the words of the PDF).
``tests/catalogue/README.md`` explains the keys.

Beyond its own expectations, every case is held to the promises of issue 6: no traceback, no
temporary or half-written file left behind, no file opened outside the workspace (the package,
its built-in layouts, the font cache and Python itself excepted), no network connection, and no character in a
PDF that the font cannot draw.
"""

from __future__ import annotations

import errno
import io
import os
import re
import shlex
import shutil
import struct
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

import newsletter.build.run
import newsletter.cli
import newsletter.cli.commands
import newsletter.cli.outputs
import newsletter.files
from conftest import REPO
from newsletter.errors import Diagnostic
from newsletter.render.pdf.fonts import BUNDLED_DIR, glyphs

CATALOGUE = Path(__file__).parent / "catalogue"
ISSUE = "issues/001.yaml"
KEYS = {
    "case",
    "decision",
    "input",
    "as",
    "encoding",
    "newline",
    "make",
    "files",
    "before",
    "run",
    "simulate",
    "exit",
    "errors",
    "warnings",
    "pdfs",
    "pdf_text",
    "pdf_glued",
    "pdf_lacks",
    "pdf_pages",
    "pdf_images",
    "grayscale",
    "output_has",
    "output_lacks",
    "intact",
    "max_seconds",
}
CHARACTER = re.compile(r"\{U\+([0-9A-F]{4,6})\}")
FONT = glyphs(
    tuple(
        BUNDLED_DIR / f"{name}.ttf"
        for name in ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique")
    )
)
STATE_FILE = ".newsletter-state.json"
LAST_BUILD_FILE = ".newsletter-last-build.json"


def cases():
    """Every case, run in English, then in French (``--lang fr``)."""
    for language in ("en", "fr"):
        for index in sorted(CATALOGUE.glob("*/cases.yaml")):
            for case in yaml.safe_load(index.read_text(encoding="utf-8")):
                name = f"{index.parent.name}/{case['case']}"
                yield pytest.param(index.parent, case, language, id=name if language == "en" else f"fr:{name}")


# --- inputs ------------------------------------------------------------------------------------


def issue_text(number: int = 1, body: str = "") -> str:
    return (
        f"number: {number}\ndate: 2021-02-{4 + number:02d}\nheadline: Numéro {number}\n"
        f"next_issue: 2021-02-{11 + number:02d}\n{body}"
    )


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims a size and holds no pixels: a decompression bomb's header, made in no time."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def picture(mode: str, colour, kind: str) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new(mode, (120, 80), colour).save(buffer, format=kind)
    return buffer.getvalue()


def cut_jpeg() -> bytes:
    """A photo whose file stops two thirds in, inside its pixels: its header and size still read well."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.effect_noise((120, 80), 60).convert("RGB").save(buffer, format="JPEG")
    return buffer.getvalue()[: buffer.tell() * 2 // 3]


def make_file(path: Path, kind: str) -> None:
    """The extra files a case asks for (images made here: no binary file is committed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    name, _, argument = kind.partition(" ")
    if name == "folder":
        path.mkdir()
        return
    data = {
        "png": lambda: picture("RGB", (30, 90, 160), "PNG"),
        "cmyk-jpeg": lambda: picture("CMYK", (0, 255, 255, 0), "JPEG"),
        "truncated-jpeg": cut_jpeg,
        "svg": lambda: b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle r="4"/></svg>',
        "png-header": lambda: png_header(*map(int, argument.split("x"))),
        "issue": lambda: issue_text(int(argument)).encode(),
        "text": lambda: (argument or "not an image\n").encode(),
    }[name]()
    path.write_bytes(data)


def generated(name: str, size: int) -> str:
    """Inputs too big or too repetitive to commit, described by their case."""
    if name == "big-file":
        line = "  " + "Texte de remplissage. " * 3 + "\n"
        return issue_text(body="lead: |\n" + line * (size * 1_000_000 // len(line)))
    if name == "nested-brackets":
        return issue_text(body="lead: " + "[" * size + "]" * size + "\n")
    if name == "nested-blocks":
        return issue_text(body="situation:\n" + "".join(f"{'  ' * (level + 1)}k{level}:\n" for level in range(size)))
    if name == "long-answer":
        paragraph = "Les agents gardent leurs justificatifs papier jusqu'au retour des logiciels de paie. " * 8
        answer = "".join(f"      {paragraph.strip()}\n\n" for _ in range(size))
        return issue_text(
            body=f"faq:\n  - q: Que faire des justificatifs ?\n    a: |\n{answer}      Fin de la réponse.\n"
        )
    if name == "contacts":
        return issue_text(
            body="contacts:\n"
            + "".join(
                f"  - name: Agent {i}\n    role: Service {i}\n    phone: 02 61 91 {i // 100:02d} {i % 100:02d}\n"
                f"    email: agent{i}@ville.example\n"
                for i in range(1, size + 1)
            )
        )
    if name == "long-contact-name":
        return issue_text(body=f"contacts:\n  - name: {'Jean-' * (size // 5)}\n    phone: 02 61 91 40 00\n")
    raise ValueError(f"unknown generator {name!r}")


def write_input(folder: Path, case: dict, root: Path) -> None:
    if "input" in case:
        text = (folder / case["input"]).read_text(encoding="utf-8")
    elif "make" in case:
        name, _, size = case["make"].partition(" ")
        text = generated(name, int(size))
    else:
        return
    text = CHARACTER.sub(lambda match: chr(int(match.group(1), 16)), text)
    if case.get("newline") == "crlf":
        text = text.replace("\n", "\r\n")
    target = root / case.get("as", ISSUE)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.encode(case.get("encoding", "utf-8")))


def workspace(tmp_path: Path, folder: Path, case: dict) -> Path:
    """A copy of the sample publication and its logo, then the case's files."""
    root = tmp_path / "ws"
    (root / "issues").mkdir(parents=True)
    (root / "assets").mkdir()
    shutil.copy(REPO / "issues" / "publication.yaml", root / "issues")
    shutil.copy(REPO / "assets" / "logo.png", root / "assets")
    write_input(folder, case, root)
    for name, kind in (case.get("files") or {}).items():
        make_file(root / name, kind)
    return root


# --- watching what the command does ------------------------------------------------------------


@dataclass
class Watch:
    """File opens, network calls and commands seen by the audit hook while a command runs."""

    active: bool = False
    opened: list[tuple[str, object]] = field(default_factory=list)
    network: list[str] = field(default_factory=list)
    commands: list[str] = field(default_factory=list)

    def clear(self) -> None:
        self.opened.clear()
        self.network.clear()
        self.commands.clear()


WATCH = Watch()


def _audit(event: str, args: tuple) -> None:
    if not WATCH.active:
        return
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        name, mode = os.fsdecode(args[0]), args[1]
        if mode is not None or os.path.isabs(name):  # os.open of a bare name: inside a folder by descriptor
            WATCH.opened.append((name, mode))  # (shutil.rmtree), not from the current folder
    elif event in ("socket.connect", "socket.getaddrinfo", "socket.sendto"):
        WATCH.network.append(f"{event} {args[1:]}")
    elif event in ("os.system", "subprocess.Popen", "os.exec", "os.posix_spawn", "os.startfile"):
        WATCH.commands.append(f"{event} {args}")


sys.addaudithook(_audit)


def opened_outside(root: Path) -> list[str]:
    from newsletter.render.cache import cache_dir

    allowed = [
        Path(p).resolve()
        for p in (
            root,
            REPO / "newsletter",
            REPO / "newsletter" / "data" / "layouts",
            cache_dir(),
            sys.prefix,
            sys.base_prefix,
            sys.exec_prefix,
        )
    ]
    found = []
    for name, mode in WATCH.opened:
        path = Path(os.path.abspath(name)).resolve()
        if not any(path.is_relative_to(folder) for folder in allowed):
            found.append(f"{name} ({mode})")
    return found


@dataclass
class Run:
    code: int
    out: str
    err: str
    diagnostics: list[Diagnostic]
    seconds: float

    @property
    def output(self) -> str:
        return self.out + self.err


@pytest.fixture
def run(cli, monkeypatch):
    """Run one command line against a workspace, recording the diagnostics the CLI reports."""

    def run_command(root: Path, command: str) -> Run:
        reported: list[Diagnostic] = []
        real_report = newsletter.cli.report

        def recording(diagnostics):
            reported.extend(diagnostics)
            return real_report(diagnostics)

        # the commands, and the entry point's last word
        for presenter in (newsletter.cli, newsletter.cli.commands, newsletter.cli.outputs):
            monkeypatch.setattr(presenter, "report", recording)
        args = shlex.split(command.replace("{ws}", str(root)))
        started = time.perf_counter()
        WATCH.clear()
        WATCH.active = True
        try:
            result = cli("--root", root, *args)
        finally:
            WATCH.active = False
        return Run(result.code, result.out, result.err, reported, time.perf_counter() - started)

    return run_command


def simulate(fault: str, monkeypatch) -> None:
    """Failures of the machine, made to happen on demand (root ignores permissions; disks rarely fill)."""
    if fault == "no-permission":

        def refused(*args, **kwargs):
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refused)
    elif fault == "locked-pdf":
        real_replace = os.replace

        def locked(source, target):
            if str(target).endswith(".pdf"):
                raise PermissionError(errno.EACCES, "Permission denied", str(target))
            real_replace(source, target)

        monkeypatch.setattr(newsletter.files.os, "replace", locked)
    elif fault == "disk-full":
        real_fdopen = os.fdopen

        class Full(io.RawIOBase):
            def __init__(self, handle):
                self.stream = real_fdopen(handle, "wb")

            def write(self, data):
                self.stream.write(bytes(data)[: len(data) // 2])  # half of it, as a filling disk does
                raise OSError(errno.ENOSPC, "No space left on device")

            def close(self):
                self.stream.close()
                super().close()

        monkeypatch.setattr(newsletter.files.os, "fdopen", lambda handle, mode: Full(handle))
    elif fault == "ctrl-c-on-issue-2":
        real_render = newsletter.build.run.render

        def interrupted(document, *args, **kwargs):
            if document.issue.number == 2:
                raise KeyboardInterrupt
            return real_render(document, *args, **kwargs)

        monkeypatch.setattr(newsletter.build.run, "render", interrupted)
    else:
        raise ValueError(f"unknown fault {fault!r}")


# --- what the user gets ------------------------------------------------------------------------


def claim(expected: list[dict], found: list[Diagnostic], root: Path, kind: str, language: str = "en") -> None:
    """Each expected diagnostic found (``times`` times), and nothing else reported."""
    left = list(found)
    for entry in sorted(expected, key=lambda entry: language != "en" and not entry.get("fr_says")):
        wanted = entry.get("times", 1)
        matching = [d for d in left if matches(entry, d, root, language)][:wanted]
        assert len(matching) == wanted, f"expected {wanted} {kind}(s) like {entry}; reported:\n" + "\n".join(
            map(str, found)
        )
        for diagnostic in matching:
            left.remove(diagnostic)
    assert not left, f"{kind}(s) the case does not expect:\n" + "\n".join(map(str, left))


def matches(entry: dict, diagnostic: Diagnostic, root: Path, language: str = "en") -> bool:
    """Whether ``diagnostic`` is the expected ``entry``: its place, its field, and its words in English
    (``says``, ``hint``) or in French (``fr_says``, ``fr_hint``: a French run checks the place alone
    where the case gives no French words)."""
    keys = ("at", "says", "hint") if language == "en" else ("at", "fr_says", "fr_hint")
    at, says, hint = (entry.get(key, "").replace("{ws}", str(root)) for key in keys)
    location = diagnostic.location()
    return (
        (location == at or (at.endswith(":") and location.startswith(at)))
        and entry.get("field") in (diagnostic.field, "*")
        and says in diagnostic.message
        and hint in (diagnostic.hint or "")
    )


def pdf_text(path: Path) -> tuple[str, int]:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def colour_operators(path: Path) -> list[str]:
    found = []
    for number, page in enumerate(PdfReader(path).pages, start=1):
        operators = re.findall(rb"(?<![\w/])(rg|RG|k|K|sc|SC|scn|SCN)(?!\w)", page.get_contents().get_data())
        found += [f"page {number}: {op.decode()}" for op in set(operators)]
        images = page["/Resources"].get("/XObject", {})
        found += [
            f"page {number}: image in {image.get_object().get('/ColorSpace')}"
            for image in images.values()
            if image.get_object().get("/ColorSpace") != "/DeviceGray"
        ]
    return found


def image_colour_spaces(path: Path) -> set[str]:
    return {
        str(image.get_object().get("/ColorSpace"))
        for page in PdfReader(path).pages
        for image in page["/Resources"].get("/XObject", {}).values()
    }


def pdf_bytes(root: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(root.rglob("*.pdf"))}


def assert_no_leftovers(root: Path) -> None:
    """Nothing half-written: no temporary file anywhere, and every PDF complete."""
    leftovers = [
        p
        for p in root.rglob("*")
        if p.name.endswith(".tmp") or (p.name.startswith(".") and p.name not in (STATE_FILE, LAST_BUILD_FILE))
    ]
    assert not leftovers, f"temporary files left: {leftovers}"
    for path, data in pdf_bytes(root).items():
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), f"{path} is not a complete PDF"


def assert_only_drawable_characters(path: Path, text: str) -> None:
    tofu = sorted({c for c in text if not c.isspace() and ord(c) not in FONT.codepoints})
    assert not tofu, f"{path.name} holds characters the font cannot draw: {tofu}"


# --- the test ----------------------------------------------------------------------------------


@pytest.mark.parametrize("folder, case, language", list(cases()))
def test_catalogue_case(folder: Path, case: dict, language: str, tmp_path: Path, run, monkeypatch):
    unknown = set(case) - KEYS
    assert not unknown, f"unknown keys in {folder.name}/cases.yaml: {unknown}"
    assert case.get("decision", "").strip(), "every case writes its decision down"
    root = workspace(tmp_path, folder, case)
    if "before" in case:
        before = run(root, case["before"])
        assert before.code == 0, before.output
        assert_promises_kept(before, root)
    earlier = pdf_bytes(root)
    if "simulate" in case:
        simulate(case["simulate"], monkeypatch)
    if language == "fr":
        monkeypatch.setenv("NEWSLETTER_LANG", "fr")

    result = run(root, case.get("run", "check"))

    assert result.code == case["exit"], result.output
    assert_promises_kept(result, root)
    assert result.seconds < case.get("max_seconds", float("inf")), f"took {result.seconds:.1f} s"
    assert_reported(case, result, root, language)
    assert_files(case, result, root, earlier)


def assert_promises_kept(result: Run, root: Path) -> None:
    """What holds for every case: no traceback, nothing half-written, nothing read or sent elsewhere."""
    assert "Traceback" not in result.output and "internal error" not in result.output, result.output
    assert not WATCH.network, f"network calls: {WATCH.network}"
    assert not WATCH.commands, f"commands run: {WATCH.commands}"
    assert not opened_outside(root), f"files opened outside the workspace: {opened_outside(root)}"
    assert_no_leftovers(root)
    for path in pdf_bytes(root):
        assert_only_drawable_characters(path, pdf_text(path)[0])


def assert_reported(case: dict, result: Run, root: Path, language: str = "en") -> None:
    claim(case.get("errors", []), [d for d in result.diagnostics if d.is_error], root, "error", language)
    claim(case.get("warnings", []), [d for d in result.diagnostics if not d.is_error], root, "warning", language)
    for diagnostic in result.diagnostics:
        assert str(diagnostic) in result.err
    if language == "fr":  # the words around the messages are French too
        assert "    hint: " not in result.err and ": warning: " not in result.err, result.err
        if result.diagnostics:
            assert re.search(r"^\d+ erreurs?, \d+ avertissements?$", result.err, re.MULTILINE), result.err
        return  # output_has names English words
    for phrase in case.get("output_has", []):
        assert phrase.replace("{ws}", str(root)) in result.output, result.output
    for phrase in case.get("output_lacks", []):
        assert phrase not in result.output


def assert_files(case: dict, result: Run, root: Path, earlier: dict[Path, bytes]) -> None:
    pdfs = pdf_bytes(root)
    if result.code == 1:
        assert set(pdfs) <= set(earlier), "an input error must stop the build before any PDF is written"
    if "pdfs" in case:
        assert len(pdfs) == case["pdfs"], list(pdfs)
    if case.get("intact"):
        assert all(pdfs.get(path) == data for path, data in earlier.items()), "an earlier PDF was changed"
    if not {"pdf_text", "pdf_glued", "pdf_lacks", "pdf_pages", "pdf_images", "grayscale"} & set(case):
        return
    journal = sorted(root.glob("out/*.pdf"))
    assert len(journal) == 1, f"the case expects one PDF in out/: {journal}"
    text, pages = pdf_text(journal[0])
    for phrase in case.get("pdf_text", []):
        assert flat(phrase) in flat(text), f"{phrase!r} not in the PDF:\n{text}"
    for phrase in case.get("pdf_glued", []):
        assert re.sub(r"\s", "", phrase) in re.sub(r"\s", "", text), f"{phrase!r} not in the PDF:\n{text}"
    for phrase in case.get("pdf_lacks", []):
        assert phrase not in text, f"{phrase!r} is in the PDF"
    low, high = case.get("pdf_pages", (1, float("inf")))
    assert low <= pages <= high, f"{pages} pages"
    assert set(case.get("pdf_images", [])) <= image_colour_spaces(journal[0])
    if case.get("grayscale"):
        assert not colour_operators(journal[0])

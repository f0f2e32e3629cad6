"""`newsletter export`: one issue as text for another channel, what was left out, and never over an input file."""

from __future__ import annotations

import re

import pytest

from conftest import MINIMAL_ISSUE, REPO
from newsletter.build.export import export
from newsletter.build.plan import plan
from newsletter.errors import InputError
from newsletter.render import html, markdown, phone, text

LONG_ESSENTIALS = MINIMAL_ISSUE + "essentials:\n" + "  - " + "Texte très long. " * 40 + "\n"
LONG_FAQ = (
    MINIMAL_ISSUE
    + "faq:\n"
    + "".join(f"  - q: Question numéro {n} ?\n    a: {'Une réponse assez longue. ' * 10}\n" for n in range(1, 15))
)


def test_every_format_is_the_renderers_text():
    [document] = plan(REPO, ["3"], [], render_checks=False).documents
    assert export(REPO, "3", "text").text == text.render(document)
    assert export(REPO, "3", "markdown").text == markdown.render(document)
    assert export(REPO, "3", "html").text == html.render(document)
    assert export(REPO, "3", "sms").text == text.render_sms(document).text + "\n"
    assert export(REPO, "3", "phone").text == phone.script(document).text
    headline = "Les premiers outils reviennent, service par service"
    assert headline in export(REPO, "3", "text").text and f"# {headline}" in export(REPO, "3", "markdown").text


def test_an_sms_says_what_it_left_out(workspace):
    workspace.write("001.yaml", LONG_ESSENTIALS)
    done = export(workspace.root, "1", "sms")
    assert len(done.text.rstrip("\n")) <= text.SMS_LIMIT and done.text.endswith("\n")
    [warning] = done.warnings
    assert warning.startswith("to fit in 480 characters the SMS leaves out: ") and "essential 1" in warning
    workspace.write("001.yaml", MINIMAL_ISSUE)
    assert export(workspace.root, "1", "sms").warnings == []


def test_a_phone_message_too_long_to_listen_to_is_said(workspace):
    workspace.write("001.yaml", LONG_FAQ)
    done = export(workspace.root, "1", "phone")
    [warning] = done.warnings
    assert re.fullmatch(
        r"the message lasts about \d+ min \d\d s; past 3 minutes many callers hang up: "
        r"shorten the essentials or the FAQ",
        warning,
    )
    workspace.write("001.yaml", MINIMAL_ISSUE)
    assert export(workspace.root, "1", "phone").warnings == []


def test_an_issue_with_errors_gives_nothing(workspace, tmp_path):
    workspace.write("001.yaml", MINIMAL_ISSUE + "headlines: x\n")
    target = tmp_path / "mail.txt"
    done = export(workspace.root, "1", "text", target)
    assert [str(d).splitlines()[0] for d in done.result.errors] == [
        "issues/001.yaml:5:1: headlines: unknown key `headlines`"
    ]
    assert (done.text, done.warnings) == ("", [])
    assert not target.exists()


def test_a_character_the_pdf_fonts_lack_is_no_concern_of_an_export(workspace):
    """Only the PDF is drawn with the bundled fonts: an e-mail shows what the reader's computer can."""
    workspace.write("001.yaml", MINIMAL_ISSUE.replace("fonctionnent", "fonctionnent 中"))
    done = export(workspace.root, "1", "text")
    assert done.result.diagnostics == []
    assert "Les téléphones fonctionnent 中" in done.text


def test_out_writes_the_text_that_would_be_printed(workspace, tmp_path):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    target = tmp_path / "envoi" / "sms.txt"
    done = export(workspace.root, "1", "sms", target)
    assert target.read_bytes() == done.text.encode("utf-8")
    assert done.text == export(workspace.root, "1", "sms").text
    assert [path.name for path in target.parent.iterdir()] == ["sms.txt"]  # no temporary file left


@pytest.mark.parametrize("name", ["001.yaml", "publication.yaml"])
def test_out_is_refused_when_it_is_an_input_file(workspace, name):
    workspace.write("001.yaml", MINIMAL_ISSUE)
    target = workspace.issues / name
    before = target.read_bytes()
    with pytest.raises(InputError) as refused:
        export(workspace.root, "1", "markdown", target)
    [problem] = refused.value.diagnostics
    assert (problem.file, problem.message, problem.hint) == (
        str(target),
        "the output would overwrite one of the input files",
        "choose another file name with --out",
    )
    assert target.read_bytes() == before


def test_export_sms_warns_on_stderr_what_was_cut(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE + "essentials:\n" + "  - " + "Texte très long. " * 40 + "\n")
    result = cli("--root", workspace.root, "export", "1", "--format", "sms")
    assert result.code == 0 and len(result.out.rstrip("\n")) <= text.SMS_LIMIT
    assert re.search(r"warning: to fit in 480 characters the SMS leaves out: .*essential 1", result.err)


def test_export_never_overwrites_its_input(cli, workspace):
    issue = workspace.write("001.yaml", MINIMAL_ISSUE)
    result = cli("--root", workspace.root, "export", "1", "--out", issue)
    assert result.code == 1 and "would overwrite one of the input files" in result.err
    assert issue.read_text(encoding="utf-8") == MINIMAL_ISSUE


def test_every_format_the_command_offers_is_exported():
    from newsletter.cli.outputs import ExportFormat

    assert all(export(REPO, "3", choice.value).text for choice in ExportFormat)


def test_the_sms_export_reports_its_length_encoding_and_parts_in_gsm7(cli):
    exported = cli("--root", REPO, "export", "3", "--format", "sms")
    assert exported.code == 0
    assert exported.out.startswith("Lettre de crise No 3 - 16 février 2021\n")
    assert exported.err.splitlines() == ["SMS: 403 characters, GSM-7, 3 parts (153 characters a part)"]


def test_the_sms_keeps_its_characters_when_told_and_says_what_it_costs(cli):
    exported = cli("--root", REPO, "export", "3", "--format", "sms", "--unicode")
    assert exported.code == 0
    assert exported.out.startswith("Lettre de crise N° 3 - 16 février 2021\n")
    assert exported.err.splitlines() == [
        "SMS: 403 characters, UCS-2, 7 parts (67 characters a part)",
        "warning: these characters make phones send the SMS as UCS-2, at 67 characters a part: °",
    ]


def test_the_html_export_reduces_a_phone_photo_and_says_the_page_s_weight(cli, workspace):
    from PIL import Image

    Image.effect_noise((4000, 3000), 60).convert("RGB").save(workspace.root / "assets" / "photo.jpg", quality=95)
    workspace.write(
        "001.yaml", MINIMAL_ISSUE + "news:\n  - title: Photo\n    body: Texte.\n    image: ../assets/photo.jpg\n"
    )
    out = workspace.root / "n01.html"
    exported = cli("--root", workspace.root, "export", "1", "--format", "html", "--out", out)
    assert exported.code == 0
    size = out.stat().st_size
    assert size < 1_500_000 < (workspace.root / "assets" / "photo.jpg").stat().st_size
    weight = f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{round(size / 1000)} KB"
    assert exported.err.splitlines() == [
        f"the page weighs {weight} (pictures at most 1600 pixels on their long side)",
        f"wrote {out}",
    ]


def test_a_blank_line_in_an_unquoted_text_is_a_paragraph_break_in_every_export(cli, workspace):
    workspace.write("001.yaml", MINIMAL_ISSUE + "lead: Onze jours après,\n  tout revient.\n\n  Deuxième paragraphe.\n")
    for format in ("markdown", "text"):
        exported = cli("--root", workspace.root, "export", "1", "--format", format).out
        assert "Onze jours après, tout revient.\n\nDeuxième paragraphe." in exported, format

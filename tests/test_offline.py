"""The README's offline install, for real: a wheelhouse, an install with no index, then every command
with networking made impossible.

Making the wheelhouse is the one step that uses the package registry (as it would on the computer
with network access); everything after it must work with none. Slow (about a minute): `.ci/run`
runs it, `pytest -m "not slow"` leaves it out.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DEAD_PROXY = "http://127.0.0.1:9"

# Loaded by every Python started in the offline environment: any attempt to reach a network fails,
# and the attempt is written down so the test can tell the hook was there and nothing tried.
SITECUSTOMIZE = """
import os, sys

def _no_network(event, args):
    if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request"):
        with open(os.environ["NETWORK_ATTEMPTS"], "a", encoding="utf-8") as log:
            log.write(f"{event} {args!r}\\n")
        raise OSError(f"network access refused in the offline test: {event}")

sys.addaudithook(_no_network)
with open(os.environ["OFFLINE_HOOK_LOADED"], "a", encoding="utf-8") as loaded:  # one line per process
    loaded.write(f"{os.getpid()}\\n")
"""


def run(command: list, env: dict, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(part) for part in command], env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr, result.stderr
    return result


def fill_placeholders(workspace: Path) -> None:
    """What the team does after `init`: write their own text where the template says À ÉCRIRE."""
    for path in (workspace / "issues").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r'(phone: )"À ÉCRIRE[^"]*"', r'\1"02 41 05 40 00"', text)  # a phone field takes a number
        text = re.sub(r'"À ÉCRIRE[^"]*"', '"Texte de l’équipe"', text)
        text = re.sub(r"(?m)^(\s+)À ÉCRIRE.*$", r"\1Texte de l’équipe, écrit hors ligne.", text)
        path.write_text(text, encoding="utf-8")


@pytest.mark.slow
def test_install_from_a_wheelhouse_and_run_every_command_with_no_network(tmp_path):
    wheelhouse = tmp_path / "wheelhouse"
    connected = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--wheel-dir", wheelhouse, REPO],
        connected,
        tmp_path,
        timeout=1200,
    )
    [wheel] = wheelhouse.glob("newsletter-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        catalogues = sorted(name for name in archive.namelist() if "/locale/" in name)
    assert catalogues == [f"newsletter/data/locale/{lang}/LC_MESSAGES/newsletter.mo" for lang in ("en", "fr")]

    target = tmp_path / "venv"
    venv.create(target, with_pip=True)
    scripts = target / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / "python"
    hook_dir = tmp_path / "hook"
    hook_dir.mkdir()
    (hook_dir / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    attempts, loaded = tmp_path / "network-attempts.log", tmp_path / "hook-loaded"
    offline = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "PIP_CONFIG_FILE": os.devnull,  # no index or find-links from this machine's pip configuration
        "PIP_NO_INDEX": "1",
        "PYTHONPATH": str(hook_dir),
        "NETWORK_ATTEMPTS": str(attempts),
        "OFFLINE_HOOK_LOADED": str(loaded),
        **dict.fromkeys(("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"), DEAD_PROXY),
    }
    run(
        [python, "-m", "pip", "install", "--quiet", "--no-index", "--find-links", wheelhouse, "newsletter"],
        offline,
        tmp_path,
    )
    assert loaded.exists(), "the network-refusing hook was not active"

    newsletter = [scripts / "newsletter"]  # the command the README runs, installed by the wheel
    assert run(newsletter + ["--version"], offline, tmp_path).stdout.startswith("newsletter ")
    run(newsletter + ["init", "journal"], offline, tmp_path)
    workspace = tmp_path / "journal"
    fill_placeholders(workspace)
    run(newsletter + ["check"], offline, workspace)
    built = run(newsletter + ["build"], offline, workspace)
    pdfs = list((workspace / "out").glob("*.pdf"))
    assert pdfs and all(pdf.name in built.stdout for pdf in pdfs)  # said in the workspace's language
    run(newsletter + ["archive"], offline, workspace)
    assert (workspace / "archive" / "manifest.json").is_file()
    run(newsletter + ["archive", "--verify"], offline, workspace)
    for kind in ("text", "sms", "markdown", "html", "phone"):
        exported = run(newsletter + ["export", "1", "--format", kind], offline, workspace)
        assert "Texte de l’équipe" in exported.stdout or kind == "sms"

    assert not attempts.exists(), attempts.read_text(encoding="utf-8")
    commands = 2 + 5 + 5  # pip install, --version; init, check, build, archive, archive --verify; the exports
    assert len(loaded.read_text(encoding="utf-8").split()) >= commands, "a command ran without the hook"
    probe = subprocess.run(
        [python, "-c", "import socket; socket.create_connection(('example.org', 80), 1)"],
        env=offline,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert probe.returncode != 0 and "network access refused" in probe.stderr

"""The words the tool says, in its user's language (French or English), with the standard gettext machinery.

Every message to a user goes through :func:`_` (or :func:`ngettext` when it counts something). The
English text is the message id; its placeholders are named and filled by ``str.format`` after the
translation, so that a translation may put them in another order::

    _("wrote {path}", path=target)
    ngettext("{count} issue checked", "{count} issues checked", count)   # {count} is always given

A message written before the language is known (a command's help, a table of messages) is marked
with :func:`N_` where it is written and translated with ``_(text)`` where it is shown. Write ids as
literal strings (the tests find them in the code), then run ``python -m newsletter.translations``:
it adds the new ids to ``newsletter/data/locale/*/LC_MESSAGES/newsletter.po``, where the French is
written (CONTRIBUTING.md, "Messages").

The language: :func:`choose` (``--lang``, ``NEWSLETTER_LANG``, the locale, the publication's
``language``, English), set with :func:`use`; until then, the environment's choice.
"""

from __future__ import annotations

import gettext
import os
import re
import sys
from pathlib import Path

LANGUAGES = ("en", "fr")
DEFAULT = "en"
DOMAIN = "newsletter"
LOCALE_DIR = Path(__file__).parent / "data" / "locale"
ENVIRONMENT_VARIABLE = "NEWSLETTER_LANG"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # the POSIX order: the first one set decides

_WINDOWS_LANGUAGES = {0x09: "en", 0x0C: "fr"}  # primary language identifiers (the LANGID's low 10 bits)
_PUBLICATION_LANGUAGE = re.compile(r"""^language:[ \t]*["']?([A-Za-z_-]+)""", re.MULTILINE)


class _State:
    language: str | None = None
    translations: dict[str, gettext.NullTranslations] = {}  # noqa: RUF012 - one cache for the process


def _(message: str, /, **values: object) -> str:
    """``message`` in the current language, its ``{placeholders}`` filled from ``values``."""
    text = _catalogue(current()).gettext(message)
    return text.format(**values) if values else text


def ngettext(singular: str, plural: str, count: int, /, **values: object) -> str:
    """The form of the message that ``count`` takes in the current language; ``{count}`` is filled too."""
    return _catalogue(current()).ngettext(singular, plural, count).format(count=count, **values)


def N_(message: str) -> str:
    """Mark ``message`` for translation where it is written; ``_(message)`` translates it where it is shown."""
    return message


def current() -> str:
    """The language messages are in: the one :func:`use` set, else the environment's choice."""
    if _State.language is None:
        _State.language = choose()
    return _State.language


def decimal(value: float, digits: int = 1) -> str:
    """``value`` with ``digits`` decimals, as the messages' language writes it: ``6.9`` or ``6,9``."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if current() == "fr" else text


def use(language: str) -> None:
    """Speak ``language`` (``fr`` or ``en``) from now on."""
    if language not in LANGUAGES:
        raise ValueError(f"no messages in {language!r}: {', '.join(LANGUAGES)}")
    _State.language = language


def choose(option: str | None = None, workspace: Path | None = None) -> str:
    """The language to speak: ``--lang`` (``option``), else ``NEWSLETTER_LANG``, else the locale, else the
    language of the workspace's publication, else English. A source naming a language the tool does
    not speak (``de_DE``, ``C``) leaves the choice to the next one."""
    sources = (
        lambda: option,
        lambda: os.environ.get(ENVIRONMENT_VARIABLE),
        locale_language,
        lambda: publication_language(workspace) if workspace is not None else None,
    )
    for source in sources:
        language = supported(source())
        if language is not None:
            return language
    return DEFAULT


def supported(name: str | None) -> str | None:
    """``fr_FR.UTF-8``, ``fr-CA`` or ``FR`` -> ``fr``; None for a language without messages (``de``, ``C``)."""
    if not name:
        return None
    language = re.split(r"[_.@-]", name.strip(), maxsplit=1)[0].lower()
    return language if language in LANGUAGES else None


def locale_language() -> str | None:
    """The locale's language: the first of LC_ALL, LC_MESSAGES, LANG that is set; on Windows, where
    they are usually not, the user's display language."""
    for variable in LOCALE_VARIABLES:
        value = os.environ.get(variable)
        if value:
            return value
    if sys.platform == "win32":
        return windows_ui_language()
    return None


def windows_ui_language() -> str | None:
    """The user's Windows display language (``GetUserDefaultUILanguage``); None where it cannot be asked."""
    try:
        import ctypes  # here: only Windows asks, and only when no variable decided

        identifier = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    except (ImportError, AttributeError, OSError):
        return None
    return _WINDOWS_LANGUAGES.get(int(identifier) & 0x3FF)


def publication_language(workspace: Path) -> str | None:
    """The ``language:`` line of the workspace's ``issues/publication.yaml`` (or ``.yml``), if any.

    Read as a line, not as YAML: the reader is three layers up, and this runs before every command.
    """
    for name in ("publication.yaml", "publication.yml"):
        try:
            text = (workspace / "issues" / name).read_bytes()[:65536].decode("utf-8", "replace")
        except OSError:
            continue
        found = _PUBLICATION_LANGUAGE.search(text)
        return found.group(1) if found else None
    return None


def _catalogue(language: str) -> gettext.NullTranslations:
    if language not in _State.translations:
        _State.translations[language] = load(language)
    return _State.translations[language]


def load(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``language`` (``.mo``); compiled from its ``.po`` in memory when the
    ``.mo`` is missing or older (a checkout whose ``.po`` was just edited)."""
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    compiled, source = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    try:
        fresh = not source.exists() or compiled.stat().st_mtime >= source.stat().st_mtime
    except OSError:
        fresh = False
    if fresh:
        with compiled.open("rb") as stream:
            return gettext.GNUTranslations(stream)
    import io

    from newsletter.translations import compile_mo, read_po  # here: only a checkout with a fresh .po needs it

    return gettext.GNUTranslations(io.BytesIO(compile_mo(read_po(source))))

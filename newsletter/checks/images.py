"""Images the renderer will need: PNG or JPEG files of the workspace, whole, of a sane size."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from newsletter.errors import Problem
from newsletter.i18n import _, decimal
from newsletter.model.layout import PAGE_SIZES_MM, Layout
from newsletter.paths import is_address, is_inside
from newsletter.read.pictures import Damaged, Picture, identify

IMAGE_FORMATS = {"PNG", "JPEG"}
MAX_IMAGE_PIXELS = 40_000_000  # an A3 page at 300 dpi is 17 megapixels; more is a wrong file or a bomb


def image_problem(relative: str, path: tuple, base: Path, root: Path) -> Problem | None:
    """An error if the image ``relative`` named at ``path`` cannot be printed: see :func:`_image_problem`."""
    found = _image_problem(relative, base, root)
    if found is None:
        return None
    message, hint = found
    return Problem(path, message, hint)


def _image_problem(relative: str, base: Path, root: Path) -> tuple[str, str] | None:
    """Message and hint if ``relative`` (from the file in ``base``) is not a PNG or JPEG of the workspace
    ``root`` that is whole, within :data:`MAX_IMAGE_PIXELS`.

    Nothing outside the workspace is ever opened, and nothing is fetched: the PDF is made offline,
    and the workspace must hold everything it is made from, to move and be archived whole.
    """
    in_assets = _(
        "save it under assets/ in the workspace and write its path from this file, like {path}",
        path=_relative_to(root / "assets" / _file_name(relative), base),
    )
    if is_address(relative):
        return (
            _(
                "the image {relative!r} is an address (URL), not a file: images must be files in the workspace",
                relative=relative,
            ),
            _("download it, {in_assets}", in_assets=in_assets),
        )
    if Path(relative).is_absolute():
        return (
            _(
                "the image {relative!r} is given by an absolute path, which breaks when the workspace is "
                "moved or archived",
                relative=relative,
            ),
            in_assets,
        )
    file = base / relative
    if not is_inside(file, root):
        return _("the image {relative!r} is outside the workspace folder", relative=relative), _(
            "copy it there: {in_assets}", in_assets=in_assets
        )
    if file.is_dir():
        return _("{relative!r} is a folder, not an image file", relative=relative), _(
            "add the name of the image file to the path"
        )
    if not file.is_file():
        return (
            _("the image {relative!r} is not found (looked for {file})", relative=relative, file=file),
            _("check the file name; the path is relative to the YAML file"),
        )
    if file.suffix.lower() in (".svg", ".svgz") or _starts_like_svg(file):
        return (
            _("the image {relative!r} is an SVG drawing; the PDF takes PNG or JPEG pictures", relative=relative),
            _("export it as PNG at 300 dpi (in Inkscape: File → Export PNG Image) and name the .png file here"),
        )
    status = file.stat()
    return _unreadable(relative, file, status.st_mtime_ns, status.st_size)


@lru_cache(maxsize=256)
def _unreadable(relative: str, file: Path, modified: int, size: int) -> tuple[str, str] | None:
    """The picture's format, its size, then whether it is whole (see ``pictures``).

    Remembered for the same file, date and size: ``watch`` checks the images at every save."""
    try:
        picture = identify(file)
    except Damaged as damage:
        return _("the image {relative!r} cannot be read ({damage})", relative=relative, damage=damage), _(
            "open it and save it again as PNG or JPEG"
        )
    except OSError as error:
        return _(
            "the image {relative!r} cannot be read ({reason})", relative=relative, reason=error.strerror or error
        ), _("check that the file can be opened")
    if not picture.format:
        return (
            _(
                "the image {relative!r} cannot be read: the file is not a picture, neither PNG nor JPEG",
                relative=relative,
            ),
            _("check that this is the right file, or save the picture again as PNG or JPEG"),
        )
    if picture.format not in IMAGE_FORMATS:
        return _("the image {relative!r} is a {kind} file", relative=relative, kind=picture.format), _(
            "save it as PNG or JPEG"
        )
    width, height = picture.width, picture.height
    if width * height > MAX_IMAGE_PIXELS:
        return (
            _(
                "the image {relative!r} is {width} × {height} pixels ({megapixels:.0f} megapixels); images "
                "are limited to {limit:.0f} megapixels",
                relative=relative,
                width=width,
                height=height,
                megapixels=width * height / 1e6,
                limit=MAX_IMAGE_PIXELS / 1e6,
            ),
            _("reduce it: 3000 pixels on the long side is plenty for a printed page"),
        )
    return None


def _starts_like_svg(file: Path) -> bool:
    try:
        with file.open("rb") as stream:
            head = stream.read(1024).lower()
    except OSError:
        return False
    return b"<svg" in head or (head.lstrip().startswith(b"<?xml") and b"svg" in head)


def _file_name(relative: str) -> str:
    name = re.split(r"[/\\]", relative.strip().split("?")[0].rstrip("/\\"))[-1]
    return name or "image.png"


def _relative_to(target: Path, base: Path) -> str:
    return Path(os.path.relpath(target, base)).as_posix()


PRINT_DPI_FLOOR = 150  # below this, a photo printed at its size looks blurred, and worse once photocopied


def resolution_problem(relative: str, path: tuple, file: Path, layout: Layout, layout_name: str) -> Problem | None:
    """A warning when the news picture ``file`` prints below :data:`PRINT_DPI_FLOOR` in the journal
    ``layout``, where it fills a column's width (at most 0.6 of it high), as the journal draws it."""
    try:
        status = file.stat()
        picture = _identified(file, status.st_mtime_ns, status.st_size)
    except (Damaged, OSError):
        return None  # said by image_problem
    if picture.format not in IMAGE_FORMATS:
        return None
    width, height = picture.upright
    page_width, page_height = PAGE_SIZES_MM[layout.page.size]
    if layout.page.orientation == "landscape":
        page_width = page_height
    margins = layout.margins
    column = (page_width - margins.left - margins.right - (layout.columns - 1) * layout.gutter) / layout.columns
    printed = width * min(column / width, column * 0.6 / height)  # mm
    dpi = width / (printed / 25.4)
    if dpi >= PRINT_DPI_FLOOR:
        return None
    return Problem(
        path,
        _(
            "the image {image} is {width} × {height} pixels: printed {printed} cm wide in {layout}, that is "
            "{dpi} dpi; below {floor} dpi a print looks blurred",
            image=repr(relative),
            width=width,
            height=height,
            printed=decimal(printed / 10),
            layout=layout_name,
            dpi=round(dpi),
            floor=PRINT_DPI_FLOOR,
        ),
        _(
            "use the original photo, at least {needed} pixels wide, rather than a copy reduced for e-mail or the web",
            needed=round(printed / 25.4 * PRINT_DPI_FLOOR),
        ),
        severity="warning",
    )


@lru_cache(maxsize=256)
def _identified(file: Path, modified: int, size: int) -> Picture:
    """The picture's header, read once for the same file, date and size (``watch`` checks at every save)."""
    return identify(file)

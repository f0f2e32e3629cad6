"""The journal's tables: the status board, the "do" and "don't" boxes side by side, the contacts list.

Their columns are measured on the text they hold (a state word, a system's longest word, a phone
number is never broken across lines); every row may split across pages, so that no item is ever
too long to print. The journal (``render/pdf/journal.py``) puts the headings around them.

``stacked`` (large print) sets each of them as a list of entries one under the other, the width of
the page: a system and its state, then since when and the note; the "do" box above the "don't" box;
a contact's name, role, phone and e-mail address on lines of their own.
"""

from __future__ import annotations

import datetime as _dt

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table, TableStyle

from newsletter.model.formats import STATES, Contact, SystemStatus
from newsletter.render.pdf import kit
from newsletter.render.pdf.flow import Para
from newsletter.render.pdf.styles import Styles
from newsletter.render.pdf.wrapping import unbroken_width
from newsletter.text import typography
from newsletter.text.labels import label
from newsletter.text.markup import escape_xml

# The row heights of a wrapped table: not reportlab's documented API (tests/test_dependencies.py)
REPORTLAB_INTERNALS = {"reportlab.platypus.tables.Table": ("_rowHeights",)}
# The icon of each instruction list, and the layout's colour it is drawn in.
INSTRUCTION_LOOKS = {"do": ("check", "do"), "dont": ("cross", "dont")}
# The layout's colour of the icon of each state of a system.
STATE_COLOURS = {"restored": "do", "testing": "warning", "degraded": "warning", "down": "dont"}


LEAST = 2  # rows (entries) of a table on each side of a page break, at least
SHORT = 6  # a table of this many rows at most (under its head) is never split, when it fits on a page


def whole_rows(table: Table, width: float, height: float, kept: bool = True) -> Table:
    """A table that splits across pages between its rows, never inside one (unless a row is taller than a
    page); a list (``kept``) never leaves fewer than two rows on either side of the break, and a short one
    is kept whole."""
    table.wrap(width, height)
    if max(table._rowHeights, default=0) > height:
        return table
    table.splitInRow = 0
    if not kept:
        return table
    head = _head_rows(table)
    if _kept_whole(table, height):
        table.setStyle([("NOSPLIT", (0, 0), (-1, -1))])
    elif len(table._rowHeights) - head >= 2 * LEAST:
        table.setStyle([("NOSPLIT", (0, 0), (-1, head + LEAST - 1)), ("NOSPLIT", (0, -LEAST), (-1, -1))])
    return table


def first_part_height(table: Table, width: float, height: float) -> float:
    """The height of the least part of ``table`` a page of ``height`` may end with: its head and first two
    rows, or all of it when it is kept whole (``whole_rows``)."""
    table.wrap(width, height)
    if _kept_whole(table, height):
        return sum(table._rowHeights)
    return sum(table._rowHeights[: _head_rows(table) + LEAST])


def _kept_whole(table: Table, height: float) -> bool:
    return len(table._rowHeights) - _head_rows(table) <= SHORT and sum(table._rowHeights) <= height


def _head_rows(table: Table) -> int:
    repeat = table.repeatRows
    return repeat if isinstance(repeat, int) else max(repeat) + 1


class JournalTables:
    """The tables of one journal, in the layout's ``styles``, across a frame of ``width`` by ``height``."""

    def __init__(self, styles: Styles, text: kit.UserText, width: float, height: float, stacked: bool = False):
        self.stacked = stacked
        self.styles = styles
        self.family = styles.family
        self.text = text
        self.lang = text.lang
        self.width = width
        self.height = height

    def label(self, key: str, **values) -> str:
        return label(self.lang, key).format(**values)

    # --- the status board ------------------------------------------------------------------------

    def status_board(self, entries: list[SystemStatus]) -> Table:
        """One row per system: its state (an icon and a word), the system, since when, a note."""
        if self.stacked:
            return self._stacked_status(entries)
        styles, family = self.styles, self.family
        head = ParagraphStyle("status_head", parent=styles.small, fontName=family.bold)
        cell = ParagraphStyle("status_cell", parent=styles.body, spaceAfter=0)
        rows = [
            [
                Para(escape_xml(self.label(key)), head)
                for key in ("status_state", "status_system", "status_since", "status_note")
            ]
        ]
        icon = styles.body.fontSize * 1.25
        for entry in entries:
            word = Para(f"<b>{escape_xml(self.label('state_' + entry.state))}</b>", cell)
            badge = Table(
                [[kit.Icon(entry.state, icon, styles.colour[STATE_COLOURS[entry.state]]), word]],
                colWidths=[icon + 2 * mm, None],
                style=TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ]
                ),
            )
            rows.append(
                [
                    badge,
                    Para(f"<b>{self.text.inline(entry.system)}</b>", cell),
                    Para(self.text.inline(self._since(entry.since)), cell),
                    Para(self.text.inline(entry.note or ""), cell),
                ]
            )
        padding = 4 * mm
        state_words = [self.label("state_" + state) for state in STATES]
        since_texts = [family.drawable(typography.apply(self._since(e.since), self.lang)) for e in entries]
        since_widths = [stringWidth(self.label("status_since"), family.bold, head.fontSize)]  # the header too
        since_widths += [stringWidth(t, family.regular, cell.fontSize) for t in since_texts]
        widths = [
            icon + 2 * mm + padding + max(stringWidth(w, family.bold, cell.fontSize) for w in state_words),
            min(
                self.width * 0.4,
                max(
                    [self.width * 0.25]
                    + [
                        padding + stringWidth(word, family.bold, cell.fontSize) + 2
                        for entry in entries
                        for word in family.drawable(typography.apply(entry.system, self.lang)).split()
                    ]
                ),
            ),
            padding + min(self.width * 0.2, max(since_widths) + 2),
        ]
        widths.append(self.width - sum(widths))
        # TOP, not MIDDLE: reportlab splits a middle-aligned row taller than a page into pages of empty rows.
        # Split across pages between rows only, the head repeated at the top of the next page.
        table = Table(
            rows,
            colWidths=widths,
            repeatRows=1,
            splitInRow=1,
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, 0), 1.2, styles.colour["accent"]),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.4, styles.colour["muted"]),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, styles.colour["panel"]]),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.6 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6 * mm),
                ]
            ),
        )
        return whole_rows(table, self.width, self.height)

    def _since(self, since: str | None) -> str:
        """``since`` as typed, except an ISO date, which reads better as "15 février 2021"."""
        try:
            return typography.format_short_date(_dt.date.fromisoformat((since or "").strip()), self.lang)
        except ValueError:
            return since or ""

    # --- the instruction boxes -------------------------------------------------------------------

    def instruction_boxes(self, lists: list[tuple[str, list[str]]]) -> Table:
        """A box per list (``("do", items)``, ``("dont", items)``), side by side across the frame."""
        gap = 5 * mm
        if self.stacked:
            boxes = [[self._instruction_box(key, items, self.width)] for key, items in lists]
            return self._entries(boxes, gap, kept=False)  # each box whole, one per page if need be
        width = (self.width - gap * (len(lists) - 1)) / len(lists)
        cells = [self._instruction_box(key, items, width) for key, items in lists]
        heights = [cell.wrap(width, self.height)[1] for cell in cells]
        for cell, height in zip(cells, heights, strict=True):  # boxes side by side are as tall as each other
            if height < max(heights) <= self.height:
                cell.setStyle([("BOTTOMPADDING", (0, -1), (-1, -1), 3 * mm + max(heights) - height)])
        row: list = []
        for cell in cells:
            row += [cell, ""]
        table = Table(
            [row[:-1]],
            colWidths=([width, gap] * len(cells))[:-1],
            splitInRow=1,
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
        )
        if table.wrap(self.width, self.height)[1] <= self.height:
            table.splitInRow = 0  # it fits on a page: never leave a box title alone at a page foot
        return table

    def _instruction_box(self, key: str, items: list[str], width: float) -> Table:
        styles = self.styles
        icon_kind, colour = INSTRUCTION_LOOKS[key]
        icon = styles.heading.fontSize * 1.3
        item_icon = styles.body.fontSize * 0.95
        item_style = ParagraphStyle("instruction", parent=styles.body, spaceAfter=0)
        rows = [
            [
                kit.Icon(icon_kind, icon, colors.white, styles.colour[colour]),
                Para(escape_xml(self.label(key)), styles.box_title),
            ]
        ]
        rows += [
            [kit.Icon(icon_kind, item_icon, styles.colour[colour]), Para(self.text.inline(item), item_style)]
            for item in items
        ]
        return Table(
            rows,
            colWidths=[icon + 3 * mm, width - icon - 3 * mm],
            splitInRow=1,
            style=TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), styles.colour[colour]),
                    ("BOX", (0, 0), (-1, -1), 1.5, styles.colour[colour]),
                    ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                    ("VALIGN", (0, 1), (-1, -1), "TOP"),
                    ("ALIGN", (0, 1), (0, -1), "RIGHT"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2.5 * mm),
                    ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
                    ("TOPPADDING", (0, 1), (-1, 1), 3 * mm),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 3 * mm),
                ]
            ),
        )

    # --- the contacts ----------------------------------------------------------------------------

    def contacts(self, contacts: list[Contact]) -> Table:
        """One row per contact: name and role, phone, e-mail."""
        styles, family = self.styles, self.family
        cell = ParagraphStyle("contact", parent=styles.body, spaceAfter=0)
        rows: list[list] = []
        phones = [
            family.drawable(typography.format_phone(contact.phone, self.lang)) if contact.phone else ""
            for contact in contacts
        ]
        if self.stacked:
            return self._stacked_contacts(contacts, phones)
        for contact, phone in zip(contacts, phones, strict=True):
            who = f"<b>{self.text.inline(contact.name)}</b>"
            if contact.role:
                who += f"<br/>{self.text.inline(contact.role)}"
            rows.append(
                [
                    Para(who, cell),
                    Para(f"<b>{escape_xml(phone)}</b>", cell),
                    Para(self.text.inline(contact.email or ""), styles.email),
                ]
            )
        # A phone number is never broken across lines: its column fits the widest (+33 2 41 … in large
        # print too), its padding (1 mm left, 6 pt right) and 1 pt to spare included, up to 45 % of the page.
        padding = 1 * mm + 7
        widest = max(stringWidth(phone, family.bold, cell.fontSize) for phone in phones) + padding
        widths = [
            self.width * 0.34,
            min(self.width * 0.45, max(36 * mm, self.width * 0.2, widest)),
        ]
        # Nor is an address: the names' column narrows (down to its longest word) to leave room for the
        # longest; when even that is not enough, each address goes under its phone number.
        address = unbroken_width([row[2] for row in rows]) + padding
        names = unbroken_width([row[0] for row in rows]) + padding
        widths[0] = max(names, min(widths[0], self.width - widths[1] - address))
        if self.width - sum(widths) < address:
            rows = [[who, [phone, email]] for who, phone, email in rows]
            widths[1] = max(widths[1], min(address, self.width - names))
            widths[0] = self.width - widths[1]
        else:
            widths.append(self.width - sum(widths))
        return Table(
            rows,
            colWidths=widths,
            splitInRow=1,
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, styles.colour["muted"]),
                    ("LEFTPADDING", (0, 0), (-1, -1), 1 * mm),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.6 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6 * mm),
                ]
            ),
        )

    # --- stacked lists (large print) ---------------------------------------------------------------

    def _entries(
        self, rows: list[list], gap: float, widths: list[float] | None = None, rule: bool = False, kept: bool = True
    ) -> Table:
        """Entries one under the other, ``gap`` apart (with a ``rule`` between them); an entry is split
        across pages only when it is taller than a page; a list (``kept``) as ``whole_rows`` keeps it."""
        rules = [("LINEBELOW", (0, 0), (-1, -2), 0.6, self.styles.colour["muted"])] if rule else []
        table = Table(
            rows,
            colWidths=widths or [self.width],
            splitInRow=1,
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), gap / 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), gap / 2),
                    ("TOPPADDING", (0, 0), (-1, 0), 0),
                    *rules,
                ]
            ),
        )
        return whole_rows(table, self.width, self.height, kept)

    def _labelled(self, key: str, value: str) -> str:
        """``Depuis : 15 février`` (``Since: 15 February``): a label, then a value already in markup."""
        colon = "\u00a0:" if self.lang == "fr" else ":"
        return f"{escape_xml(self.label(key))}{colon} {value}"

    def _stacked_status(self, entries: list[SystemStatus]) -> Table:
        """Each system under the last: its icon, name and state in bold, then since when and the note."""
        styles = self.styles
        cell = ParagraphStyle("status_entry", parent=styles.body, spaceAfter=0)
        icon = styles.body.fontSize * 1.25
        rows = []
        for entry in entries:
            state = escape_xml(self.label("state_" + entry.state))
            lines = [Para(f"<b>{self.text.inline(entry.system)}\u00a0— {state}</b>", cell)]
            if entry.since:
                lines.append(Para(self._labelled("status_since", self.text.inline(self._since(entry.since))), cell))
            if entry.note:
                lines.append(Para(self.text.inline(entry.note), cell))
            rows.append([kit.Icon(entry.state, icon, styles.colour[STATE_COLOURS[entry.state]]), lines])
        return self._entries(rows, 5 * mm, [icon + 3 * mm, self.width - icon - 3 * mm], rule=True)

    def _stacked_contacts(self, contacts: list[Contact], phones: list[str]) -> Table:
        """Each contact under the last: name in bold, role, phone in bold, e-mail address, each on its line."""
        styles = self.styles
        cell = ParagraphStyle("contact_entry", parent=styles.body, spaceAfter=0)
        rows = []
        for contact, phone in zip(contacts, phones, strict=True):
            lines = [Para(f"<b>{self.text.inline(contact.name)}</b>", cell)]
            if contact.role:
                lines.append(Para(self.text.inline(contact.role), cell))
            if phone:
                lines.append(Para(f"<b>{escape_xml(phone)}</b>", cell))
            if contact.email:
                lines.append(Para(self.text.inline(contact.email), styles.email))
            rows.append([lines])
        return self._entries(rows, 5 * mm, rule=True)

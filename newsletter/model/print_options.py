"""Print production choices made on the command line (not in the layout): a plain record, importable
without loading the formats, so that a build with nothing changed can be answered quickly."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class RenderOptions:
    grayscale: bool = False
    bleed_mm: float = 0.0
    impose: str | None = None  # "booklet": A5 pages two by two on A4 landscape sheets
    proof: bool = False  # marked "PROOF — DO NOT DISTRIBUTE", the field paths in the margins

    def for_issue(self, draft: bool) -> RenderOptions:
        """The options an issue is printed with: a draft (``draft: yes``) only ever as a proof, marked
        not to distribute, so that a copy printed to be read over never reaches the photocopier."""
        return replace(self, proof=True) if draft else self

    def suffix(self) -> str:
        """Distinguishes the file of each variant, so one never replaces another."""
        parts = []
        if self.grayscale:
            parts.append("grayscale")
        if self.bleed_mm:
            parts.append(f"bleed{self.bleed_mm:g}mm")
        if self.impose:
            parts.append(self.impose)
        if self.proof:
            parts.append("proof")
        return "".join("-" + part for part in parts)

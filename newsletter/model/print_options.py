"""Print production choices made on the command line (not in the layout): a plain record, importable
without loading the formats, so that a build with nothing changed can be answered quickly."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RenderOptions:
    grayscale: bool = False
    bleed_mm: float = 0.0
    impose: str | None = None  # "booklet": A5 pages two by two on A4 landscape sheets
    proof: bool = False  # marked "PROOF — DO NOT DISTRIBUTE", the field paths in the margins

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

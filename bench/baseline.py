"""The speed baseline: a plain, competent reportlab script that renders an issue (sample n° 3 by default).

No CLI, no validation, no typography: read the YAML, lay out paragraphs, the logo and the news
images in two frames, a table for do/don't, DejaVu TrueType fonts embedded. `bench/run.py` measures
the project against it, on sample n° 3 and on the text-heavy issue (bench/text-heavy.yaml).

    python bench/baseline.py OUTPUT.pdf [ISSUE.yaml]
"""

import sys
from pathlib import Path
from xml.sax.saxutils import escape

import yaml
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Frame, Image, PageTemplate, Paragraph, Table, TableStyle

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "newsletter" / "data" / "fonts"


def main(output: str, source: Path = ROOT / "issues" / "003.yaml") -> None:
    for name in ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"):
        pdfmetrics.registerFont(TTFont(name, str(FONTS / f"{name}.ttf")))
    pdfmetrics.registerFontFamily(
        "DejaVuSans",
        normal="DejaVuSans",
        bold="DejaVuSans-Bold",
        italic="DejaVuSans-Oblique",
        boldItalic="DejaVuSans-BoldOblique",
    )
    issue = yaml.safe_load(source.read_text(encoding="utf-8"))
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=11, leading=14, spaceAfter=5)
    head = ParagraphStyle("head", parent=body, fontName="DejaVuSans-Bold", fontSize=14, leading=18, spaceBefore=8)
    title = ParagraphStyle("title", parent=body, fontName="DejaVuSans-Bold", fontSize=24, leading=28)

    def paragraphs(text, style=body):
        return [Paragraph(escape(part.strip()), style) for part in str(text).split("\n\n") if part.strip()]

    story = [
        Image(str(ROOT / "assets" / "logo.png"), width=25 * mm, height=25 * mm),
        Paragraph(escape(issue["headline"]), title),
    ] + paragraphs(issue.get("lead", ""))
    story += [Paragraph("L'essentiel", head)] + [p for item in issue.get("essentials", []) for p in paragraphs(item)]
    rows = [[Paragraph("À faire", head), Paragraph("À ne pas faire", head)]]
    for index in range(max(len(issue.get("do", [])), len(issue.get("dont", [])))):
        rows.append(
            [
                Paragraph(escape(items[index]), body) if index < len(items) else ""
                for items in (issue.get("do", []), issue.get("dont", []))
            ]
        )
    if len(rows) > 1:
        story.append(
            Table(
                rows,
                style=TableStyle(
                    [
                        ("FONTNAME", (0, 0), (-1, -1), "DejaVuSans"),
                        ("BOX", (0, 0), (0, -1), 1, colors.green),
                        ("BOX", (1, 0), (1, -1), 1, colors.red),
                    ]
                ),
            )
        )
    story.append(Paragraph("Où en sont les outils ?", head))
    story += [
        Paragraph(escape(f"{s['system']} — {s['state']} — {s.get('since', '')} — {s.get('note', '')}"), body)
        for s in issue.get("status", [])
    ]
    for item in issue.get("news", []):
        story.append(Paragraph(escape(item["title"]), head))
        if item.get("image"):
            story.append(Image(str(source.parent / item["image"]), width=80 * mm, height=53 * mm))
        story += paragraphs(item["body"])
    story += [Paragraph("Conseils pratiques", head)] if issue.get("tips") else []
    for tip in issue.get("tips", []):
        story += paragraphs(tip["body"] if isinstance(tip, dict) else tip)
    story.append(Paragraph("Vos questions", head))
    for question in issue.get("faq", []):
        story += [Paragraph(escape(question["q"]), head)] + paragraphs(question["a"])
    story.append(Paragraph("Contacts", head))
    story += [
        Paragraph(escape(f"{c['name']} — {c.get('role', '')} — {c.get('phone', '')}"), body)
        for c in issue.get("contacts", [])
    ]

    document = BaseDocTemplate(output, pagesize=A4, initialFontName="DejaVuSans")
    gutter = 6 * mm
    width = (document.width - gutter) / 2
    frames = [
        Frame(document.leftMargin, document.bottomMargin, width, document.height, id="left"),
        Frame(document.leftMargin + width + gutter, document.bottomMargin, width, document.height, id="right"),
    ]
    document.addPageTemplates([PageTemplate("two", frames)])
    document.build(story)


if __name__ == "__main__":
    main(sys.argv[1], *map(Path, sys.argv[2:3]))

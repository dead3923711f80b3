"""Regenerate docs/redaction-before-after.png, the README's before/after picture.

    .venv/bin/python data/make_redaction_figure.py

Page 1 of our sample 公示 PDF (fictitious people) beside page 1 of its redacted copy
made by the same code as `triage redact`, and the reviewers' copy, cropped to the table.
"""

from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from pipeline.config import Settings
from pipeline.fonts import find_cjk_font
from pipeline.ingest import ingest_file
from pipeline.redact.copies import redacted_copy, review_copy
from pipeline.scan import analyse

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "samples" / "大塘镇耕地地力保护补贴公示（第二批）.pdf"
OUT = ROOT / "docs" / "redaction-before-after.png"
DPI = 110


def page_one(data: bytes) -> Image.Image:
    pdf = pdfium.PdfDocument(data)
    image = pdf[0].render(scale=DPI / 72, draw_annots=True).to_pil().convert("RGB")
    pdf.close()
    width, height = image.size
    return image.crop((0, 0, width, int(height * 0.62)))


def main() -> None:
    document, data, error = ingest_file(SOURCE, Settings())
    assert document is not None and data is not None, error
    analysis = analyse(document)
    pictures = [
        ("原件", page_one(data)),
        (
            "审核稿（triage redact --review）",
            page_one(
                review_copy(
                    document, data, analysis.findings, analysis.suggestion, analysis.redactions
                )
            ),
        ),
        ("公开件（triage redact）", page_one(redacted_copy(document, data, analysis.redactions))),
    ]
    gap, caption = 16, 34
    width = sum(p.width for _, p in pictures) + gap * (len(pictures) + 1)
    height = max(p.height for _, p in pictures) + caption + gap
    sheet = Image.new("RGB", (width, height), (235, 235, 235))
    draw = ImageDraw.Draw(sheet)
    font_path = find_cjk_font()
    from PIL import ImageFont

    font = ImageFont.truetype(font_path, 20) if font_path else ImageFont.load_default()
    x = gap
    for title, picture in pictures:
        draw.text((x, 6), title, fill=(0, 0, 0), font=font)
        sheet.paste(picture, (x, caption))
        x += picture.width + gap
    OUT.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(OUT, optimize=True)
    print(OUT.relative_to(ROOT), sheet.size)


if __name__ == "__main__":
    main()

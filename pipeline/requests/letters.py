"""Letters of a case as .docx, from plain-text templates an office edits.

The templates (``letter_templates/*.txt``; an office puts its own files of the same names
in ``TRIAGE_LETTER_TEMPLATES``, one at a time if it likes) are Jinja2 text: a line that
starts with ``# `` is the title, ``> `` lines are set flush right (the signature and the
date), every other paragraph is indented two characters, as GB/T 9704 lays out a 公文.
Text, not a Word file, so that an office can change a sentence with any editor and the
change shows in a diff; a name the template uses that the case lacks is an error, not an
empty gap in a letter that goes out.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from pipeline.requests.settings import RequestSettings

TEMPLATES = Path(__file__).resolve().parent / "letter_templates"
KINDS = ("登记回执", "补正告知书", "征求意见书", "延期答复告知书", "延迟答复告知书", "答复书")
BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class LetterError(ValueError):
    """A template that cannot be rendered (a typo in a name, a syntax error)."""


def chinese_date(value: date | str | None) -> str:
    """2025-10-09 → 2025年10月9日 (as 公文 write dates)."""
    if value is None or value == "":
        return ""
    day = value if isinstance(value, date) else date.fromisoformat(str(value))
    return f"{day.year}年{day.month}月{day.day}日"


def _environment(settings: RequestSettings) -> jinja2.Environment:
    return _environment_for(str(settings.letter_dir) if settings.letter_dir else None)


@cache
def _environment_for(letter_dir: str | None) -> jinja2.Environment:
    """One environment per template folder: Jinja2 recompiles a template only when its
    file changed (auto_reload), so an office's edit shows without a restart."""
    folders = [letter_dir] if letter_dir else []
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*folders, str(TEMPLATES)], encoding="utf-8"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is a Word file, not HTML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["cn"] = chinese_date
    return env


def render_text(kind: str, context: Mapping[str, Any], settings: RequestSettings) -> str:
    """The letter's text from its template."""
    if kind not in KINDS:
        raise LetterError(f"没有“{kind}”这种文书")
    try:
        template = _environment(settings).get_template(f"{kind}.txt")
        return template.render(**context)
    except jinja2.TemplateError as exc:
        where = getattr(exc, "filename", None) or f"{kind}.txt"
        raise LetterError(f"文书模板 {where} 无法生成：{exc}") from exc


def _font(run_or_style: Any, name: str, size: float, bold: bool = False) -> None:
    font = run_or_style.font
    font.name = name
    font.size = Pt(size)
    font.bold = bold
    fonts = run_or_style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


@cache
def _blank() -> bytes:
    """An empty A4 letter with GB/T 9704 margins and the body style (仿宋 三号, 28 pt
    lines), made once: every paragraph inherits the style."""
    document = new_docx()
    section = document.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = document.styles["Normal"]
    _font(normal, BODY_FONT, 16)
    normal.paragraph_format.line_spacing = Pt(28)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def new_letter() -> Any:
    """A python-docx document on the blank letter (A4, GB/T 9704 margins, 仿宋 三号 body),
    for writers that lay out more than paragraphs (the 区分处理说明's table)."""
    return new_docx(io.BytesIO(_blank()))


def set_font(run: Any, name: str, size: float, bold: bool = False) -> None:
    """A run's font, the East Asian one too (Word reads Chinese text's font from it)."""
    _font(run, name, size, bold)


def to_docx(text: str, title: str) -> bytes:
    """Lay the rendered text out as a 公文-like Word file (A4, GB/T 9704 margins,
    仿宋 三号 body, 小标宋 二号 title)."""
    document = new_docx(io.BytesIO(_blank()))
    for block in _paragraphs(text):
        paragraph = document.add_paragraph()
        if block.startswith("# "):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(paragraph.add_run(block[2:].strip()), TITLE_FONT, 22)
        elif block.startswith("> "):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.add_run(block[2:].strip())
        elif block.startswith("= "):  # a line set as it is (the case number)
            paragraph.add_run(block[2:].strip())
        else:
            paragraph.paragraph_format.first_line_indent = Pt(32)
            paragraph.add_run(block.strip())
    properties = document.core_properties
    properties.title, properties.author, properties.last_modified_by = title, "", ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; lines of a paragraph are joined (Chinese needs no
    space); title, flush-right and as-is lines stand alone."""
    blocks: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            if current:
                blocks.append("".join(current))
                current = []
            continue
        if stripped.startswith(("# ", "> ", "= ")):
            if current:
                blocks.append("".join(current))
                current = []
            blocks.append(stripped)
        else:
            current.append(stripped)
    if current:
        blocks.append("".join(current))
    return blocks


def letter(kind: str, context: Mapping[str, Any], settings: RequestSettings) -> tuple[str, bytes]:
    """(text, .docx bytes) of one letter."""
    text = render_text(kind, context, settings)
    return text, to_docx(text, kind)

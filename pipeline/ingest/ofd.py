"""OFD reader (GB/T 33190, the format 党政机关电子公文 are exchanged in): text in reading
order and the page box of every character.

We read the package ourselves (``ofd_package``: bounded, no DTDs or entities), resolve its
structure (``ofd_structure``) and place every glyph of every page, template and
annotation appearance (``ofd_layout``: TextCode X/Y/DeltaX/DeltaY through the object's
CTM and Boundary, millimetres → points). The glyphs then go through the same line and
paragraph reconstruction as PDF characters (``pipeline.ingest.pdf``: lines by baseline,
wrapped lines joined back when the previous line had no room, 发文机关署名 blocks kept
apart, page numbers moved after the body), so an OFD and a PDF of one document give the
same text, and ``Document.char_boxes`` works for both.

After the body and the page numbers come the annotations (Annotations.xml: each Annot's
remark, parameters and the text of its appearance) as ``comment`` blocks, scanned like
Word comments. Attachments and custom tags (CustomTags: e-invoice data, for instance) are
not read: they are listed as warnings for the clerk, and the redacted copy leaves them
out. Signatures (Signatures.xml) are reported, not verified; a redacted copy cannot keep
them. Glyphs in the Unicode private use area (fonts without a Unicode mapping) are not
text: a page made mostly of them, or of images only, is reported like a scanned PDF page.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from pipeline.document import Block, BlockKind, Document
from pipeline.ingest.errors import ErrorCode, IngestError
from pipeline.ingest.ofd_layout import MM, Drawn, Glyph, Walker
from pipeline.ingest.ofd_package import OfdPackage, child_text, children, local
from pipeline.ingest.ofd_structure import (
    PageAnnot,
    Structure,
    attachments,
    custom_tags,
    page_annotations,
    page_box,
    page_resources,
    read_structure,
    signatures,
)
from pipeline.ingest.pdf import _PAGE_NUMBER, _Line, _lines, _Out, _write_flow

DEFAULT_MAX_PAGES = 500


@dataclass
class _GlyphOut(_Out):
    """The PDF reader's text builder, also remembering which glyph each character is."""

    glyphs: list[Glyph | None] = field(default_factory=list)

    def char(self, c: dict[str, Any], page: int) -> None:
        super().char(c, page)
        self.glyphs.extend([c["glyph"]] * len(c["text"]))

    def synthetic(self, text: str) -> None:
        super().synthetic(text)
        self.glyphs.extend([None] * len(text))


@dataclass
class OfdRead:
    """A read OFD: the Document, and what the redactor needs to change the file — the
    package with its parsed parts, the glyph behind every character of the text (None
    for characters we added), the annotation behind each ``comment`` range, and every
    glyph drawn on a page (unmapped ones and those of unreadable pages too)."""

    document: Document
    package: OfdPackage
    structure: Structure
    glyphs: list[Glyph | None]
    annots: list[tuple[int, int, PageAnnot]]
    walked: list[Glyph]  # every glyph placed on a page, in the text or not


def read_ofd(path: Path, data: bytes, source: str, max_pages: int = DEFAULT_MAX_PAGES) -> Document:
    """Read an OFD file into a Document with per-character page boxes."""
    return read_ofd_full(data, source, max_pages).document


def read_ofd_full(data: bytes, source: str, max_pages: int = DEFAULT_MAX_PAGES) -> OfdRead:
    package = OfdPackage(data, source)
    try:
        return _read(package, data, source, max_pages)
    except IngestError:
        raise
    except (etree.LxmlError, KeyError, ValueError, IndexError) as exc:
        raise IngestError(
            ErrorCode.CORRUPT,
            f"{source}：OFD 文件结构有误（{type(exc).__name__}: {exc}）；请重新导出或索取原件",
        ) from exc


def _read(package: OfdPackage, data: bytes, source: str, max_pages: int) -> OfdRead:
    structure = read_structure(package, max_pages)
    pages = structure.pages
    items: list[Any] = []
    furniture: list[_Line] = []
    unread: list[int] = []
    walkers = []
    walked: list[Glyph] = []
    unmapped: dict[int, int] = {}  # readable pages: glyphs without a Unicode mapping
    for body in structure.bodies:
        walker = Walker(package, body.templates, body.units)
        walkers.append(walker)
        for page in body.pages:
            page_resources(package, page, body)
            drawn = Drawn()
            glyphs = walker.page(page.part, page.number, drawn)
            walked.extend(glyphs)
            height = page_box(package, page, body)[3] * MM
            page_items, page_furniture, readable = _layout(glyphs, page.number, height, drawn)
            if not readable:
                unread.append(page.number)
            else:
                lost = sum(1 for g in glyphs if _unmapped(g.ch))
                if lost:
                    unmapped[page.number] = lost
            items.extend(page_items)
            furniture.extend(page_furniture)
    out = _GlyphOut()
    _write_flow(out, items)
    body_end = out.length
    for line in furniture:
        out.synthetic("\n")
        start = out.length
        for c in line.chars:
            out.char(c, line.page)
        kind: BlockKind = "footer" if line.top > 0 else "header"
        out.blocks.append(Block(start, out.length, kind, page=line.page))
    annots = _annotations(package, structure, walkers[0], out)
    text = "".join(out.parts)
    if not text.strip():
        if unread:
            raise IngestError(
                ErrorCode.NO_TEXT_LAYER,
                f"{source}：{len(pages)} 页都没有可读的文字（图像或无字符映射的字体，相当于扫描件）；"
                "请对其进行文字识别（OCR），或从原文重新导出",
            )
        raise IngestError(ErrorCode.EMPTY, f"{source}：OFD 文件中没有文字")
    document = Document(
        source=source,
        sha256=hashlib.sha256(data).hexdigest(),
        format="ofd",
        text=text,
        blocks=out.blocks,
        body_end=body_end,
        pages=len(pages),
        char_boxes=out.boxes,
    )
    document.warnings.extend(_warnings(package, structure, unread, len(pages), walkers))
    if unmapped:
        document.warnings.append(
            {
                "code": "unmapped_glyphs",
                "pages": sorted(unmapped),
                "message": f"第 {'、'.join(map(str, sorted(unmapped)))} 页有 {sum(unmapped.values())} "
                "个字符的字体没有 Unicode 映射，无法读取（其中可能有个人信息），须人工核对",
            }
        )
    return OfdRead(document, package, structure, out.glyphs, annots, walked)


_PRIVATE_USE = ((0xE000, 0xF8FF), (0xF0000, 0x10FFFF))


def _unmapped(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _PRIVATE_USE) or ch == "\ufffd"


def _layout(
    glyphs: list[Glyph], number: int, height: float, drawn: Drawn
) -> tuple[list[_Line], list[_Line], bool]:
    """Lines of one page in reading order, its page-number lines, and whether the page has
    usable text (blank pages have; pages of images or unmapped glyphs have not)."""
    ink = [g for g in glyphs if g.ch.strip()]
    unmapped = sum(1 for g in ink if _unmapped(g.ch))
    if not ink or unmapped > 0.2 * len(ink):
        return [], [], not (drawn.images or unmapped)
    chars = [_char(g) for g in glyphs if not _unmapped(g.ch)]
    lines = _lines(chars, number)
    furniture = [
        ln
        for ln in lines
        if _PAGE_NUMBER.match(ln.text) and (ln.top > 0.85 * height or ln.bottom < 0.1 * height)
    ]
    for ln in furniture:
        if ln.bottom < 0.1 * height:
            ln.top = -ln.top - 1  # a header line
    body = [ln for ln in lines if ln not in furniture and ln.text.strip()]
    return body, furniture, True


def _char(g: Glyph) -> dict[str, Any]:
    """A glyph as the PDF layout code sees a pdfplumber char (baseline via ``matrix``)."""
    return {
        "text": g.ch,
        "x0": g.x0,
        "x1": g.x1,
        "top": g.top,
        "bottom": g.bottom,
        "size": g.size,
        "matrix": (1.0, 0.0, 0.0, 1.0, g.x0, -g.baseline),
        "glyph": g,
    }


def _annotations(
    package: OfdPackage, structure: Structure, walker: Walker, out: _GlyphOut
) -> list[tuple[int, int, PageAnnot]]:
    """Each annotation's remark, parameters and appearance text as a ``comment`` block
    (pieces on lines of their own, so no value is read across two of them)."""
    found = []
    for item in page_annotations(package, structure):
        pieces = [child_text(item.annot, "Remark") or ""]
        for holder in children(item.annot, "Parameters"):
            pieces.extend((p.text or "").strip() for p in children(holder, "Parameter"))
        drawn = [
            g
            for appearance in item.annot
            if local(appearance) == "Appearance"
            for g in walker.appearance(appearance, item.part, item.page, Drawn())
            if g.ch.strip() and not _unmapped(g.ch)
        ]
        pieces = [p for p in pieces if p]
        if not pieces and not drawn:
            continue
        if out.length:
            out.synthetic("\n")
        start = out.length
        for n, piece in enumerate(pieces):
            out.synthetic(("\n" if n else "") + piece)
        if drawn and pieces:
            out.synthetic("\n")
        for g in drawn:
            out.char(_char(g), g.page)
        out.blocks.append(Block(start, out.length, "comment", page=item.page))
        found.append((start, out.length, item))
    return found


def _warnings(
    package: OfdPackage,
    structure: Structure,
    unread: list[int],
    pages: int,
    walkers: list[Walker],
) -> list[dict[str, object]]:
    warnings: list[dict[str, object]] = []
    if unread:
        warnings.append(
            {
                "code": "partial_text_layer",
                "pages": unread,
                "message": f"第 {'、'.join(map(str, unread))} 页（共 {pages} 页）没有可读的文字"
                "（图像或无字符映射的字体）：其内容未读取，须人工检查",
            }
        )
    signed = signatures(package, structure)
    if signed:
        who = "；".join(
            f"{'电子签章' if s.kind == 'Seal' else '电子签名'}（{s.provider}{'，' + s.when if s.when else ''}）"
            for s in signed
        )
        warnings.append(
            {
                "code": "ofd_signatures",
                "count": len(signed),
                "message": f"文件带有 {len(signed)} 个电子签章/签名：{who}。本程序不验证签章；"
                "删除处理后的公开稿不能保留有效签章，公开稿中已移除并在文档信息中注明",
            }
        )
    attached = attachments(package, structure)
    if attached:
        names = "、".join(f"{a.name}{'.' + a.format if a.format else ''}" for a in attached)
        warnings.append(
            {
                "code": "ofd_attachments",
                "count": len(attached),
                "message": f"文件带有 {len(attached)} 个附件（{names}）：附件内容未读取，须人工检查；"
                "公开稿不含附件",
            }
        )
    tags = custom_tags(package, structure)
    if tags:
        kinds = "、".join(sorted({t or "未命名" for t, _ in tags}))
        warnings.append(
            {
                "code": "ofd_custom_tags",
                "count": len(tags),
                "message": f"文件带有 {len(tags)} 组自定义标引数据（类型：{kinds}，如电子发票数据）："
                "未读取，须人工检查；公开稿不含这些数据",
            }
        )
    notes = [w for walker in walkers for w in walker.warnings]
    if notes:
        warnings.append({"code": "ofd_structure", "message": "；".join(dict.fromkeys(notes))})
    repaired = package.repaired
    if repaired:
        warnings.append(
            {
                "code": "ofd_repaired_xml",
                "message": f"部件 {'、'.join(repaired)} 的 XML 有误，已按容错方式读取，可能缺少文字，须人工核对",
            }
        )
    return warnings

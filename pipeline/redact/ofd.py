"""Redacted copies of OFD files: the redacted characters are gone from the file, their
places blacked out, and the rest of every page exactly where it was.

A black box over text that is still in the file is the classic leak, so, working on the
very TextCode elements the reader placed each character from (``pipeline.ingest.ofd``):

- each redacted character is removed from its TextCode; a TextCode losing characters is
  split into one TextCode per kept run, each with the X/Y of its first character and
  the DeltaX (DeltaY) between its characters, so every kept character stays exactly
  where it was drawn; a CGTransform (character → glyph index map, which would tell the
  removed characters by their glyphs) keeps the entries of kept characters only;
- values, not offsets, are the unit (as for .docx and PDF): every place the text holds a
  redacted value is redacted, and every TextObject of every part — templates and
  resources too — is searched for the values once more;
- a black PathObject is drawn over each redacted character, in a layer above the page's
  content (label style: boxes only, an OFD has no font we could rely on for the label);
- annotations holding a value (remark, parameters, appearance) are removed; attachments
  and custom tags (which we do not read) are left out of the copy; any other text or
  attribute still holding a value (outline titles, bookmarks) is masked with ■;
- DocInfo is cleared (title, author, subject, keywords, custom data) and says what was
  done; signatures and integrity protection are dropped — a changed file cannot carry a
  valid signature — and DocInfo says so, as does the scan's warning to the clerk;
- the copy is checked before it is returned: no value in any part's bytes (UTF-8,
  GB18030, UTF-16), nor in any XML part's text or attributes with the markup between
  characters removed; else nothing is written (RedactionLeak).
"""

from __future__ import annotations

import itertools
import re
import uuid
from collections.abc import Sequence
from datetime import date

from lxml import etree

from pipeline.document import Document
from pipeline.ingest.ofd import DEFAULT_MAX_PAGES, OfdRead, read_ofd_full
from pipeline.ingest.ofd_layout import Glyph, positions
from pipeline.ingest.ofd_package import child, child_text, children, local
from pipeline.ingest.ofd_structure import attachments, custom_tags, index_parts, signatures
from pipeline.redact.docx import RedactionLeak, values_of
from pipeline.redact.ofd_parts import (
    Editor,
    find_values,
    fmt,
    holds,
    make,
    numeric,
    text_codes,
    text_objects,
)
from pipeline.redact.pdf import all_occurrences
from pipeline.redact.spans import Redaction
from pipeline.redact.txt import MASK, Style

PRODUCER = "公开审 gongkai-triage"
PAD = 0.05  # of a glyph box's height, on every side
_DOCINFO_KEPT = ("DocID", "CreationDate", "DocUsage")


def reread(document: Document, data: bytes) -> OfdRead:
    """The OFD file read again, with what the copies need; refused if its text is not the
    text the spans refer to, or if pages were not read (their content cannot be redacted)."""
    read = read_ofd_full(data, document.source, max(document.pages or 0, DEFAULT_MAX_PAGES))
    if read.document.text != document.text:
        raise ValueError("reading the OFD file again gives another text than the spans refer to")
    return read


def redact_ofd(
    document: Document, data: bytes, spans: Sequence[Redaction], style: Style = "block"
) -> bytes:
    """The bytes of the redacted copy of the OFD ``data`` (read into ``document``)."""
    unread = [w for w in document.warnings if w.get("code") == "partial_text_layer"]
    if unread:
        pages = "、".join(str(n) for n in unread[0].get("pages", []))  # type: ignore[attr-defined]
        raise ValueError(
            f"page(s) {pages} have no readable text (images or fonts without a Unicode "
            "mapping): what they show was not read, so it cannot be redacted"
        )
    read = reread(document, data)
    spans = all_occurrences(document.text, spans)
    values = [v.text for v in values_of(document.text, spans)]
    editor = Editor(read)
    removals = _Removals(read)
    for span in spans:
        for offset in range(span.start, span.end):
            glyph = read.glyphs[offset]
            if glyph is not None and glyph.source != "annotation":
                removals.add(glyph)
    _drop_unused_templates(editor)
    for name, root in list(read.package.parsed().items()):
        if name not in editor.dropped:
            removals.sweep(root, values)
    for obj, codes in removals.by_object().items():
        rewrite_object(obj, codes)
    _black_boxes(editor, removals.boxes)
    _remove_annotations(read, spans, values)
    signed = _drop_signatures(editor)
    _drop_attached(editor)
    _mask_rest(read, values)
    _clear_docinfo(editor, len(spans), signed)
    copy = editor.write()
    leaks = find_values(copy, values)
    if leaks:
        raise RedactionLeak(f"redacted values still in the copy: {leaks}")
    return copy


class _Removals:
    """Which characters of which TextCodes go, and the page boxes they were drawn in."""

    def __init__(self, read: OfdRead) -> None:
        self.codes: dict[int, tuple[etree._Element, set[int]]] = {}
        self.boxes: dict[int, list[Glyph]] = {}
        self.drawn: dict[tuple[int, int], list[Glyph]] = {}
        for glyph in read.walked:
            self.drawn.setdefault((id(glyph.code), glyph.index), []).append(glyph)

    def add(self, glyph: Glyph) -> None:
        self.mark(glyph.code, glyph.index)

    def mark(self, code: etree._Element, index: int) -> None:
        entry = self.codes.setdefault(id(code), (code, set()))
        if index in entry[1]:
            return
        entry[1].add(index)
        for drawn in self.drawn.get((id(code), index), []):  # a template: on every page
            self.boxes.setdefault(drawn.page, []).append(drawn)

    def sweep(self, root: etree._Element, values: Sequence[str]) -> None:
        """Every place a part's text — its TextCodes in file order, whitespace ignored, so
        also a value split over two objects — holds a value."""
        chars = [
            (ch, code, i)
            for obj in text_objects(root)
            for code in text_codes(obj)
            for i, ch in enumerate(code.text or "")
            if not ch.isspace()
        ]
        squeezed = "".join(c[0] for c in chars)
        for value in values:
            needle = re.sub(r"\s+", "", value)
            if not needle:
                continue
            for m in re.finditer(re.escape(needle), squeezed):
                for _, code, i in chars[m.start() : m.end()]:
                    self.mark(code, i)

    def by_object(self) -> dict[etree._Element, dict[int, set[int]]]:
        out: dict[etree._Element, dict[int, set[int]]] = {}
        for code, indexes in self.codes.values():
            obj = code.getparent()
            if obj is not None:
                out.setdefault(obj, {})[id(code)] = indexes
        return out


def rewrite_object(obj: etree._Element, removed: dict[int, set[int]]) -> None:
    """Remove characters from a TextObject's TextCodes, keeping every other character at
    its place: each kept run becomes a TextCode with explicit X/Y and DeltaX/DeltaY."""
    size = _float(obj.get("Size"), 3.5)
    hscale = _float(obj.get("HScale"), 1.0) or 1.0
    x = y = 0.0
    concat_removed: set[int] = set()
    offset = 0
    for code in text_codes(obj):
        x, y = _float(code.get("X"), x), _float(code.get("Y"), y)
        placed = positions(code, size, hscale, x, y)
        gone = removed.get(id(code), set())
        concat_removed.update(offset + i for i in gone)
        offset += len(placed)
        if not gone:
            code.set("X", fmt(x))  # explicit: the code before it may be split or gone
            code.set("Y", fmt(y))
            continue
        vertical = code.get("DeltaY") is not None
        runs: list[list[int]] = []
        for i in range(len(placed)):
            if i in gone:
                continue
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        parent, at = obj, obj.index(code)
        parent.remove(code)
        for n, run in enumerate(runs):
            attributes = {"X": fmt(placed[run[0]][1]), "Y": fmt(placed[run[0]][2])}
            if len(run) > 1:
                attributes["DeltaX"] = " ".join(
                    fmt(placed[b][1] - placed[a][1]) for a, b in itertools.pairwise(run)
                )
                if vertical:
                    attributes["DeltaY"] = " ".join(
                        fmt(placed[b][2] - placed[a][2]) for a, b in itertools.pairwise(run)
                    )
            piece = make(obj, "TextCode", attributes, "".join(placed[i][0] for i in run))
            parent.insert(at + n, piece)
    _glyph_map(obj, concat_removed)


def _glyph_map(obj: etree._Element, removed: set[int]) -> None:
    """Keep the CGTransform entries of kept characters, renumbered; an entry mapping
    several characters to other glyphs that loses one is dropped whole."""

    def new_index(i: int) -> int:
        return i - sum(1 for r in removed if r < i)

    for cg in children(obj, "CGTransform"):
        start = int(_float(cg.get("CodePosition"), 0))
        count = int(_float(cg.get("CodeCount"), 1))
        glyphs = (child_text(cg, "Glyphs") or "").split()
        span = range(start, start + count)
        if not any(i in removed for i in span):
            cg.set("CodePosition", str(new_index(start)))
            continue
        kept = [
            (i, glyphs[i - start]) for i in span if i not in removed and i - start < len(glyphs)
        ]
        if len(glyphs) != count or not kept:
            obj.remove(cg)
            continue
        cg.set("CodePosition", str(new_index(kept[0][0])))
        cg.set("CodeCount", str(len(kept)))
        cg.set("GlyphCount", str(len(kept)))
        holder = child(cg, "Glyphs")
        if holder is not None:
            holder.text = " ".join(g for _, g in kept)


def _black_boxes(editor: Editor, boxes: dict[int, list[Glyph]]) -> None:
    for page, glyphs in sorted(boxes.items()):
        layer = editor.top_layer(page)
        for box in _merged(glyphs):
            h = box[3] - box[1]
            padded = (box[0] - PAD * h, box[1] - PAD * h, box[2] + PAD * h, box[3] + PAD * h)
            editor.rectangle(layer, padded, "0 0 0")


def _merged(glyphs: list[Glyph]) -> list[tuple[float, float, float, float]]:
    """Glyph boxes joined where they touch on one line: one black bar per piece."""
    out: list[list[float]] = []
    for g in sorted(glyphs, key=lambda g: (round(g.top, 1), g.x0)):
        if out:
            last = out[-1]
            same_line = abs(last[1] - g.top) < 0.2 * (g.bottom - g.top)
            if same_line and g.x0 <= last[2] + 0.2 * (g.bottom - g.top) and g.x0 >= last[0]:
                last[2] = max(last[2], g.x1)
                last[3] = max(last[3], g.bottom)
                continue
        out.append([g.x0, g.top, g.x1, g.bottom])
    return [(a, b, c, d) for a, b, c, d in out]


def _remove_annotations(read: OfdRead, spans: Sequence[Redaction], values: Sequence[str]) -> int:
    removed = 0
    overlapping = {
        id(item.annot)
        for start, end, item in read.annots
        if any(s.start < end and start < s.end for s in spans)
    }
    for start_end_item in read.annots:
        annot = start_end_item[2].annot
        if id(annot) in overlapping or holds(annot, values):
            parent = annot.getparent()
            if parent is not None:
                parent.remove(annot)
                removed += 1
    return removed


def _drop_unused_templates(editor: Editor) -> None:
    """Templates no page uses are never shown but may hold text: left out of the copy."""
    package = editor.package
    for body in editor.read.structure.bodies:
        used: set[str] = set()
        stack = [p.part for p in body.pages]
        while stack:
            for reference in children(package.xml(stack.pop()), "Template"):
                template_id = (reference.get("TemplateID") or "").strip()
                if template_id in body.templates and template_id not in used:
                    used.add(template_id)
                    stack.append(body.templates[template_id])
        keep = {body.templates[t] for t in used}
        common = child(package.xml(body.document), "CommonData")
        for element in children(common, "TemplatePage"):
            template_id = (element.get("ID") or "").strip()
            if template_id not in used and common is not None:
                common.remove(element)
                part = body.templates.get(template_id)
                if part is not None and part not in keep:
                    editor.drop([part])


def _drop_signatures(editor: Editor) -> int:
    """Signatures and the file's integrity protection: a changed file cannot keep them."""
    read, package = editor.read, editor.package
    signed = signatures(package, read.structure)
    for sign in signed:
        editor.drop(sign.files)
    for body in read.structure.bodies:
        editor.drop([package.resolve(read.structure.entry, child_text(body.element, "Signatures"))])
        for element in children(body.element, "Signatures"):
            body.element.remove(element)
    entries = package.find("OFDEntries.xml")
    if entries is not None:
        editor.drop(
            [entries, package.resolve(entries, child_text(package.xml(entries), "SignedValueLoc"))]
        )
    return len(signed) + (1 if entries is not None else 0)


def _drop_attached(editor: Editor) -> None:
    """Attachments and custom tags (not read, so not redacted) are left out."""
    read, package = editor.read, editor.package
    editor.drop(a.part for a in attachments(package, read.structure))
    editor.drop(part for _, part in custom_tags(package, read.structure))
    for body in read.structure.bodies:
        document = package.xml(body.document)
        for name in ("Attachments", "CustomTags"):
            editor.drop([index_parts(package, body, name)])
            for element in children(document, name):
                document.remove(element)


def _mask_rest(read: OfdRead, values: Sequence[str]) -> None:
    """Any other text or attribute holding a value (outline titles, bookmarks, actions)
    gets ■ for it; in lists of numbers (glyph indexes, coordinates) only values of five
    characters or more count, as ``holds`` counts them."""
    ordered = sorted((v for v in values if v), key=len, reverse=True)

    def masked(text: str) -> str:
        for value in ordered:
            if not numeric(text) or len(value) >= 5:
                text = text.replace(value, MASK * len(value))
        return text

    for root in read.package.parsed().values():
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            if element.text and local(element) != "TextCode":
                element.text = masked(element.text)
            if element.tail:
                element.tail = masked(element.tail)
            for key, value in element.attrib.items():
                if masked(value) != value:
                    element.set(key, masked(value))


def _clear_docinfo(editor: Editor, redactions: int, signed: int) -> None:
    """DocInfo keeps only what identifies no one, and says what was done to the copy."""
    note = f"公开稿：已作删除处理（{redactions} 处，政府信息公开条例第十五条）"
    if signed:
        note += f"；原件的 {signed} 个电子签章/签名或完整性保护已移除：删除处理后签章不再有效"
    note += "；附件和自定义标引数据未随公开稿提供"
    for body in editor.read.structure.bodies:
        info = child(body.element, "DocInfo")
        if info is None:
            info = make(body.element, "DocInfo")
            body.element.insert(0, info)
        kept = {local(e): e for e in info if local(e) in _DOCINFO_KEPT}
        for element in list(info):
            info.remove(element)
        doc_id = kept.get("DocID")
        info.append(doc_id if doc_id is not None else make(info, "DocID"))
        info[-1].text = uuid.uuid4().hex
        if "CreationDate" in kept:
            info.append(kept["CreationDate"])
        info.append(make(info, "ModDate", text=date.today().isoformat()))
        if "DocUsage" in kept:
            info.append(kept["DocUsage"])
        info.append(make(info, "Creator", text=PRODUCER))
        datas = make(info, "CustomDatas")
        datas.append(make(info, "CustomData", {"Name": "公开审"}, note))
        info.append(datas)


def _float(value: str | None, default: float) -> float:
    try:
        return float(value) if value is not None else default
    except ValueError:
        return default

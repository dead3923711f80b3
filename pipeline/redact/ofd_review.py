"""The reviewers' copy of an OFD file: nothing removed, every mark a highlight annotation
with its note, every page stamped 审核稿 不得公开 with the suggestion.

Each mark (a proposed redaction in yellow, another finding in green) becomes one
Highlight annotation per line piece it covers (Annotations.xml: the page's existing
annotation file, or a new one), whose Remark is the note (what, why, which article) and
whose Appearance is a translucent rectangle over the characters, so every viewer shows
it. The stamp is drawn as page content in a top layer (annotations can be hidden by a
viewer; content cannot), with a 宋体 font resource added to the document's resources.
Signatures stay in this working copy; as it is changed, they no longer verify.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date

from lxml import etree

from pipeline.document import Document
from pipeline.ingest.ofd_layout import MM
from pipeline.ingest.ofd_package import child, child_text, children, local, normalise
from pipeline.ingest.ofd_structure import Body, PageRef, index_parts
from pipeline.redact.ofd import reread
from pipeline.redact.ofd_parts import Editor, fmt, make
from pipeline.redact.review_copy import AUTHOR, HINT_RGB, REDACT_RGB, Mark

ALPHA = 110  # of 255: the text under a highlight stays readable
STAMP_SIZE = 12 * 25.4 / 72  # 12 pt in mm
_BEFORE_ANNOTATIONS = (
    "CommonData",
    "Pages",
    "Outlines",
    "Permissions",
    "Actions",
    "VPreferences",
    "Bookmarks",
)
_BEFORE_FONTS = ("ColorSpaces", "DrawParams")


def review_ofd(document: Document, data: bytes, marks: Sequence[Mark], stamp: str) -> bytes:
    read = reread(document, data)
    editor = Editor(read)
    font = _font(editor, read.structure.bodies[0])
    pages = _PageAnnots(editor)
    for mark in marks:
        rgb = " ".join(str(round(255 * c)) for c in (REDACT_RGB if mark.redact else HINT_RGB))
        for number, box in document.boxes_for(mark.start, mark.end):
            root = pages.root(number)
            annot = make(
                root,
                "Annot",
                {
                    "ID": editor.new_id(),
                    "Type": "Highlight",
                    "Creator": AUTHOR,
                    "LastModDate": date.today().isoformat(),
                },
            )
            annot.append(make(root, "Remark", text=mark.note))
            x0, top = box.x0 / MM, box.top / MM
            w, h = (box.x1 - box.x0) / MM, (box.bottom - box.top) / MM
            appearance = make(
                root, "Appearance", {"Boundary": f"{fmt(x0)} {fmt(top)} {fmt(w)} {fmt(h)}"}
            )
            editor.rectangle(
                appearance, (box.x0, box.top, box.x1, box.bottom), rgb, ALPHA, (x0, top)
            )
            annot.append(appearance)
            root.append(annot)
    for page in read.structure.pages:
        _stamp(editor, page.number, font, stamp)
    return editor.write()


class _PageAnnots:
    """The PageAnnot root annotations of a page go into, made when first needed."""

    def __init__(self, editor: Editor) -> None:
        self.editor = editor
        self.roots: dict[int, etree._Element] = {}
        self.indexes: dict[int, tuple[str, etree._Element]] = {}

    def root(self, number: int) -> etree._Element:
        if number in self.roots:
            return self.roots[number]
        editor = self.editor
        page = editor.page(number)
        body = editor.read.structure.bodies[page.body]
        if page.body not in self.indexes:
            self.indexes[page.body] = self._index(body)
        index = self.indexes[page.body]
        page_id = _page_id(editor, body, page)
        for entry in children(index[1], "Page"):
            if (entry.get("PageID") or "").strip() == page_id:
                part = editor.package.resolve(index[0], child_text(entry, "FileLoc"))
                if part is not None:
                    self.roots[number] = editor.package.xml(part)
                    return self.roots[number]
        folder = index[0].rsplit("/", 1)[0] if "/" in index[0] else ""
        location = f"Page_{number - 1}/Annotation_review.xml"
        root = make(index[1], "PageAnnot")
        editor.create(normalise(f"{folder}/{location}"), root)
        entry = make(index[1], "Page", {"PageID": page_id})
        entry.append(make(index[1], "FileLoc", text=location))
        index[1].append(entry)
        self.roots[number] = root
        return root

    def _index(self, body: Body) -> tuple[str, etree._Element]:
        """The body's Annotations.xml (its part and root), made when the file has none."""
        package = self.editor.package
        part = index_parts(package, body, "Annotations")
        if part is not None:
            return part, package.xml(part)
        document = package.xml(body.document)
        name = normalise(f"{_folder(body.document)}/Annots/Annotations.xml")
        root = make(document, "Annotations")
        self.editor.create(name, root)
        holder = make(document, "Annotations", text="Annots/Annotations.xml")
        _insert_after(document, holder, _BEFORE_ANNOTATIONS)
        return name, root


def _page_id(editor: Editor, body: Body, page: PageRef) -> str:
    if page.page_id:
        return page.page_id
    pages = children(child(editor.package.xml(body.document), "Pages"), "Page")
    element = pages[[p.number for p in body.pages].index(page.number)]
    element.set("ID", editor.new_id())
    return str(element.get("ID"))


def _font(editor: Editor, body: Body) -> str:
    """The ID of a 宋体 font added to the body's public resources (made if missing)."""
    package = editor.package
    document = package.xml(body.document)
    common = child(document, "CommonData")
    assert common is not None
    part = package.resolve(body.document, child_text(common, "PublicRes"))
    if part is None:
        part = normalise(f"{_folder(body.document)}/PublicRes_review.xml")
        root = make(document, "Res", {"BaseLoc": "Res"})
        editor.create(part, root)
        holder = make(document, "PublicRes", text=part.rsplit("/", 1)[-1])
        _insert_after(common, holder, ("MaxUnitID", "PageArea", "PublicRes"))
    else:
        root = package.xml(part)
    fonts = child(root, "Fonts")
    if fonts is None:
        fonts = make(root, "Fonts")
        _insert_after(root, fonts, _BEFORE_FONTS)
    font_id = editor.new_id()
    fonts.append(make(root, "Font", {"ID": font_id, "FontName": "宋体", "FamilyName": "宋体"}))
    return font_id


def _stamp(editor: Editor, number: int, font: str, text: str) -> None:
    layer = editor.top_layer(number)
    widths = [
        STAMP_SIZE if unicodedata.east_asian_width(c) in ("W", "F", "A") else STAMP_SIZE / 2
        for c in text
    ]
    obj = make(
        layer,
        "TextObject",
        {
            "ID": editor.new_id(),
            "Boundary": f"10 4 {fmt(sum(widths) + 2)} 8",
            "Font": font,
            "Size": fmt(STAMP_SIZE),
        },
    )
    obj.append(make(layer, "FillColor", {"Value": "200 0 0"}))
    deltas = " ".join(fmt(w) for w in widths[:-1])
    obj.append(make(layer, "TextCode", {"X": "0", "Y": "5", "DeltaX": deltas}, text))
    layer.append(obj)


def _insert_after(parent: etree._Element, element: etree._Element, before: Sequence[str]) -> None:
    """Insert ``element`` after the last child named in ``before`` (the schema's order)."""
    at = 0
    for i, existing in enumerate(parent):
        if local(existing) in before:
            at = i + 1
    parent.insert(at, element)


def _folder(part: str) -> str:
    return part.rsplit("/", 1)[0] if "/" in part else ""

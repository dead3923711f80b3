"""The shape of a redacted .docx: what is dropped, and what takes the place of it.

Before any value is searched, the package is reduced to what was read:

- every part that is not XML, an image or a font (an embedded Word/Excel/PowerPoint
  file, an OLE object, ActiveX, macros, an unknown binary) is dropped, with the
  relationships that lead to it; the element that showed it (``w:object``, ``w:pict``,
  ``w:drawing``, ``w:control``) is replaced by the words 【嵌入对象已删除】, and a preview
  picture only that element used goes too;
- an altChunk whose HTML or text the reader read becomes plain paragraphs holding the
  very lines the detector saw (``pipeline.ingest.chunks``), so its redaction is the
  paragraphs' redaction; a chunk of another type is replaced by 【嵌入内容已删除】;
- XML comments and processing instructions are removed from every XML part;
- [Content_Types].xml forgets the parts that are gone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from pipeline.ingest.chunks import chunk_lines
from pipeline.redact.docx_package import (
    CT_NS,
    R_NS,
    Package,
    Part,
    kind_of,
    parse_xml,
    r_references,
    rels_source,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
OBJECT_REMOVED = "【嵌入对象已删除】"
CHUNK_REMOVED = "【嵌入内容已删除】"
_CONTAINERS = {f"{{{W}}}{t}" for t in ("object", "pict", "drawing", "control")} | {
    f"{{{MC}}}AlternateContent"
}


@dataclass
class Shape:
    """The parsed XML parts (by their index in ``Package.parts``), which of them were
    changed here, and the zip names of the parts the copy leaves out."""

    trees: dict[int, etree._Element] = field(default_factory=dict)
    changed: set[int] = field(default_factory=set)
    dropped: set[str] = field(default_factory=set)


def reduce(package: Package) -> Shape:
    shape = Shape()
    for index, part in enumerate(package.parts):
        kind = kind_of(part)
        if kind == "xml":
            root = parse_xml(part.data)
            if root is not None:
                shape.trees[index] = root
                if _drop_notes(root):
                    shape.changed.add(index)
        elif kind != "media":
            shape.dropped.add(part.info.filename)
    targets_before = _targets(package, shape)
    removed_rids: dict[str, set[str]] = {}
    for index, root in shape.trees.items():
        name = package.parts[index].info.filename
        if rels_source(name) is not None:
            continue
        gone = _drop_references(package, name, root, shape)
        if gone:
            removed_rids[name.lower()] = gone
            shape.changed.add(index)
    for index, root in shape.trees.items():
        source = rels_source(package.parts[index].info.filename)
        if source is not None and _prune_rels(package, source, root, removed_rids, shape):
            shape.changed.add(index)
    orphans = targets_before - _targets(package, shape)
    shape.dropped |= {
        p.info.filename
        for p in package.parts
        if p.info.filename in orphans and kind_of(p) == "media"
    }
    for index, root in shape.trees.items():
        if package.parts[index].info.filename.lower() == "[content_types].xml":
            for el in list(root.iter(f"{{{CT_NS}}}Override")):
                if _dropped(el.get("PartName") or "", shape):
                    root.remove(el)
                    shape.changed.add(index)
    return shape


def _drop_notes(root: etree._Element) -> bool:
    """Remove XML comments and processing instructions: nobody reads them on the page,
    so the detector did not either. Returns whether there were any."""
    outside = [*root.itersiblings(preceding=True), *root.itersiblings()]  # go when rewritten
    notes = list(root.iter(etree.Comment, etree.ProcessingInstruction))
    for note in notes:
        parent = note.getparent()
        if parent is not None:
            if note.tail:  # keep the text that follows the comment
                previous = note.getprevious()
                if previous is not None:
                    previous.tail = (previous.tail or "") + note.tail
                else:
                    parent.text = (parent.text or "") + note.tail
            parent.remove(note)
    return bool(notes or outside)


def _dropped(name: str, shape: Shape) -> bool:
    wanted = name.lstrip("/").lower()
    return any(d.lower() == wanted for d in shape.dropped)


def _targets(package: Package, shape: Shape) -> set[str]:
    """Internal targets of every relationship, as the rels trees now stand."""
    found: set[str] = set()
    for index, root in shape.trees.items():
        source = rels_source(package.parts[index].info.filename)
        if source is not None:
            found |= {r.target_part for r in package.rels(source, root) if r.target_part}
    return found


def _drop_references(package: Package, name: str, root: etree._Element, shape: Shape) -> set[str]:
    """Replace altChunks and elements showing dropped parts in the tree of part ``name``;
    returns the relationship ids no element uses any more."""
    rels = {r.rid: r for r in package.rels(name)}
    dead = {r.rid for r in rels.values() if r.target_part and r.target_part in shape.dropped}
    touched: set[str] = set()
    for chunk in list(root.iter(f"{{{W}}}altChunk")):
        rid = chunk.get(f"{{{R_NS}}}id") or ""
        rel = rels.get(rid)
        target = package.find(rel.target_part) if rel and rel.target_part else None
        lines = _lines(target)
        _replace_block(chunk, lines if lines is not None else [CHUNK_REMOVED])
        touched.add(rid)
    if not dead and not touched:  # nothing dropped here: no element to find (most parts)
        return set()
    for el, rid in list(r_references(root)):
        if rid not in dead or _detached(el, root):
            continue
        container = _container(el)
        touched |= {v for _, v in r_references(container if container is not None else el)}
        if container is not None:
            run_text = etree.Element(f"{{{W}}}t")
            run_text.text = OBJECT_REMOVED
            container.addprevious(run_text)
            container.getparent().remove(container)
        elif el.getparent() is not None:
            el.getparent().remove(el)
    still = {rid for _, rid in r_references(root)}
    return touched - still


def _lines(part: Part | None) -> list[str] | None:
    if part is None:
        return None
    return chunk_lines(part.data, part.content_type)


def _detached(el: etree._Element, root: etree._Element) -> bool:
    """Whether ``el`` was removed with an ancestor already."""
    while el is not None and el is not root:
        el = el.getparent()
    return el is None


def _container(el: etree._Element) -> etree._Element | None:
    """The outermost object element around ``el`` inside its run, if any."""
    found = None
    node = el
    while node is not None and node.tag != f"{{{W}}}r":
        if node.tag in _CONTAINERS:
            found = node
        node = node.getparent()
    return found if node is not None else None


def _replace_block(chunk: etree._Element, lines: list[str]) -> None:
    """Put one paragraph per line where ``chunk`` stood (an empty one if there is none:
    a table cell must end in a paragraph)."""
    parent = chunk.getparent()
    if parent is None:
        return
    for line in lines or [""]:
        p = etree.Element(f"{{{W}}}p")
        run = etree.SubElement(p, f"{{{W}}}r")
        text = etree.SubElement(run, f"{{{W}}}t")
        text.text = line
        text.set(XML_SPACE, "preserve")
        chunk.addprevious(p)
    parent.remove(chunk)


def _prune_rels(
    package: Package,
    source: str,
    root: etree._Element,
    removed_rids: dict[str, set[str]],
    shape: Shape,
) -> bool:
    """Drop the relationships of ``source`` that no element uses any more or that lead
    to a dropped part; returns whether any went."""
    gone = removed_rids.get(source.lower(), set())
    rels = {r.rid: r for r in package.rels(source, root)}
    changed = False
    for el in list(root):
        rel = rels.get(el.get("Id") or "") if isinstance(el.tag, str) else None
        if rel is None:
            continue
        if rel.rid in gone or (rel.target_part is not None and rel.target_part in shape.dropped):
            root.remove(el)
            changed = True
    return changed

"""Editing an OFD package in place: new objects with fresh IDs, parts dropped, the package
written back, and the check that no redacted value is left in any part.

The redactor and the review copy both change the parsed trees of an
:class:`~pipeline.ingest.ofd.OfdRead` (the very elements the reader placed every glyph
from) and add objects: black or highlight PathObjects in a new top layer of a page,
annotations. New objects get IDs above every ID in use (MaxUnitID is raised to match),
and are made in the namespace and prefix of the part they go into.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence

from lxml import etree

from pipeline.ingest.ofd import OfdRead
from pipeline.ingest.ofd_layout import MM
from pipeline.ingest.ofd_package import child, children, local, parse_xml
from pipeline.ingest.ofd_structure import PageRef

_ID = re.compile(r"^\d{1,12}$")


class Editor:
    """Changes to one read OFD file; ``write`` gives the new package's bytes."""

    def __init__(self, read: OfdRead) -> None:
        self.read = read
        self.package = read.package
        self.dropped: set[str] = set()
        self.created: dict[str, etree._Element] = {}
        self._parse_all()
        self.last_id = self._highest_id()

    def _parse_all(self) -> None:
        """Every XML part parsed (those the reader did not need too), so every part is
        edited and checked the same way."""
        for name in self.package.names:
            if name.lower().endswith(".xml") and name not in self.package.parsed():
                try:
                    self.package.xml(name)
                except Exception:  # a broken part the document does not use stays as it is
                    continue

    def _highest_id(self) -> int:
        highest = 0
        for root in self.package.parsed().values():
            for element in root.iter():
                value = element.get("ID") if isinstance(element.tag, str) else None
                if value and _ID.match(value.strip()):
                    highest = max(highest, int(value))
                if (
                    local(element) == "MaxUnitID"
                    and element.text
                    and _ID.match(element.text.strip())
                ):
                    highest = max(highest, int(element.text))
        return highest

    def new_id(self) -> str:
        self.last_id += 1
        for body in self.read.structure.bodies:
            common = child(self.package.xml(body.document), "CommonData")
            holder = child(common, "MaxUnitID")
            if holder is not None:
                holder.text = str(self.last_id)
        return str(self.last_id)

    def page(self, number: int) -> PageRef:
        return next(p for p in self.read.structure.pages if p.number == number)

    def top_layer(self, number: int) -> etree._Element:
        """A new layer drawn over everything else of page ``number``."""
        root = self.package.xml(self.page(number).part)
        content = child(root, "Content")
        if content is None:
            content = make(root, "Content")
            root.append(content)
        layer = make(root, "Layer", {"ID": self.new_id()})
        content.append(layer)
        return layer

    def rectangle(
        self,
        parent: etree._Element,
        box_pt: tuple[float, float, float, float],
        rgb: str,
        alpha: int | None = None,
        origin_mm: tuple[float, float] = (0.0, 0.0),
    ) -> etree._Element:
        """A filled rectangle PathObject over ``box_pt`` (x0, top, x1, bottom in page
        points), placed relative to ``origin_mm`` (an annotation appearance's corner)."""
        x0, top, x1, bottom = (v / MM for v in box_pt)
        w, h = max(x1 - x0, 0.01), max(bottom - top, 0.01)
        attributes = {
            "ID": self.new_id(),
            "Boundary": f"{fmt(x0 - origin_mm[0])} {fmt(top - origin_mm[1])} {fmt(w)} {fmt(h)}",
            "Fill": "true",
            "Stroke": "false",
        }
        if alpha is not None:
            attributes["Alpha"] = str(alpha)
        path = make(parent, "PathObject", attributes)
        path.append(make(parent, "FillColor", {"Value": rgb}))
        path.append(
            make(
                parent,
                "AbbreviatedData",
                text=f"M 0 0 L {fmt(w)} 0 L {fmt(w)} {fmt(h)} L 0 {fmt(h)} C",
            )
        )
        parent.append(path)
        return path

    def drop(self, parts: Iterable[str | None]) -> None:
        self.dropped.update(p for p in parts if p)

    def create(self, name: str, root: etree._Element) -> None:
        self.created[name] = root

    def write(self) -> bytes:
        """The package: every part in its original order and name (parsed parts written
        from their trees), dropped parts left out, created parts added."""
        out = io.BytesIO()
        parsed = self.package.parsed()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for name, info in self.package.infos.items():
                if name in self.dropped:
                    continue
                if name in parsed:
                    blob = etree.tostring(parsed[name], xml_declaration=True, encoding="UTF-8")
                else:
                    blob = self.package.read(name)
                entry = zipfile.ZipInfo(name, date_time=info.date_time)
                entry.compress_type = zipfile.ZIP_DEFLATED
                target.writestr(entry, blob)
            for name, root in self.created.items():
                target.writestr(name, etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
        return out.getvalue()


def make(
    like: etree._Element,
    name: str,
    attributes: dict[str, str] | None = None,
    text: str | None = None,
) -> etree._Element:
    """An element in the namespace (and with the prefix) of ``like``'s document."""
    namespace = etree.QName(like).namespace
    tag = f"{{{namespace}}}{name}" if namespace else name
    prefix = next((p for p, uri in (like.nsmap or {}).items() if uri == namespace), None)
    element = etree.Element(tag, attributes or {}, nsmap={prefix: namespace} if namespace else None)
    if text is not None:
        element.text = text
    return element


def fmt(value: float) -> str:
    """A coordinate as OFD files write them: up to four decimals, no trailing zeros."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def element_text(element: etree._Element) -> tuple[str, list[str]]:
    """An element's text in document order — TextCodes and every other text that is not
    a list of numbers, tails included — so a value split over TextCodes reads whole; and
    the pieces that are numbers (glyph indexes, coordinates: attributes and texts), which
    are searched one by one, as run together they would spell any digits."""
    flow: list[str] = []
    numbers: list[str] = []
    for node in element.iter():
        if isinstance(node.tag, str):
            for value in node.attrib.values():
                numbers.append(str(value))  # attributes: searched one by one
            text = node.text or ""
            if text and local(node) != "TextCode" and numeric(text):
                numbers.append(text)
            else:
                flow.append(text)
        flow.append(node.tail or "")
    return "".join(flow), numbers


def holds(element: etree._Element, values: Sequence[str]) -> bool:
    """Whether an element's text (whitespace ignored), an attribute, or a list of numbers
    in it (values of five characters or more: "5.2" is in every DeltaX) holds a value."""
    flow, pieces = element_text(element)
    flat = _squeeze(flow)
    for value in values:
        squeezed = _squeeze(value)
        if not squeezed:
            continue
        if squeezed in flat:
            return True
        if any(value in p for p in pieces if not numeric(p) or len(value) >= 5):
            return True
    return False


_NUMERIC = re.compile(r"[\d\s.,+\-eEg#]*")


def numeric(value: str) -> bool:
    """A list of numbers (Boundary, CTM, DeltaX, colours, IDs, glyph indexes)."""
    return bool(_NUMERIC.fullmatch(value))


def _squeeze(value: str) -> str:
    return re.sub(r"\s+", "", value)


def find_values(data: bytes, values: Sequence[str]) -> list[str]:
    """``part: value`` for every value recoverable from the OFD ``data``: in any part's
    name; in any XML part's text (markup and whitespace between characters removed) and
    attributes (see ``holds``); in any other part's bytes as UTF-8, GB18030 or UTF-16 — there
    only values of six bytes or more, as shorter ones occur by chance in fonts and images."""
    leaks: list[str] = []
    encodings = ("utf-8", "gb18030", "utf-16-le", "utf-16-be")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            leaks.extend(f"part name {name}: {v}" for v in values if v in name)
            raw = package.read(name)
            root = None
            if name.lower().endswith(".xml"):
                try:
                    root, _ = parse_xml(raw, name)
                except Exception:
                    root = None  # not XML after all: searched as bytes below
            if root is not None:
                leaks.extend(f"{name}: {v}" for v in values if holds(root, [v]))
                continue
            for value in values:
                needles = [value.encode(e) for e in encodings]
                if len(value.encode("utf-8")) >= 6 and any(n in raw for n in needles):
                    leaks.append(f"{name}: {value}")
    return sorted(set(leaks))


def text_objects(root: etree._Element) -> list[etree._Element]:
    return [e for e in root.iter() if local(e) == "TextObject"]


def text_codes(obj: etree._Element) -> list[etree._Element]:
    return children(obj, "TextCode")

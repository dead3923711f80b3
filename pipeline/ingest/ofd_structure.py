"""The structure of an OFD file: documents, pages, templates, resources, annotations,
attachments, custom tags and signatures, resolved to parts of the package.

OFD.xml lists one or more DocBody, each with its DocInfo, the DocRoot (Document.xml) and
optionally its Signatures; Document.xml lists the pages (Page BaseLoc), templates
(TemplatePage), resources (PublicRes, DocumentRes: fonts, images, CompositeGraphicUnits)
and the Annotations, Attachments and CustomTags index files. A page or template that is
declared but missing from the package is an error: its text would silently be missing
from what we read and redact. The page count is checked against the limit before any
page is parsed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from pipeline.ingest.errors import ErrorCode, IngestError
from pipeline.ingest.ofd_package import OfdPackage, child, child_text, children, local


@dataclass(frozen=True, slots=True)
class PageRef:
    number: int  # 1-based over all documents of the file
    page_id: str | None
    part: str
    body: int


@dataclass(slots=True)
class Body:
    """One DocBody of OFD.xml, resolved."""

    element: etree._Element  # the DocBody in OFD.xml
    document: str  # the part of Document.xml
    templates: dict[str, str] = field(default_factory=dict)
    units: dict[str, tuple[etree._Element, str]] = field(default_factory=dict)
    pages: list[PageRef] = field(default_factory=list)
    page_box: tuple[float, float, float, float] = (0.0, 0.0, 210.0, 297.0)


@dataclass(slots=True)
class Structure:
    entry: str  # OFD.xml's entry name
    bodies: list[Body]

    @property
    def pages(self) -> list[PageRef]:
        return [p for body in self.bodies for p in body.pages]


@dataclass(frozen=True, slots=True)
class Signature:
    part: str
    kind: str  # Seal (电子签章) or Sign (电子签名)
    provider: str
    when: str
    files: tuple[str, ...]  # the signature's own parts (Signature.xml, seal, signed value)


@dataclass(frozen=True, slots=True)
class Attachment:
    name: str
    format: str
    part: str | None


@dataclass(frozen=True, slots=True)
class PageAnnot:
    page: int
    part: str
    annot: etree._Element


def read_structure(package: OfdPackage, max_pages: int) -> Structure:
    source = package.source
    entry = package.find("OFD.xml")
    if entry is None:
        raise IngestError(ErrorCode.FORMAT_MISMATCH, f"{source}：包内没有 OFD.xml，不是 OFD 文件")
    root = package.xml(entry)
    if local(root) != "OFD":
        raise IngestError(
            ErrorCode.CORRUPT, f"{source}：OFD.xml 的根元素是 <{local(root)}>，不是 <OFD>"
        )
    bodies = []
    declared = 0
    for element in children(root, "DocBody"):
        location = child_text(element, "DocRoot")
        part = package.resolve(entry, location)
        if part is None:
            raise IngestError(
                ErrorCode.CORRUPT,
                f"{source}：文档根 {location or '（未填写）'} 不在文件中（文件不完整）；请重新导出",
            )
        pages = children(child(package.xml(part), "Pages"), "Page")
        declared += len(pages)
        if declared > max_pages:
            raise IngestError(
                ErrorCode.TOO_LARGE,
                f"{source}：至少 {declared} 页，超过 {max_pages} 页的上限（TRIAGE_MAX_PAGES）；"
                "请拆分文件或调高上限",
            )
        bodies.append(Body(element, part))
    if not bodies:
        raise IngestError(ErrorCode.CORRUPT, f"{source}：OFD.xml 中没有文档（DocBody）")
    number = 0
    for index, body in enumerate(bodies):
        number = _read_document(package, body, index, number)
    if number == 0:
        raise IngestError(ErrorCode.EMPTY, f"{source}：OFD 文件没有页面")
    return Structure(entry, bodies)


def _read_document(package: OfdPackage, body: Body, index: int, number: int) -> int:
    source = package.source
    document = package.xml(body.document)
    common = child(document, "CommonData")
    box = child_text(child(common, "PageArea"), "PhysicalBox")
    body.page_box = _box(box) or body.page_box
    for template in children(common, "TemplatePage"):
        template_id = (template.get("ID") or "").strip()
        part = package.resolve(body.document, template.get("BaseLoc"))
        if part is None:
            raise IngestError(
                ErrorCode.CORRUPT,
                f"{source}：模板页 {template_id} 的内容文件 {template.get('BaseLoc')} 不在文件中"
                "（文件不完整）；请向发文单位索取完整的 OFD 文件",
            )
        body.templates[template_id] = part
    for element in common if common is not None else ():
        if local(element) in ("PublicRes", "DocumentRes"):
            part = package.resolve(body.document, element.text)
            if part is not None:
                load_units(package, part, body.units)
    for page in children(child(document, "Pages"), "Page"):
        number += 1
        location = page.get("BaseLoc")
        part = package.resolve(body.document, location)
        if part is None:
            raise IngestError(
                ErrorCode.CORRUPT,
                f"{source}：第 {number} 页的内容文件 {location or '（未填写）'} 不在文件中"
                "（文件不完整）；请向发文单位索取完整的 OFD 文件",
            )
        page_id = (page.get("ID") or "").strip() or None
        body.pages.append(PageRef(number, page_id, part, index))
    return number


def load_units(
    package: OfdPackage, part: str, units: dict[str, tuple[etree._Element, str]]
) -> None:
    """CompositeGraphicUnits of a resource part, by ID (the first definition wins)."""
    root = package.xml(part)
    for holder in children(root, "CompositeGraphicUnits"):
        for unit in children(holder, "CompositeGraphicUnit"):
            unit_id = (unit.get("ID") or "").strip()
            if unit_id:
                units.setdefault(unit_id, (unit, part))


def page_resources(package: OfdPackage, page: PageRef, body: Body) -> None:
    """A page's own resources (PageRes) join the body's composite units."""
    for element in children(package.xml(page.part), "PageRes"):
        part = package.resolve(page.part, element.text)
        if part is not None:
            load_units(package, part, body.units)


def page_box(package: OfdPackage, page: PageRef, body: Body) -> tuple[float, float, float, float]:
    area = child(package.xml(page.part), "Area")
    return _box(child_text(area, "PhysicalBox")) or body.page_box


def signatures(package: OfdPackage, structure: Structure) -> list[Signature]:
    found = []
    for body in structure.bodies:
        index = package.resolve(structure.entry, child_text(body.element, "Signatures"))
        if index is None:
            continue
        for element in children(package.xml(index), "Signature"):
            part = package.resolve(index, element.get("BaseLoc"))
            if part is None:
                continue
            info = child(package.xml(part), "SignedInfo")
            provider = child(info, "Provider")
            name = (provider.get("ProviderName") if provider is not None else None) or (
                child_text(provider, "ProviderName") or "未知"
            )
            root = package.xml(part)
            referenced = [
                child_text(child(info, "Seal"), "BaseLoc"),
                child_text(root, "SignedValue"),
            ]
            files = tuple(
                f for f in (package.resolve(part, r) for r in referenced) if f is not None
            )
            found.append(
                Signature(
                    part,
                    element.get("Type") or "Seal",
                    name,
                    child_text(info, "SignatureDateTime") or "",
                    (index, part, *files),
                )
            )
    return found


def attachments(package: OfdPackage, structure: Structure) -> list[Attachment]:
    found = []
    for body in structure.bodies:
        index = package.resolve(body.document, _index_of(package, body, "Attachments"))
        if index is None:
            continue
        for element in children(package.xml(index), "Attachment"):
            part = package.resolve(index, child_text(element, "FileLoc"))
            found.append(
                Attachment(element.get("Name") or "（无名）", element.get("Format") or "", part)
            )
    return found


def custom_tags(package: OfdPackage, structure: Structure) -> list[tuple[str, str | None]]:
    """(TypeID, part) of every custom tag file."""
    found = []
    for body in structure.bodies:
        index = package.resolve(body.document, _index_of(package, body, "CustomTags"))
        if index is None:
            continue
        for element in children(package.xml(index), "CustomTag"):
            part = package.resolve(index, child_text(element, "FileLoc"))
            found.append((element.get("TypeID") or "", part))
    return found


def index_parts(package: OfdPackage, body: Body, name: str) -> str | None:
    """The part of Document.xml's index file ``name`` (Annotations, Attachments, CustomTags)."""
    return package.resolve(body.document, _index_of(package, body, name))


def page_annotations(package: OfdPackage, structure: Structure) -> list[PageAnnot]:
    found = []
    for body in structure.bodies:
        index = index_parts(package, body, "Annotations")
        if index is None:
            continue
        by_id = {p.page_id: p.number for p in body.pages if p.page_id}
        for page in children(package.xml(index), "Page"):
            number = by_id.get((page.get("PageID") or "").strip())
            part = package.resolve(index, child_text(page, "FileLoc"))
            if number is None or part is None:
                continue
            for annot in children(package.xml(part), "Annot"):
                found.append(PageAnnot(number, part, annot))
    return found


def _index_of(package: OfdPackage, body: Body, name: str) -> str | None:
    return child_text(package.xml(body.document), name)


def _box(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        parts = [float(v) for v in value.replace(",", " ").split()]
    except ValueError:
        return None
    return (parts[0], parts[1], parts[2], parts[3]) if len(parts) >= 4 else None

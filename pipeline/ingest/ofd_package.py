"""The ZIP container of an OFD file (GB/T 33190): its parts, parsed safely and within bounds.

OFD files arrive from many producers (数科, 福昕, 金格, 安证通, e-invoice platforms) and
from strangers, so the container is read defensively:

- sizes are bounded before anything is decompressed: the number of parts, the size of
  each part, and the total (a ZIP bomb is refused as ``too_large``, not expanded);
- XML is parsed with lxml without DTDs, entities or network access, and a part that
  declares a DOCTYPE is refused (OFD never needs one: that is the XXE and billion-laughs
  door); a part in GBK without a declaration is decoded as GB18030;
- locations are resolved the way producers actually write them: relative to the
  referring part, absolute from the root, with backslashes, ``./``, and in another case
  than the entry's name; a location that climbs out of the package is not followed;
- entry names without the ZIP UTF-8 flag are decoded as UTF-8 or GBK, as Chinese tools
  wrote them.

Both the reader (``pipeline.ingest.ofd``) and the redactor (``pipeline.redact.ofd``) work
on one :class:`OfdPackage`: the redactor edits the parsed trees the reader walked and
writes the parts back under their original entry names.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib

from lxml import etree

from pipeline.ingest.errors import ErrorCode, IngestError

MAX_PARTS = 20_000
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
_UTF8_FLAG = 0x800
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)
_RECOVERING = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
    recover=True,
)


def local(element: object) -> str:
    """An element's tag without its namespace ('' for comments and the like): producers
    use several OFD namespace URIs, or none."""
    tag = getattr(element, "tag", None)
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(element: etree._Element | None, name: str) -> list[etree._Element]:
    return [] if element is None else [c for c in element if local(c) == name]


def child(element: etree._Element | None, name: str) -> etree._Element | None:
    found = children(element, name)
    return found[0] if found else None


def child_text(element: etree._Element | None, name: str) -> str | None:
    found = child(element, name)
    text = (found.text or "").strip() if found is not None else ""
    return text or None


def normalise(name: str) -> str:
    name = name.replace("\\", "/").strip()
    while name.startswith(("/", "./")):
        name = name[1:] if name.startswith("/") else name[2:]
    return posixpath.normpath(name) if name else name


class OfdPackage:
    """The parts of one OFD file. Raises :class:`IngestError` naming ``source`` for a file
    that is no ZIP (``corrupt``) or exceeds the bounds (``too_large``)."""

    def __init__(self, data: bytes, source: str) -> None:
        self.source = source
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, ValueError, EOFError, OSError) as exc:
            raise IngestError(
                ErrorCode.CORRUPT,
                f"{source}：不是完整的 OFD 文件（ZIP 容器损坏或被截断：{exc}）；请重新导出或索取原件",
            ) from exc
        if len(infos) > MAX_PARTS:
            raise IngestError(
                ErrorCode.TOO_LARGE,
                f"{source}：OFD 包内有 {len(infos)} 个部件，超过 {MAX_PARTS} 个的上限",
            )
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_BYTES:
            raise IngestError(
                ErrorCode.TOO_LARGE,
                f"{source}：OFD 包解压后共 {total / 1048576:.0f} MB，超过 "
                f"{MAX_TOTAL_BYTES / 1048576:.0f} MB 的上限（疑似压缩炸弹）",
            )
        self.infos: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            if not info.is_dir():
                self.infos.setdefault(normalise(_entry_name(info)), info)
        self._folded: dict[str, str] = {}
        for name in self.infos:
            self._folded.setdefault(name.casefold(), name)
        self._trees: dict[str, etree._Element] = {}
        self.repaired: list[str] = []  # parts read by the recovering parser

    @property
    def names(self) -> list[str]:
        return list(self.infos)

    def find(self, name: str) -> str | None:
        name = normalise(name)
        if name in self.infos:
            return name
        return self._folded.get(name.casefold())

    def resolve(self, base: str | None, location: str | None) -> str | None:
        """The entry a location written inside part ``base`` names, or None. The standard
        says relative to the referring part; producers also write locations relative to
        the root or to the document's folder, so those are tried next."""
        location = (location or "").strip().replace("\\", "/")
        if not location:
            return None
        if location.startswith("/"):
            candidates = [location]
        else:
            folder = posixpath.dirname(normalise(base)) if base else ""
            candidates = [posixpath.join(folder, location), location]
            top = folder.split("/", 1)[0]
            if top and top != folder:
                candidates.append(posixpath.join(top, location))
        for candidate in candidates:
            candidate = normalise(candidate)
            if candidate == ".." or candidate.startswith("../"):
                continue
            found = self.find(candidate)
            if found is not None:
                return found
        return None

    def read(self, name: str) -> bytes:
        info = self.infos[name]
        if info.file_size > MAX_PART_BYTES:
            raise IngestError(
                ErrorCode.TOO_LARGE,
                f"{self.source}：部件 {name} 解压后 {info.file_size / 1048576:.0f} MB，超过上限",
            )
        try:
            with self.zip.open(info) as stream:
                blob = stream.read(MAX_PART_BYTES + 1)
        except (
            zipfile.BadZipFile,
            zlib.error,
            RuntimeError,
            NotImplementedError,
            EOFError,
            OSError,
        ) as exc:
            # RuntimeError: an encrypted entry; NotImplementedError: unknown compression.
            code = ErrorCode.ENCRYPTED if "encrypted" in str(exc).lower() else ErrorCode.CORRUPT
            raise IngestError(code, f"{self.source}：部件 {name} 无法解压（{exc}）") from exc
        if len(blob) > MAX_PART_BYTES:
            raise IngestError(ErrorCode.TOO_LARGE, f"{self.source}：部件 {name} 解压后超过上限")
        return blob

    def xml(self, name: str) -> etree._Element:
        """The parsed root of an XML part (parsed once; the redactor edits these trees)."""
        if name not in self._trees:
            root, repaired = parse_xml(self.read(name), f"{self.source}：{name}")
            self._trees[name] = root
            if repaired:
                self.repaired.append(name)
        return self._trees[name]

    def parsed(self) -> dict[str, etree._Element]:
        """The parts parsed so far, by entry name."""
        return self._trees


def parse_xml(blob: bytes, where: str) -> tuple[etree._Element, bool]:
    """Parse one XML part: no DTD, no entities, no network; GBK without a declaration is
    decoded as GB18030; broken markup gets one recovering parse before it is refused.
    Returns the root and whether it needed the recovering parse."""
    if _DOCTYPE.search(blob):
        raise IngestError(
            ErrorCode.CORRUPT, f"{where} 含 DTD 或实体声明（OFD 不使用，按不安全文件拒绝读取）"
        )
    try:
        return etree.fromstring(blob, _PARSER), False
    except etree.XMLSyntaxError as first:
        root = _second_try(blob)
        if root is None:
            raise IngestError(ErrorCode.CORRUPT, f"{where} 不是有效的 XML（{first}）") from first
    return root, True


def _second_try(blob: bytes) -> etree._Element | None:
    declared = _DECLARED.match(blob)
    if declared is None:
        try:
            blob.decode("utf-8")
        except UnicodeDecodeError:
            # Undeclared non-UTF-8 from Chinese producers is GBK (GB18030 covers it).
            text = blob.decode("gb18030", errors="replace")
            blob = ('<?xml version="1.0" encoding="UTF-8"?>' + _strip_declaration(text)).encode()
    try:
        return etree.fromstring(blob, _RECOVERING)
    except etree.XMLSyntaxError:
        return None


def _strip_declaration(text: str) -> str:
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1)


def _entry_name(info: zipfile.ZipInfo) -> str:
    """A ZIP entry name as its producer wrote it: without the UTF-8 flag, zipfile reads
    CP437, but Chinese tools stored UTF-8 or GBK bytes."""
    if info.flag_bits & _UTF8_FLAG:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    if raw.isascii():
        return info.filename
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename

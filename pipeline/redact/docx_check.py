"""The last look at a redacted .docx before it is written: is any value still in it?

Every entry of the zip is searched, whatever its name or declared type, and every
package inside it (an entry that is itself a zip) is opened and searched the same way,
down to MAX_DEPTH levels (deeper is refused, not skipped). Values are compared folded
(``fold``), so a spaced, hyphenated, full-width or soft-hyphenated copy counts:

- an XML entry is parsed (no entity is expanded): its text in document order with
  ``w:sym`` symbols rendered and the markup between characters removed, each attribute
  (also percent-decoded), comments and processing instructions;
- an entry that is text (HTML, plain text): decoded, with and without tags;
- anything else (pictures, fonts, OLE files): its bytes, for each value encoded as
  UTF-8, UTF-16 (both byte orders) and GB18030, where the encoding is at least
  MIN_BINARY_BYTES long (shorter would match random bytes);
- entry names, per-entry and archive comments.

The same function serves ``catalog publish``'s re-check of the file it releases.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from urllib.parse import unquote

from lxml import etree

from pipeline.fold import SEPARATOR, fold, folded_hits
from pipeline.ingest.chunks import decode_chunk

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SYM = f"{{{W}}}sym"
ZIP_MAGIC = b"PK\x03\x04"
MAX_DEPTH = 3
MIN_BINARY_BYTES = 6
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "gb18030")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)


def symbol_char(sym: etree._Element) -> str:
    """The character a ``w:sym`` shows (its ``w:char`` code), "" for symbol-font codes."""
    try:
        code = int(sym.get(f"{{{W}}}char") or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF or not 0 < code <= 0x10FFFF:
        return ""
    return chr(code)


def flat_text(root: etree._Element) -> str:
    """The text of a part in document order with the markup removed, symbols rendered;
    comments and processing instructions included."""
    if not _UNUSUAL(root):  # the usual part: XPath's string value, computed in C
        return str(_STRING(root))
    pieces: list[str] = []
    _collect(root, pieces)
    return "".join(pieces)


# string(.) is every text node (texts and tails) in document order; it leaves out the
# content of comments and processing instructions and does not render w:sym, so a part
# holding any of those takes the walk below.
_STRING = etree.XPath("string(.)")
_UNUSUAL = etree.XPath(
    "boolean(descendant-or-self::comment() | descendant-or-self::processing-instruction()"
    " | descendant-or-self::w:sym)",
    namespaces={"w": W},
)
_ATTRIBUTE_VALUES = etree.XPath("descendant-or-self::*/@*", smart_strings=False)


def _collect(el: etree._Element, out: list[str]) -> None:
    """Text and tails in document order, appended to ``out`` (a list, not nested
    generators: a leak check walks every node of every part, and generator chains cost
    a frame per level for every piece). Recursion depth is bounded by lxml's parser,
    which refuses documents nested deeper than 256 levels without ``huge_tree``."""
    if el.tag == SYM:
        out.append(symbol_char(el))
    out.append(el.text or "")
    for child in el:
        _collect(child, out)
        out.append(child.tail or "")


def attribute_texts(root: etree._Element) -> Iterator[str]:
    """Every attribute value, and its percent-decoded form when it has one."""
    for value in _ATTRIBUTE_VALUES(root):
        yield value
        if "%" in value:
            yield unquote(value)


def find_values(data: bytes, values: Sequence[str]) -> list[str]:
    """``where: value`` for every value recoverable from the package ``data``."""
    wanted = [v for v in dict.fromkeys(values) if fold(v)]
    if not wanted:
        return []
    return _package(data, wanted, "", 0)


def _package(data: bytes, values: list[str], prefix: str, depth: int) -> list[str]:
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        return [f"{prefix or '(file)'}: not a readable zip archive, cannot be checked"]
    leaks: list[str] = []
    with package:
        archive_comment = package.comment.decode("utf-8", errors="replace")
        leaks += [f"{prefix}(archive comment): {v}" for v in folded_hits(archive_comment, values)]
        for info in package.infolist():
            where = prefix + info.filename
            extra = info.comment.decode("utf-8", "replace") + info.extra.decode("latin-1")
            leaks += [f"{where} (name): {v}" for v in folded_hits(info.filename, values)]
            leaks += [f"{where} (entry comment): {v}" for v in folded_hits(extra, values)]
            if info.is_dir():
                continue
            try:
                blob = package.read(info)
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
                leaks.append(f"{where}: cannot be read ({exc}), cannot be checked")
                continue
            leaks += part_leaks(blob, values, where, depth)
    return leaks


def part_leaks(blob: bytes, values: list[str], where: str, depth: int = 0) -> list[str]:
    """Values found in one entry (recursing into a package inside it)."""
    if blob.startswith(ZIP_MAGIC):
        if depth >= MAX_DEPTH:
            return [f"{where}: packages nested deeper than {MAX_DEPTH} levels cannot be checked"]
        return _package(blob, values, where + "!/", depth + 1)
    texts = list(_texts(blob))
    if texts:
        return [
            f"{where}: {v}" for v in dict.fromkeys(v for t in texts for v in folded_hits(t, values))
        ]
    return [f"{where} (bytes): {v}" for v in _binary_hits(blob, values)]


def _texts(blob: bytes) -> Iterator[str]:
    """The strings to search in an XML or text entry; nothing for binary data."""
    head = blob[:256].lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
    if head.startswith(b"<"):
        try:
            root = etree.fromstring(blob, _PARSER)
        except (etree.XMLSyntaxError, ValueError):
            root = None
        if root is not None:
            yield blob.decode("utf-8", errors="replace")  # also what lies outside the root
            yield flat_text(root)
            yield SEPARATOR.join(attribute_texts(root))  # each on its own, searched at once
            notes = root.iter(etree.Comment, etree.ProcessingInstruction)
            yield SEPARATOR.join(el.text or "" for el in notes)
            return
    if not _is_text(blob):
        return
    text = decode_chunk(blob)
    yield text
    stripped = html.unescape(re.sub(r"<[^>]*>", "", text))
    yield stripped


def _is_text(blob: bytes) -> bool:
    if blob.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = blob[:65536]
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 4:  # not just a character cut at the sample's end
            try:
                sample.decode("gb18030")
            except UnicodeDecodeError:
                return False
    return True


def _binary_hits(blob: bytes, values: list[str]) -> list[str]:
    found = []
    for value in values:
        forms = {value, fold(value)}
        for form in forms:
            encoded = (form.encode(e, errors="ignore") for e in ENCODINGS)
            if any(len(b) >= MIN_BINARY_BYTES and b in blob for b in encoded):
                found.append(value)
                break
    return found

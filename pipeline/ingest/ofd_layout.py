"""Where every character of an OFD page is drawn: TextCode geometry → page boxes in points.

GB/T 33190 places text as TextObjects whose TextCodes give the first glyph's origin
(X, Y: the baseline point) and the offsets to each next glyph (DeltaX, DeltaY, with the
``g count value`` shorthand; a list shorter than the text repeats its last value, as
ofdrw reads it). Object space maps to its parent by the object's CTM and then by the
origin of its Boundary; PageBlocks nest, CompositeObjects draw a CompositeGraphicUnit of
the resources with their own transform, templates (TemplatePage) are drawn under or over
the page and may use templates themselves, and an annotation's Appearance is a small
page of its own at its Boundary. Units are millimetres, the origin is the page's top-left
corner and y grows downwards, like PDF boxes as pdfplumber gives them; we convert to points.

A glyph's box runs from 0.86 em above the baseline to 0.14 em below it (the ideographic
em box of 宋体-like fonts) and over its advance (the next DeltaX, else a full em for wide
characters and half an em for narrow ones), transformed and bounded. Each glyph keeps the
TextCode element and the index it came from, so the redactor can remove exactly it.

Bounds: nesting deeper than 32 levels is not followed, at most ``MAX_GLYPHS`` glyphs and
``MAX_VISITS`` object visits a file (a CompositeGraphicUnit drawn twice in a unit drawn
twice … grows exponentially), and a template that uses itself, directly or through
others, is an error naming the chain.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from lxml import etree

from pipeline.ingest.errors import ErrorCode, IngestError
from pipeline.ingest.ofd_package import OfdPackage, child, children, local

MM = 72 / 25.4  # points per millimetre
ASCENT, DESCENT = 0.86, 0.14
MAX_NESTING = 32
MAX_GLYPHS = 500_000  # about 1 KB each while the text is built: ~0.5 GB at most
MAX_VISITS = 5_000_000
Affine = tuple[float, float, float, float, float, float]
IDENTITY: Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(slots=True)
class Glyph:
    """One drawn character: its page (1-based), box and baseline in points, and the
    TextCode element (in part ``part``) and index within its text it was read from."""

    ch: str
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    baseline: float
    size: float
    code: etree._Element
    index: int
    part: str
    source: str  # "page", "template", "annotation"


@dataclass(slots=True)
class Drawn:
    """What one page draws besides text: whether it has images (a scan has)."""

    images: int = 0


class Walker:
    """Collects the glyphs of pages, templates and annotation appearances of one file."""

    def __init__(
        self,
        package: OfdPackage,
        templates: dict[str, str],
        units: dict[str, tuple[etree._Element, str]],
    ) -> None:
        self.package = package
        self.templates = templates  # TemplatePage ID → part
        self.units = units  # CompositeGraphicUnit ID → (element, part)
        self.glyphs = 0
        self.visits = 0
        self.warnings: list[str] = []

    def page(self, part: str, number: int, drawn: Drawn) -> list[Glyph]:
        """The glyphs of page ``number`` (content in ``part``), its templates included."""
        out: list[Glyph] = []
        self._page_like(part, number, "page", (), out, drawn)
        return out

    def appearance(
        self, appearance: etree._Element, part: str, number: int, drawn: Drawn
    ) -> list[Glyph]:
        """The glyphs of an annotation's Appearance (its own space at its Boundary)."""
        out: list[Glyph] = []
        box = numbers(appearance.get("Boundary"), 4) or (0.0, 0.0, 0.0, 0.0)
        origin: Affine = (1.0, 0.0, 0.0, 1.0, box[0], box[1])
        self._walk(list(appearance), origin, 0, part, number, "annotation", out, drawn)
        return out

    def _page_like(
        self,
        part: str,
        number: int,
        source: str,
        chain: tuple[str, ...],
        out: list[Glyph],
        drawn: Drawn,
    ) -> None:
        root = self.package.xml(part)
        for reference in children(root, "Template"):
            template_id = (reference.get("TemplateID") or "").strip()
            if template_id in chain:
                loop = " → ".join((*chain, template_id))
                raise IngestError(
                    ErrorCode.CORRUPT,
                    f"{self.package.source}：模板页循环引用（{loop}），文件结构有误；请重新导出",
                )
            template_part = self.templates.get(template_id)
            if template_part is None:
                self.warnings.append(
                    f"第 {number} 页引用的模板 {template_id!r} 未在文档中声明，已跳过"
                )
                continue
            self._page_like(template_part, number, "template", (*chain, template_id), out, drawn)
        for layer in children(child(root, "Content"), "Layer"):
            self._walk(list(layer), IDENTITY, 0, part, number, source, out, drawn)

    def _walk(
        self,
        elements: list[etree._Element],
        transform: Affine,
        depth: int,
        part: str,
        number: int,
        source: str,
        out: list[Glyph],
        drawn: Drawn,
    ) -> None:
        for element in elements:
            self.visits += 1
            if self.visits > MAX_VISITS:
                raise IngestError(
                    ErrorCode.TOO_LARGE,
                    f"{self.package.source}：页面对象嵌套引用过多（超过 {MAX_VISITS} 次），按异常文件拒绝读取",
                )
            name = local(element)
            if name == "TextObject":
                self._text(element, transform, part, number, source, out)
            elif name == "ImageObject":
                drawn.images += 1
            elif depth >= MAX_NESTING:
                continue
            elif name == "PageBlock":
                self._walk(list(element), transform, depth + 1, part, number, source, out, drawn)
            elif name == "CompositeObject":
                unit = self.units.get((element.get("ResourceID") or "").strip())
                if unit is None:
                    continue
                content = child(unit[0], "Content")
                if content is not None:
                    inner = compose(transform, object_transform(element))
                    self._walk(list(content), inner, depth + 1, unit[1], number, source, out, drawn)

    def _text(
        self,
        obj: etree._Element,
        transform: Affine,
        part: str,
        number: int,
        source: str,
        out: list[Glyph],
    ) -> None:
        m = compose(transform, object_transform(obj))
        size = _float(obj.get("Size"), 3.5)
        hscale = _float(obj.get("HScale"), 1.0) or 1.0
        em = size * math.sqrt(abs(m[0] * m[3] - m[1] * m[2]) or 1.0)
        x_attr = y_attr = 0.0
        for code in children(obj, "TextCode"):
            text = code.text or ""
            x_attr = _float(code.get("X"), x_attr)
            y_attr = _float(code.get("Y"), y_attr)
            for index, (ch, x, y, advance) in enumerate(
                positions(code, size, hscale, x_attr, y_attr)
            ):
                if unicodedata.category(ch) == "Cc":
                    continue
                corners = [
                    apply(m, px, py)
                    for px, py in (
                        (x, y - ASCENT * size),
                        (x + advance, y - ASCENT * size),
                        (x, y + DESCENT * size),
                        (x + advance, y + DESCENT * size),
                    )
                ]
                xs = [c[0] for c in corners]
                ys = [c[1] for c in corners]
                _, base_y = apply(m, x, y)
                out.append(
                    Glyph(
                        " " if ch == "\t" else ch,
                        number,
                        min(xs) * MM,
                        min(ys) * MM,
                        max(xs) * MM,
                        max(ys) * MM,
                        base_y * MM,
                        em * MM,
                        code,
                        index,
                        part,
                        source,
                    )
                )
            self.glyphs += len(text)
            if self.glyphs > MAX_GLYPHS:
                raise IngestError(
                    ErrorCode.TOO_LARGE,
                    f"{self.package.source}：文字超过 {MAX_GLYPHS} 个字符的上限，请拆分文件",
                )


def positions(
    code: etree._Element, size: float, hscale: float, x: float, y: float
) -> list[tuple[str, float, float, float]]:
    """(character, x, y, advance) in object space for every character of a TextCode."""
    text = code.text or ""
    dx = deltas(code.get("DeltaX"), len(text) - 1)
    dy = deltas(code.get("DeltaY"), len(text) - 1)
    out = []
    for i, ch in enumerate(text):
        if i:
            x += dx[i - 1] if dx else estimate(text[i - 1], size, hscale)
            y += dy[i - 1] if dy else 0.0
        advance = dx[i] if i < len(dx) else estimate(ch, size, hscale)
        out.append((ch, x, y, advance))
    return out


def estimate(ch: str, size: float, hscale: float = 1.0) -> float:
    """A glyph's advance when the file gives none: an em for wide characters (and for
    ambiguous ones, “”…—·, which Chinese fonts draw wide), half an em else."""
    wide = unicodedata.east_asian_width(ch) in ("W", "F", "A")
    return (size if wide else size / 2) * hscale


def deltas(value: str | None, count: int) -> list[float]:
    """A DeltaX/DeltaY list expanded to ``count`` values (the ``g n v`` shorthand read,
    a short list extended with its last value); [] when absent. Bounded by ``count``."""
    if not value or count <= 0:
        return []
    tokens = value.split()
    out: list[float] = []
    i = 0
    while i < len(tokens) and len(out) < count:
        token = tokens[i]
        try:
            if token == "g" and i + 2 < len(tokens):
                repeat = int(float(tokens[i + 1]))
                out.extend([_finite(tokens[i + 2])] * max(0, min(repeat, count - len(out))))
                i += 3
                continue
            out.append(_finite(token))
        except (ValueError, OverflowError):
            pass
        i += 1
    if out and len(out) < count:
        out.extend([out[-1]] * (count - len(out)))
    return out


def object_transform(element: etree._Element) -> Affine:
    """Object space → parent space: the CTM, then a move to the Boundary's origin."""
    box = numbers(element.get("Boundary"), 4) or (0.0, 0.0, 0.0, 0.0)
    a, b, c, d, e, f = numbers(element.get("CTM"), 6) or IDENTITY
    return (a, b, c, d, e + box[0], f + box[1])


def compose(outer: Affine, inner: Affine) -> Affine:
    """The transform applying ``inner`` first, then ``outer``."""
    A, B, C, D, E, F = outer
    a, b, c, d, e, f = inner
    return (
        A * a + C * b,
        B * a + D * b,
        A * c + C * d,
        B * c + D * d,
        A * e + C * f + E,
        B * e + D * f + F,
    )


def apply(m: Affine, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def _finite(token: str) -> float:
    number = float(token)
    if not math.isfinite(number):
        raise ValueError(token)
    return number


def _float(value: str | None, default: float) -> float:
    if value is None:
        return default
    try:
        return _finite(value.strip())
    except ValueError:
        return default


def numbers(value: str | None, count: int) -> tuple[float, ...] | None:
    """``count`` finite numbers from an attribute like Boundary or CTM, or None."""
    if not value:
        return None
    try:
        found = tuple(_finite(t) for t in value.replace(",", " ").split())
    except ValueError:
        return None
    return found[:count] if len(found) >= count else None

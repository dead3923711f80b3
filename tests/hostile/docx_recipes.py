"""Hostile .docx files from the red-team recipes of issue 18, built in the test.

Each starts from a plain python-docx document holding the two values after their
labels in the body, then the package is rewritten part by part (zipfile) into the
hostile shape: a main part or header whose name ends in upper-case ``.XML``, an
embedded .docx, an altChunk HTML part, a digit written as ``w:sym``, a soft hyphen
inside a number, a second copy spaced or in full-width digits, and values hidden only
in a link target, alt text, a customXml part or the core properties.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx

ID = "110105194912310021"
PHONE = "13912345678"
VALUES = (ID, PHONE)
BODY = (f"身份证号：{ID}", f"联系电话：{PHONE}")
FILLER = "关于做好2024年度耕地地力保护补贴发放工作的通知"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def plain_docx(paragraphs: tuple[str, ...] = BODY, header: str | None = None) -> bytes:
    document = docx.Document()
    document.add_paragraph(FILLER)
    for text in paragraphs:
        document.add_paragraph(text)
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def pack(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, blob in files.items():
            package.writestr(name, blob)
    return out.getvalue()


def _sub(blob: bytes, old: str, new: str, count: int = 0) -> bytes:
    text = blob.decode("utf-8")
    assert old in text, f"{old!r} not in part"
    return text.replace(old, new, count or -1).encode("utf-8")


def _add_to_body(files: dict[str, bytes], xml: str, main: str = "word/document.xml") -> None:
    files[main] = _sub(files[main], "<w:sectPr", xml + "<w:sectPr", 1)


def _add_rel(
    files: dict[str, bytes], rid: str, rtype: str, target: str, external: bool = False
) -> None:
    name = "word/_rels/document.xml.rels"
    mode = ' TargetMode="External"' if external else ""
    rel = f'<Relationship Id="{rid}" Type="{REL}/{rtype}" Target="{target}"{mode}/>'
    files[name] = _sub(files[name], "</Relationships>", rel + "</Relationships>")


def _add_type(files: dict[str, bytes], xml: str) -> None:
    files["[Content_Types].xml"] = _sub(files["[Content_Types].xml"], "</Types>", xml + "</Types>")


def main_part_upper_case() -> bytes:
    """word/document.XML: the part, its relationships, the content type and the package
    relationship all renamed."""
    files = parts(plain_docx())
    files["word/document.XML"] = files.pop("word/document.xml")
    files["word/_rels/document.XML.rels"] = files.pop("word/_rels/document.xml.rels")
    files["[Content_Types].xml"] = _sub(
        files["[Content_Types].xml"], '"/word/document.xml"', '"/word/document.XML"'
    )
    files["_rels/.rels"] = _sub(files["_rels/.rels"], '"word/document.xml"', '"word/document.XML"')
    return pack(files)


def header_upper_case() -> bytes:
    """The values in the body and in a header whose part is word/header2.XML."""
    files = parts(plain_docx(header="联系人身份证号：" + ID + " 电话：" + PHONE))
    old = next(n for n in files if re.fullmatch(r"word/header\d*\.xml", n))
    files["word/header2.XML"] = files.pop(old)
    short = old.split("/", 1)[1]
    files["word/_rels/document.xml.rels"] = _sub(
        files["word/_rels/document.xml.rels"], f'"{short}"', '"header2.XML"'
    )
    files["[Content_Types].xml"] = _sub(
        files["[Content_Types].xml"], f'"/{old}"', '"/word/header2.XML"'
    )
    return pack(files)


def png() -> bytes:
    """A small picture (the preview Word draws for an embedded object, a photo)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 200, 200)).save(out, "PNG")
    return out.getvalue()


def embedded_docx() -> bytes:
    """An embedded .docx holding the values (word/embeddings/, shown as an OLE object
    with a preview image), besides the values in the body."""
    files = parts(plain_docx())
    files["word/embeddings/Microsoft_Word_Document1.docx"] = plain_docx(
        (f"附件：申请人身份证号 {ID}，手机 {PHONE}",)
    )
    files["word/media/image1.png"] = png()
    _add_type(
        files,
        '<Default Extension="docx" ContentType="application/vnd.openxmlformats-officedocument'
        '.wordprocessingml.document"/><Default Extension="png" ContentType="image/png"/>',
    )
    _add_rel(files, "rIdEmb1", "package", "embeddings/Microsoft_Word_Document1.docx")
    _add_rel(files, "rIdImg1", "image", "media/image1.png")
    _add_to_body(
        files,
        '<w:p><w:r><w:object xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" w:dxaOrig="1440" w:dyaOrig="720">'
        '<v:shape id="_x0000_i1025" type="#_x0000_t75" style="width:72pt;height:36pt">'
        '<v:imagedata r:id="rIdImg1" o:title=""/></v:shape>'
        '<o:OLEObject Type="Embed" ProgID="Word.Document.12" ShapeID="_x0000_i1025" '
        'DrawAspect="Content" ObjectID="_1234567890" r:id="rIdEmb1"/></w:object></w:r></w:p>',
    )
    return pack(files)


def alt_chunk(in_body: bool = True) -> bytes:
    """An altChunk: word/afchunk.htm, HTML that Word renders into the body on opening."""
    files = parts(plain_docx() if in_body else plain_docx((FILLER,)))
    files["word/afchunk.htm"] = (
        "<html><head><meta charset='utf-8'><title>附件</title></head><body>"
        f"<p>申请人身份证号：<b>{ID[:9]}</b>{ID[9:]}</p>"
        f"<table><tr><td>联系电话：</td><td>{PHONE}</td></tr></table></body></html>"
    ).encode()
    _add_type(files, '<Default Extension="htm" ContentType="text/html"/>')
    _add_rel(files, "rIdChunk1", "aFChunk", "afchunk.htm")
    _add_to_body(files, '<w:altChunk r:id="rIdChunk1"/>')
    return pack(files)


def symbol_and_soft_hyphen() -> bytes:
    """The phone's last digit as ``<w:sym w:char="0038"/>``, a soft hyphen (U+00AD) inside
    the ID, and a ``w:softHyphen`` element inside a second copy of the phone."""
    files = parts(plain_docx((f"身份证号：{ID}", f"联系电话：{PHONE[:-1]}", f"备用电话：{PHONE}")))
    main = "word/document.xml"
    files[main] = _sub(
        files[main], f"<w:t>身份证号：{ID}</w:t>", f"<w:t>身份证号：{ID[:10]}\u00ad{ID[10:]}</w:t>"
    )
    files[main] = _sub(
        files[main],
        f"<w:t>联系电话：{PHONE[:-1]}</w:t>",
        f'<w:t>联系电话：{PHONE[:-1]}</w:t><w:sym w:font="Arial" w:char="0038"/>',
    )
    files[main] = _sub(
        files[main],
        f"<w:t>备用电话：{PHONE}</w:t>",
        f"<w:t>备用电话：{PHONE[:3]}</w:t><w:softHyphen/><w:t>{PHONE[3:]}</w:t>",
    )
    return pack(files)


def second_copy(form: str) -> bytes:
    """The values after their labels, and a second copy of the ID written ``spaced``
    (110105 19491231 0021) or in ``fullwidth`` digits, with nothing naming it."""
    copy = (
        f"{ID[:6]} {ID[6:14]} {ID[14:]}"
        if form == "spaced"
        else ID.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    )
    return plain_docx((*BODY, f"经核对，上述号码为 {copy}。"))


def _percent_encoded(text: str) -> str:
    """Every character percent-encoded (UTF-8), digits too: no byte of the value shows."""
    return "".join(f"%{b:02X}" for b in text.encode())


def link_target_only() -> bytes:
    """The ID only in a hyperlink's target, percent-encoded; the link shows 查询结果."""
    files = parts(plain_docx(("详见网上查询结果。",)))
    target = "http://cx.example.gov.cn/q?" + _percent_encoded(f"身份证号={ID}")
    _add_rel(files, "rIdLink1", "hyperlink", target, external=True)
    _add_to_body(
        files,
        '<w:p><w:hyperlink r:id="rIdLink1"><w:r><w:t>查询结果</w:t></w:r></w:hyperlink></w:p>',
    )
    return pack(files)


def alt_text_only() -> bytes:
    """The ID only in a picture's alt text (wp:docPr/@descr)."""
    document = docx.Document()
    document.add_paragraph("申请人照片如下。")
    image = io.BytesIO(png())
    document.add_picture(image)
    out = io.BytesIO()
    document.save(out)
    files = parts(out.getvalue())
    main = "word/document.xml"
    files[main] = re.sub(rb'(<wp:docPr [^>]*?)descr="[^"]*"', rb"\1", files[main]).replace(
        b"<wp:docPr ", f'<wp:docPr descr="申请人身份证号：{ID}" '.encode(), 1
    )
    return pack(files)


def custom_xml_only() -> bytes:
    """The phone only in a customXml data part."""
    files = parts(plain_docx(("申请材料已收悉。",)))
    files["customXml/item2.xml"] = (
        f"<?xml version='1.0' encoding='UTF-8'?><申请人><备注>联系电话：{PHONE}</备注></申请人>"
    ).encode()
    _add_rel(files, "rIdCx2", "customXml", "../customXml/item2.xml")
    _add_type(
        files,
        '<Override PartName="/customXml/item2.xml" ContentType="application/xml"/>',
    )
    return pack(files)


def core_properties_only() -> bytes:
    """The ID only in the keywords, the phone only in the category (core properties)."""
    document = docx.Document()
    document.add_paragraph("申请材料已收悉。")
    document.core_properties.keywords = f"身份证号：{ID}"
    document.core_properties.category = f"联系电话：{PHONE}"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def chart_only() -> bytes:
    """The phone only in a chart part's title (DrawingML text), an XML comment beside."""
    files = parts(plain_docx(("补贴发放情况见图表。",)))
    files["word/charts/chart1.xml"] = (
        "<?xml version='1.0' encoding='UTF-8'?>"
        '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:title>'
        f"<c:tx><c:rich><a:p><a:r><a:t>联系人电话：{PHONE}</a:t></a:r></a:p></c:rich></c:tx>"
        f"</c:title></c:chart><!-- 联系电话 {PHONE} --></c:chartSpace>"
    ).encode()
    _add_rel(files, "rIdChart1", "chart", "charts/chart1.xml")
    _add_type(
        files,
        '<Override PartName="/word/charts/chart1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    )
    return pack(files)


HIDDEN: dict[str, tuple[Callable[[], bytes], str, tuple[str, ...]]] = {
    # recipe: (builder, block kind the value is read into, values it holds)
    "link_target_only": (link_target_only, "hyperlink", (ID,)),
    "alt_text_only": (alt_text_only, "alt_text", (ID,)),
    "custom_xml_only": (custom_xml_only, "custom_xml", (PHONE,)),
    "core_properties_only": (core_properties_only, "property", (ID, PHONE)),
    "chart_only": (chart_only, "part_text", (PHONE,)),
}

RECIPES: dict[str, Callable[[], bytes]] = {
    "main_part_upper_case": main_part_upper_case,
    "header_upper_case": header_upper_case,
    "embedded_docx": embedded_docx,
    "alt_chunk": alt_chunk,
    "symbol_and_soft_hyphen": symbol_and_soft_hyphen,
    "second_copy_spaced": lambda: second_copy("spaced"),
    "second_copy_fullwidth": lambda: second_copy("fullwidth"),
}


def write(folder: Path, name: str) -> Path:
    path = folder / f"{name}.docx"
    path.write_bytes(RECIPES[name]())
    return path

"""Synthetic 公文 files for the demo, the tests and the benchmarks.

Everything here is fictitious: agencies are real place names but the documents, persons
and numbers are invented (ID numbers carry computed GB 11643 check digits so validators
treat them as real). The builders exercise what real drafts contain: 版头 markings,
headers and footers, tables, footnotes, text boxes, comments, tracked changes, PDFs with
ruled tables and wrapped lines, scans without a text layer, GBK-encoded text.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from stdnum.cn import ric

from pipeline.fonts import find_cjk_font


def resident_id(region: str, birth: date, seq: int) -> str:
    """A syntactically valid 18-digit 居民身份证号 (fictitious)."""
    body = f"{region}{birth:%Y%m%d}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")  # stdnum ignores the last character


NOTICE_LINES: tuple[str, ...] = (
    "韶关市人民政府办公室文件",
    "韶府办〔2024〕3号",
    "韶关市人民政府办公室关于印发《韶关市城市内涝",
    "防治工作实施方案》的通知",
    "各县（市、区）人民政府，市政府各部门、各直属机构：",
    "　　《韶关市城市内涝防治工作实施方案》已经市人民政府同意，现印发给你们，请认真组织实施。实施中遇到的问题，请径向市城市管理和综合执法局反映。",
    "　　联系人：市城市管理和综合执法局　周建华，电话：0751-8876512。",
    "韶关市人民政府办公室",
    "2024年1月3日",
    "（此件公开发布）",
)


def _set_east_asian_font(run: object, name: str = "仿宋_GB2312") -> None:
    r = run._element  # type: ignore[attr-defined]
    rpr = r.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)


def build_notice_docx(path: Path) -> Path:
    """A 通知 in GB/T 9704 layout with a header, footer, table, footnote, text box,
    comment and tracked changes: every place where text hides in a .docx."""
    doc = new_docx()
    section = doc.sections[0]
    section.header.paragraphs[0].text = "韶关市人民政府办公室　内部审核稿"
    section.footer.paragraphs[0].text = "— 1 —"
    for i, line in enumerate(NOTICE_LINES):
        p = doc.add_paragraph()
        run = p.add_run(line)
        _set_east_asian_font(run, "方正小标宋简体" if i in (2, 3) else "仿宋_GB2312")
        if i in (0, 2, 3):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run.bold = True
            run.font.size = Pt(22)
        if i == 6:
            _add_footnote(doc, p, "值班电话24小时有效。")
        if i == 5:
            comment_target = run
    doc.add_comment(
        comment_target,
        text="请核实方案名称是否与市政府常务会议纪要一致。",
        author="李审核",
        initials="LSH",
    )
    p = doc.add_paragraph()
    p.add_run("附件：1．韶关市城市内涝防治工作实施方案")
    # A tracked insertion and a tracked deletion inside one paragraph.
    p = doc.add_paragraph()
    p.add_run("　　请各单位于2024年1月31日前报送联络员名单，")
    p._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="101" w:author="王拟稿" w:date="2024-01-02T09:00:00Z">'
            "<w:r><w:t>联络员：王小明，手机13926541234</w:t></w:r></w:ins>"
        )
    )
    p._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="102" w:author="王拟稿" w:date="2024-01-02T09:05:00Z">'
            "<w:r><w:delText>（原联络员陈美玲，身份证号"
            + resident_id("440203", date(1985, 6, 12), 22)
            + "）</w:delText></w:r></w:del>"
        )
    )
    p.add_run("。")
    # A text box anchored in a paragraph (DrawingML with its VML fallback).
    p = doc.add_paragraph()
    p.add_run("　　各地报送情况汇总如下：")
    p._p.append(_text_box_run("汇总表由市城管执法局统一填报"))
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate(
        (
            ("单位", "联络员", "联系电话"),
            ("浈江区", "黄志强", "0751-8123001"),
            ("武江区", "林晓燕", "0751-8123002"),
        )
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc.core_properties.author = "王拟稿"
    doc.save(str(path))
    return path


def _add_footnote(doc: object, paragraph: object, text: str) -> None:
    """python-docx has no footnote API: add the part and a reference by hand."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    main = doc.part  # type: ignore[attr-defined]
    xml = (
        f"<w:footnotes {nsdecls('w')}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>"
        f'<w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    ).encode()
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        xml,
        main.package,
    )
    main.relate_to(part, RT.FOOTNOTES)
    paragraph._p.append(  # type: ignore[attr-defined]
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            '<w:footnoteReference w:id="1"/></w:r>'
        )
    )


def _text_box_run(text: str) -> object:
    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return parse_xml(
        f'<w:r {ns}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2000000" cy="400000"/><wp:wrapNone/><wp:docPr id="5" name="TextBox 5"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx>{box}</wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def build_plain_docx(path: Path, lines: Sequence[str]) -> Path:
    """One paragraph per line, like the devset's docx files."""
    doc = new_docx()
    for line in lines:
        doc.add_paragraph(line)
    doc.save(str(path))
    return path


# --- PDF ---------------------------------------------------------------------------------

SUBSIDY_TITLE = "曲江区大塘镇2024年耕地地力保护补贴发放对象公示（第二批）"
SUBSIDY_INTRO = (
    "　　根据《广东省2024年耕地地力保护补贴实施方案》，经农户申报、村民委员会审核公示、"
    "镇人民政府复核，现将大塘镇2024年第二批耕地地力保护补贴发放对象予以公示。补贴资金"
    "通过“一卡通”系统直接发放至农户社会保障卡金融账户。"
)
SUBSIDY_ROWS: tuple[tuple[str, ...], ...] = (
    ("序号", "户主姓名", "身份证号码", "联系电话", "补贴金额（元）"),
    ("1", "钟伟明", resident_id("440205", date(1966, 3, 14), 31), "13502781264", "582.40"),
    ("2", "罗桂英", resident_id("440205", date(1971, 9, 2), 42), "13729610538", "332.80"),
    ("3", "邓国强", resident_id("440205", date(1958, 12, 25), 1), "15817935012", "878.80"),
)
SUBSIDY_OUTRO = (
    "　　公示期为2024年6月3日至6月9日（共7天）。公示期间如有异议，请向大塘镇农业农村办公室"
    "反映，监督电话：0751-6621234。",
    "韶关市曲江区大塘镇人民政府",
    "2024年6月3日",
)


def build_subsidy_pdf(path: Path, font_path: str | None = None, pages: int = 1) -> Path:
    """A two-page-style 公示 PDF with wrapped paragraphs and a ruled table whose narrow
    ID column wraps the 18-digit numbers, as LibreOffice does. ``pages`` repeats the
    body to make longer documents for benchmarks."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font_path = font_path or find_cjk_font()
    if font_path is None:
        raise RuntimeError("no CJK TrueType font found; install Debian's fonts-wqy-zenhei")
    pdfmetrics.registerFont(TTFont("CJK", font_path, subfontIndex=0))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(SUBSIDY_TITLE)
    c.setAuthor("韶关市曲江区大塘镇人民政府")
    width, height = A4
    left, right = 79.0, width - 79.0

    def wrap(text: str, size: float, first_indent: float = 0) -> list[str]:
        out, line, limit = [], "", right - left - first_indent
        for ch in text:
            if pdfmetrics.stringWidth(line + ch, "CJK", size) > limit:
                out.append(line)
                line, limit = "", right - left
            line += ch
        out.append(line)
        return out

    for page_no in range(pages):
        y = height - 90
        c.setFont("CJK", 22)
        for line in wrap(SUBSIDY_TITLE, 22):
            c.drawCentredString(width / 2, y, line)
            y -= 32
        y -= 8
        c.setFont("CJK", 16)
        for line in wrap(SUBSIDY_INTRO, 16):
            c.drawString(left, y, line)
            y -= 26
        y -= 6
        cols = (36.0, 70.0, 110.0, 110.0, right - left - 326.0)
        row_h = 46.0
        for row in SUBSIDY_ROWS:
            x = left
            c.rect(left, y - row_h + 18, right - left, row_h, stroke=1, fill=0)
            for value, col_w in zip(row, cols, strict=True):
                c.line(x, y + 18, x, y - row_h + 18)
                c.setFont("CJK", 12)
                ty = y
                for part in wrap_cell(value, col_w - 6, 12):
                    c.drawString(x + 3, ty, part)
                    ty -= 15
                x += col_w
            y -= row_h
        y -= 20
        c.setFont("CJK", 16)
        intro, signer, when = SUBSIDY_OUTRO
        for line in wrap(intro, 16):
            c.drawString(left, y, line)
            y -= 26
        y -= 20
        c.drawRightString(right - 32, y, signer)
        y -= 26
        c.drawRightString(right - 48, y, when)
        c.setFont("CJK", 14)
        c.drawCentredString(width / 2, 40, f"— {page_no + 1} —")
        c.showPage()
    c.save()
    return path


def wrap_cell(text: str, width: float, size: float) -> list[str]:
    from reportlab.pdfbase import pdfmetrics

    out, line = [], ""
    for ch in text:
        if line and pdfmetrics.stringWidth(line + ch, "CJK", size) > width:
            out.append(line)
            line = ""
        line += ch
    out.append(line)
    return out


def build_scanned_pdf(path: Path, font_path: str | None = None) -> Path:
    """A PDF of one page image and no text layer, as a scanner produces."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    font_path = font_path or find_cjk_font()
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont
    font = ImageFont.truetype(font_path, 40) if font_path else ImageFont.load_default()
    lines = (
        "关于西河片区公共停车场建设有关问题的会议纪要",
        "",
        "2024年5月20日下午，副区长主持召开专题会议。",
        "会议议定事项如下：……",
    )
    y = 200
    for line in lines:
        draw.text((150, y), line if font_path else "scanned page", fill=0, font=font)
        y += 80
    img.save(str(path), "PDF", resolution=150.0)
    return path


# --- text and broken files ---------------------------------------------------------------

REPLY_TEXT = "\r\n".join(
    (
        "清远市清城区住房和城乡建设局",
        "政府信息公开申请答复书",
        "清城住建依复〔2024〕31号",
        "陈嘉豪：",
        "　　本机关于2024年6月3日收到您提交的《政府信息公开申请表》，申请获取锦绣花园小区二期工程"
        "竣工验收备案材料。经查，该信息属于本机关公开范围，现提供如下。",
        "　　如对本答复不服，可以自收到本答复书之日起六十日内向清远市清城区人民政府申请行政复议。",
        "清远市清城区住房和城乡建设局",
        "二〇二四年六月十八日",
        "（此件依申请公开）",
        "送达地址：清远市清城区凤城街道锦绣花园二期8栋1502房",
        "联系电话：13692571408",
    )
)

SECRET_TEXT = "\n".join(
    (
        "000126",
        "机密★5年",
        "特急",
        "嘉兴市公安局文件",
        "嘉公发［2024］41号",
        "嘉兴市公安局关于加强重点目标安全保卫工作的通知",
        "各分局，市局各部门：",
        "　　为做好重点目标安全保卫工作，现将有关事项通知如下。（正文略）",
        "嘉兴市公安局",
        "２０２４年１０月８日",
        "（此件不公开）",
    )
)


def truncated_docx_bytes(docx_path: Path) -> bytes:
    data = docx_path.read_bytes()
    return data[: len(data) // 2]


def zip_not_docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("说明.txt", "这是一个压缩包，不是 Word 文档。")
    return buf.getvalue()


OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def write_samples(folder: Path) -> list[Path]:
    """Write the demo set: good files of every format and typical bad ones."""
    folder.mkdir(parents=True, exist_ok=True)
    written = [
        build_notice_docx(folder / "韶府办〔2024〕3号 关于印发内涝防治方案的通知.docx"),
        build_subsidy_pdf(folder / "大塘镇耕地地力保护补贴公示（第二批）.pdf"),
        build_scanned_pdf(folder / "扫描件 专题会议纪要.pdf"),
    ]
    reply = folder / "清城住建依复〔2024〕31号 答复书（GB18030）.txt"
    reply.write_bytes(REPLY_TEXT.encode("gb18030"))
    secret = folder / "嘉公发〔2024〕41号 机密通知.txt"
    secret.write_bytes(b"\xef\xbb\xbf" + SECRET_TEXT.encode("utf-8"))
    broken = folder / "损坏的文件.docx"
    broken.write_bytes(truncated_docx_bytes(written[0]))
    old = build_old_doc(folder / "旧版Word文档.doc")
    written += [reply, secret, broken, old]
    return written


OLD_DOC_LINES: tuple[str, ...] = (
    "韶关市浈江区教育局",
    "浈教函〔2023〕27号",
    "韶关市浈江区教育局关于做好2023年秋季学期学生资助工作的通知",
    "各中小学校、幼儿园：",
    "　　为确保家庭经济困难学生应助尽助，现就2023年秋季学期学生资助工作通知如下：",
    "　　一、各校要于9月30日前完成资助对象认定，认定结果在校内公示5个工作日。",
    "　　二、受助学生名单公示时不得公开身份证号、银行账号和家庭住址等个人信息。",
    "　　联系人：区学生资助管理中心　林晓红，电话：0751-8123456。",
    "韶关市浈江区教育局",
    "2023年9月5日",
    "（此件主动公开）",
)


def build_old_doc(path: Path) -> Path:
    """A 通知 saved in the old binary Word 97–2003 format (.doc), as many drafts still
    arrive: made as .docx and converted by LibreOffice headless."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="triage-doc-") as folder:
        source = build_plain_docx(Path(folder) / f"{path.stem}.docx", OLD_DOC_LINES)
        (made,) = convert_with_libreoffice([source], Path(folder), "doc:MS Word 97")
        path.write_bytes(made.read_bytes())
    return path


def copy_tree(src: Path, dst: Path) -> None:
    """Copy a folder of samples (tests write into temporary folders)."""
    dst.mkdir(parents=True, exist_ok=True)
    for item in src.iterdir():
        if item.is_file():
            (dst / item.name).write_bytes(item.read_bytes())


__all__ = [
    "build_notice_docx",
    "build_old_doc",
    "build_plain_docx",
    "build_scanned_pdf",
    "build_subsidy_pdf",
    "copy",
    "resident_id",
    "write_samples",
]


def convert_with_libreoffice(
    sources: Sequence[Path], folder: Path, target: str = "pdf:writer_pdf_Export"
) -> list[Path]:
    """PDFs of ``sources`` made by LibreOffice headless (writer_pdf_Export), as agencies
    make them, or files of another ``target`` ("doc:MS Word 97"); one LibreOffice process
    for all files. Raises FileNotFoundError when LibreOffice is not installed (Debian:
    libreoffice-writer-nogui)."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise FileNotFoundError("LibreOffice (soffice) is not installed")
    folder.mkdir(parents=True, exist_ok=True)
    profile = folder / ".libreoffice-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(folder),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=60 + 20 * len(sources),
    )
    suffix = target.split(":", 1)[0]
    made = [folder / f"{source.stem}.{suffix}" for source in sources]
    missing = [p.name for p in made if not p.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice made no .{suffix} for {missing}")
    return made

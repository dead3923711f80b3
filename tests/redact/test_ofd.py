"""Redacted OFD copies: no redacted value in any part of the file, every kept character
exactly where it was, black boxes where the removed ones were, the copy opening (in our
reader and in ofdkit) with the same pages; what the original carries beyond its pages —
annotations, attachments, custom tags, signatures, DocInfo — handled; the review copy."""

from __future__ import annotations

import io
import re
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import ofdkit
import pytest
from lxml import etree
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import Settings
from pipeline.document import Document
from pipeline.ingest import ingest_file
from pipeline.ingest.ofd import read_ofd_full
from pipeline.ingest.ofd_layout import MM
from pipeline.ingest.ofd_package import local
from pipeline.redact.ofd import rewrite_object
from pipeline.redact.pdf import all_occurrences
from pipeline.redact.spans import Redaction
from tests.conftest import DEVSET
from tests.fixtures.ofd_maker import Annotation, Options, make_ofd
from tests.redact.cli import cli_redact
from tests.redact.test_pdf import _decisions, _gold_values

# The devset documents holding personal data or trade secrets to redact.
WITH_VALUES = ["d002", "d003", "d005", "d008", "d010", "d011", "d014", "d015", "d017"]
WITH_VALUES += ["d018", "d021", "d022", "d025", "d028", "d029"]
FULL = Options(
    page_numbers=True,
    template_text="经办人陈美玲 13926541234",
    annotations=[Annotation(1, "请核实陈美玲的电话", "陈美玲 13926541234"), Annotation(1, "已阅")],
    attachments=[("名单.xml", "<名单>陈美玲 13926541234</名单>".encode())],
    custom_tags=[("fp", "<fp:x xmlns:fp='urn:fp'>陈美玲</fp:x>".encode())],
    signed=True,
    docinfo={"Title": "关于陈美玲同志的通知", "Author": "王拟稿"},
    custom_data={"联系人": "陈美玲", "电话": "13926541234"},
)
FULL_TEXT = (
    "韶关市人民政府办公室\n关于做好防汛工作的通知\n各县（市、区）人民政府：\n"
    "　　请于6月30日前报送联络员名单。联络员：陈美玲，手机13926541234。\n韶关市人民政府办公室\n2024年6月3日"
)


def _read(path: Path) -> Document:
    document, _data, error = ingest_file(path, Settings())
    assert document is not None, error
    return document


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _assert_no_value_in_any_part(copy: Path, values: set[str]) -> None:
    """Every part, by another method than the redactor's own check: the raw XML (tags,
    attributes and all) and its text with the tags stripped, whitespace ignored."""
    with zipfile.ZipFile(copy) as package:
        for name in package.namelist():
            raw = package.read(name)
            text = raw.decode("utf-8", errors="ignore")
            flat = _squeeze(re.sub(r"<[^>]*>", "", text))
            for value in values:
                assert value not in text, f"{name} holds {value}"
                assert _squeeze(value) not in flat, f"{name}'s text holds {value}"
                if len(value.encode("utf-8")) >= 6:
                    assert value.encode("gb18030") not in raw, f"{name} holds {value} (GB18030)"


def _glyphs(data: bytes) -> dict[tuple[int, str], list[tuple[float, float, float, float]]]:
    out: dict[tuple[int, str], list[tuple[float, float, float, float]]] = defaultdict(list)
    for g in read_ofd_full(data, "x").walked:
        out[(g.page, g.ch)].append((g.x0, g.top, g.x1, g.bottom))
    return out


def _black_boxes(copy: bytes) -> dict[int, list[tuple[float, float, float, float]]]:
    """The black rectangles of each page, in points."""
    read = read_ofd_full(copy, "copy")
    boxes: dict[int, list[tuple[float, float, float, float]]] = defaultdict(list)
    for page in read.structure.pages:
        for path in read.package.xml(page.part).iter():
            if local(path) != "PathObject":
                continue
            fill = next((c for c in path if local(c) == "FillColor"), None)
            if fill is None or fill.get("Value") != "0 0 0":
                continue
            x, y, w, h = (float(v) * MM for v in path.get("Boundary", "").split())
            boxes[page.number].append((x, y, x + w, y + h))
    return boxes


def _check_copy(source: Path, out: Path, spans: list[Redaction], values: set[str]) -> None:
    document = _read(source)
    original, copy = source.read_bytes(), out.read_bytes()
    _assert_no_value_in_any_part(out, values)
    # The copy opens, in our reader and in ofdkit, with the same pages.
    assert _read(out).pages == document.pages
    with ofdkit.open(copy) as other:
        assert len(other.pages) == document.pages
        assert not any(_squeeze(v) in _squeeze(other.text()) for v in values)
    # Every kept character is exactly where it was; every removed one is under black.
    read = read_ofd_full(original, "original")
    gone = bytearray(len(document.text))
    for span in all_occurrences(document.text, spans):
        gone[span.start : span.end] = b"\x01" * (span.end - span.start)
    after = _glyphs(copy)
    black = _black_boxes(copy)
    for offset, glyph in enumerate(read.glyphs):
        if glyph is None or not glyph.ch.strip() or glyph.source == "annotation":
            continue
        box = (glyph.x0, glyph.top, glyph.x1, glyph.bottom)
        if gone[offset]:
            assert any(
                b[0] <= box[0] + 0.01
                and b[1] <= box[1] + 0.01
                and box[2] <= b[2] + 0.01
                and box[3] <= b[3] + 0.01
                for b in black[glyph.page]
            ), f"{glyph.ch!r} at {offset} is not under a black box"
        else:
            # Its origin and height exactly; its right edge within the difference between
            # the DeltaX it had and the em a TextCode's last glyph is given.
            assert any(
                all(abs(box[i] - other[i]) < 0.02 for i in (0, 1, 3))
                and abs(box[2] - other[2]) < 0.5
                for other in after[(glyph.page, glyph.ch)]
            ), f"kept {glyph.ch!r} at {offset} moved or vanished"


@pytest.fixture(scope="module")
def devset_copies(
    tmp_path_factory: pytest.TempPathFactory, devset_records: dict[str, dict[str, Any]]
) -> dict[str, tuple[Path, Path, list[Redaction], set[str]]]:
    """The devset documents with values typeset as OFD and redacted by `triage redact`
    (proposals plus every gold value, as reviewers would decide)."""
    folder = tmp_path_factory.mktemp("ofd-redact")
    made = {}
    for doc_id in WITH_VALUES:
        record = devset_records[doc_id]
        source = folder / f"{doc_id}.ofd"
        source.write_bytes(make_ofd(record["text"], Options(page_numbers=True)))
        document = _read(source)
        spans = _decisions(document, record)
        out = folder / f"{doc_id}.redacted.ofd"
        cli_redact(source, spans, out)
        values = {document.text[s.start : s.end] for s in spans} | _gold_values(record)
        made[doc_id] = (source, out, spans, {v.strip() for v in values if len(v.strip()) >= 2})
    return made


@pytest.mark.skipif(not DEVSET.is_dir(), reason="../shared/devset is absent")
@pytest.mark.parametrize("doc_id", WITH_VALUES)
def test_devset_ofd_copy(
    doc_id: str, devset_copies: dict[str, tuple[Path, Path, list[Redaction], set[str]]]
) -> None:
    source, out, spans, values = devset_copies[doc_id]
    _check_copy(source, out, spans, values)


def test_what_the_file_carries_beyond_its_pages(tmp_path: Path) -> None:
    source = tmp_path / "full.ofd"
    source.write_bytes(make_ofd(FULL_TEXT, FULL))
    document = _read(source)
    start = document.text.index("陈美玲")
    spans = [Redaction(start, start + 3, "PERSON")]
    start = document.text.index("13926541234")
    spans.append(Redaction(start, start + 11, "PHONE"))
    out = tmp_path / "full.redacted.ofd"
    cli_redact(source, spans, out)
    _check_copy(source, out, spans, {"陈美玲", "13926541234"})
    with zipfile.ZipFile(out) as package:
        names = package.namelist()
        ofd = package.read("OFD.xml").decode()
        annotations = package.read("Doc_0/Annots/Page_0/Annotation.xml").decode()
    assert not any("Signs/" in n or "Attachs/" in n or "Tags/" in n for n in names)
    assert "<ofd:Signatures>" not in ofd and "王拟稿" not in ofd
    assert "电子签章" in ofd and "公开审" in ofd  # the copy says what was done
    assert (
        "已阅" in annotations and "请核实" not in annotations
    )  # only the one holding a value goes
    copy = _read(out)
    assert copy.warnings == [] and "经办人" in copy.text  # the template's other text stays


def test_a_value_the_redactor_cannot_reach_writes_nothing(tmp_path: Path) -> None:
    data = make_ofd(FULL_TEXT)
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as package:
        package.writestr("Doc_0/Res/说明.txt", "联络员陈美玲".encode())
    source = tmp_path / "with-notes.ofd"
    source.write_bytes(buffer.getvalue())
    document = _read(source)
    start = document.text.index("陈美玲")
    decisions = tmp_path / "spans.json"
    decisions.write_text(f'[{{"start": {start}, "end": {start + 3}, "label": "PERSON"}}]')
    out = tmp_path / "copy.ofd"
    result = CliRunner().invoke(
        app, ["redact", str(source), "--out", str(out), "--decisions", str(decisions)]
    )
    assert result.exit_code == 2 and "nothing was written" in result.output
    assert not out.exists()


def test_splitting_a_textcode_keeps_glyph_indexes_in_step() -> None:
    obj = etree.fromstring(
        '<TextObject Size="5"><CGTransform CodePosition="0" CodeCount="4" GlyphCount="4">'
        "<Glyphs>11 12 13 14</Glyphs></CGTransform>"
        '<TextCode X="1" Y="4" DeltaX="5 5 2.5">张三丰1</TextCode></TextObject>'
    )
    code = obj[1]
    rewrite_object(obj, {id(code): {1, 2}})
    codes = [c for c in obj if c.tag == "TextCode"]
    assert [(c.text, c.get("X"), c.get("DeltaX")) for c in codes] == [
        ("张", "1", None),
        ("1", "13.5", None),
    ]
    cg = obj[0]
    assert (cg.get("CodeCount"), cg[0].text) == ("2", "11 14")


def test_the_review_copy_marks_everything_and_removes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "notice.ofd"
    source.write_bytes(make_ofd(FULL_TEXT, Options(signed=True)))
    out = tmp_path / "notice.review.ofd"
    result = CliRunner().invoke(app, ["redact", str(source), "--out", str(out), "--review"])
    assert result.exit_code == 0, result.output
    copy = _read(out)
    text = _squeeze(copy.text)  # the stamp widens the page's lines: wraps may stay apart
    assert "审核稿不得公开" in text and "13926541234" in text and "陈美玲" in text
    with zipfile.ZipFile(out) as package:
        parts = {n: package.read(n).decode() for n in package.namelist() if n.endswith(".xml")}
    highlights = [p for p in parts.values() if 'Type="Highlight"' in p]
    assert highlights and any("拟删除" in p for p in highlights)
    assert _read(source).pages == copy.pages

"""The .docx reader recovers every piece of text, in reading order, with its source."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as new_docx

from pipeline.ingest.docx import read_docx
from tests.conftest import DEVSET, need
from tests.fixtures.samples import build_notice_docx, build_plain_docx

DEVSET_DOCX = ["d001", "d002", "d003", "d005", "d008", "d011", "d013", "d017", "d022", "d029"]


@pytest.mark.parametrize("doc_id", DEVSET_DOCX)
def test_devset_docx_text_equals_corpus(doc_id: str, devset_records: dict) -> None:
    path = need(DEVSET / "docs" / f"{doc_id}.docx")
    doc = read_docx(path, path.read_bytes(), str(path))
    assert doc.text == devset_records[doc_id]["text"]
    assert doc.body_end == len(doc.text)


@pytest.fixture(scope="module")
def notice(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = build_notice_docx(tmp_path_factory.mktemp("docx") / "notice.docx")
    return read_docx(path, path.read_bytes(), "notice.docx")


@pytest.mark.parametrize(
    ("kind", "text", "in_body"),
    [
        ("header", "韶关市人民政府办公室　内部审核稿", False),
        ("footer", "— 1 —", False),
        ("footnote", "值班电话24小时有效。", False),
        ("comment", "请核实方案名称是否与市政府常务会议纪要一致。", False),
        ("textbox", "汇总表由市城管执法局统一填报", True),
        ("table_cell", "0751-8123002", True),
    ],
)
def test_hidden_places_are_read_with_their_kind(
    notice, kind: str, text: str, in_body: bool
) -> None:  # type: ignore[no-untyped-def]
    start = notice.text.index(text)
    blocks = list(notice.blocks_at(start, start + len(text)))
    assert {b.kind for b in blocks} == {kind}
    assert (start < notice.body_end) is in_body


def test_text_box_is_read_once(notice) -> None:  # type: ignore[no-untyped-def]
    # DrawingML and its VML fallback hold the same text box: it must not appear twice.
    assert notice.text.count("汇总表由市城管执法局统一填报") == 1


def test_tracked_changes_are_flagged(notice) -> None:  # type: ignore[no-untyped-def]
    inserted = "联络员：王小明，手机13926541234"
    start = notice.text.index(inserted)
    assert start < notice.body_end
    assert [b.tracked for b in notice.blocks_at(start, start + len(inserted))] == ["insertion"]
    deleted = notice.text.index("（原联络员陈美玲")
    assert deleted > notice.body_end  # no longer visible in Word, but still in the file
    (block,) = notice.blocks_at(deleted, deleted + 5)
    assert (block.kind, block.tracked) == ("deletion", "deletion")


def test_comment_keeps_author(notice) -> None:  # type: ignore[no-untyped-def]
    (block,) = [b for b in notice.blocks if b.kind == "comment"]
    assert block.author == "李审核"


def test_table_rows_are_lines_with_tab_separated_cells(notice) -> None:  # type: ignore[no-untyped-def]
    assert "单位\t联络员\t联系电话\n浈江区\t黄志强\t0751-8123001\n" in notice.text


def test_nested_table_and_merged_cells(tmp_path: Path) -> None:
    doc = new_docx()
    doc.add_paragraph("前言")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "姓名"
    table.cell(0, 1).text = "张三"
    inner = table.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "内层A"
    inner.cell(0, 1).text = "内层B"
    table.cell(1, 0).text = "备注"
    doc.add_paragraph("结尾")
    path = tmp_path / "nested.docx"
    doc.save(str(path))
    text = read_docx(path, path.read_bytes(), "nested.docx").text
    assert text.split("\n")[0] == "前言"
    assert "姓名\t张三" in text
    assert "内层A\t内层B" in text
    assert text.endswith("结尾")


def test_plain_paragraphs_join_with_newlines(tmp_path: Path) -> None:
    lines = ["标题", "　　正文第一段。", "", "落款"]
    path = build_plain_docx(tmp_path / "p.docx", lines)
    assert read_docx(path, path.read_bytes(), "p.docx").text == "\n".join(lines)

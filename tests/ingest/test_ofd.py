"""The OFD reader: the devset typeset as OFD reads back exactly, with the metadata and the
findings of the text version, every character where the typesetter drew it; templates,
annotations, attachments, custom tags and signatures are read or reported; bad files end
in clear errors while the batch goes on."""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import Settings
from pipeline.document import Document
from pipeline.evaluate import evaluate
from pipeline.ingest import ingest_file
from pipeline.ingest.ofd import read_ofd
from pipeline.ingest.ofd_layout import MM
from pipeline.metadata import extract_metadata
from pipeline.scan import scan_file
from tests.conftest import DEVSET, need
from tests.fixtures.ofd_maker import (
    ASCENT_MM,
    BASELINE,
    LEFT,
    PITCH,
    TOP,
    Annotation,
    Options,
    make_ofd,
    paginate,
    width,
)
from tests.fixtures.samples import zip_not_docx_bytes

DEVSET_IDS = sorted(p.stem for p in (DEVSET / "texts").glob("*.txt")) if DEVSET.is_dir() else []


def _read(path: Path, settings: Settings | None = None) -> Document:
    document, _data, error = ingest_file(path, settings or Settings())
    assert document is not None, error
    return document


@pytest.fixture(scope="module")
def devset_ofd(
    tmp_path_factory: pytest.TempPathFactory, devset_records: dict[str, dict[str, Any]]
) -> Path:
    """The 30 devset documents typeset as OFD (with page numbers), beside their .txt."""
    folder = tmp_path_factory.mktemp("devset-ofd")
    for doc_id in DEVSET_IDS:
        text = devset_records[doc_id]["text"]
        (folder / f"{doc_id}.ofd").write_bytes(make_ofd(text, Options(page_numbers=True)))
    return folder


def test_the_whole_devset_reads_back_exactly(
    devset_ofd: Path, devset_records: dict[str, dict[str, Any]]
) -> None:
    assert len(DEVSET_IDS) == 30
    for doc_id in DEVSET_IDS:
        document = _read(devset_ofd / f"{doc_id}.ofd")
        assert document.format == "ofd"
        # Wrapped lines are joined back: the body is the .txt, the page numbers follow it.
        assert document.body == devset_records[doc_id]["text"], doc_id
        after = document.text[document.body_end :].split()
        assert after == [w for n in range(1, document.pages + 1) for w in ("—", str(n), "—")]
        assert document.char_boxes is not None and len(document.char_boxes) == len(document.text)


def test_metadata_equals_the_text_versions(devset_ofd: Path) -> None:
    for doc_id in DEVSET_IDS:
        ofd = extract_metadata(_read(devset_ofd / f"{doc_id}.ofd")).to_dict()
        txt = extract_metadata(_read(DEVSET / "texts" / f"{doc_id}.txt")).to_dict()
        assert ofd == txt, doc_id


def _recall(records: list[dict[str, Any]], gold: list[dict[str, Any]]) -> float:
    report = evaluate(gold, records)
    found = sum(s.tp_gold for s in report.labels.values())
    return found / sum(s.gold for s in report.labels.values())


def test_detection_recall_is_the_text_versions(
    devset_ofd: Path, devset_records: dict[str, dict[str, Any]]
) -> None:
    gold = [devset_records[i] for i in DEVSET_IDS]
    ofd = [scan_file(devset_ofd / f"{i}.ofd", Settings()) for i in DEVSET_IDS]
    txt = [scan_file(DEVSET / "texts" / f"{i}.txt", Settings()) for i in DEVSET_IDS]
    assert all(r["status"] == "ok" for r in ofd)
    assert abs(_recall(ofd, gold) - _recall(txt, gold)) <= 0.02
    assert _recall(ofd, gold) > 0.8


def test_every_character_is_where_the_typesetter_drew_it(
    devset_ofd: Path, devset_records: dict[str, dict[str, Any]]
) -> None:
    text = devset_records["d002"]["text"]  # a 公示 with a table set as text: digits, names
    document = _read(need(devset_ofd / "d002.ofd"))
    assert document.char_boxes is not None
    expected = []
    for page, lines in enumerate(paginate(text), 1):
        for row, line in enumerate(lines):
            x = LEFT
            for ch in line:
                top = TOP + row * PITCH + BASELINE - ASCENT_MM
                expected.append((ch, page, x * MM, top * MM, (x + width(ch)) * MM))
                x += width(ch)
    drawn = [
        (document.text[i], box)
        for i, box in enumerate(document.char_boxes[: document.body_end])
        if box
    ]
    assert len(drawn) == len(expected)
    for (ch, box), (want, page, x0, top, x1) in zip(drawn, expected, strict=True):
        assert ch == want and box.page == page
        assert box.box.x0 == pytest.approx(x0, abs=0.01) and box.box.top == pytest.approx(
            top, abs=0.01
        )
        assert box.box.x1 == pytest.approx(x1, abs=0.3)  # a line's last glyph: its em wide


def test_a_rotated_object_is_placed_through_its_ctm(tmp_path: Path) -> None:
    path = tmp_path / "rotated.ofd"
    path.write_bytes(make_ofd("韶关市人民政府办公室", Options(rotated_text="张三丰")))
    document = _read(path)
    assert document.char_boxes is not None
    boxes = {document.text[i]: b.box for i, b in enumerate(document.char_boxes) if b}
    # CTM "0 1 -1 0": the object's x runs down the page, its y to the left, from (195, 60).
    for n, ch in enumerate("张三丰"):
        box = boxes[ch]
        assert box.x0 / MM == pytest.approx(195 - BASELINE - 0.14 * 5.6444, abs=0.01)
        assert box.top / MM == pytest.approx(60 + n * width(ch), abs=0.01)


def test_templates_annotations_attachments_tags_and_signatures(tmp_path: Path) -> None:
    options = Options(
        template_text="内部审核稿 经办人王小明",
        annotations=[Annotation(1, "请核实联系人", "联系电话13926541234")],
        attachments=[("名单.xml", "<a>陈美玲</a>".encode())],
        custom_tags=[("fp", b"<fp:eInvoice xmlns:fp='urn:x'/>")],
        signed=True,
    )
    path = tmp_path / "full.ofd"
    path.write_bytes(make_ofd("韶关市人民政府办公室\n关于做好防汛工作的通知", options))
    document = _read(path)
    assert "内部审核稿 经办人王小明" in document.text  # the template's text, on its page
    comments = [document.text[b.start : b.end] for b in document.blocks if b.kind == "comment"]
    assert comments == ["请核实联系人\n联系电话13926541234"]
    warnings = {w["code"]: w for w in document.warnings}
    assert {"ofd_signatures", "ofd_attachments", "ofd_custom_tags"} <= set(warnings)
    assert "测试签章系统" in str(warnings["ofd_signatures"]["message"])
    assert "名单.xml" in str(warnings["ofd_attachments"]["message"])
    record = scan_file(path, Settings())
    assert any(f["text"] == "13926541234" for f in record["findings"])  # annotations are scanned


def test_unmapped_glyphs_are_no_text(tmp_path: Path) -> None:
    path = tmp_path / "pua.ofd"
    path.write_bytes(make_ofd("\ue11e\ue236\ue28a\ue0c0\ue434\ue0da\ue2be"))
    _document, _data, error = ingest_file(path, Settings())
    assert error is not None and error.code == "no_text_layer"


# --- bad input ---------------------------------------------------------------------


def _truncated() -> bytes:
    data = make_ofd("关于做好防汛工作的通知")
    return data[: len(data) // 2]


def _with_doctype() -> bytes:
    """A page whose XML declares an external entity (XXE): refused, never resolved."""
    source = zipfile.ZipFile(io.BytesIO(make_ofd("关于做好防汛工作的通知")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            blob = source.read(name)
            if name.endswith("Page_0/Content.xml"):
                blob = blob.replace(
                    b"?>", b'?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1
                ).replace("关于".encode(), b"&x;", 1)
            target.writestr(name, blob)
    return out.getvalue()


def _bomb() -> bytes:
    """A page part of 70 MB of spaces (70 KB compressed)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(make_ofd("通知"))) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for name in source.namelist():
            blob = source.read(name)
            if name.endswith("Page_0/Content.xml"):
                blob = blob + b" " * (70 * 1024 * 1024)
            target.writestr(name, blob)
    return out.getvalue()


BAD: dict[str, tuple[str, Any, str]] = {
    "不是OFD的压缩包.ofd": ("format_mismatch", zip_not_docx_bytes, "ZIP"),
    "截断的版式文件.ofd": ("corrupt", _truncated, "ZIP"),
    "缺页.ofd": ("corrupt", lambda: make_ofd("第一页\n" * 30, Options(missing_page=2)), "第 2 页"),
    "模板循环.ofd": ("corrupt", lambda: make_ofd("通知", Options(template_loop=True)), "循环引用"),
    "两千页.ofd": ("too_large", lambda: make_ofd("通知", Options(blank_pages=2000)), "500 页"),
    "外部实体.ofd": ("corrupt", _with_doctype, "DTD"),
    "压缩炸弹.ofd": ("too_large", _bomb, "MB"),
    "其实是OFD.docx": ("format_mismatch", lambda: make_ofd("通知"), ".ofd"),
}


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("bad-ofd")
    for name, (_, make, _) in BAD.items():
        (folder / name).write_bytes(make())
    (folder / "好文件.ofd").write_bytes(make_ofd("韶关市人民政府办公室\n关于做好防汛工作的通知"))
    out = folder.parent / "bad.jsonl"
    started = time.monotonic()
    result = CliRunner().invoke(app, ["scan", str(folder), "--jsonl", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 60
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {Path(r["source"]).name: r for r in rows}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_ofd_ends_in_a_clear_error(name: str, bad_batch: dict[str, dict[str, Any]]) -> None:
    code, _, says = BAD[name]
    record = bad_batch[name]
    assert record["status"] == "error" and record["error"]["code"] == code
    assert name in record["error"]["message"] and says in record["error"]["message"]
    assert "root:" not in record["error"]["message"]  # /etc/passwd was never read


def test_the_rest_of_the_batch_is_read(bad_batch: dict[str, dict[str, Any]]) -> None:
    assert len(bad_batch) == len(BAD) + 1
    good = bad_batch["好文件.ofd"]
    assert good["status"] == "ok" and good["metadata"]["doc_type"] == "通知"


def test_a_2000_page_file_reads_in_bounded_time_when_the_limit_allows(tmp_path: Path) -> None:
    data = make_ofd("通知", Options(blank_pages=2000))
    started = time.monotonic()
    document = read_ofd(tmp_path / "big.ofd", data, "big.ofd", max_pages=2500)
    assert document.pages == 2001 and time.monotonic() - started < 20

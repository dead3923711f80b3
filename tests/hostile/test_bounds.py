"""Compression bombs, lying ZIP headers and entity tricks (issue 18, item 3).

One ``triage scan`` of an inbox holding each hostile file beside ordinary ones: every
file ends as one record with a clear code, the ordinary ones are scanned, the whole
process tree stays under 1.5 GB, and no file runs into the 60 s budget (which would
record it as ``timeout`` instead). Without the bounds, python-docx inflates the 2 GB image
and ``zipfile``/pdfminer the 2 GB streams in one piece each.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hostile.bomb_recipes import (
    BODY,
    MB,
    Part,
    deflated_zeros,
    document_xml,
    docx_parts,
    paragraphs,
    text_page,
    write_docx,
    write_pdf,
    zip_bytes,
)
from tests.hostile.measure import GB, TRIAGE, measured

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LAUGHS = (
    "<!DOCTYPE w:document [<!ENTITY l0 'lol'>"
    + "".join(f"<!ENTITY l{i} '{f'&l{i - 1};' * 10}'>" for i in range(1, 10))
    + "]>"
)
SECRET = "XXE-SECRET-5b1e9c"  # in a file beside the inbox that an external entity names


def _body_bomb(path: Path) -> None:
    """word/document.xml itself inflating to 1.2 GB (honestly declared)."""
    parts = [p for p in docx_parts() if p.name != "word/document.xml"]
    path.write_bytes(zip_bytes([*parts, Part.zeros("word/document.xml", 1200 * MB)]))


# name → (maker, expected code; None: read)
HOSTILE = {
    "图片炸弹.docx": (
        lambda p: write_docx(p, extra=[Part.zeros("word/media/image1.png", 2048 * MB)]),
        "too_large",
    ),
    "正文炸弹.docx": (lambda p: _body_bomb(p), "too_large"),
    "谎报大小.docx": (
        lambda p: write_docx(
            p,
            extra=[Part.zeros("word/media/image1.png", 2048 * MB)],
            declared={"word/media/image1.png": 64 * 1024},
        ),
        "corrupt",
    ),
    "外部实体.docx": (
        lambda p: write_docx(
            p,
            document_xml(
                paragraphs("关于的通知", "&xxe;"),
                f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{p.parent.parent}/secret.txt">]>',
            ),
        ),
        "corrupt",
    ),
    "实体膨胀.docx": (
        lambda p: write_docx(p, document_xml(paragraphs("关于的通知", "&l9;"), LAUGHS)),
        "corrupt",
    ),
    "未定义实体.docx": (
        lambda p: write_docx(
            p, header=f'<w:hdr xmlns:w="{W}"><w:p><w:r><w:t>&nbsp;页眉</w:t></w:r></w:p></w:hdr>'
        ),
        "corrupt",
    ),
    "压缩炸弹.pdf": (lambda p: write_pdf(p, deflated_zeros(2048 * MB)), "too_large"),
    "公示.docx": (lambda p: write_docx(p), None),
    "公示.pdf": (lambda p: write_pdf(p, text_page("ID 110105194912310021")), None),
    "公示.txt": (lambda p: p.write_text(f"关于发放补贴的公示\n{BODY}\n", encoding="utf-8"), None),
}


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, dict], object]:  # type: ignore[type-arg]
    inbox = tmp_path_factory.mktemp("hostile") / "收件箱"
    inbox.mkdir()
    (inbox.parent / "secret.txt").write_text(SECRET, encoding="utf-8")
    for name, (make, _code) in HOSTILE.items():
        make(inbox / name)
    assert sum(p.stat().st_size for p in inbox.iterdir()) < 20 * MB  # cheap to make
    out = inbox.parent / "scan.jsonl"
    run = measured(
        [*TRIAGE, "scan", str(inbox), "--jsonl", "--out", str(out), "--workers", "1"],
        env={"TRIAGE_FILE_TIMEOUT": "60"},
    )
    assert run.rc == 0, run.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {Path(r["source"]).name: r for r in records}, run


def test_each_hostile_file_is_one_record_with_its_code(scanned) -> None:  # type: ignore[no-untyped-def]
    records, _run = scanned
    assert sorted(records) == sorted(HOSTILE)  # one record per file, the batch went on
    codes = {name: (r["error"] or {}).get("code") for name, r in records.items()}
    assert codes == {name: code for name, (_make, code) in HOSTILE.items()}
    for name, record in records.items():
        if record["status"] == "error":
            assert name in record["error"]["message"]
    assert any(f["label"] == "ID_CARD" for f in records["公示.docx"]["findings"])


def test_memory_and_time_stay_bounded(scanned) -> None:  # type: ignore[no-untyped-def]
    _records, run = scanned
    assert run.peak_bytes < 1.5 * GB, f"peak {run.peak_bytes / GB:.2f} GB"
    # No record says timeout (each file took < 60 s); the whole run, worker start included:
    assert run.seconds < 60, f"{run.seconds:.0f} s"


def test_no_entity_reached_the_output(scanned) -> None:  # type: ignore[no-untyped-def]
    records, _run = scanned
    dumped = json.dumps(records, ensure_ascii=False)
    assert SECRET not in dumped and "lollollol" not in dumped

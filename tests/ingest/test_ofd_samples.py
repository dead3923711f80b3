"""The 52 real OFD files of ../shared/data/ofd_samples (ofdrw's test files: signed files,
rotated text, clip paths, missing images, non-standard paths): each reads, or ends in a
clear error code; ``triage scan --jsonl`` gives one record each and no traceback; the
text holds every character an independent reader (ofdkit) finds, and the page counts
agree."""

from __future__ import annotations

import collections
import json
from pathlib import Path
from typing import Any

import ofdkit
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import Settings
from pipeline.ingest import ingest_file
from tests.conftest import SHARED, need

SAMPLES = SHARED / "data" / "ofd_samples"

# file: (status or error code, pages, warning codes), as read on the day they were pinned.
EXPECTED: dict[str, tuple[str, int | None, tuple[str, ...]]] = {
    "ofdrw-archive__test-ofda.ofd": ("ok", 1, ()),
    "ofdrw-converter__1.ofd": (
        "ok",
        1,
        ("comments", "ofd_attachments", "ofd_custom_tags", "ofd_signatures"),
    ),
    "ofdrw-converter__20240531141733.ofd": ("ok", 1, ("comments", "ofd_custom_tags")),
    "ofdrw-converter__999.ofd": (
        "ok",
        5,
        ("comments", "ofd_attachments", "ofd_custom_tags", "ofd_signatures"),
    ),
    "ofdrw-converter__SignScaleError.ofd": ("ok", 1, ("ofd_attachments", "ofd_signatures")),
    "ofdrw-converter__V4RideRight.ofd": ("empty", None, ()),
    "ofdrw-converter__ano.ofd": ("ok", 3, ("comments", "unmapped_glyphs")),
    "ofdrw-converter__containsJPEG.ofd": ("no_text_layer", None, ()),
    "ofdrw-converter__draw_param_ref.ofd": (
        "ok",
        5,
        ("comments", "ofd_attachments", "ofd_custom_tags", "ofd_signatures"),
    ),
    "ofdrw-converter__h.ofd": ("empty", None, ()),
    "ofdrw-converter__helloworld.ofd": ("ok", 1, ()),
    "ofdrw-converter__n.ofd": ("ok", 2, ("ofd_signatures",)),
    "ofdrw-converter__signout.ofd": ("ok", 1, ("comments", "ofd_custom_tags")),
    "ofdrw-converter__testImageNotFound.ofd": ("ok", 2, ("ofd_signatures",)),
    "ofdrw-converter__testImageOverridePage.ofd": ("ok", 1, ("ofd_custom_tags", "ofd_signatures")),
    "ofdrw-converter__testPathClip.ofd": ("ok", 1, ("ofd_custom_tags", "ofd_signatures")),
    "ofdrw-converter__testPathFillOpacity.ofd": ("ok", 1, ()),
    "ofdrw-converter__y.ofd": ("ok", 3, ("ofd_custom_tags",)),
    "ofdrw-converter__z.ofd": ("ok", 4, ()),
    "ofdrw-converter__zsbk.ofd": ("ok", 2, ("ofd_signatures",)),
    "ofdrw-crypto__hello-integrity.ofd": ("ok", 2, ()),
    "ofdrw-crypto__hello.ofd": ("ok", 2, ()),
    "ofdrw-layout__1-1.ofd": ("ok", 3, ("comments",)),
    "ofdrw-layout__AddAttachment.ofd": ("ok", 1, ("ofd_attachments",)),
    "ofdrw-layout__AddAttachment_relativepathversion.ofd": ("ok", 1, ("ofd_attachments",)),
    "ofdrw-layout__AddWatermarkAnnot.ofd": ("ok", 6, ()),
    "ofdrw-layout__Page5.ofd": ("empty", None, ()),
    "ofdrw-layout__SplitParagraph.ofd": ("ok", 2, ()),
    "ofdrw-layout__ano.ofd": ("ok", 2, ("comments", "unmapped_glyphs")),
    "ofdrw-layout__areaholder_fields.ofd": ("ok", 1, ()),
    "ofdrw-layout__fptpl.ofd": ("ok", 1, ()),
    "ofdrw-layout__keyword.ofd": ("ok", 1, ("ofd_signatures",)),
    "ofdrw-layout__keyword2.ofd": (
        "ok",
        1,
        ("comments", "ofd_attachments", "ofd_custom_tags", "ofd_signatures"),
    ),
    "ofdrw-layout__no_page_container.ofd": ("ok", 1, ("ofd_attachments",)),
    "ofdrw-reader__SESV4SignDoc.ofd": ("ok", 1, ("ofd_signatures",)),
    "ofdrw-reader__chineseDir.ofd": ("ok", 1, ()),
    "ofdrw-reader__helloworld.ofd": ("ok", 1, ()),
    "ofdrw-reader__helloworld_with_pageblock.ofd": ("ok", 1, ()),
    "ofdrw-reader__keyword2.ofd": ("ok", 2, ()),
    "ofdrw-reader__multiKeywordInTextCode.ofd": ("ok", 1, ()),
    "ofdrw-reader__path_unstd.ofd": ("ok", 2, ("ofd_custom_tags",)),
    "ofdrw-sign__DigitalSign.ofd": ("ok", 1, ("ofd_signatures",)),
    "ofdrw-sign__VPage7.ofd": ("empty", None, ()),
    "ofdrw-sign__allprotected.ofd": ("ok", 1, ("ofd_signatures",)),
    "ofdrw-sign__doc1File.ofd": ("ok", 11, ()),
    "ofdrw-sign__helloworld.ofd": ("ok", 1, ()),
    "ofdrw-sign__namespace_no_std.ofd": ("ok", 1, ()),
    "ofdrw-sign__v4signed.ofd": ("ok", 1, ("comments", "ofd_attachments", "ofd_signatures")),
    "ofdrw-tool__hello_watermark.ofd": ("ok", 1, ("comments",)),
    "ofdrw-tool__page1.ofd": ("ok", 1, ()),
    "ofdrw-tool__page2.ofd": ("ok", 1, ()),
    "ofdrw-tool__page3.ofd": ("ok", 1, ()),
}


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    files = sorted(str(p) for p in need(SAMPLES).glob("*.ofd"))
    out = tmp_path_factory.mktemp("ofd-scan") / "scan.jsonl"
    result = CliRunner().invoke(app, ["scan", *files, "--jsonl", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {Path(r["source"]).name: r for r in rows}


def test_every_sample_gives_exactly_one_record(records: dict[str, dict[str, Any]]) -> None:
    files = sorted(p.name for p in SAMPLES.glob("*.ofd"))
    assert len(files) == 52
    assert sorted(records) == files == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_status_pages_and_warnings(name: str, records: dict[str, dict[str, Any]]) -> None:
    status, pages, warnings = EXPECTED[name]
    record = records[name]
    if status == "ok":
        assert record["status"] == "ok" and record["format"] == "ofd"
        assert record["pages"] == pages
        assert record["text_length"] > 0 and record["suggestion"] is not None
        assert tuple(sorted(w["code"] for w in record["warnings"])) == warnings
    else:
        assert record["status"] == "error"
        assert record["error"]["code"] == status
        assert name in record["error"]["message"]


def _ink(text: str) -> collections.Counter[str]:
    return collections.Counter(
        c for c in text if not c.isspace() and not 0xE000 <= ord(c) <= 0xF8FF and c != "\ufffd"
    )


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e[0] == "ok"))
def test_text_holds_everything_ofdkit_reads(name: str) -> None:
    path = need(SAMPLES / name)
    document, data, error = ingest_file(path, Settings())
    assert document is not None and data is not None, error
    with ofdkit.open(data) as other:
        assert len(other.pages) == document.pages
        missing = _ink(other.text()) - _ink(document.text)
    assert not missing, f"ofdkit reads {''.join(missing.elements())[:40]!r} that we do not"

"""The clerk's report speaks Chinese: every warning under a file is a Chinese sentence.

Warnings are read by clerks in `triage scan` and the nightly summary; their code stays
in the JSON record for programs. A warning message written in English (tracked changes,
comments, pages without a text layer) was the last English a clerk saw in the report.
"""

from __future__ import annotations

import io
import re

from rich.console import Console

from pipeline.config import Settings
from pipeline.report import print_report
from pipeline.scan import scan_file
from tests.conftest import SAMPLES

# names of things that have no Chinese name a clerk would know better
ALLOWED = {"OCR", "Unicode", "JavaScript", "LibreOffice", "XML", "doc", "docx", "wps", "pdf", "ofd"}


def test_every_warning_of_the_demo_is_chinese() -> None:
    records = [scan_file(path, Settings()) for path in sorted(SAMPLES.iterdir())]
    warned = [w for r in records for w in r.get("warnings") or []]
    assert {w["code"] for w in warned} >= {"tracked_changes", "comments"}
    out = io.StringIO()
    print_report(records, Console(file=out, width=400))
    lines = [line for line in out.getvalue().splitlines() if "⚠" in line]
    assert len(lines) == len(warned)
    for line in lines:
        words = set(re.findall(r"[A-Za-z]{3,}", line)) - ALLOWED
        assert not words, line
        assert re.search(r"[\u4e00-\u9fff]", line), line

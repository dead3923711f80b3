"""``triage lexicon check``: duplicates, normalisation, thresholds and neutral-corpus
frequency, each problem naming file and line; the shipped lexicons pass."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import lexicons
from pipeline.analysis.lexicon_check import NEUTRAL, check
from pipeline.cli import app
from tests.conftest import need

SHIPPED = lexicons.LEXICON_DIR
NEUTRAL_TEXT = "\n".join(
    [
        "各地区要加强宣传工作，做好政策解读。",
        "有关部门要会同行业协会开展调研。",
        "国务院常务会议研究部署稳就业工作。",
        "要加大财政资金支持力度，优化营商环境。",
    ]
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "lexicons"
    shutil.copytree(SHIPPED, target)
    (tmp_path / "neutral.txt").write_text(NEUTRAL_TEXT, encoding="utf-8")
    return target


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")


def test_own_copy_passes(folder: Path) -> None:
    result = check(folder, folder.parent / "neutral.txt")
    assert result.ok, result.problems
    assert result.paragraphs == 4


@pytest.mark.parametrize(
    ("lexicon", "line", "kind", "message"),
    [
        ("internal_terms", "不宜评定", "duplicate", "duplicate term '不宜评定' (first on line"),
        ("internal_terms", "ＡＢＣ意见", "not_normalised", "write 'ABC意见'"),
        ("internal_terms", "内部意见 ", "whitespace", "spaces around"),
        ("thresholds", "clause.lone\t0.5", "thresholds", "unknown threshold 'clause.lone'"),
        ("thresholds", "min_score.PHONE\t2", "thresholds", "given twice"),
        ("catalog_topics", "耕地地力保护补贴\t3", "duplicate", "duplicate term"),
        ("person_context", "工作", "too_frequent", "'工作' fires on 2 of 4 neutral paragraphs"),
    ],
)
def test_problems(folder: Path, lexicon: str, line: str, kind: str, message: str) -> None:
    path = folder / f"{lexicon}.txt"
    _append(path, line)
    result = check(folder, folder.parent / "neutral.txt", max_share=0.3)
    assert [p.kind for p in result.problems] == [kind], result.problems
    problem = result.problems[0]
    assert message in problem.message
    assert problem.file == f"{lexicon}.txt"
    if kind != "thresholds":
        assert problem.line == len(path.read_text(encoding="utf-8").splitlines())


def test_gating_terms_count_findings_not_occurrences(folder: Path) -> None:
    # 和 is a listed surname; with it in place of every comma it occurs in every
    # paragraph, yet starts no name: a gating term fires by its findings, not by occurring.
    assert "和" in (folder / "surnames.txt").read_text(encoding="utf-8").split()
    neutral = folder.parent / "neutral.txt"
    neutral.write_text(NEUTRAL_TEXT.replace("，", "和"), encoding="utf-8")
    assert check(folder, neutral, max_share=0.1).ok


def test_cli_exit_codes(folder: Path) -> None:
    runner = CliRunner()
    neutral = str(folder.parent / "neutral.txt")
    ok = runner.invoke(app, ["lexicon", "check", "--dir", str(folder), "--neutral", neutral])
    assert ok.exit_code == 0, ok.output
    assert "lexicon files: ok" in ok.output
    _append(folder / "person_context.txt", "工作")
    bad = runner.invoke(
        app, ["lexicon", "check", "--dir", str(folder), "--neutral", neutral, "--max-share", "0.3"]
    )
    assert bad.exit_code == 1
    assert f"{folder / 'person_context.txt'}:" in bad.output
    assert "1 problem(s)" in bad.output
    missing = runner.invoke(app, ["lexicon", "check", "--neutral", str(folder / "nothing.txt")])
    assert missing.exit_code == 2


def test_shipped_lexicons_pass_on_the_gov_cn_corpus() -> None:
    need(NEUTRAL)
    result = check(SHIPPED, NEUTRAL)
    assert result.ok, [str(p) for p in result.problems]
    assert result.paragraphs > 600
    assert max(s.share for s in result.shares) < 0.1

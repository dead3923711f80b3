"""A paper that carries its 密级 is withheld whole (第十四条); STATE_SECRET is for content
that reveals a secret in a paper WITHOUT a marking (spec/labels.md), so a marked paper's
deployments and figures are no findings to escalate. A work-secret mark (内部★, 工作秘密)
is no 密级: the same content under it is still flagged. Written in other words than the
devset's marked 通知."""

from __future__ import annotations

import pytest

from pipeline.detect.registry import detect

BODY = (
    "关于做好全省秋季农产品交易会期间安全保卫工作的通知\n"
    "各市公安局：\n"
    "　　一、力量部署。交易会期间在主会场周边部署警力410名，其中便衣警力60名；"
    "参会领导驻地各部署警卫力量24名，沿线设置固定执勤点52处、机动巡逻组18个。\n"
    "　　二、有关要求。各单位要严格落实责任。\n\n"
    "某省公安厅\n2025年9月2日\n"
)


def _labels(text: str) -> set[str]:
    return {f.label for f in detect(text)}


@pytest.mark.parametrize(
    "head",
    [
        pytest.param("000123\n秘密★6个月\n特急\n", id="secret-six-months"),
        pytest.param("机密★1年\n", id="confidential"),
        pytest.param("00008　绝密★长期\n", id="top-secret-with-copy-number"),
    ],
)
def test_a_marked_paper_has_its_mark_and_no_state_secret_findings(head: str) -> None:
    labels = _labels(head + BODY)
    assert "SECRET_MARK" in labels
    assert "STATE_SECRET" not in labels


@pytest.mark.parametrize(
    "head",
    [
        pytest.param("", id="unmarked"),
        pytest.param("内部★1年\n", id="work-secret-star"),
        pytest.param("内部资料　注意保存\n", id="internal-material"),
    ],
)
def test_the_same_content_without_a_classification_mark_is_flagged(head: str) -> None:
    assert "STATE_SECRET" in _labels(head + BODY)

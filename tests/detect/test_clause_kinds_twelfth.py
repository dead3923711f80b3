"""The twelfth pass's published near misses (issue 19): for each register of
``pipeline/training/clause_families_eleventh.py``'s INTERNAL families, the wording offices
publish in it — a 考核 公示, a 满意度 result, a 纪检 count of 谈话, a 督查通报, a 公示 after
初审, a 依申请公开 procedure and news of a 批示, an 审计结果公告, a 值班 notice, a 成交公告, a
信访 reply and an 整改 report — must give no clause finding
(``pipeline/training/clause_families_twelfth.py``). All sentences are written for this
project, worded otherwise than the families' templates; names and figures are invented.
"""

from __future__ import annotations

import pytest

from pipeline.detect.clauses import ClauseRecognizer

R = ClauseRecognizer()

PUBLISHED = {
    "P12-grades": "经局考核委员会审定，办公室、法规科等五个科室年度考核为优秀等次，公示期五个工作日",
    "P12-satisfaction": "今年全区政务服务满意度调查共收回问卷一千二百份，总体满意率为百分之九十六点三",
    "P12-talks": "去年全县纪检监察机关运用第一种形态处理三百余人次，占四种形态总数的七成以上",
    "P12-supervision": "督查发现，部分乡镇防汛物资台账不全，现予通报，请于十日内整改到位",
    "P12-first-review": "经资格初审和专家评审，拟将以下十二个项目列入今年科技计划，现予公示",
    "P12-handling": "收到公开申请后，承办科室提出办理意见，经分管领导审签后答复申请人",
    "P12-instruction-news": "市长对城区内涝问题作出批示，要求住建部门立即组织排查",
    "P12-audit": "审计结果公告显示，该局去年超标准列支接待费用的问题已整改完毕",
    "P12-duty": "元旦假期值班安排：每日安排一名带班领导，值班电话0371-65432100",
    "P12-procurement": "机关食堂托管服务项目成交结果公告：成交金额八十六万元，服务期一年",
    "P12-petition-reply": "您反映的小区电梯故障问题，经区住建局核查，维保单位已完成维修，现予答复",
    "P12-rectification": "根据省委巡视反馈意见，县委制定整改方案，明确整改措施四十二条，目前已完成三十五条",
}


@pytest.mark.parametrize("sentence", [pytest.param(s, id=i) for i, s in PUBLISHED.items()])
def test_published_wording_of_the_eleventh_registers_stays_quiet(sentence: str) -> None:
    """The register alone (考核, 测评, 督查, 审计, 信访…) is not a 第十六条 matter."""
    assert [(f.label, f.text) for f in R.analyze("　　" + sentence + "。\n")] == []

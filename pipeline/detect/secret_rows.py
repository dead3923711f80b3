"""State secrets a paper's matter and a table's header make of plain rows and figures (第十四条).

Two things the sentence rules cannot see, read here for a paper that is no published one:

- **a row under a secret header**: in a 征兵 paper a table headed 乡镇⇥男兵任务⇥女兵任务
  lists each place's task number as bare figures (河口镇⇥19⇥1); in a 考务 or 阅卷 paper a
  table headed 题号⇥分值⇥参考答案要点 lists the answers before use. The row has none of
  the words; the header and the paper's matter say what it is. The span is the value cells
  (from the second cell: the first names the row — a 序号, a 乡镇, a 题号 — and a reviewer
  withholds what follows it).
- **a figure before release read as a draft's figure**: "分数线拟定为447分，尚未公布" has
  the INTERNAL lexicon's 拟定, but a figure held back until its official release
  (统计数据, 录取/合格分数线, 灾情疫情数字) is a state secret in the 保密事项范围, the
  stronger ground: the finding keeps its span and takes that label.

And one thing for INTERNAL: in a paper its head names published (公告, 公示, 通告, 公报),
the clause classifier's reading alone is no finding (:func:`model_alone_internal`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.detect.state_secret import state_cue
from pipeline.detect.table_header import cell_start, lines_up, row_finding
from pipeline.finding import Finding

# A 征兵 table's count columns: the task by place (男兵任务, 征集任务数, 名额, 指标, 计划数).
# 计划 alone is no count: a 体检计划时间 or 工作计划 column is the schedule.
RECRUIT_HEAD = re.compile(r"男兵|女兵|征集|兵员|(?:任务|名额|指标)(?:数|人数)?|计划(?:数|人数)")
# A 考务 table's answer or marking columns: what a paper asks and how it is marked.
ANSWER_HEAD = re.compile(r"答案|评分(?:标准|细则|要点)|给分|采分|赋分|答题要点")
# A 命题 paper's list of setters (学科⇥命题人员⇥审题人员): who sets the paper before use.
SETTER_HEAD = re.compile(r"(?:命题|审题)(?:人员|教师|专家|组)?$")
# A 机要 paper's device list (接收单位⇥型号⇥数量⇥责任人): which desk holds which 密码 device.
DEVICE_HEAD = re.compile(r"型号|序列号|设备编号|密钥|^设备$")
FIGURE = re.compile(r"[0-9０-９]")
# The Chinese names of the table rules here (pipeline.detect.judge SOURCE_NAMES).
SECRET_TABLE_SOURCES = {
    "rule:recruit_table": "征兵任务分配表格",
    "rule:answer_table": "启用前试题答案、评分标准表格",
    "rule:setter_table": "启用前试卷的命题、审题人员表格",
    "rule:device_table": "密码设备配发表格",
}
CJK = re.compile(r"[\u4e00-\u9fff]")


# Per paper matter: the header that makes rows secret, what a value must hold, the first
# cell of the span (the row's name before it stays, except a device row's desk, which is
# the secret: which desk holds which device), the ground and the rule's source name.
TABLES = (
    ("recruit", RECRUIT_HEAD, FIGURE, 1, "征兵任务数及其分配", "rule:recruit_table"),
    ("exam", ANSWER_HEAD, CJK, 1, "启用前试题的答案或评分标准", "rule:answer_table"),
    ("exam", SETTER_HEAD, CJK, 1, "启用前试卷的命题、审题人员", "rule:setter_table"),
    ("classified", DEVICE_HEAD, FIGURE, 0, "密码设备的配发单位、型号和数量", "rule:device_table"),
)


def topic_row(text: str, start: int, end: int, topic: str | None, exam: bool) -> Finding | None:
    """The secret a table row holds by its header in a paper about 征兵 (``topic`` is
    ``"recruit"``) or about an exam's papers (``topic`` ``"exam"`` or ``exam``: a 考务,
    命题 or 阅卷 title), or None. The caller has made sure the paper is no published one
    and the row no header."""
    row = text[start:end].rstrip("\n")
    cells = row.split("\t")
    if len(cells) < 2 or not any(c.strip() for c in cells[1:]):
        return None
    header, _caption = lines_up(text, start)
    if header is None:
        return None
    heads = header.split("\t")[1:]
    values = "\t".join(cells[1:])
    for matter, head, value, first, what, source in TABLES:
        if matter not in (topic, "exam" if exam else None):
            continue
        if any(head.search(h) for h in heads) and value.search(values):
            why = f"{what}，未标密级，应报保密工作部门确定（第十四条）"
            a = cell_start(text, start, end, first)
            return row_finding("STATE_SECRET", text, a, end, why, source)
    return None


# The cues of :func:`pipeline.detect.state_secret.state_cue` that name a figure held back
# until its official release.
BEFORE_RELEASE = frozenset({"尚未发布的统计数据", "尚未公布的考试分数线", "尚未发布的灾情疫情数字"})


def release_over_internal(finding: Finding, sentence: str) -> Finding:
    """An INTERNAL finding on a figure not yet released becomes a STATE_SECRET finding
    (same span): the figure's 第十四条 ground is the stronger one."""
    if finding.label != "INTERNAL":
        return finding
    cue = state_cue(sentence)
    if cue not in BEFORE_RELEASE:
        return finding
    why = f"未标密级但涉及国家秘密事项（{cue}），应报保密工作部门确定（第十四条）"
    detail = replace(finding.explanation_detail, sentence=why)
    return replace(finding, label="STATE_SECRET", explanation=why, detail=detail)


def model_alone_internal(finding: Finding) -> bool:
    """An INTERNAL finding only the clause classifier made (no lexicon term, cue or rule):
    in a paper whose head names it published (公告, 公示, 通告, 公报) such a reading is not
    enough — the paper is issued to be read, and its notes on data, procedure and
    candidates share the words of internal drafts."""
    return finding.label == "INTERNAL" and finding.explanation_detail.source == "model:clauses"


# A grade a published result gives (城关镇考核等次为“一般”, 测评结果为“优秀”): the 考核结果
# 公示 publishes it; the 考察 remarks behind it stay internal.
PUBLISHED_GRADE = re.compile(
    r"(?:考核|测评|评议|考评|评定)(?:等次|结果|等级)(?:为|是|确定为|评定为)[“\"]?"
    r"(?:优秀|良好|合格|称职|基本称职|不称职|一般|较好|好|较差|不合格|先进|达标)"
)


def published_grade(finding: Finding, sentence: str) -> bool:
    """An INTERNAL finding on the grade a published 考核结果 paper states: no finding."""
    return (
        finding.label == "INTERNAL"
        and PUBLISHED_GRADE.search(sentence.replace("\n", "")) is not None
    )

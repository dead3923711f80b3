"""What a sentence does in its paper: take a position, leave a matter open, pass on a
private word, assess a person, or tell the content of a secret (the sentence's function).

:mod:`pipeline.detect.clause_context` reads the paper's kind from its head; this module
holds the sentence-level functions it combines with that kind. They are written from the
条例's terms, not from any one wording:

- 第十六条 过程性信息: in a record of several parties (会议记录, 联席会议, 会签), a party
  stating its own view (住建局的想法是…, 财政局表态…) is the deliberation, and a matter
  said to be still open (没有敲定, 意见不一, 再答复) is a decision not yet made; in a handling
  note or an evaluation, what someone said off the record (私下讲, 有人直言) is an unverified
  remark, and a remark addressed to one person (对王某同志：…) is the assessment of them;
- 第十四条: the content of an exam paper before use (…卷的压轴题已定稿，考查…) and a
  recruitment quota given to a place (分给我县的女兵名额只有3个) are secret whatever paper
  they stand in — a published 征兵/考试 notice says how to apply, not the count or the
  questions.
"""

from __future__ import annotations

import re

# A party (a department, an office, a leader by title, a unit) and its own position.
PARTY = (
    r"(?:[\u4e00-\u9fff]{1,8}(?:局|委|办|厅|部|中心|街道|镇|乡|所|站|院|公司)|"
    r"[\u4e00-\u9fff]{1,3}(?:主任|局长|书记|镇长|乡长|县长|区长|科长|处长|部长|同志)|"
    r"(?:部门|单位|科室|各方|有的|有人|个别))"
)
PARTY_POSITION = re.compile(
    PARTY + r"[^，。；]{0,6}?(?:的想法是|的意见是|的态度是|则?希望|表态|主张|倾向于?|坚持|"
    r"持保留|有顾虑|补充说|插话说|提出异议)"
)
# A matter the parties left open: no decision yet, views apart, an answer deferred.
OPEN_MATTER = re.compile(
    r"(?:没有|未能?|尚未|还没有?)(?:敲定|定下来|定论|达成一致|形成(?:一致|共识|结论)|拍板)|"
    r"各说各的|意见不一|分歧较大|存在分歧|争议较大|莫衷一是|"
    r"(?:再|另行)(?:答复|表态|研究|商议|议定)|暂不表态|待[^，。；]{1,12}后再(?:定|议|答复|表态)"
)
# What the paper decided or announces (会议明确/决定, 已公示): no open matter.
SETTLED = re.compile(r"会议(?:明确|决定|同意|认为|强调|要求)|已经?(?:公示|公布|印发|发布)")


def party_position(sentence: str) -> str | None:
    """A party's own stated position or a matter still open, in a record of parties."""
    if SETTLED.search(sentence):
        return None
    m = PARTY_POSITION.search(sentence) or OPEN_MATTER.search(sentence)
    return m.group(0) if m else None


# A word passed on off the record, or said by an unnamed participant (有人直言, 私下讲).
OFF_RECORD = re.compile(
    r"私下(?:讲|说|反映|透露|议论)|据[^，。；]{1,10}(?:私下|透露|悄悄)|"
    r"有人(?:直言|反映|提出|议论|说)|(?:干部|职工)[^，。；]{0,4}(?:反映|直言|议论)"
)
# A remark headed to one person (对王建华同志：…, 王建华同志：…): the assessment of them.
TO_PERSON = re.compile(r"^[ \u3000]*(?:对)?[\u4e00-\u9fff]{2,4}同志[：:]")


def remark_on_person(sentence: str) -> str | None:
    """In an evaluation or a handling note: an off-record word, or a remark to a person."""
    m = OFF_RECORD.search(sentence) or TO_PERSON.search(sentence)
    return m.group(0).strip(" \u3000") if m else None


# The content of a paper before use: which questions it has, what they test.
PAPER = r"(?:试卷|试题|考题|考卷|[语数英物化史地政]{1,2}[文学语理治]?卷|作文题|压轴题|大题|选做题)"
PAPER_CONTENT = re.compile(
    PAPER + r"[^。；]{0,12}?(?:已经?定稿|已(?:经)?确定|确定为|定为|考查|考察|考的是|题型为|出自)"
)
# (…试卷难度适中，重点考查…: a commentary on a paper already sat)
AFTER_EXAM = re.compile(
    r"考后|考试结束|已(?:经)?(?:考完|结束|公布)|答案公布|阅卷|评析|解析|难度(?:适中|较大|偏)|总体评价"
)
# A quota of recruits handed to a place (分给我县的…名额只有3个; 征集任务数为120名).
QUOTA = re.compile(
    r"(?:征兵|征集|新兵|女兵|男兵|兵员|大学生士兵|入伍)[^。；]{0,10}?(?:名额|任务数|指标|计划数)"
    r"[^。；]{0,6}?[0-9０-９一二三四五六七八九十两百]+\s*(?:个|名|人)"
)
# How to apply (可登录…报名, 报名条件): a published 征兵 notice, not a count given to a place.
RECRUIT_NOTICE = re.compile(
    r"(?:可|请|欢迎|网上|登录)[^。；]{0,8}报名|报名(?:条件|时间|方式|地点)|登录|咨询|可向|请于"
)


def secret_content(sentence: str) -> str | None:
    """An exam paper's content before use, or a recruitment quota given to a place."""
    if PAPER_CONTENT.search(sentence) and not AFTER_EXAM.search(sentence):
        return "启用前试卷的内容"
    if QUOTA.search(sentence) and not RECRUIT_NOTICE.search(sentence):
        return "征兵任务数"
    return None

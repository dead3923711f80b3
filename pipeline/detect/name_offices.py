"""Whether a name beside its words is an official's (:func:`official_near`, the judge's
reading of 第二十条), with two ways a 公文 names an official that a title right beside the
name does not show:

- The post after a comma, closing the clause: "被申请人：某区市场监督管理局。法定代表人：
  王东，局长。" — a 复议决定书 or 判决 names the respondent agency's head so (第二十条:
  负责人姓名 is published), though 法定代表人 before it reads as a private role (a
  company's). Only posts of an administrative organ count, never a company's (总经理).
- The second and later names of a 、-run that an official title opens: "执法人员王东、
  李明到现场", "送达人：王东、李明" — the title stands before the first name only.

Written for this project from how 复议决定书, 处罚决定书 and 送达回证 are drafted.
"""

from __future__ import annotations

import re

from pipeline.detect.chinese_name import DOTTED_NAME
from pipeline.detect.name_lookalikes import staff_field
from pipeline.detect.person_name import EMPLOYEE_TITLES, _official_title_near, office_contact
from pipeline.detect.post_cells import post_cell_after
from pipeline.detect.post_grid import post_field
from pipeline.detect.village_posts import village_post
from pipeline.gongwen import GOV_UNIT
from pipeline.lexicons import lexicon_cache, load_terms

# Names published in their public capacity: a news report's byline, a quoted expert.
PUBLIC_BEFORE = ("记者", "通讯员", "新华社", "院士", "教授", "研究员", "专家", "总理", "主席")
# 警号: a police officer's number (交通警察：王东（警号123456）) stands where 执法证号 does.
OFFICIAL_TAIL = ("（执法证", "(执法证", "（执法证号", "（警号", "(警号", "同志", "等同志")
# "王东同志，2012年入伍，…公民身份号码5116…": a 同志 whose own ID the sentence gives is the
# person a 安置/优抚 notice is about, not an official acting in office.
# (read with the line ends taken out: a wrap may fall anywhere in the sentence or the ID)
OWN_ID_AFTER = re.compile(r"同志[，,][^。]{0,70}?(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")
# Villages and residents' committees govern themselves (村民委员会组织法): their cadres are
# not officials of an administrative organ, whose names 第二十条 publishes.
SELF_GOVERNING = re.compile(r"村|居委会|居民委员会|村民小组")
# An office named by its short form right before a name: 城市更新办 何子健, 征收办王东.
SHORT_OFFICE = re.compile(r"[\u4e00-\u9fff]{2,8}(?<![承经协督主举合查])办$")

# Posts of an administrative organ that close a clause after a name.
ORGAN_POSTS = (
    "局长",
    "区长",
    "县长",
    "市长",
    "镇长",
    "乡长",
    "主任",
    "厅长",
    "处长",
    "科长",
    "所长",
    "大队长",
    "队长",
    "站长",
    "院长",
    "省长",
    "州长",
    "旗长",
)
POST_AFTER = re.compile(
    r"[，,]\s?(?:[\u4e00-\u9fff]{0,10}?(?:局|委员会|政府|办公室|中心|大队|所|站))?"
    r"(?:副|常务副)?(?:" + "|".join(ORGAN_POSTS) + r")(?=[。；;，,\n）)]|$)"
)
# A name in a 、-run: two to four characters (a padding space inside), or a dotted name.
# An office's staff handling the matter, named right after the office (已由江镇司法所邝刚
# 调处, 经文昌街道工作人员糜琴现场核实): the office before, a handling verb after.
ACTING_STAFF = re.compile(
    r"(?:司法所|派出所|财政所|街道|办事处|服务中心|服务站|局)(?:工作人员|干部|民警)?$"
)
HANDLING = re.compile(r"[\n]?(?:调处|调解|核实|核查|处理|办理|走访|接待|受理|入户|现场)")
RUN_NAME = r"(?:[\u4e00-\u9fff](?:[\u3000 ]?[\u4e00-\u9fff]){1,3}|" + DOTTED_NAME + ")"


def posted_after(text: str, end: int) -> str | None:
    """The organ's post that closes the clause right after the name ("，局长。"), or None."""
    m = POST_AFTER.match(text, end)
    return m.group(0).lstrip("，, ") if m else None


@lexicon_cache
def _run_after_title() -> re.Pattern[str]:
    titles = sorted(load_terms("official_person_roles"), key=len, reverse=True)
    return re.compile(
        r"(?<![受被])(?P<title>" + "|".join(map(re.escape, titles)) + r")[：:]?\s?"
        r"(?:" + RUN_NAME + r"、){1,5}$"
    )


@lexicon_cache
def _list_after_title() -> re.Pattern[str]:
    """出席：王东，李明　赵强（副主任）: after a title and its colon the run is a list on
    one line, split by ，or spaces as well, each member maybe with its post in brackets."""
    titles = sorted(load_terms("official_person_roles"), key=len, reverse=True)
    return re.compile(
        r"(?<![受被])(?P<title>" + "|".join(map(re.escape, titles)) + r")[：:][ \u3000]?"
        r"(?:" + RUN_NAME + r"(?:[（(][^（）()\n]{1,12}[）)])?(?:[、，,]|[\u3000 ]{1,2})){1,7}$"
    )


def title_before_run(text: str, start: int) -> str | None:
    """The official title that opens a 、-run the name at ``start`` continues (a line end
    may fall in it), or a list on the title's line after its colon; None otherwise."""
    m = _run_after_title().search(text[max(0, start - 40) : start].replace("\n", ""))
    if m is None:
        line = text[max(0, start - 60) : start].rsplit("\n", 1)[-1]
        m = _list_after_title().search(line)
    if m is None:
        return None
    return m.group("title")


def official_near(text: str, start: int, end: int) -> str | None:
    """An official title beside the name (局长王东, 李卫东副区长), a government unit right
    before it (区财政局邹美华, 物业管理科　朱永明) or an 执法证号 after it."""
    title = _official_title_near(text, start, end) or title_before_run(text, start)
    own = OWN_ID_AFTER.match(text[end : end + 120].replace("\n", "")) is not None
    if title == "同志" and own:
        title = None  # the person a notice is about, by their own ID
    if (
        title
        and not text[max(0, start - 6) : start].rstrip("：: \u3000").endswith(EMPLOYEE_TITLES)
        and not SELF_GOVERNING.search(text[max(0, start - 10) : start])
    ):
        return title
    village = village_post(text, start, end)  # 村支书：王东，负责全面工作 (两委 分工)
    if village:
        return village
    staff = staff_field(text, start)  # 分管领导：, 登记人（网格员）：, 政教处： on a signing line
    staff = staff or post_field(text, start)  # 经办民警<TAB>赖浩红, a 包保干部 column
    if staff:
        return staff
    before = text[max(0, start - 6) : start].rstrip("：: \u3000")
    for word in PUBLIC_BEFORE:
        if before.endswith(word):
            return word
    tail = text[end : end + 6]
    posted = posted_after(text, end) or post_cell_after(text, end)  # 李　强　专职调解员
    if posted:
        return posted
    for word in OFFICIAL_TAIL:
        if tail.startswith(word) and not (own and word == "同志"):
            return word.strip("（(")
    before = text[max(0, start - 8) : start].rstrip(" \u3000")
    for unit in GOV_UNIT.finditer(before):  # the last one: 局待遇保障股　白　玛
        if unit.end() == len(before):
            return unit.group(0)
    acting = ACTING_STAFF.search(text[max(0, start - 10) : start])
    if acting and HANDLING.match(text, end):
        return acting.group(0)
    short = SHORT_OFFICE.search(before)
    if short is None and office_contact(text, start, end):
        return "联系人"  # the office's, beside its landline
    return short.group(0) if short is not None else None

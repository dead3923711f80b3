"""Words a name proposer reads as a name though the words around them say they are not one,
and the office's staff a form names under a field the title lexicon cannot hold.

Each rule carries its own cue in the text, so none of them widens what is proposed:

- a masked party (承包方聂某, 邻居王×): the characters before 某/× are a surname and its
  neighbour, not a name — the draft already hides the person (:func:`masked_piece`);
- a place or a trade name that names an institution right after it (双溪中心小学,
  双溪调字第85号, 杨埠社区, 明德律师事务所): the word is part of the institution's name;
- punctuation and one character (4．肖继红 read as ．肖);
- a relation or a nationality read as a name: 其孙(女), 越南籍;
- a register of things (古树名木名录, 文物保护单位名录): its rows name trees, temples and
  bridges and where they stand, so a row without a private number names nobody and no
  home (:func:`thing_register`);
- a signing field of the office's staff: 分管领导：, 登记人（网格员）：, a department's
  field (政教处：, 民政办：) on the signing line (:func:`staff_field`).

Written for this project from how 花名册, 名录, 登记表 and 告知书 are drafted.
"""

from __future__ import annotations

import re

from pipeline.detect.context import line_bounds
from pipeline.detect.proposals import Proposal

# The draft hides the person itself: 聂某, 王某某, 李×.
MASK_AFTER = re.compile(r"[某×Ｘ＊*]")
# An institution or a case number named after its place or its trade name: 双溪中心小学,
# 双溪调字, 杨埠社区, 明德律师事务所.
PLACE_OF = re.compile(
    r"(?:中心小学|小学|初级中学|中学|民族中学|幼儿园|卫生院|派出所|司法所|调字|镇人民政府|"
    r"乡人民政府|街道办事处|村民委员会|居民委员会|律师事务所|事务所|社区(?!矫正|服务令))"
)
CJK_START = re.compile(r"[\u4e00-\u9fff]")
KIN_PIECE = re.compile(r"^其[子女妻夫父母孙兄弟姐妹侄媳婿]{1,2}$")
NATIONALITY = re.compile(r"^[\u4e00-\u9fff]{1,6}籍$")
# A register whose rows are things that stand somewhere, named in its title.
THINGS = re.compile(
    r"(?:古树名木|古树|名木|文物保护单位|文物|历史建筑|传统村落|非物质文化遗产|风景名胜|地名|"
    r"革命遗址|水利工程|桥梁|水库)[^\n]{0,16}(?:名录|目录|清单)"
)
PRIVATE_NUMBER = re.compile(r"(?<![0-9])(?:1[3-9][0-9]{9}|[0-9]{17}[0-9Xx])(?![0-9])")
# Staff fields a 花名册 or 登记表 is signed under; the lexicon's titles are read elsewhere.
STAFF_WORDS = (
    "分管领导",
    "分管负责人",
    "主管领导",
    "登记人",
    "班主任",
    "填报人",
    "统计人",
    "校对人",
    "核对人",
)
STAFF_FIELD = re.compile(
    r"(?:^|[\s\u3000])(?P<title>"
    + "|".join(STAFF_WORDS)
    + r"|[\u4e00-\u9fff]{1,4}(?:处|科|股|办))(?:[（(][^（）()\n]{1,6}[）)])?[：:][ \u3000]*$"
)
# The office's own staff on the same signing line (审核人：…　分管领导：…).
SIGNING_LINE = re.compile(r"(?:经办人|审核人|审批人|承办人|制表人|复核人|负责人|班主任|登记人)")


def masked_piece(text: str, end: int) -> bool:
    """The proposal runs into 某/× (承包方聂某 read as 方聂): a masked person's surname."""
    return MASK_AFTER.match(text, end) is not None


def not_a_name(text: str, start: int, end: int) -> str | None:
    """Why the words at ``start``–``end`` name nobody, or None."""
    value = text[start:end]
    if not CJK_START.match(value) and len(value) <= 2:
        return "以标点开头"  # 4．肖继红 read as ．肖 (one character left: no name)
    if masked_piece(text, end):
        return "后接“某”，是已隐去的姓名"
    if PLACE_OF.match(text, end):
        return "后接机构名称，是地名"
    if KIN_PIECE.match(value):
        return "亲属称谓"
    if NATIONALITY.match(value):
        return "国籍"
    if thing_register(text) and not _private_number_on_line(text, start, end):
        return "名录中的树木、文物或场所"
    return None


def thing_register(text: str) -> bool:
    """The head (title) of ``text`` names a register of trees, relics or places."""
    return THINGS.search(text[:200]) is not None


def _private_number_on_line(text: str, start: int, end: int) -> bool:
    a, b = line_bounds(text, start, end)
    return PRIVATE_NUMBER.search(text[a:b]) is not None


def staff_field(text: str, start: int) -> str | None:
    """The field the name fills is the office's staff's: 分管领导：, 登记人（网格员）:, or a
    department's (政教处：) on a line that also holds a staff field; None otherwise."""
    line_start, line_end = line_bounds(text, start)
    before = text[line_start:start]
    m = STAFF_FIELD.search(before)
    if m is None:
        return None
    title = m.group("title")
    if title in STAFF_WORDS:
        return title
    line = text[line_start:line_end]
    return title if SIGNING_LINE.search(line) else None


def in_register(text: str, proposal: Proposal) -> bool:
    """An address proposal on a row of a register of things (古树 at 某村3组28号旁) with no
    private number on its line: where the thing stands, published with it."""
    return thing_register(text) and not _private_number_on_line(text, proposal.start, proposal.end)

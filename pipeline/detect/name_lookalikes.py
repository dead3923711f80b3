"""Words a name proposer reads as a name though the words around them say they are not one,
and the office's staff a form names under a field the title lexicon cannot hold.

Each rule carries its own cue in the text, so none of them widens what is proposed:

- a masked party (承包方聂某, 邻居王×): the characters before 某/× are a surname and its
  neighbour, not a name — the draft already hides the person (:func:`masked_piece`);
- a place or a trade name that names an institution right after it (双溪中心小学,
  双溪调字第85号, 杨埠社区, 明德律师事务所): the word is part of the institution's name;
- punctuation and one character (4．肖继红 read as ．肖);
- a role word itself (曾用名 read as 曾 + 用名), an everyday word run into a role word
  (当事人陈述, 申请人签名), a three-character dictionary word after a first character
  (非全日制): words, not a name (:func:`role_word`);
- a division's name without its suffix before the suffix or an institution (武鸣区,
  邵阳医学院, 邢台众鑫建筑劳务有限公司): a place (:func:`division_stem`); with a trade
  name's first character, opening a shop's name (章贡吴记副食店: :mod:`place_trades`);
- a relation or a nationality read as a name: 其孙(女), 越南籍;
- a register of things (古树名木名录, 文物保护单位名录): its rows name trees, temples and
  bridges and where they stand, so a row without a private number names nobody and no
  home (:func:`thing_register`);
- a brand opening a shop's name with its goods (某某体育用品专卖店):
  :mod:`pipeline.detect.brand_shops`;
- a village group's number (三组, 七队) or a header's note (证件号（脱敏）):
  :mod:`pipeline.detect.group_cells`;
- a signing field of the office's staff: 分管领导：, 登记人（网格员）：, a department's
  field (政教处：, 民政办：) on the signing line (:func:`staff_field`).

Written for this project from how 花名册, 名录, 登记表 and 告知书 are drafted.
"""

from __future__ import annotations

import re

from pipeline.detect.brand_shops import brand_head
from pipeline.detect.chinese_name import COMMON_WORD_FREQ, tag_words, word_frequency
from pipeline.detect.context import line_bounds
from pipeline.detect.group_cells import group_number, header_note
from pipeline.detect.person_layout import PARTY_ORDINALS
from pipeline.detect.place_trades import division_trade
from pipeline.detect.post_grid import field_word
from pipeline.detect.proposals import Proposal
from pipeline.detect.shop_names import trade_name
from pipeline.detect.trade_words import trade_word
from pipeline.detect.verb_words import everyday_word
from pipeline.lexicons import lexicon_cache, load_terms

# A 民族 (布依族, 土家族, 哈萨克族): a form's cell after 性别, never a name.
ETHNIC_GROUP = re.compile(r"[\u4e00-\u9fff]{1,4}族")
# The draft hides the person itself: 聂某, 王某某, 李×.
MASK_AFTER = re.compile(r"[某×Ｘ＊*]")
# An institution or a case number named after its place or its trade name: 双溪中心小学,
# 双溪调字, 杨埠社区, 明德律师事务所.
PLACE_OF = re.compile(
    r"(?:中心小学|小学|初级中学|中学|民族中学|幼儿园|卫生院|派出所|司法所|调字|镇人民政府|"
    r"乡人民政府|街道办事处|村民委员会|居民委员会|律师事务所|事务所|社区(?!矫正|服务令)|"
    r"司法鉴定所|司法鉴定中心|鉴定所|公证处|"  # 明鉴司法鉴定所: issue 19, twentieth pass
    r"大学|学院|医学院|医院)"
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
    if trade_name(text, start, end):
        return "后接物业公司、超市、酒店等字样，是商号"
    if brand_head(text, start, end):
        return "后接经营品类及专卖店、商行等字样，是商号"  # 某某体育用品专卖店
    if KIN_PIECE.match(value):
        return "亲属称谓"
    if role_word(text, start, end):
        return "身份词或紧接身份词的普通词语"
    if division_stem(text, start, end):
        return "行政区划名称"
    if division_trade(text, start, end):
        return "行政区划简称开头的商号"
    if group_number(value):
        return "村民小组或生产队的编号"  # 组别 cells: 三组, 七队
    if header_note(text, start, end):
        return "栏目名称后括号内的说明"  # 证件号（脱敏）
    if NATIONALITY.match(value):
        return "国籍"
    if ETHNIC_GROUP.fullmatch(value):
        return "民族"  # 姓名，男，布依族，: the 民族 cell of a form, read as 布 + 依族
    if field := field_word(text, start, end):
        return field  # 包保干部 heading a column, 房号： on a form
    if thing_register(text) and not _private_number_on_line(text, start, end):
        return "名录中的树木、文物或场所"
    return trade_word(text, start, end) or everyday_word(text, start, end)


# A three-character dictionary word is no given name (全日制 168, 退休金 …).
WORD_INSIDE_FREQ = 20


def _dictionary_word(word: str) -> bool:
    """jieba knows ``word`` as one word, not as a name (吉尼玛/nr of 德吉尼玛 is one)."""
    tags = tag_words(word)
    return (
        len(tags) == 1
        and not tags[0][1].startswith("nr")
        and word_frequency(word) >= WORD_INSIDE_FREQ
    )


@lexicon_cache
def _role_terms() -> tuple[frozenset[str], tuple[str, ...]]:
    """(every role word, the private ones longest first)."""
    private = tuple(sorted(load_terms("private_person_roles"), key=len, reverse=True))
    return frozenset(private) | frozenset(load_terms("official_person_roles")), private


def role_word(text: str, start: int, end: int) -> bool:
    """The words are a role word (曾用名), or an everyday word (dictionary frequency at
    least ``COMMON_WORD_FREQ``) run straight into a private role word: 当事人陈述 is the
    party's statement, where a name would follow a colon or be no everyday word."""
    value = text[start:end]
    every, private = _role_terms()
    if value in every:
        return True
    if len(value) >= 4 and _dictionary_word(value[1:]):
        return True  # 非全日制: a dictionary word of three characters after the "surname"
    before = text[max(0, start - 8) : start]
    if value[0] in PARTY_ORDINALS and before.endswith(private):
        # 当事人甲韦国庆 read as 甲韦: the party's ordinal, then the name (not 丁, a common
        # surname: 申请人丁志强 is the name; person_name.PARTY_MARK reads the same way)
        return True
    # 当事人陈述, and 当事人的陈述: the party's own word, never a name after 的
    possessive = tuple(p + "的" for p in private)
    return word_frequency(value) >= COMMON_WORD_FREQ and before.endswith(private + possessive)


# An institution a place's name opens: 邵阳农业大学, 邵阳医学院 (the words between short).
INSTITUTION_AFTER = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:大学|学院|医院|学校|公司)")


def division_stem(text: str, start: int, end: int) -> bool:
    """The words are a division's name without its 市/县/区 (武鸣 of 武鸣区, 邵阳 of 邵阳市)
    and the suffix, or an institution it opens, follows: a place, not a person."""
    value = text[start:end]
    if not 2 <= len(value) <= 5 or not any(value + s in _divisions() for s in "市县区旗州"):
        return False
    if len(value) >= 4:
        return True  # 乌鲁木齐, 齐齐哈尔: no name is a four-character division's stem
    return text[end : end + 2].lstrip("\n")[:1] in tuple("市县区旗州") or bool(
        INSTITUTION_AFTER.match(text, end)
    )


@lexicon_cache
def _divisions() -> frozenset[str]:
    from pipeline.detect.address_grammar import division_names

    return frozenset(division_names())


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

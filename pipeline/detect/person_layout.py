"""Names a document's layout gives away: members of a list, items of a numbered list,
cells of a table column of names — proposals for the judge (issue 19), never findings.

Offices list private persons in shapes no role word introduces:

- ``rule:people_list`` — members after a list cue (家庭成员：, 参加人员：, 村民代表：,
  涉及农户有, 成员：…) separated by 、 ， , ； or spaces, each maybe with a note in
  brackets (张三（户主）), the list closed by 等N人 / 共N人 / the line's end; and numbered
  items whose name stands alone on its line or before spaces, a tab or a colon
  (1. 张三 / （2）李四：… / ③王五); and, with no cue, the members of a list a count
  closes (张三、李四等2户);
- ``rule:name_column`` — in rows of cells (tabs, two or more spaces, full-width spaces),
  with or without a header, a column more than half of whose cells read as names (two
  with a surname first; two to four characters, padded, or with a middle dot) and are
  not one word repeated (a category): all its name-shaped cells, or, beside a column of
  ID or phone numbers, those with a surname first.

A member or cell whose title or unit stands right before it (组长：副区长王东, 区住建局王东,
a 包保责任人 cell "社区党委书记 潘振洪") is not one of these shapes: the judge and
:func:`pipeline.detect.judge.official_near` give it the role "official" (第二十条).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.detect.chinese_name import (
    CJK,
    DOTTED_NAME,
    NAME_DOTS,
    plausible,
    surnames,
    tag_words,
    word_frequency,
)
from pipeline.detect.context import cell_bounds
from pipeline.detect.unit_lines import unit_lines

# What may be a name in a list or a cell: Han (padded or not), or a minority name with a
# middle dot (阿依古丽·吐尔逊).
NAME_SHAPE = re.compile(r"[\u4e00-\u9fff](?:[\u3000 \n]?[\u4e00-\u9fff]){1,3}|" + DOTTED_NAME)
# Never a person: a place, a category, a number in words, an anonymised party.
NOT_PERSON = re.compile(
    r"某|元整|[省市县]|(?:人员|对象|户|人|村|镇|乡|区|路|街|巷|组|社区|公司|委会|局|科|站|所)$"
)
# The characters Tibetan, Yi and Mongolian names are transliterated with (次仁旺姆,
# 阿西木呷, 巴特尔): a four-character name without a double surname is written with these.
SYLLABARY = frozenset(
    "次仁旺姆拉巴多吉卓玛扎西尼达瓦米普布边格桑央宗堆顿珠德白索朗平措曲珍洛强益丹增嘎罗旦"
    "克沙马阿苏海俄木呷依则日哈其乌兰和额尔敦那朝鲁斯琴宝音娜孟图雅特加热贡觉泽登"
)
# The ordinals a 事故认定书 or 调解协议 gives its parties (当事人甲, 申请人乙王东): read
# before a name by person_name.PARTY_MARK and name_lookalikes (丁, a common surname, apart).
PARTY_ORDINALS = "甲乙丙"
# The kin a sentence writes right before a household member's name (配偶赵宏伟, 与妻子范爱民):
# read by person_name.KIN_RUN and stripped from a dotted name's start (dotted_names.LEAD).
KIN_BEFORE_NAME = (
    "配偶",
    "妻子",
    "丈夫",
    "儿子",
    "女儿",
    "母亲",
    "父亲",
    "儿媳",
    "女婿",
    "孙子",
    "孙女",
)
# Words a row or list puts where a name stands: a relation to the 户主, a cell's "same".
KIN_WORDS = frozenset(
    [
        "户主",
        "本人",
        "配偶",
        "丈夫",
        "妻子",
        "长子",
        "次子",
        "三子",
        "长女",
        "次女",
        "三女",
        "儿子",
        "女儿",
        "孙子",
        "孙女",
        "外孙",
        "外孙女",
        "儿媳",
        "女婿",
        "父亲",
        "母亲",
        "祖父",
        "祖母",
        "兄弟",
        "姐妹",
        "同上",
        "家庭成员",
        "共有人",
        "继承人",
    ]
)
# A list cue ends with a colon or 有/为/是 (村民代表会议 is no list of 村民代表).
LIST_CUE = re.compile(
    r"(?:家庭成员|同户人员|户内人口|成员|参加人员|参会人员|在场人员|到场人员|出席人员|列席人员|到场群众|群众代表|"
    r"村民代表|居民代表|当事人及家属|家属|申请人一方|共同申请人|共有人|继承人|见证人|涉及农户|"
    r"受助对象|受表彰人员|涉事人员|拟资助学生|工人|职工|组长|副组长|被拖欠工资人员|欠薪人员|"
    r"参保人员|困难群众|低保户|贫困户|脱贫户)"
    # a grid's cell (家庭成员⇥康玉兰（子）、陈凤英（女）) is a cue as much as a colon
    r"(?:[（(][^）)\n]{0,12}[）)])?(?:(?:有|为|是)[：:]?|[：:]|\t)[ \u3000]*"
)
# A space separates members only after two characters or a note: 任　兰 is one padded
# name, 吉克木呷（母亲）　居丹 two members.
SEPARATOR = re.compile(
    r"[、，,；;]|(?:(?<=[\u4e00-\u9fff][\u4e00-\u9fff])|(?<=[）)]))[ \u3000]{1,2}(?=[\u4e00-\u9fff])"
)
# A member's kin word written before the name as its own item (配偶 王秀英、儿子 王建国).
KIN_ONLY = re.compile(
    r"配偶|妻子|丈夫|儿子|女儿|长子|次子|长女|次女|父亲|母亲|孙子|孙女|儿媳|女婿|之子|之女"
)
# A line as long as this that breaks between two characters was wrapped, not ended.
WRAP_WIDTH = 20
NOTE = re.compile(r"[（(][^）)]{0,12}[）)]")
# What closes a list: 等N人, 共N人, 两户, 均…, a full stop, the line's end.
LIST_END = re.compile(r"等|共|[两二三四五六七八九十0-9]+[人户名位]|均|。|\n|$")
COUNTED = re.compile(
    rf"(?P<items>(?:[\u4e00-\u9fff{NAME_DOTS}]{{2,9}}[、，,]){{1,8}}[\u4e00-\u9fff{NAME_DOTS}]{{2,9}}?)"
    r"(?:等|共)?[0-9０-９一二三四五六七八九十两]{1,3}(?:户|人|名)(?![民员大])"
    # 8名同志, 3名干部: officials and cadres under review are not a list of private persons
    r"(?!同志|干部|党员|领导|委员|代表|教师)"
)
NUMBERED = re.compile(
    r"(?m)^[ \u3000]*(?:[（(][0-9一二三四五六七八九十]{1,3}[）)]|[0-9]{1,3}(?:[.．、）)]|\. )"
    r"|[一二三四五六七八九十]{1,3}、|[①-⑳])[ \u3000]*"
    rf"(?P<name>{DOTTED_NAME}|[\u4e00-\u9fff](?:[\u3000 ]?[\u4e00-\u9fff]){{1,3}})"
    r"(?=[ \u3000]*$|[ \u3000\t]|[：:]|[（(][^）)\n]{1,16}[）)])"
)
CELL_SPLIT = re.compile(r"\t|\u3000{2,}| {2,}|(?<=[0-9０-９Xx*＊]) (?=[\u4e00-\u9fff])")
NUMBER_CELL = re.compile(r"[0-9０-９*＊Xx \-]{7,22}")
MIN_ROWS = 2
DIGIT = re.compile(r"[0-9０-９]")


def name_like(value: str, need_surname: bool = True) -> bool:
    """``value`` reads as one person's name: two to four characters (a padding space
    allowed) or a minority name with a middle dot; surname first unless the layout alone
    vouches; never a place, category or everyday word."""
    if not NAME_SHAPE.fullmatch(value) or NOT_PERSON.search(value) or value in KIN_WORDS:
        return False
    flat = re.sub(rf"[\u3000 \n{NAME_DOTS}]", "", value)
    if any(c in value for c in NAME_DOTS):
        return True
    single, double = surnames()
    led = flat[:2] in double or flat[0] in single
    if need_surname and not led:
        return False
    if len(flat) == 4 and flat[:2] not in double and not set(flat) <= SYLLABARY:
        return False  # a four-character phrase (高龄津贴, 整改到位, 于法有据), not a name
    return 2 <= len(flat) <= 4 and word_frequency(flat) < 300


def transliterated(value: str) -> bool:
    """A Tibetan, Yi or Mongolian name without a Han surname (其其格, 扎西多吉, 阿牛木呷): three
    to six characters all of the transliteration syllabary, and no everyday word."""
    flat = re.sub(r"[\u3000 ]", "", value)
    return (
        3 <= len(flat) <= 6
        and set(flat) <= SYLLABARY
        and not NOT_PERSON.search(flat)
        and word_frequency(flat) < 300
    )


def everyday_words(value: str) -> bool:
    """jieba reads an idiom or an everyday word of two characters or more inside."""
    return any(
        flag in ("i", "l")
        or (len(word) >= 2 and not flag.startswith("nr") and word_frequency(word) >= 300)
        for word, flag in tag_words(value)
    )


def wrapped(text: str, pos: int) -> bool:
    """The line break at ``pos`` cuts a long line (a PDF's wrap): the line is long, does
    not end a sentence or a cue, and the next goes on without an indent."""
    line_start = text.rfind("\n", 0, pos) + 1
    return (
        pos - line_start >= WRAP_WIDTH
        and text[pos - 1 : pos] not in ("。", "；", "：", ":", "")
        and bool(CJK.match(text[pos + 1 : pos + 2]))
    )


def list_members(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each member of a list after a cue, when most members read as names."""
    for cue in LIST_CUE.finditer(text):
        pos = cue.end()
        end = len(text)
        for stop in LIST_END.finditer(text, pos):
            # a line ending in 、 goes on (杨兰豪（女）、陈玲金（母）、⏎董娟雪（母）)
            on = text[stop.start() - 1 : stop.start()] in ("、", "，", ",")
            if not (stop.group() == "\n" and (on or wrapped(text, stop.start()))):
                end = stop.start()
                break
        if end - pos < 4 or end - pos > 120:
            continue
        items: list[tuple[int, int]] = []
        last = pos
        for sep in SEPARATOR.finditer(text, pos, end):
            items.append((last, sep.start()))
            last = sep.end()
        items.append((last, end))
        spans = []
        for a, b in items:
            note = NOTE.search(text, a, b)
            if note is not None and note.end() == b:
                b = note.start()
            while a < b and text[a] in " \u3000\n":
                a += 1
            if a < b and not KIN_ONLY.fullmatch(text, a, b):  # 配偶 王秀英: the kin word
                spans.append((a, b))
        # Most members read as names (a Tibetan or Yi name has no Han surname), one at
        # least with a surname first.
        loose = [s for s in spans if name_like(text[s[0] : s[1]], need_surname=False)]
        led = any(name_like(text[a:b]) for a, b in loose)
        if len(spans) >= 2 and led and len(loose) * 3 >= len(spans) * 2:
            yield from loose


def _counted_name(text: str, start: int, end: int) -> bool:
    """A member of a counted list: a name jieba's boundaries agree with when it starts
    with a surname (经调查 is 经|调查), else a name's shape (其其格, 次仁拉姆)."""
    value = text[start:end]
    if everyday_words(value):
        return False  # everyday words inside (经|调查, 据|核实)
    if name_like(value):
        return plausible(text, start, value) or any(c in value for c in NAME_DOTS)
    return name_like(value, need_surname=False)


def counted_members(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the members of a list closed by a count (张三、李四等2户, 王五，赵六
    两人): no cue needed, each member must read as a name where it stands (jieba's
    boundaries agree), one at least with a surname first."""
    for m in COUNTED.finditer(text):
        items, pos = [], m.start("items")
        for item in re.split("[、，,]", m.group("items")):
            items.append((pos, pos + len(item)))
            pos += len(item) + 1
        a, b = items[0]  # may hold the words leading into the list (拖欠你和董立群)
        head = next(
            (
                b - n
                for n in (3, 2, 4)
                if b - n >= a
                and (n == b - a or name_like(text[b - n : b]))  # a piece: surname first
                and _counted_name(text, b - n, b)
            ),
            None,
        )
        if head is None:
            items.pop(0)  # only those words (经调查，)
        else:
            items[0] = (head, b)
        if (
            len(items) >= 2
            and all(_counted_name(text, a, b) for a, b in items)
            and any(name_like(text[a:b]) for a, b in items)
        ):
            yield from items


def numbered_names(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of names that open a numbered item and stand alone or before spaces,
    a tab, a colon or a note in brackets (3. 次仁卓玛（女，62岁）); a name written in the
    transliteration syllabary needs no Han surname there."""
    for m in NUMBERED.finditer(text):
        if name_like(m.group("name")) or transliterated(m.group("name")):
            yield m.start("name"), m.end("name")
    yield from unit_lines(text)  # 刘德富（县人民医院）, one to a line: a 表彰 list


def _rows(text: str) -> Iterator[list[list[tuple[int, int]]]]:
    """Blocks of consecutive lines that split in three or more cells: each row's cells."""
    block: list[list[tuple[int, int]]] = []
    pos = 0
    for line in text.split("\n"):
        cells = [(pos + a, pos + b) for a, b in cell_bounds(line, CELL_SPLIT)]
        if len(cells) >= 3:
            block.append(cells)
        elif block:
            yield block
            block = []
        pos += len(line) + 1
    if block:
        yield block


def name_column(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the cells of a column of names: most of its cells read as names
    (two rows at least), or the cell stands beside an ID or phone number."""
    for block in _rows(text):
        if len(block) < MIN_ROWS:
            continue
        if not DIGIT.search(text[block[0][0][0] : block[0][-1][1]]) and any(
            DIGIT.search(text[r[0][0] : r[-1][1]]) for r in block[1:]
        ):
            block = block[1:]  # the header row: 户主 or 家庭成员 is no one's name
        width = max(len(r) for r in block)
        for col in range(width):
            cells = [r[col] for r in block if len(r) > col]
            values = [text[a:b].strip(" \u3000") for a, b in cells]
            loose = sum(1 for v in values if name_like(v, need_surname=False))
            led = sum(1 for v in values if name_like(v))
            if loose * 2 <= len(values) or len(set(values)) * 2 <= len(values):
                continue  # not a column of names: categories, notes, repeated words
            beside_number = [
                any(
                    0 <= c < len(r) and NUMBER_CELL.fullmatch(text[r[c][0] : r[c][1]].strip())
                    for c in (col - 1, col + 1)
                )
                for r in block
                if len(r) > col
            ]
            column = led >= MIN_ROWS
            for (a, b), value, numbered in zip(cells, values, beside_number, strict=True):
                if (column or numbered) and name_like(value, need_surname=not column):
                    offset = a + text[a:b].index(value[0])
                    yield offset, offset + len(value)

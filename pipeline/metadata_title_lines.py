"""What a line at the head of a 公文 is, for reading its 标题: a title line or a piece of
one, a banner, a note, a subtitle or a speaker's line, an organ's name alone or cut inside,
a body paragraph — the tests :mod:`pipeline.metadata_title` joins and chooses a title by.

Each test looks at one line (or a line and the next) as GB/T 9704-2012 sets a 标题 (二号
小标宋, centred, "回行时，要做到词意完整，排列对称") and as offices type it: blanks or a tab
centring it, ornaments at its ends, a status line under it, letter-spaced banners.
"""

from __future__ import annotations

import re

from pipeline.gongwen import (
    ATTACHMENT_LABEL,
    MARKING,
    ORGAN_SUFFIX,
    SIGNER,
    SPACES,
    clean_line,
    compact,
    doc_type_of,
    is_indented,
    looks_like_agency,
    parse_date,
    parse_doc_number,
)
from pipeline.metadata_fallbacks import SPEAKER
from pipeline.metadata_head import head_marks
from pipeline.metadata_layout import OUTLINE_HEADING
from pipeline.metadata_news import byline, title_note
from pipeline.metadata_speaker import speaker_line

LABEL_LINE = re.compile(r"^[\u4e00-\u9fff（）()]{2,12}[：:]\s*\S")
# A 政府信息公开目录 index row as a PDF gives it, its cells one space apart, no tabs:
# "索引号 11410303…/2024-00123", "发布机构 某某局 生成日期 2024年8月7日".
_INDEX_ROW = re.compile(
    r"^(?:索\s*引\s*号|发布机构|生成日期|成文日期|发布日期|主题分类|公开方式|公开范围|文\s*号)"
    r"[ \u3000]+\S"
)
_PERIOD_LINE = re.compile(
    r"^(?:[0-9０-９]{4}\s*年\s*第\s*[0-9０-９一二三四五六七八九十]+\s*期|"
    r"第\s*[0-9０-９一二三四五六七八九十]+\s*期(?:\s*[（(]总第\s*[0-9０-９]+\s*期[）)])?$)"
)
# A gazette's or a bulletin's masthead as a reprint runs it atop the page, its issue beside
# the name: "某某市人民政府公报　2024年第8期", "第3期　某某政报" — a running head, no title.
_MASTHEAD = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,30}(?:公报|政报|通讯|简报|快报|专报|周刊|月刊|半月刊)[ \u3000]*"
    r"(?:[0-9０-９]{4}\s*年\s*)?第\s*[0-9０-９一二三四五六七八九十]+\s*期"
    r"|(?:[0-9０-９]{4}\s*年\s*)?第\s*[0-9０-９一二三四五六七八九十]+\s*期[ \u3000]+"
    r"[\u4e00-\u9fff]{2,30}(?:公报|政报|通讯|简报|快报|专报|周刊|月刊|半月刊)$)"
)
# A handling note above a draft's title ("仅供局党组会议研究，请勿外传"), not the title.
_HANDLING_NOTE = re.compile(
    r"仅供|请勿|会后收回|未经审定|不得外传|第[一二三四五六七八九十]+次修改稿"
)
# A status, batch or paper (（A卷）) on its own line under the title belongs to it; （节选）
# does not. A rule's status may name its revision and be listed with a comma or a middle
# dot: （2024年修订）, （2024年修订，征求意见稿）, （修订草案，征求意见稿）, （草案·送审稿）.
_STATUS_WORD = (
    r"(?:讨论稿|征求意见稿|送审稿|草案|修改稿|初稿|试行|暂行|代拟稿|审议稿|报批稿|"
    r"(?:[12][0-9]{3}年)?(?:修订|修正|修订草案|修订稿|修正案草案|版)|"
    r"第[0-9０-９一二三四五六七八九十]{1,3}[批期]|[A-DＡ-Ｄ]卷)"
)
STATUS_LINE = re.compile(rf"^[（(]{_STATUS_WORD}(?:[，,、·・]{_STATUS_WORD}){{0,2}}[）)]$")
# A heading's line that goes on from the organ's name above it: "2024年度…报告",
# "第14次常务会议纪要", or the name's own end before 关于 ("局关于…", "办公室关于…").
ORGAN_GOES_ON = re.compile(
    r"^(?:[12][0-9]{3}年|第[0-9一二三四五六七八九十]{1,3}次|[\u4e00-\u9fff]{1,5}关于)"
)
_PAIRS = (("《", "》"), ("（", "）"), ("(", ")"), ("“", "”"))
# A title letter-spaced to fill the line: one character, then blanks, and so on.
# (pieces of two: a PDF joins a spaced title's last character wrapped onto a line alone)
# Digits and brackets are spaced with the words ("2 0 2 4 年 … 公 示", "（ 简 易 程 序 ）").
_SPACED_CHAR = "\u4e00-\u9fff0-9０-９（）()《》"
_LETTER_SPACED = re.compile(f"[{_SPACED_CHAR}]{{1,2}}(?:[ \u3000\u00a0]+[{_SPACED_CHAR}]{{1,2}})+")
# A note under a heading, not a part of it: a sentence ("本计划属涉密事项，按涉密文件管理。")
# or a bracketed remark with a comma ("（涉密文件，注意保管）"). A title has no full stop.
_NOTE_LINE = re.compile(r"^(?:.*。|[（(][^（）()]*[，,；;][^（）()]*[）)])$")
# A subtitle under a heading ("——在全区经济工作会议上的讲话", "——2024年8月27日在…"): it
# says where the paper was read or what it is about, and is no part of the title.
_SUBTITLE = re.compile(r"^[—－]{1,2}[ \u3000]*[^—－ \u3000]")
# A speech's title ends as its subtitle would ("在全区…会议上的讲话").
_SPEECH_END = re.compile(r"上的(?:讲话|致辞|发言|主持词|总结讲话)$")


# An ornament a typist sets at a title's ends (★, ◆, a Wingdings glyph that a PDF gives
# as a private-use character), or a pair of dashes around it ("——…——"): no part of it.
_ORNAMENT = "★☆◆◇■●▲△▼▽※❖✦✧\ue000-\uf8ff"  # not ○ or □: placeholders (○○县)
_ORNAMENTED = re.compile(f"^[{_ORNAMENT}{SPACES}]*(?P<words>.*?)[{_ORNAMENT}{SPACES}]*$")
_DASHED = re.compile(r"^[—－]{1,2}[ \u3000]*(?P<words>.+?)[ \u3000]*[—－]{1,2}$")
# A title wrapped in a narrow cell (a template's middle column): many short lines.
NARROW = 16
MOST_LINES, MOST_NARROW_LINES = 4, 7
# A name that starts with a place: 某某区…, 某某县…, 某某市… (up to four characters in).
_PLACE_START = re.compile(r"^[\u4e00-\u9fff]{1,4}?[省市县区州旗盟]")
_NAME_REST_MIN, _NAME_REST_MAX = 5, 20  # an organ's name's longer rest on the next line
_PIECE_MAX, _PIECE_REST_MAX = 30, 60  # a hand-centred title's first piece, and its rest
_BANNER_MAX = 6  # characters of a banner line: "专题会议纪要", "询问笔录"
# A title line this long that ends in a type word may be cut inside a longer one
# ("麻城市2025年度政府信息" / "公开工作年度报告"); a shorter one is a whole heading.
_CUT_WORD_MIN = 12


# A line centred by blanks typed on both sides ("　　…的通知　　"): a body paragraph's
# indent has no blanks after its end.
_PADDED = re.compile(r"^(?:\u3000|  )+[^ \u3000].*?(?:\u3000|  )+$")


def printed_width(s: str) -> float:
    """A line's printed width in characters: a digit or a Latin letter is half of one."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in s)


def plain(line: str) -> str:
    """A head line as a title reads: the ornaments at its ends taken off (its indent
    kept), a leading tab (a title pushed to the middle by a tab, or set in a table's
    middle cell), the blanks centring a status line （征求意见稿） or a line padded on both
    sides taken off. A line of
    marks (秘密★1年) or of ornaments only is left as it is."""
    line = line.lstrip("\t")
    s = clean_line(line)
    if STATUS_LINE.match(compact(s)) or _PADDED.match(line):
        return s  # centred by blanks on both sides: no paragraph's indent
    if head_marks(s) is not None:
        return line
    dashed = _DASHED.match(s)
    words = _ORNAMENTED.match(dashed["words"] if dashed else s)
    if words is None or not words["words"] or words["words"] == s:
        return line
    return line[: len(line) - len(line.lstrip(SPACES))] + words["words"]


def title_words(title: str) -> str:
    """A letter-spaced title (询 问 笔 录, 答　　复　　书, 询　问 笔　录) is read as its
    words: the spacing is the printer's, and a PDF gives it as U+3000 or as spaces, one or
    the other or both by the producer, so only the words read the same from every file."""
    spaced = _LETTER_SPACED.fullmatch(title) and len(compact(title)) <= 30
    return compact(title) if spaced else title


_LONG_TITLE_MAX = 150  # characters of a title typed as one paragraph


def is_body_line(line: str) -> bool:
    """A paragraph of the body: indented, or holding a sentence's end, or long — but a
    关于-title of many clauses typed as one paragraph (a 转发 chain, a subject listing
    its tasks with 、) is long too and holds no sentence punctuation."""
    s = clean_line(line)
    if is_indented(line) and len(s) > 2:
        return not _organ_mark(s)
    if re.search(r"[。；！？]", s[:-1]):
        return True
    long_title = (  # its kind may follow on the next line ("…确保各项任务按期完成" / "的通知")
        len(s) <= _LONG_TITLE_MAX and "关于" in s and not re.search(r"[。；;！!？?，,：:]", s)
    )
    return len(s) > 60 and not long_title


def _organ_mark(s: str) -> bool:
    """The 发文机关标志 (…局文件, or the organ's name alone, as a 函's head): centred by a
    hand whose blanks came to an indent's width ("　   某某区人民政府办公室文件") — it is
    the 版头's line, never a paragraph."""
    name = compact(s)
    return looks_like_agency(name[:-2] if name.endswith("文件") else name)


def unclosed(s: str) -> bool:
    """A title broken inside 《…》 or （…）: the next line continues it."""
    return any(s.count(a) > s.count(b) for a, b in _PAIRS)


def title_like(s: str) -> bool:
    return "关于" in s or doc_type_of(s) is not None


def about_goes_on(joined: str, nxt: str) -> bool:
    """Whether a title that already ends in a type word goes on on the next line: a line
    starting with 的 or a closing bracket, a bare type word (…名单 / 公示（第一批）), or
    the 的+type of a 关于-title whose subject held the first type word ("…关于印发《…管理
    办法》" / "的通知", "…关于…国土空间分区规划" / "（2021—2035年）的批复")."""
    if doc_type_of(joined + nxt) is None:
        return False
    if nxt.startswith(("的", "》", "）", ")")):
        return True  # no element of a 公文 starts so: it is the title's rest
    bare = re.sub(r"[（(][^（）()]{1,12}[）)]$", "", nxt)
    if doc_type_of(bare) == bare:
        return True  # "…拟录用人员名单" / "公示（第一批）": the type word on its own
    if "关于" not in joined or "的" not in nxt:
        return False
    subject = joined.split("关于", 1)[1]
    return "的" not in subject or joined.endswith("》")


def cut_in_a_word(joined: str, line: str) -> bool:
    """A long title line that ends in a type word only by where it was cut ("…联审意见" /
    "汇总（讨论稿）", "…2024年8月行政处罚决定" / "信息公示"): the next line is no
    heading, no organ's name alone, and the two together still end in a type word."""
    s = clean_line(line)
    # a shorter line too when the next names another kind: "银行保险机构信息" /
    # "科技外包风险管理办法" (信息 was a word of the subject, the kind is 办法)
    other_kind = doc_type_of(joined + s) not in (None, doc_type_of(joined))
    return (
        (len(joined) >= _CUT_WORD_MIN or other_kind)
        and title_candidate(line)
        and not OUTLINE_HEADING.match(s)
        and not re.fullmatch(r"[（(][^（）()]*[）)]", s)  # （节选） is no part of it
        and not looks_like_agency(s)
        and doc_type_of(joined + s) is not None
    )


def indented_tail(joined: str, line: str) -> bool:
    """The rest of a title typed with a centring indent ("　　防汛抗旱工作的通知"): short,
    no sentence punctuation, and it ends the unfinished title with a type word. A table
    row (cells joined by TABs: "送达文书名称及文号\t…决定书（…号）") is none: it names the
    paper a form is about, under the form's own name."""
    s = clean_line(line)
    if "\t" in line:
        return False
    unfinished = doc_type_of(joined) is None or joined.endswith(("关于", "的"))
    return (
        unfinished
        and 0 < len(s) <= 30
        and not re.search(r"[。；！？，：:]", s)
        and doc_type_of(joined + s) is not None
    )


def _indented_title(line: str) -> bool:
    """A whole title typed with a paragraph's indent to centre it ("　　关于…的通知"): it
    names its type and holds no sentence punctuation, which a body paragraph does."""
    s = clean_line(line)
    if len(s) > 60 or not title_like(s) or re.search(r"[。；！？：:]", s):
        return False
    # one comma in a 关于-title of two clauses (…排查整治，坚决遏制…): a paragraph
    # opening with 关于 goes on in sentences (关于…问题，经研究，…)
    return s.count("，") + s.count(",") == 0 or (
        s.count("，") + s.count(",") == 1 and _ABOUT_OPEN.match(s) is not None
    )


_ABOUT_OPEN = re.compile(r"^[\u4e00-\u9fff]{0,30}?关于[^，,]{4,}[，,]")


def name_cut(s: str, nxt: str) -> bool:
    """A heading wrapped inside the organ's name ("…卫生健康委" / "员会2024年度…报告"):
    an organ's suffix runs over the break, and the two lines together name a type."""
    ends = ORGAN_SUFFIX.search(compact(s))
    whole = ends is not None and len(ends.group(1)) > 1  # "…街道办事处": a name ends there
    for k in range(1, min(4, len(nxt)) + 1):
        m = ORGAN_SUFFIX.search(compact(s + nxt[:k]))
        straddles = m is not None and m.start() < len(compact(s)) and len(m.group(0)) > 1
        # or the name's last word on the next line ("…和社会" / "保障局2024年度…"; four
        # characters only after a cut word: "…和社" / "会保障局2025年度…")
        short = k <= 3 or (k == 4 and not whole)
        tail = m is not None and short and bool(ORGAN_GOES_ON.match(nxt[k:]))
        if straddles or tail:
            return doc_type_of(s + nxt) is not None
    # a longer rest of the name on the next line, up to where the heading goes on ("…蒸湘区科"
    # / "学技术和工业信息化局关于…", "…2024年第6批…公告"), cut after a one-character
    # suffix; a 标志 over a title that names an organ of its own starts with a place
    # ("…自然资源和规划局" / "邗江区人民政府第26次常务会议纪要"), or repeats its own
    rest = compact(nxt)
    if whole or rest.startswith(compact(s)[:2]) or _PLACE_START.match(rest):
        return False
    for k in range(_NAME_REST_MIN, min(len(rest), _NAME_REST_MAX) + 1):
        goes_on = rest[k:].startswith("关于") or ORGAN_GOES_ON.match(rest[k:])
        if goes_on and looks_like_agency(s + rest[:k]):
            return doc_type_of(s + nxt) is not None
    return False


def centred_pieces(lines: list[str], head: list[int], consumed: set[int]) -> list[int]:
    """The head lines that a plain editor's hand centring left looking like a paragraph's
    indent: a title's lines padded by one or two blanks each, by a count of their own
    ("　　开封市鼓楼区" / "2024年度…公报", "　科学技术和工业" / "信息化局关于…的批复"). A
    line is one when it is short, holds no sentence punctuation, and runs on, with the
    lines under it that hold none either, to a title naming its type — or a speech's, which
    names none: to "…上的讲话", or over its subtitle or speaker. Read up to the first line
    that is a body paragraph."""
    pieces: list[int] = []
    for pos, i in enumerate(head):
        if i in consumed or not is_body_line(lines[i]) or _indented_title(lines[i]):
            continue
        s = clean_line(lines[i])
        if not _piece(s, _PIECE_MAX):
            break  # a body paragraph: the head ends here
        joined = s
        for j in head[pos + 1 : pos + 4]:
            nxt = clean_line(lines[j])
            if j not in consumed and _under_title(lines[j]):
                pieces.append(i)  # a speech's title, its subtitle or speaker under it
                break
            if j in consumed or not _piece(nxt, _PIECE_REST_MAX):
                break
            joined += nxt
            if _SPEECH_END.search(joined) or (
                doc_type_of(joined) is not None and not joined.endswith(("关于", "的"))
            ):
                pieces.append(i)
                break
        else:
            break
        if not pieces or pieces[-1] != i:
            break
    return pieces


def _piece(s: str, most: int) -> bool:
    """A line that may be a piece of a title: short, no sentence punctuation, no heading,
    date, number, mark or label."""
    return (
        0 < len(compact(s)) <= most
        and not re.search(r"[。；;！!？?，,：:]", s)
        and not OUTLINE_HEADING.match(s)
        and parse_date(s) is None
        and parse_doc_number(s) is None
        and head_marks(s) is None
        and not MARKING.search(s)
        and not ATTACHMENT_LABEL.match(s)
    )


def title_candidate(line: str) -> bool:
    s = clean_line(line)
    if not s or "\t" in s or (is_body_line(line) and not _indented_title(line)):
        return False  # a table row (索引号, 发布机构 …) above the title is none of it
    if s.endswith(("：", ":")) or LABEL_LINE.match(s) or _PERIOD_LINE.match(s):
        return False
    if _MASTHEAD.match(s):
        return False  # a reprint's running head: the gazette, its issue
    if _INDEX_ROW.match(s) or _organ_and_date(s):
        return False
    if _NOTE_LINE.match(s) or _SUBTITLE.match(s):
        return False
    if len(compact(s)) <= 40 and (SPEAKER.match(compact(s)) or speaker_line(s)):
        return False  # the speaker's line under a speech's title ("…区长　王建华")
    if _HANDLING_NOTE.search(s) or ATTACHMENT_LABEL.match(s) or MARKING.search(s):
        return False  # "附件2" above an attachment's title, "（此件公开发布）" atop
    if STATUS_LINE.match(compact(s)):
        return False  # "（送审稿）" above the title; under it, run_from takes it
    if byline(s) or title_note(s):
        return False  # 来源：…, 2025-12-05 08:51, 新华社…电; a law's 题注 (…通过 …)
    if parse_date(s) is not None and len(compact(s)) < 16:
        return False
    number = parse_doc_number(s)
    if number is not None and cites_a_paper(s, number.agency_code):
        number = None  # "关于某区〔2025〕8号文件" / "执行情况的报告": the number is cited
    return not (SIGNER.search(s) or head_marks(s) is not None or number is not None)


def cites_a_paper(s: str, code: str) -> bool:
    """Whether ``s`` names another paper by its number after 关于 (a title's line: 关于
    某区〔2025〕8号文件执行情况的报告; the number's reader takes 关于某区 as its code), not a
    发文字号 line, whose own code opens it."""
    at = s.find(code)
    return "关于" in code or (at > 0 and "关于" in s[:at])


def banner(s: str) -> bool:
    """A short line that only names the kind of paper: letter-spaced ("通　　告", "询 问
    笔 录") or a bare type word with a qualifier at most ("会议纪要", "专题会议纪要", "督查
    通报"). Over a 纪要's or a 通报's own title it is the series' banner, and it is the
    title only when no fuller one follows. Spaced or not, it names a type: a place with
    a space in it ("邯郸市 丛台区") over the rest of a heading is the heading's first line."""
    if len(compact(s)) > _BANNER_MAX or doc_type_of(s) is None:
        return False
    spaced = re.fullmatch(r"[\u4e00-\u9fff]{1,3}(?:[ \u3000]+[\u4e00-\u9fff]{1,3})+", s)
    return bool(spaced) or re.fullmatch(r"[\u4e00-\u9fff]+", s) is not None


def _organ_and_date(s: str) -> bool:
    """A line of an organ's name and, apart, a whole date ("…人民政府办公室　　　　2024年5月
    20日", a 纪要's or a 简报's line under its banner): a 署名, never a title's line."""
    parts = re.fullmatch(f"(?P<organ>.+?)[{SPACES}]+(?P<date>[^{SPACES}]+)", s)
    if parts is None or not looks_like_agency(parts["organ"]):
        return False  # (a PDF may give the gap as one space)
    found = parse_date(parts["date"])
    return found is not None and found[1] == 0 and found[2] == len(parts["date"])


def _under_title(line: str) -> bool:
    """A line that a speech sets under its title: the subtitle ("——在…上的讲话") or the
    speaker ("…人民政府区长　王建华")."""
    s = clean_line(line)
    if len(compact(s)) > 40:
        return bool(_SUBTITLE.match(s))
    return bool(_SUBTITLE.match(s) or SPEAKER.match(compact(s)) or speaker_line(s))


def speech_title(
    lines: list[str], head: list[int], consumed: set[int]
) -> tuple[str, int, int] | None:
    """A speech's title names no type, so no other reading finds it; its subtitle or its
    speaker's line says where it ends: the title is the lines right above (up to three,
    wrapped anywhere — a line may end in 局 as in "…发展大局" and be no organ's name).
    Returns the title, its last line and the head position of its first."""
    for pos, i in enumerate(head[:8]):
        if i in consumed or not _under_title(lines[i]):
            continue
        first = pos
        while (
            first > 0
            and pos - first < 3
            and head[first - 1] not in consumed
            and title_candidate(lines[head[first - 1]])
        ):
            first -= 1
        if first == pos:
            return None
        return "".join(clean_line(lines[j]) for j in head[first:pos]), head[pos - 1], first
    return None

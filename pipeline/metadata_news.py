"""The head of a news item, a web page or a reprinted law, as offices file them beside their
公文: a headline, then a byline (来源：…, 作者：…, 发布时间：…), a publication time stamp
(2025-12-05 08:51) or a news agency's dateline (新华社北京9月1日电), and under a law's or a
regulation's title its 题注 ((1999年4月29日…会议通过 根据…修正)).

None of these lines is a title or a piece of one: a time stamp is no title though it is
short and has no sentence punctuation, and a dateline or a 题注 set under a headline does
not continue it. A byline straight under the first line says the first line is the
headline, even when it holds a colon or a comma (卡组织争相布局新兴市场：银联…，Visa…), which
a 公文's title never does and the title readers therefore refuse.
"""

from __future__ import annotations

import re

from pipeline.gongwen import clean_line, compact

# 来源：…, 作者：…, 发布时间：… (labels with or without their colon, as web pages print them)
_BYLINE_LABEL = re.compile(
    r"^(?:来\s*源|作\s*者|记\s*者|编\s*辑|责任编辑|发布时间|发布日期|发表时间|稿\s*源|"
    r"信息来源|文章来源|浏览次数|点击数)\s*[：:]"
)
# a time stamp in figures: 2025-12-05, 2026/02/13 19:21:52, 2025.12.05 08:51
_STAMP = re.compile(
    r"^(?:19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}(?:[ T\u3000]*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$"
)
# a news agency's or a paper's dateline: 新华社北京9月1日电, 中新网上海3月2日电, 本报讯
_DATELINE = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,8}(?:社|网|报|台)[\u4e00-\u9fff]{0,8}"
    r"[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:电|讯)|本报讯)"
)
# a law's 题注 under its title: the dates it was adopted, amended or promulgated
_TITLE_NOTE = re.compile(
    r"^[（(](?:[^（）()]*?)[0-9０-９一二三四五六七八九十〇○零]{1,4}年"
    r"[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日"
    r".*?(?:通过|公布|发布|修正|修订|施行|批准)"
)
_HEADLINE_MAX = 60  # characters of a headline; a longer first line is a paragraph
_SENTENCE_END = re.compile(r"[。；;！!？?]$")


def byline(line: str) -> bool:
    """Whether ``line`` is a news item's byline, time stamp or dateline: never a title."""
    s = compact(clean_line(line))
    return bool(_BYLINE_LABEL.match(s) or _STAMP.match(s) or _DATELINE.match(s))


def title_note(line: str) -> bool:
    """Whether ``line`` opens a law's 题注 ((…年…月…日…通过 …)): under a title, no part of it."""
    return bool(_TITLE_NOTE.match(compact(clean_line(line))))


def headline(lines: list[str], head: list[int], consumed: set[int]) -> tuple[str, int, int] | None:
    """The head's first line when a byline, time stamp or dateline follows it: the item's
    headline, its title. A headline a page or a PDF wrapped (:func:`_wrapped`) is joined.
    Returns the title, its first line and its last line, or None."""
    free = [i for i in head if i not in consumed]
    if len(free) < 2 or byline(lines[free[0]]):
        return None
    if byline(lines[free[1]]):
        title, last = clean_line(lines[free[0]]), free[0]
    elif (wrapped := _wrapped(lines, free)) is not None:
        title, last = wrapped
    else:
        return None
    if not title or len(compact(title)) > _HEADLINE_MAX or _SENTENCE_END.search(title):
        return None
    return title, free[0], last


def _wrapped(lines: list[str], free: list[int]) -> tuple[str, int] | None:
    """A headline wrapped over two lines, or over three when a break falls inside its
    brackets ("…专项规划" / "（2024" / "—2035年）》"): the byline under its last line, no
    line a byline, none but the last with a sentence end. A line opening with a dash or a
    bracket goes on from the line above only when that left a bracket open; else it is a
    subtitle or a note under the headline, and the title is unsure. Returns the title and
    its last line."""
    for k in (2, 3):
        if len(free) <= k or not byline(lines[free[k]]):
            continue
        parts = [clean_line(lines[i]) for i in free[:k]]
        if any(byline(lines[i]) for i in free[1:k]) or any(map(_SENTENCE_END.search, parts[:-1])):
            return None
        inside = [_opened("".join(parts[:n])) for n in range(1, k)]  # each break
        for part, opened in zip(parts[1:], inside, strict=True):
            if part.startswith(("——", "—", "（", "(")) and not opened:
                return None
        if k == 3 and not any(inside):
            return None  # three lines: only a break inside a bracket says they are one
        return "".join(parts), free[k - 1]
    return None


def _opened(s: str) -> bool:
    """Whether ``s`` leaves a bracket open (《…, （…): the next line goes on inside it."""
    return any(s.count(a) > s.count(b) for a, b in (("《", "》"), ("（", "）"), ("(", ")")))

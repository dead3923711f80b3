"""The 标题 and the 主送机关 of a 公文, and its 发文机关标志 when the 版头 shows one.

The title is looked for after the 发文字号 (its GB/T 9704 place), else among the head's
title-like lines (关于…的通知, 行政处罚决定书, …公示); a title wrapped over up to four lines
is joined back: the issuer's name on one line and 关于… on the next, a break inside
《》 or （）, a status line such as （征求意见稿） under it. A letter-spaced banner
(通　　告, 询 问 笔 录) is the title only when nothing better follows, and is read as its
words (询问笔录): the spacing is the printer's. How Word drafts set a title is undone
first: ornaments at its ends (★, ——…——), a tab or blanks on both sides centring it, a
title wrapped in a template's narrow cell over up to seven short lines. A short banner
(会议纪要, 专题会议纪要) gives way to the fuller title under it; a speech's title, which names
no type, ends at its subtitle ("——在…上的讲话") or its speaker's line.
"""

from __future__ import annotations

import re

from pipeline.gongwen import (
    ATTACHMENT_LABEL,
    SPACES,
    clean_line,
    compact,
    doc_type_of,
    is_indented,
    looks_like_agency,
)
from pipeline.metadata_head import issuer_mark_of
from pipeline.metadata_layout import OUTLINE_HEADING
from pipeline.metadata_minutes import minutes_mark
from pipeline.metadata_model import Metadata
from pipeline.metadata_news import headline
from pipeline.metadata_title_lines import (
    LABEL_LINE,
    MOST_LINES,
    MOST_NARROW_LINES,
    NARROW,
    ORGAN_GOES_ON,
    STATUS_LINE,
    about_goes_on,
    banner,
    centred_pieces,
    cut_in_a_word,
    indented_tail,
    is_body_line,
    name_cut,
    plain,
    printed_width,
    speech_title,
    title_candidate,
    title_like,
    title_words,
    unclosed,
)


def read_title_and_addressees(
    meta: Metadata,
    lines: list[str],
    idx: list[int],
    doc_number_line: int | None,
    consumed: set[int],
) -> None:
    # Ornaments at a title's ends are no part of it (a copy: the 落款 reads the lines).
    lines = [
        plain(line) if i in idx[:16] and i not in consumed else line for i, line in enumerate(lines)
    ]
    for i in centred_pieces(lines, idx[:16], consumed):
        lines[i] = lines[i].lstrip(SPACES)  # blanks centring a title's line, no indent
    # The head ends at the first body paragraph; the addressee line ends the title.
    head: list[int] = []
    for i in idx[:16]:
        if i in consumed:
            head.append(i)
            continue
        s = clean_line(lines[i])
        if is_body_line(lines[i]) and not title_like(s):
            break
        head.append(i)
        if s.endswith(("：", ":")) and not LABEL_LINE.match(s) and not ATTACHMENT_LABEL.match(s):
            break

    def run_from(start_pos: int) -> tuple[str, int] | None:
        """Join a title wrapped over up to 4 lines starting at head[start_pos] (7 short
        ones: a title wrapped in a template's narrow cell)."""
        first = head[start_pos]
        parts = [clean_line(lines[first])]
        last = first
        # the organ's line right above a line going on from it ("…数据资源管理局" /
        # "2024年度政府信息" / "公开工作年度报告"): the printed title is the two together
        above = clean_line(lines[head[start_pos - 1]]) if start_pos else ""
        lead = above if ORGAN_GOES_ON.match(parts[0]) and looks_like_agency(above) else ""
        for pos in range(start_pos + 1, len(head)):
            narrow = all(printed_width(part) <= NARROW for part in parts)
            if pos - start_pos >= (MOST_NARROW_LINES if narrow else MOST_LINES):
                break
            joined = "".join(parts)
            nxt = head[pos]
            nxt_s = clean_line(lines[nxt])
            ended = doc_type_of(joined) is not None and not joined.endswith(("关于", "的"))
            if ended and "关于" not in joined and ORGAN_GOES_ON.match(nxt_s) and "关于" in nxt_s:
                ended = False  # "…自然资源和规划" / "局关于…": the break is inside the name
            if ended and (about_goes_on(joined, nxt_s) or cut_in_a_word(lead + joined, lines[nxt])):
                ended = False
            if ended and not unclosed(joined):
                # "（试行）" under it; or the kind's last character a wrap set alone
                if (STATUS_LINE.match(compact(nxt_s)) or _kind_goes_on(joined, nxt_s)) and (
                    nxt not in consumed
                ):
                    parts.append(nxt_s)
                    last = nxt
                break
            # a number cut by a narrow cell's wrap ("…表彰" / "202" / "4年度…")
            cut_number = re.fullmatch(r"[0-9]{1,3}", nxt_s) and doc_type_of(joined) is None
            candidate = (
                title_candidate(lines[nxt]) or indented_tail(joined, lines[nxt]) or cut_number
            )
            if (not candidate and not unclosed(joined)) or nxt in consumed:
                break
            if OUTLINE_HEADING.match(nxt_s):
                break
            cut_name = not looks_like_agency(joined) and looks_like_agency(joined + nxt_s)
            organ = looks_like_agency(nxt_s) and doc_type_of(nxt_s) is None
            about = "关于" in joined + nxt_s[:1]  # "…人民政府关" / "于…": 关于 cut by a wrap
            if organ and not about and not cut_name:  # "…综合行政执" / "法局": one
                break
            parts.append(nxt_s)
            last = nxt
        title = "".join(parts)
        return (title, last) if title_like(title) or len(parts) == 1 else None

    candidates = [p for p, i in enumerate(head) if i not in consumed and title_candidate(lines[i])]
    chosen: tuple[str, int] | None = None
    start: int | None = None
    banners: list[int] = []
    after = [p for p in candidates if doc_number_line is not None and head[p] > doc_number_line]
    before = [p for p in candidates if p not in after]
    # Prefer a title after the 发文字号 (the GB/T 9704 place); else a title-like line
    # (关于…的通知, 行政处罚决定书, …公示) that is not just the agency's name.
    # a news item's headline, a byline or a dateline under it: no 公文 title reading applies
    # (read over the first lines, not the head: a wrapped headline's second line may be
    # indented as a page or a PDF sets it, which ends the head as a body line would)
    news = headline(lines, idx[:16], consumed)
    if news is not None:  # its first line indented at times (a page's centring): no head
        at = head.index(news[1]) if news[1] in head else 0
        chosen, start, after, before = (news[0], news[2]), at, [], []
    for group in (after, before):
        for p in group:
            s = clean_line(lines[head[p]])
            nxt = clean_line(lines[head[p + 1]]) if p + 1 < len(head) else ""
            more = clean_line(lines[head[p + 2]]) if p + 2 < len(head) else ""
            organ = looks_like_agency(s) and doc_type_of(s) is None and "关于" not in s
            if organ and not (name_cut(s, nxt) or (more and name_cut(s, nxt + more))):
                continue  # the organ's name alone, unless the heading goes on inside it
            if compact(s).endswith("文件") and looks_like_agency(compact(s)[:-2]):
                continue  # the 标志 (…人民政府文件) over a title with no 发文字号 yet
            if banner(s) or minutes_mark(s):
                banners.append(p)  # "通　　告" above the real title, or "询 问 笔 录" alone
                continue
            result = run_from(p)
            if result and title_like(result[0]):
                chosen, start = result, p
                break
        if chosen:
            break
    if chosen is None and (speech := speech_title(lines, head, consumed)) is not None:
        chosen, start = (speech[0], speech[1]), speech[2]
    if chosen is None and banners:
        chosen, start = (clean_line(lines[head[banners[0]]]), head[banners[0]]), banners[0]
        if start + 1 < len(head) and head[start + 1] not in consumed:
            tail = clean_line(lines[head[start + 1]])
            if _kind_goes_on(chosen[0], tail):  # "行　政　处　罚　决　定" / "书"
                chosen = (chosen[0] + tail, head[start + 1])
    if chosen is None:  # a heading no type names ("…工作总结暨…工作计划"): under the
        # 发文字号 first, as GB/T 9704 places the title; never the 标志 ("某某局文件")
        for p in (*after, *before):
            s = clean_line(lines[head[p]])
            if not looks_like_agency(s) and not compact(s).endswith("文件"):
                chosen, start = run_from(p), p
                break
    goes_on = chosen is not None and ORGAN_GOES_ON.match(chosen[0])
    named = chosen is not None and looks_like_agency(chosen[0].split("关于", 1)[0])
    if chosen is not None and start and (chosen[0].startswith("关于") or goes_on or named):
        # Under the 版头 and 发文字号, "成都市成华区人民政府办公室" on one line and
        # "关于印发…的通知" on the next are one title; the 版头 itself is not part of it.
        # So are "某某局" / "2024年度…报告" and "…人民政府" / "办公室关于…的通知".
        chosen = (organs_above(lines, idx, head, start, consumed, chosen[0]), chosen[1])
    if chosen is not None:
        # a PDF reader joins a line wrapped inside a number with a space ("20 24年", "（202
        # 1—2035年）"): no title spaces two digits apart (a letter-spaced title is read as
        # its words first: "2 0 2 4 年 … 公 示")
        meta.title = re.sub(r"(?<=[0-9]) (?=[0-9])", "", title_words(chosen[0]))
        end = chosen[1]
        for i in idx:
            if i <= end:
                continue
            s = clean_line(lines[i])
            if s.endswith(("：", ":")) and not is_indented(lines[i]) and len(s) < 200:
                meta.addressees = [
                    a for a in (clean_line(x) for x in re.split(r"[，,；;]", s[:-1])) if a
                ]
            break
    if meta.issuer_mark is None:  # the title's lines aside; above the 发文字号 all is 版头
        # (stacked joint organs the title names again, "甲局 乙局…关于…", stay in the 标志)
        under = [i for i in head if doc_number_line is None or i > doc_number_line]
        rest = [
            clean_line(lines[i])
            for i in head
            if i not in consumed
            and not (chosen and i in under and clean_line(lines[i]) in (meta.title or ""))
        ]
        meta.issuer_mark = issuer_mark_of(rest)


def _kind_goes_on(title: str, line: str) -> bool:
    """Whether ``line`` is the last character or two of the kind, wrapped off a title set
    wide or letter-spaced ("行　政　处　罚　决　定" / "书"): appended, it names a longer kind
    (决定书, not 决定); no body line is one or two characters alone."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{1,2}", line):
        return False
    return doc_type_of(title + line) not in (None, doc_type_of(title))


_MOST_ORGAN_LINES = 3  # joint organs' names set over up to three lines above 关于


def organs_above(
    lines: list[str], idx: list[int], head: list[int], start: int, consumed: set[int], title: str
) -> str:
    """``title`` (its first line at head[start]) with the organ's name on the lines right
    above it: GB/T 9704 7.3.1 names the 发文机关 first, and a long name, or joint organs'
    names (…人民银行 …监管总局 … / …部 …局), take lines of their own above 关于…. The
    版头 is none of it: no 标志 (…文件), no line the 版头 took, no line naming again the
    organ the title names; and an organ's line at the very top of a paper with nothing
    above it is its 标志 (…人民政府 / 关于…的复查意见书, the devset's reading too) unless
    the title's first line goes on from it ("2024年度…", "办公室关于…")."""
    top = bool(ORGAN_GOES_ON.match(title))  # "某某局" / "2024年度…报告" at the top: one
    pos = start
    while (pos > 1 or (pos == 1 == start and top)) and start - pos < _MOST_ORGAN_LINES:
        above, first = head[pos - 1], head[pos]
        s = clean_line(lines[above])
        prefix = title.split("关于", 1)[0] if "关于" in title[:6] else ""
        whole = looks_like_agency(s + prefix) if pos == start else looks_like_agency(s)
        if (
            above in consumed
            or above != idx[idx.index(first) - 1]
            or not whole
            or compact(s).endswith("文件")
            or doc_type_of(s) is not None
            or compact(s) in compact(title.split("关于", 1)[0])  # a 标志 naming it again
        ):
            break
        title = s + title
        pos -= 1
    return title

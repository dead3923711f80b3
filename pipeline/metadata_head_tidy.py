"""The head's lines tidied before its elements are read: lines that are no element of this
paper blanked, and pieces that a wrap or a PDF's reading order cut apart or ran together
put back. Each is how offices set a head or how their files give it back, not a paper's
wording:

- a mark of a test paper's or a draft's period without its 密级 word ("★启用前",
  "考试结束前"): it says how long the paper is kept close and sets no 密级 (a line with its
  level, 绝密★启用前, is read by :func:`pipeline.metadata_head.head_marks`); it is no
  title's line, though it is short and has no sentence punctuation;
- a 目录 before the text: its heading (目录, 目　录) and its entries, each a heading with its
  page number after a leader (……, ·····, .....); an entry is no title's line, and a long
  one would push the title out of the lines the head is read from;
- a heading's year left alone on a line over its 年 ("2024" / "年度…报告"): a wrap
  inside the year's word, not a 份号 (which is printed over the 版头, never right over a
  line opening with 年);
- a 发文字号 pushed to the right margin with the first line under it run on by a PDF's
  reader ("…罚决〔2024〕7号当事人：…"): the line reaches the margin, so the reader takes it
  for a wrapped one; the number is split off where a label (当事人：, 申请人：) starts.
"""

from __future__ import annotations

import re

from pipeline.gongwen import SPACES, clean_line, compact, parse_doc_number

_PERIOD_MARK = re.compile(r"^[★☆＊*]?(?:启用前|考试结束前)$")
_CONTENTS = re.compile(r"^目[ \u3000]*录$")
_ENTRY = re.compile(r"(?:[…⋯]{2,}|[·•・.．]{4,}|[-－_]{4,})[ \u3000]*[0-9０-９]{1,4}$")
_YEAR = re.compile(r"^(?:19|20)[0-9]{2}$")
_RUN_ON = re.compile(
    rf"^(?P<number>[^{SPACES}]+?号)(?P<rest>[\u4e00-\u9fff]{{2,6}}[：:][^{SPACES}].*)$"
)
_HEAD_LINES = 40  # non-blank lines a 目录 and the head are looked for in
_NUMBER_LINES = 8  # non-blank lines a 发文字号 is looked for in


def tidy_head(lines: list[str]) -> list[str]:
    """``lines`` with the head tidied as the module says (a list of the same length, one
    line longer for each number split off)."""
    out = list(lines)
    filled = [i for i, line in enumerate(out) if line.strip(SPACES)][:_HEAD_LINES]
    for pos, i in enumerate(filled):
        line = clean_line(out[i])
        nxt = clean_line(out[filled[pos + 1]]) if pos + 1 < len(filled) else ""
        if _no_element(line, nxt):
            out[i] = ""
        elif _YEAR.match(compact(line)) and compact(nxt).startswith("年"):
            j = filled[pos + 1]
            pad = out[j][: len(out[j]) - len(out[j].lstrip(SPACES))]
            out[j], out[i] = pad + compact(line) + out[j].lstrip(SPACES), ""
    for i in reversed(filled[:_NUMBER_LINES]):
        m = _RUN_ON.match(clean_line(out[i]))
        if m and parse_doc_number(m["number"]) is not None:
            pad = out[i][: len(out[i]) - len(out[i].lstrip(SPACES))]
            out[i : i + 1] = [pad + m["number"], m["rest"]]
    return out


def _no_element(line: str, nxt: str) -> bool:
    """A period mark without its 密级, a 目录's entry, or its heading over an entry."""
    s = compact(line)
    return bool(
        _PERIOD_MARK.match(s) or _ENTRY.search(line) or (_CONTENTS.match(s) and _ENTRY.search(nxt))
    )

"""Two line breaks that wrap a sentence though the line above looks finished or short.

:func:`pipeline.detect.clause_spans.wrapped` reads a break as a wrap when an indented body
line, long or holding a comma, stops mid-sentence. Two kinds fall outside it:

- a 办文单/批办单/流转单 field label on a line of its own (领导批示：, 拟办意见：, 产权处审核
  意见：) with what was written in it on the next line: the label and its content are one
  entry, withheld together (第十六条), however the form's cell broke them;
- a short indented line (a narrow cell, a PDF text layer: "　　初稿曾考虑将个体工商户纳入",
  "　　邓主任批示：此", "…定兵比例按2∶1") whose next line opens unindented, is no new item
  and closes the sentence with 。 or ；: a body paragraph indents its first line only, so
  an unindented line that ends a sentence continues the one above.
"""

from __future__ import annotations

import re

# A form's field for a leader's or a department's written word (批示, 拟办意见, 审核意见,
# 会签意见), the label alone on its line.
FIELD_LABEL = re.compile(
    r"^[\u4e00-\u9fff]{0,10}(?:批示|阅示|批办|拟办|审批|核稿|会签|审核|审查|领导)?"
    r"(?:批示|意见|阅示)[：:]$"
)
# A line that starts a field or an item of its own (another label, a number, a heading).
OWN_START = re.compile(
    r"[\u4e00-\u9fff]{0,10}(?:批示|意见|阅示)[：:]|[一二三四五六七八九十]+、|"
    r"[（(][一二三四五六七八九十0-9０-９]+[）)]|[0-9０-９]+[．、]|第[一二三四五六七八九十百]+条|附\s*件"
)
CLOSES = re.compile(r"[。；;！？]$")
# The end of a line that is finished (or a date, a signature, a title's end).
FINISHED = "。！？!?；;：:）)】」”"


def label_wrap(line: str, following: str) -> bool:
    """Whether ``line`` is a form field's label alone and ``following`` its content: a
    sentence of its own that is not another field or item."""
    body = following.strip(" \u3000")
    return bool(
        FIELD_LABEL.match(line.strip(" \u3000"))
        and body
        and "\t" not in following
        and CLOSES.search(body)
        and not OWN_START.match(body)
    )


# The longest line read as a narrow cell's or a text layer's short line: a longer one
# is a body line, for :func:`pipeline.detect.clause_spans.wrapped` to judge.
SHORT_LINE = 20


def short_wrap(line: str, following: str, in_paragraph: bool) -> bool:
    """Whether the short (at most ``SHORT_LINE`` characters), indented, unfinished ``line``
    of a paragraph is wrapped onto the unindented ``following`` line that finishes the
    sentence."""
    stripped = line.strip(" \u3000")
    return bool(
        in_paragraph
        and stripped
        and len(stripped) <= SHORT_LINE
        and line[:1] in " \u3000"
        and stripped[-1] not in FINISHED
        and "\t" not in line
        and following
        and following[:1] not in " \u3000\t"
        and "\t" not in following
        and CLOSES.search(following.strip())
        and not OWN_START.match(following)
    )

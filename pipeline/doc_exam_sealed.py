"""An exam paper handled as sealed is before use, whatever else the head calls it (第十四条).

:func:`doc_kinds.exam_reason` lets a paper go when its title or head names a published kind
of exam paper (样卷, 样题, 真题, 解析): a sample put out for practice. But a 样卷 is also the
printer's proof of the real paper, and an office says which it means by how it handles it:
the real one is **sealed, packed and opened only at the sitting** (密封, 分装, 封装, 拆封,
启封, 清样, 印制 under 保密). A head sentence that names a published kind beside such
handling is the paper before use, so the published-kind exemption does not hold.
"""

from __future__ import annotations

import re

from pipeline.detect.state_secret import AFTER_USE

SEALED = re.compile(r"密封|分装|封装|拆封|启封|清样|印制|开考(?:当日|前)|保密室|押运")
SENTENCE = re.compile(r"[^。；;！？!?\n]+")


def published_exam(text: str) -> bool:
    """Whether ``text`` names a published kind of exam paper (or the exam as over) in a
    sentence that does not handle the paper as sealed."""
    return any(
        AFTER_USE.search(s) and not SEALED.search(s)
        for s in (m.group(0) for m in SENTENCE.finditer(text))
    )

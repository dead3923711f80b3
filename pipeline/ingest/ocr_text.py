"""Full-width punctuation back in Chinese text read by OCR, and digits read as letters.

The recogniser often reads ，：；（） as their half-width look-alikes; a 公文 uses the
full-width forms in Chinese context, and our detectors and the GB/T 9704 metadata rules
look for them (``联系电话：``, ``（此件公开发布）``). A half-width mark is restored when a
Chinese character stands next to it, and never between two digits (``10:30``,
``1,000``, ``3.5``) or inside Latin text (an e-mail address, a URL).

Inside a long run of digits (an ID, card or phone number) the recogniser sometimes
reads 0 as O and 1 as l or I: one such letter and the number fails its checksum or its
pattern. A letter of those shapes is made a digit when it stands in a run of digits and
such letters that holds at least four digits, no other Latin letter touches the run
(``Room 101``, ``ISO9001`` and e-mail addresses keep theirs), and the letters are at
most a quarter of it.
"""

from __future__ import annotations

_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


def is_cjk(ch: str) -> bool:
    """A Han character or CJK punctuation (what makes a context Chinese)."""
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFF0F
        or 0xFF1A <= code <= 0xFF20
    )


def restore_punctuation(chars: list[str]) -> list[str]:
    """``chars`` (one line, one entry per recognised character) with half-width marks in
    Chinese context made full-width; the list keeps its length (boxes stay aligned)."""
    out = list(chars)
    for i, ch in enumerate(chars):
        prev = chars[i - 1] if i > 0 else ""
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
        if ch == "." and prev and is_cjk(prev) and (not nxt or is_cjk(nxt)):
            out[i] = "。"
            continue
        if ch in "])" and _opened_with(out, i, "〔"):
            out[i] = "〕"  # 发文字号 〔2024〕: the closing bracket read as a Latin one
            continue
        if ch not in _FULL:
            continue
        if prev.isdigit() and nxt.isdigit():
            continue
        if ch == "(":
            chinese = (bool(nxt) and is_cjk(nxt)) or (
                bool(prev) and is_cjk(prev) and not nxt.isascii()
            )
            if chinese or _closes_chinese(chars, i):
                out[i] = _FULL[ch]
            continue
        if ch == ")":
            if (bool(prev) and is_cjk(prev)) or _opened_chinese(out, i):
                out[i] = _FULL[ch]
            continue
        if (prev and is_cjk(prev)) or (nxt and is_cjk(nxt)):
            out[i] = _FULL[ch]
    return out


_DIGIT_SHAPES = {"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"}
_MIN_DIGITS = 4


def restore_digits(chars: list[str]) -> list[str]:
    """``chars`` (one line, one entry per character) with 0/1 read as O/o or l/I/| put
    back inside digit runs; the list keeps its length (boxes stay aligned)."""
    out = list(chars)
    i = 0
    while i < len(chars):
        if not (chars[i].isdigit() or chars[i] in _DIGIT_SHAPES):
            i += 1
            continue
        j = i
        while j < len(chars) and (chars[j].isdigit() or chars[j] in _DIGIT_SHAPES):
            j += 1
        run = chars[i:j]
        digits = sum(ch.isdigit() for ch in run)
        letters = len(run) - digits
        touched = (i > 0 and _latin(chars[i - 1])) or (j < len(chars) and _latin(chars[j]))
        if letters and digits >= _MIN_DIGITS and 4 * letters <= len(run) and not touched:
            for k in range(i, j):
                out[k] = _DIGIT_SHAPES.get(chars[k], chars[k])
        i = j
    return out


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _closes_chinese(chars: list[str], i: int) -> bool:
    """Whether the ``)`` that closes the ``(`` at ``i`` follows a Chinese character."""
    for j in range(i + 1, len(chars)):
        if chars[j] in ")）":
            return j > 0 and is_cjk(chars[j - 1])
    return False


def _opened_chinese(out: list[str], i: int) -> bool:
    """Whether the nearest opening bracket before ``i`` was made full-width."""
    for j in range(i - 1, -1, -1):
        if out[j] in "(（":
            return out[j] == "（"
    return False


def _opened_with(out: list[str], i: int, bracket: str) -> bool:
    """Whether the nearest bracket opened before ``i`` (and not closed) is ``bracket``."""
    for j in range(i - 1, -1, -1):
        if out[j] in "〔（([【":
            return out[j] == bracket
        if out[j] in "〕）)]】":
            return False
    return False

"""Place names read one character off by OCR, put right from GB/T 2260.

The recogniser's dictionary is weakest on the rare characters of place names (浈江区
read as 贞江区, 圳 as 川): the address then reads as a place that does not exist, and a
reviewer comparing it with the register, or a search for it, misses it. A character is
corrected only when all of these hold, so ordinary text is never rewritten:

- the recogniser was unsure of it (confidence below 0.80, ``ocr.LOW_CONFIDENCE``);
- the word it is in, ending in a division suffix (区/县/市/旗/州/盟), is not a division
  name of ``lexicons/admin_divisions.txt``, and changing that one character makes exactly
  one such name;
- the text right before the word, on the same line, names that division's own
  province or prefecture (韶关市 before 浈江区, code 4402…), as an address writes it;
- when several names fit (韶关市 has both 浈江区 and 曲江区), the one whose character
  looks most like the ink on the page, by a clear margin: each candidate is drawn in a
  CJK font and compared with the character's pixels (the recogniser's own reading is
  not among them: it was unsure of it).

The line keeps its length (each character keeps its box and confidence), and the OCR
record lists every correction (``place_names``), so a reviewer sees what was read.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from pipeline.fonts import find_cjk_font
from pipeline.lexicons import load_table

SUFFIXES = "区县市旗州盟"
_LONGEST = 8  # characters of the longest name looked up
_PARENT_WINDOW = 12  # characters before the word searched for its parent division
_MARGIN = 0.08  # how much better the best-looking candidate must match than the next
_SIDE = 40  # pixels a glyph is compared at

Glyph = Callable[[int], "np.ndarray | None"]


@lru_cache(maxsize=1)
def _divisions() -> tuple[dict[str, set[str]], dict[str, list[tuple[str, str]]]]:
    """Names → their codes, and wildcard keys (the name with one character as ``?``) →
    the (name, code) pairs they stand for."""
    codes: dict[str, set[str]] = {}
    for row in load_table("admin_divisions"):
        if len(row) > 1 and len(row[1]) >= 2:
            codes.setdefault(row[1], set()).add(row[0])
    keys: dict[str, list[tuple[str, str]]] = {}
    for name, found in codes.items():
        for k in range(len(name) - 1):  # the suffix itself is never the misread one
            key = f"{name[:k]}?{name[k + 1 :]}"
            keys.setdefault(key, []).extend((name, code) for code in sorted(found))
    return codes, keys


def _parents(code: str) -> tuple[str, ...]:
    """The codes of a division's prefecture and province (GB/T 2260: 2+2+2 digits)."""
    return tuple(c for c in (f"{code[:4]}00", f"{code[:2]}0000") if c != code)


def _named_before(before: str, wanted: set[str]) -> bool:
    """Whether ``before`` ends with the name of a division whose code is in ``wanted``."""
    codes, _keys = _divisions()
    return any(codes.get(before[-n:], set()) & wanted for n in range(2, len(before) + 1))


def _candidates(chars: list[str], i: int) -> tuple[int, set[str]]:
    """Where the word holding the unsure ``chars[i]`` starts and the division names it
    may misread: one character off it at ``i``, their parent named just before it."""
    codes, keys = _divisions()
    for end in range(i + 2, min(len(chars), i + _LONGEST) + 1):
        if chars[end - 1] not in SUFFIXES:
            continue
        for start in range(i, max(-1, end - _LONGEST - 1), -1):
            word = "".join(chars[start:end])
            if word in codes:
                continue
            before = "".join(chars[max(0, start - _PARENT_WINDOW) : start])
            names = {
                name
                for name, code in keys.get(f"{word[: i - start]}?{word[i - start + 1 :]}", [])
                if _named_before(before, set(_parents(code)))
            }
            if names:
                return start, names
    return 0, set()


def normalise(ink: np.ndarray) -> np.ndarray | None:
    """A glyph (ink high) cut to its ink, scaled to a square, blurred, zero-mean and unit
    length, so two glyphs compare by a dot product."""
    ys, xs = np.nonzero(ink > 80)
    if len(xs) == 0:
        return None
    cut = ink[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1].astype(np.uint8)
    image = Image.fromarray(cut).resize((_SIDE, _SIDE)).filter(ImageFilter.GaussianBlur(2))
    x = np.asarray(image, dtype=np.float64)
    x -= x.mean()
    norm = float(np.sqrt((x * x).sum()))
    return x / norm if norm else None


@lru_cache(maxsize=512)
def _drawn(ch: str) -> np.ndarray | None:
    path = find_cjk_font()
    if path is None:
        return None
    font = ImageFont.truetype(path, 64)
    image = Image.new("L", (80, 80), 0)
    ImageDraw.Draw(image).text((8, 0), ch, font=font, fill=255)
    return normalise(np.asarray(image))


def _looks_most_like(options: set[str], glyph: np.ndarray | None) -> str | None:
    """The option whose drawn character matches the page's glyph best, by a margin."""
    if glyph is None:
        return None
    scored = []
    for ch in options:
        drawn = _drawn(ch)
        if drawn is None:
            return None
        scored.append((float((drawn * glyph).sum()), ch))
    scored.sort(reverse=True)
    return scored[0][1] if scored[0][0] - scored[1][0] >= _MARGIN else None


def correct_line(
    chars: list[str], confidence: list[float], unsure: float, glyph: Glyph | None = None
) -> list[dict[str, object]]:
    """Correct, in place, the characters of one OCR'd line that the recogniser was unsure
    of (confidence below ``unsure``) and that read one off a division name (the
    module's rules); ``glyph(k)`` gives
    character ``k``'s pixels (:func:`normalise`d) to choose between several names.
    Returns what was changed."""
    changes: list[dict[str, object]] = []
    for i, score in enumerate(confidence):
        if score >= unsure or not "\u4e00" <= chars[i] <= "\u9fff":
            continue
        start, names = _candidates(chars, i)
        options = {name[i - start] for name in names}
        if len(options) > 1:
            chosen = _looks_most_like(options, glyph(i) if glyph else None)
        else:
            chosen = next(iter(options), None)
        if chosen is None:
            continue
        name = next(n for n in names if n[i - start] == chosen)
        word = "".join(chars[start : start + len(name)])
        changes.append({"read": chars[i], "as": chosen, "in": name, "word": word})
        chars[i] = chosen
    return changes


def correct_again(chars: list[str], changes: list[dict[str, object]], before: str = "") -> bool:
    """Apply corrections made elsewhere in the file to ``chars`` (one line, in place): the
    same misread word after a name of the corrected division's parent, on this line or
    at the end of ``before`` (the line above: an address wraps). Returns whether
    anything changed."""
    codes, _keys = _divisions()
    text = "".join(chars)
    context = before[-_PARENT_WINDOW:]
    changed = False
    for change in changes:
        word, name = str(change["word"]), str(change["in"])
        parents = {p for code in codes.get(name, set()) for p in _parents(code)}
        at = text.find(word)
        while at >= 0:
            if _named_before((context + text[:at])[-_PARENT_WINDOW:], parents):
                chars[at : at + len(name)] = list(name)
                changed = True
            at = text.find(word, at + len(word))
    return changed

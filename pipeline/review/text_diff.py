"""Two versions of a document's text, compared paragraph by paragraph (``difflib``).

Two uses, one matching:

- ``text_map`` says which paragraphs of the new text are unchanged — in place or moved
  — and where they were in the old text, so a span of the old text can be found again in
  the new one exactly when the text around it (its whole paragraph) is unchanged. That
  is the rule by which earlier decisions are carried over (``pipeline.review.versions``).
- ``text_diff`` is what a clerk reads: each changed paragraph with its characters
  marked 新增 / 删除, paragraphs added, removed or moved, and runs of unchanged
  paragraphs folded into one line.

A paragraph is a non-blank line of the extracted text (the readers put one paragraph
per line); offsets are Python string offsets, as everywhere in the store.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher

# Below this similarity a paragraph is shown as removed and another one added, rather
# than as one paragraph with most of its characters struck out (unreadable for a clerk).
SIMILAR = 0.4


@dataclass(frozen=True)
class Paragraph:
    number: int  # 1-based among the non-blank lines
    start: int
    end: int  # without the line end
    text: str


def paragraphs(text: str) -> list[Paragraph]:
    out: list[Paragraph] = []
    at = 0
    for line in text.split("\n"):
        if line.strip():
            out.append(Paragraph(len(out) + 1, at, at + len(line), line))
        at += len(line) + 1
    return out


@dataclass(frozen=True)
class TextMap:
    """The unchanged paragraphs of a new text, each paired with its old place."""

    old: tuple[Paragraph, ...]
    new: tuple[Paragraph, ...]
    pairs: tuple[tuple[int, int], ...]  # (old index, new index) of identical paragraphs
    moved: frozenset[int] = field(default_factory=frozenset)  # new indexes that moved

    def _index(self, paras: tuple[Paragraph, ...], at: int) -> int | None:
        i = bisect_right([p.start for p in paras], at) - 1
        return i if i >= 0 and paras[i].start <= at < paras[i].end else None

    def _shift(
        self, start: int, end: int, source: tuple[Paragraph, ...], target: tuple[Paragraph, ...]
    ) -> tuple[int, int] | None:
        forward = source is self.old
        pairing = dict(self.pairs) if forward else {b: a for a, b in self.pairs}
        first, last = self._index(source, start), self._index(source, end - 1)
        if first is None or last is None or first not in pairing or last not in pairing:
            return None
        if pairing[last] - pairing[first] != last - first:
            return None  # a span over paragraphs that no longer follow each other
        a, b = target[pairing[first]], target[pairing[last]]
        return a.start + start - source[first].start, b.start + end - source[last].start

    def to_new(self, start: int, end: int) -> tuple[int, int] | None:
        """Where the old text's ``[start, end)`` is in the new text, if every paragraph
        it touches is unchanged (and still in the same order); else None."""
        return self._shift(start, end, self.old, self.new)

    def to_old(self, start: int, end: int) -> tuple[int, int] | None:
        """The converse: where the new text's span was, if its paragraphs are unchanged."""
        return self._shift(start, end, self.new, self.old)


def text_map(old: str, new: str) -> TextMap:
    """Pair identical paragraphs: in order (``SequenceMatcher``), then those that moved
    (an unpaired new paragraph equal to an unpaired old one, first come first)."""
    olds, news = paragraphs(old), paragraphs(new)
    matcher = SequenceMatcher(None, [p.text for p in olds], [p.text for p in news], autojunk=False)
    pairs: list[tuple[int, int]] = []
    for block in matcher.get_matching_blocks():
        pairs.extend((block.a + k, block.b + k) for k in range(block.size))
    paired_old = {a for a, _ in pairs}
    paired_new = {b for _, b in pairs}
    waiting: dict[str, list[int]] = {}
    for i, p in enumerate(olds):
        if i not in paired_old:
            waiting.setdefault(p.text, []).append(i)
    moved = set()
    for j, p in enumerate(news):
        if j not in paired_new and waiting.get(p.text):
            pairs.append((waiting[p.text].pop(0), j))
            moved.add(j)
    return TextMap(tuple(olds), tuple(news), tuple(sorted(pairs)), frozenset(moved))


@dataclass(frozen=True)
class Piece:
    kind: str  # same | ins | del
    text: str


@dataclass(frozen=True)
class DiffRow:
    """One line of the diff a clerk reads."""

    kind: str  # same (folded unchanged paragraphs) | changed | added | removed | moved
    old_number: int | None  # paragraph numbers (第 N 段) in the old and new text
    new_number: int | None
    pieces: tuple[Piece, ...] = ()
    folded: int = 0  # for ``same``: how many unchanged paragraphs the line stands for

    @property
    def label(self) -> str:
        return {"changed": "修改", "added": "新增", "removed": "删除", "moved": "移动"}.get(
            self.kind, "未改动"
        )


@dataclass(frozen=True)
class TextDiff:
    rows: tuple[DiffRow, ...]

    def count(self, kind: str) -> int:
        return sum(1 for r in self.rows if r.kind == kind)

    @property
    def unchanged(self) -> int:
        return sum(r.folded for r in self.rows if r.kind == "same")

    @property
    def any(self) -> bool:
        return any(r.kind != "same" for r in self.rows)

    @property
    def summary(self) -> str:
        parts = [
            f"{word} {self.count(kind)} 段"
            for kind, word in (
                ("changed", "修改"),
                ("added", "新增"),
                ("removed", "删除"),
                ("moved", "移动"),
            )
            if self.count(kind)
        ]
        if not parts:
            return "文字与上一版相同"
        return "、".join(parts) + f"；未改动 {self.unchanged} 段"


# A number, an amount or a Latin word changes as a whole (600 → 650, not 6[0→5]0, which
# a clerk misreads); Chinese text changes character by character.
TOKEN = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[A-Za-zＡ-Ｚａ-ｚ]+|\s+|.", re.S)


def char_pieces(old: str, new: str) -> tuple[Piece, ...]:
    """One paragraph's change: kept, 删除 and 新增 runs, by character (numbers and Latin
    words whole)."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    out: list[Piece] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(Piece("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(Piece("del", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(Piece("ins", "".join(b[j1:j2])))
    return tuple(out)


def text_diff(old: str, new: str) -> TextDiff:
    """The paragraphs of ``new`` against ``old``: unchanged runs folded, a replaced
    paragraph similar enough to its old one shown as a 修改 with 新增/删除 characters,
    others as 删除 and 新增, and paragraphs found elsewhere unchanged as 移动."""
    mapping = text_map(old, new)
    olds, news = mapping.old, mapping.new
    moved_old = {a for a, b in mapping.pairs if b in mapping.moved}
    matcher = SequenceMatcher(None, [p.text for p in olds], [p.text for p in news], autojunk=False)
    rows: list[DiffRow] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows.append(DiffRow("same", olds[i1].number, news[j1].number, folded=i2 - i1))
            continue
        gone = [i for i in range(i1, i2) if i not in moved_old]
        came = list(range(j1, j2))
        while gone and came:
            a, b = olds[gone[0]], news[came[0]]
            if came[0] in mapping.moved:
                break
            if SequenceMatcher(None, a.text, b.text, autojunk=False).ratio() < SIMILAR:
                break
            rows.append(DiffRow("changed", a.number, b.number, char_pieces(a.text, b.text)))
            gone.pop(0)
            came.pop(0)
        for i in gone:
            rows.append(DiffRow("removed", olds[i].number, None, (Piece("del", olds[i].text),)))
        for j in came:
            kind = "moved" if j in mapping.moved else "added"
            piece = Piece("same" if kind == "moved" else "ins", news[j].text)
            old_number = next((olds[a].number for a, b in mapping.pairs if b == j), None)
            rows.append(DiffRow(kind, old_number, news[j].number, (piece,)))
    return TextDiff(tuple(rows))

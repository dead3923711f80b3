"""A lexicon's cue word found where a line wrap breaks it (送⏎达地址：, 家庭住⏎址).

A narrow column or a PDF's text layer breaks lines every so many characters, so a cue
word written before a value (``lexicons/address_cues.txt``) is sometimes cut in two. The
value after it is the same home; only the cue's characters are apart. The terms are
matched in the text with its line ends taken out and mapped back, and a term with a
line end inside it is given with the end of its last character in the real text.

Written for this project from how wrapped 告知书 and 送达 papers print.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.lexicons import matcher


def wrapped_cues(text: str, lexicon: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, term) of the lexicon's terms with one or more line ends inside them
    (the terms written whole are found by the lexicon's matcher itself)."""
    if "\n" not in text:
        return
    kept = [i for i, ch in enumerate(text) if ch != "\n"]
    joined = "".join(text[i] for i in kept)
    for start, end, term in matcher(lexicon).find(joined):
        a, b = kept[start], kept[end - 1] + 1
        if "\n" in text[a:b]:
            yield a, b, term

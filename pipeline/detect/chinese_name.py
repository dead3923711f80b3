"""Reading a Chinese personal name where one may start: surname first, given name of one
or two characters, the name's end found at a delimiter or, where the text runs on
(曾国平驾驶…), by the words that follow names (``lexicons/name_followers.txt``) and by
jieba's tagger on a short window (it is too slow for whole documents: 34 k chars/s).

The checks here are what the rules and the NER model's proposals share: a surname from
``lexicons/surnames.txt``, no anonymised 某, not an everyday word (jieba's dictionary
frequency), not the start of a place name (张国华路). Surnames that are also function
words (``lexicons/ambiguous_surnames.txt``: 于, 和, 时 …) need jieba to confirm.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.lexicons import lexicon_cache, load_terms
from pipeline.nlp import jieba_posseg

CJK = re.compile(r"[\u4e00-\u9fff]")
# Characters that end a name when they follow it.
DELIMITER = set("，,。：:；;（）()、\u3000 \t\n“”\"'《》【】[]！？!?")
# The dots that join the parts of a minority or transliterated name (阿依古丽·吐尔逊,
# 米日班•阿不都拉, 索菲・马丁): middle dot, bullet or katakana middle dot, whichever the
# drafter's input method gave. One home, so that every detector reads the same set.
NAME_DOTS = "·•・"
# The same and the full-width full stop, which some drafters type for the dot. It also
# closes a list number (一．, 3．), so it is taken for a name's dot only where both sides
# are a name's length (dotted_names.DOTTED) or in a value already proposed as a name.
NAME_DOTS_WIDE = NAME_DOTS + "．"
# A dotted name's shape: two to six characters either side of one of NAME_DOTS.
DOTTED_NAME = rf"[\u4e00-\u9fff]{{2,6}}[{NAME_DOTS}][\u4e00-\u9fff]{{2,6}}"


@lexicon_cache
def followers() -> tuple[str, ...]:
    """Words that commonly follow a name directly (曾国平驾驶, 曾国平同志)."""
    return load_terms("name_followers")


@lexicon_cache
def ambiguous_surnames() -> frozenset[str]:
    return frozenset(load_terms("ambiguous_surnames"))


@lexicon_cache
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single, compound) surnames: the common list and the regional one (闭, 侬, 冼).

    The regional list is a file of its own so that the generators drawing from
    ``lexicons/surnames.txt`` by position keep their draws."""
    terms = load_terms("surnames") + load_terms("regional_surnames")
    return frozenset(t for t in terms if len(t) == 1), frozenset(t for t in terms if len(t) == 2)


@lru_cache(maxsize=4096)
def tag_words(window: str) -> tuple[tuple[str, str], ...]:
    return tuple((w.word, w.flag) for w in jieba_posseg().lcut(window, HMM=True))


@lexicon_cache
def regional_surnames() -> frozenset[str]:
    return frozenset(load_terms("regional_surnames"))


def _is_common_word(name: str, window: str) -> bool:
    """jieba reads the candidate as an ordinary word (申报/v, 成本/n), not a name.

    jieba's dictionary does not know the regional surnames (闭, 侬): it coins 闭小红/l or
    闭敏/v from its HMM, words its dictionary has never seen, so for them only a
    dictionary word at the start (闭幕, 闭环管理) says the text is no name."""
    tags = tag_words(window)
    if name[:1] in regional_surnames():
        return word_frequency(name[:2]) > 0 or word_frequency(name) > 0
    return (
        bool(tags) and tags[0][0] == name and not tags[0][1].startswith("nr") and tags[0][1] != "x"
    )


def _jieba_name(window: str) -> str | None:
    """The person name jieba tags (nr) at the start of a short window, if any."""
    tags = tag_words(window)
    if tags and tags[0][1] == "nr" and 2 <= len(tags[0][0]) <= 4:
        return tags[0][0]
    if len(tags) >= 2 and tags[0][1] == "nr" and len(tags[0][0]) == 1 and len(tags[1][0]) <= 2:
        return tags[0][0] + tags[1][0]  # jieba splits "曾" + "国平" at times
    return None


# jieba's tagger calls some common words names (陈述/nr); real names have a dictionary
# frequency of 0-160 (李强 159), common words far more (陈述 763, 申报 1101, 高峰 1556).
COMMON_WORD_FREQ = 300


def word_frequency(word: str) -> int:
    import jieba

    jieba_posseg()  # initialises jieba quietly
    return int(jieba.dt.FREQ.get(word) or 0)


def _jieba_confirms(name: str, window: str) -> bool:
    """jieba tags a person name (nr) where the candidate stands: "潘德胜/nr", or the
    surname followed by a tagged given name ("李/nr 红霞/nr", "黄/a 德军/nr")."""
    tags = tag_words(window)
    if not tags:
        return False
    first, flag = tags[0]
    if flag.startswith("nr") and name.startswith(first) and len(first) >= 2:
        return True
    if len(tags) >= 2 and tags[1][1].startswith("nr") and name == (first + tags[1][0])[: len(name)]:
        return len(first) <= 2
    return False


def read_name(text: str, pos: int, strong: bool = False, confirm: bool = False) -> str | None:
    """A personal name starting exactly at ``pos``, or None.

    ``strong``: the position follows a role word and a colon ("联系人：于海涛（…"), so a
    surname that is also a function word (于, 和, 时 …) needs no confirmation from jieba
    when the name ends at a delimiter. ``confirm``: the evidence is weak (a role word run
    into the text, "车主黄德军"), so jieba must tag a person name there ("行业主管部门"
    holds the role word 业主 but no name)."""
    if strong:
        padded = _read_padded_name(text, pos)
        if padded is not None:
            return padded
    name = _read_name(text, pos, strong)
    if (
        name is not None
        and confirm
        and (
            not _jieba_confirms(name, text[pos : pos + 10])
            or word_frequency(name) >= COMMON_WORD_FREQ
        )
    ):
        return None
    return name


PAD = re.compile(r"[\u3000 ]|\n")
# A village or a community named before a name in a list item: 3．岩背村江德旺，.
PLACE_HEAD = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:村|社区|居委会|屯)(?=[\u4e00-\u9fff]{2,4}$)")


def place_head(item: str) -> int:
    """How many characters of a numbered item's first words name its village or community
    before a surname-led name (岩背村江德旺 → 3), else 0."""
    m = PLACE_HEAD.match(item)
    if m is None:
        return 0
    single, double = surnames()
    rest = item[m.end() :]
    return m.end() if rest[:1] in single or rest[:2] in double else 0


def _read_padded_name(text: str, pos: int) -> str | None:
    """A name with one padding space or line break inside: "王　东" (two-character names
    padded to align with three-character ones) or "陈嘉\n豪" (wrapped by the typist).
    The span keeps the padding so the redaction covers the whole name."""
    single, double = surnames()
    surname_len = 2 if text[pos : pos + 2] in double else 1 if text[pos : pos + 1] in single else 0
    if not surname_len:
        return None
    chars: list[str] = []
    i = pos
    pads = 0
    while i < len(text) and len(chars) < surname_len + 2:
        ch = text[i]
        if CJK.match(ch):
            chars.append(ch)
        elif (
            PAD.match(ch)
            and pads == 0
            and len(chars) >= 1
            and i + 1 < len(text)
            and CJK.match(text[i + 1])
        ):
            pads += 1
        else:
            break
        i += 1
    end_ok = i >= len(text) or text[i] in DELIMITER or not CJK.match(text[i])
    if pads != 1 or not end_ok or not surname_len + 1 <= len(chars) <= surname_len + 2:
        return None
    if "某" in chars:
        return None
    return text[pos:i]


def _read_name(text: str, pos: int, strong: bool) -> str | None:
    single, double = surnames()
    head = text[pos : pos + 6]
    if len(head) < 2:
        return None
    if head[:2] in double:
        surname = head[:2]
    elif head[0] in single:
        surname = head[0]
    else:
        return None
    rest = head[len(surname) :]
    given = ""
    for ch in rest:
        if ch in DELIMITER or not CJK.match(ch) or len(given) == 2:
            break
        given += ch
    if not given or "某" in given or given == "氏":
        return None
    name = surname + given
    after = text[pos + len(name) : pos + len(name) + 2]
    runs_on = bool(after) and after[0] not in DELIMITER and bool(CJK.match(after[0]))
    if _is_common_word(name, text[pos : pos + 8]):
        return None
    if strong and not runs_on:
        return name
    if strong and any(text.startswith(f, pos + len(name)) for f in ("同志", "先生", "女士")):
        return name  # 信访人：单守仁同志： — the form of address ends the name
    if len(given) == 2 and (runs_on or surname in ambiguous_surnames()):
        if any(given[1:].startswith(f) or (given[1] + after).startswith(f) for f in followers()):
            name = surname + given[0]
        elif runs_on or surname in ambiguous_surnames():
            tagged = _jieba_name(text[pos : pos + 10])
            if (
                tagged
                and tagged.startswith(surname)
                and len(tagged) <= len(surname) + 2
                and word_frequency(tagged) < COMMON_WORD_FREQ
            ):
                name = tagged
            elif surname in ambiguous_surnames():
                return None
    elif len(given) == 1 and surname in ambiguous_surnames():
        tagged = _jieba_name(text[pos : pos + 10])
        if tagged != name:
            return None
    return name if 2 <= len(name) <= 4 else None


def has_surname(text: str, start: int, end: int) -> bool:
    """A name can start in the window: a surname followed by a Chinese character."""
    single, double = surnames()
    return any(
        (text[i] in single or text[i : i + 2] in double) and CJK.match(text[i + 1])
        for i in range(start, end - 1)
    )


def plausible(text: str, start: int, name: str) -> bool:
    """The rules' idea of a Chinese personal name, applied to what the model tagged."""
    single, double = surnames()
    if not 2 <= len(name) <= 4 or not all(CJK.match(ch) for ch in name):
        return False
    if name[:2] not in double and name[0] not in single:
        return False
    if "某" in name or inside_word(text, start, start + len(name)):
        return False
    if word_frequency(name) >= COMMON_WORD_FREQ:
        return False
    return _jieba_agrees(text, start, start + len(name))


def _jieba_agrees(text: str, start: int, end: int) -> bool:
    """jieba segments the surroundings with word boundaries where the name starts and
    ends, and reads no everyday word inside it: the model's "管平台" (监管|平台) and
    "严格依" (严格|依法) are pieces of words, not names."""
    left = max(0, start - 4)
    pos = left
    for word, flag in tag_words(text[left : end + 4]):
        w_start, w_end = pos, pos + len(word)
        pos = w_end
        crosses = w_start < start < w_end or w_start < end < w_end
        if crosses and not flag.startswith("nr"):
            return False
        inside = start <= w_start and w_end <= end
        common = len(word) >= 2 and word_frequency(word) >= COMMON_WORD_FREQ
        if inside and common and not flag.startswith("nr"):
            return False
    return True


def inside_word(text: str, start: int, end: int) -> bool:
    """A surname-led string inside a longer word is not that person ("张国华路")."""
    after = text[end : end + 1]
    return after in (
        "路",
        "街",
        "村",
        "镇",
        "乡",
        "区",
        "县",
        "市",
        "省",
        "巷",
        "号",
        "楼",
        "桥",
        "湖",
        "山",
    )

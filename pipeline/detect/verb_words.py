"""Everyday words a name proposer reads as a name: a verb after an adverb, a common noun.

陈 and 配 open names, so 如实陈述 and 拒不配合 give a model 陈述 and 配合; 铁观音 gives it
铁观音. In 处罚决定, 笔录 and 以案释法 texts the party's acts are told with an adverb
right before the verb (如实, 依法, 拒不, 未, 予以), where a name never stands, and goods
are named by three-character words jieba knows as one common word, not as a name.

Written for this project from how 行政处罚决定书 and 询问笔录 tell what a party did.
"""

from __future__ import annotations

from pipeline.detect.chinese_name import COMMON_WORD_FREQ, tag_words, word_frequency

# Adverbs and modals that stand right before what a party does.
ADVERBS = (
    "如实",
    "依法",
    "拒不",
    "予以",
    "进行",
    "主动",
    "积极",
    "未能",
    "应当",
    "可以",
    "不得",
    "并未",
    "未",
    "已",
    "均",
    "拒",
)
# A three-character word must be at least this common to be no given name.
WORD_FREQ = 20


def _one_word(value: str) -> str | None:
    """jieba's tag of ``value`` read as one word, or None."""
    tags = tag_words(value)
    return tags[0][1] if len(tags) == 1 else None


def everyday_word(text: str, start: int, end: int) -> str | None:
    """Why the words at ``start``–``end`` are an everyday word, not a name, or None."""
    value = text[start:end]
    if "\n" in value:
        return None
    if (
        len(value) == 2
        and word_frequency(value) >= COMMON_WORD_FREQ
        and text[max(0, start - 2) : start].endswith(ADVERBS)
    ):
        return "副词之后的动词"  # 如实陈述, 拒不配合 (jieba tags 陈述 a name: the adverb decides)
    tag = _one_word(value)
    if len(value) == 3 and tag and not tag.startswith("nr") and word_frequency(value) >= WORD_FREQ:
        return "常用词语"  # 铁观音, 花生油 (not 张国庆, a name jieba knows)
    return None

"""jieba's prefix dictionary loaded the fast way is the dictionary jieba loads itself."""

from __future__ import annotations

import logging
from pathlib import Path

import jieba

from pipeline.nlp import _load_jieba_dictionary, jieba_posseg


def test_fast_load_gives_jiebas_dictionary() -> None:
    jieba.setLogLevel(logging.WARNING)
    jieba_posseg()  # the cache file exists from here on
    own, fast = jieba.Tokenizer(), jieba.Tokenizer()
    own.initialize()
    _load_jieba_dictionary(fast)
    assert fast.initialized
    assert fast.total == own.total and fast.FREQ == own.FREQ


def test_without_a_cache_file_jieba_builds_it(tmp_path: Path) -> None:
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(tmp_path)
    _load_jieba_dictionary(tokenizer)
    assert not tokenizer.initialized  # left to jieba.initialize, which writes the cache


def test_tagger_reads_names() -> None:
    first = jieba_posseg().lcut("曾国平驾驶车辆")[0]
    assert (first.word, first.flag) == ("曾国平", "nr")

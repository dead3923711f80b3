"""内容概述 and 主题词: lead sentences of the body without 版头, formulas or 版记, cut whole at
the limit; keywords without generic 公文 words; and never a redacted value in either."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.catalog.summary import GENERIC_WORDS, Summary, mask_redactions, summarize
from pipeline.redact.spans import Redaction

NOTICE = "\n".join(
    [
        "韶关市武江区人民政府办公室",
        "武府办函〔2024〕9号",
        "韶关市武江区人民政府办公室关于切实做好",
        "2024年春季森林防灭火工作的通知",
        "各镇人民政府、街道办事处，区直各有关单位：",
        "　　当前正值春耕备耕和清明祭扫时期，野外用火明显增多，森林火险等级持续偏高。"
        "为切实做好我区2024年春季森林防灭火工作，经区人民政府同意，现就有关事项通知如下：",
        "　　一、压实防火责任。各镇（街）要严格落实森林防灭火行政首长负责制，"
        "将防火责任层层分解落实到村（社区）和山头地块。",
        "　　二、严格野外火源管控。高火险期内严禁在林区及林缘地带烧田基草、燃放烟花爆竹。",
        "　　三、做好应急准备。区森林消防专业队伍实行24小时备勤，发生森林火情要第一时间扑救。",
        "　　区森林防灭火指挥部办公室联系人：林志坚，联系电话：0751-8123456。",
        "　　特此通知。",
        "　　附件：武江区春季森林防灭火重点区域表",
        "韶关市武江区人民政府办公室",
        "2024年3月8日",
        "（此件公开发布）",
        "抄送：区委办公室，区人大常委会办公室。",
        "韶关市武江区人民政府办公室　　　　　2024年3月8日印发",
    ]
)
NOTICE_META = {"title": "韶关市武江区人民政府办公室关于切实做好2024年春季森林防灭火工作的通知"}

REPLY = "\n".join(
    [
        "清远市清城区住房和城乡建设局",
        "政府信息公开申请答复书",
        "清城住建依复〔2024〕27号",
        "陈嘉豪：",
        "　　本机关于2024年5月28日收到陈嘉豪通过信函方式提交的政府信息公开申请，"
        "申请获取锦绣花园小区竣工验收备案表。申请人身份证号码440205196504121239。",
        "　　经审查，您申请的备案表属于本机关制作并保存的政府信息，现予提供。",
        "　　陈　嘉豪如对本答复不服，可以自收到本答复之日起六十日内申请行政复议。",
        "清远市清城区住房和城乡建设局",
        "2024年6月18日",
        "送达地址：清远市清城区凤城街道锦绣花园二期8栋1502房",
    ]
)
REPLY_META = {"title": "政府信息公开申请答复书"}


def _span(text: str, value: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    return {"start": start, "end": start + len(value), "label": "PERSON"}


# --- the lead -----------------------------------------------------------------------------


def test_the_summary_is_the_lead_of_the_body_without_header_and_formulas() -> None:
    summary = summarize(NOTICE, NOTICE_META)
    assert summary.text.startswith("当前正值春耕备耕和清明祭扫时期")
    assert "为切实做好我区2024年春季森林防灭火工作。" in summary.text  # lead-in cut to content
    for absent in (
        "武府办函",  # 文号
        "关于切实做好",  # title
        "各镇人民政府、街道办事处",  # 主送机关
        "通知如下",
        "经区人民政府同意",
        "压实防火责任。",  # a section heading is not a sentence of content
        "特此通知",
        "联系人",
        "附件",
        "2024年3月8日",
        "抄送",
        "印发",
    ):
        assert absent not in summary.text, absent


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("　　经研究，现将有关事项通知如下：", None),
        ("　　经审查，现答复如下：", None),
        ("　　公示名单如下：", None),
        (
            "　　《应急预案》已经区人民政府同意，现印发给你们，请认真贯彻执行。",
            "《应急预案》已经区人民政府同意。",
        ),
        (
            "　　现将近期查办的3起食品安全违法典型案例通报如下：",
            "现将近期查办的3起食品安全违法典型案例通报。",
        ),
        ("　　特此通告。", None),
        ("　　妥否，请批示。", None),
        ("　　如不服本决定，可以在六十日内申请行政复议，或者在六个月内提起行政诉讼。", None),
        ("　　中标价：人民币4,865,320.00元", "中标价：人民币4,865,320.00元。"),
        ("　　一、中标人情况", None),  # a heading
        ("　　监督电话：0751-8883451（区教育局）", None),
        ("　　公示期间如有异议，请向街道社会事务办公室反映。", None),
        ("序号　姓名　性别　身份证号码", None),  # a table row
        ("2024年5月6日", None),
        ("韶关市曲江区马坝镇人民政府", None),
    ],
)
def test_formulas_headings_and_end_matter_are_dropped(line: str, kept: str | None) -> None:
    text = "关于某事项的通知\n" + line + "\n　　全区共完成造林面积一千二百亩，成活率百分之九十五。"
    summary = summarize(text, {"title": "关于某事项的通知"})
    first = summary.text.split("全区共完成")[0]
    assert first == (kept or "")


@pytest.mark.parametrize("max_chars", [30, 60, 100, 150, 200, 400])
def test_summary_is_whole_sentences_within_the_limit(max_chars: int) -> None:
    text = summarize(NOTICE, NOTICE_META, max_chars=max_chars).text
    assert 0 < len(text) <= max_chars
    if not text.endswith("…"):
        assert text.endswith("。")
        longer = summarize(NOTICE, NOTICE_META, max_chars=2000).text
        assert longer.startswith(text)  # a prefix of whole sentences, nothing cut


@pytest.mark.parametrize("max_chars", [20, 50, 80])
def test_a_first_sentence_longer_than_the_limit_is_cut_and_marked(max_chars: int) -> None:
    sentence = "为" + "，".join(["加快推进全区高标准农田建设和农田水利设施提档升级"] * 6) + "。"
    text = summarize(
        "关于某事项的通知\n　　" + sentence, {"title": "关于某事项的通知"}, max_chars=max_chars
    ).text
    assert text.endswith("…") and len(text) <= max_chars
    assert sentence.startswith(text[:-1])


def test_a_document_without_body_sentences_gets_an_empty_summary() -> None:
    table = (
        "某镇补贴对象名单\n序号　姓名　面积\n1　张三　5.6\n2　李四　3.2\n某镇人民政府\n2024年5月6日"
    )
    assert summarize(table, {"title": "某镇补贴对象名单"}).text == ""
    assert summarize("", None) == Summary("", [])


def test_plain_text_without_indents_is_read_by_its_sentence_ends() -> None:
    flat = NOTICE.replace("　　", "")
    assert summarize(flat, NOTICE_META).text == summarize(NOTICE, NOTICE_META).text


def test_summary_is_deterministic() -> None:
    assert summarize(NOTICE, NOTICE_META) == summarize(NOTICE, NOTICE_META)


# --- keywords -----------------------------------------------------------------------------


def test_keywords_keep_the_title_terms_and_drop_generic_words() -> None:
    words = summarize(NOTICE, NOTICE_META).keywords
    assert 5 <= len(words) <= 8
    assert words[0] == "森林防灭火"  # the topic lexicon's term, whole; jieba would cut it
    assert not set(words) & GENERIC_WORDS
    assert not set(words) & {"通知", "工作", "有关", "单位", "各级"}
    assert all(len(w) >= 2 and not re.search(r"\d", w) for w in words)


@pytest.mark.parametrize("count", [5, 6, 8])
def test_keyword_count_is_configurable(count: int) -> None:
    assert len(summarize(NOTICE, NOTICE_META, keyword_count=count).keywords) == count


# --- redactions ---------------------------------------------------------------------------


@pytest.mark.parametrize("as_objects", [False, True])
def test_a_redacted_value_never_reaches_the_catalog(as_objects: bool) -> None:
    spans = [
        _span(REPLY, "陈嘉豪", 0),
        _span(REPLY, "陈嘉豪", 1),
        _span(REPLY, "440205196504121239"),
    ]
    if as_objects:
        spans = [Redaction(s["start"], s["end"], "PERSON") for s in spans]  # type: ignore[misc]
    summary = summarize(REPLY, REPLY_META, spans)
    assert "■■■" in summary.text  # the lead is kept, the value masked
    assert "本机关于2024年5月28日收到■■■通过信函方式" in summary.text
    public = summary.text + "".join(summary.keywords)
    for value in ("陈嘉豪", "陈　嘉豪", "嘉豪", "440205196504121239", "1239"):
        assert value not in public
    # without redactions the same text would show the name: the test tests something
    assert "陈嘉豪" in summarize(REPLY, REPLY_META).text


def test_a_long_number_detection_missed_stays_out_of_the_summary() -> None:
    """Safety net: a sentence with an unmasked ID/phone/card number is not catalog text."""
    text = summarize(REPLY, REPLY_META).text
    assert "身份证号码" not in text and "440205" not in text


def test_a_mask_run_does_not_tell_the_length_of_the_value() -> None:
    short = summarize(REPLY, REPLY_META, [_span(REPLY, "陈嘉豪", 1)]).text
    assert "收到■■■通过" in short and "■■■■" not in short


def test_a_redaction_outside_the_text_is_refused() -> None:
    with pytest.raises(ValueError, match="outside the text"):
        summarize(REPLY, REPLY_META, [{"start": 5, "end": len(REPLY) + 3}])


def test_mask_redactions_masks_every_occurrence_and_keeps_lines() -> None:
    masked, values = mask_redactions("甲张三乙\n丙张 三丁\n", [{"start": 1, "end": 3}])
    assert masked == "甲■■乙\n丙■■■丁\n"
    assert values == ["张三"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_no_random_redaction_leaks_into_summary_or_keywords(data: st.DataObject) -> None:
    text = REPLY if data.draw(st.booleans()) else NOTICE
    meta = REPLY_META if text is REPLY else NOTICE_META
    starts = data.draw(st.lists(st.integers(0, len(text) - 2), min_size=1, max_size=4))
    spans = [{"start": s, "end": min(len(text), s + data.draw(st.integers(2, 12)))} for s in starts]
    summary = summarize(text, meta, spans)
    squeeze = re.compile(r"[\s\u3000\u00a0]")
    public = squeeze.sub("", summary.text)
    for span in spans:
        value = squeeze.sub("", text[span["start"] : span["end"]])
        if len(value) >= 2:
            assert value not in public
            assert not any(value in word for word in summary.keywords)


def test_devset_summaries_leak_no_labelled_span(devset_records: dict[str, dict[str, Any]]) -> None:
    """Every devset document, redacted by its gold spans: no span's text in the summary or
    the keywords; every document with body text gets a summary (printed: pytest -s)."""
    for doc_id, record in sorted(devset_records.items()):
        summary = summarize(record["text"], record["metadata"], record["spans"])
        print(f"{doc_id} {summary.keywords} {summary.text[:60]}…")
        public = re.sub(r"\s", "", summary.text)
        for span in record["spans"]:
            value = re.sub(r"\s", "", span["text"])
            assert len(value) < 2 or value not in public, (doc_id, value)
            assert not any(value in word for word in summary.keywords), (doc_id, value)
        assert summary.text, doc_id
        assert 5 <= len(summary.keywords) <= 8, doc_id

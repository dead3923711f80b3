"""Papers whose title is not where GB/T 9704 puts it (the twentieth hand's kinds), each row
in words of its own: a 发文稿纸 in front of the 正文 or alone, a 公开目录 box whose two
columns interleave, a 便函 titled under its 主送, a 表 titled above its rows, 第N页 共M页
above a 笔录, OCR look-alikes in a title, a 决议 dated by its 通过 line, a 通报批评, and a
关于-title of two clauses set with a centring indent."""

from __future__ import annotations

import pytest

from pipeline.metadata import extract_metadata

S = "\u3000"
BODY = ["　　经局务会研究，现就有关事项通知如下。", "　　请遵照执行。"]


def _text(*lines: str) -> str:
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("text", "title", "number"),
    [
        (  # the form alone, its labels letter-spaced, the title wrapped in its cell
            _text(
                "桃源县水利局发文稿纸",
                f"签　　发：黄国平{S * 2}核　　稿：邱明",
                f"拟稿单位：河湖股{S * 2}拟稿人：邹红",
                "标　　题：关于开展汛前水毁工程",
                "修复验收工作的通知",
                f"文　　号：桃水发〔2025〕17号{S * 2}密　级：无",
                f"校　　对：{S * 4}份　　数：20",
            ),
            "关于开展汛前水毁工程修复验收工作的通知",
            "桃水发〔2025〕17号",
        ),
        (  # the other column's field between the title's lines, then the 正文 untitled
            _text(
                "会签：　　　　核稿：严小军",
                "签发：孔德林　6月2日",
                "事由：关于印发《鼎城区河道采砂管理",
                "主送：各镇街，区直各单位",
                "办法》的通知",
                "发文字号：鼎政办发〔2024〕9号",
                "各镇街，区直各单位：",
                *BODY,
                S * 12 + "鼎城区人民政府办公室",
                S * 13 + "2024年6月3日",
            ),
            "关于印发《鼎城区河道采砂管理办法》的通知",
            "鼎政办发〔2024〕9号",
        ),
        (  # a 公开目录 box, labels spaced, the 名称 wrapped past the next row's cell
            _text(
                f"索 引 号：43072/2024-0081{S * 3}主题分类：农业、林业",
                f"发布机构：石门县农业农村局{S * 3}成文日期：2024年07月09日",
                "名　　称：关于做好夏季高温天气农业",
                f"{S * 14}有 效 性：有效",
                "防灾减灾工作的通知",
                f"文　　号：石农发〔2024〕31号{S * 3}发布日期：2024年07月10日",
                "各乡镇农业综合服务中心：",
                *BODY,
            ),
            "关于做好夏季高温天气农业防灾减灾工作的通知",
            "石农发〔2024〕31号",
        ),
    ],
)
def test_title_and_number_from_a_form(text: str, title: str, number: str) -> None:
    meta = extract_metadata(text)
    assert (meta.title, meta.doc_number) == (title, number)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (  # a 便函 with its 主送 above the title
            _text(
                "津市市教育局",
                "（便函）",
                "市自然资源局：",
                S * 6 + "关于商请提供新建学校选址",
                S * 8 + "用地资料的函",
                "　　因工作需要，请予协助。",
                S * 12 + "津市市教育局",
                S * 13 + "2025年3月4日",
            ),
            "关于商请提供新建学校选址用地资料的函",
        ),
        (  # a 表 titled above its rows, under a 附表 marker
            _text(
                "附表2",
                S * 6 + "汉寿县2025年中小河流治理",
                S * 7 + "项目资金分配表",
                "编制单位：汉寿县水利局　　单位：万元",
                "序号\t项目\t金额",
            ),
            "汉寿县2025年中小河流治理项目资金分配表",
        ),
        (  # the text layer's 第N页（共M页） above the organ and a 笔录's heading
            _text(
                "第 2 页（共 3 页）",
                "石门县林业局",
                S * 10 + "行政执法调查笔录",
                "时间：2025年5月6日9时",
                "地点：某林场",
            ),
            "行政执法调查笔录",
        ),
        (  # OCR look-alikes: 关干, a hyphen for 一, O in a year
            _text(
                "澧县应急管理局文件",
                S * 9 + "澧应急发〔2025〕3号",
                "关干2O25年度“一企-策”安全帮扶工作的通知",
                "各乡镇：",
                *BODY,
            ),
            "关于2025年度“一企一策”安全帮扶工作的通知",
        ),
        (  # a two-clause 关于-title, its lines set with a paragraph's indent
            _text(
                "慈利县交通运输局文件",
                S * 9 + "慈交发〔2024〕12号",
                "　　关于强化农村公路养护，",
                "　　切实提升通行安全水平的意见",
                "各乡镇：",
                *BODY,
            ),
            "关于强化农村公路养护，切实提升通行安全水平的意见",
        ),
    ],
)
def test_title_set_elsewhere(text: str, title: str) -> None:
    assert extract_metadata(text).title == title


def test_resolution_dated_by_its_adoption_line() -> None:
    text = _text(
        "桑植县人民代表大会常务委员会关于",
        "批准县级决算的决议",
        "（2025年8月26日桑植县第十八届人民代表大会常务委员会第三十一次会议通过）",
        "　　会议审议了县人民政府提请的报告，决定予以批准。",
    )
    meta = extract_metadata(text)
    assert (meta.title, meta.date) == (
        "桑植县人民代表大会常务委员会关于批准县级决算的决议",
        "2025-08-26",
    )


@pytest.mark.parametrize(("title", "kind"), [("关于对部分单位会风会纪问题的通报批评", "通报")])
def test_a_bulletin_named_by_what_it_does(title: str, kind: str) -> None:
    text = _text(
        "安乡县人民政府办公室文件", S * 9 + "安政办通〔2025〕2号", title, "各单位：", *BODY
    )
    assert extract_metadata(text).doc_type == kind

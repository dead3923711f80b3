"""Who wrote it: a 公共企事业单位, whose information the 条例 reaches by 第五十五条.

第五十五条 has 教育、卫生健康、供水、供电、供气、供热、环境保护、公共交通 and like 公共企事业
单位 publish what they hold in providing their service (a school's 招生 or 资助 notice, a
hospital's prices, a water company's 停水 or 水质 notice). When such a unit is the writer,
the basis of a published paper names 第五十五条 beside 第十九条. The writer is read from the
head's first line or the 落款 (the last lines): an office (…局, …人民政府) is not one, nor is a
firm that is not a public utility.
"""

from __future__ import annotations

import re

from pipeline.gongwen import compact

UNIT = re.compile(
    r"(?:[\u4e00-\u9fff]{2,24}?)(?P<kind>(?:中学|小学|幼儿园|大学|学院|中专|职业(?:技术)?学校|学校|"
    r"医院|卫生院|保健院|疾病预防控制中心|急救中心)|"
    r"(?:自来水|供水|水务|供电|电力|燃气|天然气|供气|热力|供热|公共交通|公交)"
    r"[\u4e00-\u9fff]{0,8}?(?:有限责任公司|股份有限公司|有限公司|集团|公司))$"
)
OFFICE = re.compile(r"局|委员会|人民政府|办公室|管理处|厅|部$")
TAIL_LINES = 4
# No 落款: a table row or a list item — cells split by a tab, a number opening it (a 公示
# of schools ends with its rows: 1⇥城关镇中心小学) — or a labelled line (抄送：县人民医院,
# 附件：…, 主送：…: the 版记 and the attachments name others, never the writer).
ROW_OR_ITEM = re.compile(
    r"\t|[：:]|^[ \u3000]*(?:[0-9０-９]|[（(][0-9０-９一二三四五六七八九十]|[一二三四五六七八九十]+、)"
)


def public_institution(text: str) -> str | None:
    """The 公共企事业单位 that wrote the paper (its first line or 落款), or None."""
    lines = [line for line in text.split("\n") if line.strip()]
    for raw in [*lines[:1], *lines[-TAIL_LINES:]]:
        if ROW_OR_ITEM.search(raw):
            continue
        line = compact(raw)
        m = UNIT.search(line)
        if m and len(line) <= 30 and not OFFICE.search(line):
            return line
    return None

"""A list of the outcomes an office gave many parties is published, not served (第二十条).

Offices publish the 办理结果 of 行政许可, 备案 and 登记 as a list — 第N期…结果公告, …办理
结果的公示 — a row a firm: its name, its 统一社会信用代码, 准予许可 / 予以备案 / 准予变更
(条例 第二十条（五）（六）). Each row reads like a permit granted, and the title may be
lost under a 版头, so the one-party readers took the list for a 许可决定书 served on its
holder (第十五条). A decision served on one party names one party; a list names several,
each beside its own outcome.
"""

from __future__ import annotations

import re

from pipeline.gongwen import compact

# A row's party: a firm or body by its suffix, or its 统一社会信用代码.
PARTY = re.compile(
    r"[\u4e00-\u9fff（）()]{2,30}(?:有限公司|有限责任公司|公司|厂|合作社|中心|医院|诊所|旅行社|学校|事务所)|"
    r"(?<![0-9A-Z])[0-9]{2}[0-9A-Z]{16}(?![0-9A-Z])"
)
# A row's outcome: granted, filed, changed, renewed, refused, cancelled.
OUTCOME = re.compile(
    r"准予|予以(?:备案|登记|许可|变更|延续|注销)|同意(?:备案|登记|许可)|不予(?:许可|备案|登记)|"
    r"(?:备案|登记|审批)(?:通过|完成)|已(?:备案|登记|发证)"
)
MIN_ROWS = 3
REACH = 60  # how far before its outcome a row's party stands (a cut line wraps the row)


def results_list_reason(text: str) -> str | None:
    """Why the paper is a published list of 许可/备案 outcomes on several parties, or None."""
    flat = compact(text.replace("\n", ""))
    rows = [
        party[-1]
        for m in OUTCOME.finditer(flat)
        if (party := PARTY.findall(flat[max(0, m.start() - REACH) : m.start()]))
    ]
    if len(rows) >= MIN_ROWS and len({row[-10:] for row in rows}) >= 2:  # a name, not its run-in
        return f"逐一公布{len(rows)}项单位的行政许可、备案办理结果，依第二十条（五）（六）主动公开"
    return None

"""Private residential addresses (ADDRESS): where a person lives, down to 号/栋/室.

Anchored by what 公文 write before them (``lexicons/address_cues.txt``: 家住, 住址,
送达地址, 房屋坐落 …) or by a table column with such a header; the address runs to the
next delimiter and must contain address parts (路/街/巷/村/组/号/栋/幢/单元/室/房/楼/
小区/苑 …). Agency and company addresses (地址：…局, 住所：…有限公司) are published,
so a cue-anchored address that names an organ is reported with role "official".
"""

from __future__ import annotations

import re

from pipeline.detect.address_grammar import parse
from pipeline.detect.context import column_header, table_cells
from pipeline.finding import Explanation, Finding, Role
from pipeline.gongwen import OFFICE_ADDRESS
from pipeline.lexicons import matcher

PARTS = re.compile(
    r"(号|栋|幢|单元|室|房|楼|村|组|路|街|巷|弄|里|小区|花园|苑|社区|公寓|大厦|新村|排|宿舍)"
)
# An address holds no colon or opening bracket: "被征收房屋价值由…公司（住所：…" is a sentence.
STOP = re.compile(r"[，,。；;、\n（(）)：:\t]|[\u3000 ]{1}|联系电话|电话|手机|邮编|邮政编码")
HEADERS = ("住址", "地址", "房屋坐落", "坐落", "居住地", "户籍地")


class AddressRecognizer:
    name = "cn_address"
    label = "ADDRESS"

    def analyze(self, text: str) -> list[Finding]:
        found: dict[int, Finding] = {}
        spans = [(a.start, a.end) for a in parse(text)] if "\n" in text else []
        for _start, end, term in matcher("address_cues").find(text):
            pos = end
            while pos < len(text) and text[pos] in "：: \u3000在于为":
                pos += 1
            # A value longer than 60 characters is dropped below: look no further for its
            # end (plus the longest stop word) than that, or a long line is quadratic.
            stop = STOP.search(text, pos, pos + 65)
            stop_at = stop.start() if stop else min(len(text), pos + 65)
            if stop is not None and stop.group(0) == "\n":
                # A line wrap inside the address (…3栋⏎201室): run on to where the grammar,
                # which reads across wraps, ends it.
                stop_at = max([stop_at, *(e for s, e in spans if s <= pos < e)])
            value = text[pos:stop_at]
            if len(value) < 4 or not PARTS.search(value) or len(value) > 60:
                continue
            if not re.search(
                r"[0-9０-９一二三四五六七八九十]+\s*(?:号|栋|幢|单元|室|房|楼|组|排|弄)|村|组",
                value,
            ):
                continue  # an address of a person is precise: 门牌, 楼栋, 村组
            role: Role = "official" if OFFICE_ADDRESS.search(value) else "private"
            why = (
                f"前文有“{term}”，地址属机关或单位，应予公开"
                if role == "official"
                else f"前文有“{term}”，是个人居住地址（具体到门牌）"
            )
            detail = Explanation(self.name, "lexicon:address_cues", 0.9, 0.9, None, (term,), why)
            found[pos] = Finding(
                self.label, pos, pos + len(value), value, 0.9, self.name, why, role, detail
            )
        self._table_cells(text, found)
        return sorted(found.values(), key=lambda f: f.start)

    def _table_cells(self, text: str, found: dict[int, Finding]) -> None:
        for start, raw in table_cells(text):
            cell = raw.strip()
            if (
                start in found
                or len(cell) < 4
                or not PARTS.search(cell)
                or OFFICE_ADDRESS.search(cell)
            ):
                continue
            header = column_header(text, start)
            if header and any(h in header for h in HEADERS) and re.search(r"[0-9０-９]", cell):
                why = f"表格“{header}”栏中的个人住址"
                found[start] = Finding(
                    self.label,
                    start,
                    start + len(cell),
                    cell,
                    0.85,
                    self.name,
                    why,
                    "private",
                    Explanation(self.name, "rule:table_column", 0.85, 0.85, None, (header,), why),
                )

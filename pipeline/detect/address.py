"""Private residential addresses (ADDRESS): where a person lives, down to 号/栋/室.

Anchored by what 公文 write before them (``lexicons/address_cues.txt``: 家住, 住址,
送达地址, 房屋坐落 …) or by a table column with such a header; the address runs to the
next delimiter and must contain address parts (路/街/巷/村/组/号/栋/幢/单元/室/房/楼/
小区/苑 …). Agency and company addresses (地址：…局, 住所：…有限公司) are published,
so a cue-anchored address that names an organ is reported with role "official".
"""

from __future__ import annotations

import re
from itertools import chain

from pipeline.detect.address_grammar import parse
from pipeline.detect.agency_seat import agency_seat
from pipeline.detect.chinese_name import read_name, tag_words
from pipeline.detect.context import column_header, table_cells
from pipeline.detect.room_cells import room_cells
from pipeline.detect.wrapped_cues import wrapped_cues
from pipeline.finding import Explanation, Finding, Role
from pipeline.gongwen import OFFICE_ADDRESS
from pipeline.lexicons import load_terms, matcher

PARTS = re.compile(
    r"(号|栋|幢|单元|室|房|楼|村|组|路|街|巷|弄|里|小区|花园|苑|社区|公寓|大厦|新村|排|宿舍)"
)
# An address holds no colon or opening bracket: "被征收房屋价值由…公司（住所：…" is a sentence.
STOP = re.compile(r"[，,。；;、\n（(）)：:\t]|[\u3000 ]{1}|联系电话|电话|手机|邮编|邮政编码")
HEADERS = ("住址", "地址", "房屋坐落", "坐落", "居住地", "户籍地")
# A room in a works' or an office's housing: 员工宿舍4栋493室, 民政所家属院2栋301.
DORM_ROOM = re.compile(
    r"(?:宿舍|家属院|家属区|家属楼|生活区|出租屋)[^，,。；;]*[0-9０-９]{3,4}(?:室|房)?$"
)
# An estate's building-unit-room with no 栋/室 written: 梧桐郡12-4-1101.
DASH_DOOR = re.compile(r"[0-9０-９]+[-－][0-9０-９]+[-－][0-9０-９]+$")


class AddressRecognizer:
    name = "cn_address"
    label = "ADDRESS"

    def analyze(self, text: str) -> list[Finding]:
        found: dict[int, Finding] = {}
        spans = [(a.start, a.end) for a in parse(text)] if "\n" in text else []
        cues = chain(matcher("address_cues").find(text), wrapped_cues(text, "address_cues"))
        for _start, end, term in cues:
            pos = end
            while pos < len(text) and text[pos] in "：: \u3000\t在于为":  # 家庭住址<TAB>…
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
            if len(value) < 4 or len(value) > 60:
                continue
            if not (PARTS.search(value) or DASH_DOOR.search(value)):
                continue
            if not re.search(
                r"[0-9０-９一二三四五六七八九十]+\s*[#＃]?(?:号|栋|幢|单元|室|房|楼|组|排|弄)|村|组"
                r"|[0-9０-９]+[-－][0-9０-９]+",  # an estate's 12-4-1101
                value,
            ):
                continue  # an address of a person is precise: 门牌, 楼栋, 村组
            # a works' dormitory room is its worker's home (…有限公司员工宿舍4栋493室)
            office = OFFICE_ADDRESS.search(value) and not DORM_ROOM.search(value)
            role: Role = "official" if office else "private"
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
        for start, end, header in room_cells(text):  # 9-2-1503 under 房号
            why = f"表格“{header}”栏中的栋-单元-室，是个人居住地址"
            source = Explanation(self.name, "rule:table_column", 0.85, 0.85, None, (header,), why)
            cell = text[start:end]
            found.setdefault(
                start,
                Finding(self.label, start, end, cell, 0.85, self.name, why, "private", source),
            )
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


# Words before an address that say whose it is: an office's, a company's, a project's
# or an event's (published, 条例 第二十条/第二十一条), never a home.
PUBLISHED_CUE = re.compile(
    r"(?:办公地址|办公地点|注册地址|单位地址|企业地址|经营场所|营业场所|经营地址|生产地址|生产经营地址|"
    r"项目地址|建设地点|建设地址|施工地点|工程地点|会议地点|活动地点|受理地点|办理地点|受理窗口|"
    r"咨询地址|咨询地点|来信地址|来信请寄|报名地点|考试地点|开标地点|取水地点|"
    r"项目位于|项目选址于|选址位于|选址于|厂址|所址|站址|院址|局址|队址|"
    # an office, a service point or a room of one is set up somewhere (司法所设在…,
    # 调解室设于…): a place the public is sent to, nobody's home
    r"(?:所|站|中心|窗口|服务点|办公室|大厅|[^\W\d_]室)设(?=[在于]))"
    # 经营场所位于…, 办公地点设在…: the place is said to lie there
    r"(?:位于|坐落于|设在|设于|[：:为在于])?[ \u3000]*$"
)
# A parcel's bounds (四至): 地块…东至望江路，西至清水湾18号 — a side of land to be sold or
# taken, in a notice that is published; the estate or door named there is nobody's home.
# Not 广东至 / 山东至 (a province, then 至 of a route).
BOUND_CUE = re.compile(r"(?<![广山河江关华辽陇岭海])([东南西北])至[ \u3000]*$")
PARCEL_WORDS = re.compile(r"地块|宗地|用地|四至|红线|征收范围|征地范围|出让")
# Where a model's span runs across a sentence's punctuation, it is several places.
CLAUSE_BREAK = re.compile(r"[，,；;。]")
# An organisation's name, then its address: 某某有限公司（住所：…, 向某某人民政府（地址：….
ORGANISATION_THEN_SEAT = re.compile(
    r"(?:有限公司|有限责任公司|公司|集团|厂|局|人民政府|政府|委员会|管委会|中心|法院|检察院|医院|"
    r"学校|银行|协会|事务所|办事处|分局|大队|支队|站|所|店|商行|经营部|合作社|股|科|办公室)"
    r"[）)]?[（(，,：:\s]{0,2}(?:地址|住所地|住所|注册地|所在地)[：:为在于]?[ \u3000]*$"
)
# After the address: the organisation that sits there (…88号的某某有限公司, …号市信访局),
# with no verb or preposition between (…号的房屋被某某公司 is a home).
ORGANISATION_AFTER = re.compile(
    r"(?:的|之)?(?:(?![被由与和向对将在把给让房屋楼下旁边附近侧])[\u4e00-\u9fff（）()]){0,14}?(?:有限公司|有限责任公司|公司|集团|厂|人民政府|委员会|"
    r"服务中心|政务中心|局|法院|医院|学校|银行|门店|超市|酒店)"
)


# A shop, a clinic or a school, then where it is: 某某便民药店（梧桐郡14-2-1203）, 某某幼儿园
# 位于…. Not 所 or 站 (其住所位于… is a home).
SHOP_THEN_PLACE = re.compile(
    r"(?:有限公司|公司|集团|厂|人民政府|委员会|中心|医院|卫生院|卫生室|诊所|学校|幼儿园|银行|"
    r"超市|药店|药房|驿站|食堂|酒店|宾馆|门店|商店|商行|经营部|合作社|"
    # institutions named …院 or …所 (妇幼保健院（北门街12号）, 司法鉴定所（…）): issue 19
    r"保健院|福利院|养老院|敬老院|疗养院|研究院|设计院|法院|检察院|学院|鉴定所|事务所|公证处)"
    r"(?:[（(]|位于|坐落于|设在|设于)[ \u3000]*$"
)
# A run of buildings or groups (11栋、12栋, 8栋至20栋, 二组、三组): an area, not one home.
RUN_END = re.compile(r"(?:栋|幢|号楼|组)$")
RUN_NEXT = re.compile(
    r"[ \u3000]*(?:、|至|到|和|及|－|-)[ \u3000]*(?:[0-9０-９]+|[一二三四五六七八九十]+)"
)
# Everybody in a building or a group (居住在…二组的群众到村部领取): a notice to many.
MANY_AFTER = re.compile(r"的?(?:群众|村民|农户|居民|业主|全体)")
MANY_INSIDE = re.compile(r"(?:栋|幢|号楼|组)的?(?:群众|村民|农户|居民|业主|全体)")
# A public event held at the place (在…10号楼前开展义诊, …架空层举办).
EVENT = re.compile(
    r"(?:前|门前|楼前|架空层|广场|门口|空地|院内|大厅|一楼)?(?:开展|举办|举行|召开|组织开展)"
)
# A 公示 row whose first cell is a thing, not a 户主 (1.集体仓库，四组42号，2600 or
# 2.水毁修复⇥三组21号⇥8500): the asset's or the works' place; a household's row names a person.
ROW_CELL = re.compile(
    r"(?m)^[ \u3000]*(?:[0-9]+[.、．]?[ \u3000\t]*)?(?P<cell>[\u4e00-\u9fff]{2,8})[，,\t][ \u3000]*$"
)


# What jieba tags the words of an asset or a works item (集体/n 仓库/n, 路灯/n 安装/v);
# a name holds a word it tags otherwise (柳/n 平静/a, 公孙/n 长顺/ns, 文晨/nz, 张红/nr).
THING_TAGS = frozenset({"n", "v", "vn", "t"})


def _thing_row(text: str, start: int) -> str | None:
    """The first cell of a list row right before ``start`` when it is a thing (集体仓库,
    水毁修复), not a person: no name read there, and every word of it a common noun or
    verb. None when the address is not the second cell of a row, or the cell may be a
    name (a 户主's row is a home)."""
    row = ROW_CELL.search(text, max(0, start - 24), start)
    if row is None or row.end() != start:
        return None
    cell = row.group("cell")
    if read_name(text, row.start("cell"), strong=True) == cell:
        return None
    if cell.endswith(load_terms("address_cues")):
        return None  # 家庭住址<TAB>…: a form's field, the home after it
    tags = tag_words(cell)
    # two words or more, the first not a one-character surname (田/n 爱民/n, 任华学/n)
    if len(tags) < 2 or len(tags[0][0]) < 2:
        return None
    return cell if all(flag in THING_TAGS for _w, flag in tags) else None


def published_address(text: str, start: int, end: int) -> str | None:
    """Why the address at ``start``–``end`` is an organisation's or a place's, not a
    home: the cue before it (办公地址：, 项目位于, 会议地点：), an organisation named right
    before its 地址/住所, or the organisation named right after it (位于…的某某公司);
    None when nothing says so."""
    before = text[max(0, start - 24) : start]
    bound = BOUND_CUE.search(before)
    if bound is not None and PARCEL_WORDS.search(text, max(0, start - 80), start):
        return f"地块四至（{bound.group(1)}至）"
    cue = PUBLISHED_CUE.search(before)
    if cue is not None:
        return cue.group(0).rstrip("：:为在于 \u3000")
    seat = ORGANISATION_THEN_SEAT.search(before)
    if seat is not None:
        return seat.group(0).strip("）)（(，,：: \u3000")
    after = ORGANISATION_AFTER.match(text, end, min(len(text), end + 20))
    if after is not None and "\n" not in after.group(0):
        return after.group(0).lstrip("的之")
    agency = agency_seat(text, start)
    if agency is not None:
        return f"{agency}的驻地"
    shop = SHOP_THEN_PLACE.search(before)
    if shop is not None:
        return shop.group(0).rstrip("（(位于坐落设在 \u3000")
    value = text[start:end]
    if MANY_INSIDE.search(value):
        return "整组或整栋的群众，非一户"
    if RUN_END.search(value) and (
        RUN_NEXT.match(text, end)
        or text[start - 1 : start] == "至"
        or ((many := MANY_AFTER.match(text, end)) and not read_name(text, many.end()))
    ):
        return "多栋楼或整组并列，指一片区域而非一户"
    if text[max(0, start - 2) : start].endswith("在") and (
        EVENT.match(text, end) or EVENT.search(value)
    ):
        return "活动举办地点"
    thing = _thing_row(text, start)
    if thing is not None:
        return f"公示行首为“{thing}”，非户主姓名"
    return None


def clause_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span split at the sentence punctuation inside it (，；。), each piece without a
    leading 四至 word (东至…): a model that read "滨江新区，东至望江路，西至清水湾18号" as
    one address read three places, each to be judged alone. The span itself when it holds
    no such punctuation."""
    pieces: list[tuple[int, int]] = []
    at = start
    for m in [*CLAUSE_BREAK.finditer(text, start, end), None]:
        stop = end if m is None else m.start()
        if text.startswith(("东至", "南至", "西至", "北至"), at):
            at += 2
        if stop > at:
            pieces.append((at, stop))
        if m is not None:
            at = m.end()
    return pieces

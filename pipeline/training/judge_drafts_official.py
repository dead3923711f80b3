"""Generated drafts where most addresses are published: an office's, a company's, a
project site's, a venue's — the judge's negatives for ADDRESS, beside homes to keep.

An address a 公文 prints is a home only when it is where a natural person lives (住址,
住所 of a person, 送达地址). The 条例 publishes the rest: an agency's 办公地址 and the
places to apply, ask or write (第二十条), a licensed or penalised company's 住所 and
经营场所, the site of a project under 环评 or 招标 (第二十一条), the venue of a meeting.
They are written to door level too (市民中心B座3楼305室, 工业园纬二路8号2栋), in the same
shapes a home takes; what tells them apart is whose address it is and the words before
it. Each kind here also holds a private person's home (a complainant, an applicant), so
the judge learns the owner, not the shape. Written for this project beside
:mod:`pipeline.training.judge_drafts`, whose writer and people they share.
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.training.judge_drafts import (
    ESTATE_KINDS,
    ESTATE_WORDS,
    SEAT_ROADS,
    People,
    Writer,
    begin,
    closing_lines,
    draft_year,
    month_day,
    named_official,
    objection_and_close,
    word_list,
)

BUILDINGS = word_list("市民中心 政务服务中心 行政中心 综合楼 办公楼 科技大厦 商务大厦 产业园")
PARKS = word_list("经济开发区 高新技术产业开发区 工业园区 工业集中区 物流园区")
VENUES = word_list("第一会议室 多功能厅 报告厅 三楼会议室 培训室")
PLACES_TO_GO = (
    ("办公地址", "办公地点"),
    ("受理地点", "办理地点", "受理窗口"),
    ("咨询地点", "咨询地址"),
    ("报名地点", "报名地址"),
    ("联系地址", "通讯地址", "地址"),
)
LICENCES = word_list("食品经营许可 排污许可 建筑工程施工许可 药品经营许可 道路运输经营许可")
PROJECTS = word_list(
    "污水处理厂扩建工程 标准化厂房建设项目 道路提质改造工程 老旧小区改造项目 "
    "农贸市场升级改造项目 光伏发电项目 危险废物贮存库建设项目"
)
COMPLAINTS = ("噪声扰民", "油烟直排", "夜间施工", "粉尘污染", "占道经营", "异味扰民")


def site(p: People) -> str:
    """A published address to door level: a seat, a floor or window of a building, a
    factory in a park, with the province, the city, or neither."""
    rng = p.rng
    province, city, district = p.fake.region()
    head = rng.choice((province + city + district, city + district, district, ""))
    road = rng.choice(SEAT_ROADS) + rng.choice(("路", "大道", "街", "二路"))
    base = f"{head}{road}{rng.randint(1, 999)}号"
    style = rng.randrange(5)
    if style == 0:
        return base
    if style == 1:
        tower = rng.choice(("", "A座", "B座", "1号楼", "2号楼", "东楼"))
        return (
            base
            + rng.choice(BUILDINGS)
            + tower
            + f"{rng.randint(1, 12)}楼{rng.randint(1, 9)}{rng.randint(1, 20):02d}室"
        )
    if style == 2:
        return f"{head}{rng.choice(BUILDINGS)}{rng.randint(1, 3)}楼{rng.randint(1, 30)}号窗口"
    if style == 3:
        return f"{head}{rng.choice(PARKS)}{road}{rng.randint(1, 99)}号{rng.randint(1, 9)}栋"
    return base + f"{rng.randint(1, 30)}层{rng.randint(1, 30):02d}{rng.randint(1, 9)}室"


def project_site(p: People) -> str:
    """A project's location: a village group, an estate being renovated, a plot."""
    rng = p.rng
    _province, _city, district = p.fake.region()
    kind = rng.randrange(3)
    if kind == 0:
        return f"{district}{p.village()}{rng.randint(1, 12)}组"
    if kind == 1:
        estate = rng.choice(ESTATE_WORDS) + rng.choice(ESTATE_KINDS)
        return f"{district}{estate}{rng.randint(1, 20)}栋至{rng.randint(21, 40)}栋"
    return site(p)


def complainant(w: Writer, p: People) -> None:
    """A private person with a home: the contrast every kind holds."""
    rng = p.rng
    w.add(rng.choice(("投诉人", "举报人", "来信人", "申请人")))
    w.value("PERSON", p.name(0.1))
    w.add(rng.choice(("（住", "，住", "，家住", "（现住")))
    w.value("ADDRESS", p.home())
    w.add(rng.choice(("）", "，")))


def service_guide(p: People) -> Writer:
    """A notice or 办事指南 giving where to apply, ask, write and meet."""
    rng, w, agency = begin(p)
    w.add(
        f"{agency}\n关于{rng.choice(('开展', '办理'))}{rng.choice(LICENCES)}的{rng.choice(('通知', '办事指南', '公告'))}\n\n"
    )
    w.add("\u3000\u3000为方便群众办事，现将有关事项公告如下：\n")
    for cues in rng.sample(PLACES_TO_GO, rng.randint(2, 4)):
        w.add(f"\u3000\u3000{rng.choice(cues)}{rng.choice(('：', '：', ''))}")
        w.value(None, site(p))
        w.add(
            rng.choice(
                (
                    "。\n",
                    "\n",
                    f"，咨询电话：0{rng.randint(310, 999)}-{rng.randint(2000000, 8999999)}。\n",
                )
            )
        )
    if rng.random() < 0.6:
        w.add(f"\u3000\u3000会议定于{month_day(rng)}在")
        w.value(None, site(p))
        w.add(f"{rng.choice(VENUES)}召开，会议地点：")
        w.value(None, site(p))
        w.add("。\n")
    if rng.random() < 0.5:
        w.add("\u3000\u3000来信请寄：")
        w.value(None, site(p))
        w.add(
            f"{agency}{rng.choice(('信访科', '办公室', '政策法规科'))}，邮编：{rng.randint(100000, 850000)}。\n"
        )
    if rng.random() < 0.5:
        w.add("\u3000\u3000另，")
        complainant(w, p)
        w.add(f"反映的{rng.choice(COMPLAINTS)}问题已转办。\n")
    closing_lines(w, p, agency)
    return w


def firm_table(p: People) -> Writer:
    """A licence or penalty 公示 table of companies: seats are published, heads are not
    officials (their names are kept as private, as the devset marks them)."""
    rng, w, agency = begin(p)
    sep = rng.choice(("\t", "  ", "\u3000\u3000"))
    w.add(
        f"{agency}\n{draft_year(rng)}年{rng.choice(LICENCES)}{rng.choice(('准予许可', '行政处罚'))}信息公示\n\n"
    )
    header = rng.random() < 0.7
    seat_word = rng.choice(("住所", "经营场所", "注册地址", "地址"))
    if header:
        w.add(
            sep.join(("序号", "企业名称", "统一社会信用代码", seat_word, "法定代表人", "决定日期"))
            + "\n"
        )
    for i in range(1, rng.randint(3, 7)):
        w.add(f"{i}{sep}{p.fake.company()}{sep}91{rng.randint(10**15, 10**16 - 1)}{sep}")
        w.value(None, site(p))
        w.add(sep)
        w.value("PERSON", p.name(0.05))
        w.add(f"{sep}{draft_year(rng)}年{month_day(rng)}\n")
    return objection_and_close(w, p, agency, "\u3000\u3000如对上述信息有异议，请与", "联系。\n")


def firm_notice(p: People) -> Writer:
    """A decision on a company or a project: its seat, its site, an inspection."""
    rng, w, agency = begin(p)
    company = p.fake.company()
    w.add(
        f"{agency}\n关于{rng.choice(PROJECTS)}{rng.choice(('环境影响报告表的批复', '的公示', '行政处罚决定书'))}\n\n"
    )
    w.add(f"{rng.choice(('当事人', '建设单位', '申请单位', '被检查单位'))}：{company}\n")
    w.add(rng.choice(("住所：", "单位地址：", "注册地址：", "经营场所：", "地址：")))
    w.value(None, site(p))
    w.add(rng.choice(("\n", "，", "\n\u3000\u3000")))
    w.add("法定代表人：")
    w.value("PERSON", p.name(0.05))
    w.add("\n")
    w.add(f"\u3000\u3000{rng.choice(('项目位于', '建设地点：', '项目地址：', '该项目选址于'))}")
    w.value(None, project_site(p))
    w.add(f"，总投资{rng.randint(100, 9000)}万元。")
    w.add(f"{month_day(rng)}，执法人员在位于")
    w.value(None, site(p))
    w.add(f"的{company}{rng.choice(('生产车间', '经营场所', '仓库'))}进行检查，")
    named_official(w, p, before=True)
    w.add("带队。")
    if rng.random() < 0.6:
        w.add("经查，")
        complainant(w, p)
        w.add(f"反映的{rng.choice(COMPLAINTS)}问题属实。")
    w.add(f"{company}（{rng.choice(('地址', '住所'))}：")
    w.value(None, site(p))
    w.add(f"）应于{month_day(rng)}前完成整改。\n")
    closing_lines(w, p, agency)
    return w


OFFICIAL_KINDS: dict[str, Callable[[People], Writer]] = {
    "service_guide": service_guide,
    "firm_table": firm_table,
    "firm_notice": firm_notice,
}

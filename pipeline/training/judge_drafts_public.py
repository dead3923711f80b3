"""Generated drafts with no private person to keep: the judge's negatives.

Published texts name people too — officials in office, experts and executives quoted in
news, a head signing an order with the title letter-spaced (局 长 王东) — and run brand
names, items and numbers between spaces and 、 as a PDF's text layer gives them
(配网 35 千伏, 汾酒、西凤). None of these is a private person's name or home; a judge
taught only by drafts full of private persons would keep them. Written for this project
beside :mod:`pipeline.training.judge_drafts`, whose writer and people they share.
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.training.judge_drafts import (
    ESTATE_KINDS,
    ESTATE_WORDS,
    OFFICIAL_TITLES,
    People,
    Writer,
    begin,
    closing_lines,
    draft_year,
    month_day,
    named_official,
    word_list,
)

CAMPAIGNS = word_list("安全生产大检查 城乡环境整治 消防安全排查")
ITEMS = word_list(
    "牛肉卷 毛肚 鸭血 冷链物流 小餐饮 农贸市场 陈述 申辩 听证 校外培训 燃气管道 电动车 "
    "消防通道 广告牌 施工扬尘 渣土运输 食品添加剂 特种设备 签名 捺印 真实性 完整性"
)
BRANDS = word_list("汾酒 西凤 古井 洋河 剑南 电网 配网 菜园子 粮袋子 果篮子 惠农 益民 恒通 瑞达")
TASKS = word_list("加强组织领导 摸底排查 集中整治 验收移交 建立长效机制 督导检查 总结评估")
EXPERT_TITLES = word_list("首席分析师 首席经济学家 研究员 教授 院长 董事长 总经理 副行长 行长 主任")
EXPERT_UNITS = word_list("中国人民银行 国家统计局 某某研究院 某证券公司 某大学 市社科院 某咨询公司")
SAYS = word_list("表示 指出 认为 介绍 补充说 在接受记者采访时表示 在阐释时说")


def policy(p: People) -> Writer:
    """A notice with no private person at all: officials, agencies, roads and sites."""
    rng, w, agency = begin(p)
    w.add(f"{agency}\n关于开展{rng.choice(CAMPAIGNS)}的通知\n\n")
    w.add("各乡镇（街道）、局属各单位：\n\u3000\u3000为做好相关工作，成立工作领导小组，由")
    named_official(w, p, before=False)
    w.add("任组长，")
    named_official(w, p, before=False)
    w.add(f"任副组长。检查范围包括{p.village()}至")
    road = rng.choice(("人民", "解放", "建设")) + "路"
    w.add(f"{road}沿线、{rng.choice(ESTATE_WORDS)}{rng.choice(ESTATE_KINDS)}周边及")
    w.value(None, p.seat())
    w.add(f"一带。\n\u3000\u3000请各单位于{month_day(rng)}前将报告报送至")
    w.value(None, p.seat())
    w.add(f"{agency}{rng.choice(('办公室', '综合科'))}。重点检查")
    w.add("、".join(rng.sample(ITEMS, rng.randint(2, 4))) + "等领域。\n")
    for i, task in enumerate(rng.sample(TASKS, rng.randint(2, 4))):
        w.add(f"\u3000\u3000（{'一二三四'[i]}）{task}（{rng.randint(1, 12)}月底前）。\n")
    w.add("\u3000\u3000会议由")
    named_official(w, p, before=False)
    w.add("主持，")
    for i in range(rng.randint(2, 4)):
        w.add("、" if i else "")
        w.add(rng.choice((p.fake.agency(), p.village()[:-1] + rng.choice("镇乡"))))
        w.value(None, p.fake.person())
    w.add("参加。\n")
    closing_lines(w, p, agency)
    return w


def penalty_firm(p: People) -> Writer:
    """A penalty on a company: its seat is published, its representative and staff not."""
    rng, w, agency = begin(p)
    w.add(f"{agency}\n行政处罚决定书\n罚字〔{draft_year(rng)}〕{rng.randint(1, 300)}号\n")
    w.add(f"当事人：{p.fake.company()}\n{rng.choice(('住所', '地址', '经营场所'))}：")
    w.value(None, p.seat() + rng.choice(("", f"{rng.randint(1, 9)}层", f"{rng.randint(1, 9)}号楼")))
    w.add("\n法定代表人：")
    rep = p.name(0.1)
    w.value("PERSON", rep)
    w.add(f"\n\u3000\u3000经查，当事人销售的{'、'.join(rng.sample(ITEMS, 3))}未按规定查验。")
    w.add(f"现场检查时，当事人{rng.choice(('员工', '店长', '仓库管理员'))}")
    staff = p.name(0.1)
    w.value("PERSON", staff)
    w.add("在场，")
    named_official(w, p, before=True)
    w.add("带队检查。当事人未提出陈述、申辩和听证要求。请当事人法定代表人")
    w.value("PERSON", rep)
    w.add("于十五日内缴纳罚款。\n")
    closing_lines(w, p, agency)
    return w


def news(p: People) -> Writer:
    """A news report: quoted experts and officials, a byline, brands and spaced numbers."""
    rng, w = p.rng, Writer()
    w.add(f"{rng.choice(('本报讯', '新华社电', '记者'))}")
    w.value(None, p.fake.person())
    w.add(f"报道 {draft_year(rng)}年{month_day(rng)}，")
    for _ in range(rng.randint(2, 3)):
        name = p.fake.person()
        unit, title = rng.choice(EXPERT_UNITS), rng.choice(EXPERT_TITLES)
        w.add(f"{unit}{title}")
        w.value(None, name)
        w.add(f"{rng.choice(SAYS)}，{rng.choice(CAMPAIGNS)}成效明显。")
        if rng.random() < 0.5:
            w.add("“下一步还将加大力度。”")
            w.value(None, name)
            w.add(f"{rng.choice(SAYS)}。")
    w.add("\n\u3000\u3000全年新建线路 ")
    w.add(
        f"{rng.randint(10, 9000)} 公里，{rng.choice(BRANDS)} {rng.randint(10, 500)} 千伏变电容量 "
    )
    w.add(f"{rng.randint(10, 900)} 万千伏安，培植")
    w.add("、".join(rng.sample(BRANDS, 4)) + "等品牌，")
    w.add(f"{rng.choice(BRANDS)} {rng.randint(1, 9)} 万吨产能扩建。\n")
    if rng.random() < 0.5:  # an order signed by the head, title letter-spaced
        title = rng.choice(OFFICIAL_TITLES)
        w.add(f"\n{' '.join(title)} ")
        w.value(None, p.fake.person())
        w.add(f" \n{draft_year(rng)}年{month_day(rng)}\n")
    return w


PUBLIC_KINDS: dict[str, Callable[[People], Writer]] = {
    "policy": policy,
    "penalty_firm": penalty_firm,
    "news": news,
}

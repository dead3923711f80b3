"""The pieces of benchmarks/attribute_families.py's drafts: places, agencies, people,
topics and regulations another office would write about, and a seeded ``Writer`` that
puts a draft's head, number, date and 落款 together (half of them wrapped as a PDF's text
layer wraps). Kept apart from the families so each file holds one job.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

PLACES = (
    ("贵阳市", ("南明区", "观山湖区", "修文县")),
    ("兰州市", ("城关区", "七里河区", "榆中县")),
    ("柳州市", ("柳北区", "鱼峰区", "柳江区")),
    ("大同市", ("平城区", "云冈区", "阳高县")),
    ("吉林市", ("船营区", "丰满区", "桦甸市")),
    ("遵义市", ("汇川区", "红花岗区", "仁怀市")),
)
AGENCIES = (
    ("交通运输局", "交"),
    ("民族宗教事务局", "宗"),
    ("粮食和物资储备局", "粮"),
    ("乡村振兴局", "振"),
    ("体育局", "体"),
    ("人防办", "人防"),
    ("数据资源局", "数"),
    ("信访局", "访"),
    ("供销合作社联合社", "供销"),
    ("公共资源交易中心", "交易"),
)
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜谢邹喻柏窦章苏潘葛"
GIVEN = "国庆建华秀兰志强淑芬海燕晓东玉梅红军春生丽萍永刚桂芳德明小燕卫平文静"
TOPICS = (
    "农村公路养护",
    "城乡客运一体化",
    "粮食安全责任制考核",
    "全民健身设施建设",
    "政务数据共享",
    "民族团结进步创建",
    "人防工程维护管理",
    "乡村振兴衔接资金使用",
    "农资保供稳价",
    "公共资源交易平台整合",
)
REGULATIONS = (
    "农村公路管理养护办法",
    "公共体育设施开放管理办法",
    "政务数据共享管理暂行办法",
    "地方粮食储备管理办法",
    "城市公共交通条例",
    "养犬管理规定",
    "物业管理条例",
)


@dataclass(frozen=True)
class FamilyDraft:
    kind: str
    text: str
    attribute: str
    article: str  # the article the suggestion's legal_basis must name


class Writer:
    """One draft's pieces, drawn from a seeded ``random.Random``."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        city, places = rng.choice(PLACES)
        self.city = city
        self.place = rng.choice(places)
        self.agency, self.short = rng.choice(AGENCIES)
        self.issuer = f"{city}{self.place}{self.agency}"
        self.gov = f"{city}{self.place}人民政府"
        self.year = rng.randint(2021, 2026)
        self.topic = rng.choice(TOPICS)

    def c(self, *options: str) -> str:
        return self.rng.choice(options)

    def person(self) -> str:
        return self.rng.choice(SURNAMES) + "".join(self.rng.sample(GIVEN, self.rng.choice((1, 2))))

    def number(self, word: str = "") -> str:
        n = self.rng.randint(1, 180)
        return self.c(
            f"{self.place[:1]}{self.short}{word}〔{self.year}〕{n}号",
            f"{self.place[:1]}{self.short}{word}[{self.year}]{n}号",
            f"{self.place[:1]}{self.short}{word}函〔{self.year}〕{n}号",
        )

    def date(self) -> str:
        return f"{self.year}年{self.rng.randint(1, 12)}月{self.rng.randint(1, 28)}日"

    def superior(self) -> str:
        return self.c(
            f"{self.place}人民政府：",
            f"{self.city}{self.agency}：",
            "区委、区政府：",
            "县委、县人民政府：",
            f"{self.place}人民政府办公室：",
            f"{self.city}{self.place}{self.c('领导小组', '指挥部')}办公室：",
        )

    def head(self, title: str, word: str = "") -> list[str]:
        """Issuer line or 文件 head, the number, the title whole, split or lost."""
        no = self.number(word)
        style = self.rng.randrange(5)
        if style == 0:
            return [f"{self.issuer}文件", no, title]
        if style == 1:
            return [no, title]
        if style == 2 and len(title) > 12:
            cut = self.rng.randint(5, len(title) - 4)
            return [self.issuer, no, title[:cut], title[cut:]]
        if style == 3:
            return [self.issuer, no]  # the title line lost in conversion
        return [title, no]

    def finish(self, head: list[str], body: list[str], cc: bool = False) -> str:
        lines = [*head, *body, self.issuer, self.date()]
        if cc:
            lines.append(
                f"抄送：{self.city}{self.c('人民政府办公室', '财政局', '发展和改革委员会')}。"
            )
        return "\n".join(wrap(self.rng, lines))


def wrap(rng: random.Random, lines: list[str]) -> list[str]:
    """Half the drafts come as a PDF's text layer: every long line cut at one width."""
    if rng.random() < 0.5:
        return lines
    width = rng.randint(14, 30)
    out: list[str] = []
    for line in lines:
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return out


P = "\u3000\u3000"

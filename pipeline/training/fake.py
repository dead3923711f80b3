"""Realistic fake pieces of 公文: people, places, agencies, companies, numbers.

Generated text is how the project owns its training data (the devset is the measure and
is never trained on). Everything is drawn from a seeded ``random.Random`` so a training
run is reproducible.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from stdnum.cn import ric

from pipeline.lexicons import load_terms


def resident_id(region: str, birth: date, seq: int) -> str:
    """A syntactically valid 18-digit 居民身份证号 (fictitious)."""
    body = f"{region}{birth:%Y%m%d}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")  # stdnum ignores the last character


# Characters common in given names (both sexes), written for this project.
GIVEN_CHARS = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯"
    "建国志德文海涛晓春雪梅琳丹丹亮林峰宏鑫然婷颖琪瑶欣怡思佳子轩浩然梓涵嘉豪俊杰雨萱"
    "家明永昌立新振华秋菊金凤月娥新民卫东保国淑珍桂兰秀兰凤英玉兰树林德胜庆丰学军正"
    "荣富贵长青光明小龙晨曦博文宏伟冬梅少华乐天一鸣承志若曦诗琪梦琪欣妍浩宇"
)
PROVINCES = (
    (
        "广东省",
        ("广州市", "韶关市", "深圳市", "佛山市", "湛江市"),
        ("天河区", "曲江区", "南山区", "顺德区", "霞山区"),
    ),
    ("浙江省", ("杭州市", "宁波市", "温州市", "绍兴市"), ("西湖区", "鄞州区", "鹿城区", "柯桥区")),
    ("江苏省", ("南京市", "苏州市", "无锡市", "徐州市"), ("鼓楼区", "姑苏区", "梁溪区", "铜山区")),
    ("四川省", ("成都市", "绵阳市", "宜宾市", "南充市"), ("武侯区", "涪城区", "翠屏区", "顺庆区")),
    ("河南省", ("郑州市", "洛阳市", "开封市", "南阳市"), ("金水区", "涧西区", "鼓楼区", "卧龙区")),
    ("湖北省", ("武汉市", "宜昌市", "襄阳市", "荆州市"), ("洪山区", "西陵区", "樊城区", "沙市区")),
    ("山东省", ("济南市", "青岛市", "烟台市", "潍坊市"), ("历下区", "市南区", "芝罘区", "奎文区")),
    ("陕西省", ("西安市", "宝鸡市", "咸阳市"), ("雁塔区", "渭滨区", "秦都区")),
)
VILLAGE_PARTS = "东西南北新大小上下前后石桥河沟岭坪塘湾头庄营寨"
ROAD_PARTS = (
    "人民",
    "解放",
    "建设",
    "中山",
    "和平",
    "新华",
    "文化",
    "胜利",
    "朝阳",
    "东风",
    "滨江",
    "花园",
)
COMPANY_WORDS = ("恒信", "金达", "华盛", "宏远", "鑫源", "永兴", "瑞丰", "天成", "嘉禾", "顺通")
COMPANY_TRADES = ("建材", "食品", "商贸", "物流", "餐饮", "科技", "机械", "环保", "药业", "置业")
AGENCY_DEPTS = (
    "市场监督管理局",
    "生态环境局",
    "住房和城乡建设局",
    "人力资源和社会保障局",
    "自然资源局",
    "农业农村局",
    "民政局",
    "应急管理局",
    "交通运输局",
    "卫生健康委员会",
)


class Fake:
    """Seeded generator of fake 公文 pieces."""

    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)
        terms = load_terms("surnames")
        single = [t for t in terms if len(t) == 1]
        # The list is ordered by frequency: weight common surnames up.
        self.surnames = single
        self.surname_weights = [1.0 / (1 + i) ** 0.6 for i in range(len(single))]
        self.double_surnames = [t for t in terms if len(t) == 2]

    def person(self) -> str:
        rng = self.rng
        if rng.random() < 0.03:
            surname = rng.choice(self.double_surnames)
        else:
            surname = rng.choices(self.surnames, weights=self.surname_weights)[0]
        given_len = 1 if rng.random() < 0.3 else 2
        return surname + "".join(rng.choice(GIVEN_CHARS) for _ in range(given_len))

    def region(self) -> tuple[str, str, str]:
        province, cities, districts = self.rng.choice(PROVINCES)
        return province, self.rng.choice(cities), self.rng.choice(districts)

    def home_address(self) -> str:
        """A private residential address, at one of several levels of detail."""
        rng = self.rng
        province, city, district = self.region()
        head = "".join(p for p in (province, city) if rng.random() < 0.6) + district
        if rng.random() < 0.4:
            town = rng.choice(VILLAGE_PARTS) + rng.choice(VILLAGE_PARTS) + rng.choice(("镇", "乡"))
            village = rng.choice(VILLAGE_PARTS) + rng.choice(VILLAGE_PARTS) + "村"
            tail = f"{rng.randint(1, 12)}组{rng.randint(1, 99)}号" if rng.random() < 0.7 else ""
            return head + town + village + tail
        road = rng.choice(ROAD_PARTS) + rng.choice(("路", "街", "大道", "巷"))
        address = head + road + f"{rng.randint(1, 400)}号"
        if rng.random() < 0.7:
            address += f"{rng.randint(1, 30)}{rng.choice(('栋', '幢', '号楼'))}"
            if rng.random() < 0.5:
                address += f"{rng.randint(1, 4)}单元"
            address += f"{rng.randint(1, 32)}{rng.randint(1, 4):02d}{rng.choice(('室', '房', ''))}"
        return address

    def agency(self) -> str:
        _province, city, district = self.region()
        return self.rng.choice((city, district)) + self.rng.choice(AGENCY_DEPTS)

    def company(self) -> str:
        _province, city, _district = self.region()
        return (
            city[:-1]
            + self.rng.choice(COMPANY_WORDS)
            + self.rng.choice(COMPANY_TRADES)
            + self.rng.choice(("有限公司", "有限责任公司", "股份有限公司"))
        )

    def mobile(self) -> str:
        return self.rng.choice(("138", "139", "135", "186", "177", "159", "188")) + "".join(
            str(self.rng.randint(0, 9)) for _ in range(8)
        )

    def day(self, start: int = 2019, end: int = 2026) -> date:
        first = date(start, 1, 1)
        return first + timedelta(days=self.rng.randint(0, (date(end, 12, 31) - first).days))

    def resident_id(self) -> str:
        region = self.rng.choice(("440205", "440103", "330106", "510107", "410105", "420111"))
        birth = date(1950, 1, 1) + timedelta(days=self.rng.randint(0, 365 * 50))
        return resident_id(region, birth, self.rng.randint(1, 999))

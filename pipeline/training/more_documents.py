"""More generated 公文 kinds: those a new office's inbox held that the first builders lacked.

Written for this project from the 条例 (第十四条 unmarked state secrets, 第十六条 internal
affairs and 行政执法案卷, 第二十条（六） penalties on enterprises) and from how offices
draft them, with near misses on the other side of each line (a public 招考公告 that
names 命题, a 征兵通告, a 人防 fee notice, a 任前公示, a penalty on a company):

| builder | attribute |
|---|---|
| exam paper or 通知 carrying questions before use; 征兵 task numbers and transport; 人防 and military locations; relief-stock depots and routes | 不予公开 (第十四条) |
| 考察材料, 测评 remarks; 询问笔录 / 现场检查笔录 / 案件审批表 / 集体讨论记录; 第三方意见征求函 | 不予公开 (第十六条) |
| penalty or 责令改正 on a company, 复议决定 that corrects an act; subsidy list in prose with addresses | 部分公开 |
| penalty on a natural person in other layouts, 调解书, 法律援助 decision, 不予许可, 维持 复议 on a personal matter | 依申请公开 |
| 招考公告, 征兵通告, 人防 fee notice, 任前公示 | 主动公开 |

Layouts vary as drafts do: the issuer's name on its own line above 关于…, titles
letter-spaced or without 关于, dates only in a 询问时间 line, 发文字号 with 第…号.
"""

from __future__ import annotations

from pipeline.training.documents import Builder, _date, _number, _signature
from pipeline.training.fake import Fake


def _head(fake: Fake, issuer: str, short: str, year: int, title_rest: str) -> list[str]:
    """The head in one of three layouts: title on one line, issuer line + 关于 line
    under a 文件 banner, or a plain 版头 line above the number."""
    style = fake.rng.randrange(3)
    number = _number(fake, short, year)
    if style == 0:
        return [number, f"{issuer}关于{title_rest}"]
    if style == 1:
        return [f"{issuer}文件", number, issuer, f"关于{title_rest}"]
    return [issuer, number, f"关于{title_rest}"]


def exam_paper(fake: Fake) -> tuple[str, str]:
    year = _date(fake)[0]
    rng = fake.rng
    kind = rng.choice(("笔试试卷", "笔试题本", "面试题本", "试题及参考答案"))
    lines = [
        f"{fake.region()[1]}{year}年事业单位公开招聘{kind}",
        rng.choice(("（A卷）", "（备用卷）", "")),
        "一、单项选择题（每题1分）",
        "1．下列关于政府信息公开的说法，正确的是（　）",
        "A．行政机关可以不公开任何信息　B．应当坚持以公开为常态",
        "C．公开只能依申请　D．以上都不对",
        "二、简答题",
        "2．简述行政许可的设定原则。",
        "参考答案：1．B　2．合法、合理、效能原则。",
    ]
    return "\n".join(line for line in lines if line), "不予公开"


def exam_notice(fake: Fake) -> tuple[str, str]:
    """An unmarked 通知 telling where the papers and answers are before the exam."""
    year, date_text = _date(fake)
    issuer = fake.region()[2] + "教育局"
    place = fake.region()[2] + fake.rng.choice(("教育局", "招生考试中心"))
    lines = [
        *_head(fake, issuer, "教考", year, f"做好{year}年中考试卷交接工作的通知"),
        "各考点：",
        f"　　本次考试试卷共{fake.rng.randint(12, 60)}箱，参考答案及评分标准{fake.rng.randint(2, 6)}份，"
        f"已于{fake.rng.randint(1, 20)}日送印完毕，启用前存放于{place}保密室。",
        f"　　A卷为正式卷，B卷为备用卷，由{fake.person()}负责押运交接。",
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "不予公开"


def exam_public(fake: Fake) -> tuple[str, str]:
    """A public 招考公告: names 命题 and 试题 only as rules. Near miss."""
    year, date_text = _date(fake)
    issuer = fake.region()[2] + "人力资源和社会保障局"
    lines = [
        f"{issuer}关于{year}年公开招聘事业单位工作人员的公告",
        "　　一、笔试科目为《职业能力倾向测验》和《综合应用能力》，题型包括单项选择题、判断题。",
        "　　二、命题、审题人员严禁泄露试题，违者依法追究责任。",
        "　　三、考试结束后公布参考答案，考生可登录网站查询成绩。",
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "主动公开"


def conscription_plan(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    issuer = fake.region()[2] + "人民政府征兵办公室"
    towns = [fake.region()[2] + t for t in ("城关镇", "东风镇", "桥头乡")]
    lines = [
        *_head(fake, issuer, "征办", year, f"下达{year}年下半年征兵任务的通知"),
        "各乡镇人民武装部：",
        f"　　{towns[0]}征集任务{fake.rng.randint(8, 40)}名，{towns[1]}征集任务{fake.rng.randint(8, 40)}名。",
        f"　　新兵于{fake.rng.randint(1, 28)}日{fake.rng.randint(6, 20)}时在县人武部集结，"
        f"乘K{fake.rng.randint(100, 999)}次专列起运，途经{fake.region()[1]}输送至部队。",
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "不予公开"


def conscription_public(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    issuer = fake.region()[2] + "人民政府"
    lines = [
        f"{issuer}{year}年征兵工作通告",
        "　　一、征集对象：年满18至22周岁的男性青年，大学生可放宽至24周岁。",
        "　　二、网上报名时间：即日起至8月10日，应征青年登录全国征兵网报名。",
        "　　三、依法服兵役是公民的光荣义务，拒绝、逃避兵役登记的依法处理。",
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "主动公开"


def civil_defence(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    issuer = fake.region()[1] + "人民防空办公室"
    lines = [
        f"{issuer}关于{year}年重点人防工程维护管理情况的报告",
        "市人民政府：",
        f"　　{fake.region()[2]}人防指挥所位于{fake.region()[2]}青龙湾地下二层，"
        f"东经{fake.rng.randint(100, 120)}°{fake.rng.randint(0, 59)}′、北纬{fake.rng.randint(20, 40)}°{fake.rng.randint(0, 59)}′。",
        f"　　全市人防工程{fake.rng.randint(20, 90)}处，其中掩蔽工程{fake.rng.randint(5, 20)}处设于主城区地下。",
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "不予公开"


def civil_defence_fee(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    issuer = fake.region()[1] + "发展和改革委员会"
    lines = [
        f"{issuer}关于调整防空地下室易地建设费标准的通知",
        "各县（市、区）发展改革局：",
        f"　　人防工程易地建设费按每平方米{fake.rng.randint(800, 2500)}元收取，自{year}年起执行。",
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "主动公开"


def relief_depots(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    issuer = fake.region()[2] + "应急管理局"
    lines = [
        f"关于{year}年防汛救灾物资储备情况的报告",
        "县防汛抗旱指挥部：",
        f"　　{fake.region()[2]}救灾物资储备库现存帐篷{fake.rng.randint(100, 900)}顶、"
        f"棉被{fake.rng.randint(1000, 9000)}床，储备点设于{fake.region()[2]}东风仓库。",
        f"　　应急调运路线为经{fake.region()[2]}省道转运至各安置点。",
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "不予公开"


def vetting(fake: Fake) -> tuple[str, str]:
    date_text = _date(fake)[1]
    name = fake.person()
    lines = [
        f"{name}同志考察材料",
        f"　　{name}，男，汉族，现任{fake.agency()}副局长。",
        f"　　考察组认为，该同志工作能力较强，民主测评优秀率{fake.rng.randint(40, 90)}%。",
        "　　主要不足：工作方法有时简单，性格较急躁，有待改进。",
        f"考察组：中共{fake.region()[2]}委员会组织部（{date_text}）",
    ]
    return "\n".join(lines), "不予公开"


def appointment_notice(fake: Fake) -> tuple[str, str]:
    """A 任前公示: names and posts are published. Near miss for 考察."""
    date_text = _date(fake)[1]
    issuer = "中共" + fake.region()[2] + "委员会组织部"
    lines = [
        "干部任前公示",
        "　　根据干部选拔任用有关规定，经民主推荐、组织考察、讨论决定，现将拟任职人选公示如下：",
        f"　　{fake.person()}，男，1980年5月生，现任{fake.agency()}副局长，拟任局长。",
        "　　公示期间，对公示对象有情况反映的，可向组织部反映。",
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "主动公开"


def case_record(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    rng = fake.rng
    title = rng.choice(
        ("询 问 笔 录", "调查询问笔录", "现场检查笔录", "案件处理审批表", "案件集体讨论记录")
    )
    lines = [
        fake.agency(),
        title,
        f"案号：{rng.choice(('市监', '综执', '环'))}立字（{year}）第{rng.randint(1, 999):04d}号",
        f"询问时间：{date_text}9时10分至10时02分",
        f"被询问人：{fake.person()}　性别：男　年龄：{rng.randint(20, 70)}岁",
        f"身份证号码：{fake.resident_id()}",
        f"住址：{fake.home_address()}",
        "问：你对现场检查结果有无异议？",
        "答：没有异议。",
    ]
    return "\n".join(lines), "不予公开"


def third_party_letter(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    issuer = fake.agency()
    company = fake.company()
    lines = [
        issuer,
        "政府信息公开第三方意见征求函",
        _number(fake, "公征", year),
        f"{company}：",
        "　　本机关受理了一件政府信息公开申请，申请公开的信息可能涉及贵公司商业秘密，现书面征求意见。",
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "不予公开"


def order_company(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    issuer = fake.region()[1] + fake.rng.choice(("生态环境局", "市场监督管理局", "应急管理局"))
    kind = fake.rng.choice(("责令改正通知书", "责令限期改正决定书", "行政处罚决定书"))
    lines = [
        issuer,
        kind,
        f"{fake.rng.choice(('环责改', '市监处', '应急罚'))}字({year})第{fake.rng.randint(1, 9999):07d}号",
        f"{fake.company()}：",
        "　　统一社会信用代码：91" + "".join(str(fake.rng.randint(0, 9)) for _ in range(16)),
        f"　　法定代表人：{fake.person()}　联系电话：{fake.mobile()}",
        "　　经查，你单位存在违法排放大气污染物的行为，现责令你单位立即改正。",
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "部分公开"


def penalty_person_other(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    issuer = fake.agency()
    lines = [
        issuer,
        "行政处罚决定书",
        f"{fake.rng.choice(('综执罚', '公罚', '交罚'))}决字({year})第{fake.rng.randint(1, 9999999):07d}号",
        f"当事人姓名：{fake.person()}，男，{fake.rng.randint(1960, 2000)}年{fake.rng.randint(1, 12)}月出生，"
        f"公民身份号码{fake.resident_id()}，住{fake.home_address()}。",
        "　　当事人在城市道路上擅自占道经营，本机关决定处以罚款500元。",
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "依申请公开"


def one_party_decision(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    issuer = fake.region()[2] + fake.rng.choice(("司法局", "人民调解委员会", "行政审批局"))
    kind = fake.rng.choice(("给予法律援助决定书", "人民调解协议书", "不予行政许可决定书"))
    person = fake.person()
    lines = [
        issuer,
        kind,
        _number(fake, "援决", year),
        f"申请人：{person}，女，住{fake.home_address()}，联系电话{fake.mobile()}。",
        "　　经审查，你的申请符合（不符合）有关规定，现决定如下。",
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "依申请公开"


def review_decision(fake: Fake) -> tuple[str, str]:
    year, date_text = _date(fake)
    issuer = fake.region()[2] + "人民政府"
    corrects = fake.rng.random() < 0.5
    matter = (
        "政府信息公开申请答复"
        if corrects
        else fake.rng.choice(("工伤认定", "最低生活保障待遇", "户口登记"))
    )
    lines = [
        f"{issuer}行政复议决定书",
        _number(fake, "政复", year),
        f"申请人：{fake.person()}，女，{fake.rng.randint(1950, 2000)}年出生，住{fake.home_address()}，"
        f"联系电话{fake.mobile()}。",
        f"被申请人：{fake.agency()}。",
        f"　　申请人不服被申请人作出的{matter}，向本机关申请行政复议。",
        (
            "　　本机关认为，被申请人认定事实不清，决定撤销该行为，责令被申请人重新作出答复。"
            if corrects
            else "　　本机关认为，被申请人认定事实清楚，决定维持该行政行为。"
        ),
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "部分公开" if corrects else "依申请公开"


def prose_list(fake: Fake) -> tuple[str, str]:
    """A subsidy list in prose: names are published, addresses are not."""
    year, date_text = _date(fake)
    issuer = fake.region()[2] + "民政局"
    people = "；".join(
        f"{fake.person()}（住{fake.region()[2]}{fake.rng.choice(('东风', '红星', '桥头'))}村"
        f"{fake.rng.randint(1, 9)}组{fake.rng.randint(1, 99)}号），补助{fake.rng.randint(300, 2000)}元"
        for _ in range(fake.rng.randint(2, 4))
    )
    lines = [
        f"{year}年第{fake.rng.randint(1, 4)}季度临时救助对象名单公示",
        f"　　经审核，现将救助对象公示如下：{people}。",
        "　　公示期为5个工作日。",
        _signature(issuer, date_text),
    ]
    return "\n".join(lines), "部分公开"


MORE_BUILDERS: dict[str, Builder] = {
    "exam_paper": exam_paper,
    "exam_notice": exam_notice,
    "exam_public": exam_public,
    "conscription_plan": conscription_plan,
    "conscription_public": conscription_public,
    "civil_defence": civil_defence,
    "civil_defence_fee": civil_defence_fee,
    "relief_depots": relief_depots,
    "vetting": vetting,
    "appointment_notice": appointment_notice,
    "case_record": case_record,
    "third_party_letter": third_party_letter,
    "order_company": order_company,
    "penalty_person_other": penalty_person_other,
    "one_party_decision": one_party_decision,
    "review_decision": review_decision,
    "prose_list": prose_list,
}

"""The third hand's withheld kinds (:mod:`pipeline.training.new_office_cases`): each part
drawn apart, so one kind comes in many wordings.

| builder | attribute |
|---|---|
| 询问/调查/现场检查/勘验 笔录, 案件审批表, 集体讨论记录, 调查终结报告 (行政执法案卷) | 不予公开 (第十六条) |
| 干部考察材料, 考核/测评 remarks, 人事 deliberations | 不予公开 (第十六条) |
| exam questions before use, 征兵 task numbers and transport, 人防 and military locations, 储备 quantities and places, a 计划 said to be 涉密 | 不予公开 (第十四条) |
| near misses: 任前公示, 征兵通告, 招考公告 with rules on 命题 | 主动公开 |
| 公示 with addresses, IDs or accounts (a table column, prose, numbered items) | 部分公开 |
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.training.fake import Fake
from pipeline.training.new_office import Builder, OfficeDraft, government, n, office
from pipeline.training.new_office_cases import ENFORCERS, SEXES, _end, c, printed_title, when


def case_record(fake: Fake, f: int) -> OfficeDraft:
    """A record of a case's handling: 笔录 with 问/答, an 审批表 or a 集体讨论记录."""
    who = office(fake, f, c(fake, *ENFORCERS))
    day = fake.day(2022, 2026)
    kind = fake.rng.randrange(3)
    person = fake.person()
    if kind == 0:
        title = c(
            fake,
            "询问笔录",
            "调查询问笔录",
            "现场检查笔录",
            "勘验笔录",
            "调查笔录",
            "询问笔录（第二次）",
        )
        body = [
            f"{c(fake, '时间', '询问时间', '检查时间')}：{when(day)}{n(fake, 8, 15)}时{n(fake, 10, 59)}分至{n(fake, 15, 17)}时",
            f"{c(fake, '地点', '询问地点', '检查地点')}：{who.name}{c(fake, '执法办案室', '询问室', '')}",
            f"{c(fake, '询问人', '检查人', '调查人')}：{fake.person()}、{fake.person()}\u3000记录人：{fake.person()}",
            f"{c(fake, '被询问人', '当事人', '被检查人')}：{person}，{c(fake, *SEXES)}，身份证号码：{fake.resident_id()}",
            f"问：我们是{who.name}执法人员，{c(fake, '这是我们的执法证件', '现依法对你进行询问')}，你看清楚了吗？",
            c(fake, "答：看清楚了。", "答：清楚。"),
            f"问：{c(fake, '你把事情经过讲一下。', '这些货物是谁的？', '你有无相关许可证件？')}",
            f"答：{c(fake, '是我自己的，大概上个月开始做的。', '没有办理许可证。', '我不清楚，是我老板让我做的。')}",
            f"被询问人签名：{person}",
        ]
    elif kind == 1:
        title = c(
            fake,
            "行政处罚案件审批表",
            "立案审批表",
            "案件处理审批表",
            "结案审批表",
            "行政执法案件审批表",
        )
        body = [
            f"案由：{c(fake, '涉嫌无证经营', '涉嫌违法占地', '涉嫌销售不合格产品')}",
            f"当事人：{person}\u3000联系电话：{fake.mobile()}",
            f"承办人意见：拟处罚款{n(fake, 500, 20000)}元。承办人：{fake.person()}",
            f"{c(fake, '审核意见', '法制审核意见')}：同意承办人意见。",
            f"{c(fake, '负责人审批意见', '审批意见', '领导审批')}：同意。{fake.person()}\u3000{when(day)}",
        ]
    else:
        title = c(
            fake,
            "重大案件集体讨论记录",
            "行政处罚案件集体讨论记录",
            "案件集体讨论笔录",
            "案件调查终结报告",
        )
        body = [
            f"讨论时间：{when(day)}",
            f"主持人：{fake.person()}\u3000参加人员：{fake.person()}、{fake.person()}、{fake.person()}",
            f"案件名称：{person}{c(fake, '无证经营案', '违法建设案', '非法采砂案')}",
            f"{fake.person()}：{c(fake, '我认为违法事实清楚，建议从轻处罚。', '证据链还不完整，建议补充调查。')}",
            f"{fake.person()}：{c(fake, '同意，但罚款数额可再斟酌。', '我有不同意见，应当从重。')}",
            "结论性意见：经集体讨论，多数意见同意承办机构的处理意见。",
        ]
    head = printed_title(fake, who, title)
    return _end(fake, "case_record", f, "不予公开", head, body, who)


def cadre_material(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f)
    name = fake.person()
    day = fake.day(2022, 2026)
    title = c(
        fake,
        f"关于{name}同志的考察材料",
        f"{name}同志现实表现材料",
        f"关于拟提拔人选{name}同志的考察报告",
        f"{day.year}年度领导班子和领导干部民主测评情况",
        "关于干部调整酝酿情况的报告",
        f"关于{name}同志试用期满考核情况的报告",
    )
    head = [title]
    body = [
        f"\u3000\u3000根据{c(fake, '局党组', '区委组织部', '干部工作领导小组')}安排，"
        f"{c(fake, '考察组', '工作组', '我们')}于{when(day)}对{name}同志进行了{c(fake, '考察', '考核', '民主测评')}。",
        f"\u3000\u3000{c(fake, '民主测评', '民主推荐', '测评')}中，{name}同志获{c(fake, '优秀', '称职', '推荐')}票{n(fake, 10, 40)}票，"
        f"占{n(fake, 40, 95)}%。",
        f"\u3000\u3000主要{c(fake, '缺点和不足', '不足')}：{c(fake, '工作方法有时简单', '开拓创新意识不够强', '对下属要求不够严格')}。",
        c(
            fake,
            f"\u3000\u3000考察组意见：{name}同志可以提拔任用。",
            "\u3000\u3000经研究，拟定为基本称职等次。",
            "",
        ),
    ]
    return _end(fake, "cadre_material", f, "不予公开", head, body, who)


def exam_content(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f, "教育体育局")
    day = fake.day(2022, 2026)
    style = fake.rng.randrange(3)
    subject = c(fake, "语文", "数学", "英语", "公共基础知识", "教育综合知识")
    if style == 0:
        title = c(fake, f"{day.year}年{subject}试卷", f"{subject}考试题本", f"{subject}试题（A卷）")
        body = [
            c(fake, "一、单项选择题", "一、判断题", "第一部分　选择题"),
            f"1．{c(fake, '下列说法正确的是', '下列词语书写全部正确的一项是', '下列选项中属于行政行为的是')}（　）",
            "A．甲\u3000B．乙\u3000C．丙\u3000D．丁",
            f"{c(fake, '参考答案', '答案', '评分标准')}：{c(fake, 'A', 'B', 'C')}",
        ]
    elif style == 1:
        title = f"关于{day.year}年{subject}{c(fake, '统考', '期末考试', '招聘笔试')}{c(fake, '命题', '试卷印制', '试卷保管')}工作的通知"
        body = [
            "各学校：",
            f"\u3000\u3000本次考试试卷共{n(fake, 10, 80)}袋，{c(fake, '参考答案', '评分标准')}另封，"
            f"{c(fake, '启用前', '考试前')}存放于{who.place}{c(fake, '招生考试中心', '教育局')}保密室，由专人{c(fake, '看管', '押运')}。",
        ]
    else:
        title = f"{subject}{c(fake, '面试', '结构化面试', '笔试')}{c(fake, '题本及评分要点', '试题及参考答案')}"
        body = [
            "（考试结束前不得外传）",
            f"1．{c(fake, '你如何看待基层工作', '谈谈你对依法行政的理解')}？",
            f"{c(fake, '评分要点', '答题要点')}：{c(fake, '观点明确、逻辑清楚', '结合实际、措施可行')}。",
        ]
    return _end(fake, "exam_content", f, "不予公开", [title], body, who)


def defence_secret(fake: Fake, f: int) -> OfficeDraft:
    """征兵 task numbers and transport, 人防/military locations, 储备 places and amounts,
    or a 计划 the office calls 涉密 — none marked with a 密级."""
    gov = government(fake, f)
    day = fake.day(2022, 2026)
    place = gov.place
    style = fake.rng.randrange(4)
    if style == 0:
        title = f"关于下达{day.year}年{c(fake, '上半年', '下半年', '')}征兵任务{c(fake, '的通知', '和输送计划的通知')}"
        body = [
            f"\u3000\u3000{place}{c(fake, '城关镇', '北街道', '河口镇')}征集任务{n(fake, 5, 40)}名，"
            f"{c(fake, '东关镇', '南街道', '石桥乡')}{n(fake, 5, 40)}名。",
            f"\u3000\u3000新兵于{n(fake, 1, 28)}日{n(fake, 5, 22)}时在{c(fake, '人武部', '体育场')}集结，"
            f"乘{c(fake, 'K', 'T', 'Z')}{n(fake, 100, 999)}次列车{c(fake, '起运', '输送')}。",
        ]
    elif style == 1:
        title = f"关于{place}{c(fake, '人防工程', '人防指挥所', '地下防空工程')}{c(fake, '维护管理', '战备建设')}情况的报告"
        body = [
            f"\u3000\u3000{c(fake, '人防指挥所', '一号人防工程', '地下指挥中心')}位于{place}{c(fake, '青龙山', '人民公园', '政务中心')}地下{n(fake, 2, 4)}层，"
            f"坐标东经{n(fake, 100, 125)}.{n(fake, 1000, 9999)}°、北纬{n(fake, 20, 45)}.{n(fake, 1000, 9999)}°。",
            f"\u3000\u3000{c(fake, '战时', '应急')}通道{n(fake, 2, 5)}条，出入口设于{place}{c(fake, '中山路', '解放路')}一侧。",
        ]
    elif style == 2:
        title = f"关于{place}{c(fake, '救灾物资', '应急粮油', '成品油', '防汛物资')}储备{c(fake, '布局', '点位调整', '情况')}的报告"
        body = [
            f"\u3000\u3000现有储备{c(fake, '库', '点')}{n(fake, 2, 6)}个，主库位于{place}{c(fake, '东郊', '工业园', '山区')}{n(fake, 1, 9)}公里处，"
            f"储备{c(fake, '帐篷', '稻谷', '柴油', '冲锋舟')}{n(fake, 100, 9000)}{c(fake, '顶', '吨', '艘')}。",
            f"\u3000\u3000调运路线经{c(fake, '国道', '省道', '县道')}{n(fake, 100, 399)}线至各乡镇。",
        ]
    else:
        title = f"{place}{day.year}年{c(fake, '国防动员', '战备物资', '重要目标防护')}工作计划"
        body = [
            c(
                fake,
                "（涉密文件，注意保管）",
                "本计划属涉密事项，按涉密文件管理。",
                "涉密资料　不得外传",
            ),
            f"\u3000\u3000{c(fake, '重点目标', '重要目标')}{n(fake, 3, 12)}处，{c(fake, '防护力量', '民兵分队')}{n(fake, 50, 400)}人。",
        ]
    return _end(fake, "defence_secret", f, "不予公开", [title], body, gov)


def near_public(fake: Fake, f: int) -> OfficeDraft:
    """Near misses published whole: a 任前公示, a 征兵通告, a 招考公告, a 储备 policy."""
    gov = government(fake, f)
    day = fake.day(2022, 2026)
    style = fake.rng.randrange(4)
    if style == 0:
        name = fake.person()
        title = f"{c(fake, '领导干部任前公示', '干部任前公示公告', '关于拟任职干部的公示')}"
        body = [
            f"\u3000\u3000经{c(fake, '区委常委会', '局党组')}研究，拟任用以下同志，现予公示：",
            f"\u3000\u3000{name}，{c(fake, *SEXES)}，{n(fake, 1970, 1990)}年{n(fake, 1, 12)}月生，现任{gov.place}某局副局长，拟任局长。",
            "\u3000\u3000公示期5个工作日，如有问题请向区委组织部反映。举报电话：12380",
        ]
    elif style == 1:
        title = f"{gov.name}{day.year}年征兵{c(fake, '通告', '工作公告')}"
        body = [
            "\u3000\u3000征集对象为年满18至22周岁的男性青年，高校毕业生可放宽至24周岁。",
            "\u3000\u3000应征青年登录全国征兵网报名，逃避兵役登记的依法处理。",
        ]
    elif style == 2:
        title = f"{gov.place}{day.year}年公开招聘教师公告"
        body = [
            "\u3000\u3000笔试科目为教育综合知识，题型包括单项选择题、简答题。",
            "\u3000\u3000命题、阅卷工作严格保密，考试结束后在官网公布参考答案。",
        ]
    else:
        title = f"关于做好{day.year}年{c(fake, '家庭应急物资储备', '地方储备粮管理')}工作的通知"
        body = [
            "各乡镇人民政府：",
            "\u3000\u3000倡导居民家庭储备必要的应急物资，各地要加强储备管理制度建设。",
        ]
    return _end(fake, "near_public", f, "主动公开", [title], body, gov)


def _rows(fake: Fake, columns: Sequence[str]) -> list[str]:
    rows = ["\u3000".join(("序号", "姓名", *columns))]
    for i in range(1, n(fake, 3, 7)):
        cells = [str(i), fake.person()]
        for col in columns:
            if "地址" in col or "住址" in col:
                cells.append(fake.home_address())
            elif "身份证" in col:
                cells.append(fake.resident_id())
            elif "账号" in col or "卡号" in col:
                cells.append("6228" + "".join(str(fake.rng.randint(0, 9)) for _ in range(15)))
            else:
                cells.append(str(n(fake, 300, 6000)))
        rows.append("\u3000".join(cells))
    return rows


def private_list(fake: Fake, f: int) -> OfficeDraft:
    """A list whose names are published but which holds addresses, IDs or accounts."""
    who = office(fake, f, c(fake, "民政局", "农业农村局", "退役军人事务局", "医疗保障局"))
    day = fake.day(2022, 2026)
    what = c(fake, "临时救助", "高龄津贴", "耕地地力保护补贴", "优抚对象抚恤补助", "城乡低保")
    title = c(
        fake, f"{day.year}年{what}发放名单公示", f"关于{what}对象的公示", f"{what}拟发放对象名单"
    )
    head = [*printed_title(fake, who, title)]
    style = fake.rng.randrange(3)
    if style == 0:
        column = c(fake, "家庭住址", "身份证号码", "银行账号", "现住址")
        table = _rows(fake, (column, "金额（元）"))
    elif style == 1:
        table = [
            f"\u3000\u3000{fake.person()}，住{fake.home_address()}，发放{n(fake, 300, 3000)}元；"
            for _ in range(n(fake, 2, 5))
        ]
    else:
        table = [
            f"{i}．{fake.person()}（{c(fake, '家庭住址', '住址', '户籍地')}：{fake.home_address()}）"
            for i in range(1, n(fake, 3, 6))
        ]
    body = [
        f"\u3000\u3000经个人申请、{c(fake, '村（居）委会初审', '乡镇审核', '入户调查')}，现将{what}对象予以公示，"
        f"公示期{c(fake, '5个工作日', '7天', '七日')}。",
        *table,
        f"\u3000\u3000如有异议，请于公示期内向{who.name}反映。",
    ]
    return _end(fake, "private_list", f, "部分公开", head, body, who)


CASEFILES: dict[str, Builder] = {
    "case_record": case_record,
    "cadre_material": cadre_material,
    "exam_content": exam_content,
    "defence_secret": defence_secret,
    "near_public": near_public,
    "private_list": private_list,
}

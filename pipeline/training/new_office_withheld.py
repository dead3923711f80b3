"""The new office's kinds that are not published (:mod:`pipeline.training.new_office`),
each phrased five ways, one per family: 请示 and 纪要 with deliberations, 询问笔录 and
考察材料 (第十六条); 密级-marked documents, exam content before use and reserve depots
(第十四条)."""

from __future__ import annotations

from pipeline.training.fake import Fake
from pipeline.training.new_office import (
    Builder,
    OfficeDraft,
    date_text,
    finish,
    government,
    headed,
    n,
    office,
    pick,
    spaced,
)


def instruction_request(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f)
    day = fake.day(2022, 2026)
    core = pick(
        f,
        "申请追加办公楼维修经费",
        "解决执法车辆购置资金",
        "申请增加编制",
        "拨付专项工作经费",
        "调整内设机构职能",
    )
    head, title = headed(fake, f, who, day.year, core, "请示", "请")
    body = [
        pick(f, "县人民政府：", "区人民政府：", "县政府：", "县人民政府：", "旗人民政府："),
        "\u3000\u3000"
        + pick(
            f,
            f"我局办公楼建于上世纪九十年代，屋面渗漏严重，经测算需维修经费{n(fake, 30, 200)}万元。",
            f"我局现有执法车辆车况较差，拟购置{n(fake, 2, 6)}辆，所需资金恳请予以解决。",
            "随着职能增加，我局现有人员难以满足工作需要，拟申请增加事业编制。",
            f"为保障专项工作顺利开展，恳请拨付工作经费{n(fake, 10, 80)}万元。",
            "根据机构改革要求，拟对我局内设机构职能进行调整，具体方案附后。",
        ),
        "\u3000\u3000妥否，请批示。",
    ]
    return finish(fake, "instruction_request", f, "不予公开", head, body, title, [who.name], day)


def deliberation_minutes(fake: Fake, f: int) -> OfficeDraft:
    who = government(fake, f)
    day = fake.day(2022, 2026)
    title = pick(
        f,
        f"{who.place}人民政府常务会议纪要",
        "县长办公会议纪要",
        "专题协调会议纪要",
        f"{day.year}年第{n(fake, 2, 20)}次党组会议纪要",
        "项目推进工作会商纪要",
    )
    period = f"（第{n(fake, 1, 30)}期）"
    head = [title, period]
    title += period  # the period line under a 纪要's title is read as part of it
    a, b = fake.person(), fake.person()
    body = [
        f"\u3000\u3000{date_text(day, f)}，{a}主持召开会议，研究有关事项。纪要如下：",
        "\u3000\u3000"
        + pick(
            f,
            f"会议讨论了工业园区征地补偿标准。{b}同志认为标准偏低，建议暂缓；会议未形成一致意见，待进一步调研后再议。",
            f"关于拆迁安置方案，{b}提出不同意见，认为资金缺口较大，会议决定暂不对外发布。",
            f"会上{b}同志对项目选址持保留意见，会议要求有关部门重新论证后另行研究。",
            f"会议对干部调整初步人选进行了酝酿，{b}同志对其中一名人选提出异议，暂缓研究。",
            f"会议听取了项目推进情况汇报，{b}认为投资方资金实力存疑，要求进一步核实，结论待定。",
        ),
        f"出席：{a}、{b}、{fake.person()}",
    ]
    return finish(fake, "deliberation_minutes", f, "不予公开", head, body, title, [who.name], day)


def inquiry_record(fake: Fake, f: int) -> OfficeDraft:
    who = office(
        fake, f, ("城市管理综合行政执法局", "林业局", "水利局", "文化广电旅游局", "商务局")[f]
    )
    day = fake.day(2022, 2026)
    title = pick(f, "询问笔录", "调查询问笔录", "询问笔录", "现场检查笔录", "调查笔录")
    head = [who.name, spaced(title) if f in (0, 2) else title]
    person = fake.person()
    when = f"{day.year}年{day.month}月{day.day}日{n(fake, 8, 16)}时{n(fake, 0, 5)}0分"
    body = [
        f"{pick(f, '询问时间', '时间', '询问时间', '检查时间', '调查时间')}：{when}至{n(fake, 16, 17)}时",
        f"{pick(f, '询问地点', '地点', '询问地点', '检查地点', '调查地点')}：{who.name}执法室",
        f"被询问人：{person}，身份证号码：{fake.resident_id()}",
        f"问：我们是{who.name}的执法人员，现依法向你调查了解有关情况，你是否如实回答？",
        "答：会如实回答。",
        "问："
        + pick(
            f,
            "你在此处摆摊多久了？",
            "林木是谁砍伐的？",
            "你在河道取砂有无许可？",
            "演出是否经过审批？",
            "这批货从哪里进的？",
        ),
        "答："
        + pick(
            f,
            "大概半个月。",
            "是我砍的，自己家里用。",
            "没有办许可。",
            "没有审批。",
            "从外地一个朋友那里拿的。",
        ),
        f"被询问人签名：{person}　执法人员签名：{fake.person()}",
    ]
    title = head[1]
    return finish(
        fake, "inquiry_record", f, "不予公开", head, body, title, [who.name], day, sign=False
    )


def cadre_assessment(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f)
    day = fake.day(2022, 2026)
    person = fake.person()
    title = pick(
        f,
        f"关于{person}同志的考察材料",
        f"{person}同志考察情况报告",
        f"{person}同志现实表现材料",
        f"关于{person}同志拟提拔任职的考察报告",
        f"{person}同志年度考核民主测评情况",
    )
    body = [
        "\u3000\u3000"
        + pick(
            f,
            f"根据干部选拔任用工作安排，考察组于{day.month}月对{person}同志进行了考察。",
            f"{person}，男，汉族，中共党员，现任{who.name}副局长。",
            f"经个别谈话和民主测评，现将{person}同志现实表现报告如下。",
            f"考察组采取个别谈话、查阅资料等方式，对{person}同志进行了全面考察。",
            f"本次民主测评共发放测评表{n(fake, 20, 60)}份，收回有效票{n(fake, 18, 20)}份。",
        ),
        "\u3000\u3000主要缺点和不足："
        + pick(
            f,
            "工作方法有时简单，与同事沟通不够。",
            "个别干部反映其原则性有余、灵活性不足。",
            "谈话中有同志反映其对下属要求过严。",
            "理论学习不够深入，创新意识有待加强。",
            "测评中有3人评价为“基本称职”，认为其担当不足。",
        ),
    ]
    return finish(
        fake,
        "cadre_assessment",
        f,
        "不予公开",
        [title],
        body,
        title,
        [f"{who.name}考察组"] if f == 0 else [who.name],
        day,
    )


def marked_secret(fake: Fake, f: int) -> OfficeDraft:
    who = government(fake, f)
    day = fake.day(2022, 2026)
    mark = pick(f, "秘密★1年", "机密★5年", "秘密", "秘密★6个月", "机密★10年")
    core = pick(
        f,
        "重大活动安全保卫方案",
        "边境管控工作部署",
        "重点目标防护工作",
        "应对突发事件处置预案",
        "重要基础设施安全防护",
    )
    head, title = headed(fake, f, who, day.year, core, "通知")
    body = [
        "\u3000\u3000"
        + pick(
            f,
            "现将安保力量部署和重点部位守护安排通知如下，严格控制知悉范围。",
            "现将边境巡控点位和力量配置通知如下。",
            "现将重点目标防护力量配置通知如下，请严格保密。",
            "现将处置力量编组和集结地点通知如下。",
            "现将重要基础设施防护方案和值守安排通知如下。",
        ),
    ]
    head = [mark, *head]
    return finish(fake, "marked_secret", f, "不予公开", head, body, title, [who.name], day)


def exam_material(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f, "教育体育局")
    day = fake.day(2022, 2026)
    title = pick(
        f,
        f"{day.year}年初中学业水平考试数学试题（启用前）",
        f"{day.year}年教师招聘笔试试卷及评分细则",
        f"{day.year}年中小学教师招聘面试题本",
        f"关于{day.year}年全县统考试卷命题和印制工作的通知",
        f"{day.year}年期末统一考试语文参考答案及评分标准",
    )
    body = [
        pick(
            f,
            "注意事项：本试卷满分120分，考试时间120分钟。",
            "第一部分　客观题",
            "面试题目（考生抽取其中一题作答）：",
            "各学校：",
            "一、积累与运用（共20分）",
        ),
        pick(
            f,
            "1．计算：（－2）＋5的结果是（　）　A．3　B．－3　C．7　D．－7",
            "1．教育心理学研究的对象是（　）　参考答案：A　评分细则：选对得2分。",
            "1．班上有学生长期不交作业，你作为班主任怎么处理？【答题要点】沟通、家校合作。",
            f"\u3000\u3000本次统考命题已完成，试卷共{n(fake, 10, 50)}套，于考试前三日由专人押运至各考点保密室，启用前不得开启。",
            "（考试结束前严禁外传）1．（2分）A　2．（2分）C　3．默写每空1分，错字不得分。",
        ),
    ]
    signed = f == 3  # only the 通知 is signed; a paper names no issuer or date
    return finish(
        fake,
        "exam_material",
        f,
        "不予公开",
        [title],
        body,
        title,
        [who.name] if signed else [],
        day if signed else None,
    )


def reserve_depot(fake: Fake, f: int) -> OfficeDraft:
    who = government(fake, f)
    day = fake.day(2022, 2026)
    core = pick(
        f,
        "救灾物资储备库布局和储备情况",
        "应急粮油储备点调整",
        "防汛物资储备和调运安排",
        "成品油应急储备情况",
        "战备物资储备点位",
    )
    head, title = headed(fake, f, who, day.year, core, "报告", "报")
    place = fake.region()[2]
    body = [
        "\u3000\u3000"
        + pick(
            f,
            f"全县现有救灾物资储备库{n(fake, 2, 6)}个，其中一号库位于{place}{n(fake, 1, 9)}公里处，储备帐篷{n(fake, 200, 900)}顶。",
            f"应急粮油储备点调整至{place}粮库，储备稻谷{n(fake, 1000, 9000)}吨，食用油{n(fake, 50, 500)}吨。",
            f"防汛物资分储于{place}等{n(fake, 3, 7)}处，冲锋舟{n(fake, 5, 30)}艘，调运路线经国道至各乡镇。",
            f"成品油应急储备{n(fake, 500, 3000)}吨，存放于{place}油库，坐标另附。",
            f"战备物资储备点位于{place}山区，存量及进出通道详见附表。",
        ),
    ]
    return finish(fake, "reserve_depot", f, "不予公开", head, body, title, [who.name], day)


WITHHELD: dict[str, Builder] = {
    "instruction_request": instruction_request,
    "deliberation_minutes": deliberation_minutes,
    "inquiry_record": inquiry_record,
    "cadre_assessment": cadre_assessment,
    "marked_secret": marked_secret,
    "exam_material": exam_material,
    "reserve_depot": reserve_depot,
}

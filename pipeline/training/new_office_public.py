"""The new office's public kinds (:mod:`pipeline.training.new_office`); every builder
phrases its kind five ways — one per family — from the 条例 and how offices draft:

| kinds | attribute |
|---|---|
| work notice, 通告, 印发 方案, 批复 to a subordinate, 招聘 公告 | 主动公开 |
| 公示 with IDs or phones, penalty on a company, a list in prose with home addresses | 部分公开 |
| 答复书 to one applicant, penalty on a person, 不予许可 decision, 调解协议 | 依申请公开 |
| 请示, 纪要 with deliberations, 询问笔录, 考察材料, 密级 marked, exam content before use, reserve depots | 不予公开 |
"""

from __future__ import annotations

from pipeline.training.fake import Fake
from pipeline.training.new_office import (
    Builder,
    OfficeDraft,
    finish,
    government,
    headed,
    n,
    office,
    pick,
)


def work_notice(fake: Fake, f: int) -> OfficeDraft:
    who = government(fake, f)
    day = fake.day(2022, 2026)
    core = pick(
        f,
        f"开展{day.year}年河湖“清四乱”专项整治",
        f"做好{day.year}年汛期地质灾害防范",
        f"加强{day.year}年冬春季火灾防控工作",
        f"推进农村危房改造和抗震改造{day.year}年度工作",
        f"{day.year}年校园食品安全专项检查工作",
    )
    head, title = headed(fake, f, who, day.year, core, "通知")
    body = [
        pick(
            f,
            "各乡镇、街道，县直有关单位：",
            "各镇（乡）人民政府，区直各部门：",
            "各有关单位：",
            "各镇人民政府、街道办事处：",
            "各学校、幼儿园：",
        ),
        "\u3000\u3000"
        + pick(
            f,
            "按照省、市统一部署，决定在全县范围内组织开展专项整治，现将有关事项通知如下。",
            "入汛以来降雨偏多，地质灾害风险持续上升，为保障群众安全，经研究，特作如下通知。",
            "为有效遏制火灾事故发生，切实维护辖区消防安全形势稳定，请各单位认真抓好落实。",
            "根据上级下达的年度任务，现就推进改造工作有关要求通知如下，请遵照执行。",
            "为保障师生饮食安全，决定开展本年度专项检查，有关安排如下。",
        ),
        "\u3000\u3000一、"
        + pick(
            f,
            f"全面排查河道、湖泊乱占、乱采、乱堆、乱建问题，{n(fake, 5, 12)}月底前完成清理。",
            f"对{n(fake, 20, 90)}处隐患点逐一落实监测责任人，实行24小时值守。",
            "重点检查人员密集场所、“三合一”场所和高层建筑消防设施运行情况。",
            f"年度计划改造{n(fake, 100, 900)}户，补助资金按照分类分档标准发放。",
            "检查内容包括食材采购索证索票、留样、从业人员健康证明等。",
        ),
        "\u3000\u3000二、"
        + pick(
            f,
            "各责任单位要建立问题台账，实行销号管理。",
            "各地要及时发布预警信息，提前转移受威胁群众。",
            "对检查发现的隐患，要督促责任单位限期整改。",
            "各乡镇要严格对象认定，做到公开透明、程序规范。",
            "发现问题的学校要立即整改，并将整改情况报送教育体育局。",
        ),
    ]
    return finish(fake, "work_notice", f, "主动公开", head, body, title, [who.name], day)


def public_notice(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f, ("城市管理综合行政执法局", "水利局", "林业局", "商务局", "水利局")[f])
    day = fake.day(2022, 2026)
    core = pick(
        f,
        "城区部分路段临时占道施工",
        f"{day.year}年禁渔期管理",
        "森林防火戒严期野外用火管理",
        "城区户外广告设施专项整治",
        "城区部分区域临时停水",
    )
    head, title = headed(fake, f, who, day.year, core, "通告", "通")
    body = [
        "\u3000\u3000"
        + pick(
            f,
            "为保障施工期间交通安全有序，根据有关法律法规，现将有关事项通告如下：",
            "为保护渔业资源，根据《中华人民共和国渔业法》有关规定，特通告如下：",
            "为严防森林火灾发生，根据《森林防火条例》，现就有关事项通告如下：",
            "为提升市容市貌，依照有关规定，决定开展专项整治，特此通告：",
            "因供水管网改造施工，需对部分区域暂停供水，现将有关事项通告如下：",
        ),
        "\u3000\u3000"
        + pick(
            f,
            f"一、施工时间为{day.month}月{day.day}日至{day.month}月{min(28, day.day + 10)}日。",
            f"一、禁渔期为每年3月1日至6月30日，禁渔区域为辖区内{n(fake, 3, 9)}条河流。",
            "一、戒严期内，禁止在林区及林缘一百米范围内烧荒、烧纸、燃放烟花爆竹。",
            "一、未经审批设置的户外广告设施，设置人应在十五日内自行拆除。",
            f"一、停水时间为{day.month}月{day.day}日8时至20时，请用户提前储水。",
        ),
        "\u3000\u3000二、违反本通告的，由有关部门依法处理。",
        "\u3000\u3000特此通告。",
    ]
    return finish(fake, "public_notice", f, "主动公开", head, body, title, [who.name], day)


def plan_issue(fake: Fake, f: int) -> OfficeDraft:
    who = government(fake, f)
    day = fake.day(2022, 2026)
    plan = pick(
        f,
        f"{who.place}全域旅游发展三年行动方案",
        f"{who.place}农村人居环境整治提升实施方案",
        f"{who.place}优化营商环境若干措施",
        f"{who.place}城乡供水一体化建设实施方案",
        f"{who.place}养老服务体系建设规划",
    )
    head, title = headed(fake, f, who, day.year, f"印发《{plan}》", "通知")
    body = [
        pick(
            f,
            "各乡镇、街道，县直各单位：",
            "各有关单位：",
            "各镇、街道，区直各部门：",
            "各乡（镇）人民政府，县直有关部门：",
            "各旗县区人民政府，市直有关单位：",
        ),
        "\u3000\u3000"
        + pick(
            f,
            f"《{plan}》已经县人民政府常务会议研究同意，现印发给你们，请认真组织实施。",
            f"现将《{plan}》印发给你们，请结合实际抓好贯彻落实。",
            f"经区政府同意，现将《{plan}》印发你们，请认真贯彻执行。",
            f"《{plan}》已经县政府同意，现予印发，请遵照执行。",
            f"现将《{plan}》印发给你们，请认真抓好落实，执行中遇到的问题及时反馈。",
        ),
    ]
    return finish(fake, "plan_issue", f, "主动公开", head, body, title, [who.name], day)


def approval(fake: Fake, f: int) -> OfficeDraft:
    who = government(fake, f)
    day = fake.day(2022, 2026)
    town = fake.rng.choice(("青石", "白沙", "龙潭", "长岭", "新塘")) + fake.rng.choice(("镇", "乡"))
    core = pick(
        f,
        f"{town}村庄规划（{day.year}—{day.year + 15}年）",
        f"同意{town}设立农贸市场",
        f"{town}集镇污水处理工程初步设计",
        f"同意调整{town}行政村规模",
        f"{town}土地整治项目实施方案",
    )
    head, title = headed(fake, f, who, day.year, core, "批复", "函")
    body = [
        f"{town}人民政府：",
        "\u3000\u3000"
        + pick(
            f,
            "你镇关于审批村庄规划的请示收悉。经研究，同意该规划，请认真组织实施。",
            "你乡报来的请示收悉。经研究，原则同意，请按程序办理有关手续。",
            "你镇《关于审批污水处理工程初步设计的请示》收悉。经审查，批复如下。",
            "你乡的请示收悉。经县人民政府研究，同意调整方案。",
            "你镇报送的实施方案收悉，经研究，原则同意，请抓紧组织实施。",
        ),
    ]
    return finish(fake, "approval", f, "主动公开", head, body, title, [who.name], day)


def hiring_notice(fake: Fake, f: int) -> OfficeDraft:
    who = office(fake, f, "教育体育局")
    day = fake.day(2022, 2026)
    core = f"{day.year}年公开招聘中小学教师"
    head, title = headed(fake, f, who, day.year, core, "公告", "告")
    body = [
        "\u3000\u3000"
        + pick(
            f,
            f"根据工作需要，经研究决定，面向社会公开招聘教师{n(fake, 20, 120)}名，现将有关事项公告如下。",
            f"为补充教师队伍，决定公开招聘教师{n(fake, 20, 120)}名，有关事项公告如下：",
            f"经批准，{day.year}年计划招聘中小学教师{n(fake, 20, 120)}名。",
            f"现面向社会公开招聘教师{n(fake, 20, 120)}名，欢迎符合条件的人员报考。",
            f"本次公开招聘教师{n(fake, 20, 120)}名，采取笔试与面试相结合的方式。",
        ),
        "\u3000\u3000一、报名时间和方式：网上报名，资格审查贯穿招聘全过程。",
        "\u3000\u3000二、笔试内容为教育公共基础知识和学科专业知识，考试大纲另行公布。",
        "\u3000\u3000三、咨询电话：" + f"0{n(fake, 731, 799)}-{n(fake, 2000000, 8999999)}。",
    ]
    return finish(fake, "hiring_notice", f, "主动公开", head, body, title, [who.name], day)


PUBLIC: dict[str, Builder] = {
    "work_notice": work_notice,
    "public_notice": public_notice,
    "plan_issue": plan_issue,
    "approval": approval,
    "hiring_notice": hiring_notice,
}

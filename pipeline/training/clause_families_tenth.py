"""The tenth pass's families: 第十四条 and 第十六条 kinds in registers no earlier family uses.

Issue 19, tenth pass. INTERNAL and STATE_SECRET recall on the documents nobody tuned on
stays at two thirds, and the held-out-family figure for STATE_SECRET is the weakest. These
families are written from the 条例 (第十四条: 国家秘密; 第十六条: 内部事务信息 and 过程性信息)
and from the papers offices keep, not from any devset document. Each family is one register
the earlier passes do not have: a 审题意见 form and a 命题说明 (the paper before use), a
征兵办's 电话记录 (task numbers, 定兵 and 交接), a 人防 and military-site 台账 row, a
储备 调拨通知 and 盘点 (quantities, depots, routes), the annexes of an 应急预案 (预置
forces, forward posts, duty-post telephones), an embargoed 快报 or 灾情 初步统计, and a
涉密 方案's operative part; 第十六条: the 考察材料's 不足 and 谈话推荐, a 考核 评语 and
复核意见, the 动议/酝酿 of 人事 changes, a 讨论记录 by speaker, a 合法性审核/公平竞争审查
内部意见, and a 案审会's split. The near misses are what the public reads with the same
words: a 考试公告, a 统计公报 and a 发布会, a published 应急预案, a 考核结果 通报, 兵役登记
and 人防 policy, published 审议 outcomes, a 先进事迹 or 推荐人选 公示's praise, and regulations that
speak of 同意, 意见 and 审核.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.training.clause_families_ninth import FAMILIES_NINTH

if TYPE_CHECKING:
    from pipeline.training.clause_families import Family

STATE_TENTH: tuple[Family, ...] = (
    (
        # A paper before use as its 审题意见 and 命题说明 describe it.
        "ss_exam_review_forms",
        "STATE_SECRET",
        (
            "审题意见：第{K}题题干“下列说法正确的是”应改为“下列说法错误的是”，选项D需重拟",
            "本套试卷预估难度系数为0.{K}{K}，拟作正式卷，另一套作备用卷",
            "命题说明：作文材料选自{PLACE}乡村振兴的实例，立意为“坚守与创新”",
            "案例分析题给定的情景为{PLACE}某社区的物业纠纷，参考要点共{K}条",
            "经审题组复核，第{K}大题答案由“{K}0元”更正为“{K}00元”，其余无误",
            "各阅卷点组长须在考前熟悉本题赋分要点：列出公式得{K}分，结果正确再得{K}分",
            "听力原文第{K}段对话谈的是周末去{PLACE}参观的安排，对应第{K}至第{K}小题",
        ),
    ),
    (
        # 征兵办's 电话记录 and 工作日志: tasks, 定兵, 交接 and the journey.
        "ss_enlistment_phone_records",
        "STATE_SECRET",
        (
            "电话记录：军分区通知，今年我区秋季征集男兵{K}0名、女兵{K}名，{DATE}前完成定兵",
            "新兵交接地点定在{PLACE}营区，交接后乘专列直达驻地，车次临行前再告知",
            "定兵名单共{K}0人，其中去往边防部队{K}人，名单暂不张榜",
            "输送途中在{PLACE}兵站就餐，预计{DATE}傍晚抵达{PLACE2}",
            "按上级分配，本批兵员{K}名补入某合成旅，{K}名补入某海防团",
            "工作日志：今日接兵干部{K}人入驻{PLACE}宾馆，家访安排在明后两天",
        ),
    ),
    (
        # 人防工程 and military sites as rows of a 台账.
        "ss_air_defence_ledger_rows",
        "STATE_SECRET",
        (
            "序号{K}，{PLACE}人防工程，建筑面积{N}平方米，战时为专业队掩蔽所，主出入口在{PLACE2}",
            "{PLACE}地下指挥所与{PLACE2}地铁站之间有连通道，长约{K}00米",
            "通信枢纽工程埋深{K}0米，抗力等级为核{K}级，平时由{G}代管",
            "{PLACE}靶场每年{K}月至{K}月组织实弹射击，射向朝{PLACE2}方向",
            "{PLACE}机场战备跑道长{N}米，战时备降由{G}负责保障",
            "部队仓库实际边界以附图坐标为准，东北角拐点东经{LON}、北纬{LAT}",
        ),
    ),
    (
        # 储备 as a 调拨通知 and a 盘点: quantities, depots and the roads stock takes.
        "ss_reserve_orders_and_counts",
        "STATE_SECRET",
        (
            "调拨通知：请于{DATE}前从{PLACE}储备库调出大米{N}吨，经{PLACE2}运至受灾乡镇",
            "盘点结果：{GOODS}账面数{N}件，实存{N}件，盘亏部分已责成库点说明",
            "冬春储备煤炭{N}吨，其中{PLACE}电厂存放{N}吨，{PLACE2}堆场存放{N}吨",
            "储备药品分存于{PLACE}、{PLACE2}两个周转库，每库可供全市使用{K}天",
            "{GOODS}动用须经指挥部批准，首批{N}件由{PLACE}库直发灾区",
            "油料储备库每季度补库{N}吨，经{PLACE}铁路专用线运入",
        ),
    ),
    (
        # The annexes of an 应急预案: 预置 forces, forward posts, duty-post telephones.
        "ss_emergency_annex_posts",
        "STATE_SECRET",
        (
            "附件{K}：应急物资储备点一览表（{PLACE}库、{PLACE2}库，附库管员联系电话）",
            "前方指挥所开设于{PLACE}乡政府，通信保障车{K}台，卫星电话号码另附",
            "防汛抢险队{K}支共{N}人，预置于{PLACE}、{PLACE2}险段，出动时间不超过{K}0分钟",
            "重点目标值守岗位联系方式：{PLACE}水厂中控室{TEL}，{PLACE2}变电站值班室{TEL}",
            "第一批增援力量由{G}抽调，经{PLACE}互通下高速，在{PLACE2}集结待命",
            "备用电源车{K}台平时停放于{PLACE}供电所，启用时优先保障指挥部和医院",
        ),
    ),
    (
        # An embargoed 快报 and a 灾情 初步统计, before the figures are released.
        "ss_embargoed_flash_reports",
        "STATE_SECRET",
        (
            "{Y}年人口抽样调查初步结果为常住人口{W}万人，国家统计局核定前仅供领导参阅",
            "前三季度地区生产总值预计增长{PCT}，低于年初目标，数据发布前严格控制知悉范围",
            "{DATE}快报：城镇调查失业率为{PCT}，在发布日前属于保密数据",
            "洪涝灾害初步统计：因灾死亡{K}人、失踪{K}人，直接经济损失{W}亿元，尚在核实，不得对外引用",
            "本月居民消费价格环比上涨{PCT}，该数据{DATE}上午九时三十分方可发布",
            "农业普查汇总数尚未审定，耕地面积较上轮减少{N}亩，暂不对外提供",
        ),
    ),
    (
        # The operative part of a 涉密 方案: who guards what, where and when.
        "ss_classified_plan_operations",
        "STATE_SECRET",
        (
            "该规划中涉及军事设施布局的章节不公开，仅印发{K}份，编号管理",
            "护卫方案确定车队行进路线为{PLACE}—{PLACE2}—驻地宾馆，沿线设控制点{K}个",
            "重要目标防护方案：{PLACE}水厂夜间由民兵{K}人轮流守护，巡逻间隔{K}0分钟",
            "本次演练脚本假定空袭来自{PLACE}方向，打击目标为{PLACE2}电厂",
            "涉密会议室设在{PLACE}大楼{K}层，屏蔽设备由{G}每月检测一次",
        ),
    ),
)

INTERNAL_TENTH: tuple[Family, ...] = (
    (
        # The 考察材料's 不足, 谈话推荐 and 廉政 replies.
        "int_inspection_report_shortcomings",
        "INTERNAL",
        (
            "主要不足：抓工作有时急于求成，对下属批评方式简单，个别同志有情绪",
            "谈话推荐中，{P}得票{K}张，位列第一；{P2}得票{K}张",
            "有群众反映其亲属在辖区经营建材，考察组已转纪检组核实",
            "{P}同志综合研判等次为“较好”，与拟任岗位的匹配度一般",
            "征求纪检监察机关意见时，反映其曾受诫勉处理，影响期已满",
            "考察谈话中，{K}名同志认为该同志原则性强，{K}名同志认为其方法简单",
        ),
    ),
    (
        # A 考核 评语, the 复核意见 and 测评 shares as the office writes them down.
        "int_assessment_comments",
        "INTERNAL",
        (
            "单位评语：该同志全年请假较多，承担任务偏少，建议评为基本称职",
            "考核委员会复核意见：{P}的加分材料依据不足，不予采纳",
            "测评汇总显示，班子成员满意率为{PCT}，其中分管领导{P}的满意率最低",
            "群众满意度测评中{G}排名末位，拟约谈其主要负责人",
            "对评为不称职的{K}名人员，拟调整岗位并扣减绩效工资",
            "述职评议时有委员提出，{P}对信访积案化解不力",
        ),
    ),
    (
        # 人事 changes as they are moved and weighed (动议, 酝酿) before any decision.
        "int_personnel_motions",
        "INTERNAL",
        (
            "本次干部调整动议共涉及{K}个岗位，书记专题会酝酿后提交常委会讨论",
            "酝酿中有意见认为{P}年龄偏大，不宜再提任正职",
            "{P2}推荐{P}任办公室主任，组织部门考虑其任现职不满三年，意见暂缓",
            "拟交流的{K}名科级干部名单尚需征求分管领导意见，暂勿外传",
            "空缺的副局长职位倾向于从乡镇选派年轻干部，人选待进一步比选",
        ),
    ),
    (
        # A 讨论记录 by speaker, the chair's summing up kept in the room.
        "int_discussion_by_speaker",
        "INTERNAL",
        (
            "{P}：我认为补贴标准定得偏高，财政难以承受，建议分两年到位",
            "{P2}：同意{P}的意见，但对老旧片区可以适当倾斜",
            "讨论中分歧主要集中在收费标准上，{G}和{G2}各持己见",
            "主持人小结：此事暂不表态，待调研后再议，今天的讨论不对外",
            "{P}插话称该企业的问题由来已久，主张一次性解决",
        ),
    ),
    (
        # 合法性审核 and 公平竞争审查 opinions inside the office on a draft.
        "int_internal_review_opinions",
        "INTERNAL",
        (
            "法制科审核意见：草案第{K}条设定的罚款幅度超出上位法规定，建议删除",
            "经内部审议，认为该规范性文件出台时机尚不成熟，建议缓发",
            "审议中有委员提出，第{K}条“原则上”的表述弹性过大，应予明确",
            "本审核意见仅供起草科室修改参考，不作为对外答复依据",
            "公平竞争审查内部意见：第{K}条对本地企业给予优惠，涉嫌排除限制竞争，需修改",
        ),
    ),
    (
        # A 案审会 and the signatures of a case before the decision.
        "int_case_board_split",
        "INTERNAL",
        (
            "案审会讨论时，{K}名委员同意从轻处罚，{P}委员主张顶格处罚",
            "承办机构拟处罚款{W}元，法制审核认为证据链尚不完整，退回补充调查",
            "分管局长审批意见：同意承办人意见，罚没金额调整为{W}元",
            "对当事人的陈述申辩是否采纳，合议人员意见不一，提请负责人集体讨论",
            "本案拟作不予处罚决定，理由为首次违法且危害后果轻微，待负责人签批",
        ),
    ),
)

NONE_TENTH: tuple[Family, ...] = (
    (
        # A 考试公告: registration, admission tickets, scores — no question or answer.
        "none_exam_public_notice_more",
        "NONE",
        (
            "报名时间为{DATE}至{DATE}，考生登录人事考试网填报信息",
            "资格审查合格的考生，于{DATE}起自行下载打印准考证",
            "本次考试不指定辅导用书，不举办也不委托任何机构举办辅导培训班",
            "笔试成绩和合格分数线于考试结束后在网站公布，考生可自行查询",
            "面试采取结构化面试方式，满分一百分，合格分数线为六十分",
        ),
    ),
    (
        # A 统计公报 and a 发布会: figures after their release.
        "none_statistics_bulletin",
        "NONE",
        (
            "根据统一核算结果，{Y}年全市地区生产总值{W}亿元，按不变价格计算比上年增长{PCT}",
            "全年居民消费价格比上年上涨{PCT}，其中食品烟酒类价格上涨{PCT}",
            "{Y}年国民经济和社会发展统计公报显示，年末常住人口{W}万人",
            "据应急管理部门发布，此次洪灾共造成{K}人死亡，救灾工作正有序推进",
            "统计局新闻发言人在发布会上介绍，上半年规模以上工业增加值同比增长{PCT}",
        ),
    ),
    (
        # An 应急预案 as published for the public.
        "none_public_contingency_plan",
        "NONE",
        (
            "本预案适用于本市行政区域内自然灾害的应对工作",
            "根据灾情严重程度，应急响应由高到低分为一级、二级、三级、四级",
            "预案发布后，各街道应组织开展宣传，提高群众避险自救能力",
            "发现险情的群众可拨打{TEL}或12345热线报告",
            "本预案由市应急管理局负责解释，自印发之日起施行",
            "应急物资储备遵循分级负责、就近调用的原则",
        ),
    ),
    (
        # A 考核结果 通报 and the rules of how results are used.
        "none_assessment_results_circulated",
        "NONE",
        (
            "经考核，{P}等{K}名同志年度考核确定为优秀等次，现予通报表扬",
            "根据综合考评结果，{G}等{K}个单位被评为年度目标管理考核先进单位",
            "对连续三年考核为优秀的同志，按规定记三等功一次",
            "考核结果作为干部选拔任用、评先奖优的重要依据",
            "{Y}年度公务员考核工作已经结束，优秀等次人员名单公示如下",
        ),
    ),
    (
        # 兵役登记, veterans and 人防 policy as the public reads them.
        "none_military_service_policy",
        "NONE",
        (
            "年满十八周岁的男性公民，应当在当年六月三十日以前进行兵役登记",
            "退役军人可按规定享受就业创业扶持和职业技能培训补贴",
            "人民防空工作实行长期准备、重点建设、平战结合的方针",
            "新兵入伍欢送仪式在{PLACE}广场举行，县领导为新兵佩戴大红花",
            "退役士兵安置工作坚持妥善安置、各尽其能的原则",
        ),
    ),
    (
        # 审议 and 处罚 outcomes once published.
        "none_published_review_outcomes",
        "NONE",
        (
            "会议审议并原则通过了《关于加强城市管理工作的实施意见》",
            "行政处罚决定书已依法送达当事人，并在信用网站予以公示",
            "常务会议听取了安全生产工作情况汇报，要求各部门压实责任",
            "经合法性审核，该规范性文件已按程序报送备案",
            "本案经集体讨论，依法作出罚款{W}元的行政处罚决定，现予公开",
        ),
    ),
)

NONE_MERIT_TENTH: tuple[Family, ...] = (
    (
        # A person's merits as a 先进事迹 or 推荐人选 公示 tells them: praise, published.
        "none_published_merit_profiles",
        "NONE",
        (
            "{P}同志政治素质过硬，业务能力突出，先后获评省级优秀公务员",
            "该同志扎根基层{K}0余年，带领群众修路架桥，受到广泛好评",
            "经民主推荐、组织考察，{P}同志被确定为劳动模范推荐人选，现予公示",
            "该同志爱岗敬业、廉洁奉公，在防汛抢险中表现突出，拟给予记功奖励",
            "主要事迹：{Y}年以来，该同志牵头完成重点项目{K}个，所在单位连续三年考核优秀",
        ),
    ),
)

NONE_RULES_TENTH: tuple[Family, ...] = (
    (
        # Published regulations that speak of consent, opinions and review: the words of a
        # deliberation (同意, 意见, 审核) in a rule everyone must follow.
        "none_rules_on_consent_and_opinions",
        "NONE",
        (
            "用人单位对劳动者提出的调岗申请是否同意，应当在十五日内书面答复",
            "拟变更服务协议的，应当提前征求用户意见，并公告满三十日后方可实施",
            "未经权利人书面同意，任何单位和个人不得使用其个人信息",
            "行政机关应当听取当事人的意见，对当事人提出的事实、理由和证据进行复核",
            "申请人对审核意见有异议的，可以自收到之日起{K}日内申请复查",
            "涉及公共利益的重大决策事项，应当广泛听取公众意见",
        ),
    ),
)

FAMILIES_TENTH: tuple[Family, ...] = (
    STATE_TENTH + INTERNAL_TENTH + NONE_TENTH + NONE_MERIT_TENTH + NONE_RULES_TENTH
)
# Everything added after the seventh pass, in the order clause_families joins it.
FAMILIES_SINCE_NINTH: tuple[Family, ...] = FAMILIES_NINTH + FAMILIES_TENTH

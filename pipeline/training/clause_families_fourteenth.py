"""The fourteenth pass's families: 第十六条 wording in plain speech, and its published side.

Issue 19, fourteenth clause pass. Measured on whole drafts of another hand
(``benchmarks/clause_fourteenth.py``), the detector found the remarks, positions and
handling notes that carry a register word (认为, 意见, 测评) and missed the same things said
as people say them in a record: who leaned which way and why, what colleagues said of a
cadre, a handler's view of a household, a leader's short note on a form. These families
teach that register without the lexicon's words, with near misses in the same plain speech
as offices publish it (news of a meeting's outcome, a 表彰 citation, a service promise).
(Families of a company's know-how and of arrangements said plainly were tried for
TRADE_SECRET and STATE_SECRET: no recall gained on the evaluation drafts, and STATE_SECRET
precision on the pseudo-documents of held-out families fell 0.827 → 0.820; not kept.) Written from the 条例 第十四、十五、十六条 and how records are kept, not
from any devset document or evaluation draft.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.training.clause_families_twelfth import FAMILIES_SINCE_NINTH as UP_TO_TWELFTH

if TYPE_CHECKING:
    from pipeline.training.clause_families import Family

INTERNAL_FOURTEENTH: tuple[Family, ...] = (
    (
        # a record of who leaned which way, in plain speech
        "internal_record_plain_positions",
        "INTERNAL",
        (
            "{P}的看法是这件事不能操之过急，至少要等年底再说",
            "{G}这边不太同意，担心开了先例以后不好收场",
            "{P}插了一句，认为补偿标准一旦松动就收不住了",
            "两个部门的说法对不上，{G}坚持要先补手续",
            "{P}说得比较直接：这个方案群众不会买账",
            "大家意见比较分散，有主张先干起来的，也有主张再缓缓的",
            "{G}的同志私下表示，这个数字他们心里也没底",
            "{P}最后说，这事今天就不定了，回去各自再想想",
            "讨论来讨论去，还是卡在资金从哪里出这个问题上",
            "{P}坚持自己的意见，说出了问题谁来负责要先讲清楚",
        ),
    ),
    (
        # what colleagues said of a cadre, as the 考察/民主生活会 notes keep it
        "internal_colleagues_on_a_cadre",
        "INTERNAL",
        (
            "身边的同志说他办事认真，就是有时候放不下面子批评人",
            "有人反映{P}在单位里说一不二，别人的建议很难听进去",
            "同事们对他的评价两极分化比较明显",
            "私下里也有人说他跟企业老板走得比较近",
            "大家觉得她业务上没得说，带队伍还差点火候",
            "票数上看，他的支持率比上次推荐时掉了一截",
            "班子里有人觉得他提拔得太快，基层经历偏少",
        ),
    ),
    (
        # a handler's view of a household or a complainant, before anything is decided
        "internal_handler_view",
        "INTERNAL",
        (
            "接待的同志感觉来人情绪不太稳，建议下次安排两人接待",
            "{P}这个人比较难缠，之前在别的部门也闹过几次",
            "我们的判断是，对方真正想要的是多拿一些补偿",
            "处理上打算先缓一缓，看对方下一步怎么动作再说",
            "这个诉求从政策上讲站不住，但完全不管也不行，得想个办法",
            "建议先不要给书面答复，口头沟通为主",
        ),
    ),
    (
        # a leader's short note on a form or a 办文单 cell
        "internal_short_notes_on_forms",
        "INTERNAL",
        (
            "请{G}先拿个意见再报",
            "此事先放一放，等{DATE}后再议",
            "不宜答复，请{P}同志当面沟通",
            "数字再核一遍，别急着报出去",
            "阅。请按程序走，不要开这个口子",
            "先内部掌握，暂不扩散",
            "此件请{P}阅处，有不同看法可直接找我",
            "两个方案都有问题，请再拿一个",
        ),
    ),
    (
        # a working group's internal judgement on a case or a matter still open
        "internal_group_judgement",
        "INTERNAL",
        (
            "工作组的倾向是从轻，但{G}的意见是按规定顶格处理",
            "几位同志的感觉是证据还差一点，硬要定性风险不小",
            "按我们的估计，真正走完程序至少还要半年，现在不宜对外说时间",
            "从目前掌握的情况看，问题可能不止反映的这些，先不声张",
            "{P}认为这个口径对外讲容易引起误解，内部先统一认识",
            "这个结论只是组里的初步看法，还没向领导汇报",
        ),
    ),
)

NONE_FOURTEENTH: tuple[Family, ...] = (
    (
        # the same plain speech as offices publish it: outcomes, citations, service promises
        "none_plain_published",
        "NONE",
        (
            "会上大家一致同意这个方案，下个月就开工",
            "{P}同志扎根基层二十年，群众都说他是贴心人",
            "接待群众时我们做到热情接待、耐心解答",
            "有什么意见和建议，欢迎大家随时来电来信",
            "这个项目已经定下来了，年底前完工",
            "评议结果已经公布，大家可以到网站上查看",
            "会议要求各部门对照方案抓好落实",
            "{G}的同志介绍，今年的补助已经全部发到农户手中",
            "群众反映的问题，我们都建立了台账，逐项销号",
            "欢送新兵的仪式上，家长们给孩子戴上了大红花",
        ),
    ),
)

FAMILIES_FOURTEENTH: tuple[Family, ...] = INTERNAL_FOURTEENTH + NONE_FOURTEENTH
# Everything added after the seventh pass, in the order clause_families joins it.
FAMILIES_SINCE_NINTH: tuple[Family, ...] = UP_TO_TWELFTH + FAMILIES_FOURTEENTH

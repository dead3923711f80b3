"""Kinds of document the 条例 treats apart, read from the title and the text's own layout.

:mod:`pipeline.decide` asks these questions in its fixed order; each answer is a reason a
clerk reads, or None:

- **examination content before use** (第十四条): a 试卷/题本/试题 itself, or a document
  that carries the questions and answers of an exam not yet held — an unmarked state
  secret, escalated to the 保密 office, whatever else the document is;
- **a 密级 marking in any written form** the marking recognizer may not read as a line of
  its own ("密级：秘密", "机密（★5年）", "秘密 · 启用前"), as the last safety net;
- **行政执法案卷 material** (第十六条): 询问笔录, 调查笔录, 现场检查笔录, 案件审批表,
  集体讨论记录 …: the process of a case, not its decision;
- **internal affairs** (第十六条, 内部事务信息): 干部考察材料, 考核/测评 remarks, 人事
  deliberations (酝酿, 动议, 拟任人选 研究);
- **decisions the rules publish** against those that concern one party only: a penalty or
  an order (责令改正, 查封扣押) on an enterprise is published (第二十条（六）), on a natural
  person it is 依申请公开; a 行政复议决定书 that corrects an administrative act or is on a
  matter of public concern is published, one that only upholds a personal matter is not;
- **public lists with private details**: a 公示 whose names the rules publish but which
  also holds addresses, IDs or accounts is 部分公开 — never 主动公开, even when the
  detectors found none of the values (the reviewer then marks them).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from pipeline.detect.state_secret import AFTER_USE, BEFORE_USE, EXAM_NOUN, PUBLIC_SALE, exam_secret
from pipeline.doc_exam_sealed import published_exam
from pipeline.doc_inside import inside_reason
from pipeline.doc_review import own_act
from pipeline.doc_spacing import head_lines
from pipeline.finding import Finding
from pipeline.gongwen import compact
from pipeline.metadata import Metadata

# --- examination content -------------------------------------------------------------------

EXAM_TITLE = re.compile(
    r"(?:试卷|题本|试题|考题|题库|参考答案|标准答案|评分标准|评分细则|评分参考|答题要点|评分要点|"
    r"(?:面试|笔试|考试)题目)(?:[（(][^（）()]{0,8}[）)])*$"
)
# The questions themselves: question-type headings with options or answer lines ("申论"
# or "选择题" named in a 招考公告 are subjects, not questions).
QUESTION_TYPES = re.compile(
    r"单项选择题|多项选择题|不定项选择题|判断题|简答题|论述题|案例分析题|填空题|材料分析题|"
    r"计算题|名词解释|结构化面试题|^[\s　]*第[一二三四五六七八九十0-9０-９]{1,3}题",
    re.M,
)
ANSWER = re.compile(
    r"^[\s　]*(?:[（(]?[0-9０-９一二三四五六七八九十]+[）)．.、]?\s*)?(?:参考答案|标准答案|【答案】|"
    r"答案|正确答案|评分要点|评分标准|答题要点|评分参考|参考要点)\s*[：:]",
    re.M,
)
# The examiners of an exam not yet held: who sits in which room is kept until it is over
# (人事考试 保密 rules list the 考官 arrangement before the exam with its questions), as
# who sets the questions and where they are secluded (命题人员, 入闱) are kept.
EXAMINER_TITLE = re.compile(
    r"考官.{0,8}(?:安排|名单|分组|抽调|分配|组成)|(?:主考官|考官组).{0,4}名单"
)
# A title (no sentence) on who sets the questions and where they are secluded.
SECLUSION_TITLE = re.compile(
    r"命题(?:人员)?.{0,4}(?:入闱|名单|工作方案|工作安排)|入闱.{0,6}(?:方案|安排|名单|人员|通知)"
)
OPTION = re.compile(r"(?:^|[\s　])[ABCD][．.、]\s*\S", re.M)
SENTENCE = re.compile(r"[^。；;！？!?\n]+")


def exam_reason(text: str, metadata: Metadata, findings: Sequence[Finding]) -> str | None:
    """Why the document holds examination content before use, or None."""
    title = compact(metadata.title or "")
    if published_exam(title) or published_exam(text[:200]):
        return None
    if EXAM_TITLE.search(title):
        return f"标题为“{metadata.title}”，属考试启用前的试题、答案或评分标准"
    lines = [compact(line) for line in text.split("\n")[:6]]
    # a PDF wraps a long title: "…面试考官安⏎排" read as one line too
    heads = [title, *lines, *(a + b for a, b in itertools.pairwise(lines))]
    examiners = next((m for h in heads if len(h) <= 40 and (m := EXAMINER_TITLE.search(h))), None)
    titles = [h for h in heads if len(h) <= 40 and not re.search(r"[，。；,;]", h)]
    examiners = examiners or next((m for h in titles if (m := SECLUSION_TITLE.search(h))), None)
    if examiners:
        return f"“{examiners.group(0)}”属考试结束前须保密的考官、命题安排"
    questions = len(QUESTION_TYPES.findall(text))
    if questions and (ANSWER.search(text) or len(OPTION.findall(text)) >= 4):
        return "正文载有考试试题及答案（题型、选项或参考答案），考试启用前属国家秘密"
    for m in SENTENCE.finditer(text):
        if exam_secret(m.group(0)):
            return f"含考试启用前的试题、试卷或答案的具体情况（“{m.group(0).strip()[:30]}…”）"
    return None


# --- unmarked state secrets, read from the document as a whole ---------------------------

# The office itself calls the document secret: a label line, or a sentence on how to keep it.
SECRET_LABEL = re.compile(
    r"涉密(?:文件|资料|材料|事项|件|内容)|按涉密.{0,6}管理|属(?:于)?国家秘密(?:事项)?[，。；）)]|"
    r"(?:本|此)(?:计划|文件|方案|报告|材料|通知)(?:属|为|系)?涉密"
)
COORDINATES = re.compile(
    r"(?:东经|北纬|经度|纬度)\s*[：:]?\s*[0-9０-９]{2,3}(?:[.．][0-9０-９]+|°|度)"
)
DEFENCE_SITE = re.compile(
    r"人防工程|人防指挥|防空(?:洞|工程|地下室)|指挥所|地下指挥|军事(?:设施|禁区|管理区)|营区|"
    r"弹药|战备|储备(?:库|点|仓)|油库|雷达|哨所|导弹|重要目标"
)
# Where a site is, or what is kept there ("…村部仓库，存放编织袋573件").
SITE_PLACE = re.compile(r"位于|设于|设在|存放|储存于|分储于|仓库|出入口|通道")
# A line a PDF's text layer broke inside a sentence joins the next one ("存放编织袋573⏎件").
WRAPPED_BREAK = re.compile(r"(?<![。；;！？!?：:])\n(?![\s　])")
CONSCRIPTION = re.compile(
    r"(?:征集|征兵|兵员|入伍|新兵)(?:任务|指标|名额)[^。]{0,24}[0-9０-９]+\s*[名人]|"
    r"征集(?:义务兵|新兵|兵员)[^。]{0,6}[0-9０-９]+\s*[名人]"
)
TRANSPORT = re.compile(r"集结|起运|输送|专列|运输计划|调运|路线|[KTZDG][0-9]{2,4}次")
STOCK = re.compile(
    r"储备[^。]{0,30}[0-9０-９][0-9０-９.,，]*\s*(?:万?吨|顶|艘|台|件|套|万斤|立方米|箱)|"
    r"(?:存量|库存)[^。]{0,12}[0-9０-９]"
)
# A row of a 储备 list: the 库/仓 and what it holds ("东岗库　稻谷4706吨　平房仓7号").
STORE_ROW = re.compile(
    r"(?:库|仓|储备点)[^。\n]{0,20}?[0-9０-９]+\s*(?:万?吨|万斤|立方米|顶|台|件|套|箱)"
)
DEFENCE_PLAN_TITLE = re.compile(r"国防动员|战备|重要目标防护|人民防空|民兵|兵员|动员潜力")


def state_secret_reason(text: str, metadata: Metadata) -> str | None:
    """Why the document, unmarked, may hold a state secret (第十四条), or None: the office
    calls it 涉密; the location of a 人防/military/储备 site with its coordinates; 征兵
    task numbers with the transport; 储备 quantities with where they are kept, in a
    sentence or as a list of 库点 rows under a 储备 head."""
    head = "\n".join(text.split("\n")[:12])
    m = SECRET_LABEL.search(head) or (
        SECRET_LABEL.search(text)
        if DEFENCE_PLAN_TITLE.search(compact(metadata.title or ""))
        else None
    )
    if m:
        return f"文件自称“{m.group(0)}”"
    sentences = [m.group(0) for m in SENTENCE.finditer(text)]
    sentences += [m.group(0) for m in SENTENCE.finditer(WRAPPED_BREAK.sub("", text))]
    for sentence in sentences:
        site = DEFENCE_SITE.search(sentence)
        if site and COORDINATES.search(sentence):
            return f"载有“{site.group(0)}”的位置坐标"
        if site and SITE_PLACE.search(sentence) and (STOCK.search(sentence) or "坐标" in sentence):
            return f"载有“{site.group(0)}”的位置和储备数量"
    if CONSCRIPTION.search(text) and TRANSPORT.search(text):
        return "载有征兵任务数和新兵集结、输送安排"
    # (a 轮换 竞价销售 公告 lists the lots' 库点 and tonnage: that list is the notice)
    if (
        "储备" in compact(head)
        and len(STORE_ROW.findall(text)) >= 2
        and not PUBLIC_SALE.search(text)
    ):
        return "逐一列出储备物资的承储库点及其数量"
    stock = STOCK.search(text)
    if stock and re.search(r"储备", text) and SITE_PLACE.search(text) and TRANSPORT.search(text):
        return "载有储备物资的数量、存放地点和调运安排"
    return None


# --- 密级 markings in any written form -----------------------------------------------------

LEVEL = r"(?:绝\s*密|机\s*密|秘\s*密)"
PERIOD = r"(?:长\s*期|启\s*用\s*前|[0-9０-９〇一二三四五六七八九十]+\s*(?:年|个\s*月|月))"
ANY_MARK = re.compile(
    rf"^[\s　]*[【\[［]?[★☆]?\s*(?:(?:密\s*级|保\s*密\s*等\s*级)\s*[：:]\s*(?P<a>{LEVEL})|(?P<b>{LEVEL})\s*级?\s*[】\]］]?\s*"
    rf"(?:[（(]?\s*[★☆＊*✩✭·•▲△]?\s*{PERIOD}?\s*[）)]?)?)(?:[\s　]*(?:保\s*密\s*期\s*限\s*[：:]\s*{PERIOD}))?"
    r"[\s　]*$",
    re.M,
)


# In the running header, beside the issuer, a page number or 特急: a level with its period
# (秘密★1年, 秘密（1年）, ★秘密1年), set off by spaces; a level alone there may be a word.
HEAD_MARK = re.compile(
    rf"(?:^|[\s　])(?P<m>[★☆]?\s*{LEVEL}\s*(?:[★☆＊*]\s*{PERIOD}|[（(]\s*{PERIOD}\s*[）)]|{PERIOD}))"
    r"(?=[\s　]|$)"
)
HEADER_LINES = 3


def marking_in_any_form(text: str) -> str | None:
    """A 密级 marking on a line of its own, however it is written, or one with its period
    in the running header among other words; None when there is neither."""
    m = ANY_MARK.search(text)
    if m:
        return compact(m.group(0))
    for line in [line for line in text.split("\n") if line.strip()][:HEADER_LINES]:
        if h := HEAD_MARK.search(line):
            return compact(h.group("m"))
    return None


# --- the title as printed, whatever the metadata made of it ---------------------------------

HEAD_TITLE_LINES = 8
# A kind word ends a title line; a trailing bracket ("（简易程序）", "（第二次）") may follow.
TAIL = r"(?:[（(][^（）()]{0,8}[）)])*$"


def head_titles(text: str, metadata: Metadata) -> list[str]:
    """The title the metadata read, and each short line of the head, spaces taken out:
    a letter-spaced "询 问 笔 录", a title under the issuer's line or run on after it is
    still the document's kind when the metadata missed it."""
    title = compact(metadata.title or "")
    found = [title if _balanced(title) else ""]
    for raw in head_lines(text, HEAD_TITLE_LINES):  # a spaced title wrapped, read as one
        line = compact(raw)
        if (
            2 <= len(line) <= 40
            and not re.search(r"[，。；;：:]", line)
            and _balanced(line)
            and line not in found
        ):
            found.append(line)
    return [t for t in found if t]


def _balanced(line: str) -> bool:
    """No 《 or “ left open or closed: a line that opens a document's name and does not
    close it is a piece of a wrapped sentence ("…依法送达了《行政处罚事先告知书"), not a
    title, even when the metadata took it for one."""
    return line.count("《") == line.count("》") and line.count("“") == line.count("”")


def head_match(pattern: re.Pattern[str], text: str, metadata: Metadata) -> str | None:
    """The kind word ``pattern`` finds ending a head title (the metadata's title anywhere)."""
    for n, title in enumerate(head_titles(text, metadata)):
        for m in pattern.finditer(title):
            if n == 0 or re.match(TAIL, title[m.end() :]):
                return m.group(0)
    return None


# --- 行政执法案卷 and internal affairs ------------------------------------------------------

CASE_FILE_TITLE = re.compile(
    r"询问笔录|讯问笔录|调查笔录|检查笔录|勘验笔录|勘察笔录|现场笔录|听证笔录|陈述申辩笔录|笔录$|"
    r"案件审批表|处理审批表|立案审批表|结案审批表|审批表$|集体讨论记录|案件讨论记录|讨论记录$|"
    r"调查终结报告|案件调查报告|案件移送审批|(?:询问|讯问|调查|检查|勘查|勘验|勘察|审理|听证)记录$|"
    r"审理委员会.{0,8}记录|法制审核意见$|"
    # a step of the case before its decision: the party told what is intended, to be heard
    r"事先告知书|处罚告知书|听证告知书|陈述申辩告知书|听证通知书|询问通知书"
)
INTERNAL_AFFAIRS_TITLE = re.compile(
    r"考察材料|考察报告|考察情况|考察意见|测评情况|测评结果|民主推荐情况|谈话推荐情况|考核情况|"
    r"考核等次拟定|酝酿|动议|拟任人选|人选的请示|干部任免审批|干部调整|人事安排|"
    r"处分决定|处分的决定|诫勉|谈话函询|约谈记录|谈话记录"
)
CONSULTATION_TITLE = re.compile(r"第三方意见|征求.{0,6}第三方|意见征询函|征询意见函")
# The letter itself, its title lost: it cites 条例 第三十二条 and asks the addressee's view
# ("征求你公司意见"); a reply or 延期答复 to the applicant that says a third party was
# consulted under the same article is not one.
CONSULTATION_BODY = re.compile(
    r"第三十二条[^。]{0,80}征求(?:你|贵|您)[^。]{0,8}意见|征求(?:你|贵|您)[^。]{0,8}意见[^。]{0,40}第三十二条"
)


# The layout of a record of a case: questions and answers with the 询问人 and 被询问人, or
# the opinion boxes of an 审批表, or the speakers of a 集体讨论.
QA_LINE = re.compile(r"^[\s　]*问[：:]", re.M)
ANSWER_LINE = re.compile(r"^[\s　]*答[：:]", re.M)
RECORD_ROLE = re.compile(r"(?:询问人|被询问人|检查人|被检查人|调查人|记录人|讯问人)[：:]")
APPROVAL_BOX = re.compile(r"承办人意见|审核意见|审批意见|法制审核|负责人意见|讨论意见|结论性意见")


def case_file_reason(metadata: Metadata, text: str = "") -> str | None:
    """Why the document is 行政执法案卷 material, from its title (as printed) or from the
    layout of a record (问/答 lines with 询问人, the opinion boxes of an 审批表)."""
    word = head_match(CASE_FILE_TITLE, text, metadata)
    if word:
        return f"“{word}”属行政执法案卷材料，记录案件办理过程"
    if len(QA_LINE.findall(text)) >= 2 and ANSWER_LINE.search(text) and RECORD_ROLE.search(text):
        return "以问答形式记录询问、调查过程（笔录），属行政执法案卷材料"
    if len(set(APPROVAL_BOX.findall(text))) >= 2:
        return "载有承办、审核、审批或讨论意见，属案件办理过程材料"
    return None


# Remarks on a cadre: a 考察 or 测评 with votes and shortcomings.
CADRE_REMARK = re.compile(
    r"民主测评|民主推荐|谈话推荐|优秀票|称职票|推荐票|主要缺点|缺点和不足|不足之处|考察组意见|"
    r"拟定为.{0,4}(?:称职|优秀|合格)|现实表现"
)


def internal_affairs_reason(metadata: Metadata, text: str = "") -> str | None:
    if inside := inside_reason(metadata, text):
        return inside
    word = head_match(INTERNAL_AFFAIRS_TITLE, text, metadata)
    if word:
        return f"标题含“{word}”，属人事管理等内部事务信息"
    word = head_match(CONSULTATION_TITLE, text, metadata)
    if word:
        return f"“{word}”属行政机关与第三方的磋商信函，为过程性信息"
    if CONSULTATION_BODY.search(text[:1500]):
        return (
            "依条例第三十二条书面征求第三方意见的函件，属行政机关与第三方的磋商信函，为过程性信息"
        )
    remarks = set(CADRE_REMARK.findall(text))
    if len(remarks) >= 2 and not re.search(r"公示|任前|拟任", compact(metadata.title or "")):
        return (
            f"载有干部考察、测评意见（{'、'.join(sorted(remarks))[:20]}），属人事管理等内部事务信息"
        )
    return None


# --- decisions: one party or published ----------------------------------------------------

PARTY_BLOCK_LINES = 25
NATURAL_PERSON = re.compile(
    r"(?:当事人|被处罚人|违法行为人|被检查人|被责令人|申请人|复议申请人|被申请人)"
    r"(?:[（(](?:个人|自然人|姓名)[）)]|姓名)?[：:]\s*"
    r"[\u4e00-\u9fff·]{2,6}[\s\u3000，,（(]*(?:性别|男|女|年龄|[0-9０-９]{2,4}\s*岁|身份证|公民身份号码|"
    r"出生|民族|住址|住|户籍|联系地址|联系电话|现住)|"
    r"(?:当事人|被处罚人|违法行为人|申请人)[（(](?:个人|自然人)[）)]"
)
ORGANISATION = re.compile(
    r"被处罚单位|统一社会信用代码|营业执照|法定代表人|经营者[：:]|"
    r"(?:当事人|被处罚人|申请人|被检查单位)(?:名称)?[：:][^\n]{2,30}(?:公司|厂|店|合作社|中心|商行|超市|医院|学校|酒店|饭店|馆|"
    r"加油站|加气站|充电站|诊所|门诊部|卫生院|卫生室|药房|幼儿园|养殖场|农场|林场|经营部|批发部|工作室|"
    r"宾馆|网吧|驾校|事务所|研究所|商场|市场|酒楼|餐厅|茶楼|会所|车行|维修站|物流园|砖厂|采石场)"
)
ENFORCEMENT_TITLE = re.compile(
    r"处罚决定书|处罚决定$|责令.{0,8}(?:通知书|决定书)|查封|扣押|强制执行决定书"
)
REVIEW_TITLE = re.compile(r"复议决定书")
CORRECTS = re.compile(r"撤销|确认.{0,12}违法|变更.{0,6}(?:决定|行为)|责令.{0,12}重新|予以纠正")
PUBLIC_MATTER = re.compile(
    r"征收|拆迁|规划|环境|污染|食品安全|药品|安全生产|政府信息公开|信息公开申请|价格|公共|学校|医院|"
    r"物业|住房保障|水资源|土地"
)


def party_head(text: str) -> str:
    """The head's lines with letter-spacing taken out ("当 事 人：" reads "当事人：")."""
    return "\n".join(compact(line) for line in text.split("\n")[:PARTY_BLOCK_LINES])


def natural_person_party(text: str) -> bool:
    """The decision is addressed to a natural person, not an enterprise or body."""
    head = party_head(text)
    return bool(NATURAL_PERSON.search(head)) and not ORGANISATION.search(head)


def organisation_party(text: str) -> bool:
    """The party is an enterprise or body: a 统一社会信用代码, 法定代表人, a company name."""
    return bool(ORGANISATION.search(party_head(text)))


def enforcement_reason(text: str, metadata: Metadata) -> tuple[bool, str] | None:
    """(published, why) for a penalty or order; None when the title is neither. A penalty
    is published only on an enterprise or body, which its party block always shows (its
    name, 统一社会信用代码, 法定代表人): without one the party is a person."""
    word = head_match(ENFORCEMENT_TITLE, text, metadata)
    if word is None:
        return None
    if natural_person_party(text) or not organisation_party(text):
        return False, f"对自然人作出的“{word}”，只涉及当事人个人"
    return True, f"对企业等单位作出的“{word}”，依第二十条（六）公开行政处罚、行政强制结果"


# A matter that is the applicant's own: his injury, his fine, his benefit, his household.
PERSONAL_MATTER = re.compile(
    r"工伤|个人|本人|其本人|养老金|低保|最低生活保障|抚恤|社保待遇|户籍|婚姻|医疗费|补贴|补助|"
    r"退休|职称|劳动能力|罚款决定|拘留"
)
MATTER = re.compile(r"申请人(?:不服|对|认为|因|请求|称)[^。]{0,120}")


# A 复议决定 whose title was lost (under the 版头, a page break, a scan): its own frame — a
# 被申请人 line, the application for review, and the decision the reviewing organ takes. The
# remedies clause every decision ends with (可…申请行政复议) has no 被申请人 and decides nothing.
RESPONDENT_LINE = re.compile(r"^[\s　]*被申请人[：:]", re.M)
APPLIED = re.compile(r"(?:向本(?:机关|府|委|局))?申请(?:了)?行政复议")
REVIEW_DECIDES = re.compile(r"本(?:机关|府|委)决定|复议机关决定|决定如下")


def review_frame(body: str) -> bool:
    """The body is a 行政复议决定's, whatever its title says."""
    return bool(
        RESPONDENT_LINE.search(body[:1500]) and APPLIED.search(body) and REVIEW_DECIDES.search(body)
    )


def review_reason(text: str, metadata: Metadata) -> tuple[bool, str] | None:
    """(published, why) for a 行政复议决定书; None for other documents. Published when it
    corrects an act or its matter is a public one (征收, 环境, 食品安全, 信息公开 …),
    whoever applied; kept to its parties when the matter is the applicant's own."""
    body = text[:3000]
    if head_match(REVIEW_TITLE, text, metadata) is None and not review_frame(body):
        return None
    matter = " ".join(m.group(0) for m in MATTER.finditer(body)) or body
    act = own_act(matter) if natural_person_party(text) else None
    if CORRECTS.search(body) and act is None:
        return True, "行政复议决定纠正了行政行为，涉及行政机关依法履职，属应当公开的复议决定"
    if act:  # 复议法 第七十九条: the decision follows the act, served on him alone
        return False, f"复议所涉“{act}”只针对申请人个人，复议决定只涉及申请人"
    own = PERSONAL_MATTER.search(matter)
    public = PUBLIC_MATTER.search(matter)
    if public and not own:
        return True, f"行政复议事项涉及“{public.group(0)}”等公共事务，属应当公开的复议决定"
    if not natural_person_party(text) and not own:
        return True, "行政复议申请人为企业等单位，复议决定依规定公开"
    return False, "维持或驳回的行政复议决定只涉及申请人个人事项"


# --- public lists with private details -----------------------------------------------------

# A value, not a column heading or a masked number (5401**********0027 stays published).
PRIVATE_DETAIL = re.compile(
    r"(?:身份证号码?|公民身份号码|证件号码|银行账号|银行卡号|发放账号|收款账号|卡号|账号)[：:\s]*"
    r"[0-9０-９][0-9０-９ ]{5}|(?:家庭住址|现住址|住址|居住地|户籍地)[：:]\s*[\u4e00-\u9fff]|"
    r"家住[\u4e00-\u9fff]|[，,（(、]\s*住[\u4e00-\u9fff0-9０-９]{2,24}(?:村|组|号|室|幢|栋|社区|小区)"
)


def list_private_detail(text: str) -> str | None:
    """A private detail a public list should not publish, named by its cue, or None."""
    m = PRIVATE_DETAIL.search(text)
    return m.group(0) if m else None


# --- signals of a critical rule that did not fire -------------------------------------------

CRITICAL_CAP = 0.5
SECRET_WORD = re.compile(
    r"(?:绝\s*密|机\s*密|秘\s*密)\s*[★☆＊*✩✭]|^.{0,6}(?:绝密|机密)(?!.{8})", re.M
)


def critical_signal(text: str) -> str | None:
    """A trace of a 密级 marking, state-secret content or exam material that fell short
    of the rule (a 密级 word beside a star inside a line, an exam paper named with a
    before-use word in an instruction): a suggestion to publish such a document is not
    one a reviewer may trust blindly."""
    m = SECRET_WORD.search(text)
    if m:
        return f"文中出现密级字样“{m.group(0).strip()[:10]}”"
    for sentence in SENTENCE.finditer(text):
        s = sentence.group(0)
        if EXAM_NOUN.search(s) and BEFORE_USE.search(s) and not AFTER_USE.search(s):
            return f"文中提及启用前的试题或试卷（“{s.strip()[:20]}…”）"
    return None

"""Names of private natural persons (PERSON), and of officials acting in office.

No Chinese NER tool knows the difference that matters here: a 申请人 or 当事人 is
personal data (第十五条), a 局长 or the issuing office's 联系人 must stay published
(第二十条). So names are found where 公文 put them, each with its role:

- after a role word from ``lexicons/private_person_roles.txt`` (申请人：陈嘉豪, 车主黄德军);
- as the addressee of a decision or reply ("陈嘉豪：" under the 发文字号);
- in table columns headed 姓名 / 户主姓名 / 被征收人 …, and list items "一、吴建英，女，";
- after official titles from ``lexicons/official_person_roles.txt`` (role "official");
- names the trained NER model (``models/ner``) tags in sentences about people
  (``lexicons/person_context.txt``) where no rule applied, role from the words around;
- and then every other mention of a name already found private in the document.

How a name is read where one may start (surname, given name, where it ends) is
:mod:`pipeline.detect.chinese_name`. Anonymised forms (王某某, 李某) are not names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from pipeline.detect.addressee_runs import addressee_run
from pipeline.detect.chinese_name import (
    CJK,
    has_surname,
    inside_word,
    plausible,
    read_name,
)
from pipeline.detect.context import column_header, table_cells
from pipeline.detect.four_sides import four_sides_names
from pipeline.detect.identified_names import identified_names
from pipeline.detect.person_layout import KIN_BEFORE_NAME, PARTY_ORDINALS
from pipeline.finding import Explanation, Finding, Role
from pipeline.lexicons import load_terms, matcher
from pipeline.nlp import entities

LIST_ITEM = re.compile(
    r"(?:^|\n)[ \u3000]*(?:[一二三四五六七八九十]+|[0-9]+)[、.．][ \u3000]*"
    r"(?P<name>[\u4e00-\u9fff][\u3000 ]?[\u4e00-\u9fff]{1,3})[，,][ \u3000]*[男女][，,]"
)
ADDRESSEE = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]{2,4})(?:女士|先生)?(?:[（(][^）)\n]{0,40}[）)])?[：:]\s*$"
)
# A 信访 reply or 告知书 greets its 信访人 as 同志 (王东同志：): still the private addressee.
ADDRESSEE_COMRADE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,4})同志[：:]\s*$")
REPLY_HEAD = re.compile(r"信访|答复|告知书|意见书")


# Titles in companies and workshops that end like an official's (班组长 ends with 组长).
EMPLOYEE_TITLES = ("班组长", "车间主任", "项目经理", "部门主任", "门店主任", "值班长", "班长")


def employee_title(text: str, end: int) -> bool:
    """The official-looking title ending at ``end`` is an employee's (班组长, 车间主任)."""
    return text[max(0, end - 4) : end].endswith(EMPLOYEE_TITLES)


# A person's other names, which a drafter runs straight into the name without a colon.
ALIAS_WORDS = frozenset(("曾用名", "又名", "别名", "乳名", "化名"))


# add(start, name, score, sentence, role, source, context words)
AddName = Callable[[int, str, float, str, Role, str, tuple[str, ...]], None]


class PersonRecognizer:
    name = "person_name"
    label = "PERSON"

    def analyze(self, text: str) -> list[Finding]:
        found: dict[tuple[int, int], Finding] = {}
        private_names: dict[str, str] = {}

        def add(
            start: int,
            name: str,
            score: float,
            why: str,
            role: Role,
            source: str,
            context: tuple[str, ...] = (),
        ) -> None:
            key = (start, start + len(name))
            if key in found and found[key].score >= score:
                return
            detail = Explanation(self.name, source, score, score, None, context, why)
            found[key] = Finding(
                self.label, start, start + len(name), name, score, self.name, why, role, detail
            )
            if role == "private":
                private_names.setdefault(name, why)

        for _start, end, term in matcher("private_person_roles").find(text):
            pos = _skip_colon(text, end)
            # A kin word (其母, 我老婆) is followed by a name or by what befell the person,
            # never by a word that only looks like a name: no tagger needs to agree.
            kin = term.startswith(("其", "我"))
            # An alias word (曾用名王小兰, 又名向国庆) is followed by nothing but the name.
            alias = term in ALIAS_WORDS
            strong = pos > end or alias
            name = read_name(text, pos, strong=strong, confirm=pos == end and not (kin or alias))
            if name is None and text[end : end + 1] in "（(":
                # the name in brackets after the role: 举报人（王东）：, 受援人（王东）一案
                pos = end + 1
                name = read_name(text, pos, strong=True)
                name = (
                    name if name and text[pos + len(name) : pos + len(name) + 1] in "）)" else None
                )
            if name:
                add(
                    pos,
                    name,
                    0.9,
                    f"前文有“{term}”，是私人身份的自然人姓名",
                    "private",
                    "lexicon:private_person_roles",
                    (term,),
                )
        for _start, end, term in matcher("official_person_roles").find(text):
            if employee_title(text, end):
                continue
            pos = _skip_colon(text, end)
            name = read_name(text, pos, strong=pos > end, confirm=pos == end)
            if name and (pos, pos + len(name)) not in found:
                add(
                    pos,
                    name,
                    0.8,
                    f"前文有“{term}”，为履行职务的公职人员，按条例第二十条应公开",
                    "official",
                    "lexicon:official_person_roles",
                    (term,),
                )
        for m in KIN_RUN.finditer(text):  # 配偶赵宏伟（36岁）, 与妻子范爱民、儿子廖丽娟
            name = read_name(text, m.end())
            if name:
                why = f"前文有亲属称谓“{m.group(0)}”，是私人身份的自然人姓名"
                # not a strong source: alone it does not say the text is about people
                add(m.end(), name, 0.85, why, "private", "rule:kin_run", ())
        for m in COLON_TITLE.finditer(text):  # 经办人：卢振华　审核：余敏娟
            name = read_name(text, m.end(), strong=True)
            if name and (m.end(), m.end() + len(name)) not in found:
                why = f"前文有“{m.group(1)}：”，为经办文书的工作人员，按条例第二十条应公开"
                add(m.end(), name, 0.8, why, "official", "lexicon:official_person_roles", ())
        for m in LIST_ITEM.finditer(text):
            name = read_name(text, m.start("name"), strong=True)
            if name:
                add(
                    m.start("name"),
                    name,
                    0.85,
                    "名单条目“姓名，性别，”中的姓名",
                    "private",
                    "rule:list_item",
                )
        for m in MEMBER_FIELD.finditer(text):  # 与申请人关系：母亲　姓名：管玉兰
            name = read_name(text, m.end(), strong=True)
            if name:
                why = "家庭成员栏（关系、姓名）中的姓名"
                add(m.end(), name, 0.9, why, "private", "rule:table_column", ("姓名",))
        for start, name in identified_names(text):  # 潘海波（男，…公民身份号码…）
            why = "姓名后括注本人公民身份号码，是私人身份的自然人"
            add(start, name, 0.9, why, "private", "rule:identified", ())
        for start, name in four_sides_names(text):  # 东至李四家，南至王五户自留地
            why = "四至所指的相邻户，是私人身份的自然人"
            add(start, name, 0.85, why, "private", "rule:four_sides", ())
        self._addressee(text, add)
        self._table_cells(text, add)
        self._model_names(text, found, add)
        # Every other mention of a private person's name in the document.
        for name, _why in list(private_names.items()):
            for m in re.finditer(re.escape(name), text):
                key = (m.start(), m.end())
                if key not in found and not inside_word(text, m.start(), m.end()):
                    add(
                        m.start(),
                        name,
                        0.8,
                        f"与前文已认定的个人姓名“{name}”相同",
                        "private",
                        "rule:repeated_mention",
                        (name,),
                    )
        return sorted(found.values(), key=lambda f: f.start)

    @staticmethod
    def _addressee(text: str, add: AddName) -> None:
        """The 主送 of a decision/reply to one person: "陈嘉豪：" near the top."""
        pos = 0
        for index, line in enumerate(text.split("\n")[:12]):
            m = ADDRESSEE_COMRADE.match(line.strip()) if REPLY_HEAD.search(text[:200]) else None
            m = m or ADDRESSEE.match(line.strip())
            if m and index > 0:
                offset = pos + line.index(m["name"])
                name = read_name(text, offset)
                if name is not None and name == m["name"]:
                    add(
                        offset,
                        name,
                        0.85,
                        "文书的主送对象为个人（“姓名：”）",
                        "private",
                        "rule:addressee_line",
                        (),
                    )
            for offset, name in addressee_run(text, pos, line) if index > 0 else ():
                why = "文书的主送对象为多名个人（“姓名、姓名：”）"
                add(offset, name, 0.85, why, "private", "rule:addressee_line", ())
            pos += len(line) + 1

    @staticmethod
    def _table_cells(text: str, add: AddName) -> None:
        """Cells under a 姓名-type column header in rows typed as lines of cells."""
        for start, raw in table_cells(text):
            cell = raw.strip()
            if not 2 <= len(cell) <= 4 or not CJK.fullmatch(cell[0]):
                continue
            header = column_header(text, start)
            if header and any(h in header for h in load_terms("name_headers")):
                name = read_name(text, start)
                if name is not None and name == cell:
                    add(
                        start,
                        name,
                        0.9,
                        f"表格“{header}”栏中的姓名",
                        "private",
                        "rule:table_column",
                        (header,),
                    )

    @staticmethod
    def _model_names(text: str, found: dict[tuple[int, int], Finding], add: AddName) -> None:
        """Names the NER model tags in sentences about people that no rule read.

        Only windows around a person cue (``lexicons/person_context.txt``) or a private
        role word go to the model; the rules' checks still apply (surname first, no
        anonymised 某, not an everyday word), and the role comes from the words around
        the name: an official title next to it, or "同志", makes it official."""
        taken = sorted(found)
        windows = _person_windows(text, taken)
        if not windows:
            return
        for (w_start, _w_end), ents in zip(
            windows, entities([text[a:b] for a, b in windows]), strict=True
        ):
            for e_start, e_end, label in ents:
                start, end = w_start + e_start, w_start + e_end
                name = text[start:end]
                if (
                    label != "PER"
                    or _overlaps(taken, start, end)
                    or not plausible(text, start, name)
                ):
                    continue
                title = _official_title_near(text, start, end)
                if title:
                    why = (
                        f"模型识别的人名，旁有“{title}”，为履行职务的公职人员，按条例第二十条应公开"
                    )
                    add(start, name, 0.6, why, "official", "model:ner", (title,))
                else:
                    why = "模型在叙述个人情况的句子中识别出人名（无角色词），按私人姓名处理，请核对"
                    add(start, name, 0.65, why, "private", "model:ner", ())
                bisect.insort(taken, (start, end))


# The cue's sentence, at most this many characters either side of the cue, goes to the model.
MODEL_WINDOW = 16
SENTENCE_END = re.compile(r"[。；;！？!?\n]")
OFFICIAL_AFTER = ("同志", "总书记", "主席", "总理", "委员", "律师承办")  # 指派…所王东律师承办


def _person_windows(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merged windows around person cues, each cut at sentence ends; cues with a name the
    rules already found beside them need no model."""
    windows: list[tuple[int, int]] = []
    for cue, cue_end, _term in matcher("person_context").find(text):
        if windows and cue < windows[-1][1]:
            continue
        start = max(cue - MODEL_WINDOW, 0)
        for stop in SENTENCE_END.finditer(text, start, cue):
            start = stop.end()
        limit = min(cue_end + MODEL_WINDOW, len(text))
        after = SENTENCE_END.search(text, cue_end, limit)
        end = after.start() if after else limit
        if end - start < 4 or _overlaps(taken, start, end) or not has_surname(text, start, end):
            continue
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """``taken`` is sorted by start; spans the rules found may overlap each other."""
    i = bisect.bisect_left(taken, (end, end))
    return any(b > start for _a, b in taken[max(0, i - 8) : i])


# A signature block spaces its titles out to one width (仲　裁　员　王东, 书　记　员　李明).
SPACING = re.compile(r"[\n\u3000 ]")


def _official_title_near(text: str, start: int, end: int) -> str | None:
    """An official title right before the name (局长王东, 主任：李明, a wrap inside it:
    执法人⏎员王东, spaced out: 书　记　员　李明) or right after it."""
    before = SPACING.sub("", text[max(0, start - 14) : start])[-6:].rstrip("：:")
    for s, e, term in matcher("official_person_roles").find(before):
        # 受送达人 receives, 被询问人 is heard: private
        if e == len(before) and before[s - 1 : s] not in ("受", "被"):
            return term
    signed = COLON_TITLE_END.search(text[max(0, start - 8) : start])
    if signed:
        return signed.group(1)
    after = text[end : end + 4]
    for term in (*load_terms("official_person_roles"), *OFFICIAL_AFTER):
        if after.startswith(term) or (after[1:].startswith(term) and after[0] in "副总"):
            return term
    return None


# The issuing office's contact: 联系人：王东，联系电话：0571-8765432 (a landline with its
# area code, with a dash or in brackets — （0571）8765432 — maybe broken by a wrap; a
# party's own contact gives a mobile), or the landline first: 监督电话：0571-8765432，
# 联系人：王东. 第二十条: published.
LANDLINE = r"(?:0[1-9][0-9]{1,2}[-－—]|[（(]0[1-9][0-9]{1,2}[）)])\n?[0-9](?:\n?[0-9]){6,7}"
OFFICE_CONTACT = re.compile(r"[，,；;（(\s]*(?:联系)?(?:电话|座机)?[：:]?\s*" + LANDLINE)
LANDLINE_BEFORE = re.compile(
    r"(?:电话|热线|座机)[：:]?\s*" + LANDLINE + r"[，,；;、\s（(]*(?:联系人|联系人员)[：:]?\s*$"
)


def office_contact(text: str, start: int, end: int) -> bool:
    """The name follows 联系人： and a landline with its area code follows the name, or
    comes right before 联系人 in the same clause."""
    # a wrap may fall on either side of the colon: 联系人⏎：黎根宝, 联系人：⏎熊秋菊
    before = text[max(0, start - 6) : start].replace("\n", "").rstrip("：: \u3000")
    if not before.endswith("联系人"):
        return False
    if OFFICE_CONTACT.match(text, end, end + 24):
        return True
    return LANDLINE_BEFORE.search(text[max(0, start - 40) : start]) is not None


# A form's signing fields an office's staff fill (审核：, 记录：, 制表：余敏娟): only with their
# colon, since 经审核 and 询问记录 are prose; the lexicon stores no full-width colon.
# A household member named right after the plain kin word (配偶赵宏伟, 妻子范爱民): read
# only when the name runs into the word — in a relation column (母亲⇥…) the next cell is
# anything — and kept out of the role lexicon, whose words the judge weighs in a window.
KIN_RUN = re.compile(rf"(?:{'|'.join(KIN_BEFORE_NAME)})(?=[\u4e00-\u9fff])")
COLON_TITLE = re.compile(r"(?<![\u4e00-\u9fff])(审核|记录|制表)[：:][ \u3000]*")
COLON_TITLE_END = re.compile(COLON_TITLE.pattern + "$")
# A household member's row of a 审批表 flattened to text: the relation, then the name.
MEMBER_FIELD = re.compile(r"关系[：:][ \u3000]*[\u4e00-\u9fff]{1,4}[ \u3000\t]+姓名[：:][ \u3000]*")
# A form's note between the role word and its colon: 申请人（签字）：, 受送达人（单位）：.
FORM_NOTE = re.compile(r"[（(][^（）()\n]{1,6}[）)](?=[：:])")
# What stands between a party's role word and its name besides a colon: the party's
# ordinal (当事人甲：, 当事人乙王东，— 事故认定书 and 调解协议 name two sides so) or 代表
# (投诉人代表：, 申请人代表：— one person speaking for the many). An ordinal run straight
# into the name must be closed by a comma or a bracket after a name's length; 丁 only
# before a colon, since 丁 is a common surname (申请人丁建国，男 — the name, not a 4th party).
PARTY_MARK = re.compile(
    rf"[{PARTY_ORDINALS}丁](?=[：:])|[{PARTY_ORDINALS}](?=[\u4e00-\u9fff][\u3000\u4e00-\u9fff]{{1,3}}[，,（(])"
    r"|代表(?=[：:])"
)


# A form's signing field after the role word: 网格员签字：储连生, 申请人签名：王东.
SIGNED = re.compile(r"(?:签字|签名)(?=[：:])")


def _skip_colon(text: str, pos: int) -> int:
    mark = PARTY_MARK.match(text, pos)
    pos = mark.end() if mark else pos
    note = FORM_NOTE.match(text, pos)
    pos = note.end() if note else pos
    # 申请人姓名：, 被询问人姓名：; a signing field: 网格员签字：, 申请人签名：
    if text.startswith(("姓名：", "姓名:"), pos) or SIGNED.match(text, pos):
        pos += 2
    while pos < len(text) and text[pos] in "：: \u3000为是":
        pos += 1
    return pos

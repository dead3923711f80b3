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

A candidate must start with a surname (``lexicons/surnames.txt``); where the text runs on
without a delimiter (曾国平驾驶…) jieba decides the name's length on a short window only,
since its tagger is too slow for whole documents (34 k chars/s). Anonymised forms
(王某某, 李某) are not names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache

from pipeline.detect.context import column_header, table_cells
from pipeline.finding import Finding, Role
from pipeline.lexicons import lexicon_cache, load_terms, matcher
from pipeline.nlp import entities, jieba_posseg

CJK = re.compile(r"[\u4e00-\u9fff]")
# Characters that end a name when they follow it.
DELIMITER = set("，,。：:；;（）()、\u3000 \t\n“”\"'《》【】[]！？!?")
# Words that commonly follow a name directly ("曾国平驾驶", "李红霞销售", "曾国平同志").
FOLLOWERS = (
    "同志",
    "性别",
    "身份证",
    "系",
    "等",
    "男",
    "女",
    "驾驶",
    "的",
    "于",
    "在",
    "因",
    "向",
    "和",
    "与",
    "及",
    "称",
    "反映",
    "承包",
    "销售",
    "负",
    "是",
    "为",
    "将",
    "已",
    "未",
    "对",
    "从",
    "到",
    "被",
    "把",
    "说",
    "所",
    "户",
    "名下",
    "本人",
    "先生",
    "女士",
    "之",
    "持",
    "经",
    "自",
    "以",
    "无",
)
# Surnames that are also everyday function words: need jieba to confirm a name.
AMBIGUOUS_SURNAMES = set("于和时向成全明过都原利海东乐应将及与同把被为从车项连司关文安常单")
NAME_HEADERS = (
    "姓名",
    "户主",
    "被征收人",
    "申请人",
    "当事人",
    "投诉人",
    "受助人",
    "救助对象",
    "承包户",
    "权利人",
    "拟录用人员",
    "拟聘用人员",
    "负责人",
    "法定代表人",
    "联系人",
)
LIST_ITEM = re.compile(
    r"(?:^|\n)[ \u3000]*(?:[一二三四五六七八九十]+|[0-9]+)[、.．][ \u3000]*"
    r"(?P<name>[\u4e00-\u9fff][\u3000 ]?[\u4e00-\u9fff]{1,3})[，,][ \u3000]*[男女][，,]"
)
ADDRESSEE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,4})(?:[（(][^）)\n]{0,40}[）)])?[：:]\s*$")


@lexicon_cache
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    terms = load_terms("surnames")
    return frozenset(t for t in terms if len(t) == 1), frozenset(t for t in terms if len(t) == 2)


@lru_cache(maxsize=4096)
def _tag(window: str) -> tuple[tuple[str, str], ...]:
    return tuple((w.word, w.flag) for w in jieba_posseg().lcut(window, HMM=True))


def _is_common_word(name: str, window: str) -> bool:
    """jieba reads the candidate as an ordinary word (申报/v, 成本/n), not a name."""
    tags = _tag(window)
    return (
        bool(tags) and tags[0][0] == name and not tags[0][1].startswith("nr") and tags[0][1] != "x"
    )


def _jieba_name(window: str) -> str | None:
    """The person name jieba tags (nr) at the start of a short window, if any."""
    tags = _tag(window)
    if tags and tags[0][1] == "nr" and 2 <= len(tags[0][0]) <= 4:
        return tags[0][0]
    if len(tags) >= 2 and tags[0][1] == "nr" and len(tags[0][0]) == 1 and len(tags[1][0]) <= 2:
        return tags[0][0] + tags[1][0]  # jieba splits "曾" + "国平" at times
    return None


# jieba's tagger calls some common words names (陈述/nr); real names have a dictionary
# frequency of 0-160 (李强 159), common words far more (陈述 763, 申报 1101, 高峰 1556).
COMMON_WORD_FREQ = 300


def _word_frequency(word: str) -> int:
    import jieba

    jieba_posseg()  # initialises jieba quietly
    return int(jieba.dt.FREQ.get(word) or 0)


def _jieba_confirms(name: str, window: str) -> bool:
    """jieba tags a person name (nr) where the candidate stands: "潘德胜/nr", or the
    surname followed by a tagged given name ("李/nr 红霞/nr", "黄/a 德军/nr")."""
    tags = _tag(window)
    if not tags:
        return False
    first, flag = tags[0]
    if flag.startswith("nr") and name.startswith(first) and len(first) >= 2:
        return True
    if len(tags) >= 2 and tags[1][1].startswith("nr") and name == (first + tags[1][0])[: len(name)]:
        return len(first) <= 2
    return False


def read_name(text: str, pos: int, strong: bool = False, confirm: bool = False) -> str | None:
    """A personal name starting exactly at ``pos``, or None.

    ``strong``: the position follows a role word and a colon ("联系人：于海涛（…"), so a
    surname that is also a function word (于, 和, 时 …) needs no confirmation from jieba
    when the name ends at a delimiter. ``confirm``: the evidence is weak (a role word run
    into the text, "车主黄德军"), so jieba must tag a person name there ("行业主管部门"
    holds the role word 业主 but no name)."""
    if strong:
        padded = _read_padded_name(text, pos)
        if padded is not None:
            return padded
    name = _read_name(text, pos, strong)
    if (
        name is not None
        and confirm
        and (
            not _jieba_confirms(name, text[pos : pos + 10])
            or _word_frequency(name) >= COMMON_WORD_FREQ
        )
    ):
        return None
    return name


PAD = re.compile(r"[\u3000 ]|\n")


def _read_padded_name(text: str, pos: int) -> str | None:
    """A name with one padding space or line break inside: "王　东" (two-character names
    padded to align with three-character ones) or "陈嘉\n豪" (wrapped by the typist).
    The span keeps the padding so the redaction covers the whole name."""
    single, double = _surnames()
    surname_len = 2 if text[pos : pos + 2] in double else 1 if text[pos : pos + 1] in single else 0
    if not surname_len:
        return None
    chars: list[str] = []
    i = pos
    pads = 0
    while i < len(text) and len(chars) < surname_len + 2:
        ch = text[i]
        if CJK.match(ch):
            chars.append(ch)
        elif (
            PAD.match(ch)
            and pads == 0
            and len(chars) >= 1
            and i + 1 < len(text)
            and CJK.match(text[i + 1])
        ):
            pads += 1
        else:
            break
        i += 1
    end_ok = i >= len(text) or text[i] in DELIMITER or not CJK.match(text[i])
    if pads != 1 or not end_ok or not surname_len + 1 <= len(chars) <= surname_len + 2:
        return None
    if "某" in chars:
        return None
    return text[pos:i]


def _read_name(text: str, pos: int, strong: bool) -> str | None:
    single, double = _surnames()
    head = text[pos : pos + 6]
    if len(head) < 2:
        return None
    if head[:2] in double:
        surname = head[:2]
    elif head[0] in single:
        surname = head[0]
    else:
        return None
    rest = head[len(surname) :]
    given = ""
    for ch in rest:
        if ch in DELIMITER or not CJK.match(ch) or len(given) == 2:
            break
        given += ch
    if not given or "某" in given or given == "氏":
        return None
    name = surname + given
    after = text[pos + len(name) : pos + len(name) + 2]
    runs_on = bool(after) and after[0] not in DELIMITER and bool(CJK.match(after[0]))
    if _is_common_word(name, text[pos : pos + 8]):
        return None
    if strong and not runs_on:
        return name
    if len(given) == 2 and (runs_on or surname in AMBIGUOUS_SURNAMES):
        if any(given[1:].startswith(f) or (given[1] + after).startswith(f) for f in FOLLOWERS):
            name = surname + given[0]
        elif runs_on or surname in AMBIGUOUS_SURNAMES:
            tagged = _jieba_name(text[pos : pos + 10])
            if (
                tagged
                and tagged.startswith(surname)
                and len(tagged) <= len(surname) + 2
                and _word_frequency(tagged) < COMMON_WORD_FREQ
            ):
                name = tagged
            elif surname in AMBIGUOUS_SURNAMES:
                return None
    elif len(given) == 1 and surname in AMBIGUOUS_SURNAMES:
        tagged = _jieba_name(text[pos : pos + 10])
        if tagged != name:
            return None
    return name if 2 <= len(name) <= 4 else None


AddName = Callable[[int, str, float, str, Role], None]


class PersonRecognizer:
    name = "person_name"
    label = "PERSON"

    def analyze(self, text: str) -> list[Finding]:
        found: dict[tuple[int, int], Finding] = {}
        private_names: dict[str, str] = {}

        def add(start: int, name: str, score: float, why: str, role: Role) -> None:
            key = (start, start + len(name))
            if key in found and found[key].score >= score:
                return
            found[key] = Finding(
                self.label, start, start + len(name), name, score, self.name, why, role
            )
            if role == "private":
                private_names.setdefault(name, why)

        for _start, end, term in matcher("private_person_roles").find(text):
            pos = _skip_colon(text, end)
            name = read_name(text, pos, strong=pos > end, confirm=pos == end)
            if name:
                add(pos, name, 0.9, f"前文有“{term}”，是私人身份的自然人姓名", "private")
        for _start, end, term in matcher("official_person_roles").find(text):
            pos = _skip_colon(text, end)
            name = read_name(text, pos, strong=pos > end, confirm=pos == end)
            if name and (pos, pos + len(name)) not in found:
                add(
                    pos,
                    name,
                    0.8,
                    f"前文有“{term}”，为履行职务的公职人员，按条例第二十条应公开",
                    "official",
                )
        for m in LIST_ITEM.finditer(text):
            name = read_name(text, m.start("name"), strong=True)
            if name:
                add(m.start("name"), name, 0.85, "名单条目“姓名，性别，”中的姓名", "private")
        self._addressee(text, add)
        self._table_cells(text, add)
        self._model_names(text, found, add)
        # Every other mention of a private person's name in the document.
        for name, _why in list(private_names.items()):
            for m in re.finditer(re.escape(name), text):
                key = (m.start(), m.end())
                if key not in found and not _inside_word(text, m.start(), m.end()):
                    add(m.start(), name, 0.8, f"与前文已认定的个人姓名“{name}”相同", "private")
        return sorted(found.values(), key=lambda f: f.start)

    @staticmethod
    def _addressee(text: str, add: AddName) -> None:
        """The 主送 of a decision/reply to one person: "陈嘉豪：" near the top."""
        pos = 0
        for index, line in enumerate(text.split("\n")[:12]):
            m = ADDRESSEE.match(line.strip())
            if m and index > 0:
                offset = pos + line.index(m["name"])
                name = read_name(text, offset)
                if name is not None and name == m["name"]:
                    add(offset, name, 0.85, "文书的主送对象为个人（“姓名：”）", "private")
            pos += len(line) + 1

    @staticmethod
    def _table_cells(text: str, add: AddName) -> None:
        """Cells under a 姓名-type column header in rows typed as lines of cells."""
        for start, raw in table_cells(text):
            cell = raw.strip()
            if not 2 <= len(cell) <= 4 or not CJK.fullmatch(cell[0]):
                continue
            header = column_header(text, start)
            if header and any(h in header for h in NAME_HEADERS):
                name = read_name(text, start)
                if name is not None and name == cell:
                    add(start, name, 0.9, f"表格“{header}”栏中的姓名", "private")

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
                    or not _plausible(text, start, name)
                ):
                    continue
                title = _official_title_near(text, start, end)
                if title:
                    why = (
                        f"模型识别的人名，旁有“{title}”，为履行职务的公职人员，按条例第二十条应公开"
                    )
                    add(start, name, 0.6, why, "official")
                else:
                    why = "模型在叙述个人情况的句子中识别出人名（无角色词），按私人姓名处理，请核对"
                    add(start, name, 0.65, why, "private")
                bisect.insort(taken, (start, end))


# The cue's sentence, at most this many characters either side of the cue, goes to the model.
MODEL_WINDOW = 16
SENTENCE_END = re.compile(r"[。；;！？!?\n]")
OFFICIAL_AFTER = ("同志", "总书记", "主席", "总理", "委员")


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
        if end - start < 4 or _overlaps(taken, start, end) or not _has_surname(text, start, end):
            continue
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _has_surname(text: str, start: int, end: int) -> bool:
    """A name can start in the window: a surname followed by a Chinese character."""
    single, double = _surnames()
    return any(
        (text[i] in single or text[i : i + 2] in double) and CJK.match(text[i + 1])
        for i in range(start, end - 1)
    )


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """``taken`` is sorted by start; spans the rules found may overlap each other."""
    i = bisect.bisect_left(taken, (end, end))
    return any(b > start for _a, b in taken[max(0, i - 8) : i])


def _plausible(text: str, start: int, name: str) -> bool:
    """The rules' idea of a Chinese personal name, applied to what the model tagged."""
    single, double = _surnames()
    if not 2 <= len(name) <= 4 or not all(CJK.match(ch) for ch in name):
        return False
    if name[:2] not in double and name[0] not in single:
        return False
    if "某" in name or _inside_word(text, start, start + len(name)):
        return False
    if _word_frequency(name) >= COMMON_WORD_FREQ:
        return False
    return _jieba_agrees(text, start, start + len(name))


def _jieba_agrees(text: str, start: int, end: int) -> bool:
    """jieba segments the surroundings with word boundaries where the name starts and
    ends, and reads no everyday word inside it: the model's "管平台" (监管|平台) and
    "严格依" (严格|依法) are pieces of words, not names."""
    left = max(0, start - 4)
    pos = left
    for word, flag in _tag(text[left : end + 4]):
        w_start, w_end = pos, pos + len(word)
        pos = w_end
        crosses = w_start < start < w_end or w_start < end < w_end
        if crosses and not flag.startswith("nr"):
            return False
        inside = start <= w_start and w_end <= end
        common = len(word) >= 2 and _word_frequency(word) >= COMMON_WORD_FREQ
        if inside and common and not flag.startswith("nr"):
            return False
    return True


def _official_title_near(text: str, start: int, end: int) -> str | None:
    """An official title right before the name (局长王东, 主任：李明) or right after it."""
    before = text[max(0, start - 6) : start].rstrip("：: \u3000")
    for _s, e, term in matcher("official_person_roles").find(before):
        if e == len(before):
            return term
    after = text[end : end + 4]
    for term in (*load_terms("official_person_roles"), *OFFICIAL_AFTER):
        if after.startswith(term) or (after[1:].startswith(term) and after[0] in "副总"):
            return term
    return None


def _skip_colon(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in "：: \u3000为是":
        pos += 1
    return pos


def _inside_word(text: str, start: int, end: int) -> bool:
    """A surname-led string inside a longer word is not that person ("张国华路")."""
    after = text[end : end + 1]
    return after in (
        "路",
        "街",
        "村",
        "镇",
        "乡",
        "区",
        "县",
        "市",
        "省",
        "巷",
        "号",
        "楼",
        "桥",
        "湖",
        "山",
    )

"""内容概述 and 主题词 of a 公开目录 entry, made from the document itself.

The 内容概述 is extractive: the lead sentences of the body, because a 公文 states its
purpose and its main decision first (为…，现将…; 经审查，…). It is never rewritten, so it
never says what the document does not; what is dropped is what every 公文 carries and
that tells a reader nothing: the 版头 (发文机关标志, 文号, 标题, 主送机关), lead-in and
closing formulas (现就有关事项通知如下, 特此通知, 请认真贯彻执行), appeal-rights notices,
contact lines, 附件 lines and the 版记 (署名, 日期, 抄送, 印发). Sentences are cut whole
at 。！？； so the summary never ends mid-sentence; only a first sentence longer than the
limit is cut, at a comma where possible, and marked with ….

The 主题词 are TextRank words of the body (jieba, nouns and verbs; place and person names
excluded), after the topic lexicon's terms found in the title (森林防灭火, 耕地地力保护补贴):
those are the words the catalog is searched by, and jieba alone would cut them into pieces.
Generic 公文 words (通知, 工作, 有关, 单位, 各级 …) are not keywords.

Redactions: the catalog is public, so its summary must not say what the released file
hides. Every redacted character is masked before anything is read, every other
occurrence of a redacted value is masked too, a masked run shows as a fixed ■■■ (its
length would hint at the value's), and no keyword is part of a redacted value.

Deterministic: no randomness, no model; the same text gives the same summary.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any

# is_indented: the metadata reader's rule for a paragraph indent (1 to 3 ems), shared so
# that both read the same lines as body.
from pipeline.gongwen import is_date_line, is_indented, looks_like_agency

MASK = "■■■"
DEFAULT_MAX_CHARS = 200
DEFAULT_KEYWORDS = 6
MIN_KEYWORDS, MAX_KEYWORDS = 5, 8
TITLE_KEYWORDS = 3  # the rest come from the body

# jieba parts of speech a keyword may have: nouns, verbal nouns, verbs, other proper nouns.
# Not ns/nr/nt (places, persons, organisations): the 发布机构 field says where and who, and
# a person's name is never a subject heading.
KEYWORD_POS = ("n", "vn", "v", "nz")

# Words of every 公文, whatever its subject: as keywords they would match every entry.
_GENERIC = """
    通知 通告 公告 公示 公报 通报 报告 请示 批复 意见 决定 函 纪要 答复 说明 办法 规定 方案
    工作 有关 相关 单位 各级 各地 部门 机关 本机关 政府 人民政府 办公室 领导 同志 人员 群众
    要求 进行 开展 加强 做好 落实 实施 推进 推动 组织 建立 健全 完善 提高 提升 强化 确保
    保障 负责 按照 根据 依据 依照 结合 提出 研究 同意 印发 执行 贯彻 部署 安排 明确 严格
    切实 认真 积极 进一步 全面 及时 依法 规范 有效 重点 主要 具体 相应 其他 其中 以上 以下
    情况 问题 事项 文件 内容 结果 时间 期间 方式 对象 部分 范围 标准 程序 材料 信息 资料
    全区 全市 全县 全省 全镇 我区 我市 我县 我省 本区 本市 本县 年度 本年 当前 今年 目前
    申请 办理 审核 审查 复核 确认 决定书 答复书 通知书 告知书 条例 法律 法规 规章 条款
    有限公司 公司 企业 单位 个人 任何 社会 发展 管理 服务 建设 项目 系统 机制 体系 措施
    予以 给予 作出 提供 获取 存在 发现 属于 包括 涉及 反映 联系 联系人 电话 地址 邮箱 附件
    收到 收悉 报送 上报 送达 公开 发布 实行 设立 设置 需要 应当 可以 不得 不予 准予 严禁
    发生 确定 达到 支持 采取 符合 写出 建议 经营 检查 监督 机构 基础 地点 数量 计划 渠道
    管理局 执法局 市局 区局 委员会 街道 区级 市级 现行 行政 类别 号码 身份证 证据 笔录 照片
    违反 当事人 书面 资格 工作日 内向 局长 副局长 主任 副主任 区长 副区长 市长 副市长 书记
    科长 处长 网络 任用 为准 实现 反馈 超过 局局长 管理中心 改革 事宜 条件 任务
    处理 意见书 工作人员 拟定 征求 分析 现状
"""
GENERIC_WORDS = frozenset(_GENERIC.split())

_SENTENCE = re.compile(r"[^。！？；]*[。！？；]+[”’」』）)]*|[^。！？；]+$")
_NUMBERING = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇]+[条章节]|[一二三四五六七八九十]+[、．.]"
    r"|[（(][一二三四五六七八九十0-9０-９]+[）)]|[0-9０-９]{1,2}(?:[.．][0-9０-９]{1,2})+"
    r"|[0-9０-９]{1,2}[、．.](?![0-9０-９])|[①-⑳])[\s\u3000]*"
)
# Lines that are 版记, signature block, attachments or contact details, never body text.
_END_MATTER = re.compile(
    r"^(?:附\s*件|附[：:]|抄\s*送|抄\s*报|分\s*送|报[：:]|送[：:]|主\s*送|[（(]此件|[（(]共印"
    r"|联系人|联系电话|联系方式|监督电话|咨询电话|举报电话|投诉电话|值班电话|电话|传真|电子邮箱|邮箱"
    r"|地址|送达地址|来信地址|签发人|此页无正文|注[：:])"
)
_LABEL = re.compile(r"^[\u4e00-\u9fff（）()]{2,12}[：:]\s*\S")
_PRINTED = re.compile(r"年.{1,3}月.{1,3}日\s*印\s*发$")
_TABLE_GAP = re.compile(r"\S(?:\u3000+|\t+| {2,})\S")
# Sentences that carry nothing a catalog reader needs, or private contact details.
_DROP_SENTENCE = re.compile(
    r"^(?:特此|此复|妥否|当否|以上报告|以上意见|请批示|请审批|请予审批|请予批准|请予审定|专此)"
    r"|不服.{0,40}(?:行政复议|行政诉讼)|申请行政复议|提起行政诉讼"
    r"|附件|有异议|真实姓名"
)
# Sentences with someone's contact details or a long number left unmasked (ID, phone,
# card, 注册编号): never catalog text, even where detection missed the value; the rest of
# their paragraph (a list item about that person) goes with them.
_PRIVATE = re.compile(
    r"联系人|联系电话|联系方式|电话[：:]|热线|邮箱|传真|住址|家住|地址[：:]"
    r"|[0-9０-９][0-9０-９ -]{9,}[0-9０-９Xx]"
)
# Clauses (between ，) that are pure formula: 经研究 / 现就有关事项通知如下 / 请认真贯彻执行.
_DROP_CLAUSE = re.compile(
    r"^(?:经.{0,14}(?:研究|审查|审核|同意|批准|讨论)(?:决定|同意|通过)?"
    r"|现(?:就|将|对)?.{0,8}(?:通知|通报|报告|公告|预公告|通告|答复|批复|函告|公示|说明|规定"
    r"|明确|回复|函复|决定|纪要|部署)如下"
    r"|.{0,6}如下"
    r"|现?予以?公(?:示|布|告)|现(?:印发|转发)给你们|请(?:认真)?(?:贯彻执行|贯彻落实|遵照执行|组织实施|抓好落实)"
    r"|请结合实际.{0,12}(?:执行|落实)"
    r")[：:]?$"
)
_MIN_SENTENCE = 8  # shorter sentences are headings ("编制目的。"), not content
_HEADING = 16  # a numbered sentence this short without a comma is a section heading


@dataclass(frozen=True)
class Summary:
    """内容概述 (``text``) and 主题词 (``keywords``) of one catalog entry."""

    text: str
    keywords: list[str]

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


# --- redactions -------------------------------------------------------------------------


def _span_bounds(span: Any) -> tuple[int, int]:
    if isinstance(span, Mapping):
        return int(span["start"]), int(span["end"])
    return int(span.start), int(span.end)


def _compact(s: str) -> str:
    return re.sub(r"[\s\u3000\u00a0]", "", s)


def mask_redactions(text: str, redactions: Iterable[object] = ()) -> tuple[str, list[str]]:
    """``text`` with every redacted character, and every other occurrence of a redacted
    value, turned into ■ (line breaks kept, so lines stay lines); and the redacted values
    (white space removed).

    Spans are dicts or objects with ``start``/``end`` (Python string offsets, end
    exclusive) over ``text``. A span outside the text raises ValueError: offsets that do
    not fit mean the spans were made for another text, and masking the wrong characters
    would publish the right ones."""
    hidden = [False] * len(text)
    values: list[str] = []
    for span in redactions:
        start, end = _span_bounds(span)
        if not 0 <= start < end <= len(text):
            raise ValueError(f"redaction {start}-{end} lies outside the text (0-{len(text)})")
        hidden[start:end] = [True] * (end - start)
        value = _compact(text[start:end])
        if len(value) >= 2:
            values.append(value)
    for value in sorted(set(values), key=len, reverse=True):
        # Spaced out the same value is the same value ("张　三" once the summary drops
        # the layout space), so white space between its characters is allowed.
        for m in re.finditer(r"[\s\u3000\u00a0]*".join(map(re.escape, value)), text):
            hidden[m.start() : m.end()] = [True] * (m.end() - m.start())
    masked = "".join("■" if h and ch != "\n" else ch for ch, h in zip(text, hidden, strict=True))
    return masked, sorted(set(values))


# --- the body ---------------------------------------------------------------------------


def is_body_line(line: str, title: str | None = None) -> bool:
    """A paragraph of the body (正文), not 版头, heading, table row, signature or 版记.

    A paragraph is indented about two characters (wider leading space is layout: a
    centred title or a right-aligned signature) and long or punctuated; an unindented
    line counts when it holds a sentence end, as text extracted from PDFs has no indent.
    The 主送机关 line ends with ： without a sentence, so it is never body."""
    s = line.strip(" \t\u3000\u00a0\r")
    if not s or _END_MATTER.match(s) or _PRINTED.search(s) or is_date_line(s):
        return False
    if looks_like_agency(s) or (title and len(s) >= 4 and _compact(s) in _compact(title)):
        return False
    has_stop = bool(re.search(r"[。！？；]", s))
    if len(_TABLE_GAP.findall(s)) >= 2 and not has_stop:
        return False  # a table row: cells separated by wide spaces
    if is_indented(line):  # a paragraph, or a "中标人：…" item of one; not a heading
        return has_stop or len(s) > 40 or s.endswith(("：", ":")) or bool(_LABEL.match(s))
    return has_stop and not _LABEL.match(s)


def body_paragraphs(text: str, title: str | None = None) -> list[str]:
    """The body paragraphs of a document text, stripped, in order (attachments included:
    an 印发 notice's content is its attachment)."""
    return [ln.strip(" \t\u3000\u00a0\r") for ln in text.split("\n") if is_body_line(ln, title)]


# --- sentences --------------------------------------------------------------------------


def _tidy(s: str) -> str:
    """White space out of Chinese text (layout, not words); one space between Latin words."""
    s = re.sub(r"[\s\u3000\u00a0]+", " ", s).strip()
    return re.sub(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])", "", s)


def _clean_sentence(sentence: str) -> str | None:
    """The sentence without numbering and formula clauses; None when nothing is left or
    it is a section heading ("二、严格野外火源管控。")."""
    s = _tidy(sentence)
    numbered = False
    while (m := _NUMBERING.match(s)) and m.end() > 0:
        s, numbered = s[m.end() :], True
    if not s or _DROP_SENTENCE.search(s):
        return None
    if numbered and "，" not in s and len(s) <= _HEADING:
        return None
    ending = s[-1] if s[-1] in "。！？；" else ""
    body = s[:-1] if ending else s
    lead_in = body.endswith(("：", ":"))
    clauses = [c for c in body.rstrip("：:").split("，") if c]  # not ",": 4,865,320元
    kept = [c for c in clauses if not _DROP_CLAUSE.match(c)]
    if not kept:
        return None
    if lead_in or not ending:
        kept[-1] = re.sub(r"如下$", "", kept[-1])
        ending = "。"
    out = "，".join(kept) + ending
    return out if len(out) >= _MIN_SENTENCE else None


def lead_sentences(paragraphs: Sequence[str]) -> Iterable[str]:
    """The body's sentences in order: formulas, headings and contact details dropped,
    and a paragraph left at its first sentence with private details."""
    for paragraph in paragraphs:
        for raw in _SENTENCE.findall(paragraph):
            if _PRIVATE.search(raw):
                break
            sentence = _clean_sentence(raw)
            if sentence:
                yield sentence


def _cut(sentence: str, max_chars: int) -> str:
    """A sentence longer than the limit, cut at its last comma that keeps at least half,
    else at the limit, and marked with …."""
    room = max_chars - 1
    head = sentence[:room]
    comma = max(head.rfind("，"), head.rfind("、"), head.rfind("；"))
    if comma >= room // 2:
        head = head[:comma]
    return head.rstrip("，、；：") + "…"


def lead_text(paragraphs: Sequence[str], max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """As many whole lead sentences as fit in ``max_chars``."""
    out = ""
    for sentence in lead_sentences(paragraphs):
        if not out and len(sentence) > max_chars:
            return _cut(sentence, max_chars)
        if len(out) + len(sentence) > max_chars:
            break
        out += sentence
    if out.endswith("；"):
        out = out[:-1] + "。"
    return out


# --- keywords ---------------------------------------------------------------------------


@cache
def _textrank() -> Any:
    """A jieba TextRank of our own (the global one's stop words stay untouched)."""
    import jieba
    import jieba.analyse

    jieba.setLogLevel(logging.WARNING)
    ranker = jieba.analyse.TextRank()
    ranker.stop_words = set(ranker.stop_words) | GENERIC_WORDS
    return ranker


def _title_topic(title: str) -> str:
    """The title after its issuer ("…局关于") and without its type ("的通知")."""
    t = title.split("关于", 1)[1] if "关于" in title else title
    return re.sub(r"[（(][^（）()]*[）)]$", "", t)


def _title_words(subject: str) -> list[str]:
    """jieba's nouns and verbs of the title's subject, for what the lexicon lacks."""
    import jieba.posseg

    _textrank()  # jieba set up quietly
    return [p.word for p in jieba.posseg.cut(subject) if p.flag in KEYWORD_POS]


def _name_pieces(body: str) -> set[str]:
    """Words jieba cut from a person's name: what follows a lone surname (陆/nr 文静/n)."""
    import jieba.posseg

    _textrank()
    pieces: set[str] = set()
    previous = None
    for pair in jieba.posseg.cut(body):
        if previous is not None and previous.flag == "nr" and len(previous.word) == 1:
            pieces.add(pair.word)
        previous = pair
    return pieces


def keywords(
    body: str,
    title: str | None = None,
    count: int = DEFAULT_KEYWORDS,
    published: str | None = None,
) -> list[str]:
    """``count`` 主题词 (5–8): the topic lexicon's terms in the title, then the title's
    other nouns and verbs (at most ``TITLE_KEYWORDS`` from the title), then TextRank
    words of the body. None is a generic 公文 word or has a digit or a mask, none sits
    inside a keyword already taken, and each occurs in ``published`` (the masked text,
    when given; line breaks and spaces ignored, as titles wrap): a word of the title
    that a redaction hides is not a keyword. ``count`` outside 5–8 is brought into it."""
    from pipeline.catalog.topics import title_terms

    count = max(MIN_KEYWORDS, min(MAX_KEYWORDS, count))
    chosen: list[str] = []
    names = _name_pieces(body)
    flat = _compact(published) if published is not None else None

    def take(word: str) -> None:
        if (
            len(word) < 2
            or word in GENERIC_WORDS
            or re.search(r"[0-9０-９■A-Za-z]", word)
            or word in names
            or word[-1] in "及和与的等"  # a piece of a phrase (备案表及 → 表及)
            or any(word in k or k in word for k in chosen)
            or (flat is not None and word not in flat)
        ):
            return
        chosen.append(word)

    subject = _title_topic(title or "")
    for word in [*title_terms(subject, min_weight=2), *_title_words(subject)]:
        if len(chosen) < TITLE_KEYWORDS:
            take(word)
    ranked = _textrank().textrank(body, topK=60, withWeight=True, allowPOS=KEYWORD_POS)
    first = {w: body.find(w) for w, _ in ranked}
    ordered = [w for w, _ in sorted(ranked, key=lambda r: (-round(r[1], 9), first[r[0]], r[0]))]
    # Words the body repeats first: a word said once is often a fragment jieba made of a
    # name or place (陆文静 → 文静); singletons only fill what is left.
    for word in [w for w in ordered if body.count(w) >= 2] + ordered:
        if len(chosen) >= count:
            break
        take(word)
    return chosen


# --- the entry point ----------------------------------------------------------------------


def summarize(
    text: str,
    metadata: Mapping[str, Any] | None = None,
    redactions: Iterable[object] | None = None,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    keyword_count: int = DEFAULT_KEYWORDS,
) -> Summary:
    """内容概述 and 主题词 of a document for its 公开目录 entry.

    ``text``: the document text (版头, body, 版记, as ``triage scan`` reads it);
    ``metadata``: its metadata (only ``title`` is used, to recognise title lines and
    keep the title's terms); ``redactions``: the spans the released file removes (dicts or
    objects with ``start``/``end`` over ``text``), masked before anything is read;
    ``max_chars``: the longest summary; ``keyword_count``: 5–8 keywords.

    A document without body sentences (a bare list, a form) gets an empty summary
    rather than a made-up one."""
    if max_chars < 10:
        raise ValueError(f"max_chars={max_chars}: a summary needs at least 10 characters")
    title = (metadata or {}).get("title") or None
    masked, _ = mask_redactions(text, redactions or ())
    paragraphs = [re.sub("■+", MASK, p) for p in body_paragraphs(masked, title)]
    summary = lead_text(paragraphs, max_chars)
    body = "\n".join(lead_sentences(paragraphs))
    return Summary(summary, keywords(body, title, keyword_count, published=masked))

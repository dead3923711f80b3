"""A "new office": drafts written apart from the first generator, in template families.

The rules (``pipeline/decide.py``) and the first generator (:mod:`pipeline.training.documents`,
:mod:`pipeline.training.more_documents`) come from the same hand, so the first
generator's drafts are suggested right almost always and a calibration fitted on them
learns to trust every confidence. This generator was written afterwards, without looking
at those templates: other provinces and agencies, other sentence patterns, other title
wordings (with and without 关于, over two lines, letter-spaced), body lines wrapped as a
PDF's text layer gives them, and other 落款 (seal words, Chinese-numeral and dotted dates,
joint issuers). Each draft belongs to one of :data:`FAMILIES` families: a family is an
office's own voice — its regions, layout, title wording, signature and its own phrasing
of every kind — so a family left out of a fit is an office nothing was written on:

- :data:`TRAIN_FAMILIES`: added to the attribute model's training drafts;
- :data:`FIT_FAMILIES`: the calibration is fitted on suggestions over these;
- :data:`REPORT_FAMILIES`: held out; calibration error and the confident band are
  reported on them (``pipeline/training/calibrate.py``).

Every draft carries its gold metadata (title, issuer, date), so the same drafts written
as .docx and PDF test the metadata reader (``tests/test_metadata_new_office.py``).
The kinds are in :mod:`pipeline.training.new_office_kinds`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from pipeline.training.documents import Draft
from pipeline.training.fake import Fake

FAMILIES = 5
TRAIN_FAMILIES = (0,)
FIT_FAMILIES = (1, 2)
REPORT_FAMILIES = (3, 4)

# Each family's regions: (city, [districts or counties]); no region of the first generator.
REGIONS: tuple[tuple[tuple[str, tuple[str, ...]], ...], ...] = (
    (("长沙市", ("岳麓区", "望城区", "浏阳市")), ("株洲市", ("芦淞区", "攸县", "醴陵市"))),
    (("南昌市", ("东湖区", "青山湖区", "进贤县")), ("赣州市", ("章贡区", "瑞金市", "于都县"))),
    (("福州市", ("仓山区", "闽侯县", "福清市")), ("泉州市", ("丰泽区", "晋江市", "安溪县"))),
    (("昆明市", ("五华区", "呈贡区", "宜良县")), ("曲靖市", ("麒麟区", "宣威市", "陆良县"))),
    (("哈尔滨市", ("南岗区", "道里区", "五常市")), ("呼和浩特市", ("赛罕区", "土默特左旗"))),
)
DEPARTMENTS = (
    ("水利局", "水"),
    ("司法局", "司"),
    ("林业局", "林"),
    ("文化广电旅游局", "文旅"),
    ("退役军人事务局", "退役"),
    ("医疗保障局", "医保"),
    ("城市管理综合行政执法局", "城管"),
    ("教育体育局", "教体"),
    ("审计局", "审"),
    ("商务局", "商"),
)
CN_DIGITS = "〇一二三四五六七八九"


@dataclass(frozen=True)
class Office:
    """One issuing office: its full name and the short form its 发文字号 starts with."""

    name: str
    short: str
    place: str  # the district or county


@dataclass(frozen=True)
class OfficeDraft:
    text: str
    attribute: str
    kind: str
    family: int
    title: str
    issuer: str | None
    date: str | None  # ISO

    def draft(self) -> Draft:
        return Draft(self.text, self.attribute, f"office_{self.kind}")


def office(fake: Fake, family: int, department: str | None = None) -> Office:
    """An office of the family's regions; ``department`` fixes the department."""
    rng = fake.rng
    city, places = rng.choice(REGIONS[family])
    place = rng.choice(places)
    found = [d for d in DEPARTMENTS if d[0] == department]
    name, short = found[0] if found else rng.choice(DEPARTMENTS)
    if department and not found:
        name, short = department, department[:1]
    return Office(f"{city}{place}{name}", place[:1] + short, place)


def government(fake: Fake, family: int) -> Office:
    """The people's government (or its office) of one of the family's places."""
    rng = fake.rng
    city, places = rng.choice(REGIONS[family])
    place = rng.choice(places)
    tail = rng.choice(("人民政府", "人民政府办公室"))
    return Office(f"{city}{place}{tail}", place[:1] + ("政办" if "办公室" in tail else "政"), place)


def number(fake: Fake, family: int, short: str, year: int, word: str = "发") -> str:
    """A 发文字号 in the family's form."""
    n = fake.rng.randint(1, 160)
    return (
        f"{short}{word}〔{year}〕{n}号",
        f"{short}字[{year}]{n}号",
        f"{short}{word}（{year}）{n}号",
        f"{short}{word}〔{year}〕第{n}号",
        f"{short}{word}字({year})第{n:04d}号",
    )[family]


def chinese_date(day: date) -> str:
    """二〇二四年三月五日."""

    def small(n: int) -> str:
        if n < 10:
            return CN_DIGITS[n]
        tens, units = divmod(n, 10)
        return ("十" if tens == 1 else CN_DIGITS[tens] + "十") + (CN_DIGITS[units] if units else "")

    return (
        "".join(CN_DIGITS[int(c)] for c in str(day.year))
        + f"年{small(day.month)}月{small(day.day)}日"
    )


def date_text(day: date, family: int) -> str:
    return (
        f"{day.year}年{day.month}月{day.day}日",
        chinese_date(day),
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.year}年{day.month:02d}月{day.day:02d}日",
        f"{day.year}年{day.month}月{day.day}日",
    )[family]


def signature(family: int, issuers: Sequence[str], day: date) -> list[str]:
    """The 落款 in the family's form: plain, indented with a Chinese-numeral date, with a
    seal word, joint issuers one per line, or the date set to the right by spaces."""
    when = date_text(day, family)
    if family == 1:
        return [*("\u3000" * 10 + name for name in issuers), "\u3000" * 10 + when]
    if family == 2:
        return [*(f"{name}（盖章）" for name in issuers), when]
    if family == 4:
        return [*issuers, "\u3000" * 12 + when]
    return [*issuers, when]


def unspaced(title: str) -> str:
    """询 问 笔 录 → 询问笔录: the gold of a letter-spaced title is its words, as the
    metadata reader gives it and the devset's gold writes it."""
    parts = title.split(" ")
    return "".join(parts) if len(parts) > 2 and all(len(p) == 1 for p in parts) else title


def spaced(title: str) -> str:
    """询问笔录 → 询 问 笔 录 (short titles printed letter-spaced)."""
    return " ".join(title)


def title_lines(family: int, issuer: str, core: str, word: str) -> tuple[list[str], str]:
    """(the title as printed, the title as read) for a 关于-type title in the family's
    wording: one line; issuer line + 关于 line; 关于 without the issuer; wrapped inside
    the subject; no 关于 at all."""
    if family == 0:
        title = f"{issuer}关于{core}的{word}"
        return [title], title
    if family == 1:
        return [issuer, f"关于{core}的{word}"], f"{issuer}关于{core}的{word}"
    if family == 2:
        title = f"关于{core}的{word}"
        return [title], title
    if family == 3:
        title = f"{issuer}关于{core}的{word}"
        cut = len(issuer) + 2 + max(2, len(core) // 2)
        return [title[:cut], title[cut:]], title
    title = f"{issuer}{core}{word}"
    return [title], title


def wrap(lines: Sequence[str], family: int, width: int = 24) -> list[str]:
    """Body lines broken as a PDF's text layer gives them (family 3 only)."""
    if family != 3:
        return list(lines)
    out = []
    for line in lines:
        while len(line) > width + 4:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return out


Builder = Callable[[Fake, int], OfficeDraft]


MARKINGS = {
    "主动公开": ("（此件公开发布）", "（此件主动公开）", "公开方式：主动公开"),
    "部分公开": ("（此件删减后公开）", "（此件部分公开）", "公开方式：部分公开"),
    "依申请公开": ("（此件依申请公开）", "（此件依申请公开）", "公开方式：依申请公开"),
    "不予公开": ("（此件不公开）", "（此件不予公开）", "公开方式：不予公开"),
}


def pick(family: int, *variants: str) -> str:
    return variants[family]


def finish(
    fake: Fake,
    kind: str,
    family: int,
    attribute: str,
    head: list[str],
    body: list[str],
    title: str,
    issuers: list[str],
    day: date | None,
    sign: bool = True,
) -> OfficeDraft:
    lines = [*head, *wrap(body, family)]
    if sign and day is not None:
        lines += signature(family, issuers, day)
    if fake.rng.random() < 0.35:
        lines.append(fake.rng.choice(MARKINGS[attribute]))
    issuer = "、".join(issuers) if issuers else None
    return OfficeDraft(
        "\n".join(lines),
        attribute,
        kind,
        family,
        unspaced(title),
        issuer,
        day.isoformat() if day else None,
    )


def headed(
    fake: Fake, family: int, who: Office, year: int, core: str, word: str, doc: str = "发"
) -> tuple[list[str], str]:
    lines, title = title_lines(family, who.name, core, word)
    no = number(fake, family, who.short, year, doc)
    if family == 1:
        return [f"{who.name}文件", no, *lines], title
    if family == 4:
        return [*lines, no], title
    return [no, *lines], title


def n(fake: Fake, lo: int, hi: int) -> int:
    return fake.rng.randint(lo, hi)


def generate_office(
    count: int, families: Sequence[int], seed: int = 11, kinds: Sequence[str] | None = None
) -> list[OfficeDraft]:
    """``count`` drafts over ``families``, kinds taken in turn so every kind is there."""
    builders = kinds_by_name()
    names = list(kinds or builders)
    fake = Fake(seed)
    out = []
    for i in range(count):
        kind = names[i % len(names)]
        family = families[(i // len(names)) % len(families)]
        out.append(builders[kind](fake, family))
    return out


def kinds_by_name() -> dict[str, Builder]:
    """Every kind's builder: public, private (部分公开, 依申请公开), withheld, near misses."""
    from pipeline.training.new_office_near import NEAR
    from pipeline.training.new_office_private import PRIVATE
    from pipeline.training.new_office_public import PUBLIC
    from pipeline.training.new_office_withheld import WITHHELD

    return {**PUBLIC, **PRIVATE, **WITHHELD, **NEAR}

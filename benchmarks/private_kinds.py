"""Private-data recall and precision per kind and label on drafts nobody tuned on.

    .venv/bin/python benchmarks/private_kinds.py [--per-kind 30] [--seed 4242] [--misses N]
        [--generator twelfth|thirteenth|…|seventeenth|eighteenth]
        [--spacing SHARE]

The drafts come from :mod:`tests.fixtures.private_twelfth`, an evaluation generator
written apart from the judge's teachers (pipeline/training/judge_drafts*.py): 复议 and
处罚 party lines, 送达回证, households in prose with 开户行 and accounts, replies to
女士/先生, spaced and dotted names, homes across a line break, and look-alikes holding no
private value (任免通知, 灾情报告, 政务服务公告). Each draft is run through the detectors
(without the clause model) and scored with :func:`pipeline.evaluate.evaluate` — IoU ≥ 0.5,
one-to-one, findings with role "official" not counted — per kind and over all; the
look-alike kinds have no gold, so their rows count false findings only. ``--misses``
prints that many missed gold spans and false findings per label, for building rules (on
generated text only; no devset document is read here).

``--generator thirteenth`` scores :mod:`tests.fixtures.private_thirteenth` instead, a second
generator by another hand: 工伤认定, 低保/特困 审批表, 劳动仲裁裁决, 法律援助, 询问笔录, 信访
and 举报 replies, 个体工商户 licences, and public lists (拟聘用, 表彰, 村务公开, 征收补偿)
whose names are labelled but stay published.

``--generator fourteenth`` scores :mod:`tests.fixtures.private_fourteenth`, a third hand's:
不动产登记, 房屋征收 协议, 社保/医保 待遇审核 rows without a header, 学生资助 lists with
监护人, 残疾人证/生育登记, 退役军人 优抚, 宅基地 permits (neighbours in the 四至), 投诉调解,
公证/户籍 证明, 12345 工单, 任前公示 and 会议纪要 (列席 citizens), 人大代表 replies; masked
names and nicknames that must not be found.

``--generator fifteenth`` scores :mod:`tests.fixtures.private_fifteenth`, a fourth hand's:
信访受理告知书 (原籍 and 现住址), 低保/特困 花名册 in prose and space-aligned columns ending
in the home, 调解/法律援助 party blocks with transliterated foreign names, 工伤认定 with a
集体宿舍, 个体工商户 处罚 (经营者 private, shop and premises published), 学生名单 with 学籍号,
出租屋 registers, 拆迁补偿公示 (names published, numbers private), 任免/表彰 lists, and
look-alikes with no private value (文物/古树 名录 in villages, 某某 case bulletins).

``--generator sixteenth`` scores :mod:`tests.fixtures.private_sixteenth`, a fifth hand's:
道路交通事故认定书 (parties named again in the 经过 and 责任), 征收补偿决定 to one household,
医保 稽核/退费 letters and rows, 行政复议 with 曾用名 and 第三人, village 人民调解协议,
拖欠工资 rows, 残疾人/优抚 补贴 公示 and 拟录取 名单 (names published), 15-digit IDs and bad
check digits, spaced or hyphenated phones and cards, and look-alikes (service points in
residential blocks, duty rosters, a 事故 bulletin with masked parties).

``--generator seventeenth`` scores :mod:`tests.fixtures.private_seventeenth`, a sixth hand's
grassroots books: 12345 工单 (来电人 张先生/李女士), 信访 登记 rows, 网格员 走访, 低保 台账,
出租房屋 登记, 社区矫正/帮教, 行程 records, 矛盾纠纷 排查; homes without a province, and
look-alikes (a 小区 in news, 村 statistics, a letter-spaced town, 办事处 addresses).

``--generator eighteenth`` scores :mod:`tests.fixtures.private_eighteenth`, a seventh hand's
rights papers: 劳动仲裁裁决, 不动产 更正/异议 公告, 婚姻/收养 notices, 殡葬补贴 rows, 医疗纠纷
and 司法所 调解, 法律援助 决定, 优抚 rows, 残疾人 两项补贴 台账, 个体工商户 处罚, 信访 交办 rows;
published lists (学生资助, 信用修复, 失信被执行人) and look-alikes (调解员 名册, 楼盘 news).
Rare and compound surnames, names with ·, padded or wrapped names, spaced mobiles, landlines
with an extension.

``--generator nineteenth`` scores :mod:`tests.fixtures.private_nineteenth`, an eighth hand's,
written before its author read any detector: 户籍证明, 居住证 grids, 交通事故 调解书, 投诉处理
告知书, 物业纠纷, 维修资金 and 失业金 rows, 工伤认定, 临时救助 审批表, 控辍保学 台账; published
奖励扶助/确权/宅基地 lists and look-alikes (警情通报, 便民服务 tables, 小区 news).

``--generator twentieth`` scores :mod:`tests.fixtures.private_twentieth`, a ninth hand's, also
written before its author read any detector: 劳动仲裁, 欠薪 台账, 婚姻登记 补证, 低保 复核
(其妻/其子, comma lists), 出生医学证明, 学籍 转学, 保障房 轮候, 退役军人 安置, 鉴定/公证 告知,
医保 异地备案, 12345 工单; published 村务公开栏/公告送达/表彰 lists and look-alikes (办事大厅,
保障房 project sites, names that are words or places).

``--generator twentyfirst`` scores :mod:`tests.fixtures.private_twentyfirst`, a tenth hand's,
weighted to precision and written before its author read any detector: 举报 答复 and 个体户
处罚 (keeper, reporter private; shops, chains and 老字号 in 、 lists), 典型案例 with 某某;
published 非遗 传承人/劳模/专家 lists and look-alikes (文旅 news with spots, dishes, 长株潭-like
groupings and words broken over line ends, 老字号 认定, 法条 解读, 项目 公示).

``--spacing SHARE`` letter-spaces that share of every draft's lines the ways OCR and PDF
text layers do (:mod:`tests.fixtures.spacing_noise`: spaces, full-width or double spaces
between all glyphs, only in the label or the value, digits in fours), the gold spans moved
to cover the spaced value. The last line, redaction coverage, counts the private gold
glyphs (not spaces) inside some finding not "official", and the gold values with every
glyph covered — a value found only in part still leaks.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.analysis.span_matching import match_spans  # noqa: E402
from pipeline.detect.registry import RECOGNIZERS, detect  # noqa: E402
from pipeline.evaluate import Report, evaluate  # noqa: E402
from tests.fixtures.private_eighteenth import eighteenth_drafts  # noqa: E402
from tests.fixtures.private_fifteenth import fifteenth_drafts  # noqa: E402
from tests.fixtures.private_fourteenth import fourteenth_drafts  # noqa: E402
from tests.fixtures.private_nineteenth import nineteenth_drafts  # noqa: E402
from tests.fixtures.private_seventeenth import seventeenth_drafts  # noqa: E402
from tests.fixtures.private_sixteenth import sixteenth_drafts  # noqa: E402
from tests.fixtures.private_thirteenth import thirteenth_drafts  # noqa: E402
from tests.fixtures.private_twelfth import twelfth_drafts  # noqa: E402
from tests.fixtures.private_twentieth import twentieth_drafts  # noqa: E402
from tests.fixtures.private_twentyfirst import twentyfirst_drafts  # noqa: E402
from tests.fixtures.spacing_noise import spaced  # noqa: E402

LABELS = ("PERSON", "ADDRESS", "ID_CARD", "PHONE", "BANK_CARD")
GENERATORS = {
    "twelfth": twelfth_drafts,
    "thirteenth": thirteenth_drafts,
    "fourteenth": fourteenth_drafts,
    "fifteenth": fifteenth_drafts,
    "sixteenth": sixteenth_drafts,
    "seventeenth": seventeenth_drafts,
    "eighteenth": eighteenth_drafts,
    "nineteenth": nineteenth_drafts,
    "twentieth": twentieth_drafts,
    "twentyfirst": twentyfirst_drafts,
}


def predictions(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The detectors' findings of every draft, in the scan output's shape."""
    out = []
    for record in records:
        findings = [
            {"label": f.label, "start": f.start, "end": f.end, "role": f.role}
            for f in detect(record["text"], tuple(RECOGNIZERS))
            if f.label in LABELS
        ]
        out.append({"id": record["id"], "findings": findings})
    return out


def row(name: str, report: Report) -> str:
    cells = []
    for label in LABELS:
        s = report.labels.get(label)
        if s is None or not (s.gold or s.pred):
            cells.append(f"{'-':>17}")
            continue
        cells.append(f"{s.recall:>5.3f}/{s.precision:>5.3f} {s.gold:>4}")
    p, r = report.micro(LABELS)
    return f"{name:<18} " + " ".join(cells) + f"   {p:.3f} {r:.3f}"


def coverage(records: list[dict[str, Any]], preds: list[dict[str, Any]]) -> str:
    """Share of gold glyphs inside a private finding, and of gold values wholly inside."""
    glyphs = covered = values = whole = 0
    for record, pred in zip(records, preds, strict=True):
        text = record["text"]
        hidden: set[int] = set()
        for f in pred["findings"]:
            if f.get("role") != "official":
                hidden.update(range(f["start"], f["end"]))
        for span in record["spans"]:
            if span["label"] not in LABELS or span.get("role") == "public":
                continue
            need = [i for i in range(span["start"], span["end"]) if not text[i].isspace()]
            got = sum(i in hidden for i in need)
            glyphs, covered, values = glyphs + len(need), covered + got, values + 1
            whole += got == len(need)
    return (
        f"redaction coverage: glyphs {covered / max(glyphs, 1):.3f} ({covered}/{glyphs}), "
        f"values whole {whole / max(values, 1):.3f} ({whole}/{values})"
    )


def misses(records: list[dict[str, Any]], preds: list[dict[str, Any]], limit: int) -> None:
    """Up to ``limit`` missed gold spans and false findings per label, in context."""
    shown: dict[str, int] = {}
    for record, pred in zip(records, preds, strict=True):
        text = record["text"]
        for label in LABELS:
            gold = [(s["start"], s["end"]) for s in record["spans"] if s["label"] == label]
            found = [
                (f["start"], f["end"])
                for f in pred["findings"]
                if f["label"] == label and f.get("role") != "official"
            ]
            pairs = match_spans(gold, found)
            lost = [gold[i] for i in set(range(len(gold))) - {i for i, _ in pairs}]
            false = [found[j] for j in set(range(len(found))) - {j for _, j in pairs}]
            for what, spans in (("miss", lost), ("false", false)):
                for a, b in spans:
                    key = f"{label} {what}"
                    shown[key] = shown.get(key, 0) + 1
                    if shown[key] <= limit:
                        near = text[max(0, a - 12) : b + 6].replace("\n", "⏎")
                        print(f"  {key:<14} {record['kind']:<18} {text[a:b]!r:<24} …{near}…")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-kind", type=int, default=30)
    parser.add_argument("--seed", type=int, default=4242)
    parser.add_argument("--misses", type=int, default=0, help="show this many per label")
    parser.add_argument("--generator", choices=tuple(GENERATORS), default="twelfth")
    parser.add_argument("--spacing", type=float, default=0.0, help="share of lines spaced")
    args = parser.parse_args()
    drafts: Callable[[int, int], list[dict[str, Any]]] = GENERATORS[args.generator]
    if args.spacing:
        drafts = spaced(drafts, args.spacing)
    records = drafts(args.per_kind, args.seed)
    preds = predictions(records)
    spacing = f", {args.spacing:g} of lines spaced" if args.spacing else ""
    print(
        f"{args.generator} drafts, {args.per_kind} per kind, seed {args.seed}{spacing}"
        " (R/P gold per label):"
    )
    print(f"{'kind':<18} " + " ".join(f"{label:>17}" for label in LABELS) + "   micro P R")
    for kind in sorted({r["kind"] for r in records}):
        pairs = [(r, p) for r, p in zip(records, preds, strict=True) if r["kind"] == kind]
        print(row(kind, evaluate([r for r, _ in pairs], [p for _, p in pairs])))
    print(row("all", evaluate(records, preds)))
    print(coverage(records, preds))
    if args.misses:
        misses(records, preds, args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

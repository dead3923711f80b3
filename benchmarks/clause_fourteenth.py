"""Clause findings (INTERNAL, TRADE_SECRET, STATE_SECRET) on whole drafts of another hand.

    .venv/bin/python benchmarks/clause_fourteenth.py [--seed 1414] [--per-kind 20] [--misses N]
        [--wording first|other|...|thirteenth|fourteenth]

The drafts come from :mod:`tests.fixtures.clause_fourteenth`, an evaluation generator
written apart from the clause model's families and the rules: 考察材料, 纪要, 签报, 请示,
信访 notes and 案审 records (第十六条), 评标报告 and permit files (第十五条), exam papers,
征兵, reserves and 人防 sites (第十四条), and published look-alikes (公示, 会议 news, 价格
and 中标 公告, 征兵 and 考试 公告, reserve policy, 处罚 and 信访 results). The clause
detector reads each draft as the scan does (``pipeline.detect.registry.CLAUSES`` and the
``min_score`` of each label) and is scored two ways:

- **span**: :func:`pipeline.evaluate.evaluate` — IoU ≥ 0.5, one-to-one, per label;
- **overlap**: a gold sentence is found when a finding of its label overlaps it, and a
  finding is right when it overlaps a gold sentence of its label (how a reviewer reads a
  highlighted sentence).

Printed: per label P/R both ways, micro P over the three labels, per-kind recall, and the
false findings on the look-alikes per label. ``--misses`` prints missed gold sentences and
false findings (generated text only; no devset document is read here).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.detect.registry import CLAUSES  # noqa: E402
from pipeline.evaluate import evaluate  # noqa: E402
from pipeline.thresholds import min_score  # noqa: E402
from tests.fixtures.clause_fourteenth import fourteenth_documents, lookalike  # noqa: E402

LABELS = ("INTERNAL", "TRADE_SECRET", "STATE_SECRET")


def findings(text: str) -> list[dict[str, Any]]:
    """The clause detector's findings of ``text``, as the scan keeps them."""
    return [
        {
            "label": f.label,
            "start": f.start,
            "end": f.end,
            "text": f.text,
            "source": f.explanation_detail.source,
        }
        for f in CLAUSES.analyze(text)
        if f.label in LABELS and f.score >= min_score(f.label)
    ]


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["label"] == b["label"] and a["start"] < b["end"] and b["start"] < a["end"]


def score(records: list[dict[str, Any]], misses: int = 0) -> dict[str, Any]:
    """Span and overlap figures of the clause detector on ``records``."""
    predicted = [{"id": r["id"], "findings": findings(r["text"])} for r in records]
    report = evaluate(records, predicted)
    overlap: Counter[tuple[str, str]] = Counter()
    by_kind: Counter[tuple[str, str]] = Counter()
    false_public: Counter[tuple[str, str]] = Counter()
    shown: Counter[str] = Counter()
    for record, pred in zip(records, predicted, strict=True):
        gold = record["spans"]
        for g in gold:
            hit = any(_overlaps(g, f) for f in pred["findings"])
            overlap[(g["label"], "tp_gold" if hit else "fn")] += 1
            by_kind[(record["kind"], "hit" if hit else "miss")] += 1
            if not hit and shown["miss"] < misses:
                shown["miss"] += 1
                print(f"MISS {record['kind']} {g['label']}: {g['text']!r}")
        for f in pred["findings"]:
            right = any(_overlaps(g, f) for g in gold)
            overlap[(f["label"], "tp_pred" if right else "fp")] += 1
            if lookalike(record["kind"]):
                false_public[(record["kind"], f["label"])] += 1
            if not right and shown["false"] < misses:
                shown["false"] += 1
                print(f"FALSE {record['kind']} {f['label']} [{f['source']}]: {f['text']!r}")
    return {"report": report, "overlap": overlap, "by_kind": by_kind, "public": false_public}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1414)
    parser.add_argument("--per-kind", type=int, default=20)
    parser.add_argument(
        "--wording",
        choices=(
            "first",
            "other",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
        ),
        default="first",
        help=(
            "other..sixth: wordings written after the rules (fifth: the fifteenth pass unseen "
            "one; sixth: unmarked state secrets, titles, headings and table rows; seventh: "
            "办文单, 督办单, 合议, 洽谈纪要, 申报材料, 质疑答复; eighth: 卫健, 教育, 交通, 水利, 金融监管, 市场监管, 自然资源, 应急, 武装部; ninth: 考务, 征兵输送, 人防/军事设施, 储备, 安保维稳, 发布前数据, 应急力量, with 讨论记录, 考察, 审核意见, 内部稿 and 商业秘密; tenth: 乡镇/街道, 高校, 公立医院, 国资, 税务/海关 案卷, 审计/统计, 考察 tables and 商业秘密 with their published look-alikes; eleventh: unmarked 第十四条 details of 乡镇, 人武部, 公安/国安, 考试院, 储备, 测绘/气象, 通信/密码 and many published look-alikes; twelfth: a 地级市 writer's 维稳, 涉军交通, 边海防, 疫情/灾情, 统计, 金融处置, 命题, 密码, 要害部位, 请示/讨论记录/考核/信访 and 企业报送, with published look-alikes; thirteenth: a 省级 厅/局 and 县 offices' 专报, 工作动态, 会商纪要, 电话记录, 便函, 汇报提纲, 值班信息, 督办回复 and merged-header tables on 国防动员, 疫情, 民族宗教, 涉外谈判, 经济数据, 选址, 反恐, 危化/民爆 storage, 警卫, 漏洞, 储备, 试题, with 会商/考核/审核 opinions, 企业报送 and 标底, and as many published look-alikes; fourteenth: 街道/乡镇 and 区 offices' 工作群 messages, 台账 rows, 周报, 交接班记录, 备忘录 and 会议记录 on 征兵, 民兵, 守护, 试卷, 储备, 安保, 涉密载体, 稳控, with 发言/考核 notes, 企业 台账 and eight look-alikes)"
        ),
    )
    parser.add_argument(
        "--misses", type=int, default=0, help="print this many misses and false findings"
    )
    args = parser.parse_args()
    records = fourteenth_documents(args.seed, args.per_kind, args.wording)
    result = score(records, args.misses)
    report, overlap = result["report"], result["overlap"]
    gold_n = sum(len(r["spans"]) for r in records)
    print(f"seed {args.seed}: {len(records)} drafts, {gold_n} gold spans")
    print(f"{'label':<14}{'span P':>8}{'span R':>8}{'ovl P':>8}{'ovl R':>8}{'gold':>6}{'pred':>6}")
    tp_pred = pred_n = tp_gold = 0
    for label in LABELS:
        s = report.labels[label]
        op = overlap[(label, "tp_pred")] / max(
            1, overlap[(label, "tp_pred")] + overlap[(label, "fp")]
        )
        og = overlap[(label, "tp_gold")] / max(
            1, overlap[(label, "tp_gold")] + overlap[(label, "fn")]
        )
        tp_pred += s.tp_pred
        pred_n += s.pred
        tp_gold += s.tp_gold
        print(
            f"{label:<14}{s.precision:>8.3f}{s.recall:>8.3f}{op:>8.3f}{og:>8.3f}{s.gold:>6}{s.pred:>6}"
        )
    print(f"micro P (span, three labels) {tp_pred / max(1, pred_n):.3f}")
    print(f"micro R (span, three labels) {tp_gold / max(1, gold_n):.3f}")
    print("recall by kind (overlap):")
    kinds = sorted({r["kind"] for r in records if not lookalike(r["kind"])})
    for kind in kinds:
        hit, miss = result["by_kind"][(kind, "hit")], result["by_kind"][(kind, "miss")]
        print(f"  {kind:<18} {hit / max(1, hit + miss):.3f} ({hit}/{hit + miss})")
    print("false findings on look-alikes:")
    for kind in sorted({r["kind"] for r in records if lookalike(r["kind"])}):
        cells = ", ".join(
            f"{lab} {result['public'][(kind, lab)]}"
            for lab in LABELS
            if result["public"][(kind, lab)]
        )
        print(f"  {kind:<24} {cells or '0'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

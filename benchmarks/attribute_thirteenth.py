"""The attribute suggestion on drafts written by a thirteenth hand (issue 20).

    .venv/bin/python benchmarks/attribute_thirteenth.py [--seed 1301] [--count 620] [--errors]

tests/fixtures/attribute_thirteenth.py writes whole drafts of kinds benchmarks/family_writer.py
does not (penalties on a firm or a person, 告知书, 公开申请 答复, 信访 意见, 调解协议, 笔录,
干部考察, 公示 lists with IDs, 解读, 规范性文件, 预决算, 突发事件, 请示/纪要/征求意见稿,
exam papers, 征兵 tasks, 密级 marks in many forms; 31 kinds, 20 each at the default count),
each with its gold attribute and article. Each draft goes through the scan path as
benchmarks/attribute.py's drafts do (written to a file and scanned); the figures are scored with the same helpers
(pipeline.evaluate's macro-F1 and confusion, calibrate's Scored and ECE). A critical error
is a secret or exam draft suggested 主动公开 or 部分公开.

``--errors`` lists wrong suggestions: only for the seed being worked on, never for the
fresh seed kept for the final figure.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.config import Settings  # noqa: E402
from pipeline.evaluate import attribute_confusion, attribute_macro_f1  # noqa: E402
from pipeline.scan import scan_file  # noqa: E402
from pipeline.training.calibrate import Scored, expected_calibration_error  # noqa: E402
from tests.fixtures.attribute_thirteenth import SECRET_KINDS, Drafted, generate  # noqa: E402


def secret_published(kind: str, gold: str, attribute: str) -> bool:
    """The thirteenth hand's critical error: a secret or exam kind published."""
    return kind in SECRET_KINDS and attribute in ("主动公开", "部分公开")


def score(
    drafts: Sequence[Drafted],
    errors: bool = False,
    critical_error: Callable[[str, str, str], bool] = secret_published,
) -> tuple[list[Scored], list[bool]]:
    """Each draft scanned as a file: its Scored row and whether its article was named.
    Any hand's drafts (kind, text, attribute, article) and its own critical error."""
    settings = Settings()
    rows: list[Scored] = []
    article_right: list[bool] = []
    with tempfile.TemporaryDirectory() as folder:
        for i, d in enumerate(drafts):
            path = Path(folder) / f"t13_{i}.txt"
            path.write_text(d.text, encoding="utf-8")
            s = scan_file(path, settings).get("suggestion") or {}
            attribute = str(s.get("attribute"))
            basis = [str(b) for b in s.get("legal_basis", [])]
            critical = critical_error(d.kind, d.attribute, attribute)
            row = Scored(
                f"t13_{i}",
                d.kind,
                d.attribute,
                attribute,
                float(s.get("confidence", 0)),
                [],
                critical,
            )
            rows.append(row)
            article_right.append(row.right and d.article in basis)
            if errors and not article_right[-1]:
                print(f"\n#{i} {d.kind}: {d.attribute} {d.article} → {attribute} {basis}")
                print("  " + " | ".join(str(r) for r in s.get("reasons", []))[:300])
                print("  " + d.text.replace("\n", "⏎")[:300])
    return rows, article_right


def report(seed: int, rows: list[Scored], article_right: list[bool]) -> None:
    n = len(rows)
    pairs = [(r.gold, r.attribute) for r in rows]
    right = sum(r.right for r in rows)
    print(f"\nseed {seed}: {n} drafts")
    print(
        f"  accuracy {right / n:.4f} ({right}/{n})  macro-F1 {attribute_macro_f1(pairs):.4f}  "
        f"attribute and article {sum(article_right) / n:.4f}  "
        f"critical errors {sum(r.critical for r in rows)}  "
        f"ECE {expected_calibration_error(rows):.4f}"
    )
    sure = [r for r in rows if r.confidence >= 0.90]
    sure_right = sum(r.right for r in sure)
    print(
        f"  at confidence ≥ 0.90: accuracy {sure_right / max(len(sure), 1):.4f} "
        f"({sure_right}/{len(sure)}, coverage {len(sure) / n:.3f})"
    )
    print(attribute_confusion(pairs, indent="    "))
    total: Counter[str] = Counter(r.source for r in rows)
    good: Counter[str] = Counter(r.source for r in rows if r.right)
    print("  per kind (accuracy):")
    for kind in total:
        print(f"    {kind:<18} {good[kind] / total[kind]:.3f} ({good[kind]}/{total[kind]})")


def run_hand(
    doc: str,
    drafts_of: Callable[[int, int], Sequence[Drafted]],
    seed: int,
    count: int,
    critical_error: Callable[[str, str, str], bool] = secret_published,
) -> int:
    """The command line every hand's benchmark shares: ``--seed``, ``--count``, ``--errors``
    with the hand's own defaults, its drafts scored with its critical error, the report."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument("--count", type=int, default=count)
    parser.add_argument("--errors", action="store_true", help="list wrong suggestions")
    args = parser.parse_args()
    rows, article_right = score(drafts_of(args.count, args.seed), args.errors, critical_error)
    report(args.seed, rows, article_right)
    return 0


def main() -> int:
    return run_hand(__doc__ or "", generate, seed=1301, count=620)


if __name__ == "__main__":
    raise SystemExit(main())

"""The attribute suggestion on papers written by a twentieth hand (issue 20).

    .venv/bin/python benchmarks/attribute_twentieth.py [--seed 2020] [--count 432] [--errors]

tests/fixtures/attribute_twentieth.py (with attribute_twentieth_kept.py and its pen,
attribute_twentieth_pen.py) writes whole papers by a 地级市's 教育局, 人武部/退役军人局,
粮食和物资储备局, 公安局 and 统计局 — 红头, 函, bare pages, forms, tables, 附件, some lines
OCR letter-spaced. Half the 18 kinds are withheld under 第十四条 without a 密级 in the usual
place (an odd mark, a mark in a form or on the 附件 only, or none: exams before use, 征兵
quotas and 起运, 储备 库点 and stocks, 警卫 routes, 维稳 forces, 人防 works); the rest are their
published look-alikes and 依申请公开/部分公开 papers. 24 of each at the default count. Scoring
is attribute_thirteenth.py's; a critical error is the sixteenth hand's.

``--errors`` lists wrong suggestions: only for the seed being worked on, never for the
fresh seed kept for the final figure.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fixtures.attribute_twentieth import critical, generate  # noqa: E402
from tests.fixtures.benchmark_module import load_benchmark  # noqa: E402

thirteenth = load_benchmark("attribute_thirteenth")


def main() -> int:
    return thirteenth.run_hand(__doc__ or "", generate, 2020, 432, critical)


if __name__ == "__main__":
    raise SystemExit(main())

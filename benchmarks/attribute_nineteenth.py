"""The attribute suggestion on papers written by a nineteenth hand (issue 20).

    .venv/bin/python benchmarks/attribute_nineteenth.py [--seed 1919] [--count 480] [--errors]

tests/fixtures/attribute_nineteenth.py (with attribute_nineteenth_kept.py and its pen,
attribute_nineteenth_pen.py) writes whole papers by a 省直 厅 and a 开发区 管委会 — 红头,
函, bare pages, 审批单/会签单 forms, tables, 附件, some lines OCR letter-spaced — of kinds:
规范性文件 and 政策解读, 许可/备案 results on firms, 处罚 on a firm or a person, 常务会议
summaries vs inner 纪要, 专项资金 公示 with or without IDs and bank accounts, 评标 reports,
征求意见稿, 信访 答复, 依申请公开 答复书, 复议 决定 and 应诉 答辩状, 请示/签报, 考察/谈话
records, statistics before release, and unmarked exam, 征兵, 储备 and 维稳 papers and odd
密级 marks; 24 kinds, 20 each at the default count. Scoring is attribute_thirteenth.py's;
a critical error is the sixteenth hand's.

``--errors`` lists wrong suggestions: only for the seed being worked on, never for the
fresh seed kept for the final figure.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fixtures.attribute_nineteenth import critical, generate  # noqa: E402
from tests.fixtures.benchmark_module import load_benchmark  # noqa: E402

thirteenth = load_benchmark("attribute_thirteenth")


def main() -> int:
    return thirteenth.run_hand(__doc__ or "", generate, 1919, 480, critical)


if __name__ == "__main__":
    raise SystemExit(main())

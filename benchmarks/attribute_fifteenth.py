"""The attribute suggestion on drafts written by a fifteenth hand (issue 20).

    .venv/bin/python benchmarks/attribute_fifteenth.py [--seed 1501] [--count 570] [--errors]

tests/fixtures/attribute_fifteenth.py (with attribute_fifteenth_kept.py and its pen,
attribute_fifteenth_pen.py) writes whole drafts of kinds the thirteenth and fourteenth
hands do not: a 规范性文件 with its 统一编号, 政策解读 in questions, 部门决算, 重大建设项目
批准和实施, 应急预案, 招标公告, 任免通知, 监督检查 通报, 统计公报, 价格听证 (with or without
a list of mobiles), 行政复议决定 on a public matter or on the applicant's own, 第三十六条's
答复 forms, 信访 答复意见, the 评标委员会's 评审记录, 考察 谈话, 办公会议 纪要, 应急物资
储备 点位 and a marked 安保 方案; 19 kinds, 30 each at the default count; drafts without
关于, without a marking, titles wrapped or spaced, an empty 密级 box, half cut as a PDF's
text. Scoring is attribute_thirteenth.py's (each draft scanned as a file) with the
fourteenth hand's critical error, and the accuracy at confidence ≥ 0.90.

``--errors`` lists wrong suggestions: only for the seed being worked on, never for the
fresh seed kept for the final figure.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fixtures.attribute_fifteenth import critical, generate  # noqa: E402
from tests.fixtures.benchmark_module import load_benchmark  # noqa: E402

thirteenth = load_benchmark("attribute_thirteenth")


def main() -> int:
    return thirteenth.run_hand(__doc__ or "", generate, 1501, 570, critical)


if __name__ == "__main__":
    raise SystemExit(main())

"""The attribute suggestion on drafts written by a fourteenth hand (issue 20).

    .venv/bin/python benchmarks/attribute_fourteenth.py [--seed 1401] [--count 500] [--errors]

tests/fixtures/attribute_fourteenth.py writes whole drafts of kinds the thirteenth hand
does not (预算/决算 说明, 重大建设项目, 中标 公告 with prices, 许可 and penalties on a
firm or a person, 工作要点, 应急预案 vs 储备 部署, 征兵 公告 vs 任务, 统计 公报, 任免 vs
考察 材料, 信访 and 公开申请 replies, 补贴 名册 with IDs, 常务会议 纪要 vs 新闻稿, 约谈
notes, 议程 drafts, 舆情 reports, 面试考官 安排, odd 密级 marks; 25 kinds, 20 each at the
default count), each with its gold attribute and article, in five layouts and half the
time wrapped as a PDF's text. Scoring is attribute_thirteenth.py's (each draft scanned as
a file), with this hand's critical error: a secret or exam kind published at all, an
internal paper published, or a list with private details published whole; and the
accuracy at confidence ≥ 0.90.

``--errors`` lists wrong suggestions: only for the seed being worked on, never for the
fresh seed kept for the final figure.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fixtures.attribute_fourteenth import critical, generate  # noqa: E402
from tests.fixtures.benchmark_module import load_benchmark  # noqa: E402

thirteenth = load_benchmark("attribute_thirteenth")


def main() -> int:
    return thirteenth.run_hand(__doc__ or "", generate, 1401, 500, critical)


if __name__ == "__main__":
    raise SystemExit(main())

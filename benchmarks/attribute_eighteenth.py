"""The attribute suggestion on drafts written by an eighteenth hand (issue 20).

    .venv/bin/python benchmarks/attribute_eighteenth.py [--seed 1818] [--count 525] [--errors]

tests/fixtures/attribute_eighteenth.py (with attribute_eighteenth_kept.py and its pen,
attribute_eighteenth_pen.py) writes whole papers by a 省直 department and its 地市 bureaus —
红头 文件, 信函格式, bare pages, tables, a quarter OCR-damaged — of kinds: 规范性文件 and 政策解读,
行政许可 决定 on a firm or a person, 双随机 抽查 结果, 审计 整改 公告 vs 审计 底稿, 中标公告 vs
评标报告, 部门预决算, 事故调查报告 with the dead masked or named, 信访 处理意见书, 公开申请
告知书 of every kind, 请示/签报 with 拟办意见 and 批示, 党组会议纪要, 密级 marks (绝密 with a
份号, 机密★长期, 秘密 in the 版记, a 定密依据 line) and unmarked exam, 征兵 and 维稳 papers;
21 kinds, 25 each at the default count. Scoring is attribute_thirteenth.py's; a critical
error is the sixteenth hand's (a 不予公开 paper suggested 主动公开 or 部分公开, a 部分公开 one
suggested 主动公开).

``--errors`` lists wrong suggestions: only for the seed being worked on, never for the
fresh seed kept for the final figure.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fixtures.attribute_eighteenth import critical, generate  # noqa: E402
from tests.fixtures.benchmark_module import load_benchmark  # noqa: E402

thirteenth = load_benchmark("attribute_thirteenth")


def main() -> int:
    return thirteenth.run_hand(__doc__ or "", generate, 1818, 525, critical)


if __name__ == "__main__":
    raise SystemExit(main())

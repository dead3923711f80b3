"""The attribute suggestion on drafts written by a sixteenth hand (issue 20).

    .venv/bin/python benchmarks/attribute_sixteenth.py [--seed 1601] [--count 500] [--errors]

tests/fixtures/attribute_sixteenth.py (with attribute_sixteenth_kept.py and its pen,
attribute_sixteenth_pen.py) writes whole drafts by writers the earlier hands lack — a 乡镇,
a 村 or 社区 committee, a public school or hospital, a county-owned firm — of kinds they
lack: 集体土地征收补偿 方案, 村级财务 公开, 社区 notices, 工作总结, a 批复 answering a 请示 and
the 请示 itself, 干部任前公示 and 考察材料, 国企 薪酬 and 担保, hospital prices and a
patient's reply, a water company's notice, 资助 and 高龄津贴 lists with IDs, 责令改正, 宅基地
approval, 会议通知, 简报, 考勤 and 财务 papers, an unmarked 招聘 paper, 储备粮 库点, a 中考
入闱 plan and a 秘密★1年 mark in odd forms in the running header only; 25 kinds, 20 each at
the default count; titles without 关于, wrapped or letter-spaced, a third cut as a PDF's
text. Scoring is attribute_thirteenth.py's (each draft scanned as a file); a critical error
is a 不予公开 draft suggested 主动公开 or 部分公开, or a 部分公开 one suggested 主动公开.

``--errors`` lists wrong suggestions: only for the seed being worked on, never for the
fresh seed kept for the final figure.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fixtures.attribute_sixteenth import critical, generate  # noqa: E402
from tests.fixtures.benchmark_module import load_benchmark  # noqa: E402

thirteenth = load_benchmark("attribute_thirteenth")


def main() -> int:
    return thirteenth.run_hand(__doc__ or "", generate, 1601, 500, critical)


if __name__ == "__main__":
    raise SystemExit(main())

"""Papers an office makes while it handles a matter, never the matter's outcome (第十六条).

Three kinds reach the clerk with a title that reads like a 公文 or a public notice, and the
rules for 请示 and 纪要 do not see them:

- the **processing sheet** a 公文 travels on (发文稿纸, 签发单, 审批单, 会签单, 呈批件): its
  cells are the steps of drafting — 拟稿, 核稿, 会签, 审核, 签发 — and the title it quotes
  is the 公文 it carries, which is published (or not) in its own right; the sheet is the
  office's internal working procedure (第十六条第一款);
- the office's **own case papers in a lawsuit or a 复议** (行政诉讼答辩状, 答辩意见,
  行政复议答复书): the organ answering as 答辩人 or 被申请人 to a court or the reviewing
  organ. Its 答复书 is no reply to a citizen's request (第十五条) but a step of the case,
  like the 执法案卷 it cites (第十六条第二款);
- **statistics before their release**: 快报 and 初步 figures marked as not yet 核定 or
  to be quoted only after the statistics office publishes them. 统计法 lets only the
  statistics office release them; until then they are process information (第十六条第二款),
  and the published 统计公报 (第二十条) is a different paper.
"""

from __future__ import annotations

import itertools
import re

from pipeline.gongwen import compact
from pipeline.metadata import Metadata

HEAD_LINES = 8

# --- processing sheets ----------------------------------------------------------------------

SHEET_TITLE = re.compile(
    r"(?:发文|收文|公文|文件|来文)?(?:稿纸|签发单|审批单|会签单|呈批件|呈批单|办文单|阅办单|处理单|传阅单|"
    r"审签单|签报单)$"
)
# A step of drafting or handling as a form's label: at a line's start or a cell's, followed
# by its cell (│, ｜, a tab, a colon or a run of spaces).
STEP = re.compile(
    r"(?:^|[│｜|┃])[\s　]*(拟\s*稿|核\s*稿|会\s*签|签\s*发|审\s*核|复\s*核|拟\s*办|承\s*办|主\s*办|批\s*示|"
    r"阅\s*示|校\s*对|印\s*制|分\s*送|缓\s*急)(?:[ 　]?[\u4e00-\u9fff]){0,4}?"
    r"(?=[\s　]*(?:[│｜|┃\t：:]|[\s　]{2}))",
    re.M,
)

DRAFTING = {"拟稿", "核稿", "会签", "签发"}


def _heads(metadata: Metadata, text: str) -> list[str]:
    lines = [compact(line) for line in text.split("\n")[:HEAD_LINES] if line.strip()]
    title = compact(metadata.title or "")
    return [title, *lines, *(a + b for a, b in itertools.pairwise(lines))]


def sheet_reason(metadata: Metadata, text: str) -> str | None:
    """Why the paper is a 公文's processing sheet, or None: a sheet's title over its
    cells, or three steps of drafting laid out as a form's labels."""
    steps = {compact(m.group(1)) for m in STEP.finditer(text)}
    drafting = steps & DRAFTING  # an event's 主办/承办 units alone are no sheet
    named = next(
        (m.group(0) for h in _heads(metadata, text) if (m := SHEET_TITLE.search(h[:24]))), None
    )
    if drafting and ((named and len(steps) >= 2) or len(steps) >= 3):
        what = f"“{named}”" if named else f"（{'、'.join(sorted(steps))[:16]}）"
        return f"公文办理单据{what}，记载拟稿、核稿、签发等内部工作流程"
    return None


# --- the office's own papers in a lawsuit or a review ---------------------------------------

DEFENCE_TITLE = re.compile(r"答辩状|答辩书|答辩意见|应诉意见|复议答复书|复议答辩书")
DEFENDANT = re.compile(r"^[\s　]*答\s*辩\s*人\s*[（(]?[^：:\n]{0,8}[：:]", re.M)
OTHER_SIDE = re.compile(r"被答辩人|原\s*告|上诉人|复议申请人|申请人[：:]")
PROCEEDING = re.compile(r"行政诉讼|人民法院|复议机关|行政复议|诉讼请求|应诉")


def defence_reason(metadata: Metadata, text: str) -> str | None:
    """Why the paper is the office's own answer in a lawsuit or a 复议, or None."""
    flat = compact(text[:3000])
    named = next(
        (m.group(0) for h in _heads(metadata, text) if (m := DEFENCE_TITLE.search(h[:30]))), None
    )
    framed = DEFENDANT.search(text[:3000]) and OTHER_SIDE.search(flat)
    if (named or framed) and PROCEEDING.search(flat + compact(metadata.title or "")):
        return f"行政机关在行政诉讼或行政复议中的答辩材料（“{named or '答辩人'}”），属案件办理过程中的信息"
    return None


# --- statistics before release --------------------------------------------------------------

FIGURES = re.compile(
    r"统计|增加值|生产总值|GDP|同比(?:增长|下降|增加|减少)|增速|经济指标|经济运行|营业收入|用电量|"
    r"零售总额|固定资产投资"
)
UNRELEASED = re.compile(
    r"(?:未经|尚未|暂未|未)[^。\n，,]{0,10}(?:核定|审定|评估|正式发布|正式公布|对外发布|公开发布)|"
    r"(?:正式)?(?:发布|公布)前[^。\n]{0,8}(?:不得|请勿|严禁|勿|不)|"
    r"以[^。\n]{0,14}正式(?:发布|公布)[^。\n]{0,4}为准|"
    r"(?:供|仅供)[^。\n]{0,6}(?:领导|决策)[^。\n]{0,4}(?:参考|参阅)"
)


def unreleased_figures_reason(text: str) -> str | None:
    """Why the paper holds statistics not yet released, or None."""
    flat = compact(text)
    m = UNRELEASED.search(flat)
    if m and len(FIGURES.findall(flat)) >= 2:
        return f"统计数据尚未正式发布（“{m.group(0)[:16]}”），属尚未定稿的过程性信息"
    return None


def casework_reason(metadata: Metadata, text: str) -> str | None:
    """A processing sheet, a case paper in a lawsuit or 复议, or unreleased statistics."""
    return (
        sheet_reason(metadata, text)
        or defence_reason(metadata, text)
        or unreleased_figures_reason(text)
    )

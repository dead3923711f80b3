"""Where to find a CJK TrueType font on this machine.

Drawing Chinese text into a PDF (samples, the invisible text layer and the labels of a
redacted page, the 审核稿 stamp) needs a TrueType font with CJK glyphs; reportlab reads
TrueType only (not the CFF outlines of Noto CJK), so Debian's WenQuanYi Zen Hei comes
first. The Makefile installs it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

CJK_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)


def find_cjk_font() -> str | None:
    """The first CJK TrueType font installed, or None."""
    for candidate in CJK_FONT_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return None


@cache
def reportlab_cjk_font() -> str | None:
    """Register the CJK font with reportlab once per process; its reportlab name or None."""
    path = find_cjk_font()
    if path is None:
        return None
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("CJK", path, subfontIndex=0))
    return "CJK"

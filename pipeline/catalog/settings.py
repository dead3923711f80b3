"""The publishing agency and how its catalog is numbered, from ``TRIAGE_*`` variables.

``index_format`` is a Python format string over 机构代码 (the agency's code, usually its
统一社会信用代码), 年份 (the year the information was formed) and 流水号 (the running
number, per agency and year). The default is the common ``{机构代码}/{年份}-{流水号:05d}``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_FORMAT = "{机构代码}/{年份}-{流水号:05d}"
PLACEHOLDER_NAME = "示例市人民政府办公室"
PLACEHOLDER_CODE = "11000000000000000X"


@dataclass(frozen=True)
class CatalogSettings:
    agency_name: str = PLACEHOLDER_NAME
    agency_code: str = PLACEHOLDER_CODE  # an example 统一社会信用代码; set yours
    index_format: str = DEFAULT_FORMAT
    rereview_months: int = 12  # withheld without a 保密期限: look again after this long
    site_dir: Path = Path("data/catalog-site")

    def __post_init__(self) -> None:
        try:
            self.index_format.format(机构代码="X", 年份=2026, 流水号=1)
        except (KeyError, IndexError, ValueError) as exc:
            raise ValueError(
                f"TRIAGE_INDEX_FORMAT {self.index_format!r} must use only "
                "{机构代码}, {年份} and {流水号} (with an optional format like :05d)"
            ) from exc
        if "{流水号" not in self.index_format:
            raise ValueError(f"TRIAGE_INDEX_FORMAT {self.index_format!r} needs a {{流水号}}")

    @classmethod
    def from_env(cls) -> CatalogSettings:
        env = os.environ
        return cls(
            agency_name=env.get("TRIAGE_AGENCY_NAME", cls.agency_name),
            agency_code=env.get("TRIAGE_AGENCY_CODE", cls.agency_code),
            index_format=env.get("TRIAGE_INDEX_FORMAT", DEFAULT_FORMAT),
            rereview_months=int(env.get("TRIAGE_REREVIEW_MONTHS", "12")),
            site_dir=Path(env.get("TRIAGE_SITE_DIR", str(cls.site_dir))),
        )

    def placeholders(self) -> list[str]:
        """The settings still at their example values: publishing with them would put a
        made-up agency on the public site and use up its 索引号, so it is refused."""
        out = []
        if self.agency_name == PLACEHOLDER_NAME:
            out.append(f"机构名称（TRIAGE_AGENCY_NAME）仍是示例值“{PLACEHOLDER_NAME}”")
        if self.agency_code == PLACEHOLDER_CODE:
            out.append(f"机构代码（TRIAGE_AGENCY_CODE）仍是示例值 {PLACEHOLDER_CODE}")
        return out

    def index_number(self, year: int, number: int) -> str:
        return self.index_format.format(机构代码=self.agency_code, 年份=year, 流水号=number)

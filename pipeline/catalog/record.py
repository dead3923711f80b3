"""One entry of the 公开目录 as the public sees it: the fields the rules require (索引号,
名称, 内容概述, 生成日期, 文号, 发布机构, 主题分类, 公开方式) plus the released file and
the entry's history. Plain data: the store makes it from its rows, the site writer, the
JSON feed, the exports and the HTTP publisher consume it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

ACTIVE = "active"
WITHDRAWN = "withdrawn"  # 取消: the page stays and says so, with the reason


@dataclass(frozen=True)
class Change:
    """A past version of an entry (变更) or its withdrawal (取消)."""

    version: int
    at: str  # ISO timestamp
    kind: str  # 增加 | 变更 | 取消
    reason: str = ""


@dataclass(frozen=True)
class CatalogRecord:
    index_number: str  # 索引号, e.g. 11440200MB2C123456/2026-00017
    title: str  # 名称
    summary: str  # 内容概述
    keywords: list[str]  # 主题词
    formed: str | None  # 生成日期 (成文日期), ISO date
    doc_number: str | None  # 文号
    issuer: str  # 发布机构
    topic: str  # 主题分类
    disclosure: str  # 公开方式: 主动公开 | 依申请公开
    attribute: str  # 主动公开 | 部分公开 (区分处理) | 依申请公开
    published_at: str  # ISO timestamp of this version
    version: int = 1
    status: str = ACTIVE
    withdrawn_reason: str = ""
    file_name: str | None = None  # the redacted file, relative to the site's files/ folder
    file_sha256: str | None = None
    history: list[Change] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CatalogRecord:
        values = dict(data)
        values["history"] = [Change(**c) for c in values.get("history", [])]
        return cls(**values)


def first_published(record: dict[str, Any]) -> str | None:
    """When an entry (a stored record dict) was first published: its 增加's timestamp."""
    history = record.get("history") or []
    return str(history[0].get("at")) if history and history[0].get("at") else None

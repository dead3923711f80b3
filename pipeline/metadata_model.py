"""The GB/T 9704 elements read from a 公文 (:func:`pipeline.metadata.extract_metadata`):
one dataclass, shared by the readers of each zone and by everything downstream."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Metadata:
    """GB/T 9704 elements; ``None`` where the document does not show the element."""

    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None
    doc_type: str | None = None
    secret_level: str | None = None
    secret_period: str | None = None
    urgency: str | None = None
    disclosure_marking: str | None = None
    addressees: list[str] = field(default_factory=list)
    copy_number: str | None = None
    issuer_mark: str | None = None
    doc_number_parts: dict[str, object] | None = None
    signers: list[str] = field(default_factory=list)
    internal_marking: str | None = None
    cc: list[str] = field(default_factory=list)
    printed_by: str | None = None
    printed_date: str | None = None
    attachments: list[str] = field(default_factory=list)
    # Where ``date`` was read: 成文日期, or (when that line is absent) 落款, 询问时间 …,
    # 起草日期, 讲话日期, 印发日期 (pipeline.metadata_fallbacks).
    date_source: str | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

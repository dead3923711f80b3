"""Reading the review app's forms: fields cut to sane lengths, the document version a page
was rendered from, safe redirect targets, and a reviewer's per-finding verdicts and added
redactions. Plain functions over anything shaped like a submitted form, so the workflow
rules they feed are tested without a web server."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Protocol
from urllib.parse import urlsplit

from pipeline.reasons import as_choice, reason_of
from pipeline.store.models import DocumentRow
from pipeline.store.workflow import WorkflowError


class Form(Protocol):
    """What is read of a submitted form (starlette's ``FormData`` is one)."""

    def get(self, key: str, /) -> Any: ...

    def multi_items(self) -> Iterable[tuple[str, Any]]: ...


def form_field(form: Form, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def form_text(form: Form, name: str, limit: int = 4000) -> str:
    """A free-text field (comment, reason), cut to a sane length."""
    return form_field(form, name)[:limit]


def form_version(form: Form) -> int | None:
    """The document version the page was rendered from (for the conflict check)."""
    try:
        return int(form_field(form, "version"))
    except ValueError:
        return None


def parse_number(text: str) -> float | None:
    try:
        return float(text) if text.strip() else None
    except ValueError:
        return None


def safe_next(target: str) -> str:
    """Only a path on this site (no scheme, no host, no //evil.example)."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/queue"
    return target


def area_inputs(form: Form) -> list[dict[str, Any]]:
    """The boxes the reviewer drew on page images (JSON in ``areas``: page, box in points,
    label); each is checked by the workflow."""
    raw = form_field(form, "areas").strip()
    if not raw:
        return []
    try:
        rows = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise WorkflowError(f"框选的删除区域无法读取：{exc}") from exc
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise WorkflowError("框选的删除区域须为列表")
    return rows


def _reason(choice: str, note: object) -> dict[str, str]:
    """A span's reason as the form gave it (a choice, or a label meaning its default),
    checked: label, choice and, for 其他个人信息, its note."""
    try:
        reason = reason_of(as_choice(choice), note if isinstance(note, str) else "")
    except ValueError as exc:
        raise WorkflowError(str(exc)) from exc
    out = {"label": reason.label, "reason": reason.choice}
    return out | ({"note": reason.detail} if reason.choice == "other_personal" else {})


def reason_inputs(form: Form) -> dict[str, tuple[str, str]]:
    """The reviewer's 删除理由 per value entry: ``reason-<finding id>`` (a choice of
    :data:`pipeline.reasons.CHOICES`) and, for 其他个人信息, ``reason-note-<finding id>``."""
    out: dict[str, tuple[str, str]] = {}
    for key, value in form.multi_items():
        if key.startswith("reason-") and not key.startswith("reason-note-") and value:
            finding = key.removeprefix("reason-")
            out[finding] = (str(value), form_field(form, f"reason-note-{finding}")[:100])
    return out


def decision_inputs(
    form: Form, document: DocumentRow
) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Per-finding verdicts and the spans the reviewer added: by selecting text (JSON in
    ``added``: start, end, the reason chosen as ``label`` or ``reason``, ``note``) or by
    typing a phrase (``add_text`` with ``add_label`` and ``add_note``: every
    occurrence). A rejected finding that an added span overlaps counts as modified."""
    text = document.text or ""
    verdicts = {
        key.removeprefix("verdict-"): value
        for key, value in form.multi_items()
        if key.startswith("verdict-") and isinstance(value, str)
    }
    added: list[dict[str, Any]] = []
    raw = form_field(form, "added").strip()
    if raw:
        try:
            rows = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise WorkflowError(f"添加的删除范围无法读取：{exc}") from exc
        if not isinstance(rows, list):
            raise WorkflowError("添加的删除范围须为列表")
        for row in rows:
            if not isinstance(row, dict):
                raise WorkflowError(f"无效的删除范围：{row!r}")
            reason = _reason(str(row.get("reason") or row.get("label", "")), row.get("note"))
            try:
                added.append({"start": int(row["start"]), "end": int(row["end"]), **reason})
            except (KeyError, TypeError, ValueError) as exc:
                raise WorkflowError(f"无效的删除范围：{row!r}") from exc
    phrase = form_field(form, "add_text").strip()
    if phrase:
        reason = _reason(form_field(form, "add_label"), form_field(form, "add_note"))
        at = text.find(phrase)
        if at < 0:
            raise WorkflowError(f"原文中没有“{phrase[:40]}”")
        while at >= 0:
            added.append({"start": at, "end": at + len(phrase), **reason})
            at = text.find(phrase, at + len(phrase))
    suggestion = document.suggestion
    for finding in suggestion.findings if suggestion else []:
        key = str(finding.id)
        if verdicts.get(key) == "reject" and any(
            a["start"] < finding.end and finding.start < a["end"] for a in added
        ):
            verdicts[key] = "modify"
    return verdicts, added

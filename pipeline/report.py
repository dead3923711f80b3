"""What a clerk reads after a scan: one line per file and a summary, in Chinese.

The JSONL output is for machines; this is for the person who has to act on the batch:
which files could not be read and what to do about them, what each document is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from rich.console import Console
from rich.markup import escape

from pipeline.labels import LABEL_NAMES
from pipeline.scan import Record

ERROR_NAMES = {
    "unreadable": "无法读取",
    "empty": "空文件",
    "too_large": "文件过大",
    "unsupported_format": "不支持的格式",
    "format_mismatch": "扩展名与内容不符",
    "corrupt": "文件损坏或不完整",
    "encrypted": "文件已加密",
    "no_text_layer": "扫描件（无文字层）",
    "binary_content": "非文本内容",
    "unknown_encoding": "无法识别的文字编码",
    "conversion_failed": "格式转换失败",
    "timeout": "处理超时",
    "outside_inbox": "指向收件目录以外",
    "changed_during_scan": "处理期间文件被改动",
    "internal_error": "内部错误",
    "worker_crashed": "处理进程崩溃",
}


ERROR_ADVICE = {
    "unreadable": "检查文件是否存在、权限是否允许读取",
    "empty": "向拟稿人索取完整文件",
    "too_large": "拆分文件，或调高 TRIAGE_MAX_BYTES 限额",
    "unsupported_format": "另存为 .docx 或 .pdf 后重新提交",
    "format_mismatch": "核对是否提交错了文件，或按实际格式更正扩展名",
    "corrupt": "向拟稿人索取原始文件，或重新导出",
    "encrypted": "索取未加密的文件",
    "no_text_layer": "对扫描件进行文字识别（OCR），或提交由原文导出的 PDF",
    "binary_content": "核对是否提交错了文件",
    "unknown_encoding": "另存为 UTF-8 编码的文本后重新提交",
    "conversion_failed": "另存为 .docx 后重新提交（或请系统维护人员检查 LibreOffice）",
    "timeout": "文件过于庞大或结构异常：拆分后重新提交，或调高 TRIAGE_FILE_TIMEOUT 限时",
    "outside_inbox": "该快捷方式（符号链接）指向收件目录以外，未读取；请将文件本身放入收件目录",
    "changed_during_scan": "文件在处理期间被改动，下次运行时将重新处理；请勿在处理时编辑收件目录中的文件",
    "internal_error": "请将该文件报告给系统维护人员",
    "worker_crashed": "请将该文件报告给系统维护人员",
}


def _findings_line(findings: list[dict[str, object]]) -> str | None:
    """ "发现：身份证号 ×3、电话 ×2；保留公开：电话 ×1" — what was flagged, and what stays."""
    flagged: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    for f in findings:
        name = LABEL_NAMES.get(str(f["label"]), str(f["label"]))
        (kept if f.get("role") == "official" else flagged)[name] += 1
    if not flagged and not kept:
        return None
    parts = []
    if flagged:
        parts.append("发现：" + "、".join(f"{k} ×{v}" for k, v in flagged.most_common()))
    if kept:
        parts.append(
            "保留公开（机关/公职信息）：" + "、".join(f"{k} ×{v}" for k, v in kept.most_common())
        )
    return "；".join(parts)


ATTRIBUTE_STYLE = {"主动公开": "green", "部分公开": "cyan", "依申请公开": "blue", "不予公开": "red"}


def _suggestion_line(suggestion: dict[str, object], redactions: int) -> str:
    """ "建议：部分公开（第十五条、第三十七条）· 置信度 0.87 · 拟删除 3 处" and the reasons."""
    attribute = str(suggestion["attribute"])
    basis = "、".join(str(b) for b in suggestion.get("legal_basis") or [])  # type: ignore[attr-defined]
    parts = [
        f"建议：[bold {ATTRIBUTE_STYLE.get(attribute, 'white')}]{attribute}[/]（{escape(basis)}）",
        f"置信度 {float(suggestion['confidence']):.2f}",  # type: ignore[arg-type]
    ]
    if redactions:
        parts.append(f"拟删除 {redactions} 处")
    if suggestion.get("needs_escalation"):
        parts.append("[bold red]须报保密工作部门确定[/]")
    reasons = suggestion.get("reasons") or []
    line = " · ".join(parts)
    for reason in list(reasons)[:3]:  # type: ignore[call-overload]
        line += f"\n      {_safe(reason)}"
    return line


# Control characters (ESC sequences that clear the screen, retitle the window or hide
# text, C1 controls, line breaks inside a name) and bidi overrides (a name displayed in
# another order than it is stored) never reach the terminal: they are shown escaped.
_UNSAFE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def terminal_safe(text: str) -> str:
    """``text`` with every control or bidi character written as its escape (``\\x1b``)."""

    def escaped(m: re.Match[str]) -> str:
        code = ord(m.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNSAFE.sub(escaped, text)


def _safe(value: object) -> str:
    """A record's field for the terminal: control characters escaped, rich markup too."""
    return escape(terminal_safe(str(value)))


def _short(source: str, width: int = 60) -> str:
    return source if len(source) <= width else "…" + source[-(width - 1) :]


def print_report(records: Iterable[Record], console: Console) -> Counter[str]:
    """Print two lines per file and a summary; return counts by outcome."""
    outcomes: Counter[str] = Counter()
    formats: Counter[str] = Counter()
    warnings = 0
    secret = 0
    ocr_pages, ocr_seconds = 0, 0.0
    attributes: Counter[str] = Counter()
    console.print("[bold]公开审 · 扫描结果[/bold]")
    for rec in records:
        meta = rec["metadata"]
        name = _safe(_short(rec["source"]))
        if rec["status"] == "ok":
            outcomes["ok"] += 1
            formats[rec.get("format") or "?"] += 1
            facts = [  # read from the file: escaped before any markup is added
                _safe(meta.get("doc_type") or "文种未识别"),
                _safe(meta.get("doc_number") or "无发文字号"),
                _safe(meta.get("date") or "无成文日期"),
            ]
            if meta.get("secret_level"):
                secret += 1
                facts.append(f"[bold red]密级：{_safe(meta['secret_level'])}[/bold red]")
            if meta.get("disclosure_marking"):
                facts.append(_safe(meta["disclosure_marking"]))
            console.print(f"[green]✔[/green] {name}  " + " · ".join(facts))
            console.print(f"    {_safe(meta.get('title') or '（未识别标题）')}")
            found = _findings_line(rec.get("findings") or [])
            if found:
                console.print(f"    {_safe(found)}")
            suggestion = rec.get("suggestion")
            if suggestion:
                attributes[suggestion["attribute"]] += 1
                console.print(
                    f"    {_suggestion_line(suggestion, len(rec.get('redactions') or []))}"
                )
            if rec.get("ocr"):
                ocr_pages += len(rec["ocr"].get("pages") or [])
                ocr_seconds += float(rec["ocr"].get("seconds") or 0)
            for warning in rec.get("warnings") or []:
                warnings += 1
                console.print(f"    [yellow]⚠ {_safe(warning['message'])}[/yellow]")
        else:
            code = rec["error"]["code"]
            outcomes[code] += 1
            console.print(
                f"[red]✘[/red] {name}  [red]{ERROR_NAMES.get(code, code)}[/red]"
                f"（{code}）：{ERROR_ADVICE.get(code, '')}"
            )
            console.print(f"    {_safe(rec['error']['message'])}")
    total = sum(outcomes.values())
    errors = total - outcomes["ok"]
    summary = (
        f"共 {total} 个文件：已读取 {outcomes['ok']} 个"
        + (f"（{'，'.join(f'{k} {v} 个' for k, v in sorted(formats.items()))}）" if formats else "")
        + f"，无法处理 {errors} 个。"
    )
    console.rule("汇总")
    console.print(summary)
    if attributes:
        console.print(
            "建议："
            + "，".join(f"{a} {attributes[a]} 个" for a in ATTRIBUTE_STYLE if attributes[a])
            + "（均需人工审核确认）。"
        )
    if errors:
        detail = "；".join(
            f"{ERROR_NAMES.get(code, code)} {n} 个"
            for code, n in sorted(outcomes.items())
            if code != "ok"
        )
        console.print(f"无法处理的原因：{detail}。处理办法见各文件下方说明。")
    if ocr_pages:
        console.print(f"扫描页经文字识别（OCR）{ocr_pages} 页，用时 {ocr_seconds:.0f} 秒。")
    if warnings:
        console.print(f"需要人工留意的提示 {warnings} 条（部分页面为扫描件、含修订痕迹或批注等）。")
    if secret:
        console.print(f"[bold red]{secret} 个文件标有密级，不得公开。[/bold red]")
    return outcomes

"""What a clerk or approver reads instead of the machine's words: finding roles, verdicts,
ingest error codes with what to do about them, audit events as Chinese sentences, and
times in Asia/Shanghai. The codes and recognizer ids stay in the data (and in a tooltip
for analysts); the page shows these."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from pipeline.decide import ATTRIBUTES
from pipeline.labels import label_name
from pipeline.reasons import CHOICES, default_choice
from pipeline.review.names import ACTION_NAMES, ROLE_NAMES
from pipeline.review.request_pages import ACTION_NAMES as REQUEST_ACTION_NAMES
from pipeline.review.request_pages import may_handle
from pipeline.store.decided_reasons import reason_of_row
from pipeline.store.workflow import STATE_NAMES

LOCAL = ZoneInfo("Asia/Shanghai")

ROLE_WORDS = {"private": "个人信息", "official": "机关公务信息（不删除）"}
VERDICT_WORDS = {"accept": "同意", "reject": "不同意", "modify": "已修改"}
COPY_WORDS = {"review": "审核稿", "redacted": "公开稿", "explanation": "区分处理说明"}

# Each ingest error code (pipeline.ingest.errors.ErrorCode): what happened, what to do.
ERROR_WORDS = {
    "unreadable": "文件无法打开（权限不足、链接失效或读写错误）。请检查文件后重新上传。",
    "empty": "文件是空的，或其中没有文字。请确认上传的是正确的文件。",
    "too_large": "文件超过大小上限。请拆分或压缩后重新上传。",
    "unsupported_format": "不支持此文件格式（如 .doc、.wps、.ofd、图片）。请另存为 .docx 或 PDF 后重新上传。",
    "format_mismatch": "文件内容与扩展名不符。请用正确的扩展名另存后重新上传。",
    "corrupt": "文件已损坏或不完整。请从原处重新导出后上传。",
    "encrypted": "文件设有密码保护。请去除密码后重新上传。",
    "no_text_layer": "扫描件：页面只有图像、没有文字层。请先做文字识别（OCR）再上传。",
    "binary_content": "文本文件中含有非文字内容。请检查文件后重新上传。",
    "unknown_encoding": "文字编码无法识别。请另存为 UTF-8 编码后重新上传。",
    "internal_error": "读取程序出错（系统问题，不是文件的问题）。请联系管理员。",
    "worker_crashed": "读取程序出错（系统问题，不是文件的问题）。请联系管理员。",
}


def error_words(code: str | None) -> str:
    return ERROR_WORDS.get(code or "", "文件未能读取。请联系管理员。")


def local_time(value: datetime | str | None) -> str:
    """``YYYY-MM-DD HH:MM`` in Asia/Shanghai; a naive time (SQLite keeps no zone) is UTC,
    as the store writes it. Empty for nothing."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            when = datetime.fromisoformat(value)
        except ValueError:
            return value
    else:
        when = value
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M")


def local_date(value: datetime | None = None) -> str:
    """Today (or ``value``'s day) in Asia/Shanghai, ISO."""
    value = value or datetime.now(UTC)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(LOCAL).date().isoformat()


def _state(key: Any) -> str:
    return STATE_NAMES.get(str(key), "") if key else ""


def describe(action: str, detail: dict[str, Any] | None) -> str:
    """An audit event as a sentence (the actor and time are shown beside it)."""
    d = detail or {}
    move = f"，{_state(d.get('from'))} → {_state(d.get('to'))}" if d.get("to") else ""
    match action:
        case "store":
            state = "读取失败：" + error_words(d.get("error")) if d.get("error") else "待审核"
            number = d.get("file_version") or 2
            again = f"（新版本，第 {number} 版）" if d.get("previous") else ""
            return f"入库{again}，{state}"
        case "start_review":
            return f"开始审核{move}"
        case "decide":
            rejected = d.get("rejected") or []
            kept = f"，{len(rejected)} 项不同意删除" if rejected else ""
            said = f"。意见：{d['comment']}" if d.get("comment") else ""
            boxed = f"，页面上框选删除 {len(d['areas'])} 处" if d.get("areas") else ""
            moved = "；".join(
                f"{r.get('from', '')} → {r.get('to', '')}" for r in d.get("reasons") or []
            )
            moved = f"，改动删除理由 {len(d['reasons'])} 项（{moved}）" if moved else ""
            carried = f"，沿用上一版决定 {d['carried']} 项" if d.get("carried") else ""
            return (
                f"作出审核决定：{d.get('attribute', '')}，删除 {d.get('redactions', 0)} 处"
                f"{boxed}{moved}{kept}{carried}{said}"
            )
        case "approve":
            level = f"（第 {d['level']}/{d['of']} 级）" if d.get("level") and d.get("of") else ""
            said = f"。意见：{d['comment']}" if d.get("comment") else ""
            return f"审批通过{level}{move}{said}"
        case "return":
            return f"退回审核人{move}。理由：{d.get('reason', '')}"
        case "secrecy_override":
            return f"作出保密审查意见：{d.get('reason', '')}"
        case "download":
            return f"下载{COPY_WORDS.get(str(d.get('copy')), '副本')}"
        case "login":
            return "登录"
        case "logout":
            return "退出登录"
        case "login_failed":
            return "登录失败（用户名或密码错误）"
        case "login_locked":
            return "登录被锁定（多次失败）"
        case "add_user":
            return f"添加用户 {d.get('user', '')}（{ROLE_NAMES.get(str(d.get('role')), '')}）"
        case "set_user":
            return f"修改用户 {d.get('user', '')}：{_user_changes(d)}"
        case "access_refused":
            why = {"restricted": "涉密文档，未授权", "not_owner": "非本人文档"}
            return f"拒绝访问（{why.get(str(d.get('why')), '无权查看')}）"
        case "publish":
            return f"发布到目录，索引号 {d.get('index_number', '')}（{d.get('kind', '')}）"
        case "withdraw":
            return f"取消目录条目 {d.get('index_number', '')}。理由：{d.get('reason', '')}"
        case "register_withheld":
            basis = "、".join(d.get("basis") or [])
            again = f"，{d['rereview_on']} 复审" if d.get("rereview_on") else ""
            return f"登记为不予公开（{basis}）{again}"
        case "rereview":
            return f"到期复审，重新进入待审{move}"
        case "push":
            return "推送到门户网站"
        case "dismiss":
            return f"不再处理此读取失败的文件{move}。理由：{d.get('reason', '')}"
        case "upload":
            return f"从浏览器上传文件 {d.get('file', '')}"
        case "replace":
            return f"由重新提交的文件（文档 {d.get('replaced_by', '')}）替换{move}"
        case "new_version":
            number = d.get("file_version", "")
            return f"收到新版本（第 {number} 版，文档 {d.get('new_version', '')}），本件保持原状态"
    return "其他操作"


def _user_changes(d: dict[str, Any]) -> str:
    """The changes of a ``set_user`` event, each [before, after], as words."""
    words = []
    if d.get("role"):
        words.append(f"角色改为{ROLE_NAMES.get(str(d['role'][-1]), '')}")
    if d.get("cleared"):
        words.append("授予涉密权限" if d["cleared"][-1] else "取消涉密权限")
    if d.get("active"):
        words.append("启用" if d["active"][-1] else "停用")
    return "、".join(words) or "无变化"


# What the templates use of this module (app.py registers them with Jinja).
GLOBALS: dict[str, Any] = {
    "ROLE_NAMES": ROLE_NAMES,
    "STATE_NAMES": STATE_NAMES,
    "ACTION_NAMES": {**ACTION_NAMES, **REQUEST_ACTION_NAMES},
    "may_handle_requests": may_handle,
    "ATTRIBUTES": ATTRIBUTES,
    "label_name": label_name,
    "ROLE_WORDS": ROLE_WORDS,
    "VERDICT_WORDS": VERDICT_WORDS,
    "COPY_WORDS": COPY_WORDS,
    "describe": describe,
    "error_words": error_words,
    "REASON_CHOICES": CHOICES,
    "default_choice": default_choice,
    "reason_words": reason_of_row,
}
FILTERS: dict[str, Any] = {"local_time": local_time}


def watching(names: list[str]) -> str:
    """Who else has the document open, as the page says it ("张三 也在看这份文档")."""
    return f"{'、'.join(names)} 也在看这份文档" if names else ""


GLOBALS["watching"] = watching

"""The browser-side defences every response and POST of the review app gets: response
headers that allow only the app's own scripts and styles (so a value that slipped into a
comment or a file name is shown as text and never runs) and the same-origin check that
backs the CSRF token."""

from __future__ import annotations

from urllib.parse import urlsplit

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


class NotSignedIn(Exception):
    """No valid session: pages redirect to the login form, other requests get 401."""


class Refused(Exception):
    """A request the user may not make (403) or that names nothing (404)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def cross_site(origin: str | None, host: str) -> bool:
    """A POST whose ``Origin`` names another site (absent or "null" is not evidence)."""
    if not origin or origin == "null":
        return False
    return urlsplit(origin).netloc != host


HTTP_MESSAGES = {
    400: "网址中的参数无效，请从页面上的链接进入",
    404: "没有这个页面，请从页面上的链接进入",
    405: "不能这样访问这个地址，请从页面上的按钮操作",
    413: "上传的内容太大",
}


def http_message(status: int) -> str:
    """A Chinese sentence for a status the framework refused with itself."""
    return HTTP_MESSAGES.get(status, f"请求无法完成（代码 {status}）")

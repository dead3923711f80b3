"""E-mail addresses: private ones flagged, agency mailboxes official."""

from __future__ import annotations

import pytest

from pipeline.detect.email import EmailRecognizer
from tests.detect.helpers import found

R = EmailRecognizer()


@pytest.mark.parametrize(
    ("text", "value", "role"),
    [
        ("电子邮箱：chenjiahao0917@163.com", "chenjiahao0917@163.com", "private"),
        ("邮箱 sun.li-xin_84@sina.com.cn。", "sun.li-xin_84@sina.com.cn", "private"),
        ("来信请发送至 zfxxgk@sg.gov.cn", "zfxxgk@sg.gov.cn", "official"),
        ("邮箱：wang＠qq.com", "wang＠qq.com", "private"),
    ],
)
def test_table(text: str, value: str, role: str) -> None:
    (f,) = found(R, text)
    assert (f.text, f.role) == (value, role)


@pytest.mark.parametrize("text", ["请登录 www.gov.cn 查询", "文件名 report@2024", "@某某 你好"])
def test_look_alikes_do_not_fire(text: str) -> None:
    assert found(R, text) == []

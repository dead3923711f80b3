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
        ("意见建议请以电子邮件发送至fzk318@126.com", "fzk318@126.com", "official"),
        ("征求意见邮箱：lyzqyj@163.com", "lyzqyj@163.com", "official"),
        ("意见请以电子邮件发送至fzk3\n18@126.com", "18@126.com", "official"),
        ("我的意见请回复到我的邮箱：lihua88@163.com", "lihua88@163.com", "private"),
        # a 信访 reply: the citizen's own mailbox, named as his
        (
            "您提出的意见已收悉，答复意见已发送至您的邮箱 wangmou@163.com",
            "wangmou@163.com",
            "private",
        ),
        ("来信人李四对我局的意见建议，电子邮箱：lisi88@qq.com", "lisi88@qq.com", "private"),
        ("信访人提出的意见，已反馈至其邮箱zhao1990@163.com", "zhao1990@163.com", "private"),
    ],
)
def test_table(text: str, value: str, role: str) -> None:
    (f,) = found(R, text)
    assert (f.text, f.role) == (value, role)


@pytest.mark.parametrize("text", ["请登录 www.gov.cn 查询", "文件名 report@2024", "@某某 你好"])
def test_look_alikes_do_not_fire(text: str) -> None:
    assert found(R, text) == []

"""Secret markings as markings (版头, 附注, own line), not as words in sentences."""

from __future__ import annotations

import pytest

from pipeline.detect.secret_marking import SecretMarkingRecognizer
from tests.detect.helpers import texts

R = SecretMarkingRecognizer()
BODY = "\n".join(
    [
        "某某局关于某事项的通知",
        "各单位：",
        "　　正文第一段。",
        "　　正文第二段。",
        "　　正文第三段。",
        "　　正文第四段。",
        "　　正文第五段。",
        "　　正文第六段。",
        "　　正文第七段。",
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("000087\n秘密★1年\n特急\n" + BODY, ["秘密★1年"]),
        ("机密★启用前\n" + BODY, ["机密★启用前"]),
        ("000126　绝密★长期　特急\n" + BODY, ["绝密★长期"]),
        ("机密 ★ 5年\n" + BODY, ["机密 ★ 5年"]),
        ("秘密\n" + BODY, ["秘密"]),
        ("内部资料　注意保存\n" + BODY, ["内部资料　注意保存"]),
        (BODY + "\n工作秘密", ["工作秘密"]),
        (BODY + "\n　　严禁泄露国家秘密和工作秘密。", []),  # in a sentence
        ("严禁在非涉密计算机处理秘密★1年级别文件。\n" + BODY, []),
    ],
)
def test_table(text: str, expected: list[str]) -> None:
    assert texts(R, text) == expected

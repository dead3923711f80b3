"""The leak check's text of a part: the fast XPath path and the full walk agree.

`flat_text` takes XPath's string value for the usual part and walks the tree only when
a part holds comments, processing instructions or w:sym; both must give what Word's
text plus hidden pieces would, or the leak check would miss a value.
"""

from __future__ import annotations

import pytest
from lxml import etree

from pipeline.redact.docx_check import _collect, attribute_texts, flat_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _tree(body: str) -> etree._Element:
    return etree.fromstring(f'<w:document xmlns:w="{W}">{body}</w:document>'.encode())


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "<w:p><w:r><w:t>身份证号：1101</w:t></w:r><w:r><w:t>05</w:t></w:r></w:p>",
            "身份证号：110105",
        ),
        ("<w:p>前<w:t>中</w:t>后</w:p>尾", "前中后尾"),
        ('<w:p><w:t>139123456</w:t><w:sym w:char="0037"/><w:t>8</w:t></w:p>', "13912345678"),
        ("<w:p><w:t>12</w:t><!--345--><w:t>6</w:t></w:p>", "123456"),
        ("<w:p><w:t>a</w:t><?pi 9?>b</w:p>", "a9b"),
        ('<w:p><w:sym w:char="F0FC"/>x</w:p>', "x"),
    ],
)
def test_flat_text(body: str, expected: str) -> None:
    root = _tree(body)
    walked: list[str] = []
    _collect(root, walked)
    assert flat_text(root) == "".join(walked) == expected


def test_attribute_values_and_their_decoded_forms() -> None:
    root = _tree('<w:p w:a="x"><w:hyperlink w:tgt="tel:%31%33%39"/></w:p>')
    assert list(attribute_texts(root)) == ["x", "tel:%31%33%39", "tel:139"]

"""The speed section of benchmarks/detection.py runs: it empties LAC's line cache by
name, so a renamed cache broke `benchmarks/detection.py` (without ``--no-speed``) while
every accuracy figure still printed."""

from __future__ import annotations

import pytest

from tests.fixtures.benchmark_module import load_benchmark


def test_speed_section_prints_every_recognizer_and_the_cold_scan(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bench = load_benchmark("detection")
    gold = [{"text": "申请人：王建国，身份证号码110101199003077777，联系电话13812345678。"}]
    bench.speed(gold, chars=2_000)
    out = capsys.readouterr().out
    assert "whole detection, cold" in out
    for recognizer in bench.RECOGNIZERS:
        assert recognizer.name in out

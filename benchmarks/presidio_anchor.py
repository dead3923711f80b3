"""The Presidio anchor of benchmarks/vs_presidio.py: Presidio's AnalyzerEngine on a blank
spaCy zh pipeline segmented by jieba, with the Chinese pattern recognizers written here
(resident ID with its GB 11643 check digit, phones, bank cards by Luhn, e-mail, passport,
licence plate, each with Chinese context words) and, for the "Presidio + LAC" peer,
benchmarks/presidio_lac.py's recognizer. Kept apart so tests load the recognizers alone.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

import spacy
from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer, RecognizerRegistry
from presidio_analyzer.nlp_engine import SpacyNlpEngine
from spacy.language import Language
from spacy.tokens import Doc
from stdnum import luhn
from stdnum.cn import ric
from stdnum.exceptions import ValidationError

# Presidio entity type -> our label (../shared/spec/labels.md)
ENTITY_LABELS = {
    "CN_RESIDENT_ID": "ID_CARD",
    "CN_PHONE": "PHONE",
    "CN_BANK_CARD": "BANK_CARD",
    "EMAIL_ADDRESS": "EMAIL",
    "CN_PASSPORT": "PASSPORT",
    "CN_LICENSE_PLATE": "LICENSE_PLATE",
    "PERSON": "PERSON",  # the "Presidio + LAC" peer only (benchmarks/presidio_lac.py)
    "LOCATION": "ADDRESS",
}
SCORE_THRESHOLD = 0.4  # weak patterns (score < 0.4) count only with a context word nearby

# Letters used on plates and e-passports (no I, no O); the registry compiles with IGNORECASE.
_PLATE_LETTER = "A-HJ-NP-Z"
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"


def _plain(text: str) -> str:
    """Full-width digits and letters folded, separators dropped, upper case."""
    return "".join(c for c in unicodedata.normalize("NFKC", text) if c.isalnum()).upper()


def resident_id_valid(text: str) -> bool:
    """GB 11643: a real birth date and the mod-11 check digit. stdnum's full validate()
    also looks the 6-digit area code up in its own table, which rejects many valid-looking
    numbers whose county code changed; the anchor checks what the acceptance text names."""
    number = _plain(text)
    if len(number) != 18:
        return False
    try:
        ric.get_birth_date(number)
    except (ValidationError, ValueError):
        return False
    return ric.calc_check_digit(number) == number[-1]


def bank_card_valid(text: str) -> bool:
    """Luhn, and not an 18-digit number that is a valid resident ID."""
    number = _plain(text)
    return luhn.is_valid(number) and not resident_id_valid(number)


class ValidatedPatternRecognizer(PatternRecognizer):
    """A PatternRecognizer whose matches are kept (score 1.0) or dropped by a check."""

    def __init__(self, check: Callable[[str], bool], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._check = check

    def validate_result(self, pattern_text: str) -> bool | None:
        return self._check(pattern_text)


def _recognizer(
    entity: str,
    context: list[str],
    *patterns: tuple[str, str, float],
    check: Callable[[str], bool] | None = None,
) -> PatternRecognizer:
    kwargs: dict[str, Any] = {
        "supported_entity": entity,
        "name": f"{entity.lower()}_zh",
        "supported_language": "zh",
        "patterns": [Pattern(*p) for p in patterns],
        "context": context,
    }
    return ValidatedPatternRecognizer(check, **kwargs) if check else PatternRecognizer(**kwargs)


def chinese_recognizers() -> list[PatternRecognizer]:
    """(pattern name, regex, score): a score below SCORE_THRESHOLD needs a context word;
    a validated match scores 1.0, a failed one is dropped."""
    return [
        _recognizer(
            "CN_RESIDENT_ID",
            ["身份证", "身份号码", "证件号", "公民身份"],
            (
                "resident id (18)",
                r"(?<![\dA-Z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])"
                r"(?:0[1-9]|[12]\d|3[01])\d{3}[\dX](?![\dA-Z])",
                0.5,
            ),
            check=resident_id_valid,
        ),
        _recognizer(
            "CN_PHONE",
            ["电话", "手机", "联系方式", "座机", "固话", "号码", "致电"],
            ("mobile", r"(?<![\d+])(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)", 0.5),
            (
                "fixed line with area code",
                r"(?<!\d)(?:0\d{2,3}[-－]|[(（]0\d{2,3}[)）] ?)[2-9]\d{6,7}(?:-\d{1,5})?(?!\d)",
                0.4,
            ),
        ),
        _recognizer(
            "CN_BANK_CARD",
            ["银行卡", "卡号", "账号", "帐号", "账户", "帐户", "开户", "银行"],
            ("card 16-19 digits", r"(?<!\d)\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?(?!\d)", 0.3),
            check=bank_card_valid,
        ),
        _recognizer(
            "EMAIL_ADDRESS",
            ["邮箱", "邮件", "email", "e-mail"],
            (
                "e-mail",
                r"(?<![A-Z0-9._%+-])[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}"
                r"(?![A-Z0-9-])",
                0.5,
            ),
        ),
        _recognizer(
            "CN_PASSPORT",
            ["护照", "证件"],
            ("e-passport", rf"(?<![\dA-Z])E(?:\d{{8}}|[{_PLATE_LETTER}]\d{{7}})(?![\dA-Z])", 0.4),
            ("older or official", r"(?<![\dA-Z])(?:G\d{8}|[DSP]E?\d{7})(?![\dA-Z])", 0.1),
        ),
        _recognizer(
            "CN_LICENSE_PLATE",
            ["车牌", "号牌", "车辆", "驾驶", "机动车"],
            (
                "plate, new-energy included",
                rf"[{_PROVINCES}][{_PLATE_LETTER}][·・•.\- ]?(?=[{_PLATE_LETTER}]*\d)"
                rf"(?:[{_PLATE_LETTER}\d]{{5,6}}|[{_PLATE_LETTER}\d]{{4}}[挂学警])(?![\dA-Z])",
                0.5,
            ),
        ),
    ]


@Language.component("lemma_is_text")
def _lemma_is_text(doc: Doc) -> Doc:
    """A blank pipeline has no lemmas; Presidio's context enhancer compares lemmas."""
    for token in doc:
        token.lemma_ = token.text
    return doc


class BlankChineseNlpEngine(SpacyNlpEngine):
    """spaCy zh without a model: jieba segmentation only, nothing to download."""

    def __init__(self) -> None:
        super().__init__(models=[{"lang_code": "zh", "model_name": "blank:zh"}])

    def load(self) -> None:
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        nlp.add_pipe("lemma_is_text")
        self.nlp = {"zh": nlp}


def build_analyzer(with_lac: bool = False) -> AnalyzerEngine:
    recognizers: list[Any] = chinese_recognizers()
    if with_lac:
        from presidio_lac import LacRecognizer

        recognizers.append(LacRecognizer())
    registry = RecognizerRegistry(recognizers=recognizers, supported_languages=["zh"])
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=BlankChineseNlpEngine(),
        supported_languages=["zh"],
        default_score_threshold=SCORE_THRESHOLD,
    )


def presidio_findings(analyzer: AnalyzerEngine, text: str) -> list[dict[str, Any]]:
    results = sorted(analyzer.analyze(text=text, language="zh"), key=lambda r: (r.start, r.end))
    return [
        {
            "label": ENTITY_LABELS[r.entity_type],
            "start": r.start,
            "end": r.end,
            "text": text[r.start : r.end],
            "score": round(r.score, 3),
            "recognizer": (r.recognition_metadata or {}).get("recognizer_name"),
        }
        for r in results
    ]

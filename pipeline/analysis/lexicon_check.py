"""``triage lexicon check``: what every lexicon must satisfy before it ships.

- each term once (after NFKC: ``ＡＢ`` and ``AB`` are one term), a term of the catalog
  taxonomy in one topic only;
- terms stored NFKC-normalised, without stray whitespace, so the text matcher and an
  analyst's search see the same string;
- ``thresholds.txt`` parses (known names, values 0–1);
- no detector term that fires on more than ``max_share`` of the paragraphs of a neutral
  corpus (published gov.cn policy texts: no personal data, no secrets). A term that
  sends text to a recognizer by itself (a role word, a secret-content term, a context
  word) fires wherever it occurs; a term that only gates a finding (a surname, an
  official's title) fires where a finding follows from it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from pipeline.analysis.detector_scores import run_detectors
from pipeline.analysis.lexicon_terms import USES, occurrences
from pipeline.config import SHARED_DATA
from pipeline.thresholds import ThresholdError, parse

NEUTRAL = SHARED_DATA / "govcn_policy_texts_50" / "result.txt"
MAX_SHARE = 0.10


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    term: str
    kind: str  # duplicate | not_normalised | whitespace | thresholds | too_frequent
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Share:
    lexicon: str
    term: str
    paragraphs: int  # neutral paragraphs the term fires on
    share: float


@dataclass(frozen=True)
class CheckResult:
    problems: list[Problem]
    shares: list[Share]  # the most frequent term of each detector lexicon
    neutral: Path | None  # None: no neutral corpus, the share check was skipped
    paragraphs: int

    @property
    def ok(self) -> bool:
        return not self.problems


def _rows(path: Path) -> Iterable[tuple[int, list[str]]]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield number, line.split("\t")


def check_file(path: Path) -> list[Problem]:
    """Duplicates, normalisation and whitespace of one lexicon file."""
    problems: list[Problem] = []
    first: dict[str, int] = {}
    sectioned = path.stem == "catalog_topics"
    for number, cells in _rows(path):
        raw = cells[0]
        if sectioned and raw.startswith("[") and raw.rstrip().endswith("]"):
            continue  # a topic heading of the taxonomy
        term = raw.strip()
        if raw != term or any(c.strip() != c for c in cells[1:]):
            problems.append(
                Problem(path.name, number, term, "whitespace", f"spaces around {term!r}")
            )
        normal = unicodedata.normalize("NFKC", term)
        if normal != term:
            problems.append(
                Problem(
                    path.name,
                    number,
                    term,
                    "not_normalised",
                    f"{term!r} is not NFKC-normalised (write {normal!r})",
                )
            )
        if normal in first:
            problems.append(
                Problem(
                    path.name,
                    number,
                    term,
                    "duplicate",
                    f"duplicate term {term!r} (first on line {first[normal]})",
                )
            )
        else:
            first[normal] = number
    return problems


def check_thresholds(path: Path) -> list[Problem]:
    try:
        parse(tuple(c.strip() for c in cells) for _n, cells in _rows(path))
    except ThresholdError as exc:
        return [Problem(path.name, 0, "", "thresholds", str(exc))]
    return []


def neutral_paragraphs(path: Path) -> list[str]:
    """The non-empty lines of a text file, or of every .txt/.md file under a folder."""
    files = (
        sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".md"))
        if path.is_dir()
        else [path]
    )
    return [
        line
        for file in files
        for line in file.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def firing_shares(directory: Path, paragraphs: list[str]) -> dict[str, dict[str, int]]:
    """Lexicon → term → number of paragraphs it fires on, read from ``directory``."""
    from pipeline import lexicons

    before = lexicons.LEXICON_DIR
    lexicons.reload(directory)
    try:
        texts = {str(i): p for i, p in enumerate(paragraphs)}
        findings = run_detectors(
            [{"id": doc, "text": text} for doc, text in texts.items()]
        ).findings
        counts: dict[str, dict[str, int]] = {}
        for name, use in USES.items():
            if not (directory / f"{name}.txt").is_file():
                continue
            docs: dict[str, set[str]] = {}
            for o in occurrences(name, texts, findings):
                if use.trigger or o.findings:
                    docs.setdefault(o.term, set()).add(o.doc)
            counts[name] = {term: len(d) for term, d in docs.items()}
        return counts
    finally:
        lexicons.reload(before)


def check(
    directory: Path, neutral: Path | None = NEUTRAL, max_share: float = MAX_SHARE
) -> CheckResult:
    """Every check over the lexicons of ``directory``; the share check only when the
    neutral corpus exists."""
    problems: list[Problem] = []
    for path in sorted(directory.glob("*.txt")):
        if path.stem == "thresholds":
            problems += check_thresholds(path)
        else:
            problems += check_file(path)
    shares: list[Share] = []
    if neutral is None or not neutral.exists():
        return CheckResult(problems, shares, None, 0)
    paragraphs = neutral_paragraphs(neutral)
    lines = {
        path.stem: {cells[0].strip(): n for n, cells in _rows(path)}
        for path in directory.glob("*.txt")
    }
    for name, counts in firing_shares(directory, paragraphs).items():
        if counts:
            term, top = max(counts.items(), key=lambda kv: kv[1])
            shares.append(Share(name, term, top, top / len(paragraphs)))
        for term, count in sorted(counts.items(), key=lambda kv: -kv[1]):
            share = count / len(paragraphs)
            if share > max_share:
                problems.append(
                    Problem(
                        f"{name}.txt",
                        lines[name].get(term, 0),
                        term,
                        "too_frequent",
                        f"{term!r} fires on {count} of {len(paragraphs)} neutral paragraphs "
                        f"({share:.1%} > {max_share:.1%}): too common to mean anything",
                    )
                )
    return CheckResult(problems, shares, neutral, len(paragraphs))

"""主题分类 of a 公开目录 entry: which topic of the catalog's taxonomy a document is about.

The taxonomy is a plain lexicon (``lexicons/catalog_topics.txt``): topics in catalog
order, each with weighted terms, so the people who keep the catalog can read and change
it without touching code; another file can be passed for another catalog. Terms are
found with one Aho-Corasick pass (pipeline.lexicons.Matcher), longest term first where
terms overlap, so "耕地地力保护补贴" counts for 农业农村 and not its "耕地" for 自然资源.

Why the weights: the title says what a document is about, the body also says what it
touches on. A title hit counts 3 × the term's weight; a hit in the 发文机关 (the part of
the title before 关于, or ``issuer``) 1.5 ×, since agencies write about their own field
but not only; body hits count once per term plus a log of repeats, damped by the body's
length (a long text touches on many topics). No hit, or a tie between the best topics,
gives the first topic of the taxonomy (综合政务) with score 0: a reviewer should look.

``score`` is a confidence in [0, 1) from the lead over the runner-up
(1 − e^(−lead/3)): one decisive title term alone gives 0.95, a body hint 0.3.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline import lexicons
from pipeline.gongwen import looks_like_agency
from pipeline.lexicons import Matcher, lexicon_cache

# The shipped taxonomy; load_taxonomy() reads the one of the lexicon folder in use.
DEFAULT_TAXONOMY = lexicons.LEXICON_DIR / "catalog_topics.txt"
TITLE_FACTOR = 3.0
ISSUER_FACTOR = 1.5
BODY_REFERENCE = 400  # characters: bodies up to this long are not damped
CONFIDENCE_SCALE = 3.0


@dataclass(frozen=True)
class Taxonomy:
    """Topics in catalog order (the first is the fallback) and each term's topic and
    weight."""

    path: Path
    topics: tuple[str, ...]
    terms: dict[str, tuple[str, float]]
    matcher: Matcher = field(repr=False, compare=False)

    @property
    def fallback(self) -> str:
        return self.topics[0]

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, term) of the terms in ``text``, longest first where they overlap."""
        hits = sorted(self.matcher.find(text), key=lambda h: (h[0], h[0] - h[1]))
        found: list[tuple[int, int, str]] = []
        end = 0
        for hit in hits:
            if hit[0] >= end:
                found.append(hit)
                end = hit[1]
        return found


def parse_taxonomy(path: Path) -> Taxonomy:
    """Read a taxonomy file: "[主题]" lines start topics, "term<TAB>weight" lines follow
    (weight 0: the term only hides the shorter terms inside it), # lines and blanks are
    skipped. Raises ValueError naming the file and line of a
    term outside a topic, a bad weight, or a term listed twice."""
    topics: list[str] = []
    terms: dict[str, tuple[str, float]] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{path}:{number}"
        if line.startswith("[") and line.endswith("]"):
            topic = line[1:-1].strip()
            if not topic or topic in topics:
                raise ValueError(f"{where}: empty or repeated topic {line!r}")
            topics.append(topic)
            continue
        if not topics:
            raise ValueError(f"{where}: term {line!r} before the first [主题] line")
        cells = [c.strip() for c in line.split("\t")]
        try:
            weight = float(cells[1]) if len(cells) > 1 and cells[1] else 1.0
        except ValueError:
            raise ValueError(f"{where}: weight {cells[1]!r} is not a number") from None
        if weight < 0:
            raise ValueError(f"{where}: weight {weight} must not be negative")
        if cells[0] in terms:
            raise ValueError(f"{where}: {cells[0]!r} is already listed under {terms[cells[0]][0]}")
        terms[cells[0]] = (topics[-1], weight)
    if not topics:
        raise ValueError(f"{path}: no [主题] line")
    return Taxonomy(path, tuple(topics), terms, Matcher(tuple(terms)))


@lexicon_cache
def _load(path: str) -> Taxonomy:
    return parse_taxonomy(Path(path))


def load_taxonomy(path: Path | str | None = None) -> Taxonomy:
    """The taxonomy of ``path`` (default ``lexicons/catalog_topics.txt``), read once per
    process."""
    return _load(str(Path(path or lexicons.LEXICON_DIR / "catalog_topics.txt").resolve()))


@dataclass(frozen=True)
class TopicResult:
    """The topic chosen, how sure (``score``), the next best, the terms that decided it
    and why, in Chinese for the reviewer; ``scores`` are the raw points per topic."""

    topic: str
    score: float
    runner_up: str | None
    matched_terms: list[str]
    explanation: str
    scores: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _split_title(title: str) -> tuple[str, str]:
    """(issuer part, subject part) of "…局关于…的通知"; no issuer part when the words
    before 关于 do not name an organ."""
    head, sep, rest = title.partition("关于")
    if sep and head and looks_like_agency(head):
        return head, rest
    return "", title


def title_terms(
    title: str, taxonomy: Taxonomy | Path | str | None = None, min_weight: float = 0.0
) -> list[str]:
    """The taxonomy's terms in ``title`` weighing at least ``min_weight``, in order, each
    once: the domain terms of a title (森林防灭火), for the catalog's 主题词."""
    tax = taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy)
    found = (term for _, _, term in tax.find(title) if tax.terms[term][1] >= min_weight)
    return list(dict.fromkeys(found))


def _quoted(terms: list[str]) -> str:
    return "".join(f"“{t}”" for t in terms)


def classify(
    title: str,
    text: str = "",
    *,
    issuer: str | None = None,
    taxonomy: Taxonomy | Path | str | None = None,
) -> TopicResult:
    """The 主题分类 of a document from its title, its text and (optionally) its 发文机关.

    ``taxonomy``: a loaded Taxonomy or the path of a taxonomy file; the default file
    otherwise."""
    tax = taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy)
    title_issuer, subject = _split_title(title or "")
    points: dict[str, float] = defaultdict(float)
    # topic -> place (标题/发文机关/正文) -> term -> points
    evidence: dict[str, dict[str, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))

    def add(place: str, term: str, value: float) -> None:
        topic, _ = tax.terms[term]
        if value == 0:
            return  # a weight-0 term only hides shorter ones
        points[topic] += value
        evidence[topic][place][term] = evidence[topic][place].get(term, 0.0) + value

    for term in dict.fromkeys(t for _, _, t in tax.find(subject)):
        add("标题", term, tax.terms[term][1] * TITLE_FACTOR)
    issuer_terms: dict[str, None] = {}
    for name in (title_issuer, issuer or ""):
        issuer_terms.update(dict.fromkeys(t for _, _, t in tax.find(name)))
    for term in issuer_terms:
        add("发文机关", term, tax.terms[term][1] * ISSUER_FACTOR)
    counts: dict[str, int] = defaultdict(int)
    for _, _, term in tax.find(text):
        counts[term] += 1
    damping = min(1.0, math.sqrt(BODY_REFERENCE / max(len(text), 1)))
    for term, n in counts.items():
        add("正文", term, tax.terms[term][1] * (1 + math.log(n)) * damping)

    order = {topic: i for i, topic in enumerate(tax.topics)}
    ranked = sorted(points.items(), key=lambda kv: (-kv[1], order[kv[0]]))
    scores = {topic: round(value, 2) for topic, value in ranked}
    if not ranked:
        return TopicResult(
            tax.fallback, 0.0, None, [], f"标题和正文未见主题词，归入{tax.fallback}", scores
        )
    best, best_points = ranked[0]
    second, second_points = ranked[1] if len(ranked) > 1 else (None, 0.0)
    if second is not None and math.isclose(best_points, second_points):
        tied = [t for t, v in ranked if math.isclose(v, best_points)]
        others = [t for t in tied if t != tax.fallback]
        return TopicResult(
            tax.fallback,
            0.0,
            others[0],
            [],
            f"{'与'.join(f'“{t}”' for t in tied)}得分相同（{best_points:.1f}），归入{tax.fallback}",
            scores,
        )
    matched: list[str] = []
    parts: list[str] = []
    for place in ("标题", "发文机关", "正文"):
        found = evidence[best].get(place, {})
        words = sorted(found, key=lambda t: -found[t])[: 3 if place == "发文机关" else 5]
        if words:
            matched += [w for w in words if w not in matched]
            parts.append(f"{place}含{_quoted(words)}")
    explanation = "，".join(parts)
    if second is not None and second_points >= best_points / 2:
        explanation += f"；次选{second}（{second_points:.1f} 对 {best_points:.1f}）"
    confidence = 1 - math.exp(-(best_points - second_points) / CONFIDENCE_SCALE)
    return TopicResult(best, round(confidence, 3), second, matched, explanation, scores)

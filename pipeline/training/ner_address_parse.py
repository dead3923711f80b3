"""An address parser from a public corpus: a voter on the shape of an address candidate.

CLUENER's 地址 is a place written as an address (浙江省杭州市滨江区, 海丰北路602号), and the
candidate ensemble's errors are mostly whether a candidate is one at all. The public
address-parsing corpus (``chinese_address_parsing``: about 9,000 real delivery addresses
with every character's component, prov/city/district/town/road/roadno/poi … and
redundant/otherinfo for what is not part of the address) shows what a whole address
looks like. A linear-chain CRF (python-crfsuite) learns it from the characters alone;
the stacker reads its parse of the candidate string itself: the first and last
components, how many, whether the parse starts cleanly, how probable the parse is, and
whether it holds parts an address does not (redundant, otherinfo, person).

Chosen on the dev third of CLUENER's stacker part (benchmarks/ner_ensemble.py, seventh
round). The corpus is read from ../shared/data, never copied into the repository, and
the parser lives in memory as the bytes crfsuite wrote; nothing trained on it is committed
(the corpus is for research use, to be cited: Li et al., Neural Chinese Address Parsing,
NAACL 2019), so it serves the benchmark's ensemble only, never the pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.training import ner_crf

Parsed = tuple[tuple[str, ...], float, bool]  # components, path probability, clean start
MAX_ITERATIONS = 60
# Components that are not part of an address's own run (noise, extra notes, names).
ALIEN = frozenset({"redundant", "otherinfo", "person", "assist"})
LEVELS = (0.05, 0.2, 0.5, 0.8)


@dataclass(slots=True)
class Parser:
    """A trained address CRF (crfsuite model bytes) and the parses made with it so far."""

    model: bytes
    seen: dict[str, Parsed] = field(default_factory=dict)


def read_corpus(path: Path) -> Iterator[tuple[str, list[str]]]:
    """(address, BIO tag per character) from the corpus's token-per-line files; a token of
    several characters (602) gives its first the token's tag, the rest I-."""
    chars: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) < 2:
                if chars and not line.strip():
                    yield "".join(chars), tags
                    chars, tags = [], []
                continue
            token, tag = parts[0], parts[-1]
            for k, ch in enumerate(token):
                chars.append(ch)
                tags.append(tag if k == 0 or tag == "O" else "I-" + tag[2:])
    if chars:
        yield "".join(chars), tags


def char_features(text: str) -> list[list[str]]:
    """Each character's window (two either side), bigrams and trigram."""
    pad = "^^" + text + "$$"
    out = []
    for i in range(len(text)):
        j = i + 2
        feats = ["b"] + [f"c{k}:{pad[j + k]}" for k in (-2, -1, 0, 1, 2)]
        feats += [f"bg{k}:{pad[j + k : j + k + 2]}" for k in (-2, -1, 0, 1)]
        feats.append(f"t:{pad[j - 1 : j + 2]}")
        out.append(feats)
    return out


def fit(examples: Iterable[tuple[str, list[str]]], max_iterations: int = MAX_ITERATIONS) -> Parser:
    """The CRF over the corpus's addresses (c1 0.05, c2 0.01, as ``ner_crf``)."""
    rows = ((char_features(text), tags) for text, tags in examples if text)
    return Parser(ner_crf.trained_model(rows, ner_crf.C1, ner_crf.C2, max_iterations))


def parse_all(parser: Parser, strings: Iterable[str]) -> None:
    """Parse the strings not parsed yet (kept in ``parser.seen``)."""
    import pycrfsuite

    todo = sorted({s for s in strings if s and s not in parser.seen})
    if not todo:
        return
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(parser.model)
    for value in todo:
        path = tagger.tag(char_features(value))
        components = tuple(t[2:] for t in path if t.startswith("B-")) or ("-",)
        parser.seen[value] = (components, tagger.probability(path), path[0].startswith("B-"))
    tagger.close()


def features(parser: Parser, value: str) -> list[str]:
    """The stacker's features of a candidate string from its parse (parsed on demand)."""
    if not value:
        return []
    if value not in parser.seen:
        parse_all(parser, [value])
    components, prob, clean = parser.seen[value]
    level = sum(prob >= t for t in LEVELS)
    first, last = components[0], components[-1]
    out = [f"ap_first:{first}", f"ap_last:{last}", f"ap_fl:{first}|{last}"]
    out += [f"ap_n:{min(len(components), 4)}", f"ap_p:{level}", f"ap_clean:{clean}"]
    return out + [f"ap_has:{c}" for c in sorted(set(components) & ALIEN)]

"""Character vectors learned from public Chinese text: PPMI of a character window, then SVD.

Our NER models read characters through embeddings learned only from their ~15 k labelled
sentences, so a character seen in few of them (饶, 濠, 圩) carries little. Vectors learned
from all the unlabelled public text in ``../shared/data`` (news and Weibo sentences, CAIL
judgements, government policy texts, 人民银行 documents, 40 k addresses of the Chinese
address parsing set) place a character near those used like it: 镇 near 乡 and 街道, 濠
near 濮 and 滨. The recipe is the classic count-based one (Levy, Goldberg & Dagan 2015):
co-occurrences within two characters either side weighted 1/distance, positive PMI with
context counts smoothed by the power 0.75, a truncated SVD, rows scaled by the singular
values' square roots and normalised. It needs only numpy, scipy and scikit-learn.

CLUENER's held-out 10% (``held_out``) is left out of the text, so nothing printed by
``benchmarks/ner.py`` was read here; the data are read at build time and never copied.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.training.ner_corpus import held_out

DIM = 64
WINDOW = 2
MIN_COUNT = 3
HAN = re.compile(r"[\u3400-\u9fff]")
VECTORS = Path(__file__).resolve().parents[2] / "models" / "char_vectors" / "vectors.npz"


def _conll_sentences(path: Path) -> Iterator[str]:
    """Sentences of a one-character-a-line file (blank line between sentences)."""
    chars: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if chars:
                yield "".join(chars)
            chars = []
            continue
        chars.append(line.split()[0][0])
    if chars:
        yield "".join(chars)


def corpus_lines(data: Path) -> Iterator[tuple[str, str]]:
    """(source, line) of every public text under ``data``; CLUENER's held-out 10% skipped."""
    cluener = data / "cluener2020" / "train.json"
    if cluener.exists():
        for row in cluener.read_text(encoding="utf-8").splitlines():
            text = json.loads(row)["text"]
            if not held_out(text):
                yield "cluener", text
    for name, pattern in (
        ("resume", "resume_ner/*.char.bmes"),
        ("weibo", "weibo_ner/weiboNER_2nd_conll.*"),
        ("peoples_daily", "peoples_daily_ner/example.*"),
        ("address_parsing", "chinese_address_parsing/*.txt"),
    ):
        for path in sorted(data.glob(pattern)):
            if path.name == "labels.txt":
                continue
            for sentence in _conll_sentences(path):
                yield name, sentence
    cail = data / "cail2021_xxcq" / "xxcq_mid.json"
    if cail.exists():
        for row in cail.read_text(encoding="utf-8").splitlines():
            yield "cail2021", json.loads(row)["context"]
    for name, pattern in (
        ("govcn", "govcn_policy_texts_50/result.txt"),
        ("pbc", "pbc_official_docs_md/**/*.md"),
        ("govdoc", "govdoc_cn_sample/**/*.txt"),
    ):
        for path in sorted(data.glob(pattern)):
            for line in path.read_text(encoding="utf-8", errors="ignore").splitlines():
                if HAN.search(line):
                    yield name, line.strip()


def build(
    lines: Iterable[str], dim: int = DIM, window: int = WINDOW, min_count: int = MIN_COUNT
) -> tuple[list[str], Any]:
    """Characters seen at least ``min_count`` times and their (len, dim) float32 vectors."""
    from scipy import sparse
    from sklearn.decomposition import TruncatedSVD

    texts = list(lines)
    counts = Counter(ch for text in texts for ch in text if not ch.isspace())
    chars = sorted(c for c, n in counts.items() if n >= min_count)
    index = {c: i for i, c in enumerate(chars)}
    rows: list[Any] = []
    cols: list[Any] = []
    vals: list[Any] = []
    for text in texts:
        ids = np.array([index.get(c, -1) for c in text])
        for k in range(1, window + 1):
            a, b = ids[:-k], ids[k:]
            keep = (a >= 0) & (b >= 0)
            w = np.full(int(keep.sum()), 1.0 / k)
            rows += [a[keep], b[keep]]
            cols += [b[keep], a[keep]]
            vals += [w, w]
    n = len(chars)
    co = sparse.coo_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n)
    ).tocsr()
    total = co.sum()
    row_sum = np.asarray(co.sum(axis=1)).ravel()
    ctx = np.asarray(co.sum(axis=0)).ravel() ** 0.75
    ctx /= ctx.sum()
    co = co.tocoo()
    pmi = np.log(co.data * 1.0 / (row_sum[co.row] / total) / ctx[co.col] / total)
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (co.row[keep], co.col[keep])), shape=(n, n))
    svd = TruncatedSVD(dim, algorithm="randomized", n_iter=7, random_state=0)
    u = svd.fit_transform(ppmi)  # U * S
    vecs = u / np.sqrt(np.maximum(svd.singular_values_, 1e-9))  # U * S^0.5
    vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
    return chars, vecs.astype(np.float32)


def save(path: Path, chars: list[str], vecs: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, chars=np.array(chars), vectors=vecs.astype(np.float16))


def load(path: Path = VECTORS) -> dict[str, Any]:
    """Character → float32 vector (empty when the file is not there)."""
    if not path.exists():
        return {}
    data = np.load(path)
    return dict(zip(data["chars"].tolist(), data["vectors"].astype(np.float32), strict=True))


def build_and_write(data: Path, out: Path) -> dict[str, Any]:
    """Build the vectors from every public text under ``data``, write ``vectors.npz`` and
    its card into ``out``; returns what the card says."""
    per_source: Counter[str] = Counter()
    lines = []
    for source, line in corpus_lines(data):
        per_source[source] += len(line)
        lines.append(line)
    chars, vecs = build(lines)
    save(out / VECTORS.name, chars, vecs)
    built = {
        "chars": len(chars),
        "dim": int(vecs.shape[1]),
        "total": sum(per_source.values()),
        "sources": dict(per_source.most_common()),
    }
    (out / "MODEL_CARD.md").write_text(card(built), encoding="utf-8")
    return built


def card(built: dict[str, Any]) -> str:
    sources = "\n".join(f"| {name} | {n:,} |" for name, n in built["sources"].items())
    return f"""# Model card: `models/char_vectors` — character vectors from public Chinese text

{built["chars"]:,} characters (seen at least {MIN_COUNT} times) × {built["dim"]} dimensions,
float16 in `vectors.npz` (arrays `chars`, `vectors`; rows normalised).

## How
Count-based (Levy, Goldberg & Dagan 2015), numpy/scipy/scikit-learn only: co-occurrences
within {WINDOW} characters either side weighted 1/distance, positive PMI with context counts
smoothed by the power 0.75, truncated SVD (randomized, seed 0), rows U·S^0.5, normalised.
Code: `pipeline/training/char_vectors.py`.

```sh
triage train vectors --data ../shared/data --out models/char_vectors
```

## Data (characters read per source; read at build time, never copied in)
| source (under ../shared/data) | characters |
|---|---|
{sources}

CLUENER's held-out 10% (crc32(text) % 10 == 0), on which `benchmarks/ner.py` scores, is
left out. The devsets are not read.

## Used by
`triage train ner --vectors models/char_vectors/vectors.npz`: the spaCy CNN reads each
character's vector beside its hashed embedding. Tried for the CLUENER ensemble
(`benchmarks/ner_ensemble.py`, fourth round, on CLUENER's dev third) and not adopted
there: the fold model trained with them reads addresses better alone (dev ADDR F1 0.30 →
0.37) but the stacked ensemble does not gain (ADDR 0.580 → 0.574, PER 0.838 → 0.826; with
both fold models as voters 0.589 / 0.834, in the dev third's noise), nor do their k-means
classes as tagger or stacker features. Nothing in the pipeline reads them
yet; they are here for a retrain of `models/ner` with `--vectors`.

## Limits
About two million characters of news, Weibo, resumes, judgements, policy texts and
addresses: common characters are placed well (镇 near 街/县/村/乡, 张 near 刘/李/陈),
characters seen a few times poorly; characters not seen {MIN_COUNT} times have no vector.
"""

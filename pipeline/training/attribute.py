"""Train and describe the attribute model in ``models/attribute``.

Input per document: the title and opening (character 1–2-grams, TF-IDF) and the
structured features of :func:`pipeline.classify.attribute_model.features` (document
type, marking, findings by label and role, party lines, list layout), both computed by
the real pipeline (ingest → metadata → detect) over generated drafts
(:mod:`pipeline.training.documents`). A logistic regression, calibrated by
cross-validation (sigmoid), gives probabilities that mean what they say.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.classify.attribute_model import features, head_text
from pipeline.config import DATA_DIR
from pipeline.decide import ATTRIBUTES, decide
from pipeline.training import labelled_set
from pipeline.training.cards import data_hash, library_versions, write_card
from pipeline.training.documents import Draft, generate
from pipeline.training.labelled_set import corpus_file, load_labelled


def _texts(rows: Sequence[dict[str, Any]]) -> list[str]:
    return [row["text"] for row in rows]


def _feature_dicts(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return [row["features"] for row in rows]


def build_pipeline() -> Any:
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import FunctionTransformer

    return Pipeline(
        [
            (
                "features",
                FeatureUnion(
                    [
                        (
                            "text",
                            Pipeline(
                                [
                                    ("select", FunctionTransformer(_texts)),
                                    (
                                        "tfidf",
                                        TfidfVectorizer(
                                            analyzer="char",
                                            ngram_range=(1, 2),
                                            min_df=2,
                                            sublinear_tf=True,
                                            max_features=20000,
                                        ),
                                    ),
                                ]
                            ),
                        ),
                        (
                            "structure",
                            Pipeline(
                                [
                                    ("select", FunctionTransformer(_feature_dicts)),
                                    ("dict", DictVectorizer()),
                                ]
                            ),
                        ),
                    ]
                ),
            ),
            (
                "clf",
                CalibratedClassifierCV(
                    LogisticRegression(C=2.0, class_weight="balanced", max_iter=3000),
                    cv=3,
                    method="sigmoid",
                ),
            ),
        ]
    )


def analyse(drafts: Sequence[Draft]) -> list[dict[str, Any]]:
    """Run each draft through ingest → metadata → detect, as the scan does."""
    from pipeline.config import Settings
    from pipeline.detect import detect
    from pipeline.ingest import ingest_file
    from pipeline.metadata import extract_metadata

    rows = []
    settings = Settings()
    with tempfile.TemporaryDirectory() as folder:
        for i, draft in enumerate(drafts):
            path = Path(folder) / f"draft{i}.txt"
            path.write_text(draft.text, encoding="utf-8")
            document, _data, error = ingest_file(path, settings)
            if document is None:
                raise RuntimeError(f"generated draft {i} did not ingest: {error}")
            metadata = extract_metadata(document)
            findings = detect(document)
            rows.append(
                {
                    "text": head_text(document.text, metadata),
                    "features": features(document.text, metadata, findings),
                    "attribute": draft.attribute,
                    "kind": draft.kind,
                    "rules": decide(document.text, metadata, findings).attribute,
                }
            )
    return rows


def scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    from sklearn.metrics import accuracy_score, f1_score

    return {
        "accuracy": round(float(accuracy_score(gold, predicted)), 4),
        "macro_f1": round(float(f1_score(gold, predicted, average="macro")), 4),
    }


HAND_WRITTEN = DATA_DIR / "attribute_cases" / "cases.jsonl"
DEVSET = labelled_set.DEVSET / "corpus.jsonl"


def hand_written(path: Path = HAND_WRITTEN) -> list[Draft]:
    """Our hand-written cases (data/attribute_cases): kinds the generator does not write."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [Draft(row["text"], row["attribute"], "hand_written") for row in rows]


def corpus_drafts(path: Path, kind: str) -> list[Draft]:
    """The records of a corpus.jsonl in the devset's schema as drafts of ``kind`` (read
    and checked by :func:`pipeline.training.labelled_set.load_labelled`)."""
    return [Draft(row["text"], row["attribute"], kind) for row in load_labelled(path)]


def devset_drafts(path: Path = DEVSET) -> list[Draft]:
    """The devset as drafts, for measuring only (never trained on); empty when absent."""
    return corpus_drafts(path, "devset") if path.is_file() else []


REVIEWED = "reviewer_labelled"


def labelled_drafts(path: Path) -> list[Draft]:
    """Reviewer-labelled documents (``triage export-labels``): a corpus folder or its
    corpus.jsonl. A path that holds neither is an error, not an empty set."""
    corpus = corpus_file(path)
    if not corpus.is_file():
        raise FileNotFoundError(f"{path}: no corpus.jsonl (make one with triage export-labels)")
    return corpus_drafts(corpus, REVIEWED)


@dataclass(frozen=True)
class LabelSource:
    """What one --labels path added to the training drafts."""

    path: str
    documents: int
    by_attribute: dict[str, int]
    left_out_devset: int  # also in the devset: left out, the devset is never trained on

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class TrainingSet:
    drafts: list[Draft]
    labels: list[LabelSource] = field(default_factory=list)

    @property
    def hash(self) -> str:
        return data_hash([(d.text, d.attribute) for d in self.drafts])


def office_training_drafts(count: int, seed: int = 5) -> list[Draft]:
    """The new office's training families (:data:`TRAIN_FAMILIES`) only: its other
    families stay unseen, for fitting and measuring the calibration."""
    from pipeline.training.new_office import TRAIN_FAMILIES, generate_office
    from pipeline.training.new_office_cases import generate_cases

    office = [d.draft() for d in generate_office(count, TRAIN_FAMILIES, seed=seed + 100)]
    # the third hand's training family, as many again: its kinds vary inside a family
    third = generate_cases(count, TRAIN_FAMILIES, seed=seed + 200)
    # The fourth hand's border kinds (new_office_border.py) are never trained on: the
    # model meets them as it meets a new office's, so the calibration fitted on them
    # learns what its disagreement is worth there.
    return office + [Draft(d.text, d.attribute, f"third_{d.kind}") for d in third]


def training_set(count: int, seed: int = 5, labels: Sequence[Path] = ()) -> TrainingSet:
    """The training drafts: ``count`` generated ones, a quarter as many of the new office's
    training family and as many of the third hand's, the hand-written cases repeated so
    they weigh as much as a generated kind, and each reviewer-labelled document once.

    Reviewers' documents are not repeated: they are real drafts of the office, not one
    example standing for a kind, and their number grows with every night's decisions; a
    copy of a document in two of the calibration's cross-validation folds would also
    make the probabilities overconfident. A document labelled twice (two exports) is
    taken once, and one that is also in the devset is left out, as the devset measures."""
    drafts = (
        generate(count, seed=seed)
        + office_training_drafts(count // 4, seed)
        + hand_written() * max(1, count // 200)
    )
    seen = {d.text for d in devset_drafts()}
    devset = set(seen)
    sources = []
    for path in labels:
        found = labelled_drafts(path)
        new = [d for d in found if d.text not in seen]
        seen |= {d.text for d in new}
        drafts += new
        sources.append(
            LabelSource(
                str(path),
                len(new),
                dict(Counter(d.attribute for d in new)),
                sum(1 for d in found if d.text in devset),
            )
        )
    return TrainingSet(drafts, sources)


def train(
    out_dir: Path, count: int = 1700, seed: int = 5, labels: Sequence[Path] = ()
) -> dict[str, Any]:
    """Train on :func:`training_set` and test on generated drafts of another seed;
    write the model, metrics.json and the model card to ``out_dir``."""
    import joblib

    started = time.perf_counter()
    training = training_set(count, seed, labels)
    train_drafts = training.drafts
    test_drafts = generate(max(170, count // 5), seed=seed + 1)
    train_rows = analyse(train_drafts)
    test_rows = analyse(test_drafts)
    model = build_pipeline()
    model.fit(train_rows, [row["attribute"] for row in train_rows])
    predicted = list(model.predict(test_rows))
    gold = [row["attribute"] for row in test_rows]
    dev_rows = analyse(devset_drafts())
    out_dir.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, out_dir / "model.joblib", compress=3)
    kinds = sorted({row["kind"] for row in train_rows})
    metrics: dict[str, Any] = {
        "trained": date.today().isoformat(),
        "seconds": round(time.perf_counter() - started, 1),
        "data": {
            "train_documents": len(train_rows),
            "test_documents": len(test_rows),
            "kinds": kinds,
            "by_attribute": {a: gold.count(a) for a in ATTRIBUTES},
            "hash": training.hash,
            "reviewer_labelled": [source.to_dict() for source in training.labels],
        },
        "model_on_test": scores(gold, predicted),
        "rules_on_test": scores(gold, [row["rules"] for row in test_rows]),
        "model_on_devset": scores(
            [row["attribute"] for row in dev_rows], list(model.predict(dev_rows))
        )
        if dev_rows
        else None,
        "versions": library_versions("scikit-learn", "joblib"),
    }
    write_card(out_dir, metrics, model_card)
    return metrics


def _labelled(data: dict[str, Any]) -> str:
    """The card's sentence on reviewer-labelled documents."""
    sources = data.get("reviewer_labelled") or []
    if not sources:
        return "No reviewer-labelled documents (`--labels`)."
    parts = []
    for source in sources:
        left_out = source["left_out_devset"]
        devset = f", {left_out} left out as devset documents" if left_out else ""
        parts.append(
            f"{source['documents']} from `{source['path']}` ({source['by_attribute']}{devset})"
        )
    total = sum(source["documents"] for source in sources)
    return (
        f"Reviewer-labelled documents (`triage export-labels`, each once): {total} — "
        f"{'; '.join(parts)}."
    )


def model_card(metrics: dict[str, Any]) -> str:
    data = metrics["data"]
    model = metrics["model_on_test"]
    rules = metrics["rules_on_test"]
    versions = ", ".join(f"{k} {v}" for k, v in metrics["versions"].items())
    dev = metrics.get("model_on_devset")
    devset = (
        f"accuracy {dev['accuracy']:.3f}, macro-F1 {dev['macro_f1']:.3f}"
        if dev
        else "not measured (../shared/devset absent)"
    )
    return f"""# Model card: `models/attribute` — the disclosure attribute of a document

scikit-learn pipeline (`pipeline/training/attribute.py`): character 1–2-gram TF-IDF of the
title and opening + a DictVectorizer over structured features (document type, the
drafter's marking, findings by label and role, party lines, list layout) → logistic
regression (class-balanced) calibrated by 3-fold cross-validation (sigmoid). Classes:
主动公开, 部分公开, 依申请公开, 不予公开. `pipeline/decide.py` applies the 条例's rules first
(密级 and state secrets can never be overruled) and uses the model's probabilities for the
confidence and to flag documents where the model disagrees.

## Data (hash `{data["hash"]}`)
{data["train_documents"]} drafts: generated by `pipeline/training/documents.py` (written for this
project), a quarter as many from the "new office" generator's training family 0
(`pipeline/training/new_office.py`; its families 1–4 are kept for fitting and measuring the
calibration), as many again from the third hand's training family 0
(`pipeline/training/new_office_cases.py`, `new_office_casefiles.py`: decisions, replies,
lists, case records, cadre remarks and unmarked secrets, every part of a kind drawn apart,
seeded), plus the hand-written cases of `data/attribute_cases/cases.jsonl` (repeated so they
weigh like a generated kind); kinds: {", ".join(data["kinds"])}. {_labelled(data)} Each is run through the real
ingest → metadata → detect path, so the features are those the scan computes. Test: {data["test_documents"]} drafts from
another seed ({data["by_attribute"]}). The devset (`../shared/devset`) is never trained on;
`benchmarks/attribute.py` measures the whole decision on it.

## Command
```sh
triage train attribute --out models/attribute{"".join(f" --labels {s['path']}" for s in data.get("reviewer_labelled") or [])}
```
{metrics["seconds"]} s on one core.

## Metrics (generated test drafts)
| | accuracy | macro-F1 |
|---|---|---|
| model alone | {model["accuracy"]:.3f} | {model["macro_f1"]:.3f} |
| rules alone (`decide` without the model) | {rules["accuracy"]:.3f} | {rules["macro_f1"]:.3f} |

Generated drafts are cleaner than real ones: these figures say the model learned the
generator's kinds, not how it does on new agencies' drafting. Measured on the 30
hand-written devset documents (not trained on), the model alone: {devset}. That is why
the rules lead and the model gives the confidence.

## Versions
{versions}.
"""

"""Train, evaluate and describe the spaCy NER model (PER, ADDR) in ``models/ner``.

The pipeline is ``spacy.blank("zh")`` with its character segmenter and one ``ner``
component. Characters, not jieba words: jieba's tokens cut through names and entities
whose edges fall inside a token are lost in training (stack notes: 35 of 200 in a probe).
The network is small on purpose — a 3-layer CNN of width 64 — so it tags ~40 k chars/s
on one core; the recognizers only hand it sentences that may hold a name.

Scores are exact-match span P/R/F1, the measure of the CLUENER2020 baselines.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.training.cards import library_versions, write_card
from pipeline.training.ner_corpus import Example, count_labels, generated, public_examples

LABELS = ("PER", "ADDR")
MODEL_CONFIG: dict[str, Any] = {
    "model": {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": 48,
        "maxout_pieces": 2,
        "use_upper": True,
        "tok2vec": {
            "@architectures": "spacy.HashEmbedCNN.v2",
            "pretrained_vectors": None,
            "width": 64,
            "depth": 3,
            "embed_size": 4000,
            "window_size": 1,
            "maxout_pieces": 2,
            "subword_features": False,
        },
    }
}
# Published per-entity F1 of the CLUENER2020 baselines (CLUEbenchmark/CLUENER2020 README,
# commit 04258d6: "各个实体的得分情况", name and address).
CLUENER_BASELINES = {
    "bert-base": {"PER": 0.7597, "ADDR": 0.5181},
    "roberta-wwm-large-ext": {"PER": 0.7743, "ADDR": 0.5082},
}


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    support: int

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
        }


def score_spans(
    gold: Sequence[Example], predicted: Sequence[list[tuple[int, int, str]]], label: str
) -> Scores:
    """Exact-match span scores for one label."""
    tp = fp = fn = 0
    for (_text, spans), pred in zip(gold, predicted, strict=True):
        g = {s for s in spans if s[2] == label}
        p = {s for s in pred if s[2] == label}
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, tp + fn)


def predict(nlp: Any, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
    return [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for doc in nlp.pipe(texts, batch_size=128)
    ]


def evaluate_sets(nlp: Any, sets: dict[str, list[Example]]) -> dict[str, dict[str, Any]]:
    """Per evaluation set and label: P/R/F1 (labels the set has no gold for are skipped)."""
    results: dict[str, dict[str, Any]] = {}
    for name, examples in sets.items():
        predicted = predict(nlp, [text for text, _spans in examples])
        present = count_labels(examples)
        results[name] = {
            label: score_spans(examples, predicted, label).as_dict()
            for label in LABELS
            if present.get(label)
        }
    return results


def blank_pipeline(vectors: dict[str, Any] | None = None) -> Any:
    """The untrained pipeline; with ``vectors`` (character → vector, from
    ``char_vectors``) its CNN also reads each character's static vector, which the model
    folder then holds in its vocab."""
    import copy

    import spacy

    nlp = spacy.blank("zh")  # character segmenter
    config = copy.deepcopy(MODEL_CONFIG)
    if vectors:
        nlp.vocab.reset_vectors(width=len(next(iter(vectors.values()))))
        for char, vector in vectors.items():
            nlp.vocab.set_vector(char, vector)
        config["model"]["tok2vec"]["pretrained_vectors"] = True
    ner: Any = nlp.add_pipe("ner", config=config)
    for label in LABELS:
        ner.add_label(label)
    return nlp


def to_examples(nlp: Any, data: Sequence[Example]) -> list[Any]:
    from spacy.training import Example as SpacyExample

    out = []
    for text, spans in data:
        doc = nlp.make_doc(text)
        ents = []
        taken: set[int] = set()
        for start, end, label in spans:
            if end <= start or taken & set(range(start, end)):
                continue  # overlapping gold spans (rare in CLUENER): keep the first
            taken |= set(range(start, end))
            ents.append((start, end, label))
        out.append(SpacyExample.from_dict(doc, {"entities": ents}))
    return out


def train(
    data_dir: Path,
    out_dir: Path,
    epochs: int = 20,
    generated_count: int = 4000,
    seed: int = 13,
    limit: int | None = None,
    log: Callable[[str], None] = print,
    fold: bool = False,
    vectors: Path | None = None,
) -> dict[str, Any]:
    """Train on the public corpora plus generated 公文, keep the epoch with the best
    development score, write the model and its card into ``out_dir``. ``limit`` cuts
    every data set to its first examples (for a quick check of the whole path). With
    ``fold`` the CLUENER stacker part is left out and the epoch is chosen on its dev
    third, not on the held-out 10%: the model the CLUENER ensemble's stacker learns on.
    ``vectors`` is a ``char_vectors`` file whose static character vectors the CNN reads."""
    import spacy
    from spacy.util import compounding, fix_random_seed, minibatch

    fix_random_seed(seed)
    rng = random.Random(seed)
    public = public_examples(data_dir, fold=fold)
    if limit is not None:
        public = {name: examples[:limit] for name, examples in public.items()}
        generated_count = min(generated_count, limit)
    synthetic = generated(generated_count, seed=seed)
    synthetic_dev = generated(600 if limit is None else limit, seed=seed + 1000)
    train_data = public["train"] + synthetic
    cluener_key = "cluener_dev" if fold else "cluener_heldout"
    dev_sets = {
        cluener_key: public[cluener_key],
        "resume_dev": public["resume_dev"],
        "generated_dev": synthetic_dev,
    }
    from pipeline.training import char_vectors

    static = char_vectors.load(vectors) if vectors is not None else {}
    nlp = blank_pipeline(static)
    examples = to_examples(nlp, train_data)
    optimizer = nlp.initialize(lambda: examples[:2000])
    best = -1.0
    history: list[dict[str, Any]] = []
    started = time.perf_counter()
    for epoch in range(1, epochs + 1):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=compounding(8.0, 64.0, 1.001)):
            nlp.update(batch, sgd=optimizer, drop=0.15, losses=losses)
        with nlp.select_pipes(enable=["ner"]), nlp.use_params(optimizer.averages):
            dev = evaluate_sets(nlp, dev_sets)
        key = (
            dev[cluener_key]["PER"]["f1"]
            + dev[cluener_key]["ADDR"]["f1"]
            + dev["resume_dev"]["PER"]["f1"]
            + dev["generated_dev"]["PER"]["f1"]
        ) / 4
        history.append(
            {"epoch": epoch, "loss": round(float(losses.get("ner", 0.0)), 1), "dev": round(key, 4)}
        )
        log(
            f"epoch {epoch:2d}  loss {losses.get('ner', 0.0):9.1f}  dev {key:.4f}  "
            f"({time.perf_counter() - started:.0f} s)"
        )
        if key > best:
            best = key
            with nlp.use_params(optimizer.averages):
                nlp.to_disk(out_dir)
    trained = spacy.load(out_dir)
    test_sets = {
        "cluener_heldout": public["cluener_heldout"],
        "resume_test": public["resume_test"],
        "generated_dev": synthetic_dev,
    }
    metrics = {
        "trained": date.today().isoformat(),
        "seconds": round(time.perf_counter() - started),
        "epochs": epochs,
        "fold": fold,
        "vectors": len(static),
        "best_epoch": max(history, key=lambda h: h["dev"])["epoch"],
        "history": history,
        "data": {
            "cluener_train_minus_heldout+resume_train+weibo_train": len(public["train"]),
            "generated": len(synthetic),
            "train_labels": count_labels(train_data),
        },
        "scores": evaluate_sets(trained, test_sets),
        "speed_chars_per_s": measure_speed(trained, public["cluener_heldout"]),
        "versions": library_versions("spacy", "thinc", "numpy"),
        "config": nlp.get_pipe_config("ner"),
    }
    write_card(out_dir, metrics, model_card)
    return metrics


def measure_speed(nlp: Any, examples: Sequence[Example]) -> int:
    texts = [text for text, _spans in examples]
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=128):
        pass
    return int(sum(map(len, texts)) / (time.perf_counter() - started))


def model_card(metrics: dict[str, Any]) -> str:
    scores = metrics["scores"]
    rows = []
    for name, by_label in scores.items():
        for label, s in by_label.items():
            rows.append(
                f"| {name} | {label} | {s['precision']:.3f} | {s['recall']:.3f} | "
                f"**{s['f1']:.3f}** | {s['support']} |"
            )
    baselines = "\n".join(
        f"| {model} | {b['PER']:.3f} | {b['ADDR']:.3f} |" for model, b in CLUENER_BASELINES.items()
    )
    data = metrics["data"]
    versions = ", ".join(f"{k} {v}" for k, v in metrics["versions"].items())
    fold = bool(metrics.get("fold"))
    folder = "models/ner_fold" if fold else "models/ner"
    use = (
        "The fold model: the same recipe without CLUENER's stacker part (crc32(text) % 10\n"
        "in 1, 2, 3), used only by `benchmarks/ner_ensemble.py`, whose stacker learns on that\n"
        "part how the model errs on sentences new to it. The pipeline uses `models/ner`."
        if fold
        else "Used by `pipeline/nlp.py` as one more source of PERSON candidates in sentences the\n"
        "rules cannot read (no role word); the rules still decide the role (private /\n"
        "official) and the span."
    )
    vectors = int(metrics.get("vectors", 0))
    flag = " --vectors models/char_vectors/vectors.npz" if vectors else ""
    embeddings = (
        f"beside hashed embeddings it reads static vectors of {vectors:,} characters\n"
        "learned from public text (`models/char_vectors`, see its card)"
        if vectors
        else "without pretrained\nembeddings"
    )
    left_out = " and the stacker part (crc32 % 10 in 1, 2, 3)" if fold else ""
    chosen = (
        "CLUENER dev third of the stacker part (crc32 % 10 == 1)" if fold else "CLUENER held-out"
    )
    return f"""# Model card: `{folder}` — person names and addresses in Chinese text

spaCy pipeline `blank("zh")` (character segmenter) + `ner` with labels **PER** (a
person's name) and **ADDR** (an address). {use}

## Data
- CLUENER2020 train (`../shared/data/cluener2020/train.json`) minus a fixed held-out 10%
  (crc32(text) % 10 == 0){left_out}: `name` → PER, `address` → ADDR.
- Resume NER train (`NAME` → PER); Weibo NER train (`PER.NAM` → PER).
- {data["generated"]} generated 公文 sentences (`pipeline/training/ner_corpus.py`: private
  and official persons in 公文 roles and layouts, residential addresses, sentences with
  look-alike words and no names), seed-fixed.
- Total public examples: {data["cluener_train_minus_heldout+resume_train+weibo_train"]};
  entities in training: {data["train_labels"]}.
- The public data are read at training time and not copied into the repository; the
  devset (`../shared/devset`) is never trained on.

## Command
```sh
triage train ner --data ../shared/data --out {folder} --epochs {metrics["epochs"]}{" --fold" if fold else ""}{flag}
```
{metrics["seconds"]} s on one CPU core; best epoch {metrics["best_epoch"]} of {metrics["epochs"]}
(selected on {chosen}, Resume dev and generated dev).

## Metrics (exact-match spans)
| set | label | P | R | F1 | gold |
|---|---|---|---|---|---|
{chr(10).join(rows)}

Published per-entity F1 of the CLUENER2020 baselines (CLUEbenchmark/CLUENER2020 README):

| model | name | address |
|---|---|---|
{baselines}

Our CLUENER figures are on our held-out 10% of train (the test labels are not public, and
the baselines were scored on CLUENER's own evaluation split), so they compare in kind, not
exactly; the baselines are BERT-size models tagging all ten CLUENER types. The model is a small CNN;
{embeddings}; chosen for speed: **{metrics["speed_chars_per_s"]:,} chars/s** on one core.
Resume has no address label (its LOC marks places of origin), so only PER is scored.

## Limits
- Trained on news, resumes, Weibo and generated 公文: names written with rare characters,
  minority-language transliterations and names run into long 公文 phrases are missed
  more often; the rules cover those in 公文 layouts.
- ADDR here is any address (agency or home); whether an address is personal is decided
  by the ADDRESS recognizer's context rules.

## Versions
{versions}. Config: `config.cfg` in this folder; architecture in `pipeline/training/ner.py`.
"""

"""Reviewers' decisions, made through the CLI, exported as a devset-like corpus; then a
model retrained on them and tried with `triage scan` + `triage eval` without replacing
models/attribute."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.analysis.label_export import BEIJING, METADATA_KEYS
from pipeline.cli import app
from pipeline.evaluate import scan_devset
from pipeline.training.attribute import training_set
from pipeline.training.documents import BUILDERS, generate

TRIAGE = Path(sys.executable).parent / "triage"
REVIEWER, APPROVER = "李审核", "王批准"
PHONE_COMMENT = "电话是单位总机，不删除"


def _run(*args: str, input: str | None = None) -> str:
    result = CliRunner().invoke(app, list(args), input=input)
    assert result.exit_code == 0, result.output
    return result.output


def _export(*args: str) -> Any:
    """`triage export-labels …` through the root CLI."""
    return CliRunner().invoke(app, ["export-labels", *args])


@dataclass
class Built:
    db: str
    out: Path
    ids: dict[str, int]  # kind of generated draft → document id
    rejected_phone: str  # the text of the PHONE finding the reviewer rejected
    widened: str  # the TRADE_SECRET span the reviewer marked by hand
    texts: dict[str, str]


def _show(db: str, document_id: int) -> dict[str, Any]:
    shown: dict[str, Any] = json.loads(_run("review", "show", str(document_id), "--db", db))
    return shown


def _decide(db: str, document_id: int, attribute: str, *options: str) -> None:
    _run("review", "decide", str(document_id), "--as", REVIEWER, "--attribute", attribute,
         *options, "--db", db)  # fmt: skip


def _spans_file(folder: Path, name: str, spans: list[dict[str, Any]]) -> str:
    path = folder / f"{name}.json"
    path.write_text(json.dumps(spans, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Generated drafts queued, decided, approved and returned through the CLI, exported."""
    root = tmp_path_factory.mktemp("labels")
    db = f"sqlite:///{root / 'triage.db'}"
    inbox = root / "inbox"
    inbox.mkdir()
    texts = {}
    # A seed whose 中标结果公示 names a losing bidder (the clause the reviewer widens below).
    for draft in generate(len(BUILDERS), seed=8, builders=BUILDERS):
        (inbox / f"{draft.kind}.txt").write_text(draft.text, encoding="utf-8")
        texts[draft.kind] = draft.text
    for name, role in ((REVIEWER, "reviewer"), (APPROVER, "approver")):
        _run(
            "users",
            "add",
            name,
            "--role",
            role,
            "--cleared",  # one draft is 密级-marked
            "--password-stdin",
            "--db",
            db,
            input="pw-1234567\n",
        )
    _run("review", "add", str(inbox), "--db", db)
    rows = [json.loads(line) for line in _run("review", "list", "--jsonl", "--db", db).splitlines()]
    ids = {Path(r["source"]).stem: int(r["id"]) for r in rows}

    # A penalty on a person: the reviewer releases it in part (the machine said 依申请公开)
    # and rejects the phone finding, so the number is neither redacted nor gold.
    penalty = _show(db, ids["penalty_person"])
    assert penalty["suggestion"]["attribute"] == "依申请公开"
    phone = next(f for f in penalty["findings"] if f["label"] == "PHONE")
    kept = [r for r in penalty["suggestion"]["redactions"] if r["start"] != phone["start"]]
    _decide(db, ids["penalty_person"], "部分公开", "--reject", str(phone["id"]),
            "--redactions", _spans_file(root, "penalty", kept), "--comment", PHONE_COMMENT)  # fmt: skip
    # Bid results: the reviewer widens the losing bidder's price to the whole clause.
    text = texts["bid_result"]
    clause = re.search(r"第二中标候选人：([^\n]+。)", text)
    assert clause is not None
    start, end = clause.span(1)
    _decide(db, ids["bid_result"], "部分公开", "--redactions",
            _spans_file(root, "bid", [{"start": start, "end": end, "label": "TRADE_SECRET"}]))  # fmt: skip
    _decide(db, ids["public_list"], "部分公开", "--accept-all")  # reviewed, not approved yet
    _decide(db, ids["secret_marked"], "不予公开", "--accept-all")
    _decide(db, ids["reply"], "依申请公开", "--accept-all")
    for kind in ("penalty_person", "bid_result", "secret_marked"):
        _run("review", "approve", str(ids[kind]), "--as", APPROVER, "--db", db)
    _run("review", "return", str(ids["reply"]), "--as", APPROVER, "--reason", "请核对", "--db", db)

    out = root / "labels"
    result = _export("--out", str(out), "--db", db)
    assert result.exit_code == 0, result.output
    assert "4 document(s)" in result.output
    return Built(db, out, ids, phone["text"], text[start:end], texts)


def _records(out: Path) -> dict[str, dict[str, Any]]:
    lines = (out / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["id"]: r for r in map(json.loads, lines)}


def test_records_follow_the_devset_schema(built: Built) -> None:
    records = _records(built.out)
    expected = {
        f"r{built.ids[k]}" for k in ("penalty_person", "bid_result", "public_list", "secret_marked")
    }
    assert set(records) == expected  # the returned and the undecided documents are not labels
    for key, record in records.items():
        assert (built.out / "texts" / f"{key}.txt").read_bytes() == record["text"].encode("utf-8")
        assert set(record["metadata"]) == set(METADATA_KEYS)
        assert record["attribute"] in ("主动公开", "部分公开", "依申请公开", "不予公开")
        spans = record["spans"]
        assert all(record["text"][s["start"] : s["end"]] == s["text"] for s in spans)
        assert all(a["end"] <= b["start"] for a, b in pairwise(spans))
        assert record.get("public_persons", True) is True  # present only when true
    gold, scanned = scan_devset(built.out) or ([], [])
    assert [g["id"] for g in gold] == sorted(records, key=lambda k: int(k[1:]))
    assert all(
        r["status"] == "ok" and r["text_length"] == len(g["text"])
        for g, r in zip(gold, scanned, strict=True)
    )


def test_records_hold_the_reviewers_choices(built: Built) -> None:
    records = _records(built.out)
    penalty = records[f"r{built.ids['penalty_person']}"]
    assert (penalty["attribute"], penalty["suggested_attribute"]) == ("部分公开", "依申请公开")
    assert penalty["legal_basis"] == []  # the suggestion's basis was for another attribute
    assert built.rejected_phone not in {s["text"] for s in penalty["spans"]}
    assert {"PERSON", "ID_CARD"} <= {s["label"] for s in penalty["spans"]}
    assert (penalty["decided_by"], penalty["state"]) == (REVIEWER, "approved")
    assert penalty["metadata"]["doc_type"] == "决定书"
    # What the reviewer said, beside the labels: the comment and the finding they rejected.
    assert penalty["comment"] == PHONE_COMMENT
    assert [(s["label"], s["text"]) for s in penalty["rejected"]] == [
        ("PHONE", built.rejected_phone)
    ]
    assert penalty["approval_notes"] == []  # approved without a remark

    bid = records[f"r{built.ids['bid_result']}"]
    secrets = [s for s in bid["spans"] if s["label"] == "TRADE_SECRET"]
    assert [s["text"] for s in secrets] == [built.widened]  # the reviewer's, not the detector's
    assert bid["public_persons"] is True  # the 项目负责人 stays published

    public_list = records[f"r{built.ids['public_list']}"]
    assert public_list["public_persons"] is True and public_list["state"] == "reviewed"
    text = built.texts["public_list"]
    official = re.findall(r"0\d{3}-\d{7}", text)  # the agency's contact number
    assert official and not any(s["text"] in official for s in public_list["spans"])

    secret = records[f"r{built.ids['secret_marked']}"]
    assert secret["attribute"] == "不予公开" and secret["state"] == "withheld"
    assert "SECRET_MARK" in {s["label"] for s in secret["spans"]}
    assert "第十四条" in secret["legal_basis"] and "public_persons" not in secret


def test_states_and_since_choose_the_decisions(built: Built, tmp_path: Path) -> None:
    returned = tmp_path / "returned"
    result = _export("--out", str(returned), "--db", built.db, "--state", "returned")
    assert result.exit_code == 0, result.output
    (reply,) = _records(returned).values()
    assert reply["id"] == f"r{built.ids['reply']}"
    assert reply["approval_notes"] == [
        {"level": 0, "action": "return", "by": APPROVER, "reason": "请核对"}
    ]
    assert reply["comment"] == "" and reply["rejected"] == []
    today = datetime.now(BEIJING).date()
    for since, count in ((today, 4), (today + timedelta(days=1), 0)):
        folder = tmp_path / f"since-{since}"
        result = _export("--out", str(folder), "--db", built.db, "--since", since.isoformat())
        assert result.exit_code == 0, result.output
        assert len(_records(folder)) == count
    bad = _export("--out", str(tmp_path / "bad"), "--db", built.db, "--state", "done")
    assert bad.exit_code == 2 and "unknown state" in bad.output


def test_a_non_empty_folder_is_replaced_only_with_force(built: Built, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "texts").mkdir(parents=True)
    (out / "texts" / "r999.txt").write_text("旧", encoding="utf-8")
    refused = _export("--out", str(out), "--db", built.db)
    assert refused.exit_code == 2 and "--force" in refused.output
    forced = _export("--out", str(out), "--db", built.db, "--force")
    assert forced.exit_code == 0, forced.output
    assert not (out / "texts" / "r999.txt").exists()  # a stale text would be scanned too
    assert sorted(p.stem for p in (out / "texts").iterdir()) == sorted(_records(out))
    missing = _export("--out", str(tmp_path / "none"), "--db", f"sqlite:///{tmp_path / 'no.db'}")
    assert missing.exit_code == 2 and "no database" in missing.output


def test_retrained_model_is_scanned_and_evaluated_beside_the_committed_one(
    built: Built, tmp_path: Path
) -> None:
    model = tmp_path / "model"
    output = _run(
        "train", "attribute", "--count", "40", "--labels", str(built.out), "--out", str(model)
    )
    assert f"from {built.out}: 4" in output
    metrics = json.loads((model / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["data"]["hash"] != training_set(40, 5, ()).hash
    assert metrics["data"]["hash"] == training_set(40, 5, [built.out]).hash
    (source,) = metrics["data"]["reviewer_labelled"]
    assert (source["path"], source["documents"]) == (str(built.out), 4)
    assert str(built.out) in (model / "MODEL_CARD.md").read_text(encoding="utf-8")

    env = os.environ | {"TRIAGE_ATTRIBUTE_MODEL": str(model / "model.joblib")}
    predictions = tmp_path / "scan.jsonl"
    scan = [str(TRIAGE), "scan", str(built.out / "texts"), "--jsonl", "--out", str(predictions)]
    subprocess.run([*scan, "--workers", "2"], env=env, check=True, capture_output=True)
    report = json.loads(
        _run("eval", str(predictions), "--gold", str(built.out / "corpus.jsonl"), "--json")
    )
    assert report["documents"] == 4 and report["missing_predictions"] == []
    assert report["attribute_accuracy"] is not None

    env["TRIAGE_ATTRIBUTE_MODEL"] = str(tmp_path / "absent.joblib")
    failed = subprocess.run([*scan, "--workers", "2"], env=env, capture_output=True, text=True)
    assert failed.returncode != 0
    assert "TRIAGE_ATTRIBUTE_MODEL" in failed.stderr and "no such model file" in failed.stderr

"""同类批量审核 (issue 21, item 3): which documents are alike, what a finding's kind is,
and how a decided document's pattern transfers to the others of its group — cleanly, or
as an exception with its reason — on generated 救助公示 in a real review database."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from pipeline.config import Settings
from pipeline.scan import scan_file
from pipeline.store import batch_review
from pipeline.store.batch_review import BODY, FindingKind, GroupKey
from pipeline.store.documents import add_record
from pipeline.store.models import AuditEvent, DocumentRow, FindingRow
from pipeline.store.rights import AccessRefused, Reader
from pipeline.store.users import add_user, find_user
from pipeline.store.workflow import WorkflowError
from tests.fixtures.similar_notices import HEADER, ISSUER, notice_lines, write_notices

TABLE = (
    "标题\n序号\t姓名\t电话\n1\t张三\t13800000000\n2\t李四\t13900000000\n经办人：王五，手机：137"
)


@pytest.mark.parametrize(
    ("value", "cue"),
    [
        ("张三", "姓名"),  # a table cell: its column's header
        ("13900000000", "电话"),  # a later row of the same table
        ("王五", "经办人"),  # after a cue on its line
        ("137", "手机"),  # the last cue before it
        ("标题", BODY),  # neither
    ],
)
def test_a_value_sits_in_its_column_or_after_its_cue(value: str, cue: str) -> None:
    assert batch_review.cue_of(TABLE, TABLE.index(value)) == cue


def _row(
    lines: list[str], doc_type: str | None = "公示", issuer: str | None = ISSUER
) -> DocumentRow:
    meta = {"doc_type": doc_type, "issuer": issuer}
    return DocumentRow(text="\n".join(lines), doc_metadata=meta, status="ok", source="x.txt")


BASE = notice_lines(1)
KEY = GroupKey("公示", ISSUER, HEADER)


@pytest.mark.parametrize(
    ("document", "key"),
    [
        (_row(BASE), KEY),
        (_row(notice_lines(9)), KEY),  # other persons, other month: alike
        (_row(notice_lines(3, rows=7)), KEY),  # a longer table: alike
        (
            _row(notice_lines(4, exception="handler")),
            KEY,
        ),  # alike; its extra line is an exception later
        (
            _row(BASE, issuer="韶关市曲江区马坝镇人民政府"),
            GroupKey("公示", "韶关市曲江区马坝镇人民政府", HEADER),
        ),
        (_row(BASE, doc_type="通知"), GroupKey("通知", ISSUER, HEADER)),
        (
            _row([ln.replace("家庭住址", "银行账号") for ln in BASE]),
            GroupKey("公示", ISSUER, (*HEADER[:4], "银行账号", HEADER[5])),
        ),
        (_row([ln for ln in BASE if "\t" not in ln]), None),  # no table: nothing says it is alike
        (_row(BASE, doc_type=None), None),
        (_row(BASE, issuer=None), None),
    ],
)
def test_documents_are_grouped_by_type_issuer_and_table_header(
    document: DocumentRow, key: GroupKey | None
) -> None:
    assert batch_review.group_key(document) == key


def _reader(session: Session, name: str = "李审核") -> Reader:
    user = find_user(session, name)
    assert user is not None
    return Reader.of(user)


def _queue(factory: sessionmaker[Session], paths: list[Path]) -> list[int]:
    ids = []
    with factory() as session, session.begin():
        for path in paths:
            record = scan_file(path, Settings(), with_text=True)
            document, _new = add_record(session, dict(record), path.read_bytes())
            ids.append(document.id)
    return ids


def _decide_model(
    factory: sessionmaker[Session], model: int, by_cue: dict[str, str], split: str = ""
) -> None:
    """The reviewer's decision on the model: a verdict per column (``by_cue``: its header
    → reject or accept), the rest accepted as proposed; ``split`` names a column whose
    first finding is decided the other way."""
    with factory() as session, session.begin():
        document = session.get(DocumentRow, model)
        assert document is not None and document.suggestion is not None
        text = document.text or ""
        verdicts, flipped, added = {}, False, []
        for f in document.suggestion.findings:
            cue = batch_review.cue_of(text, f.start)
            verdict = by_cue.get(cue, "accept")
            if cue == split and not flipped:
                verdict, flipped = ("accept" if verdict == "reject" else "reject"), True
            if verdict == "modify":  # the reviewer marks a shorter span: the area code kept
                added.append({"start": f.start + 6, "end": f.end, "label": f.label})
            verdicts[str(f.id)] = verdict
        user = find_user(session, "李审核")
        assert user is not None
        batch_review.workflow.decide(
            session,
            model,
            user,
            attribute="部分公开",
            verdicts=verdicts,
            added=added,
            comment="样板",
        )


@pytest.mark.parametrize(
    ("exception", "change", "reason"),
    [
        ("", None, None),  # fits cleanly
        ("handler", None, "没有的发现：“经办人”处的公职人员姓名"),
        ("bank", None, "没有的发现：正文的个人银行账号"),
        ("secret", None, "标有密级或含可能属于国家秘密的内容，须逐件审核"),
        ("secret", None, "机器建议为不予公开，与文档"),
        ("", "low", "把握度低（30%）"),
        ("", "split", "对“姓名”处的个人姓名意见不一"),
        ("", "split-phone", "对“联系电话”处的个人电话意见不一"),
        ("", "modify-id", "对“身份证号码”处的个人身份证号意见不一或改了删除范围"),
    ],
)
def test_the_pattern_fits_alike_documents_and_flags_the_rest(
    factory: sessionmaker[Session],
    tmp_path: Path,
    exception: str,
    change: str | None,
    reason: str | None,
) -> None:
    paths = write_notices(tmp_path, 2, {2: exception} if exception else {})
    model, other = _queue(factory, paths)
    _decide_model(
        factory,
        model,
        {"姓名": "reject", **({"身份证号码": "modify"} if change == "modify-id" else {})},
        {"split": "姓名", "split-phone": "联系电话"}.get(change or "", ""),
    )
    if change == "low":
        with factory() as session, session.begin():
            document = session.get(DocumentRow, other)
            assert document is not None and document.suggestion is not None
            first = document.suggestion.findings[0].id
            session.execute(update(FindingRow).where(FindingRow.id == first).values(score=0.3))
    with factory() as session:
        plan = batch_review.plan(session, model, _reader(session))
    assert [f.document_id for f in plan.fits] == [other]
    fitted = plan.fits[0]
    if reason is None:
        assert fitted.clean, fitted.reasons
    else:
        assert any(reason in r for r in fitted.reasons), fitted.reasons
        assert not fitted.verdicts or fitted.reasons  # an exception is never applied


PRIVATE = {"身份证号码", "联系电话", "家庭住址"}  # the columns the machine proposes to remove


@pytest.mark.parametrize(
    ("by_cue", "removed"),
    [
        ({}, PRIVATE),  # the proposal as it is: names kept, the rest removed
        ({"姓名": "reject"}, PRIVATE),  # 不同意 on what was not proposed changes nothing
        ({"联系电话": "reject"}, PRIVATE - {"联系电话"}),  # phones kept, as in the model
        ({"家庭住址": "reject", "身份证号码": "reject"}, {"联系电话"}),
    ],
)
def test_applying_the_pattern_is_an_audited_decision_per_document(
    factory: sessionmaker[Session], tmp_path: Path, by_cue: dict[str, str], removed: set[str]
) -> None:
    paths = write_notices(tmp_path, 4, {4: "handler"})
    model, *others = _queue(factory, paths)
    _decide_model(factory, model, by_cue)
    with factory() as session:
        plan = batch_review.plan(session, model, _reader(session))
    assert [f.document_id for f in plan.clean] == others[:2]
    assert [f.document_id for f in plan.exceptions] == others[2:]
    with factory() as session, session.begin():
        user = find_user(session, "李审核")
        assert user is not None
        for fitted in plan.clean:
            batch_review.apply(session, model, fitted.document_id, user, fitted.version)
        with pytest.raises(WorkflowError, match="须逐件审核"):
            batch_review.apply(session, model, others[2], user, plan.exceptions[0].version)
    with factory() as session:
        for doc_id in others[:2]:
            document = session.get(DocumentRow, doc_id)
            assert document is not None and document.decision is not None
            assert document.state == "reviewed"
            assert document.decision.comment == f"按同类文档 {model} 的审核意见批量处理"
            text = document.text or ""
            cut = {text[s["start"] : s["end"]] for s in document.decision.redactions}
            for f in document.suggestion.findings if document.suggestion else []:
                cue = batch_review.cue_of(text, f.start)
                assert document.decision.verdicts[str(f.id)] == by_cue.get(cue, "accept"), cue
                assert (f.text in cut) == (cue in removed), cue
        decided = session.scalars(
            select(AuditEvent.document_id).where(AuditEvent.action == "decide")
        ).all()
        assert sorted(decided) == sorted([model, *others[:2]])
        left = session.get(DocumentRow, others[2])
        assert left is not None and left.state == "suggested"


def test_a_stale_page_or_an_undecided_model_applies_nothing(
    factory: sessionmaker[Session], tmp_path: Path
) -> None:
    model, other = _queue(factory, write_notices(tmp_path, 2))
    with factory() as session, session.begin():
        user = find_user(session, "李审核")
        assert user is not None
        with pytest.raises(WorkflowError, match="还没有待审批的审核决定"):
            batch_review.plan(session, model, _reader(session))
    _decide_model(factory, model, {})
    with factory() as session, session.begin():
        user = find_user(session, "李审核")
        assert user is not None
        with pytest.raises(WorkflowError, match="已被他人修改"):
            batch_review.apply(session, model, other, user, expected_version=99)


def test_groups_list_the_pending_documents_and_the_decided_models(
    factory: sessionmaker[Session], tmp_path: Path
) -> None:
    ids = _queue(factory, write_notices(tmp_path / "a", 3))
    with factory() as session:
        (group,) = batch_review.groups(session, _reader(session))
        assert [d.id for d in group.documents] == ids and group.models == []
        assert batch_review.pending_sizes(session, _reader(session)) == dict.fromkeys(ids, 3)
    _decide_model(factory, ids[0], {})
    with factory() as session:
        (group,) = batch_review.groups(session, _reader(session))
        assert [d.id for d in group.documents] == ids[1:]
        assert [d.id for d in group.models] == ids[:1]
        assert batch_review.pending_sizes(session, _reader(session)) == dict.fromkeys(ids[1:], 2)


@pytest.mark.parametrize(
    ("text", "layout"),
    [
        ("标题\n甲\t乙\n1\t2", ("甲", "乙")),
        ("标题\n正文", ()),
        ("正" * batch_review.LAYOUT_CHARS + "\n甲\t乙", ()),  # too far in: not the layout
        ("正" * (batch_review.LAYOUT_CHARS - 10) + "\n甲\t乙丙丁戊己庚辛壬癸子丑寅卯", ()),  # cut
        ("正" * (batch_review.LAYOUT_CHARS - 10) + "\n甲\t乙\n", ("甲", "乙")),
    ],
)
def test_the_layout_is_read_from_the_head_of_the_text(text: str, layout: tuple[str, ...]) -> None:
    assert batch_review.layout_of(text) == layout


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        (FindingKind("PERSON", "private", "姓名"), "“姓名”处的个人姓名"),
        (FindingKind("PERSON", "official", "经办人"), "“经办人”处的公职人员姓名"),
        (FindingKind("PHONE", "official", "监督电话"), "“监督电话”处的公务电话"),
        (FindingKind("BANK_CARD", "private", BODY), "正文的个人银行账号"),
        (FindingKind("SECRET_MARK", "", BODY), "正文的密级标志"),
    ],
)
def test_a_kind_is_named_in_chinese(kind: FindingKind, title: str) -> None:
    assert kind.title == title


def test_a_reviewer_not_cleared_sees_no_marked_notice_in_a_group(
    factory: sessionmaker[Session], tmp_path: Path
) -> None:
    """The batch pages list only what the viewer may open (issue 18's rights): a 密级
    notice is neither listed nor counted for a reviewer who is not 涉密人员, and a marked
    model's plan is refused to them."""
    ids = _queue(factory, write_notices(tmp_path, 4, {3: "secret"}))
    with factory() as session, session.begin():
        add_user(session, "周审核", "reviewer", "password-4", actor="test", cleared=False)
    _decide_model(factory, ids[0], {})
    with factory() as session:
        cleared, plain = _reader(session), _reader(session, "周审核")
        assert [f.document_id for f in batch_review.plan(session, ids[0], cleared).fits] == ids[1:]
        assert [f.document_id for f in batch_review.plan(session, ids[0], plain).fits] == [
            ids[1],
            ids[3],
        ]
        assert set(batch_review.pending_sizes(session, plain)) == {ids[1], ids[3]}
        (group,) = batch_review.groups(session, plain)
        assert [d.id for d in group.documents] == [ids[1], ids[3]]
        with pytest.raises(AccessRefused):
            batch_review.plan(session, ids[2], plain)

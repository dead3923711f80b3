"""依申请公开 cases: cases, consultations, linked documents, letters

Revision ID: 0005
Revises: 0003 (re-chain after 0004 at merge)
Create Date: 2026-12-04 16:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "request_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=80), nullable=False),
        sa.Column("applicant_kind", sa.String(length=16), nullable=False),
        sa.Column("applicant", sa.JSON(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("described", sa.JSON(), nullable=False),
        sa.Column("form_wanted", sa.JSON(), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("submitted", sa.String(length=16), nullable=False),
        sa.Column("received_on", sa.String(length=10), nullable=False),
        sa.Column("receipt_note", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("handler", sa.String(length=64), nullable=False),
        sa.Column("supplement_asked_on", sa.String(length=10), nullable=True),
        sa.Column("supplement_due_on", sa.String(length=10), nullable=True),
        sa.Column("supplement_items", sa.Text(), nullable=False),
        sa.Column("supplement_received_on", sa.String(length=10), nullable=True),
        sa.Column("extension_requested", sa.JSON(), nullable=True),
        sa.Column("extension_days", sa.Integer(), nullable=False),
        sa.Column("extension_reason", sa.Text(), nullable=False),
        sa.Column("extension_approved_by", sa.String(length=64), nullable=True),
        sa.Column("extension_on", sa.String(length=10), nullable=True),
        sa.Column("delay_until", sa.String(length=10), nullable=True),
        sa.Column("delay_reason", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("outcome_detail", sa.JSON(), nullable=False),
        sa.Column("replied_on", sa.String(length=10), nullable=True),
        sa.Column("replied_by", sa.String(length=64), nullable=True),
        sa.Column("closure", sa.String(length=16), nullable=True),
        sa.Column("closed_on", sa.String(length=10), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("number"),
    )
    with op.batch_alter_table("request_cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_request_cases_received_on"), ["received_on"])
        batch_op.create_index(batch_op.f("ix_request_cases_state"), ["state"])
        batch_op.create_index(batch_op.f("ix_request_cases_replied_on"), ["replied_on"])
        batch_op.create_index(batch_op.f("ix_request_cases_closed_on"), ["closed_on"])
    op.create_table(
        "request_consultations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("party", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("sent_on", sa.String(length=10), nullable=False),
        sa.Column("answered_on", sa.String(length=10), nullable=True),
        sa.Column("opinion", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["request_cases.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("request_consultations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_request_consultations_case_id"), ["case_id"])
    op.create_table(
        "request_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("index_number", sa.String(length=80), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["request_cases.id"]),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("case_id", "document_id", name="uq_request_links_doc"),
    )
    with op.batch_alter_table("request_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_request_links_case_id"), ["case_id"])
    op.create_table(
        "request_letters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["request_cases.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("request_letters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_request_letters_case_id"), ["case_id"])


def downgrade() -> None:
    for table in ("request_letters", "request_links", "request_consultations"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_case_id"))
        op.drop_table(table)
    with op.batch_alter_table("request_cases", schema=None) as batch_op:
        for column in ("closed_on", "replied_on", "state", "received_on"):
            batch_op.drop_index(batch_op.f(f"ix_request_cases_{column}"))
    op.drop_table("request_cases")

"""file versions of a document (第 N 版) and the decisions carried over from the one before

Revision ID: 0010_document_versions
Revises: 0008 (another branch adds 0009; the lead re-chains on merge)
Create Date: 2026-12-05 09:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_document_versions"
down_revision: str | None = "0009_redaction_reasons"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ALTER TABLE, no rebuild: on SQLite, rebuilding ``documents`` or ``decisions``
    # (copy, drop, rename) fails on the rows that reference them while foreign keys are on.
    op.add_column(
        "documents", sa.Column("file_version", sa.Integer(), nullable=False, server_default="1")
    )
    # Decisions made before carrying over existed carried nothing: NULL.
    op.add_column("decisions", sa.Column("carried", sa.JSON(), nullable=True))
    # Existing chains (previous_id) get their numbers: an earlier version has a smaller id.
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, previous_id FROM documents ORDER BY id")).all()
    numbers: dict[int, int] = {}
    for doc_id, previous_id in rows:
        numbers[doc_id] = numbers.get(previous_id, 0) + 1 if previous_id is not None else 1
        if numbers[doc_id] > 1:
            bind.execute(
                sa.text("UPDATE documents SET file_version = :n WHERE id = :id"),
                {"n": numbers[doc_id], "id": doc_id},
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":  # SQLite's own DROP COLUMN (3.35+), no rebuild
        op.execute("ALTER TABLE decisions DROP COLUMN carried")
        op.execute("ALTER TABLE documents DROP COLUMN file_version")
        return
    op.drop_column("decisions", "carried")
    op.drop_column("documents", "file_version")

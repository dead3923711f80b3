"""per-document rights: cleared users, restricted documents, a document's owner

Revision ID: 0006
Revises: 0007 (after main's presence table; was 0005 before main was merged in)
Create Date: 2026-12-05 07:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    # Plain ALTER TABLE, no rebuild: on SQLite, rebuilding ``documents`` (copy, drop,
    # rename) fails on the rows that reference it while foreign keys are on.
    false = sa.false()
    op.add_column("users", sa.Column("cleared", sa.Boolean(), nullable=False, server_default=false))
    op.add_column(
        "documents", sa.Column("restricted", sa.Boolean(), nullable=False, server_default=false)
    )
    if _sqlite():  # SQLite adds a column with its reference, not a constraint later
        op.execute("ALTER TABLE documents ADD COLUMN owner_id INTEGER REFERENCES users (id)")
    else:
        op.add_column("documents", sa.Column("owner_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            "fk_documents_owner_id_users", "documents", "users", ["owner_id"], ["id"]
        )
    op.create_index(op.f("ix_documents_restricted"), "documents", ["restricted"], unique=False)
    op.create_index(op.f("ix_documents_owner_id"), "documents", ["owner_id"], unique=False)
    _mark_restricted()


def _mark_restricted() -> None:
    """Documents stored before this revision are judged by the rule of
    ``pipeline.store.rights.is_restricted`` on what the database holds of them (metadata,
    the current suggestion's findings, the text), so none stays open by default."""
    from pipeline.store.rights import is_restricted

    bind = op.get_bind()
    documents = sa.table(
        "documents",
        sa.column("id", sa.Integer),
        sa.column("metadata", sa.JSON),
        sa.column("text", sa.Text),
        sa.column("status", sa.String),
        sa.column("restricted", sa.Boolean),
    )
    suggestions = sa.table(
        "suggestions", sa.column("id", sa.Integer), sa.column("document_id", sa.Integer)
    )
    findings = sa.table(
        "findings",
        sa.column("suggestion_id", sa.Integer),
        sa.column("label", sa.String),
        sa.column("text", sa.Text),
    )
    latest: dict[int, int] = {
        document_id: suggestion_id
        for document_id, suggestion_id in bind.execute(
            sa.select(suggestions.c.document_id, sa.func.max(suggestions.c.id)).group_by(
                suggestions.c.document_id
            )
        )
    }
    by_suggestion: dict[int, list[dict[str, str]]] = {}
    for suggestion_id, label, text in bind.execute(
        sa.select(findings.c.suggestion_id, findings.c.label, findings.c.text).where(
            findings.c.label.in_(("SECRET_MARK", "STATE_SECRET"))
        )
    ):
        by_suggestion.setdefault(suggestion_id, []).append({"label": label, "text": text})
    marked = [
        doc_id
        for doc_id, metadata, text, status in bind.execute(
            sa.select(documents.c.id, documents.c.metadata, documents.c.text, documents.c.status)
        )
        if status == "ok"
        and is_restricted(metadata, by_suggestion.get(latest.get(doc_id, -1), []), text)
    ]
    for start in range(0, len(marked), 500):
        bind.execute(
            documents.update()
            .where(documents.c.id.in_(marked[start : start + 500]))
            .values(restricted=True)
        )


def downgrade() -> None:
    op.drop_index(op.f("ix_documents_owner_id"), table_name="documents")
    op.drop_index(op.f("ix_documents_restricted"), table_name="documents")
    if _sqlite():  # SQLite's own DROP COLUMN (3.35+): no rebuild of the referenced table
        for table, column in (("documents", "owner_id"), ("documents", "restricted")):
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        op.execute("ALTER TABLE users DROP COLUMN cleared")
        return
    op.drop_constraint("fk_documents_owner_id_users", "documents", type_="foreignkey")
    op.drop_column("documents", "owner_id")
    op.drop_column("documents", "restricted")
    op.drop_column("users", "cleared")

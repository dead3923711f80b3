"""Alembic environment: run on the connection ``pipeline.store.db.migrate`` passes in."""

from alembic import context

import pipeline.store.request_rows  # noqa: F401  (its tables on the same metadata)
from pipeline.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()

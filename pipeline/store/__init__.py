"""The review database: documents, suggestions, findings, decisions, approvals, users and
the hash-chained audit log (SQLAlchemy 2; SQLite by default, PostgreSQL by URL)."""

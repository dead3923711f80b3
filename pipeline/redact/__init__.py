"""Redaction: which spans to black out, and (later) writing redacted copies."""

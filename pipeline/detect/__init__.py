"""Sensitive-content detection: recognizers that turn a Document's text into Findings.

A recognizer never decides disclosure; ``pipeline/decide.py`` does, from the findings
and the metadata. See ``registry.py`` for the list of recognizers and how overlapping
findings are resolved.
"""

from pipeline.detect.registry import detect

__all__ = ["detect"]

"""公开审 (gongkai-triage): disclosure triage of Chinese government draft documents.

The path of one document through the package (see ``flows.py`` once it exists):
ingest → metadata → detect → decide → redact → store → review → catalog.
"""

__version__ = "0.1.0"

"""Document-level classifiers: the disclosure attribute model and its features."""

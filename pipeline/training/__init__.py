"""Training code for the models in ``models/``: data readers, generators, training loops.

Run through the CLI (``triage train ner``, later ``triage train attribute``); never at
import time and never in CI — the trained models are committed with their model cards.
"""

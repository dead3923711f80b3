"""The app's route groups in one base class, so `app.py` names them once.

Each group (requests, clerks' pages, oversight, batches, scans, the 删除台账, versions)
is a mixin of `ReviewApp` with its own module; this module only puts them together."""

from __future__ import annotations

from pipeline.review.batch_routes import BatchRoutes
from pipeline.review.clerk_routes import ClerkRoutes
from pipeline.review.ledger_routes import LedgerRoutes
from pipeline.review.oversight_routes import OversightRoutes
from pipeline.review.request_routes import RequestRoutes
from pipeline.review.scan_routes import ScanRoutes
from pipeline.review.version_routes import VersionRoutes


class RouteGroups(
    RequestRoutes,
    ClerkRoutes,
    OversightRoutes,
    BatchRoutes,
    ScanRoutes,
    LedgerRoutes,
    VersionRoutes,
):
    """Every route group of the reviewers' app."""

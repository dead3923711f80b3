"""A wall-clock budget for reading and analysing one file inside the process doing it.

The nightly batch scans in its worker processes' main thread: there SIGALRM interrupts a
file that overruns ``Settings.file_timeout`` — in Python code, and inside a regular
expression too (the ``re`` engine checks for signals as it backtracks). :class:`FileTimeout`
derives from ``BaseException`` so that no ``except Exception`` on the way (the scan's own
guard that records bugs as ``internal_error``, a parser's) swallows it. Where no alarm can
be set (another thread, as on a Dask worker), the block runs unbounded; the supervising
process is then the only guard (:mod:`pipeline.supervise`, :mod:`pipeline.stall`).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class FileTimeout(BaseException):
    """The file overran its budget; the caller records it as ``timeout``."""


def can_interrupt() -> bool:
    """Whether :func:`time_limit` can stop a block running in this thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`FileTimeout` in the block after ``seconds`` (0: no limit)."""
    if seconds <= 0 or not can_interrupt():
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise FileTimeout(f"over the budget of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

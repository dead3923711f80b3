"""A wall-clock budget for reading and analysing one file inside the process doing it.

The nightly batch scans in its worker processes' main thread: there SIGALRM interrupts a
file that overruns ``Settings.file_timeout`` — in Python code, and inside a regular
expression too (the ``re`` engine checks for signals as it backtracks). :class:`FileTimeout`
derives from ``BaseException`` so that no ``except Exception`` on the way (the scan's own
guard that records bugs as ``internal_error``, a parser's) swallows it.

Where no alarm can be set — another thread, as on a Dask worker, whose tasks run in its
thread pool — a watchdog thread raises :class:`FileTimeout` in the scanning thread
instead (``PyThreadState_SetAsyncExc``). That exception arrives at the thread's next
Python instruction: it stops Python code (the parsers, detectors, metadata), but not one
long call into C (a regular expression, a parser in C) until that call returns; there the
supervising process is the only guard (:mod:`pipeline.supervise`, :mod:`pipeline.stall`,
on the local runner).
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class FileTimeout(BaseException):
    """The file overran its budget; the caller records it as ``timeout``."""


def can_interrupt() -> bool:
    """Whether :func:`time_limit` can stop a block running in this thread with an alarm
    (else it uses a watchdog thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`FileTimeout` in the block after ``seconds`` (0: no limit)."""
    if seconds <= 0:
        yield
        return
    if not can_interrupt():
        with _watchdog(seconds):
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


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    """Schedule ``exception`` in the thread (None withdraws one not yet raised)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exception) if exception else None
    )


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    """The budget for a block outside the main thread: a timer thread raises
    :class:`FileTimeout` in this one. The lock makes "the block has ended" and "the
    timer fires" exclusive, and a timeout scheduled but not yet raised when the block
    ends is withdrawn, so it never lands in the code after the block."""
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"inside": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["inside"]:
                state["fired"] = True
                _raise_in(target, FileTimeout)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["inside"] = False
            if state["fired"]:
                _raise_in(target, None)
        timer.cancel()

"""The nightly's last guard of the per-file budget: a worker process that stops making
progress is killed from outside.

Inside the worker, an alarm stops a file that overruns ``Settings.file_timeout``
(:mod:`pipeline.file_budget`), in Python code and in the regular-expression engine. Code
that blocks the alarm or never returns to Python (a C extension stuck in a loop) it cannot
stop. The process that handed the chunk out can: it waits for the chunk's result, and
while it waits it counts the chunk's files the database holds — each is stored as soon
as it is scanned. When none has been added for the budget plus ``STALL_GRACE`` seconds
(room for starting a process and loading models), the worker is killed, and the file it
was on — the first of the chunk not stored: files are done in order — is reported by
:class:`Stalled`, to be recorded as ``timeout`` while the rest of the chunk goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Generic, TypeVar

T = TypeVar("T")

STALL_GRACE = 60.0
POLL = 2.0


class Stalled(Exception, Generic[T]):
    """A chunk's worker made no progress for too long and was killed."""

    def __init__(self, item: T, seconds: float) -> None:
        super().__init__(f"no file stored for {seconds:.0f} s: the worker was stopped")
        self.item = item


def watch(
    future: Future[int],
    items: Sequence[T],
    stored: Callable[[], set[str]],
    key: Callable[[T], str],
    budget: float,
    executor: ProcessPoolExecutor,
) -> int:
    """``future.result()``, unless the chunk's files stop being stored (see the module)."""
    if budget <= 0:
        return future.result()
    limit = budget + STALL_GRACE
    seen = len(stored())
    since = time.monotonic()
    while True:
        try:
            return future.result(timeout=POLL)
        except TimeoutError:
            now = stored()
            if len(now) > seen:
                seen, since = len(now), time.monotonic()
            elif time.monotonic() - since > limit:
                stuck = next((item for item in items if key(item) not in now), None)
                if stuck is None:  # all stored: the result is on its way
                    continue
                for process in list((getattr(executor, "_processes", None) or {}).values()):
                    process.kill()  # the pool breaks; its other chunks are rescued
                raise Stalled(stuck, limit) from None

"""Worker processes that each run one call at a time under a wall-clock budget.

``concurrent.futures`` cannot stop a call that runs too long, nor tell which of a chunk's
files killed its process. Here every call goes to one worker over its own pipe, and the
parent waits for it with a deadline: a worker that overruns is killed (SIGKILL: a parser
stuck in C code holds the GIL and would not see an exception) and one that dies is
noticed at once; either way the call's item gets the result ``on_timeout`` or
``on_crash`` makes for it, a fresh worker takes the place of the old one, and the other
items go on. Results come back in the order of the items.

Workers are forked (they inherit what the parent has loaded and patched) and run
``initializer`` first, so a warm-up of models overlaps with the parent's own work.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def _serve(
    conn: Connection, fn: Callable[[Any], Any], initializer: Callable[[], None] | None
) -> None:
    """A worker's life: warm up, then answer one item at a time until told to stop."""
    if initializer is not None:
        initializer()
    while True:
        try:
            message = conn.recv()
        except EOFError:  # the parent is gone
            return
        if message is None:
            return
        conn.send(fn(message))


class _Worker:
    def __init__(
        self, context: Any, fn: Callable[[Any], Any], initializer: Callable[[], None] | None
    ) -> None:
        self.conn, child = context.Pipe()
        self.process: BaseProcess = context.Process(
            target=_serve, args=(child, fn, initializer), daemon=True
        )
        self.process.start()
        child.close()
        self.index: int | None = None  # the item it is working on
        self.deadline = 0.0

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.kill()
        self.conn.close()


class Supervisor(Generic[T, R]):
    """Run ``fn`` over items on ``workers`` processes, each call within ``budget`` seconds
    (0: no limit)."""

    def __init__(
        self,
        fn: Callable[[T], R],
        *,
        workers: int,
        budget: float,
        on_timeout: Callable[[T], R],
        on_crash: Callable[[T], R],
        initializer: Callable[[], None] | None = None,
    ) -> None:
        self._fn = fn
        self._budget = budget
        self._on_timeout = on_timeout
        self._on_crash = on_crash
        self._initializer = initializer
        self._context = multiprocessing.get_context("fork")
        self._idle = [self._start() for _ in range(max(1, workers))]
        self.replaced = 0  # workers killed or lost and started again

    def _start(self) -> _Worker:
        return _Worker(self._context, self._fn, self._initializer)

    def map(self, items: Iterable[T]) -> Iterator[R]:
        """One result per item, in order; the workers are stopped when it is exhausted or
        closed."""
        todo = deque(enumerate(items))
        items_by_index: dict[int, T] = {}
        results: dict[int, R] = {}
        busy: list[_Worker] = []
        following = 0
        try:
            while todo or busy:
                while todo and self._idle:
                    index, item = todo.popleft()
                    items_by_index[index] = item
                    worker = self._idle.pop()
                    worker.index = index
                    worker.deadline = time.monotonic() + self._budget if self._budget > 0 else 0.0
                    worker.conn.send(item)
                    busy.append(worker)
                for worker in self._wait(busy):
                    busy.remove(worker)
                    done = worker.index
                    assert done is not None
                    results[done] = self._collect(worker, items_by_index[done])
                while following in results:
                    yield results.pop(following)
                    del items_by_index[following]
                    following += 1
        finally:
            for worker in busy:
                worker.kill()
            for worker in self._idle:
                worker.stop()
            self._idle = []

    def _wait(self, busy: list[_Worker]) -> list[_Worker]:
        """The workers that answered, died or overran, waiting at most until the first
        deadline."""
        deadlines = [w.deadline for w in busy if w.deadline]
        timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout)
        now = time.monotonic()
        return [
            w
            for w in busy
            if w.conn in ready or w.process.sentinel in ready or (w.deadline and now >= w.deadline)
        ]

    def _collect(self, worker: _Worker, item: T) -> R:
        """The worker's answer; after a death or an overrun, the fallback and a new worker."""
        if worker.conn.poll():
            try:
                result: R = worker.conn.recv()
                self._idle.append(worker)
                return result
            except (EOFError, OSError):
                pass
        overran = bool(worker.deadline) and time.monotonic() >= worker.deadline
        worker.kill()
        self.replaced += 1
        self._idle.append(self._start())
        return self._on_timeout(item) if overran else self._on_crash(item)

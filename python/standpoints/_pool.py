"""An ordered map over a thread pool: results come back in input order, each as soon as it and
every earlier one are done, with a bounded number of inputs in flight.

The core releases the GIL while it analyses a document, so threads run in parallel. The worker
threads are daemons: a caller that stops early (Ctrl-C, ``break``) never waits for the documents
still in flight, and a caller that is interrupted while it waits gets ``KeyboardInterrupt`` at
once (a lock acquisition is interruptible on POSIX).
"""

from __future__ import annotations

import collections
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

__all__ = ["ordered_map"]


def ordered_map(fn: Callable[[T], R], items: Iterable[T], *, workers: int, size: Callable[[T], int] | None = None,
                window: int | None = None, max_bytes: int = 16 << 20) -> Iterator[R]:
    """``map(fn, items)`` on `workers` threads, lazily and in order.

    At most `window` (default ``2 * workers``) inputs are in flight (submitted, not yet yielded), and their sizes
    (by `size`) add up to at most `max_bytes` unless a single input is larger: memory stays
    bounded by a few documents whatever the input. Also with one worker `fn` runs on a thread of
    its own: the caller stays free to react to Ctrl-C while a huge document is analysed, and
    reads the next inputs (and writes the last results) meanwhile.
    """
    tasks: queue.SimpleQueue[tuple[Future, Any] | None] = queue.SimpleQueue()

    def work() -> None:
        while (task := tasks.get()) is not None:
            fut, x = task
            if not fut.set_running_or_notify_cancel():  # the caller stopped early
                continue
            try:
                fut.set_result(fn(x))
            except BaseException as e:  # handed to the caller, raised there
                fut.set_exception(e)

    threads = [threading.Thread(target=work, name=f"standpoints-{i}", daemon=True) for i in range(max(1, workers))]
    for t in threads:
        t.start()
    pending: collections.deque[tuple[Future, int]] = collections.deque()
    in_flight = 0
    window = max(1, window or 2 * max(1, workers))
    try:
        for x in items:
            n = size(x) if size is not None else 0
            while pending and (len(pending) >= window or in_flight + n > max_bytes):
                fut, m = pending.popleft()
                in_flight -= m
                yield fut.result()
            fut = Future()
            tasks.put((fut, x))
            pending.append((fut, n))
            in_flight += n
        while pending:
            fut, _ = pending.popleft()
            yield fut.result()
    finally:
        for fut, _ in pending:
            fut.cancel()
        for _ in threads:
            tasks.put(None)

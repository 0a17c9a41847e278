"""An ordered map over a thread pool: results come back in input order, each as soon as it and
every earlier one are done, with a bounded number of inputs in flight.

The core releases the GIL while it analyses a document, so the worker threads run in parallel.
The inputs are read on a thread of their own, so that a result is handed out while the next input
is still being read (a JSON Lines stream on standard input: the record of line 1 comes out before
line 2 arrives). A caller that stops early (Ctrl-C, ``break``) never waits for the documents in
flight, and a caller interrupted while it waits gets ``KeyboardInterrupt`` at once; only the
interpreter's exit waits for a document still being analysed (see _Workers).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

__all__ = ["ordered_map"]


class _Workers:
    """The worker threads of one running map. At interpreter exit (before it finalizes) the
    workers of maps still running are stopped and awaited: a thread must not come back from the
    core into an interpreter being torn down (that aborts the process), so a document in flight
    is finished first, and the inputs not started are dropped."""

    def __init__(self, tasks: queue.SimpleQueue, threads: list[threading.Thread]):
        self.tasks, self.threads = tasks, threads
        self.stopping = threading.Event()

    def stop(self, wait: bool) -> None:
        self.stopping.set()
        for _ in self.threads:
            self.tasks.put(None)
        if wait:
            for t in self.threads:
                t.join()


_running: set[_Workers] = set()
_running_lock = threading.Lock()


def _stop_all_at_exit() -> None:
    with _running_lock:
        running = list(_running)
    for w in running:
        w.stop(wait=True)


# Runs when the interpreter starts to exit, before it finalizes (as concurrent.futures does).
threading._register_atexit(_stop_all_at_exit)  # type: ignore[attr-defined]


class _Failed:
    """An exception of the input iterator, handed to the caller in its place in the order."""

    __slots__ = ("error",)

    def __init__(self, error: BaseException):
        self.error = error


def ordered_map(fn: Callable[[T], R], items: Iterable[T], *, workers: int, size: Callable[[T], int] | None = None,
                window: int | None = None, max_bytes: int = 16 << 20) -> Iterator[R]:
    """``map(fn, items)`` on `workers` threads, lazily and in order.

    At most `window` (default ``2 * workers``) inputs are in flight (read, not yet handed out),
    and their sizes (by `size`) add up to at most `max_bytes` unless a single input is larger:
    memory stays bounded by a few documents whatever the input. Also with one worker `fn` runs on
    a thread of its own, so the caller stays free to react to Ctrl-C while a huge document is
    analysed. `items` is iterated on a feeder thread.
    """
    n_workers = max(1, workers)
    window = max(1, window or 2 * n_workers)
    tasks: queue.SimpleQueue[tuple[Future, Any] | None] = queue.SimpleQueue()
    order: queue.SimpleQueue[tuple[Future | _Failed, int] | None] = queue.SimpleQueue()
    room = threading.Condition()
    state = {"count": 0, "bytes": 0, "stop": False}

    def work() -> None:
        while (task := tasks.get()) is not None:
            fut, x = task
            if workers_.stopping.is_set() or not fut.set_running_or_notify_cancel():  # stopped early
                continue
            try:
                fut.set_result(fn(x))
            except BaseException as e:  # handed to the caller, raised there
                fut.set_exception(e)

    def feed() -> None:
        try:
            for x in items:
                n = size(x) if size is not None else 0
                with room:
                    while not state["stop"] and state["count"] and (
                            state["count"] >= window or state["bytes"] + n > max_bytes):
                        room.wait()
                    if state["stop"]:
                        return
                    state["count"] += 1
                    state["bytes"] += n
                fut: Future = Future()
                tasks.put((fut, x))
                order.put((fut, n))
        except BaseException as e:
            order.put((_Failed(e), 0))
        finally:
            order.put(None)

    threads = [threading.Thread(target=work, name=f"standpoints-{i}", daemon=True) for i in range(n_workers)]
    workers_ = _Workers(tasks, threads)
    with _running_lock:
        for done in [w for w in _running if not any(t.is_alive() for t in w.threads)]:
            _running.discard(done)
        _running.add(workers_)
    for t in threads:
        t.start()
    # The feeder only reads inputs (Python code, never the core): it may be left blocked on a read.
    threading.Thread(target=feed, name="standpoints-feed", daemon=True).start()
    try:
        while (entry := order.get()) is not None:
            fut, n = entry
            if isinstance(fut, _Failed):
                raise fut.error
            result = fut.result()
            with room:
                state["count"] -= 1
                state["bytes"] -= n
                room.notify()
            yield result
    finally:
        with room:
            state["stop"] = True
            room.notify_all()
        while True:  # cancel what was read but not started
            try:
                entry = order.get_nowait()
            except queue.Empty:
                break
            if entry is not None and isinstance(entry[0], Future):
                entry[0].cancel()
        workers_.stop(wait=False)  # stays in _running until its threads are gone: the exit waits for them

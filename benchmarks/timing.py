"""Timing shared by the benchmarks: the best of a few runs, each optionally after a set-up left out of it."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(repeat: int, action: Callable[[], object], setup: Callable[[], object] = lambda: None) -> float:
    """The shortest of `repeat` timed runs of `action`, in seconds; `setup` runs before each, untimed."""
    times = []
    for _ in range(repeat):
        setup()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)

"""Timing a build's stages (wall, CPU, peak memory); the garbage collector paused."""

from __future__ import annotations

import gc
import os
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager


class Stopwatch:
    """Wall seconds, CPU seconds (with child processes) and peak memory per stage."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self.peak_mib: dict[str, float] = {}
        self._clock = time.perf_counter()
        self._cpu = self._cpu_now()

    @staticmethod
    def _cpu_now() -> float:
        times = os.times()
        return times.user + times.system + times.children_user + times.children_system

    def lap(self, stage: str) -> None:
        now, cpu = time.perf_counter(), self._cpu_now()
        self.seconds[stage] = now - self._clock
        self.cpu[stage] = cpu - self._cpu
        self.peak_mib[stage] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self._clock, self._cpu = now, cpu


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection during a build. A build makes many objects that all
    stay alive (sources, cache, plan), and Python would scan the whole, growing heap
    again and again: a third of a rebuild's time. The pipeline and the default theme's
    rendering make no reference cycles (2,000 rendered pages leave none to collect)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

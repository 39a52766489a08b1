"""Timing, percentiles and the one result row every figure reports."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Result:
    """One line of the table: a figure for one user beside its raw-SQL lower bound."""

    figure: str
    user: str
    measured: str
    lower_bound: str
    goal: str
    passed: bool


def timed(call: Callable[[], Any]) -> float:
    """Seconds one call takes."""
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def percentile(samples: Sequence[float], p: float) -> float:
    """The nearest-rank percentile (p in 0..100): a p99 of 50 samples is their maximum."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.0f} s"


def p50_p99(samples: Sequence[float]) -> str:
    return f"p50 {ms(percentile(samples, 50))} / p99 {ms(percentile(samples, 99))}"


def mib(size: int) -> str:
    return f"{size / 2**20:.0f} MiB"

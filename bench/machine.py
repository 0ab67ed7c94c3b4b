"""One description of the machine a benchmark ran on, shared by every script in ``bench/``."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def describe() -> str:
    """CPU, cores, the CPUs this process may use (taskset), OS and Python."""
    usable = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    pinned = f", run pinned to CPU(s) {usable}" if len(usable) < (os.cpu_count() or 0) else ""
    return (f"{cpu_model()}, {os.cpu_count()} cores{pinned}; {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}")

"""The machine a benchmark ran on, and how busy it was with other work meanwhile."""
from __future__ import annotations

import os
import platform
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path


def _first(path: str, prefix: str, sep: str = ":") -> str:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(prefix) and sep in line:
                return line.split(sep, 1)[1].strip()
    except OSError:
        pass
    return "?"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _dutch_pipeline() -> str:
    try:
        from bot.nlp import pipeline_info
    except ImportError:
        return "?"
    info = pipeline_info()
    if info is None:
        return "not built"
    kind = "statistical" if info.statistical else "embedded"
    return f"{kind} ({info.name} {info.version})"


@dataclass(frozen=True)
class Machine:
    cpu: str
    cores: int
    ram_gb: float
    os: str
    python: str
    rasa: str
    dutch_pipeline: str

    def describe(self) -> str:
        return (f"{self.cpu}, {self.cores} cores, {self.ram_gb:.0f} GB RAM, {self.os}, "
                f"Python {self.python}, Rasa {self.rasa}, Dutch pipeline {self.dutch_pipeline}")


def describe_machine() -> Machine:
    mem_kb = _first("/proc/meminfo", "MemTotal").split()[0]
    return Machine(
        cpu=_first("/proc/cpuinfo", "model name"),
        cores=os.cpu_count() or 1,
        ram_gb=int(mem_kb) / 1024 / 1024 if mem_kb.isdigit() else 0.0,
        os=_first("/etc/os-release", "PRETTY_NAME", "=").strip('"') or platform.platform(),
        python=platform.python_version(),
        rasa=_version("rasa"),
        dutch_pipeline=_dutch_pipeline(),
    )


def _busy_cpu_seconds() -> float:
    """CPU seconds all processes of the machine spent working since boot (/proc/stat)."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _own_cpu_seconds() -> float:
    """CPU seconds of this process and of its children that have been waited for."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


@dataclass
class Busyness:
    load_start: float
    load_end: float
    other_cores: float  # average cores used by processes outside this benchmark
    wall_s: float

    def note(self, cores: int) -> str:
        text = (f"1-minute load average {self.load_start:.2f} at the start and "
                f"{self.load_end:.2f} at the end; other processes (not this benchmark) used on "
                f"average {self.other_cores:.2f} of {cores} cores during the run.")
        if self.other_cores >= 0.25 or self.load_start >= 0.5 * cores:
            text += " The machine was busy with other work, so these numbers are noisy."
        return text


class BusyMonitor:
    """Load average at start and end, and the CPU share other processes took in between.

    Our own share is this process plus all its children, which the benchmark always waits
    for; everything else the kernel counted as busy is other work on the machine.
    """

    def __init__(self) -> None:
        self.load_start = os.getloadavg()[0]
        self._t0 = time.monotonic()
        self._busy0, self._own0 = _busy_cpu_seconds(), _own_cpu_seconds()

    def finish(self) -> Busyness:
        wall = time.monotonic() - self._t0
        busy = _busy_cpu_seconds() - self._busy0
        own = _own_cpu_seconds() - self._own0
        return Busyness(self.load_start, os.getloadavg()[0], max(0.0, busy - own) / max(wall, 1e-9),
                        wall)

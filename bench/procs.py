"""Processes under /proc: a process tree, its resident memory, and its peak while it runs."""
from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path


def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    return children


def descendants(pid: int) -> list[int]:
    children = _children()
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _status_mb(pid: int, field: str) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0  # gone, or a kernel thread


def rss_mb(pid: int) -> float:
    return _status_mb(pid, "VmRSS:")


def peak_rss_mb(pid: int) -> float:
    """The kernel's high-water mark of one process's RSS (VmHWM)."""
    return _status_mb(pid, "VmHWM:")


def tree_rss_mb(pid: int) -> float:
    return sum(rss_mb(p) for p in [pid, *descendants(pid)])


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ").strip()
    except OSError:
        return ""


class PeakSampler:
    """Samples the summed RSS of a process tree in a thread until stopped.

    The peak is the larger of the highest sampled sum and the highest VmHWM of any single
    process seen, so a short spike of the main process between samples is not missed. The
    tree is re-read once a second, the RSS of its processes every interval.
    """

    def __init__(self, pid: int, interval_s: float = 0.1):
        self.pid, self.interval_s = pid, interval_s
        self.peak_sum_mb = 0.0
        self.peak_single_mb = 0.0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        pids: list[int] = []
        while not self._stop.is_set():
            if self.samples % 10 == 0:  # walking /proc costs ~15 ms: refresh the tree each 1 s
                pids = [self.pid, *descendants(self.pid)]
            self.peak_sum_mb = max(self.peak_sum_mb, sum(rss_mb(p) for p in pids))
            self.peak_single_mb = max([self.peak_single_mb, *(peak_rss_mb(p) for p in pids)])
            self.samples += 1
            self._stop.wait(self.interval_s)

    def __enter__(self) -> "PeakSampler":
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_mb(self) -> float:
        return max(self.peak_sum_mb, self.peak_single_mb)


@dataclass
class Measured:
    seconds: float
    peak_mb: float
    returncode: int
    log_path: Path

    def log_tail(self, chars: int = 3000) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]


def run_measured(command: list[str], cwd: Path, env: dict[str, str], log_path: Path,
                 timeout_s: float = 3600) -> Measured:
    """Run a command to its end; wall time and peak RSS of its process tree."""
    with log_path.open("w") as log:
        start = time.monotonic()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        with PeakSampler(process.pid) as sampler:
            try:
                returncode = process.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                returncode = process.wait()
        seconds = time.monotonic() - start
    return Measured(seconds, sampler.peak_mb, returncode, log_path)

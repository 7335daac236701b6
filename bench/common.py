"""Shared helpers for the benchmarks: paths, process timing, memory, statistics.

Nothing here imports Qt, so the orchestrator (bench/run.py) stays light and every figure
that needs Qt runs it in a fresh child process.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CONTENT = REPO / "content"
ASSETS = REPO / "assets"
PYTHON = sys.executable
CACHE = Path(os.environ.get("LOOSSTORY_BENCH_CACHE", Path.home() / ".cache" / "loosstory-bench"))

# The page used for the snapshot comparison (one figure, ordinary text).
SNAPSHOT_PAGE = "energie/eglise-solaire"


def child_env(**extra: str) -> dict[str, str]:
    """Environment for a child process: offscreen Qt, the repository importable."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The repository last: a PYTHONPATH given by the caller (a patched copy) wins.
    env["PYTHONPATH"] = (env["PYTHONPATH"] + os.pathsep if env.get("PYTHONPATH") else "") + str(REPO)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    # The app's cache of parsed files (story/parsecache.py): the bench's own, not the user's.
    env.setdefault("LOOSSTORY_CACHE_DIR", str(CACHE / "app-cache"))
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    env.update(extra)
    return env


# -- statistics -------------------------------------------------------------------------------
def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); p99 of fewer than 100 values is the maximum."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))
    return ordered[rank - 1]


# -- /proc ------------------------------------------------------------------------------------
def proc_status(pid: int | str = "self") -> dict[str, int]:
    """VmRSS, VmHWM… of a process, in kB (empty when it is gone)."""
    out: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("Vm") or line.startswith("Rss"):
                    key, _, rest = line.partition(":")
                    parts = rest.split()
                    if parts and parts[0].isdigit():
                        out[key] = int(parts[0])
    except OSError:
        pass
    return out


def rss_mb(pid: int | str = "self") -> float:
    return proc_status(pid).get("VmRSS", 0) / 1024


def hwm_mb(pid: int | str = "self") -> float:
    return proc_status(pid).get("VmHWM", 0) / 1024


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def process_tree(root: int) -> list[int]:
    kids = _children_map()
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(kids.get(pid, []))
    return found


@dataclass
class TreeMemory:
    """Peak memory of a process and all its descendants, sampled while it runs."""

    peak_pss_mb: float = 0.0  # max over samples of the sum of PSS (shared pages split)
    peak_rss_mb: float = 0.0  # max over samples of the sum of RSS (shared pages counted twice)
    sum_hwm_mb: float = 0.0  # sum of each process's own peak (upper bound)
    processes: int = 0
    samples: int = 0
    _hwm: dict[int, int] = field(default_factory=dict)


class TreeSampler(threading.Thread):
    def __init__(self, pid: int, interval: float = 0.01) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.result = TreeMemory()
        self._halt = threading.Event()

    def run(self) -> None:
        r = self.result
        while not self._halt.is_set():
            pids = process_tree(self.pid)
            pss = rss = 0
            for pid in pids:
                status = proc_status(pid)
                if not status:
                    continue
                rss += status.get("VmRSS", 0)
                r._hwm[pid] = max(r._hwm.get(pid, 0), status.get("VmHWM", 0))
                pss += _pss_kb(pid)
            r.samples += 1
            r.peak_pss_mb = max(r.peak_pss_mb, pss / 1024)
            r.peak_rss_mb = max(r.peak_rss_mb, rss / 1024)
            self._halt.wait(self.interval)
        r.sum_hwm_mb = sum(r._hwm.values()) / 1024
        r.processes = len(r._hwm)

    def stop(self) -> TreeMemory:
        self._halt.set()
        self.join()
        return self.result


@dataclass
class ProcessRun:
    wall_s: float  # spawn to exit
    returncode: int
    maxrss_mb: float  # ru_maxrss of the child (its own peak, or its largest descendant's)
    stdout: str
    stderr: str
    tree: TreeMemory | None = None
    marks: dict[str, float] = field(default_factory=dict)  # "MARK name t" lines, relative to spawn


def run_process(
    argv: list[str],
    *,
    env: dict[str, str] | None = None,
    sample_tree: bool = False,
    timeout: float = 120.0,
    cwd: Path | None = None,
) -> ProcessRun:
    """Run ``argv``; wall time from just before spawn to exit, peak memory from wait4.

    A child may print ``MARK <name> <time.perf_counter()>`` lines; perf_counter is
    CLOCK_MONOTONIC on Linux, shared by all processes, so marks are turned into seconds
    since the spawn.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        env=env or child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
    )
    sampler = TreeSampler(proc.pid) if sample_tree else None
    if sampler:
        sampler.start()
    out_chunks: list[str] = []
    err_chunks: list[str] = []

    def drain(stream, sink):
        for chunk in iter(lambda: stream.read(65536), ""):
            sink.append(chunk)

    threads = [
        threading.Thread(target=drain, args=(proc.stdout, out_chunks), daemon=True),
        threading.Thread(target=drain, args=(proc.stderr, err_chunks), daemon=True),
    ]
    for t in threads:
        t.start()
    deadline = start + timeout
    status = None
    rusage = None
    while True:
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            for child in reversed(process_tree(proc.pid)):
                try:
                    os.kill(child, 9)
                except OSError:
                    pass
            pid, status, rusage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.001)
    end = time.perf_counter()
    proc.returncode = os.waitstatus_to_exitcode(status)
    tree = sampler.stop() if sampler else None
    for t in threads:
        t.join(timeout=5)
    stdout, stderr = "".join(out_chunks), "".join(err_chunks)
    marks: dict[str, float] = {}
    for line in stdout.splitlines():
        if line.startswith("MARK "):
            _, name, value = line.split()
            marks.setdefault(name, float(value) - start)
    return ProcessRun(end - start, proc.returncode, rusage.ru_maxrss / 1024, stdout, stderr, tree, marks)


def json_result(stdout: str) -> dict:
    """The last ``JSON {...}`` line a child printed."""
    for line in reversed(stdout.splitlines()):
        if line.startswith("JSON "):
            return json.loads(line[5:])
    raise RuntimeError("no JSON line in the child's output:\n" + stdout[-2000:])

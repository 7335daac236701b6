"""Runs hostile packs in a child process that watches itself (tests/hostile/test_hostile.py).

    python -m tests.hostile.runner MODE MEMORY_MB JSON_JOBS

MODE is ``check`` (``loosstory check``, the loader and the pack cache) or ``snapshot``
(``loosstory snapshot`` of a page). The address space is capped at MEMORY_MB with
``resource.RLIMIT_AS``; everything is imported first, then an audit hook
(``sys.addaudithook``) records every ``open``, ``os.scandir`` and ``os.listdir`` whose real
path is neither in the pack being run nor in the program's own folders. Prints one JSON
object: per job, the exit code, the output, the seconds taken, the paths reached outside,
and for snapshots how many runs of pure red (the bait picture) the PNG holds.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(mode: str, memory_mb: int, jobs: list[dict]) -> dict:
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from loosstory import cli  # noqa: F401 - imported before the hook: imports read files
    from loosstory.story import (  # noqa: F401
        checker,
        imagecheck,
        loader,
        packcache,
        pages,
        schematic,
        timeline,
        yamlsource,
    )
    from loosstory.story.packcache import load_story_cached

    if mode == "snapshot":
        from PySide6.QtGui import QImage
        from PySide6.QtWidgets import QApplication

        from loosstory.ui import reader, snapshot  # noqa: F401

        QApplication([sys.argv[0]])
    imagecheck.svg_problem(b"<svg/>")  # expat imported
    allowed = [os.path.realpath(p) for p in {sys.prefix, sys.base_prefix, str(ROOT / "loosstory"),
                                             os.environ.get("LOOSSTORY_CACHE_DIR", "/nonexistent")}]
    if mode == "snapshot":  # Qt's and fontconfig's own files (read by C++ anyway)
        allowed += ["/usr/", "/etc/fonts", "/var/cache/fontconfig", "/proc/", "/sys/",
                    "/dev/null", "/dev/urandom", "/dev/shm",
                    os.path.realpath(os.environ.get("XDG_RUNTIME_DIR", "/tmp/runtime-"))]
    state = {"pack": "", "outside": [], "busy": False}

    def hook(event: str, args: tuple) -> None:
        if event not in ("open", "os.scandir", "os.listdir") or state["busy"] or not state["pack"]:
            return
        path = args[0] if args else None
        if not isinstance(path, (str, bytes, os.PathLike)):
            return
        state["busy"] = True
        try:
            real = os.path.realpath(os.fsdecode(path))
            inside = real == state["pack"] or real.startswith(state["pack"] + os.sep)
            if not inside and not any(real == a or real.startswith(a.rstrip("/") + "/")
                                      for a in allowed):
                state["outside"].append(f"{event} {real}")
        finally:
            state["busy"] = False

    sys.addaudithook(hook)
    results = {}
    for job in jobs:
        pack = job["pack"]
        state["pack"], state["outside"] = os.path.realpath(pack), []
        start = time.perf_counter()
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
                if job.get("canary"):  # proves the watch works: this one must be seen
                    with open(job["canary"], "rb"):
                        pass
                if mode == "check":
                    code = cli.main(["check", pack])
                    loaded = loader.load_story(pack)
                    cached = load_story_cached(pack)
                    print(f"loaded {len(loaded.problems)} {len(cached.problems)}")
                else:
                    code = snapshot.snapshot(Path(pack), job["page"], (1024, 768),
                                             Path(job["output"]))
        except BaseException as error:  # noqa: BLE001 - reported to the test
            code = f"{type(error).__name__}: {error}"
        seconds = time.perf_counter() - start
        state["pack"] = ""
        red = -1
        if mode == "snapshot" and os.path.exists(job["output"]):
            image = QImage(job["output"]).convertToFormat(QImage.Format.Format_RGB888)
            data = bytes(image.constBits())
            red = data.count(b"\xff\x00\x00" * 8)
        results[job["name"]] = {"code": code, "output": out.getvalue()[-4000:],
                                "seconds": seconds, "outside": state["outside"][:20],
                                "red": red}
    results["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return results


if __name__ == "__main__":
    result = main(sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3]))
    sys.stdout.write("\n" + json.dumps(result) + "\n")
    sys.stdout.flush()
    os._exit(0)

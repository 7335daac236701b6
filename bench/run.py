"""loosstory benchmarks: start-up, snapshots, page turns, photographs, a kiosk day, checking.

    python bench/run.py                 # everything (~17 min on 2 cores; figure 5 alone ~14)
    python bench/run.py --quick         # a short run (~3 min)
    python bench/run.py startup         # one figure: startup snapshot pageturn memory kiosk check
    python bench/run.py --python /other/venv/bin/python pageturn    # children on another Python

Prints one table per figure, a summary table, and one line per figure
``RESULT <name> <value> <unit> goal <goal>``. Writes bench/results/latest.{json,md}.
Every measured program runs as a fresh child process (offscreen Qt); see bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    BENCH,
    CACHE,
    CONTENT,
    REPO,
    SNAPSHOT_PAGE,
    child_env,
    json_result,
    median,
    percentile,
    run_process,
)

FIGURES = ("startup", "snapshot", "pageturn", "memory", "kiosk", "check")
RESULTS: list[tuple[str, float, str, str, bool | None]] = []  # name, value, unit, goal, met
DETAILS: dict[str, object] = {}
PY = sys.executable


def say(text: str = "") -> None:
    print(text, flush=True)


def table(title: str, header: list[str], rows: list[list[object]]) -> None:
    cells = [[str(c) for c in header]] + [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    say(f"\n## {title}")
    for index, row in enumerate(cells):
        say("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
        if index == 0:
            say("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def _fmt(value: object) -> str:
    if isinstance(value, float) and value != value:
        return "—"
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"
    return str(value)


def result(name: str, value: float, unit: str, goal: str, met: bool | None) -> None:
    RESULTS.append((name, value, unit, goal, met))


# -- 1. start-up ----------------------------------------------------------------------------
def app_cache_env(warm_with: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """(environment with the app's cache of parsed files, as on every start after the
    first; environment with it off, as on the first start after a change of the pack).

    The cache is the bench's own folder, emptied, then filled by one untimed run of
    ``warm_with``."""
    folder = CACHE / "app-cache"
    shutil.rmtree(folder, ignore_errors=True)
    warm = child_env(LOOSSTORY_CACHE_DIR=str(folder))
    subprocess.run(warm_with, env=warm, capture_output=True, timeout=120)
    return warm, child_env(LOOSSTORY_CACHE_DIR="off")


def bench_startup(runs: int) -> None:
    warm, cold = app_cache_env([PY, str(BENCH / "app_start.py"), str(CONTENT)])
    floor, app, image, app_cold, pairs, pairs_cold = [], [], [], [], [], []
    for _ in range(runs):  # interleaved: floor, app, app without its cache, floor, app…
        f = run_process([PY, str(BENCH / "floor_start.py")])
        a = run_process([PY, str(BENCH / "app_start.py"), str(CONTENT)], env=warm)
        c = run_process([PY, str(BENCH / "app_start.py"), str(CONTENT)], env=cold)
        if any("first_paint" not in r.marks for r in (f, a, c)):
            raise RuntimeError(f"start-up run failed:\n{f.stderr[-800:]}\n{a.stderr[-800:]}"
                               f"\n{c.stderr[-800:]}")
        floor.append(f.marks["first_paint"])
        app.append(a.marks["first_paint"])
        image.append(a.marks.get("cover_image", float("nan")))
        app_cold.append(c.marks["first_paint"])
        pairs.append(a.marks["first_paint"] / f.marks["first_paint"])
        pairs_cold.append(c.marks["first_paint"] / f.marks["first_paint"])
    ratio, ratio_cold = median(pairs), median(pairs_cold)
    table(f"1. Cold start to first painted frame ({runs} interleaved runs each, whole process)",
          ["program", "median ms", "min ms", "max ms", "median ratio"],
          [["floor: bare QApplication + one window", 1000 * median(floor), 1000 * min(floor), 1000 * max(floor), ""],
           ["loosstory: cover, first frame", 1000 * median(app), 1000 * min(app), 1000 * max(app), ratio],
           ["loosstory: cover with its image drawn", 1000 * median(image), 1000 * min(image), 1000 * max(image), ""],
           ["loosstory, cache off (first start after a change)", 1000 * median(app_cold),
            1000 * min(app_cold), 1000 * max(app_cold), ratio_cold]])
    DETAILS["startup"] = {"floor_s": floor, "app_s": app, "cover_image_s": image, "ratios": pairs,
                          "app_cache_off_s": app_cold, "ratios_cache_off": pairs_cold}
    result("startup_ratio_vs_floor", ratio, "x", "1.5", ratio <= 1.5)
    result("startup_ratio_vs_floor_cache_off", ratio_cold, "x", "report", None)


# -- 2. snapshot ----------------------------------------------------------------------------
def chromium_binary() -> str | None:
    for candidate in ("/usr/lib/chromium/chromium", shutil.which("chromium") or ""):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def chromium_version() -> str:
    binary = chromium_binary()
    if not binary:
        return "not installed"
    try:
        return subprocess.run([binary, "--version"], capture_output=True, text=True,
                              timeout=20).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"


def bench_snapshot(runs: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="loosstory-bench-"))
    html = work / "page.html"
    subprocess.run([PY, str(BENCH / "html_export.py"), "--page", SNAPSHOT_PAGE, str(html)],
                   env=child_env(), check=True, capture_output=True)
    chromium = chromium_binary()
    snap = [PY, "-m", "loosstory", "snapshot", "--page", SNAPSHOT_PAGE, "--size", "1920x1080"]
    warm, cold = app_cache_env(snap + ["-o", str(work / "warm-up.png")])
    names = ("floor", "loosstory", "loosstory, cache off", "chromium")
    rows: dict[str, list[float]] = {name: [] for name in names}
    mem: dict[str, list[float]] = {name: [] for name in names}
    mem_pss: dict[str, list[float]] = {name: [] for name in names}
    envs = {"loosstory": warm, "loosstory, cache off": cold}
    for index in range(runs):
        runs_now = [
            ("floor", [PY, str(BENCH / "floor_snapshot.py"), str(work / "floor.png"), "1920x1080"]),
            ("loosstory", snap + ["-o", str(work / "loosstory.png")]),
            ("loosstory, cache off", snap + ["-o", str(work / "loosstory-cache-off.png")]),
        ]
        if chromium:
            profile = work / f"profile-{index}"
            runs_now.append(("chromium", [
                chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", f"--user-data-dir={profile}", "--hide-scrollbars",
                "--window-size=1920,1080", f"--screenshot={work / 'chromium.png'}", html.as_uri()]))
        for name, argv in runs_now:
            r = run_process(argv, env=envs.get(name), sample_tree=True, timeout=120)
            if r.returncode != 0:
                raise RuntimeError(f"{name} snapshot failed ({r.returncode}):\n{r.stderr[-1500:]}")
            rows[name].append(r.wall_s)
            tree = r.tree
            # Peak memory: one process -> its own peak (wait4 ru_maxrss, exact); a tree of
            # processes (Chromium) -> the largest simultaneous sum of PSS over the tree.
            mem[name].append(r.maxrss_mb if tree.processes <= 1 else tree.peak_pss_mb)
            mem_pss[name].append(tree.peak_pss_mb)
            DETAILS.setdefault("snapshot_trees", {}).setdefault(name, []).append(
                {"wall_s": r.wall_s, "maxrss_mb": r.maxrss_mb, "peak_pss_mb": tree.peak_pss_mb,
                 "peak_rss_sum_mb": tree.peak_rss_mb, "sum_hwm_mb": tree.sum_hwm_mb,
                 "processes": tree.processes, "samples": tree.samples})
    ratio_floor = median([a / b for a, b in zip(rows["loosstory"], rows["floor"], strict=True)])
    table_rows = [[name, 1000 * median(rows[name]), median(mem[name]), median(mem_pss[name])]
                  for name in rows if rows[name]]
    table(f"2. Snapshot of {SNAPSHOT_PAGE} to PNG at 1920x1080 ({runs} interleaved runs, whole process)",
          ["program", "median ms", "peak memory MB", "peak PSS (sampled) MB"], table_rows)
    say("peak memory: one process = its own peak RSS (wait4); Chromium = max over time of the "
        "summed PSS of all its processes (sampled every 10 ms)")
    ratio_cold = median([a / b for a, b in zip(rows["loosstory, cache off"], rows["floor"],
                                               strict=True)])
    say("loosstory = every snapshot after the first of a pack (the loaded pack is kept); "
        "cache off = the first one after a change of the pack")
    result("snapshot_time_vs_floor", ratio_floor, "x", "1.5", ratio_floor <= 1.5)
    result("snapshot_time_vs_floor_cache_off", ratio_cold, "x", "report", None)
    if rows["chromium"]:
        t = median([a / b for a, b in zip(rows["loosstory"], rows["chromium"], strict=True)])
        m = median(mem["loosstory"]) / median(mem["chromium"])
        result("snapshot_time_vs_chromium", t, "x", "0.6", t <= 0.6)
        result("snapshot_memory_vs_chromium", m, "x", "0.6", m <= 0.6)
    DETAILS["snapshot"] = {"wall_s": rows, "peak_mb": mem, "png_dir": str(work)}


# -- 3 & 4. page turns and memory --------------------------------------------------------------
def pageturn_run(content: Path, mode: str, limit: int = 0) -> dict:
    argv = [PY, str(BENCH / "pageturn.py"), "--content", str(content), "--mode", mode]
    if limit:
        argv += ["--limit", str(limit)]
    r = run_process(argv, timeout=900)
    if r.returncode != 0:
        raise RuntimeError(f"pageturn {mode} failed ({r.returncode}):\n{r.stderr[-2000:]}")
    return json_result(r.stdout)


def photo_pack() -> Path:
    r = subprocess.run([PY, str(BENCH / "gen_pack.py"), "photos"], env=child_env(),
                       capture_output=True, text=True, check=True)
    return Path(r.stdout.strip().splitlines()[-1])


def chapters_pack() -> Path:
    r = subprocess.run([PY, str(BENCH / "gen_pack.py"), "chapters200"], env=child_env(),
                       capture_output=True, text=True, check=True)
    return Path(r.stdout.strip().splitlines()[-1])


def _turn_stats(data: dict) -> dict:
    turns = data["turns"]
    ms = [t["ms"] for t in turns]
    ready = [t["ms"] for t in turns if t["hit"] is not False]
    slow = sorted(turns, key=lambda t: -t["ms"])[:3]
    return {
        "turns": len(ms), "median": median(ms), "p99": percentile(ms, 99),
        "hits": sum(1 for t in turns if t["hit"]), "misses": sum(1 for t in turns if t["hit"] is False),
        "p99_ready": percentile(ready, 99),
        "stall": max(t["stall_ms"] for t in turns),
        "slowest": ", ".join(f"{t['ref']} {t['ms']:.0f}ms" for t in slow),
    }


def bench_pageturn(quick: bool, want_memory: bool, want_turns: bool = True) -> None:
    photos = photo_pack()
    limit = 30 if quick else 0
    runs = {}
    if want_turns:
        runs[("bundled", "prefetched")] = pageturn_run(CONTENT, "prefetched")
        runs[("bundled", "cold")] = pageturn_run(CONTENT, "cold")
    runs[("photos", "prefetched")] = pageturn_run(photos, "prefetched", limit)
    if want_turns:
        runs[("photos", "cold")] = pageturn_run(photos, "cold", limit)
    DETAILS["pageturn"] = {f"{k[0]}-{k[1]}": v for k, v in runs.items()}
    if want_turns:
        rows = []
        for (pack, mode), data in runs.items():
            s = _turn_stats(data)
            rows.append([pack, mode, s["turns"], s["median"], s["p99"], f"{s['hits']}/{s['hits'] + s['misses']}",
                         s["p99_ready"], s["stall"], s["slowest"]])
        table("3. Page turn: key '→' to the new page painted with its image (in one process, 1920x1080, "
              "transitions off)",
              ["pack", "mode", "turns", "median ms", "p99 ms", "image ready at 1st paint",
               "p99 ms (ready pages)", "max UI stall ms", "slowest"], rows)
        p99_pref = max(_turn_stats(runs[(p, "prefetched")])["p99"] for p in ("bundled", "photos"))
        stall_cold = max(_turn_stats(runs[(p, "cold")])["stall"] for p in ("bundled", "photos"))
        result("pageturn_prefetched_p99", p99_pref, "ms", "16.7", p99_pref <= 16.7)
        result("pageturn_cold_max_stall", stall_cold, "ms", "50", stall_cold <= 50)
    if want_memory:
        floor = json_result(run_process([PY, str(BENCH / "floor_start.py"), "--memory", "1920x1080"]).stdout)
        data = runs[("photos", "prefetched")]
        rows = [[f"after {m['pages']} pages", m["rss_mb"], m["hwm_mb"], m["cache_mb"]] for m in data["memory"]]
        rows.append(["floor window 1920x1080", floor["rss_mb"], floor["hwm_mb"], ""])
        table(f"4. Memory with 24-megapixel photographs ({photos.name}, image cache limit "
              f"{data['cache_limit_mb']:.0f} MB)", ["point", "RSS MB", "peak RSS (VmHWM) MB", "image cache MB"], rows)
        over = data["hwm_mb"] - floor["hwm_mb"]
        DETAILS["memory"] = {"floor": floor, "peak_mb": data["hwm_mb"], "over_floor_mb": over}
        result("memory_photos_peak_over_floor", over, "MB", "150", over <= 150)


# -- 5. kiosk day ---------------------------------------------------------------------------------
def kiosk_run(steps: int, immortal: bool) -> tuple[dict | None, int, int, str]:
    env = child_env(LOOSSTORY_BENCH_IMMORTALISE="1" if immortal else "0")
    r = run_process([PY, str(BENCH / "kiosk_day.py"), "--steps", str(steps)], env=env, timeout=1800)
    last = 0
    for line in r.stdout.splitlines():
        if line.startswith("PROGRESS "):
            last = int(line.split()[1])
    fatal = next((line for line in r.stderr.splitlines() if line.startswith("Fatal Python error")), "")
    data = json_result(r.stdout) if "JSON " in r.stdout else None
    return data, last, r.returncode, fatal


def bench_kiosk(quick: bool) -> None:
    steps, base = (1500, 300) if quick else (10000, 1000)
    # As shipped first; only if the interpreter aborts (the PySide6 6.12.0 refcount bug) is the
    # day run again with the harness's work-around, to still measure growth and exceptions.
    data, reached, code, fatal = kiosk_run(steps, immortal=False)
    shipped_steps = steps if (data is not None and code == 0) else reached
    if data is None:
        data, _, code2, fatal2 = kiosk_run(steps, immortal=True)
        if data is None:
            raise RuntimeError(f"kiosk day failed ({code2}): {fatal2}")
    samples = {s["step"]: s for s in data["samples"]}
    first, last = samples.get(base) or data["samples"][0], data["samples"][-1]
    raw_growth = last["rss_mb"] - first["rss_mb"]
    after = data.get("rss_after_reset", {})
    # The goal's figure: RSS in the same state at both ends, right after an idle reset (the
    # plain samples also hold the bounded image cache's changing content).
    growth = (after[str(steps)] - after[str(base)] if str(base) in after and str(steps) in after
              else raw_growth)
    errors = data["exception_count"] + data["log_error_count"]
    rows = [[s["step"], s["rss_mb"], s["cache_mb"], s["qobjects"], s["py_objects"], s["t_s"]]
            for s in data["samples"] if s["step"] in (1, base) or s["step"] % max(100, steps // 10) == 0]
    table(f"5. Kiosk day: {steps} scripted steps ({data['seconds']:.0f} s), bundled pack, 1920x1080",
          ["step", "RSS MB", "image cache MB", "QObjects in window", "Python objects", "t s"], rows)
    say(f"steps: {data['counts']}")
    say(f"real input: {', '.join(data['real_steps'])}; kiosk: {data['kiosk']}")
    say(f"exceptions: {data['exception_count']}, ERROR log records: {data['log_error_count']}")
    if str(base) in after and str(steps) in after:
        say(f"RSS right after an idle reset: step {base} {after[str(base)]:.1f} MB, step {steps} "
            f"{after[str(steps)]:.1f} MB (growth {growth:+.1f} MB); plain samples: "
            f"{first['rss_mb']:.1f} -> {last['rss_mb']:.1f} MB ({raw_growth:+.1f} MB, image cache "
            f"{first['cache_mb']:.1f} -> {last['cache_mb']:.1f} MB)")
    for text in data["exceptions"][:3]:
        say("  " + text.strip().splitlines()[-1])
    if data.get("grown_types"):
        say("Python objects that grew from step " + str(base) + ": "
            + ", ".join(f"{n} +{d}" for n, d in data["grown_types"][:8]))
    say(f"as shipped: {'completed' if code == 0 else 'ABORTED'} after step {shipped_steps}"
        f"{'; ' + fatal if fatal else ''}"
        f"{'' if code == 0 else ' (growth above measured with bench/pyside_refcount.py work-around)'}")
    DETAILS["kiosk"] = {"data": data, "shipped": {"reached": shipped_steps, "code": code, "fatal": fatal}}
    result(f"kiosk_rss_growth_{base}_to_{steps}", growth, "MB", "5", growth <= 5)
    result(f"kiosk_rss_growth_{base}_to_{steps}_plain_samples", raw_growth, "MB", "report", None)
    result("kiosk_exceptions", errors, "count", "0", errors == 0)
    result("kiosk_steps_completed_as_shipped", shipped_steps, "steps", str(steps),
           shipped_steps >= steps and code == 0)


# -- 6. check ---------------------------------------------------------------------------------
def bench_check(quick: bool) -> None:
    big = chapters_pack()
    rows = []
    for label, folder, repeat in (("bundled", CONTENT, 7 if quick else 15), ("200 chapters", big, 3 if quick else 5)):
        r = run_process([PY, str(BENCH / "check_bench.py"), str(folder), "--repeat", str(repeat)], timeout=600)
        data = json_result(r.stdout)
        whole_engine, whole_base = [], []
        for _ in range(3 if quick else 5):
            whole_engine.append(run_process([PY, "-m", "loosstory", "check", str(folder)]).wall_s)
            whole_base.append(run_process([PY, str(BENCH / "check_bench.py"), str(folder),
                                           "--baseline-once"]).wall_s)
        data["whole_engine_ms"] = 1000 * median(whole_engine)
        data["whole_baseline_ms"] = 1000 * median(whole_base)
        DETAILS.setdefault("check", {})[label] = data
        rows.append([label, data["chapters"], data["pages"], data["engine_ms"], data["engine_ms_per_chapter"],
                     data["baseline_ms"], data["baseline_c_ms"], data["ratio"],
                     data["whole_engine_ms"], data["whole_baseline_ms"]])
    table("6. Loading and checking (check_pack in-process, warm medians; and whole process)",
          ["pack", "chapters", "pages", "check ms", "ms/chapter", "baseline ms (yaml.safe_load + markdown)",
           "baseline ms (CSafeLoader)", "ratio", "`loosstory check` process ms", "baseline process ms"], rows)
    bundled = DETAILS["check"]["bundled"]
    result("check_bundled_vs_parse", bundled["ratio"], "x", "1.2", bundled["ratio"] <= 1.2)
    result("check_200_chapters_per_chapter", DETAILS["check"]["200 chapters"]["engine_ms_per_chapter"],
           "ms", "report", None)


# -- main ---------------------------------------------------------------------------------------
def machine() -> dict:
    cpu = "?"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = 0.0
    try:
        mem = int(next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal"))) / 2**20
    except (OSError, StopIteration):
        pass
    versions = subprocess.run([PY, "-c", "import sys, PySide6, yaml, markdown; print(sys.version.split()[0], "
                               "PySide6.__version__, yaml.__version__, markdown.__version__)"],
                              capture_output=True, text=True, env=child_env()).stdout.split()
    return {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "nproc": os.cpu_count(),
            "cpu": cpu, "ram_gb": round(mem, 1), "os": platform.platform(),
            "python": versions[0] if versions else "?", "pyside6": versions[1] if len(versions) > 1 else "?",
            "pyyaml": versions[2] if len(versions) > 2 else "?",
            "markdown": versions[3] if len(versions) > 3 else "?", "chromium": chromium_version(),
            "qpa": os.environ.get("QT_QPA_PLATFORM", "offscreen"), "interpreter": PY}


def compile_engine() -> None:
    """Byte-compile the measured engine first, as `pip install` does for an installed app.

    The children run with PYTHONDONTWRITEBYTECODE=1 (no stray files), and this machine sets
    it too: without this step every measured start would compile ~50 modules from source
    (~50 ms), which no installed copy (wheel, bundle) ever does.
    """
    roots = [REPO / "loosstory"] + [Path(p) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    done = subprocess.run([PY, "-m", "compileall", "-q", *map(str, roots)],
                          capture_output=True, text=True)
    say(f"bytecode compiled for the measured engine ({'ok' if done.returncode == 0 else done.stderr.strip()})")


def main(argv: list[str] | None = None) -> int:
    global PY
    parser = argparse.ArgumentParser(description="loosstory benchmarks")
    parser.add_argument("figures", nargs="*", metavar="FIGURE",
                        help=f"figures to run (default: all): {' '.join(FIGURES)}")
    parser.add_argument("--quick", action="store_true", help="short run (~3 min)")
    parser.add_argument("--python", default=sys.executable, help="interpreter for the measured children")
    parser.add_argument("--runs", type=int, default=0, help="start-up/snapshot runs (default 12, quick 4)")
    args = parser.parse_args(argv)
    PY = args.python
    unknown = [f for f in args.figures if f not in FIGURES]
    if unknown:
        parser.error(f"unknown figure(s) {' '.join(unknown)}; choose from {' '.join(FIGURES)}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    figures = args.figures or list(FIGURES)
    info = machine()
    say(f"loosstory benchmarks — {info['date']} — {info['nproc']} cores {info['cpu']}, {info['ram_gb']} GB, "
        f"Python {info['python']}, PySide6 {info['pyside6']}, {info['chromium']}, QPA {info['qpa']}"
        f"{' — QUICK' if args.quick else ''}")
    say(f"generated packs in {CACHE}")
    compile_engine()
    started = time.perf_counter()
    runs = args.runs or (4 if args.quick else 12)
    failures = []
    for figure in figures:
        t = time.perf_counter()
        try:
            if figure == "startup":
                bench_startup(runs)
            elif figure == "snapshot":
                bench_snapshot(max(3, runs // 2) if args.quick else 7)
            elif figure == "pageturn":
                bench_pageturn(args.quick, want_memory="memory" in figures or not args.figures)
            elif figure == "memory" and "pageturn" not in figures:
                bench_pageturn(args.quick, want_memory=True, want_turns=False)
            elif figure == "kiosk":
                bench_kiosk(args.quick)
            elif figure == "check":
                bench_check(args.quick)
        except Exception as error:  # noqa: BLE001 - one broken figure must not hide the others
            failures.append(figure)
            say(f"\n!! figure {figure} failed: {error}")
        say(f"({figure}: {time.perf_counter() - t:.0f} s)")
    table("Summary", ["figure", "value", "unit", "goal", "met"],
          [[n, v, u, g, "—" if m is None else ("yes" if m else "NO")] for n, v, u, g, m in RESULTS])
    if args.quick:
        say("\n--quick is a smoke test: figure 4 stops after 31 pages and figure 5 after 1,500 steps,"
            " before the image cache is full; the goals are judged on the full run.")
    say(f"\ntotal {time.perf_counter() - started:.0f} s")
    out = BENCH / "results"
    out.mkdir(exist_ok=True)
    payload = {"machine": info, "quick": args.quick, "results": RESULTS, "details": DETAILS}
    name = "latest-quick" if args.quick else "latest"
    if args.figures and set(args.figures) != set(FIGURES):  # a subset never overwrites the full table
        name += "-" + "-".join(figures)
    (out / f"{name}.json").write_text(json.dumps(payload, indent=1, default=str))
    with open(out / f"{name}.md", "w") as fh:
        fh.write("| figure | value | unit | goal | met |\n|---|---|---|---|---|\n")
        for n, v, u, g, m in RESULTS:
            fh.write(f"| {n} | {_fmt(float(v))} | {u} | {g} | {'—' if m is None else ('yes' if m else 'NO')} |\n")
    for n, v, u, g, _ in RESULTS:
        v = float(v)
        say(f"RESULT {n} {int(v) if v.is_integer() and abs(v) >= 1000 else f'{v:.4g}'} {u} goal {g}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())

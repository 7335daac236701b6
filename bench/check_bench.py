"""Figure 6: loading and checking a pack, against Python just parsing its YAML and Markdown.

    python bench/check_bench.py DIR [--repeat 15]          # in-process, warm: JSON line
    python bench/check_bench.py DIR --baseline-once        # one cold baseline pass (for
                                                           # the whole-process comparison)

* engine: ``loosstory.story.checker.check_pack(DIR)`` — what ``loosstory check`` runs;
* baseline: every ``*.yaml`` of the pack through ``yaml.safe_load``, every chapter's front
  matter through ``yaml.safe_load`` and its body through ``markdown.markdown`` — nothing else
  (no positions, no checks, no pages). ``yaml.safe_load`` is PyYAML's pure-Python loader,
  what "Python parsing YAML" means by default; the same baseline with libyaml's
  ``CSafeLoader`` is reported too.

Medians of ``--repeat`` warm runs (one warm-up first).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import markdown
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def files(root: Path) -> tuple[list[Path], list[Path]]:
    yamls = sorted(p for p in root.rglob("*.yaml") if ".complete" not in p.name)
    chapters = sorted(root.glob("*/*.md"))
    return yamls, chapters


def baseline(root: Path, loader=yaml.SafeLoader) -> int:
    yamls, chapters = files(root)
    for path in yamls:
        yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    for path in chapters:
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        yaml.load(front, Loader=loader)
        markdown.markdown(body)
    return len(chapters)


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory", type=Path)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--baseline-once", action="store_true")
    args = parser.parse_args(argv)
    root = args.directory
    if args.baseline_once:
        baseline(root)
        return 0
    from loosstory.story.loader import check_pack

    result = check_pack(root)
    baseline(root)
    baseline(root, yaml.CSafeLoader)
    chapters = len(result.story.chapters) if result.story else 0
    # Interleaved (engine, baseline, C baseline) so that a noisy neighbour hits all three.
    runs = [timed(fn, 1)[0] for _ in range(args.repeat) for fn in (
        lambda: check_pack(root), lambda: baseline(root), lambda: baseline(root, yaml.CSafeLoader))]
    engine, base, base_c = runs[0::3], runs[1::3], runs[2::3]
    out = {
        "chapters": chapters,
        "pages": sum(len(c.pages) for c in result.story.chapters) if result.story else 0,
        "errors": len(result.errors),
        "warnings": len(result.warnings),
        "engine_ms": statistics.median(engine) * 1000,
        "baseline_ms": statistics.median(base) * 1000,
        "baseline_c_ms": statistics.median(base_c) * 1000,
    }
    out["ratio"] = statistics.median(e / b for e, b in zip(engine, base, strict=True))
    out["ratio_c"] = out["engine_ms"] / out["baseline_c_ms"]
    out["engine_ms_per_chapter"] = out["engine_ms"] / max(1, chapters)
    print("JSON " + json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Insert speaker notes (a ``> [!notes]`` block) at the END of page sections of a chapter
file: after the page's content, just before the next ``##`` heading or the end of the file.

    python tools/add_notes.py content/fr NOTES.py   # NOTES.py defines NOTES = {file: {page: text}}

A page that already has a notes block is left alone. Used once to write the bundled notes;
kept for curators adding notes to a pack."""

from __future__ import annotations

import re
import runpy
import sys
from pathlib import Path

HEADING = re.compile(r"^##\s+.*\{#(?P<id>[a-z0-9-]+)")
FENCE = re.compile(r"^\s*(```|~~~)")


def add_notes(text: str, notes: dict[str, str]) -> str:
    lines = text.split("\n")
    starts: list[tuple[int, str]] = []
    in_fence = False
    for index, line in enumerate(lines):
        if FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else HEADING.match(line)
        if match:
            starts.append((index, match.group("id")))
    for position in range(len(starts) - 1, -1, -1):
        start, page = starts[position]
        end = starts[position + 1][0] if position + 1 < len(starts) else len(lines)
        if page not in notes or any("[!notes]" in line for line in lines[start:end]):
            continue
        last = end
        while last > start + 1 and not lines[last - 1].strip():
            last -= 1
        block = ["", "> [!notes]", *[f"> {row}" for row in notes[page].strip().split("\n")]]
        lines[last:last] = block
    return "\n".join(lines)


def main() -> int:
    folder, source = Path(sys.argv[1]), sys.argv[2]
    table = runpy.run_path(source)["NOTES"]
    for name, notes in table.items():
        file = folder / name
        file.write_text(add_notes(file.read_text("utf-8"), notes), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

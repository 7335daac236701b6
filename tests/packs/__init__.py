"""Story packs made for the engine's tests (see README.md in this folder)."""

from pathlib import Path

# Three chapters (18 pages, figures, a timeline page and a house page), a house with a
# foundation, four pillars and two roof bands, a timeline of 7 periods and 41 events.
MINI = Path(__file__).resolve().parent / "mini"

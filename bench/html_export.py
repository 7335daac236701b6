"""A static HTML page from the pack, for the Chromium reference of figure 2.

Same text (the page's HTML as the engine renders it from Markdown), same image files, the
same fonts (``@font-face`` from ``assets/fonts``), a layout close to the reader's page
(chapter band, text column, figure with caption and credit, footer), sized for 1920x1080.

    python bench/html_export.py [--content DIR] [--page chapter/page] OUT.html
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ASSETS, CONTENT, REPO, SNAPSHOT_PAGE  # noqa: E402

sys.path.insert(0, str(REPO))
from loosstory.story.loader import load_story  # noqa: E402  (pure Python, no Qt)

FONTS = ASSETS / "fonts"


def _font_faces() -> str:
    atkinson = FONTS / "atkinson-hyperlegible"
    faces = [
        ("Atkinson Hyperlegible", atkinson / "AtkinsonHyperlegible-Regular.ttf", "400", "normal"),
        ("Atkinson Hyperlegible", atkinson / "AtkinsonHyperlegible-Bold.ttf", "700", "normal"),
        ("Atkinson Hyperlegible", atkinson / "AtkinsonHyperlegible-Italic.ttf", "400", "italic"),
        ("Atkinson Hyperlegible", atkinson / "AtkinsonHyperlegible-BoldItalic.ttf", "700", "italic"),
        ("Fraunces", FONTS / "fraunces" / "Fraunces-Variable.ttf", "100 900", "normal"),
    ]
    return "\n".join(
        f"@font-face {{ font-family: '{family}'; src: url('{path.as_uri()}'); "
        f"font-weight: {weight}; font-style: {style}; }}"
        for family, path, weight, style in faces
    )


def export(content: Path, ref: str) -> str:
    result = load_story(content)
    story = result.story
    if story is None:
        raise SystemExit("pack illisible: " + "; ".join(p.format() for p in result.errors))
    chapter_id, _, page_id = ref.partition("/")
    chapter_index = story.chapter_index(chapter_id)
    if chapter_index is None:
        raise SystemExit(f"unknown chapter {chapter_id}")
    chapter = story.chapters[chapter_index]
    page_index = chapter.page_index(page_id) if page_id else 0
    if page_index is None:
        raise SystemExit(f"unknown page {ref}")
    page = chapter.pages[page_index]
    look = story.look
    figures = "\n".join(
        f'<figure><img src="{f.file.as_uri() if f.file else ""}" alt="{html.escape(f.alt)}">'
        f"<figcaption><b>{html.escape(f.caption)}</b><br><small>{html.escape(f.credit)}</small>"
        "</figcaption></figure>"
        for f in page.figures
    )
    steps = sum(len(c.pages) for c in story.chapters)
    step = sum(len(c.pages) for c in story.chapters[:chapter_index]) + page_index + 1
    return f"""<!doctype html>
<html lang="{story.language}"><head><meta charset="utf-8">
<title>{html.escape(page.title)} — {html.escape(story.title)}</title>
<style>
{_font_faces()}
html, body {{ margin: 0; width: 1920px; height: 1080px; overflow: hidden; }}
body {{ background: {look.background}; color: {look.ink};
       font: 25px/1.45 'Atkinson Hyperlegible', sans-serif; display: flex; flex-direction: column; }}
header {{ background: {chapter.colour}; color: #fff; padding: 34px 62px 38px; }}
header .chapter {{ font-weight: 700; font-size: 20px; letter-spacing: .02em; }}
header h1 {{ font: 620 48px/1.15 'Fraunces', serif; margin: 4px 0 0; }}
header .progress {{ float: right; font-weight: 700; font-size: 22px; margin-top: 18px; }}
main {{ flex: 1; display: flex; gap: 74px; padding: 50px 62px 30px; min-height: 0; }}
.text {{ flex: 5; max-width: 850px; overflow: hidden; }}
.text p {{ margin: 0 0 19px; }}
.text a {{ color: {look.accent}; font-weight: 700; }}
.media {{ flex: 6; display: flex; flex-direction: column; gap: 24px; min-height: 0; }}
figure {{ margin: 0; flex: 1; display: flex; flex-direction: column; min-height: 0; }}
figure img {{ flex: 1; min-height: 0; object-fit: contain; object-position: left bottom; width: 100%; }}
figcaption {{ font-size: 20px; margin-top: 10px; }}
footer {{ display: flex; align-items: center; gap: 24px; padding: 16px 62px 24px; font-size: 20px; }}
footer .bar {{ flex: 1; height: 8px; border-radius: 4px; background: #ddd;
              background-image: linear-gradient(90deg, {look.accent} {100 * step / steps:.1f}%, transparent 0); }}
footer button {{ font: 700 22px 'Atkinson Hyperlegible'; padding: 14px 26px; border-radius: 10px;
                border: 2px solid {look.ink}; background: #fff; }}
</style></head>
<body>
<header><span class="progress">{page_index + 1} / {len(chapter.pages)}</span>
<div class="chapter">Chapitre {chapter_index + 1} · {html.escape(chapter.title)}</div>
<h1>{html.escape(page.title)}</h1></header>
<main><div class="text">{page.html}</div><div class="media">{figures}</div></main>
<footer><button>Sommaire</button><span>Étape {step} / {steps}</span><span class="bar"></span>
<button>‹ Précédent</button><button>Suivant ›</button></footer>
</body></html>
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=CONTENT)
    parser.add_argument("--page", default=SNAPSHOT_PAGE)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(export(args.content, args.page), encoding="utf-8")
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The pack's look: palette and the colours of page, text and accent (story.yaml `look`)."""

from __future__ import annotations

from loosstory.story.located import Located
from loosstory.story.model import Look, Problem
from loosstory.story.refs import HEX_COLOUR, resolve_colour

LOOK_KEYS = {"palette", "background", "ink", "accent"}
DEFAULT_LOOK = Look()


def read_look(meta: Located, problems: list[Problem]) -> Look:
    value = meta.section("look", LOOK_KEYS, "palette, background, ink, accent", problems)
    if value is None:
        return DEFAULT_LOOK
    palette: dict[str, str] = {}
    raw_palette = value.get("palette") or {}
    if not isinstance(raw_palette, dict):
        problems.append(
            meta.problem(("look", "palette"), "error", 'palette : des lignes « nom: "#rrggbb" »')
        )
        raw_palette = {}
    for name, colour in raw_palette.items():
        if isinstance(colour, str) and HEX_COLOUR.match(colour):
            palette[str(name)] = colour.lower()
        else:
            problems.append(
                meta.problem(
                    ("look", "palette", name),
                    "error",
                    f'couleur « {name} » : écrivez un code entre guillemets comme "#2d4f7c"',
                )
            )
    resolved: dict[str, str] = {}
    for key in ("background", "ink", "accent"):
        if key in value:
            colour, message = resolve_colour(value[key], palette)
            if message:
                problems.append(meta.problem(("look", key), "error", message))
            else:
                resolved[key] = colour
    return Look(
        background=resolved.get("background", DEFAULT_LOOK.background),
        ink=resolved.get("ink", DEFAULT_LOOK.ink),
        accent=resolved.get("accent", DEFAULT_LOOK.accent),
        palette=palette,
    )

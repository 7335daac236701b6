"""Anonymous visit ids (no sqlite3 here, so the kiosk imports it even without figures)."""

from __future__ import annotations

import secrets


def new_visit_id() -> str:
    """A random id for one visit (not for a person: the next visit gets another)."""
    return secrets.token_hex(8)

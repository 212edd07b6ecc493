"""Rich renderables for dgcompare's results. Nothing here prints; the CLI does."""

from __future__ import annotations

from rich.theme import Theme

THEME = Theme(
    {
        "dg.id": "cyan",
        "dg.code": "bold cyan",
        "dg.default": "green",
        "dg.muted": "dim",
        "dg.error": "bold red",
        "dg.location": "bold",
        "dg.fix": "yellow",
        "dg.ok": "bold green",
        "dg.equivalent": "bold green",
        "dg.related": "yellow",
    }
)
"""Named styles, so colours are chosen in one place."""

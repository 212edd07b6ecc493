"""What every report's Rich view shares: the theme of named styles and small text helpers. Nothing prints."""

from __future__ import annotations

from rich.text import Text
from rich.theme import Theme

from dgcompare.reports.base import Titled, counted, plural, shown

__all__ = ["MARKS", "THEME", "counted", "localized_text", "plural"]

THEME = Theme(
    {
        "dg.id": "cyan",
        "dg.code": "bold cyan",
        "dg.default": "green",
        "dg.muted": "dim",
        "dg.error": "bold red",
        "dg.warning": "bold yellow",
        "dg.location": "bold",
        "dg.fix": "yellow",
        "dg.ok": "bold green",
        "dg.equivalent": "bold green",
        "dg.related": "yellow",
        "dg.match": "bold underline",
        # The heatmap's bands, darkest for the strongest coverage; each also has its own glyph.
        "dg.cover3": "bold green",
        "dg.cover2": "green",
        "dg.cover1": "yellow",
        "dg.cover0": "dim",
    }
)
"""Named styles, so colours are chosen in one place."""


def localized_text(item: Titled, lang: str, style: str = "") -> Text:
    """The title of ``item`` a reader of ``lang`` sees, with its mark (ours, or another language) muted."""
    text, mark = shown(item, lang)
    result = Text(text, style=style)
    if mark:
        result.append(f" {mark}", style="dg.muted")
    return result


MARKS = {"equivalent": "=", "related": "~"}
"""How a cell shows the link that put it in its row."""

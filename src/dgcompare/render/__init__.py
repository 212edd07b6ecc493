"""What every report's Rich view shares: the theme of named styles and small text helpers. Nothing prints."""

from __future__ import annotations

from rich.text import Text
from rich.theme import Theme

from dgcompare.reports.base import FALLBACK_MARK, localized

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


def localized_text(english: str, french: str | None, lang: str, style: str = "") -> Text:
    """The text in ``lang``; English standing in for missing French carries a visible mark."""
    text, fallback = localized(english, french, lang)
    result = Text(text, style=style)
    if fallback:
        result.append(f" {FALLBACK_MARK}", style="dg.muted")
    return result


def plural(noun: str, count: int) -> str:
    """``criterion`` -> ``criteria``; ``play`` -> ``plays``; ``policy`` -> ``policies``; singular for one."""
    if count == 1:
        return noun
    if noun.endswith("criterion"):
        return noun[:-2] + "a"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return noun[:-1] + "ies"
    return noun + "s"


def counted(count: int, noun: str) -> str:
    """``1 gap``, ``2 gaps``, ``0 gaps``: a count and its noun, which agrees with it."""
    return f"{count} {plural(noun, count)}"


MARKS = {"equivalent": "=", "related": "~"}
"""How a cell shows the link that put it in its row."""

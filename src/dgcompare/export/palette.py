"""The colours of HTML and SVG documents, as data: the stylesheet, the heatmap and the contrast test read them here.

Every colour is a pair, text on a background, so that each pair can be held to WCAG 2.2 AA (contrast of at least
4.5:1); colour never carries meaning alone: every coloured mark or cell also has its word or sign.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Swatch:
    """Text of one colour on a background of another, as CSS hex colours."""

    text: str
    background: str


INK = "#1b1f24"
PAPER = "#ffffff"
MUTED = "#545b64"
LINK = "#0b5cad"
RULE = "#c9cfd6"
"""Borders and rules: decoration, never text."""
HEAD = "#eef1f4"
"""The background of table headers and the page's header band."""

PAGE: dict[str, Swatch] = {
    "body": Swatch(INK, PAPER),
    "muted": Swatch(MUTED, PAPER),
    "link": Swatch(LINK, PAPER),
    "head": Swatch(INK, HEAD),
    "head-muted": Swatch(MUTED, HEAD),
    "head-link": Swatch(LINK, HEAD),
    "equivalent": Swatch("#175c2c", "#e3f1e6"),
    "related": Swatch("#6a4a00", "#fdf0d5"),
    "missing": Swatch("#8c1d18", "#fbe4e2"),
    "caution": Swatch("#6a4a00", "#fdf0d5"),
}
"""The page's pairs: running text, secondary text and links on paper and on header bands, and the marks of
links and coverage (equivalent and covered; related and partly covered; not covered), each also spelt out."""

LEVELS: dict[str, Swatch] = {
    "tagged": Swatch("#ffffff", "#1d5e2f"),
    "inferred": Swatch("#10301a", "#8fcf9c"),
    "touched": Swatch("#1f4a2a", "#e6f3e8"),
    "none": Swatch(MUTED, PAPER),
}
"""The heatmap's levels, darkest for the strongest coverage; each cell also names its level."""


def swatches() -> dict[str, Swatch]:
    """Every pair a document uses, named (``page.body``, ``level.tagged``): what the contrast test checks."""
    return {**{f"page.{k}": v for k, v in PAGE.items()}, **{f"level.{k}": v for k, v in LEVELS.items()}}

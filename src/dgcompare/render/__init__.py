"""What every report's Rich view shares: the theme of named styles and small text helpers. Nothing prints."""

from __future__ import annotations

import io

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.text import Text
from rich.theme import Theme

from dgcompare.i18n import plural
from dgcompare.reports.base import Report, Titled, counted, shown

__all__ = ["MARKS", "THEME", "Themed", "counted", "localized_text", "notebook_html", "plural"]

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


NOTEBOOK_WIDTH = 120
"""Columns of the table a notebook shows; its output cell scrolls sideways when narrower."""
_NOTEBOOK_HTML = (
    '<pre style="white-space:pre;overflow-x:auto;line-height:normal;'
    "font-family:Menlo,'DejaVu Sans Mono',consolas,'Courier New',monospace\">{code}</pre>"
)


def notebook_html(result: Report) -> str:
    """A result as a notebook shows it (``_repr_html_``): the view the command line prints, as HTML.

    Rich's export of the view, styles inline, in one ``<pre>`` block that the notebook's own page holds.
    """
    console = Console(
        file=io.StringIO(),
        record=True,
        width=NOTEBOOK_WIDTH,
        theme=THEME,
        color_system="truecolor",
        force_terminal=True,
        highlight=False,
    )
    console.print(result.view())
    return console.export_html(inline_styles=True, code_format=_NOTEBOOK_HTML)


class Themed:
    """A renderable drawn with dgcompare's styles on any console: ``rich.print(result)`` in a notebook has none."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # The styles are looked up while the lines are drawn, so they are drawn inside the theme.
        with console.use_theme(THEME):
            lines = list(console.render(self.renderable, options))
        yield from lines

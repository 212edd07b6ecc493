"""SVG export: the heatmap of ``dgcompare matrix`` as a chart drawn with shapes and words.

Each cell is a rectangle filled with its level's colour (:mod:`dgcompare.export.palette`) and labelled with the
level's word and how many principles are behind it; themes name the rows, framework ids the columns. The chart
is an image with a text alternative (``<title>``, ``<desc>``) and a legend, in the reader's own sans-serif font:
it loads nothing. Only other reports have no chart, so only :class:`~dgcompare.reports.matrix.CoverageMatrix`
has an SVG.

This module places things (it estimates how wide a text runs, since a generic font has no fixed metrics, and
wraps long lines); every word and number in the chart comes from the result and the translations.
"""

from __future__ import annotations

import datetime
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from dgcompare import __version__
from dgcompare.export import palette
from dgcompare.i18n import plural_translator, translator
from dgcompare.reports.base import label_in, marked, wording_notes
from dgcompare.reports.matrix import CoverageMatrix, MatrixCell, level_word

if TYPE_CHECKING:
    from dgcompare.export.base import Exportable

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, 'Liberation Sans', sans-serif"
EM = 0.6
"""Estimated width of a character, in ems: generous for a sans-serif, so that estimated text fits drawn text."""
SIZE = 12
"""Body text, in pixels; titles and small print are sized from it."""
MARGIN = 24
CELL_WIDTH = 84
CELL_HEIGHT = 36
LEADING = 15
"""From one line of a theme's label to the next."""
COUNT_WIDTH = 48
SWATCH_WIDTH = 84
LABEL_CHARS = (18, 46)
"""The theme column holds between this many characters a line, as its longest label needs; longer labels wrap."""
MIN_WIDTH = 760


@dataclass(frozen=True)
class Line:
    """A line of text at a place (``y`` is its baseline)."""

    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Cell:
    """One cell of the grid: where it is, its level, its words, and what its tooltip says."""

    x: float
    y: float
    level: str
    word: str
    """The level's word, or ``·`` for none."""
    count: str
    """How many principles are behind the cell ('' for none)."""
    tooltip: str


@dataclass(frozen=True)
class Row:
    """One theme: its label's lines, its cells, and how many frameworks cover it."""

    y: float
    label: tuple[Line, ...]
    cells: tuple[Cell, ...]
    covered: Line


@dataclass(frozen=True)
class Key:
    """One entry of the legend: a sample cell with what a cell of that level shows, and what the level means."""

    x: float
    y: float
    level: str
    sample: str
    meaning: tuple[Line, ...]


@dataclass(frozen=True)
class Chart:
    """Everything the template draws, placed."""

    width: float
    height: float
    lang: str
    id: str
    title: str
    description: str
    heading: tuple[Line, ...]
    intro: tuple[Line, ...]
    keys: tuple[Key, ...]
    columns: tuple[Line, ...]
    """Framework ids, drawn turned up by 45° from their anchor."""
    count_header: Line
    grid_x: float
    grid_y: float
    grid_width: float
    rows: tuple[Row, ...]
    totals_label: Line
    totals: tuple[Line, ...]
    notes: tuple[Line, ...]
    sources_heading: Line | None
    sources: tuple[Line, ...]
    imprint: Line | None
    """Who made the chart and when; None inside a page, whose footer says it."""
    cell_width: float = CELL_WIDTH
    cell_height: float = CELL_HEIGHT
    swatch_width: float = SWATCH_WIDTH


def text_width(text: str, size: float = SIZE) -> float:
    """How wide ``text`` runs at ``size`` pixels, estimated."""
    return len(text) * size * EM


def wrapped(text: str, width: float, size: float = SIZE, indent: str = "") -> list[str]:
    """``text`` in lines no wider than ``width`` pixels at ``size``, as estimated (a long word keeps its line).

    Lines after the first start with ``indent``.
    """
    return textwrap.wrap(
        text,
        max(10, int(width / (size * EM))),
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _lines(texts: list[str], x: float, y: float, leading: float) -> tuple[tuple[Line, ...], float]:
    """``texts`` as lines from baseline ``y`` down; and the baseline after the last."""
    lines = tuple(Line(x, y + i * leading, text) for i, text in enumerate(texts))
    return lines, y + len(texts) * leading


def chart(
    matrix: CoverageMatrix,
    *,
    generated: datetime.date,
    version: str,
    id: str = "heatmap",
    standalone: bool = True,
) -> Chart:
    """Place every part of ``matrix``'s heatmap: heading, legend, column headers, grid, notes and sources.

    A chart inside an HTML page (not ``standalone``) leaves its sources and imprint to the page.
    """
    lang = matrix.lang
    _, n_ = translator(lang), plural_translator(lang)
    colon = _(": ")  # French puts a space before it
    labels = [label_in(r.label, r.label_fr, lang) for r in matrix.rows]
    longest = max((len(label) for label in labels), default=LABEL_CHARS[0])
    # Wide enough for the longest label on one line, up to a limit; past it, on two lines.
    chars = min(longest, max(LABEL_CHARS[1], longest // 2 + 6))
    label_width = max(chars, LABEL_CHARS[0]) * SIZE * EM + 12
    columns = [f.id + ("*" if f.omitted else "") for f in matrix.frameworks]
    # Column headers are turned up by 45°: they rise by their length over root 2, and lean right as much.
    rise = max((text_width(c) for c in columns), default=0) / 2**0.5
    grid_width = label_width + CELL_WIDTH * len(columns) + COUNT_WIDTH
    width = max(MIN_WIDTH, MARGIN * 2 + grid_width + rise)
    text_room = width - 2 * MARGIN

    heading, y = _lines(wrapped(matrix.heading(), text_room, 20), MARGIN, MARGIN + 20, 26)
    intro_text = _(
        "Themes by frameworks: each cell names how the framework covers the theme and how many principles are "
        "behind it; # counts the frameworks covering the theme."
    )
    intro, y = _lines(wrapped(intro_text, text_room), MARGIN, y + 8, 17)

    keys = []
    y += 10
    for level, meaning in matrix.levels():
        lines, after = _lines(
            wrapped(f"{level_word(level, lang)}{colon}{meaning}", text_room - SWATCH_WIDTH - 12),
            MARGIN + SWATCH_WIDTH + 12,
            y + 16,
            16,
        )
        keys.append(Key(MARGIN, y, level, _cell_word(level, lang), lines))
        y = max(after, y + 24) + 4

    grid_y = y + 12 + rise + 12
    grid_x = MARGIN
    column_lines = tuple(
        Line(grid_x + label_width + CELL_WIDTH * (i + 0.5), grid_y - 8, text) for i, text in enumerate(columns)
    )
    count_header = Line(grid_x + label_width + CELL_WIDTH * len(columns) + COUNT_WIDTH / 2, grid_y - 8, "#")

    named = matrix.named()
    rows = []
    top = grid_y
    for row, label in zip(matrix.rows, labels, strict=True):
        # A label takes as many lines as it needs (two at most with the built-in themes): its row grows with it.
        label_lines = wrapped(label, label_width - 12)
        height = max(CELL_HEIGHT, LEADING * len(label_lines) + 6)
        first = top + (height - LEADING * (len(label_lines) - 1)) / 2 + SIZE * 0.35
        placed = tuple(Line(grid_x, first + LEADING * i, text) for i, text in enumerate(label_lines))
        cells = []
        for i, (f, c) in enumerate(zip(matrix.frameworks, row.cells, strict=True)):
            behind = "; ".join(f"{n}. {marked(p, lang)}" for n in c.principles if (p := named.get((f.id, n))))
            tooltip = f"{f.id}, {label}{colon}{level_word(c.level, lang)}" + (f". {behind}" if behind else "")
            cells.append(
                Cell(
                    x=grid_x + label_width + CELL_WIDTH * i,
                    y=top + (height - CELL_HEIGHT) / 2,
                    level=c.level,
                    word=_cell_word(c.level, lang),
                    count=_count(c),
                    tooltip=tooltip,
                )
            )
        counts_x = grid_x + label_width + CELL_WIDTH * len(columns) + COUNT_WIDTH / 2
        rows.append(Row(top, placed, tuple(cells), Line(counts_x, top + height / 2 + SIZE * 0.35, str(row.covered))))
        top += height

    y = top
    totals_label = Line(grid_x, y + 22, _("Themes covered"))
    totals = tuple(
        Line(grid_x + label_width + CELL_WIDTH * (i + 0.5), y + 22, str(total)) for i, total in enumerate(matrix.totals)
    )
    y += 34
    notes_text = [
        line for note in (*matrix.incomplete(), *wording_notes(matrix, lang)) for line in wrapped(note, text_room)
    ]
    notes, y = _lines(notes_text, MARGIN, y + 18, 16)

    sources = matrix.sources() if standalone else ()
    sources_heading = Line(MARGIN, y + 22, _("Sources")) if sources else None
    # Every line of a citation after its first is indented, so that each source stands apart.
    cited = [line for f in sources for line in wrapped(f.citation(lang), text_room, SIZE - 1, indent="    ")]
    source_lines, y = _lines(cited, MARGIN, y + 42, 15) if sources else ((), y)
    made = _("Made with dgcompare {version} on {date}.").format(version=version, date=generated)
    imprint = Line(MARGIN, y + 16, made) if standalone else None
    y += 16 if standalone else 0

    themes = n_("{count} theme", "{count} themes", len(matrix.rows)).format(count=len(matrix.rows))
    frameworks = n_("{count} framework", "{count} frameworks", len(matrix.frameworks)).format(
        count=len(matrix.frameworks)
    )
    description = " ".join(
        (
            _("Heatmap of {themes} by {frameworks}.").format(themes=themes, frameworks=frameworks),
            intro_text,
            " ".join(f"{level_word(level, lang)}{colon}{meaning}" for level, meaning in matrix.levels()),
            _("Themes covered: {totals}.").format(
                totals=", ".join(f"{f.id} {t}" for f, t in zip(matrix.frameworks, matrix.totals, strict=True))
            ),
        )
    )
    return Chart(
        width=round(width),
        height=round(y + MARGIN),
        lang=lang,
        id=id,
        title=matrix.heading(),
        description=description,
        heading=heading,
        intro=intro,
        keys=tuple(keys),
        columns=column_lines,
        count_header=count_header,
        grid_x=grid_x,
        grid_y=grid_y,
        grid_width=grid_width,
        rows=tuple(rows),
        totals_label=totals_label,
        totals=totals,
        notes=notes,
        sources_heading=sources_heading,
        sources=source_lines,
        imprint=imprint,
    )


def _cell_word(level: str, lang: str) -> str:
    return "·" if level == "none" else level_word(level, lang)


def _count(cell: MatrixCell) -> str:
    return str(len(cell.principles)) if cell.level != "none" and cell.principles else ""


def figure(matrix: CoverageMatrix, *, id: str = "heatmap") -> Markup:
    """The heatmap as an ``<svg>`` element to put in an HTML page (a briefing): ``id`` prefixes its ids.

    Its sources and the imprint are the page's; templates call it as ``heatmap_svg(matrix, id)``.
    """
    from dgcompare.export.html import render

    placed = chart(matrix, generated=datetime.date.today(), version=__version__, id=id, standalone=False)
    return Markup(render("heatmap.svg.j2", matrix.lang, chart=placed, palette=palette, font=FONT, standalone=False))


def dumps(result: Exportable, *, generated: datetime.date | None = None, version: str = __version__) -> str:
    """The heatmap of ``result`` as a standalone SVG document.

    Raises:
        ValueError: ``result`` has no chart (only a coverage matrix has one).
    """
    from dgcompare.export.html import render

    if not isinstance(result, CoverageMatrix):
        raise ValueError(f"{type(result).__name__} has no chart to draw as SVG")
    placed = chart(result, generated=generated or datetime.date.today(), version=version)
    return render("heatmap.svg.j2", result.lang, chart=placed, palette=palette, font=FONT, standalone=True)

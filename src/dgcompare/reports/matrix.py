"""``dgcompare matrix``: how strongly each framework covers each theme of the taxonomy.

The builder, its result and its view live together here; every format is a view of the result.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dgcompare.matcher import MatcherIndex, Progress
from dgcompare.models import Framework
from dgcompare.reports.base import FrameworkSummary, Result, Tabular, marked

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.text import Text

COVERS = 0.35
"""A framework covers a theme when one of its principles gives the theme at least this weight."""


class MatrixRow(Result):
    """One theme's coverage by each framework, in column order."""

    theme: str
    label: str
    label_fr: str
    coverage: tuple[float, ...]
    covered: int
    """How many frameworks cover the theme (coverage at or above the matrix's threshold)."""


class CoverageMatrix(Result):
    """``dgcompare matrix``: how strongly each framework covers each theme (0 to 1)."""

    frameworks: tuple[FrameworkSummary, ...]
    rows: tuple[MatrixRow, ...]
    threshold: float
    totals: tuple[int, ...]
    """How many themes each framework covers."""
    lang: str = "en"

    def table(self) -> Tabular:
        """One row per theme, one column per framework, then the count of frameworks covering it."""
        return Tabular(
            ("theme", *(f.id for f in self.frameworks), "frameworks covering"),
            (
                *(
                    (marked(r.label, r.label_fr, self.lang), *(f"{c:.2f}" for c in r.coverage), str(r.covered))
                    for r in self.rows
                ),
                ("themes covered", *(str(t) for t in self.totals), ""),
            ),
        )


def coverage_matrix(
    index: MatcherIndex, frameworks: Sequence[Framework], lang: str = "en", progress: Progress | None = None
) -> CoverageMatrix:
    """How strongly each framework covers each theme of the taxonomy (the strongest principle counts)."""
    catalog = index.catalog
    profiles = {}
    for done, f in enumerate(frameworks, start=1):
        profiles[f.id] = [index.profile(f, p).themes for p in f.principles]
        if progress is not None:
            progress(done, len(frameworks))
    rows = []
    for theme in catalog.taxonomy.themes:
        coverage = tuple(
            round(max((themes.get(theme.id, 0.0) for themes in profiles[f.id]), default=0.0), 2) for f in frameworks
        )
        rows.append(
            MatrixRow(
                theme=theme.id,
                label=theme.label,
                label_fr=theme.label_fr,
                coverage=coverage,
                covered=sum(c >= COVERS for c in coverage),
            )
        )
    totals = tuple(sum(r.coverage[i] >= COVERS for r in rows) for i in range(len(frameworks)))
    return CoverageMatrix(
        frameworks=tuple(FrameworkSummary.of(catalog, f) for f in frameworks),
        rows=tuple(rows),
        threshold=COVERS,
        totals=totals,
        lang=lang,
    )


SHADES = ((0.7, "dg.cover3", "███"), (0.5, "dg.cover2", "▓▓▓"), (0.35, "dg.cover1", "▒▒▒"), (0.15, "dg.cover0", "░░░"))
"""Coverage bands: at least the value -> style and glyph (the glyph keeps the heatmap readable without colour)."""


@dataclass(frozen=True)
class MatrixView:
    """``dgcompare matrix``: themes by frameworks, each cell shaded by coverage."""

    matrix: CoverageMatrix

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        from rich import box
        from rich.table import Table
        from rich.text import Text

        from dgcompare.render import localized_text

        m, lang = self.matrix, self.matrix.lang
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, show_footer=True)
        table.add_column("Theme", footer="Themes covered", ratio=1)
        for f, total in zip(m.frameworks, m.totals, strict=True):
            table.add_column(Text(f.jurisdiction, style="dg.code"), footer=str(total), justify="center", no_wrap=True)
        table.add_column("#", footer="", justify="right", no_wrap=True)
        for row in m.rows:
            table.add_row(
                localized_text(row.label, row.label_fr, lang), *(_shade(c) for c in row.coverage), str(row.covered)
            )
        yield table
        yield Text(
            "Cell: how strongly the framework's strongest principle addresses the theme. "
            f"███ ≥0.70  ▓▓▓ ≥0.50  ▒▒▒ ≥{m.threshold:.2f} (covered)  ░░░ ≥0.15.  # = frameworks covering.",
            style="dg.muted",
        )
        yield Text("Columns: " + ", ".join(f"{f.jurisdiction} = {f.id}" for f in m.frameworks), style="dg.muted")


def _shade(coverage: float) -> "Text":
    from rich.text import Text

    for bound, style, glyph in SHADES:
        if coverage >= bound:
            return Text(glyph, style=style)
    return Text("·", style="dg.muted")

"""``dgcompare matrix``: how each framework covers each theme of the taxonomy.

The builder, its result and its view live together here; every format is a view of the result.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from dgcompare.i18n import decimal, plural_translator, score_text, translator
from dgcompare.matcher import MatcherIndex, Progress
from dgcompare.models import Framework, Principle
from dgcompare.reports.base import (
    COVERS,
    FrameworkSummary,
    PrincipleSummary,
    Provenance,
    Record,
    Report,
    Result,
    Tabular,
    counted,
    items_left_out,
    label_in,
    marked,
    wording_notes,
)

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.text import Text


TOUCHED = 0.15
"""Below this weight a theme is not shown at all; from it up to :data:`COVERS` it is touched, not covered."""
Level = Literal["tagged", "inferred", "touched", "none"]
COVERING: tuple[Level, ...] = ("tagged", "inferred")
"""The levels that count as covering a theme."""


LEVEL = (
    "tagged: a principle names the theme among its curated themes; inferred: none does, but a principle's wording "
    f"gives it a weight of at least {COVERS}; touched: at least {TOUCHED}, not counted as covering; none"
)


class MatrixCell(Result):
    """How one framework covers one theme, and the principles behind it."""

    level: Level = Field(description=LEVEL)
    """``tagged``: a principle names the theme among its curated themes; ``inferred``: none does, but a
    principle's wording gives it at least :data:`COVERS`; ``touched``: at least :data:`TOUCHED`; else ``none``."""
    strength: float
    """The strongest weight any principle gives the theme (0 to 1)."""
    principles: tuple[int, ...] = ()
    """The numbers of the principles behind the level: those that tag the theme, or those whose weight reaches
    the level; :attr:`CoverageMatrix.principles` names them."""

    @property
    def covers(self) -> bool:
        """True when the framework covers the theme (tagged or inferred)."""
        return self.level in COVERING


class MatrixRow(Result):
    """One theme's coverage by each framework, in column order."""

    theme: str
    label: str
    label_fr: str
    cells: tuple[MatrixCell, ...]
    covered: int
    """How many frameworks cover the theme (tagged or inferred)."""


class MatrixRecord(Record):
    """How one framework covers one theme: a cell of the heatmap."""

    theme: str = Field(description="the theme's id")
    theme_label: str = Field(description="the theme's label in the report's language")
    framework: str = Field(description="the framework's id")
    level: Level = Field(description=LEVEL)
    covers: bool = Field(description="the framework covers the theme: the level is tagged or inferred")
    strength: float = Field(description="the strongest weight any of its principles gives the theme, 0 to 1")
    numbers: list[int] = Field(description="the principles behind the level: those that tag the theme, or reach it")
    titles: list[str] = Field(description="their titles, in the same order, as the report shows them")


class CoverageMatrix(Report):
    """``dgcompare matrix``: how each framework covers each theme of the taxonomy."""

    frameworks: tuple[FrameworkSummary, ...]
    rows: tuple[MatrixRow, ...]
    threshold: float = COVERS
    touched: float = TOUCHED
    totals: tuple[int, ...]
    """How many themes each framework covers."""
    untagged: tuple[int, ...] = ()
    """How many of each framework's principles carry no curated themes, whose themes are read from their words."""
    principles: tuple[PrincipleSummary, ...] = ()
    """Every principle a cell names, once: the cells hold numbers, so that a heatmap of a thousand frameworks
    does not repeat a principle under each of its themes."""
    lang: str = "en"
    record_type = MatrixRecord

    def records(self) -> tuple[MatrixRecord, ...]:
        """One record per theme and framework: every cell of the heatmap, row by row."""
        named = self.named()
        return tuple(
            MatrixRecord(
                theme=r.theme,
                theme_label=label_in(r.label, r.label_fr, self.lang),
                framework=f.id,
                level=cell.level,
                covers=cell.covers,
                strength=cell.strength,
                numbers=list(cell.principles),
                titles=[marked(p, self.lang) for n in cell.principles if (p := named.get((f.id, n)))],
            )
            for r in self.rows
            for f, cell in zip(self.frameworks, r.cells, strict=True)
        )

    def brief(self) -> str:
        """``41 themes × 18 frameworks``."""
        return f"{counted(len(self.rows), 'theme')} × {counted(len(self.frameworks), 'framework')}"

    def view(self) -> "MatrixView":
        """The heatmap ``dgcompare matrix`` prints."""
        return MatrixView(self)

    def heading(self) -> str:
        """``Coverage matrix:`` and the frameworks."""
        _ = translator(self.lang)
        return _("Coverage matrix: {frameworks}").format(frameworks=", ".join(f.id for f in self.frameworks))

    def conclusions(self) -> tuple[str, ...]:
        """How many themes each framework covers: the table view's and the HTML's totals, for the long table."""
        _ = translator(self.lang)
        counts = ", ".join(f"{f.id} {total}" for f, total in zip(self.frameworks, self.totals, strict=True))
        return (_("Themes covered (tagged or inferred): {counts}.").format(counts=counts),)

    def legend(self) -> tuple[str, ...]:
        """The coverage levels, how a cell differs from a link, then a note for each framework with items left out."""
        _ = translator(self.lang)
        levels = _(
            "███ tagged: a principle names the theme among its curated themes; "
            "▓▓▓ inferred from a principle's wording (weight ≥{threshold}); both count as covering. "
            "░░░ touched (weight ≥{touched}), not counted; · none."
        ).format(threshold=decimal(self.threshold, 2, self.lang), touched=decimal(self.touched, 2, self.lang))
        reading = _(
            "A cell reads one framework's own principles by theme; gaps and coverage read the links between "
            "principles, so a peer's commitment can be covered there by a principle filed here under another theme."
        )
        return levels, reading, *self.untagged_notes(), *self.incomplete()

    def untagged_notes(self) -> tuple[str, ...]:
        """A note for each framework with principles that carry no themes: its column rests on their words alone."""
        n_ = plural_translator(self.lang)
        return tuple(
            n_(
                "{framework}: {count} of its {total} principles carries no themes of its own; its themes are read "
                "from its words and count only from a weight of {threshold}, so this column may show fewer themes "
                "than the same text tagged would. Tag it (themes: in its file) to compare like with like.",
                "{framework}: {count} of its {total} principles carry no themes of their own; their themes are read "
                "from their words and count only from a weight of {threshold}, so this column may show fewer themes "
                "than the same text tagged would. Tag them (themes: in its file) to compare like with like.",
                count,
            ).format(framework=f.id, count=count, total=f.principles, threshold=decimal(self.threshold, 2, self.lang))
            for f, count in zip(self.frameworks, self.untagged, strict=False)
            if count
        )

    def levels(self) -> tuple[tuple[Level, str], ...]:
        """Each level of the heatmap and what it means, strongest first: a chart's key, beside its words."""
        _ = translator(self.lang)
        threshold, touched = decimal(self.threshold, 2, self.lang), decimal(self.touched, 2, self.lang)
        return (
            ("tagged", _("a principle names the theme among its curated themes; counts as covering.")),
            (
                "inferred",
                _(
                    "no principle names the theme, but a principle's wording gives it a weight of at least "
                    "{threshold}; counts as covering."
                ).format(threshold=threshold),
            ),
            (
                "touched",
                _("a principle's wording gives the theme a weight of at least {touched}; shown, not counted.").format(
                    touched=touched
                ),
            ),
            ("none", _("no principle is on the theme.")),
        )

    def incomplete(self) -> tuple[str, ...]:
        """A note for each framework with items left out of the catalog: a blank cell may be one of them."""
        _ = translator(self.lang)
        return tuple(
            _(
                "* {framework} is incomplete: {missing} ({numbers}), so a theme it leaves blank may be covered by an "
                "item left out."
            ).format(
                framework=f.id,
                missing=items_left_out(f, self.lang),
                numbers=", ".join(str(o.number) for o in f.omitted),
            )
            for f in self.frameworks
            if f.omitted
        )

    def sources(self) -> tuple[FrameworkSummary, ...]:
        """The frameworks, in column order."""
        return self.frameworks

    def columns(self) -> tuple[str, ...]:
        """Each framework's column label: its jurisdiction's code, numbered where frameworks share one (eu1, eu2)."""
        codes = [f.jurisdiction for f in self.frameworks]
        shared = {code for code in codes if codes.count(code) > 1}
        return tuple(f"{code}{codes[: i + 1].count(code)}" if code in shared else code for i, code in enumerate(codes))

    def named(self) -> dict[tuple[str, int], PrincipleSummary]:
        """The principles the cells name, by (framework, number)."""
        return {(p.framework, p.number): p for p in self.principles}

    def table(self) -> Tabular:
        """One row per theme and framework, with the level, the strength and the principles behind it."""
        _ = translator(self.lang)
        named = self.named()
        return Tabular(
            (
                _("theme"),
                _("framework"),
                _("level"),
                _("strength"),
                _("principles"),
                _("framework incomplete"),
                _("year"),
                _("publisher"),
                _("url"),
                _("licence"),
            ),
            tuple(
                (
                    label_in(r.label, r.label_fr, self.lang),
                    f.id,
                    level_word(cell.level, self.lang),
                    score_text(cell.strength),
                    _("; ").join(
                        f"{n}. {marked(p, self.lang)}" for n in cell.principles if (p := named.get((f.id, n)))
                    ),
                    items_left_out(f, self.lang),
                    # A spreadsheet has no Sources list below it: each row cites its framework.
                    f.dated(self.lang),
                    f.publisher_in(self.lang),
                    f.url_in(self.lang),
                    f.licence or _("not stated in its catalog file"),
                )
                for r in self.rows
                for f, cell in zip(self.frameworks, r.cells, strict=True)
            ),
            numbers=(3,),
        )


def level_word(level: str, lang: str) -> str:
    """A level of the heatmap (``tagged``) as a reader of ``lang`` calls it."""
    _ = translator(lang)
    return {"tagged": _("tagged"), "inferred": _("inferred"), "touched": _("touched"), "none": _("none")}.get(
        level, level
    )


def coverage_matrix(
    index: MatcherIndex,
    frameworks: Sequence[Framework],
    lang: str = "en",
    progress: Progress | None = None,
    theme: str | None = None,
) -> CoverageMatrix:
    """How each framework covers each theme (or only ``theme``): tagged by a principle, inferred, or touched."""
    catalog = index.catalog
    weights: dict[str, list[tuple[Principle, Mapping[str, float]]]] = {}
    for done, f in enumerate(frameworks, start=1):
        weights[f.id] = [(p, index.profile(f, p).own_themes) for p in f.principles]
        if progress is not None:
            progress(done, len(frameworks))
    rows = []
    for entry in catalog.taxonomy.themes:
        if theme is not None and entry.id != theme:
            continue
        cells = tuple(_cell(f, weights[f.id], entry.id) for f in frameworks)
        rows.append(
            MatrixRow(
                theme=entry.id,
                label=entry.label,
                label_fr=entry.label_fr,
                cells=cells,
                covered=sum(c.covers for c in cells),
            )
        )
    totals = tuple(sum(r.cells[i].covers for r in rows) for i in range(len(frameworks)))
    named = {(f.id, n) for r in rows for f, c in zip(frameworks, r.cells, strict=True) for n in c.principles}
    principles = tuple(PrincipleSummary.of(f, p) for f in frameworks for p in f.principles if (f.id, p.number) in named)
    return CoverageMatrix(
        frameworks=tuple(FrameworkSummary.of(catalog, f) for f in frameworks),
        rows=tuple(rows),
        totals=totals,
        untagged=tuple(sum(not p.themes for p in f.principles) for f in frameworks),
        principles=principles,
        lang=lang,
        provenance=Provenance.of(catalog, None, index),
    )


def _cell(framework: Framework, weights: Sequence[tuple[Principle, Mapping[str, float]]], theme: str) -> MatrixCell:
    strength = round(max((w.get(theme, 0.0) for _, w in weights), default=0.0), 2)
    tagged = [p for p, _ in weights if theme in p.themes]
    if tagged:
        level: Level = "tagged"
        behind = tagged
    else:
        level = "inferred" if strength >= COVERS else "touched" if strength >= TOUCHED else "none"
        floor = COVERS if level == "inferred" else TOUCHED
        behind = [p for p, w in weights if level != "none" and round(w.get(theme, 0.0), 2) >= floor]
    return MatrixCell(level=level, strength=strength, principles=tuple(p.number for p in behind))


THEME_WIDTH = 20
"""The narrowest the Theme column gets; below it the frameworks are split over several tables."""
GLYPHS: dict[Level, tuple[str, str]] = {
    "tagged": ("███", "dg.cover3"),
    "inferred": ("▓▓▓", "dg.cover2"),
    "touched": ("░░░", "dg.cover0"),
    "none": ("·", "dg.muted"),
}
"""Each level's glyph and style: the glyph keeps the heatmap readable without colour."""


@dataclass(frozen=True)
class MatrixView:
    """``dgcompare matrix``: themes by frameworks, each cell showing how the framework covers the theme."""

    matrix: CoverageMatrix
    principles: bool = False
    """Name the principles behind each cell (their numbers) beside its glyph."""

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        from rich import box
        from rich.table import Table
        from rich.text import Text

        m, lang = self.matrix, self.matrix.lang
        _ = translator(lang)
        positions = list(range(len(m.frameworks)))
        columns = m.columns()
        # The Theme column never gives way: frameworks that do not fit beside it go to the next table.
        cell = 6 if not self.principles else 14
        per_table = max(1, (options.max_width - THEME_WIDTH - 5) // cell)
        chunks = [positions[start : start + per_table] for start in range(0, len(positions), per_table)]
        # '#' counts every framework: it stands beside the last of them, after the tables they are split over, and
        # takes a cell of its own there (a full last table had no room left, and Rich dropped it).
        if chunks and len(chunks[-1]) == per_table and per_table > 1:
            chunks[-1:] = [chunks[-1][:-1], chunks[-1][-1:]]
        for number, chunk in enumerate(chunks):
            last = number == len(chunks) - 1
            table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, show_footer=True)
            table.add_column(_("Theme"), footer=_("Themes covered"), ratio=1, min_width=THEME_WIDTH)
            for i in chunk:
                f = m.frameworks[i]
                header = Text(columns[i], style="dg.code").append("*" if f.omitted else "")
                table.add_column(header, footer=str(m.totals[i]), justify="center", no_wrap=not self.principles)
            if last:
                # Out of how many: split over tables, it stands beside the last frameworks only, for all of them.
                table.add_column(f"#/{len(m.frameworks)}", footer="", justify="right", no_wrap=True)
            for row in m.rows:
                cells = [self._cell(row.cells[i]) for i in chunk]
                table.add_row(label_in(row.label, row.label_fr, lang), *cells, *([str(row.covered)] if last else []))
            yield table
            if not last:
                rest = ", ".join(columns[i] for later in chunks[number + 1 :] for i in later)
                yield Text(_("Continued below: {columns}.").format(columns=rest), style="dg.muted")
        levels, *incomplete = m.legend()
        yield Text(
            f"{levels} "
            + _("#/{count} = how many of the {count} frameworks cover the theme.").format(count=len(m.frameworks))
            + ("" if self.principles else " " + _("Add --principles to name the principles behind each cell.")),
            style="dg.muted",
        )
        yield Text(
            _("Columns: {columns}").format(
                columns=", ".join(f"{label} = {f.id}" for label, f in zip(columns, m.frameworks, strict=True))
            ),
            style="dg.muted",
        )
        if self.principles:
            named = m.named()
            for position, f in enumerate(m.frameworks):
                behind = {n: named[(f.id, n)] for row in m.rows for n in row.cells[position].principles}
                if behind:
                    listed = _("; ").join(f"{n}. {marked(behind[n], lang)}" for n in sorted(behind))
                    yield Text(f"{columns[position]}{_(': ')}{listed}", style="dg.muted")
        for note in incomplete:
            yield Text(note, style="dg.muted")
        # The marks they explain stand beside titles, which the heatmap shows only with --principles.
        for note in wording_notes(m, lang) if self.principles else ():
            yield Text(note, style="dg.muted")

    def _cell(self, cell: MatrixCell) -> "Text":
        from rich.text import Text

        glyph, style = GLYPHS[cell.level]
        text = Text(glyph, style=style)
        if self.principles and cell.principles:
            text.append(" " + ",".join(map(str, cell.principles)), style="dg.muted")
        return text

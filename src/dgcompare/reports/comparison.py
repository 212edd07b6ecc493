"""``dgcompare show A B [C ...]``: the principles of several frameworks aligned in rows of counterparts.

The builder, its result and its view live together here; every format is a view of the result.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dgcompare.matcher import EQUIVALENT, MatchConfig, MatcherIndex, Progress, align
from dgcompare.models import Framework
from dgcompare.reports.base import (
    FALLBACK_MARK,
    Alignment,
    FrameworkSummary,
    PrincipleSummary,
    Result,
    Tabular,
    alignments_of,
    marked,
)

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.text import Text


class Cell(Result):
    """A principle in a comparison row, and how strongly it is tied to the rest of the row."""

    principle: PrincipleSummary
    relation: str | None = None
    """``equivalent`` or ``related`` for the link that put it in the row; None for the row's first cell."""
    score: float | None = None
    source: str | None = None
    elsewhere: tuple[str, ...] = ()
    """Counterparts (``framework:number``) that sit in other rows, for a principle alone in its row."""


class Row(Result):
    """One row of a comparison table: at most one principle per framework, in framework order."""

    cells: tuple[Cell | None, ...]
    relation: str | None = None
    """``equivalent`` when every link in the row is, ``related`` when one is weaker, None when alone."""

    @property
    def source(self) -> str:
        """``curated``, ``inferred``, ``mixed``, or empty for a principle alone."""
        sources = {c.source for c in self.cells if c is not None and c.source}
        return sources.pop() if len(sources) == 1 else ("mixed" if sources else "")


class Comparison(Result):
    """The frameworks compared, how their principles align, and what has no counterpart."""

    frameworks: tuple[FrameworkSummary, ...]
    alignments: tuple[Alignment, ...]
    unmatched: tuple[PrincipleSummary, ...]
    rows: tuple[Row, ...]
    lang: str = "en"

    def table(self) -> Tabular:
        """One row per aligned group, then one per principle without counterpart; a column per framework."""
        return Tabular(
            (*(f.id for f in self.frameworks), "relation", "lowest score", "source"),
            tuple(
                (
                    *(
                        f"{c.principle.number}. {marked(c.principle.title, c.principle.title_fr, self.lang)}"
                        if c
                        else ""
                        for c in row.cells
                    ),
                    row.relation or "no counterpart",
                    _lowest(row),
                    row.source,
                )
                for row in self.rows
            ),
        )


def _lowest(row: Row) -> str:
    scores = [c.score for c in row.cells if c is not None and c.score is not None]
    return f"{min(scores):.2f}" if scores else ""


def compare(
    index: MatcherIndex,
    frameworks: Sequence[Framework],
    config: MatchConfig | None = None,
    lang: str = "en",
    progress: Progress | None = None,
) -> Comparison:
    """Align ``frameworks`` and arrange their principles into rows of counterparts.

    Args:
        index: the matcher index of the catalog the frameworks come from.
        frameworks: two or more frameworks, in column order.
        config: matcher settings (defaults when None).
        lang: ``en`` or ``fr``, for display.
        progress: told how many pairs of frameworks are done.
    """
    catalog = index.catalog
    alignments = alignments_of(catalog, align(index, frameworks, config, progress))
    principles = [[PrincipleSummary.of(f, p) for p in f.principles] for f in frameworks]
    aligned = {(x.a.framework, x.a.number) for x in alignments} | {(x.b.framework, x.b.number) for x in alignments}
    unmatched = tuple(p for column in principles for p in column if (p.framework, p.number) not in aligned)
    return Comparison(
        frameworks=tuple(FrameworkSummary.of(catalog, f) for f in frameworks),
        alignments=tuple(alignments),
        unmatched=unmatched,
        rows=tuple(group_rows(frameworks, principles, alignments)),
        lang=lang,
    )


def group_rows(
    frameworks: Sequence[Framework], principles: Sequence[Sequence[PrincipleSummary]], alignments: Sequence[Alignment]
) -> list[Row]:
    """Rows of counterparts: strongest links first, at most one principle per framework in a row.

    A principle sits in one row only; a link that would put two principles of one framework in the same
    row stays in ``alignments`` but does not join the rows.
    """
    column = {f.id: index for index, f in enumerate(frameworks)}
    groups: dict[tuple[str, int], dict[int, Cell]] = {}
    strongest = sorted(
        alignments,
        key=lambda x: (
            x.relation != EQUIVALENT,
            x.source != "curated",
            -x.score,
            column[x.a.framework],
            x.a.number,
            column[x.b.framework],
            x.b.number,
        ),
    )
    for link in strongest:
        key_a, key_b = (link.a.framework, link.a.number), (link.b.framework, link.b.number)
        group_a, group_b = groups.get(key_a), groups.get(key_b)
        if group_a is not None and group_a is group_b:
            continue
        if group_a is None and group_b is None:
            merged = {column[link.a.framework]: Cell(principle=link.a), column[link.b.framework]: _cell(link.b, link)}
        elif group_a is not None and group_b is None:
            if column[link.b.framework] in group_a:
                continue
            merged = {**group_a, column[link.b.framework]: _cell(link.b, link)}
        elif group_b is not None and group_a is None:
            if column[link.a.framework] in group_b:
                continue
            merged = {**group_b, column[link.a.framework]: _cell(link.a, link)}
        else:
            assert group_a is not None and group_b is not None
            if set(group_a) & set(group_b):
                continue
            merged = {**group_a, **group_b}
            merged[column[link.b.framework]] = _cell(link.b, link)
        for cell in merged.values():
            groups[(cell.principle.framework, cell.principle.number)] = merged
    rows: list[Row] = []
    seen: set[int] = set()
    for column_principles in principles:
        for principle in column_principles:
            group = groups.get((principle.framework, principle.number))
            if group is None or id(group) in seen:
                continue
            seen.add(id(group))
            relations = {c.relation for c in group.values() if c.relation}
            relation = EQUIVALENT if relations == {EQUIVALENT} else "related"
            rows.append(Row(cells=tuple(group.get(i) for i in range(len(frameworks))), relation=relation))
    partners: dict[tuple[str, int], list[str]] = {}
    for link in alignments:
        partners.setdefault((link.a.framework, link.a.number), []).append(f"{link.b.framework}:{link.b.number}")
        partners.setdefault((link.b.framework, link.b.number), []).append(f"{link.a.framework}:{link.a.number}")
    for index, column_principles in enumerate(principles):
        for principle in column_principles:
            key = (principle.framework, principle.number)
            if key not in groups:
                cells: list[Cell | None] = [None] * len(frameworks)
                cells[index] = Cell(principle=principle, elsewhere=tuple(partners.get(key, ())))
                rows.append(Row(cells=tuple(cells)))
    return rows


def _cell(principle: PrincipleSummary, link: Alignment) -> Cell:
    return Cell(principle=principle, relation=link.relation, score=link.score, source=link.source)


@dataclass(frozen=True)
class ComparisonView:
    """``dgcompare show A B``: a column per framework, a row per group of counterparts."""

    comparison: Comparison

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        from rich import box
        from rich.table import Table
        from rich.text import Text

        from dgcompare.render import localized_text

        lang = self.comparison.lang
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, expand=True, show_lines=False)
        for f in self.comparison.frameworks:
            title = localized_text(f.title, f.title_fr, lang, style="dg.muted").append(f" ({f.adopted})")
            table.add_column(Text.assemble((f.id, "dg.id"), "\n", title), ratio=1, overflow="fold")
        aligned = [row for row in self.comparison.rows if row.relation]
        alone = [row for row in self.comparison.rows if not row.relation]
        for index, row in enumerate(aligned):
            table.add_row(*(cell_text(c, lang) for c in row.cells), end_section=index == len(aligned) - 1)
        for row in alone:
            table.add_row(*(cell_text(c, lang) for c in row.cells))
        yield table
        yield Text(
            f"{len(aligned)} rows of counterparts; {len(self.comparison.unmatched)} principles with no counterpart. "
            "= equivalent, ~ related, with the score; * from a curated crosswalk; "
            "'related to' names counterparts shown in other rows.",
            style="dg.muted",
        )
        if lang == "fr":
            yield Text(f"{FALLBACK_MARK}: no French version in the source; English shown.", style="dg.muted")


def cell_text(cell: Cell | None, lang: str) -> "Text":
    """``3. Title`` and, below it, the mark of the link that put the principle in its row."""
    from rich.text import Text

    from dgcompare.render import MARKS, localized_text

    if cell is None:
        return Text("")
    p = cell.principle
    text = Text(f"{p.number}. ").append(localized_text(p.title, p.title_fr, lang))
    if cell.relation and cell.score is not None:
        style = "dg.equivalent" if cell.relation == "equivalent" else "dg.related"
        curated = "*" if cell.source == "curated" else ""
        text.append(f"\n{MARKS[cell.relation]} {cell.score:.2f}{curated}", style=style)
    if cell.elsewhere:
        text.append(f"\nrelated to {', '.join(cell.elsewhere)}", style="dg.muted")
    return text

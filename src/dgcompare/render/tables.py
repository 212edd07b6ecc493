"""Rich views of results. Catalog text always enters as ``Text``, never as markup."""

from __future__ import annotations

from dataclasses import dataclass

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.table import Table
from rich.text import Text

from dgcompare.results import FALLBACK_MARK, Cell, Comparison, Listing, ValidationReport, localized


@dataclass(frozen=True)
class ListingView:
    """``dgcompare list``: jurisdictions and their frameworks."""

    listing: Listing
    ranks: bool = False

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lang = self.listing.lang
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column("Code", style="dg.code", no_wrap=True)
        table.add_column("Framework", no_wrap=True)
        table.add_column("Year", justify="right", no_wrap=True)
        table.add_column("Title", min_width=20)
        if self.ranks:
            table.add_column("UN EGDI rank", no_wrap=True)
        for j in self.listing.jurisdictions:
            aliases = f" (also {', '.join(j.aliases)})" if j.aliases else ""
            name = localized_text(j.name, j.name_fr, lang, style="bold")
            ranks = [Text("\n".join(f"{r.rank} ({r.year})" for r in j.egov_ranks))] if self.ranks else []
            table.add_row(j.code, name.append(aliases, style="dg.muted"), "", "", *ranks)
            for index, f in enumerate(j.frameworks):
                details = Text(f"{f.principles} {plural(f.item_name, f.principles)}", style="dg.muted")
                if f.default:
                    details.append(" · default", style="dg.default")
                elif f.superseded_by:
                    details.append(f" · superseded by {f.superseded_by}", style="dg.muted")
                elif f.status != "current":
                    details.append(f" · {f.status}", style="dg.muted")
                table.add_row(
                    "",
                    Text(f.id, style="dg.id"),
                    str(f.adopted),
                    Text.assemble(localized_text(f.title, f.title_fr, lang), "\n", details),
                    *([""] if self.ranks else []),
                    end_section=index == len(j.frameworks) - 1,
                )
        yield table
        count = sum(len(j.frameworks) for j in self.listing.jurisdictions)
        yield Text(
            f"{len(self.listing.jurisdictions)} jurisdictions, {count} frameworks. "
            "A jurisdiction code selects its default framework.",
            style="dg.muted",
        )
        if lang == "fr":
            yield Text(f"{FALLBACK_MARK}: no French version in the source; English shown.", style="dg.muted")


def localized_text(english: str, french: str | None, lang: str, style: str = "") -> Text:
    """The text in ``lang``; English standing in for missing French carries a visible mark."""
    text, fallback = localized(english, french, lang)
    result = Text(text, style=style)
    if fallback:
        result.append(f" {FALLBACK_MARK}", style="dg.muted")
    return result


def plural(noun: str, count: int) -> str:
    """``criterion`` -> ``criteria``; ``play`` -> ``plays``; singular for a count of one."""
    if count == 1:
        return noun
    return noun[:-2] + "a" if noun.endswith("criterion") else noun + "s"


MARKS = {"equivalent": "=", "related": "~"}
"""How a cell shows the link that put it in its row."""


@dataclass(frozen=True)
class ComparisonView:
    """``dgcompare show A B``: a column per framework, a row per group of counterparts."""

    comparison: Comparison

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
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
            f"{len(aligned)} rows of counterparts, {len(alone)} principles without one. "
            "= equivalent, ~ related, with the score; * curated crosswalk.",
            style="dg.muted",
        )
        if lang == "fr":
            yield Text(f"{FALLBACK_MARK}: no French version in the source; English shown.", style="dg.muted")


def cell_text(cell: Cell | None, lang: str) -> Text:
    """``3. Title`` and, below it, the mark of the link that put the principle in its row."""
    if cell is None:
        return Text("")
    p = cell.principle
    text = Text(f"{p.number}. ").append(localized_text(p.title, p.title_fr, lang))
    if cell.relation and cell.score is not None:
        style = "dg.equivalent" if cell.relation == "equivalent" else "dg.related"
        curated = "*" if cell.source == "curated" else ""
        text.append(f"\n{MARKS[cell.relation]} {cell.score:.2f}{curated}", style=style)
    return text


@dataclass(frozen=True)
class ValidationView:
    """``dgcompare validate``: every problem, then a one-line verdict."""

    report: ValidationReport

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from dgcompare.render.errors import problem_text

        parts: list[Text] = [problem_text(p) for p in self.report.problems]
        r = self.report
        counts = (
            f"{r.jurisdictions} jurisdictions, {r.frameworks} frameworks, {r.principles} principles, "
            f"{r.crosswalks} crosswalks"
        )
        if r.ok:
            parts.append(Text.assemble(("OK", "dg.ok"), f": {len(r.files)} files valid ({counts})."))
        else:
            bad = len({p.path for p in r.problems})
            parts.append(
                Text.assemble((f"{len(r.problems)} problems", "dg.error"), f" in {bad} of {len(r.files)} files.")
            )
        yield Group(*parts)

"""``dgcompare coverage A B [C ...]``: how much of each framework each other framework covers.

For every ordered pair of frameworks (A, B), each principle of A is put at one level:

- *equivalent*: at least one of its links with B's principles is ``equivalent``;
- *related only*: it has links with B's principles, none of them ``equivalent``;
- *none*: it has no link with any principle of B.

The links are those of ``show`` (curated crosswalks over inferred alignments, unless asked otherwise), so
the counts agree with it. Percentages are of A's principles, each rounded half up to a whole per cent on its
own: the same count of the same total always reads the same, and a pair's three may add up to 99 or 101.

The builder, its result and its view live together here; every format is a view of the result.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from dgcompare.i18n import decimal, translator
from dgcompare.matcher import EQUIVALENT, Link, MatchConfig, MatcherIndex, Progress, align
from dgcompare.models import Framework
from dgcompare.reports.base import (
    Alignment,
    FrameworkSummary,
    Provenance,
    Record,
    Report,
    Result,
    Tabular,
    WordingRule,
    counted,
    counted_items,
    items_left_out,
    left_out,
    source_word,
)
from dgcompare.reports.quality import KindsCaution, LanguageCaution, kinds_caution, language_caution, lead

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.table import Table
    from rich.text import Text

Level = Literal["equivalent", "related", "none"]
"""How a principle of one framework is covered in another: see the module's docstring."""
LEVELS: tuple[Level, ...] = ("equivalent", "related", "none")
LEVEL = (
    "equivalent: linked to a principle of the other framework by an equivalent link; related: linked by related "
    "links only; none: linked to none of its principles"
)


class PrincipleLevel(Result):
    """One principle of a framework and how another framework covers it."""

    number: int
    level: Level = Field(description=LEVEL)


LinkSources = Literal["curated", "inferred", "mixed", "none"]
LINKS = (
    "where the pair's links come from: curated (a crosswalk), inferred (the matcher), mixed (both) or none; a "
    "crosswalk records every overlap its authors judged, so curated counts are not comparable with inferred ones"
)


class PairCoverage(Result):
    """How much of ``framework`` the ``other`` framework covers: its principles counted by level."""

    framework: str
    other: str
    principles: int
    """How many principles ``framework`` has: ``equivalent + related_only + none``."""
    equivalent: int
    """Principles with at least one ``equivalent`` link with a principle of ``other``."""
    related_only: int
    """Principles linked to principles of ``other``, none of the links ``equivalent``."""
    none: int
    """Principles linked to no principle of ``other``."""
    equivalent_percent: int
    related_only_percent: int
    none_percent: int
    """Each count as a whole percentage of ``principles``, rounded half up on its own."""
    levels: tuple[PrincipleLevel, ...]
    """Each principle of ``framework``, in its order, with its level."""
    links: LinkSources = Field(default="none", description=LINKS)
    """Where the pair's links come from: a curated crosswalk, the matcher, both, or there are none. A curated
    crosswalk records every overlap its authors judged, so counts from one are not comparable with inferred."""


def percent(count: int, total: int) -> int:
    """``count`` as a whole percentage of ``total``, rounded half up (0 when ``total`` is 0).

    Integer arithmetic, so that 1 of 8 is 13, not the 12 that rounding 12.5 to even would give.
    """
    return (200 * count + total) // (2 * total) if total else 0


def pair_coverages(frameworks: Sequence[Framework], links: Iterable[Alignment | Link]) -> tuple[PairCoverage, ...]:
    """How much of each framework each other covers, from the links between them.

    Args:
        frameworks: the frameworks, in order.
        links: links between any two of them, such as :func:`dgcompare.matcher.align` returns or a
            comparison's alignments; links with a framework not listed are ignored.

    Returns:
        One per ordered pair of different frameworks: for each framework in order, each other one in order.
    """
    # The best level each principle reaches in each other framework: (framework, number, other) -> equivalent?
    best: dict[tuple[str, int, str], bool] = {}
    sources: dict[frozenset[str], set[str]] = {}
    for link in links:
        sources.setdefault(frozenset((link.a.framework, link.b.framework)), set()).add(link.source)
        for mine, theirs in ((link.a, link.b), (link.b, link.a)):
            key = (mine.framework, mine.number, theirs.framework)
            best[key] = best.get(key, False) or link.relation == EQUIVALENT
    found = []
    for f in frameworks:
        for other in frameworks:
            if other.id == f.id:
                continue
            levels = tuple(
                PrincipleLevel(number=p.number, level=_level(best.get((f.id, p.number, other.id))))
                for p in f.principles
            )
            counts = {level: sum(x.level == level for x in levels) for level in LEVELS}
            total = len(levels)
            found.append(
                PairCoverage(
                    framework=f.id,
                    other=other.id,
                    principles=total,
                    equivalent=counts["equivalent"],
                    related_only=counts["related"],
                    none=counts["none"],
                    equivalent_percent=percent(counts["equivalent"], total),
                    related_only_percent=percent(counts["related"], total),
                    none_percent=percent(counts["none"], total),
                    levels=levels,
                    links=links_of(sources.get(frozenset((f.id, other.id)), set())),
                )
            )
    return tuple(found)


def links_of(sources: set[str]) -> LinkSources:
    """Where a pair's links come from, given the sources of its links (``curated``, ``inferred``)."""
    if not sources:
        return "none"
    if len(sources) > 1:
        return "mixed"
    return "curated" if "curated" in sources else "inferred"


def _level(equivalent: bool | None) -> Level:
    return "none" if equivalent is None else "equivalent" if equivalent else "related"


class CoverageRecord(Record):
    """How much of one framework another covers: its principles counted by level."""

    framework: str = Field(description="the id of the framework whose principles are counted")
    other: str = Field(description="the id of the framework they are looked for in")
    principles: int = Field(description="how many principles the framework has: equivalent + related_only + none")
    equivalent: int = Field(description="principles with at least one equivalent link with a principle of other")
    related_only: int = Field(description="principles linked to principles of other, none of the links equivalent")
    none: int = Field(description="principles linked to no principle of other")
    equivalent_percent: int = Field(description="equivalent as a whole percentage of principles, rounded half up")
    related_only_percent: int = Field(description="related_only as a whole percentage, rounded half up")
    none_percent: int = Field(description="none as a whole percentage, rounded half up")
    links: LinkSources = Field(description=LINKS)


class CoverageReport(Report):
    """``dgcompare coverage A B [C ...]``: for each framework, how much of it each other framework covers."""

    frameworks: tuple[FrameworkSummary, ...]
    pairs: tuple[PairCoverage, ...]
    """One per ordered pair: for each framework in order, each other one in order."""
    curated: bool = True
    """Whether curated crosswalks were applied (False with ``--inferred-only``)."""
    equivalent_threshold: float
    equivalent_across_kinds: float
    """The equivalent threshold between a programme (a strategy, a law) and a practice (a service standard)."""
    wording: WordingRule
    related_threshold: float
    related_linked: float
    """The related threshold of a pair whose themes are linked (open source ~ reuse)."""
    kinds_caution: KindsCaution | None = None
    """Where an equivalent counted was inferred between frameworks of different kinds: how many, what such are
    worth."""
    language_caution: LanguageCaution | None = None
    """Where an equivalent counted was inferred with a framework read in a language other than English or French."""
    lang: str = "en"
    record_type = CoverageRecord

    def records(self) -> tuple[CoverageRecord, ...]:
        """One record per ordered pair of frameworks."""
        return tuple(CoverageRecord.model_validate(p.model_dump(exclude={"levels"})) for p in self.pairs)

    def brief(self) -> str:
        """``uk-service-standard-2019, au-dss-v2: 2 pairs``."""
        return f"{', '.join(f.id for f in self.frameworks)}: {counted(len(self.pairs), 'pair')}"

    def view(self) -> "CoverageView":
        """The grid ``dgcompare coverage`` prints."""
        return CoverageView(self)

    def heading(self) -> str:
        """What the report is, in one line."""
        _ = translator(self.lang)
        return _("Coverage: {frameworks}").format(frameworks=", ".join(f.id for f in self.frameworks))

    def caution(self) -> str | None:
        """A warning where an equivalent counted was inferred across kinds of framework, or across languages."""
        return lead((self.kinds_caution, self.language_caution), self.lang)

    def legend(self) -> tuple[str, ...]:
        """The three levels, how percentages round, and where the links come from."""
        _ = translator(self.lang)
        source = (
            _("Links as in show: curated crosswalks over inferred alignments")
            if self.curated
            else _("Inferred links only (--inferred-only): curated crosswalks ignored")
        )
        return (
            _(
                "Each framework's items by what they have in another: = an equivalent, ~ only related items, "
                "· nothing linked. Percentages are of the framework's items, each rounded on its own (three may add "
                "up to 99 or 101)."
            ),
            _(
                "{source}; equivalent from {equivalent} ({across} between a strategy, law, declaration, charter or "
                "recommendation and a service, design or technology standard), and {wording}; related from {related} "
                "({linked} where their themes are linked, such as open source and reuse)."
            ).format(
                linked=decimal(self.related_linked, 2, self.lang),
                source=source,
                equivalent=decimal(self.equivalent_threshold, 2, self.lang),
                across=decimal(self.equivalent_across_kinds, 2, self.lang),
                wording=self.wording.phrase(self.lang),
                related=decimal(self.related_threshold, 2, self.lang),
            ),
            _(
                "Where each pair's links come from, under its cell or in the links-from column: * a curated "
                "crosswalk, inferred the matcher. A crosswalk records every overlap its authors judged, so a curated "
                "pair shows more related items than an inferred one would: compare like with like (--inferred-only "
                "puts every pair on the matcher's footing)."
            ),
            # Counts of a framework with items left out would read as its whole: show and gaps say so, and so here.
            *filter(None, [left_out(self.frameworks, self.lang)]),
        )

    def sources(self) -> tuple[FrameworkSummary, ...]:
        """The frameworks compared."""
        return self.frameworks

    def pair(self, framework: str, other: str) -> PairCoverage:
        """How much of ``framework`` ``other`` covers."""
        return next(p for p in self.pairs if (p.framework, p.other) == (framework, other))

    def table(self) -> Tabular:
        """Long format: one row per ordered pair of frameworks, with the counts and their percentages."""
        _ = translator(self.lang)
        # A count over a framework with items left out is not its whole: the row says so, as the table's notes do.
        incomplete = {f.id: f"{f.id}{_(': ')}{items_left_out(f, self.lang)}" for f in self.frameworks if f.omitted}
        return Tabular(
            (
                _("framework"),
                _("other framework"),
                _("principles"),
                _("equivalent"),
                _("related only"),
                _("none"),
                _("equivalent %"),
                _("related only %"),
                _("none %"),
                _("links from"),
                _("caution"),
            ),
            tuple(
                (
                    p.framework,
                    p.other,
                    str(p.principles),
                    str(p.equivalent),
                    str(p.related_only),
                    str(p.none),
                    str(p.equivalent_percent),
                    str(p.related_only_percent),
                    str(p.none_percent),
                    _origin(p, self.lang, marks=False),
                    " | ".join(
                        [
                            *(
                                c.note(self.lang)
                                for c in (self.kinds_caution, self.language_caution)
                                if c is not None and c.joins(p.framework, p.other)
                            ),
                            *(incomplete[f] for f in (p.framework, p.other) if f in incomplete),
                        ]
                    ),
                )
                for p in self.pairs
            ),
            numbers=(2, 3, 4, 5, 6, 7, 8),
        )


def coverage(
    index: MatcherIndex,
    frameworks: Sequence[Framework],
    config: MatchConfig | None = None,
    lang: str = "en",
    progress: Progress | None = None,
) -> CoverageReport:
    """How many principles of each framework have an equivalent, only related or no counterpart in each other.

    Every two frameworks are aligned once, as ``show`` aligns them; both directions of a pair are read from
    the same links.

    Args:
        index: the matcher index of the catalog the frameworks come from.
        frameworks: two or more frameworks, in row and column order.
        config: matcher settings (defaults when None).
        lang: ``en`` or ``fr``, for display.
        progress: told how many pairs of frameworks are done.
    """
    config = config or MatchConfig()
    links = align(index, frameworks, config, progress)
    summaries = tuple(FrameworkSummary.of(index.catalog, f) for f in frameworks)
    return CoverageReport(
        frameworks=summaries,
        kinds_caution=kinds_caution(summaries, ((x.a.framework, x.b.framework, x) for x in links)),
        language_caution=language_caution(index, ((x.a.framework, x.b.framework, x) for x in links)),
        pairs=pair_coverages(frameworks, links),
        curated=config.curated,
        equivalent_threshold=config.equivalent,
        equivalent_across_kinds=config.equivalent_across,
        wording=WordingRule.of(config),
        related_threshold=config.related,
        related_linked=config.related_linked,
        lang=lang,
        provenance=Provenance.of(index.catalog, config, index),
    )


MARKS: dict[Level, tuple[str, str]] = {
    "equivalent": ("=", "dg.equivalent"),
    "related": ("~", "dg.related"),
    "none": ("·", "dg.muted"),
}
"""Each level's mark and style: the mark keeps the table readable without colour."""

_CELL = 12
"""Columns a cell takes (``= 12  86%``) with the padding before the next, to decide whether the grid fits."""


@dataclass(frozen=True)
class CoverageView:
    """``dgcompare coverage``: rows are frameworks, columns the others, each cell three counts stacked.

    When the grid does not fit the width, each framework becomes a block of lines, one per other framework.
    """

    report: CoverageReport

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        from rich.text import Text

        r = self.report
        _ = translator(r.lang)
        if caution := r.caution():
            yield Text(caution, style="bold")
        names = _short_names(r.frameworks)
        # The grid, when every id fits its row unfolded beside one cell per framework.
        if max(len(f.id) for f in r.frameworks) + 3 + _CELL * len(r.frameworks) <= options.max_width:
            yield self._grid(names)
        else:
            yield from self._blocks(names)
        for line in r.legend():
            yield Text(line, style="dg.muted")
        if any(names[f.id] != f.id for f in r.frameworks):
            columns = ", ".join(f"{names[f.id]} = {f.id}" for f in r.frameworks)
            yield Text(_("Columns: {columns}").format(columns=columns), style="dg.muted")

    def _grid(self, names: dict[str, str]) -> "Table":
        from rich import box
        from rich.table import Table
        from rich.text import Text

        r = self.report
        _ = translator(r.lang)
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column(_("Items of"), overflow="fold")
        for f in r.frameworks:
            table.add_column(Text.assemble(_("in "), (names[f.id], "dg.code")), no_wrap=True)
        for position, f in enumerate(r.frameworks):
            cells = [
                _stacked(r.pair(f.id, other.id), r.lang) if other.id != f.id else Text("—", style="dg.muted")
                for other in r.frameworks
            ]
            table.add_row(_label(f, "\n", r.lang), *cells, end_section=position < len(r.frameworks) - 1)
        return table

    def _blocks(self, names: dict[str, str]) -> "RenderResult":
        from rich.text import Text

        r = self.report
        _ = translator(r.lang)
        width = max(len(name) for name in names.values())
        for f in r.frameworks:
            yield Text(_("Items of") + " ").append_text(_label(f, " (", r.lang)).append("):", style="dg.muted")
            for other in r.frameworks:
                if other.id != f.id:
                    pair = r.pair(f.id, other.id)
                    line = Text.assemble("  " + _("in "), (f"{names[other.id]:<{width}}", "dg.code"), "   ")
                    line.append_text(Text("   ").join(_count(pair, level, r.lang) for level in LEVELS))
                    yield line.append(f"   {_origin(pair, r.lang)}", style="dg.muted")


def _short_names(frameworks: Sequence[FrameworkSummary]) -> dict[str, str]:
    """A framework's jurisdiction code where no other framework shown shares it, else its id."""
    codes = [f.jurisdiction for f in frameworks]
    return {f.id: f.jurisdiction if codes.count(f.jurisdiction) == 1 else f.id for f in frameworks}


def _label(f: FrameworkSummary, between: str, lang: str) -> "Text":
    """The framework's id, then ``between``, then how many items it has."""
    from rich.text import Text

    return Text.assemble((f.id, "dg.id"), (f"{between}{counted_items(f.principles, f.item_name, lang)}", "dg.muted"))


def _count(pair: PairCoverage, level: Level, lang: str) -> "Text":
    from rich.text import Text

    mark, style = MARKS[level]
    count, share = {
        "equivalent": (pair.equivalent, pair.equivalent_percent),
        "related": (pair.related_only, pair.related_only_percent),
        "none": (pair.none, pair.none_percent),
    }[level]
    # French writes '50 %'.
    return Text(f"{mark} {count:>2} " + translator(lang)("{percent}%").format(percent=f"{share:>3}"), style=style)


def _stacked(pair: PairCoverage, lang: str) -> "Text":
    from rich.text import Text

    return (
        Text("\n")
        .join(_count(pair, level, lang) for level in LEVELS)
        .append(f"\n{_origin(pair, lang)}", style="dg.muted")
    )


def _origin(pair: PairCoverage, lang: str, marks: bool = True) -> str:
    """Where the pair's links come from, in a word: curated (``*`` on screen), inferred, or both."""
    return origin_word(pair.links, lang, marks)


def origin_word(links: LinkSources, lang: str, marks: bool = False) -> str:
    """Where links come from, in a word: curated (``*`` with ``marks``), inferred, both, or '' for none."""
    inferred = source_word("inferred", lang)
    curated = "*" if marks else source_word("curated", lang)
    return {"curated": curated, "mixed": f"{curated} + {inferred}", "inferred": inferred, "none": ""}[links]


def mixed_sources(sources: Iterable[LinkSources], lang: str) -> str | None:
    """A warning where some pairs' links are curated and others inferred; None where they all come from one."""
    if len(set(sources) - {"none"}) < 2:
        return None
    _ = translator(lang)
    return _(
        "Some figures rest on curated crosswalks, others on the matcher alone (each says which). A crosswalk records "
        "every overlap its authors judged, so a curated pair shows more related items than an inferred one would: "
        "compare like with like (--inferred-only puts every pair on the matcher's footing)."
    )

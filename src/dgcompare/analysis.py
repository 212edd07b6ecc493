"""Pure computations from a catalog to results: no I/O, no settings read from the environment."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from dgcompare.matcher import EQUIVALENT, Link, MatchConfig, MatcherIndex, PrincipleRef, Progress, align, align_pair
from dgcompare.models import Catalog, CrosswalkFile, CrosswalkHeader, CrosswalkMapping, Framework
from dgcompare.results import Alignment, Cell, Comparison, FrameworkSummary, PrincipleSummary, Row


def alignments_of(catalog: Catalog, links: Iterable[Link]) -> list[Alignment]:
    """The matcher's links as result objects, each principle summarised once."""
    summaries: dict[PrincipleRef, PrincipleSummary] = {}

    def summary(ref: PrincipleRef) -> PrincipleSummary:
        found = summaries.get(ref)
        if found is None:
            framework = catalog.framework(ref.framework)
            principle = framework.principle(ref.number) if framework else None
            if framework is None or principle is None:
                raise ValueError(f"{ref.framework}:{ref.number} is not a principle of this catalog")
            found = summaries[ref] = PrincipleSummary.of(framework, principle)
        return found

    return [
        Alignment(a=summary(x.a), b=summary(x.b), score=x.score, relation=x.relation, source=x.source, why=x.why)
        for x in links
    ]


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


def draft_crosswalk(
    index: MatcherIndex, source: Framework, target: Framework, config: MatchConfig, today: datetime.date
) -> CrosswalkFile:
    """The inferred alignments of two frameworks as a crosswalk whose mappings await human review."""
    mappings = []
    for link in align_pair(index, source, target, config):
        equivalent = link.relation == EQUIVALENT
        mappings.append(
            CrosswalkMapping(
                source=link.a.number,
                target=link.b.number,
                relationship="equal" if equivalent else "intersects",
                rationale="semantic",
                strength=max(7 if equivalent else 4, min(10, round(link.score * 10 + (4 if equivalent else 2)))),
                explanation="; ".join(link.why) or "inferred by dgcompare",
                status="suggested",
            )
        )
    header = CrosswalkHeader(
        source=source.id,
        target=target.id,
        title=f"{source.title} to {target.title}",
        author="drafted by dgcompare; to be reviewed",
        date=today,
        method="Drafted from dgcompare's inferred alignments. Review every mapping against both official texts, "
        "correct relationship, rationale and strength, delete wrong ones, add missing ones, and set status to "
        "confirmed.",
    )
    ordered = sorted(mappings, key=lambda m: (m.source, m.target))
    return CrosswalkFile(crosswalk=header, mappings=tuple(ordered))

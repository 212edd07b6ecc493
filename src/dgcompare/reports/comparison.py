"""``dgcompare show A B [C ...]``: the principles of several frameworks aligned in rows of counterparts.

The builder, its result and its view live together here; every format is a view of the result.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import Field
from rapidfuzz import fuzz

from dgcompare.i18n import plural_translator, score_text, translator
from dgcompare.matcher import EQUIVALENT, MatchConfig, MatcherIndex, Progress, Relation, Source, align
from dgcompare.models import Framework
from dgcompare.reports.base import (
    CROSSWALK,
    RELATION,
    SOURCE,
    Alignment,
    FrameworkSummary,
    LinkRecord,
    PrincipleSummary,
    Provenance,
    Report,
    Result,
    Tabular,
    ThemeSummary,
    alignments_of,
    counted,
    counted_items,
    item_word,
    left_out,
    link_legend,
    marked,
    on_theme,
    relation_word,
    shown_language,
    source_word,
    wording_notes,
)
from dgcompare.reports.coverage import PairCoverage, mixed_sources, pair_coverages
from dgcompare.reports.quality import KindsCaution, LanguageCaution, kinds_caution, language_caution, lead, row_reasons
from dgcompare.text import fold

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.text import Text


class Linked(Result):
    """A counterpart of a row's anchor principle: the principle, and its link with the anchor."""

    principle: PrincipleSummary
    relation: Relation = Field(description=RELATION)
    score: float
    """The score of the link between this principle and the row's anchor, never another pair's."""
    source: Source = Field(description=SOURCE)
    crosswalk: str | None = Field(default=None, description=CROSSWALK)


class Row(Result):
    """One principle of the anchor framework and its counterparts in each other framework."""

    anchor: PrincipleSummary
    counterparts: tuple[tuple[Linked, ...], ...]
    """One tuple per other framework, in column order: every principle linked to the anchor, equivalents
    first, then by score, ties to the closer wording."""

    @property
    def matched(self) -> bool:
        """True when the anchor has a counterpart in at least one other framework."""
        return any(self.counterparts)


class Comparison(Report):
    """The frameworks compared, every link between them, and the rows the table shows.

    The first framework is the anchor: each row is one of its principles with the principles linked to it,
    each scored against it. Principles of the other frameworks linked to no anchor principle are listed in
    ``unanchored``; links between two frameworks other than the anchor are in ``alignments`` like every link.
    """

    frameworks: tuple[FrameworkSummary, ...]
    alignments: tuple[Alignment, ...]
    """Every link between any two of the frameworks, each pair once."""
    rows: tuple[Row, ...]
    """One per principle of the anchor framework, in its order."""
    unanchored: tuple[PrincipleSummary, ...]
    """Principles of the other frameworks linked to no principle of the anchor."""
    unmatched: tuple[PrincipleSummary, ...]
    """Principles linked to nothing in any other framework."""
    theme: ThemeSummary | None = None
    """The theme the comparison was narrowed to, if any: only principles on it, and the links between them."""
    coverage: tuple[PairCoverage, ...] = ()
    """How much of each framework each other covers, from ``alignments``, as ``dgcompare coverage`` counts it."""
    kinds_caution: KindsCaution | None = None
    """Where an equivalent shown was inferred between frameworks of different kinds: how many, and what such
    equivalents proved worth."""
    language_caution: LanguageCaution | None = None
    """Where an equivalent shown was inferred with a framework read in a language other than English or French: how
    many, and what such equivalents proved worth."""
    lang: str = "en"
    record_type = LinkRecord

    def records(self) -> tuple[LinkRecord, ...]:
        """One record per link, between any two of the frameworks (``alignments``)."""
        return tuple(LinkRecord.of(x, self.lang) for x in self.alignments)

    def brief(self) -> str:
        """``uk-service-standard-2019 vs au-dss-v2: 14 rows, 12 links``."""
        ids = " vs ".join(f.id for f in self.frameworks)
        return f"{ids}: {counted(len(self.rows), 'row')}, {counted(len(self.alignments), 'link')}"

    def view(self) -> "ComparisonView":
        """The side-by-side table of ``dgcompare show``."""
        return ComparisonView(self)

    @property
    def anchor(self) -> FrameworkSummary:
        """The framework whose principles make the rows."""
        return self.frameworks[0]

    def side_links(self) -> tuple[Alignment, ...]:
        """The links between two frameworks other than the anchor."""
        anchor = self.anchor.id
        return tuple(x for x in self.alignments if anchor not in (x.a.framework, x.b.framework))

    def heading(self) -> str:
        """``Comparison:`` and the frameworks, anchor first."""
        _ = translator(self.lang)
        return _("Comparison: {frameworks}").format(frameworks=", ".join(f.id for f in self.frameworks))

    def caution(self) -> str | None:
        """A warning where an inferred equivalent crosses kinds or languages, or curated and inferred pairs mix."""
        found = lead((self.kinds_caution, self.language_caution), self.lang)
        mixed = mixed_sources((p.links for p in self.coverage), self.lang)
        if mixed is None:
            return found
        _ = translator(self.lang)
        return f"{found} {mixed}" if found else _("Caution: {what}").format(what=mixed)

    def legend(self) -> tuple[str, ...]:
        """The marks of a link, and what its table's "covers the other wholly" column says."""
        _ = translator(self.lang)
        return (
            link_legend(self.lang, self.provenance),
            _(
                "Covers the other wholly (in exports): which side makes the whole of the other's commitment: both "
                "for an equivalent (a curated intersecting pair of strength 7 or more included: the same core); one "
                "side for a curated subset or superset, which may be strong enough to count as equivalent. A gap "
                "report counts a commitment covered only where it is made whole."
            ),
        )

    def sources(self) -> tuple[FrameworkSummary, ...]:
        """The frameworks compared."""
        return self.frameworks

    def row_rule(self) -> str:
        """What a row of the side-by-side table holds."""
        _ = translator(self.lang)
        return _("Each row: a {item} of {anchor} and its counterparts, every score against that {item}.").format(
            item=item_word(self.anchor.item_name, 1, self.lang), anchor=self.anchor.id
        )

    def counts(self) -> tuple[str, ...]:
        """How many of the anchor's principles have a counterpart, and how many principles have none, in sentences."""
        n_ = plural_translator(self.lang)
        anchor = self.anchor
        matched = sum(row.matched for row in self.rows)
        # Of the rows shown: narrowed to a theme, a count of all the anchor's items would read as missing ones.
        counts = [
            n_("{matched} of {total} has a counterpart.", "{matched} of {total} have a counterpart.", matched).format(
                matched=matched, total=counted_items(len(self.rows), anchor.item_name, self.lang)
            ),
        ]
        if self.unanchored:
            counts.append(
                n_(
                    "{count} principle of the other frameworks has none in {anchor} (last rows).",
                    "{count} principles of the other frameworks have none in {anchor} (last rows).",
                    len(self.unanchored),
                ).format(count=len(self.unanchored), anchor=anchor.id)
            )
        counts.append(
            n_(
                "{count} principle has no counterpart in any framework shown.",
                "{count} principles have no counterpart in any framework shown.",
                len(self.unmatched),
            ).format(count=len(self.unmatched))
        )
        return tuple(counts)

    def conclusions(self) -> tuple[str, ...]:
        """How many principles have counterparts, then each framework's coverage in the others.

        Not the principles with no counterpart in the anchor, which the side-by-side table puts in its last rows:
        an export's rows are links.
        """
        counts = self.counts()
        return (counts[0], counts[-1], *self.coverage_lines())

    def coverage_lines(self) -> tuple[str, ...]:
        """The anchor's coverage in each other framework, then theirs in the anchor (``dgcompare coverage`` has all)."""
        anchor = self.anchor.id
        named = {f.id: f for f in self.frameworks}
        pairs = sorted(
            (x for x in self.coverage if anchor in (x.framework, x.other)), key=lambda x: x.framework != anchor
        )
        lines = tuple(_coverage_line(pair, named[pair.framework], self.lang) for pair in pairs)
        return (*lines, note) if (note := self.unchecked()) else lines

    def unchecked(self) -> str | None:
        """Which pairs of frameworks no curated crosswalk (or one for only some of their links) checks."""
        _ = translator(self.lang)
        config = self.provenance.config if self.provenance is not None else None
        if config is not None and not config.curated:
            # Not 'no crosswalk': one may exist, set aside on request.
            return _(
                "Curated crosswalks set aside (--inferred-only): every link here is the matcher's inference. Read one "
                "before you cite it (dgcompare explain gives its reasons)."
            )
        order = {f.id: position for position, f in enumerate(self.frameworks)}
        between = {tuple(sorted((x.framework, x.other), key=order.__getitem__)): x.links for x in self.coverage}
        named = {
            links: _("; ").join(
                _("{a} with {b}").format(a=a, b=b) for (a, b), found in between.items() if found == links
            )
            for links in ("inferred", "mixed")
        }
        notes = []
        if named["inferred"]:
            notes.append(
                _(
                    "No curated crosswalk checks the links of {pairs}: each is the matcher's inference. Read one "
                    "before you cite it (dgcompare explain gives its reasons)."
                ).format(pairs=named["inferred"])
            )
        if named["mixed"]:
            # A crosswalk that holds some of a pair's links does not vouch for the others.
            notes.append(
                _(
                    "A curated crosswalk holds only some of the links of {pairs}; the others, without *, are the "
                    "matcher's."
                ).format(pairs=named["mixed"])
            )
        return " ".join(notes) or None

    def table(self) -> Tabular:
        """One row per link, then one per principle with no counterpart at all: ready for a spreadsheet."""
        _ = translator(self.lang)

        def described(p: PrincipleSummary) -> tuple[str, str, str]:
            return p.framework, str(p.number), marked(p, self.lang)

        def whole(x: Alignment) -> str:
            if x.a_covers_b and x.b_covers_a:
                return _("both")
            if x.a_covers_b:
                return _("this one")
            return _("the counterpart") if x.b_covers_a else ""

        rows = [
            (
                *described(x.a),
                *described(x.b),
                relation_word(x.relation, self.lang),
                score_text(x.score),
                source_word(x.source, self.lang),
                " | ".join(row_reasons(x, (self.kinds_caution, self.language_caution), self.lang)),
                x.a.url or "",
                x.b.url or "",
                whole(x),
            )
            for x in self.alignments
        ]
        rows.extend(
            (*described(p), "", "", "", _("no counterpart"), "", "", "", p.url or "", "", "") for p in self.unmatched
        )
        lang = self.lang
        rows.extend(
            (f.id, str(o.number), "", "", "", "", _("not in the catalog"), "", "", o.reason, f.url_in(lang), "", "")
            for f in self.frameworks
            for o in f.omitted
        )

        def language(p: PrincipleSummary) -> str:
            found = shown_language(p, self.lang)
            return "" if found == self.lang else found

        # Curated rationales are written in English, in the crosswalk files.
        rationale = "en" if self.lang != "en" else ""
        languages: list[tuple[str, ...]] = [
            (
                "",
                "",
                language(x.a),
                "",
                "",
                language(x.b),
                "",
                "",
                "",
                rationale if x.source == "curated" else "",
                "",
                "",
                "",
            )
            for x in self.alignments
        ]
        languages.extend(("", "", language(p), *[""] * 10) for p in self.unmatched)
        languages.extend(
            ("", "", "", "", "", "", "", "", "", rationale, "", "", "") for f in self.frameworks for _o in f.omitted
        )
        return Tabular(
            (
                _("framework"),
                _("number"),
                _("title"),
                _("counterpart framework"),
                _("counterpart number"),
                _("counterpart title"),
                _("relation"),
                _("score"),
                _("source"),
                _("why"),
                _("url"),
                _("counterpart url"),
                _("covers the other wholly"),
            ),
            tuple(rows),
            numbers=(1, 4, 7),
            links=((2, 10), (5, 11)),
            languages=tuple(languages),
        )


def compare(
    index: MatcherIndex,
    frameworks: Sequence[Framework],
    config: MatchConfig | None = None,
    lang: str = "en",
    progress: Progress | None = None,
    theme: str | None = None,
) -> Comparison:
    """Align ``frameworks`` and arrange them in rows of counterparts of the first one's principles.

    Args:
        index: the matcher index of the catalog the frameworks come from.
        frameworks: two or more frameworks, in column order; the first is the anchor.
        config: matcher settings (defaults when None).
        lang: ``en`` or ``fr``, for display.
        progress: told how many pairs of frameworks are done.
        theme: keep only the principles on this theme (see :func:`~dgcompare.reports.base.on_theme`), and
            the links between them; the links are those of the whole frameworks, scores unchanged.
    """
    catalog = index.catalog
    summaries = tuple(FrameworkSummary.of(catalog, f) for f in frameworks)
    alignments = alignments_of(catalog, align(index, frameworks, config, progress))
    if theme is not None:
        # Aligned whole, then narrowed: a pair keeps the relation and score it has without the filter.
        kept = {(f.id, p.number) for f in frameworks for p in f.principles if on_theme(index, f, p, theme)}
        frameworks = [_narrowed(f, kept) for f in frameworks]
        alignments = [x for x in alignments if {(x.a.framework, x.a.number), (x.b.framework, x.b.number)} <= kept]
    anchor, others = frameworks[0], frameworks[1:]
    column = {f.id: position for position, f in enumerate(others)}
    found: dict[int, list[list[Linked]]] = {p.number: [[] for _ in others] for p in anchor.principles}
    for link in alignments:
        for mine, theirs in ((link.a, link.b), (link.b, link.a)):
            if mine.framework == anchor.id:
                found[mine.number][column[theirs.framework]].append(
                    Linked(
                        principle=theirs,
                        relation=link.relation,
                        score=link.score,
                        source=link.source,
                        crosswalk=link.crosswalk,
                    )
                )
    rows = tuple(
        Row(
            anchor=(summary := PrincipleSummary.of(anchor, p)),
            counterparts=tuple(tuple(sorted(cell, key=lambda c: _order(summary, c))) for cell in found[p.number]),
        )
        for p in anchor.principles
    )
    linked = {(x.a.framework, x.a.number) for x in alignments} | {(x.b.framework, x.b.number) for x in alignments}
    with_anchor = {
        (c.principle.framework, c.principle.number) for row in rows for cell in row.counterparts for c in cell
    }
    every = [PrincipleSummary.of(f, p) for f in frameworks for p in f.principles]
    return Comparison(
        frameworks=summaries,
        alignments=tuple(alignments),
        rows=rows,
        unanchored=tuple(p for p in every if p.framework != anchor.id and (p.framework, p.number) not in with_anchor),
        unmatched=tuple(p for p in every if (p.framework, p.number) not in linked),
        coverage=pair_coverages(frameworks, alignments),
        kinds_caution=kinds_caution(summaries, ((x.a.framework, x.b.framework, x) for x in alignments)),
        language_caution=language_caution(index, ((x.a.framework, x.b.framework, x) for x in alignments)),
        theme=ThemeSummary.of(catalog, theme),
        lang=lang,
        provenance=Provenance.of(catalog, config or MatchConfig(), index),
    )


def _narrowed(framework: Framework, kept: set[tuple[str, int]]) -> Framework:
    """``framework`` with only its principles in ``kept``: what a theme filter leaves to arrange."""
    principles = tuple(p for p in framework.principles if (framework.id, p.number) in kept)
    return framework.model_copy(update={"principles": principles})


def _order(anchor: PrincipleSummary, linked: Linked) -> tuple[bool, float, float, int]:
    """Equivalents first, then the strongest; between equal scores, the closer wording to the anchor's title."""
    wording = fuzz.token_set_ratio(fold(anchor.title), fold(linked.principle.title))
    return linked.relation != EQUIVALENT, -linked.score, -wording, linked.principle.number


@dataclass(frozen=True)
class ComparisonView:
    """``dgcompare show A B [C ...]``: a row per principle of A, its counterparts in the other columns."""

    comparison: Comparison

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        from rich import box
        from rich.table import Table
        from rich.text import Text

        c, lang = self.comparison, self.comparison.lang
        _ = translator(lang)
        longest = max(len(f.id) for f in c.frameworks)
        # A principle linked only to other columns names them as 'framework:number,': whole too, or Rich folds it.
        references = max((len(r) + 1 for refs in _partners(c.side_links()).values() for r in refs), default=0)
        # Side by side while each column holds its framework id whole and a readable title; stacked below.
        columns = len(c.frameworks)
        stacked = (options.max_width - 2 * columns) // columns < max(COLUMN_WIDTH, longest, references)
        if caution := c.caution():
            yield Text(caution, style="bold")
        if c.theme is not None:
            yield Text(c.theme.note(lang))
        yield from self._stacked(lang) if stacked else [self._table(lang)]
        yield Text(" ".join((c.row_rule(), *c.counts(), *c.legend())), style="dg.muted")
        for line in c.coverage_lines():
            yield Text(line, style="dg.muted")
        if note := left_out(c.frameworks, lang):
            yield Text(note, style="dg.muted")
        side = c.side_links()
        if side:
            yield Text(
                _("Links between the other frameworks ({count}), each with its own score:").format(count=len(side))
            )
            if stacked:
                from rich.padding import Padding

                # Each counterpart indented under its principle: run together, wrapped pairs could not be told apart.
                # The mark leads, so that wrapping never parts it from its score.
                for x in side:
                    mark = _mark(x.relation, x.score, x.source, lang)
                    yield Text.assemble(mark, " ", _reference_text(x.a, lang))
                    yield Padding(_reference_text(x.b, lang), (0, 0, 0, 4))
            else:
                links = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
                links.add_column(_("Principle"), ratio=1)
                links.add_column(_("Link"), no_wrap=True)
                links.add_column(_("Counterpart"), ratio=1)
                for x in side:
                    mark = _mark(x.relation, x.score, x.source, lang)
                    links.add_row(_reference_text(x.a, lang), mark, _reference_text(x.b, lang))
                yield links
        for note in wording_notes(c, lang):
            yield Text(note, style="dg.muted")

    def _table(self, lang: str) -> "RenderableType":
        """A column per framework, a row per principle of the first."""
        from rich import box
        from rich.table import Table
        from rich.text import Text

        from dgcompare.render import localized_text

        c, _ = self.comparison, translator(lang)
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, expand=True, show_lines=False)
        for f in c.frameworks:
            title = localized_text(f, lang, style="dg.muted").append(f" ({f.dated(lang)})")
            table.add_column(Text.assemble((f.id, "dg.id"), "\n", title), ratio=1, overflow="fold")
        empty = [Text("") for __ in c.frameworks[1:]]
        matched = [row for row in c.rows if row.matched]
        alone = [row for row in c.rows if not row.matched]
        for position, row in enumerate(matched):
            cells = [_linked_text(cell, lang) for cell in row.counterparts]
            table.add_row(_principle_text(row.anchor, lang), *cells, end_section=position == len(matched) - 1)
        for position, row in enumerate(alone):
            table.add_row(_principle_text(row.anchor, lang), *empty, end_section=position == len(alone) - 1)
        column = {f.id: position for position, f in enumerate(c.frameworks)}
        partners = _partners(c.side_links())
        for p in c.unanchored:
            cells = [Text("") for __ in c.frameworks]
            cells[column[p.framework]] = _principle_text(p, lang)
            if partners.get((p.framework, p.number)):
                cells[column[p.framework]].append(
                    "\n"
                    + _("linked to {references} (below)").format(
                        references=", ".join(partners[(p.framework, p.number)])
                    ),
                    style="dg.muted",
                )
            table.add_row(*cells)
        return table

    def _stacked(self, lang: str) -> "Iterator[RenderableType]":
        """Each principle of the first framework, its counterparts indented below it, each with its framework."""
        from rich.padding import Padding
        from rich.text import Text

        from dgcompare.render import localized_text

        c, _ = self.comparison, translator(lang)
        # The side-by-side headers name each framework, its year and status (a draft); here a line each does.
        for f in c.frameworks:
            title = localized_text(f, lang, style="dg.muted").append(f" ({f.dated(lang)})", style="dg.muted")
            yield Text.assemble((f.id, "dg.id"), _(": "), title)
        yield Text.assemble(_("Rows: "), (c.anchor.id, "dg.id"), _("; below each, its counterparts and their links."))
        for row in sorted(c.rows, key=lambda r: not r.matched):
            yield _reference_text(row.anchor, lang)
            for cell in row.counterparts:
                for x in cell:
                    line = Text.assemble(
                        _mark(x.relation, x.score, x.source, lang), " ", _reference_text(x.principle, lang)
                    )
                    yield Padding(line, (0, 0, 0, 4))
        if c.unanchored:
            yield Text(_("No counterpart in {anchor}:").format(anchor=c.anchor.id))
            for p in c.unanchored:
                yield Padding(_reference_text(p, lang), (0, 0, 0, 4))


COLUMN_WIDTH = 22
"""The narrowest column of the side-by-side table; narrower terminals get the stacked layout."""


def _coverage_line(pair: PairCoverage, framework: FrameworkSummary, lang: str) -> str:
    n_ = plural_translator(lang)
    return n_(
        "{framework}: {equivalent} of {total} has an equivalent in {other}, {related}, {none} nothing.",
        "{framework}: {equivalent} of {total} have an equivalent in {other}, {related}, {none} nothing.",
        pair.equivalent,
    ).format(
        framework=pair.framework,
        equivalent=pair.equivalent,
        total=counted_items(pair.principles, framework.item_name, lang),
        other=pair.other,
        # Its own agreement: French says '1 seulement lié', '2 seulement liés'.
        related=n_("{count} only related", "{count} only related", pair.related_only).format(count=pair.related_only),
        none=pair.none,
    )


def _partners(links: Iterable[Alignment]) -> dict[tuple[str, int], list[str]]:
    found: dict[tuple[str, int], list[str]] = {}
    for x in links:
        found.setdefault((x.a.framework, x.a.number), []).append(f"{x.b.framework}:{x.b.number}")
        found.setdefault((x.b.framework, x.b.number), []).append(f"{x.a.framework}:{x.a.number}")
    return found


def _principle_text(p: PrincipleSummary, lang: str) -> "Text":
    from rich.text import Text

    from dgcompare.render import localized_text

    return Text(f"{p.number}. ").append(localized_text(p, lang))


def _reference_text(p: PrincipleSummary, lang: str) -> "Text":
    from rich.text import Text

    from dgcompare.render import localized_text

    return Text.assemble((f"{p.framework}:{p.number} ", "dg.id"), localized_text(p, lang))


def _mark(relation: str, score: float, source: str, lang: str) -> "Text":
    from rich.text import Text

    from dgcompare.render import MARKS

    style = "dg.equivalent" if relation == EQUIVALENT else "dg.related"
    return Text(f"{MARKS[relation]} {score_text(score, lang)}{'*' if source == 'curated' else ''}", style=style)


def _linked_text(cell: Sequence[Linked], lang: str) -> "Text":
    """Each counterpart as ``3. Title`` with the mark and score of its link with the anchor below it."""
    from rich.text import Text

    parts = [
        _principle_text(x.principle, lang).append("\n").append_text(_mark(x.relation, x.score, x.source, lang))
        for x in cell
    ]
    return Text("\n").join(parts)

"""``dgcompare list``: every jurisdiction of the active catalog and its frameworks.

The builder, its result and its view live together here; every format is a view of the result.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import Field, computed_field

from dgcompare.i18n import plural_translator, translator
from dgcompare.models import Catalog, EgovRank, FrameworkKind, Status
from dgcompare.reports.base import (
    KIND,
    STATUS,
    FrameworkSummary,
    Provenance,
    Record,
    Reference,
    Report,
    Result,
    Tabular,
    counted_items,
    kind_label,
    label_in,
    marked,
    status_word,
    title_fields,
    wording_notes,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
    from rich.text import Text


class JurisdictionSummary(Result):
    """A jurisdiction and its frameworks, for ``dgcompare list``."""

    code: str
    name: str
    name_fr: str | None
    aliases: tuple[str, ...]
    parent: str | None
    egov_ranks: tuple[EgovRank, ...]
    egov_missing: tuple[int, ...] = ()
    """The listing's survey years (:attr:`Listing.egov_surveys`) for which the catalog holds no verified rank of
    this jurisdiction; none for one the survey does not rank."""
    un_member_state: bool = True
    frameworks: tuple[FrameworkSummary, ...]
    source: str


class FrameworkRecord(Record):
    """One framework of the catalog, with what it takes to cite it."""

    jurisdiction: str = Field(description="the code of its jurisdiction")
    jurisdiction_name: str = Field(description="the jurisdiction's name in the report's language")
    framework: str = Field(description="the framework's id")
    title: str = Field(description="its title as a reader of the report's language sees it, without a mark")
    title_language: str = Field(description="the language of title (ISO 639-1)")
    title_official: bool = Field(description="title is the official wording; False where the text is ours")
    adopted: int | None = Field(description="the year it was adopted or published; None for a text that states none")
    principles: int = Field(description="how many of its items the catalog holds")
    omitted: int = Field(description="how many of its items the catalog leaves out, on purpose")
    kind: FrameworkKind | None = Field(description=KIND)
    status: Status = Field(description=STATUS)
    default: bool = Field(description="its jurisdiction's code selects it")
    publisher: str = Field(description="who published it")
    url: str = Field(description="where to read it")
    licence: str | None = Field(description="the licence of its text, where known")


class Listing(Report):
    """Every jurisdiction of the active catalog with its frameworks."""

    jurisdictions: tuple[JurisdictionSummary, ...]
    lang: str = "en"
    egov_surveys: tuple[int, ...] = ()
    """The UN E-Government Survey years of which the catalog holds a rank, oldest first."""
    record_type = FrameworkRecord

    @computed_field  # type: ignore[prop-decorator]
    @property
    def egov_ranks_note(self) -> str:
        """What the ranks are, what a year without one means, and what to compare: in English, as the JSON is."""
        return " ".join(self.rank_notes("en"))

    def records(self) -> tuple[FrameworkRecord, ...]:
        """One record per framework, jurisdiction by jurisdiction."""
        return tuple(
            FrameworkRecord(
                jurisdiction=j.code,
                jurisdiction_name=label_in(j.name, j.name_fr, self.lang),
                framework=f.id,
                **title_fields(f, self.lang),
                adopted=f.adopted,
                principles=f.principles,
                omitted=len(f.omitted),
                kind=f.kind,
                status=f.status,
                default=f.default,
                publisher=f.publisher,
                url=f.url,
                licence=f.licence,
            )
            for j in self.jurisdictions
            for f in j.frameworks
        )

    def brief(self) -> str:
        """``18 jurisdictions, 31 frameworks``."""
        return self.counts()

    def view(self) -> "ListingView":
        """The table ``dgcompare list`` prints."""
        return ListingView(self)

    def heading(self) -> str:
        """``Catalog:`` and how many jurisdictions and frameworks it holds."""
        _ = translator(self.lang)
        return _("Catalog: {counts}").format(counts=self.counts())

    def counts(self) -> str:
        """``9 jurisdictions, 18 frameworks``."""
        n_ = plural_translator(self.lang)
        count, places = sum(len(j.frameworks) for j in self.jurisdictions), len(self.jurisdictions)
        return ", ".join(
            (
                n_("{count} jurisdiction", "{count} jurisdictions", places).format(count=places),
                n_("{count} framework", "{count} frameworks", count).format(count=count),
            )
        )

    def legend(self) -> tuple[str, ...]:
        """What ``default`` means, then what the ranks are and how to read them."""
        return (self.default_note(), *self.rank_notes(self.lang))

    def default_note(self) -> str:
        """What ``default`` means."""
        _ = translator(self.lang)
        return _("A jurisdiction code selects its default framework.")

    def rank_notes(self, lang: str) -> tuple[str, ...]:
        """What the EGDI ranks are, that a survey year without one is a gap in the catalog, and who has none.

        None when the catalog holds no rank at all.
        """
        if not self.egov_surveys:
            return ()
        _, n_ = translator(lang), plural_translator(lang)
        notes = [
            _(
                "UN EGDI rank: the rank in the E-Government Development Index (EGDI) of the United Nations "
                "E-Government Survey (UN DESA), out of the 193 UN Member States, in the survey year given with it. "
                "Each survey ranks the countries against one another: compare ranks of the same survey year only."
            )
        ]
        missing = [j for j in self.jurisdictions if j.egov_missing]
        if missing:
            notes.append(
                _(
                    "{dash} for a survey year: the catalog holds no verified rank from that survey, which does not "
                    "mean the country was unranked (every survey ranks all 193 Member States). No verified rank: "
                    "{missing}."
                ).format(
                    dash=NO_RANK,
                    missing=_("; ").join(f"{j.code} {', '.join(map(str, j.egov_missing))}" for j in missing),
                )
            )
        outside = [j.code for j in self.jurisdictions if not j.un_member_state]
        if outside:
            notes.append(
                n_(
                    "{codes} is not a UN Member State: the survey does not rank it.",
                    "{codes} are not UN Member States: the survey does not rank them.",
                    len(outside),
                ).format(codes=", ".join(outside))
            )
        return tuple(notes)

    def rank_note(self, jurisdiction: JurisdictionSummary) -> str:
        """The ranks of ``jurisdiction`` in one sentence: the survey years it has none for, what to compare."""
        if not self.egov_surveys:
            return ""
        _, n_ = translator(self.lang), plural_translator(self.lang)
        if not jurisdiction.un_member_state:
            return _("Not a UN Member State: the survey does not rank it.")
        compare = _("Compare ranks of the same survey year only.")
        if not jurisdiction.egov_missing:
            return compare
        gap = n_(
            "No verified rank in the catalog from the {years} survey, which does not mean it was unranked.",
            "No verified rank in the catalog from the {years} surveys, which does not mean it was unranked.",
            len(jurisdiction.egov_missing),
        ).format(years=", ".join(map(str, jurisdiction.egov_missing)))
        return f"{gap} {compare}"

    def ranks_by_year(self, jurisdiction: JurisdictionSummary) -> tuple[tuple[int, str], ...]:
        """Each survey year of the listing with the rank of ``jurisdiction``, :data:`NO_RANK` where there is none.

        Nothing for a jurisdiction the survey does not rank.
        """
        if not jurisdiction.un_member_state:
            return ()
        ranks = {r.year: str(r.rank) for r in jurisdiction.egov_ranks}
        return tuple((year, ranks.get(year, NO_RANK)) for year in self.egov_surveys)

    def sources(self) -> tuple[FrameworkSummary, ...]:
        """Every framework of the catalog."""
        return tuple(f for j in self.jurisdictions for f in j.frameworks)

    def references(self) -> tuple[Reference, ...]:
        """The page each EGDI rank comes from: one citation per page and survey year, oldest survey first."""
        n_ = plural_translator(self.lang)
        cited: dict[tuple[int, str], list[str]] = {}
        for j in self.jurisdictions:
            for r in j.egov_ranks:
                cited.setdefault((r.year, r.source), []).append(j.code)
        return tuple(
            Reference(
                n_(
                    "UN E-Government Survey {year}, EGDI rank of {codes}: {url}",
                    "UN E-Government Survey {year}, EGDI ranks of {codes}: {url}",
                    len(codes),
                ).format(year=year, codes=", ".join(codes), url=url),
                url,
            )
            for (year, url), codes in sorted(cited.items(), key=lambda item: (item[0][0], item[1], item[0][1]))
        )

    def table(self) -> Tabular:
        """One row per framework, with what it takes to cite it; kinds and statuses in the report's language."""
        _ = translator(self.lang)
        return Tabular(
            (
                _("jurisdiction"),
                _("name"),
                _("framework"),
                _("title"),
                _("year"),
                _("principles"),
                _("kind"),
                _("default"),
                _("status"),
                _("UN EGDI rank of 193, by survey year"),
                _("UN EGDI rank sources"),
                _("UN EGDI rank note"),
                _("publisher"),
                _("url"),
                _("licence"),
            ),
            tuple(
                (
                    j.code,
                    label_in(j.name, j.name_fr, self.lang),
                    f.id,
                    marked(f, self.lang),
                    f.year(self.lang),
                    str(f.principles),
                    kind_label(f.kind, 1, self.lang) if f.kind else "",
                    _("yes") if f.default else "",
                    status_word(f.status, self.lang),
                    "; ".join(f"{year}: {rank}" for year, rank in self.ranks_by_year(j)),
                    "; ".join(f"{r.year}: {r.source}" for r in j.egov_ranks),
                    self.rank_note(j),
                    f.publisher_in(self.lang),
                    f.url_in(self.lang),
                    f.licence or _("not stated in its catalog file"),
                )
                for j in self.jurisdictions
                for f in j.frameworks
            ),
            row_header=2,  # the framework id names the row
        )


NO_RANK = "–"
"""Where a survey year has no rank of a jurisdiction in the catalog."""


def listing(catalog: Catalog, lang: str = "en") -> Listing:
    """The catalog listing, jurisdictions sorted by code, for display in ``lang``."""
    entries = sorted(catalog.files, key=lambda e: e.jurisdiction.code)
    # A survey year is one the catalog holds a rank from: every Member State has a rank in it, verified or not.
    surveys = tuple(sorted({r.year for e in entries for r in e.jurisdiction.egov_ranks}))
    rows = []
    for entry in entries:
        j = entry.jurisdiction
        ranked = {r.year for r in j.egov_ranks}
        rows.append(
            JurisdictionSummary(
                code=j.code,
                name=j.name,
                name_fr=j.name_fr,
                aliases=j.aliases,
                parent=j.parent,
                egov_ranks=tuple(sorted(j.egov_ranks, key=lambda r: r.year)),
                egov_missing=tuple(y for y in surveys if y not in ranked) if j.un_member_state else (),
                un_member_state=j.un_member_state,
                frameworks=tuple(FrameworkSummary.of(catalog, f) for f in entry.frameworks),
                source=catalog.sources.get(j.code, ""),
            )
        )
    return Listing(jurisdictions=tuple(rows), lang=lang, egov_surveys=surveys, provenance=Provenance.of(catalog, None))


@dataclass(frozen=True)
class ListingView:
    """``dgcompare list``: jurisdictions and their frameworks."""

    listing: Listing
    ranks: bool = False

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        from rich import box
        from rich.console import Group
        from rich.table import Table
        from rich.text import Text

        from dgcompare.render import localized_text

        lang = self.listing.lang
        _ = translator(lang)
        longest = max((len(f.id) for j in self.listing.jurisdictions for f in j.frameworks), default=10)
        if options.max_width < longest + max(20, longest) + 16:
            # Too narrow for whole ids beside readable titles: one block a jurisdiction, nothing cut.
            yield from self._stacked(lang)
            yield from self._footer(lang)
            return
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column(_("Code"), style="dg.code", no_wrap=True)
        # Ids never wrap (the column is as wide as the longest); a long jurisdiction name wraps within it.
        table.add_column(_("Framework"), min_width=longest, overflow="fold")
        table.add_column(_("Year"), justify="right", no_wrap=True)
        # As wide as an id at least: the details name a successor by its id, which must not be cut.
        table.add_column(_("Title"), min_width=max(20, longest))
        # Ranks get a column of their own where it fits beside whole ids and titles, else a line under the name.
        column = self.ranks and options.max_width >= 2 * longest + 30
        if column:
            table.add_column(_("UN EGDI rank"), no_wrap=True)
        for j in self.listing.jurisdictions:
            aliases = " " + _("(also {aliases})").format(aliases=", ".join(j.aliases)) if j.aliases else ""
            name = Text(label_in(j.name, j.name_fr, lang), style="bold").append(aliases, style="dg.muted")
            by_year = self.listing.ranks_by_year(j)
            ranks = [Text("\n".join(f"{rank} ({year})" for year, rank in by_year))] if column else []
            cell: RenderableType = name
            if self.ranks and not column and by_year:
                cell = Group(name, _rank_grid(by_year, lang))
            table.add_row(j.code, cell, "", "", *ranks)
            for index, f in enumerate(j.frameworks):
                details = _details(f, lang)
                table.add_row(
                    "",
                    Text(f.id, style="dg.id"),
                    f.year(lang),
                    Text.assemble(localized_text(f, lang), "\n", details),
                    *([""] if column else []),
                    end_section=index == len(j.frameworks) - 1,
                )
        from rich.segment import Segment

        # Headers and rank grids differ by language ('Année' is wider than 'Year'): a table that still comes out
        # wider than the terminal would have its titles' last letters cut, so the stacked layout takes over.
        # Rendered once: the segments measured are the ones printed.
        rendered = list(console.render(table, options))
        lines = Segment.split_lines(rendered)
        if max((Segment.get_line_length(line) for line in lines), default=0) > options.max_width:
            yield from self._stacked(lang)
        else:
            yield from rendered
        yield from self._footer(lang)

    def _footer(self, lang: str) -> "Iterator[RenderableType]":
        """The counts, the legend and what the marks after titles mean: under either layout."""
        from rich.text import Text

        yield Text(f"{self.listing.counts()}. {self.listing.default_note()}", style="dg.muted")
        for note in wording_notes(self.listing, lang):
            yield Text(note, style="dg.muted")
        if not self.ranks:
            return
        _ = translator(lang)
        for note in self.listing.rank_notes(lang):
            yield Text(note, style="dg.muted")
        references = self.listing.references()
        if references:
            yield Text(_("Sources of the ranks:"), style="dg.muted")
            for reference in references:
                yield Text(reference.text, style="dg.muted")

    def _stacked(self, lang: str) -> "Iterator[RenderableType]":
        from rich.padding import Padding
        from rich.text import Text

        from dgcompare.render import localized_text

        _ = translator(lang)
        for j in self.listing.jurisdictions:
            name = Text(label_in(j.name, j.name_fr, lang), style="bold")
            if j.aliases:
                name.append(" " + _("(also {aliases})").format(aliases=", ".join(j.aliases)), style="dg.muted")
            yield Text.assemble((j.code, "dg.code"), "  ", name)
            by_year = self.listing.ranks_by_year(j)
            if self.ranks and by_year:
                yield Padding(_rank_grid(by_year, lang), (0, 0, 0, 4))
            for f in j.frameworks:
                title = localized_text(f, lang)
                yield Padding(Text.assemble((f.id, "dg.id"), f" ({f.year(lang)}) ", title), (0, 0, 0, 4))
                yield Padding(_details(f, lang), (0, 0, 0, 8))


def _rank_grid(by_year: tuple[tuple[int, str], ...], lang: str) -> "Group":
    """A jurisdiction's EGDI ranks under their survey years, so that no line break parts a rank from its year."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    _ = translator(lang)
    grid = Table.grid(padding=(0, 1))
    for _year in by_year:
        grid.add_column(justify="right", style="dg.muted", no_wrap=True)
    grid.add_row(*(str(year) for year, __ in by_year))
    grid.add_row(*(rank for __, rank in by_year))
    return Group(Text(_("UN EGDI rank, by survey year:"), style="dg.muted"), grid)


def _details(f: FrameworkSummary, lang: str) -> "Text":
    """Items, items left out, kind, default, and status or successor: the line under a framework's title."""
    from rich.text import Text

    _, n_ = translator(lang), plural_translator(lang)
    details = Text(counted_items(f.principles, f.item_name, lang), style="dg.muted")
    if f.omitted:
        left = n_("{count} left out of the catalog", "{count} left out of the catalog", len(f.omitted))
        details.append(" · " + left.format(count=len(f.omitted)), style="dg.muted")
    if f.kind:
        details.append(f" · {kind_label(f.kind, 1, lang)}", style="dg.muted")
    if f.default:
        details.append(" · " + _("default"), style="dg.default")
    # A jurisdiction's only framework is its default even when it has been replaced: say so all the same.
    if f.superseded_by:
        details.append(" · " + _("superseded by {id}").format(id=f.superseded_by), style="dg.muted")
    elif f.status != "current":
        details.append(f" · {status_word(f.status, lang)}", style="dg.muted")
    return details

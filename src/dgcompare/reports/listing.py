"""``dgcompare list``: every jurisdiction of the active catalog and its frameworks.

The builder, its result and its view live together here; every format is a view of the result.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import Field

from dgcompare.i18n import plural_translator, translator
from dgcompare.models import Catalog, EgovRank, FrameworkKind, Status
from dgcompare.reports.base import (
    KIND,
    STATUS,
    FrameworkSummary,
    Provenance,
    Record,
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

    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.text import Text


class JurisdictionSummary(Result):
    """A jurisdiction and its frameworks, for ``dgcompare list``."""

    code: str
    name: str
    name_fr: str | None
    aliases: tuple[str, ...]
    parent: str | None
    egov_ranks: tuple[EgovRank, ...]
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
    record_type = FrameworkRecord

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
        """What ``default`` means."""
        _ = translator(self.lang)
        return (_("A jurisdiction code selects its default framework."),)

    def sources(self) -> tuple[FrameworkSummary, ...]:
        """Every framework of the catalog."""
        return tuple(f for j in self.jurisdictions for f in j.frameworks)

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
                _("egov_ranks"),
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
                    "; ".join(f"{r.year}: {r.rank}" for r in j.egov_ranks),
                    f.publisher,
                    f.url,
                    f.licence or "",
                )
                for j in self.jurisdictions
                for f in j.frameworks
            ),
            row_header=2,  # the framework id names the row
        )


def listing(catalog: Catalog, lang: str = "en") -> Listing:
    """The catalog listing, jurisdictions sorted by code, for display in ``lang``."""
    rows = []
    for entry in sorted(catalog.files, key=lambda e: e.jurisdiction.code):
        j = entry.jurisdiction
        rows.append(
            JurisdictionSummary(
                code=j.code,
                name=j.name,
                name_fr=j.name_fr,
                aliases=j.aliases,
                parent=j.parent,
                egov_ranks=tuple(sorted(j.egov_ranks, key=lambda r: r.year)),
                frameworks=tuple(FrameworkSummary.of(catalog, f) for f in entry.frameworks),
                source=catalog.sources.get(j.code, ""),
            )
        )
    return Listing(jurisdictions=tuple(rows), lang=lang, provenance=Provenance.of(catalog, None))


@dataclass(frozen=True)
class ListingView:
    """``dgcompare list``: jurisdictions and their frameworks."""

    listing: Listing
    ranks: bool = False

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        from rich import box
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
            ranks = [Text("\n".join(f"{r.rank} ({r.year})" for r in j.egov_ranks))] if column else []
            if self.ranks and not column and j.egov_ranks:
                listed = ", ".join(f"{r.rank} ({r.year})" for r in j.egov_ranks)
                name.append("\n" + _("UN EGDI rank: {ranks}").format(ranks=listed), style="dg.muted")
            table.add_row(j.code, name, "", "", *ranks)
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
        yield table
        yield from self._footer(lang)

    def _footer(self, lang: str) -> "Iterator[RenderableType]":
        """The counts, the legend and what the marks after titles mean: under either layout."""
        from rich.text import Text

        yield Text(f"{self.listing.counts()}. " + " ".join(self.listing.legend()), style="dg.muted")
        for note in wording_notes(self.listing, lang):
            yield Text(note, style="dg.muted")

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
            if self.ranks and j.egov_ranks:
                listed = ", ".join(f"{r.rank} ({r.year})" for r in j.egov_ranks)
                yield Padding(Text(_("UN EGDI rank: {ranks}").format(ranks=listed), style="dg.muted"), (0, 0, 0, 4))
            for f in j.frameworks:
                title = localized_text(f, lang)
                yield Padding(Text.assemble((f.id, "dg.id"), f" ({f.year(lang)}) ", title), (0, 0, 0, 4))
                yield Padding(_details(f, lang), (0, 0, 0, 8))


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

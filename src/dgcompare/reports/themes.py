"""``dgcompare themes``: the taxonomy of themes a catalog file may tag principles with.

A person writing their own catalog file needs the theme ids; the validator's hint for an unknown theme points
here. Each theme comes with its description, the themes it is linked to and how many principles it tags.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import Field

from dgcompare.i18n import plural_translator, translator
from dgcompare.models import Catalog
from dgcompare.reports.base import Provenance, Record, Report, Result, Tabular, label_in

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult


class ThemeEntry(Result):
    """A theme of the taxonomy, and how many principles of the catalog are tagged with it."""

    id: str
    label: str
    label_fr: str
    description: str
    description_fr: str
    related: tuple[str, ...]
    tagged: int


class ThemeRecord(Record):
    """One theme of the taxonomy."""

    theme: str = Field(description="the id a catalog file's themes list uses")
    label: str = Field(description="its label in the report's language")
    description: str = Field(description="what it covers, in the report's language")
    related: list[str] = Field(description="the ids of the themes it is linked to (openness and reuse, say)")
    tagged: int = Field(description="how many principles of the catalog are tagged with it")


class ThemeListing(Report):
    """Every theme of the taxonomy, in its order."""

    themes: tuple[ThemeEntry, ...]
    lang: str = "en"

    record_type = ThemeRecord

    def records(self) -> tuple[ThemeRecord, ...]:
        """One record per theme."""
        return tuple(
            ThemeRecord(
                theme=t.id,
                label=label_in(t.label, t.label_fr, self.lang),
                description=t.description_fr if self.lang == "fr" else t.description,
                related=list(t.related),
                tagged=t.tagged,
            )
            for t in self.themes
        )

    def brief(self) -> str:
        """``41 themes``."""
        n_ = plural_translator(self.lang)
        return n_("{count} theme", "{count} themes", len(self.themes)).format(count=len(self.themes))

    def heading(self) -> str:
        """``Themes:`` and how many."""
        _ = translator(self.lang)
        return _("Themes: {count}").format(count=self.brief())

    def legend(self) -> tuple[str, ...]:
        """What the columns hold."""
        _ = translator(self.lang)
        return (
            _(
                "A catalog file tags a principle with theme ids (themes: [user-research, accessibility]); linked "
                "themes count a little towards each other when principles are aligned; tagged counts the "
                "principles of the active catalog tagged with the theme."
            ),
        )

    def table(self) -> Tabular:
        """One row per theme."""
        _ = translator(self.lang)
        return Tabular(
            (_("theme"), _("label"), _("description"), _("linked themes"), _("tagged")),
            tuple((r.theme, r.label, r.description, ", ".join(r.related), str(r.tagged)) for r in self.records()),
            numbers=(4,),
            row_header=0,
        )

    def view(self) -> "ThemesView":
        """The table ``dgcompare themes`` prints."""
        return ThemesView(self)


def theme_listing(catalog: Catalog, lang: str = "en") -> ThemeListing:
    """Every theme of ``catalog``'s taxonomy, with how many of its principles are tagged with it."""
    tagged: dict[str, int] = {}
    for framework in catalog.frameworks():
        for principle in framework.principles:
            for theme in principle.themes:
                tagged[theme] = tagged.get(theme, 0) + 1
    # A link is written under one of its two themes and holds both ways, as the matcher reads it.
    linked = {t.id: list(t.related) for t in catalog.taxonomy.themes}
    for t in catalog.taxonomy.themes:
        for other in t.related:
            if t.id not in linked.setdefault(other, []):
                linked[other].append(t.id)
    return ThemeListing(
        themes=tuple(
            ThemeEntry(
                id=t.id,
                label=t.label,
                label_fr=t.label_fr,
                description=t.description,
                description_fr=t.description_fr,
                related=tuple(linked[t.id]),
                tagged=tagged.get(t.id, 0),
            )
            for t in catalog.taxonomy.themes
        ),
        lang=lang,
        provenance=Provenance.of(catalog, None),
    )


NARROWEST_LABEL = 55
"""Room the label, linked and tagged columns need beside the ids before the table gives way to blocks."""


@dataclass(frozen=True)
class ThemesView:
    """``dgcompare themes``: the id, label and linked themes of each theme, and how many principles it tags."""

    listing: ThemeListing

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        from rich.padding import Padding
        from rich.table import Table
        from rich.text import Text

        _, n_ = translator(self.listing.lang), plural_translator(self.listing.lang)
        # An id is never cut: the column is as wide as the longest.
        width = max((len(t.id) for t in self.listing.themes), default=5)
        if options.max_width < width + NARROWEST_LABEL:
            # Too narrow for the columns without cutting labels and linked ids: one block per theme.
            for r in self.listing.records():
                tagged = n_("{count} principle tagged", "{count} principles tagged", r.tagged).format(count=r.tagged)
                yield Text.assemble((r.theme, "dg.id"), "  ", (tagged, "dg.muted"))
                yield Padding(Text(r.label), (0, 0, 0, 2))
                if r.related:
                    linked = Text(_("linked: {themes}").format(themes=", ".join(r.related)), style="dg.muted")
                    yield Padding(linked, (0, 0, 0, 2))
            yield ""
            yield from self.listing.legend()
            return
        table = Table(box=None, pad_edge=False, header_style="bold")
        table.add_column(_("Theme"), style="dg.id", no_wrap=True, min_width=width)
        table.add_column(_("Label"), ratio=2)
        table.add_column(_("Linked"), ratio=1, style="dg.muted")
        table.add_column(_("Tagged"), justify="right")
        for r in self.listing.records():
            table.add_row(r.theme, r.label, ", ".join(r.related), str(r.tagged))
        yield table
        yield ""
        yield from self.listing.legend()

"""``dgcompare brief``: one document on chosen frameworks, made of the reports the other commands print.

A briefing holds a comparison, a coverage count, a gap report per framework examined and a coverage matrix,
built from one set of links, plus how they were made (thresholds, measured quality, version and date). Its
:meth:`Briefing.sections` lay them out as the five sections every format writes (HTML, workbook, Markdown), so
that the formats cannot disagree: they only arrange what the sections hold.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
import datetime
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from dgcompare import __version__
from dgcompare.i18n import date_text, decimal, plural_translator, translator
from dgcompare.matcher import MatchConfig, MatcherIndex
from dgcompare.models import Framework
from dgcompare.reports.base import (
    CLOSE,
    COVERS,
    FrameworkSummary,
    LinkRecord,
    Provenance,
    Report,
    Result,
    Tabular,
    ThemeSummary,
    Titled,
    WordingRule,
    counted,
    kind_label,
    label_in,
    left_out,
    link_legend,
    marked,
    shown_language,
    wording_notes,
)
from dgcompare.reports.comparison import Comparison, compare
from dgcompare.reports.coverage import CoverageReport, mixed_sources
from dgcompare.reports.gaps import GapReport, gaps
from dgcompare.reports.matrix import TOUCHED, CoverageMatrix, coverage_matrix, level_word
from dgcompare.reports.quality import QualityFigure, by_kind, kind_groups, lead, load_quality, said

if TYPE_CHECKING:
    from rich.console import RenderableType

SectionKey = Literal["summary", "alignment", "gaps", "heatmap", "method"]


class Method(Result):
    """How a briefing's links were made, and how far to trust them."""

    equivalent: float
    equivalent_across_kinds: float
    """The equivalent threshold between a programme (a strategy, a law) and a practice (a service standard)."""
    wording: WordingRule
    margin: float
    """A principle's second equivalent reaches this share of both principles' best scores (a commitment split in
    two)."""
    related: float
    related_linked: float
    """A pair whose themes are linked (open source ~ reuse) is related from this score."""
    related_share: float
    """A related link also reaches this share of the best score of one of its two principles."""
    curated: bool
    """Curated crosswalks used where they exist (False with --inferred-only)."""
    close: float
    """The lowest score at which a gap report names the closest principles of the target."""
    covers: float
    touched: float
    quality: tuple[QualityFigure, ...]
    measured: datetime.date
    """When the quality figures were measured."""
    version: str
    date: datetime.date
    """The day the briefing was written."""


@dataclass(frozen=True)
class Captioned:
    """A table with the caption that says what it holds."""

    caption: str
    table: Tabular


@dataclass(frozen=True)
class Section:
    """One part of a briefing: its heading, its paragraphs, its key points (a list), then its tables."""

    key: SectionKey
    heading: str
    paragraphs: tuple[str, ...]
    tables: tuple[Captioned, ...]
    points: tuple[str, ...] = ()


class Briefing(Report):
    """Everything ``dgcompare brief`` writes: the reports it is made of, and how their links were made."""

    frameworks: tuple[FrameworkSummary, ...]
    examined: tuple[str, ...]
    """The frameworks whose gaps the briefing reports (those named before --against)."""
    comparison: Comparison
    coverage: CoverageReport
    gaps: tuple[GapReport, ...]
    """One per examined framework, against the --against peers where given, else against the others."""
    matrix: CoverageMatrix
    method: Method
    theme: ThemeSummary | None = None
    jurisdictions: dict[str, str] = Field(default_factory=dict)
    """Each framework's jurisdiction, named in the briefing's language."""
    own: tuple[tuple[str, str], ...] = ()
    """Frameworks read from the user's own files, not the built-in catalog: (id, file)."""
    lang: str = "en"

    record_type = LinkRecord

    def records(self) -> tuple[LinkRecord, ...]:
        """One record per link, as the comparison gives them: the other sections are views of the same links."""
        return self.comparison.records()

    def brief(self) -> str:
        """``uk-service-standard-2019, au-dss-v2: 5 sections, 12 links``."""
        ids = ", ".join(f.id for f in self.frameworks)
        return f"{ids}: 5 sections, {counted(len(self.comparison.alignments), 'link')}"

    def view(self) -> "RenderableType":
        """What the terminal shows of a briefing: the comparison, the coverage, each gap report and the heatmap."""
        from rich.console import Group

        return Group(self.comparison.view(), self.coverage.view(), *(g.view() for g in self.gaps), self.matrix.view())

    def heading(self) -> str:
        """``Briefing:`` and the frameworks."""
        _ = translator(self.lang)
        return _("Briefing: {frameworks}").format(frameworks=", ".join(f.id for f in self.frameworks))

    def table(self) -> Tabular:
        """The links, as the comparison lists them: the briefing's one flat table."""
        return self.comparison.table()

    def legend(self) -> tuple[str, ...]:
        """What the marks after titles mean."""
        return wording_notes(self, self.lang)

    def sources(self) -> tuple[FrameworkSummary, ...]:
        """The frameworks of the briefing."""
        return self.frameworks

    def sections(self) -> tuple[Section, ...]:
        """The five sections every format writes, in order."""
        return (self.summary(), self.alignment(), self.gap_section(), self.heatmap(), self.method_section())

    def caution(self) -> str | None:
        """A warning where the frameworks are of different kinds, or equivalents were inferred across languages."""
        _ = translator(self.lang)
        # A framework that declares no kind (a user's file may not) differs from none.
        groups = kind_groups(self.frameworks)
        across_languages = self.comparison.language_caution
        if len(groups) < 2:
            return lead((across_languages,), self.lang)
        caution = _(
            "Caution: these frameworks are of different kinds ({kinds}); what lies outside a framework's kind "
            "reads as a gap in it."
        ).format(kinds=by_kind(groups, self.lang))
        more = said((self.comparison.kinds_caution, across_languages), self.lang)
        return f"{caution} {more}" if more else caution

    def summary(self) -> Section:
        """The frameworks, and how much of each the others cover."""
        _, n_ = translator(self.lang), plural_translator(self.lang)
        intro = n_(
            "This briefing compares {count} framework: {names}.",
            "This briefing compares {count} frameworks: {names}.",
            len(self.frameworks),
        ).format(count=len(self.frameworks), names=", ".join(marked(f, self.lang) for f in self.frameworks))
        paragraphs = [intro]
        caution = self.caution()
        if caution:
            paragraphs.append(caution)
        # Before the counts: a framework with items left out would read as covering, or missing, too little.
        if omitted := left_out(self.frameworks, self.lang):
            paragraphs.append(omitted)
        if self.own:
            paragraphs.append(
                _(
                    "From your own files, not the built-in catalog, whose titles and sources dgcompare has not "
                    "checked: {frameworks}."
                ).format(frameworks=_("; ").join(f"{framework} ({path})" for framework, path in self.own))
            )
        if self.theme is not None:
            paragraphs.append(self.theme.note(self.lang))
        if mixed := mixed_sources((p.links for p in self.coverage.pairs), self.lang):
            paragraphs.append(_("Caution: {what}").format(what=mixed))
        paragraphs.extend(wording_notes(self, self.lang))
        if self.gaps:
            paragraphs.append(
                _(
                    "Fully covered: by an equivalent, or by a principle a curated crosswalk says contains the whole "
                    "commitment. The coverage table counts equivalent links instead: a curated equivalent that makes "
                    "only part of a commitment counts there, a related principle that makes the whole of one does "
                    "not, so its figures can differ either way; each peer's line of counts says by how much."
                )
            )
        frameworks = Tabular(
            (
                _("framework"),
                _("jurisdiction"),
                _("title"),
                _("publisher"),
                _("year"),
                _("kind"),
                _("items"),
                _("source"),
            ),
            tuple(
                (
                    f.id,
                    self.jurisdictions.get(f.id, f.jurisdiction),
                    marked(f, self.lang),
                    f.publisher_in(self.lang),
                    f.dated(self.lang),
                    kind_label(f.kind, 1, self.lang) if f.kind else "",
                    str(f.principles),
                    f.url_in(self.lang),
                )
                for f in self.frameworks
            ),
            numbers=(6,),
            row_header=0,
            links=((2, 7),),
            languages=tuple(("", "", self._quoted(f), "", "", "", "", "") for f in self.frameworks),
        )
        return Section(
            "summary",
            _("Summary"),
            tuple(paragraphs),
            (
                Captioned(_("Frameworks compared"), frameworks),
                Captioned(_("Coverage: each framework's items by what they have in another"), self.coverage.table()),
            ),
            tuple(self._findings()),
        )

    def _findings(self) -> list[str]:
        """Per examined framework: how much of each peer's commitments it covers, and its most shared gaps."""
        _, n_ = translator(self.lang), plural_translator(self.lang)
        found = []
        origin = {
            "curated": _("curated links"),
            "inferred": _("inferred links"),
            "mixed": _("curated and inferred links"),
            "none": _("no link"),
        }
        for report in self.gaps:
            for peer in report.coverage:
                total = peer.covered + peer.partly_covered + peer.not_covered
                links = next(
                    (p.links for p in self.coverage.pairs if (p.framework, p.other) == (peer.peer, report.target.id)),
                    "none",
                )
                found.append(
                    n_(
                        "{target} covers {covered} of the {total} commitment of {peer} fully, {partly} partly "
                        "and {none} not at all ({origin}).",
                        "{target} covers {covered} of the {total} commitments of {peer} fully, {partly} partly "
                        "and {none} not at all ({origin}).",
                        total,
                    ).format(
                        target=report.target.id,
                        covered=peer.covered,
                        total=total,
                        peer=peer.peer,
                        partly=peer.partly_covered,
                        none=peer.not_covered,
                        origin=origin[links],
                    )
                )
            # The gap report's own ranking and counts: the peers column of its table says the same.
            if report.gaps:
                shown, more = report.gaps[:3], len(report.gaps) - 3
                # Each says how far it is a gap: a skimming reader would take every theme named for an absence.
                states = {
                    "none": _("not covered"),
                    "some": _("partly or not covered"),
                    "partly": _("partly covered"),
                }
                elsewhere = _("the target covers the theme with other principles")
                themes = _("; ").join(
                    n_(
                        "{theme} (a commitment of {count} peer, {state})",
                        "{theme} (commitments of {count} peers, {state})",
                        g.peer_count,
                    ).format(
                        theme=label_in(g.label, g.label_fr, self.lang),
                        count=g.peer_count,
                        # The heatmap beside it shows such a theme covered: the commitment, not the theme, is missing.
                        state=states[
                            "none" if g.not_covered == len(g.commitments) else "some" if g.not_covered else "partly"
                        ]
                        + (_("; ") + elsewhere if g.target_has_theme_elsewhere else ""),
                    )
                    for g in shown
                )
                if more > 0:
                    themes += " " + n_("and {count} more theme", "and {count} more themes", more).format(count=more)
                found.append(
                    _(
                        "Leading gaps of {target}, as the Gaps section ranks them (themes with commitments it does "
                        "not cover at all first): {themes}."
                    ).format(target=report.target.id, themes=themes)
                )
        return found

    def alignment(self) -> Section:
        """Every link, with its relation, score, origin and reasons."""
        _ = translator(self.lang)
        return Section(
            "alignment",
            _("Alignment"),
            (link_legend(self.lang, self.comparison.provenance), *self.comparison.legend()[1:]),
            (
                Captioned(
                    _("Every link between the frameworks, then the items linked to nothing")
                    if self.comparison.unmatched
                    else _("Every link between the frameworks; every item has at least one"),
                    self.table(),
                ),
            ),
        )

    def gap_section(self) -> Section:
        """Each examined framework against the others: what it covers, partly covers, or not at all."""
        _ = translator(self.lang)
        # The briefing's own caution stands for the gap reports', which name an option brief does not have.
        levels = tuple(dict.fromkeys(line for report in self.gaps for line in report.levels()))
        caution = self.caution()
        tables = []
        for report in self.gaps:
            # The summary says each peer's line says by how much these counts differ from coverage's: it must.
            counts = Tabular(
                (_("peer"), _("covered"), _("partly covered"), _("not covered"), _("as coverage counts")),
                tuple(
                    (p.peer, str(p.covered), str(p.partly_covered), str(p.not_covered), report.containment(p))
                    for p in report.coverage
                ),
                numbers=(1, 2, 3),
                row_header=0,
            )
            tables.append(
                Captioned(_("{target}: peers' commitments it covers").format(target=report.target.id), counts)
            )
            tables.append(Captioned(report.heading(), report.table()))
        return Section("gaps", _("Gaps"), (*([caution] if caution else []), *levels), tuple(tables))

    def heatmap(self) -> Section:
        """Themes by frameworks: how each framework covers each theme, and the principles behind each cell."""
        _ = translator(self.lang)
        grid = Tabular(
            (_("theme"), *(f.id for f in self.matrix.frameworks), _("frameworks covering")),
            tuple(
                (
                    label_in(r.label, r.label_fr, self.lang),
                    *(
                        level_word(c.level, self.lang)
                        + (f" ({', '.join(str(n) for n in c.principles)})" if c.principles else "")
                        for c in r.cells
                    ),
                    str(r.covered),
                )
                for r in self.matrix.rows
            ),
            numbers=(len(self.matrix.frameworks) + 1,),
            row_header=0,
        )
        # The cells name principles by number: each is listed once, not once per theme it covers.
        behind = Tabular(
            (_("framework"), _("number"), _("title"), _("url")),
            tuple((p.framework, str(p.number), marked(p, self.lang), p.url or "") for p in self.matrix.principles),
            numbers=(1,),
            links=((2, 3),),
            languages=tuple(("", "", self._quoted(p), "") for p in self.matrix.principles),
        )
        return Section(
            "heatmap",
            _("Theme coverage"),
            (
                _(
                    "tagged: a principle names the theme among its curated themes; inferred: a principle's wording "
                    "gives the theme a weight of at least {covers}; both count as covering the theme. touched: a "
                    "weight of at least {touched}, not counted; none: no principle on the theme."
                ).format(
                    covers=decimal(self.matrix.threshold, 2, self.lang),
                    touched=decimal(self.matrix.touched, 2, self.lang),
                ),
                # After the levels, the matrix's notes on frameworks with items left out of the catalog.
                *self.matrix.legend()[1:],
                _(
                    "Each cell names the numbers of the principles behind it; the table after the heatmap gives "
                    "their titles."
                ),
            ),
            (
                Captioned(_("Theme coverage heatmap"), grid),
                Captioned(_("The principles behind the cells, by number"), behind),
            ),
        )

    def _quoted(self, item: Titled) -> str:
        """The language of ``item``'s title as the briefing shows it, where it is not the briefing's ('' else)."""
        found = shown_language(item, self.lang)
        return "" if found == self.lang else found

    def _omitted(self) -> Tabular:
        """Each item of the frameworks the catalog leaves out, and why."""
        _ = translator(self.lang)
        return Tabular(
            (_("framework"), _("number"), _("why it is left out")),
            tuple((f.id, str(o.number), o.reason) for f in self.frameworks for o in f.omitted),
            numbers=(1,),
        )

    def _crosswalks_used(self) -> tuple[str, ...]:
        """Which crosswalk files the curated links come from, with how many each gives: the built-in or a reader's."""
        used = Counter(x.crosswalk for x in self.comparison.alignments if x.source == "curated" and x.crosswalk)
        if not used:
            return ()
        _, n_ = translator(self.lang), plural_translator(self.lang)
        files = _("; ").join(
            n_("{file} ({count} link)", "{file} ({count} links)", count).format(file=file, count=count)
            for file, count in sorted(used.items())
        )
        return (_("Curated links come from: {files}.").format(files=files),)

    def method_section(self) -> Section:
        """Sources, how the links were made and how far to trust them, and what the data leaves out."""
        _ = translator(self.lang)
        m = self.method
        source = (
            _("Links come from curated crosswalks where a crosswalk maps the pair, else from the matcher.")
            if m.curated
            else _("Links are the matcher's alone (--inferred-only): curated crosswalks were ignored.")
        )
        paragraphs = [
            _(
                "The matcher compares two principles by the concepts of their titles and summaries (synonyms and "
                "six languages folded into English concept terms, weighted by rarity), by their themes (curated, "
                "and inferred from their wording) and by their titles alone; it is deterministic and needs no "
                "network."
            ),
            source,
            *self._crosswalks_used(),
            _(
                "A pair is equivalent from a score of {equivalent} ({across} between a strategy, law, declaration, "
                "charter or recommendation and a service, design or technology standard) when it is also the best "
                "pairing of the two "
                "frameworks (or a compound principle's counterpart, or a second counterpart within {split}% of both "
                "principles' best scores), and {wording}; related from {related} when it also reaches {share}% of "
                "the best score of one of its two principles, or from {linked} where their themes are linked (such "
                "as open source and reuse); a theme counts as covered from a weight of "
                "{covers}, touched from {touched}; a gap report names the target's closest principles from {close}."
            ).format(
                equivalent=decimal(m.equivalent, 2, self.lang),
                across=decimal(m.equivalent_across_kinds, 2, self.lang),
                split=f"{(1 - m.margin) * 100:.0f}",
                wording=m.wording.phrase(self.lang),
                related=decimal(m.related, 2, self.lang),
                linked=decimal(m.related_linked, 2, self.lang),
                share=f"{m.related_share * 100:.0f}",
                covers=decimal(m.covers, 2, self.lang),
                touched=decimal(m.touched, 2, self.lang),
                close=decimal(m.close, 2, self.lang),
            ),
            _(
                "Measured quality (curated crosswalks off, {date}): precision, recall and F1 of the pairs the "
                "matcher calls equivalent against pairs people labelled the same commitment. Treat inferred links "
                "as suggestions to check against the sources."
            ).format(date=date_text(m.measured, self.lang)),
        ]
        left = [(f, o) for f in self.frameworks for o in f.omitted]
        paragraphs.append(
            _(
                "Items of these frameworks left out of the catalog, and why, are in the last table: what looks absent "
                "in this briefing may be among them."
            )
            if left
            else _("No item of these frameworks is left out of the catalog.")
        )
        paragraphs.append(
            _("Written by dgcompare {version} on {date}.").format(version=m.version, date=date_text(m.date, self.lang))
        )
        if self.provenance is not None:
            # What a reader needs to make the same briefing again: the same data, code and settings.
            paragraphs.append(
                _(
                    "Provenance: catalog fingerprint {catalog}; code fingerprint {code}; settings: equivalent "
                    "{equivalent} ({across} across kinds), shared wording under {below} (terms {terms}, title "
                    "{title}%), related {related}, curated crosswalks {curated}; language {lang}."
                ).format(
                    catalog=self.provenance.catalog_fingerprint,
                    code=self.provenance.code_fingerprint,
                    equivalent=decimal(m.equivalent, 2, self.lang),
                    across=decimal(m.equivalent_across_kinds, 2, self.lang),
                    below=decimal(m.wording.below, 2, self.lang),
                    terms=decimal(m.wording.terms, 2, self.lang),
                    title=f"{m.wording.title * 100:.0f}",
                    related=decimal(m.related, 2, self.lang),
                    curated=_("used") if m.curated else _("ignored"),
                    lang=self.lang,
                )
            )
        sources = Tabular(
            (_("framework"), _("title"), _("publisher"), _("year"), _("source"), _("licence")),
            tuple(
                (
                    f.id,
                    marked(f, self.lang),
                    f.publisher_in(self.lang),
                    f.year(self.lang),
                    f.url_in(self.lang),
                    f.licence or _("not stated"),
                )
                for f in self.frameworks
            ),
            row_header=0,
            links=((1, 4),),
            # Licences are noted in English in the catalog.
            languages=tuple(
                ("", self._quoted(f), "", "", "", "en" if self.lang != "en" and f.licence else "")
                for f in self.frameworks
            ),
        )
        quality = Tabular(
            (_("labelled set"), _("labelled pairs"), _("precision"), _("recall"), _("F1")),
            tuple(
                (
                    label_in(q.label, q.label_fr, self.lang),
                    str(q.pairs),
                    f"{q.precision:.2f}",
                    f"{q.recall:.2f}",
                    f"{q.f1:.2f}",
                )
                for q in m.quality
            ),
            numbers=(1, 2, 3, 4),
            row_header=0,
        )
        return Section(
            "method",
            _("Sources and method"),
            tuple(paragraphs),
            (
                Captioned(_("Sources"), sources),
                Captioned(_("Measured quality of the matcher"), quality),
                *(
                    [Captioned(_("Items left out of the catalog"), omitted)]
                    if (omitted := self._omitted()).rows
                    else []
                ),
            ),
            tuple(f.citation(self.lang) for f in self.frameworks),
        )


def briefing(
    index: MatcherIndex,
    frameworks: Sequence[Framework],
    against: Sequence[Framework] = (),
    config: MatchConfig | None = None,
    lang: str = "en",
    theme: str | None = None,
    today: datetime.date | None = None,
) -> Briefing:
    """A briefing on ``frameworks``, each examined for gaps against the others (or against ``against`` alone).

    Args:
        index: the matcher index of the catalog the frameworks come from.
        frameworks: the frameworks examined, in order; with ``against`` empty, two or more.
        against: peers that appear in every table but whose own gaps are not examined.
        config: matcher settings (defaults when None).
        lang: ``en`` or ``fr``.
        theme: keep only the principles on this theme.
        today: the date the briefing states (today when None).
    """
    config = config or MatchConfig()
    every = list(dict.fromkeys([*frameworks, *against]))
    catalog = index.catalog
    comparison = compare(index, every, config, lang, theme=theme)
    examined = [
        gaps(index, f, [p for p in (against or every) if p.id != f.id], config, lang, theme=theme) for f in frameworks
    ]
    measured, quality = load_quality()
    names = {}
    own = []
    for f in every:
        entry = catalog.jurisdiction_of(f.id).jurisdiction
        names[f.id] = label_in(entry.name, entry.name_fr, lang)
        source = catalog.sources.get(entry.code, "")
        if source and not source.startswith("<built-in>"):
            own.append((f.id, source))
    return Briefing(
        frameworks=comparison.frameworks,
        examined=tuple(f.id for f in frameworks),
        comparison=comparison,
        coverage=CoverageReport(
            frameworks=comparison.frameworks,
            pairs=comparison.coverage,
            curated=config.curated,
            equivalent_threshold=config.equivalent,
            equivalent_across_kinds=config.equivalent_across,
            wording=WordingRule.of(config),
            related_threshold=config.related,
            related_linked=config.related_linked,
            kinds_caution=comparison.kinds_caution,
            language_caution=comparison.language_caution,
            lang=lang,
        ),
        gaps=tuple(examined),
        matrix=coverage_matrix(index, every, lang, theme=theme),
        method=Method(
            equivalent=config.equivalent,
            equivalent_across_kinds=config.equivalent_across,
            wording=WordingRule.of(config),
            margin=config.margin,
            related=config.related,
            related_linked=config.related_linked,
            related_share=config.related_share,
            curated=config.curated,
            close=CLOSE,
            covers=COVERS,
            touched=TOUCHED,
            quality=quality,
            measured=measured,
            version=__version__,
            date=today or datetime.date.today(),
        ),
        theme=ThemeSummary.of(catalog, theme),
        jurisdictions=names,
        own=tuple(own),
        lang=lang,
        provenance=Provenance.of(catalog, config, index),
    )

"""``dgcompare show FRAMEWORK:N``: one principle and its counterparts in every other jurisdiction, like for like.

The builder, its result and its view live together here; every format is a view of the result.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import Field

from dgcompare.i18n import decimal, score_text, translator
from dgcompare.matcher import MatchConfig, MatcherIndex, Progress, align, rejections
from dgcompare.models import Framework, Principle
from dgcompare.reports.base import (
    CLOSE,
    Alignment,
    Candidate,
    FrameworkSummary,
    LinkRecord,
    PrincipleSummary,
    Provenance,
    Report,
    Result,
    Tabular,
    alignments_of,
    candidate_of,
    counted,
    distinct,
    fallback_mark,
    left_out,
    link_legend,
    marked,
    on_theme,
    relation_word,
    shown,
    source_word,
    summary_in,
    touches,
    unofficial_mark,
    wording_notes,
)
from dgcompare.reports.quality import KindsCaution, LanguageCaution, kinds_caution, language_caution, lead, row_reasons
from dgcompare.text import detect

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult


class Counterpart(Result):
    """A principle's counterpart in another framework."""

    framework: FrameworkSummary
    alignments: tuple[Alignment, ...]
    nearest: Candidate | None
    """The closest principle when nothing reaches the related threshold."""


class PrincipleDetail(Report):
    """``dgcompare show FRAMEWORK:N``: one principle and its counterparts in every other jurisdiction."""

    framework: FrameworkSummary
    principle: PrincipleSummary
    summary: str | None
    """Ours, in English."""
    summaries: dict[str, str] = Field(default_factory=dict)
    """Ours, in other languages."""
    summary_language: str = "en"
    """The language of ``summary``: English, but a user's file may be written in another language only."""
    themes: tuple[str, ...]
    inferred_themes: tuple[str, ...] = ()
    """Themes not tagged that its wording gives a weight of at least ``COVERS``: those ``matrix`` counts it for."""
    url: str | None
    note: str | None
    counterparts: tuple[Counterpart, ...]
    kinds_caution: KindsCaution | None = None
    """Where a counterpart is an equivalent inferred in a framework of another kind: how many, what such are worth."""
    language_caution: LanguageCaution | None = None
    """Where a counterpart is an equivalent inferred across languages, one neither English nor French."""
    lang: str = "en"
    record_type = LinkRecord

    def records(self) -> tuple[LinkRecord, ...]:
        """One record per link of the principle with a counterpart, jurisdiction by jurisdiction."""
        return tuple(LinkRecord.of(x, self.lang) for c in self.counterparts for x in c.alignments)

    def brief(self) -> str:
        """``ca-digital-standards:1: 9 links in 17 frameworks``."""
        links = sum(len(c.alignments) for c in self.counterparts)
        p = self.principle
        return f"{p.framework}:{p.number}: {counted(links, 'link')} in {counted(len(self.counterparts), 'framework')}"

    def view(self) -> "DetailView":
        """The principle and its counterparts, as ``dgcompare show FRAMEWORK:N`` prints them."""
        return DetailView(self)

    def source_lines(self) -> tuple[str, ...]:
        """Where to read the principle: its page; in French, the framework's French page first where it has one.

        The principles' own pages are English only in the catalog, so a French reader is sent to the French text
        of the framework and told the principle's page is in English.
        """
        _ = translator(self.lang)
        french = self.framework.url_fr if self.lang == "fr" else None
        if french and self.url and self.url != self.framework.url:
            return (
                _("Source: {url}").format(url=french),
                _("Page of this item: {url}").format(url=self.url) + f" {fallback_mark('en')}",
            )
        if french:
            return (_("Source: {url}").format(url=french),)
        return (_("Source: {url}").format(url=self.url),) if self.url else ()

    def heading(self) -> str:
        """``Principle:``, its reference and its title."""
        _ = translator(self.lang)
        p = self.principle
        return _("Principle: {reference} {title}").format(
            reference=f"{p.framework}:{p.number}", title=marked(p, self.lang)
        )

    def caution(self) -> str | None:
        """A warning where a counterpart is an equivalent inferred in a framework of another kind, or language."""
        return lead((self.kinds_caution, self.language_caution), self.lang)

    def legend(self) -> tuple[str, ...]:
        """The marks of a link, and what a nearest candidate is."""
        _ = translator(self.lang)
        return (
            link_legend(self.lang, self.provenance),
            _(
                "none (nearest): nothing reaches related; the closest principle, with its score, from {close} on; "
                "under it, nothing close."
            ).format(close=decimal(CLOSE, 2, self.lang)),
        )

    def sources(self) -> tuple[FrameworkSummary, ...]:
        """The principle's framework, then each framework searched for counterparts."""
        return distinct([self.framework, *(c.framework for c in self.counterparts)])

    def table(self) -> Tabular:
        """One row per counterpart (or nearest candidate) in each other framework."""
        _, lang = translator(self.lang), self.lang
        rows = []
        for c in self.counterparts:
            for a in c.alignments:
                other = a.b if (a.a.framework, a.a.number) == (self.principle.framework, self.principle.number) else a.a
                rows.append(
                    (
                        c.framework.id,
                        str(other.number),
                        marked(other, lang),
                        relation_word(a.relation, lang),
                        score_text(a.score),
                        source_word(a.source, lang),
                        " | ".join(row_reasons(a, (self.kinds_caution, self.language_caution), lang)),
                        other.url,
                    )
                )
            if not c.alignments and c.nearest is None:
                rows.append((c.framework.id, "", "", _("none (nothing close)"), "", "", "", c.framework.url_in(lang)))
            if not c.alignments and c.nearest is not None:
                n = c.nearest
                rows.append(
                    (
                        c.framework.id,
                        str(n.number),
                        marked(n, lang),
                        _("none (nearest)"),
                        score_text(n.score),
                        "",
                        "",
                        n.url,
                    )
                )
        # Each row names the principle its counterpart is of: a saved spreadsheet must say what it is about.
        me = f"{self.principle.framework}:{self.principle.number}"
        return Tabular(
            (
                _("principle"),
                _("framework"),
                _("number"),
                _("title"),
                _("relation"),
                _("score"),
                _("source"),
                _("why"),
                _("url"),
            ),
            tuple((me, *(cell or "" for cell in row)) for row in rows),
        )


def principle_detail(
    index: MatcherIndex,
    framework: Framework,
    principle: Principle,
    config: MatchConfig | None = None,
    lang: str = "en",
    progress: Progress | None = None,
) -> PrincipleDetail:
    """One principle and its counterparts in every other jurisdiction.

    Each jurisdiction's framework of the principle's own kind where it has one (architecture principles against
    architecture principles), else its default.
    """
    catalog = index.catalog
    own = catalog.jurisdiction_of(framework.id).jurisdiction.code
    counterparts = []
    alike = {catalog.jurisdiction_of(f.id).jurisdiction.code: f for f in catalog.of_kind(framework.kind, besides=own)}
    defaults = [alike.get(entry.jurisdiction.code, entry.default_framework) for entry in catalog.files]
    for done, other in enumerate(defaults, start=1):
        if progress is not None:
            progress(done, len(defaults))
        if other.id == framework.id or catalog.jurisdiction_of(other.id).jurisdiction.code == own:
            continue
        touching = [x for x in align(index, [framework, other], config) if touches(x, framework.id, principle.number)]
        links = tuple(alignments_of(catalog, touching))
        nearest = None
        curated = config is None or config.curated
        rejected = {b for a, b in rejections(catalog, framework, other) if a == principle.number} if curated else set()
        scored = [
            (s, p)
            for s, p in zip(index.scores(other, index.profile(framework, principle)), other.principles, strict=True)
            if p.number not in rejected
        ]
        if not links and scored:
            score, best = max(scored, key=lambda sq: (sq[0], -sq[1].number))
            # Lower, a score says nothing about the pair: naming a principle would read as a weak counterpart.
            nearest = candidate_of(other, best, score) if score >= CLOSE else None
        counterparts.append(
            Counterpart(framework=FrameworkSummary.of(catalog, other), alignments=links, nearest=nearest)
        )
    labels = tuple(catalog.themes[t].label_in(lang) for t in principle.themes if t in catalog.themes)
    weights = index.profile(framework, principle).own_themes
    # on_theme's rule, which matrix and gaps count by and explain names the other themes against.
    inferred = sorted(
        (
            t
            for t in weights
            if t not in principle.themes and t in catalog.themes and on_theme(index, framework, principle, t)
        ),
        key=lambda t: -weights[t],
    )
    own_summary = FrameworkSummary.of(catalog, framework)
    return PrincipleDetail(
        framework=own_summary,
        principle=PrincipleSummary.of(framework, principle),
        summary=principle.summary,
        summaries=principle.summaries,
        summary_language=detect(principle.summary) if principle.summary else "en",
        themes=labels,
        inferred_themes=tuple(catalog.themes[t].label_in(lang) for t in inferred),
        url=principle.url or framework.url,
        note=principle.note,
        counterparts=tuple(counterparts),
        kinds_caution=kinds_caution(
            [own_summary, *(c.framework for c in counterparts)],
            ((x.a.framework, x.b.framework, x) for c in counterparts for x in c.alignments),
        ),
        language_caution=language_caution(
            index, ((x.a.framework, x.b.framework, x) for c in counterparts for x in c.alignments)
        ),
        lang=lang,
        provenance=Provenance.of(catalog, config or MatchConfig(), index),
    )


@dataclass(frozen=True)
class DetailView:
    """``dgcompare show FRAMEWORK:N``: one principle, then its counterparts in every other jurisdiction."""

    detail: PrincipleDetail

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        from rich import box
        from rich.table import Table
        from rich.text import Text

        from dgcompare.render import MARKS, localized_text

        d, lang = self.detail, self.detail.lang
        _ = translator(lang)
        p, f = d.principle, d.framework
        yield Text.assemble((f"{p.framework}:{p.number}", "dg.id"), "  ", localized_text(p, lang))
        if shown(p, lang)[1] == unofficial_mark(lang):  # our translation: the reader also gets the official one
            yield Text(_("Official wording ({language}): {title}").format(language=p.title_language, title=p.title))
        yield localized_text(f, lang, style="dg.muted").append(
            f" ({f.dated(lang)}), {f.publisher_in(lang)}", style="dg.muted"
        )
        summary, mark = summary_in(d.summary, d.summaries, lang, d.summary_language)
        if summary:
            yield Text(f"{summary} {mark}" if mark else summary)
        yield Text(_("Themes: {themes}").format(themes=", ".join(d.themes) or _("none")))
        if d.inferred_themes:
            yield Text(_("Inferred (counted by matrix and gaps): {themes}").format(themes=", ".join(d.inferred_themes)))
        for line in d.source_lines():
            yield Text(line)
        if d.note:
            yield Text(_("Note: {note}").format(note=d.note), style="dg.muted")
        if caution := d.caution():
            yield Text(caution, style="bold")
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        table.add_column(_("Framework"), no_wrap=True)
        # A word longer than the column ('Informationssicherheit' at 60 columns) folds rather than loses its end.
        table.add_column(_("Counterpart"), ratio=1, overflow="fold")
        table.add_column(_("Link"), no_wrap=True)
        for c in d.counterparts:
            for a in c.alignments:
                other = a.b if (a.a.framework, a.a.number) == (p.framework, p.number) else a.a
                curated = "*" if a.source == "curated" else ""
                style = "dg.equivalent" if a.relation == "equivalent" else "dg.related"
                table.add_row(
                    Text(c.framework.id, style="dg.id"),
                    Text(f"{other.number}. ").append(localized_text(other, lang)),
                    Text(f"{MARKS[a.relation]} {score_text(a.score, lang)}{curated}", style=style),
                )
            if not c.alignments and c.nearest is None:
                table.add_row(Text(c.framework.id, style="dg.id"), Text(_("none; nothing close"), style="dg.muted"), "")
            if not c.alignments and c.nearest is not None:
                n = c.nearest
                table.add_row(
                    Text(c.framework.id, style="dg.id"),
                    Text(_("none; nearest: "), style="dg.muted")
                    .append(f"{n.number}. ")
                    .append_text(localized_text(n, lang)),
                    Text(score_text(n.score, lang), style="dg.muted"),
                )
        yield table
        yield Text(" ".join(d.legend()), style="dg.muted")
        if note := left_out((c.framework for c in d.counterparts), lang):
            yield Text(note, style="dg.muted")
        for note in wording_notes(d, lang):
            yield Text(note, style="dg.muted")

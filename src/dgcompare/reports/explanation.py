"""``dgcompare explain A:N B:M``: how one pair's score is made, signal by signal, and the verdict.

The builder, its result and its view live together here; every format is a view of the result.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import Field

from dgcompare.i18n import decimal, plural_translator, score_text, translator
from dgcompare.matcher import (
    MatchConfig,
    MatcherIndex,
    Relation,
    Source,
    exhaustive_crosswalk,
    explain_pair,
    rejections,
)
from dgcompare.models import Framework, Principle
from dgcompare.reports.base import (
    CROSSWALK,
    RELATION,
    SOURCE,
    Alignment,
    FrameworkSummary,
    PairRecord,
    PrincipleSummary,
    Provenance,
    Report,
    Result,
    Tabular,
    WordingRule,
    alignments_of,
    distinct,
    marked,
    on_theme,
    reason_in,
    relation_word,
    source_word,
    wording_notes,
)
from dgcompare.reports.quality import KindsCaution, LanguageCaution, kinds_caution, language_caution, lead

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult


class ScorePart(Result):
    """One signal of a pair's score."""

    name: str
    value: float
    weight: float


class ExplanationRecord(PairRecord):
    """One pair of principles, its score signal by signal, and the verdict."""

    score: float = Field(description="the matcher's score of the pair, 0 to 1: the weighted sum of the signals")
    terms: float = Field(description="how alike their words are (0 to 1)")
    themes: float = Field(description="how alike their themes are (0 to 1)")
    title: float = Field(description="how alike their titles are (0 to 1)")
    linked: float = Field(description="how far each side's themes are those the taxonomy links to the other's (0 to 1)")
    shared_themes: list[str] = Field(description="the themes both are on, by label")
    shared_terms: list[str] = Field(description="the concept terms both use")
    rank_among_b: int = Field(description="1 when the second is the first's best candidate in its framework")
    rank_among_a: int = Field(description="1 when the first is the second's best candidate in its framework")
    relation: Relation | None = Field(description=RELATION + "; None when show links them not")
    source: Source | None = Field(description=SOURCE + "; None when they are not linked")
    link_score: float | None = Field(description="the score of their link in show (a curated strength / 10)")
    crosswalk: str | None = Field(description=CROSSWALK)
    rejected: str | None = Field(description="where a curated crosswalk says the pair is not related, its reason")


class PairExplanation(Report):
    """Why two principles do or do not align: ``dgcompare explain``."""

    a: PrincipleSummary
    b: PrincipleSummary
    score: float
    parts: tuple[ScorePart, ...]
    shared_themes: tuple[str, ...]
    faint_themes: tuple[str, ...] = ()
    """Themes both principles carry, though not among the themes listed for one side or both: where no listed theme
    is shared, they are where the themes value comes from, strongest first (two at most)."""
    shared_terms: tuple[str, ...]
    """The terms both use, as they write them (``users / citizens`` where their words differ)."""
    themes_a: tuple[str, ...]
    themes_b: tuple[str, ...]
    lent_a: tuple[str, ...] = ()
    """Of ``themes_a``, those an untagged principle only borrows from the tagged principles nearest its words: they
    help match it, but ``show A:N`` does not list them as its themes."""
    lent_b: tuple[str, ...] = ()
    weak_a: tuple[str, ...] = ()
    """Of ``themes_a``, those not tagged that ``a``'s own words name, but too weakly for ``show A:N`` and ``matrix``
    to count it on them."""
    weak_b: tuple[str, ...] = ()
    rank_among_b: int
    """1 when ``b`` is ``a``'s best candidate in ``b``'s framework."""
    rank_among_a: int
    equivalent_threshold: float
    """The pair's: higher between a programme (a strategy, a law) and a practice (:attr:`MatchConfig.across_kinds`)."""
    wording: WordingRule
    related_threshold: float
    linked_threshold: float
    """A pair is related from this score when its linked-themes signal reaches :attr:`linked_needed`."""
    linked_needed: float
    alignment: Alignment | None
    """The alignment ``show`` reports for this pair (curated or inferred), if any."""
    rejected: str | None = None
    """Where a curated crosswalk says the pair is not related, its explanation: why no report links them."""
    hidden_by: str | None = None
    """Where the pair has no link because an exhaustive curated crosswalk between its frameworks lists none, that
    crosswalk's file: it leaves no inferred link between them, whatever the score."""
    frameworks: tuple[FrameworkSummary, ...] = ()
    """The frameworks of ``a`` and ``b`` (one when both are of the same framework)."""
    kinds_caution: KindsCaution | None = None
    """Where the verdict is an equivalent inferred between frameworks of different kinds: what such are worth."""
    language_caution: LanguageCaution | None = None
    """Where the verdict is an equivalent inferred with a framework read in a language other than English or French."""
    lang: str = "en"
    record_type = ExplanationRecord

    def records(self) -> tuple[ExplanationRecord]:
        """The one pair explained, as one record."""
        parts = {p.name: p.value for p in self.parts}
        link = self.alignment
        return (
            ExplanationRecord(
                **ExplanationRecord.pair_fields(self.a, self.b, self.lang),
                score=self.score,
                terms=parts["terms"],
                themes=parts["themes"],
                title=parts["title"],
                linked=parts["linked"],
                shared_themes=list(self.shared_themes),
                shared_terms=list(self.shared_terms),
                rank_among_b=self.rank_among_b,
                rank_among_a=self.rank_among_a,
                relation=link.relation if link else None,
                source=link.source if link else None,
                link_score=link.score if link else None,
                crosswalk=link.crosswalk if link else None,
                rejected=self.rejected,
            ),
        )

    def brief(self) -> str:
        """``uk-service-standard-2019:9 and ca-digital-standards:5: score 0.43, equivalent``."""
        verdict = self.alignment.relation if self.alignment else "not linked"
        a, b = f"{self.a.framework}:{self.a.number}", f"{self.b.framework}:{self.b.number}"
        return f"{a} and {b}: score {score_text(self.score)}, {verdict}"

    def view(self) -> "ExplanationView":
        """The explanation ``dgcompare explain`` prints."""
        return ExplanationView(self)

    def heading(self) -> str:
        """``Score explained:`` and the two principles."""
        _ = translator(self.lang)
        return _("Score explained: {a} and {b}").format(
            a=f"{self.a.framework}:{self.a.number}", b=f"{self.b.framework}:{self.b.number}"
        )

    def legend(self) -> tuple[str, ...]:
        """How the signals make the score, and the thresholds it is read against."""
        _ = translator(self.lang)
        return (
            _(
                "Contribution: value (0 to 1) × weight; the score is their sum. Thresholds: equivalent "
                "{equivalent} ({wording}), related {related}, or {linked} when the linked-themes value reaches "
                "{needed}."
            ).format(
                equivalent=decimal(self.equivalent_threshold, 2, self.lang),
                wording=self.wording.phrase(self.lang),
                related=decimal(self.related_threshold, 2, self.lang),
                linked=decimal(self.linked_threshold, 2, self.lang),
                needed=decimal(self.linked_needed, 2, self.lang),
            ),
        )

    def sources(self) -> tuple[FrameworkSummary, ...]:
        """The frameworks of the two principles."""
        return self.frameworks

    def findings(self) -> tuple[str, ...]:
        """What the pair shares, each side's themes, where their main themes differ, and how each ranks."""
        _ = translator(self.lang)
        none = _("none")
        return (
            _("Shared themes: {themes}").format(themes=", ".join(self.shared_themes))
            if self.shared_themes or not self.faint_themes
            # The themes value is not nothing: say where it comes from, so the two lines do not contradict it.
            else _(
                "Shared themes: none among those listed; the themes value comes from {themes}, weak on one side or both"
            ).format(themes=", ".join(self.faint_themes)),
            _("Shared terms: {terms}").format(terms=", ".join(self.shared_terms) or none),
            *self.context()[:2],
            *self.notes(),
            *self.context()[2:],
        )

    def context(self) -> tuple[str, ...]:
        """Each side's themes and how each ranks among the other's candidates: the findings a table row cannot hold."""
        _ = translator(self.lang)
        a, b, none = f"{self.a.framework}:{self.a.number}", f"{self.b.framework}:{self.b.number}", _("none")
        return (
            _("Themes of {reference}: {themes}").format(reference=a, themes=", ".join(self.themes_a) or none),
            _("Themes of {reference}: {themes}").format(reference=b, themes=", ".join(self.themes_b) or none),
            _("Rank: {rank_b} of {a}'s candidates in {framework_b}, {rank_a} of {b}'s in {framework_a}.").format(
                rank_b=_ordinal(self.rank_among_b, self.lang),
                a=a,
                framework_b=self.b.framework,
                rank_a=_ordinal(self.rank_among_a, self.lang),
                b=b,
                framework_a=self.a.framework,
            ),
        )

    def notes(self) -> tuple[str, ...]:
        """Where the score may mislead: themes an untagged side only borrows, and shared words of other main themes.

        The main themes are compared where the two share words: 'improve' a component is not 'improve' the service.
        """
        _, n_ = translator(self.lang), plural_translator(self.lang)
        a, b = f"{self.a.framework}:{self.a.number}", f"{self.b.framework}:{self.b.number}"
        # An untagged principle is matched with themes lent by its neighbours, which show A:N does not list: say so,
        # or a reader sees 'Themes: none' there and a shared theme here.
        lent = tuple(
            n_(
                "{reference} is not tagged and its words do not name {themes}: it borrows that theme from the tagged "
                "principles nearest its words to be matched, and show {reference} does not list it.",
                "{reference} is not tagged and its words do not name {themes}: it borrows those themes from the tagged "
                "principles nearest its words to be matched, and show {reference} does not list them.",
                len(themes),
            ).format(reference=reference, themes=", ".join(themes))
            for reference, themes in ((a, self.lent_a), (b, self.lent_b))
            if themes
        )
        weak = tuple(
            n_(
                "{reference}'s words name {themes} too weakly for show {reference} and matrix to count it on that "
                "theme.",
                "{reference}'s words name {themes} too weakly for show {reference} and matrix to count it on those "
                "themes.",
                len(themes),
            ).format(reference=reference, themes=", ".join(themes))
            for reference, themes in ((a, self.weak_a), (b, self.weak_b))
            if themes
        )
        if not (self.shared_terms and self.themes_a and self.themes_b and self.themes_a[0] != self.themes_b[0]):
            return (*lent, *weak)
        return (
            *lent,
            *weak,
            _(
                "Main themes differ: {a} is mainly about {theme_a}, {b} about {theme_b}; the words they share "
                "may name different commitments."
            ).format(a=a, theme_a=self.themes_a[0], b=b, theme_b=self.themes_b[0]),
        )

    def verdict(self) -> str:
        """What ``show`` makes of the pair: its relation and where the link comes from, or no link and why."""
        _ = translator(self.lang)
        x = self.alignment
        if x is None:
            if self.rejected is not None:
                return _("Verdict: not related (a curated crosswalk says so).")
            if self.hidden_by is not None:
                # Else a score over the related threshold beside 'not aligned' reads as a contradiction.
                return _(
                    "Verdict: not aligned: the curated crosswalk {crosswalk} is exhaustive, listing every link between "
                    "these frameworks, and lists none for this pair (--inferred-only shows what the matcher infers)."
                ).format(crosswalk=self.hidden_by)
            return _("Verdict: not aligned.")
        score = f", {score_text(x.score, self.lang)})" if x.source == "curated" else ")"
        verdict = f"{_('Verdict: ')}{relation_word(x.relation, self.lang)} ({source_word(x.source, self.lang)}{score}"
        if x.source != "curated":
            return verdict
        # Two scores for one pair would read as a contradiction: say which one the reports give.
        stands = _(
            "The crosswalk's strength ({strength}) stands in every report for the matcher's score above ({score})."
        ).format(strength=score_text(x.score, self.lang), score=score_text(self.score, self.lang))
        return f"{verdict}. {stands}"

    def caution(self) -> str | None:
        """A warning where the verdict is an equivalent inferred across kinds of framework, or across languages."""
        return lead((self.kinds_caution, self.language_caution), self.lang)

    def conclusions(self) -> tuple[str, ...]:
        """The two principles, the verdict and the reasons behind it, then each side's themes and ranks.

        What the two share and the notes are rows of :meth:`table`, which the document prints above these.
        """
        pair = tuple(f"{p.framework}:{p.number} {marked(p, self.lang)}" for p in (self.a, self.b))
        return (*pair, self.verdict(), *self.reasons(), *self.context())

    def reasons(self) -> tuple[str, ...]:
        """The reasons behind the verdict that :meth:`findings` does not already give (the crosswalk's words)."""
        if self.alignment is None:
            return (self.rejected,) if self.rejected is not None else ()
        x = self.alignment
        # Shared themes and terms are among the findings; a compound or linked-theme reason is not.
        shown = (r for r in x.why if x.source == "curated" or not r.startswith(("theme:", "terms:")))
        return tuple(reason_in(r, self.lang) for r in shown)

    def table(self) -> Tabular:
        """One row per signal, the total, the verdict and its reasons: what ``show`` makes of the pair."""
        _ = translator(self.lang)
        # A saved spreadsheet names the pair it explains: its rows alone are signals of nothing in particular.
        rows = [
            (label, f"{p.framework}:{p.number} {marked(p, self.lang)}", "", "")
            for label, p in ((_("principle"), self.a), (_("counterpart"), self.b))
        ]
        rows += [
            (signal_word(p.name, self.lang), f"{p.value:.2f}", f"{p.weight:.2f}", f"{p.value * p.weight:.3f}")
            for p in self.parts
        ]
        rows.append((_("score"), score_text(self.score), "", ""))
        rows.append((_("verdict"), self.verdict().removeprefix(_("Verdict: ")).rstrip("."), "", ""))
        rows.extend((_("reason"), reason, "", "") for reason in self.reasons())
        # What the pair shares, and where that may mislead, travel with the verdict into a spreadsheet.
        none = _("none")
        rows.append((_("shared themes"), ", ".join(self.shared_themes) or none, "", ""))
        rows.append((_("shared terms"), ", ".join(self.shared_terms) or none, "", ""))
        rows.extend((_("note"), note, "", "") for note in self.notes())
        rows.extend((_("caution"), c.note(self.lang), "", "") for c in (self.kinds_caution, self.language_caution) if c)
        return Tabular((_("signal"), _("value"), _("weight"), _("contribution")), tuple(rows), row_header=0)


def _weak(
    index: MatcherIndex,
    framework: Framework,
    principle: Principle,
    themes: tuple[tuple[str, float], ...],
    lent: tuple[str, ...],
) -> tuple[str, ...]:
    """Of a principle's listed ``themes``, those neither tagged, nor ``lent``, nor strong enough to be on (on_theme)."""
    return tuple(
        t
        for t, _weight in themes
        if t not in principle.themes and t not in lent and not on_theme(index, framework, principle, t)
    )


def signal_word(name: str, lang: str) -> str:
    """A signal of the score (``terms``) as a reader of ``lang`` calls it."""
    _ = translator(lang)
    return {"terms": _("terms"), "themes": _("themes"), "title": _("title"), "linked": _("linked themes")}.get(
        name, name
    )


def explain(
    index: MatcherIndex,
    a: tuple[Framework, Principle],
    b: tuple[Framework, Principle],
    config: MatchConfig | None = None,
    lang: str = "en",
) -> PairExplanation:
    """How the score of one pair is made, signal by signal, and the verdict ``show`` gives it."""
    config = config or MatchConfig()
    pair = explain_pair(index, a, b, config)
    detail = pair.breakdown
    terms, themes, title, linked_a, linked_b = index.weights
    labels = {t.id: t.label_in(lang) for t in index.catalog.taxonomy.themes}
    (fa, pa), (fb, pb) = a, b
    frameworks = distinct([FrameworkSummary.of(index.catalog, fa), FrameworkSummary.of(index.catalog, fb)])
    return PairExplanation(
        a=PrincipleSummary.of(fa, pa),
        b=PrincipleSummary.of(fb, pb),
        score=detail.score,
        parts=(
            ScorePart(name="terms", value=detail.terms, weight=round(terms, 4)),
            ScorePart(name="themes", value=detail.themes, weight=round(themes, 4)),
            ScorePart(name="title", value=detail.title, weight=round(title, 4)),
            # Each side's themes against the themes linked to the other's (open source ~ reuse), both ways.
            ScorePart(name="linked", value=detail.linked, weight=round(linked_a + linked_b, 4)),
        ),
        shared_themes=tuple(labels.get(t, t) for t in detail.shared_themes),
        faint_themes=tuple(labels.get(t, t) for t in _faint(index, a, b, detail.shared_themes)),
        shared_terms=pair.shared_words,
        themes_a=tuple(labels.get(t, t) for t, _ in pair.themes_a),
        themes_b=tuple(labels.get(t, t) for t, _ in pair.themes_b),
        lent_a=tuple(labels.get(t, t) for t in pair.lent_a),
        lent_b=tuple(labels.get(t, t) for t in pair.lent_b),
        weak_a=tuple(labels.get(t, t) for t in _weak(index, fa, pa, pair.themes_a, pair.lent_a)),
        weak_b=tuple(labels.get(t, t) for t in _weak(index, fb, pb, pair.themes_b, pair.lent_b)),
        rank_among_b=pair.rank_among_b,
        rank_among_a=pair.rank_among_a,
        equivalent_threshold=config.equivalent_between(fa.kind, fb.kind),
        wording=WordingRule.of(config),
        related_threshold=config.related,
        linked_threshold=config.related_linked,
        linked_needed=config.linked,
        alignment=alignments_of(index.catalog, [pair.link])[0] if pair.link else None,
        rejected=rejections(index.catalog, fa, fb).get((pa.number, pb.number)) if config.curated else None,
        hidden_by=exhaustive_crosswalk(index.catalog, fa, fb) if config.curated and pair.link is None else None,
        frameworks=frameworks,
        kinds_caution=kinds_caution(frameworks, [(fa.id, fb.id, pair.link)] if pair.link else []),
        language_caution=language_caution(index, [(fa.id, fb.id, pair.link)] if pair.link else []),
        lang=lang,
        provenance=Provenance.of(index.catalog, config, index),
    )


@dataclass(frozen=True)
class ExplanationView:
    """``dgcompare explain A:N B:M``: one pair's score, signal by signal."""

    explanation: PairExplanation

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        from rich import box
        from rich.table import Table
        from rich.text import Text

        from dgcompare.render import localized_text

        e, lang = self.explanation, self.explanation.lang
        _ = translator(lang)
        for side in (e.a, e.b):
            yield Text.assemble((f"{side.framework}:{side.number}", "dg.id"), "  ", localized_text(side, lang))
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column(_("Signal"))
        table.add_column(_("Value"), justify="right")
        table.add_column(_("Weight"), justify="right")
        table.add_column(_("Contribution"), justify="right")
        for part in e.parts:
            table.add_row(
                signal_word(part.name, lang),
                decimal(part.value, 2, lang),
                decimal(part.weight, 2, lang),
                decimal(part.value * part.weight, 3, lang),
            )
        table.add_row(Text(_("score"), style="bold"), Text(score_text(e.score, lang), style="bold"), "", "")
        yield table
        shared_themes, shared_terms, themes_a, themes_b, *facets, rank = e.findings()
        yield from (Text(shared_themes), Text(shared_terms))
        yield from (Text(themes_a, style="dg.muted"), Text(themes_b, style="dg.muted"))
        yield from (Text(line) for line in facets)
        yield from (Text(rank), Text(" ".join(e.legend())))
        style = {"equivalent": "dg.equivalent", "related": "dg.related"}.get(
            e.alignment.relation if e.alignment else "", "bold"
        )
        yield Text(e.verdict(), style=style)
        for reason in e.reasons():
            yield Text(f"  {reason}", style="dg.muted")
        if caution := e.caution():
            yield Text(caution, style="bold")
        for note in wording_notes(e, lang):
            yield Text(note, style="dg.muted")


def _ordinal(n: int, lang: str) -> str:
    if lang == "fr":
        return "1er" if n == 1 else f"{n}e"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _faint(
    index: MatcherIndex, a: tuple[Framework, Principle], b: tuple[Framework, Principle], listed: Sequence[str]
) -> list[str]:
    """The themes both carry outside ``listed`` (the shared ones an explanation names), strongest first, two at most."""
    x, y = index.profile(*a), index.profile(*b)
    both = sorted((t for t in x.themes if t in y.themes and t not in listed), key=lambda t: -x.themes[t] * y.themes[t])
    return both[:2]

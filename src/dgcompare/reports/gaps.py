"""``dgcompare gaps TARGET``: what peers commit to that the target does not, and the target's own strengths.

The builder, its result and its view live together here; every format is a view of the result.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from dgcompare.i18n import decimal, plural_translator, score_text, translator
from dgcompare.matcher import EQUIVALENT, Link, MatchConfig, MatcherIndex, Progress, Relation, Source, align, rejections
from dgcompare.models import Framework, Principle
from dgcompare.reports.base import (
    CLOSE,
    CROSSWALK,
    SOURCE,
    Candidate,
    FrameworkSummary,
    PrincipleSummary,
    Provenance,
    Record,
    Report,
    Result,
    Tabular,
    ThemeSummary,
    Titled,
    candidate_of,
    counted,
    distinct,
    kind_label,
    label_in,
    left_out,
    marked,
    on_theme,
    relation_word,
    shown,
    shown_language,
    source_word,
    title_fields,
    wording_notes,
)
from dgcompare.reports.coverage import LINKS, LinkSources, links_of, mixed_sources, origin_word
from dgcompare.reports.quality import KindsCaution, LanguageCaution, kinds_caution, language_caution, lead, said

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.text import Text


Coverage = Literal["covered", "partly covered", "not covered"]
COVERED: Coverage = "covered"
PARTLY: Coverage = "partly covered"
NOT_COVERED: Coverage = "not covered"


def coverage_word(level: Coverage, lang: str) -> str:
    """A coverage level (``partly covered``) as a reader of ``lang`` calls it."""
    _ = translator(lang)
    return {COVERED: _("covered"), PARTLY: _("partly covered"), NOT_COVERED: _("not covered")}[level]


COVERAGE = "partly covered: target principles are only related to it; not covered: none is linked to it"


class Commitment(Result):
    """A peer principle the target does not fully cover, and what in the target comes nearest."""

    principle: PrincipleSummary
    coverage: Coverage = Field(description=COVERAGE)
    """``partly covered``: related to a target principle, equivalent to none; ``not covered``: linked to none."""
    by: tuple[Candidate, ...]
    """For ``partly covered``: the related target principles, with the link's score and source, strongest first.
    For ``not covered``: the target principles scoring at least :data:`CLOSE`, two at most; often none."""


class Gap(Result):
    """A theme under which peers make commitments the target does not fully cover."""

    theme: str
    label: str
    label_fr: str
    peer_count: int
    """How many peers make such a commitment."""
    commitments: tuple[Commitment, ...]
    target_has_theme_elsewhere: bool
    """The target has a principle on the theme besides those shown against these commitments."""

    @property
    def not_covered(self) -> int:
        """How many of the commitments nothing in the target is linked to."""
        return sum(c.coverage == NOT_COVERED for c in self.commitments)


class PeerCoverage(Result):
    """How much of one peer the target covers: its principles by coverage level."""

    peer: str
    covered: int
    partly_covered: int
    not_covered: int
    equivalent_in_part: int = Field(
        0,
        description="partly covered principles that have an equivalent link, because a curated crosswalk says the "
        "target principle makes only part of the commitment (subset): coverage counts them as equivalent",
    )
    whole_by_related: int = Field(
        0,
        description="covered principles that have no equivalent link, because a curated crosswalk says a target "
        "principle contains the whole commitment (superset): coverage counts them as only related",
    )
    links: LinkSources = Field("none", description=LINKS)


class GapRecord(Record):
    """One peer commitment the target does not fully cover, or one of the target's distinctive principles."""

    kind: Literal["gap", "distinctive"] = Field(
        description="gap: a peer's commitment the target does not fully cover; distinctive: a target principle "
        "no peer principle is linked to"
    )
    target: str = Field(description="the id of the framework examined")
    theme: str | None = Field(
        description="the id of the gap's theme (the commitment's main theme); None for distinctive"
    )
    theme_label: str | None = Field(description="the theme's label in the report's language")
    peer_count: int | None = Field(description="how many peers make a commitment on the theme the target misses")
    framework: str = Field(description="the id of the principle's framework: a peer's for a gap, the target's else")
    number: int = Field(description="the principle's number")
    title: str = Field(description="its title as a reader of the report's language sees it, without a mark")
    title_language: str = Field(description="the language of title (ISO 639-1)")
    title_official: bool = Field(description="title is the official wording; False where the text is ours")
    url: str | None = Field(description="where to read it")
    coverage: Coverage | None = Field(description=COVERAGE + "; None for a distinctive principle")
    target_numbers: list[int] = Field(
        description="partly covered: the related target principles, strongest first; not covered: the closest "
        "target principles (score from 0.15, two at most)"
    )
    target_titles: list[str] = Field(
        description="their titles as a reader of the report's language sees them, without a mark, in the same order"
    )
    target_title_languages: list[str] = Field(description="the language of each of target_titles (ISO 639-1)")
    target_titles_official: list[bool] = Field(
        description="whether each of target_titles is the official wording; False where the text is ours"
    )
    target_scores: list[float] = Field(description="their scores against the commitment, in the same order")
    target_sources: list[Source | None] = Field(description=SOURCE + "; None for a closest principle's bare score")
    target_relations: list[Relation | None] = Field(
        description="each link's relation (a curated subset can be equivalent yet cover partly); None for a "
        "closest principle's bare score"
    )
    target_crosswalks: list[str | None] = Field(description=CROSSWALK)


class GapReport(Report):
    """``dgcompare gaps TARGET``: what peers commit to that the target does not, and its own strengths."""

    target: FrameworkSummary
    peers: tuple[FrameworkSummary, ...]
    coverage: tuple[PeerCoverage, ...]
    """One per peer, in order."""
    gaps: tuple[Gap, ...]
    distinctive: tuple[PrincipleSummary, ...]
    theme: ThemeSummary | None = None
    """The theme the report was narrowed to, if any."""
    peer_kind: str | None = None
    """The kind every peer is of, when they share one (like for like); None when they are of several kinds."""
    kinds_caution: KindsCaution | None = None
    """Where a link counted was an equivalent inferred between frameworks of different kinds: how many, and what
    such equivalents proved worth."""
    language_caution: LanguageCaution | None = None
    """Where a link counted was an equivalent inferred with a framework read in a language other than English or
    French."""
    close: float = CLOSE
    lang: str = "en"
    record_type = GapRecord

    def records(self) -> tuple[GapRecord, ...]:
        """One record per commitment of a gap, themes in rank order, then one per distinctive principle."""
        lang = self.lang
        found = [
            GapRecord(
                kind="gap",
                target=self.target.id,
                theme=g.theme,
                theme_label=label_in(g.label, g.label_fr, lang),
                peer_count=g.peer_count,
                framework=c.principle.framework,
                number=c.principle.number,
                **title_fields(c.principle, lang),
                url=c.principle.url,
                coverage=c.coverage,
                target_numbers=[x.number for x in c.by],
                target_titles=[shown(x, lang)[0] for x in c.by],
                target_title_languages=[shown_language(x, lang) for x in c.by],
                target_titles_official=[title_fields(x, lang)["title_official"] for x in c.by],
                target_scores=[x.score for x in c.by],
                target_sources=[x.source for x in c.by],
                target_relations=[x.relation for x in c.by],
                target_crosswalks=[x.crosswalk for x in c.by],
            )
            for g in self.gaps
            for c in g.commitments
        ]
        found.extend(
            GapRecord(
                kind="distinctive",
                target=self.target.id,
                theme=None,
                theme_label=None,
                peer_count=None,
                framework=p.framework,
                number=p.number,
                **title_fields(p, lang),
                url=p.url,
                coverage=None,
                target_numbers=[],
                target_titles=[],
                target_title_languages=[],
                target_titles_official=[],
                target_scores=[],
                target_sources=[],
                target_relations=[],
                target_crosswalks=[],
            )
            for p in self.distinctive
        )
        return tuple(found)

    def brief(self) -> str:
        """``ca-digital-standards against 3 peers: 17 commitments not fully covered under 12 themes, 2 distinctive``.

        The commitments are what :meth:`records` gives a row each, before the distinctive principles.
        """
        commitments = sum(len(g.commitments) for g in self.gaps)
        return (
            f"{self.target.id} against {counted(len(self.peers), 'peer')}: {counted(commitments, 'commitment')} "
            f"not fully covered under {counted(len(self.gaps), 'theme')}, {len(self.distinctive)} distinctive"
        )

    def view(self) -> "GapView":
        """The report ``dgcompare gaps`` prints."""
        return GapView(self)

    def heading(self) -> str:
        """``Gaps:``, the target and its peers."""
        _ = translator(self.lang)
        return _("Gaps: {target} against {peers}").format(
            target=self.target.id, peers=", ".join(p.id for p in self.peers)
        )

    def caution(self) -> str | None:
        """A warning where peers are of another kind than the target, or equivalents were inferred across languages.

        A peer of another kind does not share the target's scope; an equivalent across kinds or languages counted
        a commitment covered on weaker evidence than the others.
        """
        _ = translator(self.lang)
        others = [p for p in self.peers if p.kind and self.target.kind and p.kind != self.target.kind]
        parts: list[str] = []
        if others:
            parts.append(
                _(
                    "Caution: {target} is of the kind {kind}; peers of another kind: {peers}. What lies outside the "
                    "target's kind reads as a gap here; --kind {own} compares like with like."
                ).format(
                    target=self.target.id,
                    kind=kind_label(self.target.kind or "", 1, self.lang),
                    peers=", ".join(f"{p.id} ({kind_label(p.kind or '', 1, self.lang)})" for p in others),
                    own=self.target.kind,
                )
            )
        cautions = (self.kinds_caution if others else None, self.language_caution)
        if any(cautions):
            parts.append((said(cautions, self.lang) if parts else lead(cautions, self.lang)) or "")
            parts.append(
                _("A peer's commitment counted covered through such an equivalent may be only partly covered.")
            )
        if mixed := mixed_sources((p.links for p in self.coverage), self.lang):
            parts.append(mixed if parts else _("Caution: {what}").format(what=mixed))
        return " ".join(parts) or None

    def peer_counts(self) -> tuple[str, ...]:
        """Each peer's principles covered, partly covered and not covered, one line per peer."""
        _, n_ = translator(self.lang), plural_translator(self.lang)
        lines = []
        for peer in self.coverage:
            # Each count with its own agreement: French says "1 non couvert", "2 non couverts".
            counts = ", ".join(
                (
                    n_("{count} covered", "{count} covered", peer.covered).format(count=peer.covered),
                    n_("{count} partly covered", "{count} partly covered", peer.partly_covered).format(
                        count=peer.partly_covered
                    ),
                    n_("{count} not covered", "{count} not covered", peer.not_covered).format(count=peer.not_covered),
                )
            )
            # Curated and inferred counts do not compare: each line says which it rests on.
            origin = origin_word(peer.links, self.lang)
            where = f" ({origin})" if origin else ""
            differs = self.containment(peer)
            lines.append(f"{peer.peer}{where}{_(': ')}{counts}" + (f" ({differs})" if differs else ""))
        return tuple(lines)

    def containment(self, peer: PeerCoverage) -> str:
        """Why this peer's counts differ from coverage's equivalents, where a curated containment makes them."""
        n_ = plural_translator(self.lang)
        said = []
        if peer.equivalent_in_part:
            said.append(
                n_(
                    "{count} equivalent makes only part of its commitment",
                    "{count} equivalents make only part of theirs",
                    peer.equivalent_in_part,
                ).format(count=peer.equivalent_in_part)
            )
        if peer.whole_by_related:
            said.append(
                n_(
                    "{count} related principle makes the whole of one",
                    "{count} related principles make the whole of theirs",
                    peer.whole_by_related,
                ).format(count=peer.whole_by_related)
            )
        if not said:
            return ""
        _ = translator(self.lang)
        equivalents = peer.covered - peer.whole_by_related + peer.equivalent_in_part
        return _("{count} with an equivalent link, as coverage counts: a curated crosswalk says {said}").format(
            count=equivalents, said=_("; ").join(said)
        )

    def conclusions(self) -> tuple[str, ...]:
        """Each peer's counts, then the totals: what the table's rows add up to."""
        return (*self.peer_counts(), self.totals())

    def totals(self) -> str:
        """How many commitments of the peers are not fully covered, how many not at all, under how many themes."""
        _, n_ = translator(self.lang), plural_translator(self.lang)
        commitments = sum(len(g.commitments) for g in self.gaps)
        uncovered = sum(g.not_covered for g in self.gaps)
        counts = n_(
            "{count} commitment of the peers not fully covered",
            "{count} commitments of the peers not fully covered",
            commitments,
        ).format(count=commitments)
        # Each count with its own agreement, as in peer_counts: French says "1 non couvert", "2 non couverts".
        none = n_("{count} not covered", "{count} not covered", uncovered).format(count=uncovered)
        partly = _("{count} partly").format(count=commitments - uncovered)
        under = n_("under {count} theme.", "under {count} themes.", len(self.gaps)).format(count=len(self.gaps))
        return f"{counts} ({none}, {partly}) {under}"

    def legend(self) -> tuple[str, ...]:
        """The coverage levels, after the caution where there is one."""
        caution = self.caution()
        return (*([caution] if caution else []), *self.levels())

    def levels(self) -> tuple[str, ...]:
        """What the coverage levels mean, and what a partly covering link under the related threshold stands on."""
        _ = translator(self.lang)
        return (
            _(
                "Covered: a target principle is equivalent, or a curated crosswalk says it contains the whole "
                "commitment (superset); partly covered: only related (~) or contained in it (= for a curated subset "
                "strong enough to count as equivalent), with the link's score, * curated; not covered: nothing "
                "linked, and the closest target principles are shown only from a score of {close}."
            ).format(close=decimal(self.close, 2, self.lang)),
            # Read alone, 'Reliability (1 peer)' says one peer commits to it; another may, under its own main theme.
            _(
                "Each commitment stands under its main theme only. Peers: how many peers have a commitment under the "
                "theme that the target does not fully cover (other peers may touch the theme under another: matrix "
                "shows who covers each theme). Themes come first where more peers have a commitment not covered at "
                "all, then where more have one not fully covered."
            ),
            *self._linked_only(),
            *self._closest_above_related(),
        )

    @property
    def _related(self) -> float:
        """The related threshold the links were made with."""
        config = self.provenance.config if self.provenance is not None else None
        return (config or MatchConfig()).related

    def _closest_above_related(self) -> tuple[str, ...]:
        """Why a closest principle can score above the related threshold and still not be linked."""
        related = self._related
        if not any(
            c.coverage == "not covered" and any(x.score >= related for x in c.by)
            for g in self.gaps
            for c in g.commitments
        ):
            return ()
        _ = translator(self.lang)
        return (
            _(
                "A closest principle can score {related} or more and still not be linked: a curated crosswalk that "
                "lists every pair of the two frameworks left the pair out, or its score falls far below what both "
                "principles find elsewhere (dgcompare explain says which)."
            ).format(related=decimal(related, 2, self.lang)),
        )

    def _linked_only(self) -> tuple[str, ...]:
        """Where a commitment is partly covered by an inferred link too weak to say anything by its score alone."""
        related = self._related
        weak = [
            c
            for g in self.gaps
            for commitment in g.commitments
            for c in commitment.by
            if c.relation == "related" and c.source == "inferred" and c.score < related
        ]
        if not weak:
            return ()
        _ = translator(self.lang)
        # Else a reader meets 'partly' beside a score the legend says means nothing ('~ 0.13' under 'from 0.15').
        return (
            _(
                "A related link scoring under {related} stands only on linked themes (open source ~ reuse of common "
                "platforms, say): the two principles work in neighbouring areas, not on one commitment, and their "
                "words may have nothing in common."
            ).format(related=decimal(related, 2, self.lang)),
        )

    def sources(self) -> tuple[FrameworkSummary, ...]:
        """The target, then its peers."""
        return distinct([self.target, *self.peers])

    def table(self) -> Tabular:
        """One row per commitment the target does not fully cover, then one per distinctive principle."""
        _ = translator(self.lang)
        # A spreadsheet keeps the rows, not the caution the report leads with: a peer of another kind says so.
        other_kind = {
            f.id: _("a peer of another kind: what lies outside the target's kind reads as a gap")
            for f in self.peers
            if f.kind and self.target.kind and f.kind != self.target.kind
        }
        if self.language_caution is not None:
            # The rows are what is not covered; the doubt is about what is not shown, so the row says so.
            across = _(
                "this peer's commitments counted covered, and so not listed, rest on equivalents inferred across "
                "languages: check them against the sources"
            )
            for f in self.peers:
                if self.language_caution.joins(self.target.id, f.id):
                    other_kind[f.id] = " | ".join(x for x in (other_kind.get(f.id), across) if x)
        rows: list[tuple[str, ...]] = []
        for g in self.gaps:
            for c in g.commitments:
                p = c.principle
                rows.append(
                    (
                        _("gap"),
                        # The theme alone, so that a spreadsheet filters and pivots on it; the note has its column.
                        label_in(g.label, g.label_fr, self.lang),
                        str(g.peer_count),
                        p.framework,
                        str(p.number),
                        marked(p, self.lang),
                        coverage_word(c.coverage, self.lang),
                        _in_target(c, self.lang),
                        p.url or "",
                        other_kind.get(p.framework, ""),
                        _("yes") if g.target_has_theme_elsewhere else "",
                    )
                )
        rows.extend(
            (
                _("distinctive"),
                "",
                "",
                p.framework,
                str(p.number),
                marked(p, self.lang),
                "",
                "",
                p.url or "",
                "",
                "",
            )
            for p in self.distinctive
        )
        rows.extend(
            (_("not in the catalog"), "", "", f.id, str(o.number), "", "", o.reason, f.url_in(self.lang), "", "")
            for f in (self.target, *self.peers)
            for o in f.omitted
        )

        def language(item: Titled) -> str:
            found = shown_language(item, self.lang)
            return "" if found == self.lang else found

        def closest(by: tuple[Candidate, ...]) -> str:
            found = {language(c) for c in by}
            return found.pop() if len(found) == 1 else ""

        # Titles quoted in another language than the report's are marked as such (a screen reader reads them so).
        languages = [
            ("", "", "", "", "", language(c.principle), "", closest(c.by), "", "", "")
            for g in self.gaps
            for c in g.commitments
        ]
        languages.extend(("", "", "", "", "", language(p), "", "", "", "", "") for p in self.distinctive)
        reason = "en" if self.lang != "en" else ""
        languages.extend(
            ("", "", "", "", "", "", "", reason, "", "", "") for f in (self.target, *self.peers) for _o in f.omitted
        )
        return Tabular(
            (
                _("kind"),
                _("theme"),
                _("peers"),
                _("framework"),
                _("number"),
                _("title"),
                _("coverage in target"),
                _("in {target}").format(target=self.target.id),
                _("url"),
                _("caution"),
                _("target covers the theme elsewhere"),
            ),
            tuple(rows),
            numbers=(2, 4),
            links=((5, 8),),
            languages=tuple(languages),
        )


def _in_target(c: Commitment, lang: str) -> str:
    """What the target has for a commitment, in a cell: its related links, else its closest principles, named so."""
    _, n_ = translator(lang), plural_translator(lang)
    # An empty cell would read as unknown: say that nothing in the target comes close.
    if not c.by:
        return _("nothing close")
    listed = _("; ").join(_candidate_text(x, lang) for x in c.by)
    # Bare scores, not links: without the word a spreadsheet reader would take them for partial answers.
    if c.coverage != "not covered":
        return listed
    return n_("closest: {principles}", "closest: {principles}", len(c.by)).format(principles=listed)


def _candidate_text(c: Candidate, lang: str) -> str:
    link = [relation_word(c.relation, lang)] if c.relation else []
    link += [source_word(c.source, lang)] if c.source else []
    return f"{c.number}. {marked(c, lang)} ({', '.join([score_text(c.score, lang), *link])})"


def _primary_theme(index: MatcherIndex, framework: Framework, principle: Principle) -> str | None:
    if principle.themes:
        return principle.themes[0]
    # Its words' strongest theme; only where they name none, the one its neighbours lend it to be matched.
    profile = index.profile(framework, principle)
    themes = profile.own_themes or profile.themes
    return max(themes, key=lambda t: (themes[t], t)) if themes else None


def gaps(
    index: MatcherIndex,
    target: Framework,
    peers: Sequence[Framework],
    config: MatchConfig | None = None,
    lang: str = "en",
    progress: Progress | None = None,
    theme: str | None = None,
) -> GapReport:
    """What ``peers`` commit to that ``target`` does not fully cover, grouped by theme, and its own strengths.

    Each peer principle is ``covered`` when a target principle is equivalent to it, ``partly covered`` when
    target principles are only related to it, and ``not covered`` when none is linked to it. Commitments that
    are not fully covered are grouped by the peer principle's main theme; themes are ranked by how many peers
    make a commitment the target does not cover at all, then by how many make one it covers partly. With
    ``theme``, only the principles on that theme count, of the peers and of the target (see
    :func:`~dgcompare.reports.base.on_theme`).
    """
    catalog = index.catalog
    target_aligned: set[int] = set()
    open_items: dict[str, list[tuple[Framework, Commitment]]] = defaultdict(list)
    coverage = []
    counted: list[tuple[Framework, list[Link]]] = []
    for done, peer in enumerate(peers, start=1):
        if progress is not None:
            progress(done, len(peers))
        found = align(index, [target, peer], config)
        counted.append((peer, found))
        rejected = set(rejections(catalog, target, peer)) if config is None or config.curated else set()
        target_aligned.update(x.a.number for x in found)
        counts = {COVERED: 0, PARTLY: 0, NOT_COVERED: 0}
        # Where a curated containment makes this count differ from coverage's count of equivalent links.
        in_part = whole_by_related = 0
        for principle in peer.principles:
            if theme is not None and not on_theme(index, peer, principle, theme):
                continue
            links = [x for x in found if x.b.number == principle.number]
            # Covered when a target principle makes the whole commitment: an equivalent, or a curated superset.
            equivalent = any(x.relation == EQUIVALENT for x in links)
            if any(x.a_covers_b for x in links):
                counts[COVERED] += 1
                whole_by_related += not equivalent
                continue
            in_part += equivalent
            if links:
                level, by = PARTLY, _linked(target, links)
            else:
                level, by = NOT_COVERED, _close(index, target, peer, principle, rejected)
            counts[level] += 1
            main_theme = _primary_theme(index, peer, principle)
            if main_theme is not None:
                item = Commitment(principle=PrincipleSummary.of(peer, principle), coverage=level, by=by)
                open_items[main_theme].append((peer, item))
        coverage.append(
            PeerCoverage(
                peer=peer.id,
                covered=counts[COVERED],
                partly_covered=counts[PARTLY],
                not_covered=counts[NOT_COVERED],
                equivalent_in_part=in_part,
                whole_by_related=whole_by_related,
                links=links_of({x.source for x in found}),
            )
        )
    found_gaps = []
    for theme_id, items in open_items.items():
        known = catalog.themes.get(theme_id)
        # 'Covers this theme with other principles' only where one is not already shown against these commitments.
        shown = {x.number for _, item in items for x in item.by}
        found_gaps.append(
            Gap(
                theme=theme_id,
                label=known.label if known else theme_id,
                label_fr=known.label_fr if known else theme_id,
                peer_count=len({peer.id for peer, _ in items}),
                commitments=tuple(item for _, item in items),
                target_has_theme_elsewhere=any(
                    p.number not in shown and on_theme(index, target, p, theme_id) for p in target.principles
                ),
            )
        )
    order = {t.id: i for i, t in enumerate(catalog.taxonomy.themes)}

    def rank(gap: Gap) -> tuple[int, int, bool, int]:
        uncovered_peers = len({c.principle.framework for c in gap.commitments if c.coverage == NOT_COVERED})
        return -uncovered_peers, -gap.peer_count, gap.target_has_theme_elsewhere, order.get(gap.theme, len(order))

    found_gaps.sort(key=rank)
    distinctive = tuple(
        PrincipleSummary.of(target, p)
        for p in target.principles
        if p.number not in target_aligned and (theme is None or on_theme(index, target, p, theme))
    )
    return GapReport(
        target=FrameworkSummary.of(catalog, target),
        peers=tuple(FrameworkSummary.of(catalog, p) for p in peers),
        coverage=tuple(coverage),
        gaps=tuple(found_gaps),
        distinctive=distinctive,
        peer_kind=kinds.pop() if len(kinds := {p.kind for p in peers}) == 1 else None,
        kinds_caution=kinds_caution(
            (FrameworkSummary.of(catalog, target), *(FrameworkSummary.of(catalog, p) for p in peers)),
            ((target.id, peer.id, x) for peer, links in counted for x in links),
        ),
        language_caution=language_caution(index, ((target.id, peer.id, x) for peer, links in counted for x in links)),
        theme=ThemeSummary.of(catalog, theme),
        lang=lang,
        provenance=Provenance.of(catalog, config or MatchConfig(), index),
    )


def _linked(target: Framework, links: Sequence[Link]) -> tuple[Candidate, ...]:
    strongest = sorted(links, key=lambda x: (-x.score, x.a.number))
    return tuple(
        candidate_of(target, target.principle(x.a.number), x.score).model_copy(
            update={"source": x.source, "crosswalk": x.crosswalk, "relation": x.relation}
        )
        for x in strongest
    )


def _close(
    index: MatcherIndex, target: Framework, peer: Framework, principle: Principle, rejected: set[tuple[int, int]]
) -> tuple[Candidate, ...]:
    """The target principles closest to a peer's uncovered one; never a pair a curated crosswalk rejects."""
    scored = zip(index.scores(target, index.profile(peer, principle)), target.principles, strict=True)
    close = [(s, p) for s, p in scored if s >= CLOSE and (p.number, principle.number) not in rejected]
    close = sorted(close, key=lambda sp: (-sp[0], sp[1].number))[:2]
    return tuple(candidate_of(target, p, s) for s, p in close)


@dataclass(frozen=True)
class GapView:
    """``dgcompare gaps TARGET``: the commitments of peers the target does not fully cover, then its own."""

    report: GapReport

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        from rich.padding import Padding
        from rich.text import Text

        from dgcompare.render import localized_text

        r, lang = self.report, self.report.lang
        _, n_ = translator(lang), plural_translator(lang)
        yield Text.assemble(
            _("Gaps of "),
            (r.target.id, "dg.id"),
            n_(" against {count} peer", " against {count} peers", len(r.peers)).format(count=len(r.peers)),
            f" ({kind_label(r.peer_kind, len(r.peers), lang)})" if r.peer_kind else "",
            _(": "),
            ", ".join(p.id for p in r.peers),
        )
        if caution := r.caution():
            yield Text(caution, style="bold")
        if r.theme is not None:
            yield Text(r.theme.note(lang))
        for line in r.peer_counts():
            # Indented as a whole, so that a wrapped line stays under its peer.
            yield Padding(Text(line, style="dg.muted"), (0, 0, 0, 2))
        references = [f"{c.principle.framework}:{c.principle.number}" for g in r.gaps for c in g.commitments]
        # The commitments column gets 4 tenths of what the Peers column and the padding leave: when an id would
        # not fit whole there, blocks replace the table.
        room = (options.max_width - 12) * 0.4
        # The Theme column gets half as much, and must hold a theme label's longest word ("administrative").
        longest_word = max((len(w) for g in r.gaps for w in f"{g.label} {g.label_fr}".split()), default=0)
        too_narrow = room < max(map(len, references), default=0) + 1 or room / 2 < longest_word + 1
        if options.max_width < STACKED_BELOW or too_narrow:
            yield from self._stacked(lang)
        else:
            yield self._table(lang)
        yield Text(f"{r.totals()} " + " ".join(x for x in r.legend() if x != r.caution()), style="dg.muted")
        if note := left_out((r.target, *r.peers), lang):
            yield Text(note, style="dg.muted")
        yield Text(_("Distinctive principles of {target} (no counterpart among the peers):").format(target=r.target.id))
        if not r.distinctive:
            yield Text("  " + _("none"), style="dg.muted")
        for d in r.distinctive:
            yield Text.assemble("  ", f"{d.number}. ", localized_text(d, lang))
        for note in wording_notes(r, lang):
            yield Text(note, style="dg.muted")

    def _table(self, lang: str) -> "RenderableType":
        from rich import box
        from rich.table import Table
        from rich.text import Text

        r, _ = self.report, translator(lang)
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        table.add_column(_("Theme"), ratio=2, overflow="fold")
        table.add_column(_("Peers"), justify="right", no_wrap=True)
        table.add_column(_("What peers commit to"), ratio=4, overflow="fold")
        table.add_column(_("In {target}").format(target=r.target.id), ratio=4, overflow="fold")
        for gap in r.gaps:
            for position, c in enumerate(gap.commitments):
                table.add_row(
                    _theme_text(gap, lang) if position == 0 else Text(""),
                    str(gap.peer_count) if position == 0 else "",
                    _commitment_text(c, lang),
                    _coverage_text(c, lang),
                    end_section=position == len(gap.commitments) - 1,
                )
        return table

    def _stacked(self, lang: str) -> "Iterator[RenderableType]":
        """One block a theme, one line a commitment and its coverage below it: nothing is cut at any width."""
        from rich.padding import Padding
        from rich.text import Text

        n_ = plural_translator(lang)
        for gap in self.report.gaps:
            peers = n_("{count} peer", "{count} peers", gap.peer_count).format(count=gap.peer_count)
            yield Text.assemble(_theme_text(gap, lang), (f" ({peers})", "dg.muted"))
            for c in gap.commitments:
                yield Padding(_commitment_text(c, lang), (0, 0, 0, 2))
                yield Padding(_coverage_text(c, lang), (0, 0, 0, 6))


STACKED_BELOW = 60
"""Gaps are drawn as a table from this width on, if every id fits whole in its column; as blocks below it."""


def _theme_text(gap: Gap, lang: str) -> "Text":
    from rich.text import Text

    _ = translator(lang)
    theme = Text(label_in(gap.label, gap.label_fr, lang), style="bold")
    if gap.target_has_theme_elsewhere:
        theme.append(" " + _("(the target covers this theme with other principles)"), style="dg.muted")
    return theme


def _commitment_text(c: Commitment, lang: str) -> "Text":
    from rich.text import Text

    from dgcompare.render import localized_text

    p = c.principle
    return Text.assemble((f"{p.framework}:{p.number} ", "dg.id"), localized_text(p, lang))


def _coverage_text(c: Commitment, lang: str) -> "Text":
    from rich.text import Text

    from dgcompare.render import localized_text

    _ = translator(lang)
    if c.coverage == PARTLY:
        text = Text(_("partly: "), style="dg.related")
        parts = [
            Text.assemble(
                f"{x.number}. ",
                localized_text(x, lang),
                # The link's own mark: a curated subset strong enough to be equivalent covers only partly.
                f" {'=' if x.relation == 'equivalent' else '~'} {score_text(x.score, lang)}"
                f"{'*' if x.source == 'curated' else ''}",
            )
            for x in c.by
        ]
        return text.append_text(Text(_("; ")).join(parts))
    text = Text(_("not covered"), style="dg.error")
    if not c.by:
        return text.append(_("; nothing close"), style="dg.muted")
    # 'closest' agrees with how many are shown: French says 'le plus proche', 'les plus proches'.
    n_ = plural_translator(lang)
    text.append(n_("; closest: ", "; closest: ", len(c.by)), style="dg.muted")
    return text.append_text(
        Text(_("; ")).join(
            Text.assemble(f"{x.number}. ", localized_text(x, lang), (f" {score_text(x.score, lang)}", "dg.muted"))
            for x in c.by
        )
    )

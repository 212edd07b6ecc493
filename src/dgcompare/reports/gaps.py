"""``dgcompare gaps TARGET``: what peers commit to that the target does not, and the target's own strengths.

The builder, its result and its view live together here; every format is a view of the result.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dgcompare.matcher import MatchConfig, MatcherIndex, Progress, align
from dgcompare.models import Framework, Principle
from dgcompare.reports.base import (
    FALLBACK_MARK,
    Candidate,
    FrameworkSummary,
    PrincipleSummary,
    Result,
    Tabular,
    candidate_of,
    marked,
    touches,
)
from dgcompare.reports.matrix import COVERS

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult


class Gap(Result):
    """A commitment peers make that the target does not: a theme and the peer principles behind it."""

    theme: str
    label: str
    label_fr: str
    peer_count: int
    covered_by: tuple[PrincipleSummary, ...]
    nearest: tuple[Candidate, ...]
    """The target's closest principles, all below the related threshold."""
    target_has_theme: bool
    """The target touches the theme elsewhere, but not these commitments."""


class GapReport(Result):
    """``dgcompare gaps TARGET``: what peers commit to that the target does not, and its own strengths."""

    target: FrameworkSummary
    peers: tuple[FrameworkSummary, ...]
    gaps: tuple[Gap, ...]
    distinctive: tuple[PrincipleSummary, ...]
    lang: str = "en"

    def table(self) -> Tabular:
        """One row per gap, then one per distinctive principle of the target."""
        rows = [
            (
                "gap",
                marked(g.label, g.label_fr, self.lang),
                str(g.peer_count),
                "; ".join(f"{p.framework}:{p.number} {p.title}" for p in g.covered_by),
                "; ".join(f"{c.framework}:{c.number} {c.title} ({c.score:.2f})" for c in g.nearest),
            )
            for g in self.gaps
        ]
        rows.extend(
            ("distinctive", "", "0", f"{p.framework}:{p.number} {marked(p.title, p.title_fr, self.lang)}", "")
            for p in self.distinctive
        )
        return Tabular(("kind", "theme", "peers", "principles", "nearest in target"), tuple(rows))


def _primary_theme(index: MatcherIndex, framework: Framework, principle: Principle) -> str | None:
    if principle.themes:
        return principle.themes[0]
    themes = index.profile(framework, principle).themes
    return max(themes, key=lambda t: (themes[t], t)) if themes else None


def gaps(
    index: MatcherIndex,
    target: Framework,
    peers: Sequence[Framework],
    config: MatchConfig | None = None,
    lang: str = "en",
    progress: Progress | None = None,
) -> GapReport:
    """What ``peers`` commit to that ``target`` does not, grouped by theme, and the target's own strengths.

    A peer principle is a gap when no principle of the target aligns with it, even as ``related``. Gaps are
    grouped by the peer principle's main theme and ranked by how many peers make such a commitment.
    """
    catalog = index.catalog
    target_aligned: set[int] = set()
    uncovered: dict[str, list[tuple[Framework, Principle]]] = defaultdict(list)
    for done, peer in enumerate(peers, start=1):
        if progress is not None:
            progress(done, len(peers))
        found = align(index, [target, peer], config)
        for alignment in found:
            target_aligned.add(alignment.a.number if alignment.a.framework == target.id else alignment.b.number)
        for principle in peer.principles:
            if not any(touches(x, peer.id, principle.number) for x in found):
                theme = _primary_theme(index, peer, principle)
                if theme is not None:
                    uncovered[theme].append((peer, principle))
    target_themes = {t for p in target.principles for t, w in index.profile(target, p).themes.items() if w >= COVERS}
    themes = catalog.themes
    found_gaps = []
    for theme_id, items in uncovered.items():
        nearest: dict[int, float] = {}
        for peer, principle in items:
            profile = index.profile(peer, principle)
            for candidate, score in zip(target.principles, index.scores(target, profile), strict=True):
                nearest[candidate.number] = max(nearest.get(candidate.number, 0.0), score)
        best = sorted(nearest.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
        known = themes.get(theme_id)
        found_gaps.append(
            Gap(
                theme=theme_id,
                label=known.label if known else theme_id,
                label_fr=known.label_fr if known else theme_id,
                peer_count=len({peer.id for peer, _ in items}),
                covered_by=tuple(PrincipleSummary.of(peer, p) for peer, p in items),
                nearest=tuple(candidate_of(target, target.principle(n), s) for n, s in best if target.principle(n)),
                target_has_theme=theme_id in target_themes,
            )
        )
    order = {t.id: i for i, t in enumerate(catalog.taxonomy.themes)}
    found_gaps.sort(key=lambda g: (-g.peer_count, g.target_has_theme, -len(g.covered_by), order.get(g.theme, 99)))
    distinctive = tuple(PrincipleSummary.of(target, p) for p in target.principles if p.number not in target_aligned)
    return GapReport(
        target=FrameworkSummary.of(catalog, target),
        peers=tuple(FrameworkSummary.of(catalog, p) for p in peers),
        gaps=tuple(found_gaps),
        distinctive=distinctive,
        lang=lang,
    )


@dataclass(frozen=True)
class GapView:
    """``dgcompare gaps TARGET``: peers' commitments the target lacks, then the target's own."""

    report: GapReport

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        from rich import box
        from rich.table import Table
        from rich.text import Text

        from dgcompare.render import localized_text

        r, lang = self.report, self.report.lang
        yield Text.assemble(
            "Gaps of ", (r.target.id, "dg.id"), f" against {len(r.peers)} peers: ", ", ".join(p.id for p in r.peers)
        )
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        table.add_column("Theme", ratio=2)
        table.add_column("Peers", justify="right", no_wrap=True)
        table.add_column("What peers commit to", ratio=4)
        table.add_column(f"Closest in {r.target.jurisdiction}", ratio=3)
        for gap in r.gaps:
            theme = localized_text(gap.label, gap.label_fr, lang)
            if gap.target_has_theme:
                theme.append("\n(theme touched elsewhere)", style="dg.muted")
            peers = Text("\n").join(
                Text.assemble((f"{p.framework}:{p.number} ", "dg.id"), p.title) for p in gap.covered_by
            )
            nearest = Text("\n").join(
                Text.assemble(
                    f"{c.number}. ", localized_text(c.title, c.title_fr, lang), (f" {c.score:.2f}", "dg.muted")
                )
                for c in gap.nearest
            )
            table.add_row(theme, str(gap.peer_count), peers, nearest)
        yield table
        yield Text(f"{len(r.gaps)} gaps. Distinctive principles of {r.target.id} (no counterpart among the peers):")
        if not r.distinctive:
            yield Text("  none", style="dg.muted")
        for p in r.distinctive:
            yield Text.assemble("  ", f"{p.number}. ", localized_text(p.title, p.title_fr, lang))
        if lang == "fr":
            yield Text(f"{FALLBACK_MARK}: no French version in the source; English shown.", style="dg.muted")

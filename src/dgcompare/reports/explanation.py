"""``dgcompare explain A:N B:M``: how one pair's score is made, signal by signal, and the verdict.

The builder, its result and its view live together here; every format is a view of the result.
"""

# No postponed annotations: Pydantic would evaluate each field's annotation string again on every start.
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dgcompare.matcher import MatchConfig, MatcherIndex, explain_pair
from dgcompare.models import Framework, Principle
from dgcompare.reports.base import (
    Alignment,
    FrameworkSummary,
    PrincipleSummary,
    Report,
    Result,
    Tabular,
    alignments_of,
    distinct,
)

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult


class ScorePart(Result):
    """One signal of a pair's score."""

    name: str
    value: float
    weight: float


class PairExplanation(Report):
    """Why two principles do or do not align: ``dgcompare explain``."""

    a: PrincipleSummary
    b: PrincipleSummary
    score: float
    parts: tuple[ScorePart, ...]
    shared_themes: tuple[str, ...]
    shared_terms: tuple[str, ...]
    themes_a: tuple[str, ...]
    themes_b: tuple[str, ...]
    rank_among_b: int
    """1 when ``b`` is ``a``'s best candidate in ``b``'s framework."""
    rank_among_a: int
    equivalent_threshold: float
    related_threshold: float
    alignment: Alignment | None
    """The alignment ``show`` reports for this pair (curated or inferred), if any."""
    frameworks: tuple[FrameworkSummary, ...] = ()
    """The frameworks of ``a`` and ``b`` (one when both are of the same framework)."""

    def heading(self) -> str:
        """``Score explained:`` and the two principles."""
        return f"Score explained: {self.a.framework}:{self.a.number} and {self.b.framework}:{self.b.number}"

    def legend(self) -> tuple[str, ...]:
        """How the signals make the score, and the thresholds it is read against."""
        return (
            "Contribution: value (0 to 1) × weight; the score is their sum. Thresholds: equivalent "
            f"{self.equivalent_threshold:.2f}, related {self.related_threshold:.2f}.",
        )

    def sources(self) -> tuple[FrameworkSummary, ...]:
        """The frameworks of the two principles."""
        return self.frameworks

    def table(self) -> Tabular:
        """One row per signal, then the total."""
        rows = [(p.name, f"{p.value:.2f}", f"{p.weight:.2f}", f"{p.value * p.weight:.3f}") for p in self.parts]
        rows.append(("score", f"{self.score:.2f}", "", ""))
        return Tabular(("signal", "value", "weight", "contribution"), tuple(rows))


def explain(
    index: MatcherIndex,
    a: tuple[Framework, Principle],
    b: tuple[Framework, Principle],
    config: MatchConfig | None = None,
) -> PairExplanation:
    """How the score of one pair is made, signal by signal, and the verdict ``show`` gives it."""
    config = config or MatchConfig()
    pair = explain_pair(index, a, b, config)
    detail, scoring = pair.breakdown, config.scoring
    labels = {t.id: t.label for t in index.catalog.taxonomy.themes}
    (fa, pa), (fb, pb) = a, b
    return PairExplanation(
        a=PrincipleSummary.of(fa, pa),
        b=PrincipleSummary.of(fb, pb),
        score=detail.score,
        parts=(
            ScorePart(name="terms", value=detail.terms, weight=scoring.term_weight),
            ScorePart(name="themes", value=detail.themes, weight=scoring.theme_weight),
            ScorePart(name="title", value=detail.title, weight=scoring.title_weight),
        ),
        shared_themes=tuple(labels.get(t, t) for t in detail.shared_themes),
        shared_terms=detail.shared_terms,
        themes_a=tuple(labels.get(t, t) for t, _ in pair.themes_a),
        themes_b=tuple(labels.get(t, t) for t, _ in pair.themes_b),
        rank_among_b=pair.rank_among_b,
        rank_among_a=pair.rank_among_a,
        equivalent_threshold=config.equivalent,
        related_threshold=config.related,
        alignment=alignments_of(index.catalog, [pair.link])[0] if pair.link else None,
        frameworks=distinct([FrameworkSummary.of(index.catalog, fa), FrameworkSummary.of(index.catalog, fb)]),
    )


@dataclass(frozen=True)
class ExplanationView:
    """``dgcompare explain A:N B:M``: one pair's score, signal by signal."""

    explanation: PairExplanation

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        from rich import box
        from rich.table import Table
        from rich.text import Text

        e = self.explanation
        for side in (e.a, e.b):
            yield Text.assemble((f"{side.framework}:{side.number}", "dg.id"), "  ", side.title)
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column("Signal")
        table.add_column("Value", justify="right")
        table.add_column("Weight", justify="right")
        table.add_column("Contribution", justify="right")
        for part in e.parts:
            table.add_row(part.name, f"{part.value:.2f}", f"{part.weight:.2f}", f"{part.value * part.weight:.3f}")
        table.add_row(Text("score", style="bold"), Text(f"{e.score:.2f}", style="bold"), "", "")
        yield table
        lines = [
            Text(f"Shared themes: {', '.join(e.shared_themes) or 'none'}"),
            Text(f"Shared terms: {', '.join(e.shared_terms) or 'none'}"),
            Text(f"Themes of {e.a.framework}:{e.a.number}: {', '.join(e.themes_a) or 'none'}", style="dg.muted"),
            Text(f"Themes of {e.b.framework}:{e.b.number}: {', '.join(e.themes_b) or 'none'}", style="dg.muted"),
            Text(
                f"Rank: {_ordinal(e.rank_among_b)} of {e.a.framework}:{e.a.number}'s candidates in {e.b.framework}, "
                f"{_ordinal(e.rank_among_a)} of {e.b.framework}:{e.b.number}'s in {e.a.framework}.",
            ),
            Text(" ".join(e.legend())),
        ]
        yield from lines
        if e.alignment is None:
            yield Text("Verdict: not aligned.", style="bold")
        else:
            style = "dg.equivalent" if e.alignment.relation == "equivalent" else "dg.related"
            verdict = Text.assemble(("Verdict: ", "bold"), (e.alignment.relation, style), f" ({e.alignment.source}")
            verdict.append(f", {e.alignment.score:.2f})" if e.alignment.source == "curated" else ")")
            yield verdict
            if e.alignment.source == "curated":
                for reason in e.alignment.why:
                    yield Text(f"  {reason}", style="dg.muted")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
